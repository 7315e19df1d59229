/*
 * test_emit.c - the bundle emitters: k8s.yaml's exact text, its document
 * order, a round trip of every scalar through libyaml's parser and a YAML
 * 1.1 / 1.2 resolver (strings stay strings, numbers stay numbers), the
 * canonical JSON files, the sha256 digest, and determinism.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "arena.h"
#include "emit.h"
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

static struct value *B(bool b)
{
	return value_bool(&A, b);
}

static struct value *SECRET(const char *ref)
{
	return value_secret(&A, ref, strlen(ref));
}

#define LIST(...)                                                              \
	value_list(&A, (struct value *[]){__VA_ARGS__},                        \
		   sizeof((struct value *[]){__VA_ARGS__}) /                   \
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

/* A minimal Kubernetes object of a kind. */
static struct value *k8s_obj(const char *kind, const char *name)
{
	return obj(3, "apiVersion", S("v1"), "kind", S(kind), "metadata",
		   obj(1, "name", S(name)));
}

static char *yaml_of(const struct value *k8s)
{
	char *out = NULL, err[256];
	size_t len = 0;

	assert_int_equal(emit_k8s_yaml(k8s, &out, &len, err, sizeof(err)), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

/* --- exact text ---------------------------------------------------------- */

static void test_yaml_exact(void **state)
{
	(void)state;
	struct value *labels = obj(2, "app", S("web"), "tier", S("on"));
	struct value *container =
	    obj(4, "name", S("web"), "image", S("nginx:1.25"), "args",
		LIST(S("--port"), S("8080"), S("-v")), "env",
		LIST(obj(2, "name", S("TOKEN"), "value",
			 SECRET("vault:edge/token"))));
	struct value *deploy =
	    obj(4, "apiVersion", S("apps/v1"), "kind", S("Deployment"),
		"metadata", obj(2, "name", S("web"), "labels", labels), "spec",
		obj(3, "replicas", I(2), "paused", B(false), "template",
		    obj(1, "spec",
			obj(2, "containers", LIST(container), "volumes",
			    value_list(&A, NULL, 0)))));
	struct value *cm =
	    obj(4, "apiVersion", S("v1"), "kind", S("ConfigMap"), "metadata",
		obj(2, "name", S("web-conf"), "annotations",
		    value_object(&A, NULL, 0)),
		"data",
		obj(3, "nginx.conf", S("server {\n  listen 8080;\n}\n"),
		    "version", S("1.29"), "ratio", F(0.5)));
	struct value *k8s = obj(2, "web", deploy, "web-conf", cm);
	const char *want = "---\n"
			   "apiVersion: v1\n"
			   "kind: ConfigMap\n"
			   "metadata:\n"
			   "  name: web-conf\n"
			   "  annotations: {}\n"
			   "data:\n"
			   "  nginx.conf: |\n"
			   "    server {\n"
			   "      listen 8080;\n"
			   "    }\n"
			   "  version: \"1.29\"\n"
			   "  ratio: 0.5\n"
			   "---\n"
			   "apiVersion: apps/v1\n"
			   "kind: Deployment\n"
			   "metadata:\n"
			   "  name: web\n"
			   "  labels:\n"
			   "    app: web\n"
			   "    tier: \"on\"\n"
			   "spec:\n"
			   "  replicas: 2\n"
			   "  paused: false\n"
			   "  template:\n"
			   "    spec:\n"
			   "      containers:\n"
			   "      - name: web\n"
			   "        image: nginx:1.25\n"
			   "        args:\n"
			   "        - --port\n"
			   "        - \"8080\"\n"
			   "        - -v\n"
			   "        env:\n"
			   "        - name: TOKEN\n"
			   "          value:\n"
			   "            $secret: vault:edge/token\n"
			   "      volumes: []\n";
	char *out = yaml_of(k8s);

	assert_string_equal(out, want);
	free(out);
}

static void test_yaml_empty(void **state)
{
	(void)state;
	char *out = yaml_of(value_object(&A, NULL, 0));

	assert_string_equal(out, "");
	free(out);
}

static void test_yaml_not_object(void **state)
{
	(void)state;
	char *out = (char *)1, err[128];
	size_t len = 1;

	assert_int_equal(emit_k8s_yaml(S("x"), &out, &len, err, sizeof(err)),
			 -1);
	assert_null(out);
	assert_int_equal(len, 0);
	assert_string_equal(err, "k8s is a string, not an object");
}

static void test_yaml_invalid_utf8(void **state)
{
	(void)state;
	char *out = (char *)1, err[128];
	size_t len = 1;
	struct value *k8s =
	    obj(1, "x",
		obj(2, "kind", S("ConfigMap"), "data",
		    obj(1, "bad", value_string(&A, "a\xff", 2))));

	assert_int_equal(emit_k8s_yaml(k8s, &out, &len, err, sizeof(err)), -1);
	assert_null(out);
	assert_int_equal(len, 0);
	assert_string_equal(err, "a string is not valid UTF-8");
}

/* A literal that keeps its trailing newlines (|+) ends its document. */
static void test_yaml_keep_chomping(void **state)
{
	(void)state;
	struct value *cm = obj(2, "kind", S("ConfigMap"), "d", S("a\n\n"));
	struct value *pod = obj(1, "kind", S("Pod"));
	char *out = yaml_of(obj(2, "p", pod, "c", cm));

	assert_string_equal(out, "---\n"
				 "kind: ConfigMap\n"
				 "d: |+\n"
				 "  a\n"
				 "\n"
				 "---\n"
				 "kind: Pod\n");
	free(out);
	out = yaml_of(obj(1, "c", cm));
	assert_string_equal(out, "---\n"
				 "kind: ConfigMap\n"
				 "d: |+\n"
				 "  a\n"
				 "\n"
				 "...\n");
	free(out);
}

/* --- document order ------------------------------------------------------ */

static void test_yaml_order(void **state)
{
	(void)state;
	struct value *k8s =
	    obj(9, "w2", k8s_obj("Widget", "w2"), "dep",
		k8s_obj("Deployment", "dep"), "w1", k8s_obj("Widget", "w1"),
		"svc", k8s_obj("Service", "svc"), "a", k8s_obj("Alpha", "a"),
		"cm-b", k8s_obj("ConfigMap", "cm-b"), "cm-a",
		k8s_obj("ConfigMap", "cm-a"), "ns", k8s_obj("Namespace", "ns"),
		"sa", k8s_obj("ServiceAccount", "sa"));
	const char *want[] = {"ns",  "sa", "cm-a", "cm-b", "svc",
			      "dep", "a",  "w1",   "w2"};
	char *out = yaml_of(k8s);
	char *p = out;
	size_t docs = 0;

	/* each document's metadata.name line, in order */
	while ((p = strstr(p, "  name: ")) != NULL) {
		char name[16];

		p += strlen("  name: ");
		assert_true(docs < 9);
		assert_int_equal(sscanf(p, "%15[^\n]", name), 1);
		assert_string_equal(name, want[docs]);
		docs++;
	}
	assert_int_equal(docs, 9);
	p = out;
	docs = 0;
	while ((p = strstr(p, "---\n")) != NULL) {
		docs++;
		p += 4;
	}
	assert_int_equal(docs, 9);
	assert_memory_equal(out, "---\n", 4);
	free(out);
}

/* --- round trip through a YAML 1.1 / 1.2 reader --------------------------- */

enum rtype { R_NULL, R_BOOL, R_INT, R_FLOAT, R_STR, R_OTHER };

struct rpattern {
	enum rtype type;
	const char *re;
};

/* The implicit types of YAML 1.1 (yaml.org/type) and of 1.2's core schema. */
static const struct rpattern yaml11[] = {
    {R_NULL, "^(~|null|Null|NULL|)$"},
    {R_BOOL, "^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|"
	     "FALSE|on|On|ON|off|Off|OFF)$"},
    {R_INT, "^[-+]?0b[0-1_]+$"},
    {R_INT, "^[-+]?0[0-7_]+$"},
    {R_INT, "^[-+]?(0|[1-9][0-9_]*)$"},
    {R_INT, "^[-+]?0x[0-9a-fA-F_]+$"},
    {R_INT, "^[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+$"},
    {R_FLOAT, "^[-+]?([0-9][0-9_]*)?\\.[0-9.]*([eE][-+][0-9]+)?$"},
    {R_FLOAT, "^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*$"},
    {R_FLOAT, "^[-+]?\\.(inf|Inf|INF)$"},
    {R_FLOAT, "^\\.(nan|NaN|NAN)$"},
    {R_OTHER, "^[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]$"},
    {R_OTHER, "^[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?"
	      "([Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]"
	      "(\\.[0-9]*)?(([ \t]*)Z|[-+][0-9][0-9]?(:[0-9][0-9])?)?$"},
    {R_OTHER, "^<<$"},
    {R_OTHER, "^=$"},
};

static const struct rpattern yaml12[] = {
    {R_NULL, "^(~|null|Null|NULL|)$"},
    {R_BOOL, "^(true|True|TRUE|false|False|FALSE)$"},
    {R_INT, "^[-+]?[0-9]+$"},
    {R_INT, "^0o[0-7]+$"},
    {R_INT, "^0x[0-9a-fA-F]+$"},
    {R_FLOAT, "^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"},
    {R_FLOAT, "^[-+]?\\.(inf|Inf|INF)$"},
    {R_FLOAT, "^\\.(nan|NaN|NAN)$"},
};

static enum rtype resolve(const struct rpattern *pats, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++) {
		regex_t re;
		int m;

		assert_int_equal(
		    regcomp(&re, pats[i].re, REG_EXTENDED | REG_NOSUB), 0);
		m = regexec(&re, s, 0, NULL, 0);
		regfree(&re);
		if (m == 0)
			return pats[i].type;
	}
	return R_STR;
}

/* The value a plain scalar reads back as; both schemas must agree. */
static struct value *plain_value(const char *s, size_t len)
{
	enum rtype t11 = resolve(yaml11, sizeof(yaml11) / sizeof(yaml11[0]), s);
	enum rtype t12 = resolve(yaml12, sizeof(yaml12) / sizeof(yaml12[0]), s);

	if (t11 != t12)
		fail_msg("plain `%s` reads as %d in YAML 1.1, %d in 1.2", s,
			 (int)t11, (int)t12);
	switch (t11) {
	case R_NULL:
		return value_null(&A);
	case R_BOOL:
		return B(s[0] == 't' || s[0] == 'T');
	case R_INT:
		return I(strtoll(s, NULL, 10));
	case R_FLOAT:
		return F(strtod(s, NULL));
	case R_STR:
		return value_string(&A, s, len);
	case R_OTHER:
	default:
		fail_msg("plain `%s` reads as a timestamp, merge or value", s);
	}
	return NULL;
}

struct reader {
	yaml_parser_t parser;
	yaml_event_t ev;
	/* styles of the scalars read, in order */
	yaml_scalar_style_t styles[256];
	size_t nstyles;
};

static void next_event(struct reader *r)
{
	if (!yaml_parser_parse(&r->parser, &r->ev))
		fail_msg("libyaml cannot parse it back: %s", r->parser.problem);
}

/* Reads the node whose first event is r->ev (and deletes the events). */
static struct value *read_node(struct reader *r)
{
	struct value_builder b;
	struct value *v;

	switch (r->ev.type) {
	case YAML_SCALAR_EVENT: {
		const char *s = (const char *)r->ev.data.scalar.value;
		size_t n = r->ev.data.scalar.length;

		assert_true(r->nstyles < 256);
		r->styles[r->nstyles++] = r->ev.data.scalar.style;
		v = r->ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE
			? plain_value(s, n)
			: value_string(&A, s, n);
		yaml_event_delete(&r->ev);
		return v;
	}
	case YAML_SEQUENCE_START_EVENT:
		yaml_event_delete(&r->ev);
		value_build_init(&b, &A);
		for (next_event(r); r->ev.type != YAML_SEQUENCE_END_EVENT;
		     next_event(r))
			value_build_push(&b, read_node(r));
		yaml_event_delete(&r->ev);
		return value_build_list(&b);
	case YAML_MAPPING_START_EVENT:
		yaml_event_delete(&r->ev);
		value_build_init(&b, &A);
		for (next_event(r); r->ev.type != YAML_MAPPING_END_EVENT;
		     next_event(r)) {
			struct value *k = read_node(r);

			assert_int_equal(k->kind, V_STRING);
			next_event(r);
			value_build_set(&b, k->u.str, k->len, read_node(r));
		}
		yaml_event_delete(&r->ev);
		v = value_build_object(&b);
		if (v->len == 1 && strcmp(v->u.fields[0].key, "$secret") == 0 &&
		    v->u.fields[0].value->kind == V_STRING)
			v = value_secret(&A, v->u.fields[0].value->u.str,
					 v->u.fields[0].value->len);
		return v;
	default:
		fail_msg("unexpected event %d", (int)r->ev.type);
	}
	return NULL;
}

/* Parses a one-document stream back into a value. */
static struct value *read_yaml(struct reader *r, const char *text)
{
	struct value *v;

	memset(r, 0, sizeof(*r));
	assert_true(yaml_parser_initialize(&r->parser));
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)text,
				     strlen(text));
	next_event(r);
	assert_int_equal(r->ev.type, YAML_STREAM_START_EVENT);
	yaml_event_delete(&r->ev);
	next_event(r);
	assert_int_equal(r->ev.type, YAML_DOCUMENT_START_EVENT);
	assert_false(r->ev.data.document_start.implicit);
	yaml_event_delete(&r->ev);
	next_event(r);
	v = read_node(r);
	next_event(r);
	assert_int_equal(r->ev.type, YAML_DOCUMENT_END_EVENT);
	yaml_event_delete(&r->ev);
	next_event(r);
	assert_int_equal(r->ev.type, YAML_STREAM_END_EVENT);
	yaml_event_delete(&r->ev);
	yaml_parser_delete(&r->parser);
	return v;
}

static void assert_same_json(const struct value *a, const struct value *b)
{
	char *ja = value_to_json_text(a, 0), *jb = value_to_json_text(b, 0);

	assert_string_equal(ja, jb);
	free(ja);
	free(jb);
}

/*
 * Emits {"x": {kind: Widget, v: s, s: 1}} and reads it back; returns the
 * style of the scalar s as a value and as a key.
 */
static void round_trip_string(const char *s, yaml_scalar_style_t *as_value,
			      yaml_scalar_style_t *as_key)
{
	struct value *doc = obj(3, "kind", S("Widget"), "v", S(s), s, I(1));
	struct value *k8s = obj(1, "x", doc);
	char *out = yaml_of(k8s);
	struct reader r;
	struct value *back = read_yaml(&r, out);

	assert_same_json(doc, back);
	/* kind, Widget, v, s, s, 1 */
	assert_int_equal(r.nstyles, 6);
	*as_value = r.styles[3];
	*as_key = r.styles[4];
	free(out);
}

static void test_yaml_quoted(void **state)
{
	(void)state;
	static const char *const quoted[] = {
	    "1.29",
	    "on",
	    "off",
	    "On",
	    "OFF",
	    "yes",
	    "no",
	    "Yes",
	    "NO",
	    "y",
	    "n",
	    "Y",
	    "N",
	    "true",
	    "False",
	    "null",
	    "Null",
	    "~",
	    "",
	    "0755",
	    "0x1F",
	    "0o17",
	    "0b101",
	    /* go-yaml's strconv.ParseInt(s, 0, 64), '_' dropped first */
	    "0X1F",
	    "0O17",
	    "0B101",
	    "0Xff",
	    "0X_1F",
	    "0_x1F",
	    "0B1_0",
	    "+0X1F",
	    "-0B101",
	    "+0o17",
	    "-0O17",
	    "+_1",
	    "-_0x1F",
	    "+_.5",
	    "-1_0.5e3",
	    "1e3",
	    "1E-3",
	    "+12",
	    "-5",
	    "1_000",
	    ".5",
	    ".",
	    "1.25.3",
	    ".inf",
	    "-.inf",
	    "+.Inf",
	    ".nan",
	    ".NaN",
	    "12:30",
	    "190:20:30.15",
	    "2024-01-01",
	    "2001-12-14t21:59:43.10-05:00",
	    "2001-12-14 21:59:43.10 -5",
	    "<<",
	    "=",
	    " lead",
	    "trail ",
	    "\ttab",
	    "tab\t",
	    "*alias",
	    "&anchor",
	    "!tag",
	    "%dir",
	    "@at",
	    "`tick",
	    "- dash",
	    "? q",
	    ": colon",
	    "-",
	    "?",
	    ":",
	    "a: b",
	    "a #b",
	    "key:",
	    "#c",
	    "|",
	    ">",
	    "'",
	    "\"",
	    "[a]",
	    "{a}",
	    ",a",
	    "---",
	    "...",
	    "--- x",
	    "\x7f",
	    "a\x01"
	    "b",
	    "\xef\xbb\xbf"
	    "bom",
	};
	static const char *const plain[] = {
	    "hello",	  "nginx:1.25", "apps/v1",    "web-conf",
	    "a-b",	  "--port",	"-v",	      "vault:edge/psk",
	    "500m",	  "1Gi",	"v1.2.3",     "a#b",
	    "a:b",	  "x y z",	"$secret",    "ü€",
	    "naïve café", "it's",	"say \"hi\"", "back\\slash",
	    "C:\\dir",	  "1-2-3x",	"0xZZ",	      "yes please",
	    "nullable",	  "ON_BOOT",	"e1",	      "_1",
	    "a, b",	  "0Office",	"+inf",	      "-Infinity",
	    "+nan",	  "+",		"0Xenon",     "_0x1F",
	};
	yaml_scalar_style_t v, k;

	for (size_t i = 0; i < sizeof(quoted) / sizeof(quoted[0]); i++) {
		round_trip_string(quoted[i], &v, &k);
		if (v == YAML_PLAIN_SCALAR_STYLE ||
		    k == YAML_PLAIN_SCALAR_STYLE)
			fail_msg("`%s` is written plain", quoted[i]);
	}
	for (size_t i = 0; i < sizeof(plain) / sizeof(plain[0]); i++) {
		round_trip_string(plain[i], &v, &k);
		if (v != YAML_PLAIN_SCALAR_STYLE ||
		    k != YAML_PLAIN_SCALAR_STYLE)
			fail_msg("`%s` is quoted (%d, %d)", plain[i], (int)v,
				 (int)k);
	}
}

/* Strings YAML's syntax makes interesting: they must only read back. */
static void test_yaml_round_trip_strings(void **state)
{
	(void)state;
	static const char *const strings[] = {
	    "it's \"quoted\" \\ back",
	    "'single'",
	    "\"double\"",
	    "tab\tinside",
	    "日本語のテキスト",
	    "emoji 🚀 and ünïcödé",
	    "\xc2\x85next line",
	    "line\xe2\x80\xa8sep",
	    "cr\rlf",
	    "x\r\ny",
	    "\x1b[0m",
	    "a very long string that goes on and on well past the eighty "
	    "columns a terminal shows and then some more words to be sure",
	};
	yaml_scalar_style_t v, k;

	for (size_t i = 0; i < sizeof(strings) / sizeof(strings[0]); i++)
		round_trip_string(strings[i], &v, &k);
}

static void test_yaml_multiline(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool literal;
	} cases[] = {
	    {"a\nb", true},
	    {"a\nb\n", true},
	    {"a\nb\n\n", true},
	    {"server {\n  listen 80;\n}\n", true},
	    {"ünï\ncödé\n", true},
	    {"a\n\nb", true},
	    {"#!/bin/sh\necho hi\n", true},
	    {" lead\nx", false},
	    {"trail \nx", false},
	    {"x\ntrail ", false},
	    {"\nx", false},
	    {"a\r\nb", false},
	};
	yaml_scalar_style_t v, k;

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		round_trip_string(cases[i].s, &v, &k);
		if ((v == YAML_LITERAL_SCALAR_STYLE) != cases[i].literal)
			fail_msg("case %zu: style %d", i, (int)v);
		assert_int_not_equal(k, YAML_PLAIN_SCALAR_STYLE);
	}
}

static void test_yaml_round_trip_scalars(void **state)
{
	(void)state;
	struct value *doc =
	    obj(14, "kind", S("Widget"), "null", value_null(&A), "t", B(true),
		"f", B(false), "int", I(42), "neg", I(-7), "big", I(INT64_MAX),
		"small", I(INT64_MIN), "float", F(1.5), "whole", F(3.0), "huge",
		F(1e20), "tiny", F(1.5e-7), "list",
		LIST(I(1), S("1"), F(1.0), value_null(&A), S("null")), "nested",
		obj(2, "secret", SECRET("vault:a/b"), "empty",
		    value_object(&A, NULL, 0)));
	char *out = yaml_of(obj(1, "x", doc));
	struct reader r;

	assert_same_json(doc, read_yaml(&r, out));
	assert_non_null(strstr(out, "huge: 1.0e+20\n"));
	assert_non_null(strstr(out, "tiny: 1.5e-7\n"));
	assert_non_null(strstr(out, "whole: 3.0\n"));
	free(out);
}

static void test_yaml_deterministic(void **state)
{
	(void)state;
	struct value *k8s =
	    obj(3, "b", k8s_obj("Pod", "b"), "a", k8s_obj("Pod", "a"), "n",
		k8s_obj("Namespace", "n"));
	char *one = yaml_of(k8s), *two = yaml_of(k8s);

	assert_string_equal(one, two);
	free(one);
	free(two);
}

/* --- JSON ---------------------------------------------------------------- */

static void test_json_exact(void **state)
{
	(void)state;
	struct value *v = obj(
	    4, "version", S("1.2"), "hosts", obj(1, "gw", S("10.0.0.1")),
	    "files",
	    obj(1, "/etc/psk",
		obj(2, "content", SECRET("vault:edge/psk"), "mode", I(420))),
	    "list", LIST(I(1), F(2.5), B(true), value_null(&A)));
	char *out = NULL, *again = NULL;
	size_t len = 0, len2 = 0;

	assert_int_equal(emit_json(v, &out, &len), 0);
	assert_string_equal(out, "{\n"
				 "  \"version\": \"1.2\",\n"
				 "  \"hosts\": {\n"
				 "    \"gw\": \"10.0.0.1\"\n"
				 "  },\n"
				 "  \"files\": {\n"
				 "    \"/etc/psk\": {\n"
				 "      \"content\": {\n"
				 "        \"$secret\": \"vault:edge/psk\"\n"
				 "      },\n"
				 "      \"mode\": 420\n"
				 "    }\n"
				 "  },\n"
				 "  \"list\": [\n"
				 "    1,\n"
				 "    2.5,\n"
				 "    true,\n"
				 "    null\n"
				 "  ]\n"
				 "}\n");
	assert_int_equal(len, strlen(out));
	assert_int_equal(emit_json(v, &again, &len2), 0);
	assert_int_equal(len, len2);
	assert_memory_equal(out, again, len);
	free(out);
	free(again);
}

/* Each float in its own shortest form; empty containers as {} and []. */
static void test_json_floats_and_empty(void **state)
{
	(void)state;
	struct value *v = obj(5, "a", F(0.1), "b", F(0.1 + 0.2), "c", F(1e300),
			      "d", obj(0), "e", value_list(&A, (struct value *[]){ value_list(&A, NULL, 0), obj(0) }, 2));
	char *out = NULL;
	size_t len = 0;

	assert_int_equal(emit_json(v, &out, &len), 0);
	assert_string_equal(out, "{\n"
				 "  \"a\": 0.1,\n"
				 "  \"b\": 0.30000000000000004,\n"
				 "  \"c\": 1e300,\n"
				 "  \"d\": {},\n"
				 "  \"e\": [\n"
				 "    [],\n"
				 "    {}\n"
				 "  ]\n"
				 "}\n");
	free(out);
}

/* Escapes: quotes, backslash, control characters; UTF-8 as it is; a
 * string that is not UTF-8 is refused. */
static void test_json_strings(void **state)
{
	(void)state;
	struct value *v = obj(1, "s\"k", S("q\"b\\n\nt\tc\x01 \xc3\xa9 \xf0\x9f\x9a\x80 /"));
	struct value *bad = obj(1, "k", S("\xff"));
	char *out = NULL;
	size_t len = 0;

	assert_int_equal(emit_json(v, &out, &len), 0);
	assert_string_equal(out, "{\n"
				 "  \"s\\\"k\": \"q\\\"b\\\\n\\nt\\tc\\u0001 \xc3\xa9 \xf0\x9f\x9a\x80 /\"\n"
				 "}\n");
	free(out);
	assert_int_equal(emit_json(bad, &out, &len), -1);
	assert_null(out);
}

/* As deep as yajl nests (127 levels), and one level deeper: refused,
 * with the depth and the path of the first list too deep, never written
 * another way; emit_json_check says so without writing. */
static void test_json_deep(void **state)
{
	(void)state;
	struct value *v = I(7), *deeper, *doc;
	struct emit_json_error err;
	char *out = NULL;
	size_t len = 0;

	for (int i = 0; i < EMIT_JSON_MAX_DEPTH; i++)
		v = LIST(v);
	assert_int_equal(emit_json(v, &out, &len), 0);
	assert_int_equal(strspn(out, "[\n "), strlen(out) -
			 strlen(strchr(out, '7')));
	free(out);
	assert_int_equal(emit_json_check(v, 0, &err), 0);
	assert_int_equal(emit_json_check(v, 1, &err), -1);
	assert_int_equal(err.depth, EMIT_JSON_MAX_DEPTH + 1);

	/* empty lists and objects open no level */
	assert_int_equal(emit_json_check(LIST(v, value_list(&A, NULL, 0), obj(0)), 0, &err), -1);
	assert_int_equal(emit_json_check(LIST(value_list(&A, NULL, 0), obj(0)), 126, &err), 0);
	/* a secret is an object */
	assert_int_equal(emit_json_check(SECRET("v:x"), 126, &err), 0);
	assert_int_equal(emit_json_check(SECRET("v:x"), 127, &err), -1);

	deeper = LIST(v);
	doc = obj(2, "ok", I(1), "deep", obj(1, "x.y", LIST(I(0), deeper)));
	assert_int_equal(emit_json(doc, &out, &len), -1);
	assert_null(out);
	assert_int_equal(emit_json_text(doc, 0, &out, &len, &err), -1);
	assert_null(out);
	assert_int_equal(err.depth, 3 + EMIT_JSON_MAX_DEPTH + 1);
	/* the list at level 127: .deep."x.y"[1] then [0]s, cut with … */
	assert_non_null(err.at);
	assert_int_equal(err.at->kind, V_LIST);
	assert_true(strncmp(err.path, ".deep.\"x.y\"[1][0][0]", 20) == 0);
	assert_true(strlen(err.path) < sizeof(err.path));
	assert_string_equal(err.path + strlen(err.path) - 3, "\xE2\x80\xA6");

	/* a short path is whole */
	assert_int_equal(emit_json_check(obj(1, "a", LIST(LIST(I(1)))), 126,
					 &err), -1);
	assert_string_equal(err.path, ".a");
	assert_int_equal(err.depth, 129);
}

/* The text form: compact or indented, no newline at the end; floats in
 * their shortest form however many digits another float needs. */
static void test_json_text(void **state)
{
	(void)state;
	struct value *v = LIST(F(0.1), F(1.0000000000000002), obj(1, "k",
								   S("v")));
	char *out = NULL;
	size_t len = 0;

	assert_int_equal(emit_json_text(v, 0, &out, &len, NULL), 0);
	assert_string_equal(out, "[0.1,1.0000000000000002,{\"k\":\"v\"}]");
	assert_int_equal(len, strlen(out));
	free(out);
	assert_int_equal(emit_json_text(v, EMIT_JSON_INDENT, &out, &len, NULL),
			 0);
	assert_string_equal(out, "[\n  0.1,\n  1.0000000000000002,\n  {\n"
				 "    \"k\": \"v\"\n  }\n]");
	free(out);
	assert_int_equal(emit_json_text(I(3), EMIT_JSON_INDENT, &out, &len,
					NULL), 0);
	assert_string_equal(out, "3");
	free(out);
	/* not UTF-8: refused, unless lenient */
	assert_int_equal(emit_json_text(S("\xff"), 0, &out, &len, NULL), -1);
	assert_int_equal(emit_json_text(S("\xff"), EMIT_JSON_LENIENT, &out,
					&len, NULL), 0);
	assert_string_equal(out, "\"\xEF\xBF\xBD\"");
	free(out);
}

static void test_api_json(void **state)
{
	(void)state;
	struct value *api =
	    obj(2, "zone",
		obj(4, "body", obj(1, "ttl", I(60)), "path", S("/zones/a"),
		    "method", S("PUT"), "service", S("dns")),
		"alarm",
		obj(3, "service", S("alarms"), "method", S("DELETE"), "path",
		    S("/x")));
	char *out = NULL;
	size_t len = 0;

	assert_int_equal(emit_api_json(api, &out, &len), 0);
	assert_string_equal(out, "{\n"
				 "  \"calls\": [\n"
				 "    {\n"
				 "      \"name\": \"zone\",\n"
				 "      \"service\": \"dns\",\n"
				 "      \"method\": \"PUT\",\n"
				 "      \"path\": \"/zones/a\",\n"
				 "      \"body\": {\n"
				 "        \"ttl\": 60\n"
				 "      }\n"
				 "    },\n"
				 "    {\n"
				 "      \"name\": \"alarm\",\n"
				 "      \"service\": \"alarms\",\n"
				 "      \"method\": \"DELETE\",\n"
				 "      \"path\": \"/x\",\n"
				 "      \"body\": null\n"
				 "    }\n"
				 "  ]\n"
				 "}\n");
	assert_int_equal(len, strlen(out));
	free(out);

	assert_int_equal(emit_api_json(value_object(&A, NULL, 0), &out, &len),
			 0);
	assert_string_equal(out, "{\n  \"calls\": []\n}\n");
	free(out);

	out = (char *)1;
	assert_int_equal(emit_api_json(obj(1, "a", S("x")), &out, &len), -1);
	assert_null(out);
	assert_int_equal(emit_api_json(S("x"), &out, &len), -1);
}

/* --- digests ------------------------------------------------------------- */

static void test_sha256(void **state)
{
	(void)state;
	char hex[EMIT_SHA256_SIZE];

	emit_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "sha256:ba7816bf8f01cfea414140de5dae2223b0"
				 "0361a396177a9cb410ff61f20015ad");
	emit_sha256_hex("", 0, hex);
	assert_string_equal(hex, "sha256:e3b0c44298fc1c149afbf4c8996fb924"
				 "27ae41e4649b934ca495991b7852b855");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(test_yaml_exact, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_empty, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_not_object, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_invalid_utf8, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_keep_chomping, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_order, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_quoted, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_round_trip_strings, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_multiline, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_round_trip_scalars, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_yaml_deterministic, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_json_exact, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_json_floats_and_empty, setup,
					    teardown),
	    cmocka_unit_test_setup_teardown(test_json_strings, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_json_deep, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_json_text, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_api_json, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_sha256, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
