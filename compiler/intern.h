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
	const char **slots;	/* open addressing; NULL = empty */
	uint32_t *lens;
	size_t cap, count;
};

void interner_init(struct interner *in, struct arena *arena);
void interner_free(struct interner *in);
/* The one NUL-terminated copy of s[0..len); never freed before the arena. */
const char *intern(struct interner *in, const char *s, size_t len);
/* The hash the interner uses (FNV-1a), for other tables of strings. */
uint32_t hash_bytes(const char *s, size_t len);

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
