/*
 * types.h - types resolved from their syntax (LANGUAGE.md sections 6, 8).
 *
 * Every type written in the fleet (a field's type, a named type, a schema)
 * is resolved once (types_build.c) into a struct type in the fleet arena:
 * names point to what they name, records list their fields with defaults,
 * and the output types of section 8 are built in. The evaluator reads types for three
 * things: schema defaults, which lists are keyed (and by what), and which
 * names are site fields. The type checker (typecheck.c) walks values
 * against them.
 */
#ifndef SITEC_TYPES_H
#define SITEC_TYPES_H

#include "ast.h"
#include "formats.h"	/* enum format: the string formats of section 6 */

#include <stdbool.h>
#include <stdint.h>

enum type_kind {
	T_ANY,
	T_BOOL,
	T_INT,
	T_FLOAT,
	T_STRING,	/* maybe with a format, a length range or a regex */
	T_LITERAL,	/* one literal value of a literal union */
	T_UNION,
	T_LIST,
	T_MAP,
	T_RECORD,
	T_K8S,		/* inside a Kubernetes object: open, keyed by rule */
};

/* What the keys of a map must be (the OS config's maps). */
enum type_key {
	KEY_ANY,
	KEY_ABSPATH,	/* os.files */
	KEY_HOSTNAME,	/* os.hosts */
	KEY_UNIT,	/* os.units: a systemd unit name */
	KEY_FILE_NAME,	/* os.ca_certs: a file name */
};

struct type;

struct type_field {
	const char *name;	/* interned */
	const struct ast *node;	/* the AST_FIELD */
	const struct type *type;
	const struct ast *dflt;	/* default expression, or NULL */
	bool optional;
	/* A record whose fields all have defaults defaults to {} (section 6);
	 * set when dflt is NULL but the field's record type is complete. */
	bool dflt_empty_object;
	/* defaults to the key its object is stored under (metadata.name of
	 * a Kubernetes object: the handle of `k8s.HANDLE`) */
	bool dflt_handle;
	const struct type *owner;	/* the record declaring it */
};

/* Does the field get a value when no layer sets it? */
static inline bool field_has_default(const struct type_field *f)
{
	return f->dflt || f->dflt_empty_object || f->dflt_handle;
}

/* A numeric or length range: `int(1..)`, `string(1..63)`. */
struct type_range {
	bool has_lo, has_hi;
	bool is_float;
	int64_t lo, hi;		/* ints and lengths */
	double flo, fhi;	/* floats */
	/* the bounds as written (0o7777 reads better than 4095), or NULL */
	const struct ast *lo_node, *hi_node;
};

/* In K8s objects: what a list of a well-known name is keyed by. */
enum k8s_context {
	K8S_OBJECT,	/* an object: its lists are keyed by name */
	K8S_CONTAINER,	/* a container: its ports by containerPort */
};

struct type {
	enum type_kind kind;
	const struct ast *node;	/* where it is written (NULL: built in) */
	const char *name;	/* a schema's or named type's name, or NULL */
	bool marked;		/* a record whose defaults are marked */
	union {
		struct {
			enum format format;
			const struct ast *range;	/* TYPE_RANGE or NULL */
			const char *regex;		/* or NULL */
			const struct type_range *len;	/* or NULL */
			const void *re;		/* compiled regex_t, or NULL */
		} str;
		struct {
			const struct ast *range;	/* int/float bounds */
			const struct type_range *bounds;	/* or NULL */
		} num;
		struct {
			const struct ast *value;	/* a literal node */
			const struct value *v;		/* its value */
		} literal;
		struct {
			const struct type **alts;
			uint32_t nalts;
		} type_union;
		/* T_LIST, T_MAP */
		struct {
			const struct type *elem;
			bool unique;
			const char *keyed;	/* interned field name, or NULL */
			/* a second key field, and its value when absent:
			 * Kubernetes keys ports by number and protocol */
			const char *keyed2;
			const char *keyed2_default;
			const struct ast *length;
			const struct type_range *len;	/* or NULL */
			/* what a map's keys must be (os.files: abspath) */
			enum type_key key_format;
		} container;
		struct {
			struct type_field *fields;
			uint32_t nfields;
			bool open;
			const struct type *base;	/* schema B : A */
			/* the type of fields an open record does not declare
			 * (inside K8sObject: the rules of Kubernetes lists) */
			const struct type *rest;
		} record;
		struct {
			enum k8s_context context;
		} k8s;
	} u;
};

/* The record's field named name (interned), or NULL. */
const struct type_field *type_field(const struct type *record,
				    const char *name);
/*
 * The type of the value at key under a value of type t, for the evaluator:
 * a record's field, a map's element, the rules inside K8s objects. NULL
 * when nothing is known (any, a union, an open record's extra field).
 * *field is set to the record field, if any.
 */
const struct type *type_child(const struct type *t, const char *key,
			      const struct type_field **field);
/* The element type of a list type, or NULL. */
const struct type *type_elem(const struct type *t);
/*
 * The key field of a keyed list of type t (schema `keyed F`, or the
 * Kubernetes merge keys of list `list_name` in context t), or NULL.
 */
const char *type_list_key(const struct type *t);
/*
 * Do elements a and b of a keyed list of type t have the same key? (Both
 * objects with the key field; the second key, if t has one, compares its
 * default when a side lacks it.)
 */
struct value;
bool type_same_key(const struct type *t, const struct value *a,
		   const struct value *b);
/* The open type inside Kubernetes objects (merge keys by rule). */
const struct type *type_k8s_any(void);
/* "1..512", "0.5..", "..10", "0..0o7777": the bounds as written */
const char *type_range_text(const struct type_range *r, char *buf,
			    size_t size);
/* A type's name for messages: "EdgeSite", "list<string>", "int(1..)". */
const char *type_describe(const struct type *t, char *buf, size_t size);

#endif
