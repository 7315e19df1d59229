/*
 * publish.h - `sitec publish`: a git revision compiled and committed, as
 * one commit, to a branch that edge sites pull (TOOLCHAIN.md, "sitec
 * publish and the pull model"). Everything goes through libgit2: the
 * fleet is read from the object database (gitsrc.h), the new objects are
 * written into an in-memory pack (mempack) and indexed as ONE packfile,
 * and the branch moves by compare-and-swap.
 *
 * The branch's tree:
 *   fleet.json          {"compiler", "source": {"commit", "path"},
 *                        "version": N, "sites": {NAME: DIGEST}}
 *   fleet.sig           with a key: ed25519 over fleet.json
 *   sites/NAME/{api.json,k8s.yaml,os.json,bundle.json[,bundle.sig]}
 * Its commits are numbered 1, 2, 3, ...: commit N's fleet.json says
 * "version": N and its message ends with the trailers
 * "Sitec-Publish: N" and "Sitec-Source: HEX"; a branch whose tip lacks
 * them is not one of publish's and is refused. A site whose digest
 * changed (or that is new) gets a bundle.json with version N; a site
 * whose digest did not change keeps its previous sites/NAME tree, byte
 * for byte. When no site was added, changed or removed, nothing is
 * written.
 *
 * When another publish moved the branch meanwhile, the commit is made
 * again on the new tip (versions computed again), up to
 * PUBLISH_RETRIES times.
 *
 * Errors: PUBLISH_* results with a message in r->err; diagnostics of
 * the fleet go to o->sink (then nothing is written).
 */
#ifndef SITEC_PUBLISH_H
#define SITEC_PUBLISH_H

#include "digest.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct diag_sink;

#define PUBLISH_OPTS_VERSION 1
#define PUBLISH_RETRIES 16

enum publish_result_code {
	PUBLISH_OK = 0,
	PUBLISH_EFLEET = 1,	/* errors in the fleet (in the sink) */
	PUBLISH_EUSAGE = 2,	/* not a repository, unknown revision, no
				 * such FLEETDIR, a foreign branch */
	PUBLISH_EIO = 3,	/* libgit2 or the system failed, or the
				 * branch moved more than PUBLISH_RETRIES
				 * times */
};

struct publish_opts {
	unsigned version;		/* PUBLISH_OPTS_VERSION */
	const char *repo;		/* the source repository; NULL: the
					 * one holding the current directory */
	const char *rev;		/* NULL: HEAD */
	const char *fleetdir;		/* in the repository; NULL: "." */
	const char *branch;		/* B, without refs/heads/ */
	const char *to;			/* a bare repository to publish
					 * into; NULL: the source one */
	const char *message;		/* added to the commit message */
	/* with a key: bundle.sig and fleet.sig */
	const unsigned char *sign_seed;	/* DIGEST_ED25519_SEED_BYTES */
	unsigned jobs;			/* 0: compile_default_jobs() */
	struct diag_sink *sink;
	/* for tests: called after the commit was written and before the
	 * branch moves, with the attempt number (may be NULL) */
	void (*before_update)(void *arg, unsigned attempt);
	void *before_update_arg;
	/* for tests: before each compare-and-swap, move the branch to the
	 * parent of its tip and back, as a publish racing on every attempt
	 * would (the branch ends where it was) */
	bool test_race_always;
};

struct publish_result {
	bool committed;			/* false: nothing changed */
	char commit[41];		/* the new tip (or the old one) */
	char source[41];		/* the source commit */
	int64_t number;			/* its version */
	size_t added, changed, removed, unchanged;
	unsigned attempts;		/* 1 without a race */
	size_t pack_objects;		/* objects in the new packfiles */
	char err[1024];
};

int publish_run(const struct publish_opts *o, struct publish_result *r);

#endif
