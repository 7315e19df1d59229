/*
 * test_builtins.c - every builtin of LANGUAGE.md section 7 on ordinary
 * inputs, edges, and each error: its code, its exact message, and the
 * span it points at (the offending argument, or the whole call).
 *
 * A call is an AST_CALL node built by hand whose argument i spans bytes
 * [10 + 10 i, 15 + 10 i) of a dummy source and the call itself [0, 200).
 * Arguments are written as JSON (V("[1, 2.5]")), with {"$secret": ref}
 * standing for a secret, and results are compared as compact JSON.
 */
/* realpath(), mkdtemp(), symlink(): POSIX with XSI. */
#define _XOPEN_SOURCE 700

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "builtins.h"
#include "formats.h"

/* --- a sink that records diagnostics ---------------------------------- */

struct capture {
	struct diag_sink sink;	/* first: the sink pointer is the capture */
	size_t n;
	enum diag_code code;
	uint32_t start, end;
	char message[2048];
	char help[512];
};

static void capture_emit(struct diag_sink *s, const struct diag *d)
{
	struct capture *c = (struct capture *)s;

	c->n++;
	c->code = d->code;
	c->start = d->span.start;
	c->end = d->span.end;
	snprintf(c->message, sizeof(c->message), "%s", d->message);
	snprintf(c->help, sizeof(c->help), "%s", d->help ? d->help : "");
}

/* --- the fixture --------------------------------------------------------- */

static struct arena A;
static struct capture CAP;
static struct source *SRC;		/* where calls are */
static struct builtin_cache *CACHE;
static const char *ROOT;		/* fleet_root for file() */
static bool NO_CACHE;

/* What on_file saw. */
static size_t FILES_SEEN;
static char FILE_PATH[4096];
static const struct value *FILE_VALUE;

static void on_file(void *data, const char *path, const struct value *v)
{
	(void)data;
	FILES_SEEN++;
	snprintf(FILE_PATH, sizeof(FILE_PATH), "%s", path);
	FILE_VALUE = v;
}

static int setup(void **state)
{
	static char blank[256];

	(void)state;
	memset(blank, ' ', sizeof(blank));
	arena_init(&A);
	memset(&CAP, 0, sizeof(CAP));
	CAP.sink.emit = capture_emit;
	SRC = source_from_buffer("t.site", blank, sizeof(blank));
	CACHE = builtin_cache_new();
	ROOT = "/nonexistent";
	NO_CACHE = false;
	FILES_SEEN = 0;
	FILE_PATH[0] = '\0';
	FILE_VALUE = NULL;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	builtin_cache_free(CACHE);
	source_free(SRC);
	arena_free(&A);
	return 0;
}

#define AT_CALL (-1)
#define ARG_START(i) (10u + 10u * (uint32_t)(i))

static struct value *invoke(const char *name, struct value **args, size_t n)
{
	const struct builtin_info *b = builtin_lookup(name);
	struct ast *call = arena_zalloc(&A, sizeof(*call));

	assert_non_null(b);
	assert_true((int)n >= b->min_args);
	assert_true(b->max_args < 0 || (int)n <= b->max_args);
	call->kind = AST_CALL;
	call->span = span_make(SRC, 0, 200);
	call->u.call.name.name = name;
	call->u.call.args.items = arena_alloc(&A, (n + 1) * sizeof(struct ast *));
	call->u.call.args.len = call->u.call.args.cap = (uint32_t)n;
	for (size_t i = 0; i < n; i++) {
		struct ast *a = arena_zalloc(&A, sizeof(*a));

		a->kind = AST_NULL;
		a->span = span_make(SRC, ARG_START(i), ARG_START(i) + 5);
		call->u.call.args.items[i] = a;
	}

	struct builtin_call c = {
		.arena = &A,
		.sink = &CAP.sink,
		.call = call,
		.args = args,
		.nargs = n,
		.fleet_root = ROOT,
		.cache = NO_CACHE ? NULL : CACHE,
		.on_file = on_file,
		.on_file_data = NULL,
	};

	return builtin_invoke(b, &c);
}

/* --- values from JSON ------------------------------------------------------ */

static struct value *from_json(json_t *j)
{
	struct value_builder b;
	const char *key;
	json_t *item;
	size_t i;

	switch (json_typeof(j)) {
	case JSON_OBJECT:
		item = json_object_get(j, "$secret");
		if (json_object_size(j) == 1 && json_is_string(item))
			return value_secret(&A, json_string_value(item),
					    json_string_length(item));
		value_build_init(&b, &A);
		json_object_foreach(j, key, item)
		    value_build_set(&b, key, strlen(key), from_json(item));
		return value_build_object(&b);
	case JSON_ARRAY:
		value_build_init(&b, &A);
		json_array_foreach(j, i, item)
		    value_build_push(&b, from_json(item));
		return value_build_list(&b);
	case JSON_STRING:
		return value_string(&A, json_string_value(j),
				    json_string_length(j));
	case JSON_INTEGER:
		return value_int(&A, json_integer_value(j));
	case JSON_REAL:
		return value_float(&A, json_real_value(j));
	case JSON_TRUE:
		return value_bool(&A, true);
	case JSON_FALSE:
		return value_bool(&A, false);
	case JSON_NULL:
		return value_null(&A);
	}
	return NULL;
}

static struct value *V(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, JSON_DECODE_ANY, &err);
	struct value *v;

	if (!j)
		print_error("bad test JSON %s: %s\n", text, err.text);
	assert_non_null(j);
	v = from_json(j);
	json_decref(j);
	return v;
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

static struct value *SEC(const char *ref)
{
	return value_secret(&A, ref, strlen(ref));
}

/* --- checks ------------------------------------------------------------------ */

#define ARGV(...)                                                           \
	(struct value *[]){ __VA_ARGS__ },                                  \
		sizeof((struct value *[]){ __VA_ARGS__ }) /                 \
			sizeof(struct value *)

/* OK(want, name, args...): the result's compact JSON is want. */
#define OK(want, name, ...)                                                 \
	check_ok((want), (name), ARGV(__VA_ARGS__), __FILE__, __LINE__)
/* OKS(want, name, args...): the result is the string want. */
#define OKS(want, name, ...)                                                \
	check_ok_string((want), sizeof(want) - 1, (name),                   \
			ARGV(__VA_ARGS__), __FILE__, __LINE__)
/* ERR(code, at, message, name, args...): one error, at argument `at`
 * (0-based) or AT_CALL. */
#define ERR(code, at, msg, name, ...)                                       \
	check_err((code), (at), (msg), (name), ARGV(__VA_ARGS__), __FILE__, \
		  __LINE__)
#define HELP(want) _assert_string_equal(CAP.help, (want), __FILE__, __LINE__)

static struct value *check_ok_value(const char *name, struct value **args,
				    size_t n, const char *file, int line)
{
	size_t before = CAP.n;
	struct value *v = invoke(name, args, n);

	if (!v || CAP.n != before)
		print_error("%s:%d: %s: unexpected error %s: %s\n", file, line,
			    name, diag_code_name(CAP.code), CAP.message);
	_assert_true(v != NULL, "result", file, line);
	_assert_int_equal(CAP.n, before, file, line);
	_assert_true(v->expr == NULL && v->op == NULL, "no provenance",
		     file, line);
	return v;
}

static void check_ok(const char *want, const char *name, struct value **args,
		     size_t n, const char *file, int line)
{
	struct value *v = check_ok_value(name, args, n, file, line);
	char *got = value_to_json_text(v, 0);

	_assert_string_equal(got, want, file, line);
	free(got);
}

static void check_ok_string(const char *want, size_t len, const char *name,
			    struct value **args, size_t n, const char *file,
			    int line)
{
	struct value *v = check_ok_value(name, args, n, file, line);

	_assert_int_equal(v->kind, V_STRING, file, line);
	_assert_int_equal(v->len, len, file, line);
	_assert_true(memcmp(v->u.str, want, len) == 0, "bytes", file, line);
	_assert_int_equal(v->u.str[len], '\0', file, line);
}

static void check_err(enum diag_code code, int at, const char *msg,
		      const char *name, struct value **args, size_t n,
		      const char *file, int line)
{
	size_t before = CAP.n;
	struct value *v = invoke(name, args, n);

	if (v) {
		char *got = value_to_json_text(v, 0);

		print_error("%s:%d: %s: no error, result %s\n", file, line,
			    name, got);
		free(got);
	}
	_assert_true(v == NULL, "NULL result", file, line);
	_assert_int_equal(CAP.n, before + 1, file, line);
	_assert_string_equal(diag_code_name(CAP.code), diag_code_name(code),
			     file, line);
	_assert_string_equal(CAP.message, msg, file, line);
	if (at == AT_CALL) {
		_assert_int_equal(CAP.start, 0, file, line);
		_assert_int_equal(CAP.end, 200, file, line);
	} else {
		_assert_int_equal(CAP.start, ARG_START(at), file, line);
		_assert_int_equal(CAP.end, ARG_START(at) + 5, file, line);
	}
}

#define SECRET_MSG(sig, what)                                               \
	sig ": " what " is a secret, which cannot be used as text; it would " \
	    "be emitted as plain text"

/* --- the table -------------------------------------------------------------- */

static void t_table(void **state)
{
	static const char *const contract[] = {
		"len", "keys", "values", "contains", "has", "range", "min",
		"max", "abs", "upper", "lower", "trim", "split", "join",
		"replace", "format", "startswith", "endswith", "regex_match",
		"to_string", "to_int", "sort", "unique", "flatten", "merge",
		"cidrhost", "cidrsubnet", "base64", "sha256", "file", "secret",
	};
	size_t n;
	const struct builtin_info *t = builtin_table(&n);

	(void)state;
	assert_int_equal(n, sizeof(contract) / sizeof(contract[0]));
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(t[i].name, contract[i]);
		assert_ptr_equal(builtin_lookup(contract[i]), &t[i]);
		/* the signature starts with the name and an open paren */
		assert_int_equal(strncmp(t[i].signature, t[i].name,
					 strlen(t[i].name)), 0);
		assert_int_equal(t[i].signature[strlen(t[i].name)], '(');
		assert_true(t[i].min_args >= 1);
		assert_true(t[i].max_args == -1 || t[i].max_args >= t[i].min_args);
	}
	assert_null(builtin_lookup("nope"));
	assert_null(builtin_lookup(""));
	assert_null(builtin_lookup("Len"));
	assert_int_equal(builtin_lookup("range")->min_args, 1);
	assert_int_equal(builtin_lookup("range")->max_args, 2);
	assert_int_equal(builtin_lookup("format")->max_args, -1);
	assert_int_equal(builtin_lookup("merge")->max_args, -1);
	assert_int_equal(builtin_lookup("cidrsubnet")->min_args, 3);
	assert_string_equal(builtin_lookup("join")->signature, "join(sep, list)");
}

/* A copy of a table entry still calls its builtin. */
static void t_invoke_copy_of_entry(void **state)
{
	struct builtin_info copy = *builtin_lookup("upper");
	struct value *args[1] = { S("ab") };
	struct ast call = { .kind = AST_CALL };
	struct builtin_call c = { .arena = &A, .sink = &CAP.sink,
				  .call = &call, .args = args, .nargs = 1 };
	struct value *v;

	(void)state;
	call.span = span_make(SRC, 0, 200);
	v = builtin_invoke(&copy, &c);
	assert_non_null(v);
	assert_string_equal(v->u.str, "AB");
}

/* --- objects, lists, numbers ------------------------------------------------- */

static void t_len(void **state)
{
	(void)state;
	OK("0", "len", S(""));
	OK("5", "len", S("hello"));
	/* code points, not bytes */
	OK("6", "len", S("h\xC3\xA9llo\xF0\x9F\x98\x80"));
	OK("3", "len", V("[1, [2, 3], {}]"));
	OK("0", "len", V("[]"));
	OK("2", "len", V("{\"a\": 1, \"b\": [1, 2, 3]}"));
	OK("0", "len", V("{}"));
	ERR(E0504, 0, "len(x): argument 1 must be a string, a list or an object, not an int",
	    "len", I(3));
	ERR(E0504, 0, "len(x): argument 1 must be a string, a list or an object, not null",
	    "len", V("null"));
	ERR(E0515, 0, SECRET_MSG("len(x)", "argument 1"), "len", SEC("vault:x"));
	HELP("use the secret as a whole field value: it is emitted as "
	     "{\"$secret\": ref} for the runtime to resolve");
}

static void t_keys_values(void **state)
{
	(void)state;
	/* definition order, not sorted */
	OK("[\"zeta\",\"alpha\",\"mid\"]", "keys",
	   V("{\"zeta\": 1, \"alpha\": 2, \"mid\": 3}"));
	OK("[1,[2],{\"x\":null}]", "values",
	   V("{\"zeta\": 1, \"alpha\": [2], \"mid\": {\"x\": null}}"));
	OK("[]", "keys", V("{}"));
	OK("[]", "values", V("{}"));
	OK("[\"app.kubernetes.io/name\"]", "keys",
	   V("{\"app.kubernetes.io/name\": 1}"));
	ERR(E0504, 0, "keys(obj): argument 1 must be an object, not a list",
	    "keys", V("[1]"));
	ERR(E0504, 0, "values(obj): argument 1 must be an object, not a string",
	    "values", S("x"));
	ERR(E0504, 0, "values(obj): argument 1 must be an object, not a secret",
	    "values", SEC("a:b"));
}

static void t_contains(void **state)
{
	(void)state;
	OK("true", "contains", V("[1, [2, {\"a\": 1}]]"), V("[2, {\"a\": 1}]"));
	OK("true", "contains", V("[1, 2]"), F(1.0));
	OK("false", "contains", V("[1, 2]"), S("1"));
	OK("false", "contains", V("[]"), V("null"));
	OK("true", "contains", V("[null]"), V("null"));
	/* objects: same keys and values, in any order */
	OK("true", "contains", V("[{\"a\": 1, \"b\": 2}]"), V("{\"b\": 2, \"a\": 1}"));
	OK("true", "contains", V("[{\"$secret\": \"v:x\"}]"), SEC("v:x"));
	OK("false", "contains", V("[\"v:x\"]"), SEC("v:x"));
	OK("true", "contains", S("hello"), S("ll"));
	OK("true", "contains", S("hello"), S("hello"));
	OK("true", "contains", S("hello"), S(""));
	OK("true", "contains", S(""), S(""));
	OK("false", "contains", S("hello"), S("hello!"));
	OK("false", "contains", S("hello"), S("lo!"));
	OK("true", "contains", S("aab"), S("ab"));
	OK("true", "contains", S("h\xC3\xA9llo"), S("\xC3\xA9"));
	ERR(E0504, 0, "contains(list_or_string, x): argument 1 must be a list or a string, not an object",
	    "contains", V("{\"a\": 1}"), S("a"));
	ERR(E0504, 1, "contains(list_or_string, x): argument 2 must be a string, not an int",
	    "contains", S("a1"), I(1));
	ERR(E0515, 0, SECRET_MSG("contains(list_or_string, x)", "argument 1"),
	    "contains", SEC("vault:abc"), S("a"));
	ERR(E0515, 1, SECRET_MSG("contains(list_or_string, x)", "argument 2"),
	    "contains", S("vault:abc"), SEC("vault:abc"));
}

static void t_has(void **state)
{
	(void)state;
	OK("true", "has", V("{\"a\": null}"), S("a"));
	OK("false", "has", V("{\"a\": 1}"), S("b"));
	OK("false", "has", V("{\"ab\": 1}"), S("a"));
	OK("false", "has", V("{}"), S(""));
	OK("true", "has", V("{\"\": 1}"), S(""));
	ERR(E0504, 0, "has(obj, key): argument 1 must be an object, not a list",
	    "has", V("[\"a\"]"), S("a"));
	ERR(E0504, 1, "has(obj, key): argument 2 must be a string, not an int",
	    "has", V("{\"1\": 1}"), I(1));
}

static void t_range(void **state)
{
	struct value *v;

	(void)state;
	OK("[0,1,2]", "range", I(3));
	OK("[0]", "range", I(1));
	OK("[]", "range", I(0));
	OK("[]", "range", I(-5));
	OK("[2,3,4]", "range", I(2), I(5));
	OK("[-2,-1,0]", "range", I(-2), I(1));
	OK("[]", "range", I(5), I(5));
	OK("[]", "range", I(5), I(2));
	OK("[]", "range", I(INT64_MAX), I(INT64_MIN));
	OK("[9223372036854775806]", "range", I(INT64_MAX - 1), I(INT64_MAX));
	OK("[-9223372036854775808]", "range", I(INT64_MIN), I(INT64_MIN + 1));
	/* the limit itself is fine */
	v = invoke("range", ARGV(I(1000000)));
	assert_non_null(v);
	assert_int_equal(v->len, 1000000);
	assert_int_equal(v->u.items[999999]->u.i, 999999);
	v = invoke("range", ARGV(I(-1000000), I(0)));
	assert_non_null(v);
	assert_int_equal(v->len, 1000000);
	ERR(E0512, 0, "range(n): 1000001 items is more than the limit of 1000000",
	    "range", I(1000001));
	ERR(E0512, AT_CALL, "range(from, to): 18446744073709551615 items is more than the limit of 1000000",
	    "range", I(INT64_MIN), I(INT64_MAX));
	ERR(E0504, 0, "range(n): argument 1 must be an int, not a float",
	    "range", F(3.0));
	ERR(E0504, 0, "range(from, to): argument 1 must be an int, not a string",
	    "range", S("0"), I(3));
	ERR(E0504, 1, "range(from, to): argument 2 must be an int, not null",
	    "range", I(0), V("null"));
}

static void t_min_max(void **state)
{
	(void)state;
	OK("1", "min", V("[3, 1, 2]"));
	OK("3", "max", V("[3, 1, 2]"));
	OK("-7", "min", V("[-7]"));
	/* the element itself: a float stays a float */
	OK("0.5", "min", V("[1, 0.5, 2]"));
	OK("2.5", "max", V("[1, 2.5, 2]"));
	/* ties keep the first */
	OK("2", "min", V("[2, 2.0, 3]"));
	OK("2.0", "min", V("[2.0, 2, 3]"));
	OK("3.0", "max", V("[3.0, 3, 1]"));
	OK("-9223372036854775808", "min", V("[0, -9223372036854775808, 1e300]"));
	OK("1e300", "max", V("[0, -9223372036854775808, 1e300]"));
	/* strings by bytes */
	OK("\"B\"", "min", V("[\"b\", \"a\", \"B\"]"));
	OK("\"b\"", "max", V("[\"b\", \"a\", \"B\", \"ab\"]"));
	OK("\"\"", "min", V("[\"a\", \"\"]"));
	ERR(E0512, 0, "min(list): argument 1 is an empty list", "min", V("[]"));
	ERR(E0512, 0, "max(list): argument 1 is an empty list", "max", V("[]"));
	ERR(E0504, 0, "min(list): item 2 of argument 1 is a string, but item 1 is a number; items must be all numbers or all strings",
	    "min", V("[1, \"a\"]"));
	ERR(E0504, 0, "max(list): item 3 of argument 1 is an int, but item 1 is a string; items must be all numbers or all strings",
	    "max", V("[\"a\", \"b\", 3]"));
	ERR(E0504, 0, "max(list): item 1 of argument 1 is a list; items must be all numbers or all strings",
	    "max", V("[[1], 2]"));
	ERR(E0504, 0, "min(list): item 1 of argument 1 is a bool; items must be all numbers or all strings",
	    "min", V("[true, false]"));
	ERR(E0504, 0, "min(list): item 2 of argument 1 is a secret, but item 1 is a string; items must be all numbers or all strings",
	    "min", V("[\"a\", {\"$secret\": \"v:x\"}]"));
	ERR(E0512, 0, "max(list): item 2 of argument 1 is NaN, which cannot be ordered",
	    "max", value_list(&A, ARGV(I(1), F(NAN))));
	ERR(E0504, 0, "min(list): argument 1 must be a list, not an int",
	    "min", I(1));
}

static void t_abs(void **state)
{
	(void)state;
	OK("5", "abs", I(-5));
	OK("5", "abs", I(5));
	OK("0", "abs", I(0));
	OK("9223372036854775807", "abs", I(INT64_MIN + 1));
	OK("9223372036854775807", "abs", I(INT64_MAX));
	OK("2.5", "abs", F(-2.5));
	OK("0.0", "abs", F(-0.0));
	OK("1e300", "abs", F(-1e300));
	ERR(E0506, 0, "abs(n): the absolute value of -9223372036854775808 does not fit in 64 bits",
	    "abs", I(INT64_MIN));
	ERR(E0504, 0, "abs(n): argument 1 must be a number, not a string",
	    "abs", S("-1"));
	ERR(E0504, 0, "abs(n): argument 1 must be a number, not a bool",
	    "abs", V("true"));
}

/* --- strings ----------------------------------------------------------------- */

static void t_upper_lower(void **state)
{
	(void)state;
	/* ASCII letters only: é and É stay as they are */
	OKS("H\xC3\xA9LLO W\xC3\x89 42!", "upper", S("H\xC3\xA9llo w\xC3\x89 42!"));
	OKS("h\xC3\xA9llo w\xC3\x89 42!", "lower", S("H\xC3\xA9LLO W\xC3\x89 42!"));
	OKS("", "upper", S(""));
	OKS("AZ@[`{", "upper", S("az@[`{"));
	OKS("az@[`{", "lower", S("AZ@[`{"));
	ERR(E0504, 0, "upper(s): argument 1 must be a string, not an int",
	    "upper", I(1));
	ERR(E0504, 0, "lower(s): argument 1 must be a string, not a list",
	    "lower", V("[\"A\"]"));
	ERR(E0515, 0, SECRET_MSG("upper(s)", "argument 1"), "upper", SEC("v:x"));
}

static void t_trim(void **state)
{
	(void)state;
	OKS("a b", "trim", S(" \t\n\r\v\f a b \n\r\v\f\t "));
	OKS("", "trim", S(" \t\n "));
	OKS("", "trim", S(""));
	OKS("x", "trim", S("x"));
	OKS("x  y", "trim", S("x  y"));
	/* only ASCII white space: a no-break space stays */
	OKS("\xC2\xA0x\xC2\xA0", "trim", S(" \xC2\xA0x\xC2\xA0 "));
	ERR(E0504, 0, "trim(s): argument 1 must be a string, not null",
	    "trim", V("null"));
	ERR(E0515, 0, SECRET_MSG("trim(s)", "argument 1"), "trim", SEC("v:x"));
}

static void t_split(void **state)
{
	(void)state;
	OK("[\"a\",\"b\",\"\",\"c\"]", "split", S("a,b,,c"), S(","));
	OK("[\"\"]", "split", S(""), S(","));
	OK("[\"abc\"]", "split", S("abc"), S(","));
	OK("[\"\",\"a\",\"\"]", "split", S(",a,"), S(","));
	OK("[\"a\",\"b\"]", "split", S("a--b"), S("--"));
	OK("[\"\",\"a\"]", "split", S("aaa"), S("aa"));
	OK("[\"\",\"\"]", "split", S("abc"), S("abc"));
	OK("[\"x\",\"y\"]", "split", S("x\xC3\xA9y"), S("\xC3\xA9"));
	ERR(E0512, 1, "split(s, sep): argument 2 is an empty string; the separator must not be empty",
	    "split", S("abc"), S(""));
	ERR(E0504, 0, "split(s, sep): argument 1 must be a string, not a list",
	    "split", V("[\"a,b\"]"), S(","));
	ERR(E0504, 1, "split(s, sep): argument 2 must be a string, not an int",
	    "split", S("1,2"), I(1));
	ERR(E0515, 0, SECRET_MSG("split(s, sep)", "argument 1"), "split",
	    SEC("v:x"), S(":"));
}

static void t_join(void **state)
{
	(void)state;
	OKS("a-1-2.5-2.0-true-false", "join", S("-"),
	    V("[\"a\", 1, 2.5, 2.0, true, false]"));
	OKS("", "join", S(","), V("[]"));
	OKS("x", "join", S(", "), V("[\"x\"]"));
	OKS("ab", "join", S(""), V("[\"a\", \"b\"]"));
	OKS("a, , b", "join", S(", "), V("[\"a\", \"\", \"b\"]"));
	OKS("-9223372036854775808|0.1", "join", S("|"),
	    V("[-9223372036854775808, 0.1]"));
	ERR(E0504, 1, "join(sep, list): argument 2 must be a list, not an object",
	    "join", S(","), V("{\"a\": \"b\"}"));
	ERR(E0504, 0, "join(sep, list): argument 1 must be a string, not a list",
	    "join", V("[\"a\"]"), S(","));
	ERR(E0504, 1, "join(sep, list): item 2 of argument 2 is null; items must be strings, numbers or bools",
	    "join", S(","), V("[\"a\", null]"));
	ERR(E0504, 1, "join(sep, list): item 1 of argument 2 is a list; items must be strings, numbers or bools",
	    "join", S(","), V("[[\"a\"]]"));
	ERR(E0504, 1, "join(sep, list): item 1 of argument 2 is an object; items must be strings, numbers or bools",
	    "join", S(","), V("[{}]"));
	ERR(E0515, 1, SECRET_MSG("join(sep, list)", "item 2 of argument 2"),
	    "join", S(","), V("[\"a\", {\"$secret\": \"vault:k\"}]"));
	ERR(E0515, 0, SECRET_MSG("join(sep, list)", "argument 1"),
	    "join", SEC("vault:k"), V("[]"));
}

static void t_replace(void **state)
{
	(void)state;
	OKS("a::b::c", "replace", S("a.b.c"), S("."), S("::"));
	OKS("bb", "replace", S("aaaa"), S("aa"), S("b"));
	OKS("ba", "replace", S("aaa"), S("aa"), S("b"));
	OKS("abc", "replace", S("abc"), S("x"), S("y"));
	OKS("ac", "replace", S("abc"), S("b"), S(""));
	OKS("", "replace", S(""), S("a"), S("b"));
	OKS("", "replace", S("aaa"), S("a"), S(""));
	OKS("xaxa", "replace", S("aa"), S("a"), S("xa"));	/* no rescan */
	OKS("ab", "replace", S("aab"), S("aab"), S("ab"));
	OKS("caf\xC3\xA9!", "replace", S("cafe!"), S("e"), S("\xC3\xA9"));
	ERR(E0512, 1, "replace(s, old, new): argument 2 is an empty string; there is nothing to replace",
	    "replace", S("abc"), S(""), S("x"));
	ERR(E0504, 2, "replace(s, old, new): argument 3 must be a string, not an int",
	    "replace", S("abc"), S("a"), I(1));
	ERR(E0515, 2, SECRET_MSG("replace(s, old, new)", "argument 3"),
	    "replace", S("abc"), S("a"), SEC("v:x"));
}

/*
 * The size limit on built strings (256 MiB) is checked before anything
 * is copied: `huge` is one byte over the limit and never read.
 */
static void t_string_limit(void **state)
{
	size_t max = (size_t)256 * 1024 * 1024, n = (size_t)16 * 1024 * 1024;
	char *huge = malloc(max + 2), *big = malloc(n + 1);
	struct value *h, *b, *items[16];

	(void)state;
	assert_non_null(huge);
	assert_non_null(big);
	huge[max + 1] = '\0';
	h = value_string_ref(&A, huge, max + 1);
	memset(big, 'x', n);
	big[n] = '\0';
	b = value_string_ref(&A, big, n);
	for (size_t i = 0; i < 16; i++)
		items[i] = b;
	ERR(E0512, AT_CALL, "join(sep, list): the result would be longer than 256 MiB",
	    "join", S(""), value_list(&A, ARGV(h)));
	/* 16 times 16 MiB is the limit; the separators pass it */
	ERR(E0512, AT_CALL, "join(sep, list): the result would be longer than 256 MiB",
	    "join", S(","), value_list(&A, items, 16));
	/* 16 Mi one-byte matches, each becoming 17 bytes */
	ERR(E0512, AT_CALL, "replace(s, old, new): the result would be longer than 256 MiB",
	    "replace", b, S("x"), S("yyyyyyyyyyyyyyyyy"));
	ERR(E0512, AT_CALL, "format(fmt, args...): the result would be longer than 256 MiB",
	    "format", S("%s"), h);
	ERR(E0512, AT_CALL, "format(fmt, args...): the result would be longer than 256 MiB",
	    "format", S("%s%s"), b, h);
	free(huge);
	free(big);
}

static void t_startswith_endswith(void **state)
{
	(void)state;
	OK("true", "startswith", S("hello"), S("he"));
	OK("true", "startswith", S("hello"), S(""));
	OK("true", "startswith", S("hello"), S("hello"));
	OK("false", "startswith", S("he"), S("hello"));
	OK("false", "startswith", S("hello"), S("lo"));
	OK("true", "endswith", S("hello"), S("lo"));
	OK("true", "endswith", S("hello"), S(""));
	OK("true", "endswith", S(""), S(""));
	OK("false", "endswith", S("hello"), S("he"));
	OK("false", "endswith", S("lo"), S("hello"));
	ERR(E0504, 0, "startswith(s, p): argument 1 must be a string, not an int",
	    "startswith", I(1), S("1"));
	ERR(E0515, 1, SECRET_MSG("endswith(s, p)", "argument 2"),
	    "endswith", S("a"), SEC("v:a"));
}

/* --- format ----------------------------------------------------------------- */

static void t_format(void **state)
{
	(void)state;
	OKS("a-42-[1,{\"k\":\"v\"}]", "format", S("%s-%d-%v"), S("a"), I(42),
	    V("[1, {\"k\": \"v\"}]"));
	OKS("null true 2.5 2.0 -7", "format", S("%s %s %s %s %s"), V("null"),
	    V("true"), F(2.5), F(2.0), I(-7));
	OKS("str 3 0.1 false null {}", "format", S("%v %v %v %v %v %v"),
	    S("str"), I(3), F(0.1), V("false"), V("null"), V("{}"));
	OKS("100%", "format", S("100%%"));
	OKS("%s", "format", S("%%s"));
	OKS("", "format", S(""));
	OKS("no verbs", "format", S("no verbs"));
	OKS("\xC3\xA9=\xC3\xA9!", "format", S("\xC3\xA9=%s!"), S("\xC3\xA9"));
	OKS("%%", "format", S("%s"), S("%%"));	/* arguments are not formats */
	OKS("-9223372036854775808", "format", S("%d"), I(INT64_MIN));
	OKS("[0.1,0.3333333333333333]", "format", S("%v"),
	    value_list(&A, ARGV(F(0.1), F(1.0 / 3.0))));

	ERR(E0504, 1, "format(fmt, args...): argument 2 must be an int for %d, not a float",
	    "format", S("%d"), F(1.0));
	ERR(E0504, 2, "format(fmt, args...): argument 3 must be an int for %d, not a string",
	    "format", S("%s %d"), S("a"), S("1"));
	ERR(E0504, 1, "format(fmt, args...): argument 2 must be a scalar for %s, not a list",
	    "format", S("%s"), V("[1]"));
	HELP("use %v to write a list or an object");
	ERR(E0504, 1, "format(fmt, args...): argument 2 must be a scalar for %s, not an object",
	    "format", S("%s"), V("{}"));
	ERR(E0515, 1, SECRET_MSG("format(fmt, args...)", "argument 2"),
	    "format", S("psk=%s"), SEC("vault:psk"));
	ERR(E0515, 1, SECRET_MSG("format(fmt, args...)", "argument 2"),
	    "format", S("%v"), SEC("vault:psk"));
	ERR(E0515, 1, SECRET_MSG("format(fmt, args...)", "argument 2"),
	    "format", S("%d"), SEC("vault:psk"));
	ERR(E0515, 2, SECRET_MSG("format(fmt, args...)", "an item inside argument 3"),
	    "format", S("%s %v"), S("x"), V("[1, {\"a\": {\"$secret\": \"v:x\"}}]"));
	ERR(E0512, 0, "format(fmt, args...): unknown verb %x at character 1 of the format",
	    "format", S("%x"), I(1));
	HELP("the verbs are %s, %d, %v and %%");
	ERR(E0512, 0, "format(fmt, args...): unknown verb %\xC3\xA9 at character 5 of the format",
	    "format", S("\xC3\xA9\xC3\xA9%s%\xC3\xA9"), S("a"));
	ERR(E0512, 0, "format(fmt, args...): unknown verb %  at character 3 of the format",
	    "format", S("50% off"));
	ERR(E0512, 0, "format(fmt, args...): the format ends with a lone %",
	    "format", S("50%"));
	HELP("write %% for a percent sign");
	ERR(E0512, AT_CALL, "format(fmt, args...): the format has 2 verbs but 1 value is given; verb 2 (%d) has none",
	    "format", S("%s=%d"), S("a"));
	ERR(E0512, AT_CALL, "format(fmt, args...): the format has 1 verb but 0 values are given; verb 1 (%v) has none",
	    "format", S("x%vx"));
	ERR(E0512, AT_CALL, "format(fmt, args...): the format has 1 verb but 2 values are given",
	    "format", S("%s"), S("a"), S("b"));
	ERR(E0512, AT_CALL, "format(fmt, args...): the format has 0 verbs but 1 value is given",
	    "format", S("100%%"), I(1));
	/* the verbs are checked before the values */
	ERR(E0512, 0, "format(fmt, args...): unknown verb %q at character 4 of the format",
	    "format", S("%d %q"), S("not an int"));
	ERR(E0504, 0, "format(fmt, args...): argument 1 must be a string, not an int",
	    "format", I(1));
	ERR(E0515, 0, SECRET_MSG("format(fmt, args...)", "argument 1"),
	    "format", SEC("v:%s"));
}

/* --- regex_match ------------------------------------------------------------ */

static void t_regex_match(void **state)
{
	regex_t re;
	char why[256], want[512];
	int rc;

	(void)state;
	OK("true", "regex_match", S("abc123"), S("[0-9]+"));	/* unanchored */
	OK("false", "regex_match", S("abc"), S("^b"));
	OK("true", "regex_match", S("abc"), S("^a.c$"));
	OK("true", "regex_match", S(""), S("^$"));
	OK("true", "regex_match", S("anything"), S(""));
	OK("true", "regex_match", S("paris-01"), S("^[a-z]+-[0-9]{2}$"));
	OK("false", "regex_match", S("paris-1"), S("^[a-z]+-[0-9]{2}$"));
	OK("true", "regex_match", S("a+b"), S("a\\+b"));
	OK("true", "regex_match", S("x|y"), S("(a|\\|)"));
	/* the same pattern again comes from the cache */
	OK("true", "regex_match", S("abc123"), S("[0-9]+"));
	OK("false", "regex_match", S("abc"), S("[0-9]+"));

	rc = regcomp(&re, "a(", REG_EXTENDED | REG_NOSUB);
	assert_int_not_equal(rc, 0);
	regerror(rc, &re, why, sizeof(why));
	snprintf(want, sizeof(want),
		 "regex_match(s, re): invalid regular expression \"a(\": %s", why);
	ERR(E0512, 1, want, "regex_match", S("a"), S("a("));
	HELP("the pattern is a POSIX extended regular expression");
	/* a bad pattern is not cached: it fails again */
	ERR(E0512, 1, want, "regex_match", S("a"), S("a("));

	rc = regcomp(&re, "[z-a]", REG_EXTENDED | REG_NOSUB);
	assert_int_not_equal(rc, 0);
	regerror(rc, &re, why, sizeof(why));
	snprintf(want, sizeof(want),
		 "regex_match(s, re): invalid regular expression \"[z-a]\": %s", why);
	ERR(E0512, 1, want, "regex_match", S("a"), S("[z-a]"));

	ERR(E0504, 1, "regex_match(s, re): argument 2 must be a string, not an int",
	    "regex_match", S("1"), I(1));
	ERR(E0515, 0, SECRET_MSG("regex_match(s, re)", "argument 1"),
	    "regex_match", SEC("vault:x"), S("x"));
}

static void t_regex_without_cache(void **state)
{
	(void)state;
	NO_CACHE = true;
	OK("true", "regex_match", S("abc"), S("b"));
	OK("true", "regex_match", S("abc"), S("b"));
	OK("false", "regex_match", S("abc"), S("^b"));
	ERR(E0512, 1, "regex_match(s, re): invalid regular expression \"(\": "
		      "Unmatched ( or \\(", "regex_match", S("a"), S("("));
}

/* Many patterns: the cache grows and still finds each. */
static void t_regex_cache_grows(void **state)
{
	char pattern[32], text[32];

	(void)state;
	for (int round = 0; round < 2; round++) {
		for (int i = 0; i < 300; i++) {
			snprintf(pattern, sizeof(pattern), "^x%d$", i);
			snprintf(text, sizeof(text), "x%d", i);
			OK("true", "regex_match", S(text), S(pattern));
			snprintf(text, sizeof(text), "x%d", i + 1000);
			OK("false", "regex_match", S(text), S(pattern));
		}
	}
}

/* --- conversions ------------------------------------------------------------- */

static void t_to_string(void **state)
{
	(void)state;
	OKS("a\"b", "to_string", S("a\"b"));
	OKS("", "to_string", S(""));
	OKS("1", "to_string", I(1));
	OKS("-9223372036854775808", "to_string", I(INT64_MIN));
	OKS("2.0", "to_string", F(2.0));
	OKS("0.1", "to_string", F(0.1));
	OKS("-0.0", "to_string", F(-0.0));
	OKS("100.0", "to_string", F(100.0));
	OKS("1e300", "to_string", F(1e300));
	OKS("true", "to_string", V("true"));
	OKS("false", "to_string", V("false"));
	OKS("null", "to_string", V("null"));
	OKS("[1,\"a\",2.0,null]", "to_string", V("[1, \"a\", 2.0, null]"));
	OKS("{\"b\":1,\"a\":{\"c\":[]}}", "to_string",
	    V("{\"b\": 1, \"a\": {\"c\": []}}"));
	OKS("[]", "to_string", V("[]"));
	/* a result never carries its argument's provenance */
	{
		static const struct ast somewhere = { .kind = AST_STRING };
		struct value *s = S("x"), *i = I(1), *l = V("[3, 1]");

		s->expr = i->expr = l->u.items[1]->expr = &somewhere;
		OKS("x", "to_string", s);
		OK("1", "to_int", i);
		OK("1", "min", l);
	}
	ERR(E0515, 0, SECRET_MSG("to_string(x)", "argument 1"), "to_string",
	    SEC("vault:x"));
	ERR(E0515, 0, SECRET_MSG("to_string(x)", "an item inside argument 1"),
	    "to_string", V("{\"a\": [{\"$secret\": \"vault:x\"}]}"));
}

static void t_to_int(void **state)
{
	(void)state;
	OK("5", "to_int", I(5));
	OK("2", "to_int", F(2.9));
	OK("-2", "to_int", F(-2.9));
	OK("0", "to_int", F(-0.5));
	OK("0", "to_int", F(-0.0));
	OK("-9223372036854775808", "to_int", F(-0x1p63));
	OK("9223372036854774784", "to_int", F(0x1.fffffffffffffp62));
	OK("42", "to_int", S("42"));
	OK("7", "to_int", S("+7"));
	OK("0", "to_int", S("-0"));
	OK("7", "to_int", S("007"));
	OK("-9223372036854775808", "to_int", S("-9223372036854775808"));
	OK("9223372036854775807", "to_int", S("9223372036854775807"));
	ERR(E0512, 0, "to_int(x): argument 1 (\"9223372036854775808\") does not fit in a 64-bit int",
	    "to_int", S("9223372036854775808"));
	ERR(E0512, 0, "to_int(x): argument 1 (\"-9223372036854775809\") does not fit in a 64-bit int",
	    "to_int", S("-9223372036854775809"));
	ERR(E0512, 0, "to_int(x): argument 1 (\"99999999999999999999999\") does not fit in a 64-bit int",
	    "to_int", S("99999999999999999999999"));
	ERR(E0512, 0, "to_int(x): argument 1 (\"\") is not a decimal integer",
	    "to_int", S(""));
	HELP("write an optional sign and decimal digits, such as \"-42\"");
	static const char *const bad[] = {
		"1.5", " 1", "1 ", "0x10", "1_000", "+", "-", "--1", "+-1",
		"1e3", "\xD9\xA3", "one",
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[128];
		struct value *v = S(bad[i]);

		snprintf(want, sizeof(want),
			 "to_int(x): argument 1 (%s) is not a decimal integer",
			 value_brief(&A, v, 60));
		ERR(E0512, 0, want, "to_int", v);
	}
	ERR(E0512, 0, "to_int(x): argument 1 (1e19) is outside the range of a 64-bit int",
	    "to_int", F(1e19));
	ERR(E0512, 0, "to_int(x): argument 1 (9.223372036854776e18) is outside the range of a 64-bit int",
	    "to_int", F(0x1p63));
	ERR(E0512, 0, "to_int(x): argument 1 (nan) is outside the range of a 64-bit int",
	    "to_int", F(NAN));
	ERR(E0512, 0, "to_int(x): argument 1 (-inf) is outside the range of a 64-bit int",
	    "to_int", F(-INFINITY));
	ERR(E0504, 0, "to_int(x): argument 1 must be an int, a float or a string, not a bool",
	    "to_int", V("true"));
	ERR(E0504, 0, "to_int(x): argument 1 must be an int, a float or a string, not a list",
	    "to_int", V("[1]"));
	ERR(E0515, 0, SECRET_MSG("to_int(x)", "argument 1"), "to_int",
	    SEC("vault:n"));
}

/* --- sort, unique, flatten, merge ------------------------------------------- */

static void t_sort(void **state)
{
	(void)state;
	OK("[1,2,3]", "sort", V("[3, 1, 2]"));
	OK("[]", "sort", V("[]"));
	OK("[5]", "sort", V("[5]"));
	/* stable: 1 and 1.0 keep their order */
	OK("[1,1.0,1.5,2]", "sort", V("[2, 1, 1.5, 1.0]"));
	OK("[1.0,1,1.5,2]", "sort", V("[2, 1.0, 1.5, 1]"));
	OK("[-1e300,-9223372036854775808,0,1e300]", "sort",
	   V("[1e300, 0, -1e300, -9223372036854775808]"));
	OK("[\"\",\"B\",\"a\",\"ab\",\"b\",\"\xC3\xA9\"]", "sort",
	   V("[\"b\", \"\xC3\xA9\", \"a\", \"\", \"ab\", \"B\"]"));
	/* the argument is left as it was */
	{
		struct value *l = V("[3, 2, 1]");
		char *text;

		OK("[1,2,3]", "sort", l);
		text = value_to_json_text(l, 0);
		assert_string_equal(text, "[3,2,1]");
		free(text);
	}
	ERR(E0504, 0, "sort(list): item 2 of argument 1 is a string, but item 1 is a number; items must be all numbers or all strings",
	    "sort", V("[1, \"a\"]"));
	ERR(E0504, 0, "sort(list): item 1 of argument 1 is null; items must be all numbers or all strings",
	    "sort", V("[null]"));
	ERR(E0504, 0, "sort(list): item 1 of argument 1 is an object; items must be all numbers or all strings",
	    "sort", V("[{}, {}]"));
	ERR(E0512, 0, "sort(list): item 1 of argument 1 is NaN, which cannot be ordered",
	    "sort", value_list(&A, ARGV(F(NAN), I(1))));
	ERR(E0504, 0, "sort(list): argument 1 must be a list, not an object",
	    "sort", V("{\"b\": 1, \"a\": 2}"));
}

static int compare_ints(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/* A large list: sorted, a permutation, and stable for equal numbers. */
static void t_sort_large(void **state)
{
	enum { N = 5000 };
	struct value *items[N];
	int64_t want[N];
	uint64_t seed = 42;
	struct value *v;

	(void)state;
	for (int i = 0; i < N; i++) {
		seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
		want[i] = (int64_t)(seed >> 54);	/* many equal keys */
		/* odd positions are floats: equal keys must keep order */
		items[i] = i % 2 ? F((double)want[i]) : I(want[i]);
	}
	v = invoke("sort", ARGV(value_list(&A, items, N)));
	assert_non_null(v);
	qsort(want, N, sizeof(want[0]), compare_ints);
	for (int i = 0; i < N; i++) {
		assert_true(value_as_double(v->u.items[i]) == (double)want[i]);
		if (i > 0 && value_equal(v->u.items[i], v->u.items[i - 1])) {
			/* stable: equal items in their original order */
			const struct value *a = v->u.items[i - 1], *b = v->u.items[i];
			size_t ia = 0, ib = 0;

			while (items[ia] != a)
				ia++;
			while (items[ib] != b)
				ib++;
			assert_true(ia < ib);
		}
	}
}

static void t_unique(void **state)
{
	struct value *v;

	(void)state;
	OK("[1,2,\"a\",[1],{\"a\":1,\"b\":2},null]", "unique",
	   V("[1, 1.0, 2, 1, \"a\", \"a\", [1], [1.0], {\"a\": 1, \"b\": 2}, "
	     "{\"b\": 2, \"a\": 1}, null, null]"));
	OK("[]", "unique", V("[]"));
	OK("[1.0,2]", "unique", V("[1.0, 1, 2]"));	/* the first occurrence */
	OK("[{\"$secret\":\"v:a\"},{\"$secret\":\"v:b\"},\"v:a\"]", "unique",
	   V("[{\"$secret\": \"v:a\"}, {\"$secret\": \"v:a\"}, "
	     "{\"$secret\": \"v:b\"}, \"v:a\"]"));
	OK("[true,false]", "unique", V("[true, false, true]"));
	OK("[0,\"0\",[],{}]", "unique", V("[0, \"0\", [], {}, -0.0, []]"));
	/* NaN equals nothing, itself included */
	v = invoke("unique", ARGV(value_list(&A, ARGV(F(NAN), F(NAN)))));
	assert_non_null(v);
	assert_int_equal(v->len, 2);
	ERR(E0504, 0, "unique(list): argument 1 must be a list, not a string",
	    "unique", S("aab"));
}

static void t_unique_large(void **state)
{
	enum { N = 20000 };
	struct value *items[N];
	struct value *v;

	(void)state;
	for (int i = 0; i < N; i++)
		items[i] = i % 3 ? I(i % 1000) : F((double)(i % 1000));
	v = invoke("unique", ARGV(value_list(&A, items, N)));
	assert_non_null(v);
	assert_int_equal(v->len, 1000);
	for (int i = 0; i < 1000; i++) {
		assert_true(value_as_double(v->u.items[i]) == (double)i);
		/* the first occurrence: position i holds a float when i % 3 == 0 */
		assert_int_equal(v->u.items[i]->kind, i % 3 ? V_INT : V_FLOAT);
	}
}

static void t_flatten(void **state)
{
	(void)state;
	OK("[1,2,3,4,\"x\"]", "flatten", V("[1, [2, [3, []]], [[4]], \"x\"]"));
	OK("[]", "flatten", V("[]"));
	OK("[]", "flatten", V("[[], [[]]]"));
	OK("[{\"a\":[1,[2]]},null]", "flatten", V("[{\"a\": [1, [2]]}, [null]]"));
	ERR(E0504, 0, "flatten(list): argument 1 must be a list, not a string",
	    "flatten", S("a"));
}

static void t_merge(void **state)
{
	struct value *a, *b;
	char *text;

	(void)state;
	OK("{\"a\":{\"n\":1},\"b\":{\"x\":1,\"y\":3,\"z\":4},\"c\":5}", "merge",
	   V("{\"a\": 1, \"b\": {\"x\": 1, \"y\": 2}}"),
	   V("{\"b\": {\"y\": 3, \"z\": 4}, \"c\": 5}"),
	   V("{\"a\": {\"n\": 1}}"));
	OK("{\"a\":1}", "merge", V("{\"a\": 1}"));
	OK("{}", "merge", V("{}"), V("{}"));
	/* anything but two objects is replaced: lists too */
	OK("{\"a\":2,\"l\":[2]}", "merge", V("{\"a\": {\"x\": 1}, \"l\": [1]}"),
	   V("{\"a\": 2, \"l\": [2]}"));
	OK("{\"a\":{\"x\":1}}", "merge", V("{\"a\": null}"), V("{\"a\": {\"x\": 1}}"));
	/* deep: three levels, order of first appearance */
	OK("{\"k\":{\"m\":{\"p\":1,\"q\":2,\"r\":3},\"n\":0}}", "merge",
	   V("{\"k\": {\"m\": {\"p\": 1, \"q\": 0}}}"),
	   V("{\"k\": {\"n\": 0, \"m\": {\"q\": 2}}}"),
	   V("{\"k\": {\"m\": {\"r\": 3}}}"));
	OK("{\"s\":{\"$secret\":\"v:new\"}}", "merge",
	   V("{\"s\": {\"$secret\": \"v:old\"}}"),
	   V("{\"s\": {\"$secret\": \"v:new\"}}"));
	/* the arguments are left as they were */
	a = V("{\"b\": {\"x\": 1}}");
	b = V("{\"b\": {\"y\": 2}}");
	OK("{\"b\":{\"x\":1,\"y\":2}}", "merge", a, b);
	text = value_to_json_text(a, 0);
	assert_string_equal(text, "{\"b\":{\"x\":1}}");
	free(text);
	ERR(E0504, 1, "merge(obj, obj...): argument 2 must be an object, not a list",
	    "merge", V("{}"), V("[]"));
	ERR(E0504, 0, "merge(obj, obj...): argument 1 must be an object, not null",
	    "merge", V("null"), V("{}"));
	ERR(E0504, 2, "merge(obj, obj...): argument 3 must be an object, not a secret",
	    "merge", V("{}"), V("{}"), SEC("v:x"));
}

/* --- CIDR ------------------------------------------------------------------- */

static void t_cidrhost(void **state)
{
	(void)state;
	/* Terraform's documented examples */
	OKS("10.12.112.16", "cidrhost", S("10.12.112.0/20"), I(16));
	OKS("10.12.113.12", "cidrhost", S("10.12.112.0/20"), I(268));
	/* (Terraform's "fd00:fd12:3456:7890:00a2::/72": host bits set) */
	OKS("fd00:fd12:3456:7890::22", "cidrhost",
	    S("fd00:fd12:3456:7890::/72"), I(34));

	OKS("10.0.0.5", "cidrhost", S("10.0.0.0/24"), I(5));
	OKS("10.0.0.0", "cidrhost", S("10.0.0.0/24"), I(0));
	OKS("10.0.0.255", "cidrhost", S("10.0.0.0/24"), I(255));
	OKS("10.0.0.255", "cidrhost", S("10.0.0.0/24"), I(-1));
	OKS("10.0.0.254", "cidrhost", S("10.0.0.0/24"), I(-2));
	OKS("10.0.0.0", "cidrhost", S("10.0.0.0/24"), I(-256));
	OKS("10.0.1.44", "cidrhost", S("10.0.0.0/16"), I(300));
	OKS("10.1.0.2", "cidrhost", S("10.0.0.0/8"), I(65538));
	OKS("10.1.0.10", "cidrhost", S("10.1.0.0/16"), I(10));
	OKS("10.0.0.5", "cidrhost", S("10.0.0.5/32"), I(0));
	OKS("10.0.0.5", "cidrhost", S("10.0.0.5/32"), I(-1));
	OKS("255.255.255.255", "cidrhost", S("0.0.0.0/0"), I(-1));
	OKS("0.0.0.1", "cidrhost", S("0.0.0.0/0"), I(1));
	OKS("fd00::1", "cidrhost", S("fd00::/64"), I(1));
	OKS("fd00::ffff:ffff:ffff:ffff", "cidrhost", S("fd00::/64"), I(-1));
	OKS("2001:db8::1:0", "cidrhost", S("2001:db8::/32"), I(65536));
	OKS("fd00::7fff:ffff:ffff:ffff", "cidrhost", S("fd00::/64"), I(INT64_MAX));
	OKS("fd00::8000:0:0:0", "cidrhost", S("fd00::/64"), I(INT64_MIN));
	OKS("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", "cidrhost", S("::/0"), I(-1));
	OKS("::ffff:ffff:ffff:ffff", "cidrhost", S("::/64"), I(-1));

	ERR(E0512, 1, "cidrhost(cidr, n): host number 256 is outside \"10.0.0.0/24\", which holds 256 addresses",
	    "cidrhost", S("10.0.0.0/24"), I(256));
	HELP("a negative host number counts from the end: -1 is the last address");
	ERR(E0512, 1, "cidrhost(cidr, n): host number -257 is outside \"10.0.0.0/24\", which holds 256 addresses",
	    "cidrhost", S("10.0.0.0/24"), I(-257));
	ERR(E0512, 1, "cidrhost(cidr, n): host number 1 is outside \"10.0.0.5/32\", which holds 1 address",
	    "cidrhost", S("10.0.0.5/32"), I(1));
	ERR(E0512, 1, "cidrhost(cidr, n): host number -2 is outside \"10.0.0.5/32\", which holds 1 address",
	    "cidrhost", S("10.0.0.5/32"), I(-2));
	ERR(E0512, 1, "cidrhost(cidr, n): host number 4294967296 is outside \"0.0.0.0/0\", which holds 4294967296 addresses",
	    "cidrhost", S("0.0.0.0/0"), I(4294967296));
	ERR(E0512, 1, "cidrhost(cidr, n): host number 65536 is outside \"fd00::/112\", which holds 65536 addresses",
	    "cidrhost", S("fd00::/112"), I(65536));
	ERR(E0504, 1, "cidrhost(cidr, n): argument 2 must be an int, not a float",
	    "cidrhost", S("10.0.0.0/24"), F(1.0));
	ERR(E0504, 0, "cidrhost(cidr, n): argument 1 must be a string, not an int",
	    "cidrhost", I(10), I(1));
}

static void t_bad_cidrs(void **state)
{
	static const char *const bad[] = {
		"10.0.0.0", "10.0.0/8", "10.0.0.0/33", "10.0.0.0/", "/8",
		"10.0.0.0/abc", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/0008",
		"010.0.0.0/8", "256.0.0.0/8", "fd00::/129", "fd00:::/64",
		"x/8", "", "10.0.0.0/8/8", " 10.0.0.0/8", "10.0.0.0/8 ",
		"fe80::1%eth0/64",
		/* the format's rule: no host bits set, no leading zero */
		"10.1.2.3/16", "1.2.3.4/0", "10.0.0.1/024",
		"fd00:fd12:3456:7890:00a2::/72",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[512], why[160], fix[64], help[96];
		struct format_why w = { why, sizeof(why), fix, sizeof(fix) };
		struct value *v = S(bad[i]);

		print_message("# %s\n", bad[i]);
		/* the reason and the fix of E0604 */
		assert_false(format_valid(FMT_CIDR, bad[i], strlen(bad[i]), &w));
		snprintf(help, sizeof(help), "did you mean \"%s\"?", fix);
		snprintf(want, sizeof(want),
			 "cidrhost(cidr, n): argument 1 (%s) is not a cidr: %s",
			 value_brief(&A, v, 60), why);
		ERR(E0512, 0, want, "cidrhost", v, I(1));
		if (fix[0])
			HELP(help);
		snprintf(want, sizeof(want),
			 "cidrsubnet(cidr, newbits, n): argument 1 (%s) is not a cidr: %s",
			 value_brief(&A, v, 60), why);
		ERR(E0512, 0, want, "cidrsubnet", v, I(1), I(1));
		if (fix[0])
			HELP(help);
	}
	ERR(E0515, 0, SECRET_MSG("cidrhost(cidr, n)", "argument 1"),
	    "cidrhost", SEC("vault:net"), I(1));
}

static void t_cidrsubnet(void **state)
{
	(void)state;
	/* Terraform's documented examples */
	OKS("172.18.0.0/16", "cidrsubnet", S("172.16.0.0/12"), I(4), I(2));
	OKS("10.1.2.240/28", "cidrsubnet", S("10.1.2.0/24"), I(4), I(15));
	/* (Terraform's "fd00:fd12:3456:7890::/56": host bits set) */
	OKS("fd00:fd12:3456:7800:a200::/72", "cidrsubnet",
	    S("fd00:fd12:3456:7800::/56"), I(16), I(162));

	OKS("10.0.2.0/24", "cidrsubnet", S("10.0.0.0/16"), I(8), I(2));
	OKS("10.1.2.0/24", "cidrsubnet", S("10.1.0.0/16"), I(8), I(2));
	OKS("10.0.0.0/8", "cidrsubnet", S("10.0.0.0/8"), I(0), I(0));
	OKS("10.0.240.0/20", "cidrsubnet", S("10.0.0.0/16"), I(4), I(15));
	OKS("10.0.0.3/32", "cidrsubnet", S("10.0.0.0/30"), I(2), I(3));
	OKS("255.255.255.255/32", "cidrsubnet", S("0.0.0.0/0"), I(32), I(4294967295));
	OKS("128.0.0.0/1", "cidrsubnet", S("0.0.0.0/0"), I(1), I(1));
	OKS("fd00:0:0:1::/64", "cidrsubnet", S("fd00::/48"), I(16), I(1));
	OKS("fd00:0:ffff:ffff::/64", "cidrsubnet", S("fd00::/32"), I(32), I(4294967295));
	OKS("2001:db8:ff00::/40", "cidrsubnet", S("2001:db8::/32"), I(8), I(255));
	OKS("fd00::ffff:ffff/128", "cidrsubnet", S("fd00::/96"), I(32), I(4294967295));

	ERR(E0512, 1, "cidrsubnet(cidr, newbits, n): argument 2 is 33; a prefix can be extended by 0 to 32 bits",
	    "cidrsubnet", S("fd00::/48"), I(33), I(0));
	ERR(E0512, 1, "cidrsubnet(cidr, newbits, n): argument 2 is -1; a prefix can be extended by 0 to 32 bits",
	    "cidrsubnet", S("10.0.0.0/8"), I(-1), I(0));
	ERR(E0512, 1, "cidrsubnet(cidr, newbits, n): \"10.0.0.0/30\" cannot be extended by 3 bits: /30 + 3 is more than /32",
	    "cidrsubnet", S("10.0.0.0/30"), I(3), I(0));
	ERR(E0512, 1, "cidrsubnet(cidr, newbits, n): \"fd00::/120\" cannot be extended by 9 bits: /120 + 9 is more than /128",
	    "cidrsubnet", S("fd00::/120"), I(9), I(0));
	ERR(E0512, 2, "cidrsubnet(cidr, newbits, n): subnet number 256 does not fit in 8 new bits (0 to 255)",
	    "cidrsubnet", S("10.0.0.0/16"), I(8), I(256));
	ERR(E0512, 2, "cidrsubnet(cidr, newbits, n): subnet number -1 does not fit in 8 new bits (0 to 255)",
	    "cidrsubnet", S("10.0.0.0/16"), I(8), I(-1));
	ERR(E0512, 2, "cidrsubnet(cidr, newbits, n): subnet number 1 does not fit in 0 new bits (0 to 0)",
	    "cidrsubnet", S("10.0.0.0/16"), I(0), I(1));
	ERR(E0512, 2, "cidrsubnet(cidr, newbits, n): subnet number 4294967296 does not fit in 32 new bits (0 to 4294967295)",
	    "cidrsubnet", S("fd00::/32"), I(32), I(4294967296));
	ERR(E0504, 2, "cidrsubnet(cidr, newbits, n): argument 3 must be an int, not a string",
	    "cidrsubnet", S("10.0.0.0/16"), I(8), S("1"));
	ERR(E0504, 1, "cidrsubnet(cidr, newbits, n): argument 2 must be an int, not a float",
	    "cidrsubnet", S("10.0.0.0/16"), F(8), I(1));
}

/* --- base64, sha256 ---------------------------------------------------------- */

static void t_base64_sha256(void **state)
{
	(void)state;
	OKS("", "base64", S(""));
	OKS("Zg==", "base64", S("f"));
	OKS("Zm8=", "base64", S("fo"));
	OKS("Zm9v", "base64", S("foo"));
	OKS("Zm9vYmFy", "base64", S("foobar"));
	OKS("w6k=", "base64", S("\xC3\xA9"));
	OKS("w7/Dvw==", "base64", S("\xC3\xBF\xC3\xBF"));	/* / and padding */
	OKS("aGVsbG8K", "base64", S("hello\n"));
	OKS("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	    "sha256", S(""));
	OKS("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
	    "sha256", S("foo"));
	OKS("4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c",
	    "sha256", S("\xC3\xA9"));
	ERR(E0504, 0, "base64(s): argument 1 must be a string, not an int",
	    "base64", I(1));
	ERR(E0504, 0, "sha256(s): argument 1 must be a string, not a list",
	    "sha256", V("[\"a\"]"));
	ERR(E0515, 0, SECRET_MSG("base64(s)", "argument 1"), "base64", SEC("v:x"));
	ERR(E0515, 0, SECRET_MSG("sha256(s)", "argument 1"), "sha256", SEC("v:x"));
}

/* --- secret ------------------------------------------------------------------- */

static void t_secret(void **state)
{
	static const char *const bad[] = {
		"vault:", "Vault:x", ":x", "9a:x", "vault", "va_ult:x", "",
		"-a:x", "a b:x", "\xC3\xA9:x",
	};
	struct value *v;

	(void)state;
	OK("{\"$secret\":\"vault:edge/ipsec/psk\"}", "secret",
	   S("vault:edge/ipsec/psk"));
	OK("{\"$secret\":\"a:b\"}", "secret", S("a:b"));
	OK("{\"$secret\":\"s3+x.y-z:p:q\"}", "secret", S("s3+x.y-z:p:q"));
	OK("{\"$secret\":\"a:\xC3\xA9 x\"}", "secret", S("a:\xC3\xA9 x"));
	v = invoke("secret", ARGV(S("vault:k")));
	assert_non_null(v);
	assert_int_equal(v->kind, V_SECRET);
	assert_int_equal(v->len, 7);
	assert_string_equal(v->u.str, "vault:k");
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[128];

		v = S(bad[i]);
		snprintf(want, sizeof(want),
			 "secret(ref): argument 1 (%s) is not a secret reference",
			 value_brief(&A, v, 60));
		ERR(E0512, 0, want, "secret", v);
		HELP("a secret reference is SCHEME:PATH, such as vault:edge/ipsec/psk");
	}
	ERR(E0504, 0, "secret(ref): argument 1 must be a string, not an int",
	    "secret", I(1));
	ERR(E0515, 0, SECRET_MSG("secret(ref)", "argument 1"), "secret",
	    SEC("vault:x"));
}

/* --- file --------------------------------------------------------------------- */

/*
 * A fleet in a temporary directory:
 *   TMP/outside.txt
 *   TMP/fleet/sites/a.site      (the calling file)
 *   TMP/fleet/sites/data.txt    "hello\n"
 *   TMP/fleet/conf/x.txt, empty.txt, nul.bin, latin1.txt, big.txt, exact.txt
 *   TMP/fleet/conf/dir/, fifo
 *   TMP/fleet/link-out -> ../outside.txt, link-in -> sites/data.txt
 */
static char TMP[256], FLEET[512], *REAL_TMP, *REAL_FLEET;

static void write_file(const char *dir, const char *name, const char *data,
		       size_t n)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, n, f), n);
	assert_int_equal(fclose(f), 0);
}

static void write_big(const char *dir, const char *name, size_t n)
{
	char *data = malloc(n);

	assert_non_null(data);
	memset(data, 'a', n);
	write_file(dir, name, data, n);
	free(data);
}

static int file_setup(void **state)
{
	char path[1024];

	setup(state);
	snprintf(TMP, sizeof(TMP), "%s/sitec-builtins-XXXXXX",
		 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(TMP))
		return -1;
	REAL_TMP = realpath(TMP, NULL);
	snprintf(FLEET, sizeof(FLEET), "%s/fleet", TMP);
	mkdir(FLEET, 0755);
	REAL_FLEET = realpath(FLEET, NULL);
	snprintf(path, sizeof(path), "%s/sites", FLEET);
	mkdir(path, 0755);
	write_file(path, "a.site", "", 0);
	write_file(path, "data.txt", "hello\n", 6);
	snprintf(path, sizeof(path), "%s/conf", FLEET);
	mkdir(path, 0755);
	write_file(path, "x.txt", "x\xC3\xA9", 3);
	write_file(path, "empty.txt", "", 0);
	write_file(path, "nul.bin", "abc\0def", 7);
	write_file(path, "latin1.txt", "caf\xE9\n", 5);
	write_big(path, "big.txt", (size_t)16 * 1024 * 1024 + 1);
	write_big(path, "exact.txt", (size_t)16 * 1024 * 1024);
	snprintf(path, sizeof(path), "%s/conf/dir", FLEET);
	mkdir(path, 0755);
	snprintf(path, sizeof(path), "%s/conf/fifo", FLEET);
	mkfifo(path, 0644);
	write_file(TMP, "outside.txt", "secret\n", 7);
	snprintf(path, sizeof(path), "%s/link-out", FLEET);
	if (symlink("../outside.txt", path) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/link-in", FLEET);
	if (symlink("sites/data.txt", path) != 0)
		return -1;

	/* calls come from sites/a.site */
	source_free(SRC);
	snprintf(path, sizeof(path), "%s/sites/a.site", FLEET);
	{
		char blank[256];

		memset(blank, ' ', sizeof(blank));
		SRC = source_from_buffer(path, blank, sizeof(blank));
	}
	ROOT = REAL_FLEET;
	return 0;
}

static int file_teardown(void **state)
{
	char cmd[600];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", TMP);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", TMP);
	free(REAL_TMP);
	free(REAL_FLEET);
	return teardown(state);
}

static void t_file_reads(void **state)
{
	char path[1024], want[1024];
	struct value *v1, *v2;

	(void)state;
	OKS("hello\n", "file", S("data.txt"));
	assert_int_equal(FILES_SEEN, 1);
	snprintf(want, sizeof(want), "%s/sites/data.txt", REAL_FLEET);
	assert_string_equal(FILE_PATH, want);
	assert_non_null(FILE_VALUE);
	assert_string_equal(FILE_VALUE->u.str, "hello\n");

	/* the second read comes from the cache, and is reported too */
	v1 = invoke("file", ARGV(S("./data.txt")));
	v2 = invoke("file", ARGV(S("../sites/data.txt")));
	assert_non_null(v1);
	assert_non_null(v2);
	assert_int_equal(FILES_SEEN, 3);
	assert_string_equal(FILE_PATH, want);
	assert_ptr_not_equal(v1, v2);			/* each its own value */
	assert_ptr_equal(v1->u.str, v2->u.str);	/* sharing the text */

	OKS("x\xC3\xA9", "file", S("../conf/x.txt"));
	OKS("", "file", S("../conf/empty.txt"));
	OKS("hello\n", "file", S("../link-in"));	/* a link inside is fine */
	snprintf(path, sizeof(path), "%s/conf/x.txt", FLEET);
	OKS("x\xC3\xA9", "file", S(path));		/* absolute, inside */

	/* exactly 16 MiB is allowed */
	v1 = invoke("file", ARGV(S("../conf/exact.txt")));
	assert_non_null(v1);
	assert_int_equal(v1->len, 16 * 1024 * 1024);
}

static void t_file_outside(void **state)
{
	char want[2048], path[1024];

	(void)state;
	ERR(E0513, 0, "file(path): \"../../outside.txt\" resolves to "
		      "../outside.txt, outside the fleet directory",
	    "file", S("../../outside.txt"));
	HELP("the path must stay inside the fleet directory (the resolved "
	     "path is shown relative to it)");
	/* a link that escapes */
	ERR(E0513, 0, "file(path): \"../link-out\" resolves to ../outside.txt, "
		      "outside the fleet directory", "file", S("../link-out"));
	/* an absolute path outside */
	snprintf(path, sizeof(path), "%s/outside.txt", TMP);
	snprintf(want, sizeof(want),
		 "file(path): %s resolves to ../outside.txt, outside the "
		 "fleet directory", value_brief(&A, S(path), 60));
	ERR(E0513, 0, want, "file", S(path));
	/* a sibling whose name starts with the root's is still outside */
	snprintf(path, sizeof(path), "%s/fleet2", TMP);
	mkdir(path, 0755);
	write_file(path, "y.txt", "y", 1);
	ERR(E0513, 0, "file(path): \"../../fleet2/y.txt\" resolves to "
		      "../fleet2/y.txt, outside the fleet directory",
	    "file", S("../../fleet2/y.txt"));
	/* the parent of the root, and a path far away */
	ERR(E0513, 0, "file(path): \"../..\" resolves to .., outside the "
		      "fleet directory", "file", S("../.."));
	snprintf(want, sizeof(want),
		 "file(path): \"/\" resolves to ");
	for (const char *c = REAL_FLEET; *c; c++)
		if (*c == '/')
			strcat(want, c == REAL_FLEET ? ".." : "/..");
	strcat(want, ", outside the fleet directory");
	ERR(E0513, 0, want, "file", S("/"));
	assert_int_equal(FILES_SEEN, 0);
}

/* The root as the evaluator may give it: through a link, or NULL (the
 * current directory). */
static void t_file_root_forms(void **state)
{
	char link[1024], cwd[4096];

	(void)state;
	snprintf(link, sizeof(link), "%s/fleet-link", TMP);
	assert_int_equal(symlink("fleet", link), 0);
	ROOT = link;
	OKS("hello\n", "file", S("data.txt"));

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(FLEET), 0);
	ROOT = NULL;
	OKS("hello\n", "file", S("data.txt"));
	ROOT = ".";
	OKS("hello\n", "file", S("data.txt"));
	assert_int_equal(chdir("sites"), 0);
	ERR(E0513, 0, "file(path): \"../conf/x.txt\" resolves to ../conf/x.txt, "
		      "outside the fleet directory", "file", S("../conf/x.txt"));
	assert_int_equal(chdir(cwd), 0);
}

static void t_file_unreadable(void **state)
{
	(void)state;
	ERR(E0514, 0, "file(path): cannot read \"missing.txt\": No such file or directory",
	    "file", S("missing.txt"));
	ERR(E0514, 0, "file(path): cannot read \"data.txt/x\": Not a directory",
	    "file", S("data.txt/x"));
	ERR(E0514, 0, "file(path): argument 1 is an empty path", "file", S(""));
	ERR(E0514, 0, "file(path): \"../conf/nul.bin\" holds a NUL byte at offset 3",
	    "file", S("../conf/nul.bin"));
	HELP("file() reads UTF-8 text");
	ERR(E0514, 0, "file(path): \"../conf/latin1.txt\" is not UTF-8: invalid byte at offset 3",
	    "file", S("../conf/latin1.txt"));
	ERR(E0514, 0, "file(path): cannot read \"../conf/big.txt\": it is larger than 16 MiB",
	    "file", S("../conf/big.txt"));
	ERR(E0514, 0, "file(path): cannot read \"../conf/dir\": it is a directory",
	    "file", S("../conf/dir"));
	/* the fleet directory itself is inside, but not a file */
	ERR(E0514, 0, "file(path): cannot read \"..\": it is a directory",
	    "file", S(".."));
	/* a FIFO is refused without waiting for a writer */
	ERR(E0514, 0, "file(path): cannot read \"../conf/fifo\": it is not a regular file",
	    "file", S("../conf/fifo"));
	if (geteuid() != 0) {	/* root reads anything */
		char path[1024];

		snprintf(path, sizeof(path), "%s/conf/x.txt", FLEET);
		chmod(path, 0);
		ERR(E0514, 0, "file(path): cannot read \"../conf/x.txt\": Permission denied",
		    "file", S("../conf/x.txt"));
		chmod(path, 0644);
	}
	ERR(E0504, 0, "file(path): argument 1 must be a string, not a list",
	    "file", V("[\"data.txt\"]"));
	ERR(E0515, 0, SECRET_MSG("file(path)", "argument 1"), "file",
	    SEC("vault:x"));
	assert_int_equal(FILES_SEEN, 0);
}

static void t_file_without_cache(void **state)
{
	(void)state;
	NO_CACHE = true;
	OKS("hello\n", "file", S("data.txt"));
	OKS("hello\n", "file", S("data.txt"));
	assert_int_equal(FILES_SEEN, 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
#define TF(f) cmocka_unit_test_setup_teardown(f, file_setup, file_teardown)
		T(t_table),
		T(t_invoke_copy_of_entry),
		T(t_len),
		T(t_keys_values),
		T(t_contains),
		T(t_has),
		T(t_range),
		T(t_min_max),
		T(t_abs),
		T(t_upper_lower),
		T(t_trim),
		T(t_split),
		T(t_join),
		T(t_replace),
		T(t_string_limit),
		T(t_startswith_endswith),
		T(t_format),
		T(t_regex_match),
		T(t_regex_without_cache),
		T(t_regex_cache_grows),
		T(t_to_string),
		T(t_to_int),
		T(t_sort),
		T(t_sort_large),
		T(t_unique),
		T(t_unique_large),
		T(t_flatten),
		T(t_merge),
		T(t_cidrhost),
		T(t_bad_cidrs),
		T(t_cidrsubnet),
		T(t_base64_sha256),
		T(t_secret),
		TF(t_file_reads),
		TF(t_file_outside),
		TF(t_file_root_forms),
		TF(t_file_unreadable),
		TF(t_file_without_cache),
#undef T
#undef TF
	};

	return cmocka_run_group_tests_name("builtins", tests, NULL, NULL);
}
