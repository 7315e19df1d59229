/*
 * fuzz_check.h - an invariant a fuzz harness asserts: CHECK(cond, what)
 * prints "NAME: invariant violated: what" and aborts, so libFuzzer (and
 * the corpus runner) report the input. Define FUZZ_NAME first.
 */
#ifndef SITEC_FUZZ_CHECK_H
#define SITEC_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

static _Noreturn void fuzz_violated(const char *what)
{
	fprintf(stderr, "%s: invariant violated: %s\n", FUZZ_NAME, what);
	fflush(stderr);
	abort();
}

#define CHECK(cond, what)                                                   \
	do {                                                                \
		if (!(cond))                                                \
			fuzz_violated(what);                                \
	} while (0)

#endif
