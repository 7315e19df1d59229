/*
 * fuzz_cache.c - a libFuzzer harness for the build cache's parser and
 * formatter (cache.h).
 *
 * The first byte of an input picks how the rest becomes a cache text
 * (modulo 3; the seeds use the digits '0', '1' and '2'):
 *   0  raw: the rest is the whole text, header included;
 *   1  header: the rest follows this version's header, so the fuzzer
 *      reaches the lines whatever the version, and the seeds stay valid
 *      across a version bump;
 *   2  entries: the rest is a list of binary records (a name length byte,
 *      the name, 32 fingerprint bytes, 32 digest bytes, 8 stamp bytes,
 *      zeros where the input ends), written out with cache_format.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - cache_parse agrees with a parser written here from the contract in
 *     cache.h, not from cache.c, on whether a text is a cache and on
 *     every field of every entry; a text it refuses leaves the cache
 *     empty; nothing leaks (ASan's leak check);
 *   - in a parsed cache every name passes cache_name_ok, cache_find of it
 *     gives its entry and cache_find of a name it does not hold gives
 *     NULL; the header and the entries, formatted, are the input bytes,
 *     and they parse again to the same entries;
 *   - cache_name_ok agrees with the contract, and formatting entries
 *     with distinct good names gives a cache of exactly these entries;
 *   - a text that begins with the header is also checked in variants,
 *     each against the reference parser, and, from a valid cache, with
 *     their expected answer: every prefix of whole lines is valid, with
 *     the first entries; the lines reversed are valid, with the same
 *     entries; an appended line with a new name is valid, with one more;
 *     a repeated line, a lost final newline, another version, a NUL, an
 *     upper-case hex digit, a bad digest prefix, a short stamp, a
 *     missing or an extra field are not.
 */
#include "cache.h"
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define HEADER "sitec-cache 1 sitec " SITEC_VERSION "\n"
#define HEADER_LEN (sizeof(HEADER) - 1)
#define FP_HEX (2 * CACHE_FP_SIZE)
#define DIGEST_LEN (BUNDLE_SHA256_SIZE - 1)	/* "sha256:" + 64 */
#define STAMP_HEX 16
/* Bytes of a line after its name: " FP DIGEST STAMP\n". */
#define LINE_TAIL (1 + FP_HEX + 1 + DIGEST_LEN + 1 + STAMP_HEX + 1)
/* Bounds that keep a run fast: the variants of a text are many. */
#define MAX_PREFIXES 64
#define MAX_RECORDS 64

/* An entry as the reference parser reads it; name points into the text. */
struct want {
	const char *name;
	size_t name_len;
	unsigned char fp[CACHE_FP_SIZE];
	char digest[BUNDLE_SHA256_SIZE];
	uint64_t stamp;
};

struct wants {
	struct want *w;
	size_t n;
};

static const char *current_text;
static size_t current_len;

static void print_bytes(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch == '\n')
			fputs("\\n\n    ", stderr);
		else if (ch >= 0x20 && ch < 0x7f && ch != '\\')
			fputc(ch, stderr);
		else
			fprintf(stderr, "\\x%02x", ch);
	}
	fputc('\n', stderr);
}

static _Noreturn void violated(const char *s, size_t n, const char *what)
{
	fprintf(stderr, "fuzz_cache: invariant violated: %s\n  text (%zu "
		"bytes):\n    ", what, n);
	print_bytes(s, n);
	if (current_text && (current_text != s || current_len != n)) {
		fprintf(stderr, "  the text checked, made of it (%zu "
			"bytes):\n    ",
			current_len);
		print_bytes(current_text, current_len);
	}
	fflush(stderr);
	abort();
}

#define CHECK(cond, what)                                                   \
	do {                                                                \
		if (!(cond))                                                \
			violated(s, n, (what));                             \
	} while (0)

/* --- the reference parser, from the contract in cache.h ----------------- */

static bool name_ok_oracle(const char *name, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++)
		if (name[i] == ' ' || name[i] == '\n' || name[i] == 0)
			return false;
	return true;
}

static int lower_hex(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	return -1;
}

static bool hex_oracle(const char *s, size_t digits, unsigned char *out)
{
	for (size_t i = 0; i < digits; i++) {
		int v = lower_hex(s[i]);

		if (v < 0)
			return false;
		if (out)
			out[i / 2] = (unsigned char)(i % 2 ? out[i / 2] | v
							   : v << 4);
	}
	return true;
}

/* NAME SP FP SP DIGEST SP STAMP, the line without its newline. */
static bool line_oracle(const char *line, size_t len, struct want *w)
{
	const char *sp = memchr(line, ' ', len);
	unsigned char stamp[8];
	size_t rest;

	if (!sp)
		return false;
	w->name = line;
	w->name_len = (size_t)(sp - line);
	rest = len - w->name_len;
	if (!name_ok_oracle(line, w->name_len) ||
	    rest != LINE_TAIL - 1 || sp[1 + FP_HEX] != ' ' ||
	    sp[1 + FP_HEX + 1 + DIGEST_LEN] != ' ' ||
	    memcmp(sp + 1 + FP_HEX + 1, "sha256:", 7) != 0 ||
	    !hex_oracle(sp + 1, FP_HEX, w->fp) ||
	    !hex_oracle(sp + 1 + FP_HEX + 1 + 7, FP_HEX, NULL) ||
	    !hex_oracle(sp + 1 + FP_HEX + 1 + DIGEST_LEN + 1, STAMP_HEX,
			stamp))
		return false;
	memcpy(w->digest, sp + 1 + FP_HEX + 1, DIGEST_LEN);
	w->digest[DIGEST_LEN] = 0;
	w->stamp = 0;
	for (int i = 0; i < 8; i++)
		w->stamp = w->stamp << 8 | stamp[i];
	return true;
}

static int by_name(const void *a, const void *b)
{
	const struct want *x = a, *y = b;
	size_t n = x->name_len < y->name_len ? x->name_len : y->name_len;
	int c = memcmp(x->name, y->name, n);

	if (c)
		return c;
	return (x->name_len > y->name_len) - (x->name_len < y->name_len);
}

static bool distinct_names(const struct want *w, size_t n)
{
	struct want *sorted;
	bool ok = true;

	if (n < 2)
		return true;
	sorted = malloc(n * sizeof(*sorted));
	if (!sorted)
		abort();
	memcpy(sorted, w, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), by_name);
	for (size_t i = 1; i < n && ok; i++)
		ok = by_name(&sorted[i - 1], &sorted[i]) != 0;
	free(sorted);
	return ok;
}

/* Whether s[0..n) is a cache; if so its entries are in *out (malloc'ed). */
static bool cache_oracle(const char *s, size_t n, struct wants *out)
{
	size_t cap = 0;

	out->w = NULL;
	out->n = 0;
	if (n < HEADER_LEN || memcmp(s, HEADER, HEADER_LEN) != 0)
		return false;
	for (size_t at = HEADER_LEN; at < n;) {
		const char *nl = memchr(s + at, '\n', n - at);

		if (!nl)
			goto bad;
		if (out->n == cap) {
			cap = cap ? 2 * cap : 8;
			out->w = realloc(out->w, cap * sizeof(*out->w));
			if (!out->w)
				abort();
		}
		if (!line_oracle(s + at, (size_t)(nl - s) - at,
				 &out->w[out->n]))
			goto bad;
		out->n++;
		at = (size_t)(nl - s) + 1;
	}
	if (distinct_names(out->w, out->n))
		return true;
bad:
	free(out->w);
	out->w = NULL;
	out->n = 0;
	return false;
}

/* --- cache.c against it ------------------------------------------------- */

static bool same_entry(const struct cache_entry *e, const struct want *w)
{
	return strlen(e->name) == w->name_len &&
	       memcmp(e->name, w->name, w->name_len) == 0 &&
	       memcmp(e->fp, w->fp, CACHE_FP_SIZE) == 0 &&
	       strcmp(e->digest, w->digest) == 0 && e->stamp == w->stamp;
}

static bool same_entries(const struct cache_entry *a,
			 const struct cache_entry *b)
{
	return strcmp(a->name, b->name) == 0 &&
	       memcmp(a->fp, b->fp, CACHE_FP_SIZE) == 0 &&
	       strcmp(a->digest, b->digest) == 0 && a->stamp == b->stamp;
}

static bool parse_copy(struct cache *c, const char *s, size_t n)
{
	/* Exactly the one byte more the contract asks for, so ASan sees
	 * any access past it. */
	char *text = malloc(n + 1);

	if (!text)
		abort();
	if (n)
		memcpy(text, s, n);
	return cache_parse(c, text, n);
}

static bool is_empty(const struct cache *c)
{
	return !c->text && !c->e && !c->n && !c->index && !c->cap;
}

/* A name no entry of c has: one more '~' than the longest name. */
static char *absent_name(const struct cache *c)
{
	size_t longest = 0;
	char *name;

	for (size_t i = 0; i < c->n; i++)
		if (strlen(c->e[i].name) > longest)
			longest = strlen(c->e[i].name);
	name = malloc(longest + 2);
	if (!name)
		abort();
	memset(name, '~', longest + 1);
	name[longest + 1] = 0;
	return name;
}

static void check_lookups(const char *s, size_t n, const struct cache *c)
{
	char *absent = absent_name(c);

	for (size_t i = 0; i < c->n; i++) {
		const char *name = c->e[i].name;
		size_t len = strlen(name);
		char *other;

		CHECK(cache_name_ok(name), "a parsed name fails cache_name_ok");
		CHECK(cache_find(c, name) == &c->e[i],
		      "cache_find of a name misses its entry");
		/* The name one byte shorter or longer: absent unless the
		 * cache holds it too. */
		other = malloc(len + 2);
		if (!other)
			abort();
		memcpy(other, name, len);
		other[len] = '~';
		other[len + 1] = 0;
		for (int k = 0; k < 2; k++) {
			const struct cache_entry *e = cache_find(c, other);
			const struct cache_entry *linear = NULL;

			for (size_t j = 0; j < c->n && !linear; j++)
				if (strcmp(c->e[j].name, other) == 0)
					linear = &c->e[j];
			CHECK(e == linear,
			      "cache_find disagrees with a linear search");
			other[len - 1] = 0;
		}
		free(other);
	}
	CHECK(cache_find(c, absent) == NULL, "cache_find of an absent name");
	CHECK(cache_find(c, "") == NULL, "cache_find of the empty name");
	free(absent);
}

static void check_round_trip(const char *s, size_t n, const struct cache *c)
{
	char *buf = NULL;
	size_t len = 0, cap = 0;
	struct cache again;

	cache_format_header(&buf, &len, &cap);
	CHECK(len == HEADER_LEN && memcmp(buf, HEADER, len) == 0,
	      "cache_format_header");
	for (size_t i = 0; i < c->n; i++) {
		size_t before = len;

		cache_format(&buf, &len, &cap, &c->e[i]);
		CHECK(len - before == strlen(c->e[i].name) + LINE_TAIL,
		      "a formatted line's length");
		CHECK(len <= cap, "cache_format wrote past its buffer");
	}
	CHECK(len == n && memcmp(buf, s, n) == 0,
	      "formatting the entries does not give the input back");
	CHECK(parse_copy(&again, buf, len),
	      "the formatted cache does not parse");
	CHECK(again.n == c->n, "the formatted cache has other entries");
	for (size_t i = 0; i < c->n; i++)
		CHECK(same_entries(&again.e[i], &c->e[i]),
		      "the formatted cache parses to other entries");
	cache_free(&again);
	CHECK(is_empty(&again), "cache_free leaves the cache not empty");
	free(buf);
}

/*
 * Parses s[0..n) with cache_parse and the reference parser, checks they
 * agree and, for a cache, its lookups and round trip. Returns whether it
 * is a cache; its entries (the reference's, pointing into s) go to *out
 * when out is not NULL.
 */
static bool check_text(const char *s, size_t n, struct wants *out)
{
	struct cache c;
	struct wants w;
	bool ok = parse_copy(&c, s, n), expected = cache_oracle(s, n, &w);

	CHECK(ok == expected, ok ? "cache_parse takes a text that is no cache"
				 : "cache_parse refuses a cache");
	if (!ok) {
		CHECK(is_empty(&c), "a refused cache is not left empty");
	} else {
		CHECK(c.n == w.n,
		      "cache_parse finds another number of entries");
		for (size_t i = 0; i < c.n; i++)
			CHECK(same_entry(&c.e[i], &w.w[i]),
			      "cache_parse reads an entry otherwise");
		check_lookups(s, n, &c);
		check_round_trip(s, n, &c);
	}
	cache_free(&c);
	if (out)
		*out = w;
	else
		free(w.w);
	return ok;
}

/* --- variants of a text that begins with the header --------------------- */

struct text {
	char *s;
	size_t n, cap;
};

static void text_add(struct text *t, const void *p, size_t n)
{
	if (t->n + n > t->cap) {
		t->cap = t->n + n > 2 * t->cap ? t->n + n : 2 * t->cap;
		t->s = realloc(t->s, t->cap);
		if (!t->s)
			abort();
	}
	if (n)
		memcpy(t->s + t->n, p, n);
	t->n += n;
}

static void text_adds(struct text *t, const char *s)
{
	text_add(t, s, strlen(s));
}

static void text_clear(struct text *t)
{
	free(t->s);
	memset(t, 0, sizeof(*t));
}

/* Checks variant v of s against the reference parser and, unless expect
 * is -1, against the answer it should have. With out NULL, v is cleared;
 * else out points into it and the caller clears it when done. */
static bool check_variant(const char *s, size_t n, struct text *v,
			  int expect, struct wants *out, const char *what)
{
	bool ok;

	current_text = v->s;
	current_len = v->n;
	ok = check_text(v->s, v->n, out);
	if (expect >= 0 && ok != (expect == 1))
		violated(s, n, what);
	current_text = NULL;
	if (!out)
		text_clear(v);
	return ok;
}

static bool same_wants(const struct want *a, const struct want *b)
{
	return a->name_len == b->name_len &&
	       memcmp(a->name, b->name, a->name_len) == 0 &&
	       memcmp(a->fp, b->fp, CACHE_FP_SIZE) == 0 &&
	       strcmp(a->digest, b->digest) == 0 && a->stamp == b->stamp;
}

/* Variants that hold whatever the text: never a cache. */
static void check_broken_variants(const char *s, size_t n)
{
	static const char *const headers[] = {
		"sitec-cache 1 sitec " SITEC_VERSION ".1\n",
		"sitec-cache 2 sitec " SITEC_VERSION "\n",
		"sitec-cache 1 sitec 0" SITEC_VERSION "\n",
		"sitec-cache 1 sitec " SITEC_VERSION " \n",
		"sitec-cache 1 sitec " SITEC_VERSION "\r\n",
	};
	struct text v = { 0 };

	for (size_t i = 0; i < sizeof(headers) / sizeof(headers[0]); i++) {
		text_adds(&v, headers[i]);
		text_add(&v, s + HEADER_LEN, n - HEADER_LEN);
		check_variant(s, n, &v, 0, NULL, "a cache of another version");
	}
	/* A NUL in the middle of the lines, or at the header's end. */
	text_add(&v, s, n);
	v.s[n > HEADER_LEN ? HEADER_LEN + (n - HEADER_LEN) / 2
			   : HEADER_LEN - 1] = 0;
	check_variant(s, n, &v, 0, NULL, "a NUL in a cache");
}

/* The index of the first byte of s[from..to) in set, or to. */
static size_t find_any(const char *s, size_t from, size_t to,
		       const char *set)
{
	for (; from < to; from++)
		if (strchr(set, s[from]) && s[from])
			break;
	return from;
}

/* Variants of a valid cache of one entry or more: its last line broken. */
static void check_last_line_variants(const char *s, size_t n)
{
	size_t name_end = n - LINE_TAIL, fp = name_end + 1;
	size_t digest = fp + FP_HEX + 1, stamp = digest + DIGEST_LEN + 1;
	struct text v = { 0 };
	size_t at;

	text_add(&v, s, n - 1);
	check_variant(s, n, &v, 0, NULL, "a cache without its final newline");

	text_add(&v, s, n - 1);
	text_adds(&v, " 0\n");
	check_variant(s, n, &v, 0, NULL, "a line with a fifth field");

	text_add(&v, s, stamp - 1);
	text_adds(&v, "\n");
	check_variant(s, n, &v, 0, NULL, "a line without its stamp");

	text_add(&v, s, n - 2);
	text_adds(&v, "\n");
	check_variant(s, n, &v, 0, NULL, "a stamp of 15 digits");

	text_add(&v, s, n - 1);
	text_adds(&v, "0\n");
	check_variant(s, n, &v, 0, NULL, "a stamp of 17 digits");

	text_add(&v, s, n);
	v.s[digest] = 'S';
	check_variant(s, n, &v, 0, NULL, "a digest prefix SHA256:");

	text_add(&v, s, n);
	v.s[digest + 3] = '5';
	check_variant(s, n, &v, 0, NULL, "a digest prefix sha556:");

	text_add(&v, s, n);
	v.s[digest + 6] = '-';
	check_variant(s, n, &v, 0, NULL, "a digest prefix sha256-");

	text_add(&v, s, n);
	v.s[digest + 6] = ' ';
	check_variant(s, n, &v, 0, NULL, "a digest prefix without its colon");

	at = find_any(s, stamp, n - 1, "abcdef");
	if (at < n - 1) {
		text_add(&v, s, n);
		v.s[at] = (char)(v.s[at] - 'a' + 'A');
		check_variant(s, n, &v, 0, NULL, "an upper-case stamp");
	}
	at = find_any(s, fp, fp + FP_HEX, "abcdef");
	if (at < fp + FP_HEX) {
		text_add(&v, s, n);
		v.s[at] = (char)(v.s[at] - 'a' + 'A');
		check_variant(s, n, &v, 0, NULL, "an upper-case fingerprint");
	}
	at = find_any(s, digest + 7, stamp - 1, "abcdef");
	if (at < stamp - 1) {
		text_add(&v, s, n);
		v.s[at] = (char)(v.s[at] - 'a' + 'A');
		check_variant(s, n, &v, 0, NULL, "an upper-case digest");
	}
	text_add(&v, s, n);
	v.s[fp + FP_HEX] = '0';
	check_variant(s, n, &v, 0, NULL, "two fields run together");
}

static void check_variants(const char *s, size_t n, bool valid,
			   const struct wants *w)
{
	struct text v = { 0 };
	struct wants got;
	size_t *starts, prefixes = 0;

	check_broken_variants(s, n);
	if (!valid)
		return;

	/* Where each line starts, the header's end first. */
	starts = malloc((w->n + 1) * sizeof(*starts));
	if (!starts)
		abort();
	starts[0] = HEADER_LEN;
	for (size_t i = 0; i < w->n; i++)
		starts[i + 1] = starts[i] + w->w[i].name_len + LINE_TAIL;
	if (starts[w->n] != n)
		violated(s, n, "the lines do not add up to the text");

	for (size_t k = 0; k < w->n && prefixes < MAX_PREFIXES; k++) {
		text_add(&v, s, starts[k]);
		check_variant(s, n, &v, 1, &got, "a prefix of whole lines");
		CHECK(got.n == k, "a prefix has another number of entries");
		for (size_t i = 0; i < k; i++)
			CHECK(same_wants(&got.w[i], &w->w[i]),
			      "a prefix reads its lines otherwise");
		free(got.w);
		text_clear(&v);
		prefixes++;
	}

	text_add(&v, s, HEADER_LEN);
	for (size_t i = w->n; i-- > 0;)
		text_add(&v, s + starts[i], starts[i + 1] - starts[i]);
	check_variant(s, n, &v, 1, &got, "the lines reversed");
	CHECK(got.n == w->n, "reversed, another number of entries");
	for (size_t i = 0; i < w->n; i++)
		CHECK(same_wants(&got.w[i], &w->w[w->n - 1 - i]),
		      "reversed, other entries");
	free(got.w);
	text_clear(&v);

	{
		size_t longest = 0;
		char name[2 + 4096];

		for (size_t i = 0; i < w->n; i++)
			if (w->w[i].name_len > longest)
				longest = w->w[i].name_len;
		if (longest + 1 < sizeof(name)) {
			memset(name, '~', longest + 1);
			name[longest + 1] = 0;
			text_add(&v, s, n);
			text_adds(&v, name);
			text_adds(&v, " ");
			for (int i = 0; i < FP_HEX; i++)
				text_adds(&v, "f");
			text_adds(&v, " sha256:");
			for (int i = 0; i < FP_HEX; i++)
				text_adds(&v, "0");
			text_adds(&v, " 0123456789abcdef\n");
			check_variant(s, n, &v, 1, &got,
				      "a line with a new name appended");
			CHECK(got.n == w->n + 1 &&
			      got.w[w->n].stamp == 0x0123456789abcdefu,
			      "appended, another number of entries");
			free(got.w);
			text_clear(&v);
		}
	}

	if (w->n) {
		text_add(&v, s, n);
		text_add(&v, s + starts[0], starts[1] - starts[0]);
		check_variant(s, n, &v, 0, NULL, "the first line repeated");

		text_add(&v, s, n);
		text_add(&v, s + starts[w->n - 1], n - starts[w->n - 1]);
		check_variant(s, n, &v, 0, NULL, "the last line repeated");

		check_last_line_variants(s, n);
	}
	free(starts);
}

/* --- the three modes ---------------------------------------------------- */

static void check_cache_text(const char *s, size_t n)
{
	struct wants w;
	bool valid = check_text(s, n, &w);

	if (n >= HEADER_LEN && memcmp(s, HEADER, HEADER_LEN) == 0)
		check_variants(s, n, valid, &w);
	free(w.w);
}

static void hex(char *out, const unsigned char *bytes, size_t n)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[bytes[i] >> 4];
		out[2 * i + 1] = digits[bytes[i] & 15];
	}
}

/* Takes n bytes from *data, zeros once it runs out. */
static void take(const uint8_t **data, size_t *size, void *out, size_t n)
{
	size_t have = *size < n ? *size : n;

	memset(out, 0, n);
	if (have)
		memcpy(out, *data, have);
	*data += have;
	*size -= have;
}

/* Mode 2: entries made of the input, formatted, parsed back. */
static void check_entries(const uint8_t *data, size_t size)
{
	struct cache_entry e[MAX_RECORDS];
	char names[MAX_RECORDS][256];
	struct text t = { 0 };
	char *buf = NULL;
	size_t ne = 0, len = 0, cap = 0;
	const char *s = (const char *)data;
	size_t n = size;

	while (size && ne < MAX_RECORDS) {
		unsigned char name_len = data[0], raw[32], stamp[8];
		char *name = names[ne];

		data++, size--;
		take(&data, &size, name, name_len);
		name[name_len] = 0;
		take(&data, &size, e[ne].fp, CACHE_FP_SIZE);
		take(&data, &size, raw, sizeof(raw));
		take(&data, &size, stamp, sizeof(stamp));
		CHECK(cache_name_ok(name) == name_ok_oracle(name, strlen(name)),
		      "cache_name_ok disagrees with the contract");
		if (!cache_name_ok(name))
			continue;
		e[ne].name = name;
		memcpy(e[ne].digest, "sha256:", 7);
		hex(e[ne].digest + 7, raw, sizeof(raw));
		e[ne].digest[DIGEST_LEN] = 0;
		e[ne].stamp = 0;
		for (int i = 0; i < 8; i++)
			e[ne].stamp = e[ne].stamp << 8 | stamp[i];
		ne++;
	}

	cache_format_header(&buf, &len, &cap);
	for (size_t i = 0; i < ne; i++)
		cache_format(&buf, &len, &cap, &e[i]);
	text_add(&t, buf, len);
	free(buf);

	{
		struct wants w;
		bool distinct = true, valid;

		for (size_t i = 0; i < ne; i++)
			for (size_t j = 0; j < i; j++)
				if (strcmp(e[i].name, e[j].name) == 0)
					distinct = false;
		current_text = t.s;
		current_len = t.n;
		valid = check_text(t.s, t.n, &w);
		CHECK(valid == distinct,
		      valid ? "a formatted cache with a name twice parses"
			    : "formatted entries with distinct names do not "
			      "parse");
		if (valid)
			for (size_t i = 0; i < ne; i++)
				CHECK(same_entry(&e[i], &w.w[i]),
				      "a formatted entry parses otherwise");
		current_text = NULL;
		check_variants(t.s, t.n, valid, &w);
		free(w.w);
	}
	free(t.s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct text t = { 0 };

	if (size == 0)
		return 0;
	switch (data[0] % 3) {
	case 0:
		check_cache_text((const char *)data + 1, size - 1);
		break;
	case 1:
		text_adds(&t, HEADER);
		text_add(&t, data + 1, size - 1);
		check_cache_text(t.s, t.n);
		free(t.s);
		break;
	default:
		check_entries(data + 1, size - 1);
		break;
	}
	return 0;
}
