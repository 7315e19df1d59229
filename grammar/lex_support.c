/*
 * lex_support.c - numbers, comments, bad bytes and the string mode stack
 * of the scanner (see lexer.l).
 */
#include "lex_support.h"
#include "parser.h"
#include "utf8.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * flex's YY_FATAL_ERROR, which must not return: flex calls it only when it
 * cannot allocate its buffers, so it ends the run as arena_oom() does
 * (status 3), the one other place the compiler gives up.
 */
_Noreturn void lex_fatal(const char *msg)
{
	fprintf(stderr, "sitec: internal scanner error: %s\n", msg);
	exit(3);
}

int lex_word(struct parse_ctx *p, union PARSER_STYPE *lval, const char *text,
	     int len, int token)
{
	lval->ident = intern_name(p->names, text, (size_t)len);
	return token;
}

/* Value of digit c in base, or -1. */
static int digit_value(char c, int base)
{
	int v;

	if (c >= '0' && c <= '9')
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	else
		return -1;
	return v < base ? v : -1;
}

/*
 * Checks the digits of a number (after any 0x/0o prefix): at least one,
 * every character a digit of base or an '_' between two digits. Returns the
 * offset of the first bad character, or -1.
 */
static int check_digits(const char *s, int len, int base)
{
	if (len == 0)
		return 0;
	for (int i = 0; i < len; i++) {
		if (s[i] == '_') {
			if (i == 0 || i == len - 1 || s[i + 1] == '_')
				return i;
			continue;
		}
		if (digit_value(s[i], base) < 0)
			return i;
	}
	return -1;
}

static int malformed(struct parse_ctx *p, union PARSER_STYPE *lval,
		     struct loc loc, const char *text, int len, const char *why,
		     const char *help)
{
	struct diag *d = diag_new(E0110, syntax_span(p, loc),
				  "malformed number `%.*s`: %s",
				  len > 64 ? 64 : len, text, why);

	if (help)
		diag_help(d, "%s", help);
	syntax_emit(p, d);
	lval->ival = 0;
	return INT;
}

int lex_number(struct parse_ctx *p, union PARSER_STYPE *lval, struct loc loc,
	       const char *text, int len)
{
	int base = 10, skip = 0, bad;
	bool is_float = false;

	if (len > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		base = 16, skip = 2;
	else if (len > 1 && text[0] == '0' && (text[1] == 'o' || text[1] == 'O'))
		base = 8, skip = 2;
	for (int i = 0; base == 10 && i < len; i++)
		if (text[i] == '.' || text[i] == 'e' || text[i] == 'E')
			is_float = true;

	if (is_float) {
		/* Split at '.', 'e': each run of digits follows the '_' rule. */
		int n = 0, i = 0, run = 0;

		for (; i <= len; i++) {
			char c = i < len ? text[i] : '\0';

			if (c == '.' || c == 'e' || c == 'E' || c == '\0') {
				int sign = 0;

				if (check_digits(text + run, i - run, 10) >= 0)
					return malformed(p, lval, loc, text, len,
						"digits must surround each '_', '.' and exponent",
						"write digits like 1.5, 1_000.25 or 2.5e-3");
				if ((c == 'e' || c == 'E') && i + 1 < len &&
				    (text[i + 1] == '+' || text[i + 1] == '-'))
					sign = 1;
				run = i + 1 + sign;
				i += sign;
			}
		}
		if (text[0] == '0' && text[1] >= '0' && text[1] <= '9')
			return malformed(p, lval, loc, text, len,
				"a decimal number cannot start with 0",
				"drop the leading zeros: 1.5, not 01.5");
		char *buf = arena_alloc(p->arena, (size_t)len + 1);

		for (i = 0; i < len; i++)
			if (text[i] != '_')
				buf[n++] = text[i];
		buf[n] = '\0';
		errno = 0;
		lval->fval = strtod(buf, NULL);
		if (errno == ERANGE && (lval->fval > 1 || lval->fval < -1)) {
			struct diag *d = diag_new(E0109, syntax_span(p, loc),
				"float literal `%.*s` is out of range",
				len > 64 ? 64 : len, text);

			diag_help(d, "the largest float is about 1.8e308");
			syntax_emit(p, d);
			lval->fval = 0;
		}
		return FLOAT;
	}

	if (skip && len == skip)
		return malformed(p, lval, loc, text, len,
			base == 16 ? "no digits after 0x" : "no digits after 0o",
			base == 16 ? "write 0x1F" : "write 0o755");
	bad = check_digits(text + skip, len - skip, base);
	if (bad >= 0) {
		char c = bad + skip < len ? text[bad + skip] : '\0';

		if (c == '_' || c == '\0')
			return malformed(p, lval, loc, text, len,
				"an '_' must stand between two digits",
				"write 1_000_000, not 1__000 or 1000_");
		if (base == 10 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
			return malformed(p, lval, loc, text, len,
				"letters after a number",
				"quantities and durations are strings: write \"10s\" or \"512Mi\"");
		return malformed(p, lval, loc, text, len,
			base == 16 ? "not a hexadecimal digit" :
			base == 8 ? "not an octal digit" : "not a digit",
			NULL);
	}
	if (base == 10 && len > 1 && text[0] == '0')
		return malformed(p, lval, loc, text, len,
			"a decimal number cannot start with 0",
			"write 0o755 for an octal number, or drop the leading zeros");

	uint64_t v = 0;

	for (int i = skip; i < len; i++) {
		if (text[i] == '_')
			continue;
		uint64_t d = (uint64_t)digit_value(text[i], base);

		if (v > (UINT64_MAX - d) / (uint64_t)base ||
		    v * (uint64_t)base + d > (uint64_t)INT64_MAX) {
			struct diag *dg = diag_new(E0109, syntax_span(p, loc),
				"integer literal `%.*s` does not fit in 64 bits",
				len > 64 ? 64 : len, text);

			diag_help(dg, "integers range from -9223372036854775807 to 9223372036854775807");
			syntax_emit(p, dg);
			lval->ival = 0;
			return INT;
		}
		v = v * (uint64_t)base + d;
	}
	lval->ival = (int64_t)v;
	return INT;
}

/* Appends to the file's comment list, after checking its bytes. */
void lex_comment(struct parse_ctx *p, const char *text, uint32_t len)
{
	uint32_t start = p->pos - len;
	const unsigned char *s = (const unsigned char *)text;

	for (uint32_t i = 0; i < len;) {
		int n = utf8_char_length(s + i, len - i);

		if (s[i] == 0) {
			lex_bad_byte(p, (struct loc){ start + i, start + i + 1 },
				     E0102);
			n = 1;
		} else if (n == 0) {
			lex_high_bytes(p, (struct loc){ start + i, start + i + 1 },
				       text + i, 1);
			n = 1;
		}
		i += (uint32_t)n;
	}
	if (len > 1 && text[len - 1] == '\r')
		len--;
	ARENA_RESERVE(p->arena, p->comments, p->ncomments, p->comments_cap);
	struct ast_comment *c = &p->comments[p->ncomments++];

	c->span = span_make(p->src, start, start + len);
	c->text = arena_strndup(p->arena, text + 1, len - 1);
}

void lex_bad_byte(struct parse_ctx *p, struct loc loc, enum diag_code code)
{
	unsigned char b = (unsigned char)p->src->text[loc.start];
	struct diag *d;

	if (code == E0102) {
		d = diag_new(code, syntax_span(p, loc), "NUL byte in source");
		diag_help(d, "a .site file is UTF-8 text; is this a binary file, or UTF-16?");
	} else {
		d = diag_new(code, syntax_span(p, loc),
			     "control character U+%04X in source", b);
		diag_help(d, "delete it; only tab, line feed and carriage return may appear");
	}
	syntax_emit(p, d);
}

void lex_high_bytes(struct parse_ctx *p, struct loc loc, const char *text,
		    int len)
{
	const unsigned char *s = (const unsigned char *)text;

	/* A byte order mark at the very start, as some editors write: skip. */
	int i = 0;

	if (loc.start == 0 && len >= 3 && s[0] == 0xEF && s[1] == 0xBB &&
	    s[2] == 0xBF)
		i = 3;
	/* The run may hold several characters, valid or not: one report each. */
	while (i < len) {
		int n = utf8_char_length(s + i, (size_t)(len - i));
		struct loc at = { loc.start + (uint32_t)i,
				  loc.start + (uint32_t)i + (n ? (uint32_t)n : 1) };
		struct diag *d;

		if (n == 0) {
			d = diag_new(E0101, syntax_span(p, at),
				     "invalid UTF-8 byte 0x%02X", s[i]);
			diag_help(d, "save the file as UTF-8");
			n = 1;
		} else {
			d = diag_new(E0103, syntax_span(p, at),
				     "unexpected character `%.*s`", n, text + i);
			diag_help(d, "names are ASCII; put other text in a \"string\"");
		}
		syntax_emit(p, d);
		i += n;
	}
}

void lex_unexpected(struct parse_ctx *p, struct loc loc, char c)
{
	struct diag *d = c == '`'
		? diag_new(E0103, syntax_span(p, loc), "unexpected character '`'")
		: diag_new(E0103, syntax_span(p, loc), "unexpected character `%c`", c);

	switch (c) {
	case '&':
		diag_help(d, "logical and is `&&`");
		break;
	case '\'':
	case '`':
		diag_help(d, "strings use double quotes: \"...\"");
		break;
	case '$':
		diag_help(d, "interpolation `${...}` works inside a string");
		break;
	default:
		diag_help(d, "delete it, or put it in a \"string\"");
		break;
	}
	syntax_emit(p, d);
}

/* --- the mode stack ------------------------------------------------------- */

static struct lex_mode *push_mode(struct parse_ctx *p, int kind, uint32_t start)
{
	if (p->nmodes == p->modes_cap) {
		p->modes_cap = p->modes_cap ? p->modes_cap * 2 : 16;
		p->modes = xrealloc(p->modes, sizeof(*p->modes) * p->modes_cap);
	}
	struct lex_mode *m = &p->modes[p->nmodes++];

	memset(m, 0, sizeof(*m));
	m->kind = kind;
	m->start = start;
	m->piece = p->pos;
	return m;
}

static struct lex_mode *top(struct parse_ctx *p)
{
	return p->nmodes ? &p->modes[p->nmodes - 1] : NULL;
}

void lex_open_brace(struct parse_ctx *p)
{
	struct lex_mode *m = top(p);

	if (m && m->kind == MODE_INTERP)
		m->braces++;
}

bool lex_close_brace(struct parse_ctx *p)
{
	struct lex_mode *m = top(p);

	if (!m || m->kind != MODE_INTERP)
		return false;
	if (m->braces) {
		m->braces--;
		return false;
	}
	p->nmodes--;
	m = top(p);
	m->piece = p->pos;
	m->resumed = true;
	return true;
}

void lex_push_string(struct parse_ctx *p, int kind, uint32_t start)
{
	push_mode(p, kind, start);
}

void lex_mstring_begin(struct parse_ctx *p, uint32_t content, bool junk)
{
	struct lex_mode *m = top(p);

	if (junk) {
		struct loc loc = { m->start, m->start + 3 };
		struct diag *d = diag_new(E0111, syntax_span(p, loc),
			"text after an opening \"\"\" on the same line");

		diag_help(d, "start the text on the next line; a one-line string uses \"...\"");
		syntax_emit(p, d);
	}
	m->piece = content;
}

static void piece_value(struct parse_ctx *p, union PARSER_STYPE *lval,
			uint32_t start, uint32_t end)
{
	if (end < start)
		end = start;
	lval->text.text = p->src->text + start;
	lval->text.len = end - start;
	lval->text.offset = start;
}

int lex_string_piece(struct parse_ctx *p, union PARSER_STYPE *lval,
		     struct loc *loc, uint32_t end, bool interp)
{
	struct lex_mode *m = top(p);
	bool multi = m->kind == MODE_MSTRING;
	bool resumed = m->resumed;

	piece_value(p, lval, m->piece, end);
	/* A token spans from its opening quote, or from the '}' that ended
	 * the interpolation before it, to where the scanner stands. */
	loc->start = resumed ? m->piece - 1 : m->start;
	loc->end = p->pos;
	if (interp) {
		push_mode(p, MODE_INTERP, end);
		if (multi)
			return resumed ? MSTR_MID : MSTR_HEAD;
		return resumed ? STR_MID : STR_HEAD;
	}
	p->nmodes--;
	if (multi)
		return resumed ? MSTR_TAIL : MSTRING;
	return resumed ? STR_TAIL : STRING;
}

int lex_mstring_end(struct parse_ctx *p, union PARSER_STYPE *lval,
		    struct loc *lp, bool own_line)
{
	struct loc loc = *lp;
	uint32_t end;

	if (own_line) {
		/* The text ends at the line break before the closing line. */
		end = loc.start;
		if (end > 0 && p->src->text[end - 1] == '\n')
			end--;
		if (end > 0 && p->src->text[end - 1] == '\r')
			end--;
	} else {
		struct loc at = { loc.end - 3, loc.end };
		struct diag *d = diag_new(E0112, syntax_span(p, at),
			"a closing \"\"\" must stand on a line of its own");

		diag_help(d, "put a line break before the closing \"\"\"");
		syntax_emit(p, d);
		end = loc.end - 3;
	}
	return lex_string_piece(p, lval, lp, end, false);
}

int lex_unterminated(struct parse_ctx *p, union PARSER_STYPE *lval,
		     struct loc *loc)
{
	struct lex_mode *m = top(p);

	/* "${f("x}" : the line ends inside a string inside an interpolation.
	 * The interpolation is what is open; report that, once. */
	if (m->kind == MODE_STRING && p->nmodes >= 2 &&
	    p->modes[p->nmodes - 2].kind == MODE_INTERP) {
		p->nmodes--;
		return lex_interp_newline(p, lval, loc);
	}
	bool multi = m->kind == MODE_MSTRING;
	uint32_t end = multi ? (uint32_t)p->src->len : loc->start;
	struct loc at = { m->start, multi ? m->start + 3 : end };
	struct diag *d;

	if (multi) {
		d = diag_new(E0105, syntax_span(p, at),
			     "unterminated multi-line string");
		diag_help(d, "close it with \"\"\" on a line of its own");
	} else {
		d = diag_new(E0104, syntax_span(p, at), "unterminated string");
		diag_help(d, "close it with \" before the end of the line; use \"\"\" for text over several lines");
	}
	syntax_emit(p, d);
	return lex_string_piece(p, lval, loc, end, false);
}

int lex_interp_newline(struct parse_ctx *p, union PARSER_STYPE *lval,
		       struct loc *loc)
{
	struct lex_mode *m = top(p);

	if (!m || m->kind != MODE_INTERP)
		return 0;
	struct loc at = { m->start, m->start + 2 };
	struct diag *d = diag_new(E0106, syntax_span(p, at),
				  "unterminated interpolation");

	diag_help(d, "close it with } on the same line");
	syntax_emit(p, d);
	p->nmodes--;
	m = top(p);
	bool multi = m->kind == MODE_MSTRING;

	/* In a multi-line string the text goes on after the line break: the
	 * expression before it ends the interpolation. */
	if (multi && loc->start < p->src->len && p->src->text[loc->start] == '\n') {
		m->piece = loc->end;
		m->resumed = true;
		return LEX_RESUMED;
	}

	piece_value(p, lval, loc->start, loc->start);
	loc->end = loc->start;
	p->nmodes--;
	return multi ? MSTR_TAIL : STR_TAIL;
}

void lex_eof_location(struct parse_ctx *p, struct loc *loc)
{
	uint32_t end = p->pos;
	const char *t = p->src->text;

	while (end > 0 && (t[end - 1] == '\n' || t[end - 1] == '\r' ||
			   t[end - 1] == ' ' || t[end - 1] == '\t'))
		end--;
	loc->start = loc->end = end;
}

int lex_after_string(struct parse_ctx *p)
{
	struct lex_mode *m = top(p);

	return lex_start_state(m ? (int)m->kind : MODE_INTERP);
}

int lex_regex(struct parse_ctx *p, union PARSER_STYPE *lval, struct loc loc,
	      const char *text, int len, bool closed)
{
	if (!closed) {
		struct diag *d = diag_new(E0113, syntax_span(p, loc),
					  "unterminated regular expression");

		diag_help(d, "close it with / before the end of the line; write \\/ for a slash inside it");
		syntax_emit(p, d);
	}
	/* yytext is the scanner's copy: point at the source's bytes. */
	lval->text.text = p->src->text + loc.start + 1;
	lval->text.len = (uint32_t)(closed ? len - 2 : len - 1);
	lval->text.offset = loc.start + 1;
	return REGEX;
}
