/*
 * diag.h - diagnostics as data.
 *
 * A diagnostic has a stable code (diag_codes.def), a span, a message, an
 * optional help line saying how to fix it, and notes that point elsewhere
 * (the first declaration of a duplicate, a layer of the inheritance chain).
 * Library code builds diagnostics and hands them to a sink; it never prints
 * and never exits. Renderers turn one into GCC-style text or JSON, and a
 * collector turns all of a run's into one SARIF log.
 */
#ifndef SITEC_DIAG_H
#define SITEC_DIAG_H

#include "json_doc.h"	/* json_text: types.c finds it through here */
#include "source.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

enum diag_code {
#define DIAG_CODE(id, slug, text) id,
#include "diag_codes.def"
#undef DIAG_CODE
	DIAG_CODE_COUNT
};

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag_note {
	struct span span;	/* span.src == NULL: a note with no location */
	char *message;
};

struct diag {
	enum diag_severity severity;
	enum diag_code code;
	struct span span;
	char *message;
	char *help;		/* how to fix it; may be NULL */
	struct diag_note *notes;
	size_t nnotes;
	/* It points at the site being evaluated (its declaration): the same
	 * message in other sites is the same mistake, reported once. */
	bool per_site;
};

struct diag_sink {
	/* Receives a diagnostic it must not keep (copy what it needs). */
	void (*emit)(struct diag_sink *sink, const struct diag *d);
	unsigned errors;
	unsigned warnings;
};

/* "E0104" and "unterminated-string" for a code. */
const char *diag_code_name(enum diag_code code);
const char *diag_code_slug(enum diag_code code);
const char *diag_code_text(enum diag_code code);

/* Builders: the diagnostic is heap-allocated until diag_emit frees it. */
struct diag *diag_new(enum diag_code code, struct span span,
		      const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_help(struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_note(struct diag *d, struct span span, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Counts d in sink, passes it on, and frees it. */
void diag_emit(struct diag_sink *sink, struct diag *d);
void diag_free(struct diag *d);

/* A span from two offsets in src. */
static inline struct span span_make(struct source *src, uint32_t start,
				    uint32_t end)
{
	struct span s = { src, start, end };
	return s;
}

/*
 * Renders d as text:
 *   file:line:col: error[E0104]: message
 *     12 | the source line
 *        |     ^~~~~~
 *     = help: the fix
 *   file:line:col: note: message
 * Tabs in the echoed line become spaces up to the next multiple of 8, so
 * the underline lines up; long lines are cut to a window around the span.
 */
void diag_render_text(FILE *out, const struct diag *d);

/* Renders d as one JSON object (a jansson json_t *). */
struct json_t;
struct json_t *diag_to_json(const struct diag *d);

/*
 * Diagnostics as one SARIF 2.1.0 log, for code-scanning tools (GitHub
 * code scanning, editors' SARIF viewers): a collector that takes every
 * diagnostic of a run, then becomes the log.
 *
 *   struct sarif *s = diag_sarif_new();
 *   diag_sarif_add(s, d);            (for each diagnostic, from a sink)
 *   json_t *log = diag_sarif_finish(s, SITEC_VERSION);
 *
 * The log has one run of the tool "sitec", a rule per code that occurs
 * (sorted by code) and a result per diagnostic, in the order added.
 * A span in a file becomes a physical location: its path as a URI
 * reference (relative paths relative to %SRCROOT%, the directory sitec
 * ran in; absolute ones as file:// URIs) and a region in code points,
 * ending one past the span. A file that could not be read has no region.
 * Notes with a location in a file become related locations; the help
 * and the other notes are lines of the message. A span in a source that
 * is not a file (<builtin>, the <path> of explain, the <query> of query)
 * gets no URI: as a result's location it is a logical location named so,
 * and as a note it is a line of the message with its line and column.
 * The same diagnostics give the same bytes.
 */
struct sarif;
struct sarif *diag_sarif_new(void);
/* Adds d as a result (copies what it needs; d stays the caller's). */
void diag_sarif_add(struct sarif *s, const struct diag *d);
/* Returns the log (the caller owns it: json_decref) and frees s. */
struct json_t *diag_sarif_finish(struct sarif *s, const char *tool_version);
/* Frees a collector without building its log. */
void diag_sarif_free(struct sarif *s);

#endif
