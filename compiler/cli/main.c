/*
 * main.c - the `sitec` command: parses the command line, runs a phase of
 * the compiler library, prints what it reports and picks the exit status
 * (0 ok, 1 errors in the fleet, 2 usage error, 3 I/O or internal error).
 */
#define _XOPEN_SOURCE 700
#include "config.h"
#include "ast_dump.h"
#include "bundle.h"
#include "compile.h"
#include "diag.h"
#include "emit.h"
#include "eval.h"
#include "fleet.h"
#include "syntax.h"
#include "value.h"

#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <limits.h>
#include <libgen.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum exit_status { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

/* --- where diagnostics go --------------------------------------------------- */

enum output_format { FORMAT_TEXT, FORMAT_JSON, FORMAT_SARIF };

struct output_sink {
	struct diag_sink base;
	FILE *out;		/* text as it comes; JSON or SARIF at the end */
	json_t *json;		/* collected for --format json, else NULL */
	struct sarif *sarif;	/* collected for --format sarif, else NULL */
};

static void sink_emit_text(struct diag_sink *sink, const struct diag *d)
{
	struct output_sink *s = (struct output_sink *)sink;

	diag_render_text(s->out, d);
}

static void sink_emit_json(struct diag_sink *sink, const struct diag *d)
{
	struct output_sink *s = (struct output_sink *)sink;

	json_array_append_new(s->json, diag_to_json(d));
}

static void sink_emit_sarif(struct diag_sink *sink, const struct diag *d)
{
	struct output_sink *s = (struct output_sink *)sink;

	sarif_add(s->sarif, d);
}

static void sink_init(struct output_sink *s, enum output_format format,
		      FILE *out)
{
	memset(s, 0, sizeof(*s));
	s->out = out;
	switch (format) {
	case FORMAT_TEXT:
		s->base.emit = sink_emit_text;
		break;
	case FORMAT_JSON:
		s->base.emit = sink_emit_json;
		s->json = json_array();
		break;
	case FORMAT_SARIF:
		s->base.emit = sink_emit_sarif;
		s->sarif = sarif_new();
		break;
	}
}

/* Prints collected JSON or SARIF diagnostics; returns false on an I/O
 * error. */
static bool sink_finish(struct output_sink *s)
{
	bool ok = true;

	if (s->sarif) {
		json_t *log = sarif_finish(s->sarif, SITEC_VERSION);

		s->sarif = NULL;
		ok = json_dumpf(log, s->out, JSON_INDENT(2)) == 0 &&
		     fputc('\n', s->out) != EOF;
		json_decref(log);
	}
	if (s->json) {
		json_t *doc = json_object();

		json_object_set_new(doc, "errors", json_integer(s->base.errors));
		json_object_set_new(doc, "warnings", json_integer(s->base.warnings));
		json_object_set_new(doc, "diagnostics", s->json);
		ok = json_dumpf(doc, s->out, JSON_INDENT(2)) == 0 &&
		     fputc('\n', s->out) != EOF;
		json_decref(doc);
		s->json = NULL;
	}
	return ok;
}

/* --- options shared by commands ----------------------------------------------- */

static int usage_error(const char *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fputs("sitec: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'sitec %s--help'.\n", cmd);
	return EXIT_USAGE;
}

static int parse_format(const char *cmd, const char *arg,
			enum output_format *format)
{
	if (strcmp(arg, "text") == 0)
		*format = FORMAT_TEXT;
	else if (strcmp(arg, "json") == 0)
		*format = FORMAT_JSON;
	else if (strcmp(arg, "sarif") == 0)
		*format = FORMAT_SARIF;
	else
		return usage_error(cmd, "unknown format '%s' (use text, json "
				   "or sarif)", arg);
	return EXIT_OK;
}

static int finish(struct output_sink *sink)
{
	if (!sink_finish(sink) || fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "sitec: cannot write the output\n");
		return EXIT_IO;
	}
	return sink->base.errors ? EXIT_ERRORS : EXIT_OK;
}

/* Prints help or version text; a failed write is an I/O error. */
static int print_text(const char *text)
{
	if (fputs(text, stdout) == EOF || fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "sitec: cannot write the output\n");
		return EXIT_IO;
	}
	return EXIT_OK;
}

/* The directory file() may read below: the fleet directory itself, or the
 * directory of a single file. */
static char *fleet_root(const char *path)
{
	char buf[PATH_MAX];
	struct stat st;

	if (!realpath(path, buf))
		return xstrdup(".");
	if (stat(buf, &st) == 0 && !S_ISDIR(st.st_mode))
		return xstrdup(dirname(buf));
	return xstrdup(buf);
}

/* --- sitec check ------------------------------------------------------------------ */

static const char check_help[] =
	"Usage: sitec check [-j N] [--format text|json|sarif] [FLEETDIR|FILE]...\n"
	"\n"
	"Reads every *.site file below each FLEETDIR (the current directory if\n"
	"none is given), evaluates every site totally, and reports every error\n"
	"it finds. Writes nothing.\n"
	"\n"
	"  -j, --jobs N        evaluate on N threads (default: as many as CPUs);\n"
	"                      the report is the same whatever N\n"
	"  --format FORMAT     text, json or sarif (SARIF 2.1.0, for code\n"
	"                      scanning); json and sarif go to stdout\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 no errors, 1 errors in the fleet, 2 usage error,\n"
	"3 I/O or internal error.\n";

/* -j N: a number of threads. */
static int parse_jobs(const char *cmd, const char *arg, unsigned *jobs)
{
	char *end;

	errno = 0;
	unsigned long n = strtoul(arg, &end, 10);
	if (errno || end == arg || *end || n < 1 || n > 1024 || arg[0] == '-')
		return usage_error(cmd, "-j takes a number of threads from 1 "
				   "to 1024, not '%s'", arg);
	*jobs = (unsigned)n;
	return EXIT_OK;
}

static int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum output_format format = FORMAT_TEXT;
	unsigned jobs = compile_default_jobs();
	int c, rc;

	while ((c = getopt_long(argc, argv, "j:h", opts, NULL)) != -1) {
		switch (c) {
		case 'j':
			if ((rc = parse_jobs("check ", optarg, &jobs)))
				return rc;
			break;
		case 'f':
			if ((rc = parse_format("check ", optarg, &format)))
				return rc;
			break;
		case 'h':
			return print_text(check_help);
		default:
			fputs("Try 'sitec check --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}

	static const char *const here[] = { "." };
	const char *const *paths = (const char *const *)argv + optind;
	size_t npaths = (size_t)(argc - optind);
	struct output_sink sink;
	struct fleet fleet;

	if (npaths == 0) {
		paths = here;
		npaths = 1;
	}
	sink_init(&sink, format, format == FORMAT_TEXT ? stderr : stdout);
	fleet_init(&fleet);
	fleet_load(&fleet, paths, npaths, &sink.base);
	size_t nsites = 0;
	if (!sink.base.errors) {
		char *root = fleet_root(paths[0]);
		struct evaluator *ev = eval_new(&fleet, &sink.base, root);
		eval_prepare(ev);
		nsites = eval_site_count(ev);
		uint32_t *all = xmalloc((nsites ? nsites : 1) * sizeof(*all));
		for (size_t i = 0; i < nsites; i++)
			all[i] = (uint32_t)i;
		/* no output directory: evaluate and type-check only */
		struct compile_run run = { .jobs = jobs, .sites = all,
					   .nsites = nsites,
					   .sink = &sink.base };
		compile_sites(ev, &run);
		compile_run_free(&run);
		free(all);
		eval_free(ev);	/* reports the errors */
		free(root);
	}
	if (format == FORMAT_TEXT) {
		if (sink.base.errors)
			fprintf(stderr, "sitec: %u error%s in %zu file%s\n",
				sink.base.errors, sink.base.errors == 1 ? "" : "s",
				fleet.nfiles, fleet.nfiles == 1 ? "" : "s");
		else
			printf("%zu file%s, %zu site%s checked, no errors\n",
			       fleet.nfiles, fleet.nfiles == 1 ? "" : "s",
			       nsites, nsites == 1 ? "" : "s");
	}
	rc = finish(&sink);
	fleet_free(&fleet);
	return rc;
}

/* --- sitec compile ---------------------------------------------------------------- */

static const char compile_help[] =
	"Usage: sitec compile -o OUT [-j N] [--site GLOB]... [--stats]\n"
	"                     [--format text|json|sarif] [FLEETDIR|FILE]...\n"
	"\n"
	"Evaluates every site of the fleet (the current directory if no\n"
	"FLEETDIR is given) and writes its bundle into OUT/sites/NAME/:\n"
	"k8s.yaml, api.json, os.json and bundle.json (the sha256 of each file\n"
	"and their digest), then OUT/fleet.json. A file whose content did not\n"
	"change is not touched; a changed one is replaced atomically. A site\n"
	"with errors writes nothing and keeps its old bundle. When the whole\n"
	"fleet compiles, the bundles of sites it no longer has are removed.\n"
	"The output is the same whatever -j and machine. OUT/.sitec-cache\n"
	"(not part of any bundle) lets a recompile skip the sites whose values\n"
	"and files did not change.\n"
	"\n"
	"  -o, --output OUT    the output directory (created if needed)\n"
	"  -j, --jobs N        compile on N threads (default: as many as CPUs)\n"
	"  --site GLOB         only the sites whose name matches GLOB (a shell\n"
	"                      pattern: 'paris-*'); may be repeated. fleet.json\n"
	"                      keeps the other sites' digests\n"
	"  --stats             print the time and memory of each phase\n"
	"                      on stderr\n"
	"  --format FORMAT     how to print diagnostics: text, json or sarif\n"
	"  -h, --help          show this help\n"
	"\n"
	"On a terminal, a compile that takes more than half a second shows\n"
	"its progress (sites done / total) on stderr.\n"
	"\n"
	"Exit status: 0 no errors, 1 errors in the fleet, 2 usage error,\n"
	"3 I/O or internal error.\n";

/* --stats: wall time and peak memory at the end of each phase. */
struct phase_clock {
	bool on;
	double start, last;
};

static double wall_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long peak_rss_kib(void)
{
	struct rusage ru;

	return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

__attribute__((format(printf, 3, 4)))
static void phase_done(struct phase_clock *pc, const char *name,
		       const char *fmt, ...)
{
	if (!pc->on)
		return;
	double t = wall_now();
	va_list ap;

	fprintf(stderr, "sitec: %-8s %8.3f s   peak RSS %6.1f MiB   ", name,
		t - pc->last, (double)peak_rss_kib() / 1024.0);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	pc->last = t;
}

/* The progress line: on stderr, rewritten in place. */
static void show_progress(void *arg, size_t done, size_t total)
{
	(void)arg;
	if (done < total)
		fprintf(stderr, "\rsitec: compiling: %zu/%zu sites", done, total);
	else	/* erase it: what follows starts on a clean line */
		fprintf(stderr, "\r\033[K");
	fflush(stderr);
}

/* The indices of the sites to compile: all, or those matching a glob. */
static int select_sites(const struct evaluator *ev, char **globs,
			size_t nglobs, uint32_t **out, size_t *n)
{
	size_t total = eval_site_count(ev);
	uint32_t *sel = xmalloc((total ? total : 1) * sizeof(*sel));
	bool *used = calloc(nglobs ? nglobs : 1, sizeof(*used));

	if (!used)
		arena_oom();
	*n = 0;
	for (size_t i = 0; i < total; i++) {
		bool take = nglobs == 0;

		for (size_t g = 0; g < nglobs; g++)
			if (fnmatch(globs[g], eval_site_name(ev, i), 0) == 0)
				take = used[g] = true;
		if (take)
			sel[(*n)++] = (uint32_t)i;
	}
	for (size_t g = 0; g < nglobs; g++) {
		if (used[g])
			continue;
		const char *s = eval_site_suggest(ev, globs[g]);
		int rc = s ? usage_error("compile ", "no site matches --site "
					 "'%s'; did you mean '%s'?", globs[g], s)
			   : usage_error("compile ", "no site matches --site "
					 "'%s'", globs[g]);
		free(sel);
		free(used);
		return rc;
	}
	free(used);
	*out = sel;
	return EXIT_OK;
}

static int cmd_compile(int argc, char **argv)
{
	enum { OPT_SITE = 256, OPT_STATS };
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "site", required_argument, NULL, OPT_SITE },
		{ "stats", no_argument, NULL, OPT_STATS },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum output_format format = FORMAT_TEXT;
	const char *out = NULL;
	unsigned jobs = compile_default_jobs();
	char **globs = xmalloc((size_t)argc * sizeof(*globs));
	size_t nglobs = 0;
	struct phase_clock pc = { 0 };
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:j:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'j':
			if ((rc = parse_jobs("compile ", optarg, &jobs))) {
				free(globs);
				return rc;
			}
			break;
		case OPT_SITE:
			globs[nglobs++] = optarg;
			break;
		case OPT_STATS:
			pc.on = true;
			break;
		case 'f':
			if ((rc = parse_format("compile ", optarg, &format))) {
				free(globs);
				return rc;
			}
			break;
		case 'h':
			free(globs);
			return print_text(compile_help);
		default:
			free(globs);
			fputs("Try 'sitec compile --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (!out || !out[0]) {
		free(globs);
		return usage_error("compile ", "%s", "compile needs an output "
				   "directory (-o OUT)");
	}

	static const char *const here[] = { "." };
	const char *const *paths = (const char *const *)argv + optind;
	size_t npaths = (size_t)(argc - optind);
	struct output_sink sink;
	struct compile_run run = { .out = out, .jobs = jobs,
				   .sink = &sink.base };
	struct fleet fleet;
	int io = EXIT_OK;
	char err[512];

	if (npaths == 0) {
		paths = here;
		npaths = 1;
	}
	pc.start = pc.last = wall_now();
	sink_init(&sink, format, format == FORMAT_TEXT ? stderr : stdout);
	fleet_init(&fleet);
	fleet_load(&fleet, paths, npaths, &sink.base);
	phase_done(&pc, "load", "%zu files", fleet.nfiles);
	size_t nsites = 0;
	uint32_t *sel = NULL;
	if (!sink.base.errors) {
		char *root = fleet_root(paths[0]);
		struct evaluator *ev = eval_new(&fleet, &sink.base, root);
		bool prepared = eval_prepare(ev);

		nsites = eval_site_count(ev);
		phase_done(&pc, "prepare", "%zu sites", nsites);
		io = select_sites(ev, globs, nglobs, &sel, &run.nsites);
		if (io == EXIT_OK) {
			run.sites = sel;
			if (format == FORMAT_TEXT && isatty(STDERR_FILENO))
				run.progress = show_progress;
			if (compile_sites(ev, &run)) {
				fprintf(stderr, "sitec: %s\n", run.err);
				io = EXIT_IO;
			}
			phase_done(&pc, "sites", "%zu sites on %u thread%s: "
				   "%zu written (%zu files), %zu unchanged "
				   "(%zu known from the cache), %zu failed; "
				   "thread time: evaluate %.3f s, emit %.3f s, "
				   "write %.3f s", run.nsites,
				   jobs, jobs == 1 ? "" : "s",
				   run.stats.sites_changed,
				   run.stats.files_written,
				   run.stats.compiled - run.stats.sites_changed,
				   run.stats.cached,
				   run.stats.failed, run.stats.eval_s,
				   run.stats.emit_s, run.stats.write_s);
		}
		eval_finish(ev);	/* buffered profile errors count too */
		/* only a run with no error knows the fleet's whole list of
		 * sites: then the removed ones go and fleet.json is written
		 * (with --site, the sites not compiled keep their digests) */
		if (io == EXIT_OK && prepared && !sink.base.errors) {
			const char **names = xmalloc((nsites ? nsites : 1) *
						     sizeof(*names));
			const char **digests = calloc(nsites ? nsites : 1,
						      sizeof(*digests));
			if (!digests)
				arena_oom();
			for (size_t i = 0; i < nsites; i++)
				names[i] = eval_site_name(ev, i);
			for (size_t k = 0; k < run.nsites; k++)
				digests[sel[k]] = run.digests[k];
			if (bundle_prune(out, names, nsites, err, sizeof(err)) ||
			    bundle_write_fleet(out, names, digests, nsites, err,
					       sizeof(err))) {
				fprintf(stderr, "sitec: %s\n", err);
				io = EXIT_IO;
			}
			free(names);
			free(digests);
		}
		phase_done(&pc, "finish", "%s", sink.base.errors
			   ? "errors: fleet.json and removed sites left as they were"
			   : "fleet.json written, removed sites pruned");
		eval_free(ev);
		free(root);
	}
	if (format == FORMAT_TEXT) {
		if (sink.base.errors)
			fprintf(stderr, "sitec: %u error%s in %zu file%s\n",
				sink.base.errors, sink.base.errors == 1 ? "" : "s",
				fleet.nfiles, fleet.nfiles == 1 ? "" : "s");
		else if (io == EXIT_OK)
			printf("%zu file%s, %zu site%s compiled into %s\n",
			       fleet.nfiles, fleet.nfiles == 1 ? "" : "s",
			       run.nsites, run.nsites == 1 ? "" : "s", out);
	}
	if (pc.on)
		fprintf(stderr, "sitec: total    %8.3f s   peak RSS %6.1f MiB\n",
			wall_now() - pc.start, (double)peak_rss_kib() / 1024.0);
	rc = finish(&sink);
	compile_run_free(&run);
	free(sel);
	free(globs);
	fleet_free(&fleet);
	return io != EXIT_OK ? io : rc;
}

/* --- sitec explain and query ------------------------------------------------------- */

static const char explain_help[] =
	"Usage: sitec explain [--fleet DIR] [--format text|json|sarif]\n"
	"                     SITE [PATH]\n"
	"\n"
	"Evaluates SITE and prints the final value at PATH (the whole site if\n"
	"no PATH is given), then every statement that set it or something\n"
	"under it, most specific first: the layer, the location, the operator,\n"
	"and the value the statement replaced. PATH is written as in a\n"
	"statement: os.sysctl.\"vm.swappiness\", or with a selector,\n"
	"k8s.agent.spec.template.spec.containers[name = \"agent\"].image.\n"
	"\n"
	"  --fleet DIR         the fleet (default: the current directory)\n"
	"  --format FORMAT     how to print diagnostics: text, json or sarif\n"
	"  -h, --help          show this help\n";

static const char query_help[] =
	"Usage: sitec query [--fleet DIR] [--format text|json|sarif]\n"
	"                   SITE EXPR\n"
	"\n"
	"Evaluates EXPR as if it stood in the body of SITE (names are the\n"
	"site's fields, fleet constants and functions work) and prints the\n"
	"result as JSON on stdout.\n"
	"\n"
	"  --fleet DIR         the fleet (default: the current directory)\n"
	"  --format FORMAT     how to print diagnostics: text, json or sarif\n"
	"  -h, --help          show this help\n";

/* Loads and prepares the fleet in dir for explain/query, and finds site. */
static int open_site(const char *cmd, const char *dir, const char *site,
		     struct output_sink *sink, struct fleet *fleet,
		     struct evaluator **ev, char **root, size_t *index)
{
	*ev = NULL;
	*root = NULL;
	fleet_load(fleet, &dir, 1, &sink->base);
	if (sink->base.errors)
		return EXIT_ERRORS;
	*root = fleet_root(dir);
	*ev = eval_new(fleet, &sink->base, *root);
	/* errors elsewhere in the fleet are reported, and the site is still
	 * explained or queried: explain helps most when something is wrong */
	eval_prepare(*ev);
	long i = eval_site_find(*ev, site);
	if (i < 0) {
		const char *s = eval_site_suggest(*ev, site);
		if (s)
			return usage_error(cmd, "no site is called '%s' in %s; "
					   "did you mean '%s'?", site, dir, s);
		return usage_error(cmd, "no site is called '%s' in %s", site, dir);
	}
	*index = (size_t)i;
	return EXIT_OK;
}

static int cmd_explain_or_query(int argc, char **argv, bool query)
{
	static const struct option opts[] = {
		{ "fleet", required_argument, NULL, 'F' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *cmd = query ? "query " : "explain ";
	const char *dir = ".";
	enum output_format format = FORMAT_TEXT;
	int c, rc;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			dir = optarg;
			break;
		case 'f':
			if ((rc = parse_format(cmd, optarg, &format)))
				return rc;
			break;
		case 'h':
			return print_text(query ? query_help : explain_help);
		default:
			fprintf(stderr, "Try 'sitec %s--help'.\n", cmd);
			return EXIT_USAGE;
		}
	}
	int nargs = argc - optind;
	if (query ? nargs != 2 : (nargs < 1 || nargs > 2))
		return usage_error(cmd, "%s", query ? "query takes SITE and EXPR"
					    : "explain takes SITE and an optional PATH");

	struct output_sink sink;
	struct fleet fleet;
	struct evaluator *ev;
	char *root;
	size_t site = 0;

	/* The result goes to stdout, so diagnostics go to stderr. */
	sink_init(&sink, format, stderr);
	fleet_init(&fleet);
	rc = open_site(cmd, dir, argv[optind], &sink, &fleet, &ev, &root, &site);
	if (rc == EXIT_OK) {
		const char *text = nargs == 2 ? argv[optind + 1] : "";
		if (query) {
			struct ast *e = eval_parse_path(ev, text, true);
			struct value *v = e ? eval_query(ev, site, e) : NULL;
			if (!e)
				rc = EXIT_USAGE;	/* EXPR does not parse */
			char *out;
			size_t len;
			struct emit_json_error je;
			if (v && emit_json_text(v, EMIT_JSON_INDENT, &out, &len,
						&je) == 0) {
				fwrite(out, 1, len, stdout);
				fputc('\n', stdout);
				free(out);
			} else if (v) {
				diag_emit(&sink.base, compile_json_diag(
					argv[optind], "EXPR", &je));
			}
		} else {
			struct ast *path = *text ? eval_parse_path(ev, text, false)
						 : NULL;
			/* PATH that is not a path is a usage error */
			if (!*text || path) {
				if (eval_explain(ev, site, path, stdout) == 2)
					rc = EXIT_USAGE;
			} else {
				rc = EXIT_USAGE;
			}
		}
	}
	if (ev)
		eval_finish(ev);
	if (rc == EXIT_OK || rc == EXIT_ERRORS) {
		rc = finish(&sink);
	} else if (rc == EXIT_USAGE && !sink_finish(&sink)) {
		rc = EXIT_IO;
	}
	eval_free(ev);
	free(root);
	fleet_free(&fleet);
	return rc;
}

/* --- sitec parse ------------------------------------------------------------------ */

static const char parse_help[] =
	"Usage: sitec parse --dump [--format text|json|sarif] FILE\n"
	"\n"
	"Parses one .site file and prints its syntax tree as JSON on stdout.\n"
	"Syntax errors go to stderr and nothing is printed on stdout.\n"
	"\n"
	"  --dump              print the syntax tree (the only mode for now)\n"
	"  --format FORMAT     how to print diagnostics: text, json or sarif\n"
	"  -h, --help          show this help\n";

static int cmd_parse(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dump", no_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum output_format format = FORMAT_TEXT;
	bool dump = false;
	int c, rc;

	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			dump = true;
			break;
		case 'f':
			if ((rc = parse_format("parse ", optarg, &format)))
				return rc;
			break;
		case 'h':
			return print_text(parse_help);
		default:
			fputs("Try 'sitec parse --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (!dump)
		return usage_error("parse ", "%s", "parse needs --dump");
	if (argc - optind != 1)
		return usage_error("parse ", "%s", "parse takes exactly one FILE");

	struct output_sink sink;
	struct fleet fleet;
	const char *path = argv[optind];
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return usage_error("parse ", "'%s' is a directory; parse takes one .site file",
				   path);

	/* The tree goes to stdout, so diagnostics go to stderr. */
	sink_init(&sink, format, stderr);
	fleet_init(&fleet);
	fleet_load(&fleet, (const char *const *)&path, 1, &sink.base);
	if (!sink.base.errors && fleet.nfiles == 1)
		ast_dump_json(stdout, fleet.files[0].ast);
	rc = finish(&sink);
	fleet_free(&fleet);
	return rc;
}

/* --- sitec codes ------------------------------------------------------------------ */

static const char codes_help[] =
	"Usage: sitec codes [CODE]\n"
	"\n"
	"Lists every diagnostic code with its explanation, or explains one.\n";

static int cmd_codes(int argc, char **argv)
{
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
			 strcmp(argv[1], "-h") == 0)) {
		return print_text(codes_help);
	}
	if (argc > 2)
		return usage_error("codes ", "%s", "codes takes at most one CODE");
	int i;

	for (i = 0; i < DIAG_CODE_COUNT; i++) {
		if (argc == 2 && strcmp(argv[1], diag_code_name(i)) != 0)
			continue;
		printf("%s  %-30s %s\n", diag_code_name(i), diag_code_slug(i),
		       diag_code_text(i));
		if (argc == 2)
			break;
	}
	if (argc == 2 && i == DIAG_CODE_COUNT)
		return usage_error("codes ", "unknown code '%s' (see 'sitec codes')",
				   argv[1]);
	return print_text("");
}

/* --- main ---------------------------------------------------------------------------- */

static const char main_help[] =
	"Usage: sitec COMMAND [OPTION]... [ARG]...\n"
	"\n"
	"Compiles a fleet of edge sites described in the site language.\n"
	"\n"
	"Commands:\n"
	"  check [FLEETDIR|FILE]...   evaluate the fleet and report every error\n"
	"  compile -o OUT [FLEETDIR|FILE]...\n"
	"                             write every site's bundle into OUT\n"
	"  explain SITE [PATH]        a site's value at PATH and where it was set\n"
	"  query SITE EXPR            evaluate an expression on a site, as JSON\n"
	"  parse --dump FILE          print the syntax tree of one file as JSON\n"
	"  codes [CODE]               explain the diagnostic codes\n"
	"\n"
	"  -h, --help                 show this help ('sitec COMMAND --help' for one)\n"
	"  -V, --version              show the version\n"
	"\n"
	"See sitec(1) and sitec-lang(7).\n";

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(main_help, stderr);
		return EXIT_USAGE;
	}
	const char *cmd = argv[1];

	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0 ||
	    strcmp(cmd, "help") == 0) {
		return print_text(main_help);
	}
	if (strcmp(cmd, "-V") == 0 || strcmp(cmd, "--version") == 0) {
		return print_text("sitec " SITEC_VERSION "\n");
	}
	/* getopt_long starts over for the command's own arguments, and
	 * names the command in its messages ("sitec check: ..."). */
	static char check_name[] = "sitec check", parse_name[] = "sitec parse";
	static char explain_name[] = "sitec explain", query_name[] = "sitec query";
	static char compile_name[] = "sitec compile";

	optind = 1;
	if (strcmp(cmd, "check") == 0) {
		argv[1] = check_name;
		return cmd_check(argc - 1, argv + 1);
	}
	if (strcmp(cmd, "compile") == 0) {
		argv[1] = compile_name;
		return cmd_compile(argc - 1, argv + 1);
	}
	if (strcmp(cmd, "parse") == 0) {
		argv[1] = parse_name;
		return cmd_parse(argc - 1, argv + 1);
	}
	if (strcmp(cmd, "explain") == 0) {
		argv[1] = explain_name;
		return cmd_explain_or_query(argc - 1, argv + 1, false);
	}
	if (strcmp(cmd, "query") == 0) {
		argv[1] = query_name;
		return cmd_explain_or_query(argc - 1, argv + 1, true);
	}
	if (strcmp(cmd, "codes") == 0)
		return cmd_codes(argc - 1, argv + 1);
	if (cmd[0] == '-')
		return usage_error("", "unknown option '%s'", cmd);
	return usage_error("", "unknown command '%s'", cmd);
}
