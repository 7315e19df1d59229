/*
 * bundle_format.h - the bundle as the compiler writes it and the runtime
 * reads it (TOOLCHAIN.md, "The bundle"): the file names, the digest rule,
 * and bundle.json's exact shape, with no value tree of the compiler's.
 *
 *   bundle.json  {"site": NAME, "version": N, "compiler": "sitec X.Y.Z",
 *                 "source": {"commit"?: HEX, "path"?: TEXT},
 *                 "files": {FILE: "sha256:HEX", ...},
 *                 "digest": "sha256:HEX"}
 * written as jansson writes it with an indent of 2, keys in that order,
 * files in byte order of name, and a final newline.
 *
 * The digest of a bundle: for each file other than bundle.json, in byte
 * order of name, the bytes "FILE sha256:HEX\n" (HEX: 64 lowercase hex
 * digits of the file's sha256), concatenated; the sha256 of that, as
 * "sha256:HEX".
 *
 * Errors: 0 or -1 and a reason in why[0..whysize) (why may be NULL).
 * Memory: bundle_meta_write's *out is malloc'ed (the caller frees it);
 * bundle_meta_read's struct is freed with bundle_meta_free. Pure; safe in
 * several threads at once.
 */
#ifndef SITEC_COMMON_BUNDLE_FORMAT_H
#define SITEC_COMMON_BUNDLE_FORMAT_H

#include "digest.h"

#include <stddef.h>
#include <stdint.h>

#define BUNDLE_FILE_API "api.json"
#define BUNDLE_FILE_K8S "k8s.yaml"
#define BUNDLE_FILE_OS "os.json"
#define BUNDLE_FILE_META "bundle.json"
#define BUNDLE_FILE_SIG "bundle.sig"	/* ed25519 over bundle.json */
#define FLEET_FILE_META "fleet.json"
#define FLEET_FILE_SIG "fleet.sig"	/* ed25519 over fleet.json */

/* The most bytes of bundle.json a reader takes. */
#define BUNDLE_META_MAX ((size_t)1 << 20)

/* A file of a bundle and its sha256 as text. */
struct bundle_entry {
	const char *name;
	char sha256[DIGEST_SHA256_TEXT_SIZE];
};

/* bundle.json's contents. */
struct bundle_meta {
	const char *site;
	int64_t version;		/* 0 from a plain compile */
	const char *compiler;		/* "sitec 0.1.0" */
	const char *source_commit;	/* NULL: none */
	const char *source_path;	/* NULL: none */
	struct bundle_entry *files;	/* in byte order of name */
	size_t nfiles;
	char digest[DIGEST_SHA256_TEXT_SIZE];
};

/* The digest of the n files (in any order; one named bundle.json is left
 * out) into out. -1 when an entry's sha256 is not "sha256:HEX". */
int bundle_format_digest(const struct bundle_entry *files, size_t n,
			 char out[DIGEST_SHA256_TEXT_SIZE], char *why,
			 size_t whysize);

/* bundle.json's bytes from m (its files in any order: written sorted; its
 * digest as given) into *out, *len. -1 only when out of memory. */
int bundle_meta_write(const struct bundle_meta *m, char **out, size_t *len,
		      char *why, size_t whysize);

/* bundle.json's bytes data[0..len) read strictly: at most
 * BUNDLE_META_MAX bytes, every field there with its type, no other key,
 * the files api.json, k8s.yaml and os.json and no other, each sha256 as
 * "sha256:HEX", the site a valid file name, version >= 0, a commit of 40
 * or 64 lowercase hex digits, and the digest the files give. On success
 * *out is the contents (free with bundle_meta_free). */
int bundle_meta_read(const char *data, size_t len, struct bundle_meta **out,
		     char *why, size_t whysize);
void bundle_meta_free(struct bundle_meta *m);

#endif
