/*
 * bundle_source.h - bundle.json's "source" and "version" set after the
 * bundle was built (bundle.h builds it with {} and 0): compiling a git
 * revision names its commit and the fleet's directory there, publishing
 * numbers the version. The digest does not cover bundle.json, so it does
 * not change.
 */
#ifndef SITEC_BUNDLE_SOURCE_H
#define SITEC_BUNDLE_SOURCE_H

#include <stddef.h>
#include <stdint.h>

struct bundle;

/*
 * Rewrites b's bundle.json (its bytes and sha256) with source {"commit":
 * commit, "path": path} (either may be NULL: left out) and version.
 * Returns 0, or -1 with a message in err.
 */
int bundle_source_set(struct bundle *b, const char *commit, const char *path,
		      int64_t version, char *err, size_t errsize);

#endif
