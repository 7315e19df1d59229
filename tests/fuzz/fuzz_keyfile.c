/*
 * fuzz_keyfile.c - a libFuzzer harness for common/digest.h's text
 * parsers: the secret key, public key and signature files, and strict
 * base64.
 *
 * Every input goes to all four parsers, copied to a buffer of exactly its
 * size (no NUL after it), so ASan sees any read past its end.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - an accepted file is canonical: formatting the parsed key gives back
 *     the input byte for byte (one text per key);
 *   - a refused one gets a non-empty reason, terminated within the buffer,
 *     also in an 8-byte buffer, where it is a prefix of the full reason;
 *     with a NULL reason buffer the answer is the same;
 *   - at most one of the three file parsers accepts an input;
 *   - base64 accepted <=> encoding the bytes gives back the input.
 */
#include "digest.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FUZZ_NAME "fuzz_keyfile"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int parser(const char *s, size_t n, unsigned char *out, char *why,
		   size_t whysize);

static int parse_secret(const char *s, size_t n, unsigned char *out,
			char *why, size_t whysize)
{
	return digest_secret_file_parse(s, n, out, why, whysize);
}

static int parse_public(const char *s, size_t n, unsigned char *out,
			char *why, size_t whysize)
{
	return digest_public_file_parse(s, n, out, why, whysize);
}

static int parse_sig(const char *s, size_t n, unsigned char *out, char *why,
		     size_t whysize)
{
	return digest_sig_file_parse(s, n, out, why, whysize);
}

/* Runs one parser with every kind of reason buffer; 0 when it accepts. */
static int check_parser(parser *p, int kind, const char *s, size_t n)
{
	unsigned char out[DIGEST_ED25519_SIG_BYTES];
	char why[256], small[8], text[DIGEST_SIG_FILE_SIZE];
	int rc;

	memset(why, 'x', sizeof(why));
	rc = p(s, n, out, why, sizeof(why));
	CHECK(p(s, n, out, NULL, 0) == rc, "the answer depends on why");
	if (rc == 0) {
		if (kind == 0)
			digest_secret_file_format(out, text);
		else if (kind == 1)
			digest_public_file_format(out, text);
		else
			digest_sig_file_format(out, text);
		CHECK(strlen(text) == n && memcmp(text, s, n) == 0,
		      "an accepted file is not its key's canonical text");
		return 0;
	}
	CHECK(rc == -1, "a parser returned neither 0 nor -1");
	CHECK(memchr(why, 0, sizeof(why)) && why[0], "no reason");
	memset(small, 'x', sizeof(small));
	CHECK(p(s, n, out, small, sizeof(small)) == -1, "small buffer");
	CHECK(memchr(small, 0, sizeof(small)) &&
	      strncmp(small, why, strlen(small)) == 0,
	      "a cut reason is not a prefix of the reason");
	return -1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size ? size : 1);
	unsigned char *bytes = malloc(size / 4 * 3 + 1);
	int accepted = 0;
	size_t n;

	if (!s || !bytes)
		abort();
	if (size)
		memcpy(s, data, size);
	accepted += check_parser(parse_secret, 0, s, size) == 0;
	accepted += check_parser(parse_public, 1, s, size) == 0;
	accepted += check_parser(parse_sig, 2, s, size) == 0;
	CHECK(accepted <= 1, "two kinds of file accept one text");

	if (digest_base64_decode(s, size, bytes, size / 4 * 3 + 1, &n, NULL,
				 0) == 0) {
		char *again = malloc(DIGEST_BASE64_SIZE(n));

		if (!again)
			abort();
		CHECK(digest_base64_encode(bytes, n, again) == size &&
		      memcmp(again, s, size) == 0,
		      "accepted base64 is not the encoding of its bytes");
		free(again);
	}
	free(bytes);
	free(s);
	return 0;
}
