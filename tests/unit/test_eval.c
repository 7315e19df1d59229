/*
 * test_eval.c - the evaluator through its library API: what the CLI's
 * golden tests cannot see (site lookup, files read by file(), the value
 * objects themselves, flat memory across many sites, diagnostics counted
 * once per profile error, workers on threads sharing the program).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "fleet.h"
#include "syntax.h"
#include "value.h"

struct capture {
	struct diag_sink base;
	char text[8192];
	size_t len;
};

static void capture_emit(struct diag_sink *sink, const struct diag *d)
{
	struct capture *c = (struct capture *)sink;
	int n = snprintf(c->text + c->len, sizeof(c->text) - c->len, "%s %s\n",
			 diag_code_name(d->code), d->message);

	if (n > 0 && (size_t)n < sizeof(c->text) - c->len)
		c->len += (size_t)n;
	for (size_t i = 0; i < d->nnotes; i++) {
		n = snprintf(c->text + c->len, sizeof(c->text) - c->len,
			     "  note: %s\n", d->notes[i].message);
		if (n > 0 && (size_t)n < sizeof(c->text) - c->len)
			c->len += (size_t)n;
	}
}

/* A fleet of one in-memory file named path. */
static void load(struct fleet *f, struct capture *c, const char *path,
		 const char *text)
{
	memset(c, 0, sizeof(*c));
	c->base.emit = capture_emit;
	fleet_init(f);
	f->files = calloc(1, sizeof(*f->files));
	assert_non_null(f->files);
	f->files[0].src = source_from_buffer(path, text, strlen(text));
	f->files[0].ast = syntax_parse(&f->arena, &f->names, f->files[0].src,
				       &c->base);
	f->nfiles = 1;
	assert_int_equal(c->base.errors, 0);
}

static const char *str_at(const struct value *obj, const char *key)
{
	const struct value *v = value_get(obj, key, strlen(key));

	assert_non_null(v);
	assert_int_equal(v->kind, V_STRING);
	return v->u.str;
}

static void t_sites_and_values(void **state)
{
	struct fleet f;
	struct capture c;

	(void)state;
	load(&f, &c, "t.site",
	     "schema S { region: string = \"eu\"; port: int = 80 }\n"
	     "profile g : S { port = 8080 }\n"
	     "site paris-01 : g { region = \"fr\" }\n"
	     "site lyon-01 : g { }\n");
	struct evaluator *ev = eval_new(&f, &c.base, NULL);
	assert_true(eval_prepare(ev));
	assert_int_equal(eval_site_count(ev), 2);
	assert_string_equal(eval_site_name(ev, 0), "paris-01");
	assert_int_equal(eval_site_find(ev, "lyon-01"), 1);
	assert_int_equal(eval_site_find(ev, "nice-01"), -1);
	assert_string_equal(eval_site_suggest(ev, "lyon-1"), "lyon-01");

	struct value *v = eval_site(ev, 0);
	assert_non_null(v);
	assert_int_equal(v->kind, V_OBJECT);
	assert_string_equal(v->u.fields[0].key, "name");	/* site NAME first */
	assert_string_equal(str_at(v, "region"), "fr");
	assert_int_equal(value_get(v, "port", 4)->u.i, 8080);
	/* provenance: the op that set port */
	assert_non_null(value_get(v, "port", 4)->op);

	v = eval_site(ev, 1);
	assert_string_equal(str_at(v, "region"), "eu");	/* the default */
	eval_free(ev);
	fleet_free(&f);
	assert_int_equal(c.base.errors, 0);
}

/* A profile error is one diagnostic, however many sites it breaks. */
static void t_profile_error_once(void **state)
{
	struct fleet f;
	struct capture c;
	char text[4096];
	size_t n;

	(void)state;
	n = (size_t)snprintf(text, sizeof(text),
			     "schema S { x?: int }\n"
			     "profile g : S { x = 1 / 0 }\n");
	for (int i = 0; i < 50; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n,
				      "site s%02d : g { }\n", i);
	load(&f, &c, "t.site", text);
	struct evaluator *ev = eval_new(&f, &c.base, NULL);
	assert_true(eval_prepare(ev));
	for (size_t i = 0; i < eval_site_count(ev); i++)
		assert_null(eval_site(ev, i));
	eval_finish(ev);
	assert_int_equal(c.base.errors, 1);
	assert_string_equal(c.text, "E0505 division by zero\n"
				    "  note: in 50 sites: s00, s01, s02, ...\n");
	eval_free(ev);
	fleet_free(&f);
}

/* file() reports what each site read, once per file, as a real path. */
static void t_files_read(void **state)
{
	char dir[] = "/tmp/sitec-test-eval-XXXXXX";
	char path[256], cert[256];
	struct fleet f;
	struct capture c;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(cert, sizeof(cert), "%s/cert.pem", dir);
	FILE *fp = fopen(cert, "w");
	assert_non_null(fp);
	fputs("-----BEGIN-----\n", fp);
	fclose(fp);
	snprintf(path, sizeof(path), "%s/t.site", dir);
	load(&f, &c, path,
	     "schema S { a?: string; b?: string }\n"
	     "site s : S { a = file(\"cert.pem\"); b = file(\"./cert.pem\") }\n"
	     "site t : S { }\n");
	struct evaluator *ev = eval_new(&f, &c.base, dir);
	assert_true(eval_prepare(ev));
	struct value *v = eval_site(ev, 0);
	assert_non_null(v);
	assert_string_equal(str_at(v, "a"), "-----BEGIN-----\n");
	size_t n;
	const char *const *files = eval_site_files(ev, &n);
	assert_int_equal(n, 1);
	assert_string_equal(files[0], cert);
	assert_non_null(eval_site(ev, 1));
	eval_site_files(ev, &n);
	assert_int_equal(n, 0);
	eval_free(ev);
	fleet_free(&f);
	unlink(cert);
	rmdir(dir);
}

/* The site arena is reset between sites: memory does not grow with N. */
static void t_flat_memory(void **state)
{
	struct fleet f;
	struct capture c;

	(void)state;
	load(&f, &c, "t.site",
	     "schema S { xs: list<int> = [] }\n"
	     "profile g : S { xs = [for i in range(2000): i * 2] }\n"
	     "site s : g { }\n");
	struct evaluator *ev = eval_new(&f, &c.base, NULL);
	assert_true(eval_prepare(ev));
	size_t before = f.arena.total;
	for (int i = 0; i < 200; i++) {
		struct value *v = eval_site(ev, 0);
		assert_non_null(v);
		assert_int_equal(value_get(v, "xs", 2)->len, 2000);
	}
	/* nothing a site computes lands in the fleet arena */
	assert_int_equal(f.arena.total, before);
	eval_free(ev);
	fleet_free(&f);
}

struct site_job {
	struct evaluator *w;
	size_t site;
	struct value *v;
};

static void *site_thread(void *arg)
{
	struct site_job *j = arg;

	j->v = eval_site(j->w, j->site);
	return NULL;
}

/*
 * Workers read a fleet constant's values on two threads at once: they
 * share them without writing them (a site used to fill in the provenance
 * of a value inside a constant when it first read it), and the
 * provenance is the constant's expression whichever site reads first.
 */
static void t_workers_share_constants(void **state)
{
	static const char text[] =
		"schema S { x?: any }\n"
		"let parts = split(\"a,b\", \",\")\n"
		"profile p : S { x = parts[1] }\n"
		"site one : p { }\n"
		"site two : p { }\n";
	struct fleet f;
	struct capture c;

	(void)state;
	load(&f, &c, "t.site", text);
	struct evaluator *ev = eval_new(&f, &c.base, NULL);
	assert_true(eval_prepare(ev));
	struct site_job jobs[2];
	pthread_t th[2];
	for (size_t i = 0; i < 2; i++) {
		jobs[i] = (struct site_job){ eval_fork(ev), i, NULL };
		assert_int_equal(pthread_create(&th[i], NULL, site_thread,
						&jobs[i]), 0);
	}
	uint32_t split_at = (uint32_t)(strstr(text, "split(") - text);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(pthread_join(th[i], NULL), 0);
		assert_non_null(jobs[i].v);
		const struct value *x = value_get(jobs[i].v, "x", 1);
		assert_non_null(x);
		assert_string_equal(x->u.str, "b");
		assert_non_null(x->expr);
		assert_int_equal(x->expr->span.start, split_at);
	}
	for (size_t i = 0; i < 2; i++)
		eval_join(ev, jobs[i].w);
	eval_free(ev);
	fleet_free(&f);
	assert_int_equal(c.base.errors, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_sites_and_values),
		cmocka_unit_test(t_profile_error_once),
		cmocka_unit_test(t_files_read),
		cmocka_unit_test(t_flat_memory),
		cmocka_unit_test(t_workers_share_constants),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
