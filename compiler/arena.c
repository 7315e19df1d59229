/*
 * arena.c - bump allocators (see arena.h).
 */
#include "arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_MIN_CHUNK (64 * 1024)

/*
 * Under AddressSanitizer the free part of each chunk is poisoned and every
 * allocation is followed by a poisoned red zone, so an overflow from one
 * node into the next is caught as it would be between mallocs.
 */
#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define ARENA_REDZONE 16
#else
#define ASAN_POISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ASAN_UNPOISON_MEMORY_REGION(p, n) ((void)(p), (void)(n))
#define ARENA_REDZONE 0
#endif

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	size_t used;
	_Alignas(ARENA_ALIGN) unsigned char data[];
};

_Noreturn void arena_oom(void)
{
	fputs("sitec: out of memory\n", stderr);
	exit(3);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		arena_oom();
	return p;
}

void *xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		arena_oom();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->chunk_size = ARENA_MIN_CHUNK;
	a->total = 0;
}

void *arena_alloc(struct arena *a, size_t size)
{
	struct arena_chunk *c = a->head;
	size_t asked = size;

	size = (size + ARENA_REDZONE + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
	if (!c || c->size - c->used < size) {
		size_t want = a->chunk_size;

		if (want < size)
			want = size;
		if (a->chunk_size < 16 * 1024 * 1024)
			a->chunk_size *= 2;
		c = xmalloc(sizeof(*c) + want);
		c->size = want;
		c->used = 0;
		c->next = a->head;
		a->head = c;
		ASAN_POISON_MEMORY_REGION(c->data, want);
	}
	void *p = c->data + c->used;

	ASAN_UNPOISON_MEMORY_REGION(p, asked);
	c->used += size;
	a->total += size;
	return p;
}

void *arena_zalloc(struct arena *a, size_t size)
{
	return memset(arena_alloc(a, size), 0, size);
}

char *arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void *arena_memdup(struct arena *a, const void *p, size_t size)
{
	if (!size)
		return NULL;
	return memcpy(arena_alloc(a, size), p, size);
}

void *arena_grow(struct arena *a, void *old, size_t old_size, size_t new_size)
{
	void *p = arena_alloc(a, new_size);

	if (old_size)
		memcpy(p, old, old_size < new_size ? old_size : new_size);
	return p;
}

void *arena_grow_array(struct arena *a, void *old, uint32_t len,
		       uint32_t *cap, size_t elem)
{
	uint32_t n = *cap ? *cap * 2 : 4;

	if (n < *cap)
		arena_oom();	/* more than 2^32 elements */
	*cap = n;
	return arena_grow(a, old, elem * len, elem * n);
}

void arena_reset(struct arena *a)
{
	struct arena_chunk *c = a->head;

	/* Keep the largest chunk so a per-site arena stops calling malloc. */
	if (!c)
		return;
	struct arena_chunk *keep = c;

	for (c = c->next; c; c = c->next)
		if (c->size > keep->size)
			keep = c;
	c = a->head;
	while (c) {
		struct arena_chunk *next = c->next;

		if (c != keep) {
			ASAN_UNPOISON_MEMORY_REGION(c->data, c->size);
			free(c);
		}
		c = next;
	}
	keep->next = NULL;
	keep->used = 0;
	ASAN_POISON_MEMORY_REGION(keep->data, keep->size);
	a->head = keep;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;

	while (c) {
		struct arena_chunk *next = c->next;

		ASAN_UNPOISON_MEMORY_REGION(c->data, c->size);
		free(c);
		c = next;
	}
	arena_init(a);
}
