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
 * Writing never touches a file whose bytes already equal the new ones; a
 * changed file is replaced through common/atomic_write.h (a temp file in
 * the same directory, renamed; no fsync: this is a build output). In a
 * site directory the run has just created, where nothing can be
 * replaced, the files are created under their names at once, but for
 * bundle.json: it always comes last, through a temp file, so whoever
 * sees it sees it whole and the files it names.
 *
 * Building is pure (no I/O, no global state); writing does file-system
 * calls only below OUT.
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

/*
 * Writes b into out/sites/NAME/ (creating the directories), leaving
 * unchanged files untouched. *written (may be NULL) gets the number of
 * files actually written, *stamp (may be NULL) the stamp of the files
 * as they are now (see bundle_stamp). Returns 0, or -1 with a message in
 * err.
 */
int bundle_write_site(const char *out, const struct bundle *b,
		      unsigned *written, uint64_t *stamp, char *err,
		      size_t errsize);

/*
 * The stamp of SITE's files in OUT/sites (sites_dfd, from
 * bundle_open_sites): a hash of each one's inode, size and modification
 * time, which changes whenever a file is written or replaced. False when
 * a file is missing. (A compile trusts an unchanged stamp to mean
 * unchanged files: see compile.h.)
 */
bool bundle_stamp(int sites_dfd, const char *site, uint64_t *stamp);
/* OUT/sites opened as a directory, or -1 (it does not exist yet). */
int bundle_open_sites(const char *out);

/* Writes dir/name (creating dir) unless it already holds data[0..len),
 * through a temp file and rename(). Returns 0, or -1 with err. */
int bundle_write_file(const char *dir, const char *name, const char *data,
		      size_t len, char *err, size_t errsize);

/*
 * Removes out/sites/X for every X not among the n names (byte-sorted or
 * not) whose directory holds a bundle.json: its regular files, then the
 * directory. Any other entry is left alone. Returns 0, or -1 with a
 * message in err.
 */
int bundle_prune(const char *out, const char *const *names, size_t n,
		 char *err, size_t errsize);

/*
 * Writes out/fleet.json: the n sites with their digests, sorted by name
 * (the arrays are not changed). A site whose digest is NULL (not
 * compiled in this run: `--site`, or it failed) keeps the digest the old
 * fleet.json gives it, if any; a site not among the n is dropped.
 * Returns 0, or -1 with a message in err.
 */
int bundle_write_fleet(const char *out, const char *const *names,
		       const char *const *digests, size_t n, char *err,
		       size_t errsize);
/* The same with "source": {"commit": commit, "path": path} (either NULL:
 * left out), for a fleet compiled from a git revision. */
int bundle_write_fleet_source(const char *out, const char *const *names,
			      const char *const *digests, size_t n,
			      const char *commit, const char *path, char *err,
			      size_t errsize);

#endif
