/*
 * reason.h - the error style of common/ and of the compiler's file
 * writing: a function that fails returns -1 and writes why, in plain
 * words naming the file and the failing call, into a caller's buffer
 * (docs/conventions.md, "Errors").
 */
#ifndef SITEC_COMMON_REASON_H
#define SITEC_COMMON_REASON_H

#include <stddef.h>

/* Formats the reason into why[0..whysize) (nothing when why is NULL or
 * whysize 0; cut to fit) and returns -1, for `return reason_fail(...)`.
 * errno is kept, so the caller can still test it. */
int reason_fail(char *why, size_t whysize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* The same, returning rc: for a function whose failures have codes of
 * their own (`return reason_code(BUNDLE_VERIFY_EDIGEST, ...)`). */
int reason_code(int rc, char *why, size_t whysize, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#endif
