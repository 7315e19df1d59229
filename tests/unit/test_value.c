/*
 * test_value.c - values: constructors and builders, equality and order,
 * scalar text, the shortest float text, and the JSON form (key order,
 * secrets, floats that read back exactly).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "value.h"

static struct arena A;

static int setup(void **state)
{
	(void)state;
	arena_init(&A);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(&A);
	return 0;
}

static struct value *S(const char *s)
{
	return value_cstring(&A, s);
}

static struct value *I(int64_t i)
{
	return value_int(&A, i);
}

static struct value *F(double f)
{
	return value_float(&A, f);
}

static struct value *L0(void)
{
	return value_list(&A, NULL, 0);
}

#define LIST(...)                                                           \
	value_list(&A, (struct value *[]){ __VA_ARGS__ },                  \
		   sizeof((struct value *[]){ __VA_ARGS__ }) /              \
			   sizeof(struct value *))

/* An object from alternating C-string keys and values. */
static struct value *obj(size_t n, ...)
{
	struct value_builder b;
	va_list ap;

	value_build_init(&b, &A);
	va_start(ap, n);
	for (size_t i = 0; i < n; i++) {
		const char *k = va_arg(ap, const char *);

		value_build_set(&b, k, strlen(k), va_arg(ap, struct value *));
	}
	va_end(ap);
	return value_build_object(&b);
}

#define JSON(v, indent, want) check_json((v), (indent), (want), __FILE__, __LINE__)

static void check_json(const struct value *v, int indent, const char *want,
		       const char *file, int line)
{
	char *got = value_to_json_text(v, indent);

	_assert_string_equal(got, want, file, line);
	free(got);
}

#define DOUBLE(d, want) check_double((d), (want), __FILE__, __LINE__)

static void check_double(double d, const char *want, const char *file,
			 int line)
{
	char buf[64];

	value_format_double(buf, sizeof(buf), d);
	_assert_string_equal(buf, want, file, line);
}

/* --- constructors and builders ---------------------------------------- */

static void t_constructors(void **state)
{
	char text[] = "abc";
	struct value *v;

	(void)state;
	assert_int_equal(value_null(&A)->kind, V_NULL);
	v = value_bool(&A, true);
	assert_int_equal(v->kind, V_BOOL);
	assert_true(v->u.b);
	assert_int_equal(I(INT64_MIN)->u.i, INT64_MIN);
	assert_true(F(0.5)->u.f == 0.5);

	/* value_string copies, NUL-terminates; value_string_ref shares */
	v = value_string(&A, text, 2);
	text[0] = 'X';
	assert_int_equal(v->kind, V_STRING);
	assert_int_equal(v->len, 2);
	assert_string_equal(v->u.str, "ab");
	v = value_string_ref(&A, text, 3);
	assert_ptr_equal(v->u.str, text);
	assert_int_equal(value_cstring(&A, "héllo")->len, 6);

	v = value_secret(&A, "vault:a/b", 9);
	assert_int_equal(v->kind, V_SECRET);
	assert_string_equal(v->u.str, "vault:a/b");
	assert_int_equal(v->len, 9);

	/* the provenance starts empty */
	assert_null(v->expr);
	assert_null(v->op);

	v = value_list(&A, NULL, 0);
	assert_int_equal(v->kind, V_LIST);
	assert_int_equal(v->len, 0);
	v = value_object(&A, NULL, 0);
	assert_int_equal(v->kind, V_OBJECT);
	assert_int_equal(v->len, 0);
}

static void t_list_and_object_copy_their_arrays(void **state)
{
	struct value *items[2] = { I(1), I(2) };
	struct value_field fields[1] = { { "k", 1, NULL } };
	struct value *l = value_list(&A, items, 2), *o, *c;

	(void)state;
	items[0] = I(9);
	assert_int_equal(l->u.items[0]->u.i, 1);
	fields[0].value = S("v");
	o = value_object(&A, fields, 1);
	fields[0].value = S("w");
	assert_string_equal(value_get(o, "k", 1)->u.str, "v");

	c = value_copy(&A, l);
	assert_ptr_not_equal(c, l);
	assert_int_equal(c->kind, V_LIST);
	assert_ptr_equal(c->u.items, l->u.items);	/* shallow */
}

static void t_builder(void **state)
{
	struct value_builder b;
	struct value *v;
	char key[8];

	(void)state;
	value_build_init(&b, &A);
	for (int i = 0; i < 100; i++)
		value_build_push(&b, I(i));
	v = value_build_list(&b);
	assert_int_equal(v->len, 100);
	assert_int_equal(v->u.items[99]->u.i, 99);
	/* the builder starts over */
	assert_int_equal(b.len, 0);
	assert_int_equal(value_build_list(&b)->len, 0);

	/* value_build_set replaces in place and copies the key */
	strcpy(key, "b");
	value_build_set(&b, key, 1, I(1));
	strcpy(key, "a");
	value_build_set(&b, key, 1, I(2));
	strcpy(key, "b");
	value_build_set(&b, key, 1, I(3));
	strcpy(key, "zz");
	v = value_build_object(&b);
	assert_int_equal(v->len, 2);
	assert_string_equal(v->u.fields[0].key, "b");
	assert_int_equal(v->u.fields[0].value->u.i, 3);
	assert_string_equal(v->u.fields[1].key, "a");
	JSON(v, 0, "{\"b\":3,\"a\":2}");

	/* keys are compared by length too: "a" and "ab" differ */
	value_build_set(&b, "ab", 1, I(1));
	value_build_set(&b, "ab", 2, I(2));
	v = value_build_object(&b);
	assert_int_equal(v->len, 2);
}

static void t_get_and_find(void **state)
{
	struct value *o = obj(3, "a", I(1), "bb", I(2), "b", I(3));

	(void)state;
	assert_int_equal(value_find(o, "a", 1), 0);
	assert_int_equal(value_find(o, "bb", 2), 1);
	assert_int_equal(value_find(o, "b", 1), 2);
	assert_int_equal(value_find(o, "c", 1), -1);
	assert_int_equal(value_find(o, "bbb", 2), 1);	/* by length */
	assert_int_equal(value_get(o, "b", 1)->u.i, 3);
	assert_null(value_get(o, "", 0));
	/* not an object */
	assert_int_equal(value_find(I(1), "a", 1), -1);
	assert_null(value_get(LIST(I(1)), "a", 1));
}

static void t_kind_names(void **state)
{
	(void)state;
	assert_string_equal(value_kind_name(V_NULL), "null");
	assert_string_equal(value_kind_name(V_BOOL), "bool");
	assert_string_equal(value_kind_name(V_INT), "int");
	assert_string_equal(value_kind_name(V_FLOAT), "float");
	assert_string_equal(value_kind_name(V_STRING), "string");
	assert_string_equal(value_kind_name(V_LIST), "list");
	assert_string_equal(value_kind_name(V_OBJECT), "object");
	assert_string_equal(value_kind_name(V_SECRET), "secret");
	assert_true(value_is_number(I(1)));
	assert_true(value_is_number(F(1)));
	assert_false(value_is_number(S("1")));
	assert_true(value_as_double(I(-3)) == -3.0);
	assert_true(value_as_double(F(2.5)) == 2.5);
	assert_true(value_as_double(S("x")) == 0.0);
}

/* --- equality and order ------------------------------------------------ */

static void t_equal(void **state)
{
	struct value *sec = value_secret(&A, "vault:x", 7);

	(void)state;
	assert_true(value_equal(value_null(&A), value_null(&A)));
	assert_true(value_equal(value_bool(&A, true), value_bool(&A, true)));
	assert_false(value_equal(value_bool(&A, true), value_bool(&A, false)));
	/* numbers by value, across int and float */
	assert_true(value_equal(I(1), F(1.0)));
	assert_true(value_equal(F(1.0), I(1)));
	assert_false(value_equal(I(1), F(1.5)));
	assert_true(value_equal(F(0.0), F(-0.0)));
	assert_true(value_equal(I(0), F(-0.0)));
	assert_false(value_equal(F(NAN), F(NAN)));
	assert_false(value_equal(I(0), F(NAN)));
	/* exactly: 2^53 + 1 is not the double 2^53 */
	assert_false(value_equal(I(9007199254740993), F(9007199254740992.0)));
	assert_true(value_equal(I(9007199254740992), F(9007199254740992.0)));
	assert_false(value_equal(I(INT64_MAX), F(0x1p63)));
	assert_true(value_equal(I(INT64_MIN), F(-0x1p63)));
	assert_false(value_equal(I(1), value_bool(&A, true)));
	assert_false(value_equal(I(0), value_null(&A)));
	/* strings by bytes and length */
	assert_true(value_equal(S("abc"), S("abc")));
	assert_false(value_equal(S("abc"), S("abd")));
	assert_false(value_equal(S("ab"), S("abc")));
	assert_true(value_equal(S(""), S("")));
	/* a secret equals a secret with the same reference, never a string */
	assert_true(value_equal(sec, value_secret(&A, "vault:x", 7)));
	assert_false(value_equal(sec, value_secret(&A, "vault:y", 7)));
	assert_false(value_equal(sec, S("vault:x")));
	/* lists deeply, in order */
	assert_true(value_equal(LIST(I(1), LIST(S("a"))), LIST(F(1), LIST(S("a")))));
	assert_false(value_equal(LIST(I(1), I(2)), LIST(I(2), I(1))));
	assert_false(value_equal(LIST(I(1)), LIST(I(1), I(1))));
	assert_true(value_equal(L0(), L0()));
	/* objects: same keys and values, order ignored */
	assert_true(value_equal(obj(2, "a", I(1), "b", LIST(I(2))),
				obj(2, "b", LIST(F(2)), "a", I(1))));
	assert_false(value_equal(obj(1, "a", I(1)), obj(1, "a", I(2))));
	assert_false(value_equal(obj(1, "a", I(1)), obj(1, "b", I(1))));
	assert_false(value_equal(obj(1, "a", I(1)), obj(2, "a", I(1), "b", I(1))));
	assert_false(value_equal(obj(0), L0()));
	assert_true(value_equal(obj(0), obj(0)));
}

static int cmp(const struct value *a, const struct value *b, bool want_ok)
{
	bool ok = !want_ok;
	int c = value_compare(a, b, &ok);

	assert_int_equal(ok, want_ok);
	return c;
}

static void t_compare(void **state)
{
	(void)state;
	assert_int_equal(cmp(I(1), I(2), true), -1);
	assert_int_equal(cmp(I(2), I(1), true), 1);
	assert_int_equal(cmp(I(2), I(2), true), 0);
	assert_int_equal(cmp(I(1), F(1.5), true), -1);
	assert_int_equal(cmp(F(1.5), I(1), true), 1);
	assert_int_equal(cmp(F(2.0), I(2), true), 0);
	assert_int_equal(cmp(I(-2), F(-1.5), true), -1);
	assert_int_equal(cmp(I(-1), F(-1.5), true), 1);
	assert_int_equal(cmp(F(-0.0), F(0.0), true), 0);
	assert_int_equal(cmp(I(INT64_MAX), F(0x1p63), true), -1);
	assert_int_equal(cmp(I(INT64_MIN), F(-0x1p64), true), 1);
	assert_int_equal(cmp(I(INT64_MIN), F(-0x1p63), true), 0);
	assert_int_equal(cmp(I(9007199254740993), F(9007199254740992.0), true), 1);
	assert_int_equal(cmp(F(-INFINITY), I(INT64_MIN), true), -1);
	/* strings: bytes, then length */
	assert_int_equal(cmp(S("a"), S("b"), true), -1);
	assert_int_equal(cmp(S("b"), S("a"), true), 1);
	assert_int_equal(cmp(S("ab"), S("abc"), true), -1);
	assert_int_equal(cmp(S("abc"), S("ab"), true), 1);
	assert_int_equal(cmp(S(""), S(""), true), 0);
	assert_int_equal(cmp(S("B"), S("a"), true), -1);
	assert_int_equal(cmp(S("\xC3\xA9"), S("z"), true), 1);	/* bytes, unsigned */
	/* what cannot be ordered */
	cmp(I(1), S("1"), false);
	cmp(S("a"), value_null(&A), false);
	cmp(L0(), L0(), false);
	cmp(value_bool(&A, false), value_bool(&A, true), false);
	cmp(F(NAN), I(1), false);
	cmp(I(1), F(NAN), false);
	cmp(F(NAN), F(1), false);
	cmp(value_secret(&A, "a:b", 3), value_secret(&A, "a:b", 3), false);
}

/* --- text ------------------------------------------------------------------ */

static void t_format_double(void **state)
{
	(void)state;
	DOUBLE(0.1, "0.1");
	DOUBLE(2.0, "2.0");
	DOUBLE(-0.0, "-0.0");
	DOUBLE(0.0, "0.0");
	DOUBLE(1.5, "1.5");
	DOUBLE(-2.25, "-2.25");
	DOUBLE(1.0 / 3.0, "0.3333333333333333");
	DOUBLE(0.1 + 0.2, "0.30000000000000004");
	DOUBLE(123456.0, "123456.0");
	/* no exponent where fewer than 17 digits come before the point */
	DOUBLE(100.0, "100.0");
	DOUBLE(-1e5, "-100000.0");
	DOUBLE(1.5e10, "15000000000.0");
	DOUBLE(1e15, "1000000000000000.0");
	DOUBLE(9007199254740993.0, "9007199254740992.0");
	DOUBLE(0.0001, "0.0001");
	/* an exponent for the very large and the very small */
	DOUBLE(1e16, "1e16");
	DOUBLE(1.2345678901234567e19, "1.2345678901234567e19");
	DOUBLE(1e300, "1e300");
	DOUBLE(1e-5, "1e-5");
	DOUBLE(1e-7, "1e-7");
	DOUBLE(5e-324, "5e-324");
	DOUBLE(1.7976931348623157e308, "1.7976931348623157e308");
	DOUBLE(INFINITY, "inf");
	DOUBLE(-INFINITY, "-inf");
	DOUBLE(NAN, "nan");
	{
		char small[4];

		value_format_double(small, sizeof(small), 0.125);
		assert_string_equal(small, "0.1");	/* cut, terminated */
	}
}

static uint64_t rng = 0x9E3779B97F4A7C15ULL;

static uint64_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static double random_double(void)
{
	for (;;) {
		uint64_t bits = next_random();
		double d;

		if (bits % 3 == 0)	/* also short decimals */
			return (double)(int64_t)(bits >> 40) / 1000.0;
		memcpy(&d, &bits, sizeof(d));
		if (isfinite(d))
			return d;
	}
}

/* Significant digits of a number's text: no sign, point, exponent, or
 * leading and trailing zeros. */
static int significant_digits(const char *text)
{
	char digits[64];
	size_t n = 0, first = 0;

	for (const char *c = text; *c && *c != 'e'; c++)
		if (*c >= '0' && *c <= '9')
			digits[n++] = *c;
	while (first < n && digits[first] == '0')
		first++;
	while (n > first && digits[n - 1] == '0')
		n--;
	return n > first ? (int)(n - first) : 1;
}

static void t_format_double_reads_back(void **state)
{
	(void)state;
	for (int i = 0; i < 20000; i++) {
		double d = random_double();
		char buf[64], tmp[64];
		int fewest = 1;

		value_format_double(buf, sizeof(buf), d);
		/* it reads back, sign of zero included */
		assert_true(strtod(buf, NULL) == d);
		assert_true(signbit(strtod(buf, NULL)) == signbit(d));
		/* it reads back as a float, not an integer */
		assert_non_null(strpbrk(buf, ".e"));
		/* and with no more digits than it needs */
		for (; fewest < 17; fewest++) {
			snprintf(tmp, sizeof(tmp), "%.*g", fewest, d);
			if (strtod(tmp, NULL) == d)
				break;
		}
		if (significant_digits(buf) != fewest)
			print_message("# %s: %d digits, %d needed\n", buf,
				      significant_digits(buf), fewest);
		assert_int_equal(significant_digits(buf), fewest);
	}
}

static void t_scalar_text(void **state)
{
	size_t len = 99;
	const char *s;

	(void)state;
	s = value_scalar_text(&A, S("héllo"), &len);
	assert_string_equal(s, "héllo");
	assert_int_equal(len, 6);
	s = value_scalar_text(&A, I(-42), &len);
	assert_string_equal(s, "-42");
	assert_int_equal(len, 3);
	s = value_scalar_text(&A, I(INT64_MIN), &len);
	assert_string_equal(s, "-9223372036854775808");
	s = value_scalar_text(&A, F(2.0), &len);
	assert_string_equal(s, "2.0");
	assert_int_equal(len, 3);
	s = value_scalar_text(&A, F(0.1), &len);
	assert_string_equal(s, "0.1");
	s = value_scalar_text(&A, value_bool(&A, true), &len);
	assert_string_equal(s, "true");
	assert_int_equal(len, 4);
	s = value_scalar_text(&A, value_bool(&A, false), &len);
	assert_string_equal(s, "false");
	s = value_scalar_text(&A, value_null(&A), &len);
	assert_string_equal(s, "null");
	assert_int_equal(len, 4);
	assert_null(value_scalar_text(&A, L0(), &len));
	assert_null(value_scalar_text(&A, obj(0), &len));
	assert_null(value_scalar_text(&A, value_secret(&A, "a:b", 3), &len));
}

/* --- JSON ------------------------------------------------------------------- */

static void t_json_scalars(void **state)
{
	(void)state;
	JSON(value_null(&A), 0, "null");
	JSON(value_bool(&A, true), 0, "true");
	JSON(I(INT64_MIN), 0, "-9223372036854775808");
	JSON(S("a\"b\\c\n\t\x01 é 😀 /"), 0,
	     "\"a\\\"b\\\\c\\n\\t\\u0001 é 😀 /\"");
	JSON(value_secret(&A, "vault:edge/psk", 14), 0,
	     "{\"$secret\":\"vault:edge/psk\"}");
	/* floats: fewest digits, always a float on reading back */
	JSON(F(0.1), 0, "0.1");
	JSON(F(1e300), 0, "1e300");
	JSON(F(2.0), 0, "2.0");
	JSON(F(-0.0), 0, "-0.0");
	JSON(F(1e-7), 0, "1e-7");
	JSON(F(1.0 / 3.0), 0, "0.3333333333333333");
	JSON(F(100.0), 0, "100.0");
	JSON(F(1e16), 0, "1e16");
	JSON(L0(), 0, "[]");
	/* JSON has no NaN or infinity */
	JSON(F(NAN), 0, "null");
	JSON(LIST(F(INFINITY), F(-INFINITY)), 0, "[null,null]");
}

static void t_json_order_and_nesting(void **state)
{
	struct value *v = obj(4, "zeta", I(1), "alpha",
			      LIST(F(0.1), F(1e300), F(2.0), F(-0.0)),
			      "psk", value_secret(&A, "vault:edge/ipsec/psk", 20),
			      "m", obj(2, "y", value_null(&A), "x", obj(0)));

	(void)state;
	JSON(v, 0,
	     "{\"zeta\":1,\"alpha\":[0.1,1e300,2.0,-0.0],"
	     "\"psk\":{\"$secret\":\"vault:edge/ipsec/psk\"},"
	     "\"m\":{\"y\":null,\"x\":{}}}");
	JSON(v, 2,
	     "{\n"
	     "  \"zeta\": 1,\n"
	     "  \"alpha\": [\n"
	     "    0.1,\n"
	     "    1e300,\n"
	     "    2.0,\n"
	     "    -0.0\n"
	     "  ],\n"
	     "  \"psk\": {\n"
	     "    \"$secret\": \"vault:edge/ipsec/psk\"\n"
	     "  },\n"
	     "  \"m\": {\n"
	     "    \"y\": null,\n"
	     "    \"x\": {}\n"
	     "  }\n"
	     "}");
	JSON(LIST(F(100.0), F(0.5), F(1e-7)), 0, "[100.0,0.5,1e-7]");
	JSON(obj(0), 4, "{}");
	/* a key that is not an identifier, and one with a NUL-free oddity */
	JSON(obj(2, "app.kubernetes.io/name", S("x"), "", I(0)), 0,
	     "{\"app.kubernetes.io/name\":\"x\",\"\":0}");
}

/* Every float of a value reads back exactly, whatever its neighbours. */
static void t_json_floats_read_back(void **state)
{
	(void)state;
	/* 0.1 needs 1 digit, 1/3 needs 16: both must read back */
	{
		struct value *v = LIST(F(0.1), F(1.0 / 3.0), I(7));
		char *text = value_to_json_text(v, 0);
		json_t *j = json_loads(text, 0, NULL);

		assert_non_null(j);
		assert_true(json_real_value(json_array_get(j, 0)) == 0.1);
		assert_true(json_real_value(json_array_get(j, 1)) == 1.0 / 3.0);
		assert_true(json_is_integer(json_array_get(j, 2)));
		json_decref(j);
		free(text);
	}
	for (int round = 0; round < 300; round++) {
		struct value_builder b;
		struct value *v;
		char *text;
		json_t *j;
		json_error_t err;

		value_build_init(&b, &A);
		for (int i = 0; i < 20; i++)
			value_build_push(&b, F(random_double()));
		v = value_build_list(&b);
		text = value_to_json_text(v, round % 2 ? 2 : 0);
		j = json_loads(text, 0, &err);
		assert_non_null(j);
		for (int i = 0; i < 20; i++) {
			json_t *x = json_array_get(j, (size_t)i);

			assert_true(json_is_real(x));
			assert_true(json_real_value(x) == v->u.items[i]->u.f);
		}
		json_decref(j);
		free(text);
	}
}

static void t_value_to_json(void **state)
{
	struct value *v = obj(2, "b", LIST(I(1), S("x")), "a",
			      value_secret(&A, "s:p", 3));

	(void)state;
	/* keys in their order, secrets as {"$secret": ref} */
	JSON(v, 0, "{\"b\":[1,\"x\"],\"a\":{\"$secret\":\"s:p\"}}");
	JSON(v, 2, "{\n  \"b\": [\n    1,\n    \"x\"\n  ],\n"
		   "  \"a\": {\n    \"$secret\": \"s:p\"\n  }\n}");

	/* a string that is not UTF-8 (which values never should hold)
	 * still shows as valid JSON */
	JSON(value_string(&A, "a\xFFz", 3), 0, "\"a\xEF\xBF\xBDz\"");
	JSON(obj(1, "k\xFF", I(1)), 0, "{\"k\xEF\xBF\xBD\":1}");

	/* deeper than JSON output nests: shown, cut with … */
	struct value *deep = I(1);
	for (int i = 0; i < 200; i++)
		deep = LIST(deep);
	char want[127 + 3 + 127 + 1];
	memset(want, '[', 127);
	memcpy(want + 127, "\xE2\x80\xA6", 3);
	memset(want + 130, ']', 127);
	want[sizeof(want) - 1] = 0;
	JSON(deep, 0, want);
}

static void t_brief(void **state)
{
	(void)state;
	assert_string_equal(value_brief(&A, S("abc"), 10), "\"abc\"");
	assert_string_equal(value_brief(&A, S("abc"), 5), "\"abc\"");
	assert_string_equal(value_brief(&A, S("abc"), 4), "\"abc…");
	assert_string_equal(value_brief(&A, LIST(I(1), I(2), I(3)), 4), "[1,2…");
	/* never cut inside a character: "é" is 2 bytes, "😀" 4 */
	assert_string_equal(value_brief(&A, S("éé"), 2), "\"…");
	assert_string_equal(value_brief(&A, S("éé"), 3), "\"é…");
	assert_string_equal(value_brief(&A, S("😀"), 4), "\"…");
	assert_string_equal(value_brief(&A, S("😀"), 5), "\"😀…");
	assert_string_equal(value_brief(&A, S("x"), 0), "…");
	assert_string_equal(value_brief(&A, obj(1, "k", F(0.5)), 100),
			    "{\"k\":0.5}");
	assert_string_equal(value_brief(&A, value_secret(&A, "v:x", 3), 100),
			    "{\"$secret\":\"v:x\"}");
	/* a long string: only its start is encoded, still cut and marked,
	 * and never inside a character */
	{
		static char big[4000];
		char want[64];

		for (size_t i = 0; i + 2 < sizeof(big); i += 2)
			memcpy(big + i, "\xC3\xA9", 2);
		snprintf(want, sizeof(want), "\"%.18s\xE2\x80\xA6", big);
		assert_string_equal(value_brief(&A, S(big), 20), want);
		for (size_t max = 0; max < 40; max++) {
			const char *b = value_brief(&A, S(big), max);
			size_t n = strlen(b);

			assert_true(n <= max + 3);
			assert_memory_equal(b + n - 3, "\xE2\x80\xA6", 3);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(t_constructors),
		T(t_list_and_object_copy_their_arrays),
		T(t_builder),
		T(t_get_and_find),
		T(t_kind_names),
		T(t_equal),
		T(t_compare),
		T(t_format_double),
		T(t_format_double_reads_back),
		T(t_scalar_text),
		T(t_json_scalars),
		T(t_json_order_and_nesting),
		T(t_json_floats_read_back),
		T(t_value_to_json),
		T(t_brief),
#undef T
	};

	return cmocka_run_group_tests_name("value", tests, NULL, NULL);
}
