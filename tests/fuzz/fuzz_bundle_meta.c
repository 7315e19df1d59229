/*
 * fuzz_bundle_meta.c - a libFuzzer harness for common/bundle_format.h's
 * strict reader of bundle.json (the runtime's intake).
 *
 * The input, copied to a buffer of exactly its size, is read with
 * bundle_meta_read.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - a refused document gets a non-empty reason, and *out stays NULL;
 *   - an accepted one holds api.json, k8s.yaml and os.json in byte order,
 *     each with a valid sha256 text, a version >= 0, a site that is a
 *     valid file name, and the digest its files give;
 *   - written again with bundle_meta_write, it reads back to the same
 *     fields, and writing that gives the same bytes (a fixed point).
 */
#include "bundle_format.h"
#include "formats.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_bundle_meta"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_str(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_meta(const struct bundle_meta *a,
		      const struct bundle_meta *b)
{
	if (!same_str(a->site, b->site) || a->version != b->version ||
	    !same_str(a->compiler, b->compiler) ||
	    !same_str(a->source_commit, b->source_commit) ||
	    !same_str(a->source_path, b->source_path) ||
	    a->nfiles != b->nfiles || strcmp(a->digest, b->digest) != 0)
		return false;
	for (size_t i = 0; i < a->nfiles; i++)
		if (strcmp(a->files[i].name, b->files[i].name) != 0 ||
		    strcmp(a->files[i].sha256, b->files[i].sha256) != 0)
			return false;
	return true;
}

static void check_accepted(const struct bundle_meta *m)
{
	static const char *const names[] = { "api.json", "k8s.yaml",
					     "os.json" };
	char digest[DIGEST_SHA256_TEXT_SIZE], why[256];
	struct bundle_meta *again;
	char *text, *text2;
	size_t len, len2;

	CHECK(m->nfiles == 3, "not three files");
	for (size_t i = 0; i < 3; i++) {
		CHECK(strcmp(m->files[i].name, names[i]) == 0,
		      "the files are not api.json, k8s.yaml, os.json");
		CHECK(digest_sha256_text_valid(m->files[i].sha256,
					       strlen(m->files[i].sha256)),
		      "a file's sha256 text is not valid");
	}
	CHECK(m->version >= 0, "a negative version");
	CHECK(format_file_name_valid(m->site, strlen(m->site), NULL),
	      "the site is not a file name");
	CHECK(bundle_format_digest(m->files, m->nfiles, digest, NULL, 0) == 0 &&
	      strcmp(digest, m->digest) == 0, "the digest is not the files'");

	CHECK(bundle_meta_write(m, &text, &len, NULL, 0) == 0,
	      "an accepted document cannot be written");
	CHECK(bundle_meta_read(text, len, &again, why, sizeof(why)) == 0,
	      "a written document is refused");
	CHECK(same_meta(m, again), "a written document reads back changed");
	CHECK(bundle_meta_write(again, &text2, &len2, NULL, 0) == 0 &&
	      len2 == len && memcmp(text, text2, len) == 0,
	      "writing is not a fixed point");
	free(text2);
	free(text);
	bundle_meta_free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1);
	struct bundle_meta *m = NULL;
	char why[256];

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	memset(why, 'x', sizeof(why));
	if (bundle_meta_read(s, size, &m, why, sizeof(why)) == 0) {
		CHECK(m != NULL, "accepted without a result");
		check_accepted(m);
		bundle_meta_free(m);
	} else {
		CHECK(m == NULL, "refused with a result");
		CHECK(memchr(why, 0, sizeof(why)) && why[0], "no reason");
	}
	free(s);
	return 0;
}
