/*
 * gitsrc.h - a fleet read straight from a git revision (libgit2): no
 * checkout, the work tree and the index are not read. The fleet's .site
 * files and the files file() reads come from the revision's tree.
 *
 * Paths: FLEETDIR names a directory (or one .site file) in the tree. A
 * relative FLEETDIR is taken from the current directory's place in the
 * repository's work tree when the current directory is inside it (as git
 * takes pathspecs), else from the repository's root; an absolute one
 * must lie in the work tree. Diagnostics name files as
 * "ID:PATH" (ID: the commit's first 12 hex digits, PATH: from the
 * repository's root), which `git show ID:PATH` opens.
 *
 * Errors: 0 or a negative GITSRC_E* with a message in err[0..errsize).
 * Memory: a gitsrc is freed with gitsrc_free; the strings it returns
 * live as long as it. Its fleet_input may be read from several threads.
 */
#ifndef SITEC_GITSRC_H
#define SITEC_GITSRC_H

#include <stdbool.h>
#include <stddef.h>

#define GITSRC_EIO (-1)		/* libgit2 or the system failed */
#define GITSRC_ENOREPO (-2)	/* not a git repository */
#define GITSRC_ENOREV (-3)	/* the revision does not name a commit */
#define GITSRC_ENOPATH (-4)	/* FLEETDIR is not in the revision's tree */

struct fleet_input;
struct gitsrc;

/*
 * Opens the repository that holds repo_dir (NULL: the current directory;
 * searched upwards, as git does), resolves rev (any rev-parse spec:
 * HEAD~2, a tag, a branch, a full or short id) to a commit, and finds
 * fleetdir (NULL: ".") in its tree.
 */
int gitsrc_open(struct gitsrc **out, const char *repo_dir, const char *rev,
		const char *fleetdir, char *err, size_t errsize);
void gitsrc_free(struct gitsrc *g);

/*
 * Opens the directory dir (from the repository's root, as in git's
 * REV:PATH; "" for the root) of rev's tree, to read its files with
 * gitsrc_read: no .site file is looked for.
 */
int gitsrc_open_dir(struct gitsrc **out, const char *repo_dir,
		    const char *rev, const char *dir, char *err,
		    size_t errsize);
/* The bytes of name (below the opened directory) into a malloc'ed
 * *data: 0, -1 with a reason, or -2 when there is no such file. */
int gitsrc_read(struct gitsrc *g, const char *name, char **data, size_t *len,
		char *why, size_t whysize);

/* The fleet's files, for compile_fleet_opts.input. */
const struct fleet_input *gitsrc_input(struct gitsrc *g);
/* The commit's full hex id. */
const char *gitsrc_commit(const struct gitsrc *g);
/* The repository's git directory (".git/" or the bare one). */
const char *gitsrc_repo_path(const struct gitsrc *g);
/* FLEETDIR from the repository's root ("." for the root itself). */
const char *gitsrc_path(const struct gitsrc *g);

/* Whether a and b read the same files: FLEETDIR has the same tree id
 * (or is the same blob) at both. */
bool gitsrc_same_fleet(const struct gitsrc *a, const struct gitsrc *b);

/*
 * Whether the work tree (with the index's stat cache) differs from the
 * revision below FLEETDIR. False for a bare repository. -1 with err.
 */
int gitsrc_worktree_differs(struct gitsrc *g, bool *differs, char *err,
			    size_t errsize);

#endif
