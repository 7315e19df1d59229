/*
 * fuzz_eval.c - a libFuzzer harness for the evaluator.
 *
 * Each input is one .site file. It joins a fixed prelude (a schema and
 * two profiles, so that inheritance, defaults, keyed lists and late
 * binding are reached from small inputs) in a fleet built in memory; when
 * both parse without errors, the fleet is prepared and every site is
 * evaluated, as `sitec check` does, and if preparing found no error
 * `site` is queried on the first site and rendered as JSON, as `sitec
 * query` does. Diagnostics are checked and dropped. Under clang
 * (-Dfuzzer=true) libFuzzer drives it with ASan and UBSan; under any
 * compiler standalone_main.c runs it over the seed corpus as a
 * regression test.
 *
 * No file is read: the sources are named below a directory that does not
 * exist, which is also the fleet root, so file() fails cleanly however
 * its path is written.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - every diagnostic has a code in range and a message, and its span
 *     and its notes' spans lie inside their sources;
 *   - eval_prepare() returns false only after reporting an error;
 *   - a site that evaluates to NULL, and a query that does, have had an
 *     error reported (once eval_finish() has flushed them).
 */
#include "arena.h"
#include "diag.h"
#include "eval.h"
#include "fleet.h"
#include "source.h"
#include "syntax.h"
#include "value.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FLEET_ROOT "/nonexistent-sitec-fuzz"

/*
 * The fixed second file. The schema is open (`...`) so that inputs may
 * set any field; an input that wants closed records declares its own.
 * `edge : base` with keyed lists of both kinds (by schema and Kubernetes'
 * `containers`), a final path, an if, super and a selector.
 */
static const char prelude_text[] =
	"schema S {\n"
	"  region: \"eu\" | \"us\" = \"eu\"\n"
	"  port: int(1..65535) = 80\n"
	"  tags: list<string> unique = []\n"
	"  nics: list<{ name: string; mtu: int = 1500 }> keyed name = []\n"
	"  hw: { cpus: int(1..512) = 4; model?: string }\n"
	"  labels: map<string> = {}\n"
	"  opt?: string\n"
	"  ...\n"
	"}\n"
	"profile base : S {\n"
	"  tags = [\"b\"]\n"
	"  nics = [{ name = \"eth0\" }, { name = \"eth1\", mtu = 9000 }]\n"
	"  labels = { site = name, region = region }\n"
	"  final os.sysctl.\"kernel.panic\" = \"10\"\n"
	"  os.hostname = \"${name}.example.net\"\n"
	"  k8s.app = {\n"
	"    apiVersion = \"apps/v1\"\n"
	"    kind = \"Deployment\"\n"
	"    spec.template.spec.containers = [\n"
	"      { name = \"main\", image = \"app:${port}\",\n"
	"        env = [{ name = \"A\", value = \"1\" }] }\n"
	"    ]\n"
	"  }\n"
	"  if region == \"us\" { port = 8080 } else { port = 8443 }\n"
	"}\n"
	"profile edge : base {\n"
	"  tags += [\"e\"]\n"
	"  nics += [{ name = \"eth0\", mtu = 1400 }, { name = \"eth2\" }]\n"
	"  labels = super + { tier = \"edge\" }\n"
	"  hw.cpus = len(nics) * 2\n"
	"  k8s.app.spec.template.spec.containers[name = \"main\"].env += [\n"
	"    { name = \"B\", value = to_string(hw.cpus) }\n"
	"  ]\n"
	"}\n";

struct fuzz_sink {
	struct diag_sink base;
	unsigned seen_errors;
};

static _Noreturn void invariant_failed(const char *what, const struct diag *d)
{
	fprintf(stderr, "fuzz_eval: invariant violated: %s\n", what);
	if (d)
		fprintf(stderr, "  diagnostic %s: %s [%u, %u)\n",
			diag_code_name(d->code), d->message ? d->message : "(null)",
			d->span.start, d->span.end);
	fflush(stderr);
	abort();
}

static void check_span(struct span sp, const struct diag *d, const char *what)
{
	if (!sp.src || sp.src->unread)
		return;
	if (sp.start > sp.end || sp.end > sp.src->len)
		invariant_failed(what, d);
}

/* Checks d and drops it. */
static void fuzz_emit(struct diag_sink *sink, const struct diag *d)
{
	struct fuzz_sink *s = (struct fuzz_sink *)sink;

	if (d->severity == DIAG_ERROR)
		s->seen_errors++;
	if ((unsigned)d->code >= DIAG_CODE_COUNT)
		invariant_failed("diagnostic code out of range", d);
	if (!d->message)
		invariant_failed("diagnostic without a message", d);
	check_span(d->span, d, "diagnostic span outside its source");
	for (size_t i = 0; i < d->nnotes; i++)
		check_span(d->notes[i].span, d, "note span outside its source");
}

/* The fleet of the input and the prelude, in byte order of path as
 * fleet_load() would give it. */
static void fleet_from_memory(struct fleet *f, const uint8_t *data,
			      size_t size, struct diag_sink *sink)
{
	static const char input_path[] = FLEET_ROOT "/input.site";
	static const char prelude_path[] = FLEET_ROOT "/prelude.site";

	fleet_init(f);
	f->files = xmalloc(2 * sizeof(*f->files));
	f->files[0].src = source_from_buffer(input_path, (const char *)data,
					     size);
	f->files[1].src = source_from_buffer(prelude_path, prelude_text,
					     sizeof(prelude_text) - 1);
	f->nfiles = 2;
	for (size_t i = 0; i < f->nfiles; i++)
		f->files[i].ast = syntax_parse(&f->arena, &f->names,
					       f->files[i].src, sink);
}

static void evaluate(struct fleet *f, struct fuzz_sink *sink)
{
	struct evaluator *ev = eval_new(f, &sink->base, FLEET_ROOT);
	bool failed = false;
	bool prepared = eval_prepare(ev);

	if (!prepared && sink->base.errors == 0)
		invariant_failed("eval_prepare failed without an error", NULL);

	/* As `sitec check`: the sites whose chain is sound are evaluated
	 * even when other declarations have errors. */
	size_t nsites = eval_site_count(ev);

	for (size_t i = 0; i < nsites; i++)
		if (!eval_site(ev, i))
			failed = true;
	/* As `sitec query`, which stops when eval_prepare fails. */
	if (prepared && nsites > 0) {
		struct ast *e = eval_parse_path(ev, "site", true);

		if (!e)
			invariant_failed("`site` does not parse as a query", NULL);

		struct value *v = eval_query(ev, 0, e);

		if (v)
			free(value_to_json_text(v, 2));
		else
			failed = true;
	}
	eval_finish(ev);
	if (failed && sink->base.errors == 0)
		invariant_failed("a site or query failed without an error", NULL);
	eval_free(ev);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_sink sink;
	struct fleet fleet;

	memset(&sink, 0, sizeof(sink));
	sink.base.emit = fuzz_emit;
	fleet_from_memory(&fleet, data, size, &sink.base);
	if (sink.base.errors != sink.seen_errors)
		invariant_failed("sink count differs from the errors seen", NULL);
	if (sink.base.errors == 0)
		evaluate(&fleet, &sink);
	fleet_free(&fleet);
	return 0;
}
