/*
 * ast_build.c - AST constructors for the grammar actions (see ast_build.h).
 */
#include "ast_build.h"

#include <string.h>

/* --- lists ----------------------------------------------------------------- */

void ast_list_init(struct ast_list *l)
{
	l->items = NULL;
	l->len = l->cap = 0;
}

void ast_list_push(struct parse_ctx *p, struct ast_list *l, struct ast *n)
{
	ARENA_RESERVE(p->arena, l->items, l->len, l->cap);
	l->items[l->len++] = n;
}

void ast_names_init(struct name_list *l)
{
	l->items = NULL;
	l->len = l->cap = 0;
}

void ast_names_push(struct parse_ctx *p, struct name_list *l,
		    struct ast_name n)
{
	ARENA_RESERVE(p->arena, l->items, l->len, l->cap);
	l->items[l->len++] = n;
}

struct ast_name ast_name(struct parse_ctx *p, const char *name,
			 struct loc loc)
{
	struct ast_name n = { name, syntax_span(p, loc) };

	return n;
}

/* --- nodes and depth -------------------------------------------------------- */

static struct ast *node(struct parse_ctx *p, enum ast_kind kind,
			struct loc loc)
{
	struct ast *n = arena_zalloc(p->arena, sizeof(*n));

	n->kind = kind;
	n->span = syntax_span(p, loc);
	n->depth = 1;
	return n;
}

static unsigned depth_of(const struct ast *n)
{
	return n ? n->depth : 0;
}

static unsigned list_depth(const struct ast_list *l)
{
	unsigned d = 0;

	for (uint32_t i = 0; l && i < l->len; i++)
		if (l->items[i]->depth > d)
			d = l->items[i]->depth;
	return d;
}

/*
 * Sets n's depth from its children's. A tree deeper than AST_MAX_DEPTH is
 * replaced by an error node, reported once per file, so that no later
 * phase recurses without bound.
 */
struct ast *ast_deep(struct parse_ctx *p, struct ast *n, unsigned child)
{
	if (child + 1 <= AST_MAX_DEPTH) {
		n->depth = (uint16_t)(child + 1);
		return n;
	}
	if (!p->depth_reported) {
		struct diag *d = diag_new(E0114, n->span,
			"nested more than %d levels deep", AST_MAX_DEPTH);

		diag_help(d, "split the expression with `let` names or a `def` function");
		syntax_emit(p, d);
		p->depth_reported = true;
	}
	struct ast *e = arena_zalloc(p->arena, sizeof(*e));

	e->kind = AST_ERROR;
	e->span = n->span;
	e->depth = 1;
	return e;
}

static unsigned max2(unsigned a, unsigned b)
{
	return a > b ? a : b;
}

/* --- declarations ------------------------------------------------------------ */

void ast_file_done(struct parse_ctx *p, struct ast_list *decls)
{
	struct ast *f = node(p, AST_FILE, (struct loc){ 0, (uint32_t)p->src->len });

	f->u.file.decls = *decls;
	p->file = f;
}

/* Moves `...` markers out of a field list into an open flag. */
static bool take_open_markers(struct ast_list *fields)
{
	bool open = false;
	uint32_t k = 0;

	for (uint32_t i = 0; i < fields->len; i++) {
		struct ast *f = fields->items[i];

		if (f->kind == AST_FIELD && !f->u.field.name.name)
			open = true;
		else
			fields->items[k++] = f;
	}
	fields->len = k;
	return open;
}

struct ast *ast_decl(struct parse_ctx *p, enum ast_kind kind,
		     struct ast_name name, struct name_list *parents,
		     bool has_body, struct ast_list *body, struct loc loc)
{
	struct ast *n = node(p, kind, loc);

	n->u.decl.name = name;
	n->u.decl.parents = parents->items;
	n->u.decl.nparents = parents->len;
	n->u.decl.has_body = has_body;
	if (body) {
		if (kind == AST_SCHEMA)
			n->u.decl.open = take_open_markers(body);
		n->u.decl.body = *body;
	}
	return ast_deep(p, n, list_depth(body));
}

struct ast *ast_bind(struct parse_ctx *p, enum ast_kind kind,
		     struct ast_name name, struct ast *value, struct loc loc)
{
	struct ast *n = node(p, kind, loc);

	n->u.bind.name = name;
	n->u.bind.value = value;
	return ast_deep(p, n, depth_of(value));
}

struct ast *ast_def(struct parse_ctx *p, struct ast_name name,
		    struct name_list *params, struct ast *body,
		    struct loc loc)
{
	struct ast *n = node(p, AST_DEF, loc);

	n->u.def.name = name;
	n->u.def.params = params->items;
	n->u.def.nparams = params->len;
	n->u.def.body = body;
	return ast_deep(p, n, depth_of(body));
}

/* --- schemas and types ---------------------------------------------------------- */

struct ast *ast_open(struct parse_ctx *p, struct loc loc)
{
	return node(p, AST_FIELD, loc);
}

struct ast *ast_field(struct parse_ctx *p, struct ast_name name,
		      bool optional, struct ast *type, struct ast *dflt,
		      struct loc loc)
{
	struct ast *n = node(p, AST_FIELD, loc);

	n->u.field.name = name;
	n->u.field.optional = optional;
	n->u.field.type = type;
	n->u.field.dflt = dflt;
	return ast_deep(p, n, max2(depth_of(type), depth_of(dflt)));
}

struct ast *ast_type_union(struct parse_ctx *p, struct ast_list *alts,
			   struct loc loc)
{
	struct ast *n = node(p, AST_TYPE_UNION, loc);

	n->u.type_union.alts = *alts;
	return ast_deep(p, n, list_depth(alts));
}

struct ast *ast_type_name(struct parse_ctx *p, const char *name,
			  struct loc loc)
{
	struct ast *n = node(p, AST_TYPE_NAME, loc);

	n->u.ref.name = name;
	return n;
}

struct ast *ast_type_range(struct parse_ctx *p, const char *name,
			   struct ast *range, struct loc loc)
{
	range->u.range.name = name;
	range->span = syntax_span(p, loc);
	return range;
}

struct ast *ast_type_regex(struct parse_ctx *p, const char *name,
			   struct token_text re, struct loc loc)
{
	struct ast *n = node(p, AST_TYPE_REGEX, loc);
	char *pat = arena_alloc(p->arena, re.len + 1);
	uint32_t k = 0;

	/* `\/` is how a slash is written inside /.../; other escapes are
	 * the regular expression's own. */
	for (uint32_t i = 0; i < re.len; i++) {
		if (re.text[i] == '\\' && i + 1 < re.len && re.text[i + 1] == '/')
			i++;
		pat[k++] = re.text[i];
	}
	pat[k] = '\0';
	n->u.regex.name = name;
	n->u.regex.pattern = pat;
	return n;
}

struct ast *ast_type_generic(struct parse_ctx *p, const char *name,
			     struct ast_list *args, struct ast *mods,
			     struct loc loc)
{
	mods->u.generic.name = name;
	mods->u.generic.args = *args;
	mods->span = syntax_span(p, loc);
	return ast_deep(p, mods, max2(list_depth(args),
				  depth_of(mods->u.generic.length)));
}

struct ast *ast_type_literal(struct parse_ctx *p, struct ast *value,
			     struct loc loc)
{
	struct ast *n = node(p, AST_TYPE_LITERAL, loc);

	n->u.literal.value = value;
	return ast_deep(p, n, depth_of(value));
}

struct ast *ast_type_record(struct parse_ctx *p, struct ast_list *fields,
			    struct loc loc)
{
	struct ast *n = node(p, AST_TYPE_RECORD, loc);

	n->u.record.open = take_open_markers(fields);
	n->u.record.fields = *fields;
	return ast_deep(p, n, list_depth(fields));
}

struct ast *ast_type_mods(struct parse_ctx *p, struct loc loc)
{
	return node(p, AST_TYPE_GENERIC, loc);
}

struct ast *ast_mod_unique(struct ast *mods)
{
	mods->u.generic.unique = true;
	return mods;
}

struct ast *ast_mod_keyed(struct ast *mods, struct ast_name field)
{
	mods->u.generic.keyed = field;
	return mods;
}

struct ast *ast_mod_length(struct ast *mods, struct ast *range)
{
	mods->u.generic.length = range;
	return mods;
}

struct ast *ast_range(struct parse_ctx *p, struct ast *lo, struct ast *hi,
		      struct loc loc)
{
	struct ast *n = node(p, AST_TYPE_RANGE, loc);

	n->u.range.lo = lo;
	n->u.range.hi = hi;
	return ast_deep(p, n, max2(depth_of(lo), depth_of(hi)));
}

/* --- statements ---------------------------------------------------------------- */

struct ast *ast_stmt(struct parse_ctx *p, enum ast_kind kind, bool final,
		     struct ast *path, struct ast *value, struct loc loc)
{
	struct ast *n = node(p, kind, loc);

	n->u.stmt.final = final;
	n->u.stmt.path = path;
	n->u.stmt.value = value;
	return ast_deep(p, n, max2(depth_of(path), depth_of(value)));
}

struct ast *ast_amend(struct parse_ctx *p, struct ast *path,
		      struct ast_list *body, struct loc loc)
{
	struct ast *n = node(p, AST_AMEND, loc);

	n->u.stmt.path = path;
	n->u.stmt.body = *body;
	return ast_deep(p, n, max2(depth_of(path), list_depth(body)));
}

struct ast *ast_if(struct parse_ctx *p, struct ast *cond,
		   struct ast_list *then_body, struct ast_list *else_body,
		   struct loc loc)
{
	struct ast *n = node(p, AST_IF, loc);

	n->u.if_.cond = cond;
	n->u.if_.then_body = *then_body;
	if (else_body) {
		n->u.if_.else_body = *else_body;
		n->u.if_.has_else = true;
	}
	return ast_deep(p, n, max2(depth_of(cond),
			       max2(list_depth(then_body),
				    list_depth(else_body))));
}

struct ast *ast_if_else_if(struct parse_ctx *p, struct ast *cond,
			   struct ast_list *then_body, struct ast *else_if,
			   struct loc loc)
{
	struct ast_list else_body;

	ast_list_init(&else_body);
	ast_list_push(p, &else_body, else_if);
	return ast_if(p, cond, then_body, &else_body, loc);
}

struct ast *ast_for(struct parse_ctx *p, enum ast_kind kind,
		    struct ast_name *key, struct ast_name value,
		    struct ast *iter, struct ast *filter, struct ast *body,
		    struct loc loc)
{
	struct ast *n = node(p, kind, loc);

	if (key)
		n->u.for_.key = *key;
	n->u.for_.value = value;
	n->u.for_.iter = iter;
	n->u.for_.filter = filter;
	n->u.for_.body = body;
	return ast_deep(p, n, max2(depth_of(iter),
			       max2(depth_of(filter), depth_of(body))));
}

struct ast *ast_path(struct parse_ctx *p, struct ast *seg, struct loc loc)
{
	struct ast *n = node(p, AST_PATH, loc);

	ast_list_push(p, &n->u.path.segs, seg);
	return ast_deep(p, n, depth_of(seg));
}

struct ast *ast_path_push(struct parse_ctx *p, struct ast *path,
			  struct ast *seg, struct loc loc)
{
	ast_list_push(p, &path->u.path.segs, seg);
	path->span = syntax_span(p, loc);
	return ast_deep(p, path, max2(path->depth - 1u, depth_of(seg)));
}

struct ast *ast_seg_name(struct parse_ctx *p, struct ast_name name)
{
	struct ast *n = arena_zalloc(p->arena, sizeof(*n));

	n->kind = AST_SEG_NAME;
	n->span = name.span;
	n->depth = 1;
	n->u.seg.name = name;
	return n;
}

struct ast *ast_seg_key(struct parse_ctx *p, struct ast *key)
{
	struct ast *n = arena_zalloc(p->arena, sizeof(*n));

	n->kind = AST_SEG_KEY;
	n->span = key->span;
	n->u.seg.key = key;
	return ast_deep(p, n, depth_of(key));
}

struct ast *ast_seg_select(struct parse_ctx *p, struct ast_name field,
			   struct ast *value, struct loc open,
			   struct loc close)
{
	struct ast *n = node(p, AST_SEG_SELECT,
			     (struct loc){ open.start, close.end });

	n->u.seg.name = field;
	n->u.seg.key = value;
	return ast_deep(p, n, depth_of(value));
}

/* --- expressions --------------------------------------------------------------- */

struct ast *ast_int(struct parse_ctx *p, int64_t v, struct loc loc)
{
	struct ast *n = node(p, AST_INT, loc);

	n->u.integer.value = v;
	return n;
}

struct ast *ast_float(struct parse_ctx *p, double v, struct loc loc)
{
	struct ast *n = node(p, AST_FLOAT, loc);

	n->u.real.value = v;
	return n;
}

struct ast *ast_bool(struct parse_ctx *p, bool v, struct loc loc)
{
	struct ast *n = node(p, AST_BOOL, loc);

	n->u.boolean.value = v;
	return n;
}

struct ast *ast_null(struct parse_ctx *p, struct loc loc)
{
	return node(p, AST_NULL, loc);
}

struct ast *ast_leaf(struct parse_ctx *p, enum ast_kind kind,
		     struct loc loc)
{
	return node(p, kind, loc);
}

struct ast *ast_ref(struct parse_ctx *p, const char *name, struct loc loc)
{
	struct ast *n = node(p, AST_NAME, loc);

	n->u.ref.name = name;
	return n;
}

struct ast *ast_unary(struct parse_ctx *p, enum ast_op op, struct ast *e,
		      struct loc loc)
{
	struct ast *n = node(p, AST_UNARY, loc);

	n->u.op.op = op;
	n->u.op.rhs = e;
	return ast_deep(p, n, depth_of(e));
}

struct ast *ast_binary(struct parse_ctx *p, enum ast_op op, struct ast *l,
		       struct ast *r, struct loc loc)
{
	struct ast *n = node(p, AST_BINARY, loc);

	n->u.op.op = op;
	n->u.op.lhs = l;
	n->u.op.rhs = r;
	return ast_deep(p, n, max2(depth_of(l), depth_of(r)));
}

struct ast *ast_cond(struct parse_ctx *p, struct ast *c, struct ast *t,
		     struct ast *e, struct loc loc)
{
	struct ast *n = node(p, AST_COND, loc);

	n->u.cond.cond = c;
	n->u.cond.then = t;
	n->u.cond.otherwise = e;
	return ast_deep(p, n, max2(depth_of(c), max2(depth_of(t), depth_of(e))));
}

struct ast *ast_get(struct parse_ctx *p, struct ast *target,
		    struct ast_name name, bool quoted, struct loc loc)
{
	struct ast *n = node(p, AST_GET, loc);

	n->u.get.target = target;
	n->u.get.name = name;
	n->u.get.quoted = quoted;
	return ast_deep(p, n, depth_of(target));
}

struct ast *ast_index(struct parse_ctx *p, struct ast *target,
		      struct ast *index, struct loc loc)
{
	struct ast *n = node(p, AST_INDEX, loc);

	n->u.index.target = target;
	n->u.index.index = index;
	return ast_deep(p, n, max2(depth_of(target), depth_of(index)));
}

struct ast *ast_call(struct parse_ctx *p, struct ast_name name,
		     struct ast_list *args, struct loc loc)
{
	struct ast *n = node(p, AST_CALL, loc);

	n->u.call.name = name;
	n->u.call.args = *args;
	return ast_deep(p, n, list_depth(args));
}

struct ast *ast_paren(struct parse_ctx *p, struct ast *e)
{
	/* Parentheses leave no node, but count towards the nesting limit. */
	return ast_deep(p, e, e->depth);
}

struct ast *ast_list_expr(struct parse_ctx *p, struct ast_list *items,
			  struct loc loc)
{
	struct ast *n = node(p, AST_LIST, loc);

	n->u.list.items = *items;
	return ast_deep(p, n, list_depth(items));
}

struct ast *ast_object(struct parse_ctx *p, struct ast_list *body,
		       struct loc loc)
{
	struct ast *n = node(p, AST_OBJECT, loc);

	n->u.object.body = *body;
	return ast_deep(p, n, list_depth(body));
}
