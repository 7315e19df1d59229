/*
 * atomic_write.c - temp file in the same directory, optional fsync,
 * renameat, optional fsync of the directory (atomic_write.h).
 */
#define _DEFAULT_SOURCE	/* getrandom */
#include "atomic_write.h"
#include "reason.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

bool atomic_write_same(int dirfd, const char *name, const void *data,
		       size_t len, struct stat *st_out)
{
	struct stat st;
	bool same = false;
	/* O_NONBLOCK: a FIFO at name must not wait for a writer */
	int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW |
			O_NONBLOCK);

	if (fd < 0)
		return false;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uintmax_t)st.st_size == len) {
		char buf[65536];
		size_t off = 0;

		same = true;
		while (same && off < len) {
			ssize_t n = read(fd, buf, sizeof(buf));

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0 || (size_t)n > len - off ||
			    memcmp(buf, (const char *)data + off, (size_t)n))
				same = false;
			else
				off += (size_t)n;
		}
	}
	close(fd);
	if (same && st_out)
		*st_out = st;
	return same;
}

/* All of data to fd. */
static int write_all(int fd, const char *data, size_t len)
{
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		off += (size_t)w;
	}
	return 0;
}

/* A temp file in dirfd for name: its name into tmp, its fd returned. */
static int create_temp(int dirfd, const char *name, mode_t mode, char *tmp,
		       size_t tmpsize)
{
	for (int tries = 0; tries < 100; tries++) {
		uint64_t r = 0;
		int fd, n;

		/* random, not a counter: no state shared between calls */
		if (getrandom(&r, sizeof(r), GRND_NONBLOCK) != sizeof(r))
			r = ((uint64_t)getpid() << 32) ^ (uint64_t)tries ^
			    (uint64_t)(uintptr_t)&r;
		n = snprintf(tmp, tmpsize, ".%.200s.%016llx.tmp", name,
			     (unsigned long long)r);
		if (n < 0 || (size_t)n >= tmpsize) {
			errno = ENAMETOOLONG;
			return -1;
		}
		fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL |
			    O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd >= 0 || errno != EEXIST)
			return fd;
	}
	return -1;
}

int atomic_write(int dirfd, const char *name, const void *data, size_t len,
		 mode_t mode, unsigned flags, bool *wrote, struct stat *st,
		 char *why, size_t whysize)
{
	char tmp[256];
	int fd, dfd;

	if (wrote)
		*wrote = false;
	if ((flags & ATOMIC_WRITE_SKIP_SAME) &&
	    atomic_write_same(dirfd, name, data, len, st))
		return 0;
	fd = create_temp(dirfd, name, mode, tmp, sizeof(tmp));
	if (fd < 0)
		return reason_fail(why, whysize,
				   "cannot create a temp file for %s: "
				   "%s",
				   name, strerror(errno));
	if (write_all(fd, data, len) != 0) {
		reason_fail(why, whysize, "cannot write %s: %s", name,
			    strerror(errno));
		goto fail_fd;
	}
	if ((flags & ATOMIC_WRITE_EXACT_MODE) && fchmod(fd, mode) != 0) {
		reason_fail(why, whysize, "cannot set the mode of %s: %s", name,
			    strerror(errno));
		goto fail_fd;
	}
	if ((flags & ATOMIC_WRITE_FSYNC) && fsync(fd) != 0) {
		reason_fail(why, whysize, "cannot sync %s: %s", name,
			    strerror(errno));
		goto fail_fd;
	}
	/* the status it keeps once renamed (rename changes only ctime) */
	if (st && fstat(fd, st) != 0) {
		reason_fail(why, whysize, "cannot stat %s: %s", name,
			    strerror(errno));
		goto fail_fd;
	}
	if (close(fd) != 0) {
		fd = -1;
		reason_fail(why, whysize, "cannot write %s: %s", name,
			    strerror(errno));
		goto fail_tmp;
	}
	fd = -1;
	if (renameat(dirfd, tmp, dirfd, name) != 0) {
		reason_fail(why, whysize, "cannot rename a temp file to %s: %s",
			    name, strerror(errno));
		goto fail_tmp;
	}
	if (wrote)
		*wrote = true;
	if (!(flags & ATOMIC_WRITE_FSYNC))
		return 0;
	dfd = dirfd == AT_FDCWD
		? open(".", O_RDONLY | O_DIRECTORY | O_CLOEXEC) : dirfd;
	if (dfd < 0 || fsync(dfd) != 0) {
		reason_fail(why, whysize, "cannot sync the directory of %s: %s",
			    name, strerror(errno));
		if (dfd >= 0 && dfd != dirfd)
			close(dfd);
		return -1;
	}
	if (dfd != dirfd)
		close(dfd);
	return 0;
fail_fd:
	{
		int e = errno;

		close(fd);
		errno = e;
	}
fail_tmp:
	{
		int e = errno;

		unlinkat(dirfd, tmp, 0);
		errno = e;
	}
	return -1;
}
