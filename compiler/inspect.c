/*
 * inspect.c - the driver of `sitec explain` and `sitec query`
 * (inspect.h): load, prepare, find the site, parse, evaluate, print.
 */
#include "inspect.h"

#include "compile.h"
#include "emit.h"
#include "eval.h"
#include "fleet.h"
#include "value.h"

#include <stdlib.h>

/* The site's index, or -1 after telling o->usage why not. */
static long find_site(const struct inspect_opts *o, struct evaluator *ev)
{
	char msg[1024];
	long i = eval_site_find(ev, o->site);

	if (i >= 0)
		return i;
	const char *s = eval_site_suggest(ev, o->site);
	if (s)
		snprintf(msg, sizeof(msg), "no site is called '%s' in %s; "
			 "did you mean '%s'?", o->site, o->fleet_dir, s);
	else
		snprintf(msg, sizeof(msg), "no site is called '%s' in %s",
			 o->site, o->fleet_dir);
	o->usage(o->usage_arg, msg);
	return -1;
}

static enum inspect_result query(const struct inspect_opts *o,
				 struct evaluator *ev, size_t site)
{
	struct ast *e = eval_parse_path(ev, o->text, true);
	struct value *v = e ? eval_query(ev, site, e) : NULL;
	struct emit_json_error je;
	char *out;
	size_t len;

	if (!e)
		return INSPECT_USAGE;	/* EXPR does not parse */
	if (v && emit_json_text(v, EMIT_JSON_INDENT, &out, &len, &je) == 0) {
		fwrite(out, 1, len, o->out);
		fputc('\n', o->out);
		free(out);
	} else if (v) {
		diag_emit(o->sink, compile_json_diag(o->site, "EXPR", &je));
	}
	return INSPECT_DONE;
}

static enum inspect_result explain(const struct inspect_opts *o,
				   struct evaluator *ev, size_t site)
{
	struct ast *path = NULL;

	if (*o->text && !(path = eval_parse_path(ev, o->text, false)))
		return INSPECT_USAGE;	/* PATH does not parse */
	if (eval_explain(ev, site, path, o->out) == 2)
		return INSPECT_USAGE;	/* PATH is not a path */
	return INSPECT_DONE;
}

enum inspect_result inspect_site(const struct inspect_opts *o)
{
	enum inspect_result rc = INSPECT_LOAD_FAILED;
	struct fleet fleet;
	struct evaluator *ev = NULL;
	char *root = NULL;

	fleet_init(&fleet);
	fleet_load(&fleet, &o->fleet_dir, 1, o->sink);
	if (o->sink->errors)
		goto out;
	root = compile_fleet_root(o->fleet_dir);
	ev = eval_new(&fleet, o->sink, root);
	eval_prepare(ev);
	long i = find_site(o, ev);
	if (i < 0)
		rc = INSPECT_USAGE;
	else
		rc = o->query ? query(o, ev, (size_t)i)
			      : explain(o, ev, (size_t)i);
	eval_finish(ev);
out:
	eval_free(ev);
	free(root);
	fleet_free(&fleet);
	return rc;
}
