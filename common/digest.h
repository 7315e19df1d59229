/*
 * digest.h - sha256, hex, base64 and ed25519 signatures, and the text
 * files that hold keys and signatures: the one crypto library of the
 * project behind one header.
 *
 * Everything here is OpenSSL's libcrypto (EVP): its sha256 uses SHA-NI or
 * AVX2 where the CPU has them, it does ed25519, and libcurl loads it
 * anyway. The sha256 algorithm is fetched once (pthread_once) and never
 * changes; nothing else is global. All functions are safe to call from
 * several threads at once.
 *
 * Errors: functions that can fail return 0 or -1, and on -1 write a
 * reason in plain words into why[0..whysize) (why may be NULL). Out
 * buffers are the caller's, of the sizes defined below.
 *
 * The text files (all ASCII, exactly one line ending in "\n", nothing
 * before or after it; a parser refuses anything else with a reason):
 *   secret key  "sitec-ed25519-secret " + base64 of the 32-byte seed
 *   public key  "sitec-ed25519-public " + base64 of the 32-byte key
 *   signature   "sitec-ed25519-signature " + base64 of the 64 bytes
 * base64 is RFC 4648's standard alphabet with its `=` padding.
 */
#ifndef SITEC_COMMON_DIGEST_H
#define SITEC_COMMON_DIGEST_H

#include <stdbool.h>
#include <stddef.h>

#define DIGEST_SHA256_BYTES 32
/* "sha256:" + 64 lowercase hex digits + NUL */
#define DIGEST_SHA256_TEXT_SIZE 72

#define DIGEST_ED25519_SEED_BYTES 32
#define DIGEST_ED25519_PUBLIC_BYTES 32
#define DIGEST_ED25519_SIG_BYTES 64

#define DIGEST_SECRET_PREFIX "sitec-ed25519-secret "
#define DIGEST_PUBLIC_PREFIX "sitec-ed25519-public "
#define DIGEST_SIG_PREFIX "sitec-ed25519-signature "
/* The files' sizes, NUL included. */
#define DIGEST_SECRET_FILE_SIZE (sizeof(DIGEST_SECRET_PREFIX) + 44 + 1)
#define DIGEST_PUBLIC_FILE_SIZE (sizeof(DIGEST_PUBLIC_PREFIX) + 44 + 1)
#define DIGEST_SIG_FILE_SIZE (sizeof(DIGEST_SIG_PREFIX) + 88 + 1)

/* --- sha256 --- */

/* One shot. -1 only when libcrypto fails (out of memory). */
int digest_sha256(const void *data, size_t len,
		  unsigned char out[DIGEST_SHA256_BYTES]);
/* One shot as the text "sha256:HEX". */
int digest_sha256_text(const void *data, size_t len,
		       char out[DIGEST_SHA256_TEXT_SIZE]);
/* Whether s[0..n) is "sha256:" + 64 lowercase hex digits. */
bool digest_sha256_text_valid(const char *s, size_t n);

/* Streaming: new, any number of updates, then final, which also frees
 * the stream (a stream abandoned early is freed with _free). */
struct digest_sha256_stream;
struct digest_sha256_stream *digest_sha256_new(void);	/* NULL: no memory */
int digest_sha256_update(struct digest_sha256_stream *st, const void *data,
			 size_t len);
int digest_sha256_final(struct digest_sha256_stream *st,
			unsigned char out[DIGEST_SHA256_BYTES]);
void digest_sha256_free(struct digest_sha256_stream *st);

/* --- hex and base64 --- */

/* n bytes as 2n lowercase hex digits and a NUL into out[0..2n+1). */
void digest_hex(const unsigned char *data, size_t n, char *out);

/* The size base64 of n bytes needs, NUL included. */
#define DIGEST_BASE64_SIZE(n) (((n) + 2) / 3 * 4 + 1)
/* data[0..n) as padded base64 and a NUL into out[0..DIGEST_BASE64_SIZE(n)).
 * Returns the length written (without the NUL). */
size_t digest_base64_encode(const void *data, size_t n, char *out);
/* Strict decoding of s[0..n): only the alphabet, a length that is a
 * multiple of 4, `=` only as the final padding, unused bits zero (one
 * text per byte string), no white space. The bytes go to
 * out[0..outsize), their count to *outlen. -1 with a reason otherwise
 * (or when out is too small). */
int digest_base64_decode(const char *s, size_t n, unsigned char *out,
			 size_t outsize, size_t *outlen, char *why,
			 size_t whysize);

/* --- ed25519 (RFC 8032) --- */

/* A new key pair from the system's random source. */
int digest_ed25519_keygen(unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			  unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			  char *why, size_t whysize);
/* The public key of a seed. */
int digest_ed25519_public(const unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			  unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			  char *why, size_t whysize);
/* The signature of msg[0..len) (deterministic, as RFC 8032 says). */
int digest_ed25519_sign(const unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			const void *msg, size_t len,
			unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			char *why, size_t whysize);
/* 0 when sig is pub's signature of msg[0..len); -1 otherwise. */
int digest_ed25519_verify(const unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			  const void *msg, size_t len,
			  const unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			  char *why, size_t whysize);

/* --- key and signature files --- */

/* The file's text (NUL-terminated) into out. */
void digest_secret_file_format(
	const unsigned char seed[DIGEST_ED25519_SEED_BYTES],
	char out[DIGEST_SECRET_FILE_SIZE]);
void digest_public_file_format(
	const unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
	char out[DIGEST_PUBLIC_FILE_SIZE]);
void digest_sig_file_format(const unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			    char out[DIGEST_SIG_FILE_SIZE]);

/* A file's bytes s[0..n) (any bytes) back to the key or signature; -1
 * with a reason for anything else: another prefix (another kind of file
 * gets its name), bad base64, a wrong length, no final newline, anything
 * after it. */
int digest_secret_file_parse(const char *s, size_t n,
			     unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			     char *why, size_t whysize);
int digest_public_file_parse(const char *s, size_t n,
			     unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			     char *why, size_t whysize);
int digest_sig_file_parse(const char *s, size_t n,
			  unsigned char sig[DIGEST_ED25519_SIG_BYTES],
			  char *why, size_t whysize);

#endif
