/*
 * eval.h - evaluating a fleet: names, inheritance, merging, late binding.
 *
 * The evaluator resolves the fleet's one namespace, linearizes every
 * site's ancestors (C3), and evaluates each site totally: every field of
 * the final merged site, whether an output reads it or not. Diagnostics go
 * to the sink; an error that comes from a profile is reported once, with
 * the number of sites it affects (eval_finish flushes them).
 *
 * Memory: the fleet arena holds what all sites share (declarations,
 * types, the indexed statements of each chain of profiles); each site is
 * evaluated in a site arena that is reset when the next site starts, so
 * memory stays flat however many sites the fleet has.
 */
#ifndef SITEC_EVAL_H
#define SITEC_EVAL_H

#include "diag.h"
#include "fleet.h"
#include "value.h"

#include <stdbool.h>
#include <stddef.h>

struct evaluator;

/*
 * A new evaluator over a loaded fleet (which it does not own). fleet_root
 * is the directory file() may read below (NULL: the current directory).
 */
struct evaluator *eval_new(struct fleet *f, struct diag_sink *sink,
			   const char *fleet_root);
void eval_free(struct evaluator *ev);

/*
 * Resolves names, parents, types and fleet constants. Returns false when
 * that found errors; the sites whose chain of parents is sound can still
 * be evaluated (the others fail without a further message).
 */
bool eval_prepare(struct evaluator *ev);

size_t eval_site_count(const struct evaluator *ev);
const char *eval_site_name(const struct evaluator *ev, size_t i);
/* The index of the site called name, or -1. */
long eval_site_find(const struct evaluator *ev, const char *name);
/* The site name closest to name, for "did you mean", or NULL. */
const char *eval_site_suggest(const struct evaluator *ev, const char *name);

/*
 * Evaluates site i totally. Returns its root object, allocated in the
 * site arena: valid until the next eval_site or eval_free. NULL when the
 * site has errors (reported to the sink).
 */
struct value *eval_site(struct evaluator *ev, size_t i);

/*
 * The files the last evaluated site read with file(), as real paths, in
 * the order first read (for `sitec affected`: their bytes reach the
 * digest only through the outputs that use them). Valid until the next
 * eval_site.
 */
const char *const *eval_site_files(const struct evaluator *ev, size_t *n);

/* Reports the buffered diagnostics (once each, with site counts). */
void eval_finish(struct evaluator *ev);

/*
 * Workers, for evaluating sites on several threads. eval_fork returns a
 * fresh evaluator for one more thread over ev's program, which must be
 * prepared: the program (everything eval_prepare built) is const to
 * every evaluator, and the worker has its own site arena, names and
 * diagnostics buffer. While workers run, ev
 * itself must not be used. eval_join moves w's diagnostics into ev's
 * buffer and frees w; eval_finish then reports them in the same order,
 * with the same site counts and names, as one evaluator running every
 * site in order would. A worker serves eval_site and eval_site_name
 * (sites in ascending order per worker); not eval_query, eval_explain,
 * eval_parse_path or eval_finish.
 */
struct evaluator *eval_fork(const struct evaluator *ev);
void eval_join(struct evaluator *ev, struct evaluator *w);

/*
 * `sitec query`: evaluates expr (parsed from a source of its own) on site
 * i, as if it stood in the site's body. NULL on errors.
 */
struct value *eval_query(struct evaluator *ev, size_t i,
			 const struct ast *expr);

/*
 * `sitec explain`: writes the final value at path (a dotted path in the
 * syntax of statements, or NULL for the whole site) of site i and every
 * layer that set it, most specific first. Returns 0, or 1 after errors in
 * the fleet, or 2 when path is not a path (names and keys joined by dots).
 */
int eval_explain(struct evaluator *ev, size_t i, const struct ast *path,
		 FILE *out);

/*
 * Parses text as the expression of `sitec query` (query true; file() in
 * it reads beside the site's file) or the path of `sitec explain`. NULL
 * after a syntax error.
 */
struct ast *eval_parse_path(struct evaluator *ev, const char *text,
			    bool query);

#endif
