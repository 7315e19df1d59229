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

	size = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
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
	}
	void *p = c->data + c->used;

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

void *arena_grow(struct arena *a, void *old, size_t old_size, size_t new_size)
{
	void *p = arena_alloc(a, new_size);

	if (old_size)
		memcpy(p, old, old_size < new_size ? old_size : new_size);
	return p;
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

		if (c != keep)
			free(c);
		c = next;
	}
	keep->next = NULL;
	keep->used = 0;
	a->head = keep;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head;

	while (c) {
		struct arena_chunk *next = c->next;

		free(c);
		c = next;
	}
	arena_init(a);
}
