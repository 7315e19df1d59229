/*
 * bundle.c - a site's bundle built in memory (the emitters of emit.h plus
 * bundle.json and its digest), and the writing of the bundle tree below
 * OUT: the lock, the leftovers of an interrupted run, a changed site
 * built beside the old one and swapped in whole, pruning of the sites
 * the fleet no longer has, fleet.json.
 */
#define _GNU_SOURCE	/* renameat2 */
#include "bundle.h"

#include "arena.h"
#include "atomic_write.h"
#include "bundle_format.h"
#include "config.h"
#include "digest.h"
#include "emit.h"
#include "hash.h"
#include "value.h"
#include "reason.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <limits.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#define NEW_PREFIX ".sitec-new."
#define OLD_PREFIX ".sitec-old."

_Static_assert(BUNDLE_SHA256_SIZE == EMIT_SHA256_SIZE, "sha256 text size");
_Static_assert(BUNDLE_SHA256_SIZE == DIGEST_SHA256_TEXT_SIZE, "sha256 text");

static const char *const file_names[BUNDLE_NFILES] = {
	BUNDLE_FILE_API, BUNDLE_FILE_K8S, BUNDLE_FILE_OS, BUNDLE_FILE_META,
};

/* --- building ------------------------------------------------------------ */

static const struct value *field(const struct value *root, const char *key)
{
	if (!root || root->kind != V_OBJECT)
		return NULL;
	return value_get(root, key, strlen(key));
}

/* The bundle's (file, sha256) pairs, bundle.json left out. */
static void bundle_entries(const struct bundle *b,
			   struct bundle_entry e[BUNDLE_META])
{
	for (int i = 0; i < BUNDLE_META; i++) {
		e[i].name = b->files[i].name;
		memcpy(e[i].sha256, b->files[i].sha256, BUNDLE_SHA256_SIZE);
	}
}

/* The digest of the bundle (bundle_format.h), then bundle.json. */
static int bundle_meta(struct bundle *b)
{
	struct bundle_entry e[BUNDLE_META];
	struct bundle_meta m = {
		.site = b->site,
		.version = 0,
		.compiler = "sitec " SITEC_VERSION,
		.files = e,
		.nfiles = BUNDLE_META,
	};

	bundle_entries(b, e);
	if (bundle_format_digest(e, BUNDLE_META, b->digest, NULL, 0))
		return -1;
	memcpy(m.digest, b->digest, BUNDLE_SHA256_SIZE);
	return bundle_meta_write(&m, &b->files[BUNDLE_META].data,
				 &b->files[BUNDLE_META].len, NULL, 0);
}

int bundle_build(struct bundle *b, const char *site, const struct value *root,
		 char *err, size_t errsize)
{
	static const char *const fields[BUNDLE_META] = { "api", "k8s", "os" };
	char msg[256] = "";

	memset(b, 0, sizeof(*b));
	b->site = xstrdup(site);
	for (int i = 0; i < BUNDLE_NFILES; i++)
		b->files[i].name = file_names[i];
	for (int i = 0; i < BUNDLE_META; i++) {
		const struct value *v = field(root, fields[i]);
		struct bundle_file *f = &b->files[i];
		int rc;

		if (!v) {
			reason_fail(err, errsize, "site %s has no field '%s'",
				    site, fields[i]);
			goto fail;
		}
		switch (i) {
		case BUNDLE_API:
			rc = emit_api_json(v, &f->data, &f->len);
			break;
		case BUNDLE_K8S:
			rc = emit_k8s_yaml(v, &f->data, &f->len, msg, sizeof(msg));
			break;
		default:
			rc = emit_json(v, &f->data, &f->len);
			break;
		}
		if (rc) {
			reason_fail(err, errsize,
				    "site %s: cannot write %s%s%s", site,
				    f->name, msg[0] ? ": " : "", msg);
			goto fail;
		}
		emit_sha256_hex(f->data, f->len, f->sha256);
	}
	if (bundle_meta(b)) {
		reason_fail(err, errsize, "site %s: cannot write bundle.json",
			    site);
		goto fail;
	}
	emit_sha256_hex(b->files[BUNDLE_META].data, b->files[BUNDLE_META].len,
			b->files[BUNDLE_META].sha256);
	return 0;
fail:
	bundle_free(b);
	return -1;
}

void bundle_free(struct bundle *b)
{
	free(b->site);
	for (int i = 0; i < BUNDLE_NFILES; i++)
		free(b->files[i].data);
	memset(b, 0, sizeof(*b));
}

static int read_regular(int dfd, const char *name, size_t max, char **data,
			size_t *len, struct stat *st_out);

/* --- crash points (tests only) -------------------------------------------- */

/* The crash points left to pass before _exit, or 0: SITEC_CRASH_AT unset. */
static atomic_long crash_left;

void bundle_crash_init(void)
{
	const char *s = getenv("SITEC_CRASH_AT");
	char *end;
	long n;

	if (!s || strncmp(s, "compile:", 8) != 0)
		return;
	n = strtol(s + 8, &end, 10);
	if (*end == 0 && n > 0)
		atomic_store(&crash_left, n);
}

void bundle_crash_point(void)
{
	if (atomic_load_explicit(&crash_left, memory_order_relaxed) > 0 &&
	    atomic_fetch_sub(&crash_left, 1) == 1)
		_exit(BUNDLE_CRASH_EXIT);
}

/* --- the output directory ------------------------------------------------- */

/* mkdir -p path (mode 0777 less the umask); path itself may be a link
 * to a directory (it is what the user named), nothing below it is. */
static int make_dirs(const char *path, char *err, size_t errsize)
{
	char *p = xstrdup(path);
	int rc = 0;

	for (char *s = p + 1;; s++) {
		if (*s != '/' && *s != 0)
			continue;
		char c = *s;

		*s = 0;
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			rc = reason_fail(
			    err, errsize, "cannot create %s: %s%s", p,
			    strerror(errno),
			    errno == ENOTDIR
				? " (-o names the output directory, and a "
				  "part of this path is a file)"
				: "");
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	free(p);
	return rc;
}

/* The kind of dfd/name, not following a link: S_IF* bits, 0 when absent,
 * -1 on another error. */
static int kind_at(int dfd, const char *name, struct stat *st)
{
	if (fstatat(dfd, name, st, AT_SYMLINK_NOFOLLOW) == 0)
		return (int)(st->st_mode & S_IFMT);
	return errno == ENOENT ? 0 : -1;
}

/* kind_at for a directory entry: its d_type when the file system gives
 * one (no system call), else fstatat. */
static int entry_kind(int dfd, const char *name, unsigned char d_type)
{
	struct stat st;

	switch (d_type) {
	case DT_REG:
		return S_IFREG;
	case DT_DIR:
		return S_IFDIR;
	case DT_LNK:
		return S_IFLNK;
	case DT_UNKNOWN:
		return kind_at(dfd, name, &st);
	default:
		return S_IFIFO;	/* any other non-directory, non-regular */
	}
}

/* Opens dfd/name as a directory, never through a link. */
static int open_dir_at(int dfd, const char *name)
{
	return openat(dfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		      O_CLOEXEC);
}

/* The names compile writes in a site directory. */
static bool own_file(const char *name)
{
	for (int i = 0; i < BUNDLE_NFILES; i++)
		if (strcmp(name, file_names[i]) == 0)
			return true;
	return strcmp(name, "bundle.sig") == 0;
}

/* A temp file of atomic_write: ".NAME.<16 hex>.tmp". */
static bool temp_file(const char *name)
{
	size_t n = strlen(name);

	return name[0] == '.' && n > 22 && strcmp(name + n - 4, ".tmp") == 0 &&
	       name[n - 21] == '.';
}

/*
 * Removes what compile writes from dfd/dir (its files, temp files), then
 * dir when that left it empty. *left (may be NULL) gets the names of
 * what stays, comma-separated (malloc'ed), or NULL; *removed (may be
 * NULL) whether a file was removed. With any_file, every entry that is
 * not a directory goes (a directory compile built or swapped out: what
 * is not its own is a second link to a file kept). Returns 0 (also when
 * something stays), or -1 with errno.
 */
static int remove_own_dir(int dfd, const char *dir, bool any_file,
			  char **left, bool *removed)
{
	int fd = open_dir_at(dfd, dir);
	DIR *d;
	struct dirent *e;
	size_t len = 0;
	char *rest = NULL;

	if (left)
		*left = NULL;
	if (removed)
		*removed = false;
	if (fd < 0)
		return -1;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -1;
	}
	while ((e = readdir(d))) {
		const char *n = e->d_name;

		if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
			continue;
		int k = entry_kind(fd, n, e->d_type);

		if ((any_file ? k > 0 && k != S_IFDIR : (own_file(n) ||
		     temp_file(n)) && k == S_IFREG) && unlinkat(fd, n, 0) == 0) {
			bundle_crash_point();
			if (removed)
				*removed = true;
			continue;
		}
		size_t nl = strlen(n);
		rest = xrealloc(rest, len + nl + 3);
		if (len) {
			memcpy(rest + len, ", ", 2);
			len += 2;
		}
		memcpy(rest + len, n, nl + 1);
		len += nl;
	}
	closedir(d);
	if (rest) {
		if (left)
			*left = rest;
		else
			free(rest);
		return 0;
	}
	if (unlinkat(dfd, dir, AT_REMOVEDIR) != 0)
		return -1;
	bundle_crash_point();
	return 0;
}

static void notice(const struct bundle_out *o, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void notice(const struct bundle_out *o, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (!o->notice)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	o->notice(o->notice_arg, msg);
}

/*
 * What an interrupted run left: the temp files of fleet.json and the
 * cache in OUT; in OUT/sites, a site being built (".sitec-new.NAME":
 * removed) and an old site swapped out (".sitec-old.NAME": removed, or
 * put back as NAME when the two-rename fallback stopped between its
 * renames and NAME is missing).
 */
static int clean_leftovers(struct bundle_out *o, char *err, size_t errsize)
{
	DIR *d;
	struct dirent *e;
	int fd, rc = 0;

	if ((fd = open_dir_at(o->dfd, ".")) < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return reason_fail(err, errsize, "cannot read %s: %s", o->path,
				   strerror(errno));
	}
	while ((e = readdir(d))) {
		struct stat st;

		if ((strncmp(e->d_name, ".fleet.json.", 12) == 0 ||
		     strncmp(e->d_name, "." BUNDLE_CACHE_NAME ".", 14) == 0) &&
		    temp_file(e->d_name) &&
		    kind_at(o->dfd, e->d_name, &st) == S_IFREG)
			unlinkat(o->dfd, e->d_name, 0);
	}
	closedir(d);
	if ((fd = open_dir_at(o->sites_dfd, ".")) < 0 || !(d = fdopendir(fd))) {
		if (fd >= 0)
			close(fd);
		return reason_fail(err, errsize, "cannot read %s/sites: %s",
				   o->path, strerror(errno));
	}
	while (!rc && (e = readdir(d))) {
		const char *n = e->d_name, *site;
		bool old = strncmp(n, OLD_PREFIX, strlen(OLD_PREFIX)) == 0;
		struct stat st;
		char *left;

		if (strncmp(n, NEW_PREFIX, strlen(NEW_PREFIX)) == 0)
			site = n + strlen(NEW_PREFIX);
		else if (old)
			site = n + strlen(OLD_PREFIX);
		else
			continue;
		if (kind_at(o->sites_dfd, n, &st) != S_IFDIR)
			continue;
		if (old && kind_at(o->sites_dfd, site, &st) == 0) {
			if (renameat(o->sites_dfd, n, o->sites_dfd, site) != 0)
				rc = reason_fail(err, errsize,
						 "cannot rename %s/sites/"
						 "%s back to %s: %s",
						 o->path, n, site,
						 strerror(errno));
			continue;
		}
		if (remove_own_dir(o->sites_dfd, n, true, &left, NULL) != 0)
			rc = reason_fail(err, errsize,
					 "cannot remove %s/sites/%s: %s",
					 o->path, n, strerror(errno));
		else if (left)
			notice(o, "%s/sites/%s, left by an interrupted "
			       "compile, holds files compile did not write (%s): "
			       "left in place", o->path, n, left);
		free(left);
	}
	closedir(d);
	return rc;
}

int bundle_out_open(struct bundle_out *o, const char *path, bool wait,
		    char *err, size_t errsize)
{
	struct stat st;
	int rc = -1;

	o->path = path;
	o->dfd = o->sites_dfd = o->lock_fd = -1;
	if (make_dirs(path, err, errsize))
		return -1;
	o->dfd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (o->dfd < 0)
		return reason_fail(
		    err, errsize, "cannot open %s: %s%s", path, strerror(errno),
		    errno == ENOTDIR ? " (-o names the output directory)" : "");
	o->lock_fd = openat(o->dfd, BUNDLE_LOCK_NAME, O_RDWR | O_CREAT |
			    O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
	if (o->lock_fd < 0 || fstat(o->lock_fd, &st) != 0 ||
	    !S_ISREG(st.st_mode)) {
		reason_fail(err, errsize, "cannot open the lock file %s/%s: %s",
			    path, BUNDLE_LOCK_NAME,
			    o->lock_fd < 0 ? strerror(errno)
					   : "not a regular file");
		goto out;
	}
	if (flock(o->lock_fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno != EWOULDBLOCK) {
			reason_fail(err, errsize, "cannot lock %s/%s: %s", path,
				    BUNDLE_LOCK_NAME, strerror(errno));
			goto out;
		}
		if (!wait) {
			reason_fail(err, errsize,
				    "%s is locked by another compile "
				    "(%s/%s); not waiting (--no-wait)",
				    path, path, BUNDLE_LOCK_NAME);
			rc = BUNDLE_ELOCKED;
			goto out;
		}
		notice(o, "waiting for another compile into %s to finish "
		       "(it holds %s/%s)", path, path, BUNDLE_LOCK_NAME);
		while (flock(o->lock_fd, LOCK_EX) != 0) {
			if (errno != EINTR) {
				reason_fail(err, errsize,
					    "cannot lock %s/%s: %s", path,
					    BUNDLE_LOCK_NAME, strerror(errno));
				goto out;
			}
		}
	}
	if (mkdirat(o->dfd, "sites", 0777) == 0)
		bundle_crash_point();
	else if (errno != EEXIST) {
		reason_fail(err, errsize, "cannot create %s/sites: %s", path,
			    strerror(errno));
		goto out;
	}
	o->sites_dfd = open_dir_at(o->dfd, "sites");
	if (o->sites_dfd < 0) {
		int k = kind_at(o->dfd, "sites", &st);

		reason_fail(err, errsize, "%s/sites %s", path,
			    k == S_IFLNK ? "is a symbolic link: compile never "
					   "writes through one; "
					   "remove it"
			    : k > 0 && k != S_IFDIR
				? "is not a directory: remove it"
				: strerror(errno));
		goto out;
	}
	if (clean_leftovers(o, err, errsize))
		goto out;
	return 0;
out:
	bundle_out_close(o);
	return rc;
}

void bundle_out_close(struct bundle_out *o)
{
	if (o->sites_dfd >= 0)
		close(o->sites_dfd);
	if (o->dfd >= 0)
		close(o->dfd);
	if (o->lock_fd >= 0)
		close(o->lock_fd);	/* releases the lock */
	o->dfd = o->sites_dfd = o->lock_fd = -1;
}

/* --- a site ---------------------------------------------------------------- */

/* What a file's stamp is made of: it changes whenever the file does,
 * also when its mtime is put back (ctime). */
static uint64_t stamp_mix(uint64_t h, const struct stat *st)
{
	const uint64_t parts[] = {
		(uint64_t)st->st_ino, (uint64_t)st->st_size,
		(uint64_t)st->st_mtim.tv_sec, (uint64_t)st->st_mtim.tv_nsec,
		(uint64_t)st->st_ctim.tv_sec, (uint64_t)st->st_ctim.tv_nsec,
	};

	return hash_fnv1a_continue(h, parts, sizeof(parts));
}

/* Writes all of data to fd, then closes it. */
static int write_close(int fd, const char *data, size_t len)
{
	for (size_t off = 0; off < len;) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			goto fail;
		off += (size_t)w;
	}
	return close(fd);
fail:;
	int e = errno;

	close(fd);
	errno = e;
	return -1;
}

/* A site name that is safe as one directory name below OUT/sites. */
static bool safe_name(const char *name)
{
	return name[0] && name[0] != '.' && !strchr(name, '/') &&
	       strlen(name) + strlen(NEW_PREFIX) <= NAME_MAX;
}

/* The names found in an old site directory, to remove once swapped out. */
struct name_list {
	char **v;
	size_t n, cap;
};

static void names_add(struct name_list *l, const char *name)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrdup(name);
}

static void names_free(struct name_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

/* What site_same learnt of each file of the old directory. */
enum { FILE_UNKNOWN, FILE_SAME, FILE_DIFFERS };

/*
 * Whether the directory dfd holds b exactly, comparing bundle.json
 * first (it differs whenever any file does) and stopping at the first
 * file that differs; known[] gets what was learnt. When bundle.json
 * differs, a file whose sha256 there is not the new one's is known to
 * differ without being read (a sha256 that matches is not trusted: the
 * bytes are compared).
 */
static bool site_same(int dfd, const struct bundle *b,
		      unsigned char known[BUNDLE_NFILES])
{
	const struct bundle_file *meta = &b->files[BUNDLE_META];
	char *old;
	size_t len;

	memset(known, FILE_UNKNOWN, BUNDLE_NFILES);
	if (read_regular(dfd, meta->name, BUNDLE_META_MAX, &old, &len,
			 NULL) != 0) {
		known[BUNDLE_META] = FILE_DIFFERS;
		return false;
	}
	if (len != meta->len || memcmp(old, meta->data, len) != 0) {
		known[BUNDLE_META] = FILE_DIFFERS;
		for (int i = 0; i < BUNDLE_META; i++) {
			char want[BUNDLE_SHA256_SIZE + 64];

			snprintf(want, sizeof(want), "\"%s\": \"%s\"",
				 b->files[i].name, b->files[i].sha256);
			if (!strstr(old, want))
				known[i] = FILE_DIFFERS;
		}
		free(old);
		return false;
	}
	free(old);
	known[BUNDLE_META] = FILE_SAME;
	for (int i = BUNDLE_META - 1; i >= 0; i--) {
		if (!atomic_write_same(dfd, b->files[i].name, b->files[i].data,
				       b->files[i].len, NULL)) {
			known[i] = FILE_DIFFERS;
			return false;
		}
		known[i] = FILE_SAME;
	}
	return true;
}

/*
 * Fills the directory ndfd with b: a file the old directory (odfd, or -1)
 * already holds with the same bytes is hard-linked from it (it keeps its
 * inode and mtime), any other is written; the old directory's files that
 * compile does not write (not directories) are linked too, and every
 * name that is not a directory goes into *old_names. *written counts the
 * files written. -1 with err.
 */
static int fill_new(const struct bundle_out *o, int odfd, int ndfd,
		    const char *tmp, const struct bundle *b,
		    const unsigned char known[BUNDLE_NFILES],
		    struct name_list *old_names, unsigned *written, char *err,
		    size_t errsize)
{
	for (int i = 0; i < BUNDLE_NFILES; i++) {
		const struct bundle_file *f = &b->files[i];

		if (odfd >= 0 && known[i] != FILE_DIFFERS &&
		    (known[i] == FILE_SAME ||
		     atomic_write_same(odfd, f->name, f->data, f->len, NULL)) &&
		    linkat(odfd, f->name, ndfd, f->name, 0) == 0) {
			bundle_crash_point();
			continue;
		}
		int fd = openat(ndfd, f->name, O_WRONLY | O_CREAT | O_EXCL |
				O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd < 0 || write_close(fd, f->data, f->len) != 0)
			return reason_fail(err, errsize,
					   "cannot write %s/sites/%s/%s:"
					   " %s",
					   o->path, tmp, f->name,
					   strerror(errno));
		bundle_crash_point();
		(*written)++;
	}
	if (odfd < 0)
		return 0;
	/* getdents64 on the descriptor at hand: no second open, no DIR */
	char buf[4096] __attribute__((aligned(8)));
	ssize_t got;

	while ((got = getdents64(odfd, buf, sizeof(buf))) > 0) {
		for (ssize_t off = 0; off < got;) {
			const struct dirent64 *e = (const void *)(buf + off);
			const char *n = e->d_name;
			int k;

			off += e->d_reclen;
			if (strcmp(n, ".") == 0 || strcmp(n, "..") == 0)
				continue;
			k = entry_kind(odfd, n, e->d_type);
			if (k == S_IFDIR)
				return reason_fail(
				    err, errsize,
				    "%s/sites/%s/%s is a "
				    "directory compile did not write: "
				    "move it away",
				    o->path, b->site, n);
			if (k > 0)
				names_add(old_names, n);
			if (own_file(n) || temp_file(n) || k <= 0)
				continue;
			if (linkat(odfd, n, ndfd, n, 0) != 0)
				return reason_fail(err, errsize,
						   "cannot keep "
						   "%s/sites/%s/%s: %s",
						   o->path, b->site, n,
						   strerror(errno));
		}
	}
	if (got < 0)
		return reason_fail(err, errsize, "cannot read %s/sites/%s: %s",
				   o->path, b->site, strerror(errno));
	return 0;
}

/* Removes the swapped-out directory old (odfd) of names, then old. */
static void remove_old(const struct bundle_out *o, int odfd, const char *old,
		       const struct name_list *names)
{
	for (size_t i = 0; i < names->n; i++)
		if (unlinkat(odfd, names->v[i], 0) == 0)
			bundle_crash_point();
	if (unlinkat(o->sites_dfd, old, AT_REMOVEDIR) == 0) {
		bundle_crash_point();
		return;
	}
	/* something came in meanwhile: what can go, goes */
	if (remove_own_dir(o->sites_dfd, old, true, NULL, NULL) != 0)
		notice(o, "cannot remove %s/sites/%s: %s", o->path, old,
		       strerror(errno));
}

/*
 * Puts the directory tmp in place of the site's directory site: one
 * renameat2(RENAME_EXCHANGE), after which tmp holds the old files; where
 * the file system refuses it (EINVAL), two renames: site to
 * .sitec-old.SITE, tmp to site (a crash between them leaves no site
 * directory and the old one beside it; the next run puts it back).
 * *old gets the name the old directory has now.
 */
static int swap_in(const struct bundle_out *o, const char *tmp,
		   const char *site, char *old, size_t oldsize, char *err,
		   size_t errsize)
{
	if (renameat2(o->sites_dfd, tmp, o->sites_dfd, site,
		      RENAME_EXCHANGE) == 0) {
		bundle_crash_point();
		snprintf(old, oldsize, "%s", tmp);
		return 0;
	}
	if (errno != EINVAL)
		goto fail;
	snprintf(old, oldsize, OLD_PREFIX "%s", site);
	if (renameat(o->sites_dfd, site, o->sites_dfd, old) != 0)
		goto fail;
	bundle_crash_point();
	if (renameat(o->sites_dfd, tmp, o->sites_dfd, site) != 0) {
		int e = errno;

		renameat(o->sites_dfd, old, o->sites_dfd, site);
		errno = e;
		goto fail;
	}
	bundle_crash_point();
	return 0;
fail:
	return reason_fail(err, errsize, "cannot replace %s/sites/%s: %s",
			   o->path, site, strerror(errno));
}

int bundle_write_site(const struct bundle_out *o, const struct bundle *b,
		      unsigned *written, uint64_t *stamp, char *err,
		      size_t errsize)
{
	char tmp[NAME_MAX + 1], old[NAME_MAX + 1];
	unsigned char known[BUNDLE_NFILES] = { 0 };
	struct name_list old_names = { 0 };
	int odfd = -1, ndfd = -1, rc = -1;
	unsigned count = 0;
	struct stat st;
	int k;

	*written = 0;
	if (!safe_name(b->site))
		return reason_fail(err, errsize,
				   "site name '%s' cannot be a "
				   "directory",
				   b->site);
	odfd = open_dir_at(o->sites_dfd, b->site);
	k = odfd >= 0 ? S_IFDIR : kind_at(o->sites_dfd, b->site, &st);
	if (k == S_IFLNK)
		return reason_fail(
		    err, errsize,
		    "%s/sites/%s is a symbolic link: "
		    "compile never writes through one; remove it",
		    o->path, b->site);
	if (k < 0 || (k && k != S_IFDIR))
		return reason_fail(
		    err, errsize, "%s/sites/%s %s", o->path, b->site,
		    k < 0 ? strerror(errno)
			  : "is not a directory, "
			    "and compile replaces only the directory it "
			    "wrote: remove it");
	if (k && odfd < 0)
		return reason_fail(err, errsize, "cannot open %s/sites/%s: %s",
				   o->path, b->site, strerror(errno));
	if (k && site_same(odfd, b, known)) {	/* nothing to do */
		close(odfd);
		goto stamp;
	}
	snprintf(tmp, sizeof(tmp), NEW_PREFIX "%s", b->site);
	int made = mkdirat(o->sites_dfd, tmp, 0777);
	if (made != 0 && errno == EEXIST &&	/* a leftover: start afresh */
	    remove_own_dir(o->sites_dfd, tmp, true, NULL, NULL) == 0)
		made = mkdirat(o->sites_dfd, tmp, 0777);
	if (made != 0 || (ndfd = open_dir_at(o->sites_dfd, tmp)) < 0) {
		reason_fail(err, errsize, "cannot create %s/sites/%s: %s",
			    o->path, tmp, strerror(errno));
		goto out;
	}
	bundle_crash_point();
	if (fill_new(o, odfd, ndfd, tmp, b, known, &old_names, &count, err,
		     errsize))
		goto undo;
	if (odfd < 0) {		/* a new site: its directory appears whole */
		if (renameat(o->sites_dfd, tmp, o->sites_dfd, b->site) != 0) {
			reason_fail(err, errsize,
				    "cannot create %s/sites/%s: %s", o->path,
				    b->site, strerror(errno));
			goto undo;
		}
		bundle_crash_point();
	} else {
		if (swap_in(o, tmp, b->site, old, sizeof(old), err, errsize))
			goto undo;
		/* the old version: its files are ours, or linked */
		remove_old(o, odfd, old, &old_names);
	}
	*written = count;
	close(ndfd);
	if (odfd >= 0)
		close(odfd);
	names_free(&old_names);
stamp:
	/* after the swap: linking and unlinking change a file's ctime */
	if (stamp && !bundle_stamp(o->sites_dfd, b->site, stamp))
		return reason_fail(err, errsize, "cannot read back %s/sites/%s",
				   o->path, b->site);
	return 0;
undo:	/* the old bundle stays as it was: only the new one goes */
	remove_own_dir(o->sites_dfd, tmp, true, NULL, NULL);
out:
	if (ndfd >= 0)
		close(ndfd);
	if (odfd >= 0)
		close(odfd);
	names_free(&old_names);
	return rc;
}

bool bundle_stamp(int sites_dfd, const char *site, uint64_t *stamp)
{
	char path[NAME_MAX + 32];
	uint64_t h = HASH_FNV1A_BASIS;
	struct stat st;

	/* (a link put in place of the directory matches only when it leads
	 * to the very files stamped, untouched: nothing is written then) */
	for (int i = 0; i < BUNDLE_NFILES; i++) {
		int n = snprintf(path, sizeof(path), "%s/%s", site,
				 file_names[i]);

		/* two names to look up, not the whole path from OUT's root:
		 * a recompile stats every file of the fleet */
		if (n < 0 || (size_t)n >= sizeof(path) ||
		    fstatat(sites_dfd, path, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			return false;
		h = stamp_mix(h, &st);
	}
	*stamp = h;
	return true;
}

/* Reads dfd/name whole if it is a regular file (not a link, not a FIFO)
 * of at most max bytes: malloc'ed, NUL-terminated, into *data, *len.
 * 0, or -1 with errno (ENOENT absent, EINVAL not a regular file). */
static int read_regular(int dfd, const char *name, size_t max, char **data,
			size_t *len, struct stat *st_out)
{
	int fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK |
			O_CLOEXEC);
	struct stat st;
	char *buf = NULL;
	size_t n = 0;

	if (fd < 0)
		return errno == ELOOP ? (errno = EINVAL, -1) : -1;
	if (fstat(fd, &st) != 0)
		goto fail;
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > max) {
		errno = S_ISREG(st.st_mode) ? EFBIG : EINVAL;
		goto fail;
	}
	buf = xmalloc((size_t)st.st_size + 1);
	while (n < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + n, (size_t)st.st_size - n);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;	/* shrank meanwhile: what is there */
		n += (size_t)r;
	}
	close(fd);
	buf[n] = 0;
	*data = buf;
	*len = n;
	if (st_out)
		*st_out = st;
	return 0;
fail:;
	int e = errno;

	free(buf);
	close(fd);
	errno = e;
	return -1;
}

bool bundle_stamp_digest(int sites_dfd, const char *site, const char *digest,
			 uint64_t *stamp)
{
	char path[NAME_MAX + 32], want[BUNDLE_SHA256_SIZE + 16];
	uint64_t h = HASH_FNV1A_BASIS;
	struct stat st;
	char *data;
	size_t len, wl;
	bool ok;

	for (int i = 0; i < BUNDLE_META; i++) {
		int n = snprintf(path, sizeof(path), "%s/%s", site,
				 file_names[i]);

		if (n < 0 || (size_t)n >= sizeof(path) ||
		    fstatat(sites_dfd, path, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			return false;
		h = stamp_mix(h, &st);
	}
	/* bundle.json read once: its status for the stamp, its bytes for
	 * the digest */
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", site,
			     BUNDLE_FILE_META) >= sizeof(path) ||
	    read_regular(sites_dfd, path, BUNDLE_META_MAX, &data, &len,
			 &st) != 0)
		return false;
	*stamp = stamp_mix(h, &st);
	/* bundle.json as compile writes it: one "digest" line, last */
	wl = (size_t)snprintf(want, sizeof(want), "\"digest\": \"%s\"\n}",
			      digest);
	ok = len >= wl + 1 && memcmp(data + len - wl - 1, want, wl) == 0;
	free(data);
	return ok;
}

/* --- OUT's own files ---------------------------------------------------------- */

int bundle_write_out_file(const struct bundle_out *o, const char *name,
			  const char *data, size_t len, bool replace_any,
			  char *err, size_t errsize)
{
	struct stat st;
	int k = kind_at(o->dfd, name, &st);

	if (k < 0 || (k && k != S_IFREG && !(replace_any && k != S_IFDIR)))
		return reason_fail(
		    err, errsize, "%s/%s %s", o->path, name,
		    k < 0	   ? strerror(errno)
		    : k == S_IFLNK ? "is a symbolic link: compile never writes "
				     "through one; remove it"
				   : "is not a regular file: remove it");
	bundle_crash_point();
	/* 0666 less the umask, as any build output; no fsync */
	if (atomic_write(o->dfd, name, data, len, 0666, ATOMIC_WRITE_SKIP_SAME,
			 NULL, NULL, NULL, 0) != 0)
		return reason_fail(err, errsize, "cannot write %s/%s: %s",
				   o->path, name, strerror(errno));
	bundle_crash_point();
	return 0;
}

int bundle_read_out_file(const struct bundle_out *o, const char *name,
			 size_t max, char **data, size_t *len)
{
	return read_regular(o->dfd, name, max, data, len, NULL);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int bundle_prune(const struct bundle_out *o, const char *const *names,
		 size_t n, char *err, size_t errsize)
{
	const char **sorted = xmalloc((n ? n : 1) * sizeof(*sorted));
	int fd = open_dir_at(o->sites_dfd, ".");
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	int rc = 0;

	if (!d) {
		if (fd >= 0)
			close(fd);
		free(sorted);
		return reason_fail(err, errsize, "cannot read %s/sites: %s",
				   o->path, strerror(errno));
	}
	memcpy(sorted, names, n * sizeof(*sorted));
	qsort(sorted, n, sizeof(*sorted), cmp_str);
	while (!rc && (e = readdir(d))) {
		const char *name = e->d_name;
		struct stat st;
		char *left;
		bool removed;

		if (name[0] == '.' ||
		    bsearch(&name, sorted, n, sizeof(*sorted), cmp_str))
			continue;
		/* only a real directory, and in it only what compile wrote;
		 * a directory that held none of it is not a word of ours */
		if (kind_at(o->sites_dfd, name, &st) != S_IFDIR)
			continue;
		if (remove_own_dir(o->sites_dfd, name, false, &left,
				   &removed) != 0)
			rc = reason_fail(err, errsize,
					 "cannot remove %s/sites/%s: %s",
					 o->path, name, strerror(errno));
		else if (left && removed)
			notice(o, "%s/sites/%s: the fleet has no site %s any "
			       "more; its bundle is removed, but not the files "
			       "compile did not write (%s)", o->path, name,
			       name, left);
		free(left);
	}
	closedir(d);
	free(sorted);
	return rc;
}

struct named_digest {
	const char *name, *digest;
};

static int cmp_named(const void *a, const void *b)
{
	return strcmp(((const struct named_digest *)a)->name,
		      ((const struct named_digest *)b)->name);
}

/* The digest of site's bundle.json (read strictly) into out; false when
 * it has none, or one for another site. */
static bool digest_from_bundle(const struct bundle_out *o, const char *site,
			       char out[BUNDLE_SHA256_SIZE])
{
	char path[NAME_MAX + 32];
	struct bundle_meta *m = NULL;
	char *data;
	size_t len;
	bool ok;

	if (!safe_name(site) ||
	    (size_t)snprintf(path, sizeof(path), "%s/%s", site,
			     BUNDLE_FILE_META) >= sizeof(path) ||
	    kind_at(o->sites_dfd, site, &(struct stat){ 0 }) != S_IFDIR ||
	    read_regular(o->sites_dfd, path, BUNDLE_META_MAX, &data, &len,
			 NULL) != 0)
		return false;
	ok = bundle_meta_read(data, len, &m, NULL, 0) == 0 &&
	     strcmp(m->site, site) == 0;
	if (ok)
		memcpy(out, m->digest, BUNDLE_SHA256_SIZE);
	if (m)
		bundle_meta_free(m);
	free(data);
	return ok;
}

int bundle_write_fleet(const struct bundle_out *o, const char *const *names,
		       const char *const *digests, size_t n, const char *commit,
		       const char *repo_path, char *err, size_t errsize)
{
	struct named_digest *v = xmalloc((n ? n : 1) * sizeof(*v));
	char (*read_back)[BUNDLE_SHA256_SIZE] = NULL;
	struct value_builder doc, source;
	struct arena a;
	char *data = NULL;
	size_t len;
	int rc;

	json_t *old = NULL, *old_sites = NULL;
	bool old_loaded = false;
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		const char *d = digests[i];

		if (!d) {	/* not compiled now: what fleet.json had */
			if (!old_loaded) {
				char *text;
				size_t tlen;

				old_loaded = true;
				if (read_regular(o->dfd, "fleet.json",
						 (size_t)1 << 30, &text,
						 &tlen, NULL) == 0) {
					old = json_loadb(text, tlen, 0, NULL);
					free(text);
				}
				old_sites = json_object_get(old, "sites");
				read_back = xmalloc(n * sizeof(*read_back));
			}
			d = json_string_value(json_object_get(old_sites,
							      names[i]));
			/* or, when fleet.json is missing, garbage or does
			 * not know it, its own bundle.json */
			if (d && !digest_sha256_text_valid(d, strlen(d)))
				d = NULL;
			if (!d && digest_from_bundle(o, names[i], read_back[i]))
				d = read_back[i];
		}
		if (d)
			v[m++] = (struct named_digest){ names[i], d };
	}
	n = m;
	qsort(v, n, sizeof(*v), cmp_named);
	arena_init(&a);
	/* site names are unique: build the object at once (value_build_set
	 * looks each key up, which is quadratic over 100,000 sites) */
	struct value_field *f = arena_alloc(&a, (n ? n : 1) * sizeof(*f));
	for (size_t i = 0; i < n; i++)
		f[i] = (struct value_field){ v[i].name,
			(uint32_t)strlen(v[i].name),
			value_cstring(&a, v[i].digest) };
	value_build_init(&source, &a);
	if (commit)
		value_build_set(&source, "commit", 6,
				value_cstring(&a, commit));
	if (repo_path)
		value_build_set(&source, "path", 4,
				value_cstring(&a, repo_path));
	value_build_init(&doc, &a);
	value_build_set(&doc, "compiler", 8,
			value_cstring(&a, "sitec " SITEC_VERSION));
	value_build_set(&doc, "source", 6, value_build_object(&source));
	value_build_set(&doc, "sites", 5, value_object(&a, f, n));
	if (emit_json(value_build_object(&doc), &data, &len))
		rc = reason_fail(err, errsize, "cannot write fleet.json");
	else
		rc = bundle_write_out_file(o, "fleet.json", data, len, false,
					   err, errsize);
	free(data);
	arena_free(&a);
	free(v);
	free(read_back);
	json_decref(old);
	return rc;
}
