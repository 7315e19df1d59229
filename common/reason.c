/*
 * reason.c - an error's reason written into the caller's buffer
 * (reason.h).
 */
#include "reason.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

static void reason_vset(char *why, size_t whysize, const char *fmt,
			va_list ap) __attribute__((format(printf, 3, 0)));

static void reason_vset(char *why, size_t whysize, const char *fmt,
			va_list ap)
{
	int e = errno;

	if (why && whysize)
		vsnprintf(why, whysize, fmt, ap);
	errno = e;
}

int reason_fail(char *why, size_t whysize, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	reason_vset(why, whysize, fmt, ap);
	va_end(ap);
	return -1;
}

int reason_code(int rc, char *why, size_t whysize, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	reason_vset(why, whysize, fmt, ap);
	va_end(ap);
	return rc;
}
