/*
 * atomic_write.h - replacing a file whole: whoever opens it sees the old
 * bytes or the new ones, never a part (TOOLCHAIN.md: the compiler's
 * build output, without fsync; the runtime's crash-safe primitive, with).
 *
 * The data goes to a temp file in the same directory, created with
 * O_CREAT | O_EXCL | O_NOFOLLOW under the name ".NAME.<16 hex>.tmp"
 * (a crashed writer's leftovers match ".*.tmp" and can be removed), is
 * optionally fsync'ed, and is renamed over NAME with renameat; then the
 * directory is optionally fsync'ed. An fsync that fails is an error (the
 * temp file is removed; NAME is as it was or already new, and the caller
 * must not trust it).
 *
 * A symbolic link at NAME is never followed: it is neither read (for
 * ATOMIC_WRITE_SKIP_SAME) nor written through; rename replaces the link
 * itself with the new regular file. Its target stays as it was.
 *
 * No global state; safe in several threads at once (two threads writing
 * one name: the last rename wins, whole).
 */
#ifndef SITEC_COMMON_ATOMIC_WRITE_H
#define SITEC_COMMON_ATOMIC_WRITE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

enum {
	/* fsync the file before the rename and the directory after it */
	ATOMIC_WRITE_FSYNC = 1 << 0,
	/* leave a regular file that already holds exactly the bytes alone */
	ATOMIC_WRITE_SKIP_SAME = 1 << 1,
	/* fchmod the file to mode exactly; else mode less the umask */
	ATOMIC_WRITE_EXACT_MODE = 1 << 2,
};

/*
 * Writes data[0..len) to dirfd/name (name: one path component; dirfd an
 * open directory or AT_FDCWD) with the flags above. *wrote (may be NULL)
 * tells whether it wrote; *st (may be NULL) gets the status of the file
 * now at name (also when it was left alone). Returns 0, or -1 with errno
 * set and a reason naming the file in why[0..whysize) (why may be NULL).
 */
int atomic_write(int dirfd, const char *name, const void *data, size_t len,
		 mode_t mode, unsigned flags, bool *wrote, struct stat *st,
		 char *why, size_t whysize);

/* Whether dirfd/name is a regular file (not a symlink) holding exactly
 * data[0..len); *st (may be NULL) gets its status when it is. Never
 * blocks on a FIFO. */
bool atomic_write_same(int dirfd, const char *name, const void *data,
		       size_t len, struct stat *st);

#endif
