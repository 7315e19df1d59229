/*
 * typecheck.c - checking a site's final value against its type
 * (LANGUAGE.md sections 6 and 8).
 *
 * After a site is evaluated, every field of it is checked: kinds,
 * refinements (ranges, lengths, regexes, formats), literal and type
 * unions, closed records, required fields, unique lists, the keys of the
 * OS config's maps and the rules the Kubernetes API server applies to
 * names, labels, apiVersion and kind.
 *
 * The walk follows the site's slots, not just its value: a field whose
 * evaluation failed has no value, but its siblings and the fields below
 * it that did evaluate are still checked, so one run reports every error.
 *
 * Each error points where the offending value was set (its provenance:
 * the expression, or the statement that put it there), with a note for
 * the schema field it violates. An error in a profile's value is then the
 * same diagnostic in every site, and the evaluator reports it once with
 * the number of sites. A required field that no layer sets is reported at
 * the site's declaration; sites that miss the same field are reported
 * together.
 */
#include "eval_internal.h"
#include "typecheck.h"

#include "formats.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* One step of the path being checked; made into text only for errors. */
struct step {
	const char *key;	/* a key, or NULL for a list item */
	uint32_t keylen;
	uint32_t index;
	const struct type *list;	/* the item's list type (its key) */
	const struct value *item;
};

struct tc {
	struct evaluator *ev;
	const struct decl *site;
	struct step *steps;
	size_t len, cap;	/* steps */
};

/* --- where a value came from -------------------------------------------- */

static bool span_within(struct span in, struct span out)
{
	return in.src && in.src == out.src && in.start >= out.start &&
	       in.end <= out.end;
}

static struct span site_span(const struct tc *c)
{
	return c->site->node->u.decl.name.span;
}

/*
 * Where v was set: its expression, when that is inside the statement that
 * put it there (else the statement's own expression: a value computed in a
 * def or a let shows where it was used); a default's expression in the
 * schema; or the site's declaration.
 */
static struct span value_span(const struct tc *c, const struct value *v)
{
	const struct op *op = v ? v->op : NULL;

	if (v && v->expr && v->expr->span.src &&
	    (!op || !op->stmt || span_within(v->expr->span, op->stmt->span)))
		return v->expr->span;
	if (op && op->expr && op->expr->span.src)
		return op->expr->span;
	if (op && op->stmt && (op->stmt->kind == AST_SET ||
			       op->stmt->kind == AST_ADD ||
			       op->stmt->kind == AST_REMOVE) &&
	    op->stmt->u.stmt.value && op->stmt->u.stmt.value->span.src)
		return op->stmt->u.stmt.value->span;	/* an object literal */
	if (op && op->stmt && op->stmt->span.src)
		return op->stmt->span;
	/* an object made by statements below it: the first of them */
	for (uint32_t i = 0; v && v->kind == V_OBJECT && i < v->len; i++) {
		const struct value *k = v->u.fields[i].value;
		if (k->op && k->op->stmt && k->op->stmt->span.src)
			return k->op->stmt->span;
	}
	return site_span(c);
}

/* Where the key of a field was written: the path segment naming it in the
 * statement that set the value, else the value's span. */
static struct span key_span(const struct tc *c, const struct value *v,
			    const char *key, size_t keylen)
{
	const struct op *op = v ? v->op : NULL;
	const struct ast *st = op ? op->stmt : NULL;

	if (st && (st->kind == AST_SET || st->kind == AST_ADD ||
		   st->kind == AST_REMOVE || st->kind == AST_AMEND) &&
	    st->u.stmt.path) {
		const struct ast_list *segs = &st->u.stmt.path->u.path.segs;
		for (uint32_t i = segs->len; i-- > 0;) {
			const struct ast *g = segs->items[i];
			const char *name = NULL;
			size_t n = 0;
			if (g->kind == AST_SEG_NAME) {
				name = g->u.seg.name.name;
				n = strlen(name);
			} else if (g->kind == AST_SEG_KEY && g->u.seg.key &&
				   g->u.seg.key->kind == AST_STRING) {
				name = g->u.seg.key->u.string.text;
				n = g->u.seg.key->u.string.len;
			} else if (g->kind == AST_SEG_KEY &&
				   i + 1 == segs->len) {
				return g->span;	/* an interpolated key */
			}
			if (name && n == keylen && memcmp(name, key, n) == 0)
				return g->span;
		}
	}
	return value_span(c, v);
}

/* --- messages -------------------------------------------------------------- */

static const char *brief(const struct tc *c, const struct value *v)
{
	return value_brief(c->ev->alloc, v, 60);
}

/* "the string "x"", "the int 3", "a list of 2 items", "an object" */
static const char *what_value(const struct tc *c, const struct value *v)
{
	char buf[160];

	switch (v->kind) {
	case V_NULL:
		return "null";
	case V_LIST:
		snprintf(buf, sizeof(buf), "a list of %u item%s", v->len,
			 v->len == 1 ? "" : "s");
		break;
	case V_OBJECT:
		snprintf(buf, sizeof(buf), "an object");
		break;
	case V_SECRET:
		snprintf(buf, sizeof(buf), "a secret");
		break;
	default:
		snprintf(buf, sizeof(buf), "the %s %s",
			 value_kind_name(v->kind), brief(c, v));
		break;
	}
	return arena_strndup(c->ev->alloc, buf, strlen(buf));
}

static const char *type_text(const struct tc *c, const struct type *t)
{
	char buf[256];
	type_describe(t, buf, sizeof(buf));
	return arena_strndup(c->ev->alloc, buf, strlen(buf));
}

/* The path being checked, as text ("hw.nics[name = \"eth0\"].mtu"), in
 * the site arena; "the site" at the root. */
static const char *path_text(const struct tc *c)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!c->len)
		return "the site";
	for (size_t i = 0; i < c->len; i++) {
		const struct step *st = &c->steps[i];
		if (st->key) {
			eval_path_append_key(&buf, &len, &cap, st->key,
					     st->keylen);
			continue;
		}
		const char *key = type_list_key(st->list);
		const struct value *k = key && st->item->kind == V_OBJECT
			? value_get(st->item, key, strlen(key)) : NULL;
		char item[200];
		if (k && k->kind == V_STRING && k->len < 120)
			snprintf(item, sizeof(item), "[%s = %s]", key,
				 value_brief(c->ev->alloc, k, 130));
		else if (k && k->kind == V_INT)
			snprintf(item, sizeof(item), "[%s = %lld]", key,
				 (long long)k->u.i);
		else
			snprintf(item, sizeof(item), "[%u]", st->index);
		size_t n = strlen(item);
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			buf = xrealloc(buf, cap);
		}
		memcpy(buf + len, item, n + 1);
		len += n;
	}
	const char *out = arena_strndup(c->ev->alloc, buf, len);
	free(buf);
	return out;
}

static void report(struct tc *c, struct diag *d)
{
	c->ev->cur->failed = true;
	diag_emit(&c->ev->site_sink, d);
}

/* The note that names the field a value violates. */
static void field_note(struct diag *d, const struct type_field *f)
{
	if (!f || !f->node)
		return;
	char buf[256];
	const struct type *owner = f->owner;
	const char *oname = owner && owner->name
		? (strncmp(owner->name, "__", 2) == 0 ? owner->name + 2
						       : owner->name)
		: NULL;
	if (oname && strncmp(oname, "Site", 4) == 0 && owner->name[0] == '_')
		diag_note(d, f->node->span, "`%s` of every site is %s",
			  f->name, type_describe(f->type, buf, sizeof(buf)));
	else if (oname)
		diag_note(d, f->node->span, "the field `%s` of `%s` is %s",
			  f->name, oname, type_describe(f->type, buf,
							sizeof(buf)));
	else
		diag_note(d, f->node->span, "the field `%s` is %s", f->name,
			  type_describe(f->type, buf, sizeof(buf)));
}

/* --- the path --------------------------------------------------------------- */

static size_t path_push(struct tc *c, struct step st)
{
	if (c->len == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->steps = xrealloc(c->steps, c->cap * sizeof(*c->steps));
	}
	c->steps[c->len] = st;
	return c->len++;
}

static size_t path_push_key(struct tc *c, const char *key, size_t keylen)
{
	return path_push(c, (struct step){ .key = key,
					   .keylen = (uint32_t)keylen });
}

static size_t path_push_index(struct tc *c, const struct type *lt,
			      const struct value *item, uint32_t i)
{
	return path_push(c, (struct step){ .index = i, .list = lt,
					   .item = item });
}

static void path_pop(struct tc *c, size_t old)
{
	c->len = old;
}

/* --- checks --------------------------------------------------------------- */

static bool check(struct tc *c, const struct value *v, const struct type *t,
		  const struct type_field *f, bool quiet);

static size_t code_points(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xC0) != 0x80;
	return k;
}

/*
 * A range in words: "in 1..512", "at least 0", "at most 10"; with units
 * (lengths): "1 to 3 characters", "at most 1 key", "exactly 2 items".
 */
static const char *range_words(const struct tc *c, const struct type_range *r,
			       const char *unit, const char *units)
{
	char rt[96], buf[160];
	char *dots;

	type_range_text(r, rt, sizeof(rt));
	dots = strstr(rt, "..");
	*dots = 0;
	const char *lo = rt, *hi = dots + 2;
	if (!unit) {
		if (r->has_lo && r->has_hi)
			snprintf(buf, sizeof(buf), "in %s..%s", lo, hi);
		else if (r->has_lo)
			snprintf(buf, sizeof(buf), "at least %s", lo);
		else
			snprintf(buf, sizeof(buf), "at most %s", hi);
	} else if (r->has_lo && r->has_hi && r->lo == r->hi) {
		snprintf(buf, sizeof(buf), "exactly %s %s", lo,
			 r->lo == 1 ? unit : units);
	} else if (r->has_lo && r->has_hi) {
		snprintf(buf, sizeof(buf), "%s to %s %s", lo, hi, units);
	} else if (r->has_lo) {
		snprintf(buf, sizeof(buf), "at least %s %s", lo,
			 r->lo == 1 ? unit : units);
	} else {
		snprintf(buf, sizeof(buf), "at most %s %s", hi,
			 r->hi == 1 ? unit : units);
	}
	return arena_strndup(c->ev->alloc, buf, strlen(buf));
}

static bool in_range(const struct type_range *r, double d, int64_t i,
		     bool is_int)
{
	if (r->is_float || !is_int)
		return !((r->has_lo && d < (r->is_float ? r->flo
							: (double)r->lo)) ||
			 (r->has_hi && d > (r->is_float ? r->fhi
							: (double)r->hi)));
	return !((r->has_lo && i < r->lo) || (r->has_hi && i > r->hi));
}

static bool wrong_kind(struct tc *c, const struct value *v,
		       const struct type *t, const struct type_field *f,
		       bool quiet)
{
	if (quiet)
		return false;
	struct diag *d = diag_new(E0601, value_span(c, v),
				  "`%s` must be %s, not %s", path_text(c),
				  type_text(c, t), what_value(c, v));
	char *end;
	if (v->kind == V_STRING && (t->kind == T_INT || t->kind == T_FLOAT) &&
	    v->len && (strtod(v->u.str, &end), *end == 0))
		diag_help(d, "remove the quotes: %s", v->u.str);
	else if (v->kind == V_SECRET)
		diag_help(d, "a secret can stand only where a string is "
			     "expected");
	else if ((v->kind == V_INT || v->kind == V_FLOAT ||
		  v->kind == V_BOOL) && t->kind == T_STRING)
		diag_help(d, "quote it: \"%s\"", brief(c, v));
	else if (v->kind == V_FLOAT && t->kind == T_INT &&
		 v->u.f == (double)(int64_t)v->u.f && fabs(v->u.f) < 1e18)
		diag_help(d, "an int is written without a decimal point: %lld",
			  (long long)v->u.f);
	else if (v->kind == V_STRING && t->kind == T_BOOL &&
		 (strcmp(v->u.str, "true") == 0 ||
		  strcmp(v->u.str, "false") == 0))
		diag_help(d, "remove the quotes: %s", v->u.str);
	field_note(d, f);
	report(c, d);
	return false;
}

static bool check_range(struct tc *c, const struct value *v,
			const struct type *t, const struct type_field *f,
			bool quiet)
{
	const struct type_range *r = t->u.num.bounds;
	bool is_int = v->kind == V_INT;
	double d = is_int ? (double)v->u.i : v->u.f;

	if (!r || in_range(r, d, v->u.i, is_int))
		return true;
	if (quiet)
		return false;
	struct diag *dg = diag_new(E0602, value_span(c, v),
		"`%s` must be %s, but is %s", path_text(c),
		range_words(c, r, NULL, NULL), brief(c, v));
	field_note(dg, f);
	report(c, dg);
	return false;
}

static bool check_string(struct tc *c, const struct value *v,
			 const struct type *t, const struct type_field *f,
			 bool quiet)
{
	if (v->kind == V_SECRET)
		return true;	/* its text is not known here */
	if (v->kind != V_STRING)
		return wrong_kind(c, v, t, f, quiet);
	const struct type_range *r = t->u.str.len;
	if (r) {
		size_t n = code_points(v->u.str, v->len);
		if (!in_range(r, (double)n, (int64_t)n, true)) {
			if (quiet)
				return false;
			struct diag *d = diag_new(E0602, value_span(c, v),
				"`%s` must be %s long, but %s has %zu",
				path_text(c),
				range_words(c, r, "character", "characters"),
				brief(c, v), n);
			field_note(d, f);
			report(c, d);
			return false;
		}
	}
	if (t->u.str.re && regexec(t->u.str.re, v->u.str, 0, NULL, 0) != 0) {
		if (quiet)
			return false;
		struct diag *d = diag_new(E0603, value_span(c, v),
			"`%s` must match /%s/, but %s does not", path_text(c),
			t->u.str.regex, brief(c, v));
		field_note(d, f);
		report(c, d);
		return false;
	}
	if (t->u.str.format) {
		char why[200], fix[200];
		struct format_why w = { why, sizeof(why), fix, sizeof(fix) };
		fix[0] = 0;
		if (!format_valid(t->u.str.format, v->u.str, v->len, &w)) {
			if (quiet)
				return false;
			struct diag *d = diag_new(E0604, value_span(c, v),
				"`%s` must be %s %s, but %s is not: %s",
				path_text(c),
				strchr("ai", format_name(t->u.str.format)[0])
					? "an" : "a",
				format_name(t->u.str.format), brief(c, v), why);
			if (fix[0])
				diag_help(d, "did you mean \"%s\"?", fix);
			field_note(d, f);
			report(c, d);
			return false;
		}
	}
	return true;
}

/* Could v be of type a, by its kind? (Which alternatives of a union a
 * value was meant for.) */
static bool alt_fits(const struct value *v, const struct type *a)
{
	switch (v->kind) {
	case V_STRING:
	case V_SECRET:
		return a->kind == T_STRING || (a->kind == T_LITERAL &&
			a->u.literal.v && a->u.literal.v->kind == V_STRING);
	case V_INT:
	case V_FLOAT:
		return a->kind == T_INT || a->kind == T_FLOAT ||
		       (a->kind == T_LITERAL && a->u.literal.v &&
			value_is_number(a->u.literal.v));
	case V_BOOL:
		return a->kind == T_BOOL || (a->kind == T_LITERAL &&
			a->u.literal.v && a->u.literal.v->kind == V_BOOL);
	case V_OBJECT:
		return a->kind == T_RECORD || a->kind == T_MAP;
	case V_LIST:
		return a->kind == T_LIST;
	default:
		return false;
	}
}

/* The candidate closest to s: one that differs only in case first. */
static const char *closest(const char *s, const char *const *cands,
			   size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(s, cands[i]) == 0)
			return cands[i];
	return resolve_suggest(s, cands, n);
}

/* A union of literals only: "one of ..." with did-you-mean. */
static bool literal_union(const struct type *t)
{
	for (uint32_t i = 0; i < t->u.type_union.nalts; i++)
		if (t->u.type_union.alts[i]->kind != T_LITERAL)
			return false;
	return true;
}

/* "\"a\", \"b\", 3": the literals of a union of literals. */
static const char *literal_list(const struct tc *c, const struct type *t)
{
	char list[512];
	size_t k = 0;

	list[0] = 0;
	for (uint32_t i = 0; i < t->u.type_union.nalts; i++)
		k += (size_t)snprintf(list + k, k < sizeof(list)
				      ? sizeof(list) - k : 0, "%s%s",
				      i ? ", " : "",
				      type_text(c, t->u.type_union.alts[i]));
	return arena_strndup(c->ev->alloc, list, strlen(list));
}

static bool check_union(struct tc *c, const struct value *v,
			const struct type *t, const struct type_field *f,
			bool quiet)
{
	uint32_t n = t->u.type_union.nalts;

	for (uint32_t i = 0; i < n; i++)
		if (check(c, v, t->u.type_union.alts[i], f, true))
			return true;
	if (quiet)
		return false;
	/* the alternatives of the value's kind: when one is not a literal,
	 * its own error says more; string literals give the did-you-mean */
	const struct type *only = NULL;
	uint32_t same = 0, lits = 0;
	const char *cands[64];
	size_t nc = 0;
	for (uint32_t i = 0; i < n; i++) {
		const struct type *a = t->u.type_union.alts[i];
		if (!alt_fits(v, a))
			continue;
		if (a->kind != T_LITERAL) {
			only = a;
			same++;
			continue;
		}
		lits++;
		if (a->u.literal.v->kind == V_STRING && nc < 64)
			cands[nc++] = a->u.literal.v->u.str;
	}
	if (same == 1)
		return check(c, v, only, f, false);
	struct diag *d;
	if (literal_union(t))
		d = diag_new(E0605, value_span(c, v),
			"`%s` must be one of %s; not %s", path_text(c),
			literal_list(c, t), brief(c, v));
	else if (lits && v->kind == V_STRING)
		d = diag_new(E0605, value_span(c, v), "`%s` must be %s; not %s",
			path_text(c), type_text(c, t), brief(c, v));
	else
		d = diag_new(E0605, value_span(c, v),
			"`%s` must be %s; %s is none of them", path_text(c),
			type_text(c, t), what_value(c, v));
	const char *s = v->kind == V_STRING ? closest(v->u.str, cands, nc)
					    : NULL;
	if (s)
		diag_help(d, "did you mean \"%s\"?", s);
	field_note(d, f);
	report(c, d);
	return false;
}

/* --- lists and maps ------------------------------------------------------ */

static uint64_t value_hash(const struct value *v)
{
	uint64_t h = 1469598103934665603ull ^ (uint64_t)v->kind;
	switch (v->kind) {
	case V_BOOL:
		h ^= v->u.b;
		break;
	case V_INT:
		h ^= (uint64_t)v->u.i;
		break;
	case V_FLOAT:
		/* ints and floats of one number are equal: hash the number */
		if (v->u.f == (double)(int64_t)v->u.f)
			h = (1469598103934665603ull ^ V_INT) ^
			    (uint64_t)(int64_t)v->u.f;
		break;
	case V_STRING:
	case V_SECRET:
		for (uint32_t i = 0; i < v->len; i++)
			h = (h ^ (unsigned char)v->u.str[i]) * 1099511628211ull;
		break;
	case V_LIST:
		for (uint32_t i = 0; i < v->len; i++)
			h = (h ^ value_hash(v->u.items[i])) * 1099511628211ull;
		break;
	case V_OBJECT:
		/* order-insensitive, as value_equal compares objects */
		for (uint32_t i = 0; i < v->len; i++)
			h += value_hash(v->u.fields[i].value) ^
			     (uint64_t)v->u.fields[i].keylen * 31;
		break;
	default:
		break;
	}
	return h * 1099511628211ull;
}

/* A unique list: report each item equal to an earlier one. */
static bool check_unique(struct tc *c, const struct value *v,
			 const struct type_field *f, bool quiet)
{
	uint32_t cap = 16;
	while (cap < v->len * 2)
		cap *= 2;
	uint32_t *idx = calloc(cap, sizeof(*idx));
	uint64_t *hs = malloc(v->len * sizeof(*hs) + 1);
	bool ok = true;

	if (!idx || !hs)
		arena_oom();
	for (uint32_t i = 0; i < v->len; i++) {
		const struct value *x = v->u.items[i];
		hs[i] = value_hash(x);
		uint32_t j = (uint32_t)hs[i] & (cap - 1);
		for (; idx[j]; j = (j + 1) & (cap - 1)) {
			uint32_t k = idx[j] - 1;
			if (hs[k] != hs[i] || !value_equal(v->u.items[k], x))
				continue;
			ok = false;
			if (quiet)
				goto out;
			struct diag *d = diag_new(E0608, value_span(c, x),
				"`%s` is a unique list, but %s is both item "
				"%u and item %u", path_text(c), brief(c, x),
				k, i);
			diag_help(d, "remove one of them");
			field_note(d, f);
			report(c, d);
			break;
		}
		if (!idx[j])
			idx[j] = i + 1;
	}
out:
	free(idx);
	free(hs);
	return ok;
}

static bool length_ok(struct tc *c, const struct value *v,
		      const struct type *t, const struct type_field *f,
		      bool quiet)
{
	const struct type_range *r = t->u.container.len;
	if (!r || in_range(r, (double)v->len, (int64_t)v->len, true))
		return true;
	if (quiet)
		return false;
	bool list = t->kind == T_LIST;
	struct diag *d = diag_new(E0602, value_span(c, v),
		"`%s` must have %s, but has %u", path_text(c),
		range_words(c, r, list ? "item" : "key", list ? "items" : "keys"),
		v->len);
	field_note(d, f);
	report(c, d);
	return false;
}

static bool key_valid(enum type_key k, const char *s, size_t n,
		      struct format_why *w, const char **what)
{
	switch (k) {
	case KEY_ABSPATH:
		*what = "an absolute path";
		return format_valid(FMT_ABSPATH, s, n, w);
	case KEY_HOSTNAME:
		*what = "a hostname";
		return format_valid(FMT_HOSTNAME, s, n, w);
	case KEY_UNIT:
		*what = "a systemd unit name";
		return format_unit_name_valid(s, n, w);
	case KEY_FILE_NAME:
		*what = "a file name";
		return format_file_name_valid(s, n, w);
	default:
		return true;
	}
}

static bool check_map(struct tc *c, const struct value *v,
		      const struct type *t, const struct type_field *f,
		      bool quiet)
{
	bool ok = length_ok(c, v, t, f, quiet);

	for (uint32_t i = 0; i < v->len && (ok || !quiet); i++) {
		const struct value_field *fl = &v->u.fields[i];
		char why[200], fix[200];
		struct format_why w = { why, sizeof(why), fix, sizeof(fix) };
		const char *what = NULL;
		fix[0] = 0;
		if (!key_valid(t->u.container.key_format, fl->key, fl->keylen,
			       &w, &what)) {
			ok = false;
			if (quiet)
				break;
			struct diag *d = diag_new(E0611,
				key_span(c, fl->value, fl->key, fl->keylen),
				"the key %s of `%s` is not %s: %s",
				brief(c, value_string_ref(c->ev->alloc, fl->key,
							  fl->keylen)),
				path_text(c), what, why);
			if (fix[0])
				diag_help(d, "did you mean \"%s\"?", fix);
			field_note(d, f);
			report(c, d);
		}
		size_t old = path_push_key(c, fl->key, fl->keylen);
		ok &= check(c, fl->value, t->u.container.elem, f, quiet);
		path_pop(c, old);
	}
	return ok;
}

static bool check_list(struct tc *c, const struct value *v,
		       const struct type *t, const struct type_field *f,
		       bool quiet)
{
	bool ok = length_ok(c, v, t, f, quiet);

	for (uint32_t i = 0; i < v->len && (ok || !quiet); i++) {
		size_t old = path_push_index(c, t, v->u.items[i], i);
		ok &= check(c, v->u.items[i], t->u.container.elem, f, quiet);
		path_pop(c, old);
	}
	if ((ok || !quiet) && t->u.container.unique)
		ok &= check_unique(c, v, f, quiet);
	return ok;
}

/* --- records --------------------------------------------------------------- */

static void unknown_field(struct tc *c, const struct value_field *fl,
			  const struct type *t)
{
	const char *cands[256];
	size_t n = 0;
	for (uint32_t i = 0; i < t->u.record.nfields && n < 256; i++)
		cands[n++] = t->u.record.fields[i].name;
	char name[256];
	const char *tn = type_describe(t, name, sizeof(name));
	char *key = NULL;
	size_t klen = 0, kcap = 0;
	eval_path_append_key(&key, &klen, &kcap, fl->key, fl->keylen);
	struct diag *d = c->len
		? diag_new(E0606, key_span(c, fl->value, fl->key, fl->keylen),
			   "`%s` has no field `%s`", path_text(c), key)
		: diag_new(E0606, key_span(c, fl->value, fl->key, fl->keylen),
			   "schema `%s` has no field `%s`", tn, key);
	free(key);
	const char *s = resolve_suggest(fl->key, cands, n);
	if (s) {
		diag_help(d, "did you mean `%s`?", s);
	} else if (n <= 12) {
		char list[1024];
		size_t k = 0;
		list[0] = 0;
		for (size_t i = 0; i < n; i++)
			k += (size_t)snprintf(list + k, k < sizeof(list)
					      ? sizeof(list) - k : 0, "%s%s",
					      i ? ", " : "", cands[i]);
		diag_help(d, "the fields of `%s` are: %s", tn, list);
	}
	if (t->node && t->node->span.src != c->ev->prog->prelude_src)
		diag_note(d, t->node->kind == AST_SCHEMA
			  ? t->node->u.decl.name.span : t->node->span,
			  "`%s` is a closed record: it takes no other field "
			  "(`...` in it would allow any)", tn);
	report(c, d);
}

/* "set it in the site or a profile it inherits (a, b, c)": the list is
 * part of the help, so sites with the same parents are reported together */
static void help_layers(struct tc *c, struct diag *d, const char *field)
{
	char list[512];
	size_t k = 0;
	uint32_t n = 0;

	list[0] = 0;
	for (uint32_t i = 1; i < c->site->nmro; i++) {
		const struct decl *p = c->site->mro[i];
		if (p->kind != D_PROFILE)
			continue;
		if (k + strlen(p->name) + 8 >= sizeof(list)) {
			snprintf(list + k, sizeof(list) - k, ", ...");
			break;
		}
		k += (size_t)snprintf(list + k, sizeof(list) - k, "%s%s",
				      n++ ? ", " : "", p->name);
	}
	if (n)
		diag_help(d, "set `%s` in the site or in a profile it inherits "
			     "(%s), or give the field a default", field, list);
	else
		diag_help(d, "set `%s` in the site, or give the field a "
			     "default", field);
}

static void missing_field(struct tc *c, const struct value *obj,
			  const struct type_field *tf)
{
	char full[1024];
	bool root = c->len == 0;
	struct span at = root || !obj ? site_span(c) : value_span(c, obj);
	snprintf(full, sizeof(full), "%s%s%s", c->len ? path_text(c) : "",
		 c->len ? "." : "", tf->name);
	struct diag *d = diag_new(E0607, at, "required field `%s` is not set",
				  full);
	struct span ss = site_span(c);
	d->per_site = at.src == ss.src && at.start == ss.start &&
		      at.end == ss.end;
	if (root)
		help_layers(c, d, tf->name);
	else
		diag_help(d, "set `%s`, or give the field a default", full);
	field_note(d, tf);
	report(c, d);
}

static bool check_k8s(struct tc *c, const struct value *obj);

static bool check_record(struct tc *c, const struct value *v,
			 const struct type *t, const struct type_field *f,
			 bool quiet)
{
	bool ok = true;
	uint32_t required = 0;	/* required fields the value has */

	for (uint32_t i = 0; i < v->len && (ok || !quiet); i++) {
		const struct value_field *fl = &v->u.fields[i];
		const struct type_field *tf = type_field(t, fl->key);
		if (tf && !tf->optional && !field_has_default(tf))
			required++;
		if (!tf) {
			if (t->u.record.open) {
				if (t->u.record.rest) {
					size_t old = path_push_key(c, fl->key,
								   fl->keylen);
					ok &= check(c, fl->value,
						    t->u.record.rest, f, quiet);
					path_pop(c, old);
				}
				continue;
			}
			ok = false;
			if (!quiet)
				unknown_field(c, fl, t);
			continue;
		}
		size_t old = path_push_key(c, fl->key, fl->keylen);
		ok &= check(c, fl->value, tf->type, tf, quiet);
		path_pop(c, old);
	}
	uint32_t declared = 0;
	for (uint32_t i = 0; i < t->u.record.nfields; i++)
		declared += !t->u.record.fields[i].optional &&
			    !field_has_default(&t->u.record.fields[i]);
	/* only when one is missing: find which */
	for (uint32_t i = 0; required < declared && (ok || !quiet) &&
			     i < t->u.record.nfields; i++) {
		const struct type_field *tf = &t->u.record.fields[i];
		if (tf->optional || field_has_default(tf) ||
		    value_get(v, tf->name, strlen(tf->name)))
			continue;
		ok = false;
		if (!quiet)
			missing_field(c, v, tf);
	}
	if (t == c->ev->prog->k8s_object && (ok || !quiet))
		ok &= check_k8s(c, v);
	return ok;
}

/* --- Kubernetes ------------------------------------------------------------- */

typedef bool (*k8s_rule)(const char *s, size_t n, struct format_why *w);

static bool k8s_string(struct tc *c, const struct value *v, const char *what,
		       const char *kind, k8s_rule rule, struct span at)
{
	char why[200], fix[200];
	struct format_why w = { why, sizeof(why), fix, sizeof(fix) };

	if (!v || v->kind != V_STRING)
		return true;	/* absent, or reported as a wrong kind */
	fix[0] = 0;
	if (rule ? rule(v->u.str, v->len, &w)
		 : format_k8s_name_valid(kind, v->u.str, v->len, &w))
		return true;
	if (v->op || v->expr)
		at = value_span(c, v);
	struct diag *d = diag_new(E0610, at,
		"`%s` is not a valid Kubernetes %s: %s", path_text(c), what,
		why);
	if (fix[0])
		diag_help(d, "did you mean \"%s\"?", fix);
	report(c, d);
	return false;
}

/* The keys (and, for labels, values) of a labels or annotations map. */
static bool k8s_labels(struct tc *c, const struct value *m, bool labels)
{
	bool ok = true;

	if (!m || m->kind != V_OBJECT)
		return true;
	for (uint32_t i = 0; i < m->len; i++) {
		const struct value_field *fl = &m->u.fields[i];
		char why[200], fix[200];
		struct format_why w = { why, sizeof(why), fix, sizeof(fix) };
		fix[0] = 0;
		if (!format_k8s_label_key_valid(fl->key, fl->keylen, &w)) {
			struct diag *d = diag_new(E0610,
				key_span(c, fl->value, fl->key, fl->keylen),
				"%s is not a valid Kubernetes %s key in `%s`: %s",
				brief(c, value_string_ref(c->ev->alloc, fl->key,
							  fl->keylen)),
				labels ? "label" : "annotation",
				path_text(c), why);
			if (fix[0])
				diag_help(d, "did you mean \"%s\"?", fix);
			report(c, d);
			ok = false;
		}
		if (!labels)
			continue;
		size_t old = path_push_key(c, fl->key, fl->keylen);
		if (fl->value->kind != V_STRING) {
			if (fl->value->kind != V_SECRET)
				ok &= wrong_kind(c, fl->value, c->ev->prog->t_string,
						 NULL, false);
		} else {
			ok &= k8s_string(c, fl->value, "label value", NULL,
					 format_k8s_label_value_valid,
					 value_span(c, fl->value));
		}
		path_pop(c, old);
	}
	return ok;
}

static const struct value *get(const struct value *obj, const char *key)
{
	return obj && obj->kind == V_OBJECT ? value_get(obj, key, strlen(key))
					     : NULL;
}

/* Walks the open part of a Kubernetes object for the labels of pod
 * templates and label selectors. */
static bool k8s_walk(struct tc *c, const struct value *v, int depth)
{
	bool ok = true;

	if (depth > 64)
		return true;
	if (v->kind == V_LIST) {
		for (uint32_t i = 0; i < v->len; i++) {
			size_t old = path_push_index(c, NULL, v->u.items[i], i);
			ok &= k8s_walk(c, v->u.items[i], depth + 1);
			path_pop(c, old);
		}
		return ok;
	}
	if (v->kind != V_OBJECT)
		return true;
	for (uint32_t i = 0; i < v->len; i++) {
		const struct value_field *fl = &v->u.fields[i];
		if (fl->value->kind != V_OBJECT && fl->value->kind != V_LIST)
			continue;
		size_t old = path_push_key(c, fl->key, fl->keylen);
		if (fl->key[0] == 'm' && strcmp(fl->key, "metadata") == 0) {
			size_t o2 = path_push_key(c, "labels", 6);
			ok &= k8s_labels(c, get(fl->value, "labels"), true);
			path_pop(c, o2);
			o2 = path_push_key(c, "annotations", 11);
			ok &= k8s_labels(c, get(fl->value, "annotations"), false);
			path_pop(c, o2);
		} else if (fl->key[0] == 'm' &&
			   strcmp(fl->key, "matchLabels") == 0) {
			ok &= k8s_labels(c, fl->value, true);
		} else {
			ok &= k8s_walk(c, fl->value, depth + 1);
		}
		path_pop(c, old);
	}
	return ok;
}

/* The rules of the API server for a whole object (its fields' kinds are
 * checked by the record type). */
static bool check_k8s(struct tc *c, const struct value *obj)
{
	const struct value *kind = get(obj, "kind");
	const struct value *meta = get(obj, "metadata");
	const char *k = kind && kind->kind == V_STRING ? kind->u.str : NULL;
	bool ok = true;
	size_t old;
	/* a defaulted name has no place of its own: the handle's */
	const struct step *h = c->len ? &c->steps[c->len - 1] : NULL;
	struct span at = h && h->key ? key_span(c, obj, h->key, h->keylen)
				     : value_span(c, obj);

	old = path_push_key(c, "apiVersion", 10);
	ok &= k8s_string(c, get(obj, "apiVersion"), "apiVersion", NULL,
			 format_k8s_api_version_valid, at);
	path_pop(c, old);
	old = path_push_key(c, "kind", 4);
	ok &= k8s_string(c, kind, "kind", NULL, format_k8s_kind_valid, at);
	path_pop(c, old);
	old = path_push_key(c, "metadata", 8);
	size_t o2 = path_push_key(c, "name", 4);
	ok &= k8s_string(c, get(meta, "name"),
			 k && strcmp(k, "Namespace") == 0 ? "namespace name" :
			 k && strcmp(k, "Service") == 0 ? "service name"
							: "object name",
			 k, NULL, at);
	path_pop(c, o2);
	o2 = path_push_key(c, "namespace", 9);
	ok &= k8s_string(c, get(meta, "namespace"), "namespace", NULL,
			 format_k8s_namespace_valid, at);
	path_pop(c, o2);
	o2 = path_push_key(c, "labels", 6);
	ok &= k8s_labels(c, get(meta, "labels"), true);
	path_pop(c, o2);
	o2 = path_push_key(c, "annotations", 11);
	ok &= k8s_labels(c, get(meta, "annotations"), false);
	path_pop(c, o2);
	path_pop(c, old);
	for (uint32_t i = 0; i < obj->len; i++) {
		const struct value_field *fl = &obj->u.fields[i];
		if (strcmp(fl->key, "metadata") == 0)
			continue;
		old = path_push_key(c, fl->key, fl->keylen);
		ok &= k8s_walk(c, fl->value, 0);
		path_pop(c, old);
	}
	return ok;
}

/* --- one value ---------------------------------------------------------- */

static bool check(struct tc *c, const struct value *v, const struct type *t,
		  const struct type_field *f, bool quiet)
{
	if (!t || !v)
		return true;
	switch (t->kind) {
	case T_ANY:
	case T_K8S:
		return true;
	case T_BOOL:
		return v->kind == V_BOOL || wrong_kind(c, v, t, f, quiet);
	case T_INT:
		if (v->kind != V_INT)
			return wrong_kind(c, v, t, f, quiet);
		return check_range(c, v, t, f, quiet);
	case T_FLOAT:
		if (v->kind != V_INT && v->kind != V_FLOAT)
			return wrong_kind(c, v, t, f, quiet);
		return check_range(c, v, t, f, quiet);
	case T_STRING:
		return check_string(c, v, t, f, quiet);
	case T_LITERAL:
		if (t->u.literal.v && v->kind == t->u.literal.v->kind &&
		    value_equal(v, t->u.literal.v))
			return true;
		if (quiet)
			return false;
		{
			struct diag *d = diag_new(E0605, value_span(c, v),
				"`%s` must be %s, not %s", path_text(c),
				type_text(c, t), what_value(c, v));
			field_note(d, f);
			report(c, d);
		}
		return false;
	case T_UNION:
		return check_union(c, v, t, f, quiet);
	case T_LIST:
		if (v->kind != V_LIST)
			return wrong_kind(c, v, t, f, quiet);
		return check_list(c, v, t, f, quiet);
	case T_MAP:
		if (v->kind != V_OBJECT)
			return wrong_kind(c, v, t, f, quiet);
		return check_map(c, v, t, f, quiet);
	case T_RECORD:
		if (v->kind != V_OBJECT)
			return wrong_kind(c, v, t, f, quiet);
		return check_record(c, v, t, f, quiet);
	}
	return true;
}

/* --- the walk over slots ---------------------------------------------------- */

/* A slot whose value failed: check what below it did evaluate. */
static void walk_slot(struct tc *c, const struct slot *s, const struct type *t,
		      const struct type_field *f)
{
	if (s->state == SLOT_DONE) {
		if (s->value)
			check(c, s->value, t, f, false);
		return;
	}
	for (uint32_t i = 0; i < s->nkids; i++) {
		const struct slot *k = s->kids[i];
		const struct type_field *kf;
		const struct type *kt = type_child(t, k->key, &kf);
		if (t && t->kind == T_RECORD && !kf && !t->u.record.open &&
		    k->state == SLOT_DONE && k->value) {
			struct value_field fl = { k->key, k->keylen, k->value };
			unknown_field(c, &fl, t);
			continue;
		}
		size_t old = path_push_key(c, k->key, k->keylen);
		walk_slot(c, k, kt, kf ? kf : (t && t->kind == T_RECORD)
					  ? NULL : f);
		path_pop(c, old);
	}
	/* its keys were all listed (nkids): a required one may be missing */
	if (!t || t->kind != T_RECORD || !s->nkids || s->base)
		return;
	for (uint32_t i = 0; i < t->u.record.nfields; i++) {
		const struct type_field *tf = &t->u.record.fields[i];
		if (tf->optional || field_has_default(tf))
			continue;
		uint32_t k = 0;
		while (k < s->nkids && !(s->kids[k]->key == tf->name ||
					 strcmp(s->kids[k]->key, tf->name) == 0))
			k++;
		if (k == s->nkids || (s->kids[k]->state == SLOT_DONE &&
				      !s->kids[k]->value))
			missing_field(c, s->fold.v, tf);
	}
}

void typecheck_site(struct evaluator *ev, struct slot *root)
{
	struct tc c = { ev, ev->cur->site, NULL, 0, 0 };

	if (!root)
		return;
	walk_slot(&c, root, root->type, NULL);
	free(c.steps);
}
