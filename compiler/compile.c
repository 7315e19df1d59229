/*
 * compile.c - the sites of a fleet compiled into bundles on N threads.
 *
 * The threads share one counter, the index of the next site to take, so
 * each takes its sites in ascending order (as eval_fork requires) and a
 * slow site does not hold the others up. Results go into per-site slots
 * of r->digests; nothing else is shared but the first I/O error.
 * compile_fleet drives a whole run around it, for check and compile.
 */
#define _GNU_SOURCE	/* sched_getaffinity, strndup */
#include "compile.h"

#include "arena.h"
#include "bundle.h"
#include "bundle_source.h"
#include "cache.h"
#include "diag.h"
#include "digest.h"
#include "emit.h"
#include "eval.h"
#include "fleet.h"
#include "value.h"

#include <jansson.h>
#include <yajl/yajl_version.h>
#include <yaml.h>

#include <errno.h>
#include <fnmatch.h>
#include <libgen.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>


/* --- a site's fingerprint ------------------------------------------------ */

struct fp_buf {
	unsigned char *data;
	size_t len, cap;
};

static void fp_put(struct fp_buf *b, const void *p, size_t n)
{
	if (b->len + n > b->cap) {
		while (b->len + n > b->cap)
			b->cap = b->cap ? b->cap * 2 : 4096;
		b->data = xrealloc(b->data, b->cap);
	}
	memcpy(b->data + b->len, p, n);
	b->len += n;
}

static void fp_u32(struct fp_buf *b, uint32_t x)
{
	fp_put(b, &x, sizeof(x));
}

/* Every byte that can reach an output: kinds, lengths, keys in order,
 * the bits of numbers; not where values came from. */
static void fp_value(struct fp_buf *b, const struct value *v)
{
	unsigned char kind = (unsigned char)v->kind;

	fp_put(b, &kind, 1);
	switch (v->kind) {
	case V_NULL:
		break;
	case V_BOOL:
		kind = v->u.b;
		fp_put(b, &kind, 1);
		break;
	case V_INT:
		fp_put(b, &v->u.i, sizeof(v->u.i));
		break;
	case V_FLOAT:
		fp_put(b, &v->u.f, sizeof(v->u.f));
		break;
	case V_STRING:
	case V_SECRET:
		fp_u32(b, v->len);
		fp_put(b, v->u.str, v->len);
		break;
	case V_LIST:
		fp_u32(b, v->len);
		for (uint32_t i = 0; i < v->len; i++)
			fp_value(b, v->u.items[i]);
		break;
	case V_OBJECT:
		fp_u32(b, v->len);
		for (uint32_t i = 0; i < v->len; i++) {
			fp_u32(b, v->u.fields[i].keylen);
			fp_put(b, v->u.fields[i].key, v->u.fields[i].keylen);
			fp_value(b, v->u.fields[i].value);
		}
		break;
	}
}

/*
 * What else decides a bundle's bytes: this very compiler (the sha256 of
 * its executable, so a rebuilt sitec of the same version does not trust
 * what the old one wrote) and the emitting libraries' versions. False
 * when the executable cannot be read: then nothing is taken from the
 * cache.
 */
static bool build_identity(unsigned char id[CACHE_FP_SIZE])
{
	struct digest_sha256_stream *st = digest_sha256_new();
	FILE *f = fopen("/proc/self/exe", "rb");
	char buf[65536], libs[128];
	size_t n;
	bool ok = st && f;

	_Static_assert(CACHE_FP_SIZE == DIGEST_SHA256_BYTES, "a sha256");
	while (ok && (n = fread(buf, 1, sizeof(buf), f)) > 0)
		ok = digest_sha256_update(st, buf, n) == 0;
	ok = ok && !ferror(f);
	snprintf(libs, sizeof(libs), "libyaml %s yajl %d jansson %s",
		 yaml_get_version_string(), yajl_version(), JANSSON_VERSION);
	ok = ok && digest_sha256_update(st, libs, strlen(libs)) == 0;
	if (ok)
		ok = digest_sha256_final(st, id) == 0;	/* frees st */
	else
		digest_sha256_free(st);
	if (f)
		fclose(f);
	return ok;
}

/* The sha256 of the build's identity, the site's name and its k8s, api
 * and os values. */
static bool fingerprint(struct fp_buf *b, const unsigned char *build_id,
			const char *name, const struct value *root,
			unsigned char fp[CACHE_FP_SIZE])
{
	static const char *const outputs[] = { "k8s", "api", "os" };

	b->len = 0;
	fp_put(b, build_id, CACHE_FP_SIZE);
	fp_u32(b, (uint32_t)strlen(name));
	fp_put(b, name, strlen(name));
	for (size_t i = 0; i < 3; i++) {
		const struct value *v = root->kind == V_OBJECT
			? value_get(root, outputs[i], strlen(outputs[i])) : NULL;
		if (v)
			fp_value(b, v);
		else
			fp_put(b, "", 1);
	}
	return digest_sha256(b->data, b->len, fp) == 0;
}

/* What a compiled site leaves for the next run's cache. */
struct site_result {
	bool cached;			/* fp and stamp are set */
	unsigned char fp[CACHE_FP_SIZE];
	uint64_t stamp;
	struct diag *diag;		/* an output JSON cannot hold, or NULL */
};

#define WORKER_STACK ((size_t)64 << 20)

struct shared {
	struct compile_run *r;
	struct cache cache;		/* the last run's, read-only here */
	unsigned char build_id[CACHE_FP_SIZE];	/* see build_identity */
	struct site_result *res;	/* per entry of r->sites */
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
	struct fp_buf fp;
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

struct diag *compile_json_diag(const char *site, const char *what,
			       const struct emit_json_error *e)
{
	struct span span = { 0 };
	struct diag *d;

	if (e->built)
		span = e->built->expr->span;
	d = diag_new(E0518, span, "%s%s%s%s is nested %u levels deep; JSON "
		     "output takes at most %d", site ? "site " : "",
		     site ? site : "", site ? ": " : "", what, e->depth,
		     EMIT_JSON_MAX_DEPTH);
	diag_note(d, (struct span){ 0 }, "the first list or object too deep "
		  "is at %s%s", what, e->path);
	diag_help(d, "%s", VALUE_JSON_DEPTH_HELP);
	return d;
}

/*
 * Whether the site's JSON files can be written: api.json nests its calls
 * one level deeper than `api`, os.json is `os`. NULL or a diagnostic.
 */
static struct diag *check_json_outputs(const char *name,
				       const struct value *root)
{
	static const struct { const char *field; unsigned level; } outs[] = {
		{ "api", 1 }, { "os", 0 },
	};
	struct emit_json_error e;

	for (size_t i = 0; i < sizeof(outs) / sizeof(outs[0]); i++) {
		const struct value *v = root->kind == V_OBJECT
			? value_get(root, outs[i].field, strlen(outs[i].field))
			: NULL;

		if (v && emit_json_check(v, outs[i].level, &e))
			return compile_json_diag(name, outs[i].field, &e);
	}
	return NULL;
}

/* A site's bundle built and handed to r->on_bundle, not written (v
 * NULL: the site has errors, r->on_bundle is told so). */
static void bundle_to_callback(struct worker *w, size_t k, const char *name,
			       const struct value *v)
{
	struct compile_run *r = w->sh->r;
	char err[512] = "";
	struct bundle b;
	double t0 = now();

	if (k > atomic_load(&w->sh->err_site))
		return;
	if (!v) {	/* the site has errors */
		if (r->on_bundle(r->on_bundle_arg, k, name, NULL, err,
				 sizeof(err)))
			io_error(w->sh, k, err[0] ? err : "cannot note a site");
		return;
	}
	if (bundle_build(&b, name, v, err, sizeof(err))) {
		io_error(w->sh, k, err);
		return;
	}
	if ((r->source_commit &&
	     bundle_source_set(&b, r->source_commit, r->source_path, 0, err,
			       sizeof(err))) ||
	    r->on_bundle(r->on_bundle_arg, k, name, &b, err, sizeof(err))) {
		io_error(w->sh, k, err[0] ? err : "cannot keep the bundle");
	} else {
		r->digests[k] = xstrdup(b.digest);
		w->stats.compiled++;
	}
	w->stats.emit_s += now() - t0;
	bundle_free(&b);
}

static void compile_one(struct worker *w, size_t k)
{
	struct compile_run *r = w->sh->r;
	struct site_result *res = &w->sh->res[k];
	uint32_t site = r->sites[k];
	const char *name = eval_site_name(w->ev, site);
	char err[512];
	struct bundle b;
	unsigned written = 0;
	double t0 = now();
	struct value *v = eval_site(w->ev, site);
	double t1 = now();

	w->stats.eval_s += t1 - t0;
	if (v && (res->diag = check_json_outputs(name, v)))
		v = NULL;	/* reported in site order by compile_sites */
	if (!v) {
		w->stats.failed++;
		if (!r->out && r->on_bundle)
			bundle_to_callback(w, k, name, NULL);
		return;
	}
	if (!r->out && r->on_bundle) {	/* publish, affected */
		bundle_to_callback(w, k, name, v);
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
	res->cached = !r->source_commit &&
		      fingerprint(&w->fp, w->sh->build_id, name, v, res->fp);
	const struct cache_entry *e = res->cached
		? cache_find(&w->sh->cache, name) : NULL;
	if (e && memcmp(e->fp, res->fp, CACHE_FP_SIZE) == 0 &&
	    bundle_stamp_digest(r->out->sites_dfd, name, e->digest,
				&res->stamp) &&
	    res->stamp == e->stamp) {
		/* the same values and untouched files: the same bundle */
		r->digests[k] = xstrdup(e->digest);
		w->stats.compiled++;
		w->stats.cached++;
		w->stats.emit_s += now() - t1;
		return;
	}
	if (bundle_build(&b, name, v, err, sizeof(err))) {
		res->cached = false;
		io_error(w->sh, k, err);
		return;
	}
	if (r->source_commit &&
	    bundle_source_set(&b, r->source_commit, r->source_path, 0, err,
			      sizeof(err))) {
		io_error(w->sh, k, err);
		bundle_free(&b);
		return;
	}
	double t2 = now();
	int rc = bundle_write_site(r->out, &b, &written, &res->stamp, err,
				   sizeof(err));

	w->stats.emit_s += t2 - t1;
	w->stats.write_s += now() - t2;
	if (rc) {
		res->cached = false;
		io_error(w->sh, k, err);
	} else {
		r->digests[k] = xstrdup(b.digest);
		w->stats.compiled++;
		w->stats.files_written += written;
		w->stats.sites_changed += written > 0;
	}
	bundle_free(&b);
}

/*
 * Writes the cache for the next run: the sites compiled now, and the
 * sites of the fleet this run did not compile (--site, errors) with the
 * entry they had, whose bundles are as they were.
 */
static int cache_save(struct shared *sh, const struct evaluator *ev)
{
	struct compile_run *r = sh->r;
	size_t total = eval_site_count(ev);
	const struct site_result **now_res = calloc(total ? total : 1,
						     sizeof(*now_res));
	size_t cap = 0, len = 0;
	char *text = NULL;

	if (!now_res)
		arena_oom();
	for (size_t k = 0; k < r->nsites; k++)
		if (r->digests[k])
			now_res[r->sites[k]] = &sh->res[k];
	cache_format_header(&text, &len, &cap);
	for (size_t i = 0; i < total; i++) {
		const char *name = eval_site_name(ev, i);
		const struct site_result *res = now_res[i];
		const struct cache_entry *old = cache_find(&sh->cache, name);
		struct cache_entry e = { .name = name };

		if (!cache_name_ok(name))
			continue;	/* not on a line of its own */
		if (res && res->cached) {
			memcpy(e.fp, res->fp, CACHE_FP_SIZE);
			snprintf(e.digest, sizeof(e.digest), "%s",
				 r->digests[res - sh->res]);
			e.stamp = res->stamp;
		} else if (!res && old) {
			e = *old;
		} else {
			continue;
		}
		cache_format(&text, &len, &cap, &e);
	}
	free(now_res);
	int rc = bundle_write_out_file(r->out, CACHE_NAME, text, len, true,
				       r->err, sizeof(r->err));
	free(text);
	return rc;
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
	to->cached += s->cached;
}

int compile_sites(struct evaluator *ev, struct compile_run *r)
{
	unsigned jobs = r->jobs ? r->jobs : 1;
	struct shared sh = { .r = r };

	if (jobs > r->nsites)
		jobs = r->nsites ? (unsigned)r->nsites : 1;
	r->err[0] = 0;
	memset(&r->stats, 0, sizeof(r->stats));
	if (r->out && !r->source_commit) {
		cache_load(&sh.cache, r->out);
		if (!build_identity(sh.build_id))
			cache_free(&sh.cache);	/* trust nothing in it */
	}
	sh.res = calloc(r->nsites ? r->nsites : 1, sizeof(*sh.res));
	if (!sh.res)
		arena_oom();
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
	/* the evaluator recurses as deep as the fleet nests (1,000 levels
	 * of syntax): give each thread at least the main thread's usual
	 * stack, and more, which costs address space only */
	pthread_attr_t attr;
	bool have_attr = pthread_attr_init(&attr) == 0;
	if (have_attr)
		pthread_attr_setstacksize(&attr, WORKER_STACK);
	unsigned started = 0;
	for (; started < jobs; started++) {
		int e = pthread_create(&ws[started].thread,
				       have_attr ? &attr : NULL, worker_main,
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
	if (have_attr)
		pthread_attr_destroy(&attr);
	wait_progress(&sh);
	for (unsigned i = 0; i < started; i++)
		if (!pthread_equal(ws[i].thread, pthread_self()))
			pthread_join(ws[i].thread, NULL);
	/* threads that never started took no site: their workers are empty */
	for (unsigned i = 0; i < jobs; i++) {
		add_stats(&r->stats, &ws[i].stats);
		eval_join(ev, ws[i].ev);
		free(ws[i].fp.data);
	}
	free(ws);
	for (size_t k = 0; k < r->nsites; k++) {
		if (!sh.res[k].diag)
			continue;
		if (r->sink)
			diag_emit(r->sink, sh.res[k].diag);
		else
			diag_free(sh.res[k].diag);
	}
	pthread_mutex_destroy(&sh.lock);
	/* after errors OUT is left as it was, but for the sites written */
	if (r->out && !r->source_commit && !r->err[0] && !r->stats.failed)
		cache_save(&sh, ev);
	cache_free(&sh.cache);
	free(sh.res);
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

/* --- a whole fleet --------------------------------------------------------- */

char *compile_fleet_root(const char *path)
{
	char buf[PATH_MAX];
	struct stat st;

	if (!realpath(path, buf))
		return xstrdup(".");
	if (stat(buf, &st) == 0 && !S_ISDIR(st.st_mode))
		return xstrdup(dirname(buf));
	return xstrdup(buf);
}

/*
 * path made absolute and free of links: realpath of its longest part
 * that exists, then the rest as written (malloc'ed).
 */
static char *canonical(const char *path)
{
	char buf[PATH_MAX];
	char *copy, *dir, *rest, *res;

	if (realpath(path, buf))
		return xstrdup(buf);
	copy = xstrdup(path);
	size_t n = strlen(copy);
	while (n > 1 && copy[n - 1] == '/')
		copy[--n] = 0;
	char *slash = strrchr(copy, '/');
	if (!slash) {
		dir = xstrdup(".");
		rest = copy;
	} else {
		*slash = 0;
		dir = canonical(slash == copy ? "/" : copy);
		rest = slash + 1;
	}
	if (!strcmp(rest, ".") || !strcmp(rest, "")) {
		res = strcmp(dir, ".") ? xstrdup(dir) : canonical(".");
	} else {
		char *d = strcmp(dir, ".") ? xstrdup(dir) : canonical(".");
		res = xmalloc(strlen(d) + strlen(rest) + 2);
		sprintf(res, "%s%s%s", d, strcmp(d, "/") ? "/" : "", rest);
		free(d);
	}
	free(dir);
	free(copy);
	return res;
}

static int fail_overlap(char *err, size_t errsize, const char *out,
			const char *real, const char *input)
{
	snprintf(err, errsize, "the output directory %s (%s) overlaps the "
		 "fleet's %s: compile writes and prunes there; choose an "
		 "output directory outside the fleet", out, real, input);
	return -1;
}

/* Whether the canonical path p is a or lies below it. */
static bool path_within(const char *p, const char *a)
{
	size_t n = strlen(a);

	if (strcmp(a, "/") == 0)
		return true;
	return strncmp(p, a, n) == 0 && (p[n] == 0 || p[n] == '/');
}

/*
 * OUT must not contain an input (a file of the fleet, a directory named)
 * nor lie inside a file named: compile would read what it writes, and
 * its pruning could reach the fleet's files. (OUT inside a fleet
 * directory is fine as long as no .site file is in it.) -1 with err.
 */
static int out_overlaps(const char *out, const char *const *paths,
			size_t npaths, const struct fleet *f, char *err,
			size_t errsize)
{
	char *o = canonical(out), *last_dir = NULL, *last_real = NULL;
	int rc = 0;

	for (size_t i = 0; i < npaths && !rc; i++) {
		char *c = canonical(paths[i]);
		struct stat st;

		if (path_within(c, o) ||
		    (stat(c, &st) == 0 && !S_ISDIR(st.st_mode) &&
		     path_within(o, c)))
			rc = fail_overlap(err, errsize, out, o, paths[i]);
		free(c);
	}
	/* the files read, by the real path of their directory (files come
	 * sorted, so one realpath per directory) */
	for (size_t i = 0; i < f->nfiles && !rc; i++) {
		const char *p = f->files[i].src->path;
		const char *slash = strrchr(p, '/');
		char *dir = slash ? strndup(p, (size_t)(slash - p + (slash == p)))
				  : xstrdup(".");

		if (!dir)
			arena_oom();
		if (!last_dir || strcmp(dir, last_dir) != 0) {
			free(last_dir);
			free(last_real);
			last_dir = dir;
			last_real = canonical(dir);
		} else {
			free(dir);
		}
		if (path_within(last_real, o))
			rc = fail_overlap(err, errsize, out, o, p);
	}
	free(last_dir);
	free(last_real);
	free(o);
	return rc;
}

/* The indices of the sites to compile: all, or those matching a glob;
 * COMPILE_ENOMATCH with r->no_match when a glob matches none. */
static int select_sites(const struct evaluator *ev,
			const struct compile_fleet_opts *o,
			struct compile_fleet_result *r, uint32_t **out,
			size_t *n)
{
	size_t total = eval_site_count(ev);
	uint32_t *sel = xmalloc((total ? total : 1) * sizeof(*sel));
	bool *used = calloc(o->nglobs ? o->nglobs : 1, sizeof(*used));

	if (!used)
		arena_oom();
	*n = 0;
	for (size_t i = 0; i < total; i++) {
		bool take = o->nglobs == 0;

		for (size_t g = 0; g < o->nglobs; g++)
			if (fnmatch(o->globs[g], eval_site_name(ev, i), 0) == 0)
				take = used[g] = true;
		if (take)
			sel[(*n)++] = (uint32_t)i;
	}
	for (size_t g = 0; g < o->nglobs; g++) {
		if (used[g])
			continue;
		const char *s = eval_site_suggest(ev, o->globs[g]);

		r->no_match = o->globs[g];
		r->suggestion = s ? xstrdup(s) : NULL;
		free(sel);
		free(used);
		return COMPILE_ENOMATCH;
	}
	free(used);
	*out = sel;
	return 0;
}

/* OUT checked against the inputs, opened and locked: 0, -1 or
 * COMPILE_ELOCKED, with r->err. */
static int open_out(const struct compile_fleet_opts *o,
		    const struct fleet *f, const char *const *paths,
		    size_t npaths, struct bundle_out *out,
		    struct compile_fleet_result *r)
{
	int rc;

	bundle_crash_init();
	if (out_overlaps(o->out, paths, npaths, f, r->err, sizeof(r->err)))
		return -1;
	rc = bundle_out_open(out, o->out, !o->no_wait, r->err, sizeof(r->err));
	return rc == BUNDLE_ELOCKED ? COMPILE_ELOCKED : rc ? -1 : 0;
}

static void phase_end(const struct compile_fleet_opts *o, const char *name,
		      const struct compile_fleet_result *r)
{
	if (o->phase)
		o->phase(o->phase_arg, name, r);
}

/* OUT/sites without the sites the fleet no longer has, and fleet.json. */
static int write_fleet(const struct compile_fleet_opts *o,
		       const struct bundle_out *out,
		       struct compile_fleet_result *r,
		       const struct evaluator *ev, const struct compile_run *run)
{
	size_t nsites = eval_site_count(ev);
	const char **names = xmalloc((nsites ? nsites : 1) * sizeof(*names));
	const char **digests = calloc(nsites ? nsites : 1, sizeof(*digests));
	int rc;

	if (!digests)
		arena_oom();
	for (size_t i = 0; i < nsites; i++)
		names[i] = eval_site_name(ev, i);
	for (size_t k = 0; k < run->nsites; k++)
		digests[run->sites[k]] = run->digests[k];
	rc = bundle_prune(out, names, nsites, r->err, sizeof(r->err)) ||
	     bundle_write_fleet(out, names, digests, nsites, o->source_commit,
				o->source_path, r->err, sizeof(r->err)) ? -1 : 0;
	free(names);
	free(digests);
	return rc;
}

int compile_fleet(const struct compile_fleet_opts *o,
		  struct compile_fleet_result *r)
{
	static const char *const here[] = { "." };
	const char *const *paths = o->npaths ? o->paths : here;
	size_t npaths = o->npaths ? o->npaths : 1;
	unsigned before = o->sink->errors;
	struct fleet fleet;
	int rc = 0;

	struct bundle_out out = { .dfd = -1, .sites_dfd = -1, .lock_fd = -1,
				  .notice = o->notice,
				  .notice_arg = o->notice_arg };

	memset(r, 0, sizeof(*r));
	fleet_init(&fleet);
	if (o->input)
		fleet_load_input(&fleet, o->input, o->sink);
	else
		fleet_load(&fleet, paths, npaths, o->sink);
	r->nfiles = fleet.nfiles;
	phase_end(o, "load", r);
	if (o->sink->errors == before) {
		/* a fleet from git: file() reads through the input */
		char *root = o->input ? xstrdup(".")
				      : compile_fleet_root(paths[0]);
		struct evaluator *ev = eval_new(&fleet, o->sink, root);
		bool prepared = eval_prepare(ev);
		struct compile_run run = {
			.out = o->out ? &out : NULL,
			.jobs = o->jobs ? o->jobs : compile_default_jobs(),
			.progress = o->progress,
			.progress_arg = o->progress_arg,
			.sink = o->sink,
			.source_commit = o->source_commit,
			.source_path = o->source_path,
			.on_bundle = o->on_bundle,
			.on_bundle_arg = o->on_bundle_arg,
		};
		uint32_t *sel = NULL;

		r->nsites = eval_site_count(ev);
		phase_end(o, "prepare", r);
		rc = select_sites(ev, o, r, &sel, &run.nsites);
		phase_end(o, "select", r);
		if (rc == 0 && o->out)
			rc = open_out(o, &fleet, paths, npaths, &out, r);
		if (rc == 0) {
			run.sites = sel;
			if (compile_sites(ev, &run)) {
				snprintf(r->err, sizeof(r->err), "%s", run.err);
				rc = -1;
			}
			r->nselected = run.nsites;
			r->stats = run.stats;
			phase_end(o, "sites", r);
		}
		eval_finish(ev);	/* buffered profile errors count too */
		/* only a run with no error knows the fleet's whole list of
		 * sites: then the removed ones go and fleet.json is written
		 * (with --site, the sites not compiled keep their digests) */
		if (o->out && rc == 0 && prepared && o->sink->errors == before) {
			rc = write_fleet(o, &out, r, ev, &run);
			r->wrote_fleet = rc == 0;
		}
		phase_end(o, "finish", r);
		compile_run_free(&run);
		free(sel);
		eval_free(ev);
		free(root);
		bundle_out_close(&out);
	}
	fleet_free(&fleet);
	return rc;
}

void compile_fleet_result_free(struct compile_fleet_result *r)
{
	free(r->suggestion);
	r->suggestion = NULL;
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
