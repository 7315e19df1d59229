/*
 * compile.c - the sites of a fleet compiled into bundles on N threads.
 *
 * The threads share one counter, the index of the next site to take, so
 * each takes its sites in ascending order (as eval_fork requires) and a
 * slow site does not hold the others up. Results go into per-site slots
 * of r->digests; nothing else is shared but the first I/O error.
 */
#define _GNU_SOURCE	/* sched_getaffinity */
#include "compile.h"

#include "arena.h"
#include "bundle.h"
#include "eval.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct shared {
	struct compile_run *r;
	atomic_size_t next;		/* the next index into r->sites */
	atomic_size_t done;		/* sites finished, for progress */
	pthread_mutex_t lock;		/* err_site and r->err */
	/* the lowest index of a site whose writing failed: the sites
	 * after it are not written, the ones before it still are, so the
	 * error reported does not depend on the threads */
	atomic_size_t err_site;
};

struct worker {
	struct shared *sh;
	struct evaluator *ev;		/* eval_fork'ed */
	struct compile_stats stats;
	pthread_t thread;
};

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Keeps the error of the first site in order, whichever thread saw it. */
static void io_error(struct shared *sh, size_t k, const char *msg)
{
	pthread_mutex_lock(&sh->lock);
	if (k < atomic_load(&sh->err_site)) {
		atomic_store(&sh->err_site, k);
		snprintf(sh->r->err, sizeof(sh->r->err), "%s", msg);
	}
	pthread_mutex_unlock(&sh->lock);
}

static void compile_one(struct worker *w, size_t k)
{
	struct compile_run *r = w->sh->r;
	uint32_t site = r->sites[k];
	char err[512];
	struct bundle b;
	unsigned written = 0;
	double t0 = now();
	struct value *v = eval_site(w->ev, site);
	double t1 = now();

	w->stats.eval_s += t1 - t0;
	if (!v) {
		w->stats.failed++;
		return;
	}
	if (!r->out) {		/* `sitec check` */
		w->stats.compiled++;
		return;
	}
	/* after an I/O error, sites are still evaluated (whatever -j, a
	 * run reports every error in the fleet) but no longer written */
	if (k > atomic_load(&w->sh->err_site))
		return;
	if (bundle_build(&b, eval_site_name(w->ev, site), v, err,
			 sizeof(err))) {
		io_error(w->sh, k, err);
		return;
	}
	double t2 = now();
	int rc = bundle_write_site(r->out, &b, &written, err, sizeof(err));

	w->stats.emit_s += t2 - t1;
	w->stats.write_s += now() - t2;
	if (rc) {
		io_error(w->sh, k, err);
	} else {
		r->digests[k] = xstrdup(b.digest);
		w->stats.compiled++;
		w->stats.files_written += written;
		w->stats.sites_changed += written > 0;
	}
	bundle_free(&b);
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct shared *sh = w->sh;

	for (;;) {
		size_t k = atomic_fetch_add(&sh->next, 1);
		if (k >= sh->r->nsites)
			break;
		compile_one(w, k);
		atomic_fetch_add_explicit(&sh->done, 1, memory_order_relaxed);
	}
	return NULL;
}

/* Waits for the workers, calling progress about every 100 ms. */
static void wait_progress(struct shared *sh)
{
	struct compile_run *r = sh->r;
	struct timespec tick = { 0, 100 * 1000 * 1000 };
	double start = now();
	bool shown = false;

	if (!r->progress)
		return;
	for (;;) {
		size_t done = atomic_load(&sh->done);
		if (done >= r->nsites)
			break;
		/* a run that ends within half a second shows nothing */
		if (shown || now() - start >= 0.5) {
			r->progress(r->progress_arg, done, r->nsites);
			shown = true;
		}
		nanosleep(&tick, NULL);
	}
	if (shown)
		r->progress(r->progress_arg, r->nsites, r->nsites);
}

static void add_stats(struct compile_stats *to, const struct compile_stats *s)
{
	to->eval_s += s->eval_s;
	to->emit_s += s->emit_s;
	to->write_s += s->write_s;
	to->compiled += s->compiled;
	to->failed += s->failed;
	to->files_written += s->files_written;
	to->sites_changed += s->sites_changed;
}

int compile_sites(struct evaluator *ev, struct compile_run *r)
{
	unsigned jobs = r->jobs ? r->jobs : 1;
	struct shared sh = { .r = r };

	if (jobs > r->nsites)
		jobs = r->nsites ? (unsigned)r->nsites : 1;
	r->err[0] = 0;
	memset(&r->stats, 0, sizeof(r->stats));
	r->digests = calloc(r->nsites ? r->nsites : 1, sizeof(*r->digests));
	if (!r->digests)
		arena_oom();
	atomic_init(&sh.next, 0);
	atomic_init(&sh.done, 0);
	atomic_init(&sh.err_site, (size_t)-1);
	pthread_mutex_init(&sh.lock, NULL);

	struct worker *ws = calloc(jobs, sizeof(*ws));
	if (!ws)
		arena_oom();
	/* forked before any thread starts: ev is not touched after */
	for (unsigned i = 0; i < jobs; i++) {
		ws[i].sh = &sh;
		ws[i].ev = eval_fork(ev);
	}
	unsigned started = 0;
	for (; started < jobs; started++) {
		int e = pthread_create(&ws[started].thread, NULL, worker_main,
				       &ws[started]);
		if (e) {
			if (started == 0) {	/* run on this thread */
				worker_main(&ws[0]);
				started = 1;
				ws[0].thread = pthread_self();
			}
			break;
		}
	}
	wait_progress(&sh);
	for (unsigned i = 0; i < started; i++)
		if (!pthread_equal(ws[i].thread, pthread_self()))
			pthread_join(ws[i].thread, NULL);
	/* threads that never started took no site: their workers are empty */
	for (unsigned i = 0; i < jobs; i++) {
		add_stats(&r->stats, &ws[i].stats);
		eval_join(ev, ws[i].ev);
	}
	free(ws);
	pthread_mutex_destroy(&sh.lock);
	return r->err[0] ? -1 : 0;
}

void compile_run_free(struct compile_run *r)
{
	if (!r->digests)
		return;
	for (size_t i = 0; i < r->nsites; i++)
		free(r->digests[i]);
	free(r->digests);
	r->digests = NULL;
}

unsigned compile_default_jobs(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) == 0) {
		int n = CPU_COUNT(&set);
		if (n > 0)
			return (unsigned)n;
	}
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (unsigned)n : 1;
}
