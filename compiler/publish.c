/*
 * publish.c - `sitec publish` (publish.h): compile a revision with its
 * bundles kept as blobs (compile_fleet's on_bundle), then, against the
 * branch's tip, build the new tree (unchanged sites keep their tree
 * ids), write one commit, dump the in-memory objects as one packfile
 * and move the branch by compare-and-swap; on a lost race, again on the
 * new tip.
 */
#include "publish.h"

#include "arena.h"
#include "bundle.h"
#include "bundle_format.h"
#include "compile.h"
#include "config.h"
#include "diag.h"
#include "gitsrc.h"

#include <git2.h>
#include <git2/sys/commit.h>
#include <git2/sys/mempack.h>
#include <git2/sys/odb_backend.h>
#include <jansson.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define TRAILER_PUBLISH "Sitec-Publish: "
#define TRAILER_SOURCE "Sitec-Source: "

/* A compiled site: its digest and its three files' blobs. */
struct site_rec {
	char *name;
	char digest[DIGEST_SHA256_TEXT_SIZE];
	struct bundle_entry files[3];	/* api.json, k8s.yaml, os.json */
	git_oid blobs[3];
};

struct pub {
	const struct publish_opts *o;
	struct publish_result *r;
	git_repository *repo;		/* where the branch is */
	git_odb *odb;			/* its object database */
	/* every new object goes to a repository over an object database
	 * that is the mempack alone: a write there costs no lookup on disk
	 * (libgit2 rescans objects/pack on each miss of the real one) */
	git_repository *wrepo;
	git_odb *wodb;
	git_odb_backend *mempack;	/* every new object, until dumped */
	pthread_mutex_t lock;		/* the repository, for the workers */
	struct site_rec *sites;
	size_t n, cap;
	git_oid *fresh;			/* objects new to the repository, */
	size_t nfresh, freshcap;	/* for the next packfile */
	const char *source_path;
	char refname[1024];
	git_oid race[2];		/* test_race_always */
	bool race_set;
};

/* The branch's tip as publish left it. */
struct tip {
	bool exists;
	git_oid id;
	int64_t version;
	json_t *fleet;			/* its fleet.json */
	json_t *sites;			/* fleet["sites"] */
	git_tree *sites_tree;		/* its sites/, or NULL */
};

static int fail(struct pub *p, int rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct pub *p, int rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(p->r->err, sizeof(p->r->err), fmt, ap);
	va_end(ap);
	return rc;
}

static const char *git_why(void)
{
	const git_error *e = git_error_last();

	return e && e->message ? e->message : "unknown libgit2 error";
}

/* id is new to the repository: it goes into the next packfile. */
static void note_fresh(struct pub *p, const git_oid *id)
{
	if (p->nfresh == p->freshcap) {
		p->freshcap = p->freshcap ? p->freshcap * 2 : 256;
		p->fresh = xrealloc(p->fresh, p->freshcap * sizeof(*p->fresh));
	}
	git_oid_cpy(&p->fresh[p->nfresh++], id);
}

/* data[0..len) as a blob, written (to the mempack) only when the
 * repository does not have it yet. */
static int write_blob(struct pub *p, git_oid *id, const void *data,
		      size_t len)
{
	if (git_odb_hash(id, data, len, GIT_OBJECT_BLOB))
		return -1;
	/* no refresh: a miss would rescan objects/pack each time */
	if (git_odb_exists_ext(p->odb, id, GIT_ODB_LOOKUP_NO_REFRESH) ||
	    git_odb_exists(p->wodb, id))
		return 0;
	if (git_odb_write(id, p->wodb, data, len, GIT_OBJECT_BLOB))
		return -1;
	note_fresh(p, id);
	return 0;
}

/* --- the compiled bundles, as blobs ------------------------------------------ */

static int keep_bundle(void *arg, size_t k, const char *site,
		       const struct bundle *b, char *err, size_t errsize)
{
	struct pub *p = arg;
	static const int which[3] = { BUNDLE_API, BUNDLE_K8S, BUNDLE_OS };
	struct site_rec rec;
	int rc = 0;

	(void)k;
	(void)site;
	if (!b)		/* errors: the run publishes nothing */
		return 0;
	memset(&rec, 0, sizeof(rec));
	memcpy(rec.digest, b->digest, sizeof(rec.digest));
	pthread_mutex_lock(&p->lock);
	for (int i = 0; i < 3 && rc == 0; i++) {
		const struct bundle_file *f = &b->files[which[i]];

		rec.files[i].name = f->name;
		memcpy(rec.files[i].sha256, f->sha256,
		       sizeof(rec.files[i].sha256));
		if (write_blob(p, &rec.blobs[i], f->data, f->len) != 0) {
			snprintf(err, errsize, "cannot write a blob of site "
				 "%s: %s", b->site, git_why());
			rc = -1;
		}
	}
	if (rc == 0) {
		rec.name = xstrdup(b->site);
		if (p->n == p->cap) {
			p->cap = p->cap ? p->cap * 2 : 256;
			p->sites = xrealloc(p->sites, p->cap * sizeof(*p->sites));
		}
		p->sites[p->n++] = rec;
	}
	pthread_mutex_unlock(&p->lock);
	return rc;
}

static int cmp_rec(const void *a, const void *b)
{
	return strcmp(((const struct site_rec *)a)->name,
		      ((const struct site_rec *)b)->name);
}

static const struct site_rec *find_rec(const struct pub *p, const char *name)
{
	struct site_rec key = { .name = (char *)name };

	return bsearch(&key, p->sites, p->n, sizeof(*p->sites), cmp_rec);
}

/* --- the branch's tip --------------------------------------------------------- */

static void tip_free(struct tip *t)
{
	json_decref(t->fleet);
	git_tree_free(t->sites_tree);
	memset(t, 0, sizeof(*t));
}

/* The trailer's number in msg, or -1. */
static int64_t trailer_number(const char *msg)
{
	const char *s = strstr(msg, "\n" TRAILER_PUBLISH);
	char *end;
	long long v;

	if (!s)
		return -1;
	s += 1 + strlen(TRAILER_PUBLISH);
	v = strtoll(s, &end, 10);
	return end != s && (*end == '\n' || !*end) && v >= 1 ? v : -1;
}

static int read_tip(struct pub *p, struct tip *t)
{
	git_reference *ref = NULL;
	git_commit *c = NULL;
	git_tree *tree = NULL;
	git_blob *blob = NULL;
	const git_tree_entry *e;
	int rc;

	memset(t, 0, sizeof(*t));
	rc = git_reference_lookup(&ref, p->repo, p->refname);
	if (rc == GIT_ENOTFOUND)
		return PUBLISH_OK;
	if (rc || git_reference_peel((git_object **)&c, ref,
				     GIT_OBJECT_COMMIT)) {
		rc = fail(p, PUBLISH_EIO, "cannot read branch %s: %s",
			  p->o->branch, git_why());
		goto out;
	}
	t->exists = true;
	git_oid_cpy(&t->id, git_commit_id(c));
	t->version = trailer_number(git_commit_message(c));
	rc = PUBLISH_EUSAGE;
	if (t->version < 1) {
		fail(p, rc, "branch %s exists but was not written by sitec "
		     "publish (its tip %.12s has no '" TRAILER_PUBLISH "N' "
		     "trailer); name another branch", p->o->branch,
		     git_oid_tostr_s(&t->id));
		goto out;
	}
	if (git_commit_tree(&tree, c) ||
	    !(e = git_tree_entry_byname(tree, FLEET_FILE_META)) ||
	    git_tree_entry_type(e) != GIT_OBJECT_BLOB ||
	    git_blob_lookup(&blob, p->repo, git_tree_entry_id(e)) ||
	    !(t->fleet = json_loadb(git_blob_rawcontent(blob),
				    (size_t)git_blob_rawsize(blob), 0, NULL)) ||
	    !json_is_object(t->sites = json_object_get(t->fleet, "sites")) ||
	    json_integer_value(json_object_get(t->fleet, "version")) !=
		    t->version) {
		fail(p, rc, "branch %s exists but was not written by sitec "
		     "publish (the fleet.json of its tip %.12s is missing or "
		     "not publish's); name another branch", p->o->branch,
		     git_oid_tostr_s(&t->id));
		goto out;
	}
	if ((e = git_tree_entry_byname(tree, "sites")) &&
	    (git_tree_entry_type(e) != GIT_OBJECT_TREE ||
	     git_tree_lookup(&t->sites_tree, p->repo, git_tree_entry_id(e)))) {
		fail(p, rc, "branch %s: sites/ of its tip %.12s is not a "
		     "directory", p->o->branch, git_oid_tostr_s(&t->id));
		goto out;
	}
	rc = PUBLISH_OK;
out:
	if (rc)
		tip_free(t);
	git_blob_free(blob);
	git_tree_free(tree);
	git_commit_free(c);
	git_reference_free(ref);
	return rc;
}

/* --- the new tree -------------------------------------------------------------- */

static int blob(struct pub *p, git_oid *id, const void *data, size_t len)
{
	if (write_blob(p, id, data, len) == 0)
		return 0;
	return fail(p, PUBLISH_EIO, "cannot write a blob: %s", git_why());
}

/* The signature file of data[0..len) as a blob. */
static int sig_blob(struct pub *p, git_oid *id, const void *data, size_t len)
{
	unsigned char sig[DIGEST_ED25519_SIG_BYTES];
	char text[DIGEST_SIG_FILE_SIZE], why[256];

	if (digest_ed25519_sign(p->o->sign_seed, data, len, sig, why,
				sizeof(why)))
		return fail(p, PUBLISH_EIO, "cannot sign: %s", why);
	digest_sig_file_format(sig, text);
	return blob(p, id, text, strlen(text));
}

static int insert(struct pub *p, git_treebuilder *tb, const char *name,
		  const git_oid *id, git_filemode_t mode)
{
	if (git_treebuilder_insert(NULL, tb, name, id, mode) == 0)
		return 0;
	return fail(p, PUBLISH_EIO, "cannot build a tree: %s", git_why());
}

/* sites/NAME for a new or changed site: bundle.json with version n. */
static int site_tree(struct pub *p, const struct site_rec *s, int64_t n,
		     git_oid *id)
{
	struct bundle_meta m = {
		.site = s->name, .version = n,
		.compiler = "sitec " SITEC_VERSION,
		.source_commit = p->r->source, .source_path = p->source_path,
		.files = (struct bundle_entry *)s->files, .nfiles = 3,
	};
	git_treebuilder *tb = NULL;
	git_oid meta, sig;
	char *json = NULL, why[256];
	size_t len;
	int rc;

	memcpy(m.digest, s->digest, sizeof(m.digest));
	if (bundle_meta_write(&m, &json, &len, why, sizeof(why)))
		return fail(p, PUBLISH_EIO, "site %s: %s", s->name, why);
	if ((rc = blob(p, &meta, json, len)) ||
	    (p->o->sign_seed && (rc = sig_blob(p, &sig, json, len))))
		goto out;
	if (git_treebuilder_new(&tb, p->wrepo, NULL)) {
		rc = fail(p, PUBLISH_EIO, "cannot build a tree: %s", git_why());
		goto out;
	}
	for (int i = 0; i < 3 && rc == 0; i++)
		rc = insert(p, tb, s->files[i].name, &s->blobs[i],
			    GIT_FILEMODE_BLOB);
	if (rc == 0)
		rc = insert(p, tb, BUNDLE_FILE_META, &meta, GIT_FILEMODE_BLOB);
	if (rc == 0 && p->o->sign_seed)
		rc = insert(p, tb, BUNDLE_FILE_SIG, &sig, GIT_FILEMODE_BLOB);
	if (rc == 0 && git_treebuilder_write(id, tb))
		rc = fail(p, PUBLISH_EIO, "cannot write a tree: %s", git_why());
	else if (rc == 0)
		note_fresh(p, id);
out:
	git_treebuilder_free(tb);
	free(json);
	return rc;
}

/* fleet.json of version n. */
static char *fleet_json(struct pub *p, int64_t n, size_t *len)
{
	json_t *doc = json_object(), *source = json_object();
	json_t *sites = json_object();
	char *text, *out;

	json_object_set_new(doc, "compiler", json_string("sitec " SITEC_VERSION));
	json_object_set_new(source, "commit", json_string(p->r->source));
	json_object_set_new(source, "path", json_string(p->source_path));
	json_object_set_new(doc, "source", source);
	json_object_set_new(doc, "version", json_integer(n));
	for (size_t i = 0; i < p->n; i++)
		json_object_set_new_nocheck(sites, p->sites[i].name,
					    json_string(p->sites[i].digest));
	json_object_set_new(doc, "sites", sites);
	text = json_dumps(doc, JSON_INDENT(2));
	json_decref(doc);
	if (!text)
		arena_oom();
	*len = strlen(text) + 1;
	out = xmalloc(*len + 1);
	memcpy(out, text, *len - 1);
	out[*len - 1] = '\n';
	out[*len] = '\0';
	free(text);
	return out;
}

static char *commit_message(struct pub *p, int64_t n)
{
	struct publish_result *r = p->r;
	size_t cap = 1024 + (p->o->message ? strlen(p->o->message) : 0) +
		     strlen(p->source_path);
	char *msg = xmalloc(cap);

	snprintf(msg, cap,
		 "sitec publish %lld: %.12s %s\n"
		 "\n"
		 "Compiled from commit %s, fleet %s.\n"
		 "Sites: %zu added, %zu changed, %zu removed, %zu unchanged.\n"
		 "%s%s%s"
		 "\n"
		 TRAILER_PUBLISH "%lld\n"
		 TRAILER_SOURCE "%s\n",
		 (long long)n, r->source, p->source_path, r->source,
		 p->source_path, r->added, r->changed, r->removed,
		 r->unchanged, p->o->message ? "\n" : "",
		 p->o->message ? p->o->message : "",
		 p->o->message ? "\n" : "", (long long)n, r->source);
	return msg;
}

/*
 * The commit on top of t (not yet on the branch); *nothing when no site
 * was added, changed or removed.
 */
static int build_commit(struct pub *p, const struct tip *t, git_oid *commit,
			bool *nothing)
{
	struct publish_result *r = p->r;
	int64_t n = t->exists ? t->version + 1 : 1;
	git_treebuilder *sites_tb = NULL, *root_tb = NULL;
	git_oid id, sites_id, fleet_id, fsig_id, tree_id;
	git_tree *tree = NULL;
	git_signature *sig = NULL;
	char *fleet = NULL, *msg = NULL;
	size_t flen;
	int rc = PUBLISH_EIO;

	r->added = r->changed = r->removed = r->unchanged = 0;
	*nothing = false;
	if (git_treebuilder_new(&sites_tb, p->wrepo, NULL) ||
	    git_treebuilder_new(&root_tb, p->wrepo, NULL)) {
		fail(p, rc, "cannot build a tree: %s", git_why());
		goto out;
	}
	for (size_t i = 0; i < p->n; i++) {
		const struct site_rec *s = &p->sites[i];
		const char *old = t->sites ? json_string_value(
			json_object_get(t->sites, s->name)) : NULL;
		const git_tree_entry *e = t->sites_tree
			? git_tree_entry_byname(t->sites_tree, s->name) : NULL;

		if (old && e && strcmp(old, s->digest) == 0 &&
		    git_tree_entry_type(e) == GIT_OBJECT_TREE) {
			git_oid_cpy(&id, git_tree_entry_id(e));
			r->unchanged++;
		} else {
			if ((rc = site_tree(p, s, n, &id)))
				goto out;
			if (old)
				r->changed++;
			else
				r->added++;
		}
		if ((rc = insert(p, sites_tb, s->name, &id, GIT_FILEMODE_TREE)))
			goto out;
	}
	if (t->sites) {
		const char *name;
		json_t *v;

		json_object_foreach(t->sites, name, v)
			if (!find_rec(p, name))
				r->removed++;
	}
	if (r->added + r->changed + r->removed == 0 && t->exists) {
		*nothing = true;
		rc = PUBLISH_OK;
		goto out;
	}
	rc = PUBLISH_EIO;
	fleet = fleet_json(p, n, &flen);
	if (git_treebuilder_write(&sites_id, sites_tb)) {
		fail(p, rc, "cannot write a tree: %s", git_why());
		goto out;
	}
	note_fresh(p, &sites_id);
	if ((rc = blob(p, &fleet_id, fleet, flen)) ||
	    (rc = insert(p, root_tb, FLEET_FILE_META, &fleet_id,
			 GIT_FILEMODE_BLOB)))
		goto out;
	if (p->o->sign_seed &&
	    ((rc = sig_blob(p, &fsig_id, fleet, flen)) ||
	     (rc = insert(p, root_tb, FLEET_FILE_SIG, &fsig_id,
			  GIT_FILEMODE_BLOB))))
		goto out;
	if (p->n && (rc = insert(p, root_tb, "sites", &sites_id,
				 GIT_FILEMODE_TREE)))
		goto out;
	rc = PUBLISH_EIO;
	if (git_treebuilder_write(&tree_id, root_tb) ||
	    git_tree_lookup(&tree, p->wrepo, &tree_id)) {
		fail(p, rc, "cannot write a tree: %s", git_why());
		goto out;
	}
	note_fresh(p, &tree_id);
	if (git_signature_default(&sig, p->repo) &&
	    git_signature_now(&sig, "sitec publish", "sitec@localhost")) {
		fail(p, rc, "cannot make a signature: %s", git_why());
		goto out;
	}
	msg = commit_message(p, n);
	/* by ids: the parent is on disk, not where the commit is written */
	const git_oid *parents[1] = { &t->id };

	if (git_commit_create_from_ids(commit, p->wrepo, NULL, sig, sig, NULL,
				       msg, &tree_id, t->exists ? 1 : 0,
				       parents)) {
		fail(p, rc, "cannot write the commit: %s", git_why());
		goto out;
	}
	note_fresh(p, commit);
	r->number = n;
	rc = PUBLISH_OK;
out:
	free(msg);
	free(fleet);
	git_signature_free(sig);
	git_tree_free(tree);
	git_treebuilder_free(root_tb);
	git_treebuilder_free(sites_tb);
	return rc;
}

/*
 * The objects new to the repository since the last packfile (they sit in
 * the mempack) as ONE packfile and its index, written into objects/pack
 * by libgit2's packbuilder (temp files, then renamed: a reader never sees
 * half a pack); then the mempack is emptied.
 */
static int dump_pack(struct pub *p)
{
	git_packbuilder *pb = NULL;
	size_t dl = strlen(git_repository_commondir(p->repo));
	char *dir = xmalloc(dl + sizeof("objects/pack"));
	int rc = PUBLISH_EIO;

	snprintf(dir, dl + sizeof("objects/pack"), "%sobjects/pack",
		 git_repository_commondir(p->repo));
	if (git_packbuilder_new(&pb, p->wrepo))
		goto fail;
	for (size_t i = 0; i < p->nfresh; i++)
		if (git_packbuilder_insert(pb, &p->fresh[i], NULL))
			goto fail;
	if (git_packbuilder_write(pb, dir, 0, NULL, NULL))
		goto fail;
	p->r->pack_objects += git_packbuilder_object_count(pb);
	p->nfresh = 0;
	git_odb_refresh(p->odb);
	git_mempack_reset(p->mempack);
	rc = PUBLISH_OK;
	goto out;
fail:
	fail(p, rc, "cannot write the packfile: %s", git_why());
out:
	git_packbuilder_free(pb);
	free(dir);
	return rc;
}

/* --- the run ------------------------------------------------------------------------ */

static int open_target(struct pub *p, struct gitsrc *g)
{
	const struct publish_opts *o = p->o;
	int valid = 0;
	git_reference *head = NULL;

	snprintf(p->refname, sizeof(p->refname), "refs/heads/%s", o->branch);
	if (git_reference_name_is_valid(&valid, p->refname) || !valid)
		return fail(p, PUBLISH_EUSAGE, "'%s' is not a valid branch "
			    "name", o->branch);
	if (o->to) {
		if (git_repository_open_bare(&p->repo, o->to))
			return fail(p, PUBLISH_EUSAGE, "--to %s: not a bare git "
				    "repository: %s", o->to, git_why());
	} else if (git_repository_open(&p->repo, gitsrc_repo_path(g))) {
		return fail(p, PUBLISH_EIO, "cannot open the repository: %s",
			    git_why());
	}
	if (!git_repository_is_bare(p->repo) &&
	    git_repository_head(&head, p->repo) == 0) {
		bool same = strcmp(git_reference_name(head), p->refname) == 0;

		git_reference_free(head);
		if (same)
			return fail(p, PUBLISH_EUSAGE, "branch %s is checked out "
				    "in the work tree; publish to another "
				    "branch", o->branch);
	}
	if (git_repository_odb(&p->odb, p->repo) ||
	    git_odb_new(&p->wodb) || git_mempack_new(&p->mempack) ||
	    git_odb_add_backend(p->wodb, p->mempack, 1) ||
	    git_repository_wrap_odb(&p->wrepo, p->wodb))
		return fail(p, PUBLISH_EIO, "cannot set up the object "
			    "database: %s", git_why());
	return PUBLISH_OK;
}

static int compile_rev(struct pub *p, struct gitsrc *g)
{
	const struct publish_opts *o = p->o;
	struct compile_fleet_opts co = {
		.version = COMPILE_FLEET_OPTS_VERSION,
		.jobs = o->jobs,
		.sink = o->sink,
		.input = gitsrc_input(g),
		.source_commit = gitsrc_commit(g),
		.source_path = gitsrc_path(g),
		.on_bundle = keep_bundle,
		.on_bundle_arg = p,
	};
	struct compile_fleet_result cr;
	unsigned before = o->sink->errors;
	int rc;

	rc = compile_fleet(&co, &cr);
	compile_fleet_result_free(&cr);
	if (rc)
		return fail(p, PUBLISH_EIO, "%s", cr.err);
	if (o->sink->errors != before)
		return fail(p, PUBLISH_EFLEET, "the fleet has errors: nothing "
			    "published");
	qsort(p->sites, p->n, sizeof(*p->sites), cmp_rec);
	return PUBLISH_OK;
}

/* test_race_always: the branch set to the other of its first tip and
 * that tip's parent, so that the compare-and-swap against t fails. */
static void race_for_test(struct pub *p, const struct tip *t)
{
	git_commit *c = NULL;
	git_reference *ref = NULL;

	if (!p->race_set) {
		if (git_commit_lookup(&c, p->repo, &t->id) ||
		    git_commit_parentcount(c) == 0) {
			git_commit_free(c);
			return;
		}
		git_oid_cpy(&p->race[0], &t->id);
		git_oid_cpy(&p->race[1], git_commit_parent_id(c, 0));
		git_commit_free(c);
		p->race_set = true;
	}
	git_reference_create(&ref, p->repo, p->refname,
			     &p->race[git_oid_equal(&t->id, &p->race[0])], 1,
			     "sitec publish test race");
	git_reference_free(ref);
}

/* A short pause before trying again, different in each process. */
static void backoff(unsigned attempt)
{
	struct timespec ts = { 0, 0 };
	unsigned ms = ((unsigned)getpid() * 7u + attempt * 13u) % 20u +
		      5u * attempt;

	ts.tv_nsec = (long)ms * 1000000L;
	nanosleep(&ts, NULL);
}

int publish_run(const struct publish_opts *o, struct publish_result *r)
{
	struct pub p = { .o = o, .r = r };
	struct gitsrc *g = NULL;
	int rc;

	memset(r, 0, sizeof(*r));
	pthread_mutex_init(&p.lock, NULL);
	git_libgit2_init();
	/* the new trees and the commit name objects that are on disk while
	 * they are written where only the mempack is: libgit2 must not look
	 * for them there (the objects are all there by construction) */
	git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
	rc = gitsrc_open(&g, o->repo, o->rev ? o->rev : "HEAD", o->fleetdir,
			 r->err, sizeof(r->err));
	if (rc) {
		rc = rc == GITSRC_EIO ? PUBLISH_EIO : PUBLISH_EUSAGE;
		goto out;
	}
	snprintf(r->source, sizeof(r->source), "%s", gitsrc_commit(g));
	p.source_path = gitsrc_path(g);
	if ((rc = open_target(&p, g)))
		goto out;
	{	/* refuse a foreign branch before compiling anything */
		struct tip t;

		if ((rc = read_tip(&p, &t)))
			goto out;
		tip_free(&t);
	}
	if ((rc = compile_rev(&p, g)))
		goto out;
	for (unsigned attempt = 1;; attempt++) {
		struct tip t;
		git_oid commit;
		bool nothing;
		git_reference *ref = NULL;
		char log[128];

		r->attempts = attempt;
		if ((rc = read_tip(&p, &t)))
			goto out;
		rc = build_commit(&p, &t, &commit, &nothing);
		if (rc == 0 && nothing) {
			git_oid_tostr(r->commit, sizeof(r->commit), &t.id);
			r->number = t.version;
			tip_free(&t);
			goto out;
		}
		if (rc == 0)
			rc = dump_pack(&p);
		if (rc) {
			tip_free(&t);
			goto out;
		}
		if (o->before_update)
			o->before_update(o->before_update_arg, attempt);
		if (o->test_race_always && t.exists)
			race_for_test(&p, &t);
		snprintf(log, sizeof(log), "sitec publish %lld",
			 (long long)r->number);
		int e = t.exists
			? git_reference_create_matching(&ref, p.repo, p.refname,
							&commit, 1, &t.id, log)
			: git_reference_create(&ref, p.repo, p.refname, &commit,
					       0, log);
		tip_free(&t);
		git_reference_free(ref);
		if (e == 0) {
			git_oid_tostr(r->commit, sizeof(r->commit), &commit);
			r->committed = true;
			break;
		}
		if (e != GIT_EMODIFIED && e != GIT_EEXISTS && e != GIT_ELOCKED) {
			rc = fail(&p, PUBLISH_EIO, "cannot move branch %s: %s",
				  o->branch, git_why());
			goto out;
		}
		if (attempt == PUBLISH_RETRIES && e == GIT_ELOCKED) {
			/* not a race: a lock nobody releases (a git or a
			 * publish killed while it held the ref) */
			rc = fail(&p, PUBLISH_EIO, "branch %s is locked: "
				  "%s%s.lock exists (nothing published); "
				  "remove it if no git process is running",
				  o->branch, git_repository_path(p.repo),
				  p.refname);
			goto out;
		}
		if (attempt == PUBLISH_RETRIES) {
			rc = fail(&p, PUBLISH_EIO, "branch %s moved %u times "
				  "while publishing; gave up (nothing "
				  "published)", o->branch, attempt);
			goto out;
		}
		backoff(attempt);
	}
out:
	for (size_t i = 0; i < p.n; i++)
		free(p.sites[i].name);
	free(p.sites);
	free(p.fresh);
	git_repository_free(p.wrepo);
	if (p.wodb)
		git_odb_free(p.wodb);	/* also frees the mempack */
	else if (p.mempack)
		p.mempack->free(p.mempack);
	git_odb_free(p.odb);
	git_repository_free(p.repo);
	gitsrc_free(g);
	pthread_mutex_destroy(&p.lock);
	git_libgit2_shutdown();
	return rc;
}
