/*
 * affected.c - `sitec affected` (affected.h): both revisions compiled in
 * memory through compile_fleet's on_bundle, each site reduced to its
 * digest and its files' sha256, then the two sorted lists merged.
 */
#include "affected.h"

#include "arena.h"
#include "bundle.h"
#include "compile.h"
#include "diag.h"
#include "fleet.h"
#include "gitsrc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A site at one revision. */
struct site_sum {
	char *name;
	bool failed;
	char digest[BUNDLE_SHA256_SIZE];
	char sha[3][BUNDLE_SHA256_SIZE];	/* api, k8s, os */
};

struct side {
	pthread_mutex_t lock;
	struct site_sum *v;
	size_t n, cap;
};

static int note_site(void *arg, size_t k, const char *site,
		     const struct bundle *b, char *err, size_t errsize)
{
	struct side *s = arg;
	struct site_sum sum;

	(void)k;
	(void)err;
	(void)errsize;
	memset(&sum, 0, sizeof(sum));
	sum.name = xstrdup(site);
	sum.failed = !b;
	if (b) {
		memcpy(sum.digest, b->digest, sizeof(sum.digest));
		memcpy(sum.sha[0], b->files[BUNDLE_API].sha256, sizeof(sum.sha[0]));
		memcpy(sum.sha[1], b->files[BUNDLE_K8S].sha256, sizeof(sum.sha[1]));
		memcpy(sum.sha[2], b->files[BUNDLE_OS].sha256, sizeof(sum.sha[2]));
	}
	pthread_mutex_lock(&s->lock);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = sum;
	pthread_mutex_unlock(&s->lock);
	return 0;
}

static int cmp_sum(const void *a, const void *b)
{
	return strcmp(((const struct site_sum *)a)->name,
		      ((const struct site_sum *)b)->name);
}

/* One revision compiled into s. */
static int compile_side(const struct affected_opts *o, struct gitsrc *g,
			struct side *s, char *err, size_t errsize)
{
	struct compile_fleet_opts co = {
		.version = COMPILE_FLEET_OPTS_VERSION,
		.jobs = o->jobs,
		.sink = o->sink,
		.input = gitsrc_input(g),
		.on_bundle = note_site,
		.on_bundle_arg = s,
	};
	struct compile_fleet_result cr;
	int rc = compile_fleet(&co, &cr);

	if (rc)
		snprintf(err, errsize, "%s", cr.err);
	compile_fleet_result_free(&cr);
	qsort(s->v, s->n, sizeof(*s->v), cmp_sum);
	return rc ? AFFECTED_EIO : AFFECTED_OK;
}

static void add(struct affected_result *r, size_t *cap, const char *name,
		enum affected_kind kind, unsigned files, bool fa, bool fb)
{
	if (r->n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		r->sites = xrealloc(r->sites, *cap * sizeof(*r->sites));
	}
	r->sites[r->n++] = (struct affected_site){ xstrdup(name), kind, files,
						   fa, fb };
}

static void compare(const struct side *a, const struct side *b,
		    struct affected_result *r)
{
	size_t i = 0, j = 0, cap = 0;

	while (i < a->n || j < b->n) {
		int c = i == a->n ? 1 : j == b->n ? -1
			: strcmp(a->v[i].name, b->v[j].name);

		if (c < 0) {
			add(r, &cap, a->v[i].name, a->v[i].failed
			    ? AFFECTED_FAILED : AFFECTED_REMOVED, 0,
			    a->v[i].failed, false);
			i++;
		} else if (c > 0) {
			add(r, &cap, b->v[j].name, b->v[j].failed
			    ? AFFECTED_FAILED : AFFECTED_ADDED, 0, false,
			    b->v[j].failed);
			j++;
		} else {
			const struct site_sum *x = &a->v[i], *y = &b->v[j];

			if (x->failed || y->failed) {
				add(r, &cap, x->name, AFFECTED_FAILED, 0,
				    x->failed, y->failed);
			} else if (strcmp(x->digest, y->digest) != 0) {
				unsigned files = AFFECTED_FILE_META;

				if (strcmp(x->sha[0], y->sha[0]))
					files |= AFFECTED_FILE_API;
				if (strcmp(x->sha[1], y->sha[1]))
					files |= AFFECTED_FILE_K8S;
				if (strcmp(x->sha[2], y->sha[2]))
					files |= AFFECTED_FILE_OS;
				add(r, &cap, x->name, AFFECTED_CHANGED, files,
				    false, false);
			}
			i++;
			j++;
		}
	}
}

static void side_free(struct side *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->v[i].name);
	free(s->v);
	pthread_mutex_destroy(&s->lock);
}

int affected_run(const struct affected_opts *o, struct affected_result *r)
{
	struct gitsrc *ga = NULL, *gb = NULL;
	struct side a = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct side b = { .lock = PTHREAD_MUTEX_INITIALIZER };
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = gitsrc_open(&ga, o->repo, o->rev_a, o->fleetdir, r->err,
			      sizeof(r->err))) ||
	    (rc = gitsrc_open(&gb, o->repo, o->rev_b, o->fleetdir, r->err,
			      sizeof(r->err)))) {
		rc = rc == GITSRC_EIO ? AFFECTED_EIO : AFFECTED_EUSAGE;
		goto out;
	}
	snprintf(r->commit_a, sizeof(r->commit_a), "%s", gitsrc_commit(ga));
	snprintf(r->commit_b, sizeof(r->commit_b), "%s", gitsrc_commit(gb));
	/* the same tree below FLEETDIR compiles to the same bundles */
	if (gitsrc_same_fleet(ga, gb)) {
		r->same_tree = true;
		goto out;
	}
	if ((rc = compile_side(o, ga, &a, r->err, sizeof(r->err))) ||
	    (rc = compile_side(o, gb, &b, r->err, sizeof(r->err))))
		goto out;
	r->nsites_a = a.n;
	r->nsites_b = b.n;
	compare(&a, &b, r);
out:
	side_free(&a);
	side_free(&b);
	gitsrc_free(ga);
	gitsrc_free(gb);
	return rc;
}

void affected_result_free(struct affected_result *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->sites[i].name);
	free(r->sites);
	r->sites = NULL;
	r->n = 0;
}
