/*
 * diag.c - building diagnostics and rendering them as text, JSON and SARIF.
 */
#include "diag.h"
#include "arena.h"
#include "json_doc.h"
#include "utf8.h"

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
	int n = utf8_char_length(p, avail);

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

static void json_add_location(json_t *obj, const struct span *sp)
{
	uint32_t line, col, eline, ecol;

	if (!sp->src)
		return;
	json_object_set_new(
	    obj, "file", json_doc_text(sp->src->path, strlen(sp->src->path)));
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
			    json_doc_text(d->message, strlen(d->message)));
	json_add_location(obj, &d->span);
	if (d->help)
		json_object_set_new(obj, "help",
				    json_doc_text(d->help, strlen(d->help)));
	if (d->nnotes) {
		json_t *notes = json_array();

		for (size_t i = 0; i < d->nnotes; i++) {
			json_t *n = json_object();

			json_object_set_new(
			    n, "message",
			    json_doc_text(d->notes[i].message,
					  strlen(d->notes[i].message)));
			json_add_location(n, &d->notes[i].span);
			json_array_append_new(notes, n);
		}
		json_object_set_new(obj, "notes", notes);
	}
	return obj;
}

/* --- SARIF --------------------------------------------------------------- */

#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

struct sarif {
	json_t *results;	/* result objects, in the order added */
	enum diag_code *codes;	/* the code of each result */
	size_t n, cap;
	/* per code: 0 absent, else 1 + the worst severity reported with it */
	unsigned char seen[DIAG_CODE_COUNT];
};

static const char *sarif_level(enum diag_severity severity)
{
	return severity == DIAG_ERROR ? "error" : "warning";
}

/*
 * Sources that are not files: the prelude (<builtin>) and the arguments
 * of explain and query (<path>, <query>), read with source_from_buffer.
 * A file that could not be read is only a name, but a file's name.
 */
static bool source_in_memory(const struct source *src)
{
	size_t n = strlen(src->path);

	return !src->unread && n >= 2 && src->path[0] == '<' &&
	       src->path[n - 1] == '>';
}

/* A growing string, for message texts. */
struct text {
	char *s;
	size_t len;
};

static void text_add(struct text *t, const char *s)
{
	size_t n = strlen(s);

	t->s = xrealloc(t->s, t->len + n + 1);
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

/*
 * The URI reference of a file path (RFC 3986): a relative path stays
 * relative, without a leading "./"; an absolute path becomes a file://
 * URI. Every byte but the unreserved characters and '/' is
 * percent-encoded: spaces, '%', '#', ':' and UTF-8 alike.
 */
static char *path_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	const char *p = path;
	size_t k = 0;

	while (p[0] == '.' && p[1] == '/' && p[2] != '\0') {
		p += 2;
		while (p[0] == '/' && p[1] != '\0')
			p++;
	}
	char *uri = xmalloc(sizeof("file://") + 3 * strlen(p));

	if (p[0] == '/') {
		memcpy(uri, "file://", 7);
		k = 7;
	}
	for (; *p; p++) {
		unsigned char c = (unsigned char)*p;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~' || c == '/') {
			uri[k++] = (char)c;
		} else {
			uri[k++] = '%';
			uri[k++] = hex[c >> 4];
			uri[k++] = hex[c & 15];
		}
	}
	uri[k] = '\0';
	return uri;
}

static json_t *sarif_message(const char *s, size_t n)
{
	json_t *m = json_object();

	json_object_set_new(m, "text", json_doc_text(s, n));
	return m;
}

/* A span of a file as a SARIF physicalLocation. */
static json_t *sarif_physical(const struct span *sp)
{
	struct source *src = sp->src;
	json_t *phys = json_object(), *art = json_object();
	char *uri = path_uri(src->path);
	uint32_t line, col, eline, ecol;

	json_object_set_new(art, "uri", json_string(uri));
	free(uri);
	if (src->path[0] != '/')
		json_object_set_new(art, "uriBaseId", json_string("%SRCROOT%"));
	json_object_set_new(phys, "artifactLocation", art);
	if (src->unread)
		return phys;	/* the whole file: it has no lines */

	/* source_position counts code points, as columnKind says; the end
	 * of a span is exclusive, as SARIF's endColumn is */
	json_t *region = json_object();

	source_position(src, sp->start, &line, &col);
	source_position(src, sp->end > sp->start ? sp->end : sp->start,
			&eline, &ecol);
	json_object_set_new(region, "startLine", json_integer(line));
	json_object_set_new(region, "startColumn", json_integer(col));
	json_object_set_new(region, "endLine", json_integer(eline));
	json_object_set_new(region, "endColumn", json_integer(ecol));
	json_object_set_new(phys, "region", region);
	return phys;
}

/* The result's own location: in a file, or named after a source that is
 * not one (a logical location has no URI to get wrong). */
static json_t *sarif_result_location(const struct span *sp)
{
	json_t *loc = json_object();

	if (source_in_memory(sp->src)) {
		json_t *logical = json_object();

		json_object_set_new(
		    logical, "name",
		    json_doc_text(sp->src->path, strlen(sp->src->path)));
		json_object_set_new(loc, "logicalLocations",
				    json_pack("[o]", logical));
	} else {
		json_object_set_new(loc, "physicalLocation",
				    sarif_physical(sp));
	}
	return loc;
}

/*
 * The message: the diagnostic's, then "help: ..." and the notes that
 * have no place in a file, one a line ("note: ...", or
 * "<builtin>:3:5: note: ..." for one in a source that is not a file).
 */
static json_t *sarif_result_message(const struct diag *d)
{
	struct text t = { NULL, 0 };

	text_add(&t, d->message);
	if (d->help) {
		text_add(&t, "\nhelp: ");
		text_add(&t, d->help);
	}
	for (size_t i = 0; i < d->nnotes; i++) {
		const struct diag_note *n = &d->notes[i];

		if (n->span.src && !source_in_memory(n->span.src))
			continue;	/* a related location */
		text_add(&t, "\n");
		if (n->span.src) {
			uint32_t line, col;
			char pos[32];

			source_position(n->span.src, n->span.start, &line,
					&col);
			snprintf(pos, sizeof(pos), ":%u:%u: ", line, col);
			text_add(&t, n->span.src->path);
			text_add(&t, pos);
		}
		text_add(&t, "note: ");
		text_add(&t, n->message);
	}
	json_t *m = sarif_message(t.s, t.len);

	free(t.s);
	return m;
}

struct sarif *diag_sarif_new(void)
{
	struct sarif *s = xmalloc(sizeof(*s));

	memset(s, 0, sizeof(*s));
	s->results = json_array();
	return s;
}

void diag_sarif_free(struct sarif *s)
{
	if (!s)
		return;
	json_decref(s->results);
	free(s->codes);
	free(s);
}

void diag_sarif_add(struct sarif *s, const struct diag *d)
{
	json_t *res = json_object();

	json_object_set_new(res, "ruleId",
			    json_string(diag_code_name(d->code)));
	json_object_set_new(res, "ruleIndex", json_integer(0)); /* at finish */
	json_object_set_new(res, "level",
			    json_string(sarif_level(d->severity)));
	json_object_set_new(res, "message", sarif_result_message(d));
	if (d->span.src)
		json_object_set_new(res, "locations",
				    json_pack("[o]",
					      sarif_result_location(&d->span)));

	json_t *related = json_array();

	for (size_t i = 0; i < d->nnotes; i++) {
		const struct diag_note *n = &d->notes[i];

		if (!n->span.src || source_in_memory(n->span.src))
			continue;	/* in the message */
		json_t *loc = json_object();

		json_object_set_new(loc, "id",
				    json_integer(json_array_size(related) + 1));
		json_object_set_new(loc, "physicalLocation",
				    sarif_physical(&n->span));
		json_object_set_new(loc, "message",
				    sarif_message(n->message,
						  strlen(n->message)));
		json_array_append_new(related, loc);
	}
	if (json_array_size(related))
		json_object_set_new(res, "relatedLocations", related);
	else
		json_decref(related);

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->codes = xrealloc(s->codes, sizeof(*s->codes) * s->cap);
	}
	s->codes[s->n++] = d->code;
	json_array_append_new(s->results, res);
	unsigned char level = d->severity == DIAG_ERROR ? 2 : 1;
	if (s->seen[d->code] < level)
		s->seen[d->code] = level;
}

static int compare_code_names(const void *a, const void *b)
{
	return strcmp(diag_code_name(*(const enum diag_code *)a),
		      diag_code_name(*(const enum diag_code *)b));
}

static json_t *sarif_rule(enum diag_code code, enum diag_severity level)
{
	json_t *rule = json_object(), *config = json_object();
	const char *text = diag_code_text(code);

	json_object_set_new(rule, "id", json_string(diag_code_name(code)));
	json_object_set_new(rule, "name", json_string(diag_code_slug(code)));
	json_object_set_new(rule, "shortDescription",
			    sarif_message(text, strlen(text)));
	json_object_set_new(rule, "fullDescription",
			    sarif_message(text, strlen(text)));
	json_object_set_new(config, "level", json_string(sarif_level(level)));
	json_object_set_new(rule, "defaultConfiguration", config);
	return rule;
}

json_t *diag_sarif_finish(struct sarif *s, const char *tool_version)
{
	enum diag_code used[DIAG_CODE_COUNT];
	size_t rule_index[DIAG_CODE_COUNT], nused = 0;
	json_t *rules = json_array();

	/* the rules that occur, by code; a rule's level is the worst its
	 * results have (the registry has none) */
	for (int c = 0; c < DIAG_CODE_COUNT; c++)
		if (s->seen[c])
			used[nused++] = (enum diag_code)c;
	qsort(used, nused, sizeof(*used), compare_code_names);
	for (size_t i = 0; i < nused; i++) {
		enum diag_severity level =
			s->seen[used[i]] == 2 ? DIAG_ERROR : DIAG_WARNING;

		rule_index[used[i]] = i;
		json_array_append_new(rules, sarif_rule(used[i], level));
	}
	for (size_t i = 0; i < s->n; i++)
		json_integer_set(json_object_get(json_array_get(s->results, i),
						 "ruleIndex"),
				 (json_int_t)rule_index[s->codes[i]]);

	json_t *driver = json_object(), *tool = json_object();

	json_object_set_new(driver, "name", json_string("sitec"));
	json_object_set_new(driver, "version", json_string(tool_version));
	json_object_set_new(driver, "rules", rules);
	json_object_set_new(tool, "driver", driver);

	json_t *run = json_object(), *log = json_object();

	json_object_set_new(run, "tool", tool);
	json_object_set_new(run, "columnKind",
			    json_string("unicodeCodePoints"));
	json_object_set(run, "results", s->results);
	json_object_set_new(log, "$schema", json_string(SARIF_SCHEMA));
	json_object_set_new(log, "version", json_string("2.1.0"));
	json_object_set_new(log, "runs", json_pack("[o]", run));
	diag_sarif_free(s);
	return log;
}
