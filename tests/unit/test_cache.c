/*
 * test_cache.c - the build cache's format (cache.h): a valid cache parses
 * to the exact fields of each line, every malformed line or header makes
 * the whole cache refused and empty, lookups of names present and absent
 * (also past the index's first growth), the exact line an entry formats
 * to, which names can be on a line, the round trip text -> entries ->
 * text, and cache_load of an absent, a valid and a broken file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cache.h"
#include "config.h"

#define HEADER "sitec-cache 1 sitec " SITEC_VERSION "\n"

#define Z16 "0000000000000000"
#define Z64 Z16 Z16 Z16 Z16
#define F15 "fffffffffffffff"
#define F16 "ffffffffffffffff"
#define F64 F16 F16 F16 F16

#define FP1 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
#define DG1 "sha256:" \
	"ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100"
#define FP2 F64
#define DG2 "sha256:" Z64
#define FP3 "abcdef0123456789abcdef0123456789abcdef0123456789abcdef0123456789"
#define DG3 "sha256:" \
	"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

#define LINE1 "paris-01 " FP1 " " DG1 " 0000018c3f2a9b10\n"
#define LINE2 "lyon-02 " FP2 " " DG2 " ffffffffffffffff\n"
#define LINE3 "berlin-shop-17 " FP3 " " DG3 " 0000000000000000\n"

/* Parses a copy of s[0..n), as cache_parse wants it: malloc'ed, with room
 * for one more byte. */
static bool parse_n(struct cache *c, const char *s, size_t n)
{
	char *text = malloc(n + 1);

	assert_non_null(text);
	memcpy(text, s, n);
	return cache_parse(c, text, n);
}

static bool parse(struct cache *c, const char *s)
{
	return parse_n(c, s, strlen(s));
}

static void assert_empty(const struct cache *c)
{
	assert_null(c->text);
	assert_null(c->e);
	assert_null(c->index);
	assert_int_equal(c->n, 0);
	assert_int_equal(c->cap, 0);
}

static void t_valid_three(void **state)
{
	static const unsigned char fp1[CACHE_FP_SIZE] = {
		0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
		0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
		0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,
		0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
	};
	unsigned char fp2[CACHE_FP_SIZE];
	struct cache c;

	(void)state;
	memset(fp2, 0xff, sizeof(fp2));
	assert_true(parse(&c, HEADER LINE1 LINE2 LINE3));
	assert_int_equal(c.n, 3);

	assert_string_equal(c.e[0].name, "paris-01");
	assert_memory_equal(c.e[0].fp, fp1, CACHE_FP_SIZE);
	assert_string_equal(c.e[0].digest, DG1);
	assert_true(c.e[0].stamp == UINT64_C(0x0000018c3f2a9b10));

	assert_string_equal(c.e[1].name, "lyon-02");
	assert_memory_equal(c.e[1].fp, fp2, CACHE_FP_SIZE);
	assert_string_equal(c.e[1].digest, DG2);
	assert_true(c.e[1].stamp == UINT64_MAX);

	assert_string_equal(c.e[2].name, "berlin-shop-17");
	assert_int_equal(c.e[2].fp[0], 0xab);
	assert_int_equal(c.e[2].fp[31], 0x89);
	assert_string_equal(c.e[2].digest, DG3);
	assert_true(c.e[2].stamp == 0);

	assert_ptr_equal(cache_find(&c, "paris-01"), &c.e[0]);
	assert_ptr_equal(cache_find(&c, "lyon-02"), &c.e[1]);
	assert_ptr_equal(cache_find(&c, "berlin-shop-17"), &c.e[2]);
	cache_free(&c);
	assert_empty(&c);
}

static void t_valid_one_and_none(void **state)
{
	struct cache c;

	(void)state;
	assert_true(parse(&c, HEADER LINE2));
	assert_int_equal(c.n, 1);
	assert_string_equal(c.e[0].name, "lyon-02");
	cache_free(&c);

	/* The header alone: a cache of no site, not a refused one. */
	assert_true(parse(&c, HEADER));
	assert_int_equal(c.n, 0);
	assert_null(cache_find(&c, "paris-01"));
	assert_null(cache_find(&c, ""));
	cache_free(&c);
}

/* Every one of these is refused whole, though its other lines are good. */
static void t_invalid_forms(void **state)
{
	static const struct {
		const char *what, *text;
	} bad[] = {
		{ "empty file", "" },
		{ "no header", LINE1 LINE2 },
		{ "another version",
		  "sitec-cache 1 sitec " SITEC_VERSION ".1\n" LINE1 },
		{ "an older version", "sitec-cache 1 sitec 0.0.0\n" LINE1 },
		{ "another format", "sitec-cache 2 sitec " SITEC_VERSION "\n"
		  LINE1 },
		{ "header without its newline",
		  "sitec-cache 1 sitec " SITEC_VERSION },
		{ "header with CRLF",
		  "sitec-cache 1 sitec " SITEC_VERSION "\r\n" LINE1 },
		{ "missing stamp", HEADER LINE1 "lyon-02 " FP2 " " DG2 "\n" },
		{ "missing digest and stamp",
		  HEADER LINE1 "lyon-02 " FP2 "\n" },
		{ "a name alone", HEADER LINE1 "lyon-02\n" },
		{ "extra field", HEADER LINE1 "lyon-02 " FP2 " " DG2
		  " ffffffffffffffff x\n" },
		{ "trailing space", HEADER LINE1 "lyon-02 " FP2 " " DG2
		  " ffffffffffffffff \n" },
		{ "two spaces", HEADER LINE1 "lyon-02  " FP2 " " DG2
		  " ffffffffffffffff\n" },
		{ "empty name", HEADER LINE1 " " FP2 " " DG2
		  " ffffffffffffffff\n" },
		{ "upper-case fingerprint", HEADER LINE1 "lyon-02 "
		  "ABCDEF0123456789abcdef0123456789"
		  "abcdef0123456789abcdef0123456789"
		  " " DG2 " ffffffffffffffff\n" },
		{ "upper-case digest", HEADER LINE1 "lyon-02 " FP2 " sha256:"
		  "E3B0C44298FC1C149AFBF4C8996FB924"
		  "27AE41E4649B934CA495991B7852B855"
		  " ffffffffffffffff\n" },
		{ "upper-case stamp", HEADER LINE1 "lyon-02 " FP2 " " DG2
		  " FFFFFFFFFFFFFFFF\n" },
		{ "short stamp", HEADER LINE1 "lyon-02 " FP2 " " DG2
		  " fffffffffffffff\n" },
		{ "long stamp", HEADER LINE1 "lyon-02 " FP2 " " DG2
		  " fffffffffffffffff\n" },
		{ "short fingerprint", HEADER LINE1 "lyon-02 "
		  F15 F16 F16 F16
		  " " DG2 " ffffffffffffffff\n" },
		{ "long fingerprint", HEADER LINE1 "lyon-02 " FP2 "f "
		  DG2 " ffffffffffffffff\n" },
		{ "non-hex fingerprint", HEADER LINE1 "lyon-02 "
		  "g" F15 F16 F16 F16
		  " " DG2 " ffffffffffffffff\n" },
		{ "digest sha512:", HEADER LINE1 "lyon-02 " FP2 " sha512:" Z64
		  " ffffffffffffffff\n" },
		{ "digest SHA256:", HEADER LINE1 "lyon-02 " FP2 " SHA256:" Z64
		  " ffffffffffffffff\n" },
		{ "digest sha256-", HEADER LINE1 "lyon-02 " FP2 " sha256-" Z64
		  " ffffffffffffffff\n" },
		{ "digest without prefix", HEADER LINE1 "lyon-02 " FP2
		  " 0000000" Z64 " ffffffffffffffff\n" },
		{ "short digest", HEADER LINE1 "lyon-02 " FP2 " sha256:"
		  Z16 Z16 Z16 "000000000000000 ffffffffffffffff\n" },
		{ "duplicate name", HEADER LINE1 LINE2 LINE3
		  "paris-01 " FP2 " " DG2 " 0000000000000001\n" },
		{ "duplicate line", HEADER LINE2 LINE2 },
		{ "no final newline", HEADER LINE1 "lyon-02 " FP2 " " DG2
		  " ffffffffffffffff" },
		{ "empty line", HEADER LINE1 "\n" LINE2 },
		{ "blank line at the end", HEADER LINE1 LINE2 "\n" },
		{ "CRLF line", HEADER "paris-01 " FP1 " " DG1
		  " 0000018c3f2a9b10\r\n" },
	};
	struct cache c;

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse(&c, bad[i].text))
			fail_msg("accepted: %s", bad[i].what);
		assert_empty(&c);
	}
}

static void t_nul_inside(void **state)
{
	static const char text[] = HEADER LINE1 LINE2;
	size_t n = sizeof(text) - 1;
	char copy[sizeof(text)];
	struct cache c;

	(void)state;
	assert_true(parse_n(&c, text, n));
	cache_free(&c);
	/* A NUL in a name, in a field, in place of a newline, at the end. */
	static const size_t at[] = { sizeof(HEADER) + 2, sizeof(HEADER) + 20,
				     sizeof(HEADER) - 2 + sizeof(LINE1) - 1,
				     sizeof(text) - 2 };
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++) {
		memcpy(copy, text, sizeof(text));
		copy[at[i]] = 0;
		assert_false(parse_n(&c, copy, n));
		assert_empty(&c);
	}
	/* A NUL appended after the final newline. */
	memcpy(copy, text, sizeof(text));
	assert_false(parse_n(&c, copy, n + 1));
	assert_empty(&c);
}

static void t_find_missing(void **state)
{
	struct cache c;

	(void)state;
	memset(&c, 0, sizeof(c));
	assert_null(cache_find(&c, "paris-01"));	/* an empty cache */
	assert_true(parse(&c, HEADER LINE1 LINE2));
	assert_null(cache_find(&c, "paris-02"));
	assert_null(cache_find(&c, "paris-0"));
	assert_null(cache_find(&c, "paris-011"));
	assert_null(cache_find(&c, "PARIS-01"));
	assert_null(cache_find(&c, "berlin-shop-17"));
	assert_null(cache_find(&c, ""));
	cache_free(&c);
}

/* Many entries, past the index's first size: every one found, and a name
 * repeated far from its first line still refuses the cache. */
static void t_many(void **state)
{
	enum { N = 1000 };
	char *text = NULL, name[32], dup[256];
	size_t len = 0, cap = 0;
	struct cache c;

	(void)state;
	cache_format_header(&text, &len, &cap);
	for (int i = 0; i < N; i++) {
		struct cache_entry e = { .name = name, .stamp = (uint64_t)i };

		snprintf(name, sizeof(name), "site-%04d", i);
		memset(e.fp, i & 0xff, sizeof(e.fp));
		strcpy(e.digest, DG1);
		cache_format(&text, &len, &cap, &e);
	}
	assert_true(parse_n(&c, text, len));
	assert_int_equal(c.n, N);
	for (int i = 0; i < N; i++) {
		const struct cache_entry *e;

		snprintf(name, sizeof(name), "site-%04d", i);
		e = cache_find(&c, name);
		assert_ptr_equal(e, &c.e[i]);
		assert_true(e->stamp == (uint64_t)i);
		assert_int_equal(e->fp[CACHE_FP_SIZE - 1], i & 0xff);
	}
	assert_null(cache_find(&c, "site-1000"));
	cache_free(&c);

	snprintf(dup, sizeof(dup), "site-0500 %s %s 0000000000000000\n", FP2,
		 DG2);
	text = realloc(text, len + strlen(dup) + 1);
	assert_non_null(text);
	memcpy(text + len, dup, strlen(dup));
	assert_false(parse_n(&c, text, len + strlen(dup)));
	assert_empty(&c);
	free(text);
}

static void t_format(void **state)
{
	struct cache_entry e = { .name = "paris-01",
				 .stamp = UINT64_C(0x0000018c3f2a9b10) };
	char *buf = NULL;
	size_t len = 0, cap = 0;

	(void)state;
	for (int i = 0; i < CACHE_FP_SIZE; i++)
		e.fp[i] = (unsigned char)i;
	strcpy(e.digest, DG1);
	cache_format_header(&buf, &len, &cap);
	assert_int_equal(len, strlen(HEADER));
	assert_memory_equal(buf, HEADER, len);
	cache_format(&buf, &len, &cap, &e);
	assert_int_equal(len, strlen(HEADER LINE1));
	assert_memory_equal(buf, HEADER LINE1, len);

	/* Small stamps keep their leading zeros; the largest is whole. */
	len = 0;
	e.stamp = 1;
	cache_format(&buf, &len, &cap, &e);
	assert_int_equal(len, strlen(LINE1));
	assert_memory_equal(buf + len - 18, " 0000000000000001\n", 18);
	len = 0;
	e.stamp = UINT64_MAX;
	cache_format(&buf, &len, &cap, &e);
	assert_memory_equal(buf + len - 18, " ffffffffffffffff\n", 18);
	free(buf);
}

/* Appends to a buffer that starts small enough to have to grow. */
static void t_format_grows(void **state)
{
	struct cache_entry e = { .stamp = 7 };
	char *buf = NULL, name[200];
	size_t len = 0, cap = 0;

	(void)state;
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	e.name = name;
	strcpy(e.digest, DG2);
	for (int i = 0; i < 100; i++) {
		cache_format(&buf, &len, &cap, &e);
		assert_true(len <= cap);
		assert_int_equal(len, (size_t)(i + 1) * (strlen(name) + 155));
	}
	free(buf);
}

static void t_name_ok(void **state)
{
	(void)state;
	assert_true(cache_name_ok("paris-01"));
	assert_true(cache_name_ok("a"));
	assert_true(cache_name_ok("caf\xc3\xa9"));
	/* The fields are split at spaces only. */
	assert_true(cache_name_ok("tab\there"));
	assert_false(cache_name_ok(""));
	assert_false(cache_name_ok("paris 01"));
	assert_false(cache_name_ok(" paris"));
	assert_false(cache_name_ok("paris "));
	assert_false(cache_name_ok("paris\n01"));
	assert_false(cache_name_ok("\n"));
}

static void t_round_trip(void **state)
{
	static const char text[] = HEADER LINE3 LINE1 LINE2
		"tab\tname\r " FP1 " " DG2 " 00000000000000aa\n";
	char *buf = NULL;
	size_t len = 0, cap = 0;
	struct cache c, again;

	(void)state;
	assert_true(parse(&c, text));
	assert_int_equal(c.n, 4);
	cache_format_header(&buf, &len, &cap);
	for (size_t i = 0; i < c.n; i++)
		cache_format(&buf, &len, &cap, &c.e[i]);
	assert_int_equal(len, strlen(text));
	assert_memory_equal(buf, text, len);

	assert_true(parse_n(&again, buf, len));
	assert_int_equal(again.n, c.n);
	for (size_t i = 0; i < c.n; i++) {
		assert_string_equal(again.e[i].name, c.e[i].name);
		assert_memory_equal(again.e[i].fp, c.e[i].fp, CACHE_FP_SIZE);
		assert_string_equal(again.e[i].digest, c.e[i].digest);
		assert_true(again.e[i].stamp == c.e[i].stamp);
	}
	assert_true(cache_find(&again, "tab\tname\r")->stamp == 0xaa);
	cache_free(&again);
	cache_free(&c);
	free(buf);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
	assert_int_equal(fclose(f), 0);
}

static void t_load(void **state)
{
	char dir[] = "/tmp/sitec-test-cache-XXXXXX", path[64];
	struct cache c;
	struct bundle_out o = { .path = dir };

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/" CACHE_NAME, dir);
	o.dfd = open(dir, O_RDONLY | O_DIRECTORY);
	assert_true(o.dfd >= 0);

	cache_load(&c, &o);	/* absent */
	assert_empty(&c);

	write_file(path, HEADER LINE1 LINE2);
	cache_load(&c, &o);
	assert_int_equal(c.n, 2);
	assert_string_equal(cache_find(&c, "lyon-02")->digest, DG2);
	cache_free(&c);

	write_file(path, HEADER LINE1 "lyon-02 " FP2 "\n");
	cache_load(&c, &o);
	assert_empty(&c);

	write_file(path, "");
	cache_load(&c, &o);
	assert_empty(&c);

	/* a FIFO, or a link to a good cache: not read (and no hang) */
	assert_int_equal(unlink(path), 0);
	assert_int_equal(mkfifo(path, 0666), 0);
	cache_load(&c, &o);
	assert_empty(&c);
	assert_int_equal(unlink(path), 0);
	char good[80];
	snprintf(good, sizeof(good), "%s/good", dir);
	write_file(good, HEADER LINE1 LINE2);
	assert_int_equal(symlink("good", path), 0);
	cache_load(&c, &o);
	assert_empty(&c);
	assert_int_equal(unlink(good), 0);

	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
	close(o.dfd);
	o.dfd = -1;
	cache_load(&c, &o);	/* no such directory */
	assert_empty(&c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_valid_three),
		cmocka_unit_test(t_valid_one_and_none),
		cmocka_unit_test(t_invalid_forms),
		cmocka_unit_test(t_nul_inside),
		cmocka_unit_test(t_find_missing),
		cmocka_unit_test(t_many),
		cmocka_unit_test(t_format),
		cmocka_unit_test(t_format_grows),
		cmocka_unit_test(t_name_ok),
		cmocka_unit_test(t_round_trip),
		cmocka_unit_test(t_load),
	};

	return cmocka_run_group_tests_name("cache", tests, NULL, NULL);
}
