/*
 * utf8.c - the length of one UTF-8 sequence, and text repaired into
 * UTF-8 (utf8.h).
 */
#include "utf8.h"

#include <string.h>

int utf8_char_length(const unsigned char *s, size_t avail)
{
	unsigned char c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		if (avail >= 2 && (s[1] & 0xC0) == 0x80)
			return 2;
		return 0;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (avail < 3 || (s[1] & 0xC0) != 0x80 ||
		    (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;	/* overlong */
		if (c == 0xED && s[1] >= 0xA0)
			return 0;	/* surrogate */
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (avail < 4 || (s[1] & 0xC0) != 0x80 ||
		    (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;	/* overlong */
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;	/* above U+10FFFF */
		return 4;
	}
	return 0;
}

size_t utf8_repair(const char *s, size_t n, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t k = 0;

	for (size_t i = 0; i < n;) {
		int w = utf8_char_length(u + i, n - i);

		if (w == 0) {
			memcpy(out + k, "\xEF\xBF\xBD", 3);
			k += 3;
			i++;
		} else {
			memcpy(out + k, s + i, (size_t)w);
			k += (size_t)w;
			i += (size_t)w;
		}
	}
	return k;
}
