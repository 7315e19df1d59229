/*
 * compile.h - compiling the sites of a prepared fleet into bundles, on
 * several threads (`sitec compile`).
 *
 * Each thread takes the next site in order, evaluates it (a worker of
 * eval.h), builds its bundle and writes it (bundle.h), then frees it all
 * before the next one: memory holds one site per thread, never the
 * fleet's outputs. What is written does not depend on the number of
 * threads, nor on which thread took which site, and diagnostics are
 * reported as one thread would report them (eval_join).
 *
 * OUT/.sitec-cache (not part of any bundle) remembers for each site a
 * sha256 of its output values (and of this executable and the versions
 * of the libraries that write the files, so that another build never
 * trusts what this one wrote) and the stamp of its files (bundle.h): a
 * site whose values and files are both as the last run left them is not
 * emitted nor compared again, which makes a recompile of an unchanged
 * fleet cost little more than its evaluation. The format is in
 * compile.c; a cache from another version, or damaged, is ignored.
 */
#ifndef SITEC_COMPILE_H
#define SITEC_COMPILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct diag;
struct diag_sink;
struct emit_json_error;
struct evaluator;

/* Seconds spent by all threads together in each step, and counts. */
struct compile_stats {
	double eval_s;		/* evaluating and type-checking */
	double emit_s;		/* building the files, hashing them */
	double write_s;		/* comparing and writing files */
	size_t compiled;	/* sites written (or found unchanged) */
	size_t failed;		/* sites with errors: nothing written */
	size_t files_written;	/* files created or replaced */
	size_t sites_changed;	/* sites with at least one file written */
	size_t cached;		/* sites found unchanged by the cache */
};

struct compile_run {
	/* in */
	const char *out;		/* the output directory; NULL: only
					 * evaluate and check (`sitec check`) */
	unsigned jobs;			/* threads, at least 1 */
	const uint32_t *sites;		/* the sites to compile, ascending */
	size_t nsites;
	/* called on the calling thread about every 100 ms while the sites
	 * compile (not at all for a short run), then once with done ==
	 * total; may be NULL */
	void (*progress)(void *arg, size_t done, size_t total);
	void *progress_arg;
	/* where a site whose outputs JSON cannot hold (emit.h: nested too
	 * deep) is reported, in site order, after the sites ran; such a
	 * site fails and writes nothing (NULL: not reported) */
	struct diag_sink *sink;

	/* out: for each of sites, its bundle's digest ("sha256:…",
	 * malloc'ed), or NULL when the site had errors or was not written
	 * after an I/O error */
	char **digests;
	struct compile_stats stats;
	char err[512];			/* the I/O error, when -1 */
};

/*
 * Compiles r->sites of ev (eval_prepare done) into r->out. Errors in the
 * fleet are left in ev's buffer (report them with eval_finish) and skip
 * their site. Returns 0, or -1 after an I/O error (r->err: that of the
 * first site in order; the sites after it are still evaluated, for
 * their diagnostics, but not written). Free r->digests with
 * compile_run_free.
 */
int compile_sites(struct evaluator *ev, struct compile_run *r);
void compile_run_free(struct compile_run *r);

/*
 * The error for a value JSON output cannot hold (emit_json_check or
 * emit_json_text failed with e): "site SITE: WHAT is nested N levels
 * deep", at where the first list or object too deep was built, with its
 * path and a hint. site may be NULL. Free it with diag_emit or diag_free.
 */
struct diag *compile_json_diag(const char *site, const char *what,
			       const struct emit_json_error *e);

/* The number of CPUs this process may run on (at least 1). */
unsigned compile_default_jobs(void);

#endif
