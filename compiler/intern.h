/*
 * intern.h - one copy of each name.
 *
 * Identifiers, keys and declaration names are interned in the fleet arena,
 * so later phases compare names by pointer.
 */
#ifndef SITEC_INTERN_H
#define SITEC_INTERN_H

#include "arena.h"

#include <stddef.h>
#include <stdint.h>

struct interner {
	struct arena *arena;
	/* an interner this one extends, read and never written: a name it
	 * holds is returned from it, so pointers stay comparable with the
	 * names of the fleet (a compile worker's names over the fleet's) */
	const struct interner *base;
	const char **slots;	/* open addressing; NULL = empty */
	uint32_t *lens;
	size_t cap, count;
};

void intern_init(struct interner *in, struct arena *arena);
void intern_free(struct interner *in);
/* An empty interner over arena that extends base (see above). base must
 * not change while this one is in use. */
void intern_init_over(struct interner *in, struct arena *arena,
		      const struct interner *base);
/* The one NUL-terminated copy of s[0..len); never freed before the arena. */
const char *intern_name(struct interner *in, const char *s, size_t len);
/* The hash the interner uses (FNV-1a), for other tables of strings. */
uint32_t intern_hash(const char *s, size_t len);

/* A hash of a pointer, for tables keyed by interned names or nodes. */
static inline uint32_t ptr_hash(const void *p)
{
	uintptr_t x = (uintptr_t)p;

	x ^= x >> 17;
	x *= 0xed5ad4bbu;
	x ^= x >> 11;
	return (uint32_t)x;
}

#endif
