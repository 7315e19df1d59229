/*
 * emit.h - the bytes of a site's bundle files (TOOLCHAIN.md, "The bundle";
 * LANGUAGE.md section 8), from the values a site evaluated to.
 *
 * Every emitter is a pure function: it reads its value, writes nothing but
 * a new malloc'ed buffer, uses no global state and may run in several
 * threads at once. The caller owns *out and frees it with free(); *out is
 * NUL-terminated (the NUL is not counted in *len). On failure *out is NULL
 * and *len is 0.
 *
 * Output is deterministic: the same value gives the same bytes on every
 * machine, whatever the locale.
 */
#ifndef SITEC_EMIT_H
#define SITEC_EMIT_H

#include <stddef.h>

struct value;

/* "sha256:" + 64 hex digits + NUL. */
#define EMIT_SHA256_SIZE 72

/*
 * k8s.yaml: the site's `k8s` object (handle -> Kubernetes object) as
 * multi-document YAML written by libyaml's emitter. Each document starts
 * with `---`; documents are ordered by kind in Helm's install order, kinds
 * Helm does not know after all it knows by kind name (byte order), ties by
 * handle (byte order). Block style, keys in the objects' order, 2-space
 * indent, UTF-8 as it is, no folding of long lines. A string is written
 * plain only when YAML 1.1 and 1.2 readers both read it back as that
 * string (and go-yaml, which kubectl reads it with, too: 0X1F, 0B1_0);
 * one with line breaks is a literal block (`|`) where it can be. A
 * secret is the mapping {"$secret": ref}. An empty object is an empty
 * stream.
 *
 * Returns 0, or -1 with a message in err[0..errsize) (err may be NULL).
 */
int emit_k8s_yaml(const struct value *k8s, char **out, size_t *len, char *err,
		  size_t errsize);

/*
 * api.json, os.json, bundle.json, fleet.json: v as canonical JSON
 * (yajl): keys in definition order, 2-space indent, {} and [] when
 * empty, each float in the fewest digits that read back (as YAML has
 * them; NaN and infinities are null), secrets as {"$secret": ref}, a
 * trailing newline. Returns 0 or -1 (a string that is not UTF-8).
 */
int emit_json(const struct value *v, char **out, size_t *len);

/*
 * api.json: the site's `api` object (handle -> ApiCall) as
 * {"calls": [{"name", "service", "method", "path", "body"}...]} in the
 * object's key order; a field the call lacks is null. Returns 0 or -1
 * (api is not an object, or a call is not an object).
 */
int emit_api_json(const struct value *api, char **out, size_t *len);

/* Writes "sha256:<64 lowercase hex digits>" of data[0..len) into out. */
void emit_sha256_hex(const char *data, size_t len, char out[EMIT_SHA256_SIZE]);

#endif
