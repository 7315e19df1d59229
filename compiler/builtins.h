/*
 * builtins.h - the builtin functions of LANGUAGE.md section 7.
 *
 * Builtins are pure and deterministic: they see only their evaluated
 * arguments and the call site. Errors (a wrong argument count or kind, a
 * bad regex or CIDR, a file outside the fleet) are reported to the sink at
 * the span of the offending argument, and the call returns NULL.
 */
#ifndef SITEC_BUILTINS_H
#define SITEC_BUILTINS_H

#include "diag.h"
#include "value.h"

struct builtin_cache;
struct fleet_input;

struct builtin_call {
	struct arena *arena;		/* where results are allocated */
	struct diag_sink *sink;
	const struct ast *call;		/* the AST_CALL node */
	struct value **args;		/* evaluated, one per call->u.call.args */
	size_t nargs;
	/* file(): paths resolve against the directory of the calling file
	 * and must stay inside fleet_root (an absolute, real path). */
	const char *fleet_root;
	/* file(): resolve against this file's directory instead of the
	 * calling file's (an expression of `sitec query`), or NULL */
	const char *base_file;
	struct builtin_cache *cache;	/* compiled regexes, files read */
	/* file() reports each file it reads here (may be NULL). */
	void (*on_file)(void *data, const char *path, const struct value *v);
	void *on_file_data;
	/* file(): read from this tree (a git revision, fleet.h) rather than
	 * the file system, or NULL */
	const struct fleet_input *input;
};

/* A builtin's number of arguments: min..max (max -1 = any). */
struct builtin_info {
	const char *name;
	int min_args, max_args;
	const char *signature;	/* "join(sep, list)", for help lines */
};

/* The builtin called name, or NULL. */
const struct builtin_info *builtin_lookup(const char *name);
/* All builtins, in the order of the contract (for did-you-mean). */
const struct builtin_info *builtin_table(size_t *n);

/*
 * Calls builtin b (its argument count already checked). Returns the
 * result, or NULL after reporting an error to c->sink.
 */
struct value *builtin_invoke(const struct builtin_info *b,
			     struct builtin_call *c);

/* The cache lives as long as the fleet: compiled regexes, files read. */
struct builtin_cache *builtin_cache_new(void);
void builtin_cache_free(struct builtin_cache *cache);

#endif
