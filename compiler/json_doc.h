/*
 * json_doc.h - helpers for the JSON documents sitec builds with jansson
 * that are not values: diagnostics (--format json), the SARIF log, type
 * descriptions. Values are written by emit.h's one JSON writer (yajl).
 *
 * Every json_t returned is a new reference the caller owns (json_decref).
 */
#ifndef SITEC_JSON_DOC_H
#define SITEC_JSON_DOC_H

#include <stddef.h>

struct json_t;

/*
 * A JSON string of s[0..n): jansson takes only valid UTF-8, so a bad byte
 * (a file name, say) becomes U+FFFD instead of losing the string.
 */
struct json_t *json_doc_text(const char *s, size_t n);

#endif
