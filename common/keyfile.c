/*
 * keyfile.c - key pairs on disk (keyfile.h): O_EXCL creation, strict
 * reading through digest.h's parsers.
 */
#include "keyfile.h"
#include "reason.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Creates path (O_EXCL) holding text[0..len), synced. */
static int create_file(const char *path, mode_t mode, const char *text,
		       size_t len, char *why, size_t whysize)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
		      mode);
	size_t done = 0;

	if (fd < 0 && errno == EEXIST)
		return reason_code(
		    KEYFILE_EEXIST, why, whysize,
		    "%s already exists; "
		    "a key is never overwritten (remove it first, "
		    "or choose another name)",
		    path);
	if (fd < 0)
		return reason_code(KEYFILE_EIO, why, whysize,
				   "cannot create %s: %s", path,
				   strerror(errno));
	/* the umask must not widen nor narrow what a key file needs */
	if (fchmod(fd, mode) != 0)
		goto fail_errno;
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			goto fail_errno;
		done += (size_t)n;
	}
	if (fsync(fd) != 0)
		goto fail_errno;
	if (close(fd) != 0) {
		fd = -1;
		goto fail_errno;
	}
	return 0;
fail_errno:
	reason_code(KEYFILE_EIO, why, whysize, "cannot write %s: %s", path,
		    strerror(errno));
	if (fd >= 0)
		close(fd);
	unlink(path);
	return KEYFILE_EIO;
}

int keyfile_generate(const char *path,
		     unsigned char pub_out[DIGEST_ED25519_PUBLIC_BYTES],
		     char *why, size_t whysize)
{
	unsigned char seed[DIGEST_ED25519_SEED_BYTES];
	unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES];
	char secret_text[DIGEST_SECRET_FILE_SIZE];
	char public_text[DIGEST_PUBLIC_FILE_SIZE];
	size_t n = strlen(path) + sizeof(".pub");
	char *pub_path = malloc(n);
	struct stat st;
	int rc;

	if (!pub_path)
		return reason_code(KEYFILE_EIO, why, whysize, "out of memory");
	snprintf(pub_path, n, "%s.pub", path);
	/* refuse before creating anything when the public half is there */
	if (lstat(pub_path, &st) == 0) {
		rc = reason_code(
		    KEYFILE_EEXIST, why, whysize,
		    "%s already exists; "
		    "a key is never overwritten (remove it first, or "
		    "choose another name)",
		    pub_path);
		goto out;
	}
	if (digest_ed25519_keygen(seed, pub, why, whysize)) {
		rc = KEYFILE_EIO;
		goto out;
	}
	digest_secret_file_format(seed, secret_text);
	digest_public_file_format(pub, public_text);
	rc = create_file(path, 0600, secret_text, strlen(secret_text), why,
			 whysize);
	if (rc)
		goto out;
	rc = create_file(pub_path, 0644, public_text, strlen(public_text),
			 why, whysize);
	if (rc) {
		unlink(path);
		goto out;
	}
	if (pub_out)
		memcpy(pub_out, pub, sizeof(pub));
out:
	memset(seed, 0, sizeof(seed));
	memset(secret_text, 0, sizeof(secret_text));
	free(pub_path);
	return rc;
}

/* The bytes of the key file at path (at most KEYFILE_MAX) into buf. */
static int read_small(const char *path, char buf[KEYFILE_MAX + 1],
		      size_t *len, char *why, size_t whysize)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	size_t got = 0;

	if (fd < 0)
		return reason_code(errno == ENOENT ? KEYFILE_EBAD : KEYFILE_EIO,
				   why, whysize, "cannot open key file %s: %s",
				   path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return reason_code(KEYFILE_EBAD, why, whysize,
				   "%s is not a regular file", path);
	}
	for (;;) {
		ssize_t n = read(fd, buf + got, KEYFILE_MAX + 1 - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			int e = errno;

			close(fd);
			return reason_code(KEYFILE_EIO, why, whysize,
					   "cannot read %s:"
					   " %s",
					   path, strerror(e));
		}
		if (n == 0)
			break;
		got += (size_t)n;
		if (got > KEYFILE_MAX) {
			close(fd);
			return reason_code(KEYFILE_EBAD, why, whysize,
					   "%s is too "
					   "large to be a key file",
					   path);
		}
	}
	close(fd);
	*len = got;
	return 0;
}

int keyfile_read_secret(const char *path,
			unsigned char seed[DIGEST_ED25519_SEED_BYTES],
			char *why, size_t whysize)
{
	char buf[KEYFILE_MAX + 1], reason[256];
	size_t len;
	int rc = read_small(path, buf, &len, why, whysize);

	if (rc == 0 && digest_secret_file_parse(buf, len, seed, reason,
						sizeof(reason)))
		rc = reason_code(KEYFILE_EBAD, why, whysize, "%s: %s", path,
				 reason);
	memset(buf, 0, sizeof(buf));
	return rc;
}

int keyfile_read_public(const char *path,
			unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES],
			char *why, size_t whysize)
{
	char buf[KEYFILE_MAX + 1], reason[256];
	size_t len;
	int rc = read_small(path, buf, &len, why, whysize);

	if (rc == 0 && digest_public_file_parse(buf, len, pub, reason,
						sizeof(reason)))
		rc = reason_code(KEYFILE_EBAD, why, whysize, "%s: %s", path,
				 reason);
	return rc;
}
