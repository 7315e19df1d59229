/*
 * fuzz_fleet_meta.c - a libFuzzer harness for common/bundle_verify.h's
 * reader of fleet.json and fleet.sig (verify-bundle's and a puller's
 * intake of a whole tree).
 *
 * The first byte picks the mode: even, fleet.json alone (no key); odd,
 * the rest split at the first NUL into fleet.json and fleet.sig, checked
 * with a fixed public key. Each input is copied to a buffer of exactly
 * its size.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - the result is 0 or BUNDLE_VERIFY_EBAD (nothing here is I/O);
 *   - a refusal gets a non-empty reason;
 *   - on success every site passed to the callback has a valid sha256
 *     text, names come in strictly increasing byte order, and a keyed
 *     check only succeeds with a signature that verifies.
 */
#include "bundle_verify.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_fleet_meta"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	char last[4096];
	bool any;
};

static int each(void *arg, const char *site, const char *digest)
{
	struct seen *s = arg;

	CHECK(digest_sha256_text_valid(digest, strlen(digest)),
	      "a digest that is not sha256:HEX");
	CHECK(!s->any || strcmp(s->last, site) < 0, "sites out of order");
	snprintf(s->last, sizeof(s->last), "%s", site);
	s->any = true;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* the public key of an all-zero seed: no input can be signed by it
	 * but by chance, so a keyed success means a real signature */
	static unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES];
	static bool have_pub;
	unsigned char seed[DIGEST_ED25519_SEED_BYTES] = { 0 };
	struct seen s = { .any = false };
	char why[512] = "";
	char *doc, *sig = NULL;
	size_t dlen, slen = 0;
	bool keyed;
	int rc;

	if (size == 0)
		return 0;
	if (!have_pub) {
		CHECK(digest_ed25519_public(seed, pub, NULL, 0) == 0,
		      "no public key");
		have_pub = true;
	}
	keyed = data[0] & 1;
	data++;
	size--;
	dlen = size;
	if (keyed) {
		const uint8_t *nul = memchr(data, 0, size);

		if (nul) {
			dlen = (size_t)(nul - data);
			slen = size - dlen - 1;
			sig = malloc(slen ? slen : 1);
			if (!sig)
				return 0;
			memcpy(sig, nul + 1, slen);
		}
	}
	doc = malloc(dlen ? dlen : 1);
	if (!doc) {
		free(sig);
		return 0;
	}
	memcpy(doc, data, dlen);
	rc = bundle_verify_fleet(doc, dlen, sig, slen, keyed ? pub : NULL,
				 each, &s, why, sizeof(why));
	CHECK(rc == 0 || rc == BUNDLE_VERIFY_EBAD, "an unexpected result");
	CHECK(rc == 0 || why[0], "a refusal without a reason");
	if (rc == 0 && keyed) {
		unsigned char raw[DIGEST_ED25519_SIG_BYTES];

		CHECK(sig && digest_sig_file_parse(sig, slen, raw, NULL, 0) == 0 &&
		      digest_ed25519_verify(pub, doc, dlen, raw, NULL, 0) == 0,
		      "accepted without a valid signature");
	}
	free(doc);
	free(sig);
	return 0;
}
