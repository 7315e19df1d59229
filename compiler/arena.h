/*
 * arena.h - bump allocators.
 *
 * The compiler never frees a node: everything the fleet shares (AST,
 * interned strings, indexes) lives in one arena, and per-site work in
 * another that is reset when the site is done. Allocation failure aborts
 * through arena_oom(), the one place the compiler gives up on memory.
 */
#ifndef SITEC_ARENA_H
#define SITEC_ARENA_H

#include <stddef.h>
#include <stdint.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;
	size_t chunk_size;
	size_t total;	/* bytes handed out, for --stats */
};

void arena_init(struct arena *a);
void *arena_alloc(struct arena *a, size_t size);
void *arena_zalloc(struct arena *a, size_t size);
char *arena_strndup(struct arena *a, const char *s, size_t len);
/* A copy of p[0..size) in the arena; NULL when size is 0. */
void *arena_memdup(struct arena *a, const void *p, size_t size);
/* Grows an array allocated in the arena; the old copy is abandoned. */
void *arena_grow(struct arena *a, void *old, size_t old_size, size_t new_size);
/*
 * Growable arrays in an arena: ARENA_RESERVE(a, items, len, cap) makes room
 * for items[len], doubling cap (the old copy is abandoned).
 */
void *arena_grow_array(struct arena *a, void *old, uint32_t len,
		       uint32_t *cap, size_t elem);
#define ARENA_RESERVE(a, items, len, cap)                                   \
	do {                                                                \
		if ((len) == (cap))                                         \
			(items) = arena_grow_array((a), (items), (len),     \
						   &(cap), sizeof(*(items))); \
	} while (0)
void arena_reset(struct arena *a);
void arena_free(struct arena *a);

/* Called when malloc fails: prints one line and exits with status 3. */
_Noreturn void arena_oom(void);
void *xmalloc(size_t size) __attribute__((returns_nonnull, malloc));
void *xrealloc(void *p, size_t size) __attribute__((returns_nonnull));
char *xstrdup(const char *s);

#endif
