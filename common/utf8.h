/*
 * utf8.h - the length of one UTF-8 sequence, as RFC 3629 allows it (no
 * overlong forms, no surrogates, nothing above U+10FFFF). Pure.
 */
#ifndef SITEC_COMMON_UTF8_H
#define SITEC_COMMON_UTF8_H

#include <stddef.h>

/* Length of the UTF-8 sequence at s[0..avail) (1..4), or 0 if it is
 * invalid. avail is at least 1. */
int utf8_char_length(const unsigned char *s, size_t avail);

#endif
