/*
 * value.h - the values a site evaluates to.
 *
 * A value is immutable once built and lives in an arena: the fleet arena
 * for fleet constants, the site arena for everything a site computes. An
 * object keeps its keys in definition order (LANGUAGE.md section 8) and is
 * searched linearly; a list is an array of pointers. Strings are UTF-8
 * with no NUL inside, NUL-terminated for convenience.
 *
 * Every value remembers where it came from: the expression that built it
 * and the statement (op) whose evaluation built it, which names the layer
 * (profile or site) and the operator. Diagnostics about a value point
 * there, and `sitec explain` prints it.
 */
#ifndef SITEC_VALUE_H
#define SITEC_VALUE_H

#include "arena.h"
#include "ast.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct op;

enum value_kind {
	V_NULL,
	V_BOOL,
	V_INT,
	V_FLOAT,
	V_STRING,
	V_LIST,
	V_OBJECT,
	V_SECRET,	/* a reference such as "vault:edge/psk"; str holds it */
};

struct value_field {
	const char *key;
	uint32_t keylen;
	struct value *value;
};

struct value {
	enum value_kind kind;
	uint32_t len;		/* bytes of a string, items, fields */
	union {
		bool b;
		int64_t i;
		double f;
		const char *str;	/* V_STRING, V_SECRET */
		struct value **items;	/* V_LIST */
		struct value_field *fields;	/* V_OBJECT */
	} u;
	const struct ast *expr;	/* the expression that built it, or NULL */
	const struct op *op;	/* the statement it was built for, or NULL */
};

/* Constructors; everything is allocated in a. */
struct value *value_null(struct arena *a);
struct value *value_bool(struct arena *a, bool b);
struct value *value_int(struct arena *a, int64_t i);
struct value *value_float(struct arena *a, double f);
/* Copies s[0..len). */
struct value *value_string(struct arena *a, const char *s, size_t len);
struct value *value_cstring(struct arena *a, const char *s);
/* Takes s as it is: it must live as long as the value (interned, arena). */
struct value *value_string_ref(struct arena *a, const char *s, size_t len);
struct value *value_secret(struct arena *a, const char *ref, size_t len);
/* A list of n items (the array is copied). */
struct value *value_list(struct arena *a, struct value *const *items,
			 size_t n);
/* An object of n fields (the array is copied; keys must be unique). */
struct value *value_object(struct arena *a, const struct value_field *fields,
			   size_t n);
/* A shallow copy, for giving a value another provenance. */
struct value *value_copy(struct arena *a, const struct value *v);

/* Building lists and objects one item at a time. */
struct value_builder {
	struct arena *arena;
	struct value **items;
	struct value_field *fields;
	uint32_t len, cap;
};
void value_build_init(struct value_builder *b, struct arena *a);
/* A builder that starts with the fields of the object obj, in order. */
void value_build_from(struct value_builder *b, struct arena *a,
		      const struct value *obj);
void value_build_push(struct value_builder *b, struct value *item);
/* Sets key (replacing an earlier field of the same key, in its place). */
void value_build_set(struct value_builder *b, const char *key, size_t keylen,
		     struct value *v);
struct value *value_build_list(struct value_builder *b);
struct value *value_build_object(struct value_builder *b);

/* The field of an object named key, or NULL. */
struct value *value_get(const struct value *obj, const char *key,
			size_t keylen);
/* Index of the field, or -1. */
long value_find(const struct value *obj, const char *key, size_t keylen);

/* "string", "list", ... as diagnostics name kinds. */
const char *value_kind_name(enum value_kind kind);
/* Deep equality; an int and a float are equal when their numbers are. */
bool value_equal(const struct value *a, const struct value *b);
/*
 * Order for sort/min/max/comparisons: numbers by value, strings by bytes.
 * Returns -1, 0 or 1; *ok is false when the two cannot be ordered.
 */
int value_compare(const struct value *a, const struct value *b, bool *ok);
/* True for V_INT and V_FLOAT. */
bool value_is_number(const struct value *v);
double value_as_double(const struct value *v);

/*
 * The text of a scalar as interpolation and to_string() write it:
 * strings as they are, integers in decimal, floats in the shortest form
 * that reads back the same (with ".0" when integral), true/false, null.
 * Returns NULL for lists, objects and secrets.
 */
const char *value_scalar_text(struct arena *a, const struct value *v,
			      size_t *len);
/* Shortest "%.*g" text of d that reads back as d (with ".0" if integral). */
void value_format_double(char *buf, size_t size, double d);

/*
 * v as JSON text to show (explain, diagnostics), malloc'ed: compact, or
 * indented by 2 when indent > 0, no newline at the end. It is written by
 * emit_json_text (emit.h), the one JSON writer, but leniently: what nests
 * deeper than JSON output allows shows as `…`. JSON that is output
 * (query, to_string, the bundle) uses emit_json_text, which refuses it.
 */
char *value_to_json_text(const struct value *v, int indent);
/*
 * v as compact JSON text that is output (to_string(), format("%v")),
 * malloc'ed, by the same writer, strictly: NULL when v nests more lists
 * and objects than JSON output takes, *depth (may be NULL) then getting
 * how many it nests and *max the most JSON output takes. (A byte that is
 * not UTF-8, which a value never holds, is U+FFFD as in the text above.)
 */
char *value_to_json_output(const struct value *v, unsigned *depth,
			   unsigned *max);
/* The help line of an error about a value too deep for JSON. */
#define VALUE_JSON_DEPTH_HELP                                               \
	"JSON is written with yajl, whose limit of nesting is fixed when "  \
	"the library is built; flatten the value, or keep its deep part "   \
	"out of api, os, query output and to_string()"
/*
 * A short rendering for diagnostics and `explain`: JSON, cut after max
 * bytes with "…". Allocated in a.
 */
const char *value_brief(struct arena *a, const struct value *v, size_t max);

#endif
