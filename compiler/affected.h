/*
 * affected.h - `sitec affected`: the sites whose compiled bundles differ
 * between two git revisions, by digest. Each revision is read from the
 * object database (gitsrc.h) and compiled in memory (nothing written);
 * when the fleet's directory has the same tree id at both, nothing is
 * compiled at all. bundle.json is compared without "source" (which names
 * the commit and so always differs): it changed when the digest did.
 *
 * Memory: free the result with affected_result_free. Errors: AFFECTED_*
 * with a message in r->err; diagnostics of either fleet go to o->sink.
 */
#ifndef SITEC_AFFECTED_H
#define SITEC_AFFECTED_H

#include <stdbool.h>
#include <stddef.h>

struct diag_sink;

#define AFFECTED_OPTS_VERSION 1

enum {
	AFFECTED_OK = 0,
	AFFECTED_EUSAGE = 2,	/* not a repository, unknown revision, no
				 * such FLEETDIR */
	AFFECTED_EIO = 3,
};

/* What happened to a site between A and B. */
enum affected_kind {
	AFFECTED_ADDED,		/* only in B */
	AFFECTED_REMOVED,	/* only in A */
	AFFECTED_CHANGED,	/* in both, another digest */
	AFFECTED_FAILED,	/* errors at A, at B or at both */
};

/* Which files changed (AFFECTED_CHANGED), as bits. */
#define AFFECTED_FILE_API 1u
#define AFFECTED_FILE_K8S 2u
#define AFFECTED_FILE_OS 4u
#define AFFECTED_FILE_META 8u	/* bundle.json */

struct affected_opts {
	unsigned version;		/* AFFECTED_OPTS_VERSION */
	const char *repo;		/* NULL: the current directory's */
	const char *rev_a, *rev_b;
	const char *fleetdir;		/* in the repository; NULL: "." */
	unsigned jobs;			/* 0: compile_default_jobs() */
	struct diag_sink *sink;
};

struct affected_site {
	char *name;
	enum affected_kind kind;
	unsigned files;			/* AFFECTED_FILE_* (changed) */
	bool failed_a, failed_b;	/* AFFECTED_FAILED: where */
};

struct affected_result {
	struct affected_site *sites;	/* in byte order of name */
	size_t n;
	size_t nsites_a, nsites_b;	/* sites compiled at each side */
	char commit_a[41], commit_b[41];
	bool same_tree;			/* FLEETDIR identical: not compiled */
	char err[1024];
};

int affected_run(const struct affected_opts *o, struct affected_result *r);
void affected_result_free(struct affected_result *r);

#endif
