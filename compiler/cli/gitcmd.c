/*
 * gitcmd.c - what `sitec compile --rev` and `sitec check --rev` add to
 * their commands: the revision opened (gitsrc.h) and handed to
 * compile_fleet, and the note that the work tree differs from it.
 */
#include "commands.h"

#include "compile.h"
#include "gitsrc.h"

#include <stdbool.h>
#include <stdio.h>

int cli_rev_open(const char *cmd, const char *repo, const char *rev,
		 struct compile_fleet_opts *o, struct gitsrc **g)
{
	char err[1024];
	bool differs = false;
	int rc;

	*g = NULL;
	if (o->npaths > 1) {
		fprintf(stderr, "sitec: --rev takes at most one FLEETDIR (a "
			"path in the repository)\nTry 'sitec %s--help'.\n", cmd);
		return 2;
	}
	rc = gitsrc_open(g, repo, rev, o->npaths ? o->paths[0] : NULL, err,
			 sizeof(err));
	if (rc) {
		fprintf(stderr, "sitec: %s\n", err);
		return rc == GITSRC_EIO ? 3 : 2;
	}
	if (gitsrc_worktree_differs(*g, &differs, err, sizeof(err)))
		fprintf(stderr, "sitec: warning: %s\n", err);
	else if (differs)
		fprintf(stderr, "sitec: note: the work tree differs from %s "
			"in %s; reading %s (commit %.12s), not the work tree "
			"nor the index\n", rev, gitsrc_path(*g), rev,
			gitsrc_commit(*g));
	o->input = gitsrc_input(*g);
	o->source_commit = gitsrc_commit(*g);
	o->source_path = gitsrc_path(*g);
	return 0;
}
