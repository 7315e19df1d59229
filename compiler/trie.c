/*
 * trie.c - statements indexed by path (see model.h).
 *
 * A trie node is one static path; it holds the ops written at exactly that
 * path and, for the fold, the ascending seqs of every op at or below it.
 * Children are found by key: a linear scan while there are few, a hash
 * index once there are many (a map of thousands of hosts).
 */
#include "model.h"

#include "intern.h"

#include <string.h>

#define INDEX_FROM 16

struct trie *trie_new(struct arena *a, bool standalone)
{
	struct trie *t = arena_zalloc(a, sizeof(*t));

	t->arena = a;
	t->standalone = standalone;
	t->root = arena_zalloc(a, sizeof(*t->root));
	t->root->trie = t;
	t->root->key = "";
	t->next_seq = 2;	/* seq 1 is a site's name */
	return t;
}

static bool key_eq(const struct tnode *n, const char *key, uint32_t keylen)
{
	return n->key == key ||
	       (n->keylen == keylen && memcmp(n->key, key, keylen) == 0);
}

static void index_insert(struct tnode *n, uint32_t i)
{
	const struct tnode *k = n->kids[i];
	uint32_t j = intern_hash(k->key, k->keylen) & (n->index_cap - 1);

	while (n->index[j])
		j = (j + 1) & (n->index_cap - 1);
	n->index[j] = i + 1;
}

static void index_rebuild(struct tnode *n, struct arena *a)
{
	n->index_cap = 64;
	while (n->index_cap < n->nkids * 2 + 2)
		n->index_cap *= 2;
	n->index = arena_zalloc(a, n->index_cap * sizeof(*n->index));
	for (uint32_t i = 0; i < n->nkids; i++)
		index_insert(n, i);
}

/* The index in n->kids of the child at key, or -1. */
static long kid_index(const struct tnode *n, const char *key, uint32_t keylen)
{
	if (n->index) {
		uint32_t j = intern_hash(key, keylen) & (n->index_cap - 1);
		for (; n->index[j]; j = (j + 1) & (n->index_cap - 1))
			if (key_eq(n->kids[n->index[j] - 1], key, keylen))
				return (long)n->index[j] - 1;
		return -1;
	}
	for (uint32_t i = 0; i < n->nkids; i++)
		if (key_eq(n->kids[i], key, keylen))
			return (long)i;
	return -1;
}

const struct tnode *trie_find(const struct tnode *n, const char *key,
			      uint32_t keylen)
{
	long i = n ? kid_index(n, key, keylen) : -1;

	return i < 0 ? NULL : n->kids[i];
}

struct tnode *trie_child(struct tnode *n, const char *key, uint32_t keylen,
			 bool create)
{
	if (!n)
		return NULL;
	long i = kid_index(n, key, keylen);
	if (i >= 0)
		return n->kids[i];
	if (!create)
		return NULL;

	struct arena *a = n->trie->arena;
	struct tnode *k = arena_zalloc(a, sizeof(*k));
	k->key = key;
	k->keylen = keylen;
	k->parent = n;
	k->depth = n->depth + 1;
	k->trie = n->trie;
	ARENA_RESERVE(a, n->kids, n->nkids, n->kids_cap);
	n->kids[n->nkids++] = k;
	if (n->index && n->nkids * 2 + 2 <= n->index_cap)
		index_insert(n, n->nkids - 1);
	else if (n->nkids >= INDEX_FROM)
		index_rebuild(n, a);
	return k;
}
