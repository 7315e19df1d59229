/*
 * bundle_verify.h - checking a bundle as a puller would: bundle.json read
 * strictly (bundle_format.h), each file's sha256 against it, and, with a
 * public key, bundle.sig over bundle.json's bytes. Also fleet.json and
 * fleet.sig. The files come through a reader callback, so that a bundle
 * in a directory and one in a git tree are checked by the same code.
 *
 * Errors: 0, or BUNDLE_VERIFY_EBAD (the bundle is wrong: a digest, a
 * signature, a missing or malformed file) or BUNDLE_VERIFY_EIO (a file
 * could not be read for another reason), with a reason in why[0..whysize)
 * that names the file. Memory: *meta (may be NULL) is freed with
 * bundle_meta_free. Pure but for the reader; safe in several threads.
 */
#ifndef SITEC_COMMON_BUNDLE_VERIFY_H
#define SITEC_COMMON_BUNDLE_VERIFY_H

#include "bundle_format.h"

#include <stddef.h>

#define BUNDLE_VERIFY_EBAD (-1)
#define BUNDLE_VERIFY_EIO (-2)
/* reader: the file does not exist */
#define BUNDLE_VERIFY_ENOENT (-3)

/* The largest file a reader need return (k8s.yaml, api.json, os.json). */
#define BUNDLE_VERIFY_FILE_MAX ((size_t)256 << 20)

/*
 * Reads the file name of the bundle (no directory part) into a malloc'ed
 * *data, *len. Returns 0, BUNDLE_VERIFY_ENOENT (nothing said in why), or
 * BUNDLE_VERIFY_EIO with a reason.
 */
typedef int (*bundle_verify_read_fn)(void *arg, const char *name,
				     char **data, size_t *len, char *why,
				     size_t whysize);

/*
 * Verifies one site's bundle read through read(arg, ...): bundle.json
 * strictly, every file it lists against its sha256; with pub (not
 * NULL), bundle.sig must exist and be pub's signature of bundle.json.
 */
int bundle_verify_site(bundle_verify_read_fn read, void *arg,
		       const unsigned char *pub, struct bundle_meta **meta,
		       char *why, size_t whysize);

/*
 * fleet.json's bytes data[0..len): {"compiler": TEXT, "source": {...},
 * "sites": {NAME: "sha256:HEX"}, ...} (other keys, such as "version",
 * are allowed). With pub, sig[0..siglen) (fleet.sig's bytes; NULL:
 * missing) must be pub's signature of it. Calls each(arg, NAME, DIGEST)
 * for every site in byte order; a non-zero result stops there and is
 * returned.
 */
int bundle_verify_fleet(const char *data, size_t len, const char *sig,
			size_t siglen, const unsigned char *pub,
			int (*each)(void *arg, const char *site,
				    const char *digest),
			void *arg, char *why, size_t whysize);

/* A reader over the directory dir (arg is the path): open + read. */
int bundle_verify_read_dir(void *arg, const char *name, char **data,
			   size_t *len, char *why, size_t whysize);

#endif
