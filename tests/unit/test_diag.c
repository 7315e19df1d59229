/*
 * test_diag.c - diagnostics: the text renderer (exact output), the JSON
 * form, source positions, and the code registry.
 *
 * Tests marked "Regression" pin a defect found while writing them, since
 * fixed: the comment says what used to go wrong.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "diag.h"
#include "source.h"

/* --- helpers ------------------------------------------------------------- */

static struct source *src_of(const char *text)
{
	return source_from_buffer("t.site", text, strlen(text));
}

static char *render(const struct diag *d)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);

	assert_non_null(f);
	diag_render_text(f, d);
	assert_int_equal(fclose(f), 0);
	assert_non_null(buf);
	return buf;
}

/* Renders a diagnostic E0201 "m" at [start, end) of text, compares. */
#define CHECK_RENDER(text, start, end, want) \
	check_render((text), sizeof(text) - 1, (start), (end), (want), __FILE__, __LINE__)

static void check_render(const char *text, size_t len, uint32_t start,
			 uint32_t end, const char *want, const char *file,
			 int line)
{
	struct source *src = source_from_buffer("t.site", text, len);
	struct diag *d = diag_new(E0201, span_make(src, start, end), "m");
	char *got = render(d);

	_assert_string_equal(got, want, file, line);
	free(got);
	diag_free(d);
	source_free(src);
}

/* n copies of c. */
static char *rep(char c, size_t n)
{
	char *s = xmalloc(n + 1);

	assert_non_null(s);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static char *cat(const char *a, const char *b, const char *c, const char *d)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + strlen(d);
	char *s = xmalloc(n + 1);

	assert_non_null(s);
	strcpy(s, a);
	strcat(s, b);
	strcat(s, c);
	strcat(s, d);
	return s;
}

/* --- the header, the snippet, the underline ------------------------------ */

static void t_basic(void **state)
{
	struct source *src = src_of("let x = 1 +\nlet y = 2\n");
	struct diag *d = diag_new(E0201, span_make(src, 10, 11),
				  "unexpected `%s`", "+");
	char *got;

	(void)state;
	diag_help(d, "remove the `%c`", '+');
	got = render(d);
	assert_string_equal(got,
		"t.site:1:11: error[E0201]: unexpected `+`\n"
		" 1 | let x = 1 +\n"
		"   |           ^\n"
		"  = help: remove the `+`\n");
	free(got);
	diag_free(d);
	source_free(src);
}

static void t_multi_char_span(void **state)
{
	(void)state;
	CHECK_RENDER("let name = value\n", 4, 8,
		"t.site:1:5: error[E0201]: m\n"
		" 1 | let name = value\n"
		"   |     ^~~~\n");
	/* the last line, without a line break */
	CHECK_RENDER("a = 1\nb = 22", 10, 12,
		"t.site:2:5: error[E0201]: m\n"
		" 2 | b = 22\n"
		"   |     ^~\n");
}

static void t_gutter_width(void **state)
{
	(void)state;
	CHECK_RENDER("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\nx = bad\n", 28, 31,
		"t.site:12:5: error[E0201]: m\n"
		" 12 | x = bad\n"
		"    |     ^~~\n");
}

static void t_warning(void **state)
{
	struct source *src = src_of("let x = 1\n");
	struct diag *d = diag_new(E0005, span_make(src, 4, 5), "w");
	char *got;

	(void)state;
	d->severity = DIAG_WARNING;
	got = render(d);
	assert_string_equal(got,
		"t.site:1:5: warning[E0005]: w\n"
		" 1 | let x = 1\n"
		"   |     ^\n");
	free(got);
	diag_free(d);
	source_free(src);
}

static void t_tabs(void **state)
{
	(void)state;
	/* a leading tab: 8 columns; the column number counts it as one */
	CHECK_RENDER("\tx = \"a\"\n", 1, 2,
		"t.site:1:2: error[E0201]: m\n"
		" 1 |         x = \"a\"\n"
		"   |         ^\n");
	/* a tab after two characters stops at column 8 */
	CHECK_RENDER("ab\tcd\te\n", 3, 5,
		"t.site:1:4: error[E0201]: m\n"
		" 1 | ab      cd      e\n"
		"   |         ^~\n");
	/* a span over a tab underlines its width */
	CHECK_RENDER("a\tb\n", 1, 3,
		"t.site:1:2: error[E0201]: m\n"
		" 1 | a       b\n"
		"   |  ^~~~~~~~\n");
	/* tabs before the span, with multi-byte characters between */
	CHECK_RENDER("\xC3\xA9\t\tz\n", 4, 5,
		"t.site:1:4: error[E0201]: m\n"
		" 1 | \xC3\xA9               z\n"
		"   |                 ^\n");
}

static void t_multibyte(void **state)
{
	(void)state;
	/* é is one column, 😀 two; the column number counts code points */
	CHECK_RENDER("let \xC3\xA9 = \xF0\x9F\x98\x80 + x\n", 16, 17,
		"t.site:1:13: error[E0201]: m\n"
		" 1 | let \xC3\xA9 = \xF0\x9F\x98\x80 + x\n"
		"   |              ^\n");
	/* a span over the emoji is two columns wide */
	CHECK_RENDER("a \xF0\x9F\x98\x80 b\n", 2, 6,
		"t.site:1:3: error[E0201]: m\n"
		" 1 | a \xF0\x9F\x98\x80 b\n"
		"   |   ^~\n");
	/* a combining mark (U+0301) takes no column */
	CHECK_RENDER("e\xCC\x81 x\n", 4, 5,
		"t.site:1:4: error[E0201]: m\n"
		" 1 | e\xCC\x81 x\n"
		"   |   ^\n");
	/* a CJK character is two columns */
	CHECK_RENDER("\xE4\xB8\xAD x\n", 4, 5,
		"t.site:1:3: error[E0201]: m\n"
		" 1 | \xE4\xB8\xAD x\n"
		"   |    ^\n");
}

static void t_zero_width_and_end_of_line(void **state)
{
	(void)state;
	CHECK_RENDER("let x =\nlet y = 1\n", 7, 7,
		"t.site:1:8: error[E0201]: m\n"
		" 1 | let x =\n"
		"   |        ^\n");
	/* at the end of a file without a final line break */
	CHECK_RENDER("let x =", 7, 7,
		"t.site:1:8: error[E0201]: m\n"
		" 1 | let x =\n"
		"   |        ^\n");
	/* zero width in the middle of a line */
	CHECK_RENDER("let x = 1\n", 4, 4,
		"t.site:1:5: error[E0201]: m\n"
		" 1 | let x = 1\n"
		"   |     ^\n");
	/* a span on the line break itself, and at the end of a CRLF line */
	CHECK_RENDER("abc\ndef\n", 3, 4,
		"t.site:1:4: error[E0201]: m\n"
		" 1 | abc\n"
		"   |    ^\n");
	CHECK_RENDER("abc\r\ndef\r\n", 3, 5,
		"t.site:1:4: error[E0201]: m\n"
		" 1 | abc\n"
		"   |    ^\n");
}

static void t_span_crossing_lines(void **state)
{
	(void)state;
	CHECK_RENDER("let x = foo(a,\n  b)\n", 8, 19,
		"t.site:1:9: error[E0201]: m\n"
		" 1 | let x = foo(a,\n"
		"   |         ^~~~~~\n");
}

static void t_long_line_window(void **state)
{
	char *a150 = rep('a', 150), *a40 = rep('a', 40), *a10 = rep('a', 10);
	char *b47 = rep('b', 47), *b57 = rep('b', 57), *b147 = rep('b', 147);
	char *b187 = rep('b', 187), *b87 = rep('b', 87), *sp43 = rep(' ', 43);
	char *t1 = cat(a150, "BAD", b47, "\n");
	char *t2 = cat(a150, "BAD", b147, "\n");
	char *t3 = cat(a10, "BAD", b187, "\n");
	char *want1 = xmalloc(1024), *want2 = xmalloc(1024), *want3 = xmalloc(1024);
	char *want4 = xmalloc(1024), *tilde59 = rep('~', 59);

	(void)state;
	/* 200 columns: cut on the left only */
	snprintf(want1, 1024,
		 "t.site:1:151: error[E0201]: m\n"
		 " 1 | ...%s%s%s\n"
		 "   | %s^~~\n", a40, "BAD", b47, sp43);
	check_render(t1, strlen(t1), 150, 153, want1, __FILE__, __LINE__);

	/* 300 columns: cut on both sides */
	snprintf(want2, 1024,
		 "t.site:1:151: error[E0201]: m\n"
		 " 1 | ...%s%s%s...\n"
		 "   | %s^~~\n", a40, "BAD", b57, sp43);
	check_render(t2, strlen(t2), 150, 153, want2, __FILE__, __LINE__);

	/* near the start: cut on the right only */
	snprintf(want3, 1024,
		 "t.site:1:11: error[E0201]: m\n"
		 " 1 | %s%s%s...\n"
		 "   |           ^~~\n", a10, "BAD", b87);
	check_render(t3, strlen(t3), 10, 13, want3, __FILE__, __LINE__);

	/* a span running past the window is underlined to its edge */
	snprintf(want4, 1024,
		 "t.site:1:151: error[E0201]: m\n"
		 " 1 | ...%s%s%s...\n"
		 "   | %s^%s\n", a40, "BAD", b57, sp43, tilde59);
	check_render(t2, strlen(t2), 150, 290, want4, __FILE__, __LINE__);

	free(a150); free(a40); free(a10); free(b47); free(b57); free(b147);
	free(b187); free(b87); free(sp43); free(t1); free(t2); free(t3);
	free(want1); free(want2); free(want3); free(want4); free(tilde59);
}

static void t_megabyte_line(void **state)
{
	size_t n = 1000000;
	char *text = rep('x', n);
	char *x100 = rep('x', 100), *sp43 = rep(' ', 43);
	char want[512];

	(void)state;
	snprintf(want, sizeof(want),
		 "t.site:1:500001: error[E0201]: m\n"
		 " 1 | ...%s...\n"
		 "   | %s^\n", x100, sp43);
	check_render(text, n, 500000, 500001, want, __FILE__, __LINE__);
	/* every printed line fits a terminal */
	for (const char *l = want, *nl; (nl = strchr(l, '\n')); l = nl + 1)
		assert_true(nl - l <= 120);
	free(text);
	free(x100);
	free(sp43);
}

static void t_notes_and_help(void **state)
{
	struct source *src = src_of("let a = 1\nlet a = 2\n");
	struct span none = { NULL, 0, 0 };
	struct diag *d = diag_new(E0201, span_make(src, 14, 15),
				  "duplicate name `a`");
	char *got;

	(void)state;
	diag_help(d, "rename one of them");
	diag_note(d, span_make(src, 4, 5), "first declared here");
	diag_note(d, none, "top-level names share one namespace");
	got = render(d);
	assert_string_equal(got,
		"t.site:2:5: error[E0201]: duplicate name `a`\n"
		" 2 | let a = 2\n"
		"   |     ^\n"
		"  = help: rename one of them\n"
		"t.site:1:5: note: first declared here\n"
		" 1 | let a = 1\n"
		"   |     ^\n"
		"  = note: top-level names share one namespace\n");
	free(got);
	diag_free(d);
	source_free(src);
}

static void t_note_in_other_file(void **state)
{
	struct source *a = src_of("let a = 1\n");
	struct source *b = source_from_buffer("dir/b.site", "\n\nlet a = 2\n", 12);
	struct diag *d = diag_new(E0201, span_make(a, 4, 5), "dup");
	char *got;

	(void)state;
	diag_note(d, span_make(b, 6, 7), "also here");
	got = render(d);
	assert_string_equal(got,
		"t.site:1:5: error[E0201]: dup\n"
		" 1 | let a = 1\n"
		"   |     ^\n"
		"dir/b.site:3:5: note: also here\n"
		" 3 | let a = 2\n"
		"   |     ^\n");
	free(got);
	diag_free(d);
	source_free(a);
	source_free(b);
}

static void t_bad_bytes_echoed_as_replacement(void **state)
{
	static const char text[] = "s = \"a\xFF\" \0 \x01 y\n";

	(void)state;
	check_render(text, sizeof(text) - 1, 13, 14,
		"t.site:1:14: error[E0201]: m\n"
		" 1 | s = \"a\xEF\xBF\xBD\" \xEF\xBF\xBD \xEF\xBF\xBD y\n"
		"   |              ^\n",
		__FILE__, __LINE__);
}

static void t_no_location(void **state)
{
	struct span none = { NULL, 0, 0 };
	struct diag *d = diag_new(E0001, none, "fleet/ does not exist");
	struct source *unread = source_unread("gone.site");
	struct source *empty = source_from_buffer("e.site", "", 0);
	char *got;

	(void)state;
	got = render(d);
	assert_string_equal(got, "sitec: error[E0001]: fleet/ does not exist\n");
	free(got);
	diag_free(d);

	d = diag_new(E0002, span_make(unread, 0, 0), "permission denied");
	got = render(d);
	assert_string_equal(got, "gone.site: error[E0002]: permission denied\n");
	free(got);
	diag_free(d);

	d = diag_new(E0005, span_make(empty, 0, 0), "file declares nothing");
	got = render(d);
	assert_string_equal(got, "e.site:1:1: error[E0005]: file declares nothing\n");
	free(got);
	diag_free(d);
	source_free(unread);
	source_free(empty);
}

/* --- JSON ------------------------------------------------------------------- */

static const char *jstr(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	assert_non_null(v);
	assert_true(json_is_string(v));
	return json_string_value(v);
}

static json_int_t jint(json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);

	assert_non_null(v);
	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static void t_json(void **state)
{
	struct source *src = src_of("let x = 1\nlet \xC3\xA9yy = 2\n");
	struct span none = { NULL, 0, 0 };
	struct diag *d = diag_new(E0104, span_make(src, 16, 18), "unterminated string");
	json_t *j, *notes, *n;

	(void)state;
	diag_help(d, "close it");
	diag_note(d, span_make(src, 4, 5), "here");
	diag_note(d, none, "elsewhere");
	j = diag_to_json(d);
	assert_non_null(j);
	assert_string_equal(jstr(j, "severity"), "error");
	assert_string_equal(jstr(j, "file"), "t.site");
	assert_int_equal(jint(j, "line"), 2);
	assert_int_equal(jint(j, "column"), 6);
	assert_int_equal(jint(j, "end_line"), 2);
	assert_int_equal(jint(j, "end_column"), 8);
	assert_string_equal(jstr(j, "code"), "E0104");
	assert_string_equal(jstr(j, "slug"), "unterminated-string");
	assert_string_equal(jstr(j, "message"), "unterminated string");
	assert_string_equal(jstr(j, "help"), "close it");

	notes = json_object_get(j, "notes");
	assert_non_null(notes);
	assert_true(json_is_array(notes));
	assert_int_equal(json_array_size(notes), 2);
	n = json_array_get(notes, 0);
	assert_string_equal(jstr(n, "message"), "here");
	assert_string_equal(jstr(n, "file"), "t.site");
	assert_int_equal(jint(n, "line"), 1);
	assert_int_equal(jint(n, "column"), 5);
	assert_int_equal(jint(n, "end_line"), 1);
	assert_int_equal(jint(n, "end_column"), 6);
	n = json_array_get(notes, 1);
	assert_string_equal(jstr(n, "message"), "elsewhere");
	assert_null(json_object_get(n, "file"));
	assert_null(json_object_get(n, "line"));
	json_decref(j);
	diag_free(d);
	source_free(src);
}

static void t_json_multiline_span_and_no_help(void **state)
{
	struct source *src = src_of("let s = \"\"\"\n  a\n");
	struct diag *d = diag_new(E0105, span_make(src, 8, 15), "m");
	json_t *j;

	(void)state;
	j = diag_to_json(d);
	assert_int_equal(jint(j, "line"), 1);
	assert_int_equal(jint(j, "column"), 9);
	assert_int_equal(jint(j, "end_line"), 2);
	assert_int_equal(jint(j, "end_column"), 4);
	assert_null(json_object_get(j, "help"));
	assert_null(json_object_get(j, "notes"));
	json_decref(j);
	diag_free(d);
	source_free(src);
}

static void t_json_no_location(void **state)
{
	struct span none = { NULL, 0, 0 };
	struct source *unread = source_unread("gone.site");
	struct diag *d = diag_new(E0001, none, "m");
	json_t *j;

	(void)state;
	j = diag_to_json(d);
	assert_null(json_object_get(j, "file"));
	assert_null(json_object_get(j, "line"));
	assert_string_equal(jstr(j, "code"), "E0001");
	json_decref(j);
	diag_free(d);

	d = diag_new(E0002, span_make(unread, 0, 0), "m");
	j = diag_to_json(d);
	assert_string_equal(jstr(j, "file"), "gone.site");
	assert_null(json_object_get(j, "line"));
	json_decref(j);
	diag_free(d);
	source_free(unread);
}

/* Regression: a message with invalid UTF-8 is stored with
 * json_stringn_nocheck, so json_dumps() of the diagnostic fails (NULL):
 * `--format json` would lose the whole diagnostic. The bytes should be
 * replaced (U+FFFD) so the JSON stays valid. */
static void t_json_invalid_utf8_message(void **state)
{
	struct span none = { NULL, 0, 0 };
	struct diag *d = diag_new(E0201, none, "unknown field `a\xFF" "b`");
	json_t *j;
	char *out;

	(void)state;
	j = diag_to_json(d);
	assert_non_null(j);
	out = json_dumps(j, JSON_COMPACT);
	assert_non_null(out);
	assert_non_null(strstr(out, "unknown field `a"));
	free(out);
	json_decref(j);
	diag_free(d);
}

/* Regression: a file name that is not UTF-8 (legal on Linux) makes
 * json_string() return NULL, and "file" silently disappears from the
 * diagnostic. */
static void t_json_invalid_utf8_path(void **state)
{
	struct source *src = source_from_buffer("bad\xFF.site", "x\n", 2);
	struct diag *d = diag_new(E0201, span_make(src, 0, 1), "m");
	json_t *j;

	(void)state;
	j = diag_to_json(d);
	assert_non_null(json_object_get(j, "file"));
	assert_int_equal(jint(j, "line"), 1);
	json_decref(j);
	diag_free(d);
	source_free(src);
}

/* --- positions ------------------------------------------------------------------ */

/* The column of an offset, counted the slow way: code points from the
 * start of its line. */
static uint32_t naive_col(const char *text, uint32_t offset)
{
	uint32_t start = offset, col = 1;

	while (start > 0 && text[start - 1] != '\n')
		start--;
	for (uint32_t k = start; k < offset; k++)
		if (((unsigned char)text[k] & 0xC0) != 0x80)
			col++;
	return col;
}

/* Property: whatever order positions are asked in (the memo of recent
 * positions must not leak between lines or go backwards), the answer is
 * the slow count's. */
static void t_source_position_any_order(void **state)
{
	char text[4096];
	size_t n = 0;
	unsigned seed = 12345;

	(void)state;
	while (n < sizeof(text) - 8) {
		seed = seed * 1103515245u + 12345u;
		switch ((seed >> 16) % 7) {
		case 0: memcpy(text + n, "\xC3\xA9", 2); n += 2; break;
		case 1: memcpy(text + n, "\xF0\x9F\x98\x80", 4); n += 4; break;
		case 2: text[n++] = '\n'; break;
		case 3: text[n++] = '\t'; break;
		default: text[n++] = 'a'; break;
		}
	}
	struct source *src = source_from_buffer("p.site", text, n);

	for (int i = 0; i < 20000; i++) {
		uint32_t line, col, off;

		seed = seed * 1103515245u + 12345u;
		off = (seed >> 8) % (uint32_t)n;
		while (off > 0 && ((unsigned char)text[off] & 0xC0) == 0x80)
			off--;	/* a position is never inside a character */
		source_position(src, off, &line, &col);
		assert_int_equal(col, naive_col(text, off));
	}
	source_free(src);
}

static void t_source_position(void **state)
{
	static const char text[] = "a\xC3\xA9\xF0\x9F\x98\x80" "b\n x\xFF\xFEy\r\nz";
	struct source *src = source_from_buffer("t.site", text, sizeof(text) - 1);
	static const struct {
		uint32_t offset, line, col;
	} cases[] = {
		{ 0, 1, 1 },	/* a */
		{ 1, 1, 2 },	/* é */
		{ 3, 1, 3 },	/* 😀 */
		{ 7, 1, 4 },	/* b */
		{ 8, 1, 5 },	/* the line break */
		{ 9, 2, 1 },
		{ 10, 2, 2 },	/* x */
		{ 11, 2, 3 },	/* an invalid byte counts as one */
		{ 12, 2, 4 },
		{ 13, 2, 5 },	/* y */
		{ 14, 2, 6 },	/* \r */
		{ 16, 3, 1 },	/* z */
		{ 17, 3, 2 },	/* the end */
		{ 1000, 3, 2 },	/* past the end: clamped */
	};
	size_t len;
	const char *l;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t line = 0, col = 0;

		source_position(src, cases[i].offset, &line, &col);
		print_message("# offset %u\n", cases[i].offset);
		assert_int_equal(line, cases[i].line);
		assert_int_equal(col, cases[i].col);
	}
	l = source_line(src, 2, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(l, " x\xFF\xFEy", 5);
	l = source_line(src, 3, &len);
	assert_int_equal(len, 1);
	assert_memory_equal(l, "z", 1);
	l = source_line(src, 4, &len);
	assert_int_equal(len, 0);
	source_free(src);
}

static void t_utf8_sequence_length(void **state)
{
	(void)state;
	assert_int_equal(utf8_char_length((const unsigned char *)"a", 1), 1);
	assert_int_equal(utf8_char_length((const unsigned char *)"\xC3\xA9", 2),
			 2);
	assert_int_equal(
	    utf8_char_length((const unsigned char *)"\xE2\x82\xAC", 3), 3);
	assert_int_equal(
	    utf8_char_length((const unsigned char *)"\xF0\x9F\x98\x80", 4), 4);
	/* truncated, overlong, surrogate, above U+10FFFF, stray continuation */
	assert_int_equal(utf8_char_length((const unsigned char *)"\xE2\x82", 2),
			 0);
	assert_int_equal(utf8_char_length((const unsigned char *)"\xC0\xAF", 2),
			 0);
	assert_int_equal(
	    utf8_char_length((const unsigned char *)"\xE0\x80\xAF", 3), 0);
	assert_int_equal(
	    utf8_char_length((const unsigned char *)"\xED\xA0\x80", 3), 0);
	assert_int_equal(
	    utf8_char_length((const unsigned char *)"\xF4\x90\x80\x80", 4), 0);
	assert_int_equal(utf8_char_length((const unsigned char *)"\x80", 1), 0);
	assert_int_equal(utf8_char_length((const unsigned char *)"\xFF", 1), 0);
}

/* --- the code registry --------------------------------------------------------- */

static int is_code_name(const char *s)
{
	if (strlen(s) != 5 || s[0] != 'E')
		return 0;
	for (int i = 1; i < 5; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int is_slug(const char *s)
{
	if (!*s || *s == '-' || s[strlen(s) - 1] == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

static void t_codes(void **state)
{
	(void)state;
	assert_true(DIAG_CODE_COUNT > 20);
	for (int i = 0; i < DIAG_CODE_COUNT; i++) {
		const char *name = diag_code_name((enum diag_code)i);
		const char *slug = diag_code_slug((enum diag_code)i);
		const char *text = diag_code_text((enum diag_code)i);

		assert_non_null(name);
		assert_non_null(slug);
		assert_non_null(text);
		print_message("# %s %s\n", name, slug);
		assert_true(is_code_name(name));
		assert_true(is_slug(slug));
		assert_true(strlen(text) > 10);
		for (int k = 0; k < i; k++) {
			assert_string_not_equal(name, diag_code_name((enum diag_code)k));
			assert_string_not_equal(slug, diag_code_slug((enum diag_code)k));
		}
		/* the registry is in increasing order of code */
		if (i > 0)
			assert_true(strcmp(diag_code_name((enum diag_code)(i - 1)), name) < 0);
	}
	assert_string_equal(diag_code_name(E0104), "E0104");
	assert_string_equal(diag_code_slug(E0104), "unterminated-string");
	assert_string_equal(diag_code_name(E0114), "E0114");
	assert_string_equal(diag_code_slug(E0114), "nesting-too-deep");
}

static void t_builders(void **state)
{
	struct source *src = src_of("x\n");
	struct diag *d = diag_new(E0201, span_make(src, 0, 1), "%s %d %s", "a", 42,
				  "b");

	(void)state;
	assert_string_equal(d->message, "a 42 b");
	assert_int_equal(d->severity, DIAG_ERROR);
	assert_null(d->help);
	diag_help(d, "first");
	diag_help(d, "second %d", 2);	/* a second help replaces the first */
	assert_string_equal(d->help, "second 2");
	for (int i = 0; i < 10; i++)
		diag_note(d, span_make(src, 0, 1), "note %d", i);
	assert_int_equal(d->nnotes, 10);
	assert_string_equal(d->notes[9].message, "note 9");
	diag_free(d);
	diag_free(NULL);
	source_free(src);
}

struct counting_sink {
	struct diag_sink sink;
	int seen;
	char last[64];
};

static void count_emit(struct diag_sink *s, const struct diag *d)
{
	struct counting_sink *c = (struct counting_sink *)s;

	c->seen++;
	snprintf(c->last, sizeof(c->last), "%s", d->message);
}

static void t_emit_counts(void **state)
{
	struct counting_sink c = { { count_emit, 0, 0 }, 0, "" };
	struct span none = { NULL, 0, 0 };
	struct diag *w = diag_new(E0005, none, "warn");

	(void)state;
	diag_emit(&c.sink, diag_new(E0201, none, "one"));
	w->severity = DIAG_WARNING;
	diag_emit(&c.sink, w);
	diag_emit(&c.sink, diag_new(E0201, none, "three"));
	assert_int_equal(c.seen, 3);
	assert_int_equal(c.sink.errors, 2);
	assert_int_equal(c.sink.warnings, 1);
	assert_string_equal(c.last, "three");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_basic),
		cmocka_unit_test(t_multi_char_span),
		cmocka_unit_test(t_gutter_width),
		cmocka_unit_test(t_warning),
		cmocka_unit_test(t_tabs),
		cmocka_unit_test(t_multibyte),
		cmocka_unit_test(t_zero_width_and_end_of_line),
		cmocka_unit_test(t_span_crossing_lines),
		cmocka_unit_test(t_long_line_window),
		cmocka_unit_test(t_megabyte_line),
		cmocka_unit_test(t_notes_and_help),
		cmocka_unit_test(t_note_in_other_file),
		cmocka_unit_test(t_bad_bytes_echoed_as_replacement),
		cmocka_unit_test(t_no_location),
		cmocka_unit_test(t_json),
		cmocka_unit_test(t_json_multiline_span_and_no_help),
		cmocka_unit_test(t_json_no_location),
		cmocka_unit_test(t_json_invalid_utf8_message),
		cmocka_unit_test(t_json_invalid_utf8_path),
		cmocka_unit_test(t_source_position),
		cmocka_unit_test(t_source_position_any_order),
		cmocka_unit_test(t_utf8_sequence_length),
		cmocka_unit_test(t_codes),
		cmocka_unit_test(t_builders),
		cmocka_unit_test(t_emit_counts),
	};

	return cmocka_run_group_tests_name("diag", tests, NULL, NULL);
}
