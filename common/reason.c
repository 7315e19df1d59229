/*
 * reason.c - an error's reason written into the caller's buffer
 * (reason.h).
 */
#include "reason.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>

int reason_fail(char *why, size_t whysize, const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	if (why && whysize) {
		va_start(ap, fmt);
		vsnprintf(why, whysize, fmt, ap);
		va_end(ap);
	}
	errno = e;
	return -1;
}
