/*
 * emit_json.c - a site's JSON files (api.json, os.json, bundle.json)
 * through jansson (value_to_json_text), and sha256 digests through
 * OpenSSL's libcrypto (SHA-NI or AVX2 code where the CPU has it: hashing
 * every file of 100,000 bundles was a tenth of a compile with libsodium's
 * portable C). Pure functions, safe in several threads at once.
 */
#include "emit.h"

#include "arena.h"
#include "value.h"

#include <openssl/evp.h>
#include <openssl/sha.h>
#include <pthread.h>
#include <sodium.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- JSON ---------------------------------------------------------------- */

int emit_json(const struct value *v, char **out, size_t *len)
{
	char *text = value_to_json_text(v, 2);
	size_t n = strlen(text);
	char *data = realloc(text, n + 2);

	*out = NULL;
	*len = 0;
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

static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void fetch_sha256(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);	/* never freed */
}

void emit_sha256_hex(const char *data, size_t len, char out[EMIT_SHA256_SIZE])
{
	unsigned char hash[SHA256_DIGEST_LENGTH];

	/* fetched once: SHA256() would look the algorithm up on each call */
	pthread_once(&sha256_once, fetch_sha256);
	if (!sha256_md ||
	    !EVP_Digest(data, len, hash, NULL, sha256_md, NULL))
		SHA256((const unsigned char *)data, len, hash);
	memcpy(out, "sha256:", 7);
	sodium_bin2hex(out + 7, EMIT_SHA256_SIZE - 7, hash, sizeof(hash));
}
