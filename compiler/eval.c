/*
 * eval.c - evaluating sites: building the tries of ops, folding them into
 * values lazily, and evaluating expressions late-bound on the final site.
 *
 * See model.h for the program it runs and eval_internal.h for the slots.
 * Reading a value goes through slots (one per path of the site being
 * evaluated) as long as it can, so that `self.x` or a site field computes
 * only that field; a slot entered again while it is being computed is a
 * cycle, reported with every step. This file is the recursive core; its
 * leaves are merge.c (combining values) and eval_report.c (diagnostics
 * and paths as text), and typecheck.c checks each site's result.
 */
#include "eval_internal.h"
#include "typecheck.h"

#include "syntax.h"

#include <limits.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FRAMES 2000
#define SEQ_END UINT32_MAX

/* How an expression is evaluated: what `self`, `super` and names mean. */
struct env {
	const struct scope *scope;
	const struct tnode *self;	/* self as a path... */
	struct slot *self_slot;		/* ...or a slot... */
	struct value *self_value;	/* ...or a value */
	const struct op *op;		/* the statement evaluated */
	struct slot *slot;		/* its slot: super is its value before op */
	struct value *super_value;	/* value-level statements: super */
	bool has_super_value;
	bool fleet;			/* a constant or def body: no site */
	const struct type *type;	/* the type expected, if known */
};

/* A place a value is read from: a slot (lazy) or a value. */
struct ref {
	struct slot *slot;
	struct value *value;
	bool error;
	/* self in an element on the right of a keyed +=: the slot's value
	 * is merged onto under, of type under_type (the merged element) */
	struct value *under;
	const struct type *under_type;
};

static struct value *eval(struct evaluator *ev, const struct env *env,
			  const struct ast *e);
static struct ref eval_ref(struct evaluator *ev, const struct env *env,
			   const struct ast *e);
/*
 * defaults: fill the schema defaults of the fields below (false for the
 * value a +=, -= or selector merges into: the defaults below fill only
 * what the merged value lacks, late-bound). A path's own default is its
 * bottom layer and always counts.
 */
static bool fold_window(struct evaluator *ev, struct slot *s, uint32_t hi,
			struct fold *out, bool defaults, bool nested);
static bool force_window_at(struct evaluator *ev, struct slot *s, uint32_t hi,
			    struct value **out, bool defaults,
			    bool own_default, struct fold *used);
static bool force_fold(struct evaluator *ev, struct slot *s, uint32_t hi,
		       const struct fold *f, struct value **out, bool defaults);
#define force_window(ev, s, hi, out, defaults) \
	force_window_at(ev, s, hi, out, defaults, true, NULL)
static struct value *object_literal(struct evaluator *ev,
				    const struct env *env,
				    const struct ast *obj, struct value *base,
				    const struct type *type);
static struct value *complete(struct evaluator *ev, struct value *v,
			      const struct type *t, int depth,
			      const char *handle);
static struct value *keyed_add_rhs(struct evaluator *ev, const struct env *env,
				   const struct ast *e, struct value *prev,
				   const struct type *t);

/* --- frames: what is being evaluated, for cycles ----------------------- */

static const char *frame_name(struct evaluator *ev, const struct frame *f)
{
	const char *name = NULL, *pre = "`", *post = "`";

	switch (f->kind) {
	case FR_SLOT:
		name = eval_slot_path(ev, f->item);
		break;
	case FR_LET:
		name = ((const struct scope *)f->item)->name;
		pre = "`let ";
		break;
	case FR_GUARD:
		return "an `if` condition";
	case FR_CONST:
		name = ((const struct decl *)f->item)->name;
		break;
	case FR_CALL:
		name = ((const struct decl *)f->item)->name;
		post = "()`";
		break;
	}
	if (!name)
		return "?";
	char *b = arena_alloc(ev->alloc, strlen(name) + 16);
	sprintf(b, "%s%s%s", pre, name, post);
	return b;
}

static bool frame_push(struct evaluator *ev, enum frame_kind kind,
		       const void *item, struct span span)
{
	if (ev->nframes >= MAX_FRAMES) {
		eval_error_at(ev, E0517, span,
			      "evaluation is nested more than %d levels deep",
			      MAX_FRAMES);
		return false;
	}
	if (ev->nframes == ev->frames_cap) {
		ev->frames_cap = ev->frames_cap ? ev->frames_cap * 2 : 64;
		ev->frames = xrealloc(ev->frames,
				      ev->frames_cap * sizeof(*ev->frames));
	}
	ev->frames[ev->nframes++] = (struct frame){ kind, item, span,
						     ev->reach.src ? ev->reach : span };
	return true;
}

static void frame_pop(struct evaluator *ev)
{
	ev->nframes--;
}

/* The innermost frame now evaluates the op at span. */
static void frame_at(struct evaluator *ev, struct span span)
{
	if (ev->nframes)
		ev->frames[ev->nframes - 1].span = span;
}

/* item is entered again: report the cycle from its frame to the top. */
static void report_cycle(struct evaluator *ev, const void *item,
			 struct span reached)
{
	uint32_t from = ev->nframes;
	while (from > 0 && ev->frames[from - 1].item != item)
		from--;
	if (from == 0) {
		eval_error_at(ev, E0503, reached, "a value depends on itself");
		return;
	}
	from--;

	size_t cap = 256, len = 0;
	char *text = xmalloc(cap);
	text[0] = 0;
	for (uint32_t i = from; i <= ev->nframes; i++) {
		const char *nm = frame_name(ev, &ev->frames[i < ev->nframes ? i : from]);
		size_t need = strlen(nm) + 8;
		while (len + need >= cap)
			text = xrealloc(text, cap *= 2);
		len += (size_t)sprintf(text + len, "%s%s",
				       i > from ? " -> " : "", nm);
	}
	struct diag *d = diag_new(E0503, reached, "cycle: %s", text);
	for (uint32_t i = from; i < ev->nframes; i++) {
		const struct frame *f = &ev->frames[i];
		const struct frame *next = i + 1 < ev->nframes ? &ev->frames[i + 1]
							       : &ev->frames[from];
		struct span at = i + 1 < ev->nframes ? ev->frames[i + 1].reached
						     : reached;
		if (at.src)
			diag_note(d, at, "%s reads %s here", frame_name(ev, f),
				  frame_name(ev, next));
	}
	diag_help(d, "break the cycle: one of these values must not depend "
		     "on the others");
	eval_report(ev, d);
	free(text);
}

/* --- per-site memo of lets and guards --------------------------------- */

static struct memo *memo_get(struct evaluator *ev, const void *key)
{
	/* every evaluation has a site_eval: a site's, or eval_prepare's for
	 * the fleet constants */
	struct site_eval *se = ev->cur;

	if ((se->memo_count + 1) * 2 > se->memo_cap) {
		uint32_t cap = se->memo_cap ? se->memo_cap * 2 : 64;
		struct memo *m = arena_zalloc(ev->alloc, cap * sizeof(*m));
		for (uint32_t i = 0; i < se->memo_cap; i++) {
			if (!se->memo[i].key)
				continue;
			uint32_t j = ptr_hash(se->memo[i].key) & (cap - 1);
			while (m[j].key)
				j = (j + 1) & (cap - 1);
			m[j] = se->memo[i];
		}
		se->memo = m;
		se->memo_cap = cap;
	}
	uint32_t j = ptr_hash(key) & (se->memo_cap - 1);
	for (; se->memo[j].key; j = (j + 1) & (se->memo_cap - 1))
		if (se->memo[j].key == key)
			return &se->memo[j];
	se->memo[j].key = key;
	se->memo_count++;
	return &se->memo[j];
}

/* --- building tries ------------------------------------------------------ */

struct build {
	struct evaluator *ev;
	struct trie *trie;
	const struct trie *below;	/* a site trie: the inherited trie */
	const struct decl *layer;
	bool checked;			/* set-twice and final apply */
	const struct env *env;		/* standalone: keys, for, if */
	bool failed;
};

static bool guards_exclusive(const struct guard *a, const struct guard *b)
{
	for (const struct guard *x = a; x; x = x->parent)
		for (const struct guard *y = b; y; y = y->parent)
			if (x->if_node == y->if_node && x->negate != y->negate)
				return true;
	return false;
}

static bool kills(enum op_kind k)
{
	return k != OPK_AMEND;
}

static const char *layer_text(struct evaluator *ev, const struct decl *d)
{
	if (!d)
		return "an object";
	char *b = arena_alloc(ev->arena, strlen(d->name) + 16);
	sprintf(b, "%s `%s`", d->kind == D_SITE ? "site" : "profile", d->name);
	return b;
}

/* The final op at t or above it (in t's trie), or NULL. */
static const struct op *final_above(const struct tnode *t)
{
	for (; t; t = t->parent)
		if (t->final_op)
			return t->final_op;
	return NULL;
}

/* The deepest node of the inherited trie on t's path (t is in a site's). */
static const struct tnode *below_deepest(const struct build *b,
					 const struct tnode *t)
{
	const struct tnode *chain[PATH_MAX_DEPTH + 1];
	size_t n = 0;

	if (!b->below)
		return NULL;
	for (; t && t->parent && n < PATH_MAX_DEPTH; t = t->parent)
		chain[n++] = t;
	const struct tnode *x = b->below->root;
	while (n--) {
		const struct tnode *k = trie_child(
		    (struct tnode *)x, chain[n]->key, chain[n]->keylen, false);
		if (!k)
			break;
		x = k;
	}
	return x;
}

static void check_final(struct build *b, const struct op *op,
			const struct tnode *t, const struct tnode *bt)
{
	struct evaluator *ev = b->ev;
	const struct op *f = final_above(t);

	if (op->kind == OPK_AMEND)
		return;		/* touches; what it sets is checked */
	if (!f || f->layer == b->layer)
		f = final_above(below_deepest(b, t));
	if (f && f->layer == b->layer)
		f = NULL;
	/* += and -= on an ancestor change a final path only if they name
	 * it: fold_window checks them when it has their values. */
	if (!f && kills(op->kind) && op->kind != OPK_ADD &&
	    op->kind != OPK_REMOVE) {
		f = t->final_below;
		if (f && f->layer == b->layer)
			f = NULL;
		if (!f && bt && bt->final_below &&
		    bt->final_below->layer != b->layer)
			f = bt->final_below;
	}
	if (!f)
		return;
	struct diag *d = diag_new(
	    E0402, op->stmt->span, "`%s` is final: %s cannot change it",
	    eval_tnode_path(ev, f->at), layer_text(ev, b->layer));
	diag_note(d, f->stmt->span, "%s made `%s` final here",
		  layer_text(ev, f->layer), eval_tnode_path(ev, f->at));
	diag_help(d, "a final value is the same for every site below %s; "
		     "remove this statement, or drop `final` there",
		  layer_text(ev, f->layer));
	eval_report(ev, d);
	b->failed = true;
}

static void check_set_twice(struct build *b, const struct op *op,
			    const struct tnode *t)
{
	if (op->kind != OPK_SET && op->kind != OPK_RESET)
		return;
	for (uint32_t i = 0; i < t->nops; i++) {
		const struct op *o = t->ops[i];
		if (o->body != op->body ||
		    (o->kind != OPK_SET && o->kind != OPK_RESET) ||
		    guards_exclusive(o->guard, op->guard))
			continue;
		if (o->layer && o->stmt == o->layer->node) {
			struct diag *d = diag_new(E0402, op->stmt->span,
				"`name` is set by the declaration `site %s` and "
				"cannot be set again", o->layer->name);
			diag_help(d, "remove this statement: `site NAME` names "
				     "the site");
			eval_report(b->ev, d);
			b->failed = true;
			return;
		}
		struct diag *d = diag_new(E0401, op->stmt->span,
					  "`%s` is set twice in one body",
					  eval_tnode_path(b->ev, t));
		diag_note(d, o->stmt->span, "it is first set here");
		diag_help(d, "a layer says one thing about each value: keep one "
			     "of them, or choose with `if c { ... } else { ... }` "
			     "or `if c then a else b`");
		eval_report(b->ev, d);
		b->failed = true;
		return;
	}
}

static struct op *add_op(struct build *b, struct tnode *t,
			 const struct tnode *bt, enum op_kind kind,
			 const struct ast *stmt, const struct ast *expr,
			 const struct guard *guard, const struct scope *scope,
			 const struct tnode *self, const void *body, bool final)
{
	struct arena *a = b->trie->arena;
	struct op *op = arena_zalloc(a, sizeof(*op));

	op->kind = kind;
	op->final = final;
	op->seq = b->trie->next_seq++;
	op->stmt = stmt;
	op->expr = expr;
	op->guard = guard;
	op->scope = scope;
	op->self = self;
	op->at = t;
	op->layer = b->layer;
	op->body = body;
	if (b->checked) {
		check_final(b, op, t, bt);
		check_set_twice(b, op, t);
		if (bt)
			check_set_twice(b, op, bt);
	}
	ARENA_RESERVE(a, t->ops, t->nops, t->ops_cap);
	t->ops[t->nops++] = op;
	for (struct tnode *x = t; x; x = x->parent) {
		ARENA_RESERVE(a, x->seqs, x->nseqs, x->seqs_cap);
		x->seqs[x->nseqs++] = op->seq;
		if (final && x != t && !x->final_below)
			x->final_below = op;
	}
	if (final && !t->final_op)
		t->final_op = op;
	return op;
}

/* An object literal whose own statements all have static paths. */
static bool literal_static(const struct ast_list *body)
{
	for (uint32_t i = 0; i < body->len; i++) {
		const struct ast *s = body->items[i];
		if (s->kind == AST_FOR)
			return false;
		if (s->kind == AST_IF) {
			if (!literal_static(&s->u.if_.then_body) ||
			    !literal_static(&s->u.if_.else_body))
				return false;
			continue;
		}
		if (s->kind != AST_SET && s->kind != AST_ADD &&
		    s->kind != AST_REMOVE && s->kind != AST_AMEND)
			continue;
		const struct ast_list *segs = &s->u.stmt.path->u.path.segs;
		for (uint32_t k = 0; k < segs->len; k++)
			if (segs->items[k]->kind == AST_SEG_KEY &&
			    segs->items[k]->u.seg.key->kind != AST_STRING)
				return false;
	}
	return true;
}

static void build_body(struct build *b, struct tnode *at,
		       const struct tnode *bat, const struct ast_list *body,
		       const struct guard *guard, const struct scope *scope,
		       const void *body_id);

/* The key of a path segment; dynamic keys only in standalone tries. */
static bool seg_key(struct build *b, const struct ast *seg,
		    const struct scope *scope, const char **key,
		    uint32_t *keylen)
{
	struct evaluator *ev = b->ev;

	if (seg->kind == AST_SEG_NAME) {
		*key = seg->u.seg.name.name;
		*keylen = (uint32_t)strlen(*key);
		return true;
	}
	const struct ast *k = seg->u.seg.key;
	if (k->kind == AST_STRING) {
		*key = b->trie->standalone
			   ? k->u.string.text
			   : intern_name(ev->names, k->u.string.text,
					 k->u.string.len);
		*keylen = k->u.string.len;
		return true;
	}
	if (!b->env)
		return false;
	struct env e = *b->env;
	e.scope = scope;	/* the literal's lets and for variables */
	e.type = NULL;
	struct value *v = eval(ev, &e, k);
	if (!v)
		return false;
	if (v->kind != V_STRING) {
		eval_error_at(ev, E0504, k->span, "a key must be a string, not %s %s",
			      v->kind == V_INT || v->kind == V_OBJECT ? "an" : "a",
			      value_kind_name(v->kind));
		return false;
	}
	*key = v->u.str;
	*keylen = v->len;
	return true;
}

static void build_stmt(struct build *b, struct tnode *at,
		       const struct tnode *bat, const struct ast *s,
		       const struct guard *guard, const struct scope *scope,
		       const void *body_id)
{
	const struct ast_list *segs = &s->u.stmt.path->u.path.segs;
	struct tnode *t = at;
	const struct tnode *bt = bat;

	for (uint32_t i = 0; i < segs->len; i++) {
		const struct ast *seg = segs->items[i];
		if (seg->kind == AST_SEG_SELECT) {
			struct op *op = add_op(b, t, bt, OPK_PATCH, s, NULL,
					       guard, scope, at, body_id,
					       s->kind == AST_SET && s->u.stmt.final);
			op->segs = &segs->items[i];
			op->nsegs = segs->len - i;
			return;
		}
		const char *key;
		uint32_t keylen;
		if (!seg_key(b, seg, scope, &key, &keylen)) {
			b->failed = true;
			return;
		}
		t = trie_child(t, key, keylen, true);
		bt = trie_find(bt, key, keylen);
		if (t->depth > PATH_MAX_DEPTH) {
			struct diag *d = diag_new(E0114, seg->span,
				"a path is nested more than %d levels deep",
				PATH_MAX_DEPTH);
			diag_help(d, "shorten the path or its amend blocks");
			eval_report(b->ev, d);
			b->failed = true;
			return;
		}
	}

	switch (s->kind) {
	case AST_SET: {
		const struct ast *v = s->u.stmt.value;
		if (v->kind == AST_OBJECT &&
		    (b->trie->standalone || literal_static(&v->u.object.body))) {
			add_op(b, t, bt, OPK_RESET, s, NULL, guard, scope, at,
			       body_id, s->u.stmt.final);
			build_body(b, t, bt, &v->u.object.body, guard, scope, v);
		} else {
			add_op(b, t, bt, OPK_SET, s, v, guard, scope, at, body_id,
			       s->u.stmt.final);
		}
		break;
	}
	case AST_ADD:
		add_op(b, t, bt, OPK_ADD, s, s->u.stmt.value, guard, scope, at,
		       body_id, false);
		break;
	case AST_REMOVE:
		add_op(b, t, bt, OPK_REMOVE, s, s->u.stmt.value, guard, scope,
		       at, body_id, false);
		break;
	case AST_AMEND:
		add_op(b, t, bt, OPK_AMEND, s, NULL, guard, scope, at, body_id,
		       false);
		/* `a { b = 1 }` is `a.b = 1`: the same body for set-twice */
		build_body(b, t, bt, &s->u.stmt.body, guard, scope, body_id);
		break;
	default:
		break;
	}
}

/*
 * Binds the variables of for node f to item i of it in sc[0..1] (over a
 * list: index and element, or the element; over an object: key and
 * value, or the key). Returns the innermost scope.
 */
static const struct scope *bind_loop(struct evaluator *ev, struct scope *sc,
				     const struct scope *parent,
				     const struct ast *f,
				     const struct value *it, uint32_t i)
{
	struct value *k, *v;

	if (it->kind == V_LIST) {
		/* the index only when the loop names it */
		k = f->u.for_.key.name ? value_int(ev->alloc, i) : NULL;
		v = it->u.items[i];
	} else {
		k = value_string_ref(ev->alloc, it->u.fields[i].key,
				     it->u.fields[i].keylen);
		v = it->u.fields[i].value;
	}
	if (f->u.for_.key.name) {
		sc[0] = (struct scope){ parent, f->u.for_.key.name, SC_VALUE, f,
					.value = k };
		sc[1] = (struct scope){ &sc[0], f->u.for_.value.name, SC_VALUE,
					f, .value = v };
	} else {
		sc[1] = (struct scope){ parent, f->u.for_.value.name, SC_VALUE,
					f, .value = it->kind == V_LIST ? v : k };
	}
	return &sc[1];
}

static void build_for(struct build *b, struct tnode *at,
		      const struct tnode *bat, const struct ast *s,
		      const struct guard *guard, const struct scope *scope,
		      const void *body_id)
{
	struct evaluator *ev = b->ev;
	struct env env = *b->env;

	env.scope = scope;
	struct value *it = eval(ev, &env, s->u.for_.iter);
	if (!it) {
		b->failed = true;
		return;
	}
	if (it->kind != V_LIST && it->kind != V_OBJECT) {
		eval_error_at(ev, E0504, s->u.for_.iter->span,
			      "`for` iterates over a list or an object, not %s",
			      value_kind_name(it->kind));
		b->failed = true;
		return;
	}
	for (uint32_t i = 0; i < it->len; i++) {
		/* its own cells: the ops built here are evaluated later */
		struct scope *sc = arena_zalloc(ev->alloc, 2 * sizeof(*sc));
		const struct scope *inner = bind_loop(ev, sc, scope, s, it, i);
		if (s->u.for_.filter) {
			env.scope = inner;
			struct value *c = eval(ev, &env, s->u.for_.filter);
			if (!c) {
				b->failed = true;
				return;
			}
			if (c->kind != V_BOOL) {
				eval_error_at(ev, E0504, s->u.for_.filter->span,
					      "a `for` filter must be a bool, not %s",
					      value_kind_name(c->kind));
				b->failed = true;
				return;
			}
			if (!c->u.b)
				continue;
		}
		const struct ast *body = s->u.for_.body;
		if (body->kind == AST_FOR)
			build_for(b, at, bat, body, guard, inner, body_id);
		else if (body->kind == AST_IF || body->kind == AST_LET) {
			struct ast_list one = { (struct ast **)&s->u.for_.body, 1, 1 };
			build_body(b, at, bat, &one, guard, inner, body_id);
		} else
			build_stmt(b, at, bat, body, guard, inner, body_id);
	}
}

static void build_body(struct build *b, struct tnode *at,
		       const struct tnode *bat, const struct ast_list *body,
		       const struct guard *guard, const struct scope *scope,
		       const void *body_id)
{
	struct arena *a = b->trie->arena;

	for (uint32_t i = 0; i < body->len; i++) {
		const struct ast *s = body->items[i];
		switch (s->kind) {
		case AST_LET: {
			struct scope *sc = arena_zalloc(a, sizeof(*sc));
			sc->parent = scope;
			sc->name = s->u.bind.name.name;
			sc->kind = SC_LET;
			sc->node = s;
			sc->expr = s->u.bind.value;
			sc->outer = scope;
			sc->self = at;
			sc->layer = b->layer;
			scope = sc;
			break;
		}
		case AST_IF: {
			struct guard *g = arena_zalloc(a, 2 * sizeof(*g));
			g[0] = (struct guard){ s->u.if_.cond, s, false, scope, at,
					       guard, b->layer };
			g[1] = g[0];
			g[1].negate = true;
			build_body(b, at, bat, &s->u.if_.then_body, &g[0], scope,
				   body_id);
			if (s->u.if_.has_else)
				build_body(b, at, bat, &s->u.if_.else_body,
					   &g[1], scope, body_id);
			break;
		}
		case AST_FOR:
			if (b->env)
				build_for(b, at, bat, s, guard, scope, body_id);
			break;
		case AST_SET:
		case AST_ADD:
		case AST_REMOVE:
		case AST_AMEND:
			build_stmt(b, at, bat, s, guard, scope, body_id);
			break;
		default:
			break;
		}
	}
}

/* --- guards -------------------------------------------------------------- */

static struct env env_for(const struct op *op, struct slot *s)
{
	struct env e = { 0 };

	e.scope = op->scope;
	e.self = op->self;
	e.op = op;
	e.slot = s;
	e.fleet = op->at && op->at->trie->fleet;
	return e;
}

/* 1 when g (and the guards it is nested in) hold, 0 when not, -1 error. */
static int guard_holds(struct evaluator *ev, const struct guard *g)
{
	for (; g; g = g->parent) {
		const void *key = g->negate ? (const void *)(g - 1) : (const void *)g;
		struct memo *m = memo_get(ev, key);
		if (m->state == LAZY_FAILED)
			return -1;
		if (m->state == LAZY_BUSY) {
			report_cycle(ev, key, ev->reach);
			return -1;
		}
		if (m->state == LAZY_NEW) {
			m->state = LAZY_BUSY;
			struct env e = { 0 };
			e.scope = g->scope;
			e.self = g->self;
			e.fleet = g->self && g->self->trie->fleet;
			struct value *v = NULL;
			struct span saved = ev->reach;
			ev->reach = g->cond->span;
			if (frame_push(ev, FR_GUARD, key, g->cond->span)) {
				v = eval(ev, &e, g->cond);
				frame_pop(ev);
			}
			ev->reach = saved;
			if (v && v->kind != V_BOOL) {
				eval_error_at(ev, E0504, g->cond->span,
					      "an `if` condition must be a bool, not %s",
					      value_kind_name(v->kind));
				v = NULL;
			}
			m = memo_get(ev, key);	/* the table may have grown */
			m->state = v ? LAZY_DONE : LAZY_FAILED;
			m->value = v;
			if (!v)
				return -1;
		}
		if (m->value->u.b == g->negate)
			return 0;
	}
	return 1;
}

/* --- slots ------------------------------------------------------------------ */

/* Ops of a slot, newest first, within (lo, hi). */
struct op_iter {
	const struct tnode *t[2];
	uint32_t i[2];
	uint32_t lo;
};

static uint32_t ops_before(const struct tnode *t, uint32_t hi)
{
	uint32_t a = 0, b = t->nops;

	while (a < b) {
		uint32_t m = (a + b) / 2;
		if (t->ops[m]->seq < hi)
			a = m + 1;
		else
			b = m;
	}
	return a;
}

static void op_iter_init(struct op_iter *it, const struct slot *s, uint32_t hi)
{
	for (int k = 0; k < 2; k++) {
		it->t[k] = s->tn[k];
		it->i[k] = s->tn[k] ? ops_before(s->tn[k], hi) : 0;
	}
	it->lo = s->lo;
}

static struct op *op_iter_prev(struct op_iter *it)
{
	struct op *a = it->i[0] ? it->t[0]->ops[it->i[0] - 1] : NULL;
	struct op *b = it->i[1] ? it->t[1]->ops[it->i[1] - 1] : NULL;
	struct op *pick;

	if (a && (!b || a->seq > b->seq)) {
		pick = a;
		it->i[0]--;
	} else {
		pick = b;
		if (b)
			it->i[1]--;
	}
	return pick && pick->seq > it->lo ? pick : NULL;
}

/* The index of the first seq of arr (ascending) greater than a. */
static uint32_t seqs_after(const uint32_t *arr, uint32_t n, uint32_t a)
{
	uint32_t lo = 0, hi = n;

	while (lo < hi) {
		uint32_t m = (lo + hi) / 2;
		if (arr[m] <= a)
			lo = m + 1;
		else
			hi = m;
	}
	return lo;
}

/* Number of seqs of arr in (a, b). */
static uint32_t count_between(const uint32_t *arr, uint32_t n, uint32_t a,
			      uint32_t b)
{
	return seqs_after(arr, n, b - 1) - seqs_after(arr, n, a);
}

static uint32_t own_between(const struct tnode *t, uint32_t a, uint32_t b)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < t->nops; i++)
		if (t->ops[i]->seq > a && t->ops[i]->seq < b)
			n++;
	return n;
}

/* Are there ops below s's path in (a, b)? */
static bool kid_ops(const struct slot *s, uint32_t a, uint32_t b)
{
	for (int k = 0; k < 2; k++) {
		const struct tnode *t = s->tn[k];
		if (t && count_between(t->seqs, t->nseqs, a, b) >
			     own_between(t, a, b))
			return true;
	}
	return false;
}

/* The first op below t after seq a, for an error's location. */
static const struct op *first_kid_op(const struct tnode *t, uint32_t a)
{
	const struct op *best = NULL;

	if (!t)
		return NULL;
	for (uint32_t i = 0; i < t->nkids; i++) {
		const struct tnode *k = t->kids[i];
		for (uint32_t j = 0; j < k->nops; j++)
			if (k->ops[j]->seq > a &&
			    (!best || k->ops[j]->seq < best->seq))
				best = k->ops[j];
		const struct op *deeper = first_kid_op(k, a);
		if (deeper && (!best || deeper->seq < best->seq))
			best = deeper;
	}
	return best;
}

/* 1 when some op below t in (a, b) applies (its `if` holds), 0 when
 * none does, -1 on error. */
static int active_kid_op(struct evaluator *ev, const struct tnode *t,
			 uint32_t a, uint32_t b)
{
	for (uint32_t i = 0; t && i < t->nkids; i++) {
		const struct tnode *k = t->kids[i];
		for (uint32_t j = 0; j < k->nops; j++) {
			if (k->ops[j]->seq <= a || k->ops[j]->seq >= b)
				continue;
			int r = guard_holds(ev, k->ops[j]->guard);
			if (r)
				return r;
		}
		int r = active_kid_op(ev, k, a, b);
		if (r)
			return r;
	}
	return 0;
}

static struct slot *slot_new(struct evaluator *ev, struct slot *parent,
			     const char *key, uint32_t keylen, uint32_t lo,
			     const struct value *base_obj)
{
	struct slot *k = arena_zalloc(ev->alloc, sizeof(*k));

	k->parent = parent;
	k->key = key;
	k->keylen = keylen;
	k->lo = lo;
	for (int i = 0; i < 2; i++)
		k->tn[i] = trie_find(parent->tn[i], key, keylen);
	if (base_obj)
		k->base = value_get(base_obj, key, keylen);
	k->type = type_child(parent->type, key, &k->field);
	return k;
}

struct slot *eval_slot_kid(struct evaluator *ev, struct slot *s,
			   const char *key, uint32_t keylen)
{
	for (uint32_t i = 0; i < s->nkids; i++)
		if (s->kids[i]->keylen == keylen &&
		    memcmp(s->kids[i]->key, key, keylen) == 0)
			return s->kids[i];
	struct slot *k = slot_new(ev, s, key, keylen, s->fold.since, s->fold.v);
	ARENA_RESERVE(ev->alloc, s->kids, s->nkids, s->kids_cap);
	s->kids[s->nkids++] = k;
	return k;
}

bool eval_slot_fold(struct evaluator *ev, struct slot *s)
{
	switch (s->state) {
	case SLOT_NEW:
		break;
	case SLOT_FOLDING:
		report_cycle(ev, s, ev->reach);
		return false;
	case SLOT_ERROR:
		return false;
	default:
		return true;
	}
	s->state = SLOT_FOLDING;
	if (!frame_push(ev, FR_SLOT, s, ev->reach)) {
		s->state = SLOT_ERROR;
		return false;
	}
	bool ok = fold_window(ev, s, SEQ_END, &s->fold, true, true);
	frame_pop(ev);
	s->state = ok ? SLOT_FOLDED : SLOT_ERROR;
	return ok;
}

bool eval_slot_force(struct evaluator *ev, struct slot *s, struct value **out)
{
	*out = NULL;
	if (s->state == SLOT_DONE) {
		*out = s->value;
		return true;
	}
	if (s->state == SLOT_FORCING) {
		report_cycle(ev, s, ev->reach);
		return false;
	}
	if (!eval_slot_fold(ev, s))
		return false;
	s->state = SLOT_FORCING;
	if (!frame_push(ev, FR_SLOT, s, ev->reach)) {
		s->state = SLOT_ERROR;
		return false;
	}
	bool ok = force_window(ev, s, SEQ_END, &s->value, true);
	frame_pop(ev);
	s->state = ok ? SLOT_DONE : SLOT_ERROR;
	*out = s->value;
	return ok;
}

static int active_kid_op(struct evaluator *ev, const struct tnode *t,
			 uint32_t a, uint32_t b);

/* Is there a value at s? (1 yes, 0 no, -1 error.) Decided without
 * computing s's fields, so a field can test or read its siblings. */
static int slot_present(struct evaluator *ev, struct slot *s)
{
	if (s->state == SLOT_DONE)
		return s->value != NULL;
	if (!eval_slot_fold(ev, s))
		return -1;
	if (s->fold.kind == F_ABSENT)
		return 0;
	if (s->fold.kind == F_VALUE || !s->fold.implicit)
		return 1;
	/* made by the statements below it: there when one of them applies */
	int r = active_kid_op(ev, s->tn[0], s->fold.since, SEQ_END);
	if (r == 0)
		r = active_kid_op(ev, s->tn[1], s->fold.since, SEQ_END);
	return r;
}

static struct value *apply_segs(struct evaluator *ev, const struct env *env,
				struct value *v, const struct type *t,
				struct ast *const *segs, uint32_t nsegs,
				const struct ast *stmt, bool *ok);

/* A += or -= on an object must not name a key that leads to a path an
 * ancestor layer made final. */
static bool final_untouched(struct evaluator *ev, const struct slot *s,
			    const struct op *op, const struct value *rhs)
{
	for (int k = 0; k < 2; k++) {
		const struct tnode *t = s->tn[k];
		const struct op *f = t ? t->final_below : NULL;
		if (!f || f->layer == op->layer || f->seq > op->seq)
			continue;
		const struct tnode *kid = f->at;
		while (kid->parent && kid->parent != t)
			kid = kid->parent;
		bool named = false;
		if (op->kind == OPK_ADD && rhs->kind == V_OBJECT)
			named = value_get(rhs, kid->key, kid->keylen) != NULL;
		for (uint32_t i = 0; op->kind == OPK_REMOVE && rhs->kind == V_LIST &&
				     i < rhs->len; i++)
			named |= rhs->u.items[i]->kind == V_STRING &&
				 rhs->u.items[i]->len == kid->keylen &&
				 memcmp(rhs->u.items[i]->u.str, kid->key,
					kid->keylen) == 0;
		if (!named)
			continue;
		struct diag *d = diag_new(
		    E0402, op->stmt->span, "`%s` is final: %s cannot change it",
		    eval_tnode_path(ev, f->at), layer_text(ev, op->layer));
		diag_note(d, f->stmt->span, "%s made `%s` final here",
			  layer_text(ev, f->layer), eval_tnode_path(ev, f->at));
		diag_help(d, "leave `%.*s` out of this statement",
			  (int)kid->keylen, kid->key);
		eval_report(ev, d);
		return false;
	}
	return true;
}

static bool fold_window(struct evaluator *ev, struct slot *s, uint32_t hi,
			struct fold *out, bool defaults, bool nested)
{
	struct op_iter it;
	struct op *killer = NULL, *op;
	bool touched = false;

	memset(out, 0, sizeof(*out));
	op_iter_init(&it, s, hi);
	while ((op = op_iter_prev(&it))) {
		int r = guard_holds(ev, op->guard);
		if (r < 0)
			return false;
		if (!r)
			continue;
		if (op->kind == OPK_AMEND) {
			touched = true;
			continue;
		}
		killer = op;
		break;
	}

	uint32_t start = killer ? killer->seq : s->lo;
	struct value *v = NULL;
	bool reset = false;
	if (killer) {
		struct env e = env_for(killer, s);
		struct value *prev = NULL, *rhs;
		e.type = s->type;
		frame_at(ev, killer->stmt->span);
		switch (killer->kind) {
		case OPK_SET:
			v = eval(ev, &e, killer->expr);
			if (!v)
				return false;
			break;
		case OPK_RESET:
			reset = true;
			break;
		case OPK_ADD:
		case OPK_REMOVE:
			if (!force_window(ev, s, killer->seq, &prev, false))
				return false;
			frame_at(ev, killer->stmt->span);
			/* no defaults before the merge: they fill only what the
			 * merged value lacks (section 6) */
			e.type = NULL;
			rhs = killer->kind == OPK_ADD
				? keyed_add_rhs(ev, &e, killer->expr, prev, s->type)
				: eval(ev, &e, killer->expr);
			if (!rhs)
				return false;
			if (!final_untouched(ev, s, killer, rhs))
				return false;
			v = killer->kind == OPK_ADD
				? merge_add(ev, prev, rhs, s->type, killer->stmt->span)
				: merge_remove(ev, prev, rhs, s->type,
					       killer->stmt->span);
			if (!v && (killer->kind == OPK_ADD || prev))
				return false;
			break;
		case OPK_PATCH: {
			bool ok = true;
			if (!force_window(ev, s, killer->seq, &prev, false))
				return false;
			frame_at(ev, killer->stmt->span);
			v = apply_segs(ev, &e, prev, s->type, killer->segs,
				       killer->nsegs, killer->stmt, &ok);
			if (!ok)
				return false;
			break;
		}
		case OPK_BASE:
			v = killer->base;
			break;
		default:
			break;
		}
		if (v && !v->op) {
			v = value_copy(ev->alloc, v);
			v->op = killer;
		}
	} else if (s->base) {
		v = s->base;
	} else if (defaults && s->field && s->field->dflt) {
		struct env e = { 0 };
		if (s->self_override)
			e.self_value = s->self_override;
		else
			e.self_slot = s->parent;
		e.type = s->type;
		frame_at(ev, s->field->dflt->span);
		v = eval(ev, &e, s->field->dflt);
		if (!v)
			return false;
		out->from_default = true;
	} else if (defaults && s->field && s->field->dflt_empty_object) {
		v = value_object(ev->alloc, NULL, 0);
		out->from_default = true;
	} else if (defaults && s->field && s->field->dflt_handle &&
		   s->parent && s->parent->parent) {
		/* metadata.name: the key of k8s.HANDLE */
		const struct slot *o = s->parent->parent;
		v = value_string(ev->alloc, o->key, o->keylen);
		out->from_default = true;
	}

	out->op = killer;
	bool kids = kid_ops(s, start, hi);
	if (kids && v && v->kind != V_OBJECT && !reset && !touched) {
		/* kid ops whose `if` does not hold do not make it an object */
		int r = active_kid_op(ev, s->tn[0], start, hi);
		if (r == 0)
			r = active_kid_op(ev, s->tn[1], start, hi);
		if (r < 0)
			return false;
		kids = r > 0;
	}
	if (reset || touched || kids) {
		if (v && v->kind != V_OBJECT) {
			const struct op *k = first_kid_op(s->tn[1], start);
			if (!k)
				k = first_kid_op(s->tn[0], start);
			struct diag *d = diag_new(
			    E0407, k ? k->stmt->span : eval_op_span(killer),
			    "`%s` is %s %s, not an object: a path cannot go "
			    "into it",
			    eval_slot_path(ev, s),
			    v->kind == V_INT || v->kind == V_OBJECT ? "an"
								    : "a",
			    value_kind_name(v->kind));
			if (killer)
				diag_note(d, killer->stmt->span,
					  "`%s` is set to %s here",
					  eval_slot_path(ev, s),
					  eval_brief(ev, v));
			if (v->kind == V_LIST)
				diag_help(d,
					  "pick one element with a selector: "
					  "`%s[name = \"...\"]`",
					  eval_slot_path(ev, s));
			eval_report(ev, d);
			return false;
		}
		out->kind = F_OBJECT;
		out->v = v;
		out->since = start;
		out->implicit = !touched && !reset && !v;
		return true;
	}
	if (!v) {
		out->kind = F_ABSENT;
		return true;
	}
	if (v->kind == V_OBJECT && s->type &&
	    (s->type->kind == T_RECORD || s->type->kind == T_MAP)) {
		out->kind = F_OBJECT;
		out->v = v;
		out->since = start;
		return true;
	}
	if (nested)
		v = complete(ev, v, s->type, 0, s->key);
	if (!v || !merge_check_keyed(ev, v, s->type, killer ? killer->stmt->span
						     : eval_op_span(NULL),
			       NULL, s))
		return false;
	out->kind = F_VALUE;
	out->v = v;
	return true;
}

struct kid_key {
	const char *key;
	uint32_t keylen;
	uint32_t first;
	uint32_t order;
};

static int kid_key_cmp(const void *a, const void *b)
{
	const struct kid_key *x = a, *y = b;

	if (x->first != y->first)
		return x->first < y->first ? -1 : 1;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* The first seq in (a, b) of arr (ascending), or SEQ_END. */
static uint32_t first_between(const uint32_t *arr, uint32_t n, uint32_t a,
			      uint32_t b)
{
	uint32_t i = seqs_after(arr, n, a);

	return i < n && arr[i] < b ? arr[i] : SEQ_END;
}

/*
 * When a key was first set in (a, b): its first op, or the first below it
 * (which creates it), but not a -= on it, which sets nothing when the key
 * is absent and comes after what set it when it is not; unless the key
 * has a default (the bottom layer): then the -= is where it appears.
 */
static uint32_t first_set(const struct tnode *kid, uint32_t a, uint32_t b,
			  bool has_default)
{
	uint32_t first = SEQ_END;

	for (uint32_t i = 0; i < kid->nops; i++) {
		const struct op *op = kid->ops[i];
		if (op->seq > a && op->seq < b &&
		    (op->kind != OPK_REMOVE || has_default)) {
			first = op->seq;
			break;
		}
	}
	for (uint32_t i = 0; i < kid->nkids; i++) {
		const struct tnode *k = kid->kids[i];
		uint32_t x = first_between(k->seqs, k->nseqs, a, b);
		if (x < first)
			first = x;
	}
	if (first == SEQ_END && first_between(kid->seqs, kid->nseqs, a, b) !=
				SEQ_END)
		first = SEQ_END - 1;	/* only -= here: after everything */
	return first;
}

static bool force_window_at(struct evaluator *ev, struct slot *s, uint32_t hi,
			    struct value **out, bool defaults,
			    bool own_default, struct fold *used)
{
	struct fold tmp, *f;

	*out = NULL;
	struct window *w = NULL;
	if (hi == SEQ_END) {
		f = &s->fold;
	} else {
		uint8_t flags = (uint8_t)(defaults | own_default << 1);
		for (w = s->windows; w; w = w->next)
			if (w->hi == hi && w->flags == flags)
				break;
		if (w && w->state == LAZY_DONE) {
			*out = w->value;
			if (used)
				*used = w->fold;
			return true;
		}
		if (w && w->state == LAZY_FAILED)
			return false;		/* reported */
		if (w) {
			report_cycle(ev, s, ev->reach);
			return false;
		}
		w = arena_zalloc(ev->alloc, sizeof(*w));
		w->hi = hi;
		w->flags = flags;
		w->state = LAZY_BUSY;
		w->next = s->windows;
		s->windows = w;
		if (!fold_window(ev, s, hi, &tmp, own_default, defaults)) {
			w->state = LAZY_FAILED;
			return false;
		}
		f = &tmp;
		w->fold = tmp;
	}
	if (used)
		*used = *f;
	bool ok = force_fold(ev, s, hi, f, out, defaults);
	if (w) {
		w->state = ok ? LAZY_DONE : LAZY_FAILED;
		w->value = *out;
	}
	return ok;
}

/* The value of s in window (lo, hi) from its fold f. */
static bool force_fold(struct evaluator *ev, struct slot *s, uint32_t hi,
		       const struct fold *f, struct value **out, bool defaults)
{
	*out = NULL;
	if (f->kind == F_ABSENT)
		return true;
	if (f->kind == F_VALUE) {
		*out = f->v;
		return true;
	}

	if (f->implicit) {
		/* made only by the statements below it: there when one of
		 * them applies (`a.b -= [x]` creates `a`, as `a { b -= [x] }`
		 * does), decided before the defaults of its fields, which
		 * would make it look present */
		int r = active_kid_op(ev, s->tn[0], f->since, hi);
		if (r == 0)
			r = active_kid_op(ev, s->tn[1], f->since, hi);
		if (r <= 0)
			return r == 0;
	}

	/* F_OBJECT: the base's keys, the keys set below in the order they
	 * were first set, then the defaults of fields no layer set */
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	struct kid_key *keys = NULL;
	uint32_t nkeys = 0, cap = 0;
	if (f->v)
		for (uint32_t i = 0; i < f->v->len; i++) {
			ARENA_RESERVE(ev->alloc, keys, nkeys, cap);
			keys[nkeys] = (struct kid_key){ f->v->u.fields[i].key,
				f->v->u.fields[i].keylen, 0, nkeys };
			nkeys++;
		}
	uint32_t nfixed = nkeys;
	for (int k = 0; k < 2; k++) {
		const struct tnode *t = s->tn[k];
		for (uint32_t i = 0; t && i < t->nkids; i++) {
			const struct tnode *kid = t->kids[i];
			const struct type_field *tf;
			type_child(s->type, kid->key, &tf);
			uint32_t first = first_set(kid, f->since, hi, tf &&
				field_has_default(tf));
			if (first == SEQ_END)
				continue;
			ARENA_RESERVE(ev->alloc, keys, nkeys, cap);
			keys[nkeys] = (struct kid_key){ kid->key, kid->keylen,
							first, nkeys };
			nkeys++;
		}
	}
	if (nkeys > nfixed + 1)
		qsort(keys + nfixed, nkeys - nfixed, sizeof(*keys), kid_key_cmp);
	bool failed = false;
	if (defaults && s->type && s->type->kind == T_RECORD) {
		for (uint32_t i = 0; i < s->type->u.record.nfields; i++) {
			const struct type_field *fl = &s->type->u.record.fields[i];
			if (!field_has_default(fl))
				continue;
			ARENA_RESERVE(ev->alloc, keys, nkeys, cap);
			keys[nkeys] = (struct kid_key){ fl->name,
				(uint32_t)strlen(fl->name), 0, nkeys };
			nkeys++;
		}
	}
	for (uint32_t i = 0; i < nkeys; i++) {
		if (merge_field_index(&vb, keys[i].key, keys[i].keylen) >= 0)
			continue;
		struct slot *kid;
		struct value *kv;
		bool ok;
		ev->reach = (struct span){ 0 };	/* not reached by a reference */
		if (hi == SEQ_END) {
			kid = eval_slot_kid(ev, s, keys[i].key, keys[i].keylen);
			ok = eval_slot_force(ev, kid, &kv);
		} else {
			kid = slot_new(ev, s, keys[i].key, keys[i].keylen,
				       f->since, f->v);
			if (kid->field && kid->field->dflt)
				kid->self_override = value_object(ev->alloc,
						vb.fields, vb.len);
			ok = force_window_at(ev, kid, hi, &kv, defaults,
					     defaults, NULL);
		}
		if (!ok) {
			/* go on: every error of the site is reported */
			failed = true;
			continue;
		}
		if (kv)
			value_build_set(&vb, keys[i].key, keys[i].keylen, kv);
	}
	if (failed)
		return false;
	*out = value_build_object(&vb);
	(*out)->op = f->op;
	return true;
}

/* --- defaults, bodies and statements on values ------------------------ */

/* Does a value of type t get defaults filled anywhere inside? */
static bool has_defaults(const struct type *t, int depth)
{
	if (!t || depth > 8)
		return false;
	switch (t->kind) {
	case T_RECORD:
		for (uint32_t i = 0; i < t->u.record.nfields; i++) {
			const struct type_field *f = &t->u.record.fields[i];
			if (field_has_default(f) ||
			    has_defaults(f->type, depth + 1))
				return true;
		}
		return false;
	case T_LIST:
	case T_MAP:
		return has_defaults(t->u.container.elem, depth + 1);
	default:
		return false;
	}
}

/* Does record t have a field that defaults to its object's key? */
static bool takes_handle(const struct type *t)
{
	if (!t || t->kind != T_RECORD)
		return false;
	for (uint32_t i = 0; i < t->u.record.nfields; i++)
		if (t->u.record.fields[i].dflt_handle)
			return true;
	return false;
}

/*
 * Fills schema defaults into v wherever its type says (section 6). handle
 * is the key v is stored under (for metadata.name), or NULL.
 */
static struct value *complete(struct evaluator *ev, struct value *v,
			      const struct type *t, int depth,
			      const char *handle)
{
	if (!v || !t || depth > 64 || !has_defaults(t, 0))
		return v;
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	if ((t->kind == T_LIST && v->kind == V_LIST)) {
		for (uint32_t i = 0; i < v->len; i++) {
			struct value *x = complete(ev, v->u.items[i],
						   t->u.container.elem,
						   depth + 1, NULL);
			if (!x)
				return NULL;
			value_build_push(&vb, x);
		}
		struct value *out = value_build_list(&vb);
		out->op = v->op;
		out->expr = v->expr;
		return out;
	}
	if (v->kind != V_OBJECT || (t->kind != T_MAP && t->kind != T_RECORD))
		return v;
	for (uint32_t i = 0; i < v->len; i++) {
		const struct value_field *f = &v->u.fields[i];
		const struct type_field *tf;
		const struct type *ft = type_child(t, f->key, &tf);
		struct value *x = complete(ev, f->value, ft, depth + 1,
					   takes_handle(ft) ? handle : f->key);
		if (!x)
			return NULL;
		value_build_set(&vb, f->key, f->keylen, x);
	}
	if (t->kind == T_RECORD) {
		for (uint32_t i = 0; i < t->u.record.nfields; i++) {
			const struct type_field *tf = &t->u.record.fields[i];
			size_t klen = strlen(tf->name);
			if (merge_field_index(&vb, tf->name, (uint32_t)klen) >= 0)
				continue;
			struct value *x = NULL;
			if (tf->dflt) {
				struct env e = { 0 };
				e.self_value = v;
				e.type = tf->type;
				x = eval(ev, &e, tf->dflt);
				if (!x)
					return NULL;
			} else if (tf->dflt_empty_object) {
				x = value_object(ev->alloc, NULL, 0);
			} else if (tf->dflt_handle && handle) {
				x = value_cstring(ev->alloc, handle);
			} else {
				continue;
			}
			x = complete(ev, x, tf->type, depth + 1,
				     takes_handle(tf->type) ? handle : tf->name);
			if (!x)
				return NULL;
			value_build_set(&vb, tf->name, klen, x);
		}
	}
	struct value *out = value_build_object(&vb);
	out->op = v->op;
	out->expr = v->expr;
	return out;
}

/* The value of a body applied on base (an object literal, an amend of a
 * value), in a trie of its own. */
/* An element on the right of a keyed +=: the list it merges into. */
struct keyed_into {
	struct value *list;
	const struct type *type;	/* the keyed list type */
	const char *key;
};

static struct value *merge_target(struct evaluator *ev, struct slot *root,
				  const struct keyed_into *into);

/* The value of a body applied on base (an object literal, an amend of a
 * value), in a trie of its own. */
static struct value *body_value(struct evaluator *ev, const struct env *env,
				const struct ast_list *body,
				const void *body_id, struct value *base,
				const struct type *type,
				const struct keyed_into *into)
{
	struct trie *t = trie_new(ev->alloc, true);
	struct slot *root = arena_zalloc(ev->alloc, sizeof(*root));
	struct env benv = *env;

	t->fleet = env->fleet;
	root->tn[0] = t->root;
	root->type = type;
	root->key = "";
	t->root_slot = root;

	struct build b = { ev, t, NULL, env->op ? env->op->layer : NULL, true,
			   &benv, false };
	if (base) {
		struct op *op = add_op(&b, t->root, NULL, OPK_BASE,
				       env->op ? env->op->stmt : NULL, NULL,
				       NULL, env->scope, t->root, NULL, false);
		op->base = base;
	}
	build_body(&b, t->root, NULL, body, NULL, env->scope, body_id);
	if (b.failed)
		return NULL;
	if (!base) {
		/* an empty literal is still an object */
		add_op(&b, t->root, NULL, OPK_AMEND,
		       env->op ? env->op->stmt : NULL, NULL, NULL, env->scope,
		       t->root, NULL, false);
	}
	if (into) {
		t->merge_into = merge_target(ev, root, into);
		t->merge_type = type_elem(into->type);
		if (ev->cur && ev->cur->failed)
			return NULL;
	}
	struct value *v;
	if (!eval_slot_force(ev, root, &v))
		return NULL;
	return v ? v : value_object(ev->alloc, NULL, 0);
}

/*
 * The element of into->list that the object at root merges into: the one
 * with the same key, or NULL. The key field is read alone first, so it
 * cannot see the merged element (which depends on it).
 */
static struct value *merge_target(struct evaluator *ev, struct slot *root,
				  const struct keyed_into *into)
{
	uint32_t klen = (uint32_t)strlen(into->key);
	struct value *k;

	ev->reach = (struct span){ 0 };
	if (!eval_slot_fold(ev, root) || root->fold.kind != F_OBJECT)
		return NULL;
	struct slot *ks = eval_slot_kid(ev, root, into->key, klen);
	int there = slot_present(ev, ks);
	if (there <= 0 || !eval_slot_force(ev, ks, &k) || !k)
		return NULL;
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	value_build_set(&vb, into->key, klen, k);
	struct value *probe = value_build_object(&vb);
	for (uint32_t i = 0; i < into->list->len; i++)
		if (type_same_key(into->type, into->list->u.items[i], probe))
			return into->list->u.items[i];
	return NULL;
}

/* The right of a keyed += (a list literal): its object literals see the
 * elements they merge into through `self`. */
static struct value *keyed_add_rhs(struct evaluator *ev, const struct env *env,
				   const struct ast *e, struct value *prev,
				   const struct type *t)
{
	struct keyed_into into = { prev, t, type_list_key(t) };

	if (!into.key || !prev || prev->kind != V_LIST || e->kind != AST_LIST)
		return eval(ev, env, e);
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	for (uint32_t i = 0; i < e->u.list.items.len; i++) {
		const struct ast *item = e->u.list.items.items[i];
		struct value *x = item->kind == AST_OBJECT
			? body_value(ev, env, &item->u.object.body, item, NULL,
				     NULL, &into)
			: eval(ev, env, item);
		if (!x)
			return NULL;
		if (!x->expr && !x->op) {
			x->expr = item;
			x->op = env->op;
		}
		value_build_push(&vb, x);
	}
	struct value *v = value_build_list(&vb);
	v->expr = e;
	v->op = env->op;
	return v;
}

static struct value *object_literal(struct evaluator *ev,
				    const struct env *env,
				    const struct ast *obj, struct value *base,
				    const struct type *type)
{
	return body_value(ev, env, &obj->u.object.body, obj, base, type, NULL);
}

static struct value *apply_stmt_value(struct evaluator *ev,
				      const struct env *env, struct value *v,
				      const struct type *t,
				      const struct ast *stmt)
{
	struct env e = *env;
	struct value *rhs;

	e.super_value = v;
	e.has_super_value = true;
	e.type = t;
	switch (stmt->kind) {
	case AST_SET:
		rhs = stmt->u.stmt.value->kind == AST_OBJECT
			? object_literal(ev, &e, stmt->u.stmt.value, NULL, t)
			: eval(ev, &e, stmt->u.stmt.value);
		return rhs ? complete(ev, rhs, t, 0, NULL) : NULL;
	case AST_ADD:
		e.type = NULL;
		rhs = eval(ev, &e, stmt->u.stmt.value);
		return rhs ? complete(ev, merge_add(ev, v, rhs, t, stmt->span),
				      t, 0, NULL) : NULL;
	case AST_REMOVE:
		e.type = NULL;
		rhs = eval(ev, &e, stmt->u.stmt.value);
		if (!rhs)
			return NULL;
		if (!v)
			return v;
		return merge_remove(ev, v, rhs, t, stmt->span);
	case AST_AMEND:
		if (v && v->kind != V_OBJECT) {
			eval_error_at(ev, E0407, stmt->span,
				      "cannot amend %s: only objects take `{ ... }`",
				      eval_a_kind(v->kind));
			return NULL;
		}
		return body_value(ev, &e, &stmt->u.stmt.body, stmt, v, t, NULL);
	default:
		return v;
	}
}

static struct value *apply_segs(struct evaluator *ev, const struct env *env,
				struct value *v, const struct type *t,
				struct ast *const *segs, uint32_t nsegs,
				const struct ast *stmt, bool *ok)
{
	if (nsegs == 0) {
		struct value *r = apply_stmt_value(ev, env, v, t, stmt);
		if (!r && (stmt->kind != AST_REMOVE || v))
			*ok = false;
		return r;
	}
	const struct ast *seg = segs[0];
	if (seg->kind == AST_SEG_SELECT) {
		const char *f = seg->u.seg.name.name;
		size_t flen = strlen(f);
		struct value *want = eval(ev, env, seg->u.seg.key);
		if (!want) {
			*ok = false;
			return NULL;
		}
		if (!v || v->kind != V_LIST) {
			struct diag *d = v
				? diag_new(E0407, seg->span, "the selector [%s = %s] "
					   "picks from a list, not from %s", f,
					   eval_brief(ev, want), eval_a_kind(v->kind))
				: diag_new(E0403, seg->span, "the selector [%s = %s] "
					   "matches nothing: the list is not set",
					   f, eval_brief(ev, want));
			eval_report(ev, d);
			*ok = false;
			return NULL;
		}
		long found = -1;
		for (uint32_t i = 0; i < v->len; i++) {
			struct value *e = v->u.items[i];
			struct value *k = e->kind == V_OBJECT ? value_get(e, f, flen)
							      : NULL;
			if (!k || !value_equal(k, want))
				continue;
			if (found >= 0) {
				struct diag *d = diag_new(E0404, seg->span,
					"the selector [%s = %s] matches more than "
					"one element", f, eval_brief(ev, want));
				diag_help(d, "select by a field whose value is "
					     "unique in the list");
				eval_report(ev, d);
				*ok = false;
				return NULL;
			}
			found = (long)i;
		}
		if (found < 0) {
			struct diag *d = diag_new(E0403, seg->span,
				"the selector [%s = %s] matches no element",
				f, eval_brief(ev, want));
			char have[256];
			size_t n = 0;
			have[0] = 0;
			for (uint32_t i = 0; i < v->len && n < 200; i++) {
				struct value *e = v->u.items[i];
				struct value *k = e->kind == V_OBJECT
					? value_get(e, f, flen) : NULL;
				if (k)
					n += (size_t)snprintf(have + n, sizeof(have) - n,
						"%s%s", n ? ", " : "", eval_brief(ev, k));
			}
			if (n)
				diag_help(d, "the list has %s = %s", f, have);
			else if (v->len == 0)
				diag_help(d, "the list is empty");
			else
				diag_help(d, "no element of the list has a `%s` "
					     "field", f);
			eval_report(ev, d);
			*ok = false;
			return NULL;
		}
		struct value *ne = apply_segs(ev, env, v->u.items[found],
					      type_elem(t), segs + 1, nsegs - 1,
					      stmt, ok);
		if (!*ok)
			return NULL;
		struct value_builder vb;
		value_build_init(&vb, ev->alloc);
		for (uint32_t i = 0; i < v->len; i++)
			if ((long)i != found)
				value_build_push(&vb, v->u.items[i]);
			else if (ne)
				value_build_push(&vb, ne);
		struct value *out = value_build_list(&vb);
		out->op = v->op;
		return out;
	}

	const char *key;
	uint32_t keylen;
	if (seg->kind == AST_SEG_NAME) {
		key = seg->u.seg.name.name;
		keylen = (uint32_t)strlen(key);
	} else if (seg->u.seg.key->kind == AST_STRING) {
		key = seg->u.seg.key->u.string.text;
		keylen = seg->u.seg.key->u.string.len;
	} else {
		struct value *k = eval(ev, env, seg->u.seg.key);
		if (!k || k->kind != V_STRING) {
			if (k)
				eval_error_at(ev, E0504, seg->span,
					      "a key must be a string, not %s",
					      eval_a_kind(k->kind));
			*ok = false;
			return NULL;
		}
		key = k->u.str;
		keylen = k->len;
	}
	if (v && v->kind != V_OBJECT) {
		eval_error_at(ev, E0407, seg->span,
			      "`%.*s` is looked up in %s, not in an object",
			      (int)keylen, key, eval_a_kind(v->kind));
		*ok = false;
		return NULL;
	}
	const struct type_field *tf;
	const struct type *ct = type_child(t, key, &tf);
	struct value *child = v ? value_get(v, key, keylen) : NULL;
	struct value *nc = apply_segs(ev, env, child, ct, segs + 1, nsegs - 1,
				      stmt, ok);
	if (!*ok)
		return NULL;
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	for (uint32_t i = 0; v && i < v->len; i++)
		value_build_set(&vb, v->u.fields[i].key, v->u.fields[i].keylen,
				v->u.fields[i].value);
	if (nc) {
		value_build_set(&vb, key, keylen, nc);
	} else {
		long j = merge_field_index(&vb, key, keylen);
		if (j >= 0) {
			memmove(&vb.fields[j], &vb.fields[j + 1],
				(vb.len - (uint32_t)j - 1) * sizeof(*vb.fields));
			vb.len--;
		}
	}
	struct value *out = value_build_object(&vb);
	if (v)
		out->op = v->op;
	return out;
}

/* --- references: reading lazily through slots ------------------------- */

static struct slot *slot_of_tnode(struct evaluator *ev,
				  const struct tnode *t)
{
	if (!t->parent)
		return t->trie->standalone ? t->trie->root_slot
					   : (ev->cur ? ev->cur->root : NULL);
	struct slot *p = slot_of_tnode(ev, t->parent);
	if (!p || !eval_slot_fold(ev, p) || p->fold.kind != F_OBJECT)
		return NULL;
	return eval_slot_kid(ev, p, t->key, t->keylen);
}

static struct ref ref_error(void)
{
	struct ref r = { .error = true };
	return r;
}

static struct ref ref_of_value(struct value *v)
{
	struct ref r = { .value = v, .error = v == NULL };
	return r;
}

static struct ref ref_of_slot(struct slot *s)
{
	struct ref r = { .slot = s, .error = s == NULL };
	return r;
}

/* A slot's value that must be there: absent is an error at span. */
static struct value *slot_value(struct evaluator *ev, struct slot *s,
				struct span span)
{
	struct value *v;

	if (!eval_slot_force(ev, s, &v))
		return NULL;
	if (v)
		return v;
	if (s->field) {
		struct diag *d = diag_new(E0509, span, "`%s` is not set",
					  eval_slot_path(ev, s));
		diag_note(d, s->field->node->span, "`%s` is declared here%s",
			  s->field->name,
			  s->field->optional ? " as optional" : "");
		diag_help(d, "set it in a profile or the site, give the field "
			     "a default, or test it first with has(obj, key)");
		eval_report(ev, d);
	} else {
		struct diag *d = diag_new(E0508, span, "`%s` is not set",
					  eval_slot_path(ev, s));
		diag_help(d, "test for it first with has(obj, key)");
		eval_report(ev, d);
	}
	return NULL;
}

static struct value *ref_value(struct evaluator *ev, struct ref r,
			       struct span span)
{
	if (r.error)
		return NULL;
	ev->reach = span;
	if (r.slot && r.under) {
		struct value *v = slot_value(ev, r.slot, span);
		return v ? merge_deep(ev, r.under, v, r.under_type, span) : NULL;
	}
	if (r.slot)
		return slot_value(ev, r.slot, span);
	return r.value;
}

static void suggest_keys(struct evaluator *ev, struct diag *d,
			 const char *key, const struct value *obj,
			 const struct slot *s)
{
	const char **c = NULL;
	uint32_t n = 0, cap = 0;

	for (uint32_t i = 0; obj && i < obj->len; i++) {
		ARENA_RESERVE(ev->alloc, c, n, cap);
		c[n++] = obj->u.fields[i].key;
	}
	for (int k = 0; s && k < 2; k++)
		for (uint32_t i = 0; s->tn[k] && i < s->tn[k]->nkids; i++) {
			ARENA_RESERVE(ev->alloc, c, n, cap);
			c[n++] = s->tn[k]->kids[i]->key;
		}
	const struct type *t = s ? s->type : NULL;
	for (uint32_t i = 0; t && t->kind == T_RECORD && i < t->u.record.nfields;
	     i++) {
		ARENA_RESERVE(ev->alloc, c, n, cap);
		c[n++] = t->u.record.fields[i].name;
	}
	const char *best = resolve_suggest(key, c, n);
	if (best)
		diag_help(d, "did you mean `%s`?", best);
	else
		diag_help(d, "test for it first with has(obj, key)");
}

/* r.key: a field of an object, through the slot while there is one. */
static struct ref ref_get(struct evaluator *ev, struct ref r, const char *key,
			  uint32_t keylen, struct span span)
{
	if (r.error)
		return r;
	if (r.slot) {
		ev->reach = span;
		if (!eval_slot_fold(ev, r.slot))
			return ref_error();
		if (r.slot->fold.kind == F_OBJECT) {
			struct slot *k = eval_slot_kid(ev, r.slot, key, keylen);
			int there = slot_present(ev, k);
			if (there < 0)
				return ref_error();
			struct ref kr = ref_of_slot(k);
			if (r.under && r.under->kind == V_OBJECT) {
				kr.under = value_get(r.under, key, keylen);
				const struct type_field *tf;
				kr.under_type = type_child(r.under_type, key,
							   &tf);
			}
			if (there)
				return kr;
			if (kr.under)
				return ref_of_value(kr.under);
			if (k->field) {
				slot_value(ev, k, span);	/* reports */
				return ref_error();
			}
			struct diag *d = diag_new(
			    E0508, span, "`%s` has no field `%.*s`",
			    eval_slot_path(ev, r.slot), (int)keylen, key);
			suggest_keys(ev, d, key, r.slot->fold.v, r.slot);
			eval_report(ev, d);
			return ref_error();
		}
		struct value *v = ref_value(ev, r, span);
		if (!v)
			return ref_error();
		r = ref_of_value(v);
	}
	if (r.value->kind != V_OBJECT) {
		eval_error_at(ev, E0504, span, "cannot read field `%.*s` of %s: only "
			      "objects have fields", (int)keylen, key,
			      eval_a_kind(r.value->kind));
		return ref_error();
	}
	struct value *v = value_get(r.value, key, keylen);
	if (!v) {
		struct diag *d = diag_new(E0508, span, "the object has no field "
					  "`%.*s`", (int)keylen, key);
		suggest_keys(ev, d, key, r.value, NULL);
		eval_report(ev, d);
		return ref_error();
	}
	return ref_of_value(v);
}

static struct value *let_value(struct evaluator *ev, const struct scope *sc,
			       struct span reached)
{
	struct memo *m = memo_get(ev, sc);

	if (m->state == LAZY_DONE)
		return m->value;
	if (m->state == LAZY_FAILED)
		return NULL;
	if (m->state == LAZY_BUSY) {
		report_cycle(ev, sc, reached);
		return NULL;
	}
	m->state = LAZY_BUSY;
	struct env e = { 0 };
	e.scope = sc->outer;
	e.self = sc->self;
	e.fleet = sc->self && sc->self->trie->fleet;
	struct value *v = NULL;
	struct span saved = ev->reach;
	ev->reach = reached;
	if (frame_push(ev, FR_LET, sc, sc->node->span)) {
		v = eval(ev, &e, sc->expr);
		frame_pop(ev);
	}
	ev->reach = saved;
	m = memo_get(ev, sc);
	m->state = v ? LAZY_DONE : LAZY_FAILED;
	m->value = v;
	return v;
}

/* A fleet constant: computed by eval_prepare (in the order they are
 * needed), only read by sites. */
static struct value *const_value(struct evaluator *ev, const struct decl *cd,
				 struct span reached)
{
	if (cd->value_state == LAZY_DONE)
		return cd->value;
	if (cd->value_state == LAZY_FAILED || !ev->building)
		return NULL;
	if (cd->value_state == LAZY_BUSY) {
		report_cycle(ev, cd, reached);
		return NULL;
	}
	struct decl *d = ev->building->decls[cd->index];
	d->value_state = LAZY_BUSY;
	struct env e = { 0 };
	e.fleet = true;
	struct value *v = NULL;
	struct span saved = ev->reach;
	ev->reach = reached;
	if (frame_push(ev, FR_CONST, d, d->node->u.bind.value->span)) {
		v = eval(ev, &e, d->node->u.bind.value);
		frame_pop(ev);
	}
	ev->reach = saved;
	d->value = v;
	d->value_state = v ? LAZY_DONE : LAZY_FAILED;
	return v;
}

static void unknown_name(struct evaluator *ev, const struct env *env,
			 const struct ast *e)
{
	const char *name = e->u.ref.name;
	const char **c = NULL;
	uint32_t n = 0, cap = 0;

	for (const struct scope *s = env->scope; s; s = s->parent) {
		ARENA_RESERVE(ev->alloc, c, n, cap);
		c[n++] = s->name;
	}
	for (uint32_t i = 0; i < ev->prog->ndecls; i++)
		if (ev->prog->decls[i]->kind == D_CONST) {
			ARENA_RESERVE(ev->alloc, c, n, cap);
			c[n++] = ev->prog->decls[i]->name;
		}
	const struct type *st = ev->cur && ev->cur->site ? ev->cur->site->site_type
							  : NULL;
	for (uint32_t i = 0; !env->fleet && st && i < st->u.record.nfields; i++) {
		ARENA_RESERVE(ev->alloc, c, n, cap);
		c[n++] = st->u.record.fields[i].name;
	}
	for (int k = 0; !env->fleet && ev->cur && ev->cur->root && k < 2; k++) {
		const struct tnode *t = ev->cur->root->tn[k];
		for (uint32_t i = 0; t && i < t->nkids; i++) {
			ARENA_RESERVE(ev->alloc, c, n, cap);
			c[n++] = t->kids[i]->key;
		}
	}
	struct diag *d = diag_new(E0501, e->span, "unknown name `%s`", name);
	const char *best = resolve_suggest(name, c, n);
	if (best)
		diag_help(d, "did you mean `%s`?", best);
	eval_report(ev, d);
}

static struct ref name_ref(struct evaluator *ev, const struct env *env,
			   const struct ast *e)
{
	const char *name = e->u.ref.name;

	for (const struct scope *s = env->scope; s; s = s->parent)
		if (s->name == name)
			return s->kind == SC_VALUE
				? ref_of_value(s->value)
				: ref_of_value(let_value(ev, s, e->span));
	const struct decl *d = resolve_lookup(ev->prog, name);
	if (d && d->kind == D_CONST)
		return ref_of_value(const_value(ev, d, e->span));

	const struct decl *site = ev->cur ? ev->cur->site : NULL;
	const struct type_field *f = site ? type_field(site->site_type, name)
					  : NULL;
	if (env->fleet || !site) {
		/* resolve_check_names reported the names of defs and
		 * constants, once for the fleet */
		if (ev->cur)
			ev->cur->failed = true;
		return ref_error();
	}
	struct slot *root = ev->cur->root;
	ev->reach = e->span;
	if (!eval_slot_fold(ev, root))
		return ref_error();
	struct slot *k = eval_slot_kid(ev, root, name, (uint32_t)strlen(name));
	int there = slot_present(ev, k);
	if (there < 0)
		return ref_error();
	if (there)
		return ref_of_slot(k);
	if (f) {
		slot_value(ev, k, e->span);
		return ref_error();
	}
	unknown_name(ev, env, e);
	return ref_error();
}

/*
 * self at t in an element on the right of a keyed += is the merged
 * element: t's slot merged onto the same path of the element it merges
 * into, field by field as they are read.
 */
static struct ref merged_self(struct evaluator *ev, const struct tnode *t,
			      struct slot *s)
{
	struct ref r = ref_of_slot(s);
	const struct tnode *chain[PATH_MAX_DEPTH + 1];
	size_t n = 0;

	(void)ev;
	r.under = t->trie->merge_into;
	r.under_type = t->trie->merge_type;
	for (const struct tnode *p = t; p->parent && n <= PATH_MAX_DEPTH;
	     p = p->parent)
		chain[n++] = p;
	while (r.under && n > 0) {
		const struct tnode *p = chain[--n];
		const struct type_field *tf;
		r.under = r.under->kind == V_OBJECT
			? value_get(r.under, p->key, p->keylen) : NULL;
		r.under_type = type_child(r.under_type, p->key, &tf);
	}
	return r;
}

static struct ref self_ref(struct evaluator *ev, const struct env *env,
			   const struct ast *e)
{
	if (env->self_slot)
		return ref_of_slot(env->self_slot);
	if (env->self_value)
		return ref_of_value(env->self_value);
	if (env->self && !env->fleet) {
		ev->reach = e->span;
		struct slot *s = slot_of_tnode(ev, env->self);
		if (s)
			return merged_self(ev, env->self, s);
		if (ev->cur && ev->cur->failed)
			return ref_error();
	}
	if (env->fleet) {
		/* resolve_check_names reported it */
		if (ev->cur)
			ev->cur->failed = true;
		return ref_error();
	}
	eval_error_at(ev, E0516, e->span, "`self` has no object here");
	return ref_error();
}

/* The value at s's path just before the op of an ancestor that started
 * s's window (an object literal or a value replacing the ancestor). */
static bool value_before_cut(struct evaluator *ev, struct slot *s,
			     struct value **out)
{
	const struct slot *chain[PATH_MAX_DEPTH + 1];
	size_t n = 0;
	struct slot *a = s;

	*out = NULL;
	for (; a && n < PATH_MAX_DEPTH; a = a->parent) {
		bool cut_here = false;
		for (int k = 0; k < 2 && !cut_here; k++)
			for (uint32_t i = 0; a->tn[k] && i < a->tn[k]->nops; i++)
				if (a->tn[k]->ops[i]->seq == s->lo)
					cut_here = true;
		if (cut_here)
			break;
		chain[n++] = a;
	}
	if (!a)
		return true;
	struct value *v;
	struct fold f;
	if (!force_window_at(ev, a, s->lo, &v, true, true, &f))
		return false;
	/* a literal in a literal: what came before the outer one */
	if ((f.kind == F_ABSENT || (f.from_default && !f.op)) && !a->base &&
	    a->lo > 0) {
		struct value *outer;
		if (!value_before_cut(ev, a, &outer))
			return false;
		if (outer)
			v = outer;
	}
	while (v && n--)
		v = v->kind == V_OBJECT
			? value_get(v, chain[n]->key, chain[n]->keylen) : NULL;
	*out = v;
	return true;
}

static struct value *super_value(struct evaluator *ev, const struct env *env,
				 const struct ast *e)
{
	struct value *v = NULL;

	if (env->has_super_value) {
		v = env->super_value;
	} else if (env->slot && env->op && !env->fleet) {
		/* one fold: a chain of supers stays linear */
		struct fold f;
		if (!force_window_at(ev, env->slot, env->op->seq, &v, true, true,
				     &f))
			return NULL;
		/* Nothing before it in its own window: the statement sits in
		 * an object literal that replaced an ancestor; super is the
		 * value the path had before that (LANGUAGE.md: the inherited
		 * value at the same full path), else the default. */
		if ((f.kind == F_ABSENT || (f.from_default && !f.op)) &&
		    !env->slot->base && env->slot->lo > 0) {
			struct value *before;
			if (!value_before_cut(ev, env->slot, &before))
				return NULL;
			if (before)
				v = before;
		}
	} else if (env->fleet) {
		if (ev->cur)
			ev->cur->failed = true;	/* reported statically */
		return NULL;
	} else {
		eval_error_at(ev, E0516, e->span,
			      "`super` is read outside a statement of a body");
		return NULL;
	}
	if (!v) {
		struct diag *d = diag_new(
		    E0408, e->span,
		    "`super`: nothing is set at `%s` before this statement",
		    env->slot ? eval_slot_path(ev, env->slot) : "this path");
		diag_help(d, "no layer below sets this path; write the value "
			     "without `super`");
		eval_report(ev, d);
	}
	return v;
}

static struct ref eval_ref(struct evaluator *ev, const struct env *env,
			   const struct ast *e)
{
	switch (e->kind) {
	case AST_NAME:
		return name_ref(ev, env, e);
	case AST_SELF:
		return self_ref(ev, env, e);
	case AST_SITE_REF:
		if (env->fleet || !ev->cur || !ev->cur->site) {
			/* resolve_check_names reported it */
			if (ev->cur)
				ev->cur->failed = true;
			return ref_error();
		}
		return ref_of_slot(ev->cur->root);
	case AST_GET: {
		struct ref t = eval_ref(ev, env, e->u.get.target);
		const char *k = e->u.get.name.name;
		return ref_get(ev, t, k, (uint32_t)strlen(k), e->span);
	}
	case AST_INDEX: {
		struct ref t = eval_ref(ev, env, e->u.index.target);
		if (t.error)
			return t;
		struct value *i = eval(ev, env, e->u.index.index);
		if (!i)
			return ref_error();
		if (i->kind == V_STRING)
			return ref_get(ev, t, i->u.str, i->len, e->span);
		struct value *tv = ref_value(ev, t, e->u.index.target->span);
		if (!tv)
			return ref_error();
		if (i->kind != V_INT || tv->kind != V_LIST) {
			eval_error_at(ev, E0504, e->u.index.index->span,
				      "%s cannot be indexed by %s", eval_a_kind(tv->kind),
				      eval_a_kind(i->kind));
			return ref_error();
		}
		if (i->u.i < 0 || i->u.i >= (int64_t)tv->len) {
			struct diag *d = diag_new(E0507, e->u.index.index->span,
				"index %lld is out of range", (long long)i->u.i);
			if (tv->len == 0)
				diag_help(d, "the list is empty");
			else
				diag_help(d, "the list has %u item%s (indexes 0 "
					     "to %u)", tv->len,
					  tv->len == 1 ? "" : "s", tv->len - 1);
			eval_report(ev, d);
			return ref_error();
		}
		return ref_of_value(tv->u.items[i->u.i]);
	}
	default:
		return ref_of_value(eval(ev, env, e));
	}
}

/* --- expressions ----------------------------------------------------------- */

static struct value *binary(struct evaluator *ev, const struct env *env,
			    const struct ast *e)
{
	enum ast_op op = e->u.op.op;
	struct value *a = eval(ev, env, e->u.op.lhs);

	if (!a)
		return NULL;
	if (op == OP_AND || op == OP_OR) {
		if (a->kind != V_BOOL) {
			eval_error_at(ev, E0504, e->u.op.lhs->span,
				      "`%s` takes bools, not %s", eval_op_text[op],
				      eval_a_kind(a->kind));
			return NULL;
		}
		if (a->u.b == (op == OP_OR))
			return a;
		struct value *b = eval(ev, env, e->u.op.rhs);
		if (b && b->kind != V_BOOL) {
			eval_error_at(ev, E0504, e->u.op.rhs->span,
				      "`%s` takes bools, not %s", eval_op_text[op],
				      eval_a_kind(b->kind));
			return NULL;
		}
		return b;
	}
	struct value *b = eval(ev, env, e->u.op.rhs);
	if (!b)
		return NULL;
	switch (op) {
	case OP_EQ:
	case OP_NE:
		return value_bool(ev->alloc, value_equal(a, b) == (op == OP_EQ));
	case OP_LT:
	case OP_LE:
	case OP_GT:
	case OP_GE: {
		bool ok;
		int c = value_compare(a, b, &ok);
		if (!ok) {
			eval_error_at(ev, E0504, e->span,
				      "cannot compare %s with %s: `%s` orders numbers "
				      "or strings", eval_a_kind(a->kind), eval_a_kind(b->kind),
				      eval_op_text[op]);
			return NULL;
		}
		bool r = op == OP_LT ? c < 0 : op == OP_LE ? c <= 0
			 : op == OP_GT ? c > 0 : c >= 0;
		return value_bool(ev->alloc, r);
	}
	default:
		return merge_arith(ev, e, a, b);
	}
}

static struct value *unary(struct evaluator *ev, const struct env *env,
			   const struct ast *e)
{
	struct value *a = eval(ev, env, e->u.op.rhs);

	if (!a)
		return NULL;
	if (e->u.op.op == OP_NOT) {
		if (a->kind != V_BOOL) {
			eval_error_at(ev, E0504, e->span, "`!` takes a bool, not %s",
				      eval_a_kind(a->kind));
			return NULL;
		}
		return value_bool(ev->alloc, !a->u.b);
	}
	if (a->kind == V_INT) {
		if (a->u.i == INT64_MIN) {
			eval_error_at(ev, E0506, e->span, "-(%lld) overflows 64 bits",
				      (long long)a->u.i);
			return NULL;
		}
		return value_int(ev->alloc, -a->u.i);
	}
	if (a->kind == V_FLOAT)
		return value_float(ev->alloc, -a->u.f);
	eval_error_at(ev, E0504, e->span, "`-` takes a number, not %s",
		      eval_a_kind(a->kind));
	return NULL;
}

static struct value *interpolate(struct evaluator *ev, const struct env *env,
				 const struct ast *e)
{
	size_t cap = 64, len = 0;
	char *buf = arena_alloc(ev->alloc, cap);

	for (uint32_t i = 0; i < e->u.interp.parts.len; i++) {
		const struct ast *p = e->u.interp.parts.items[i];
		const char *text;
		size_t n;
		if (p->kind == AST_STRING) {
			text = p->u.string.text;
			n = p->u.string.len;
		} else {
			struct value *v = eval(ev, env, p);
			if (!v)
				return NULL;
			if (v->kind == V_SECRET)
				return eval_secret_misuse(ev, p->span, "in a string");
			text = value_scalar_text(ev->alloc, v, &n);
			if (!text) {
				struct diag *d = diag_new(E0504, p->span,
					"cannot put %s in a string",
					eval_a_kind(v->kind));
				diag_help(d, "use join(\", \", list) or "
					     "to_string(value)");
				eval_report(ev, d);
				return NULL;
			}
		}
		if (len + n + 1 > cap) {
			size_t ncap = (len + n + 1) * 2;
			buf = arena_grow(ev->alloc, buf, cap, ncap);
			cap = ncap;
		}
		memcpy(buf + len, text, n);
		len += n;
	}
	buf[len] = 0;
	return value_string_ref(ev->alloc, buf, len);
}

static struct value *list_for(struct evaluator *ev, const struct env *env,
			      const struct ast *e)
{
	struct value *it = eval(ev, env, e->u.for_.iter);

	if (!it)
		return NULL;
	if (it->kind != V_LIST && it->kind != V_OBJECT) {
		eval_error_at(ev, E0504, e->u.for_.iter->span,
			      "`for` iterates over a list or an object, not %s",
			      eval_a_kind(it->kind));
		return NULL;
	}
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	struct env inner = *env;
	inner.type = type_elem(env->type);
	struct scope *sc = arena_zalloc(ev->alloc, 2 * sizeof(*sc));
	for (uint32_t i = 0; i < it->len; i++) {
		/* One pair of bindings for the whole loop: nothing evaluated
		 * in an iteration outlives it (object literals are forced
		 * before they return), so the same cells are rebound. */
		inner.scope = bind_loop(ev, sc, env->scope, e, it, i);
		if (e->u.for_.filter) {
			struct value *c = eval(ev, &inner, e->u.for_.filter);
			if (!c)
				return NULL;
			if (c->kind != V_BOOL) {
				eval_error_at(ev, E0504, e->u.for_.filter->span,
					      "a `for` filter must be a bool, not %s",
					      eval_a_kind(c->kind));
				return NULL;
			}
			if (!c->u.b)
				continue;
		}
		struct value *x = eval(ev, &inner, e->u.for_.body);
		if (!x)
			return NULL;
		value_build_push(&vb, x);
	}
	return value_build_list(&vb);
}

static bool on_stack(const struct evaluator *ev, const void *item)
{
	for (uint32_t i = 0; i < ev->nframes; i++)
		if (ev->frames[i].item == item)
			return true;
	return false;
}

static void note_file(void *data, const char *path, const struct value *v)
{
	struct evaluator *ev = data;
	struct site_eval *se = ev->cur;

	if (!se || !se->site)
		return;
	for (uint32_t i = 0; i < se->nfiles; i++)
		if (strcmp(se->files[i], path) == 0)
			return;
	ARENA_RESERVE(ev->alloc, se->files, se->nfiles, se->files_cap);
	se->files[se->nfiles++] = arena_strndup(ev->alloc, path, strlen(path));
}

static struct value *call(struct evaluator *ev, const struct env *env,
			  const struct ast *e)
{
	const char *name = e->u.call.name.name;
	const struct ast_list *args = &e->u.call.args;
	const struct decl *d = resolve_lookup(ev->prog, name);
	const struct builtin_info *b = d && d->kind == D_DEF
		? NULL : builtin_lookup(name);

	if ((!d || d->kind != D_DEF) && !b) {
		/* resolve_check_names reported it, once for the fleet */
		if (ev->cur)
			ev->cur->failed = true;
		return NULL;
	}
	int min = b ? b->min_args : (int)d->node->u.def.nparams;
	int max = b ? b->max_args : min;
	if ((int)args->len < min || (max >= 0 && (int)args->len > max)) {
		char want[64];
		if (max < 0)
			snprintf(want, sizeof(want), "at least %d argument%s", min,
				 min == 1 ? "" : "s");
		else if (min != max)
			snprintf(want, sizeof(want), "%d to %d arguments", min, max);
		else
			snprintf(want, sizeof(want), "%d argument%s", min,
				 min == 1 ? "" : "s");
		struct diag *dg = diag_new(E0511, e->span,
			"`%s` takes %s, not %u", name, want, args->len);
		if (b)
			diag_help(dg, "call it as %s", b->signature);
		else
			diag_note(dg, d->node->u.def.name.span,
				  "`%s` is declared here", name);
		eval_report(ev, dg);
		return NULL;
	}
	struct value **argv = arena_alloc(ev->alloc,
					  (args->len + 1) * sizeof(*argv));
	struct env ae = *env;
	ae.type = NULL;
	uint32_t from = 0;
	if (b && strcmp(name, "has") == 0) {
		/* has(self, "x") reads the one field, not the whole object
		 * (which may be the object being computed) */
		struct ref r = eval_ref(ev, &ae, args->items[0]);
		struct value *k = eval(ev, &ae, args->items[1]);
		if (r.error || !k)
			return NULL;
		if (r.slot && k->kind == V_STRING) {
			ev->reach = args->items[0]->span;
			if (!eval_slot_fold(ev, r.slot))
				return NULL;
			if (r.slot->fold.kind == F_OBJECT) {
				struct slot *kid =
				    eval_slot_kid(ev, r.slot, k->u.str, k->len);
				int there = slot_present(ev, kid);
				if (there < 0)
					return NULL;
				if (!there && r.under && r.under->kind == V_OBJECT)
					there = value_get(r.under, k->u.str,
							  k->len) != NULL;
				return value_bool(ev->alloc, there);
			}
		}
		argv[0] = ref_value(ev, r, args->items[0]->span);
		argv[1] = k;
		if (!argv[0])
			return NULL;
		from = 2;
	}
	for (uint32_t i = from; i < args->len; i++) {
		argv[i] = eval(ev, &ae, args->items[i]);
		if (!argv[i])
			return NULL;
	}
	if (b) {
		struct builtin_call c = {
			.arena = ev->alloc, .sink = eval_sink(ev), .call = e,
			.args = argv, .nargs = args->len,
			.fleet_root = ev->fleet_root, .cache = ev->cache,
			.on_file = note_file, .on_file_data = ev,
			.input = ev->prog->fleet->input,
		};
		if (e->span.src && e->span.src == ev->query_src && ev->cur &&
		    ev->cur->site)
			c.base_file = ev->cur->site->node->span.src->path;
		unsigned before = eval_sink(ev)->errors;
		struct value *v = builtin_invoke(b, &c);
		if (!v && ev->cur && eval_sink(ev)->errors != before)
			ev->cur->failed = true;
		return v;
	}
	if (on_stack(ev, d) && d->recursive) {
		/* resolve_check_names reported the cycle, once for the fleet */
		if (ev->cur)
			ev->cur->failed = true;
		return NULL;
	}
	if (on_stack(ev, d)) {
		struct diag *dg = diag_new(E0510, e->span,
					   "`%s` calls itself", name);
		for (uint32_t i = 0; i < ev->nframes; i++)
			if (ev->frames[i].kind == FR_CALL)
				diag_note(dg, ev->frames[i].reached,
					  "`%s` is called here",
					  ((const struct decl *)ev->frames[i].item)->name);
		diag_help(dg, "functions are not recursive; use a "
			      "comprehension over range(n) instead");
		eval_report(ev, dg);
		return NULL;
	}
	struct scope *sc = arena_zalloc(ev->alloc,
					(args->len + 1) * sizeof(*sc));
	const struct scope *s = NULL;
	for (uint32_t i = 0; i < args->len; i++) {
		sc[i] = (struct scope){ s, d->node->u.def.params[i].name,
					SC_VALUE, d->node, .value = argv[i] };
		s = &sc[i];
	}
	struct env fe = { 0 };
	fe.scope = s;
	fe.fleet = true;
	struct span saved = ev->reach;
	ev->reach = e->span;
	struct value *v = NULL;
	if (frame_push(ev, FR_CALL, d, d->node->u.def.body->span)) {
		v = eval(ev, &fe, d->node->u.def.body);
		frame_pop(ev);
	}
	ev->reach = saved;
	return v;
}

static struct value *eval(struct evaluator *ev, const struct env *env,
			  const struct ast *e)
{
	struct value *v = NULL;

	switch (e->kind) {
	case AST_NULL:
		v = value_null(ev->alloc);
		break;
	case AST_BOOL:
		v = value_bool(ev->alloc, e->u.boolean.value);
		break;
	case AST_INT:
		v = value_int(ev->alloc, e->u.integer.value);
		break;
	case AST_FLOAT:
		v = value_float(ev->alloc, e->u.real.value);
		break;
	case AST_STRING:
		v = value_string_ref(ev->alloc, e->u.string.text,
				     e->u.string.len);
		break;
	case AST_INTERP:
		v = interpolate(ev, env, e);
		break;
	case AST_LIST: {
		struct value_builder vb;
		struct env ie = *env;
		ie.type = type_elem(env->type);
		value_build_init(&vb, ev->alloc);
		for (uint32_t i = 0; i < e->u.list.items.len; i++) {
			struct value *x = eval(ev, &ie, e->u.list.items.items[i]);
			if (!x)
				return NULL;
			value_build_push(&vb, x);
		}
		v = value_build_list(&vb);
		break;
	}
	case AST_LIST_FOR:
		v = list_for(ev, env, e);
		break;
	case AST_OBJECT:
		v = object_literal(ev, env, e, NULL, env->type);
		break;
	case AST_SUPER:
		v = super_value(ev, env, e);
		break;
	case AST_NAME:
	case AST_SELF:
	case AST_SITE_REF:
	case AST_GET:
	case AST_INDEX:
		v = ref_value(ev, eval_ref(ev, env, e), e->span);
		break;
	case AST_CALL:
		v = call(ev, env, e);
		break;
	case AST_UNARY:
	case AST_BINARY: {
		/* an operand is not the value of the path: no defaults */
		struct env oe = *env;
		oe.type = NULL;
		v = e->kind == AST_UNARY ? unary(ev, &oe, e) : binary(ev, &oe, e);
		break;
	}
	case AST_COND: {
		struct value *c = eval(ev, env, e->u.cond.cond);
		if (!c)
			return NULL;
		if (c->kind != V_BOOL) {
			eval_error_at(ev, E0504, e->u.cond.cond->span,
				      "an `if` condition must be a bool, not %s",
				      eval_a_kind(c->kind));
			return NULL;
		}
		return eval(ev, env, c->u.b ? e->u.cond.then
					    : e->u.cond.otherwise);
	}
	default:
		return NULL;
	}
	if (v && !v->expr && !v->op) {
		v->expr = e;
		v->op = env->op;
	}
	return v;
}

/* --- workers ------------------------------------------------------------ */

/* A fresh evaluator over prog: its own site arena, frames, memo and
 * buffered diagnostics; names and values in arena/names. */
static struct evaluator *evaluator_new(const struct program *prog,
				       struct diag_sink *sink,
				       const char *fleet_root)
{
	struct evaluator *ev = xmalloc(sizeof(*ev));

	memset(ev, 0, sizeof(*ev));
	ev->prog = prog;
	ev->sink = sink;
	ev->site_sink.emit = eval_buffer_emit;
	ev->fleet_root = xstrdup(fleet_root ? fleet_root : ".");
	ev->cache = builtin_cache_new();
	arena_init(&ev->site_arena);
	return ev;
}

struct evaluator *eval_fork(const struct evaluator *ev)
{
	struct evaluator *w = evaluator_new(ev->prog, ev->sink, ev->fleet_root);

	arena_init(&w->worker_arena);
	w->arena = &w->worker_arena;
	intern_init_over(&w->worker_names, &w->worker_arena, ev->names);
	w->names = &w->worker_names;
	w->alloc = w->arena;
	w->prepared = ev->prepared;
	w->prepare_ok = ev->prepare_ok;
	return w;
}

/* --- the fleet ---------------------------------------------------------- */

struct evaluator *eval_new(struct fleet *f, struct diag_sink *sink,
			   const char *fleet_root)
{
	struct program *prog = xmalloc(sizeof(*prog));

	program_init(prog, f, sink);
	struct evaluator *ev = evaluator_new(prog, sink, fleet_root);
	ev->owned = prog;
	ev->arena = &f->arena;
	ev->names = &f->names;
	ev->alloc = ev->arena;
	return ev;
}

void eval_free(struct evaluator *ev)
{
	if (!ev)
		return;
	if (ev->owned)
		eval_finish(ev);
	for (uint32_t i = 0; i < ev->npending; i++)	/* a worker's */
		diag_free(ev->pending[i].d);
	free(ev->pending);
	free(ev->pending_index);
	free(ev->frames);
	free(ev->fleet_root);
	builtin_cache_free(ev->cache);
	arena_free(&ev->site_arena);
	for (uint32_t i = 0; i < ev->nextra; i++)
		source_free(ev->extra[i]);
	if (ev->owned) {
		program_free(ev->owned);
		free(ev->owned);
	} else {
		intern_free(&ev->worker_names);
		arena_free(&ev->worker_arena);
	}
	free(ev);
}

/*
 * Gives every value inside a fleet constant's value that has no
 * provenance the constant's expression. Without it, eval would fill it in
 * on a value the sites share when a site first read it: a write to the
 * program while workers run (a data race), pointing at a statement of
 * whichever site came first.
 */
static void const_provenance(struct value *v, const struct ast *e)
{
	if (!v)
		return;
	if (!v->expr && !v->op)
		v->expr = e;
	if (v->kind == V_LIST)
		for (uint32_t i = 0; i < v->len; i++)
			const_provenance(v->u.items[i], e);
	else if (v->kind == V_OBJECT)
		for (uint32_t i = 0; i < v->len; i++)
			const_provenance(v->u.fields[i].value, e);
}

/* The trie of a chain of profiles (most specific first), shared by every
 * site that inherits exactly that chain. */
static struct trie *chain_trie(struct evaluator *ev, struct decl **parents,
			       uint32_t n)
{
	struct program *prog = ev->building;

	if (n == 0)
		return NULL;
	for (uint32_t i = 0; i < prog->ntries; i++)
		if (prog->tries[i].nparents == n &&
		    memcmp(prog->tries[i].parents, parents,
			   n * sizeof(*parents)) == 0)
			return prog->tries[i].trie;

	struct trie *t = trie_new(ev->arena, false);
	for (uint32_t k = n; k-- > 0;) {
		struct decl *p = parents[k];
		struct build b = { ev, t, NULL, p, true, NULL, false };
		build_body(&b, t->root, NULL, &p->node->u.decl.body, NULL, NULL,
			   p->node);
	}
	ARENA_RESERVE(prog->arena, prog->tries, prog->ntries, prog->tries_cap);
	prog->tries[prog->ntries].parents = parents;
	prog->tries[prog->ntries].nparents = n;
	prog->tries[prog->ntries].trie = t;
	prog->ntries++;
	return t;
}

bool eval_prepare(struct evaluator *ev)
{
	struct program *prog = ev->owned;

	if (ev->prepared || !prog)
		return ev->prepare_ok;
	ev->prepared = true;
	ev->building = prog;
	unsigned before = ev->sink->errors;
	/* After errors here, the sites whose chain is sound are still
	 * evaluated, so that one run reports every error. */
	resolve_fleet(prog);
	resolve_check_names(prog);

	/* fleet constants, once, in the fleet arena: sites only read them */
	struct site_eval fleet_se = { .index = NO_SITE };
	ev->cur = &fleet_se;
	ev->alloc = ev->arena;
	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (prog->decls[i]->kind == D_CONST)
			const_value(ev, prog->decls[i], prog->decls[i]->node->span);
	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (prog->decls[i]->kind == D_CONST)
			const_provenance(prog->decls[i]->value,
					 prog->decls[i]->node->u.bind.value);

	/* every profile's chain, so errors in unused profiles show too */
	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if (d->kind != D_PROFILE || d->mro_state != LAZY_DONE)
			continue;
		struct trie *t = chain_trie(ev, d->mro, d->nmro);
		const struct tnode *nt = trie_find(t->root, prog->n_name, 4);
		for (uint32_t k = 0; nt && k < nt->nops; k++) {
			const struct op *o = nt->ops[k];
			struct diag *dg = diag_new(E0402, o->stmt->span,
				"`name` is set by each site's declaration and "
				"cannot be set by %s", layer_text(ev, o->layer));
			diag_help(dg, "remove this statement: `site NAME` "
				      "names the site");
			eval_report(ev, dg);
		}
	}
	for (uint32_t i = 0; i < prog->nsites; i++) {
		struct decl *s = prog->sites[i];
		if (s->mro_state != LAZY_DONE || !s->site_type)
			continue;
		s->inherited = chain_trie(ev, s->mro + 1, s->nmro - 1);
		struct ast *nv = arena_zalloc(prog->arena, sizeof(*nv));
		nv->kind = AST_STRING;
		nv->span = s->node->u.decl.name.span;
		nv->u.string.text = s->name;
		nv->u.string.len = (uint32_t)strlen(s->name);
		s->name_value = nv;
	}
	ev->cur = NULL;
	ev->building = NULL;
	eval_finish(ev);
	ev->prepare_ok = ev->sink->errors == before;
	return ev->prepare_ok;
}

size_t eval_site_count(const struct evaluator *ev)
{
	return ev->prog->nsites;
}

const char *eval_site_name(const struct evaluator *ev, size_t i)
{
	return ev->prog->sites[i]->name;
}

long eval_site_find(const struct evaluator *ev, const char *name)
{
	for (uint32_t i = 0; i < ev->prog->nsites; i++)
		if (strcmp(ev->prog->sites[i]->name, name) == 0)
			return (long)i;
	return -1;
}

const char *eval_site_suggest(const struct evaluator *ev, const char *name)
{
	const char **c = xmalloc((ev->prog->nsites + 1) * sizeof(*c));
	for (uint32_t i = 0; i < ev->prog->nsites; i++)
		c[i] = ev->prog->sites[i]->name;
	const char *best = resolve_suggest(name, c, ev->prog->nsites);
	free(c);
	return best;
}

/* Starts site i: a fresh site arena, its own trie, its root slot. */
void eval_site_begin(struct evaluator *ev, size_t i)
{
	const struct decl *d = ev->prog->sites[i];

	ev->last_site = NULL;
	arena_reset(&ev->site_arena);
	ev->alloc = &ev->site_arena;
	ev->nframes = 0;
	ev->reach = (struct span){ 0 };
	struct site_eval *se = arena_zalloc(ev->alloc, sizeof(*se));
	se->site = d;
	se->index = (uint32_t)i;
	ev->cur = se;
	if (d->mro_state != LAZY_DONE || !d->site_type) {
		se->failed = true;
		return;
	}

	struct trie *t = trie_new(ev->alloc, false);
	t->below = d->inherited;
	t->next_seq = d->inherited ? d->inherited->next_seq : 2;
	se->trie = t;
	struct build b = { ev, t, d->inherited, d, true, NULL, false };

	/* `site NAME` sets name, final */
	const struct tnode *below_name =
	    d->inherited ? trie_find(d->inherited->root, ev->prog->n_name, 4)
			 : NULL;
	struct tnode *nt = trie_child(t->root, ev->prog->n_name, 4, true);
	uint32_t next = t->next_seq;
	t->next_seq = 1;	/* before every layer: `site NAME` comes first */
	add_op(&b, nt, NULL, OPK_SET, d->node, d->name_value, NULL, NULL,
	       t->root, d->node, true);
	t->next_seq = next;
	if (below_name && below_name->nops)
		se->failed = true;	/* reported by eval_prepare */
	build_body(&b, t->root, d->inherited ? d->inherited->root : NULL,
		   &d->node->u.decl.body, NULL, NULL, d->node);

	struct slot *root = arena_zalloc(ev->alloc, sizeof(*root));
	root->tn[0] = d->inherited ? d->inherited->root : NULL;
	root->tn[1] = t->root;
	root->type = d->site_type;
	root->key = "";
	se->root = root;
}

const char *const *eval_site_files(const struct evaluator *ev, size_t *n)
{
	*n = ev->last_site ? ev->last_site->nfiles : 0;
	return ev->last_site ? ev->last_site->files : NULL;
}

struct value *eval_site(struct evaluator *ev, size_t i)
{
	unsigned before = ev->site_sink.errors;

	eval_site_begin(ev, i);
	struct site_eval *se = ev->cur;
	struct value *v = NULL;
	if (se->root && !eval_slot_force(ev, se->root, &v))
		v = NULL;
	if (se->root)
		typecheck_site(ev, se->root);
	if (se->failed || ev->site_sink.errors != before)
		v = NULL;
	ev->last_site = se;
	ev->cur = NULL;
	return v;
}

struct value *eval_query(struct evaluator *ev, size_t i,
			 const struct ast *expr)
{
	if (!resolve_check_expr(ev->prog, expr))
		return NULL;
	eval_site_begin(ev, i);
	struct site_eval *se = ev->cur;
	struct value *v = NULL;
	if (!se->failed) {
		struct env e = { 0 };
		e.self_slot = se->root;
		v = eval(ev, &e, expr);
	}
	if (se->failed)
		v = NULL;
	ev->cur = NULL;
	return v;
}

struct ast *eval_parse_path(struct evaluator *ev, const char *text,
			    bool query)
{
	struct source *src = source_from_buffer(query ? "<query>" : "<path>",
						text, strlen(text));

	if (query)
		ev->query_src = src;
	struct ast *e = query
		? syntax_parse_expr(ev->arena, ev->names, src, ev->sink)
		: syntax_parse_path(ev->arena, ev->names, src, ev->sink);

	/* The path's nodes point into src: it lives as long as ev. */
	ARENA_RESERVE(ev->arena, ev->extra, ev->nextra, ev->extra_cap);
	ev->extra[ev->nextra++] = src;
	return e;
}

/* --- for explain.c --------------------------------------------------------- */

bool eval_slot_value_before(struct evaluator *ev, struct slot *s, uint32_t seq,
			    struct value **out)
{
	return force_window(ev, s, seq, out, true);
}

int eval_guard_holds(struct evaluator *ev, const struct guard *g)
{
	return guard_holds(ev, g);
}

struct value *eval_site_expr(struct evaluator *ev, const struct ast *e)
{
	struct env env = { 0 };

	env.self_slot = ev->cur->root;
	return eval(ev, &env, e);
}
