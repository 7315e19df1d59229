/*
 * explain.c - `sitec explain SITE [PATH]`: a value and where it came from.
 *
 * Collects the final value at PATH, then every statement that set it or
 * something under it, most specific (the last applied) first: the layer
 * (site or profile), the location, the operator, the statement's source
 * line and, for a statement on PATH itself, the value it replaced. A
 * statement whose `if` did not hold is listed as skipped; a schema
 * default is listed last, as the bottom layer. explain_collect gathers
 * all of it into a struct explanation; explain_print then writes it.
 */
#include "eval_internal.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

static const char *op_name(const struct op *op)
{
	switch (op->kind) {
	case OPK_SET: return op->final ? "final =" : "=";
	case OPK_RESET: return op->final ? "final = { }" : "= { }";
	case OPK_AMEND: return "{ }";
	case OPK_ADD: return "+=";
	case OPK_REMOVE: return "-=";
	case OPK_PATCH: return "[selector]";
	case OPK_BASE: return "base";
	}
	return "?";
}

/* Collects the ops at s and below it with seq in (lo, end). */
static void collect(const struct tnode *t, uint32_t lo,
		    const struct op ***ops, uint32_t *n, uint32_t *cap,
		    struct arena *a)
{
	if (!t)
		return;
	for (uint32_t i = 0; i < t->nops; i++)
		if (t->ops[i]->seq > lo) {
			ARENA_RESERVE(a, *ops, *n, *cap);
			(*ops)[(*n)++] = t->ops[i];
		}
	for (uint32_t i = 0; i < t->nkids; i++)
		collect(t->kids[i], lo, ops, n, cap, a);
}

static int by_seq_desc(const void *a, const void *b)
{
	const struct op *x = *(const struct op *const *)a;
	const struct op *y = *(const struct op *const *)b;
	return x->seq < y->seq ? 1 : x->seq > y->seq ? -1 : 0;
}

static void print_value(FILE *out, const struct value *v)
{
	if (!v) {
		fputs("(unset)\n", out);
		return;
	}
	char *text = value_to_json_text(v, 2);
	fprintf(out, "%s\n", text);
	free(text);
}

static void print_where(FILE *out, struct span sp)
{
	uint32_t line, col;

	if (!sp.src) {
		fputs("(built in)", out);
		return;
	}
	source_position(sp.src, sp.start, &line, &col);
	fprintf(out, "%s:%u:%u", sp.src->path, line, col);
}

static void print_source_line(FILE *out, struct span sp)
{
	uint32_t line, col;
	size_t len;

	if (!sp.src || sp.src->unread)
		return;
	source_position(sp.src, sp.start, &line, &col);
	const char *text = source_line(sp.src, line, &len);
	while (len && (*text == ' ' || *text == '\t')) {
		text++;
		len--;
	}
	if (len > 100)
		len = 100;
	fprintf(out, "      | %.*s\n", (int)len, text);
}

/* One statement that set the value or something under it. */
struct explain_layer {
	const struct op *op;
	bool holds;		/* its `if` holds */
	const char *at;		/* a statement below the path: its path */
	/* at the path, when it holds: what it replaced */
	bool has_before;
	bool before_failed;	/* computing it failed: the listing ends */
	struct value *before;
	const char *before_text;	/* before in brief, or NULL: unset */
};

/* What `sitec explain` shows, collected before anything is printed. */
struct explanation {
	const char *site;
	const char *shown;		/* the path as written ("" for none) */
	bool has_path;
	struct value *value;		/* NULL: (unset) */
	const char *whole;		/* the path is inside this path's value */
	struct explain_layer *layers;	/* most specific first */
	uint32_t nlayers;
	bool nothing_sets;
	bool incomplete;		/* an error cut the layers short */
	/* the bottom layer: a schema default... */
	const struct type_field *dflt;
	const char *handle;		/* ...that is the object's key */
	/* ...or the value came whole with an ancestor's */
	bool from_ancestor;
	const char *ancestor;		/* its path */
	const struct op *ancestor_op;	/* the statement that set it, or NULL */
};

/* The steps of a path to explain: keys, and selectors by field. */
struct explain_steps {
	const char *keys[PATH_MAX_DEPTH];
	uint32_t lens[PATH_MAX_DEPTH];
	const struct ast *sel[PATH_MAX_DEPTH];	/* the value of [f = v] */
	size_t n;
};

/* a.b."c"[name = "x"].d as steps; false (reported) on a computed key. */
static bool explain_steps(struct evaluator *ev, const struct ast *path,
			  struct explain_steps *st)
{
	st->n = 0;
	for (uint32_t j = 0; path && j < path->u.path.segs.len &&
			     st->n < PATH_MAX_DEPTH; j++) {
		const struct ast *seg = path->u.path.segs.items[j];
		size_t n = st->n;
		st->sel[n] = NULL;
		if (seg->kind == AST_SEG_NAME || seg->kind == AST_SEG_SELECT) {
			st->keys[n] = seg->u.seg.name.name;
			st->lens[n] = (uint32_t)strlen(st->keys[n]);
			if (seg->kind == AST_SEG_SELECT)
				st->sel[n] = seg->u.seg.key;
		} else if (seg->u.seg.key->kind == AST_STRING) {
			st->keys[n] = seg->u.seg.key->u.string.text;
			st->lens[n] = seg->u.seg.key->u.string.len;
		} else {
			struct diag *d = diag_new(E0201, seg->span,
				"a path to explain has no computed keys");
			diag_help(d, "write the key as it is: "
				     "os.sysctl.\"vm.swappiness\"");
			diag_emit(ev->sink, d);
			return false;
		}
		st->n++;
	}
	return true;
}

/* Follows the rest of the path inside the value *v: keys and selectors.
 * False after an error (reported). */
static bool explain_inside(struct evaluator *ev, const struct ast *path,
			   const struct explain_steps *st, size_t k,
			   struct value **v)
{
	const struct site_eval *se = ev->cur;

	for (size_t r = k; r < st->n && *v; r++) {
		const char *key = st->keys[r];
		uint32_t len = st->lens[r];
		if (!st->sel[r]) {
			struct value *f = (*v)->kind == V_OBJECT
				? value_get(*v, key, len) : NULL;
			if (!f) {
				struct diag *d = (*v)->kind == V_OBJECT
					? diag_new(E0508, path->span,
						   "site %s has no field `%.*s` there",
						   se->site->name, (int)len, key)
					: diag_new(E0407, path->span,
						   "`%.*s` is looked up in a value that is "
						   "not an object (%s)", (int)len,
						   key, value_kind_name((*v)->kind));
				if ((*v)->kind == V_LIST)
					diag_help(d, "pick one element with a selector: "
						     "[name = \"...\"]");
				else if ((*v)->kind == V_OBJECT) {
					const char **c = arena_alloc(ev->alloc,
						((*v)->len + 1) * sizeof(*c));
					for (uint32_t j = 0; j < (*v)->len; j++)
						c[j] = (*v)->u.fields[j].key;
					const char *best =
					    resolve_suggest(key, c, (*v)->len);
					if (best)
						diag_help(d, "did you mean `%s`?", best);
				}
				diag_emit(ev->sink, d);
				return false;
			}
			*v = f;
			continue;
		}
		struct value *want = eval_site_expr(ev, st->sel[r]);
		if (!want)
			return false;
		struct value *found = NULL;
		uint32_t matches = 0;
		for (uint32_t j = 0; (*v)->kind == V_LIST && j < (*v)->len; j++) {
			struct value *e = (*v)->u.items[j];
			struct value *f = e->kind == V_OBJECT
				? value_get(e, key, len) : NULL;
			if (f && value_equal(f, want)) {
				found = e;
				matches++;
			}
		}
		if (matches != 1) {
			struct diag *d = diag_new(matches ? E0404 : E0403,
				st->sel[r]->span, "the selector [%s = %s] matches %s",
				key, value_brief(ev->alloc, want, 60),
				matches ? "more than one element" : "no element");
			diag_emit(ev->sink, d);
			return false;
		}
		*v = found;
	}
	return true;
}

/* E0508 for a path that nothing could ever set, with a did-you-mean. */
static void explain_no_such(struct evaluator *ev, const struct ast *path,
			    const struct explain_steps *st,
			    const struct slot *s, const char *shown)
{
	struct diag *d = diag_new(E0508, path ? path->span : (struct span){ 0 },
				  "site %s has no `%s`", ev->cur->site->name,
				  shown);
	const char **c = NULL;
	uint32_t nc = 0, cc = 0;
	const struct slot *p = s->parent;
	for (int t = 0; p && t < 2; t++)
		for (uint32_t j = 0; p->tn[t] && j < p->tn[t]->nkids; j++) {
			ARENA_RESERVE(ev->alloc, c, nc, cc);
			c[nc++] = p->tn[t]->kids[j]->key;
		}
	for (uint32_t j = 0; p && p->type && p->type->kind == T_RECORD &&
			     j < p->type->u.record.nfields; j++) {
		ARENA_RESERVE(ev->alloc, c, nc, cc);
		c[nc++] = p->type->u.record.fields[j].name;
	}
	const char *best = resolve_suggest(st->keys[st->n - 1], c, nc);
	if (best)
		diag_help(d, "did you mean `%s`?", best);
	diag_emit(ev->sink, d);
}

/* The statements at s and below it, newest first, and the bottom layer.
 * An error stops the list there (x->incomplete). */
static void explain_layers(struct evaluator *ev, struct slot *s,
			   struct explanation *x)
{
	const struct op **ops = NULL;
	uint32_t n = 0, cap = 0;
	for (int t = 0; t < 2; t++)
		collect(s->tn[t], s->lo, &ops, &n, &cap, ev->alloc);
	if (n > 1)
		qsort(ops, n, sizeof(*ops), by_seq_desc);
	x->nothing_sets = n == 0 &&
		!(s->field && field_has_default(s->field)) && !s->base;
	x->layers = arena_zalloc(ev->alloc, (n + 1) * sizeof(*x->layers));
	for (uint32_t j = 0; j < n; j++) {
		const struct op *op = ops[j];
		int holds = eval_guard_holds(ev, op->guard);
		if (holds < 0) {
			x->incomplete = true;
			return;
		}
		struct explain_layer *l = &x->layers[x->nlayers++];
		l->op = op;
		l->holds = holds;
		l->at = op->at == s->tn[0] || op->at == s->tn[1]
			    ? NULL
			    : eval_tnode_path(ev, op->at);
		if (!l->at && holds && op->kind != OPK_AMEND) {
			l->has_before = true;
			if (!eval_slot_value_before(ev, s, op->seq,
						    &l->before)) {
				l->before_failed = true;
				x->incomplete = true;
				return;
			}
			if (l->before)
				l->before_text = value_brief(ev->alloc, l->before,
							     200);
		}
	}
	if (s->field && s->field->dflt_handle) {
		x->dflt = s->field;
		x->handle = s->parent && s->parent->parent
			? s->parent->parent->key : "";
	} else if (s->field && field_has_default(s->field)) {
		x->dflt = s->field;
	}
	if (s->base) {
		/* the value came whole with an ancestor's: say which statement */
		const struct slot *a = s->parent;
		while (a && !(a->fold.v && a->fold.op))
			a = a->parent;
		x->from_ancestor = true;
		x->ancestor = a		  ? eval_slot_path(ev, a)
			      : s->parent ? eval_slot_path(ev, s->parent)
					  : "the site";
		x->ancestor_op = a ? a->fold.op : NULL;
	}
}

/*
 * Collects the explanation of path in site i into x. Returns 0, 1 after
 * errors (reported; x holds what was collected before the first error
 * that came after the value was known, x->site NULL when it was not), or
 * 2 when path is not a path.
 */
static int explain_collect(struct evaluator *ev, size_t i,
			   const struct ast *path, struct explanation *x)
{
	struct explain_steps st;

	memset(x, 0, sizeof(*x));
	if (!explain_steps(ev, path, &st))
		return 2;

	eval_site_begin(ev, i);
	struct site_eval *se = ev->cur;
	struct slot *s = se->root;
	struct value *v = NULL;
	size_t k = 0;
	if (se->failed)
		return 1;
	for (; k < st.n && !st.sel[k]; k++) {
		if (!eval_slot_fold(ev, s))
			return 1;
		if (s->fold.kind != F_OBJECT)
			break;
		s = eval_slot_kid(ev, s, st.keys[k], st.lens[k]);
	}
	if (!eval_slot_force(ev, s, &v) ||
	    !explain_inside(ev, path, &st, k, &v))
		return 1;

	const char *shown = path ? arena_strndup(ev->alloc,
		path->span.src->text + path->span.start,
		path->span.end - path->span.start) : "";
	if (!v && k == st.n && !s->field && !s->base &&
	    !(s->tn[0] && s->tn[0]->nseqs) && !(s->tn[1] && s->tn[1]->nseqs)) {
		/* nothing could ever set it: a typo, most likely */
		explain_no_such(ev, path, &st, s, shown);
		return 1;
	}
	x->site = se->site->name;
	x->shown = shown;
	x->has_path = st.n > 0;
	x->value = v;
	x->whole = k < st.n ? eval_slot_path(ev, s) : NULL;
	explain_layers(ev, s, x);
	return x->incomplete ? 1 : 0;
}

static void print_layer_name(FILE *out, const struct op *op)
{
	fprintf(out, "%s", op->layer ? (op->layer->kind == D_SITE
					? "site " : "profile ") : "");
	fprintf(out, "%s", op->layer ? op->layer->name : "(object)");
}

/* Writes x as `sitec explain` shows it (as far as it goes when it is
 * incomplete). */
static void explain_print(FILE *out, const struct explanation *x)
{
	fprintf(out, "site %s%s%s\n", x->site, x->has_path ? ", " : "",
		x->shown);
	print_value(out, x->value);
	if (x->whole)
		fprintf(out, "\n`%s` is inside the value of `%s`, set as a whole:\n",
			x->shown, x->whole);

	fprintf(out, "\nset by, most specific first:\n");
	if (x->nothing_sets)
		fprintf(out, "  (nothing sets it)\n");
	for (uint32_t j = 0; j < x->nlayers; j++) {
		const struct explain_layer *l = &x->layers[j];
		const struct op *op = l->op;
		struct span sp = op->stmt ? op->stmt->span : (struct span){ 0 };
		fprintf(out, "  ");
		print_layer_name(out, op);
		fprintf(out, "  ");
		print_where(out, sp);
		fprintf(out, "  %s%s%s%s\n", l->at ? l->at : "", l->at ? " " : "",
			op_name(op), l->holds ? "" : "  (skipped: its `if` branch "
						     "is not taken)");
		print_source_line(out, sp);
		if (l->before_failed)
			return;
		if (l->has_before)
			fprintf(out, "      before: %s\n",
				l->before_text ? l->before_text : "(unset)");
	}
	if (x->incomplete)
		return;
	if (x->dflt && x->handle) {
		fprintf(out, "  default of `%s`: the key of the object, `%s`\n",
			x->dflt->name, x->handle);
	} else if (x->dflt) {
		fprintf(out, "  default of `%s`  ", x->dflt->name);
		print_where(out, x->dflt->node->span);
		fprintf(out, "\n");
		print_source_line(out, x->dflt->node->span);
	}
	if (x->from_ancestor && x->ancestor_op) {
		const struct op *op = x->ancestor_op;
		fprintf(out, "  as part of `%s`: ", x->ancestor);
		print_layer_name(out, op);
		fprintf(out, "  ");
		print_where(out, op->stmt->span);
		fprintf(out, "  %s\n", op_name(op));
		print_source_line(out, op->stmt->span);
	} else if (x->from_ancestor) {
		fprintf(out, "  as part of `%s`\n", x->ancestor);
	}
}

int eval_explain(struct evaluator *ev, size_t i, const struct ast *path,
		 FILE *out)
{
	struct explanation x;
	int rc = explain_collect(ev, i, path, &x);

	if (x.site)
		explain_print(out, &x);
	ev->cur = NULL;
	return rc;
}
