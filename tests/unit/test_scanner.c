/*
 * test_scanner.c - scanner and parser edge cases through syntax_parse()
 * (LANGUAGE.md section 2). Every test parses an in-memory source with a
 * sink that records each diagnostic (code, byte span, message, help) and
 * asserts exact diagnostics and the AST that came out.
 *
 * Tests marked "Regression" pin a defect found while writing them, since
 * fixed: the comment says what used to go wrong.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "syntax.h"

/* --- a sink that records every diagnostic ------------------------------ */

#define MAX_RECS 64

struct rec {
	enum diag_code code;
	uint32_t start, end;
	char message[512];
	char help[512];
	size_t nnotes;
};

struct capture {
	struct diag_sink sink;	/* first: the sink pointer is the capture */
	struct rec recs[MAX_RECS];
	size_t n;		/* diagnostics received, even past MAX_RECS */
};

static void capture_emit(struct diag_sink *s, const struct diag *d)
{
	struct capture *c = (struct capture *)s;

	if (c->n < MAX_RECS) {
		struct rec *r = &c->recs[c->n];

		r->code = d->code;
		r->start = d->span.start;
		r->end = d->span.end;
		snprintf(r->message, sizeof(r->message), "%s", d->message);
		snprintf(r->help, sizeof(r->help), "%s", d->help ? d->help : "");
		r->nnotes = d->nnotes;
	}
	c->n++;
}

struct parsed {
	struct arena arena;
	struct interner names;
	struct source *src;
	struct capture cap;
	struct ast *file;
};

static struct parsed *parse_n(const char *text, size_t len)
{
	struct parsed *p = calloc(1, sizeof(*p));

	assert_non_null(p);
	arena_init(&p->arena);
	intern_init(&p->names, &p->arena);
	p->src = source_from_buffer("t.site", text, len);
	p->cap.sink.emit = capture_emit;
	p->file = syntax_parse(&p->arena, &p->names, p->src, &p->cap.sink);
	assert_non_null(p->file);
	assert_int_equal(p->file->kind, AST_FILE);
	return p;
}

static struct parsed *parse(const char *text)
{
	return parse_n(text, strlen(text));
}

static void done(struct parsed *p)
{
	intern_free(&p->names);
	arena_free(&p->arena);
	source_free(p->src);
	free(p);
}

static void print_diags(const struct parsed *p)
{
	for (size_t i = 0; i < p->cap.n && i < MAX_RECS; i++)
		print_message("# diag %zu: %s [%u,%u) %s | help: %s\n", i,
			      diag_code_name(p->cap.recs[i].code),
			      p->cap.recs[i].start, p->cap.recs[i].end,
			      p->cap.recs[i].message, p->cap.recs[i].help);
}

/* The helpers report the caller's line on failure. */
#define DIAGS(p, n) check_ndiags((p), (n), __FILE__, __LINE__)
#define DIAG(p, i, code, s, e) check_diag((p), (i), (code), (s), (e), __FILE__, __LINE__)
#define SPAN(node, s, e) check_span((node), (s), (e), __FILE__, __LINE__)
#define STR(node, text) check_str((node), (text), sizeof(text) - 1, __FILE__, __LINE__)
#define KIND(node, k) check_kind((node), (k), __FILE__, __LINE__)

static void check_ndiags(const struct parsed *p, size_t n, const char *file,
			 int line)
{
	if (p->cap.n != n)
		print_diags(p);
	_assert_int_equal(p->cap.n, n, file, line);
}

static void check_diag(const struct parsed *p, size_t i, enum diag_code code,
		       uint32_t start, uint32_t end, const char *file,
		       int line)
{
	if (i >= p->cap.n || p->cap.recs[i].code != code ||
	    p->cap.recs[i].start != start || p->cap.recs[i].end != end)
		print_diags(p);
	_assert_true(i < p->cap.n, "diagnostic index in range", file, line);
	_assert_string_equal(diag_code_name(p->cap.recs[i].code),
			     diag_code_name(code), file, line);
	_assert_int_equal(p->cap.recs[i].start, start, file, line);
	_assert_int_equal(p->cap.recs[i].end, end, file, line);
}

static void check_span(const struct ast *n, uint32_t start, uint32_t end,
		       const char *file, int line)
{
	_assert_true(n != NULL, "node", file, line);
	_assert_int_equal(n->span.start, start, file, line);
	_assert_int_equal(n->span.end, end, file, line);
}

static void check_kind(const struct ast *n, enum ast_kind k, const char *file,
		       int line)
{
	_assert_true(n != NULL, "node", file, line);
	_assert_string_equal(ast_kind_name(n->kind), ast_kind_name(k), file,
			     line);
}

static void check_str(const struct ast *n, const char *text, size_t len,
		      const char *file, int line)
{
	check_kind(n, AST_STRING, file, line);
	_assert_int_equal(n->u.string.len, len, file, line);
	_assert_memory_equal(n->u.string.text, text, len, file, line);
	_assert_int_equal(n->u.string.text[len], '\0', file, line);
}

static const char *msg(const struct parsed *p, size_t i)
{
	assert_true(i < p->cap.n);
	return p->cap.recs[i].message;
}

static const char *help(const struct parsed *p, size_t i)
{
	assert_true(i < p->cap.n);
	return p->cap.recs[i].help;
}

static uint32_t ndecls(const struct parsed *p)
{
	return p->file->u.file.decls.len;
}

static struct ast *decl(const struct parsed *p, uint32_t i)
{
	assert_true(i < p->file->u.file.decls.len);
	return p->file->u.file.decls.items[i];
}

/* The value of the i-th declaration, a `let`. */
static struct ast *let_value(const struct parsed *p, uint32_t i)
{
	struct ast *d = decl(p, i);

	assert_int_equal(d->kind, AST_CONST);
	assert_non_null(d->u.bind.value);
	return d->u.bind.value;
}

static struct ast *item(const struct ast_list *l, uint32_t i)
{
	assert_true(i < l->len);
	return l->items[i];
}

/* The name of segment i of a statement's path. */
static const char *seg_name(const struct ast *stmt, uint32_t i)
{
	struct ast *path = stmt->u.stmt.path;
	struct ast *seg;

	assert_non_null(path);
	assert_int_equal(path->kind, AST_PATH);
	seg = item(&path->u.path.segs, i);
	assert_int_equal(seg->kind, AST_SEG_NAME);
	return seg->u.seg.name.name;
}

/* A string made of n copies of a, then b, then n copies of c. */
static char *nest(const char *a, size_t n, const char *b, const char *c)
{
	size_t la = strlen(a), lb = strlen(b), lc = strlen(c);
	char *s = xmalloc(la * n + lb + lc * n + 1), *q = s;

	assert_non_null(s);
	for (size_t i = 0; i < n; i++, q += la)
		memcpy(q, a, la);
	memcpy(q, b, lb);
	q += lb;
	for (size_t i = 0; i < n; i++, q += lc)
		memcpy(q, c, lc);
	*q = '\0';
	return s;
}

/* --- identifiers and keywords --------------------------------------------- */

static void t_ident_dash_in_decl_name(void **state)
{
	struct parsed *p = parse("site paris-01 {}\n");

	(void)state;
	DIAGS(p, 0);
	assert_int_equal(ndecls(p), 1);
	KIND(decl(p, 0), AST_SITE);
	assert_string_equal(decl(p, 0)->u.decl.name.name, "paris-01");
	assert_int_equal(decl(p, 0)->u.decl.name.span.start, 5);
	assert_int_equal(decl(p, 0)->u.decl.name.span.end, 13);
	SPAN(decl(p, 0), 0, 16);
	assert_true(decl(p, 0)->u.decl.has_body);
	assert_int_equal(decl(p, 0)->u.decl.body.len, 0);
	done(p);
}

static void t_ident_dash_is_one_name(void **state)
{
	struct parsed *p = parse("let x = a-b\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_NAME);
	assert_string_equal(v->u.ref.name, "a-b");
	SPAN(v, 8, 11);
	done(p);
}

static void t_spaced_minus_is_subtraction(void **state)
{
	struct parsed *p = parse("let x = a - b\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_BINARY);
	assert_int_equal(v->u.op.op, OP_SUB);
	SPAN(v, 8, 13);
	KIND(v->u.op.lhs, AST_NAME);
	assert_string_equal(v->u.op.lhs->u.ref.name, "a");
	SPAN(v->u.op.lhs, 8, 9);
	KIND(v->u.op.rhs, AST_NAME);
	assert_string_equal(v->u.op.rhs->u.ref.name, "b");
	SPAN(v->u.op.rhs, 12, 13);
	done(p);
}

static void t_names_are_interned(void **state)
{
	struct parsed *p = parse("let a-b = a-b\n");

	(void)state;
	DIAGS(p, 0);
	assert_ptr_equal(decl(p, 0)->u.bind.name.name,
			 let_value(p, 0)->u.ref.name);
	assert_ptr_equal(decl(p, 0)->u.bind.name.name,
			 intern_name(&p->names, "a-b", 3));
	done(p);
}

static void t_keywords_as_keys(void **state)
{
	struct parsed *p = parse(
		"site s {\n"
		"  spec.type = \"NodePort\"\n"
		"  type = 1\n"
		"  data = { site = name }\n"
		"  a.if.else.for = 2\n"
		"  schema.let.def = 3\n"
		"  final.unique = 4\n"
		"}\n"
		"let y = x.if.type\n");
	struct ast *s, *body, *st, *obj, *g;

	(void)state;
	DIAGS(p, 0);
	assert_int_equal(ndecls(p), 2);
	s = decl(p, 0);
	KIND(s, AST_SITE);
	assert_int_equal(s->u.decl.body.len, 6);

	st = item(&s->u.decl.body, 0);
	KIND(st, AST_SET);
	assert_int_equal(st->u.stmt.path->u.path.segs.len, 2);
	assert_string_equal(seg_name(st, 0), "spec");
	assert_string_equal(seg_name(st, 1), "type");
	STR(st->u.stmt.value, "NodePort");
	SPAN(st, 11, 33);

	st = item(&s->u.decl.body, 1);
	KIND(st, AST_SET);
	assert_int_equal(st->u.stmt.path->u.path.segs.len, 1);
	assert_string_equal(seg_name(st, 0), "type");
	KIND(st->u.stmt.value, AST_INT);
	assert_int_equal(st->u.stmt.value->u.integer.value, 1);

	st = item(&s->u.decl.body, 2);
	assert_string_equal(seg_name(st, 0), "data");
	obj = st->u.stmt.value;
	KIND(obj, AST_OBJECT);
	assert_int_equal(obj->u.object.body.len, 1);
	body = item(&obj->u.object.body, 0);
	KIND(body, AST_SET);
	assert_string_equal(seg_name(body, 0), "site");
	KIND(body->u.stmt.value, AST_NAME);
	assert_string_equal(body->u.stmt.value->u.ref.name, "name");

	st = item(&s->u.decl.body, 3);
	assert_int_equal(st->u.stmt.path->u.path.segs.len, 4);
	assert_string_equal(seg_name(st, 0), "a");
	assert_string_equal(seg_name(st, 1), "if");
	assert_string_equal(seg_name(st, 2), "else");
	assert_string_equal(seg_name(st, 3), "for");

	st = item(&s->u.decl.body, 4);
	assert_int_equal(st->u.stmt.path->u.path.segs.len, 3);
	assert_string_equal(seg_name(st, 0), "schema");
	assert_string_equal(seg_name(st, 1), "let");
	assert_string_equal(seg_name(st, 2), "def");

	st = item(&s->u.decl.body, 5);
	KIND(st, AST_SET);
	assert_false(st->u.stmt.final);
	assert_string_equal(seg_name(st, 0), "final");
	assert_string_equal(seg_name(st, 1), "unique");

	g = let_value(p, 1);
	KIND(g, AST_GET);
	assert_string_equal(g->u.get.name.name, "type");
	KIND(g->u.get.target, AST_GET);
	assert_string_equal(g->u.get.target->u.get.name.name, "if");
	KIND(g->u.get.target->u.get.target, AST_NAME);
	assert_string_equal(g->u.get.target->u.get.target->u.ref.name, "x");
	done(p);
}

static void t_if_at_statement_start(void **state)
{
	struct parsed *p = parse("site s {\n  if x { a = 1 } else { b = 2 }\n}\n");
	struct ast *st;

	(void)state;
	DIAGS(p, 0);
	assert_int_equal(decl(p, 0)->u.decl.body.len, 1);
	st = item(&decl(p, 0)->u.decl.body, 0);
	KIND(st, AST_IF);
	SPAN(st, 11, 40);
	KIND(st->u.if_.cond, AST_NAME);
	assert_string_equal(st->u.if_.cond->u.ref.name, "x");
	assert_true(st->u.if_.has_else);
	assert_int_equal(st->u.if_.then_body.len, 1);
	assert_int_equal(st->u.if_.else_body.len, 1);
	assert_string_equal(seg_name(item(&st->u.if_.then_body, 0), 0), "a");
	assert_string_equal(seg_name(item(&st->u.if_.else_body, 0), 0), "b");
	done(p);
}

static void t_if_as_key_is_an_error(void **state)
{
	struct parsed *p = parse("site s {\n  if = 1\n  \"if\" = 2\n}\n");
	struct ast *st;

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 14, 15);
	assert_string_equal(msg(p, 0), "unexpected `=`; expected an expression");
	assert_string_equal(help(p, 0),
		"`if` starts a conditional; quote it to use it as a key: \"if\"");
	/* recovery keeps the quoted key on the next line */
	assert_int_equal(decl(p, 0)->u.decl.body.len, 1);
	st = item(&decl(p, 0)->u.decl.body, 0);
	KIND(st, AST_SET);
	KIND(item(&st->u.stmt.path->u.path.segs, 0), AST_SEG_KEY);
	STR(item(&st->u.stmt.path->u.path.segs, 0)->u.seg.key, "if");
	done(p);
}

/* --- numbers ---------------------------------------------------------------- */

static void t_integers(void **state)
{
	static const struct {
		const char *lit;
		int64_t value;
	} cases[] = {
		{ "0", 0 },
		{ "42", 42 },
		{ "0x1F", 31 },
		{ "0XfF", 255 },
		{ "0o17", 15 },
		{ "0O777", 511 },
		{ "1_000_000", 1000000 },
		{ "0xFF_FF", 65535 },
		{ "0o7_7", 63 },
		{ "9223372036854775807", INT64_MAX },
		{ "0x7FFFFFFFFFFFFFFF", INT64_MAX },
		{ "0o777777777777777777777", INT64_MAX },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];
		struct parsed *p;
		struct ast *v;

		snprintf(text, sizeof(text), "let x = %s\n", cases[i].lit);
		p = parse(text);
		print_message("# %s\n", cases[i].lit);
		DIAGS(p, 0);
		v = let_value(p, 0);
		KIND(v, AST_INT);
		assert_int_equal(v->u.integer.value, cases[i].value);
		SPAN(v, 8, 8 + strlen(cases[i].lit));
		done(p);
	}
}

static void t_integer_overflow(void **state)
{
	static const char *const lits[] = {
		"9223372036854775808",
		"0x8000000000000000",
		"0o1000000000000000000000",
		"99999999999999999999999999",
		"0xFFFFFFFFFFFFFFFFFF",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(lits) / sizeof(lits[0]); i++) {
		char text[128], want[160];
		struct parsed *p;

		snprintf(text, sizeof(text), "let x = %s\nlet y = 2\n", lits[i]);
		p = parse(text);
		DIAGS(p, 1);
		DIAG(p, 0, E0109, 8, 8 + strlen(lits[i]));
		snprintf(want, sizeof(want),
			 "integer literal `%s` does not fit in 64 bits", lits[i]);
		assert_string_equal(msg(p, 0), want);
		/* the literal still makes a node, and parsing goes on */
		KIND(let_value(p, 0), AST_INT);
		assert_int_equal(ndecls(p), 2);
		done(p);
	}
}

static void t_malformed_numbers(void **state)
{
	static const struct {
		const char *lit, *why;
	} cases[] = {
		{ "1__0", "an '_' must stand between two digits" },
		{ "1_", "an '_' must stand between two digits" },
		{ "0x_1", "an '_' must stand between two digits" },
		{ "0o8", "not an octal digit" },
		{ "0xG1", "not a hexadecimal digit" },
		{ "0755", "a decimal number cannot start with 0" },
		{ "00", "a decimal number cannot start with 0" },
		{ "10s", "letters after a number" },
		{ "1h30m", "letters after a number" },
		{ "1e", "digits must surround each '_', '.' and exponent" },
		{ "1.5_", "digits must surround each '_', '.' and exponent" },
		{ "1_.5", "digits must surround each '_', '.' and exponent" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128], want[256];
		struct parsed *p;

		snprintf(text, sizeof(text), "let x = %s\n", cases[i].lit);
		p = parse(text);
		print_message("# %s\n", cases[i].lit);
		DIAGS(p, 1);
		DIAG(p, 0, E0110, 8, 8 + strlen(cases[i].lit));
		snprintf(want, sizeof(want), "malformed number `%s`: %s",
			 cases[i].lit, cases[i].why);
		assert_string_equal(msg(p, 0), want);
		assert_int_equal(ndecls(p), 1);
		done(p);
	}
}

static void t_malformed_number_help(void **state)
{
	struct parsed *p = parse("let x = 10s\nlet y = 0755\n");

	(void)state;
	DIAGS(p, 2);
	assert_string_equal(help(p, 0),
		"quantities and durations are strings: write \"10s\" or \"512Mi\"");
	assert_string_equal(help(p, 1),
		"write 0o755 for an octal number, or drop the leading zeros");
	done(p);
}

/* Regression: `0x` and `0o` with no digits are reported as "an '_' must stand
 * between two digits"; there is no '_' in them. */
static void t_prefix_without_digits(void **state)
{
	static const char *const lits[] = { "0x", "0o", "0X" };

	(void)state;
	for (size_t i = 0; i < sizeof(lits) / sizeof(lits[0]); i++) {
		char text[64], prefix[64];
		struct parsed *p;

		snprintf(text, sizeof(text), "let x = %s\n", lits[i]);
		snprintf(prefix, sizeof(prefix), "malformed number `%s`: ", lits[i]);
		p = parse(text);
		DIAGS(p, 1);
		DIAG(p, 0, E0110, 8, 10);
		assert_memory_equal(msg(p, 0), prefix, strlen(prefix));
		print_message("# %s: %s\n", lits[i], msg(p, 0));
		assert_null(strstr(msg(p, 0), "'_'"));
		done(p);
	}
}

/* Regression: a quantity with an upper-case unit (`512Mi`, the very example of
 * the help text) gets "not a digit" and no help, while `10s` gets
 * "letters after a number" and the help about quantities. */
static void t_quantity_with_capital_unit(void **state)
{
	struct parsed *p = parse("let x = 512Mi\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0110, 8, 13);
	assert_string_equal(msg(p, 0),
			    "malformed number `512Mi`: letters after a number");
	assert_string_equal(help(p, 0),
		"quantities and durations are strings: write \"10s\" or \"512Mi\"");
	done(p);
}

static void t_floats(void **state)
{
	static const struct {
		const char *lit;
		double value;
	} cases[] = {
		{ "1.5", 1.5 },
		{ "1e9", 1e9 },
		{ "2.5e-3", 2.5e-3 },
		{ "1E+2", 100.0 },
		{ "1_000.25", 1000.25 },
		{ "0.0", 0.0 },
		{ "6.02e2_3", 6.02e23 },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];
		struct parsed *p;
		struct ast *v;

		snprintf(text, sizeof(text), "let x = %s\n", cases[i].lit);
		p = parse(text);
		print_message("# %s\n", cases[i].lit);
		DIAGS(p, 0);
		v = let_value(p, 0);
		KIND(v, AST_FLOAT);
		assert_true(v->u.real.value == cases[i].value);
		SPAN(v, 8, 8 + strlen(cases[i].lit));
		done(p);
	}
}

static void t_float_out_of_range(void **state)
{
	struct parsed *p = parse("let x = 1e999\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0109, 8, 13);
	assert_string_equal(msg(p, 0), "float literal `1e999` is out of range");
	done(p);
}

static void t_range_is_not_a_float(void **state)
{
	struct parsed *p = parse("type T = int(1..10)\n"
				 "type F = float(0.5..1.5)\n"
				 "type N = int(-5..)\n");
	struct ast *r;

	(void)state;
	DIAGS(p, 0);
	assert_int_equal(ndecls(p), 3);
	r = decl(p, 0)->u.bind.value;
	KIND(r, AST_TYPE_RANGE);
	assert_string_equal(r->u.range.name, "int");
	SPAN(r, 9, 19);
	KIND(r->u.range.lo, AST_INT);
	assert_int_equal(r->u.range.lo->u.integer.value, 1);
	SPAN(r->u.range.lo, 13, 14);
	KIND(r->u.range.hi, AST_INT);
	assert_int_equal(r->u.range.hi->u.integer.value, 10);
	SPAN(r->u.range.hi, 16, 18);

	r = decl(p, 1)->u.bind.value;
	KIND(r, AST_TYPE_RANGE);
	assert_string_equal(r->u.range.name, "float");
	KIND(r->u.range.lo, AST_FLOAT);
	assert_true(r->u.range.lo->u.real.value == 0.5);
	KIND(r->u.range.hi, AST_FLOAT);
	assert_true(r->u.range.hi->u.real.value == 1.5);

	r = decl(p, 2)->u.bind.value;
	KIND(r, AST_TYPE_RANGE);
	KIND(r->u.range.lo, AST_UNARY);
	assert_int_equal(r->u.range.lo->u.op.op, OP_NEG);
	assert_int_equal(r->u.range.lo->u.op.rhs->u.integer.value, 5);
	assert_null(r->u.range.hi);
	done(p);
}

/* --- strings and escapes ---------------------------------------------------- */

static void t_simple_escapes(void **state)
{
	struct parsed *p = parse("let s = \"\\n\\t\\r\\\"\\\\\\$x\"\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	STR(v, "\n\t\r\"\\$x");
	assert_false(v->u.string.multiline);
	SPAN(v, 8, 23);
	done(p);
}

static void t_dollar_without_brace(void **state)
{
	struct parsed *p = parse("let s = \"a$b $\"\nlet t = \"$\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "a$b $");
	STR(let_value(p, 1), "$");
	done(p);
}

static void t_unicode_escapes(void **state)
{
	struct parsed *p = parse("let a = \"\\u{1F600}\"\n"
				 "let b = \"\\u{41}\\u{e9}\\u{20AC}\"\n"
				 "let c = \"\\u{10FFFF}\"\n"
				 "let d = \"\\u{000041}\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "\xF0\x9F\x98\x80");
	STR(let_value(p, 1), "A\xC3\xA9\xE2\x82\xAC");
	STR(let_value(p, 2), "\xF4\x8F\xBF\xBF");
	STR(let_value(p, 3), "A");
	done(p);
}

static void t_bad_unicode_escapes(void **state)
{
	static const struct {
		const char *esc;	/* between "x and y" */
		uint32_t width;		/* bytes the span covers */
		const char *message;
		const char *cooked;
	} cases[] = {
		{ "\\u{0}", 5, "\\u{0} is not allowed: strings cannot hold NUL", "xy" },
		{ "\\u{D800}", 8, "unicode escape names no character", "xy" },
		{ "\\u{DFFF}", 8, "unicode escape names no character", "xy" },
		{ "\\u{110000}", 10, "unicode escape names no character", "xy" },
		{ "\\u{}", 4, "invalid unicode escape", "xy" },
		{ "\\u{1234567}", 11, "invalid unicode escape", "xy" },
		{ "\\u{12", 5, "invalid unicode escape", "xy" },
		{ "\\u1F600", 2, "invalid unicode escape", "x1F600y" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char text[128];
		struct parsed *p;
		struct ast *v;

		snprintf(text, sizeof(text), "let s = \"x%sy\"\n", cases[i].esc);
		p = parse(text);
		print_message("# %s\n", cases[i].esc);
		DIAGS(p, 1);
		DIAG(p, 0, E0108, 10, 10 + cases[i].width);
		assert_string_equal(msg(p, 0), cases[i].message);
		v = let_value(p, 0);
		KIND(v, AST_STRING);
		assert_string_equal(v->u.string.text, cases[i].cooked);
		done(p);
	}
}

static void t_invalid_escape(void **state)
{
	struct parsed *p = parse("let s = \"a\\qb\"\nlet t = \"\\\xC3\xA9\"\n");

	(void)state;
	DIAGS(p, 2);
	DIAG(p, 0, E0107, 10, 12);
	assert_string_equal(msg(p, 0), "invalid escape sequence");
	STR(let_value(p, 0), "ab");
	/* an escaped multi-byte character: the span covers all its bytes */
	DIAG(p, 1, E0107, 24, 27);
	done(p);
}

static void t_key_escapes_cooked(void **state)
{
	struct parsed *p = parse("site s {\n  labels.\"app\\u{2E}io/name\" = 1\n}\n");
	struct ast *seg;

	(void)state;
	DIAGS(p, 0);
	seg = item(&item(&decl(p, 0)->u.decl.body, 0)->u.stmt.path->u.path.segs, 1);
	KIND(seg, AST_SEG_KEY);
	STR(seg->u.seg.key, "app.io/name");
	SPAN(seg, 18, 36);
	done(p);
}

/* --- bad bytes ------------------------------------------------------------------ */

static void t_invalid_utf8_in_code(void **state)
{
	struct parsed *p = parse("let x = 1 \xFF\nlet y = 2 \xC0\xAF\n");

	(void)state;
	DIAGS(p, 3);
	DIAG(p, 0, E0101, 10, 11);
	assert_string_equal(msg(p, 0), "invalid UTF-8 byte 0xFF");
	/* an overlong encoding: each byte is reported where it stands */
	DIAG(p, 1, E0101, 22, 23);
	assert_string_equal(msg(p, 1), "invalid UTF-8 byte 0xC0");
	DIAG(p, 2, E0101, 23, 24);
	assert_string_equal(msg(p, 2), "invalid UTF-8 byte 0xAF");
	assert_int_equal(ndecls(p), 2);
	assert_int_equal(let_value(p, 0)->u.integer.value, 1);
	assert_int_equal(let_value(p, 1)->u.integer.value, 2);
	done(p);
}

static void t_non_ascii_in_code(void **state)
{
	struct parsed *p = parse("let x = 1 \xC3\xA9\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0103, 10, 12);
	assert_string_equal(msg(p, 0), "unexpected character `\xC3\xA9`");
	done(p);
}

static void t_invalid_utf8_in_string(void **state)
{
	struct parsed *p = parse("let s = \"a\xFF" "b\xE2\x82\xAC\"\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0101, 10, 11);
	assert_string_equal(msg(p, 0), "invalid UTF-8 byte 0xFF in a string");
	STR(let_value(p, 0), "ab\xE2\x82\xAC");
	done(p);
}

static void t_invalid_utf8_in_comment(void **state)
{
	struct parsed *p = parse("# a\xFF" "b\nlet x = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0101, 3, 4);
	assert_string_equal(msg(p, 0), "invalid UTF-8 byte 0xFF");
	assert_int_equal(p->file->u.file.ncomments, 1);
	assert_int_equal(p->file->u.file.comments[0].span.start, 0);
	assert_int_equal(p->file->u.file.comments[0].span.end, 5);
	assert_int_equal(ndecls(p), 1);
	done(p);
}

static void t_nul_bytes(void **state)
{
	static const char code[] = "let x = 1\0\nlet y = 2\n";
	static const char str[] = "let s = \"a\0b\"\n";
	static const char comment[] = "#a\0b\nlet x = 1\n";
	struct parsed *p;

	(void)state;
	/* whether the rest of a file with a NUL is read is policy (a binary
	 * file); the NUL is reported once, where it is, and what came before
	 * it parses */
	p = parse_n(code, sizeof(code) - 1);
	DIAGS(p, 1);
	DIAG(p, 0, E0102, 9, 10);
	assert_string_equal(msg(p, 0), "NUL byte in source");
	assert_true(ndecls(p) >= 1);
	assert_string_equal(decl(p, 0)->u.bind.name.name, "x");
	assert_int_equal(let_value(p, 0)->u.integer.value, 1);
	done(p);

	p = parse_n(str, sizeof(str) - 1);
	DIAGS(p, 1);
	DIAG(p, 0, E0102, 10, 11);
	assert_string_equal(msg(p, 0), "NUL byte in a string");
	STR(let_value(p, 0), "ab");
	done(p);

	p = parse_n(comment, sizeof(comment) - 1);
	DIAGS(p, 1);
	DIAG(p, 0, E0102, 2, 3);
	done(p);
}

static void t_control_characters(void **state)
{
	struct parsed *p;

	(void)state;
	p = parse("let x = 1\x01\nlet y = 2\x7F\nlet z = \x0B" "3\n");
	DIAGS(p, 3);
	DIAG(p, 0, E0115, 9, 10);
	assert_string_equal(msg(p, 0), "control character U+0001 in source");
	DIAG(p, 1, E0115, 20, 21);
	assert_string_equal(msg(p, 1), "control character U+007F in source");
	DIAG(p, 2, E0115, 30, 31);
	assert_string_equal(msg(p, 2), "control character U+000B in source");
	assert_int_equal(ndecls(p), 3);
	done(p);

	p = parse("let s = \"a\x1B" "b\tc\"\n");
	DIAGS(p, 1);
	DIAG(p, 0, E0115, 10, 11);
	assert_string_equal(msg(p, 0), "control character U+001B in a string");
	STR(let_value(p, 0), "ab\tc");
	done(p);

	/* allowed in a comment */
	p = parse("# a\x01" "b\x1B" "c\nlet x = 1\n");
	DIAGS(p, 0);
	assert_int_equal(p->file->u.file.ncomments, 1);
	assert_string_equal(p->file->u.file.comments[0].text, " a\x01" "b\x1B" "c");
	done(p);
}

static void t_crlf(void **state)
{
	struct parsed *p = parse("let a = 1\r\n"
				 "# note\r\n"
				 "let b = \"x\"\r\n"
				 "site s {\r\n"
				 "  x = 1\r\n"
				 "  y = [\r\n    1,\r\n    2\r\n  ]\r\n"
				 "}\r\n");
	struct ast *s;

	(void)state;
	DIAGS(p, 0);
	assert_int_equal(ndecls(p), 3);
	assert_int_equal(let_value(p, 0)->u.integer.value, 1);
	STR(let_value(p, 1), "x");
	SPAN(let_value(p, 1), 27, 30);
	assert_int_equal(p->file->u.file.ncomments, 1);
	assert_string_equal(p->file->u.file.comments[0].text, " note");
	assert_int_equal(p->file->u.file.comments[0].span.start, 11);
	assert_int_equal(p->file->u.file.comments[0].span.end, 17);
	s = decl(p, 2);
	assert_int_equal(s->u.decl.body.len, 2);
	assert_int_equal(item(&s->u.decl.body, 1)->u.stmt.value->u.list.items.len, 2);
	done(p);
}

static void t_crlf_multiline_string(void **state)
{
	struct parsed *p = parse("let s = \"\"\"\r\n  a\r\n    b\r\n  \"\"\"\r\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "a\n  b");
	done(p);
}

/* --- multi-line strings --------------------------------------------------------- */

static void t_mstring_basic(void **state)
{
	struct parsed *p = parse("let s = \"\"\"\n    a\n      b\n    \"\"\"\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	STR(v, "a\n  b");
	assert_true(v->u.string.multiline);
	SPAN(v, 8, 33);
	done(p);
}

static void t_mstring_blank_lines(void **state)
{
	/* blank and white-space-only lines do not count for the indent, and
	 * come out empty, however much white space they held */
	struct parsed *p = parse("let s = \"\"\"\n    a\n\n  \n    b\n      \n    \"\"\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "a\n\n\nb\n");
	done(p);
}

static void t_mstring_tabs(void **state)
{
	struct parsed *p = parse("let a = \"\"\"\n\tx\n\t\ty\n\t\"\"\"\n"
				 "let b = \"\"\"\n\t x\n\t  y\n\"\"\"\n"
				 "let c = \"\"\"\n\tx\n    y\n\"\"\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "x\n\ty");
	STR(let_value(p, 1), "x\n y");
	/* a tab and four spaces share no prefix: nothing is stripped */
	STR(let_value(p, 2), "\tx\n    y");
	done(p);
}

static void t_mstring_escapes(void **state)
{
	struct parsed *p = parse("let s = \"\"\"\n  a\\tb \"q\" \\u{41}\n  \\$x\n  \"\"\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "a\tb \"q\" A\n$x");
	done(p);
}

static void t_mstring_interpolation_at_line_start(void **state)
{
	struct parsed *p = parse("let s = \"\"\"\n  ${x}\n  b ${y}\n  \"\"\"\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_INTERP);
	assert_true(v->u.interp.multiline);
	assert_int_equal(v->u.interp.parts.len, 3);
	KIND(item(&v->u.interp.parts, 0), AST_NAME);
	assert_string_equal(item(&v->u.interp.parts, 0)->u.ref.name, "x");
	STR(item(&v->u.interp.parts, 1), "\nb ");
	KIND(item(&v->u.interp.parts, 2), AST_NAME);
	assert_string_equal(item(&v->u.interp.parts, 2)->u.ref.name, "y");
	done(p);
}

static void t_mstring_interpolation_sets_indent(void **state)
{
	/* a line that starts with ${ at column 0 is not blank: indent 0 */
	struct parsed *p = parse("let s = \"\"\"\n  a\n${x}\n  \"\"\"\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_INTERP);
	assert_int_equal(v->u.interp.parts.len, 2);
	STR(item(&v->u.interp.parts, 0), "  a\n");
	KIND(item(&v->u.interp.parts, 1), AST_NAME);
	done(p);
}

static void t_mstring_closing_indent_irrelevant(void **state)
{
	struct parsed *p = parse("let a = \"\"\"\n    x\n\"\"\"\n"
				 "let b = \"\"\"\n    x\n            \"\"\"\n"
				 "let c = \"\"\"\n    x\n\t\"\"\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "x");
	STR(let_value(p, 1), "x");
	STR(let_value(p, 2), "x");
	done(p);
}

static void t_mstring_empty(void **state)
{
	struct parsed *p = parse("let a = \"\"\"\n\"\"\"\nlet b = \"\"\"\n  \"\"\"\n");

	(void)state;
	DIAGS(p, 0);
	STR(let_value(p, 0), "");
	assert_true(let_value(p, 0)->u.string.multiline);
	SPAN(let_value(p, 0), 8, 15);
	STR(let_value(p, 1), "");
	done(p);
}

static void t_mstring_text_on_opening_line(void **state)
{
	struct parsed *p = parse("let s = \"\"\"abc\n  x\n  \"\"\"\nlet t = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0111, 8, 11);
	assert_string_equal(msg(p, 0), "text after an opening \"\"\" on the same line");
	STR(let_value(p, 0), "x");
	assert_int_equal(ndecls(p), 2);
	done(p);
}

static void t_mstring_closing_not_alone(void **state)
{
	struct parsed *p = parse("let s = \"\"\"\n  a\n  b\"\"\"\nlet t = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0112, 19, 22);
	assert_string_equal(msg(p, 0), "a closing \"\"\" must stand on a line of its own");
	STR(let_value(p, 0), "a\nb");
	assert_int_equal(ndecls(p), 2);
	done(p);
}

static void t_mstring_unterminated(void **state)
{
	struct parsed *p = parse("let t = 1\nlet s = \"\"\"\n  a\n  b\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0105, 18, 21);
	assert_string_equal(msg(p, 0), "unterminated multi-line string");
	assert_int_equal(ndecls(p), 2);
	KIND(let_value(p, 1), AST_STRING);
	done(p);
}

/* An unterminated ${ inside a """ string ends at the line break, and the
 * string goes on to its closing delimiter: one E0106 and nothing else
 * (it used to reopen a string at the closing """ and cascade). */
static void t_mstring_unterminated_interpolation(void **state)
{
	struct parsed *p = parse("let s = \"\"\"\n  ${a\n  b\n  \"\"\"\nlet t = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0106, 14, 16);
	assert_int_equal(ndecls(p), 2);
	done(p);
}

/* --- interpolation ----------------------------------------------------------------- */

static void t_interpolation_nesting(void **state)
{
	struct parsed *p = parse("let s = \"a ${f(\"b ${c}\")} d\"\n");
	struct ast *v, *call, *inner;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_INTERP);
	assert_false(v->u.interp.multiline);
	SPAN(v, 8, 28);
	assert_int_equal(v->u.interp.parts.len, 3);
	STR(item(&v->u.interp.parts, 0), "a ");
	SPAN(item(&v->u.interp.parts, 0), 9, 11);
	STR(item(&v->u.interp.parts, 2), " d");
	SPAN(item(&v->u.interp.parts, 2), 25, 27);

	call = item(&v->u.interp.parts, 1);
	KIND(call, AST_CALL);
	assert_string_equal(call->u.call.name.name, "f");
	SPAN(call, 13, 24);
	assert_int_equal(call->u.call.args.len, 1);
	inner = item(&call->u.call.args, 0);
	KIND(inner, AST_INTERP);
	SPAN(inner, 15, 23);
	assert_int_equal(inner->u.interp.parts.len, 2);
	STR(item(&inner->u.interp.parts, 0), "b ");
	KIND(item(&inner->u.interp.parts, 1), AST_NAME);
	assert_string_equal(item(&inner->u.interp.parts, 1)->u.ref.name, "c");
	SPAN(item(&inner->u.interp.parts, 1), 20, 21);
	done(p);
}

static void t_interpolation_with_braces(void **state)
{
	struct parsed *p = parse("let s = \"${ {a = 1}.a }!\"\n");
	struct ast *v, *g, *obj;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_INTERP);
	assert_int_equal(v->u.interp.parts.len, 2);
	g = item(&v->u.interp.parts, 0);
	KIND(g, AST_GET);
	assert_string_equal(g->u.get.name.name, "a");
	obj = g->u.get.target;
	KIND(obj, AST_OBJECT);
	SPAN(obj, 12, 19);
	assert_int_equal(obj->u.object.body.len, 1);
	assert_string_equal(seg_name(item(&obj->u.object.body, 0), 0), "a");
	STR(item(&v->u.interp.parts, 1), "!");
	done(p);
}

static void t_interpolation_only(void **state)
{
	struct parsed *p = parse("let s = \"${x}\"\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 0);
	v = let_value(p, 0);
	KIND(v, AST_INTERP);
	SPAN(v, 8, 14);
	assert_int_equal(v->u.interp.parts.len, 1);
	KIND(item(&v->u.interp.parts, 0), AST_NAME);
	done(p);
}

static void t_unterminated_interpolation(void **state)
{
	struct parsed *p = parse("let s = \"a ${b\nlet t = 1\n");
	struct ast *v;

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0106, 11, 13);
	assert_string_equal(msg(p, 0), "unterminated interpolation");
	assert_int_equal(ndecls(p), 2);
	v = let_value(p, 0);
	KIND(v, AST_INTERP);
	assert_int_equal(v->u.interp.parts.len, 2);
	STR(item(&v->u.interp.parts, 0), "a ");
	KIND(item(&v->u.interp.parts, 1), AST_NAME);
	assert_int_equal(let_value(p, 1)->u.integer.value, 1);
	done(p);
}

static void t_unterminated_interpolation_at_eof(void **state)
{
	struct parsed *p = parse("let s = \"a ${b");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0106, 11, 13);
	assert_int_equal(ndecls(p), 1);
	done(p);
}

/* Regression: "${f("x}" at the end of a line: the interpolation is reported
 * once (E0106), but both declarations are lost, also `let t = 1` on the
 * next line, which has nothing wrong with it. */
static void t_unterminated_interpolation_inner_string(void **state)
{
	struct parsed *p = parse("let s = \"${f(\"x}\nlet t = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0106, 9, 11);
	assert_true(ndecls(p) >= 1);
	assert_string_equal(decl(p, ndecls(p) - 1)->u.bind.name.name, "t");
	assert_int_equal(let_value(p, ndecls(p) - 1)->u.integer.value, 1);
	done(p);
}

static void t_unterminated_string(void **state)
{
	struct parsed *p = parse("let s = \"abc\nlet t = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0104, 8, 12);
	assert_string_equal(msg(p, 0), "unterminated string");
	assert_int_equal(ndecls(p), 2);
	STR(let_value(p, 0), "abc");
	assert_int_equal(let_value(p, 1)->u.integer.value, 1);
	done(p);
}

/* Regression: a string left open at the end of the file (no line break after
 * it) gets the span of its opening quote only, [8,9) instead of [8,12),
 * and its text is lost ("" instead of "abc"): the <<EOF>> rule of the STR
 * state reads a stale yylloc (the last piece matched, not the end). */
static void t_unterminated_string_at_eof(void **state)
{
	struct parsed *p = parse("let s = \"abc");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0104, 8, 12);
	STR(let_value(p, 0), "abc");
	done(p);
}

static void t_unterminated_string_in_body(void **state)
{
	struct parsed *p = parse("site x {\n  a = \"abc\r\n  b = 1\n}\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0104, 15, 19);
	assert_int_equal(decl(p, 0)->u.decl.body.len, 2);
	done(p);
}

/* --- comments -------------------------------------------------------------------- */

static void t_comments(void **state)
{
	struct parsed *p = parse("# one\nlet x = 1 # two\n  #three\nlet s = \"# not\"\n#");
	const struct ast_comment *c;

	(void)state;
	DIAGS(p, 0);
	assert_int_equal(p->file->u.file.ncomments, 4);
	c = p->file->u.file.comments;
	assert_string_equal(c[0].text, " one");
	assert_int_equal(c[0].span.start, 0);
	assert_int_equal(c[0].span.end, 5);
	assert_string_equal(c[1].text, " two");
	assert_int_equal(c[1].span.start, 16);
	assert_int_equal(c[1].span.end, 21);
	assert_string_equal(c[2].text, "three");
	assert_int_equal(c[2].span.start, 24);
	assert_int_equal(c[2].span.end, 30);
	assert_string_equal(c[3].text, "");
	assert_int_equal(c[3].span.start, 47);
	assert_int_equal(c[3].span.end, 48);
	STR(let_value(p, 1), "# not");
	done(p);
}

static void t_only_comments_declares_nothing(void **state)
{
	struct parsed *p = parse("# nothing here\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0005, 0, 0);
	assert_string_equal(msg(p, 0), "file declares nothing");
	assert_int_equal(p->file->u.file.ncomments, 1);
	done(p);
}

/* --- regular expressions ------------------------------------------------------------ */

static void t_regex(void **state)
{
	struct parsed *p = parse("type T = string(/a\\/b/)\n"
				 "type U = string(/^[a-z]+$/)\n"
				 "type V = string(/\\d\\//)\n");
	struct ast *r;

	(void)state;
	DIAGS(p, 0);
	r = decl(p, 0)->u.bind.value;
	KIND(r, AST_TYPE_REGEX);
	assert_string_equal(r->u.regex.name, "string");
	assert_string_equal(r->u.regex.pattern, "a/b");
	SPAN(r, 9, 23);
	assert_string_equal(decl(p, 1)->u.bind.value->u.regex.pattern, "^[a-z]+$");
	assert_string_equal(decl(p, 2)->u.bind.value->u.regex.pattern, "\\d/");
	done(p);
}

static void t_unterminated_regex(void **state)
{
	struct parsed *p = parse("type T = string(/abc)\nlet x = 1\n");

	(void)state;
	assert_true(p->cap.n >= 1);
	DIAG(p, 0, E0113, 16, 21);
	assert_string_equal(msg(p, 0), "unterminated regular expression");
	done(p);
}

/* Regression: after an unterminated regex ate the ')', the syntax error lands on
 * the `let` that starts the next line, and recovery then skips the rest of
 * that line: `let x = 1` is lost (see t_recovery_error_at_line_start). */
static void t_unterminated_regex_keeps_next_decl(void **state)
{
	struct parsed *p = parse("type T = string(/abc)\nlet x = 1\n");

	(void)state;
	assert_true(ndecls(p) >= 1);
	KIND(decl(p, ndecls(p) - 1), AST_CONST);
	assert_string_equal(decl(p, ndecls(p) - 1)->u.bind.name.name, "x");
	done(p);
}

/* --- nesting limits ---------------------------------------------------------------- */

/* One list deeper than AST_MAX_DEPTH (1000, E0114's registry text and
 * sitec-lang(7) say the same) gives exactly one E0114, at the outermost
 * list that is too deep. */
static void t_depth_limit_lists(void **state)
{
	char *body = nest("[", AST_MAX_DEPTH + 1, "1", "]");
	char *text = xmalloc(strlen(body) + 16);
	struct parsed *p;

	(void)state;
	sprintf(text, "let x = %s\n", body);
	p = parse(text);
	DIAGS(p, 1);
	/* the list AST_MAX_DEPTH levels above the 1 is the first that is too
	 * deep: the 2nd '[' (offset 9) and its ']' */
	DIAG(p, 0, E0114, 9, 2010);
	assert_string_equal(msg(p, 0), "nested more than 1000 levels deep");
	assert_int_equal(ndecls(p), 1);
	assert_int_equal(AST_MAX_DEPTH, 1000);
	done(p);
	free(text);
	free(body);
}

/* The same at whatever AST_MAX_DEPTH is: one list too many is reported
 * once, at the outermost list that is too deep. */
static void t_depth_limit_plus_44(void **state)
{
	uint32_t n = AST_MAX_DEPTH + 44;
	char *body = nest("[", n, "1", "]");
	char *text = xmalloc(strlen(body) + 16);
	char want[64];
	struct parsed *p;

	(void)state;
	sprintf(text, "let x = %s\n", body);
	p = parse(text);
	DIAGS(p, 1);
	DIAG(p, 0, E0114, 8 + 44, 8 + n + 1 + AST_MAX_DEPTH);
	snprintf(want, sizeof(want), "nested more than %d levels deep", AST_MAX_DEPTH);
	assert_string_equal(msg(p, 0), want);
	assert_int_equal(ndecls(p), 1);
	done(p);
	free(text);
	free(body);
}

static void t_depth_limit_ok(void **state)
{
	/* lists around an int under a `let`: exactly AST_MAX_DEPTH levels */
	char *body = nest("[", AST_MAX_DEPTH - 2, "1", "]");
	char *text = xmalloc(strlen(body) + 16);
	struct parsed *p;

	(void)state;
	sprintf(text, "let x = %s\n", body);
	p = parse(text);
	DIAGS(p, 0);
	assert_int_equal(decl(p, 0)->depth, AST_MAX_DEPTH);
	done(p);
	free(text);
	free(body);
}

static void t_depth_100000_lists(void **state)
{
	char *body = nest("[", 100000, "1", "]");
	char *text = xmalloc(strlen(body) + 16);
	struct parsed *p;

	(void)state;
	sprintf(text, "let x = %s\n", body);
	p = parse(text);
	DIAGS(p, 1);
	assert_string_equal(diag_code_name(p->cap.recs[0].code), "E0114");
	assert_string_equal(msg(p, 0), "nested too deeply for the parser");
	/* it points into the brackets */
	assert_true(p->cap.recs[0].start >= 8 && p->cap.recs[0].start < 100008);
	assert_int_equal(text[p->cap.recs[0].start], '[');
	done(p);
	free(text);
	free(body);
}

static void t_depth_100000_parens(void **state)
{
	char *body = nest("(", 100000, "1", ")");
	char *text = xmalloc(strlen(body) + 16);
	struct parsed *p;

	(void)state;
	sprintf(text, "let x = %s\n", body);
	p = parse(text);
	DIAGS(p, 1);
	assert_string_equal(diag_code_name(p->cap.recs[0].code), "E0114");
	done(p);
	free(text);
	free(body);
}

/* --- the list newline rule -------------------------------------------------------- */

static void t_list_newline_minus(void **state)
{
	struct parsed *p = parse("let x = [\n-1\n-2\n]\n");
	struct ast *l;

	(void)state;
	DIAGS(p, 0);
	l = let_value(p, 0);
	KIND(l, AST_LIST);
	SPAN(l, 8, 17);
	assert_int_equal(l->u.list.items.len, 2);
	KIND(item(&l->u.list.items, 0), AST_UNARY);
	assert_int_equal(item(&l->u.list.items, 0)->u.op.op, OP_NEG);
	SPAN(item(&l->u.list.items, 0), 10, 12);
	assert_int_equal(item(&l->u.list.items, 0)->u.op.rhs->u.integer.value, 1);
	KIND(item(&l->u.list.items, 1), AST_UNARY);
	SPAN(item(&l->u.list.items, 1), 13, 15);
	done(p);
}

static void t_list_same_line_minus(void **state)
{
	struct parsed *p = parse("let x = [a -1]\n");
	struct ast *l, *b;

	(void)state;
	DIAGS(p, 0);
	l = let_value(p, 0);
	assert_int_equal(l->u.list.items.len, 1);
	b = item(&l->u.list.items, 0);
	KIND(b, AST_BINARY);
	assert_int_equal(b->u.op.op, OP_SUB);
	SPAN(b, 9, 13);
	assert_string_equal(b->u.op.lhs->u.ref.name, "a");
	assert_int_equal(b->u.op.rhs->u.integer.value, 1);
	done(p);
}

static void t_list_newline_paren_bracket(void **state)
{
	struct parsed *p = parse("let x = [\n  a\n  (b)\n  c\n  [0]\n]\n"
				 "let y = [(a\n  -1)]\n");
	struct ast *l;

	(void)state;
	DIAGS(p, 0);
	l = let_value(p, 0);
	assert_int_equal(l->u.list.items.len, 4);
	KIND(item(&l->u.list.items, 0), AST_NAME);
	KIND(item(&l->u.list.items, 1), AST_NAME);
	assert_string_equal(item(&l->u.list.items, 1)->u.ref.name, "b");
	KIND(item(&l->u.list.items, 2), AST_NAME);
	KIND(item(&l->u.list.items, 3), AST_LIST);
	/* inside parentheses a line break separates nothing */
	l = let_value(p, 1);
	assert_int_equal(l->u.list.items.len, 1);
	KIND(item(&l->u.list.items, 0), AST_BINARY);
	done(p);
}

/* --- error recovery ----------------------------------------------------------------- */

static void t_recovery_three_bodies(void **state)
{
	struct parsed *p = parse(
		"profile p1 {\n"		/* 0 */
		"  a = = 1\n"			/* 13: second '=' at 19 */
		"  b = 2\n"			/* 23 */
		"}\n"				/* 31 */
		"profile p2 {\n"		/* 33 */
		"  c : 3\n"			/* 46: ':' at 50 */
		"  d = 4\n"			/* 54 */
		"}\n"				/* 62 */
		"site s1 : p1, p2 {\n"		/* 64 */
		"  e = )\n"			/* 83: ')' at 89 */
		"  f = 5\n"			/* 91 */
		"}\n"				/* 99 */
		"let ok = 1\n");		/* 101 */
	struct ast *d;

	(void)state;
	DIAGS(p, 3);
	DIAG(p, 0, E0201, 19, 20);
	assert_string_equal(msg(p, 0), "unexpected `=`; expected an expression");
	DIAG(p, 1, E0201, 50, 51);
	assert_string_equal(help(p, 1),
			    "statements set values with `=`: write `key = value`");
	DIAG(p, 2, E0201, 89, 90);
	assert_string_equal(msg(p, 2), "unexpected `)`; expected an expression");

	assert_int_equal(ndecls(p), 4);
	d = decl(p, 0);
	KIND(d, AST_PROFILE);
	assert_string_equal(d->u.decl.name.name, "p1");
	assert_int_equal(d->u.decl.body.len, 1);
	assert_string_equal(seg_name(item(&d->u.decl.body, 0), 0), "b");
	d = decl(p, 1);
	assert_string_equal(d->u.decl.name.name, "p2");
	assert_int_equal(d->u.decl.body.len, 1);
	assert_string_equal(seg_name(item(&d->u.decl.body, 0), 0), "d");
	d = decl(p, 2);
	KIND(d, AST_SITE);
	assert_int_equal(d->u.decl.nparents, 2);
	assert_string_equal(d->u.decl.parents[1].name, "p2");
	assert_int_equal(d->u.decl.body.len, 1);
	assert_string_equal(seg_name(item(&d->u.decl.body, 0), 0), "f");
	assert_int_equal(let_value(p, 3)->u.integer.value, 1);
	done(p);
}

static void t_unclosed_brace_at_eof(void **state)
{
	struct parsed *p = parse("site s {\n  a = 1\n");

	(void)state;
	DIAGS(p, 1);
	assert_string_equal(diag_code_name(p->cap.recs[0].code), "E0201");
	/* the order of the expected tokens is bison's */
	assert_memory_equal(msg(p, 0), "unexpected end of file; expected ", 33);
	assert_non_null(strstr(msg(p, 0), "`}`"));
	assert_string_equal(help(p, 0), "close the `{` with `}`");
	assert_int_equal(p->cap.recs[0].nnotes, 1);
	done(p);
}

/* The end of file is an empty span after the last text of the file
 * (not the stale location of the last lexeme: the final line break, or a
 * whole trailing comment). */
static void t_eof_span(void **state)
{
	struct parsed *p = parse("site s {\n  a = 1\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 16, 16);
	done(p);

	p = parse("site s {\n  a = 1\n  \n\t\n");
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 16, 16);
	done(p);

	p = parse("site s {\n  a = 1\n# end");
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 22, 22);
	done(p);
}

/* Regression: when a syntax error is found at the first token of a line (an
 * unclosed '(' or '[' before it), that token is where the next statement
 * starts, but the token filter only starts skipping after it: the rest of
 * that statement is skipped, so the statement (or declaration) is lost. */
static void t_recovery_error_at_line_start(void **state)
{
	struct parsed *p = parse("let a = [1, 2\nlet b = 1\nlet c = 2\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 14, 17);
	assert_int_equal(ndecls(p), 2);
	assert_string_equal(decl(p, 0)->u.bind.name.name, "b");
	assert_string_equal(decl(p, 1)->u.bind.name.name, "c");
	done(p);

	p = parse("site s {\n  a = f(1\n  b = 2\n}\nlet y = 1\n");
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 21, 22);
	assert_int_equal(ndecls(p), 2);
	assert_int_equal(decl(p, 0)->u.decl.body.len, 1);
	assert_string_equal(seg_name(item(&decl(p, 0)->u.decl.body, 0), 0), "b");
	assert_string_equal(decl(p, 1)->u.bind.name.name, "y");
	done(p);
}

/* A stray token at the start of a top-level line is reported once (it
 * used to be reported twice, same code, span and message). */
static void t_stray_token_reported_once(void **state)
{
	struct parsed *p = parse("let x = 1\n5\nlet y = 2\n");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0201, 10, 11);
	assert_memory_equal(msg(p, 0), "unexpected integer `5`; expected ", 33);
	/* The parser checks a token before it reduces what precedes it
	 * (LAC, for exact "expected" lists), so `let x = 1` goes with the
	 * error; the parse resumes at `let y`. */
	assert_int_equal(ndecls(p), 1);
	done(p);
}

static void t_empty_file(void **state)
{
	struct parsed *p = parse("");

	(void)state;
	DIAGS(p, 1);
	DIAG(p, 0, E0005, 0, 0);
	assert_int_equal(ndecls(p), 0);
	SPAN(p->file, 0, 0);
	done(p);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_ident_dash_in_decl_name),
		cmocka_unit_test(t_ident_dash_is_one_name),
		cmocka_unit_test(t_spaced_minus_is_subtraction),
		cmocka_unit_test(t_names_are_interned),
		cmocka_unit_test(t_keywords_as_keys),
		cmocka_unit_test(t_if_at_statement_start),
		cmocka_unit_test(t_if_as_key_is_an_error),
		cmocka_unit_test(t_integers),
		cmocka_unit_test(t_integer_overflow),
		cmocka_unit_test(t_malformed_numbers),
		cmocka_unit_test(t_malformed_number_help),
		cmocka_unit_test(t_prefix_without_digits),
		cmocka_unit_test(t_quantity_with_capital_unit),
		cmocka_unit_test(t_floats),
		cmocka_unit_test(t_float_out_of_range),
		cmocka_unit_test(t_range_is_not_a_float),
		cmocka_unit_test(t_simple_escapes),
		cmocka_unit_test(t_dollar_without_brace),
		cmocka_unit_test(t_unicode_escapes),
		cmocka_unit_test(t_bad_unicode_escapes),
		cmocka_unit_test(t_invalid_escape),
		cmocka_unit_test(t_key_escapes_cooked),
		cmocka_unit_test(t_invalid_utf8_in_code),
		cmocka_unit_test(t_non_ascii_in_code),
		cmocka_unit_test(t_invalid_utf8_in_string),
		cmocka_unit_test(t_invalid_utf8_in_comment),
		cmocka_unit_test(t_nul_bytes),
		cmocka_unit_test(t_control_characters),
		cmocka_unit_test(t_crlf),
		cmocka_unit_test(t_crlf_multiline_string),
		cmocka_unit_test(t_mstring_basic),
		cmocka_unit_test(t_mstring_blank_lines),
		cmocka_unit_test(t_mstring_tabs),
		cmocka_unit_test(t_mstring_escapes),
		cmocka_unit_test(t_mstring_interpolation_at_line_start),
		cmocka_unit_test(t_mstring_interpolation_sets_indent),
		cmocka_unit_test(t_mstring_closing_indent_irrelevant),
		cmocka_unit_test(t_mstring_empty),
		cmocka_unit_test(t_mstring_text_on_opening_line),
		cmocka_unit_test(t_mstring_closing_not_alone),
		cmocka_unit_test(t_mstring_unterminated),
		cmocka_unit_test(t_mstring_unterminated_interpolation),
		cmocka_unit_test(t_interpolation_nesting),
		cmocka_unit_test(t_interpolation_with_braces),
		cmocka_unit_test(t_interpolation_only),
		cmocka_unit_test(t_unterminated_interpolation),
		cmocka_unit_test(t_unterminated_interpolation_at_eof),
		cmocka_unit_test(t_unterminated_interpolation_inner_string),
		cmocka_unit_test(t_unterminated_string),
		cmocka_unit_test(t_unterminated_string_at_eof),
		cmocka_unit_test(t_unterminated_string_in_body),
		cmocka_unit_test(t_comments),
		cmocka_unit_test(t_only_comments_declares_nothing),
		cmocka_unit_test(t_regex),
		cmocka_unit_test(t_unterminated_regex),
		cmocka_unit_test(t_unterminated_regex_keeps_next_decl),
		cmocka_unit_test(t_depth_limit_lists),
		cmocka_unit_test(t_depth_limit_plus_44),
		cmocka_unit_test(t_depth_limit_ok),
		cmocka_unit_test(t_depth_100000_lists),
		cmocka_unit_test(t_depth_100000_parens),
		cmocka_unit_test(t_list_newline_minus),
		cmocka_unit_test(t_list_same_line_minus),
		cmocka_unit_test(t_list_newline_paren_bracket),
		cmocka_unit_test(t_recovery_three_bodies),
		cmocka_unit_test(t_unclosed_brace_at_eof),
		cmocka_unit_test(t_eof_span),
		cmocka_unit_test(t_recovery_error_at_line_start),
		cmocka_unit_test(t_stray_token_reported_once),
		cmocka_unit_test(t_empty_file),
	};

	return cmocka_run_group_tests_name("scanner", tests, NULL, NULL);
}
