/*
 * gitcmd.c - what `sitec compile --rev` and `sitec check --rev` add to
 * their commands: the revision opened (gitsrc.h) and handed to
 * compile_fleet, and the note that the work tree differs from it.
 */
#include "commands.h"

#include "affected.h"
#include "compile.h"
#include "diag.h"
#include "gitsrc.h"
#include "graph.h"
#include "keyfile.h"
#include "publish.h"

#include <getopt.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int usage(const char *cmd, const char *msg)
{
	fprintf(stderr, "sitec: %s\nTry 'sitec %s --help'.\n", msg, cmd);
	return 2;
}

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

/* --- sitec publish ------------------------------------------------------------ */

static const char publish_help[] =
	"Usage: sitec publish --branch B [--rev REV] [--repo DIR] [--to DIR]\n"
	"                     [--sign-key KEYFILE] [--message MSG] [-j N]\n"
	"                     [FLEETDIR]\n"
	"\n"
	"Compiles git revision REV (default HEAD; FLEETDIR is a path in the\n"
	"repository) and writes ONE commit on branch B (created if missing),\n"
	"in the same repository or in the bare repository --to DIR, whose tree\n"
	"is fleet.json and sites/NAME/{k8s.yaml,api.json,os.json,bundle.json}.\n"
	"Commits are numbered 1, 2, 3...: a site whose digest changed gets the\n"
	"new number in its bundle.json; an unchanged site keeps its previous\n"
	"files byte for byte. Nothing changed: no commit. No work tree is\n"
	"touched; the new objects go into one packfile; the branch moves by\n"
	"compare-and-swap (on a race, the commit is made again on the new tip).\n"
	"\n"
	"  --branch B          the branch edge sites pull (refused when it\n"
	"                      exists but was not written by publish)\n"
	"  --rev REV           the revision to compile (default HEAD)\n"
	"  --repo DIR          the source repository (default: the one that\n"
	"                      holds the current directory)\n"
	"  --to DIR            publish into this bare repository instead\n"
	"  --sign-key KEYFILE  sign: bundle.sig beside each new bundle.json,\n"
	"                      fleet.sig beside fleet.json (sitec keygen)\n"
	"  --message MSG       added to the commit message\n"
	"  -j, --jobs N        compile on N threads (default: as many as CPUs)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 published or nothing to publish, 1 errors in the fleet\n"
	"(nothing written), 2 usage error (not a repository, unknown revision,\n"
	"FLEETDIR not in the tree, a bad key file, a branch not publish's),\n"
	"3 I/O error or the branch moved too often.\n";

struct text_sink {
	struct diag_sink base;
};

static void text_emit(struct diag_sink *sink, const struct diag *d)
{
	(void)sink;
	diag_render_text(stderr, d);
}

int cmd_publish(int argc, char **argv)
{
	enum { OPT_BRANCH = 256, OPT_REV, OPT_REPO, OPT_TO, OPT_KEY, OPT_MSG };
	static const struct option opts[] = {
		{ "branch", required_argument, NULL, OPT_BRANCH },
		{ "rev", required_argument, NULL, OPT_REV },
		{ "repo", required_argument, NULL, OPT_REPO },
		{ "to", required_argument, NULL, OPT_TO },
		{ "sign-key", required_argument, NULL, OPT_KEY },
		{ "message", required_argument, NULL, OPT_MSG },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct publish_opts o = { .version = PUBLISH_OPTS_VERSION };
	struct publish_result r;
	struct text_sink sink = { .base = { .emit = text_emit } };
	unsigned char seed[DIGEST_ED25519_SEED_BYTES];
	const char *key = NULL;
	char why[512], *end;
	unsigned long jobs;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "j:h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_BRANCH: o.branch = optarg; break;
		case OPT_REV: o.rev = optarg; break;
		case OPT_REPO: o.repo = optarg; break;
		case OPT_TO: o.to = optarg; break;
		case OPT_KEY: key = optarg; break;
		case OPT_MSG: o.message = optarg; break;
		case 'j':
			jobs = strtoul(optarg, &end, 10);
			if (*end || end == optarg || jobs < 1 || jobs > 1024)
				return usage("publish", "-j takes a number of "
					     "threads from 1 to 1024");
			o.jobs = (unsigned)jobs;
			break;
		case 'h':
			return fputs(publish_help, stdout) == EOF ? 3 : 0;
		default:
			fprintf(stderr, "Try 'sitec publish --help'.\n");
			return 2;
		}
	}
	if (!o.branch || !o.branch[0])
		return usage("publish", "publish needs --branch B");
	if (argc - optind > 1)
		return usage("publish", "publish takes at most one FLEETDIR");
	o.fleetdir = argc - optind == 1 ? argv[optind] : NULL;
	if (key) {
		rc = keyfile_read_secret(key, seed, why, sizeof(why));
		if (rc) {
			fprintf(stderr, "sitec: --sign-key: %s\n", why);
			return rc == KEYFILE_EIO ? 3 : 2;
		}
		o.sign_seed = seed;
	}
	o.sink = &sink.base;
	/* the test of the retry bound (tests/git/run.sh) */
	o.test_race_always = getenv("SITEC_TEST_PUBLISH_RACE") != NULL;
	rc = publish_run(&o, &r);
	memset(seed, 0, sizeof(seed));
	if (rc) {
		if (sink.base.errors)
			fprintf(stderr, "sitec: %u error%s in the fleet at %s: "
				"nothing published\n", sink.base.errors,
				sink.base.errors == 1 ? "" : "s",
				o.rev ? o.rev : "HEAD");
		else
			fprintf(stderr, "sitec: %s\n", r.err);
		return rc;
	}
	if (r.committed)
		printf("published version %lld on %s (commit %.12s, from %.12s):"
		       " %zu added, %zu changed, %zu removed, %zu unchanged\n",
		       (long long)r.number, o.branch, r.commit, r.source,
		       r.added, r.changed, r.removed, r.unchanged);
	else
		printf("nothing changed since version %lld on %s (commit "
		       "%.12s): no commit\n", (long long)r.number, o.branch,
		       r.commit);
	return fflush(stdout) == 0 ? 0 : 3;
}

/* --- sitec affected ------------------------------------------------------------- */

static const char affected_help[] =
	"Usage: sitec affected REV_A REV_B [--repo DIR] [--format text|json]\n"
	"                      [-j N] [FLEETDIR]\n"
	"\n"
	"Lists the sites whose compiled bundles differ between git revisions\n"
	"REV_A and REV_B, by digest: added, removed, changed (and, in JSON,\n"
	"which files changed). Both revisions are read from the object\n"
	"database and compiled in memory: nothing is written. A site with\n"
	"errors at either revision is listed as failed, with its errors on\n"
	"stderr, and the exit status is 1.\n"
	"\n"
	"  --repo DIR          the repository (default: the one that holds\n"
	"                      the current directory)\n"
	"  --format FORMAT     text (default) or json, on stdout\n"
	"  -j, --jobs N        compile on N threads (default: as many as CPUs)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 done, 1 a site failed at a revision (errors in the\n"
	"fleet), 2 usage error (not a repository, unknown revision, FLEETDIR\n"
	"not in a tree), 3 I/O error.\n";

static const char *const kind_names[] = { "added", "removed", "changed",
					  "failed" };

static json_t *files_json(unsigned files)
{
	json_t *a = json_array();

	if (files & AFFECTED_FILE_API)
		json_array_append_new(a, json_string("api.json"));
	if (files & AFFECTED_FILE_META)
		json_array_append_new(a, json_string("bundle.json"));
	if (files & AFFECTED_FILE_K8S)
		json_array_append_new(a, json_string("k8s.yaml"));
	if (files & AFFECTED_FILE_OS)
		json_array_append_new(a, json_string("os.json"));
	return a;
}

static void print_affected_json(const struct affected_opts *o,
				const struct affected_result *r,
				unsigned errors)
{
	json_t *doc = json_object(), *lists[4];

	json_object_set_new(doc, "from", json_pack("{s:s,s:s}", "rev",
				o->rev_a, "commit", r->commit_a));
	json_object_set_new(doc, "to", json_pack("{s:s,s:s}", "rev", o->rev_b,
				"commit", r->commit_b));
	for (int k = 0; k < 4; k++)
		lists[k] = json_array();
	for (size_t i = 0; i < r->n; i++) {
		const struct affected_site *s = &r->sites[i];

		if (s->kind == AFFECTED_CHANGED)
			json_array_append_new(lists[s->kind], json_pack(
				"{s:s,s:o}", "site", s->name, "files",
				files_json(s->files)));
		else if (s->kind == AFFECTED_FAILED)
			json_array_append_new(lists[s->kind], json_pack(
				"{s:s,s:b,s:b}", "site", s->name, "at_from",
				s->failed_a, "at_to", s->failed_b));
		else
			json_array_append_new(lists[s->kind],
					      json_string(s->name));
	}
	for (int k = 0; k < 4; k++)
		json_object_set_new(doc, kind_names[k], lists[k]);
	json_object_set_new(doc, "errors", json_integer(errors));
	json_dumpf(doc, stdout, JSON_INDENT(2));
	fputc('\n', stdout);
	json_decref(doc);
}

int cmd_affected(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "repo", required_argument, NULL, 'r' },
		{ "format", required_argument, NULL, 'f' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct affected_opts o = { .version = AFFECTED_OPTS_VERSION };
	struct affected_result r;
	struct text_sink sink = { .base = { .emit = text_emit } };
	bool json = false;
	char *end;
	unsigned long jobs;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "j:h", opts, NULL)) != -1) {
		switch (opt) {
		case 'r': o.repo = optarg; break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				json = true;
			else if (strcmp(optarg, "text") != 0)
				return usage("affected", "--format takes text "
					     "or json");
			break;
		case 'j':
			jobs = strtoul(optarg, &end, 10);
			if (*end || end == optarg || jobs < 1 || jobs > 1024)
				return usage("affected", "-j takes a number of "
					     "threads from 1 to 1024");
			o.jobs = (unsigned)jobs;
			break;
		case 'h':
			return fputs(affected_help, stdout) == EOF ? 3 : 0;
		default:
			fprintf(stderr, "Try 'sitec affected --help'.\n");
			return 2;
		}
	}
	if (argc - optind < 2 || argc - optind > 3)
		return usage("affected", "affected takes REV_A, REV_B and at "
			     "most one FLEETDIR");
	o.rev_a = argv[optind];
	o.rev_b = argv[optind + 1];
	o.fleetdir = argc - optind == 3 ? argv[optind + 2] : NULL;
	o.sink = &sink.base;
	rc = affected_run(&o, &r);
	if (rc) {
		fprintf(stderr, "sitec: %s\n", r.err);
		affected_result_free(&r);
		return rc;
	}
	if (json) {
		print_affected_json(&o, &r, sink.base.errors);
	} else {
		for (size_t i = 0; i < r.n; i++) {
			const struct affected_site *s = &r.sites[i];

			printf("%-8s %s", kind_names[s->kind], s->name);
			if (s->kind == AFFECTED_FAILED)
				printf(" (errors at %s)", s->failed_a &&
				       s->failed_b ? "both" : s->failed_a
				       ? o.rev_a : o.rev_b);
			putchar('\n');
		}
		if (r.same_tree)
			fprintf(stderr, "sitec: the fleet is the same tree at "
				"%s and %s: no site affected\n", o.rev_a,
				o.rev_b);
		else
			fprintf(stderr, "sitec: %zu site%s affected (%zu at "
				"%s, %zu at %s)\n", r.n, r.n == 1 ? "" : "s",
				r.nsites_a, o.rev_a, r.nsites_b, o.rev_b);
	}
	rc = sink.base.errors ? 1 : 0;
	affected_result_free(&r);
	return fflush(stdout) == 0 ? rc : 3;
}

/* --- sitec graph ------------------------------------------------------------------ */

static const char graph_help[] =
	"Usage: sitec graph [--format dot|json] [--collapse-over N]\n"
	"                   [FLEETDIR|FILE]...\n"
	"\n"
	"Prints the inheritance graph of the fleet: schemas, profiles and\n"
	"sites, an edge from each to each of its parents (numbered in parent\n"
	"order when there are several), as Graphviz dot (the default; try\n"
	"'sitec graph | dot -Tsvg > fleet.svg') or JSON. When the fleet has\n"
	"more than N sites (default 50), the sites with the same parents are\n"
	"drawn as one node with their count.\n"
	"\n"
	"  --format FORMAT     dot or json\n"
	"  --collapse-over N   group sites when there are more than N\n"
	"  -h, --help          show this help\n";

int cmd_graph(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "collapse-over", required_argument, NULL, 'c' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct graph_opts o = { .version = GRAPH_OPTS_VERSION };
	struct text_sink sink = { .base = { .emit = text_emit } };
	char *text, *end;
	size_t len;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'f':
			if (strcmp(optarg, "json") == 0)
				o.json = true;
			else if (strcmp(optarg, "dot") != 0)
				return usage("graph", "--format takes dot or json");
			break;
		case 'c':
			o.collapse_over = strtoul(optarg, &end, 10);
			if (*end || end == optarg || optarg[0] == '-' ||
			    o.collapse_over == 0)
				return usage("graph", "--collapse-over takes a "
					     "number of sites, at least 1");
			break;
		case 'h':
			return fputs(graph_help, stdout) == EOF ? 3 : 0;
		default:
			fprintf(stderr, "Try 'sitec graph --help'.\n");
			return 2;
		}
	}
	o.paths = (const char *const *)argv + optind;
	o.npaths = (size_t)(argc - optind);
	o.sink = &sink.base;
	rc = graph_render(&o, &text, &len);
	if (rc)
		return 1;
	rc = fwrite(text, 1, len, stdout) == len && fflush(stdout) == 0 ? 0 : 3;
	free(text);
	return rc;
}
