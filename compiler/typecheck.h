/*
 * typecheck.h - checking a site's final value against its type: the one
 * entry point eval.c calls after a site is evaluated (typecheck.c reads
 * the evaluator's slots through eval_internal.h; eval_internal.h does not
 * know it).
 */
#ifndef SITEC_TYPECHECK_H
#define SITEC_TYPECHECK_H

struct evaluator;
struct slot;

/* Checks the current site (ev->cur) from its root slot; errors go to the
 * site's diagnostics. */
void typecheck_site(struct evaluator *ev, struct slot *root);

#endif
