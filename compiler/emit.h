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
 * The one writer of values as JSON (yajl's generator): the bundle's JSON
 * files, `sitec query`, to_string() and format("%v"), and what explain
 * and diagnostics show (value_to_json_text). Keys in definition order,
 * {} and [] when empty, each float in the fewest digits that read back
 * (as YAML has them; NaN and infinities are null), secrets as
 * {"$secret": ref}.
 *
 * yajl nests at most 127 lists and objects (a secret counts as one):
 * its generator keeps a fixed array of YAJL_MAX_DEPTH (128) states, a
 * limit set when the library is built, not a setting. A value that
 * nests deeper is refused, never written another way.
 */
#define EMIT_JSON_MAX_DEPTH 127

/* Why a value cannot be written as JSON. */
struct emit_json_error {
	/* how many levels of lists and objects it nests (those open around
	 * it counted), more than EMIT_JSON_MAX_DEPTH; 0 when the value is
	 * not too deep but holds a string that is not UTF-8 */
	unsigned depth;
	/* the first list or object too deep, and its path below the
	 * value: ".a[0].b" as explain's PATH writes it, cut with "…" */
	const struct value *at;
	char path[96];
	/* the innermost of at and the lists and objects around it that
	 * says where it was built (an expr), or NULL */
	const struct value *built;
};

#define EMIT_JSON_INDENT 1u	/* 2-space indent (else compact) */
/* For display (explain, diagnostics): what is nested too deep is
 * written `…` and a byte that is not UTF-8 U+FFFD, instead of failing. */
#define EMIT_JSON_LENIENT 2u

/*
 * v as JSON text, with no newline at the end. Returns 0, or -1 with *err
 * filled when err is not NULL (too deep, a string that is not UTF-8, out
 * of memory: depth 0 and at NULL).
 */
int emit_json_text(const struct value *v, unsigned flags, char **out,
		   size_t *len, struct emit_json_error *err);

/*
 * 0 when v, inside level lists and objects open around it, nests no
 * deeper than EMIT_JSON_MAX_DEPTH; else -1 with *err (err may be NULL).
 * Builds nothing: what compile and check run on a site's outputs.
 */
int emit_json_check(const struct value *v, unsigned level,
		    struct emit_json_error *err);

/*
 * api.json, os.json, bundle.json, fleet.json: v as emit_json_text
 * writes it indented, with a trailing newline. Returns 0 or -1 (too
 * deep: check first with emit_json_check; a string that is not UTF-8).
 */
int emit_json(const struct value *v, char **out, size_t *len);

/*
 * api.json: the site's `api` object (handle -> ApiCall) as
 * {"calls": [{"name", "service", "method", "path", "body"}...]} in the
 * object's key order; a field the call lacks is null. The document nests
 * one level deeper than api: emit_json_check(api, 1, ...) tells whether
 * it can be written. Returns 0 or -1 (api is not an object, or a call is
 * not an object, or as emit_json).
 */
int emit_api_json(const struct value *api, char **out, size_t *len);

/* Writes "sha256:<64 lowercase hex digits>" of data[0..len) into out. */
void emit_sha256_hex(const char *data, size_t len, char out[EMIT_SHA256_SIZE]);

#endif
