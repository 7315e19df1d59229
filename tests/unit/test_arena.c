/*
 * test_arena.c - the bump allocator and the string interner.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "intern.h"

#define ALIGN _Alignof(max_align_t)

static void t_alignment(void **state)
{
	struct arena a;
	static const size_t sizes[] = { 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 33,
					100, 1000, 4095, 70000, 1 };

	(void)state;
	arena_init(&a);
	for (int round = 0; round < 50; round++) {
		for (size_t i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
			unsigned char *p = arena_alloc(&a, sizes[i]);

			assert_non_null(p);
			assert_int_equal((uintptr_t)p % ALIGN, 0);
			memset(p, 0xAB, sizes[i]);	/* writable, whole */
		}
	}
	assert_int_equal((uintptr_t)arena_zalloc(&a, 3) % ALIGN, 0);
	assert_int_equal((uintptr_t)arena_strndup(&a, "xyz", 3) % ALIGN, 0);
	arena_free(&a);
}

static void t_allocations_do_not_overlap(void **state)
{
	struct arena a;
	unsigned char *ptrs[2000];

	(void)state;
	arena_init(&a);
	for (int i = 0; i < 2000; i++) {
		size_t n = (size_t)(i % 97) + 1;

		ptrs[i] = arena_alloc(&a, n);
		memset(ptrs[i], i & 0xFF, n);
	}
	for (int i = 0; i < 2000; i++) {
		size_t n = (size_t)(i % 97) + 1;

		for (size_t k = 0; k < n; k++)
			assert_int_equal(ptrs[i][k], i & 0xFF);
	}
	arena_free(&a);
}

static void t_large_allocation(void **state)
{
	struct arena a;
	size_t big = 40u * 1024 * 1024;
	unsigned char *p, *q;

	(void)state;
	arena_init(&a);
	q = arena_alloc(&a, 16);
	memset(q, 1, 16);
	p = arena_alloc(&a, big);
	assert_non_null(p);
	memset(p, 0x5A, big);
	assert_int_equal(p[0], 0x5A);
	assert_int_equal(p[big - 1], 0x5A);
	assert_int_equal(q[15], 1);
	assert_true(a.total >= big + 16);
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.total, 0);
}

static void t_zalloc_strndup(void **state)
{
	struct arena a;
	unsigned char *z;
	char *s;

	(void)state;
	arena_init(&a);
	/* dirty the memory, reset, then zalloc must clear what it hands out */
	memset(arena_alloc(&a, 4096), 0xFF, 4096);
	arena_reset(&a);
	z = arena_zalloc(&a, 4096);
	for (size_t i = 0; i < 4096; i++)
		assert_int_equal(z[i], 0);

	s = arena_strndup(&a, "hello world", 5);
	assert_string_equal(s, "hello");
	s = arena_strndup(&a, "", 0);
	assert_string_equal(s, "");
	s = arena_strndup(&a, "a\0b", 3);	/* copies bytes, NULs included */
	assert_memory_equal(s, "a\0b", 4);

	arena_free(&a);
}

static void t_grow_copies(void **state)
{
	struct arena a;
	int *v = NULL;
	size_t cap = 0, len = 0;

	(void)state;
	arena_init(&a);
	/* the growth pattern of the AST lists: 0, 4, 8, 16, ... */
	for (int i = 0; i < 100000; i++) {
		if (len == cap) {
			size_t ncap = cap ? cap * 2 : 4;
			int *nv = arena_grow(&a, v, cap * sizeof(*v), ncap * sizeof(*v));

			assert_non_null(nv);
			assert_int_equal((uintptr_t)nv % ALIGN, 0);
			if (v)
				assert_ptr_not_equal(nv, v);
			v = nv;
			cap = ncap;
		}
		v[len++] = i * 3;
	}
	for (int i = 0; i < 100000; i++)
		assert_int_equal(v[i], i * 3);

	/* shrinking copies only what fits */
	{
		char *s = arena_strndup(&a, "abcdefgh", 8);
		char *t = arena_grow(&a, s, 9, 4);

		assert_memory_equal(t, "abcd", 4);
		assert_string_equal(s, "abcdefgh");	/* the old copy is untouched */
	}
	arena_free(&a);
}

static void t_reset_reuses_memory(void **state)
{
	struct arena a;
	void *first, *again;

	(void)state;
	arena_init(&a);
	first = arena_alloc(&a, 100);
	arena_alloc(&a, 200);
	assert_true(a.total >= 300);
	arena_reset(&a);
	assert_int_equal(a.total, 0);
	assert_non_null(a.head);
	again = arena_alloc(&a, 100);
	assert_ptr_equal(again, first);

	/* many chunks: after a reset, allocations reuse the kept chunk, and
	 * the same work needs no more memory than the first time */
	for (int i = 0; i < 1000; i++)
		memset(arena_alloc(&a, 1000), 1, 1000);
	arena_reset(&a);
	first = arena_alloc(&a, 64);
	arena_reset(&a);
	for (int round = 0; round < 20; round++) {
		again = arena_alloc(&a, 64);
		assert_ptr_equal(again, first);
		memset(again, 2, 64);
		arena_reset(&a);
	}
	arena_free(&a);
}

static void t_xstrdup(void **state)
{
	char *s = xstrdup("fleet");

	(void)state;
	assert_string_equal(s, "fleet");
	free(s);
	s = xmalloc(0);		/* a size of 0 still yields a pointer */
	assert_non_null(s);
	s = xrealloc(s, 10);
	memcpy(s, "123456789", 10);
	assert_string_equal(s, "123456789");
	free(s);
}

/* --- the interner -------------------------------------------------------- */

static void t_intern_same_and_different(void **state)
{
	struct arena a;
	struct interner in;
	char buf1[16], buf2[16];
	const char *x, *y, *z, *e1, *e2;

	(void)state;
	arena_init(&a);
	intern_init(&in, &a);
	strcpy(buf1, "paris-01");
	strcpy(buf2, "paris-01");
	x = intern_name(&in, buf1, 8);
	y = intern_name(&in, buf2, 8);
	assert_ptr_equal(x, y);
	assert_ptr_not_equal(x, buf1);
	assert_string_equal(x, "paris-01");
	/* the copy is the interner's own: changing the input changes nothing */
	buf1[0] = 'X';
	assert_string_equal(x, "paris-01");

	z = intern_name(&in, "paris-02", 8);
	assert_ptr_not_equal(x, z);
	assert_string_equal(z, "paris-02");

	/* the length counts, not the NUL */
	assert_ptr_equal(intern_name(&in, "paris-01-extra", 8), x);
	assert_ptr_not_equal(intern_name(&in, "paris-0", 7), x);
	assert_string_equal(intern_name(&in, "paris-0", 7), "paris-0");

	/* empty, and names with embedded NULs */
	e1 = intern_name(&in, "", 0);
	e2 = intern_name(&in, "abc", 0);
	assert_ptr_equal(e1, e2);
	assert_string_equal(e1, "");
	assert_ptr_not_equal(intern_name(&in, "a\0b", 3),
			     intern_name(&in, "a\0c", 3));
	assert_ptr_equal(intern_name(&in, "a\0b", 3),
			 intern_name(&in, "a\0b", 3));
	assert_ptr_not_equal(intern_name(&in, "a\0b", 3),
			     intern_name(&in, "a", 1));
	assert_int_equal(in.count, 7);

	intern_free(&in);
	arena_free(&a);
}

static void t_intern_growth(void **state)
{
	enum { N = 150000 };
	struct arena a;
	struct interner in;
	const char **first = xmalloc(sizeof(*first) * N);
	size_t cap0;

	(void)state;
	assert_non_null(first);
	arena_init(&a);
	intern_init(&in, &a);
	cap0 = in.cap;
	for (int i = 0; i < N; i++) {
		char name[32];
		int n = snprintf(name, sizeof(name), "site-%d", i);

		first[i] = intern_name(&in, name, (size_t)n);
	}
	assert_int_equal(in.count, N);
	assert_true(in.cap > cap0);
	assert_true(in.cap >= (size_t)N * 4 / 3);
	for (int i = 0; i < N; i++) {
		char name[32];
		int n = snprintf(name, sizeof(name), "site-%d", i);
		const char *again = intern_name(&in, name, (size_t)n);

		if (again != first[i])
			print_message("# name %s moved\n", name);
		assert_ptr_equal(again, first[i]);
		assert_string_equal(again, name);
	}
	/* distinct names, distinct pointers: sample neighbours */
	for (int i = 1; i < N; i++)
		assert_ptr_not_equal(first[i], first[i - 1]);
	assert_int_equal(in.count, N);
	intern_free(&in);
	arena_free(&a);
	free(first);
}

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>

/* Under ASan, the byte after an allocation and the free rest of a chunk
 * are poisoned, so overflows between arena objects are caught. */
static void t_asan_redzones(void **state)
{
	struct arena a;
	char *p, *q;

	(void)state;
	arena_init(&a);
	p = arena_alloc(&a, 10);
	q = arena_alloc(&a, 3);
	assert_false(__asan_address_is_poisoned(p));
	assert_false(__asan_address_is_poisoned(p + 9));
	assert_true(__asan_address_is_poisoned(p + 10));
	assert_true(__asan_address_is_poisoned(q + 3));
	assert_true(__asan_address_is_poisoned(q + 64));
	arena_reset(&a);
	assert_true(__asan_address_is_poisoned(p));
	arena_free(&a);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_alignment),
		cmocka_unit_test(t_allocations_do_not_overlap),
		cmocka_unit_test(t_large_allocation),
		cmocka_unit_test(t_zalloc_strndup),
		cmocka_unit_test(t_grow_copies),
		cmocka_unit_test(t_reset_reuses_memory),
		cmocka_unit_test(t_xstrdup),
		cmocka_unit_test(t_intern_same_and_different),
		cmocka_unit_test(t_intern_growth),
#if defined(__SANITIZE_ADDRESS__)
		cmocka_unit_test(t_asan_redzones),
#endif
	};

	return cmocka_run_group_tests_name("arena", tests, NULL, NULL);
}
