/*
 * fleet.h - a fleet: every *.site file below the directories given, read
 * and parsed.
 *
 * Files are taken in byte order of their paths (LANGUAGE.md section 1), so
 * every later phase sees the fleet in the same order on every machine. The
 * fleet owns its sources, the arena holding every AST, and the interned
 * names; fleet_free releases them all.
 */
#ifndef SITEC_FLEET_H
#define SITEC_FLEET_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "intern.h"

struct fleet_file {
	struct source *src;
	struct ast *ast;	/* NULL when the file could not be read */
};

/*
 * A fleet read from elsewhere than the file system (gitsrc.h: the tree of
 * a git revision). Display paths are "PREFIX" + a path in the tree, for
 * example "1a2b3c4d5e6f:fleet/sites/a.site".
 */
struct fleet_input {
	size_t nfiles;			/* the .site files, in byte order */
	/* file i as a new source (the caller owns it), or NULL after
	 * reporting why to sink */
	struct source *(*load)(void *arg, size_t i, struct diag_sink *sink);
	/* file(): the bytes of path (normalized, relative to the tree's
	 * root) into a malloc'ed *data; -1 with a reason. Called from
	 * several threads at once. */
	int (*read)(void *arg, const char *path, char **data, size_t *len,
		    char *why, size_t whysize);
	void *arg;
	const char *prefix;		/* of every display path: "REV:" */
	const char *root;		/* the fleet's directory in the tree,
					 * "" for its root; file() stays
					 * below it */
};

struct fleet {
	struct arena arena;
	struct interner names;
	struct fleet_file *files;
	size_t nfiles;
	const struct fleet_input *input;	/* fleet_load_input's, or NULL */
};

void fleet_init(struct fleet *f);
void fleet_free(struct fleet *f);

/*
 * Finds the .site files named by paths (directories are walked, files are
 * taken as they are) and parses each. Problems (a path that does not
 * exist, a directory with no .site file, an unreadable file, syntax
 * errors) go to sink. Dot-files and dot-directories are skipped, and so
 * are links to directories (a link cannot make the walk loop).
 */
void fleet_load(struct fleet *f, const char *const *paths, size_t npaths,
		struct diag_sink *sink);

/* The fleet of in (which must outlive f): each file loaded and parsed. */
void fleet_load_input(struct fleet *f, const struct fleet_input *in,
		      struct diag_sink *sink);

#endif
