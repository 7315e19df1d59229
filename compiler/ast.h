/*
 * ast.h - the syntax tree of a .site file.
 *
 * Every node carries the span of source it was parsed from. Nodes live in
 * the fleet arena and are never freed one by one. The parser builds them
 * through the ast_* constructors below (one call per grammar action);
 * ast_dump.c turns a tree into JSON for `sitec parse --dump`.
 *
 * Comments are not nodes: the file keeps them in source order with their
 * spans, which is what the formatter needs to put them back.
 */
#ifndef SITEC_AST_H
#define SITEC_AST_H

#include "source.h"

#include <stdbool.h>
#include <stdint.h>

#define AST_KINDS(X)                                                         \
	/* a file and its top-level declarations */                          \
	X(FILE, "file")                                                      \
	X(SCHEMA, "schema")                                                  \
	X(TYPEDEF, "type")                                                   \
	X(CONST, "let")                                                      \
	X(DEF, "def")                                                        \
	X(PROFILE, "profile")                                                \
	X(SITE, "site")                                                      \
	/* members of a schema or an inline record type */                  \
	X(FIELD, "field")                                                    \
	/* statements of a body */                                           \
	X(SET, "set")                                                        \
	X(AMEND, "amend")                                                    \
	X(ADD, "add")                                                        \
	X(REMOVE, "remove")                                                  \
	X(IF, "if")                                                          \
	X(LET, "local")                                                      \
	X(FOR, "for")                                                        \
	/* a statement's path and its segments */                           \
	X(PATH, "path")                                                      \
	X(SEG_NAME, "name")                                                  \
	X(SEG_KEY, "key")                                                    \
	X(SEG_SELECT, "select")                                              \
	/* expressions */                                                    \
	X(NULL, "null")                                                      \
	X(BOOL, "bool")                                                      \
	X(INT, "int")                                                        \
	X(FLOAT, "float")                                                    \
	X(STRING, "string")                                                  \
	X(INTERP, "interpolation")                                           \
	X(LIST, "list")                                                      \
	X(LIST_FOR, "list_for")                                              \
	X(OBJECT, "object")                                                  \
	X(NAME, "ref")                                                       \
	X(SELF, "self")                                                      \
	X(SITE_REF, "site_ref")                                              \
	X(SUPER, "super")                                                    \
	X(GET, "get")                                                        \
	X(INDEX, "index")                                                    \
	X(CALL, "call")                                                      \
	X(UNARY, "unary")                                                    \
	X(BINARY, "binary")                                                  \
	X(COND, "cond")                                                      \
	X(ERROR, "error")                                                    \
	/* types */                                                          \
	X(TYPE_NAME, "type_name")                                            \
	X(TYPE_RANGE, "type_range")                                          \
	X(TYPE_REGEX, "type_regex")                                          \
	X(TYPE_LITERAL, "type_literal")                                      \
	X(TYPE_GENERIC, "type_generic")                                      \
	X(TYPE_RECORD, "type_record")                                        \
	X(TYPE_UNION, "type_union")

enum ast_kind {
#define X(id, name) AST_##id,
	AST_KINDS(X)
#undef X
	AST_KIND_COUNT
};

enum ast_op {
	OP_NEG, OP_NOT,
	OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_MOD,
	OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE,
	OP_AND, OP_OR,
};

struct ast;

/* A growable array of nodes, allocated in the arena. */
struct ast_list {
	struct ast **items;
	uint32_t len, cap;
};

/* A name with the span it was written at. */
struct ast_name {
	const char *name;	/* interned */
	struct span span;
};

struct ast_comment {
	struct span span;
	const char *text;	/* after the '#', without the line break */
};

struct ast {
	enum ast_kind kind;
	uint16_t depth;		/* nesting depth, bounded by AST_MAX_DEPTH */
	struct span span;
	union {
		struct {
			struct ast_list decls;
			struct ast_comment *comments;
			uint32_t ncomments;
		} file;
		/* SCHEMA, PROFILE, SITE: body holds FIELDs for a schema and
		 * statements otherwise; has_body is false for `site a : b`. */
		struct {
			struct ast_name name;
			struct ast_name *parents;
			uint32_t nparents;
			bool has_body;
			bool open;	/* a schema with `...` */
			struct ast_list body;
		} decl;
		/* TYPEDEF (value is a type), CONST and LET (value is an
		 * expression) */
		struct {
			struct ast_name name;
			struct ast *value;
		} bind;
		struct {
			struct ast_name name;
			struct ast_name *params;
			uint32_t nparams;
			struct ast *body;
		} def;
		struct {
			struct ast_name name;
			bool optional;
			struct ast *type;
			struct ast *dflt;	/* may be NULL */
		} field;
		/* SET, ADD, REMOVE (value), AMEND (body) */
		struct {
			struct ast *path;
			struct ast *value;
			struct ast_list body;
			bool final;
		} stmt;
		struct {
			struct ast *cond;
			struct ast_list then_body;
			struct ast_list else_body;
			bool has_else;
		} if_;
		/* FOR (statement in an object literal: body is one statement)
		 * and LIST_FOR (body is an expression) */
		struct {
			struct ast_name key;	/* index or key; name NULL if absent */
			struct ast_name value;
			struct ast *iter;
			struct ast *filter;	/* may be NULL */
			struct ast *body;
		} for_;
		struct {
			struct ast_list segs;
		} path;
		/* SEG_NAME: name; SEG_KEY: key is a STRING or INTERP;
		 * SEG_SELECT: name is the field, key the value to match */
		struct {
			struct ast_name name;
			struct ast *key;
		} seg;
		struct {
			bool value;
		} boolean;
		struct {
			int64_t value;
		} integer;
		struct {
			double value;
		} real;
		/* STRING: cooked text (no NUL inside); multiline as written */
		struct {
			const char *text;
			uint32_t len;
			bool multiline;
		} string;
		/* INTERP: parts are STRINGs and expressions, in order */
		struct {
			struct ast_list parts;
			bool multiline;
		} interp;
		struct {
			struct ast_list items;
		} list;
		struct {
			struct ast_list body;
		} object;
		/* NAME, TYPE_NAME */
		struct {
			const char *name;
		} ref;
		/* GET: target.name (quoted is true for target."name") */
		struct {
			struct ast *target;
			struct ast_name name;
			bool quoted;
		} get;
		struct {
			struct ast *target;
			struct ast *index;
		} index;
		struct {
			struct ast_name name;
			struct ast_list args;
		} call;
		struct {
			enum ast_op op;
			struct ast *lhs;	/* NULL for unary */
			struct ast *rhs;
		} op;
		struct {
			struct ast *cond, *then, *otherwise;
		} cond;
		/* TYPE_RANGE: name(lo..hi), a missing bound is NULL */
		struct {
			const char *name;
			struct ast *lo, *hi;
		} range;
		struct {
			const char *name;
			const char *pattern;
		} regex;
		struct {
			struct ast *value;
		} literal;
		/* TYPE_GENERIC: name<args> [unique] [keyed F] [(lo..hi)] */
		struct {
			const char *name;
			struct ast_list args;
			bool unique;
			struct ast_name keyed;	/* name NULL if absent */
			struct ast *length;	/* a TYPE_RANGE, or NULL */
		} generic;
		struct {
			struct ast_list fields;
			bool open;
		} record;
		struct {
			struct ast_list alts;
		} type_union;
	} u;
};

#define AST_MAX_DEPTH 1000

const char *ast_kind_name(enum ast_kind kind);
const char *ast_op_name(enum ast_op op);

#endif
