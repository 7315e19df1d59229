/*
 * model.h - the program the evaluator runs: a fleet's declarations,
 * resolved, and the statements of every chain of profiles indexed by path.
 *
 * resolve.c builds it (names, parents, linearizations; types_build.c the
 * types) and eval_prepare finishes it (fleet constants, the shared
 * tries); after that it is read-only: every evaluator, on any thread, sees
 * it through a const struct program *, and what a site writes lives in
 * the evaluator (eval_internal.h). The const is shallow through pointer
 * members (a decl's mro, a trie's root): the evaluator reads them through
 * const struct decl and const struct tnode pointers. Everything here is
 * allocated in the fleet arena, apart from the compiled regexes and the
 * prelude's source, which program_free releases.
 *
 * The statements (LANGUAGE.md sections 4 and 5):
 *
 * Every statement of a body becomes an op on a static path. The ops of a
 * site's whole linearized chain are numbered in the order they apply (seq)
 * and indexed by path in a trie: one trie per distinct list of parents,
 * built once and shared by every site with those parents, plus a small
 * trie per site for its own body. An object literal assigned to a path is
 * flattened: a RESET op at the path, then its statements as ops under it,
 * so later layers amend into it.
 */
#ifndef SITEC_MODEL_H
#define SITEC_MODEL_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "fleet.h"
#include "intern.h"
#include "types.h"
#include "value.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum decl_kind { D_SCHEMA, D_TYPE, D_CONST, D_DEF, D_PROFILE, D_SITE };

/* A value computed on first use and kept: a second use while it is being
 * computed (LAZY_BUSY) is a cycle; LAZY_FAILED was reported once. */
enum lazy { LAZY_NEW, LAZY_BUSY, LAZY_DONE, LAZY_FAILED };

struct trie;

struct decl {
	enum decl_kind kind;
	const char *name;		/* interned */
	const struct ast *node;
	uint32_t index;			/* in fleet order */
	bool builtin;			/* from the prelude */
	/* profiles, sites, schemas: the resolved parents (schemas apart) */
	struct decl **parents;
	uint32_t nparents;
	struct decl **schemas;		/* schemas named in the parent list */
	uint32_t nschemas;
	/* profiles and sites: C3 linearization, most specific first */
	struct decl **mro;
	uint32_t nmro;
	enum lazy mro_state;		/* also LAZY_FAILED: a bad parent list */
	struct decl *schema;		/* profiles and sites: the one schema */
	const struct type *site_type;	/* sites: schema + implicit fields */
	const struct trie *inherited;	/* sites: the shared trie of the parents */
	const struct ast *name_value;	/* sites: `name` as a string node */
	/* schemas and named types */
	const struct type *type;
	enum lazy type_state;
	/* defs: on a cycle of calls (reported when names were checked) */
	bool recursive;
	/* constants */
	struct value *value;
	enum lazy value_state;
};

/* --- ops and tries ------------------------------------------------------ */

enum op_kind {
	OPK_SET,	/* path = expr */
	OPK_RESET,	/* path = { ... }: an empty object, then the literal */
	OPK_AMEND,	/* path { ... }: touches (creates if absent) */
	OPK_ADD,	/* path += expr */
	OPK_REMOVE,	/* path -= expr */
	OPK_PATCH,	/* a statement through a selector: segs, then stmt */
	OPK_BASE,	/* a standalone trie's starting value */
};

struct scope;
struct guard;
struct tnode;

struct op {
	enum op_kind kind;
	bool final;
	uint32_t seq;
	const struct ast *stmt;		/* the statement (or decl) */
	const struct ast *expr;		/* SET, ADD, REMOVE */
	struct ast *const *segs;	/* PATCH: from the selector on */
	uint32_t nsegs;
	const struct guard *guard;
	const struct scope *scope;
	const struct tnode *self;	/* the object the statement is in */
	const struct tnode *at;
	const struct decl *layer;	/* the profile or site that wrote it */
	const void *body;		/* the body instance, for set-twice */
	struct value *base;		/* OPK_BASE */
};

struct guard {
	const struct ast *cond;
	const struct ast *if_node;
	bool negate;			/* the else branch */
	const struct scope *scope;
	const struct tnode *self;
	const struct guard *parent;
	const struct decl *layer;
};

enum scope_kind { SC_LET, SC_VALUE };

struct scope {
	const struct scope *parent;
	const char *name;		/* interned */
	enum scope_kind kind;
	const struct ast *node;		/* the let statement, or the binder */
	const struct ast *expr;		/* SC_LET */
	const struct scope *outer;	/* SC_LET: the scope its expr sees */
	const struct tnode *self;	/* SC_LET: self for its expr */
	const struct decl *layer;
	struct value *value;		/* SC_VALUE */
};

/* Deepest path (dotted segments and amend blocks together). */
#define PATH_MAX_DEPTH AST_MAX_DEPTH

struct tnode {
	const char *key;
	uint32_t keylen;
	uint32_t depth;		/* the root is 0 */
	struct tnode *parent;
	struct trie *trie;
	struct tnode **kids;
	uint32_t nkids, kids_cap;
	uint32_t *index;		/* hash of kids when there are many */
	uint32_t index_cap;
	struct op **ops;
	uint32_t nops, ops_cap;
	/* seqs of every op at or below this node, ascending */
	uint32_t *seqs;
	uint32_t nseqs, seqs_cap;
	const struct op *final_op;	/* a `final` op here */
	const struct op *final_below;	/* a `final` op below */
};

struct trie {
	struct arena *arena;
	struct tnode *root;
	uint32_t next_seq;
	bool standalone;		/* built while evaluating a value */
	struct slot *root_slot;		/* standalone: its root's slot */
	bool fleet;			/* built in a def body: no site */
	const struct trie *below;	/* a site trie: the inherited one */
	/* standalone: an element on the right of a keyed += merges into
	 * this element (of this type), which its `self` sees through */
	struct value *merge_into;
	const struct type *merge_type;
};

/* --- the program ---------------------------------------------------------- */

/* A fleet resolved and prepared: what every site of it shares. */
struct program {
	struct fleet *fleet;
	struct arena *arena;		/* the fleet's */
	struct interner *names;		/* the fleet's */
	struct diag_sink *sink;		/* errors of the fleet as a whole */
	struct source *prelude_src;
	struct ast *prelude;

	struct decl **decls;		/* in fleet order (decl.index) */
	uint32_t ndecls, decls_cap;
	struct decl **table;		/* by interned name, open addressing */
	uint32_t table_cap;
	struct decl **sites;
	uint32_t nsites, sites_cap;

	/* shared tries by list of parents */
	struct {
		struct decl **parents;
		uint32_t nparents;
		struct trie *trie;
	} *tries;
	uint32_t ntries, tries_cap;

	/* types built in */
	const struct type *t_any, *t_string;
	/* the compiled regexes of string(/.../) types */
	void **type_regexes;
	uint32_t ntype_regexes, type_regexes_cap;
	const struct type *k8s_object;
	/* interned names the evaluator looks for */
	const char *n_name, *n_k8s, *n_api, *n_os;
};

/* A program over f (which it does not own); errors go to sink. */
void program_init(struct program *p, struct fleet *f, struct diag_sink *sink);
/* Frees what p owns outside the fleet arena. */
void program_free(struct program *p);

/* resolve.c */
bool resolve_fleet(struct program *p);
/* Calls, def recursion, and the names of defs and constants (statically). */
bool resolve_check_names(struct program *p);
/* The same for one expression in a site's context (`sitec query`). */
bool resolve_check_expr(const struct program *p, const struct ast *e);
const struct decl *resolve_lookup(const struct program *p, const char *name);
/* The same, for the builder (resolve.c, types_build.c), which writes it. */
struct decl *resolve_decl(const struct program *p, const char *name);
/* A declaration of the prelude, also one hidden from the namespace. */
struct decl *resolve_hidden(const struct program *p, const char *name);
/* The candidate closest to name (edit distance), or NULL. */
const char *resolve_suggest(const char *name, const char *const *cands,
			    size_t n);
/* Did-you-mean over every declaration of the kinds in mask. */
#define DECL_MASK(kind) (1u << (kind))
const char *resolve_suggest_decl(const struct program *p, const char *name,
				 unsigned kinds_mask);

/* types_build.c, for resolve_fleet */
/* The types built in (any, string): before anything else. */
void types_build_init(struct program *p);
/* The output types' rules the prelude cannot say (after the prelude). */
void types_build_builtins(struct program *p);
/* The type of every schema and named type (after linearization). */
void types_build_decls(struct program *p);
/* A site's type: its schema plus the fields every site has. */
void types_build_site(struct program *p, struct decl *site);
/* The type an AST of a type denotes. */
const struct type *types_build_type(struct program *p, const struct ast *t);
/* Is name a type the language has built in (a decl cannot take it)? */
bool types_is_builtin_name(const char *name);

/* trie.c */
struct trie *trie_new(struct arena *a, bool standalone);
/* The child of n at key; created when absent if create. */
struct tnode *trie_child(struct tnode *n, const char *key, uint32_t keylen,
			 bool create);
/* The child of n at key, or NULL: for tries that are read only. */
const struct tnode *trie_find(const struct tnode *n, const char *key,
			      uint32_t keylen);

#endif
