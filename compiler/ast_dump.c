/*
 * ast_dump.c - the AST as JSON, for `sitec parse --dump` and the golden
 * tests of the grammar. Each node is an object whose first keys are
 * "kind" and "span" ("line:col-line:col", end exclusive), then its fields.
 */
#include "ast_dump.h"

#include <jansson.h>
#include <stdio.h>

static const char *const kind_names[] = {
#define X(id, name) name,
	AST_KINDS(X)
#undef X
};

static const char *const op_names[] = {
	"-", "!", "+", "-", "*", "/", "%", "==", "!=", "<", "<=", ">", ">=",
	"&&", "||",
};

const char *ast_kind_name(enum ast_kind kind)
{
	return kind_names[kind];
}

const char *ast_op_name(enum ast_op op)
{
	return op_names[op];
}

static json_t *span_json(struct span sp)
{
	uint32_t l0, c0, l1, c1;
	char buf[64];

	if (!sp.src)
		return json_null();
	source_position(sp.src, sp.start, &l0, &c0);
	source_position(sp.src, sp.end, &l1, &c1);
	snprintf(buf, sizeof(buf), "%u:%u-%u:%u", l0, c0, l1, c1);
	return json_string(buf);
}

static json_t *text_json(const char *s, size_t len)
{
	/* Strings are valid UTF-8 once cooked; anything else is a bug. */
	json_t *j = json_stringn(s, len);

	return j ? j : json_string("\xEF\xBF\xBD");
}

static json_t *node_json(const struct ast *n);

static json_t *list_json(const struct ast_list *l)
{
	json_t *a = json_array();

	for (uint32_t i = 0; i < l->len; i++)
		json_array_append_new(a, node_json(l->items[i]));
	return a;
}

static json_t *name_json(const struct ast_name *n)
{
	return n->name ? text_json(n->name, strlen(n->name)) : json_null();
}

static void set(json_t *o, const char *key, json_t *v)
{
	json_object_set_new(o, key, v);
}

static void set_node(json_t *o, const char *key, const struct ast *n)
{
	if (n)
		set(o, key, node_json(n));
}

static json_t *node_json(const struct ast *n)
{
	json_t *o = json_object();

	set(o, "kind", json_string(ast_kind_name(n->kind)));
	set(o, "span", span_json(n->span));
	switch (n->kind) {
	case AST_FILE: {
		json_t *c = json_array();

		set(o, "decls", list_json(&n->u.file.decls));
		for (uint32_t i = 0; i < n->u.file.ncomments; i++) {
			json_t *cj = json_object();

			set(cj, "span", span_json(n->u.file.comments[i].span));
			set(cj, "text", text_json(n->u.file.comments[i].text,
						  strlen(n->u.file.comments[i].text)));
			json_array_append_new(c, cj);
		}
		set(o, "comments", c);
		break;
	}
	case AST_SCHEMA:
	case AST_PROFILE:
	case AST_SITE: {
		json_t *parents = json_array();

		set(o, "name", name_json(&n->u.decl.name));
		for (uint32_t i = 0; i < n->u.decl.nparents; i++)
			json_array_append_new(parents,
					      name_json(&n->u.decl.parents[i]));
		set(o, "parents", parents);
		if (n->kind == AST_SCHEMA)
			set(o, "open", json_boolean(n->u.decl.open));
		if (n->u.decl.has_body)
			set(o, "body", list_json(&n->u.decl.body));
		break;
	}
	case AST_TYPEDEF:
	case AST_CONST:
	case AST_LET:
		set(o, "name", name_json(&n->u.bind.name));
		set_node(o, "value", n->u.bind.value);
		break;
	case AST_DEF: {
		json_t *params = json_array();

		set(o, "name", name_json(&n->u.def.name));
		for (uint32_t i = 0; i < n->u.def.nparams; i++)
			json_array_append_new(params,
					      name_json(&n->u.def.params[i]));
		set(o, "params", params);
		set_node(o, "body", n->u.def.body);
		break;
	}
	case AST_FIELD:
		set(o, "name", name_json(&n->u.field.name));
		set(o, "optional", json_boolean(n->u.field.optional));
		set_node(o, "type", n->u.field.type);
		set_node(o, "default", n->u.field.dflt);
		break;
	case AST_SET:
	case AST_ADD:
	case AST_REMOVE:
		if (n->u.stmt.final)
			set(o, "final", json_true());
		set_node(o, "path", n->u.stmt.path);
		set_node(o, "value", n->u.stmt.value);
		break;
	case AST_AMEND:
		set_node(o, "path", n->u.stmt.path);
		set(o, "body", list_json(&n->u.stmt.body));
		break;
	case AST_IF:
		set_node(o, "cond", n->u.if_.cond);
		set(o, "then", list_json(&n->u.if_.then_body));
		if (n->u.if_.has_else)
			set(o, "else", list_json(&n->u.if_.else_body));
		break;
	case AST_FOR:
	case AST_LIST_FOR:
		if (n->u.for_.key.name)
			set(o, "key", name_json(&n->u.for_.key));
		set(o, "value", name_json(&n->u.for_.value));
		set_node(o, "iter", n->u.for_.iter);
		set_node(o, "filter", n->u.for_.filter);
		set_node(o, "body", n->u.for_.body);
		break;
	case AST_PATH:
		set(o, "segs", list_json(&n->u.path.segs));
		break;
	case AST_SEG_NAME:
		set(o, "name", name_json(&n->u.seg.name));
		break;
	case AST_SEG_KEY:
		set_node(o, "key", n->u.seg.key);
		break;
	case AST_SEG_SELECT:
		set(o, "field", name_json(&n->u.seg.name));
		set_node(o, "value", n->u.seg.key);
		break;
	case AST_BOOL:
		set(o, "value", json_boolean(n->u.boolean.value));
		break;
	case AST_INT:
		set(o, "value", json_integer(n->u.integer.value));
		break;
	case AST_FLOAT:
		set(o, "value", json_real(n->u.real.value));
		break;
	case AST_STRING:
		set(o, "value", text_json(n->u.string.text, n->u.string.len));
		if (n->u.string.multiline)
			set(o, "multiline", json_true());
		break;
	case AST_INTERP:
		set(o, "parts", list_json(&n->u.interp.parts));
		if (n->u.interp.multiline)
			set(o, "multiline", json_true());
		break;
	case AST_LIST:
		set(o, "items", list_json(&n->u.list.items));
		break;
	case AST_OBJECT:
		set(o, "body", list_json(&n->u.object.body));
		break;
	case AST_NAME:
	case AST_TYPE_NAME:
		set(o, "name", json_string(n->u.ref.name));
		break;
	case AST_GET:
		set_node(o, "target", n->u.get.target);
		set(o, "name", name_json(&n->u.get.name));
		if (n->u.get.quoted)
			set(o, "quoted", json_true());
		break;
	case AST_INDEX:
		set_node(o, "target", n->u.index.target);
		set_node(o, "index", n->u.index.index);
		break;
	case AST_CALL:
		set(o, "name", name_json(&n->u.call.name));
		set(o, "args", list_json(&n->u.call.args));
		break;
	case AST_UNARY:
		set(o, "op", json_string(ast_op_name(n->u.op.op)));
		set_node(o, "operand", n->u.op.rhs);
		break;
	case AST_BINARY:
		set(o, "op", json_string(ast_op_name(n->u.op.op)));
		set_node(o, "lhs", n->u.op.lhs);
		set_node(o, "rhs", n->u.op.rhs);
		break;
	case AST_COND:
		set_node(o, "cond", n->u.cond.cond);
		set_node(o, "then", n->u.cond.then);
		set_node(o, "else", n->u.cond.otherwise);
		break;
	case AST_TYPE_RANGE:
		set(o, "name", n->u.range.name ? json_string(n->u.range.name)
					       : json_null());
		set_node(o, "min", n->u.range.lo);
		set_node(o, "max", n->u.range.hi);
		break;
	case AST_TYPE_REGEX:
		set(o, "name", json_string(n->u.regex.name));
		set(o, "pattern", text_json(n->u.regex.pattern,
					    strlen(n->u.regex.pattern)));
		break;
	case AST_TYPE_LITERAL:
		set_node(o, "value", n->u.literal.value);
		break;
	case AST_TYPE_GENERIC:
		set(o, "name", json_string(n->u.generic.name));
		set(o, "args", list_json(&n->u.generic.args));
		if (n->u.generic.unique)
			set(o, "unique", json_true());
		if (n->u.generic.keyed.name)
			set(o, "keyed", name_json(&n->u.generic.keyed));
		set_node(o, "length", n->u.generic.length);
		break;
	case AST_TYPE_RECORD:
		set(o, "fields", list_json(&n->u.record.fields));
		set(o, "open", json_boolean(n->u.record.open));
		break;
	case AST_TYPE_UNION:
		set(o, "alts", list_json(&n->u.type_union.alts));
		break;
	case AST_NULL:
	case AST_SELF:
	case AST_SITE_REF:
	case AST_SUPER:
	case AST_ERROR:
	case AST_KIND_COUNT:
		break;
	}
	return o;
}

int ast_dump_json(FILE *out, const struct ast *file)
{
	json_t *j = node_json(file);
	int rc = json_dumpf(j, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17));

	json_decref(j);
	fputc('\n', out);
	return rc;
}
