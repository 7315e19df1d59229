/*
 * hash.h - the project's one FNV-1a (64-bit), for hash tables in memory.
 *
 * Not a digest (common/digest.h is): for hash tables and change stamps,
 * never for an output's order or anything an adversary picks; a value
 * kept across runs (the build cache's stamps) may change with a new
 * compiler. hash_fnv1a hashes a byte string from FNV's offset
 * basis; hash_fnv1a_continue goes on from an earlier value (or from a
 * seed of the caller's, HASH_FNV1A_BASIS mixed with something). Pure.
 */
#ifndef SITEC_COMMON_HASH_H
#define SITEC_COMMON_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV1A_BASIS 0xcbf29ce484222325ULL
#define HASH_FNV1A_PRIME 0x100000001b3ULL

static inline uint64_t hash_fnv1a_continue(uint64_t h, const void *data,
					   size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++) {
		h ^= p[i];
		h *= HASH_FNV1A_PRIME;
	}
	return h;
}

static inline uint64_t hash_fnv1a(const void *data, size_t n)
{
	return hash_fnv1a_continue(HASH_FNV1A_BASIS, data, n);
}

#endif
