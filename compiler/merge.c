/*
 * merge.c - combining values (LANGUAGE.md sections 4 and 6): += and -=,
 * the deep merge of an amend, lists keyed by a field merged by key (and
 * checked for two elements of one key), and arithmetic.
 *
 * These are leaves of the evaluator: they take values already computed
 * and report through eval_report; nothing here evaluates an expression.
 */
#include "eval_internal.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* A value of a keyed list type must not hold two elements of one key. */
bool merge_check_keyed(struct evaluator *ev, const struct value *v,
		       const struct type *t, struct span span,
		       const char *what, const struct slot *s)
{
	const char *key = type_list_key(t);

	if (!key || !v || v->kind != V_LIST)
		return true;
	size_t klen = strlen(key);
	for (uint32_t i = 0; i < v->len; i++) {
		const struct value *a = v->u.items[i]->kind == V_OBJECT
			? value_get(v->u.items[i], key, klen) : NULL;
		if (!a)
			continue;
		for (uint32_t j = 0; j < i; j++) {
			if (type_same_key(t, v->u.items[i], v->u.items[j])) {
				struct diag *d = diag_new(
				    E0406, span,
				    "%s holds two elements with %s = %s",
				    s ? eval_slot_path(ev, s) : what, key,
				    eval_brief(ev, a));
				diag_help(d, "a list keyed by `%s` has one element "
					     "per %s; use += to merge into the "
					     "existing one", key, key);
				eval_report(ev, d);
				return false;
			}
		}
	}
	return true;
}

static struct value *float_result(struct evaluator *ev, double d,
				  struct span span)
{
	if (!isfinite(d)) {
		eval_error_at(ev, E0506, span, "the float result is not finite");
		return NULL;
	}
	return value_float(ev->alloc, d);
}

/* E0505 for e, a division or remainder whose divisor is zero. */
static struct value *by_zero(struct evaluator *ev, enum ast_op op,
			     const struct ast *e)
{
	eval_error_at(ev, E0505, e->span, "%s by zero",
		      op == OP_DIV ? "division" : "remainder");
	return NULL;
}

static struct value *keyed_merge(struct evaluator *ev, struct value *a,
				 struct value *b, const char *key,
				 const struct type *t, struct span span)
{
	size_t klen = strlen(key);
	struct value_builder vb;

	if (!merge_check_keyed(ev, b, t, span, "the right-hand side of +=", NULL))
		return NULL;
	value_build_init(&vb, ev->alloc);
	for (uint32_t i = 0; i < a->len; i++)
		value_build_push(&vb, a->u.items[i]);
	for (uint32_t i = 0; i < b->len; i++) {
		struct value *e = b->u.items[i];
		struct value *k = e->kind == V_OBJECT ? value_get(e, key, klen)
						      : NULL;
		if (!k) {
			struct diag *d = diag_new(E0405, span,
				"an element added to a list keyed by `%s` needs "
				"the key field `%s`: %s", key, key, eval_brief(ev, e));
			eval_report(ev, d);
			return NULL;
		}
		uint32_t j = 0;
		while (j < vb.len && !type_same_key(t, vb.items[j], e))
			j++;
		if (j < vb.len) {
			struct value *m = merge_deep(ev, vb.items[j], e,
						     type_elem(t), span);
			if (!m)
				return NULL;
			vb.items[j] = m;
		} else {
			value_build_push(&vb, e);
		}
	}
	return value_build_list(&vb);
}

/* An amend of a by b: objects field by field, keyed lists by key. */
struct value *merge_deep(struct evaluator *ev, struct value *a,
			 struct value *b, const struct type *t,
			 struct span span)
{
	if (a->kind == V_OBJECT && b->kind == V_OBJECT) {
		struct value_builder vb;
		value_build_from(&vb, ev->alloc, a);
		for (uint32_t i = 0; i < b->len; i++) {
			const struct value_field *f = &b->u.fields[i];
			long j = merge_field_index(&vb, f->key, f->keylen);
			struct value *nv = f->value;
			if (j >= 0) {
				const struct type_field *tf;
				nv = merge_deep(ev, vb.fields[j].value, f->value,
						type_child(t, f->key, &tf), span);
				if (!nv)
					return NULL;
			}
			value_build_set(&vb, f->key, f->keylen, nv);
		}
		return value_build_object(&vb);
	}
	const char *key = type_list_key(t);
	if (key && a->kind == V_LIST && b->kind == V_LIST)
		return keyed_merge(ev, a, b, key, t, span);
	return b;
}

struct value *merge_add(struct evaluator *ev, struct value *prev,
			struct value *rhs, const struct type *t,
			struct span span)
{
	if (!prev) {
		if (!merge_check_keyed(ev, rhs, t, span, "the right-hand side of +=", NULL))
			return NULL;
		return rhs;
	}
	if (prev->kind == V_LIST && rhs->kind == V_LIST) {
		const char *key = type_list_key(t);
		if (key)
			return keyed_merge(ev, prev, rhs, key, t, span);
		struct value_builder vb;
		value_build_init(&vb, ev->alloc);
		for (uint32_t i = 0; i < prev->len; i++)
			value_build_push(&vb, prev->u.items[i]);
		for (uint32_t i = 0; i < rhs->len; i++)
			value_build_push(&vb, rhs->u.items[i]);
		return value_build_list(&vb);
	}
	if (prev->kind == V_OBJECT && rhs->kind == V_OBJECT) {
		struct value_builder vb;
		value_build_from(&vb, ev->alloc, prev);
		for (uint32_t i = 0; i < rhs->len; i++)
			value_build_set(&vb, rhs->u.fields[i].key,
					rhs->u.fields[i].keylen,
					rhs->u.fields[i].value);
		return value_build_object(&vb);
	}
	if (prev->kind == V_STRING && rhs->kind == V_STRING) {
		char *s = arena_alloc(ev->alloc, prev->len + rhs->len + 1);
		memcpy(s, prev->u.str, prev->len);
		memcpy(s + prev->len, rhs->u.str, rhs->len);
		s[prev->len + rhs->len] = 0;
		return value_string_ref(ev->alloc, s, prev->len + rhs->len);
	}
	if (prev->kind == V_INT && rhs->kind == V_INT) {
		int64_t r;
		if (__builtin_add_overflow(prev->u.i, rhs->u.i, &r)) {
			eval_error_at(ev, E0506, span, "%lld + %lld overflows 64 bits",
				      (long long)prev->u.i, (long long)rhs->u.i);
			return NULL;
		}
		return value_int(ev->alloc, r);
	}
	if (value_is_number(prev) && value_is_number(rhs))
		return float_result(ev, value_as_double(prev) +
					value_as_double(rhs), span);
	struct diag *d = diag_new(E0405, span, "cannot add %s to %s",
				  eval_a_kind(rhs->kind), eval_a_kind(prev->kind));
	if (prev->kind == V_LIST)
		diag_help(d, "+= on a list takes a list: wrap the item in [ ]");
	else
		diag_help(d, "+= appends a list to a list, merges an object into "
			     "an object, joins strings and adds numbers");
	eval_report(ev, d);
	return NULL;
}

struct value *merge_remove(struct evaluator *ev, struct value *prev,
			   struct value *rhs, const struct type *t,
			   struct span span)
{
	if (!prev)
		return NULL;
	if ((prev->kind != V_LIST && prev->kind != V_OBJECT) ||
	    rhs->kind != V_LIST) {
		struct diag *d;
		if (prev->kind != V_LIST && prev->kind != V_OBJECT)
			d = diag_new(E0405, span, "cannot remove from %s",
				     eval_a_kind(prev->kind));
		else
			d = diag_new(E0405, span, "-= takes a list, not %s",
				     eval_a_kind(rhs->kind));
		diag_help(d, "-= removes the items of a list from a list, the "
			     "elements with the listed keys from a keyed list, "
			     "or the listed keys from an object");
		eval_report(ev, d);
		return NULL;
	}
	struct value_builder vb;
	value_build_init(&vb, ev->alloc);
	if (prev->kind == V_OBJECT) {
		for (uint32_t i = 0; i < rhs->len; i++)
			if (rhs->u.items[i]->kind != V_STRING) {
				eval_error_at(ev, E0405, span,
					      "-= on an object takes a list of keys "
					      "(strings), not %s",
					      eval_a_kind(rhs->u.items[i]->kind));
				return NULL;
			}
		for (uint32_t i = 0; i < prev->len; i++) {
			bool drop = false;
			for (uint32_t j = 0; j < rhs->len && !drop; j++)
				drop = rhs->u.items[j]->len == prev->u.fields[i].keylen &&
				       memcmp(rhs->u.items[j]->u.str,
					      prev->u.fields[i].key,
					      prev->u.fields[i].keylen) == 0;
			if (!drop)
				value_build_set(&vb, prev->u.fields[i].key,
						prev->u.fields[i].keylen,
						prev->u.fields[i].value);
		}
		return value_build_object(&vb);
	}
	const char *key = type_list_key(t);
	size_t klen = key ? strlen(key) : 0;
	for (uint32_t i = 0; key && i < rhs->len; i++)
		if (rhs->u.items[i]->kind == V_OBJECT) {
			struct value *k = value_get(rhs->u.items[i], key, klen);
			struct diag *d = diag_new(E0405, span,
				"-= on a list keyed by `%s` takes keys, not "
				"elements", key);
			if (k)
				diag_help(d, "write %s", eval_brief(ev, k));
			eval_report(ev, d);
			return NULL;
		}
	for (uint32_t i = 0; i < prev->len; i++) {
		struct value *item = prev->u.items[i];
		struct value *probe = item;
		if (key)
			probe = item->kind == V_OBJECT ? value_get(item, key, klen)
						       : NULL;
		bool drop = false;
		for (uint32_t j = 0; probe && j < rhs->len && !drop; j++)
			drop = value_equal(probe, rhs->u.items[j]);
		if (!drop)
			value_build_push(&vb, item);
	}
	return value_build_list(&vb);
}

long merge_field_index(const struct value_builder *b, const char *key,
		       uint32_t keylen)
{
	for (uint32_t i = 0; i < b->len; i++)
		if (b->fields[i].keylen == keylen &&
		    memcmp(b->fields[i].key, key, keylen) == 0)
			return (long)i;
	return -1;
}

struct value *merge_arith(struct evaluator *ev, const struct ast *e,
			  struct value *a, struct value *b)
{
	enum ast_op op = e->u.op.op;
	int64_t r;

	if (a->kind == V_SECRET || b->kind == V_SECRET)
		return eval_secret_misuse(ev, e->span, "with an operator");
	if (op == OP_ADD && a->kind == b->kind &&
	    (a->kind == V_STRING || a->kind == V_LIST || a->kind == V_OBJECT))
		return merge_add(ev, a, b, NULL, e->span);
	if (!value_is_number(a) || !value_is_number(b)) {
		struct diag *d = diag_new(E0504, e->span,
			"cannot apply `%s` to %s and %s", eval_op_text[op],
			eval_a_kind(a->kind), eval_a_kind(b->kind));
		if (op == OP_ADD && (a->kind == V_STRING || b->kind == V_STRING) &&
		    a->kind != V_LIST && a->kind != V_OBJECT &&
		    b->kind != V_LIST && b->kind != V_OBJECT)
			diag_help(d, "to build a string, interpolate: "
				     "\"${a}${b}\", or use to_string()");
		eval_report(ev, d);
		return NULL;
	}
	if (a->kind == V_INT && b->kind == V_INT) {
		int64_t x = a->u.i, y = b->u.i;
		bool over = false;
		switch (op) {
		case OP_ADD: over = __builtin_add_overflow(x, y, &r); break;
		case OP_SUB: over = __builtin_sub_overflow(x, y, &r); break;
		case OP_MUL: over = __builtin_mul_overflow(x, y, &r); break;
		case OP_DIV:
		case OP_MOD:
			if (y == 0)
				return by_zero(ev, op, e);
			if (x == INT64_MIN && y == -1) {
				over = op == OP_DIV;
				r = 0;
				break;
			}
			r = op == OP_DIV ? x / y : x % y;
			break;
		default:
			r = 0;
			break;
		}
		if (over) {
			eval_error_at(ev, E0506, e->span,
				      "%lld %s %lld overflows 64 bits", (long long)x,
				      eval_op_text[op], (long long)y);
			return NULL;
		}
		return value_int(ev->alloc, r);
	}
	double x = value_as_double(a), y = value_as_double(b);
	switch (op) {
	case OP_ADD: return float_result(ev, x + y, e->span);
	case OP_SUB: return float_result(ev, x - y, e->span);
	case OP_MUL: return float_result(ev, x * y, e->span);
	case OP_DIV:
	case OP_MOD:
		if (y == 0)
			return by_zero(ev, op, e);
		return float_result(ev, op == OP_DIV ? x / y : fmod(x, y),
				    e->span);
	default:
		return NULL;
	}
}
