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

struct fleet {
	struct arena arena;
	struct interner names;
	struct fleet_file *files;
	size_t nfiles;
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

#endif
