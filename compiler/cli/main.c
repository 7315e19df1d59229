/*
 * main.c - the `sitec` command: parses the command line, runs a phase of
 * the compiler library, prints what it reports and picks the exit status
 * (0 ok, 1 errors in the fleet, 2 usage error, 3 I/O or internal error).
 */
#define _XOPEN_SOURCE 700
#include "config.h"
#include "ast_dump.h"
#include "commands.h"
#include "compile.h"
#include "diag.h"
#include "fleet.h"
#include "gitsrc.h"
#include "inspect.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum exit_status {
	EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2, EXIT_IO = 3,
	EXIT_LOCKED = 4,	/* compile --no-wait: OUT is locked */
};

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

	diag_sarif_add(s->sarif, d);
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
		s->sarif = diag_sarif_new();
		break;
	}
}

/* Prints collected JSON or SARIF diagnostics; returns false on an I/O
 * error. */
static bool sink_finish(struct output_sink *s)
{
	bool ok = true;

	if (s->sarif) {
		json_t *log = diag_sarif_finish(s->sarif, SITEC_VERSION);

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

/* --- what every command shares ----------------------------------------------- */

/*
 * A command's run: getopt over its options (--format and --help handled
 * here for all, the command's own ones by its callback), the sink its
 * diagnostics go to, and the exit status from what the sink counted.
 *
 *   struct cli c = { .cmd = "check ", .help = check_help };
 *   if ((rc = cli_options(&c, argc, argv, "j:h", opts, own, &st)) != CLI_GO_ON)
 *           return rc;
 *   cli_start(&c, stderr);
 *   ... one library call, reporting to &c.sink.base ...
 *   return cli_end(&c);
 */
struct cli {
	const char *cmd;		/* "check ": as messages name it */
	const char *help;
	enum output_format format;
	struct output_sink sink;
};

#define CLI_GO_ON (-1)

/*
 * Parses argv: 'f' (--format) and 'h' (--help) here, any other option
 * of opts by own(st, opt, optarg), which returns EXIT_OK or an exit
 * status. Returns CLI_GO_ON, or the exit status to return at once (help
 * printed, a usage error).
 */
static int cli_options(struct cli *c, int argc, char **argv,
		       const char *shortopts, const struct option *opts,
		       int (*own)(void *st, int opt, char *arg), void *st)
{
	int opt, rc;

	while ((opt = getopt_long(argc, argv, shortopts, opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if ((rc = parse_format(c->cmd, optarg, &c->format)))
				return rc;
			break;
		case 'h':
			return print_text(c->help);
		case '?':
			fprintf(stderr, "Try 'sitec %s--help'.\n", c->cmd);
			return EXIT_USAGE;
		default:
			if ((rc = own(st, opt, optarg)))
				return rc;
			break;
		}
	}
	return CLI_GO_ON;
}

/* Diagnostics as text go to out as they come; JSON and SARIF at the end. */
static void cli_start(struct cli *c, FILE *out)
{
	sink_init(&c->sink, c->format, out);
}

static int cli_end(struct cli *c)
{
	return finish(&c->sink);
}

/* --- sitec check ------------------------------------------------------------------ */

static const char check_help[] =
	"Usage: sitec check [-j N] [--format text|json|sarif] [FLEETDIR|FILE]...\n"
	"       sitec check --rev REV [--repo DIR] [-j N] [--format F] [FLEETDIR]\n"
	"\n"
	"Reads every *.site file below each FLEETDIR (the current directory if\n"
	"none is given), evaluates every site totally, and reports every error\n"
	"it finds. Writes nothing.\n"
	"\n"
	"  -j, --jobs N        evaluate on N threads (default: as many as CPUs);\n"
	"                      the report is the same whatever N\n"
	"  --format FORMAT     text, json or sarif (SARIF 2.1.0, for code\n"
	"                      scanning); json and sarif go to stdout\n"	"  --rev REV           read the fleet from git revision REV (HEAD~2, a\n"
	"                      tag, a branch, an id), not the work tree;\n"
	"                      FLEETDIR is then a path in the repository\n"
	"  --repo DIR          the repository (default: the one that holds\n"
	"                      the current directory)\n"
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

/* compile's long-only options; check takes --rev and --repo too */
enum { OPT_SITE = 256, OPT_STATS, OPT_REV, OPT_REPO, OPT_NO_WAIT };

/* --- sitec compile ---------------------------------------------------------------- */

static const char compile_help[] =
	"Usage: sitec compile -o OUT [-j N] [--site GLOB]... [--stats]\n"
	"                     [--no-wait] [--format text|json|sarif]\n"
	"                     [FLEETDIR|FILE]...\n"
	"       sitec compile -o OUT --rev REV [--repo DIR] [OPTION]... [FLEETDIR]\n"
	"\n"
	"Evaluates every site of the fleet (the current directory if no\n"
	"FLEETDIR is given) and writes its bundle into OUT/sites/NAME/:\n"
	"k8s.yaml, api.json, os.json and bundle.json (the sha256 of each file\n"
	"and their digest), then OUT/fleet.json. A site whose files did not\n"
	"change is not touched; a changed site's directory is replaced as a\n"
	"whole, atomically (a kill or an I/O error leaves the old bundle or\n"
	"the new one, never a mix). A site with errors writes nothing and\n"
	"keeps its old bundle. When the whole fleet compiles, the bundles of\n"
	"sites it no longer has are removed (only the files compile writes).\n"
	"One compile at a time per OUT (a lock on OUT/.sitec-lock); OUT may\n"
	"not overlap the fleet's files, and nothing below it is written\n"
	"through a symbolic link.\n"
	"The output is the same whatever -j and machine. OUT/.sitec-cache\n"
	"(not part of any bundle) lets a recompile skip the sites whose values\n"
	"and files did not change.\n"
	"\n"
	"  -o, --output OUT    the output directory (created if needed)\n"
	"  -j, --jobs N        compile on N threads (default: as many as CPUs)\n"
	"  --site GLOB         only the sites whose name matches GLOB (a shell\n"
	"                      pattern: 'paris-*'); may be repeated. fleet.json\n"
	"                      keeps the other sites' digests\n"
	"  --rev REV           compile git revision REV (HEAD~2, a tag, a\n"
	"                      branch, an id) read from the object database:\n"
	"                      no checkout, the work tree and index ignored;\n"
	"                      FLEETDIR is a path in the repository, and\n"
	"                      bundle.json and fleet.json name the commit\n"
	"  --repo DIR          the repository (default: the one that holds\n"
	"                      the current directory)\n"
	"  --stats             print the time and memory of each phase\n"
	"                      on stderr\n"
	"  --no-wait           when another compile holds OUT, fail at once\n"
	"                      (exit 4) instead of waiting for it\n"
	"  --format FORMAT     how to print diagnostics: text, json or sarif\n"
	"  -h, --help          show this help\n"
	"\n"
	"On a terminal, a compile that takes more than half a second shows\n"
	"its progress (sites done / total) on stderr.\n"
	"\n"
	"Exit status: 0 no errors, 1 errors in the fleet, 2 usage error,\n"
	"3 I/O or internal error, 4 OUT locked by another compile (--no-wait).\n";

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

/* What compile's options and its phases share. */
struct compile_cli {
	struct cli cli;
	struct compile_fleet_opts o;
	const char **globs;
	struct phase_clock pc;
	bool err_shown;
	const char *rev, *repo;		/* --rev, --repo */
};

static int compile_option(void *st, int opt, char *arg)
{
	struct compile_cli *cc = st;

	switch (opt) {
	case 'o':
		cc->o.out = arg;
		return EXIT_OK;
	case 'j':
		return parse_jobs(cc->cli.cmd, arg, &cc->o.jobs);
	case OPT_SITE:
		cc->globs[cc->o.nglobs++] = arg;
		return EXIT_OK;
	case OPT_STATS:
		cc->pc.on = true;
		return EXIT_OK;
	case OPT_REV:
		cc->rev = arg;
		return EXIT_OK;
	case OPT_REPO:
		cc->repo = arg;
		return EXIT_OK;
	case OPT_NO_WAIT:
		cc->o.no_wait = true;
		return EXIT_OK;
	}
	return EXIT_USAGE;
}

/* --rev and --repo: the fleet of a git revision (o->paths set first). */
static int open_rev(struct compile_cli *cc, struct gitsrc **g)
{
	*g = NULL;
	if (cc->repo && !cc->rev)
		return usage_error(cc->cli.cmd, "%s", "--repo goes with --rev");
	return cc->rev ? cli_rev_open(cc->cli.cmd, cc->repo, cc->rev, &cc->o, g)
		       : EXIT_OK;
}

/*
 * Each phase of compile_fleet: the line of --stats, and an I/O error or
 * a --site that matches nothing reported where it happened, among the
 * diagnostics.
 */
static void compile_phase(void *arg, const char *name,
			  const struct compile_fleet_result *r)
{
	struct compile_cli *cc = arg;
	unsigned jobs = cc->o.jobs;

	if (r->err[0] && !cc->err_shown) {
		fprintf(stderr, "sitec: %s\n", r->err);
		cc->err_shown = true;
	}
	if (strcmp(name, "load") == 0) {
		phase_done(&cc->pc, "load", "%zu files", r->nfiles);
	} else if (strcmp(name, "prepare") == 0) {
		phase_done(&cc->pc, "prepare", "%zu sites", r->nsites);
	} else if (strcmp(name, "select") == 0 && r->no_match) {
		if (r->suggestion)
			usage_error("compile ", "no site matches --site '%s'; "
				    "did you mean '%s'?", r->no_match,
				    r->suggestion);
		else
			usage_error("compile ", "no site matches --site '%s'",
				    r->no_match);
	} else if (strcmp(name, "sites") == 0) {
		phase_done(&cc->pc, "sites", "%zu sites on %u thread%s: "
			   "%zu written (%zu files), %zu unchanged "
			   "(%zu known from the cache), %zu failed; "
			   "thread time: evaluate %.3f s, emit %.3f s, "
			   "write %.3f s", r->nselected,
			   jobs, jobs == 1 ? "" : "s",
			   r->stats.sites_changed, r->stats.files_written,
			   r->stats.compiled - r->stats.sites_changed,
			   r->stats.cached, r->stats.failed, r->stats.eval_s,
			   r->stats.emit_s, r->stats.write_s);
	} else if (strcmp(name, "finish") == 0) {
		phase_done(&cc->pc, "finish", "%s", cc->cli.sink.base.errors
			   ? "errors: fleet.json and removed sites left as they were"
			   : "fleet.json written, removed sites pruned");
	}
}

/* A warning about OUT, or the wait for its lock. */
static void compile_notice(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "sitec: %s\n", msg);
}

static int cmd_compile(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "site", required_argument, NULL, OPT_SITE },
		{ "stats", no_argument, NULL, OPT_STATS },
		{ "rev", required_argument, NULL, OPT_REV },
		{ "repo", required_argument, NULL, OPT_REPO },
		{ "no-wait", no_argument, NULL, OPT_NO_WAIT },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct compile_cli cc = {
		.cli = { .cmd = "compile ", .help = compile_help },
		.o = { .version = COMPILE_FLEET_OPTS_VERSION,
		       .jobs = compile_default_jobs() },
		.globs = xmalloc((size_t)argc * sizeof(*cc.globs)),
	};
	struct cli *c = &cc.cli;
	struct compile_fleet_result r;
	int rc = cli_options(c, argc, argv, "o:j:h", opts, compile_option, &cc);
	int io = EXIT_OK;

	if (rc == CLI_GO_ON && (!cc.o.out || !cc.o.out[0]))
		rc = usage_error("compile ", "%s", "compile needs an output "
				 "directory (-o OUT)");
	if (rc != CLI_GO_ON) {
		free(cc.globs);
		return rc;
	}
	cc.o.paths = (const char *const *)argv + optind;
	cc.o.npaths = (size_t)(argc - optind);
	cc.o.globs = cc.globs;
	struct gitsrc *g = NULL;

	if ((rc = open_rev(&cc, &g)) != EXIT_OK) {
		free(cc.globs);
		return rc;
	}
	cc.pc.start = cc.pc.last = wall_now();
	cli_start(c, c->format == FORMAT_TEXT ? stderr : stdout);
	cc.o.sink = &c->sink.base;
	if (c->format == FORMAT_TEXT && isatty(STDERR_FILENO))
		cc.o.progress = show_progress;
	cc.o.phase = compile_phase;
	cc.o.phase_arg = &cc;
	cc.o.notice = compile_notice;
	rc = compile_fleet(&cc.o, &r);
	if (r.err[0] && !cc.err_shown)	/* before any phase: OUT refused */
		fprintf(stderr, "sitec: %s\n", r.err);
	if (rc == -1)
		io = EXIT_IO;
	else if (rc == COMPILE_ELOCKED)
		io = EXIT_LOCKED;
	else if (rc == COMPILE_ENOMATCH)
		io = EXIT_USAGE;
	if (c->format == FORMAT_TEXT) {
		unsigned errors = c->sink.base.errors;

		if (errors)
			fprintf(stderr, "sitec: %u error%s in %zu file%s\n",
				errors, errors == 1 ? "" : "s", r.nfiles,
				r.nfiles == 1 ? "" : "s");
		else if (io == EXIT_OK)
			printf("%zu file%s, %zu site%s compiled into %s\n",
			       r.nfiles, r.nfiles == 1 ? "" : "s", r.nselected,
			       r.nselected == 1 ? "" : "s", cc.o.out);
	}
	if (cc.pc.on)
		fprintf(stderr, "sitec: total    %8.3f s   peak RSS %6.1f MiB\n",
			wall_now() - cc.pc.start,
			(double)peak_rss_kib() / 1024.0);
	rc = cli_end(c);
	compile_fleet_result_free(&r);
	free(cc.globs);
	gitsrc_free(g);
	return io != EXIT_OK ? io : rc;
}

static int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "format", required_argument, NULL, 'f' },
		{ "rev", required_argument, NULL, OPT_REV },
		{ "repo", required_argument, NULL, OPT_REPO },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct compile_cli cc = {
		.cli = { .cmd = "check ", .help = check_help },
		.o = { .version = COMPILE_FLEET_OPTS_VERSION,
		       .jobs = compile_default_jobs() },
	};
	struct cli *c = &cc.cli;
	struct compile_fleet_result r;
	struct gitsrc *g = NULL;
	int rc = cli_options(c, argc, argv, "j:h", opts, compile_option, &cc);

	if (rc != CLI_GO_ON)
		return rc;
	cc.o.paths = (const char *const *)argv + optind;
	cc.o.npaths = (size_t)(argc - optind);
	if ((rc = open_rev(&cc, &g)) != EXIT_OK)
		return rc;
	cli_start(c, c->format == FORMAT_TEXT ? stderr : stdout);
	cc.o.sink = &c->sink.base;
	compile_fleet(&cc.o, &r);	/* no output directory: no I/O to fail */
	if (c->format == FORMAT_TEXT) {
		unsigned errors = c->sink.base.errors;

		if (errors)
			fprintf(stderr, "sitec: %u error%s in %zu file%s\n",
				errors, errors == 1 ? "" : "s", r.nfiles,
				r.nfiles == 1 ? "" : "s");
		else
			printf("%zu file%s, %zu site%s checked, no errors\n",
			       r.nfiles, r.nfiles == 1 ? "" : "s", r.nsites,
			       r.nsites == 1 ? "" : "s");
	}
	compile_fleet_result_free(&r);
	gitsrc_free(g);
	return cli_end(c);
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

/* A usage error the library found (an unknown site), said at once. */
static void inspect_usage(void *arg, const char *msg)
{
	usage_error(arg, "%s", msg);
}

static int explain_option(void *st, int opt, char *arg)
{
	(void)opt;	/* --fleet, the only one */
	*(const char **)st = arg;
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
	struct cli c = { .cmd = query ? "query " : "explain ",
			 .help = query ? query_help : explain_help };
	const char *cmd = c.cmd;
	const char *dir = ".";
	int rc = cli_options(&c, argc, argv, "h", opts, explain_option, &dir);

	if (rc != CLI_GO_ON)
		return rc;
	int nargs = argc - optind;
	if (query ? nargs != 2 : (nargs < 1 || nargs > 2))
		return usage_error(cmd, "%s", query ? "query takes SITE and EXPR"
					    : "explain takes SITE and an optional PATH");

	struct inspect_opts o = {
		.version = INSPECT_OPTS_VERSION,
		.query = query,
		.fleet_dir = dir,
		.site = argv[optind],
		.text = nargs == 2 ? argv[optind + 1] : "",
		.out = stdout,
		.sink = &c.sink.base,
		.usage = inspect_usage,
		.usage_arg = (void *)cmd,
	};

	/* The result goes to stdout, so diagnostics go to stderr. */
	cli_start(&c, stderr);
	switch (inspect_site(&o)) {
	case INSPECT_USAGE:
		return sink_finish(&c.sink) ? EXIT_USAGE : EXIT_IO;
	case INSPECT_DONE:
	case INSPECT_LOAD_FAILED:
		break;
	}
	return cli_end(&c);
}

static int cmd_explain(int argc, char **argv)
{
	return cmd_explain_or_query(argc, argv, false);
}

static int cmd_query(int argc, char **argv)
{
	return cmd_explain_or_query(argc, argv, true);
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

static int parse_option(void *st, int opt, char *arg)
{
	(void)opt;	/* --dump, the only one */
	(void)arg;
	*(bool *)st = true;
	return EXIT_OK;
}

static int cmd_parse(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "dump", no_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct cli c = { .cmd = "parse ", .help = parse_help };
	bool dump = false;
	int rc = cli_options(&c, argc, argv, "h", opts, parse_option, &dump);

	if (rc != CLI_GO_ON)
		return rc;
	if (!dump)
		return usage_error("parse ", "%s", "parse needs --dump");
	if (argc - optind != 1)
		return usage_error("parse ", "%s", "parse takes exactly one FILE");

	struct fleet fleet;
	const char *path = argv[optind];
	struct stat st;

	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return usage_error("parse ", "'%s' is a directory; parse takes one .site file",
				   path);

	/* The tree goes to stdout, so diagnostics go to stderr. */
	cli_start(&c, stderr);
	fleet_init(&fleet);
	fleet_load(&fleet, (const char *const *)&path, 1, &c.sink.base);
	if (!c.sink.base.errors && fleet.nfiles == 1)
		ast_dump_json(stdout, fleet.files[0].ast);
	rc = cli_end(&c);
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
	"  affected REV_A REV_B [FLEETDIR]\n"
	"                             sites whose bundles differ between revisions\n"
	"  publish --branch B [--rev REV] [FLEETDIR]\n"
	"                             commit the compiled bundles to branch B\n"
	"  graph [--format dot|json]  the inheritance graph of the fleet\n"
	"  keygen KEYFILE             an ed25519 key pair for signed bundles\n"
	"  verify-bundle [--key KEYFILE.pub] DIR\n"
	"                             check a bundle's digests and signature\n"
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
	static struct {
		const char *word;
		char name[32];	/* argv[0] for getopt; "": left as is */
		int (*run)(int argc, char **argv);
	} commands[] = {
		{ "check", "sitec check", cmd_check },
		{ "compile", "sitec compile", cmd_compile },
		{ "parse", "sitec parse", cmd_parse },
		{ "explain", "sitec explain", cmd_explain },
		{ "query", "sitec query", cmd_query },
		{ "codes", "", cmd_codes },
		{ "keygen", "sitec keygen", cmd_keygen },
		{ "graph", "sitec graph", cmd_graph },
		{ "affected", "sitec affected", cmd_affected },
		{ "publish", "sitec publish", cmd_publish },
		{ "verify-bundle", "sitec verify-bundle", cmd_verify_bundle },
	};

	optind = 1;
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
		if (strcmp(cmd, commands[i].word) != 0)
			continue;
		if (commands[i].name[0])
			argv[1] = commands[i].name;
		return commands[i].run(argc - 1, argv + 1);
	}
	if (cmd[0] == '-')
		return usage_error("", "unknown option '%s'", cmd);
	return usage_error("", "unknown command '%s'", cmd);
}
