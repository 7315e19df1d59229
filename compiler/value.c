/*
 * value.c - the values a site evaluates to (see value.h): constructors,
 * builders, equality and order, scalar text, and the JSON form.
 *
 * Values are immutable and arena-allocated; nothing here frees one. The
 * JSON form is emit_json.c's (yajl), and floats are written in the
 * fewest digits that read back as the same double.
 */
#include "value.h"

#include "emit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- constructors -------------------------------------------------------- */

static struct value *value_new(struct arena *a, enum value_kind kind)
{
	struct value *v = arena_zalloc(a, sizeof(*v));

	v->kind = kind;
	return v;
}

/* Lengths are 32-bit; a longer string or list cannot be represented. */
static uint32_t checked_len(size_t n)
{
	if (n > UINT32_MAX)
		arena_oom();
	return (uint32_t)n;
}

struct value *value_null(struct arena *a)
{
	return value_new(a, V_NULL);
}

struct value *value_bool(struct arena *a, bool b)
{
	struct value *v = value_new(a, V_BOOL);

	v->u.b = b;
	return v;
}

struct value *value_int(struct arena *a, int64_t i)
{
	struct value *v = value_new(a, V_INT);

	v->u.i = i;
	return v;
}

struct value *value_float(struct arena *a, double f)
{
	struct value *v = value_new(a, V_FLOAT);

	v->u.f = f;
	return v;
}

/* A string or a secret holding s[0..len), which it does not copy. */
static struct value *value_text(struct arena *a, enum value_kind kind,
				const char *s, size_t len)
{
	struct value *v = value_new(a, kind);

	v->len = checked_len(len);
	v->u.str = s;
	return v;
}

struct value *value_string(struct arena *a, const char *s, size_t len)
{
	return value_text(a, V_STRING, arena_strndup(a, s, len), len);
}

struct value *value_cstring(struct arena *a, const char *s)
{
	return value_string(a, s, strlen(s));
}

struct value *value_string_ref(struct arena *a, const char *s, size_t len)
{
	return value_text(a, V_STRING, s, len);
}

struct value *value_secret(struct arena *a, const char *ref, size_t len)
{
	return value_text(a, V_SECRET, arena_strndup(a, ref, len), len);
}

struct value *value_list(struct arena *a, struct value *const *items,
			 size_t n)
{
	struct value *v = value_new(a, V_LIST);

	v->len = checked_len(n);
	v->u.items = arena_memdup(a, items, n * sizeof(*items));
	return v;
}

struct value *value_object(struct arena *a, const struct value_field *fields,
			   size_t n)
{
	struct value *v = value_new(a, V_OBJECT);

	v->len = checked_len(n);
	v->u.fields = arena_memdup(a, fields, n * sizeof(*fields));
	return v;
}

struct value *value_copy(struct arena *a, const struct value *v)
{
	struct value *c = arena_alloc(a, sizeof(*c));

	*c = *v;
	return c;
}

/* --- builders ------------------------------------------------------------ */

void value_build_init(struct value_builder *b, struct arena *a)
{
	b->arena = a;
	b->items = NULL;
	b->fields = NULL;
	b->len = 0;
	b->cap = 0;
}

void value_build_from(struct value_builder *b, struct arena *a,
		      const struct value *obj)
{
	value_build_init(b, a);
	for (uint32_t i = 0; i < obj->len; i++)
		value_build_set(b, obj->u.fields[i].key,
				obj->u.fields[i].keylen,
				obj->u.fields[i].value);
}

void value_build_push(struct value_builder *b, struct value *item)
{
	ARENA_RESERVE(b->arena, b->items, b->len, b->cap);
	b->items[b->len++] = item;
}

/*
 * The key is copied into the arena (NUL-terminated), so a caller may pass
 * a key held in a temporary buffer.
 */
void value_build_set(struct value_builder *b, const char *key, size_t keylen,
		     struct value *v)
{
	for (uint32_t i = 0; i < b->len; i++) {
		struct value_field *f = &b->fields[i];

		if (f->keylen == keylen && memcmp(f->key, key, keylen) == 0) {
			f->value = v;
			return;
		}
	}
	ARENA_RESERVE(b->arena, b->fields, b->len, b->cap);
	b->fields[b->len].key = arena_strndup(b->arena, key, keylen);
	b->fields[b->len].keylen = checked_len(keylen);
	b->fields[b->len].value = v;
	b->len++;
}

/* The builder's array becomes the value's; the builder starts over. */
struct value *value_build_list(struct value_builder *b)
{
	struct value *v = value_new(b->arena, V_LIST);

	v->len = b->len;
	v->u.items = b->items;
	value_build_init(b, b->arena);
	return v;
}

struct value *value_build_object(struct value_builder *b)
{
	struct value *v = value_new(b->arena, V_OBJECT);

	v->len = b->len;
	v->u.fields = b->fields;
	value_build_init(b, b->arena);
	return v;
}

/* --- lookup -------------------------------------------------------------- */

long value_find(const struct value *obj, const char *key, size_t keylen)
{
	if (obj->kind != V_OBJECT)
		return -1;
	for (uint32_t i = 0; i < obj->len; i++) {
		const struct value_field *f = &obj->u.fields[i];

		if (f->keylen == keylen && memcmp(f->key, key, keylen) == 0)
			return (long)i;
	}
	return -1;
}

struct value *value_get(const struct value *obj, const char *key,
			size_t keylen)
{
	long i = value_find(obj, key, keylen);

	return i < 0 ? NULL : obj->u.fields[i].value;
}

/* --- kinds, equality, order ---------------------------------------------- */

const char *value_kind_name(enum value_kind kind)
{
	switch (kind) {
	case V_NULL:
		return "null";
	case V_BOOL:
		return "bool";
	case V_INT:
		return "int";
	case V_FLOAT:
		return "float";
	case V_STRING:
		return "string";
	case V_LIST:
		return "list";
	case V_OBJECT:
		return "object";
	case V_SECRET:
		return "secret";
	}
	return "?";
}

bool value_is_number(const struct value *v)
{
	return v->kind == V_INT || v->kind == V_FLOAT;
}

double value_as_double(const struct value *v)
{
	if (v->kind == V_INT)
		return (double)v->u.i;
	if (v->kind == V_FLOAT)
		return v->u.f;
	return 0.0;
}

/*
 * Compares an integer with a double exactly: converting a large integer
 * to double would round it, and 2^53 + 1 must not equal 2^53.
 */
static int compare_int_double(int64_t i, double f, bool *ok)
{
	if (isnan(f)) {
		*ok = false;
		return 0;
	}
	if (f >= 0x1p63)
		return -1;
	if (f < -0x1p63)
		return 1;

	double t = trunc(f);
	int64_t ti = (int64_t)t;	/* exact: t is in [-2^63, 2^63) */

	if (i != ti)
		return i < ti ? -1 : 1;
	if (f != t)
		return f > t ? -1 : 1;
	return 0;
}

static int compare_numbers(const struct value *a, const struct value *b,
			   bool *ok)
{
	if (a->kind == V_INT && b->kind == V_INT)
		return a->u.i < b->u.i ? -1 : a->u.i > b->u.i;
	if (a->kind == V_INT)
		return compare_int_double(a->u.i, b->u.f, ok);
	if (b->kind == V_INT)
		return -compare_int_double(b->u.i, a->u.f, ok);
	if (isnan(a->u.f) || isnan(b->u.f)) {
		*ok = false;
		return 0;
	}
	return a->u.f < b->u.f ? -1 : a->u.f > b->u.f;
}

static int compare_bytes(const char *a, size_t alen, const char *b,
			 size_t blen)
{
	size_t n = alen < blen ? alen : blen;
	int c = n ? memcmp(a, b, n) : 0;

	if (c)
		return c < 0 ? -1 : 1;
	return alen < blen ? -1 : alen > blen;
}

int value_compare(const struct value *a, const struct value *b, bool *ok)
{
	*ok = true;
	if (value_is_number(a) && value_is_number(b))
		return compare_numbers(a, b, ok);
	if (a->kind == V_STRING && b->kind == V_STRING)
		return compare_bytes(a->u.str, a->len, b->u.str, b->len);
	*ok = false;
	return 0;
}

/* Objects are equal when they have the same keys with equal values, in
 * whatever order: order is kept for output, not part of identity. */
bool value_equal(const struct value *a, const struct value *b)
{
	if (value_is_number(a) && value_is_number(b)) {
		bool ok = true;

		return compare_numbers(a, b, &ok) == 0 && ok;
	}
	if (a->kind != b->kind || a->len != b->len)
		return false;
	switch (a->kind) {
	case V_NULL:
		return true;
	case V_BOOL:
		return a->u.b == b->u.b;
	case V_STRING:
	case V_SECRET:
		return a->len == 0 || memcmp(a->u.str, b->u.str, a->len) == 0;
	case V_LIST:
		for (uint32_t i = 0; i < a->len; i++)
			if (!value_equal(a->u.items[i], b->u.items[i]))
				return false;
		return true;
	case V_OBJECT:
		for (uint32_t i = 0; i < a->len; i++) {
			const struct value_field *f = &a->u.fields[i];
			const struct value *o = value_get(b, f->key, f->keylen);

			if (!o || !value_equal(f->value, o))
				return false;
		}
		return true;
	case V_INT:
	case V_FLOAT:
		break;	/* numbers were compared above */
	}
	return false;
}

/* --- text ---------------------------------------------------------------- */

/* True when "%.*g" of d at precision p reads back as d, sign of zero too. */
static bool reads_back(double d, int p, char *buf, size_t size)
{
	snprintf(buf, size, "%.*g", p, d);
	if (isnan(d))
		return true;

	double back = strtod(buf, NULL);

	return back == d && signbit(back) == signbit(d);
}

/* The fewest significant digits that write d so it reads back (1..17). */
static int shortest_digits(double d)
{
	char buf[40];

	for (int p = 1; p < 17; p++)
		if (reads_back(d, p, buf, sizeof(buf)))
			return p;
	return 17;
}

/*
 * The "%.*g" precision d is written with: its shortest digits, raised
 * where "%g" would otherwise switch to an exponent for a number of 16
 * digits or fewer before the point. So 100.0 is written "100", not
 * "1e+02", and 1e16 stays "1e+16": Python's repr() makes the same choice.
 */
static int text_precision(double d)
{
	char buf[40];
	int p = shortest_digits(d);
	int exp;

	if (!isfinite(d) || d == 0)
		return p;
	snprintf(buf, sizeof(buf), "%.*e", p - 1, d);
	exp = atoi(strchr(buf, 'e') + 1);
	if (exp >= p && exp < 16 && reads_back(d, exp + 1, buf, sizeof(buf)))
		p = exp + 1;
	return p;
}

void value_format_double(char *buf, size_t size, double d)
{
	char tmp[48];

	snprintf(tmp, sizeof(tmp), "%.*g", text_precision(d), d);
	if (!strpbrk(tmp, ".en"))
		strcat(tmp, ".0");
	/* the exponent as JSON output writes it: 1e20, 1.5e-7 */
	char *e = strchr(tmp, 'e');
	if (e) {
		char *p = e + 1, *q = e + 1;
		if (*p == '+')
			p++;
		else if (*p == '-')
			*q++ = *p++;
		while (*p == '0' && p[1])
			p++;
		memmove(q, p, strlen(p) + 1);
	}
	snprintf(buf, size, "%s", tmp);
}

const char *value_scalar_text(struct arena *a, const struct value *v,
			      size_t *len)
{
	const char *s;

	switch (v->kind) {
	case V_STRING:
		*len = v->len;
		return v->u.str;
	case V_NULL:
		s = "null";
		break;
	case V_BOOL:
		s = v->u.b ? "true" : "false";
		break;
	case V_INT: {
		char buf[24];
		int n = snprintf(buf, sizeof(buf), "%lld", (long long)v->u.i);

		*len = (size_t)n;
		return arena_strndup(a, buf, (size_t)n);
	}
	case V_FLOAT: {
		char buf[48];

		value_format_double(buf, sizeof(buf), v->u.f);
		*len = strlen(buf);
		return arena_strndup(a, buf, *len);
	}
	case V_LIST:
	case V_OBJECT:
	case V_SECRET:
	default:
		*len = 0;
		return NULL;
	}
	*len = strlen(s);
	return s;
}

/* --- JSON ---------------------------------------------------------------- */

char *value_to_json_text(const struct value *v, int indent)
{
	char *text;
	size_t len;

	if (emit_json_text(v, EMIT_JSON_LENIENT |
			   (indent > 0 ? EMIT_JSON_INDENT : 0), &text, &len,
			   NULL))
		arena_oom();	/* lenient: nothing else fails */
	return text;
}

char *value_to_json_output(const struct value *v, unsigned *depth,
			   unsigned *max)
{
	struct emit_json_error err;
	char *text;
	size_t len;

	if (emit_json_text(v, 0, &text, &len, &err) == 0)
		return text;
	if (!err.depth)	/* not too deep: a string that is not UTF-8 */
		return value_to_json_text(v, 0);
	if (depth)
		*depth = err.depth;
	if (max)
		*max = EMIT_JSON_MAX_DEPTH;
	return NULL;
}

#define ELLIPSIS "\xE2\x80\xA6"

const char *value_brief(struct arena *a, const struct value *v, size_t max)
{
	struct value prefix;

	/* Of a long string only the start can show: encode just that (a few
	 * bytes more than max, so the text is still cut and marked). */
	if (v->kind == V_STRING && v->len > max + 8) {
		prefix = *v;
		prefix.len = (uint32_t)max + 4;
		v = &prefix;
	}

	char *text = value_to_json_text(v, 0);
	size_t len = strlen(text);
	const char *out;

	if (len <= max) {
		out = arena_strndup(a, text, len);
	} else {
		size_t cut = max;
		char *s;

		while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80)
			cut--;
		s = arena_alloc(a, cut + sizeof(ELLIPSIS));
		memcpy(s, text, cut);
		memcpy(s + cut, ELLIPSIS, sizeof(ELLIPSIS));
		out = s;
	}
	free(text);
	return out;
}
