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
	char *buf = xmalloc(n * 3 + 1);
	size_t k = utf8_repair(s, n, buf);

	j = json_stringn(buf, k);
	free(buf);
	return j;
}
