/*
 * compile.h - compiling the sites of a prepared fleet into bundles, on
 * several threads (compile_sites), and the whole run of `sitec check`
 * and `sitec compile` (compile_fleet: load, prepare, select, compile,
 * then the fleet's policy: prune removed sites, write fleet.json).
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

struct bundle;
struct bundle_out;
struct diag;
struct diag_sink;
struct fleet_input;
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
	const struct bundle_out *out;	/* the output directory, opened
					 * and locked; NULL: only evaluate
					 * and check (`sitec check`) */
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
	/* bundle.json's "source" (bundle_source.h; NULL: left out). A run
	 * with a source neither reads nor writes OUT/.sitec-cache. */
	const char *source_commit, *source_path;
	/* with out NULL: each site's bundle as it is built, on the thread
	 * that built it, k its index in sites; b NULL for a site with
	 * errors; a non-zero result fails the run as an I/O error with the
	 * message in err (may be NULL) */
	int (*on_bundle)(void *arg, size_t k, const char *site,
			 const struct bundle *b, char *err, size_t errsize);
	void *on_bundle_arg;

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

/* --- a whole fleet: `sitec check` and `sitec compile` ------------------- */

#define COMPILE_FLEET_OPTS_VERSION 1
/* compile_fleet: a --site GLOB matches no site of the fleet */
#define COMPILE_ENOMATCH (-2)
/* compile_fleet: another compile holds OUT's lock, and opts->no_wait */
#define COMPILE_ELOCKED (-3)

struct compile_fleet_result;

struct compile_fleet_opts {
	unsigned version;		/* COMPILE_FLEET_OPTS_VERSION */
	const char *const *paths;	/* fleet directories and .site files; */
	size_t npaths;			/* none: the current directory */
	const char *out;		/* the output directory; NULL: only
					 * evaluate and check */
	unsigned jobs;			/* threads; 0: compile_default_jobs() */
	const char *const *globs;	/* compile only the sites whose name */
	size_t nglobs;			/* matches one (fnmatch); none: all */
	struct diag_sink *sink;		/* every diagnostic of the run */
	/* as in compile_run; may be NULL */
	void (*progress)(void *arg, size_t done, size_t total);
	void *progress_arg;
	/* called at the end of each phase, "load", "prepare", "select",
	 * "sites" and "finish", with what the run knows so far (--stats;
	 * r->no_match and r->err as soon as they are known, to report them
	 * in their place among the diagnostics); may be NULL. After a load
	 * with errors only "load" comes, and "sites" not when a GLOB
	 * matches nothing. */
	void (*phase)(void *arg, const char *name,
		      const struct compile_fleet_result *r);
	void *phase_arg;
	/* the fleet from a git revision (gitsrc.h) instead of paths, or
	 * NULL; with it, source_commit and source_path go into bundle.json
	 * and fleet.json */
	const struct fleet_input *input;
	const char *source_commit, *source_path;
	/* as in compile_run (with out NULL), or NULL */
	int (*on_bundle)(void *arg, size_t k, const char *site,
			 const struct bundle *b, char *err, size_t errsize);
	void *on_bundle_arg;
	/* when another compile holds OUT's lock: fail at once with
	 * COMPILE_ELOCKED, instead of waiting for it */
	bool no_wait;
	/* a warning about OUT, or that the run waits for its lock (the
	 * library never prints); may be NULL */
	void (*notice)(void *arg, const char *msg);
	void *notice_arg;
};

struct compile_fleet_result {
	size_t nfiles;			/* .site files read */
	size_t nsites;			/* sites the fleet declares */
	size_t nselected;		/* of them, those compiled (--site) */
	struct compile_stats stats;
	bool wrote_fleet;		/* fleet.json written, removed sites
					 * pruned */
	/* COMPILE_ENOMATCH: the GLOB (one of opts->globs) and the site
	 * name closest to it (malloc'ed), or NULL */
	const char *no_match;
	char *suggestion;
	char err[512];			/* the I/O error, when -1 */
};

/*
 * `sitec check` (o->out NULL) and `sitec compile`: loads the fleet,
 * prepares it, selects the sites (o->globs), compiles them on o->jobs
 * threads, and reports every diagnostic to o->sink. Only a run with no
 * error in the fleet, which knows its whole list of sites, then removes
 * from OUT the bundles of sites the fleet no longer has and writes
 * OUT/fleet.json (the sites not compiled, by --site, keep their digests
 * there). OUT is refused when it overlaps an input (contains a file of
 * the fleet or a directory named, or lies in a file named), and held
 * under an exclusive lock for the run (bundle_out_open). Returns 0
 * (errors in the fleet, if any, were counted in o->sink),
 * COMPILE_ENOMATCH (nothing compiled, nothing written), COMPILE_ELOCKED
 * (o->no_wait and OUT locked: nothing done; r->err), or -1 after an I/O
 * error or a refused OUT (r->err). Free r with
 * compile_fleet_result_free.
 */
int compile_fleet(const struct compile_fleet_opts *o,
		  struct compile_fleet_result *r);
void compile_fleet_result_free(struct compile_fleet_result *r);

/*
 * The directory file() may read below for a fleet named by path: the
 * directory itself, or the directory of a single file (the current
 * directory when path does not resolve). Malloc'ed.
 */
char *compile_fleet_root(const char *path);

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
