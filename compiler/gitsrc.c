/*
 * gitsrc.c - the fleet of a git revision read through libgit2
 * (gitsrc.h): the repository opened, the revision resolved, FLEETDIR
 * found in its tree, its .site files listed in byte order, and each
 * blob read when the loader or file() asks for it. A mutex keeps the
 * repository to one thread at a time.
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include "gitsrc.h"

#include "arena.h"
#include "diag.h"
#include "fleet.h"
#include "source.h"

#include <git2.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct site_blob {
	char *path;		/* from the repository's root */
	git_oid oid;
};

struct gitsrc {
	git_repository *repo;
	git_commit *commit;
	git_tree *tree;			/* the commit's root tree */
	char hex[GIT_OID_HEXSZ + 1];
	char prefix[16];		/* "ID:" of display paths */
	char *path;			/* FLEETDIR in the tree; "" = root */
	git_oid fleet_id;		/* its tree (or blob) id */
	struct site_blob *files;
	size_t nfiles, cap;
	struct fleet_input input;
	pthread_mutex_t lock;
};

static int fail(int rc, char *err, size_t errsize, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(int rc, char *err, size_t errsize, const char *fmt, ...)
{
	va_list ap;

	if (err && errsize) {
		va_start(ap, fmt);
		vsnprintf(err, errsize, fmt, ap);
		va_end(ap);
	}
	return rc;
}

static const char *git_why(void)
{
	const git_error *e = git_error_last();

	return e && e->message ? e->message : "unknown libgit2 error";
}

/* --- paths ------------------------------------------------------------------- */

/*
 * base + "/" + path with "." and ".." applied, no leading, trailing or
 * double slash ("" for the root). NULL when ".." leads above the root.
 */
static char *normalize(const char *base, const char *path)
{
	size_t bl = strlen(base), pl = strlen(path);
	char *joined = xmalloc(bl + pl + 2), *out = xmalloc(bl + pl + 2);
	size_t len = 0;

	snprintf(joined, bl + pl + 2, "%s/%s", base, path);
	for (char *c = joined; *c;) {
		char *end = strchr(c, '/');
		size_t n = end ? (size_t)(end - c) : strlen(c);

		if (n == 0 || (n == 1 && c[0] == '.')) {
			/* nothing */
		} else if (n == 2 && c[0] == '.' && c[1] == '.') {
			if (len == 0) {
				free(joined);
				free(out);
				return NULL;
			}
			while (len > 0 && out[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
		} else {
			if (len)
				out[len++] = '/';
			memcpy(out + len, c, n);
			len += n;
		}
		c += n;
		if (*c == '/')
			c++;
	}
	out[len] = '\0';
	free(joined);
	return out;
}

/* The current directory's place in the work tree ("" outside it). */
static char *cwd_in_worktree(git_repository *repo)
{
	const char *wd = git_repository_workdir(repo);
	char *real_wd, *cwd, *rel;
	size_t n;

	if (!wd)
		return xstrdup("");
	real_wd = realpath(wd, NULL);
	cwd = realpath(".", NULL);
	rel = xstrdup("");
	if (real_wd && cwd) {
		n = strlen(real_wd);
		if (strcmp(real_wd, "/") == 0)
			n = 0;
		if (strncmp(cwd, real_wd, n) == 0 &&
		    (cwd[n] == '/' || cwd[n] == '\0')) {
			free(rel);
			rel = xstrdup(cwd + n + (cwd[n] == '/'));
		}
	}
	free(real_wd);
	free(cwd);
	return rel;
}

/* An absolute FLEETDIR as a path in the work tree, or NULL. */
static char *absolute_in_worktree(git_repository *repo, const char *path)
{
	const char *wd = git_repository_workdir(repo);
	char *real_wd, *real, *rel = NULL;
	size_t n;

	if (!wd || !(real_wd = realpath(wd, NULL)))
		return NULL;
	/* the path may be gone from the work tree: resolve what exists */
	real = realpath(path, NULL);
	if (!real)
		real = xstrdup(path);
	n = strlen(real_wd);
	if (strncmp(real, real_wd, n) == 0 && (real[n] == '/' || !real[n]))
		rel = xstrdup(real + n + (real[n] == '/'));
	free(real);
	free(real_wd);
	return rel;
}

/* --- the files ------------------------------------------------------------ */

static bool has_site_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".site") == 0;
}

static void add_file(struct gitsrc *g, const char *dir, const char *name,
		     const git_oid *oid)
{
	size_t dl = strlen(dir), nl = strlen(name);
	struct site_blob *b;

	if (g->nfiles == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 64;
		g->files = xrealloc(g->files, g->cap * sizeof(*g->files));
	}
	b = &g->files[g->nfiles++];
	b->path = xmalloc(dl + nl + 2);
	if (dl)
		snprintf(b->path, dl + nl + 2, "%s/%s", dir, name);
	else
		memcpy(b->path, name, nl + 1);
	git_oid_cpy(&b->oid, oid);
}

struct walk {
	struct gitsrc *g;
	char *buf;
	size_t cap;
};

/* git_tree_walk: every *.site blob; dot-files and dot-directories are
 * skipped, as fleet_load skips them. root is "a/b/" (relative to the
 * fleet's directory). */
static int walk_entry(const char *root, const git_tree_entry *e, void *arg)
{
	struct walk *w = arg;
	const char *name = git_tree_entry_name(e);
	git_filemode_t mode = git_tree_entry_filemode(e);
	size_t pl = strlen(w->g->path), rl = strlen(root);

	if (name[0] == '.')
		return 1;
	if ((mode != GIT_FILEMODE_BLOB && mode != GIT_FILEMODE_BLOB_EXECUTABLE)
	    || !has_site_suffix(name))
		return 0;
	if (pl + rl + 2 > w->cap) {
		w->cap = pl + rl + 2;
		w->buf = xrealloc(w->buf, w->cap);
	}
	/* the directory: fleet path + "/" + root without its slash */
	if (pl && rl)
		snprintf(w->buf, w->cap, "%s/%.*s", w->g->path, (int)(rl - 1),
			 root);
	else if (pl)
		snprintf(w->buf, w->cap, "%s", w->g->path);
	else
		snprintf(w->buf, w->cap, "%.*s", rl ? (int)(rl - 1) : 0, root);
	add_file(w->g, w->buf, name, git_tree_entry_id(e));
	return 0;
}

static int cmp_blob(const void *a, const void *b)
{
	return strcmp(((const struct site_blob *)a)->path,
		      ((const struct site_blob *)b)->path);
}

/* A diagnostic for a file of the fleet that cannot be read. */
static void file_error(struct diag_sink *sink, const char *display,
		       const char *msg)
{
	struct source *pseudo = source_unread(display);

	diag_emit(sink, diag_new(E0002, span_make(pseudo, 0, 0), "%s", msg));
	source_free(pseudo);
}

static char *display_path(const struct gitsrc *g, const char *path)
{
	size_t n = strlen(g->prefix) + strlen(path) + 1;
	char *s = xmalloc(n);

	snprintf(s, n, "%s%s", g->prefix, path);
	return s;
}

static struct source *load_file(void *arg, size_t i, struct diag_sink *sink)
{
	struct gitsrc *g = arg;
	char *display = display_path(g, g->files[i].path);
	struct source *src = NULL;
	git_blob *blob;

	pthread_mutex_lock(&g->lock);
	if (git_blob_lookup(&blob, g->repo, &g->files[i].oid) != 0) {
		char msg[512];

		snprintf(msg, sizeof(msg), "cannot read file: %s", git_why());
		file_error(sink, display, msg);
	} else {
		size_t n = (size_t)git_blob_rawsize(blob);

		if (n > SOURCE_MAX_BYTES)
			file_error(sink, display, "file is larger than 256 MiB");
		else
			src = source_from_buffer(display,
						 git_blob_rawcontent(blob), n);
		git_blob_free(blob);
	}
	pthread_mutex_unlock(&g->lock);
	free(display);
	return src;
}

static int read_file(void *arg, const char *path, char **data, size_t *len,
		     char *why, size_t whysize)
{
	struct gitsrc *g = arg;
	git_tree_entry *e = NULL;
	git_blob *blob = NULL;
	int rc = -1;

	*data = NULL;
	*len = 0;
	pthread_mutex_lock(&g->lock);
	if (git_tree_entry_bypath(&e, g->tree, path) != 0) {
		fail(-1, why, whysize, "no such file in commit %s", g->hex);
		goto out;
	}
	switch (git_tree_entry_filemode(e)) {
	case GIT_FILEMODE_BLOB:
	case GIT_FILEMODE_BLOB_EXECUTABLE:
		break;
	case GIT_FILEMODE_TREE:
		fail(-1, why, whysize, "it is a directory");
		goto out;
	case GIT_FILEMODE_LINK:
		fail(-1, why, whysize, "it is a symbolic link in the "
		     "revision (file() in a revision reads regular files)");
		goto out;
	default:
		fail(-1, why, whysize, "it is not a regular file");
		goto out;
	}
	if (git_blob_lookup(&blob, g->repo, git_tree_entry_id(e)) != 0) {
		fail(-1, why, whysize, "%s", git_why());
		goto out;
	}
	*len = (size_t)git_blob_rawsize(blob);
	*data = xmalloc(*len + 1);
	memcpy(*data, git_blob_rawcontent(blob), *len);
	rc = 0;
out:
	git_blob_free(blob);
	git_tree_entry_free(e);
	pthread_mutex_unlock(&g->lock);
	return rc;
}

/* --- opening ---------------------------------------------------------------- */

/* g->path in g->tree: a directory walked for its .site files, or one
 * .site file. */
static int find_fleet(struct gitsrc *g, const char *fleetdir, const char *rev,
		      char *err, size_t errsize)
{
	git_tree_entry *e = NULL;
	git_tree *sub = NULL;
	struct walk w = { .g = g };
	int rc = 0;

	if (!g->path[0]) {
		sub = g->tree;
		git_oid_cpy(&g->fleet_id, git_tree_id(g->tree));
	} else if (git_tree_entry_bypath(&e, g->tree, g->path) != 0) {
		return fail(GITSRC_ENOPATH, err, errsize, "'%s' (%s in the "
			    "repository) is not in the tree of %s (commit %s)",
			    fleetdir, g->path, rev, g->hex);
	} else if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
		char *slash = strrchr(g->path, '/');

		git_oid_cpy(&g->fleet_id, git_tree_entry_id(e));
		add_file(g, "", g->path, git_tree_entry_id(e));
		/* file() stays below the file's directory */
		if (slash)
			*slash = '\0';
		else
			g->path[0] = '\0';
		git_tree_entry_free(e);
		return 0;
	} else if (git_tree_entry_type(e) != GIT_OBJECT_TREE ||
		   git_tree_lookup(&sub, g->repo, git_tree_entry_id(e)) != 0) {
		git_tree_entry_free(e);
		return fail(GITSRC_ENOPATH, err, errsize, "'%s' is not a "
			    "directory nor a file in %s", fleetdir, rev);
	}
	if (e)
		git_oid_cpy(&g->fleet_id, git_tree_entry_id(e));
	git_tree_entry_free(e);
	if (git_tree_walk(sub, GIT_TREEWALK_PRE, walk_entry, &w) != 0)
		rc = fail(GITSRC_EIO, err, errsize, "cannot read the tree of "
			  "%s: %s", rev, git_why());
	free(w.buf);
	if (sub != g->tree)
		git_tree_free(sub);
	if (rc == 0 && g->nfiles == 0)
		rc = fail(GITSRC_ENOPATH, err, errsize, "no .site files in "
			  "'%s' at %s (commit %s)", fleetdir, rev, g->hex);
	if (g->nfiles > 1)
		qsort(g->files, g->nfiles, sizeof(*g->files), cmp_blob);
	return rc;
}

static int open_common(struct gitsrc **out, const char *repo_dir,
		       const char *rev, const char *fleetdir, bool just_dir,
		       char *err, size_t errsize)
{
	struct gitsrc *g = xmalloc(sizeof(*g));
	git_object *obj = NULL;
	char *base = NULL;
	int rc;

	*out = NULL;
	memset(g, 0, sizeof(*g));
	pthread_mutex_init(&g->lock, NULL);
	git_libgit2_init();
	if (!fleetdir)
		fleetdir = ".";
	rc = git_repository_open_ext(&g->repo, repo_dir ? repo_dir : ".", 0,
				     NULL);
	if (rc == GIT_ENOTFOUND) {
		rc = fail(GITSRC_ENOREPO, err, errsize, "'%s' is not in a git "
			  "repository (nor any of its parents)",
			  repo_dir ? repo_dir : ".");
		goto fail;
	}
	if (rc) {
		rc = fail(GITSRC_EIO, err, errsize, "cannot open the git "
			  "repository at '%s': %s", repo_dir ? repo_dir : ".",
			  git_why());
		goto fail;
	}
	if (git_revparse_single(&obj, g->repo, rev) != 0 ||
	    git_object_peel((git_object **)&g->commit, obj,
			    GIT_OBJECT_COMMIT) != 0) {
		rc = fail(GITSRC_ENOREV, err, errsize, "unknown revision '%s':"
			  " %s", rev, git_why());
		goto fail;
	}
	if (git_commit_tree(&g->tree, g->commit) != 0) {
		rc = fail(GITSRC_EIO, err, errsize, "cannot read the tree of "
			  "%s: %s", rev, git_why());
		goto fail;
	}
	git_oid_tostr(g->hex, sizeof(g->hex), git_commit_id(g->commit));
	snprintf(g->prefix, sizeof(g->prefix), "%.12s:", g->hex);
	if (just_dir) {
		g->path = normalize("", fleetdir);
	} else if (fleetdir[0] == '/') {
		if (!(g->path = absolute_in_worktree(g->repo, fleetdir))) {
			rc = fail(GITSRC_ENOPATH, err, errsize, "'%s' is not "
				  "in the repository's work tree", fleetdir);
			goto fail;
		}
		char *n = normalize("", g->path);

		free(g->path);
		g->path = n;
	} else {
		base = cwd_in_worktree(g->repo);
		g->path = normalize(base, fleetdir);
	}
	if (!g->path) {
		rc = fail(GITSRC_ENOPATH, err, errsize, "'%s' leads out of the "
			  "repository", fleetdir);
		goto fail;
	}
	if (just_dir) {
		git_tree_entry *e = NULL;

		if (g->path && g->path[0] &&
		    (git_tree_entry_bypath(&e, g->tree, g->path) != 0 ||
		     git_tree_entry_type(e) != GIT_OBJECT_TREE)) {
			git_tree_entry_free(e);
			rc = fail(GITSRC_ENOPATH, err, errsize, "'%s' is not a "
				  "directory in the tree of %s (commit %s)",
				  fleetdir, rev, g->hex);
			goto fail;
		}
		git_tree_entry_free(e);
	} else if ((rc = find_fleet(g, fleetdir, rev, err, errsize))) {
		goto fail;
	}
	g->input = (struct fleet_input){
		.nfiles = g->nfiles, .load = load_file, .read = read_file,
		.arg = g, .prefix = g->prefix, .root = g->path,
	};
	git_object_free(obj);
	free(base);
	*out = g;
	return 0;
fail:
	git_object_free(obj);
	free(base);
	gitsrc_free(g);
	return rc;
}

int gitsrc_open(struct gitsrc **out, const char *repo_dir, const char *rev,
		const char *fleetdir, char *err, size_t errsize)
{
	return open_common(out, repo_dir, rev, fleetdir, false, err, errsize);
}

int gitsrc_open_dir(struct gitsrc **out, const char *repo_dir,
		    const char *rev, const char *dir, char *err,
		    size_t errsize)
{
	return open_common(out, repo_dir, rev, dir, true, err, errsize);
}

int gitsrc_read(struct gitsrc *g, const char *name, char **data, size_t *len,
		char *why, size_t whysize)
{
	size_t n = strlen(g->path) + strlen(name) + 2;
	char *path = xmalloc(n);
	git_tree_entry *e = NULL;
	int rc;

	snprintf(path, n, "%s%s%s", g->path, g->path[0] ? "/" : "", name);
	pthread_mutex_lock(&g->lock);
	rc = git_tree_entry_bypath(&e, g->tree, path);
	git_tree_entry_free(e);
	pthread_mutex_unlock(&g->lock);
	if (rc == GIT_ENOTFOUND) {
		free(path);
		*data = NULL;
		*len = 0;
		return -2;
	}
	rc = read_file(g, path, data, len, why, whysize);
	free(path);
	return rc;
}

void gitsrc_free(struct gitsrc *g)
{
	if (!g)
		return;
	for (size_t i = 0; i < g->nfiles; i++)
		free(g->files[i].path);
	free(g->files);
	free(g->path);
	git_tree_free(g->tree);
	git_commit_free(g->commit);
	git_repository_free(g->repo);
	pthread_mutex_destroy(&g->lock);
	free(g);
	git_libgit2_shutdown();
}

const struct fleet_input *gitsrc_input(struct gitsrc *g)
{
	return &g->input;
}

const char *gitsrc_commit(const struct gitsrc *g)
{
	return g->hex;
}

bool gitsrc_same_fleet(const struct gitsrc *a, const struct gitsrc *b)
{
	return strcmp(a->path, b->path) == 0 &&
	       git_oid_equal(&a->fleet_id, &b->fleet_id);
}

const char *gitsrc_repo_path(const struct gitsrc *g)
{
	return git_repository_path(g->repo);
}

const char *gitsrc_path(const struct gitsrc *g)
{
	return g->path[0] ? g->path : ".";
}

int gitsrc_worktree_differs(struct gitsrc *g, bool *differs, char *err,
			    size_t errsize)
{
	git_diff_options opts;
	git_diff *diff = NULL;
	char *spec[1] = { g->path };

	*differs = false;
	if (git_repository_is_bare(g->repo))
		return 0;
	git_diff_options_init(&opts, GIT_DIFF_OPTIONS_VERSION);
	opts.flags |= GIT_DIFF_INCLUDE_UNTRACKED | GIT_DIFF_RECURSE_UNTRACKED_DIRS;
	if (g->path[0]) {
		opts.pathspec.strings = spec;
		opts.pathspec.count = 1;
	}
	if (git_diff_tree_to_workdir_with_index(&diff, g->repo, g->tree,
						&opts) != 0)
		return fail(-1, err, errsize, "cannot compare the work tree "
			    "with %s: %s", g->hex, git_why());
	*differs = git_diff_num_deltas(diff) > 0;
	git_diff_free(diff);
	return 0;
}
