/*
 * emit_json.c - a site's JSON files (api.json, os.json, bundle.json,
 * fleet.json) through yajl's generator, and sha256 digests through
 * common/digest.h (libcrypto: SHA-NI or AVX2 code where the CPU has it).
 * Pure functions, safe in several threads at once.
 */
#include "emit.h"

#include "arena.h"
#include "value.h"

#include "digest.h"

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
 * own shortest form.
 */
static bool gen_ok(yajl_gen_status st)
{
	return st == yajl_gen_status_ok;
}

/* {} and [] as jansson writes them: yajl's beautifier would put a blank
 * line inside; yajl_gen_number places its text like any other value. */
static bool gen_empty(yajl_gen g, const char *text)
{
	return gen_ok(yajl_gen_number(g, text, 2));
}

static bool gen_value(yajl_gen g, const struct value *v, unsigned depth)
{
	char buf[64];

	if (depth >= YAJL_MAX_DEPTH - 1)
		return false;	/* see emit_json */
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
		return gen_ok(yajl_gen_string(g, (const unsigned char *)v->u.str,
					      v->len));
	case V_SECRET:
		return gen_ok(yajl_gen_map_open(g)) &&
		       gen_ok(yajl_gen_string(g,
				(const unsigned char *)"$secret", 7)) &&
		       gen_ok(yajl_gen_string(g,
				(const unsigned char *)v->u.str, v->len)) &&
		       gen_ok(yajl_gen_map_close(g));
	case V_LIST:
		if (v->len == 0)
			return gen_empty(g, "[]");
		if (!gen_ok(yajl_gen_array_open(g)))
			return false;
		for (uint32_t i = 0; i < v->len; i++)
			if (!gen_value(g, v->u.items[i], depth + 1))
				return false;
		return gen_ok(yajl_gen_array_close(g));
	case V_OBJECT:
		if (v->len == 0)
			return gen_empty(g, "{}");
		if (!gen_ok(yajl_gen_map_open(g)))
			return false;
		for (uint32_t i = 0; i < v->len; i++) {
			const struct value_field *f = &v->u.fields[i];

			if (!gen_ok(yajl_gen_string(g,
					(const unsigned char *)f->key,
					f->keylen)) ||
			    !gen_value(g, f->value, depth + 1))
				return false;
		}
		return gen_ok(yajl_gen_map_close(g));
	}
	return false;
}

static unsigned value_depth(const struct value *v, unsigned depth)
{
	unsigned max = depth;

	if (v->kind == V_LIST)
		for (uint32_t i = 0; i < v->len; i++) {
			unsigned d = value_depth(v->u.items[i], depth + 1);
			max = d > max ? d : max;
		}
	else if (v->kind == V_OBJECT)
		for (uint32_t i = 0; i < v->len; i++) {
			unsigned d = value_depth(v->u.fields[i].value, depth + 1);
			max = d > max ? d : max;
		}
	return max;
}

/*
 * yajl stops at 128 levels of nesting; a value that deep (the language
 * allows 1,000) goes through jansson, which has no such limit, with the
 * same layout but for floats (written with the digits the most demanding
 * one needs, a precision for the whole file).
 */
static int emit_json_deep(const struct value *v, char **out, size_t *len)
{
	char *text = value_to_json_text(v, 2);
	size_t n = strlen(text);
	char *data = realloc(text, n + 2);

	if (!data) {
		free(text);
		return -1;
	}
	data[n] = '\n';
	data[n + 1] = 0;
	*out = data;
	*len = n + 1;
	return 0;
}

int emit_json(const struct value *v, char **out, size_t *len)
{
	yajl_gen g = yajl_gen_alloc(NULL);
	const unsigned char *buf;
	size_t n;
	int rc = -1;

	*out = NULL;
	*len = 0;
	if (!g)
		return -1;
	/* strings are UTF-8 (value.h); validating costs little and keeps
	 * a bad one from ever reaching a file */
	if (yajl_gen_config(g, yajl_gen_beautify, 1) &&
	    yajl_gen_config(g, yajl_gen_indent_string, "  ") &&
	    yajl_gen_config(g, yajl_gen_validate_utf8, 1) &&
	    gen_value(g, v, 0) &&
	    gen_ok(yajl_gen_get_buf(g, &buf, &n))) {
		char *data = malloc(n + 2);

		if (data) {
			memcpy(data, buf, n);
			/* yajl ends a beautified document with a newline */
			if (n == 0 || data[n - 1] != '\n')
				data[n++] = '\n';
			data[n] = 0;
			*out = data;
			*len = n;
			rc = 0;
		}
	}
	yajl_gen_free(g);
	if (rc && value_depth(v, 0) >= YAJL_MAX_DEPTH - 1)
		return emit_json_deep(v, out, len);
	return rc;
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
	vb_init(&calls, &a);
	for (uint32_t i = 0; i < api->len; i++) {
		const struct value_field *f = &api->u.fields[i];
		struct value_builder call;

		if (f->value->kind != V_OBJECT)
			goto out;
		vb_init(&call, &a);
		vb_set(&call, "name", 4,
		       value_string_ref(&a, f->key, f->keylen));
		for (size_t k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			vb_set(&call, fields[k], strlen(fields[k]),
			       field_or_null(&a, f->value, fields[k]));
		vb_push(&calls, vb_object(&call));
	}
	vb_init(&doc, &a);
	vb_set(&doc, "calls", 5, vb_list(&calls));
	rc = emit_json(vb_object(&doc), out, len);
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
