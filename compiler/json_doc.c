/*
 * json_doc.c - helpers for jansson documents that are not values (see
 * json_doc.h): diag.c's JSON and SARIF renderings use them.
 */
#include "json_doc.h"

#include "arena.h"
#include "source.h"
#include "utf8.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

json_t *json_doc_text(const char *s, size_t n)
{
	json_t *j = json_stringn(s, n);

	if (j)
		return j;
	/* Not UTF-8 (a file name, say): each bad byte becomes U+FFFD. */
	size_t k = 0;
	char *buf = xmalloc(n * 3 + 1);
	const unsigned char *u = (const unsigned char *)s;

	for (size_t i = 0; i < n;) {
		int w = utf8_char_length(u + i, n - i);

		if (w == 0) {
			memcpy(buf + k, "\xEF\xBF\xBD", 3);
			k += 3;
			i++;
		} else {
			memcpy(buf + k, s + i, (size_t)w);
			k += (size_t)w;
			i += (size_t)w;
		}
	}
	j = json_stringn(buf, k);
	free(buf);
	return j;
}
