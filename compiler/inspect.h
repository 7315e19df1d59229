/*
 * inspect.h - `sitec explain` and `sitec query`: one site of a fleet,
 * looked at from the outside. The library's driver for both commands:
 * it loads and prepares the fleet, finds the site, parses the path or
 * expression, evaluates, and prints the result; the command only parses
 * its options.
 *
 * Errors elsewhere in the fleet are reported, and the site is still
 * explained or queried: explain helps most when something is wrong.
 */
#ifndef SITEC_INSPECT_H
#define SITEC_INSPECT_H

#include "diag.h"

#include <stdbool.h>
#include <stdio.h>

#define INSPECT_OPTS_VERSION 1

struct inspect_opts {
	int version;			/* INSPECT_OPTS_VERSION */
	bool query;			/* query EXPR, else explain [PATH] */
	const char *fleet_dir;		/* the fleet's directory */
	const char *site;		/* the site's name */
	const char *text;		/* EXPR, or PATH ("": the whole site) */
	FILE *out;			/* where the result is printed */
	struct diag_sink *sink;		/* the diagnostics */
	/* called at once for a usage error (an unknown site, with the
	 * closest name): msg completes "sitec: " */
	void (*usage)(void *arg, const char *msg);
	void *usage_arg;
};

enum inspect_result {
	INSPECT_DONE,		/* printed, or errors went to the sink */
	INSPECT_LOAD_FAILED,	/* the fleet could not be read (sink) */
	INSPECT_USAGE,		/* an unknown site, an EXPR or PATH that
				 * does not parse, a PATH that is no path */
};

/* Explains or queries o->site. Diagnostics go to o->sink, flushed
 * (eval_finish) before it returns. */
enum inspect_result inspect_site(const struct inspect_opts *o);

#endif
