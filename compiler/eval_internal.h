/*
 * eval_internal.h - what the evaluator's files share (eval.c, merge.c,
 * eval_report.c, explain.c, typecheck.c); not for the rest of the
 * compiler.
 *
 * An evaluator runs a const program (model.h) on one thread: everything
 * it writes while a site is evaluated (the site arena, slots, memo,
 * frames, buffered diagnostics) is its own, so evaluators on several
 * threads share the program without locks.
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
#include "eval.h"
#include "model.h"

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
	const struct tnode *tn[2];	/* lower (inherited), upper (site) trie */
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
	/* what every thread shares: written only by eval_prepare, through
	 * building, of the evaluator that owns it */
	const struct program *prog;
	struct program *owned;		/* NULL in a worker */
	struct program *building;	/* during eval_prepare only */
	/* the fleet arena and names; a worker's own (eval_fork) */
	struct arena *arena;
	struct interner *names;
	struct arena worker_arena;
	struct interner worker_names;
	struct diag_sink *sink;
	char *fleet_root;
	struct builtin_cache *cache;
	struct source **extra;		/* parsed paths, freed with ev */
	struct source *query_src;	/* the expression of `sitec query` */
	uint32_t nextra, extra_cap;
	bool prepared, prepare_ok;

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
};

/* eval_report.c */
struct diag_sink *eval_sink(struct evaluator *ev);
/* Reports d to the current site's buffer (failing the site) or the sink. */
void eval_report(struct evaluator *ev, struct diag *d);
__attribute__((format(printf, 4, 5)))
void eval_error_at(struct evaluator *ev, enum diag_code code,
		   struct span span, const char *fmt, ...);
struct span eval_op_span(const struct op *op);
/* v in a few words, for messages (in ev->alloc). */
const char *eval_brief(struct evaluator *ev, const struct value *v);
/* "an int", "a list", ... */
const char *eval_a_kind(enum value_kind k);
/* The text of each enum ast_op. */
extern const char *const eval_op_text[];
/* E0515: a secret used where it would be emitted as text; NULL. */
struct value *eval_secret_misuse(struct evaluator *ev, struct span span,
				 const char *where);
/* The emit of ev->site_sink: buffers a site's diagnostic. */
void eval_buffer_emit(struct diag_sink *sink, const struct diag *d);
const char *eval_slot_path(struct evaluator *ev, const struct slot *s);
const char *eval_tnode_path(struct evaluator *ev, const struct tnode *t);
/* "a.b.\"c.d\"" for a key appended to a path text. */
void eval_path_append_key(char **buf, size_t *len, size_t *cap, const char *key,
			  size_t keylen);

/* merge.c */
/* A keyed list must not hold two elements of one key (s: its slot, or
 * what: the value's name in the message). */
bool merge_check_keyed(struct evaluator *ev, const struct value *v,
		       const struct type *t, struct span span,
		       const char *what, const struct slot *s);
/* An amend of a by b: objects field by field, keyed lists by key. */
struct value *merge_deep(struct evaluator *ev, struct value *a,
			 struct value *b, const struct type *t,
			 struct span span);
/* prev += rhs and prev -= rhs for a path of type t (NULL: untyped). */
struct value *merge_add(struct evaluator *ev, struct value *prev,
			struct value *rhs, const struct type *t,
			struct span span);
struct value *merge_remove(struct evaluator *ev, struct value *prev,
			   struct value *rhs, const struct type *t,
			   struct span span);
/* The index of key in b, or -1. */
long merge_field_index(const struct value_builder *b, const char *key,
		       uint32_t keylen);
/* a OP b for the arithmetic operators of e. */
struct value *merge_arith(struct evaluator *ev, const struct ast *e,
			  struct value *a, struct value *b);


/* eval.c, for explain.c */
void eval_site_begin(struct evaluator *ev, size_t i);
/* The final value of s (*out NULL: absent); false after an error. */
bool eval_slot_force(struct evaluator *ev, struct slot *s, struct value **out);
bool eval_slot_fold(struct evaluator *ev, struct slot *s);
struct slot *eval_slot_kid(struct evaluator *ev, struct slot *s,
			   const char *key, uint32_t keylen);
/* 1 when the guards of an op hold, 0 when one does not, -1 on error. */
int eval_guard_holds(struct evaluator *ev, const struct guard *g);
/* An expression evaluated in the current site's body (explain's selectors). */
struct value *eval_site_expr(struct evaluator *ev, const struct ast *e);
/* The value of s just before seq (what the op at seq replaced). */
bool eval_slot_value_before(struct evaluator *ev, struct slot *s, uint32_t seq,
			    struct value **out);

#endif
