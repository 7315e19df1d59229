/*
 * ast_build.h - the constructors the grammar actions call.
 *
 * Each builds one node in the fleet arena, with the span of its location,
 * and checks the one thing the grammar cannot: how deep the tree nests.
 * String builders cook escapes and strip the indentation of """ strings,
 * reporting a bad escape at its exact byte.
 */
#ifndef SITEC_AST_BUILD_H
#define SITEC_AST_BUILD_H

#include "syntax.h"

void ast_list_init(struct ast_list *l);
void ast_list_push(struct parse_ctx *p, struct ast_list *l, struct ast *n);
void ast_names_init(struct name_list *l);
void ast_names_push(struct parse_ctx *p, struct name_list *l,
		    struct ast_name n);
struct ast_name ast_name(struct parse_ctx *p, const char *name,
			 struct loc loc);
struct ast_name ast_key_name(struct parse_ctx *p, struct token_text t,
			     struct loc loc);

void ast_file_done(struct parse_ctx *p, struct ast_list *decls);
struct ast *ast_decl(struct parse_ctx *p, enum ast_kind kind,
		     struct ast_name name, struct name_list *parents,
		     bool has_body, struct ast_list *body, struct loc loc);
struct ast *ast_bind(struct parse_ctx *p, enum ast_kind kind,
		     struct ast_name name, struct ast *value, struct loc loc);
struct ast *ast_def(struct parse_ctx *p, struct ast_name name,
		    struct name_list *params, struct ast *body,
		    struct loc loc);

struct ast *ast_open(struct parse_ctx *p, struct loc loc);
struct ast *ast_field(struct parse_ctx *p, struct ast_name name,
		      bool optional, struct ast *type, struct ast *dflt,
		      struct loc loc);
struct ast *ast_type_union(struct parse_ctx *p, struct ast_list *alts,
			   struct loc loc);
struct ast *ast_type_name(struct parse_ctx *p, const char *name,
			  struct loc loc);
struct ast *ast_type_range(struct parse_ctx *p, const char *name,
			   struct ast *range, struct loc loc);
struct ast *ast_type_regex(struct parse_ctx *p, const char *name,
			   struct token_text re, struct loc loc);
struct ast *ast_type_generic(struct parse_ctx *p, const char *name,
			     struct ast_list *args, struct ast *mods,
			     struct loc loc);
struct ast *ast_type_literal(struct parse_ctx *p, struct ast *value,
			     struct loc loc);
struct ast *ast_type_record(struct parse_ctx *p, struct ast_list *fields,
			    struct loc loc);
struct ast *ast_type_mods(struct parse_ctx *p, struct loc loc);
struct ast *ast_mod_unique(struct ast *mods);
struct ast *ast_mod_keyed(struct ast *mods, struct ast_name field);
struct ast *ast_mod_length(struct ast *mods, struct ast *range);
struct ast *ast_range(struct parse_ctx *p, struct ast *lo, struct ast *hi,
		      struct loc loc);

struct ast *ast_stmt(struct parse_ctx *p, enum ast_kind kind, bool final,
		     struct ast *path, struct ast *value, struct loc loc);
struct ast *ast_amend(struct parse_ctx *p, struct ast *path,
		      struct ast_list *body, struct loc loc);
struct ast *ast_if(struct parse_ctx *p, struct ast *cond,
		   struct ast_list *then_body, struct ast_list *else_body,
		   struct loc loc);
struct ast *ast_if_else_if(struct parse_ctx *p, struct ast *cond,
			   struct ast_list *then_body, struct ast *else_if,
			   struct loc loc);
struct ast *ast_for(struct parse_ctx *p, enum ast_kind kind,
		    struct ast_name *key, struct ast_name value,
		    struct ast *iter, struct ast *filter, struct ast *body,
		    struct loc loc);
struct ast *ast_path(struct parse_ctx *p, struct ast *seg, struct loc loc);
struct ast *ast_path_push(struct parse_ctx *p, struct ast *path,
			  struct ast *seg, struct loc loc);
struct ast *ast_seg_name(struct parse_ctx *p, struct ast_name name);
struct ast *ast_seg_key(struct parse_ctx *p, struct ast *key);
struct ast *ast_seg_select(struct parse_ctx *p, struct ast_name field,
			   struct ast *value, struct loc open,
			   struct loc close);

struct ast *ast_int(struct parse_ctx *p, int64_t v, struct loc loc);
struct ast *ast_float(struct parse_ctx *p, double v, struct loc loc);
struct ast *ast_bool(struct parse_ctx *p, bool v, struct loc loc);
struct ast *ast_null(struct parse_ctx *p, struct loc loc);
struct ast *ast_leaf(struct parse_ctx *p, enum ast_kind kind,
		     struct loc loc);
struct ast *ast_ref(struct parse_ctx *p, const char *name, struct loc loc);
struct ast *ast_string1(struct parse_ctx *p, struct token_text t,
			bool multiline, struct loc loc);
void ast_interp_text(struct parse_ctx *p, struct ast_list *parts,
		     struct token_text t);
struct ast *ast_string_done(struct parse_ctx *p, struct ast_list *parts,
			    struct token_text tail, bool multiline,
			    struct loc loc);
struct ast *ast_unary(struct parse_ctx *p, enum ast_op op, struct ast *e,
		      struct loc loc);
struct ast *ast_binary(struct parse_ctx *p, enum ast_op op, struct ast *l,
		       struct ast *r, struct loc loc);
struct ast *ast_cond(struct parse_ctx *p, struct ast *c, struct ast *t,
		     struct ast *e, struct loc loc);
struct ast *ast_get(struct parse_ctx *p, struct ast *target,
		    struct ast_name name, bool quoted, struct loc loc);
struct ast *ast_index(struct parse_ctx *p, struct ast *target,
		      struct ast *index, struct loc loc);
struct ast *ast_call(struct parse_ctx *p, struct ast_name name,
		     struct ast_list *args, struct loc loc);
struct ast *ast_paren(struct parse_ctx *p, struct ast *e);
struct ast *ast_list_expr(struct parse_ctx *p, struct ast_list *items,
			  struct loc loc);
struct ast *ast_object(struct parse_ctx *p, struct ast_list *body,
		       struct loc loc);

/* Sets n's depth to child + 1, or reports E0114 and returns an error node. */
struct ast *ast_deep(struct parse_ctx *p, struct ast *n, unsigned child);


#endif
