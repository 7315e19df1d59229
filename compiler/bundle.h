/*
 * bundle.h - the bundle `sitec compile` writes (TOOLCHAIN.md, "The
 * bundle"): a site's files built in memory from its evaluated value, and
 * the writing of OUT/sites/NAME/ and OUT/fleet.json.
 *
 *   OUT/sites/NAME/k8s.yaml     emit_k8s_yaml of the site's `k8s`
 *   OUT/sites/NAME/api.json     emit_api_json of `api`
 *   OUT/sites/NAME/os.json      emit_json of `os`
 *   OUT/sites/NAME/bundle.json  {"site", "version": 0, "compiler",
 *                                "source": {}, "files": {FILE: "sha256:…"},
 *                                "digest": "sha256:…"}
 *   OUT/fleet.json              {"compiler", "source": {},
 *                                "sites": {NAME: DIGEST}}
 *
 * The file names, the digest rule and bundle.json's bytes are
 * common/bundle_format.h's, shared with the runtime.
 *
 * Writing never touches a site whose files already hold the new bytes; a
 * changed site is replaced as a whole directory (bundle_write_site), and
 * fleet.json and the cache through common/atomic_write.h. No fsync: this
 * is a build output. All of it under an exclusive lock on
 * OUT/.sitec-lock (bundle_out_open).
 *
 * Building is pure (no I/O, no global state); writing does file-system
 * calls only below OUT, and none through a symbolic link below it.
 */
#ifndef SITEC_BUNDLE_H
#define SITEC_BUNDLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct value;

/* "sha256:" + 64 hex digits + NUL (EMIT_SHA256_SIZE of emit.h). */
#define BUNDLE_SHA256_SIZE 72

/* The files of a bundle, in byte order of name; bundle.json is last. */
enum { BUNDLE_API, BUNDLE_K8S, BUNDLE_OS, BUNDLE_META, BUNDLE_NFILES };

struct bundle_file {
	const char *name;		/* static: "api.json", ... */
	char *data;			/* malloc'ed, owned by the bundle */
	size_t len;
	char sha256[BUNDLE_SHA256_SIZE];	/* "sha256:HEX" of data */
};

struct bundle {
	char *site;			/* malloc'ed copy of the site name */
	struct bundle_file files[BUNDLE_NFILES];
	char digest[BUNDLE_SHA256_SIZE];	/* see above */
};

/*
 * Builds the bundle of the site called site from its root value (as
 * eval_site returned it). Returns 0, or -1 with a message in
 * err[0..errsize) (the root lacks a field, an emitter failed). On failure
 * nothing needs freeing; on success free with bundle_free.
 */
int bundle_build(struct bundle *b, const char *site, const struct value *root,
		 char *err, size_t errsize);
void bundle_free(struct bundle *b);

/* --- writing: everything below OUT --------------------------------------- */

#define BUNDLE_LOCK_NAME ".sitec-lock"
#define BUNDLE_CACHE_NAME ".sitec-cache"
/* bundle_out_open: another compile holds the lock, and wait was false */
#define BUNDLE_ELOCKED (-2)
/* the exit status of a process stopped at a crash point */
#define BUNDLE_CRASH_EXIT 99

/* OUT opened for one compile. */
struct bundle_out {
	const char *path;		/* OUT as named (for messages) */
	int dfd, sites_dfd;		/* OUT and OUT/sites */
	int lock_fd;			/* OUT/.sitec-lock, flock'ed */
	/* a warning, or a wait for the lock (the library never prints);
	 * set before bundle_out_open, may be NULL */
	void (*notice)(void *arg, const char *msg);
	void *notice_arg;
};

/*
 * Creates OUT (path; mkdir -p) and OUT/sites, takes an exclusive flock
 * on OUT/.sitec-lock (waiting for it after one notice, or, when wait is
 * false, returning BUNDLE_ELOCKED at once), then removes what an
 * interrupted run left (temp files of fleet.json and the cache, the
 * .sitec-new.NAME and .sitec-old.NAME directories of OUT/sites). Every
 * path below OUT is then opened relative to these descriptors and never
 * through a symbolic link. Returns 0, BUNDLE_ELOCKED or -1, with a
 * message in err; on success release with bundle_out_close.
 */
int bundle_out_open(struct bundle_out *o, const char *path, bool wait,
		    char *err, size_t errsize);
void bundle_out_close(struct bundle_out *o);

/*
 * Writes b as OUT/sites/NAME/, as one unit: when the directory already
 * holds exactly b, nothing is done; else the new version is built in
 * OUT/sites/.sitec-new.NAME (the files whose bytes did not change, and
 * any file compile does not write, hard-linked from the old directory:
 * they keep their inode and mtime) and swapped with the old directory
 * by renameat2(RENAME_EXCHANGE); the old version is then removed. A new
 * site's directory is renamed into place whole. Where the file system
 * refuses RENAME_EXCHANGE (EINVAL), two renames: NAME to
 * .sitec-old.NAME, then .sitec-new.NAME to NAME (a crash between them
 * leaves no NAME for a moment; the next run puts the old one back).
 * So a reader, a kill at any instant or an I/O error sees the old
 * bundle or the new one, never a mix; after an error the old one is as
 * it was. A symbolic link or a non-directory at NAME is refused.
 * *written gets the number of files written (0: unchanged), *stamp (may
 * be NULL) the site's stamp afterwards. Returns 0, or -1 with err.
 * Safe on several threads for different sites.
 */
int bundle_write_site(const struct bundle_out *o, const struct bundle *b,
		      unsigned *written, uint64_t *stamp, char *err,
		      size_t errsize);

/*
 * The stamp of SITE's files in OUT/sites (sites_dfd): a hash of each
 * one's inode, size, modification and change time, which changes
 * whenever a file is written, replaced or touched (touch -r too). False
 * when a file is missing or not a regular file (a link included). (A
 * compile trusts an unchanged stamp to mean unchanged files: see
 * compile.h.)
 */
bool bundle_stamp(int sites_dfd, const char *site, uint64_t *stamp);
/* bundle_stamp, and whether SITE's bundle.json ends with the digest
 * given (as compile writes it): a cache line is checked against it
 * before it is used. bundle.json is opened once, for both. */
bool bundle_stamp_digest(int sites_dfd, const char *site, const char *digest,
			 uint64_t *stamp);

/*
 * OUT/name (fleet.json, the cache) replaced whole, unless it holds the
 * bytes already. A symbolic link or another non-regular file there is
 * refused, unless replace_any (the cache, which is compile's alone: any
 * non-directory there is replaced, nothing written through it).
 * Returns 0, or -1 with err.
 */
int bundle_write_out_file(const struct bundle_out *o, const char *name,
			  const char *data, size_t len, bool replace_any,
			  char *err, size_t errsize);
/* OUT/name into *data (malloc'ed, NUL-terminated), *len when it is a
 * regular file (not a link, not a FIFO) of at most max bytes; -1 with
 * errno (EINVAL: not a regular file). */
int bundle_read_out_file(const struct bundle_out *o, const char *name,
			 size_t max, char **data, size_t *len);

/*
 * For every directory OUT/sites/X not among the n names (byte-sorted or
 * not): removes what compile writes there (the bundle's four files,
 * bundle.sig, temp files), then X when that left it empty; when other
 * files stay, a notice names them. A link, a file, anything else is left
 * alone. Returns 0, or -1 with a message in err.
 */
int bundle_prune(const struct bundle_out *o, const char *const *names,
		 size_t n, char *err, size_t errsize);

/*
 * Writes OUT/fleet.json: the n sites with their digests, sorted by name
 * (the arrays are not changed). A site whose digest is NULL (not
 * compiled in this run: `--site`, or it failed) keeps the digest the old
 * fleet.json gives it; when that is missing, not a regular file or does
 * not parse, the digest its bundle.json gives (read strictly); a site
 * with neither is left out. A site not among the n is dropped. Returns
 * 0, or -1 with a message in err. "source" gets {"commit": commit,
 * "path": repo_path} (either NULL: left out), for a fleet compiled from
 * a git revision.
 */
int bundle_write_fleet(const struct bundle_out *o, const char *const *names,
		       const char *const *digests, size_t n,
		       const char *commit, const char *repo_path, char *err,
		       size_t errsize);

/*
 * Crash points, for the tests' kill sweep: with SITEC_CRASH_AT=compile:N
 * in the environment when bundle_crash_init runs, the process _exit()s
 * with BUNDLE_CRASH_EXIT at the N-th bundle_crash_point it passes (one
 * after every write, link, rename and removal below OUT). Without it,
 * each point is one relaxed atomic load.
 */
void bundle_crash_init(void);
void bundle_crash_point(void);

#endif
