/*
 * fuzz_parse.c - a libFuzzer harness for the front end.
 *
 * Each input is one .site file: it is scanned and parsed, every diagnostic
 * is rendered as text and as JSON, and the tree is dumped as JSON, all into
 * memory. Under clang (-Dfuzzer=true) libFuzzer drives it with ASan and
 * UBSan; under any compiler standalone_main.c runs it over the seed corpus
 * as a regression test.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - syntax_parse() returns an AST_FILE node, never NULL;
 *   - every diagnostic and every note with a location points into the
 *     source being parsed, with start <= end <= its length;
 *   - the sink's error count is the number of errors it was handed;
 *   - the AST dump succeeds, is non-empty and is valid JSON;
 *   - the text rendering of a diagnostic is non-empty.
 */
#include "arena.h"
#include "ast.h"
#include "ast_dump.h"
#include "diag.h"
#include "intern.h"
#include "source.h"
#include "syntax.h"

#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_sink {
	struct diag_sink base;
	struct source *src;
	unsigned seen_errors;
	unsigned seen_warnings;
};

static _Noreturn void invariant_failed(const char *what, const struct diag *d)
{
	fprintf(stderr, "fuzz_parse: invariant violated: %s\n", what);
	if (d)
		fprintf(stderr, "  diagnostic %s: %s [%u, %u)\n",
			diag_code_name(d->code), d->message ? d->message : "(null)",
			d->span.start, d->span.end);
	fflush(stderr);
	abort();
}

static void check_span(const struct fuzz_sink *s, struct span sp,
		       const struct diag *d, const char *what)
{
	if (!sp.src)
		return;
	if (sp.src != s->src)
		invariant_failed(what, d);
	if (sp.start > sp.end || sp.end > s->src->len)
		invariant_failed(what, d);
}

static void fuzz_emit(struct diag_sink *sink, const struct diag *d)
{
	struct fuzz_sink *s = (struct fuzz_sink *)sink;
	char *buf = NULL;
	size_t len = 0;

	if (d->severity == DIAG_ERROR)
		s->seen_errors++;
	else
		s->seen_warnings++;
	if ((unsigned)d->code >= DIAG_CODE_COUNT)
		invariant_failed("diagnostic code out of range", d);
	if (!d->message)
		invariant_failed("diagnostic without a message", d);
	check_span(s, d->span, d, "diagnostic span outside the source");
	for (size_t i = 0; i < d->nnotes; i++)
		check_span(s, d->notes[i].span, d, "note span outside the source");

	FILE *out = open_memstream(&buf, &len);

	if (!out)
		abort();
	diag_render_text(out, d);
	if (fclose(out) != 0)
		abort();
	if (len == 0)
		invariant_failed("diagnostic rendered as empty text", d);
	free(buf);

	json_t *j = diag_to_json(d);

	if (!j)
		invariant_failed("diag_to_json returned NULL", d);
	char *js = json_dumps(j, JSON_COMPACT);

	if (!js)
		invariant_failed("diagnostic JSON does not serialize", d);
	free(js);
	json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source *src = source_from_buffer("fuzz.site", (const char *)data,
						size);
	struct arena arena;
	struct interner names;
	struct fuzz_sink sink;

	memset(&sink, 0, sizeof(sink));
	sink.base.emit = fuzz_emit;
	sink.src = src;
	arena_init(&arena);
	intern_init(&names, &arena);

	struct ast *file = syntax_parse(&arena, &names, src, &sink.base);

	if (!file || file->kind != AST_FILE)
		invariant_failed("syntax_parse did not return a file node", NULL);
	if (sink.base.errors != sink.seen_errors ||
	    sink.base.warnings != sink.seen_warnings)
		invariant_failed("sink counts differ from the diagnostics seen",
				 NULL);

	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);

	if (!out)
		abort();
	int rc = ast_dump_json(out, file);

	if (fclose(out) != 0)
		abort();
	if (rc != 0)
		invariant_failed("ast_dump_json failed", NULL);
	if (sink.seen_errors == 0 && len <= 1)
		invariant_failed("no errors but the AST JSON is empty", NULL);

	json_error_t err;
	json_t *doc = json_loadb(buf, len, 0, &err);

	/* jansson refuses documents nested deeper than 2048; the parser
	 * allows 256 levels of brackets, each several nodes deep. */
	if (!doc && !strstr(err.text, "depth"))
		invariant_failed("the AST dump is not valid JSON", NULL);
	json_decref(doc);
	free(buf);

	intern_free(&names);
	arena_free(&arena);
	source_free(src);
	return 0;
}
