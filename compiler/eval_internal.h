/*
 * eval_internal.h - what the evaluator's files share (resolve.c, trie.c,
 * eval.c, explain.c); not for the rest of the compiler.
 *
 * The model (LANGUAGE.md sections 4 and 5):
 *
 * Every statement of a body becomes an op on a static path. The ops of a
 * site's whole linearized chain are numbered in the order they apply (seq)
 * and indexed by path in a trie: one trie per distinct list of parents,
 * built once and shared by every site with those parents, plus a small
 * trie per site for its own body. An object literal assigned to a path is
 * flattened: a RESET op at the path, then its statements as ops under it,
 * so later layers amend into it.
 *
 * The value at a path is a fold over its ops in seq order, within a window
 * that starts after the last op of an ancestor that replaced the whole
 * ancestor: the last op that sets the path decides its base (SET, RESET,
 * ADD, REMOVE, PATCH), and ops on paths below it that come later patch
 * that base field by field. Folding and evaluation are lazy and memoized
 * per site in slots; a slot that is entered again while being computed is
 * a cycle.
 */
#ifndef SITEC_EVAL_INTERNAL_H
#define SITEC_EVAL_INTERNAL_H

#include "builtins.h"
#include "intern.h"
#include "eval.h"
#include "types.h"

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
	struct trie *inherited;		/* sites: the shared trie of the parents */
	struct ast *name_value;		/* sites: `name` as a string node */
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
	struct tnode *self;		/* the object the statement is in */
	struct tnode *at;
	const struct decl *layer;	/* the profile or site that wrote it */
	const void *body;		/* the body instance, for set-twice */
	struct value *base;		/* OPK_BASE */
};

struct guard {
	const struct ast *cond;
	const struct ast *if_node;
	bool negate;			/* the else branch */
	const struct scope *scope;
	struct tnode *self;
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
	struct tnode *self;		/* SC_LET: self for its expr */
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

/* --- slots: a path of one site, folded and memoized -------------------- */

enum fold_kind { F_ABSENT, F_OBJECT, F_VALUE };

struct fold {
	enum fold_kind kind;
	struct value *v;	/* F_VALUE; F_OBJECT: the base object or NULL */
	uint32_t since;		/* F_OBJECT: ops below that count */
	const struct op *op;	/* what decided it (NULL: base or default) */
	bool from_default;
	bool implicit;		/* F_OBJECT made only by ops below */
};

enum slot_state {
	SLOT_NEW, SLOT_FOLDING, SLOT_FOLDED, SLOT_FORCING, SLOT_DONE,
	SLOT_ERROR,
};

struct slot {
	struct tnode *tn[2];	/* lower (inherited) and upper (site) trie */
	struct slot *parent;
	const char *key;
	uint32_t keylen;
	uint32_t lo;		/* ops with seq <= lo do not count */
	struct value *base;	/* the parent's value here, or NULL */
	const struct type *type;
	const struct type_field *field;
	enum slot_state state;
	struct fold fold;
	struct value *value;	/* SLOT_DONE: NULL when absent */
	/* a slot of an earlier window (what a statement replaced): its
	 * default sees this object as `self`, not the final one */
	struct value *self_override;
	struct slot **kids;
	uint32_t nkids, kids_cap;
	/* earlier windows already computed (what a statement replaced, for
	 * super, += and -=): each once, so chains of them stay linear */
	struct window *windows;
};

struct window {
	struct window *next;
	uint32_t hi;
	uint8_t flags;		/* defaults | own_default << 1 */
	enum lazy state;
	struct value *value;
	struct fold fold;
};

/* --- the evaluator ------------------------------------------------------ */

enum frame_kind { FR_SLOT, FR_LET, FR_GUARD, FR_CONST, FR_CALL };

/* One step of what is being evaluated, for cycles and recursion. */
struct frame {
	enum frame_kind kind;
	const void *item;
	struct span span;	/* what is being evaluated there */
	struct span reached;	/* the reference that led here */
};

/* A memo cell of a let or a guard in one site. */
struct memo {
	const void *key;
	enum lazy state;
	struct value *value;
};

struct site_eval {
	const struct decl *site;
	uint32_t index;			/* in ev->sites; NO_SITE: none */
	struct trie *trie;		/* the site's own body */
	struct slot *root;
	struct memo *memo;		/* open addressing, in the site arena */
	uint32_t memo_cap, memo_count;
	const char **files;		/* read by file(), in order, once each */
	uint32_t nfiles, files_cap;
	bool failed;
};

/* A buffered diagnostic and the sites it occurred in. */
#define SITES_NAMED 3
#define NO_SITE UINT32_MAX
struct pending_diag {
	struct diag *d;
	uint32_t hash;
	bool any_span;		/* a missing field at each site's declaration */
	/* ties in place are kept in the order a one-thread run reports
	 * them: by the first site, then as that site reported them */
	uint32_t first_site;	/* index in ev->sites, or NO_SITE */
	uint32_t serial;	/* reported so far in this evaluator */
	uint32_t last_site;	/* the last site counted */
	uint32_t sites[SITES_NAMED];	/* the first ones, ascending */
	uint32_t nsites;
	size_t total;
};

struct evaluator {
	struct fleet *fleet;
	/* the fleet arena; a worker's own arena in a worker (eval_fork),
	 * which shares everything eval_prepare built and writes none of it */
	struct arena *arena;
	struct interner *names;		/* the fleet's, or the worker's */
	const struct evaluator *forked_from;	/* a worker: its evaluator */
	struct arena worker_arena;
	struct interner worker_names;
	struct diag_sink *sink;
	char *fleet_root;
	struct builtin_cache *cache;
	struct source *prelude_src;
	struct source **extra;		/* parsed paths, freed with ev */
	struct source *query_src;	/* the expression of `sitec query` */
	uint32_t nextra, extra_cap;
	struct ast *prelude;
	bool prepared, prepare_ok;

	struct decl **decls;
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

	/* site evaluation */
	struct arena site_arena;
	struct site_eval *cur;		/* NULL: fleet-level evaluation */
	struct site_eval *last_site;	/* the last eval_site */
	struct arena *alloc;		/* where values go now */
	struct span reach;		/* the reference being followed */
	struct frame *frames;
	uint32_t nframes, frames_cap;
	struct diag_sink site_sink;	/* buffers diagnostics of a site */
	struct pending_diag *pending;
	uint32_t npending, pending_cap;
	uint32_t *pending_index;
	uint32_t pending_index_cap;
	uint32_t pending_serial;

	/* types built in */
	const struct type *t_any, *t_string;
	/* the compiled regexes of string(/.../) types, freed with ev */
	void **type_regexes;
	uint32_t ntype_regexes, type_regexes_cap;
	const struct type *k8s_object;
	/* interned names the evaluator looks for */
	const char *n_name, *n_k8s, *n_api, *n_os;
};

/* resolve.c */
bool resolve_fleet(struct evaluator *ev);
/* Calls, def recursion, and the names of defs and constants (statically). */
bool resolve_check_names(struct evaluator *ev);
/* The same for one expression in a site's context (`sitec query`). */
bool resolve_check_expr(struct evaluator *ev, const struct ast *e);
struct decl *resolve_lookup(const struct evaluator *ev, const char *name);
/* The candidate closest to name (edit distance), or NULL. */
const char *suggest(const char *name, const char *const *cands, size_t n);
/* Did-you-mean over every declaration of the kinds in mask. */
const char *suggest_decl(const struct evaluator *ev, const char *name,
			 unsigned kinds_mask);
const struct type *resolve_type(struct evaluator *ev, const struct ast *t);

/* typecheck.c: checks the current site (ev->cur) from its root slot. */
void typecheck_site(struct evaluator *ev, struct slot *root);

/* trie.c */
struct trie *trie_new(struct arena *a, bool standalone);
struct tnode *tnode_child(struct tnode *n, const char *key, uint32_t keylen,
			  bool create);

/* eval.c, for explain.c */
void eval_site_begin(struct evaluator *ev, size_t i);
/* The final value of s (*out NULL: absent); false after an error. */
bool slot_force(struct evaluator *ev, struct slot *s, struct value **out);
bool slot_fold(struct evaluator *ev, struct slot *s);
struct slot *slot_kid(struct evaluator *ev, struct slot *s, const char *key,
		      uint32_t keylen);
/* 1 when the guards of an op hold, 0 when one does not, -1 on error. */
int eval_guard_holds(struct evaluator *ev, const struct guard *g);
/* An expression evaluated in the current site's body (explain's selectors). */
struct value *eval_site_expr(struct evaluator *ev, const struct ast *e);
const char *tnode_path_text(struct evaluator *ev, const struct tnode *t);
/* The value of s just before seq (what the op at seq replaced). */
bool slot_value_before(struct evaluator *ev, struct slot *s, uint32_t seq,
		       struct value **out);
const char *slot_path(struct evaluator *ev, const struct slot *s);
/* "a.b.\"c.d\"" for a key appended to a path text. */
void path_append_key(char **buf, size_t *len, size_t *cap, const char *key,
		     size_t keylen);

#endif
