/*
 * test_atomic_write.c - common/atomic_write.h in a temp directory:
 * create, replace, an unchanged file left alone (same inode and mtime),
 * fsync on, the exact mode, a symlink at the name replaced and its target
 * untouched, no temp file left behind, and the errors (a missing
 * directory, a name that is a directory) with a reason naming the file.
 * Links common_dep only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_write.h"

struct fixture {
	char dir[64];
	int dfd;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/test_atomic_write.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->dfd = open(f->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	*state = f;
	return f->dfd < 0 ? -1 : 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	DIR *d = opendir(f->dir);
	struct dirent *e;

	while (d && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    unlinkat(f->dfd, e->d_name, 0) != 0)
			unlinkat(f->dfd, e->d_name, AT_REMOVEDIR);
	if (d)
		closedir(d);
	close(f->dfd);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void assert_content(int dfd, const char *name, const char *want)
{
	char buf[256];
	int fd = openat(dfd, name, O_RDONLY);
	ssize_t n;

	assert_true(fd >= 0);
	n = read(fd, buf, sizeof(buf));
	close(fd);
	assert_int_equal(n, strlen(want));
	assert_memory_equal(buf, want, (size_t)n);
}

/* The number of entries of the directory but . and .. */
static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)))
		n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return n;
}

static void t_create_replace_skip(void **state)
{
	struct fixture *f = *state;
	struct stat st, st2, now;
	bool wrote;

	assert_int_equal(atomic_write(f->dfd, "a.json", "one\n", 4, 0644,
				      ATOMIC_WRITE_SKIP_SAME, &wrote, &st,
				      NULL, 0), 0);
	assert_true(wrote);
	assert_content(f->dfd, "a.json", "one\n");
	assert_int_equal(fstatat(f->dfd, "a.json", &now, 0), 0);
	assert_true(now.st_ino == st.st_ino);

	/* the same bytes: untouched */
	assert_int_equal(atomic_write(f->dfd, "a.json", "one\n", 4, 0644,
				      ATOMIC_WRITE_SKIP_SAME, &wrote, &st2,
				      NULL, 0), 0);
	assert_false(wrote);
	assert_true(st2.st_ino == st.st_ino);
	assert_true(st2.st_mtim.tv_nsec == st.st_mtim.tv_nsec &&
		    st2.st_mtim.tv_sec == st.st_mtim.tv_sec);

	/* without the flag: written again, a new file */
	assert_int_equal(atomic_write(f->dfd, "a.json", "one\n", 4, 0644, 0,
				      &wrote, &st2, NULL, 0), 0);
	assert_true(wrote);
	assert_true(st2.st_ino != st.st_ino);

	/* other bytes, with fsync: replaced */
	assert_int_equal(atomic_write(f->dfd, "a.json", "two, longer\n", 12,
				      0644, ATOMIC_WRITE_SKIP_SAME |
				      ATOMIC_WRITE_FSYNC, &wrote, NULL, NULL,
				      0), 0);
	assert_true(wrote);
	assert_content(f->dfd, "a.json", "two, longer\n");
	/* empty */
	assert_int_equal(atomic_write(f->dfd, "a.json", "", 0, 0644,
				      ATOMIC_WRITE_SKIP_SAME, &wrote, NULL,
				      NULL, 0), 0);
	assert_true(wrote);
	assert_content(f->dfd, "a.json", "");
	assert_int_equal(count_entries(f->dir), 1);	/* no temp file */
}

static void t_exact_mode_and_cwd(void **state)
{
	struct fixture *f = *state;
	struct stat st;
	mode_t old = umask(022);
	char cwd[4096];

	assert_int_equal(atomic_write(f->dfd, "m", "x", 1, 0664,
				      ATOMIC_WRITE_EXACT_MODE, NULL, &st, NULL,
				      0), 0);
	assert_int_equal(st.st_mode & 07777, 0664);
	assert_int_equal(atomic_write(f->dfd, "u", "x", 1, 0666, 0, NULL, &st,
				      NULL, 0), 0);
	assert_int_equal(st.st_mode & 07777, 0644);	/* less the umask */
	umask(old);

	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(f->dir), 0);
	assert_int_equal(atomic_write(AT_FDCWD, "c", "cwd", 3, 0644,
				      ATOMIC_WRITE_FSYNC, NULL, NULL, NULL, 0),
			 0);
	assert_int_equal(chdir(cwd), 0);
	assert_content(f->dfd, "c", "cwd");
}

static void t_symlink_replaced(void **state)
{
	struct fixture *f = *state;
	struct stat st;
	bool wrote;

	assert_int_equal(atomic_write(f->dfd, "target", "secret\n", 7, 0600, 0,
				      NULL, NULL, NULL, 0), 0);
	assert_int_equal(symlinkat("target", f->dfd, "link"), 0);
	/* the same bytes as the target: still not "the same", as a link */
	assert_int_equal(atomic_write(f->dfd, "link", "secret\n", 7, 0644,
				      ATOMIC_WRITE_SKIP_SAME, &wrote, NULL,
				      NULL, 0), 0);
	assert_true(wrote);
	assert_int_equal(fstatat(f->dfd, "link", &st, AT_SYMLINK_NOFOLLOW), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_content(f->dfd, "target", "secret\n");

	assert_int_equal(symlinkat("target", f->dfd, "link2"), 0);
	assert_int_equal(atomic_write(f->dfd, "link2", "new\n", 4, 0644,
				      ATOMIC_WRITE_SKIP_SAME, &wrote, NULL,
				      NULL, 0), 0);
	assert_content(f->dfd, "link2", "new\n");
	assert_content(f->dfd, "target", "secret\n");	/* not followed */
}

static void t_errors(void **state)
{
	struct fixture *f = *state;
	char why[256];
	bool wrote = true;
	int dfd;

	assert_int_equal(mkdirat(f->dfd, "gone", 0755), 0);
	dfd = openat(f->dfd, "gone", O_RDONLY | O_DIRECTORY);
	assert_true(dfd >= 0);
	assert_int_equal(unlinkat(f->dfd, "gone", AT_REMOVEDIR), 0);
	errno = 0;
	assert_int_equal(atomic_write(dfd, "a.json", "x", 1, 0644, 0, &wrote,
				      NULL, why, sizeof(why)), -1);
	assert_int_equal(errno, ENOENT);
	assert_false(wrote);
	assert_string_equal(why, "cannot create a temp file for a.json: "
				 "No such file or directory");
	close(dfd);

	/* a directory at the name: rename refuses */
	assert_int_equal(mkdirat(f->dfd, "d", 0755), 0);
	assert_int_equal(atomic_write(f->dfd, "d", "x", 1, 0644,
				      ATOMIC_WRITE_SKIP_SAME, NULL, NULL, why,
				      sizeof(why)), -1);
	assert_int_equal(errno, EISDIR);
	assert_string_equal(why, "cannot rename a temp file to d: Is a "
				 "directory");
	assert_int_equal(count_entries(f->dir), 1);	/* no temp file */
	/* a bad dirfd; why may be NULL */
	assert_int_equal(atomic_write(-1, "x", "x", 1, 0644, 0, NULL, NULL,
				      NULL, 0), -1);
	assert_int_equal(errno, EBADF);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(t_create_replace_skip, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_exact_mode_and_cwd, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_symlink_replaced, setup,
						teardown),
		cmocka_unit_test_setup_teardown(t_errors, setup, teardown),
	};

	return cmocka_run_group_tests_name("atomic_write", tests, NULL, NULL);
}
