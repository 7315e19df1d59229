/*
 * utf8.h - the length of one UTF-8 sequence, as RFC 3629 allows it (no
 * overlong forms, no surrogates, nothing above U+10FFFF), and text
 * repaired into UTF-8. Pure.
 */
#ifndef SITEC_COMMON_UTF8_H
#define SITEC_COMMON_UTF8_H

#include <stddef.h>

/* Length of the UTF-8 sequence at s[0..avail) (1..4), or 0 if it is
 * invalid. avail is at least 1. */
int utf8_char_length(const unsigned char *s, size_t avail);

/* Copies s[0..n) into out with each byte that starts no valid sequence
 * replaced by U+FFFD (3 bytes): out must hold 3 * n bytes. Returns the
 * length written. For showing text that should have been UTF-8 (a file
 * name, say) in a document that must be. */
size_t utf8_repair(const char *s, size_t n, char *out);

#endif
