/*
 * diag.c - building diagnostics and rendering them as text and JSON.
 */
#include "diag.h"
#include "arena.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#define TAB_STOP 8
#define WINDOW_LEAD 40	/* columns shown before the span on a long line */
#define WINDOW_WIDTH 100	/* columns shown of a long line */
#define LONG_LINE 120

static const struct {
	const char *name, *slug, *text;
} codes[] = {
#define DIAG_CODE(id, slug, text) { #id, slug, text },
#include "diag_codes.def"
#undef DIAG_CODE
};

const char *diag_code_name(enum diag_code code)
{
	return codes[code].name;
}

const char *diag_code_slug(enum diag_code code)
{
	return codes[code].slug;
}

const char *diag_code_text(enum diag_code code)
{
	return codes[code].text;
}

static char *vformat(const char *fmt, va_list ap)
	__attribute__((format(printf, 1, 0)));

static char *vformat(const char *fmt, va_list ap)
{
	char small[256];
	va_list copy;
	int n;

	va_copy(copy, ap);
	n = vsnprintf(small, sizeof(small), fmt, copy);
	va_end(copy);
	if (n < 0)
		arena_oom();
	char *s = xmalloc((size_t)n + 1);

	if ((size_t)n < sizeof(small))
		memcpy(s, small, (size_t)n + 1);
	else
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

struct diag *diag_new(enum diag_code code, struct span span,
		      const char *fmt, ...)
{
	struct diag *d = xmalloc(sizeof(*d));
	va_list ap;

	memset(d, 0, sizeof(*d));
	d->severity = DIAG_ERROR;
	d->code = code;
	d->span = span;
	va_start(ap, fmt);
	d->message = vformat(fmt, ap);
	va_end(ap);
	return d;
}

void diag_help(struct diag *d, const char *fmt, ...)
{
	va_list ap;

	free(d->help);
	va_start(ap, fmt);
	d->help = vformat(fmt, ap);
	va_end(ap);
}

void diag_note(struct diag *d, struct span span, const char *fmt, ...)
{
	va_list ap;

	d->notes = xrealloc(d->notes, sizeof(*d->notes) * (d->nnotes + 1));
	d->notes[d->nnotes].span = span;
	va_start(ap, fmt);
	d->notes[d->nnotes].message = vformat(fmt, ap);
	va_end(ap);
	d->nnotes++;
}

void diag_free(struct diag *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->nnotes; i++)
		free(d->notes[i].message);
	free(d->notes);
	free(d->message);
	free(d->help);
	free(d);
}

void diag_emit(struct diag_sink *sink, struct diag *d)
{
	if (d->severity == DIAG_ERROR)
		sink->errors++;
	else
		sink->warnings++;
	sink->emit(sink, d);
	diag_free(d);
}

/* --- text ---------------------------------------------------------------- */

/* Terminal width of code point cp: 0 for combining marks, 2 for wide. */
static int codepoint_width(uint32_t cp)
{
	if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) ||
	    (cp >= 0xFE00 && cp <= 0xFE0F))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) ||
	    (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

/*
 * One character of a source line as shown: its bytes in the source, the
 * text printed for it and the columns it takes. Tabs expand to the next
 * stop; NUL, other control characters and invalid UTF-8 show as U+FFFD.
 */
struct cell {
	size_t bytes;
	char text[TAB_STOP + 1];
	unsigned width;
};

static void next_cell(struct cell *c, const unsigned char *p, size_t avail,
		      unsigned col)
{
	int n = utf8_sequence_length(p, avail);

	if (p[0] == '\t') {
		c->bytes = 1;
		c->width = TAB_STOP - col % TAB_STOP;
		memset(c->text, ' ', c->width);
		c->text[c->width] = '\0';
	} else if (n == 0 || p[0] < 0x20 || p[0] == 0x7F) {
		c->bytes = n ? (size_t)n : 1;
		c->width = 1;
		strcpy(c->text, "\xEF\xBF\xBD");
	} else {
		uint32_t cp = p[0];

		if (n == 2)
			cp = (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
		else if (n == 3)
			cp = (uint32_t)(p[0] & 0x0F) << 12 |
			     (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
		else if (n == 4)
			cp = (uint32_t)(p[0] & 0x07) << 18 |
			     (uint32_t)(p[1] & 0x3F) << 12 |
			     (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
		c->bytes = (size_t)n;
		c->width = (unsigned)codepoint_width(cp);
		memcpy(c->text, p, (size_t)n);
		c->text[n] = '\0';
	}
}

static void print_repeat(FILE *out, char ch, unsigned n)
{
	while (n--)
		fputc(ch, out);
}

/* Prints the line holding span's start, and a ^~~ underline of the span. */
static void render_snippet(FILE *out, const struct span *sp)
{
	struct source *src = sp->src;
	uint32_t line, col;
	size_t len;

	source_position(src, sp->start, &line, &col);
	const unsigned char *text =
		(const unsigned char *)source_line(src, line, &len);
	size_t line_off = (size_t)((const char *)text - src->text);
	size_t start = sp->start - line_off;
	size_t end = sp->end > sp->start ? sp->end - line_off : start;

	if (end > len)
		end = len;

	/* Pass 1: display columns of the span and of the whole line. */
	unsigned c0 = 0, c1 = 0, total = 0;
	struct cell cell;
	size_t k;

	for (k = 0; k < len; k += cell.bytes) {
		if (k <= start)
			c0 = total;
		if (k < end || k == start)
			c1 = total;
		next_cell(&cell, text + k, len - k, total);
		total += cell.width;
		if (k < end)
			c1 = total;
	}
	if (start >= len) {
		c0 = total + (unsigned)(start - len);
		c1 = c0;
	}
	if (c1 <= c0)
		c1 = c0 + 1;

	/* A window over long lines, so a 10 MB line prints 100 columns. */
	unsigned from = 0, to = total;
	int cut_left = 0, cut_right = 0;

	if (total > LONG_LINE) {
		from = c0 > WINDOW_LEAD ? c0 - WINDOW_LEAD : 0;
		to = from + WINDOW_WIDTH;
		if (to > total)
			to = total;
		cut_left = from > 0;
		cut_right = to < total;
	}

	char gutter[16];
	int gw = snprintf(gutter, sizeof(gutter), "%u", line);

	fprintf(out, " %s | ", gutter);
	if (cut_left)
		fputs("...", out);
	unsigned shown_from = from;
	int started = 0;

	total = 0;
	for (k = 0; k < len; k += cell.bytes) {
		next_cell(&cell, text + k, len - k, total);
		if (total >= from && total + cell.width <= to) {
			if (!started) {
				shown_from = total;
				started = 1;
			}
			fputs(cell.text, out);
		}
		total += cell.width;
		if (total >= to)
			break;
	}
	if (cut_right)
		fputs("...", out);
	fputc('\n', out);

	fprintf(out, " %*s | ", gw, "");
	unsigned lead = (c0 >= shown_from ? c0 - shown_from : 0) +
			(cut_left ? 3 : 0);
	unsigned width = c1 - c0;

	if (cut_right && c0 + width > to)
		width = to > c0 ? to - c0 : 1;
	print_repeat(out, ' ', lead);
	fputc('^', out);
	print_repeat(out, '~', width - 1);
	fputc('\n', out);
}

static void render_location(FILE *out, const struct span *sp)
{
	uint32_t line, col;

	if (!sp->src) {
		fputs("sitec: ", out);
		return;
	}
	if (sp->src->unread) {
		fprintf(out, "%s: ", sp->src->path);
		return;
	}
	source_position(sp->src, sp->start, &line, &col);
	fprintf(out, "%s:%u:%u: ", sp->src->path, line, col);
}

/* True when the span has a line worth echoing (not a whole-file error). */
static int has_snippet(const struct span *sp)
{
	return sp->src && sp->src->len > 0;
}

void diag_render_text(FILE *out, const struct diag *d)
{
	render_location(out, &d->span);
	fprintf(out, "%s[%s]: %s\n",
		d->severity == DIAG_ERROR ? "error" : "warning",
		diag_code_name(d->code), d->message);
	if (has_snippet(&d->span))
		render_snippet(out, &d->span);
	if (d->help)
		fprintf(out, "  = help: %s\n", d->help);
	for (size_t i = 0; i < d->nnotes; i++) {
		const struct diag_note *n = &d->notes[i];

		if (n->span.src) {
			render_location(out, &n->span);
			fprintf(out, "note: %s\n", n->message);
			if (has_snippet(&n->span))
				render_snippet(out, &n->span);
		} else {
			fprintf(out, "  = note: %s\n", n->message);
		}
	}
}

/* --- JSON ---------------------------------------------------------------- */

json_t *json_text(const char *s, size_t n)
{
	json_t *j = json_stringn(s, n);

	if (j)
		return j;
	/* Not UTF-8 (a file name, say): each bad byte becomes U+FFFD. */
	size_t k = 0;
	char *buf = xmalloc(n * 3 + 1);
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		int w = utf8_sequence_length(u + i, n - i);

		if (w == 0) {
			memcpy(buf + k, "\xEF\xBF\xBD", 3);
			k += 3;
			i++;
		} else {
			memcpy(buf + k, s + i, (size_t)w);
			k += (size_t)w;
			i += (size_t)w;
		}
	}
	j = json_stringn(buf, k);
	free(buf);
	return j;
}

static void json_add_location(json_t *obj, const struct span *sp)
{
	uint32_t line, col, eline, ecol;

	if (!sp->src)
		return;
	json_object_set_new(obj, "file",
			    json_text(sp->src->path, strlen(sp->src->path)));
	if (sp->src->unread)
		return;
	source_position(sp->src, sp->start, &line, &col);
	source_position(sp->src, sp->end > sp->start ? sp->end : sp->start,
			&eline, &ecol);
	json_object_set_new(obj, "line", json_integer(line));
	json_object_set_new(obj, "column", json_integer(col));
	json_object_set_new(obj, "end_line", json_integer(eline));
	json_object_set_new(obj, "end_column", json_integer(ecol));
}

json_t *diag_to_json(const struct diag *d)
{
	json_t *obj = json_object();

	json_object_set_new(obj, "severity",
			    json_string(d->severity == DIAG_ERROR ? "error"
								  : "warning"));
	json_object_set_new(obj, "code", json_string(diag_code_name(d->code)));
	json_object_set_new(obj, "slug", json_string(diag_code_slug(d->code)));
	json_object_set_new(obj, "message",
			    json_text(d->message, strlen(d->message)));
	json_add_location(obj, &d->span);
	if (d->help)
		json_object_set_new(obj, "help",
				    json_text(d->help, strlen(d->help)));
	if (d->nnotes) {
		json_t *notes = json_array();

		for (size_t i = 0; i < d->nnotes; i++) {
			json_t *n = json_object();

			json_object_set_new(n, "message",
					    json_text(d->notes[i].message,
					      strlen(d->notes[i].message)));
			json_add_location(n, &d->notes[i].span);
			json_array_append_new(notes, n);
		}
		json_object_set_new(obj, "notes", notes);
	}
	return obj;
}
