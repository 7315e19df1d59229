/*
 * emit_json.c - values as JSON through yajl's generator, the compiler's
 * one JSON writer of values: a site's JSON files (api.json, os.json,
 * bundle.json, fleet.json), query output, to_string(), what explain and
 * diagnostics show; and sha256 digests through common/digest.h
 * (libcrypto: SHA-NI or AVX2 code where the CPU has it). Pure functions,
 * safe in several threads at once.
 */
#include "emit.h"

#include "arena.h"
#include "source.h"
#include "value.h"

#include "digest.h"
#include "utf8.h"

#include <yajl/yajl_gen.h>

#include <math.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- JSON ---------------------------------------------------------------- */

/*
 * yajl's generator streams the value straight into its buffer: no tree
 * of json_t to build and free, and no loop check per container (jansson
 * took three quarters of the time of building a bundle's JSON files).
 * It also takes a number's text as we write it, so each float is in its
 * own shortest form. It is the compiler's one writer of values as JSON:
 * the bundle files, `sitec query`, to_string() and format("%v"), and
 * what explain and diagnostics show.
 */
static bool gen_ok(yajl_gen_status st)
{
	return st == yajl_gen_status_ok;
}

/* {} and [] as jansson writes them: yajl's beautifier would put a blank
 * line inside; yajl_gen_number places its text like any other value. */
static bool gen_raw(yajl_gen g, const char *text)
{
	return gen_ok(yajl_gen_number(g, text, strlen(text)));
}

/* A list, an object or a secret ({"$secret": ref}) that opens a level. */
static bool opens_level(const struct value *v)
{
	return v->kind == V_SECRET ||
	       ((v->kind == V_LIST || v->kind == V_OBJECT) && v->len > 0);
}

/*
 * A string; when lenient, one that is not UTF-8 (values never should
 * hold one) has each bad byte replaced by U+FFFD instead of failing.
 */
static bool gen_text(yajl_gen g, const char *s, size_t n, bool lenient)
{
	yajl_gen_status st = yajl_gen_string(g, (const unsigned char *)s, n);

	if (st != yajl_gen_invalid_string || !lenient)
		return gen_ok(st);

	char *buf = malloc(n * 3 + 1);

	if (!buf)
		return false;
	size_t k = utf8_repair(s, n, buf);
	st = yajl_gen_string(g, (const unsigned char *)buf, k);
	free(buf);
	return gen_ok(st);
}

/* v, with level lists and objects open around it. */
static bool gen_value(yajl_gen g, const struct value *v, unsigned level,
		      bool lenient)
{
	char buf[64];

	/* one level more than yajl takes: shown as … when lenient, else
	 * refused (emit_json_text then says where) */
	if (opens_level(v) && level >= EMIT_JSON_MAX_DEPTH)
		return lenient && gen_raw(g, "\xE2\x80\xA6");
	switch (v->kind) {
	case V_NULL:
		return gen_ok(yajl_gen_null(g));
	case V_BOOL:
		return gen_ok(yajl_gen_bool(g, v->u.b));
	case V_INT:
		return gen_ok(yajl_gen_integer(g, (long long)v->u.i));
	case V_FLOAT:
		/* JSON has no NaN or infinity */
		if (!isfinite(v->u.f))
			return gen_ok(yajl_gen_null(g));
		value_format_double(buf, sizeof(buf), v->u.f);
		return gen_ok(yajl_gen_number(g, buf, strlen(buf)));
	case V_STRING:
		return gen_text(g, v->u.str, v->len, lenient);
	case V_SECRET:
		return gen_ok(yajl_gen_map_open(g)) &&
		       gen_text(g, "$secret", 7, lenient) &&
		       gen_text(g, v->u.str, v->len, lenient) &&
		       gen_ok(yajl_gen_map_close(g));
	case V_LIST:
		if (v->len == 0)
			return gen_raw(g, "[]");
		if (!gen_ok(yajl_gen_array_open(g)))
			return false;
		for (uint32_t i = 0; i < v->len; i++)
			if (!gen_value(g, v->u.items[i], level + 1, lenient))
				return false;
		return gen_ok(yajl_gen_array_close(g));
	case V_OBJECT:
		if (v->len == 0)
			return gen_raw(g, "{}");
		if (!gen_ok(yajl_gen_map_open(g)))
			return false;
		for (uint32_t i = 0; i < v->len; i++) {
			const struct value_field *f = &v->u.fields[i];

			if (!gen_text(g, f->key, f->keylen, lenient) ||
			    !gen_value(g, f->value, level + 1, lenient))
				return false;
		}
		return gen_ok(yajl_gen_map_close(g));
	}
	return false;
}

/* --- how deep a value nests ----------------------------------------------- */

/* One step of a path: the index-th item or field of a list or object. */
struct step {
	const struct value *in;
	uint32_t index;
};

/*
 * The first list or object (in document order) that would open level
 * EMIT_JSON_MAX_DEPTH + 1, with level levels open around v; path[level..]
 * gets the steps to it.
 */
static const struct value *first_too_deep(const struct value *v,
					  unsigned level, struct step *path)
{
	if (!opens_level(v))
		return NULL;
	if (level >= EMIT_JSON_MAX_DEPTH)
		return v;
	for (uint32_t i = 0; v->kind != V_SECRET && i < v->len; i++) {
		const struct value *r;

		path[level].in = v;
		path[level].index = i;
		r = first_too_deep(v->kind == V_LIST ? v->u.items[i]
						     : v->u.fields[i].value,
				   level + 1, path);
		if (r)
			return r;
	}
	return NULL;
}

/* The levels v opens, lists, objects and secrets counted. */
static unsigned levels(const struct value *v)
{
	unsigned max = 0;

	if (!opens_level(v))
		return 0;
	for (uint32_t i = 0; v->kind != V_SECRET && i < v->len; i++) {
		unsigned d = levels(v->kind == V_LIST ? v->u.items[i]
						      : v->u.fields[i].value);
		max = d > max ? d : max;
	}
	return max + 1;
}

static bool is_name(const char *s, uint32_t n)
{
	if (n == 0 || (s[0] >= '0' && s[0] <= '9'))
		return false;
	for (uint32_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		      (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		      s[i] == '-'))
			return false;
	return true;
}

/* A key that can stand between double quotes as it is. */
static bool quotable(const char *s, uint32_t n)
{
	for (uint32_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == '"' || s[i] == '\\' ||
		    s[i] == '$')
			return false;
	return true;
}

/*
 * steps as a path in the syntax of explain's PATH (.name, ."key", [i]),
 * cut with "…" where it would not fit out[0..size).
 */
static void format_path(char *out, size_t size, const struct step *steps,
			size_t n)
{
	size_t len = 0;

	out[0] = 0;
	for (size_t k = 0; k < n; k++) {
		const struct value *in = steps[k].in;
		char seg[48];
		int w;

		if (in->kind == V_LIST) {
			w = snprintf(seg, sizeof(seg), "[%u]", steps[k].index);
		} else {
			const struct value_field *f = &in->u.fields[steps[k].index];

			if (f->keylen >= 40 || !quotable(f->key, f->keylen))
				w = snprintf(seg, sizeof(seg), ".\"…\"");
			else if (is_name(f->key, f->keylen))
				w = snprintf(seg, sizeof(seg), ".%.*s",
					     (int)f->keylen, f->key);
			else
				w = snprintf(seg, sizeof(seg), ".\"%.*s\"",
					     (int)f->keylen, f->key);
		}
		/* room for the segment, and for "…" after it if need be */
		if (w < 0 || len + (size_t)w + 4 > size) {
			snprintf(out + len, size - len, "\xE2\x80\xA6");
			return;
		}
		memcpy(out + len, seg, (size_t)w + 1);
		len += (size_t)w;
	}
}

int emit_json_check(const struct value *v, unsigned level,
		    struct emit_json_error *err)
{
	struct step path[EMIT_JSON_MAX_DEPTH];
	const struct value *at;

	if (level > EMIT_JSON_MAX_DEPTH)
		level = EMIT_JSON_MAX_DEPTH;
	at = first_too_deep(v, level, path);
	if (!at)
		return 0;
	if (err) {
		err->at = at;
		err->built = at->expr ? at : NULL;
		for (size_t k = EMIT_JSON_MAX_DEPTH; !err->built && k > level;
		     k--)
			if (path[k - 1].in->expr)
				err->built = path[k - 1].in;
		if (!err->built && v->expr)
			err->built = v;
		err->depth = level + levels(v);
		format_path(err->path, sizeof(err->path), path + level,
			    EMIT_JSON_MAX_DEPTH - level);
	}
	return -1;
}

int emit_json_text(const struct value *v, unsigned flags, char **out,
		   size_t *len, struct emit_json_error *err)
{
	bool lenient = flags & EMIT_JSON_LENIENT;
	yajl_gen g;
	const unsigned char *buf;
	size_t n;
	int rc = -1;

	*out = NULL;
	*len = 0;
	if (err)
		memset(err, 0, sizeof(*err));
	g = yajl_gen_alloc(NULL);
	if (!g)
		return -1;
	/* strings are UTF-8 (value.h); validating costs little and keeps
	 * a bad one from ever reaching a file */
	if ((!(flags & EMIT_JSON_INDENT) ||
	     (yajl_gen_config(g, yajl_gen_beautify, 1) &&
	      yajl_gen_config(g, yajl_gen_indent_string, "  "))) &&
	    yajl_gen_config(g, yajl_gen_validate_utf8, 1) &&
	    gen_value(g, v, 0, lenient) &&
	    gen_ok(yajl_gen_get_buf(g, &buf, &n))) {
		/* yajl ends a beautified document with a newline */
		if (n > 0 && buf[n - 1] == '\n')
			n--;
		char *data = malloc(n + 2);	/* room for emit_json's '\n' */

		if (data) {
			memcpy(data, buf, n);
			data[n] = 0;
			*out = data;
			*len = n;
			rc = 0;
		}
	}
	yajl_gen_free(g);
	if (rc && !lenient)
		emit_json_check(v, 0, err);	/* too deep? fills err */
	return rc;
}

int emit_json(const struct value *v, char **out, size_t *len)
{
	if (emit_json_text(v, EMIT_JSON_INDENT, out, len, NULL))
		return -1;
	(*out)[(*len)++] = '\n';
	(*out)[*len] = 0;
	return 0;
}

static struct value *field_or_null(struct arena *a, const struct value *obj,
				   const char *key)
{
	struct value *v = value_get(obj, key, strlen(key));

	return v ? v : value_null(a);
}

int emit_api_json(const struct value *api, char **out, size_t *len)
{
	static const char *const fields[] = {"service", "method", "path",
					     "body"};
	struct arena a;
	struct value_builder calls, doc;
	int rc = -1;

	*out = NULL;
	*len = 0;
	if (api->kind != V_OBJECT)
		return -1;
	arena_init(&a);
	value_build_init(&calls, &a);
	for (uint32_t i = 0; i < api->len; i++) {
		const struct value_field *f = &api->u.fields[i];
		struct value_builder call;

		if (f->value->kind != V_OBJECT)
			goto out;
		value_build_init(&call, &a);
		value_build_set(&call, "name", 4,
				value_string_ref(&a, f->key, f->keylen));
		for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			value_build_set(&call, fields[k], strlen(fields[k]),
					field_or_null(&a, f->value, fields[k]));
		value_build_push(&calls, value_build_object(&call));
	}
	value_build_init(&doc, &a);
	value_build_set(&doc, "calls", 5, value_build_list(&calls));
	rc = emit_json(value_build_object(&doc), out, len);
out:
	arena_free(&a);
	return rc;
}

/* --- digests ------------------------------------------------------------- */

_Static_assert(EMIT_SHA256_SIZE == DIGEST_SHA256_TEXT_SIZE, "sha256 text");

void emit_sha256_hex(const char *data, size_t len, char out[EMIT_SHA256_SIZE])
{
	/* libcrypto fails only without memory */
	if (digest_sha256_text(data, len, out) != 0)
		arena_oom();
}
