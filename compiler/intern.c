/*
 * intern.c - a string interner over an arena (FNV-1a, linear probing).
 */
#include "intern.h"

#include "hash.h"

#include <stdlib.h>
#include <string.h>

uint32_t intern_hash(const char *s, size_t len)
{
	uint64_t h = hash_fnv1a(s, len);

	return (uint32_t)(h ^ (h >> 32));
}

void intern_init(struct interner *in, struct arena *arena)
{
	in->arena = arena;
	in->base = NULL;
	in->cap = 1024;
	in->count = 0;
	in->slots = calloc(in->cap, sizeof(*in->slots));
	in->lens = calloc(in->cap, sizeof(*in->lens));
	if (!in->slots || !in->lens)
		arena_oom();
}

void intern_init_over(struct interner *in, struct arena *arena,
		      const struct interner *base)
{
	intern_init(in, arena);
	in->base = base;
}

void intern_free(struct interner *in)
{
	free(in->slots);
	free(in->lens);
	in->slots = NULL;
	in->lens = NULL;
	in->cap = in->count = 0;
}

static void grow(struct interner *in)
{
	size_t cap = in->cap * 2;
	const char **slots = calloc(cap, sizeof(*slots));
	uint32_t *lens = calloc(cap, sizeof(*lens));

	if (!slots || !lens)
		arena_oom();
	for (size_t i = 0; i < in->cap; i++) {
		if (!in->slots[i])
			continue;
		size_t j = intern_hash(in->slots[i], in->lens[i]) & (cap - 1);

		while (slots[j])
			j = (j + 1) & (cap - 1);
		slots[j] = in->slots[i];
		lens[j] = in->lens[i];
	}
	free(in->slots);
	free(in->lens);
	in->slots = slots;
	in->lens = lens;
	in->cap = cap;
}

/* The copy of s in in, or NULL; uses (and writes nothing of) in. */
static const char *find(const struct interner *in, const char *s, size_t len,
			uint32_t h)
{
	size_t j = h & (in->cap - 1);

	for (; in->slots[j]; j = (j + 1) & (in->cap - 1))
		if (in->lens[j] == len && memcmp(in->slots[j], s, len) == 0)
			return in->slots[j];
	return NULL;
}

const char *intern_name(struct interner *in, const char *s, size_t len)
{
	uint32_t h = intern_hash(s, len);
	const char *old;

	if (in->base && (old = find(in->base, s, len, h)))
		return old;
	if ((in->count + 1) * 4 > in->cap * 3)
		grow(in);
	size_t j = h & (in->cap - 1);

	while (in->slots[j]) {
		if (in->lens[j] == len && memcmp(in->slots[j], s, len) == 0)
			return in->slots[j];
		j = (j + 1) & (in->cap - 1);
	}
	in->slots[j] = arena_strndup(in->arena, s, len);
	in->lens[j] = (uint32_t)len;
	in->count++;
	return in->slots[j];
}
