/*
 * explain.c - `sitec explain SITE [PATH]`: a value and where it came from.
 *
 * Prints the final value at PATH, then every statement that set it or
 * something under it, most specific (the last applied) first: the layer
 * (site or profile), the location, the operator, the statement's source
 * line and, for a statement on PATH itself, the value it replaced. A
 * statement whose `if` did not hold is listed as skipped; a schema
 * default is listed last, as the bottom layer.
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

/* Which guard of op does not hold (1 all hold, 0 one does not, -1 error). */
static int op_holds(struct evaluator *ev, const struct op *op);

int eval_explain(struct evaluator *ev, size_t i, const struct ast *path,
		 FILE *out)
{
	const char *keys[PATH_MAX_DEPTH];
	uint32_t lens[PATH_MAX_DEPTH];
	const struct ast *sel[PATH_MAX_DEPTH];	/* the value of [f = v] */
	size_t nkeys = 0;

	/* a.b."c"[name = "x"].d as steps: keys, and selectors by field */
	for (uint32_t j = 0; path && j < path->u.path.segs.len &&
			     nkeys < PATH_MAX_DEPTH; j++) {
		const struct ast *seg = path->u.path.segs.items[j];
		sel[nkeys] = NULL;
		if (seg->kind == AST_SEG_NAME || seg->kind == AST_SEG_SELECT) {
			keys[nkeys] = seg->u.seg.name.name;
			lens[nkeys] = (uint32_t)strlen(keys[nkeys]);
			if (seg->kind == AST_SEG_SELECT)
				sel[nkeys] = seg->u.seg.key;
		} else if (seg->u.seg.key->kind == AST_STRING) {
			keys[nkeys] = seg->u.seg.key->u.string.text;
			lens[nkeys] = seg->u.seg.key->u.string.len;
		} else {
			struct diag *d = diag_new(E0201, seg->span,
				"a path to explain has no computed keys");
			diag_help(d, "write the key as it is: "
				     "os.sysctl.\"vm.swappiness\"");
			diag_emit(ev->sink, d);
			return 2;
		}
		nkeys++;
	}

	eval_site_begin(ev, i);
	struct site_eval *se = ev->cur;
	struct slot *s = se->root;
	struct value *v = NULL;
	size_t k = 0;
	if (se->failed)
		goto fail;
	for (; k < nkeys && !sel[k]; k++) {
		if (!slot_fold(ev, s))
			goto fail;
		if (s->fold.kind != F_OBJECT)
			break;
		s = slot_kid(ev, s, keys[k], lens[k]);
	}
	if (!slot_force(ev, s, &v))
		goto fail;
	/* the rest of the path inside a value: keys and selectors */
	for (size_t r = k; r < nkeys && v; r++) {
		if (!sel[r]) {
			struct value *f = v->kind == V_OBJECT
				? value_get(v, keys[r], lens[r]) : NULL;
			if (!f) {
				struct diag *d = v->kind == V_OBJECT
					? diag_new(E0508, path->span,
						   "site %s has no field `%.*s` there",
						   se->site->name, (int)lens[r], keys[r])
					: diag_new(E0407, path->span,
						   "`%.*s` is looked up in a value that is "
						   "not an object (%s)", (int)lens[r],
						   keys[r], value_kind_name(v->kind));
				if (v->kind == V_LIST)
					diag_help(d, "pick one element with a selector: "
						     "[name = \"...\"]");
				else if (v->kind == V_OBJECT) {
					const char **c = arena_alloc(ev->alloc,
						(v->len + 1) * sizeof(*c));
					for (uint32_t j = 0; j < v->len; j++)
						c[j] = v->u.fields[j].key;
					const char *best = suggest(keys[r], c, v->len);
					if (best)
						diag_help(d, "did you mean `%s`?", best);
				}
				diag_emit(ev->sink, d);
				goto fail;
			}
			v = f;
			continue;
		}
		struct value *want = eval_site_expr(ev, sel[r]);
		if (!want)
			goto fail;
		struct value *found = NULL;
		uint32_t matches = 0;
		for (uint32_t j = 0; v->kind == V_LIST && j < v->len; j++) {
			struct value *e = v->u.items[j];
			struct value *f = e->kind == V_OBJECT
				? value_get(e, keys[r], lens[r]) : NULL;
			if (f && value_equal(f, want)) {
				found = e;
				matches++;
			}
		}
		if (matches != 1) {
			struct diag *d = diag_new(matches ? E0404 : E0403,
				sel[r]->span, "the selector [%s = %s] matches %s",
				keys[r], value_brief(ev->alloc, want, 60),
				matches ? "more than one element" : "no element");
			diag_emit(ev->sink, d);
			goto fail;
		}
		v = found;
	}

	const char *shown = path ? arena_strndup(ev->alloc,
		path->span.src->text + path->span.start,
		path->span.end - path->span.start) : "";
	if (!v && k == nkeys && !s->field && !s->base &&
	    !(s->tn[0] && s->tn[0]->nseqs) && !(s->tn[1] && s->tn[1]->nseqs)) {
		/* nothing could ever set it: a typo, most likely */
		struct diag *d = diag_new(E0508,
			path ? path->span : (struct span){ 0 },
			"site %s has no `%s`", se->site->name, shown);
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
		const char *best = suggest(keys[nkeys - 1], c, nc);
		if (best)
			diag_help(d, "did you mean `%s`?", best);
		diag_emit(ev->sink, d);
		goto fail;
	}
	fprintf(out, "site %s%s%s\n", se->site->name, nkeys ? ", " : "", shown);
	if (!v && k == nkeys && s->field)
		fprintf(out, "(unset)\n");
	else
		print_value(out, v);
	if (k < nkeys)
		fprintf(out, "\n`%s` is inside the value of `%s`, set as a whole:\n",
			shown, slot_path(ev, s));

	/* the statements, newest first */
	const struct op **ops = NULL;
	uint32_t n = 0, cap = 0;
	for (int t = 0; t < 2; t++)
		collect(s->tn[t], s->lo, &ops, &n, &cap, ev->alloc);
	if (n > 1)
		qsort(ops, n, sizeof(*ops), by_seq_desc);
	fprintf(out, "\nset by, most specific first:\n");
	if (n == 0 && !(s->field && field_has_default(s->field)) && !s->base)
		fprintf(out, "  (nothing sets it)\n");
	for (uint32_t j = 0; j < n; j++) {
		const struct op *op = ops[j];
		int holds = op_holds(ev, op);
		if (holds < 0)
			goto fail;
		const char *at = op->at == s->tn[0] || op->at == s->tn[1]
			? NULL : tnode_path_text(ev, op->at);
		fprintf(out, "  %s", op->layer ? (op->layer->kind == D_SITE
						  ? "site " : "profile ") : "");
		fprintf(out, "%s  ", op->layer ? op->layer->name : "(object)");
		print_where(out, op->stmt ? op->stmt->span : (struct span){ 0 });
		fprintf(out, "  %s%s%s%s\n", at ? at : "", at ? " " : "",
			op_name(op), holds ? "" : "  (skipped: its `if` branch is "
						  "not taken)");
		print_source_line(out, op->stmt ? op->stmt->span
						: (struct span){ 0 });
		if (!at && holds && op->kind != OPK_AMEND) {
			struct value *before;
			if (!slot_value_before(ev, s, op->seq, &before))
				goto fail;
			fprintf(out, "      before: %s\n",
				before ? value_brief(ev->alloc, before, 200)
				       : "(unset)");
		}
	}
	if (s->field && s->field->dflt_handle) {
		fprintf(out, "  default of `%s`: the key of the object, `%s`\n",
			s->field->name, s->parent && s->parent->parent
				? s->parent->parent->key : "");
	} else if (s->field && field_has_default(s->field)) {
		fprintf(out, "  default of `%s`  ", s->field->name);
		print_where(out, s->field->node->span);
		fprintf(out, "\n");
		print_source_line(out, s->field->node->span);
	}
	if (s->base) {
		/* the value came whole with an ancestor's: say which statement */
		const struct slot *a = s->parent;
		while (a && !(a->fold.v && a->fold.op))
			a = a->parent;
		if (a) {
			const struct op *op = a->fold.op;
			fprintf(out, "  as part of `%s`: %s%s  ", slot_path(ev, a),
				op->layer ? (op->layer->kind == D_SITE ? "site "
								       : "profile ")
					  : "",
				op->layer ? op->layer->name : "(object)");
			print_where(out, op->stmt->span);
			fprintf(out, "  %s\n", op_name(op));
			print_source_line(out, op->stmt->span);
		} else {
			fprintf(out, "  as part of `%s`\n",
				s->parent ? slot_path(ev, s->parent) : "the site");
		}
	}
	ev->cur = NULL;
	return 0;
fail:
	ev->cur = NULL;
	return 1;
}

static int op_holds(struct evaluator *ev, const struct op *op)
{
	return eval_guard_holds(ev, op->guard);
}
