/*
 * string_literals.c - cooking string literals: escapes, interpolation
 * pieces, and the indentation stripping of """ strings (LANGUAGE.md
 * section 2).
 *
 * The scanner hands over raw source bytes; here they are checked (UTF-8,
 * control characters, escapes) and cooked, and every error points at the
 * byte that caused it.
 */
#include "ast_build.h"
#include "utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Reports code at [start, end) of the source, with its fix. */
static void bad(struct parse_ctx *p, enum diag_code code, uint32_t start,
		uint32_t end, const char *help, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void bad(struct parse_ctx *p, enum diag_code code, uint32_t start,
		uint32_t end, const char *help, const char *fmt, ...)
{
	char msg[128];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct diag *d = diag_new(code, span_make(p->src, start, end), "%s", msg);

	diag_help(d, "%s", help);
	syntax_emit(p, d);
}

static const char unicode_help[] = "write \\u{1F600}: 1 to 6 hex digits in braces";

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static uint32_t put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/*
 * Cooks \u{...} at raw[i] (raw[i] is 'u'). Returns the bytes consumed after
 * the backslash and writes the character to out (*n bytes).
 */
static uint32_t cook_unicode(struct parse_ctx *p, const char *raw,
			     uint32_t len, uint32_t i, uint32_t at, char *out,
			     uint32_t *n)
{
	uint32_t j = i + 1, cp = 0, digits = 0;

	*n = 0;
	if (j >= len || raw[j] != '{') {
		bad(p, E0108, at, at + 2, unicode_help, "invalid unicode escape");
		return 1;
	}
	for (j++; j < len && hex_value(raw[j]) >= 0; j++) {
		if (digits < 7)
			cp = cp * 16 + (uint32_t)hex_value(raw[j]);
		digits++;
	}
	if (j >= len || raw[j] != '}' || digits == 0 || digits > 6) {
		uint32_t end = j < len && raw[j] == '}' ? j + 1 : j;

		bad(p, E0108, at, at + 1 + end - i, unicode_help,
		    "invalid unicode escape");
		return end - i;
	}
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
		bad(p, E0108, at, at + 2 + j - i,
		    "a scalar value is U+0001 to U+10FFFF, outside U+D800 to U+DFFF",
		    cp == 0 ? "\\u{0} is not allowed: strings cannot hold NUL"
			    : "unicode escape names no character");
		return j + 1 - i;
	}
	*n = put_utf8(out, cp);
	return j + 1 - i;
}

/*
 * Cooks raw[0..len) (at source offset `offset`) into the arena. In a """
 * string, up to `indent` bytes of white space are dropped at the start of
 * each line (the first line starts at raw[0] when at_line_start), and a
 * line of white space only becomes empty; `ends_text` says the piece ends
 * the string, so that its last line, if blank, is blank.
 */
static char *cook(struct parse_ctx *p, const char *raw, uint32_t len,
		  uint32_t offset, bool multiline, uint32_t indent,
		  bool at_line_start, bool ends_text, uint32_t *out_len)
{
	char *out = arena_alloc(p->arena, (size_t)len + 1);
	uint32_t k = 0, i = 0;

	while (i < len) {
		unsigned char c = (unsigned char)raw[i];

		if (multiline && at_line_start) {
			uint32_t j = i;

			while (j < len && (raw[j] == ' ' || raw[j] == '\t'))
				j++;
			bool blank = j < len ? raw[j] == '\n' ||
				     (raw[j] == '\r' && j + 1 < len && raw[j + 1] == '\n')
					     : ends_text;

			if (blank)
				i = j;
			else
				for (uint32_t n = 0; n < indent && i < j; n++)
					i++;
			at_line_start = false;
			continue;
		}
		if (c == '\\') {
			char e = i + 1 < len ? raw[i + 1] : '\0';
			uint32_t n;

			switch (e) {
			case 'n': out[k++] = '\n'; i += 2; continue;
			case 't': out[k++] = '\t'; i += 2; continue;
			case 'r': out[k++] = '\r'; i += 2; continue;
			case '"': out[k++] = '"'; i += 2; continue;
			case '\\': out[k++] = '\\'; i += 2; continue;
			case '$': out[k++] = '$'; i += 2; continue;
			case 'u':
				i += 1 + cook_unicode(p, raw, len, i + 1,
						      offset + i, out + k, &n);
				k += n;
				continue;
			default: {
				int w = i + 1 < len
					    ? utf8_char_length(
						  (const unsigned char *)raw +
						      i + 1,
						  len - i - 1)
					    : 0;
				uint32_t end = offset + i + 1 + (w > 0 ? (uint32_t)w : 0);

				bad(p, E0107, offset + i, end,
				    "the escapes are \\n \\t \\r \\\" \\\\ \\$ and \\u{...}; write \\\\ for a backslash",
				    "invalid escape sequence");
				i += 1 + (w > 0 ? (uint32_t)w : 0);
				continue;
			}
			}
		}
		if (c == '\n') {
			out[k++] = '\n';
			i++;
			at_line_start = true;
			continue;
		}
		if (c == '\r' && multiline && i + 1 < len && raw[i + 1] == '\n') {
			i++;
			continue;
		}
		if (c == 0) {
			bad(p, E0102, offset + i, offset + i + 1,
			    "a .site file is UTF-8 text; is this a binary file, or UTF-16?",
			    "NUL byte in a string");
			i++;
			continue;
		}
		if ((c < 0x20 && c != '\t') || c == 0x7F) {
			bad(p, E0115, offset + i, offset + i + 1,
			    "write it as an escape such as \\u{1B}",
			    "control character U+%04X in a string", c);
			i++;
			continue;
		}
		if (c >= 0x80) {
			int n = utf8_char_length((const unsigned char *)raw + i,
						 len - i);
			if (n == 0) {
				bad(p, E0101, offset + i, offset + i + 1,
				    "save the file as UTF-8",
				    "invalid UTF-8 byte 0x%02X in a string", c);
				i++;
				continue;
			}
			memcpy(out + k, raw + i, (size_t)n);
			k += (uint32_t)n;
			i += (uint32_t)n;
			continue;
		}
		out[k++] = (char)c;
		i++;
	}
	out[k] = '\0';
	*out_len = k;
	return out;
}

/*
 * The white space common to the non-blank lines of a """ string, whose
 * text pieces are parts[0], parts[2], ... (interpolations between them).
 * A line that holds an interpolation is not blank.
 */
static uint32_t common_indent(struct ast **parts, uint32_t n)
{
	const char *best = NULL;
	uint32_t best_len = 0;

	for (uint32_t pi = 0; pi < n; pi += 2) {
		const char *s = parts[pi]->u.string.text;
		uint32_t len = parts[pi]->u.string.len;
		bool last = pi + 1 >= n;
		uint32_t i = 0;
		bool line_start = pi == 0;

		while (i <= len) {
			if (!line_start) {
				while (i < len && s[i] != '\n')
					i++;
				if (i >= len)
					break;
				i++;
				line_start = true;
				continue;
			}
			uint32_t ws = i;

			while (i < len && (s[i] == ' ' || s[i] == '\t'))
				i++;
			bool blank;

			if (i >= len)
				blank = last;
			else
				blank = s[i] == '\n' ||
					(s[i] == '\r' && i + 1 < len && s[i + 1] == '\n');
			if (!blank) {
				uint32_t w = i - ws;

				if (!best) {
					best = s + ws;
					best_len = w;
				} else {
					uint32_t k = 0;

					while (k < w && k < best_len && s[ws + k] == best[k])
						k++;
					best_len = k;
				}
			}
			line_start = false;
			if (i >= len)
				break;
		}
	}
	return best_len;
}

struct ast_name ast_key_name(struct parse_ctx *p, struct token_text t,
			     struct loc loc)
{
	uint32_t len;
	char *s = cook(p, t.text, t.len, t.offset, false, 0, false, true, &len);
	struct ast_name n = {intern_name(p->names, s, len),
			     syntax_span(p, loc)};

	return n;
}

static struct ast *raw_piece(struct parse_ctx *p, struct token_text t)
{
	struct ast *n = arena_zalloc(p->arena, sizeof(*n));

	n->kind = AST_STRING;
	n->depth = 1;
	n->span = span_make(p->src, t.offset, t.offset + t.len);
	n->u.string.text = t.text;
	n->u.string.len = t.len;
	return n;
}

struct ast *ast_string1(struct parse_ctx *p, struct token_text t,
			bool multiline, struct loc loc)
{
	struct ast *n = raw_piece(p, t);
	uint32_t indent = 0, len;

	if (multiline)
		indent = common_indent(&n, 1);
	n->u.string.text = cook(p, t.text, t.len, t.offset, multiline, indent,
				true, true, &len);
	n->u.string.len = len;
	n->u.string.multiline = multiline;
	n->span = syntax_span(p, loc);
	return n;
}

void ast_interp_text(struct parse_ctx *p, struct ast_list *parts,
		     struct token_text t)
{
	ast_list_push(p, parts, raw_piece(p, t));
}

struct ast *ast_string_done(struct parse_ctx *p, struct ast_list *parts,
			    struct token_text tail, bool multiline,
			    struct loc loc)
{
	struct ast *n = arena_zalloc(p->arena, sizeof(*n));
	uint32_t indent = 0, depth = 0;

	ast_list_push(p, parts, raw_piece(p, tail));
	if (multiline)
		indent = common_indent(parts->items, parts->len);
	n->kind = AST_INTERP;
	n->span = syntax_span(p, loc);
	n->u.interp.multiline = multiline;
	for (uint32_t i = 0; i < parts->len; i++) {
		struct ast *part = parts->items[i];

		if (i % 2 == 0) {
			uint32_t len;

			part->u.string.text = cook(p, part->u.string.text,
						   part->u.string.len,
						   part->span.start, multiline,
						   indent, i == 0,
						   i + 1 == parts->len, &len);
			part->u.string.len = len;
			if (len == 0)
				continue;
		} else if (part->depth > depth) {
			depth = part->depth;
		}
		ast_list_push(p, &n->u.interp.parts, part);
	}
	return ast_deep(p, n, depth);
}
