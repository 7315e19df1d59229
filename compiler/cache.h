/*
 * cache.h - the build cache of `sitec compile`, OUT/.sitec-cache.
 *
 * One line per site: its name, the sha256 of its output values (the
 * fingerprint, compile.c), its bundle's digest, and the stamp of its
 * files as the compiler left them (bundle_stamp, bundle.h):
 *
 *   sitec-cache 1 sitec VERSION
 *   NAME FINGERPRINT-HEX DIGEST STAMP-HEX
 *
 * NAME has no space, newline or NUL; FINGERPRINT-HEX is 64 lowercase hex
 * digits, DIGEST "sha256:" and 64 more, STAMP-HEX 16. The file ends with
 * a newline. A site whose fingerprint and stamp are both unchanged has
 * the bundle its values would give (the fingerprint also covers the
 * compiler's build: compile.c) and whose bundle.json ends with the
 * line's digest (bundle_has_digest). A cache of another version, or one
 * that does not parse in full, is ignored whole: it is only ever a
 * shortcut, never a source of truth.
 */
#ifndef SITEC_CACHE_H
#define SITEC_CACHE_H

#include "bundle.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define CACHE_NAME BUNDLE_CACHE_NAME
#define CACHE_FP_SIZE 32

struct cache_entry {
	const char *name;		/* into the cache's text */
	unsigned char fp[CACHE_FP_SIZE];
	char digest[BUNDLE_SHA256_SIZE];
	uint64_t stamp;
};

struct cache {
	char *text;			/* owned */
	struct cache_entry *e;
	size_t n;
	uint32_t *index;		/* open addressing, entry + 1 */
	size_t cap;
};

/*
 * Parses text[0..len) (taking ownership of text, malloc'ed, with room
 * for one more byte) into c. Returns false, with c empty, when the text
 * is not a whole cache of this version; a name that appears twice also
 * makes it false.
 */
bool cache_parse(struct cache *c, char *text, size_t len);
/* Loads OUT/.sitec-cache; an absent or unparsable one, or one that is
 * not a regular file, leaves c empty. */
void cache_load(struct cache *c, const struct bundle_out *o);
void cache_free(struct cache *c);
const struct cache_entry *cache_find(const struct cache *c, const char *name);

/* Whether a name can be on a line of its own. */
bool cache_name_ok(const char *name);
/* Appends the header line to *buf (malloc'ed, *len bytes used of *cap). */
void cache_format_header(char **buf, size_t *len, size_t *cap);
/* Appends e's line to *buf (malloc'ed, *len bytes used of *cap). */
void cache_format(char **buf, size_t *len, size_t *cap,
		  const struct cache_entry *e);

#endif
