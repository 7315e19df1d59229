/*
 * digest.c - sha256, hex, base64 and ed25519 over OpenSSL's libcrypto,
 * and the key and signature files (digest.h).
 */
#include "digest.h"
#include "reason.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- sha256 ---------------------------------------------------------------- */

/* Fetched once and never changed: EVP_sha256() and SHA256() would look
 * the algorithm up on every call, a measurable part of a large compile. */
static EVP_MD *sha256_md;
static pthread_once_t sha256_once = PTHREAD_ONCE_INIT;

static void fetch_sha256(void)
{
	sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);	/* never freed */
}

static const EVP_MD *sha256(void)
{
	pthread_once(&sha256_once, fetch_sha256);
	return sha256_md ? sha256_md : EVP_sha256();
}

int digest_sha256(const void *data, size_t len,
		  unsigned char out[DIGEST_SHA256_BYTES])
{
	unsigned n = DIGEST_SHA256_BYTES;

	return EVP_Digest(data, len, out, &n, sha256(), NULL) &&
	       n == DIGEST_SHA256_BYTES ? 0 : -1;
}

int digest_sha256_text(const void *data, size_t len,
		       char out[DIGEST_SHA256_TEXT_SIZE])
{
	unsigned char hash[DIGEST_SHA256_BYTES];

	if (digest_sha256(data, len, hash) != 0) {
		out[0] = 0;
		return -1;
	}
	memcpy(out, "sha256:", 7);
	digest_hex(hash, sizeof(hash), out + 7);
	return 0;
}

bool digest_sha256_text_valid(const char *s, size_t n)
{
	if (n != DIGEST_SHA256_TEXT_SIZE - 1 || memcmp(s, "sha256:", 7) != 0)
		return false;
	for (size_t i = 7; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

struct digest_sha256_stream {
	EVP_MD_CTX *ctx;
};

struct digest_sha256_stream *digest_sha256_new(void)
{
	struct digest_sha256_stream *st = malloc(sizeof(*st));

	if (!st)
		return NULL;
	st->ctx = EVP_MD_CTX_new();
	if (!st->ctx || !EVP_DigestInit_ex(st->ctx, sha256(), NULL)) {
		digest_sha256_free(st);
		return NULL;
	}
	return st;
}

int digest_sha256_update(struct digest_sha256_stream *st, const void *data,
			 size_t len)
{
	return EVP_DigestUpdate(st->ctx, data, len) ? 0 : -1;
}

int digest_sha256_final(struct digest_sha256_stream *st,
			unsigned char out[DIGEST_SHA256_BYTES])
{
	unsigned n = DIGEST_SHA256_BYTES;
	int ok = EVP_DigestFinal_ex(st->ctx, out, &n) &&
		 n == DIGEST_SHA256_BYTES;

	digest_sha256_free(st);
	return ok ? 0 : -1;
}

void digest_sha256_free(struct digest_sha256_stream *st)
{
	if (!st)
		return;
	EVP_MD_CTX_free(st->ctx);
	free(st);
}

/* --- hex and base64 ---------------------------------------------------------- */

void digest_hex(const unsigned char *data, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++) {
		out[2 * i] = digits[data[i] >> 4];
		out[2 * i + 1] = digits[data[i] & 15];
	}
	out[2 * n] = 0;
}

size_t digest_base64_encode(const void *data, size_t n, char *out)
{
	size_t len = 0;

	/* EVP_EncodeBlock takes an int: go in pieces of whole groups */
	while (n > 0) {
		size_t part = n < 3 * 65536 ? n : 3 * 65536;

		len += (size_t)EVP_EncodeBlock((unsigned char *)out + len,
					       data, (int)part);
		data = (const unsigned char *)data + part;
		n -= part;
	}
	out[len] = 0;
	return len;
}

static int base64_value(char c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int digest_base64_decode(const char *s, size_t n, unsigned char *out,
			 size_t outsize, size_t *outlen, char *why,
			 size_t whysize)
{
	size_t pad = 0, len;

	if (n % 4)
		return reason_fail(why, whysize,
				   "its length %zu is not a multiple "
				   "of 4",
				   n);
	if (n > (size_t)INT32_MAX)
		return reason_fail(why, whysize, "it is too long");
	while (pad < 2 && pad < n && s[n - 1 - pad] == '=')
		pad++;
	for (size_t i = 0; i < n - pad; i++)
		if (base64_value(s[i]) < 0)
			return reason_fail(why, whysize,
					   "byte %zu (0x%02x) is not "
					   "a base64 digit",
					   i + 1, (unsigned char)s[i]);
	/* the bits the padding leaves over must be zero */
	if (pad && (base64_value(s[n - pad - 1]) & (pad == 1 ? 3 : 15)))
		return reason_fail(why, whysize,
				   "the last digit before the `=` "
				   "has bits set that no byte uses");
	len = n / 4 * 3 - pad;
	if (len > outsize)
		return reason_fail(why, whysize,
				   "it decodes to %zu bytes, more "
				   "than %zu",
				   len, outsize);
	if (n) {
		unsigned char *tmp = malloc(n / 4 * 3);

		if (!tmp)
			return reason_fail(why, whysize, "out of memory");
		if (EVP_DecodeBlock(tmp, (const unsigned char *)s, (int)n) !=
		    (int)(n / 4 * 3)) {
			free(tmp);
			return reason_fail(why, whysize,
					   "it is not valid base64");
		}
		memcpy(out, tmp, len);
		free(tmp);
	}
	*outlen = len;
	return 0;
}

/* --- ed25519 ---------------------------------------------------------------- */

static EVP_PKEY *secret_key(const unsigned char *seed, char *why,
			    size_t whysize)
{
	EVP_PKEY *k = EVP_PKEY_new_raw_private_key(EVP_PKEY_ED25519, NULL, seed,
						   DIGEST_ED25519_SEED_BYTES);

	if (!k)
		reason_fail(why, whysize,
			    "libcrypto cannot make an ed25519 key");
	return k;
}

static int raw_public(EVP_PKEY *k, unsigned char *pub, char *why,
		      size_t whysize)
{
	size_t n = DIGEST_ED25519_PUBLIC_BYTES;

	if (!EVP_PKEY_get_raw_public_key(k, pub, &n) ||
	    n != DIGEST_ED25519_PUBLIC_BYTES)
		return reason_fail(why, whysize,
				   "libcrypto gives no public key");
	return 0;
}

int digest_ed25519_keygen(unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			  unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			  char *why, size_t whysize)
{
	EVP_PKEY_CTX *ctx = EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, NULL);
	EVP_PKEY *k = NULL;
	size_t n = DIGEST_ED25519_SEED_BYTES;
	int rc = -1;

	if (!ctx || EVP_PKEY_keygen_init(ctx) <= 0 ||
	    EVP_PKEY_keygen(ctx, &k) <= 0) {
		reason_fail(why, whysize,
			    "libcrypto cannot generate an ed25519 key");
		goto out;
	}
	if (!EVP_PKEY_get_raw_private_key(k, seed, &n) ||
	    n != DIGEST_ED25519_SEED_BYTES) {
		reason_fail(why, whysize, "libcrypto gives no secret key");
		goto out;
	}
	rc = raw_public(k, pub, why, whysize);
out:
	EVP_PKEY_free(k);
	EVP_PKEY_CTX_free(ctx);
	return rc;
}

int digest_ed25519_public(const unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			  unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			  char *why, size_t whysize)
{
	EVP_PKEY *k = secret_key(seed, why, whysize);
	int rc = k ? raw_public(k, pub, why, whysize) : -1;

	EVP_PKEY_free(k);
	return rc;
}

int digest_ed25519_sign(const unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			const void *msg, size_t len,
			unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			char *why, size_t whysize)
{
	EVP_PKEY *k = secret_key(seed, why, whysize);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	size_t n = DIGEST_ED25519_SIG_BYTES;
	int rc = -1;

	if (!k || !ctx)
		goto out;
	/* ed25519 hashes by itself: no digest named (NULL md) */
	if (EVP_DigestSignInit(ctx, NULL, NULL, NULL, k) != 1 ||
	    EVP_DigestSign(ctx, sig, &n, msg, len) != 1 ||
	    n != DIGEST_ED25519_SIG_BYTES) {
		reason_fail(why, whysize, "libcrypto cannot sign");
		goto out;
	}
	rc = 0;
out:
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(k);
	return rc;
}

int digest_ed25519_verify(const unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			  const void *msg, size_t len,
			  const unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			  char *why, size_t whysize)
{
	EVP_PKEY *k = EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, NULL, pub,
						  DIGEST_ED25519_PUBLIC_BYTES);
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();
	int rc = -1;

	if (!k || !ctx) {
		reason_fail(why, whysize,
			    "libcrypto cannot read the public key");
		goto out;
	}
	if (EVP_DigestVerifyInit(ctx, NULL, NULL, NULL, k) != 1 ||
	    EVP_DigestVerify(ctx, sig, DIGEST_ED25519_SIG_BYTES, msg, len) != 1) {
		reason_fail(why, whysize,
			    "the signature does not match the public "
			    "key and the signed bytes");
		goto out;
	}
	rc = 0;
out:
	EVP_MD_CTX_free(ctx);
	EVP_PKEY_free(k);
	return rc;
}

/* --- key and signature files ------------------------------------------------- */

static const struct file_kind {
	const char *prefix;
	const char *what;
	size_t bytes;
} kinds[] = {
	{ DIGEST_SECRET_PREFIX, "an ed25519 secret key file",
	  DIGEST_ED25519_SEED_BYTES },
	{ DIGEST_PUBLIC_PREFIX, "an ed25519 public key file",
	  DIGEST_ED25519_PUBLIC_BYTES },
	{ DIGEST_SIG_PREFIX, "an ed25519 signature file",
	  DIGEST_ED25519_SIG_BYTES },
};

static void file_format(const struct file_kind *k, const unsigned char *raw,
			char *out)
{
	size_t p = strlen(k->prefix);

	memcpy(out, k->prefix, p);
	p += digest_base64_encode(raw, k->bytes, out + p);
	memcpy(out + p, "\n", 2);
}

static int file_parse(const struct file_kind *k, const char *s, size_t n,
		      unsigned char *raw, char *why, size_t whysize)
{
	size_t p = strlen(k->prefix), got, end;
	const char *nl;
	char reason[128];
	unsigned char buf[2 * DIGEST_ED25519_SIG_BYTES];

	if (n < p || memcmp(s, k->prefix, p) != 0) {
		for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
			size_t q = strlen(kinds[i].prefix);

			if (&kinds[i] != k && n >= q &&
			    memcmp(s, kinds[i].prefix, q) == 0)
				return reason_fail(why, whysize,
						   "it is %s, not %s",
						   kinds[i].what, k->what);
		}
		return reason_fail(why, whysize,
				   "it does not start with `%s`, as "
				   "%s does",
				   k->prefix, k->what);
	}
	nl = memchr(s + p, '\n', n - p);
	end = nl ? (size_t)(nl - s) : n;
	if (end > p && s[end - 1] == '\r')
		return reason_fail(why, whysize,
				   "its line ends in CR LF, not LF");
	if (end - p > 4 * sizeof(buf) / 3)
		return reason_fail(why, whysize,
				   "it holds more than %zu bytes, not "
				   "%zu",
				   sizeof(buf), k->bytes);
	if (digest_base64_decode(s + p, end - p, buf, sizeof(buf), &got,
				 reason, sizeof(reason)) != 0)
		return reason_fail(why, whysize,
				   "the text after `%s` is not valid "
				   "base64: %s",
				   k->prefix, reason);
	if (got != k->bytes)
		return reason_fail(why, whysize, "it holds %zu bytes, not %zu",
				   got, k->bytes);
	if (!nl)
		return reason_fail(why, whysize,
				   "it does not end with a newline");
	if (end + 1 != n)
		return reason_fail(why, whysize,
				   "there is more after its line (%zu "
				   "bytes)",
				   n - end - 1);
	memcpy(raw, buf, k->bytes);
	return 0;
}

void digest_secret_file_format(
	const unsigned char seed[DIGEST_ED25519_SEED_BYTES],
	char out[DIGEST_SECRET_FILE_SIZE])
{
	file_format(&kinds[0], seed, out);
}

void digest_public_file_format(
	const unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
	char out[DIGEST_PUBLIC_FILE_SIZE])
{
	file_format(&kinds[1], pub, out);
}

void digest_sig_file_format(const unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			    char out[DIGEST_SIG_FILE_SIZE])
{
	file_format(&kinds[2], sig, out);
}

int digest_secret_file_parse(const char *s, size_t n,
			     unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			     char *why, size_t whysize)
{
	return file_parse(&kinds[0], s, n, seed, why, whysize);
}

int digest_public_file_parse(const char *s, size_t n,
			     unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			     char *why, size_t whysize)
{
	return file_parse(&kinds[1], s, n, pub, why, whysize);
}

int digest_sig_file_parse(const char *s, size_t n,
			  unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			  char *why, size_t whysize)
{
	return file_parse(&kinds[2], s, n, sig, why, whysize);
}
