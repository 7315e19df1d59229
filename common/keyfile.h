/*
 * keyfile.h - the key files of `sitec keygen` and `--sign-key` on disk:
 * creating a pair, reading either half back (formats in digest.h).
 *
 * Errors: 0, or KEYFILE_EEXIST (keyfile_generate: a file is already
 * there; nothing was changed), KEYFILE_EBAD (the file is not a key of
 * that kind: the reason names what it is), KEYFILE_EIO (a system call
 * failed), with a reason in why[0..whysize) that names the path.
 */
#ifndef SITEC_COMMON_KEYFILE_H
#define SITEC_COMMON_KEYFILE_H

#include "digest.h"

#include <stddef.h>

#define KEYFILE_EIO (-1)
#define KEYFILE_EEXIST (-2)
#define KEYFILE_EBAD (-3)

/* The largest key file read (the formats are under 100 bytes). */
#define KEYFILE_MAX 4096

/*
 * A new ed25519 pair: the secret key in path (created with O_EXCL, mode
 * 0600, synced), the public key in path + ".pub" (O_EXCL, mode 0644).
 * Neither may exist; when the second cannot be created the first is
 * removed again. pub (may be NULL) receives the public key.
 */
int keyfile_generate(const char *path,
		     unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
		     char *why, size_t whysize);

/* The seed of the secret key file at path. */
int keyfile_read_secret(const char *path,
			unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			char *why, size_t whysize);
/* The key of the public key file at path. */
int keyfile_read_public(const char *path,
			unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			char *why, size_t whysize);

#endif
