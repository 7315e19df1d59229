/*
 * builtins.c - the builtin functions of LANGUAGE.md section 7.
 *
 * Each builtin is a function of its evaluated arguments; it checks their
 * kinds and values, reports what is wrong at the argument that is wrong
 * (E0504 a wrong kind, E0512 a wrong value, E0515 a secret used as text)
 * and returns NULL, or builds its result in the call's arena. Messages
 * start with the builtin's signature, so the reader sees what was
 * expected: `join(sep, list): argument 2 must be a list, not an object`.
 *
 * Compiled regexes and the files file() reads live in a cache that lasts
 * as long as the fleet, so a profile evaluated for 100,000 sites compiles
 * its regex and reads its file once.
 */
/* realpath() is an XSI interface. */
#define _XOPEN_SOURCE 700

#include "builtins.h"

#include "digest.h"
#include "fleet.h"
#include "formats.h"
#include "hash.h"
#include "utf8.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RANGE_MAX 1000000
#define FILE_MAX ((size_t)16 * 1024 * 1024)
/* The longest string join, replace and format may build. */
#define STRING_MAX ((size_t)256 * 1024 * 1024)
/* Bytes of an argument quoted in a message. */
#define QUOTE_MAX 60

static const char secret_help[] =
	"use the secret as a whole field value: it is emitted as "
	"{\"$secret\": ref} for the runtime to resolve";

/* --- the cache ----------------------------------------------------------- */

enum memo_kind { MEMO_REGEX, MEMO_FILE };

struct builtin_memo_entry {
	struct builtin_memo_entry *next;
	enum memo_kind kind;
	uint64_t hash;
	char *key;		/* the pattern, or the real path; owned */
	size_t keylen;
	regex_t re;		/* MEMO_REGEX */
	struct value *file;	/* MEMO_FILE, in the cache's arena */
};

struct builtin_cache {
	struct builtin_memo_entry **slots;	/* chained; cap is a power of two */
	size_t cap, count;
	struct arena arena;		/* the contents of files read */
};

static uint64_t builtin_memo_hash(enum memo_kind kind, const char *key,
				  size_t len)
{
	return hash_fnv1a_continue(HASH_FNV1A_BASIS ^ (uint64_t)kind, key, len);
}

struct builtin_cache *builtin_cache_new(void)
{
	struct builtin_cache *cache = xmalloc(sizeof(*cache));

	cache->cap = 64;
	cache->count = 0;
	cache->slots = xmalloc(cache->cap * sizeof(*cache->slots));
	memset(cache->slots, 0, cache->cap * sizeof(*cache->slots));
	arena_init(&cache->arena);
	return cache;
}

void builtin_cache_free(struct builtin_cache *cache)
{
	if (!cache)
		return;
	for (size_t i = 0; i < cache->cap; i++) {
		struct builtin_memo_entry *e = cache->slots[i];

		while (e) {
			struct builtin_memo_entry *next = e->next;

			if (e->kind == MEMO_REGEX)
				regfree(&e->re);
			free(e->key);
			free(e);
			e = next;
		}
	}
	free(cache->slots);
	arena_free(&cache->arena);
	free(cache);
}

static struct builtin_memo_entry *
builtin_memo_find(struct builtin_cache *cache, enum memo_kind kind,
		  const char *key, size_t len)
{
	uint64_t h = builtin_memo_hash(kind, key, len);

	for (struct builtin_memo_entry *e = cache->slots[h & (cache->cap - 1)]; e;
	     e = e->next)
		if (e->hash == h && e->kind == kind && e->keylen == len &&
		    memcmp(e->key, key, len) == 0)
			return e;
	return NULL;
}

static void builtin_memo_grow(struct builtin_cache *cache)
{
	size_t cap = cache->cap * 2;
	struct builtin_memo_entry **slots = xmalloc(cap * sizeof(*slots));

	memset(slots, 0, cap * sizeof(*slots));
	for (size_t i = 0; i < cache->cap; i++) {
		struct builtin_memo_entry *e = cache->slots[i];

		while (e) {
			struct builtin_memo_entry *next = e->next;

			e->next = slots[e->hash & (cap - 1)];
			slots[e->hash & (cap - 1)] = e;
			e = next;
		}
	}
	free(cache->slots);
	cache->slots = slots;
	cache->cap = cap;
}

/* A new entry for key (not yet in the cache); the caller fills it in. */
static struct builtin_memo_entry *
builtin_memo_add(struct builtin_cache *cache, enum memo_kind kind,
		 const char *key, size_t len)
{
	struct builtin_memo_entry *e = xmalloc(sizeof(*e));

	if (cache->count >= cache->cap)
		builtin_memo_grow(cache);
	memset(e, 0, sizeof(*e));
	e->kind = kind;
	e->hash = builtin_memo_hash(kind, key, len);
	e->key = xmalloc(len + 1);
	memcpy(e->key, key, len);
	e->key[len] = '\0';
	e->keylen = len;
	e->next = cache->slots[e->hash & (cache->cap - 1)];
	cache->slots[e->hash & (cache->cap - 1)] = e;
	cache->count++;
	return e;
}

/* --- reporting ----------------------------------------------------------- */

/* One call being evaluated. */
struct bcx {
	struct builtin_call *c;
	struct arena *a;
	const char *sig;	/* as messages name the builtin */
};

#define AT_CALL ((size_t)-1)

static struct value *arg(const struct bcx *x, size_t i)
{
	return x->c->args[i];
}

/* The span of argument i, or of the whole call for AT_CALL. */
static struct span arg_span(const struct bcx *x, size_t i)
{
	const struct ast *call = x->c->call;
	struct span none = { NULL, 0, 0 };

	if (!call)
		return none;
	if (call->kind == AST_CALL && i < call->u.call.args.len)
		return call->u.call.args.items[i]->span;
	return call->span;
}

static void fail(struct bcx *x, size_t at, enum diag_code code,
		 const char *help, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void fail(struct bcx *x, size_t at, enum diag_code code,
		 const char *help, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *msg;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		arena_oom();
	msg = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	va_end(ap);

	struct diag *d = diag_new(code, arg_span(x, at), "%s: %s", x->sig, msg);

	if (help)
		diag_help(d, "%s", help);
	diag_emit(x->c->sink, d);
	free(msg);
}

/* "an int", "a list", ... */
static const char *a_kind(enum value_kind kind)
{
	switch (kind) {
	case V_NULL:
		return "null";
	case V_BOOL:
		return "a bool";
	case V_INT:
		return "an int";
	case V_FLOAT:
		return "a float";
	case V_STRING:
		return "a string";
	case V_LIST:
		return "a list";
	case V_OBJECT:
		return "an object";
	case V_SECRET:
		return "a secret";
	}
	return "a value";
}

/* A value as a message quotes it: JSON, cut short. */
static const char *quote(struct bcx *x, const struct value *v)
{
	return value_brief(x->a, v, QUOTE_MAX);
}

/* what: "argument 2", "item 3 of argument 2". */
static void secret_error(struct bcx *x, size_t at, const char *what)
{
	fail(x, at, E0515, secret_help,
	     "%s is a secret, which cannot be used as text; it would be "
	     "emitted as plain text", what);
}

static void secret_arg_error(struct bcx *x, size_t i)
{
	char what[32];

	snprintf(what, sizeof(what), "argument %zu", i + 1);
	secret_error(x, i, what);
}

static void kind_error(struct bcx *x, size_t i, const char *want)
{
	fail(x, i, E0504, NULL, "argument %zu must be %s, not %s", i + 1,
	     want, a_kind(arg(x, i)->kind));
}

/* Argument i as a string; false after reporting it is not one. */
static bool arg_string(struct bcx *x, size_t i, const char **s, size_t *len)
{
	const struct value *v = arg(x, i);

	if (v->kind == V_STRING) {
		*s = v->u.str;
		*len = v->len;
		return true;
	}
	if (v->kind == V_SECRET)
		secret_arg_error(x, i);
	else
		kind_error(x, i, "a string");
	return false;
}

static bool arg_int(struct bcx *x, size_t i, int64_t *out)
{
	const struct value *v = arg(x, i);

	if (v->kind == V_INT) {
		*out = v->u.i;
		return true;
	}
	kind_error(x, i, "an int");
	return false;
}

static const struct value *arg_of(struct bcx *x, size_t i,
				  enum value_kind kind)
{
	const struct value *v = arg(x, i);

	if (v->kind == kind)
		return v;
	kind_error(x, i, a_kind(kind));
	return NULL;
}

/* --- helpers ------------------------------------------------------------- */

#define NOT_FOUND ((size_t)-1)

/* The offset of the first needle in hay, or NOT_FOUND (n >= 1). */
static size_t find_bytes(const char *hay, size_t hlen, const char *needle,
			 size_t n)
{
	const char *p = hay, *end = hay + hlen;

	while ((size_t)(end - p) >= n) {
		p = memchr(p, needle[0], (size_t)(end - p) - n + 1);
		if (!p)
			return NOT_FOUND;
		if (memcmp(p, needle, n) == 0)
			return (size_t)(p - hay);
		p++;
	}
	return NOT_FOUND;
}

static size_t count_code_points(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static bool holds_secret(const struct value *v)
{
	switch (v->kind) {
	case V_SECRET:
		return true;
	case V_LIST:
		for (uint32_t i = 0; i < v->len; i++)
			if (holds_secret(v->u.items[i]))
				return true;
		return false;
	case V_OBJECT:
		for (uint32_t i = 0; i < v->len; i++)
			if (holds_secret(v->u.fields[i].value))
				return true;
		return false;
	default:
		return false;
	}
}

static bool too_long(struct bcx *x, size_t len)
{
	if (len <= STRING_MAX)
		return false;
	fail(x, AT_CALL, E0512, NULL,
	     "the result would be longer than %zu MiB", STRING_MAX >> 20);
	return true;
}

/*
 * A growable byte buffer on the heap, for results built piece by piece.
 * It never grows past STRING_MAX: what would is dropped and overflow set,
 * so a runaway format() is refused before its memory is spent.
 */
struct buf {
	char *data;
	size_t len, cap;
	bool overflow;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->overflow || n > STRING_MAX - b->len) {
		b->overflow = true;
		return;
	}
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap : 64;

		while (cap < b->len + n)
			cap *= 2;
		if (cap > STRING_MAX)
			cap = STRING_MAX;
		b->data = xrealloc(b->data, cap);
		b->cap = cap;
	}
	if (n)
		memcpy(b->data + b->len, s, n);
	b->len += n;
}

/* A shallow copy with no provenance: the caller gives the result its own. */
static struct value *fresh_copy(struct bcx *x, const struct value *v)
{
	struct value *c = value_copy(x->a, v);

	c->expr = NULL;
	c->op = NULL;
	return c;
}

static struct value *string_of(struct bcx *x, const char *s, size_t n)
{
	return value_string(x->a, s, n);
}

/* --- objects, lists, numbers --------------------------------------------- */

static struct value *bi_len(struct bcx *x)
{
	const struct value *v = arg(x, 0);

	switch (v->kind) {
	case V_STRING:
		return value_int(x->a,
				 (int64_t)count_code_points(v->u.str, v->len));
	case V_LIST:
	case V_OBJECT:
		return value_int(x->a, v->len);
	case V_SECRET:
		secret_arg_error(x, 0);
		return NULL;
	default:
		kind_error(x, 0, "a string, a list or an object");
		return NULL;
	}
}

static struct value *bi_keys(struct bcx *x)
{
	const struct value *obj = arg_of(x, 0, V_OBJECT);
	struct value_builder b;

	if (!obj)
		return NULL;
	value_build_init(&b, x->a);
	for (uint32_t i = 0; i < obj->len; i++)
		value_build_push(&b, string_of(x, obj->u.fields[i].key,
					       obj->u.fields[i].keylen));
	return value_build_list(&b);
}

static struct value *bi_values(struct bcx *x)
{
	const struct value *obj = arg_of(x, 0, V_OBJECT);
	struct value_builder b;

	if (!obj)
		return NULL;
	value_build_init(&b, x->a);
	for (uint32_t i = 0; i < obj->len; i++)
		value_build_push(&b, obj->u.fields[i].value);
	return value_build_list(&b);
}

static struct value *bi_contains(struct bcx *x)
{
	const struct value *hay = arg(x, 0);
	const char *s;
	size_t n;

	if (hay->kind == V_LIST) {
		for (uint32_t i = 0; i < hay->len; i++)
			if (value_equal(hay->u.items[i], arg(x, 1)))
				return value_bool(x->a, true);
		return value_bool(x->a, false);
	}
	if (hay->kind == V_SECRET) {
		secret_arg_error(x, 0);
		return NULL;
	}
	if (hay->kind != V_STRING) {
		kind_error(x, 0, "a list or a string");
		return NULL;
	}
	if (!arg_string(x, 1, &s, &n))
		return NULL;
	return value_bool(x->a, n == 0 ||
			  find_bytes(hay->u.str, hay->len, s, n) != NOT_FOUND);
}

static struct value *bi_has(struct bcx *x)
{
	const struct value *obj = arg_of(x, 0, V_OBJECT);
	const char *key;
	size_t n;

	if (!obj || !arg_string(x, 1, &key, &n))
		return NULL;
	return value_bool(x->a, value_find(obj, key, n) >= 0);
}

static struct value *bi_range(struct bcx *x)
{
	int64_t from = 0, to;
	struct value **items;
	uint64_t n;

	if (x->c->nargs == 1) {
		if (!arg_int(x, 0, &to))
			return NULL;
	} else if (!arg_int(x, 0, &from) || !arg_int(x, 1, &to)) {
		return NULL;
	}
	if (from >= to)
		return value_list(x->a, NULL, 0);
	n = (uint64_t)to - (uint64_t)from;
	if (n > RANGE_MAX) {
		fail(x, x->c->nargs == 1 ? 0 : AT_CALL, E0512, NULL,
		     "%" PRIu64 " items is more than the limit of %d", n,
		     RANGE_MAX);
		return NULL;
	}
	items = arena_alloc(x->a, n * sizeof(*items));
	for (uint64_t k = 0; k < n; k++)
		items[k] = value_int(x->a, from + (int64_t)k);
	return value_list(x->a, items, n);
}

/*
 * Checks that the items of list argument i can be ordered: all numbers
 * or all strings, and no NaN.
 */
static bool check_orderable(struct bcx *x, size_t i, const struct value *l)
{
	bool numbers;

	if (l->len == 0)
		return true;
	numbers = value_is_number(l->u.items[0]);
	if (!numbers && l->u.items[0]->kind != V_STRING) {
		fail(x, i, E0504, NULL,
		     "item 1 of argument %zu is %s; items must be all numbers "
		     "or all strings", i + 1, a_kind(l->u.items[0]->kind));
		return false;
	}
	for (uint32_t k = 0; k < l->len; k++) {
		const struct value *v = l->u.items[k];

		if (numbers ? !value_is_number(v) : v->kind != V_STRING) {
			fail(x, i, E0504, NULL,
			     "item %" PRIu32 " of argument %zu is %s, but item "
			     "1 is %s; items must be all numbers or all "
			     "strings",
			     k + 1, i + 1, a_kind(v->kind),
			     numbers ? "a number" : "a string");
			return false;
		}
		if (v->kind == V_FLOAT && isnan(v->u.f)) {
			fail(x, i, E0512, NULL,
			     "item %" PRIu32 " of argument %zu is NaN, which "
			     "cannot be ordered", k + 1, i + 1);
			return false;
		}
	}
	return true;
}

/* want: -1 for the least item, 1 for the greatest; ties keep the first. */
static struct value *extreme(struct bcx *x, int want)
{
	const struct value *l = arg_of(x, 0, V_LIST);
	const struct value *best;
	bool ok;

	if (!l)
		return NULL;
	if (l->len == 0) {
		fail(x, 0, E0512, NULL, "argument 1 is an empty list");
		return NULL;
	}
	if (!check_orderable(x, 0, l))
		return NULL;
	best = l->u.items[0];
	for (uint32_t k = 1; k < l->len; k++)
		if (value_compare(l->u.items[k], best, &ok) == want)
			best = l->u.items[k];
	return fresh_copy(x, best);
}

static struct value *bi_min(struct bcx *x)
{
	return extreme(x, -1);
}

static struct value *bi_max(struct bcx *x)
{
	return extreme(x, 1);
}

static struct value *bi_abs(struct bcx *x)
{
	const struct value *v = arg(x, 0);

	if (v->kind == V_INT) {
		if (v->u.i == INT64_MIN) {
			fail(x, 0, E0506, NULL,
			     "the absolute value of %" PRId64 " does not fit "
			     "in 64 bits", v->u.i);
			return NULL;
		}
		return value_int(x->a, v->u.i < 0 ? -v->u.i : v->u.i);
	}
	if (v->kind == V_FLOAT)
		return value_float(x->a, fabs(v->u.f));
	kind_error(x, 0, "a number");
	return NULL;
}

/* --- strings ------------------------------------------------------------- */

static struct value *change_case(struct bcx *x, bool up)
{
	const char *s;
	size_t n;
	char *out;

	if (!arg_string(x, 0, &s, &n))
		return NULL;
	out = arena_strndup(x->a, s, n);
	for (size_t i = 0; i < n; i++) {
		if (up && out[i] >= 'a' && out[i] <= 'z')
			out[i] = (char)(out[i] - 'a' + 'A');
		else if (!up && out[i] >= 'A' && out[i] <= 'Z')
			out[i] = (char)(out[i] - 'A' + 'a');
	}
	return value_string_ref(x->a, out, n);
}

static struct value *bi_upper(struct bcx *x)
{
	return change_case(x, true);
}

static struct value *bi_lower(struct bcx *x)
{
	return change_case(x, false);
}

static bool is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' ||
	       c == '\r';
}

static struct value *bi_trim(struct bcx *x)
{
	const char *s;
	size_t n;

	if (!arg_string(x, 0, &s, &n))
		return NULL;
	while (n > 0 && is_ascii_space(*s)) {
		s++;
		n--;
	}
	while (n > 0 && is_ascii_space(s[n - 1]))
		n--;
	return string_of(x, s, n);
}

static struct value *bi_split(struct bcx *x)
{
	const char *s, *sep;
	size_t n, seplen, k;
	struct value_builder b;

	if (!arg_string(x, 0, &s, &n) || !arg_string(x, 1, &sep, &seplen))
		return NULL;
	if (seplen == 0) {
		fail(x, 1, E0512, NULL,
		     "argument 2 is an empty string; the separator must not "
		     "be empty");
		return NULL;
	}
	value_build_init(&b, x->a);
	while ((k = find_bytes(s, n, sep, seplen)) != NOT_FOUND) {
		value_build_push(&b, string_of(x, s, k));
		s += k + seplen;
		n -= k + seplen;
	}
	value_build_push(&b, string_of(x, s, n));
	return value_build_list(&b);
}

static struct value *bi_join(struct bcx *x)
{
	const char *sep, **texts;
	size_t seplen, *lens, total = 0;
	const struct value *l;
	char *out, *p;

	if (!arg_string(x, 0, &sep, &seplen))
		return NULL;
	if (!(l = arg_of(x, 1, V_LIST)))
		return NULL;
	texts = arena_alloc(x->a, (l->len + 1) * sizeof(*texts));
	lens = arena_alloc(x->a, (l->len + 1) * sizeof(*lens));
	for (uint32_t i = 0; i < l->len; i++) {
		const struct value *v = l->u.items[i];

		if (v->kind == V_SECRET) {
			char what[48];

			snprintf(what, sizeof(what), "item %" PRIu32
				 " of argument 2", i + 1);
			secret_error(x, 1, what);
			return NULL;
		}
		if (v->kind != V_STRING && !value_is_number(v) &&
		    v->kind != V_BOOL) {
			fail(x, 1, E0504, NULL,
			     "item %" PRIu32 " of argument 2 is %s; items must "
			     "be strings, numbers or bools", i + 1,
			     a_kind(v->kind));
			return NULL;
		}
		texts[i] = value_scalar_text(x->a, v, &lens[i]);
		total += lens[i] + (i ? seplen : 0);
	}
	if (too_long(x, total))
		return NULL;
	p = out = arena_alloc(x->a, total + 1);
	for (uint32_t i = 0; i < l->len; i++) {
		if (i) {
			memcpy(p, sep, seplen);
			p += seplen;
		}
		memcpy(p, texts[i], lens[i]);
		p += lens[i];
	}
	*p = '\0';
	return value_string_ref(x->a, out, total);
}

static struct value *bi_replace(struct bcx *x)
{
	const char *s, *old, *new;
	size_t n, oldlen, newlen, count = 0, k, total;
	struct buf b = { NULL, 0, 0, false };
	struct value *v;

	if (!arg_string(x, 0, &s, &n) || !arg_string(x, 1, &old, &oldlen) ||
	    !arg_string(x, 2, &new, &newlen))
		return NULL;
	if (oldlen == 0) {
		fail(x, 1, E0512, NULL,
		     "argument 2 is an empty string; there is nothing to "
		     "replace");
		return NULL;
	}
	for (size_t at = 0; (k = find_bytes(s + at, n - at, old, oldlen)) !=
			    NOT_FOUND; at += k + oldlen)
		count++;
	total = n - count * oldlen + count * newlen;
	if (too_long(x, total))
		return NULL;
	while ((k = find_bytes(s, n, old, oldlen)) != NOT_FOUND) {
		buf_add(&b, s, k);
		buf_add(&b, new, newlen);
		s += k + oldlen;
		n -= k + oldlen;
	}
	buf_add(&b, s, n);
	v = string_of(x, b.data ? b.data : "", b.len);
	free(b.data);
	return v;
}

static struct value *bi_startswith(struct bcx *x)
{
	const char *s, *p;
	size_t n, plen;

	if (!arg_string(x, 0, &s, &n) || !arg_string(x, 1, &p, &plen))
		return NULL;
	return value_bool(x->a, plen <= n && memcmp(s, p, plen) == 0);
}

static struct value *bi_endswith(struct bcx *x)
{
	const char *s, *p;
	size_t n, plen;

	if (!arg_string(x, 0, &s, &n) || !arg_string(x, 1, &p, &plen))
		return NULL;
	return value_bool(x->a,
			  plen <= n && memcmp(s + n - plen, p, plen) == 0);
}

/* --- format -------------------------------------------------------------- */

static const char *plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/*
 * Checks the verbs of the format against the values given: an unknown
 * verb, a lone % at the end, or a count that does not match.
 */
static bool format_check(struct bcx *x, const char *fmt, size_t n)
{
	size_t verbs = 0, values = x->c->nargs - 1;
	char missing = 0;

	for (size_t i = 0; i < n; i++) {
		if (fmt[i] != '%')
			continue;
		if (i + 1 == n) {
			fail(x, 0, E0512, "write %% for a percent sign",
			     "the format ends with a lone %%");
			return false;
		}
		char c = fmt[++i];

		if (c == '%')
			continue;
		if (c != 's' && c != 'd' && c != 'v') {
			const unsigned char *u = (const unsigned char *)fmt;
			int w = utf8_char_length(u + i, n - i);

			fail(x, 0, E0512, "the verbs are %s, %d, %v and %%",
			     "unknown verb %%%.*s at character %zu of the "
			     "format", w > 0 ? w : 1, fmt + i,
			     count_code_points(fmt, i - 1) + 1);
			return false;
		}
		if (++verbs == values + 1)
			missing = c;
	}
	if (verbs > values) {
		fail(x, AT_CALL, E0512, NULL,
		     "the format has %zu %s but %zu %s given; verb %zu (%%%c) "
		     "has none", verbs, plural(verbs, "verb", "verbs"), values,
		     plural(values, "value is", "values are"), values + 1,
		     missing);
		return false;
	}
	if (verbs < values) {
		fail(x, AT_CALL, E0512, NULL,
		     "the format has %zu %s but %zu %s given", verbs,
		     plural(verbs, "verb", "verbs"), values,
		     plural(values, "value is", "values are"));
		return false;
	}
	return true;
}

/* Appends the text argument i gives to verb c, or reports why it cannot. */
static bool format_value(struct bcx *x, struct buf *b, char c, size_t i)
{
	const struct value *v = arg(x, i);
	const char *text;
	size_t len;

	if (holds_secret(v)) {
		char what[48];

		if (v->kind == V_SECRET)
			snprintf(what, sizeof(what), "argument %zu", i + 1);
		else
			snprintf(what, sizeof(what),
				 "an item inside argument %zu", i + 1);
		secret_error(x, i, what);
		return false;
	}
	if (c == 'd' && v->kind != V_INT) {
		fail(x, i, E0504, NULL,
		     "argument %zu must be an int for %%d, not %s", i + 1,
		     a_kind(v->kind));
		return false;
	}
	if (v->kind == V_LIST || v->kind == V_OBJECT) {
		if (c == 's') {
			fail(x, i, E0504, "use %v to write a list or an object",
			     "argument %zu must be a scalar for %%s, not %s",
			     i + 1, a_kind(v->kind));
			return false;
		}
		unsigned depth, max;
		char *json = value_to_json_output(v, &depth, &max);

		if (!json) {
			fail(x, i, E0518, VALUE_JSON_DEPTH_HELP, "argument %zu is "
			     "nested %u levels deep; JSON text takes at most "
			     "%u", i + 1, depth, max);
			return false;
		}
		buf_add(b, json, strlen(json));
		free(json);
		return true;
	}
	text = value_scalar_text(x->a, v, &len);
	buf_add(b, text, len);
	return true;
}

static struct value *bi_format(struct bcx *x)
{
	const char *fmt;
	size_t n, next = 1;
	struct buf b = { NULL, 0, 0, false };
	struct value *v = NULL;

	if (!arg_string(x, 0, &fmt, &n) || !format_check(x, fmt, n))
		return NULL;
	for (size_t i = 0; i < n; i++) {
		size_t run = i;

		while (i < n && fmt[i] != '%')
			i++;
		buf_add(&b, fmt + run, i - run);
		if (i == n)
			break;
		i++;
		if (fmt[i] == '%')
			buf_add(&b, "%", 1);
		else if (!format_value(x, &b, fmt[i], next++))
			goto out;
		if (b.overflow)
			break;
	}
	if (b.overflow)
		too_long(x, SIZE_MAX);
	else
		v = string_of(x, b.data ? b.data : "", b.len);
out:
	free(b.data);
	return v;
}

/* --- regex_match --------------------------------------------------------- */

/* The compiled re, from the cache or compiled now; NULL after an error. */
static regex_t *compile_regex(struct bcx *x, const char *re, size_t len,
			      regex_t *scratch)
{
	struct builtin_cache *cache = x->c->cache;
	struct builtin_memo_entry *e;
	int rc;

	if (cache && (e = builtin_memo_find(cache, MEMO_REGEX, re, len)))
		return &e->re;
	rc = regcomp(scratch, re, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		char why[256];

		regerror(rc, scratch, why, sizeof(why));
		fail(x, 1, E0512,
		     "the pattern is a POSIX extended regular expression",
		     "invalid regular expression %s: %s", quote(x, arg(x, 1)),
		     why);
		return NULL;
	}
	if (!cache)
		return scratch;
	e = builtin_memo_add(cache, MEMO_REGEX, re, len);
	e->re = *scratch;
	return &e->re;
}

static struct value *bi_regex_match(struct bcx *x)
{
	const char *s, *pattern;
	size_t n, plen;
	regex_t scratch, *re;
	int rc;
	struct value *v = NULL;

	if (!arg_string(x, 0, &s, &n) || !arg_string(x, 1, &pattern, &plen))
		return NULL;
	if (!(re = compile_regex(x, pattern, plen, &scratch)))
		return NULL;
	rc = regexec(re, s, 0, NULL, 0);
	if (rc == 0 || rc == REG_NOMATCH) {
		v = value_bool(x->a, rc == 0);
	} else {
		char why[256];

		regerror(rc, re, why, sizeof(why));
		fail(x, 0, E0512, NULL, "cannot match argument 1: %s", why);
	}
	if (re == &scratch)
		regfree(&scratch);
	return v;
}

/* --- conversions --------------------------------------------------------- */

static struct value *bi_to_string(struct bcx *x)
{
	const struct value *v = arg(x, 0);
	const char *text;
	size_t len;

	if (v->kind == V_SECRET) {
		secret_arg_error(x, 0);
		return NULL;
	}
	if (v->kind == V_LIST || v->kind == V_OBJECT) {
		if (holds_secret(v)) {
			secret_error(x, 0, "an item inside argument 1");
			return NULL;
		}
		unsigned depth, max;
		char *json = value_to_json_output(v, &depth, &max);

		if (!json) {
			fail(x, 0, E0518, VALUE_JSON_DEPTH_HELP, "argument 1 is "
			     "nested %u levels deep; JSON text takes at most "
			     "%u", depth, max);
			return NULL;
		}
		struct value *s = string_of(x, json, strlen(json));

		free(json);
		return s;
	}
	if (v->kind == V_STRING)
		return fresh_copy(x, v);
	text = value_scalar_text(x->a, v, &len);
	return value_string_ref(x->a, text, len);
}

/* Parses [+-]digits into *out; false if s is not that or overflows. */
static bool parse_decimal(const char *s, size_t n, int64_t *out,
			  bool *overflow)
{
	bool neg = false;
	int64_t acc = 0;	/* accumulated negatively: INT64_MIN fits */
	size_t i = 0;

	*overflow = false;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		neg = s[i++] == '-';
	if (i == n)
		return false;
	for (; i < n; i++) {
		int d;

		if (s[i] < '0' || s[i] > '9')
			return false;
		d = s[i] - '0';
		if (acc < (INT64_MIN + d) / 10) {
			*overflow = true;
			return false;
		}
		acc = acc * 10 - d;
	}
	if (!neg) {
		if (acc == INT64_MIN) {
			*overflow = true;
			return false;
		}
		acc = -acc;
	}
	*out = acc;
	return true;
}

static struct value *bi_to_int(struct bcx *x)
{
	const struct value *v = arg(x, 0);
	int64_t i;
	bool overflow;

	switch (v->kind) {
	case V_INT:
		return fresh_copy(x, v);
	case V_FLOAT: {
		double t = trunc(v->u.f);

		if (!isfinite(t) || t < -0x1p63 || t >= 0x1p63) {
			char text[48];

			value_format_double(text, sizeof(text), v->u.f);
			fail(x, 0, E0512, NULL,
			     "argument 1 (%s) is outside the range of a 64-bit "
			     "int", text);
			return NULL;
		}
		return value_int(x->a, (int64_t)t);
	}
	case V_STRING:
		if (parse_decimal(v->u.str, v->len, &i, &overflow))
			return value_int(x->a, i);
		if (overflow)
			fail(x, 0, E0512, NULL,
			     "argument 1 (%s) does not fit in a 64-bit int",
			     quote(x, v));
		else
			fail(x, 0, E0512,
			     "write an optional sign and decimal digits, such "
			     "as \"-42\"",
			     "argument 1 (%s) is not a decimal integer",
			     quote(x, v));
		return NULL;
	case V_SECRET:
		secret_arg_error(x, 0);
		return NULL;
	default:
		kind_error(x, 0, "an int, a float or a string");
		return NULL;
	}
}

/* --- sort, unique, flatten, merge ---------------------------------------- */

/* A stable merge sort of items[0..n) by value_compare, using tmp. */
static void merge_sort(struct value **items, struct value **tmp, size_t n)
{
	size_t half = n / 2, i = 0, j = half, k = 0;
	bool ok;

	if (n < 2)
		return;
	merge_sort(items, tmp, half);
	merge_sort(items + half, tmp, n - half);
	while (i < half && j < n) {
		if (value_compare(items[j], items[i], &ok) < 0)
			tmp[k++] = items[j++];
		else
			tmp[k++] = items[i++];
	}
	while (i < half)
		tmp[k++] = items[i++];
	while (j < n)
		tmp[k++] = items[j++];
	memcpy(items, tmp, n * sizeof(*items));
}

static struct value *bi_sort(struct bcx *x)
{
	const struct value *l = arg_of(x, 0, V_LIST);
	struct value *out;

	if (!l || !check_orderable(x, 0, l))
		return NULL;
	out = value_list(x->a, l->u.items, l->len);
	if (l->len > 1)
		merge_sort(out->u.items,
			   arena_alloc(x->a, l->len * sizeof(*l->u.items)),
			   l->len);
	return out;
}

static uint64_t mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

/* A hash that agrees with value_equal: 1 and 1.0 hash alike, and an
 * object's hash does not depend on the order of its keys. */
static uint64_t value_hash(const struct value *v)
{
	uint64_t h = (uint64_t)v->kind * 0x9e3779b97f4a7c15ULL, sum = 0;
	double f;

	switch (v->kind) {
	case V_NULL:
		return mix(h);
	case V_BOOL:
		return mix(h + v->u.b);
	case V_INT:
		return mix((uint64_t)v->u.i ^ 0x5bd1e995ULL);
	case V_FLOAT:
		f = v->u.f;
		if (f == trunc(f) && f >= -0x1p63 && f < 0x1p63)
			return mix((uint64_t)(int64_t)f ^ 0x5bd1e995ULL);
		{
			uint64_t bits;

			memcpy(&bits, &f, sizeof(bits));
			return mix(bits);
		}
	case V_STRING:
	case V_SECRET:
		return mix(hash_fnv1a_continue(h, v->u.str, v->len));
	case V_LIST:
		for (uint32_t i = 0; i < v->len; i++)
			h = mix(h ^ value_hash(v->u.items[i]));
		return mix(h + v->len);
	case V_OBJECT:
		for (uint32_t i = 0; i < v->len; i++) {
			const struct value_field *fl = &v->u.fields[i];

			sum += mix(hash_fnv1a(fl->key, fl->keylen) ^
				   value_hash(fl->value));
		}
		return mix(h + sum + v->len);
	}
	return h;
}

static struct value *bi_unique(struct bcx *x)
{
	const struct value *l = arg_of(x, 0, V_LIST);
	struct value_builder b;
	uint32_t *slots, mask;
	size_t cap = 8;

	if (!l)
		return NULL;
	while (cap < (size_t)l->len * 2)
		cap *= 2;
	mask = (uint32_t)(cap - 1);
	slots = arena_zalloc(x->a, cap * sizeof(*slots));	/* index + 1 */
	value_build_init(&b, x->a);
	for (uint32_t i = 0; i < l->len; i++) {
		struct value *v = l->u.items[i];
		uint32_t s = (uint32_t)value_hash(v) & mask;
		bool seen = false;

		for (; slots[s]; s = (s + 1) & mask) {
			if (value_equal(b.items[slots[s] - 1], v)) {
				seen = true;
				break;
			}
		}
		if (seen)
			continue;
		value_build_push(&b, v);
		slots[s] = b.len;
	}
	return value_build_list(&b);
}

static void flatten_into(struct value_builder *b, const struct value *l)
{
	for (uint32_t i = 0; i < l->len; i++) {
		if (l->u.items[i]->kind == V_LIST)
			flatten_into(b, l->u.items[i]);
		else
			value_build_push(b, l->u.items[i]);
	}
}

static struct value *bi_flatten(struct bcx *x)
{
	const struct value *l = arg_of(x, 0, V_LIST);
	struct value_builder b;

	if (!l)
		return NULL;
	value_build_init(&b, x->a);
	flatten_into(&b, l);
	return value_build_list(&b);
}

static struct value *merge_objects(struct arena *a, const struct value *l,
				   const struct value *r);

/* Merges obj's fields into b: objects deeply, anything else replaced. */
static void merge_fields(struct arena *a, struct value_builder *b,
			 const struct value *obj)
{
	for (uint32_t i = 0; i < obj->len; i++) {
		const struct value_field *f = &obj->u.fields[i];
		struct value *v = f->value;

		for (uint32_t k = 0; k < b->len; k++) {
			struct value_field *old = &b->fields[k];

			if (old->keylen == f->keylen &&
			    memcmp(old->key, f->key, f->keylen) == 0 &&
			    old->value->kind == V_OBJECT &&
			    v->kind == V_OBJECT) {
				v = merge_objects(a, old->value, v);
				break;
			}
		}
		value_build_set(b, f->key, f->keylen, v);
	}
}

static struct value *merge_objects(struct arena *a, const struct value *l,
				   const struct value *r)
{
	struct value_builder b;

	value_build_init(&b, a);
	merge_fields(a, &b, l);
	merge_fields(a, &b, r);
	return value_build_object(&b);
}

static struct value *bi_merge(struct bcx *x)
{
	struct value_builder b;

	for (size_t i = 0; i < x->c->nargs; i++)
		if (!arg_of(x, i, V_OBJECT))
			return NULL;
	value_build_init(&b, x->a);
	for (size_t i = 0; i < x->c->nargs; i++)
		merge_fields(x->a, &b, arg(x, i));
	return value_build_object(&b);
}

/* --- CIDR ---------------------------------------------------------------- */

static void set_bit(unsigned char *addr, unsigned bit, bool on)
{
	unsigned char m = (unsigned char)(0x80u >> (bit % 8));

	if (on)
		addr[bit / 8] |= m;
	else
		addr[bit / 8] &= (unsigned char)~m;
}

/* Parses argument i as a value of format cidr (formats.h: the rule and
 * the reason of E0604, so a prefix a field refuses is refused here too). */
static bool parse_cidr(struct bcx *x, size_t i, struct cidr *out)
{
	const char *s;
	size_t n;
	char why[160], fix[64], help[96];
	struct format_why w = { why, sizeof(why), fix, sizeof(fix) };

	if (!arg_string(x, i, &s, &n))
		return false;
	if (format_cidr_parse(s, n, out, &w))
		return true;
	if (fix[0])
		snprintf(help, sizeof(help), "did you mean \"%s\"?", fix);
	fail(x, i, E0512, fix[0] ? help : NULL,
	     "argument %zu (%s) is not a cidr: %s", i + 1,
	     quote(x, arg(x, i)), why);
	return false;
}

/* addr += n or addr -= n, over the address's bytes (big-endian). */
static void add_to_address(unsigned char *addr, unsigned bytes, uint64_t n,
			   bool subtract)
{
	unsigned carry = 0;

	for (unsigned k = bytes; k-- > 0;) {
		unsigned d = (unsigned)(n & 0xFF) + carry;

		n >>= 8;
		if (subtract) {
			carry = addr[k] < d;
			addr[k] = (unsigned char)(addr[k] - d);
		} else {
			unsigned sum = addr[k] + d;

			carry = sum > 0xFF;
			addr[k] = (unsigned char)sum;
		}
	}
}

static struct value *address_text(struct bcx *x, const struct cidr *c,
				  int prefix)
{
	char text[INET6_ADDRSTRLEN + 8];

	inet_ntop(c->family, c->addr, text, INET6_ADDRSTRLEN);
	if (prefix >= 0)
		snprintf(text + strlen(text), sizeof(text) - strlen(text),
			 "/%d", prefix);
	return string_of(x, text, strlen(text));
}

static struct value *bi_cidrhost(struct bcx *x)
{
	struct cidr c;
	int64_t n;
	unsigned hostbits;

	if (!parse_cidr(x, 0, &c) || !arg_int(x, 1, &n))
		return NULL;
	hostbits = c.bits - c.prefix;
	/* -1 is the last address, so -n - 1 counts back from it. */
	uint64_t offset = n >= 0 ? (uint64_t)n : (uint64_t)(-(n + 1));

	if (hostbits < 64 && offset >> hostbits) {
		fail(x, 1, E0512,
		     "a negative host number counts from the end: -1 is the "
		     "last address",
		     "host number %" PRId64 " is outside %s, which holds %"
		     PRIu64 " %s", n, quote(x, arg(x, 0)),
		     (uint64_t)1 << hostbits,
		     hostbits ? "addresses" : "address");
		return NULL;
	}
	if (n < 0)
		for (unsigned b = c.prefix; b < c.bits; b++)
			set_bit(c.addr, b, true);
	add_to_address(c.addr, c.bits / 8, offset, n < 0);
	return address_text(x, &c, -1);
}

static struct value *bi_cidrsubnet(struct bcx *x)
{
	struct cidr c;
	int64_t newbits, num;

	if (!parse_cidr(x, 0, &c) || !arg_int(x, 1, &newbits) ||
	    !arg_int(x, 2, &num))
		return NULL;
	if (newbits < 0 || newbits > 32) {
		fail(x, 1, E0512, NULL,
		     "argument 2 is %" PRId64 "; a prefix can be extended by "
		     "0 to 32 bits", newbits);
		return NULL;
	}
	if (c.prefix + (unsigned)newbits > c.bits) {
		fail(x, 1, E0512, NULL,
		     "%s cannot be extended by %" PRId64 " bits: /%u + %"
		     PRId64 " is more than /%u", quote(x, arg(x, 0)), newbits,
		     c.prefix, newbits, c.bits);
		return NULL;
	}
	if (num < 0 || (uint64_t)num >> newbits) {
		fail(x, 2, E0512, NULL,
		     "subnet number %" PRId64 " does not fit in %" PRId64
		     " new bits (0 to %" PRIu64 ")", num, newbits,
		     ((uint64_t)1 << newbits) - 1);
		return NULL;
	}
	for (unsigned k = 0; k < (unsigned)newbits; k++)
		set_bit(c.addr, c.prefix + k,
			((uint64_t)num >> (newbits - 1 - k)) & 1);
	return address_text(x, &c, (int)(c.prefix + (unsigned)newbits));
}

/* --- base64, sha256 ------------------------------------------------------ */

static struct value *bi_base64(struct bcx *x)
{
	const char *s;
	size_t n, len;
	char *out;

	if (!arg_string(x, 0, &s, &n))
		return NULL;
	out = arena_alloc(x->a, DIGEST_BASE64_SIZE(n));
	len = digest_base64_encode(s, n, out);
	return value_string_ref(x->a, out, len);
}

static struct value *bi_sha256(struct bcx *x)
{
	const char *s;
	size_t n;
	char text[DIGEST_SHA256_TEXT_SIZE];

	if (!arg_string(x, 0, &s, &n))
		return NULL;
	if (digest_sha256_text(s, n, text) != 0) {
		fail(x, 0, E0512, NULL, "sha256(s): libcrypto failed");
		return NULL;
	}
	/* the hex digits without the "sha256:" */
	return string_of(x, text + 7, sizeof(text) - 8);
}

/* --- file, secret -------------------------------------------------------- */

/* The path as written, joined to the directory of the calling file. */
static char *join_to_caller(struct bcx *x, const char *path, size_t n)
{
	const struct ast *call = x->c->call;
	const char *from = x->c->base_file ? x->c->base_file
			   : call && call->span.src ? call->span.src->path : NULL;
	const char *slash = from ? strrchr(from, '/') : NULL;
	size_t dlen = slash ? (size_t)(slash - from) : 1;
	char *full;

	if (path[0] == '/')
		return arena_strndup(x->a, path, n);
	if (slash == from && slash)
		dlen = 0;	/* a file in "/" */
	full = arena_alloc(x->a, dlen + 1 + n + 1);
	memcpy(full, slash ? from : ".", dlen);
	full[dlen] = '/';
	memcpy(full + dlen + 1, path, n);
	full[dlen + 1 + n] = '\0';
	return full;
}

static bool inside(const char *real, const char *root)
{
	size_t n = strlen(root);

	if (strcmp(root, "/") == 0)
		return real[0] == '/';
	return strncmp(real, root, n) == 0 &&
	       (real[n] == '\0' || real[n] == '/');
}

/*
 * target relative to dir (both absolute, resolved): "../outside.txt".
 * Diagnostics show this rather than an absolute path, so that their text
 * does not depend on where the fleet is checked out.
 */
static const char *relative_path(struct arena *a, const char *dir,
				 const char *target)
{
	size_t common = 0, ups = 0, len;
	const char *rest;
	char *out, *p;

	/* the longest shared prefix that ends at a component boundary */
	for (size_t i = 0;; i++) {
		char d = dir[i], t = target[i];

		if ((d == '/' || d == '\0') && (t == '/' || t == '\0'))
			common = i;
		if (d == '\0' || t == '\0' || d != t)
			break;
	}
	for (const char *c = dir + common; *c; c++)
		if (*c == '/' && c[1] != '/' && c[1] != '\0')
			ups++;
	rest = target + common;
	while (*rest == '/')
		rest++;
	len = ups * 3 + strlen(rest);
	p = out = arena_alloc(a, len + 2);
	for (size_t i = 0; i < ups; i++, p += 3)
		memcpy(p, "../", 3);
	strcpy(p, rest);
	if (len == 0)
		strcpy(out, ".");
	else if (!*rest)
		p[-1] = '\0';	/* "../.." rather than "../../" */
	return out;
}

/* Whether data[0..n) is UTF-8 text without NUL; reports why not. */
static bool is_text(struct bcx *x, const char *name, const char *data,
		    size_t n)
{
	for (size_t i = 0; i < n;) {
		int w = utf8_char_length((const unsigned char *)data + i,
					     n - i);

		if (data[i] == '\0') {
			fail(x, 0, E0514, "file() reads UTF-8 text",
			     "%s holds a NUL byte at offset %zu", name, i);
			return false;
		}
		if (w == 0) {
			fail(x, 0, E0514, "file() reads UTF-8 text",
			     "%s is not UTF-8: invalid byte at offset %zu",
			     name, i);
			return false;
		}
		i += (size_t)w;
	}
	return true;
}

/*
 * Reads real (a resolved path) as UTF-8 text into a string in a; NULL
 * after reporting why it cannot be. Messages name the file as argument 1
 * wrote it, which the caret points at.
 */
static struct value *read_text_file(struct bcx *x, const char *real,
				    struct arena *a)
{
	int fd = open(real, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	const char *name = quote(x, arg(x, 0));
	struct stat st;
	char *data = NULL;
	size_t n = 0;
	struct value *v = NULL;
	const char *why = NULL;

	if (fd < 0 || fstat(fd, &st) != 0) {
		why = strerror(errno);
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		why = "it is a directory";
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		why = "it is not a regular file";
		goto out;
	}
	if ((uintmax_t)st.st_size > FILE_MAX) {
		why = "it is larger than 16 MiB";
		goto out;
	}
	/* Read one byte past the size stat gave, to see a file that grew. */
	size_t cap = (size_t)st.st_size + 1;

	data = xmalloc(cap);
	for (;;) {
		if (n == cap) {
			cap = cap * 2 > FILE_MAX + 1 ? FILE_MAX + 1 : cap * 2;
			data = xrealloc(data, cap);
		}
		ssize_t got = read(fd, data + n, cap - n);

		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			why = strerror(errno);
			goto out;
		}
		if (got == 0)
			break;
		n += (size_t)got;
		if (n > FILE_MAX) {
			why = "it is larger than 16 MiB";
			goto out;
		}
	}
	if (is_text(x, name, data, n))
		v = value_string(a, data, n);
out:
	if (why)
		fail(x, 0, E0514, NULL, "cannot read %s: %s", name, why);
	free(data);
	if (fd >= 0)
		close(fd);
	return v;
}

/*
 * file() on a fleet read from a git tree (x->c->input): the path joined
 * to the calling file's directory in the tree, "." and ".." applied, must
 * stay below the fleet's directory there; its blob is read through the
 * input. The key of the memo and of on_file is the display path.
 */
static struct value *file_in_tree(struct bcx *x, const char *path, size_t n)
{
	const struct fleet_input *in = x->c->input;
	const struct ast *call = x->c->call;
	const char *from = x->c->base_file ? x->c->base_file
			   : call && call->span.src ? call->span.src->path : "";
	size_t plen = strlen(in->prefix), rlen = strlen(in->root);
	struct builtin_cache *cache = x->c->cache;
	struct builtin_memo_entry *e;
	struct value *content;
	const char *name = quote(x, arg(x, 0)), *key;
	char why[256];

	if (strncmp(from, in->prefix, plen) == 0)
		from += plen;
	if (path[0] == '/') {
		fail(x, 0, E0513, "in a git revision, file() takes a path "
		     "relative to the calling file", "%s is absolute, outside "
		     "the revision's tree", name);
		return NULL;
	}
	/* the components of dirname(from) + path, "." and ".." applied */
	const char *slash = strrchr(from, '/');
	size_t dlen = slash ? (size_t)(slash - from) : 0;
	char *joined = arena_alloc(x->a, dlen + 1 + n + 1);
	char *norm = arena_alloc(x->a, dlen + 1 + n + 1);
	size_t len = 0;

	memcpy(joined, from, dlen);
	joined[dlen] = '/';
	memcpy(joined + dlen + 1, path, n);
	joined[dlen + 1 + n] = '\0';
	for (char *c = joined; *c;) {
		char *end = strchr(c, '/');
		size_t clen = end ? (size_t)(end - c) : strlen(c);

		if (clen == 0 || (clen == 1 && c[0] == '.')) {
			/* nothing */
		} else if (clen == 2 && c[0] == '.' && c[1] == '.') {
			if (len == 0) {
				fail(x, 0, E0513, "the path must stay inside "
				     "the fleet directory", "%s leads out of "
				     "the revision's tree", name);
				return NULL;
			}
			while (len > 0 && norm[len - 1] != '/')
				len--;
			if (len > 0)
				len--;
		} else {
			if (len)
				norm[len++] = '/';
			memcpy(norm + len, c, clen);
			len += clen;
		}
		c += clen;
		if (*c == '/')
			c++;
	}
	norm[len] = '\0';
	if (rlen && !(strncmp(norm, in->root, rlen) == 0 &&
		      (norm[rlen] == '/' || norm[rlen] == '\0'))) {
		fail(x, 0, E0513,
		     "the path must stay inside the fleet directory",
		     "%s resolves to %s%s, outside the fleet directory %s%s",
		     name, in->prefix, norm, in->prefix, in->root);
		return NULL;
	}
	char *display = arena_alloc(x->a, plen + len + 1);

	memcpy(display, in->prefix, plen);
	memcpy(display + plen, norm, len + 1);
	if (cache && (e = builtin_memo_find(cache, MEMO_FILE, display,
					   plen + len))) {
		content = e->file;
		key = e->key;
	} else {
		char *data = NULL;
		size_t dn = 0;

		if (in->read(in->arg, norm, &data, &dn, why, sizeof(why))) {
			fail(x, 0, E0514, NULL, "cannot read %s: %s", name, why);
			return NULL;
		}
		if (dn > FILE_MAX) {
			fail(x, 0, E0514, NULL, "cannot read %s: it is larger "
			     "than 16 MiB", name);
			free(data);
			return NULL;
		}
		content = is_text(x, name, data, dn)
			? value_string(cache ? &cache->arena : x->a, data, dn)
			: NULL;
		free(data);
		if (!content)
			return NULL;
		key = display;
		if (cache) {
			e = builtin_memo_add(cache, MEMO_FILE, display,
					     plen + len);
			e->file = content;
			key = e->key;
		}
	}
	if (x->c->on_file)
		x->c->on_file(x->c->on_file_data, key, content);
	return fresh_copy(x, content);
}

static struct value *bi_file(struct bcx *x)
{
	const char *path, *key, *root;
	size_t n;
	char *real = NULL, *real_root = NULL;
	struct builtin_cache *cache = x->c->cache;
	struct builtin_memo_entry *e;
	struct value *content, *v = NULL;

	if (!arg_string(x, 0, &path, &n))
		return NULL;
	if (n == 0) {
		fail(x, 0, E0514, NULL, "argument 1 is an empty path");
		return NULL;
	}
	if (x->c->input)
		return file_in_tree(x, path, n);
	if (!(real = realpath(join_to_caller(x, path, n), NULL))) {
		fail(x, 0, E0514, NULL, "cannot read %s: %s",
		     quote(x, arg(x, 0)), strerror(errno));
		return NULL;
	}
	/* The root should be resolved already; resolving it again costs
	 * little and keeps a root given as "." or with a link working. */
	root = x->c->fleet_root ? x->c->fleet_root : ".";
	if ((real_root = realpath(root, NULL)))
		root = real_root;
	if (!inside(real, root)) {
		fail(x, 0, E0513,
		     "the path must stay inside the fleet directory (the "
		     "resolved path is shown relative to it)",
		     "%s resolves to %s, outside the fleet directory",
		     quote(x, arg(x, 0)), relative_path(x->a, root, real));
		goto out;
	}
	if (cache &&
	    (e = builtin_memo_find(cache, MEMO_FILE, real, strlen(real)))) {
		content = e->file;
		key = e->key;
	} else {
		content = read_text_file(x, real, cache ? &cache->arena : x->a);
		if (!content)
			goto out;
		key = real;
		if (cache) {
			e = builtin_memo_add(cache, MEMO_FILE, real,
					     strlen(real));
			e->file = content;
			key = e->key;
		}
	}
	if (x->c->on_file)
		x->c->on_file(x->c->on_file_data, key, content);
	v = fresh_copy(x, content);
out:
	free(real);
	free(real_root);
	return v;
}

/* ^[a-z][a-z0-9+.-]*:.+ */
static bool is_secret_ref(const char *s, size_t n)
{
	size_t i = 1;

	if (n == 0 || s[0] < 'a' || s[0] > 'z')
		return false;
	while (i < n && ((s[i] >= 'a' && s[i] <= 'z') ||
			 (s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
			 s[i] == '.' || s[i] == '-'))
		i++;
	return i + 1 < n && s[i] == ':';
}

static struct value *bi_secret(struct bcx *x)
{
	const char *ref;
	size_t n;

	if (!arg_string(x, 0, &ref, &n))
		return NULL;
	if (!is_secret_ref(ref, n)) {
		fail(x, 0, E0512,
		     "a secret reference is SCHEME:PATH, such as "
		     "vault:edge/ipsec/psk",
		     "argument 1 (%s) is not a secret reference",
		     quote(x, arg(x, 0)));
		return NULL;
	}
	return value_secret(x->a, ref, n);
}

/* --- the table ----------------------------------------------------------- */

typedef struct value *builtin_fn(struct bcx *x);

static const struct builtin_info table[] = {
	{ "len", 1, 1, "len(x)" },
	{ "keys", 1, 1, "keys(obj)" },
	{ "values", 1, 1, "values(obj)" },
	{ "contains", 2, 2, "contains(list_or_string, x)" },
	{ "has", 2, 2, "has(obj, key)" },
	{ "range", 1, 2, "range(n) or range(from, to)" },
	{ "min", 1, 1, "min(list)" },
	{ "max", 1, 1, "max(list)" },
	{ "abs", 1, 1, "abs(n)" },
	{ "upper", 1, 1, "upper(s)" },
	{ "lower", 1, 1, "lower(s)" },
	{ "trim", 1, 1, "trim(s)" },
	{ "split", 2, 2, "split(s, sep)" },
	{ "join", 2, 2, "join(sep, list)" },
	{ "replace", 3, 3, "replace(s, old, new)" },
	{ "format", 1, -1, "format(fmt, args...)" },
	{ "startswith", 2, 2, "startswith(s, p)" },
	{ "endswith", 2, 2, "endswith(s, p)" },
	{ "regex_match", 2, 2, "regex_match(s, re)" },
	{ "to_string", 1, 1, "to_string(x)" },
	{ "to_int", 1, 1, "to_int(x)" },
	{ "sort", 1, 1, "sort(list)" },
	{ "unique", 1, 1, "unique(list)" },
	{ "flatten", 1, 1, "flatten(list)" },
	{ "merge", 1, -1, "merge(obj, obj...)" },
	{ "cidrhost", 2, 2, "cidrhost(cidr, n)" },
	{ "cidrsubnet", 3, 3, "cidrsubnet(cidr, newbits, n)" },
	{ "base64", 1, 1, "base64(s)" },
	{ "sha256", 1, 1, "sha256(s)" },
	{ "file", 1, 1, "file(path)" },
	{ "secret", 1, 1, "secret(ref)" },
};

/* In the order of table. */
static builtin_fn *const functions[] = {
	bi_len, bi_keys, bi_values, bi_contains, bi_has, bi_range, bi_min,
	bi_max, bi_abs, bi_upper, bi_lower, bi_trim, bi_split, bi_join,
	bi_replace, bi_format, bi_startswith, bi_endswith, bi_regex_match,
	bi_to_string, bi_to_int, bi_sort, bi_unique, bi_flatten, bi_merge,
	bi_cidrhost, bi_cidrsubnet, bi_base64, bi_sha256, bi_file, bi_secret,
};

#define NBUILTINS (sizeof(table) / sizeof(table[0]))
_Static_assert(sizeof(functions) / sizeof(functions[0]) == NBUILTINS,
	       "one function per builtin");

const struct builtin_info *builtin_lookup(const char *name)
{
	for (size_t i = 0; i < NBUILTINS; i++)
		if (strcmp(table[i].name, name) == 0)
			return &table[i];
	return NULL;
}

const struct builtin_info *builtin_table(size_t *n)
{
	*n = NBUILTINS;
	return table;
}

struct value *builtin_invoke(const struct builtin_info *b,
			     struct builtin_call *c)
{
	struct bcx x = { c, c->arena, b->signature };
	size_t i = 0;

	while (i < NBUILTINS && &table[i] != b)
		i++;
	if (i == NBUILTINS) {	/* a copy of an entry: find it by name */
		b = builtin_lookup(b->name);
		if (!b)
			return NULL;
		i = (size_t)(b - table);
		x.sig = b->signature;
	}
	if (functions[i] == bi_range)
		x.sig = c->nargs == 1 ? "range(n)" : "range(from, to)";
	return functions[i](&x);
}
