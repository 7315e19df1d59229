/*
 * bundle.c - a site's bundle built in memory (the emitters of emit.h plus
 * bundle.json and its digest), and the writing of the bundle tree below
 * OUT: compare before writing, temp file + rename for what changed,
 * pruning of the sites the fleet no longer has, fleet.json.
 */
#define _XOPEN_SOURCE 700
#include "bundle.h"

#include "arena.h"
#include "atomic_write.h"
#include "bundle_format.h"
#include "config.h"
#include "emit.h"
#include "hash.h"
#include "value.h"
#include "reason.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

_Static_assert(BUNDLE_SHA256_SIZE == EMIT_SHA256_SIZE, "sha256 text size");
_Static_assert(BUNDLE_SHA256_SIZE == DIGEST_SHA256_TEXT_SIZE, "sha256 text");

static const char *const file_names[BUNDLE_NFILES] = {
	BUNDLE_FILE_API, BUNDLE_FILE_K8S, BUNDLE_FILE_OS, BUNDLE_FILE_META,
};

/* --- building ------------------------------------------------------------ */

static const struct value *field(const struct value *root, const char *key)
{
	if (!root || root->kind != V_OBJECT)
		return NULL;
	return value_get(root, key, strlen(key));
}

/* The bundle's (file, sha256) pairs, bundle.json left out. */
static void bundle_entries(const struct bundle *b,
			   struct bundle_entry e[BUNDLE_META])
{
	for (int i = 0; i < BUNDLE_META; i++) {
		e[i].name = b->files[i].name;
		memcpy(e[i].sha256, b->files[i].sha256, BUNDLE_SHA256_SIZE);
	}
}

/* The digest of the bundle (bundle_format.h), then bundle.json. */
static int bundle_meta(struct bundle *b)
{
	struct bundle_entry e[BUNDLE_META];
	struct bundle_meta m = {
		.site = b->site,
		.version = 0,
		.compiler = "sitec " SITEC_VERSION,
		.files = e,
		.nfiles = BUNDLE_META,
	};

	bundle_entries(b, e);
	if (bundle_format_digest(e, BUNDLE_META, b->digest, NULL, 0))
		return -1;
	memcpy(m.digest, b->digest, BUNDLE_SHA256_SIZE);
	return bundle_meta_write(&m, &b->files[BUNDLE_META].data,
				 &b->files[BUNDLE_META].len, NULL, 0);
}

int bundle_build(struct bundle *b, const char *site, const struct value *root,
		 char *err, size_t errsize)
{
	static const char *const fields[BUNDLE_META] = { "api", "k8s", "os" };
	char msg[256] = "";

	memset(b, 0, sizeof(*b));
	b->site = xstrdup(site);
	for (int i = 0; i < BUNDLE_NFILES; i++)
		b->files[i].name = file_names[i];
	for (int i = 0; i < BUNDLE_META; i++) {
		const struct value *v = field(root, fields[i]);
		struct bundle_file *f = &b->files[i];
		int rc;

		if (!v) {
			reason_fail(err, errsize, "site %s has no field '%s'",
				    site, fields[i]);
			goto fail;
		}
		switch (i) {
		case BUNDLE_API:
			rc = emit_api_json(v, &f->data, &f->len);
			break;
		case BUNDLE_K8S:
			rc = emit_k8s_yaml(v, &f->data, &f->len, msg, sizeof(msg));
			break;
		default:
			rc = emit_json(v, &f->data, &f->len);
			break;
		}
		if (rc) {
			reason_fail(err, errsize,
				    "site %s: cannot write %s%s%s", site,
				    f->name, msg[0] ? ": " : "", msg);
			goto fail;
		}
		emit_sha256_hex(f->data, f->len, f->sha256);
	}
	if (bundle_meta(b)) {
		reason_fail(err, errsize, "site %s: cannot write bundle.json",
			    site);
		goto fail;
	}
	emit_sha256_hex(b->files[BUNDLE_META].data, b->files[BUNDLE_META].len,
			b->files[BUNDLE_META].sha256);
	return 0;
fail:
	bundle_free(b);
	return -1;
}

void bundle_free(struct bundle *b)
{
	free(b->site);
	for (int i = 0; i < BUNDLE_NFILES; i++)
		free(b->files[i].data);
	memset(b, 0, sizeof(*b));
}

/* --- writing ------------------------------------------------------------- */

static char *path_join(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	char *p = xmalloc(la + 1 + lb + 1);

	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	return p;
}

/* mkdir -p path (mode 0777 less the umask). */
static int make_dirs(const char *path, char *err, size_t errsize)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != 0)
			continue;
		char c = *s;

		*s = 0;
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = reason_fail(
			    err, errsize, "cannot create %s: %s%s", p,
			    strerror(errno),
			    errno == ENOTDIR
				? " (-o names the output directory, and a "
				  "part of this path is a file)"
				: "");
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	if (!rc) {
		struct stat st;

		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode))
			rc = reason_fail(err, errsize,
					 "%s is not a directory (-o "
					 "names the output directory)",
					 path);
	}
	free(p);
	return rc;
}

/* What a file's stamp is made of: it changes whenever the file does. */
static uint64_t stamp_mix(uint64_t h, const struct stat *st)
{
	const uint64_t parts[] = {
		(uint64_t)st->st_ino, (uint64_t)st->st_size,
		(uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
	};

	return hash_fnv1a_continue(h, parts, sizeof(parts));
}

/* Writes all of data to fd, then its status to *st_out, then closes it. */
static int write_close(int fd, const char *data, size_t len,
		       struct stat *st_out)
{
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		off += (size_t)w;
	}
	/* the status it keeps once renamed (rename changes only ctime) */
	if (st_out && fstat(fd, st_out) != 0)
		goto fail;
	return close(fd);
fail:;
	int e = errno;

	close(fd);
	errno = e;
	return -1;
}

/*
 * Writes data[0..len) to dfd/name (dir is dfd's path, for messages)
 * unless it already holds those bytes: atomic_write without fsync. In a
 * directory this run created (fresh), where nothing can be replaced, the
 * file is created under its name at once. *wrote tells whether it wrote.
 */
static int write_at(int dfd, const char *dir, const char *name,
		    const char *data, size_t len, bool fresh, bool *wrote,
		    struct stat *st_out, char *err, size_t errsize)
{
	*wrote = false;
	if (fresh) {
		int fd = openat(dfd, name,
				O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

		if (fd >= 0) {
			if (write_close(fd, data, len, st_out) != 0)
				goto io_error;
			*wrote = true;
			return 0;
		}
		if (errno != EEXIST)
			goto io_error;
		/* someone else made it meanwhile: the careful way */
	}
	/* 0666 less the umask, as any build output */
	if (atomic_write(dfd, name, data, len, 0666, ATOMIC_WRITE_SKIP_SAME,
			 wrote, st_out, NULL, 0) == 0)
		return 0;
io_error:
	return reason_fail(err, errsize, "cannot write %s/%s: %s", dir, name,
			   strerror(errno));
}

/* Opens dir (a directory) for write_at; -1 with err. */
static int open_dir(const char *dir, char *err, size_t errsize)
{
	int dfd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (dfd < 0)
		reason_fail(
		    err, errsize, "cannot open %s: %s%s", dir, strerror(errno),
		    errno == ENOTDIR ? " (-o names the output directory, and "
				       "a part of this path is a file)"
				     : "");
	return dfd;
}

/* write_at on a path: dir/name. */
static int write_if_changed(const char *dir, const char *name,
			    const char *data, size_t len, bool *wrote,
			    struct stat *st_out, char *err, size_t errsize)
{
	int dfd = open_dir(dir, err, errsize);

	if (dfd < 0)
		return -1;
	int rc = write_at(dfd, dir, name, data, len, false, wrote, st_out, err,
			  errsize);
	close(dfd);
	return rc;
}

/* A site name that is safe as one directory name below OUT/sites. */
static bool safe_name(const char *name)
{
	return name[0] && name[0] != '.' && !strchr(name, '/');
}

int bundle_write_site(const char *out, const struct bundle *b,
		      unsigned *written, uint64_t *stamp, char *err,
		      size_t errsize)
{
	char *sites = path_join(out, "sites");
	char *dir = path_join(sites, b->site);
	unsigned count = 0;
	uint64_t h = HASH_FNV1A_BASIS;
	int rc = 0;

	if (!safe_name(b->site)) {
		rc = reason_fail(err, errsize,
				 "site name '%s' cannot be a directory",
				 b->site);
		goto out;
	}
	/* the site's directory, and whether this run made it: one mkdir
	 * when OUT/sites exists, as it does after the first site */
	bool fresh = mkdir(dir, 0777) == 0;
	if (!fresh && errno == ENOENT) {
		if ((rc = make_dirs(sites, err, errsize)))
			goto out;
		fresh = mkdir(dir, 0777) == 0;
	}
	if (!fresh && errno != EEXIST) {
		rc = reason_fail(
		    err, errsize, "cannot create %s: %s%s", dir,
		    strerror(errno),
		    errno == ENOTDIR
			? " (-o names the output directory, and a part of "
			  "this path is a file)"
			: "");
		goto out;
	}
	int dfd = open_dir(dir, err, errsize);
	if (dfd < 0) {
		rc = -1;
		goto out;
	}
	/* bundle.json last, and always through a temp file: a reader that
	 * sees it sees it whole, and the files it names */
	for (int i = 0; i < BUNDLE_NFILES && !rc; i++) {
		bool wrote;
		struct stat st;

		rc = write_at(dfd, dir, b->files[i].name, b->files[i].data,
			      b->files[i].len, fresh && i != BUNDLE_META,
			      &wrote, &st, err, errsize);
		count += wrote;
		if (!rc)
			h = stamp_mix(h, &st);
	}
	close(dfd);
out:
	if (written)
		*written = count;
	if (stamp)
		*stamp = h;
	free(dir);
	free(sites);
	return rc;
}

bool bundle_stamp(int sites_dfd, const char *site, uint64_t *stamp)
{
	char path[NAME_MAX + 32];
	uint64_t h = HASH_FNV1A_BASIS;

	for (int i = 0; i < BUNDLE_NFILES; i++) {
		struct stat st;
		int n = snprintf(path, sizeof(path), "%s/%s", site,
				 file_names[i]);

		/* two names to look up, not the whole path from OUT's root:
		 * a recompile stats every file of the fleet */
		if (n < 0 || (size_t)n >= sizeof(path) ||
		    fstatat(sites_dfd, path, &st, 0) != 0 || !S_ISREG(st.st_mode))
			return false;
		h = stamp_mix(h, &st);
	}
	*stamp = h;
	return true;
}

int bundle_open_sites(const char *out)
{
	char path[PATH_MAX];

	if ((size_t)snprintf(path, sizeof(path), "%s/sites", out) >=
	    sizeof(path))
		return -1;
	return open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

int bundle_write_file(const char *dir, const char *name, const char *data,
		      size_t len, char *err, size_t errsize)
{
	bool wrote;
	int rc = make_dirs(dir, err, errsize);

	return rc ? rc : write_if_changed(dir, name, data, len, &wrote, NULL,
					  err, errsize);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Removes the regular files of dir, then dir. */
static int remove_site_dir(const char *dir, char *err, size_t errsize)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int rc = 0;

	if (!d)
		return reason_fail(err, errsize, "cannot read %s: %s", dir,
				   strerror(errno));
	while ((e = readdir(d))) {
		char *p = path_join(dir, e->d_name);
		struct stat st;

		if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && unlink(p) != 0)
			rc = reason_fail(err, errsize, "cannot remove %s: %s",
					 p, strerror(errno));
		free(p);
		if (rc)
			break;
	}
	closedir(d);
	if (!rc && rmdir(dir) != 0)
		rc = reason_fail(err, errsize, "cannot remove %s: %s", dir,
				 strerror(errno));
	return rc;
}

int bundle_prune(const char *out, const char *const *names, size_t n,
		 char *err, size_t errsize)
{
	char *sites = path_join(out, "sites");
	const char **sorted = xmalloc((n ? n : 1) * sizeof(*sorted));
	DIR *d = opendir(sites);
	struct dirent *e;
	int rc = 0;

	if (!d) {
		if (errno != ENOENT)
			rc = reason_fail(
			    err, errsize, "cannot read %s: %s%s", sites,
			    strerror(errno),
			    errno == ENOTDIR
				? " (-o names the output directory, and a "
				  "part of this path is a file)"
				: "");
		goto out;
	}
	memcpy(sorted, names, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_str);
	while (!rc && (e = readdir(d))) {
		const char *name = e->d_name;

		if (name[0] == '.' ||
		    bsearch(&name, sorted, n, sizeof(*sorted), cmp_str))
			continue;
		char *dir = path_join(sites, name);
		char *meta = path_join(dir, "bundle.json");
		struct stat st, mst;

		/* only what compile wrote: a real directory with a bundle */
		if (lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
		    lstat(meta, &mst) == 0 && S_ISREG(mst.st_mode))
			rc = remove_site_dir(dir, err, errsize);
		free(meta);
		free(dir);
	}
	closedir(d);
out:
	free(sorted);
	free(sites);
	return rc;
}

struct named_digest {
	const char *name, *digest;
};

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named_digest *)a)->name,
		      ((const struct named_digest *)b)->name);
}

int bundle_write_fleet(const char *out, const char *const *names,
		       const char *const *digests, size_t n, char *err,
		       size_t errsize)
{
	return bundle_write_fleet_source(out, names, digests, n, NULL, NULL,
					 err, errsize);
}

int bundle_write_fleet_source(const char *out, const char *const *names,
			      const char *const *digests, size_t n,
			      const char *commit, const char *repo_path,
			      char *err, size_t errsize)
{
	struct named_digest *v = xmalloc((n ? n : 1) * sizeof(*v));
	struct value_builder doc, source;
	struct arena a;
	char *data = NULL;
	size_t len;
	bool wrote;
	int rc;

	json_t *old = NULL, *old_sites = NULL;
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		const char *d = digests[i];

		if (!d) {	/* not compiled now: what fleet.json had */
			if (!old) {
				char *path = path_join(out, "fleet.json");
				old = json_load_file(path, 0, NULL);
				old_sites = json_object_get(old, "sites");
				if (!old)
					old = json_object();
				free(path);
			}
			d = json_string_value(json_object_get(old_sites,
							      names[i]));
		}
		if (d)
			v[m++] = (struct named_digest){ names[i], d };
	}
	n = m;
	qsort(v, n, sizeof(*v), cmp_named);
	arena_init(&a);
	/* site names are unique: build the object at once (value_build_set
	 * looks each key up, which is quadratic over 100,000 sites) */
	struct value_field *f = arena_alloc(&a, (n ? n : 1) * sizeof(*f));
	for (size_t i = 0; i < n; i++)
		f[i] = (struct value_field){ v[i].name,
			(uint32_t)strlen(v[i].name),
			value_cstring(&a, v[i].digest) };
	value_build_init(&source, &a);
	if (commit)
		value_build_set(&source, "commit", 6, value_cstring(&a, commit));
	if (repo_path)
		value_build_set(&source, "path", 4, value_cstring(&a, repo_path));
	value_build_init(&doc, &a);
	value_build_set(&doc, "compiler", 8, value_cstring(&a, "sitec " SITEC_VERSION));
	value_build_set(&doc, "source", 6, value_build_object(&source));
	value_build_set(&doc, "sites", 5, value_object(&a, f, n));
	if (emit_json(value_build_object(&doc), &data, &len))
		rc = reason_fail(err, errsize, "cannot write fleet.json");
	else if (!(rc = make_dirs(out, err, errsize)))
		rc = write_if_changed(out, "fleet.json", data, len, &wrote,
				      NULL, err, errsize);
	free(data);
	arena_free(&a);
	free(v);
	json_decref(old);
	return rc;
}
