/*
 * types_build.c - building the types of a fleet (LANGUAGE.md sections 6
 * and 8) from its schemas and named types into the program: records with
 * their defaults, refinements (ranges, lengths, regexes, formats), unions,
 * keyed lists, the built-in output types and each site's type (its schema
 * plus the fields every site has). types.c holds what reads them.
 *
 * Runs inside resolve_fleet, after the declarations are in the table and
 * linearized; everything goes to the fleet arena, apart from the compiled
 * regexes, which program_free releases.
 */
#include "model.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static struct type *type_new(struct program *prog, enum type_kind k,
			     const struct ast *node)
{
	struct type *t = arena_zalloc(prog->arena, sizeof(*t));
	t->kind = k;
	t->node = node;
	return t;
}

static const struct type *record_type(struct program *prog, struct decl *d);

bool types_is_builtin_name(const char *name)
{
	static const char *const names[] = {
		"any", "bool", "int", "float", "string", "list", "map",
		"K8sObject",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	return format_from_name(name, strlen(name)) != FMT_NONE;
}

static const struct type *named_type(struct program *prog, const char *name,
				     const struct ast *node)
{
	static const struct {
		const char *name;
		enum type_kind kind;
	} prims[] = {
		{ "any", T_ANY }, { "bool", T_BOOL }, { "int", T_INT },
		{ "float", T_FLOAT }, { "string", T_STRING },
	};
	for (size_t i = 0; i < sizeof(prims) / sizeof(prims[0]); i++)
		if (strcmp(name, prims[i].name) == 0)
			return type_new(prog, prims[i].kind, node);
	enum format f = format_from_name(name, strlen(name));
	if (f != FMT_NONE) {
		struct type *t = type_new(prog, T_STRING, node);
		t->u.str.format = f;
		t->name = format_name(f);
		return t;
	}
	if (strcmp(name, "K8sObject") == 0)
		return prog->k8s_object;

	struct decl *d = resolve_decl(prog, name);
	if (!d && node->span.src == prog->prelude_src)
		d = resolve_hidden(prog, name);
	if (d && d->kind == D_SCHEMA)
		return record_type(prog, d);
	if (d && d->kind == D_TYPE) {
		if (d->type_state == LAZY_BUSY) {
			struct diag *dg = diag_new(E0309, node->span,
				"type `%s` is defined in terms of itself", name);
			diag_note(dg, d->node->u.bind.name.span,
				  "`%s` is declared here", name);
			diag_help(dg, "a named type cannot name itself; use a "
				      "schema for recursive records");
			diag_emit(prog->sink, dg);
			return prog->t_any;
		}
		if (d->type_state == LAZY_NEW) {
			d->type_state = LAZY_BUSY;
			d->type = types_build_type(prog, d->node->u.bind.value);
			d->type_state = LAZY_DONE;
		}
		return d->type;
	}
	struct diag *dg = diag_new(E0309, node->span, "no type is called `%s`",
				   name);
	const char *cands[64];
	size_t n = 0;
	for (size_t i = 0; i < sizeof(prims) / sizeof(prims[0]); i++)
		cands[n++] = prims[i].name;
	for (f = FMT_NONE + 1; f < FMT_COUNT; f++)
		cands[n++] = format_name(f);
	const char *s = resolve_suggest(name, cands, n);
	if (!s)
		s = resolve_suggest_decl(
		    prog, name, DECL_MASK(D_SCHEMA) | DECL_MASK(D_TYPE));
	if (s)
		diag_help(dg, "did you mean `%s`?", s);
	diag_emit(prog->sink, dg);
	return prog->t_any;
}

static void record_fields(struct program *prog, struct type *t,
			  const struct ast_list *fields, const struct type *base)
{
	uint32_t n = base ? base->u.record.nfields : 0;
	struct type_field *f = arena_zalloc(prog->arena, (n + fields->len + 1) *
						       sizeof(*f));
	if (n)
		memcpy(f, base->u.record.fields, n * sizeof(*f));
	for (uint32_t i = 0; i < fields->len; i++) {
		const struct ast *fa = fields->items[i];
		if (fa->kind != AST_FIELD)
			continue;
		struct type_field nf = {
			.name = fa->u.field.name.name,
			.node = fa,
			.dflt = fa->u.field.dflt,
			.optional = fa->u.field.optional,
			.owner = t,
		};
		uint32_t k = 0;
		while (k < n && f[k].name != nf.name)
			k++;
		f[k] = nf;
		if (k == n)
			n++;
	}
	t->u.record.fields = f;
	t->u.record.nfields = n;
	/* field types after the record exists, for recursive schemas */
	for (uint32_t k = 0; k < n; k++)
		if (f[k].owner == t)
			f[k].type = types_build_type(prog, f[k].node->u.field.type);
}

static const struct type *record_type(struct program *prog, struct decl *d)
{
	if (d->type)
		return d->type;
	struct type *t = type_new(prog, T_RECORD, d->node);
	t->name = d->name;
	t->u.record.open = d->node->u.decl.open;
	d->type = t;
	const struct type *base = NULL;
	if (d->nparents && d->parents[0]->kind == D_SCHEMA &&
	    d->parents[0]->mro_state != LAZY_FAILED)
		base = record_type(prog, d->parents[0]);
	record_fields(prog, t, &d->node->u.decl.body, base);
	return t;
}

/* --- refinements ------------------------------------------------------------- */

static void type_error(struct program *prog, struct span at, const char *msg,
		       const char *help)
{
	struct diag *dg = diag_new(E0609, at, "%s", msg);
	if (help)
		diag_help(dg, "%s", help);
	diag_emit(prog->sink, dg);
}

enum range_kind { RANGE_INT, RANGE_FLOAT, RANGE_LENGTH };

/* A bound: an int or float literal, maybe negated. */
static bool bound_value(const struct ast *b, bool *is_float, int64_t *i,
			double *f)
{
	bool neg = b->kind == AST_UNARY;
	const struct ast *x = neg ? b->u.op.rhs : b;

	if (x->kind == AST_INT) {
		*is_float = false;
		*i = x->u.integer.value;
		if (neg) {
			if (*i == INT64_MIN)
				return false;
			*i = -*i;
		}
		*f = (double)*i;
		return true;
	}
	if (x->kind == AST_FLOAT) {
		*is_float = true;
		*f = neg ? -x->u.real.value : x->u.real.value;
		return true;
	}
	return false;
}

/* The bounds of a TYPE_RANGE node, checked for its kind; NULL on errors
 * (reported). */
static const struct type_range *range_of(struct program *prog,
					 const struct ast *n,
					 enum range_kind kind)
{
	static const char *const what[] = {
		[RANGE_INT] = "an int range", [RANGE_FLOAT] = "a float range",
		[RANGE_LENGTH] = "a length",
	};
	struct type_range *r = arena_zalloc(prog->arena, sizeof(*r));
	const struct ast *b[2] = { n->u.range.lo, n->u.range.hi };
	char msg[160];

	r->is_float = kind == RANGE_FLOAT;
	for (int k = 0; k < 2; k++) {
		bool fl;
		int64_t i;
		double f;
		if (!b[k])
			continue;
		if (!bound_value(b[k], &fl, &i, &f)) {
			type_error(prog, b[k]->span, "this bound does not fit in "
				   "64 bits", NULL);
			return NULL;
		}
		if (fl && kind != RANGE_FLOAT) {
			snprintf(msg, sizeof(msg), "%s has whole-number bounds, "
				 "not %g", what[kind], f);
			type_error(prog, b[k]->span, msg, kind == RANGE_INT
				   ? "use float(...) for a float range" : NULL);
			return NULL;
		}
		if (kind == RANGE_LENGTH && i < 0) {
			type_error(prog, b[k]->span, "a length cannot be negative",
				   NULL);
			return NULL;
		}
		if (k == 0) {
			r->has_lo = true;
			r->lo = i;
			r->flo = f;
			r->lo_node = b[k];
		} else {
			r->has_hi = true;
			r->hi = i;
			r->fhi = f;
			r->hi_node = b[k];
		}
	}
	if (r->has_lo && r->has_hi &&
	    (kind == RANGE_FLOAT ? r->flo > r->fhi : r->lo > r->hi)) {
		char t[96];
		snprintf(msg, sizeof(msg), "the range %s is empty: its lower "
			 "bound is above its upper bound",
			 type_range_text(r, t, sizeof(t)));
		type_error(prog, n->span, msg, "write LOW..HIGH; both bounds are "
			   "included");
		return NULL;
	}
	if (kind == RANGE_FLOAT && ((r->has_lo && !isfinite(r->flo)) ||
				    (r->has_hi && !isfinite(r->fhi)))) {
		type_error(prog, n->span, "a float bound must be finite", NULL);
		return NULL;
	}
	return r;
}

/* int(lo..hi), float(lo..hi), string(lo..hi) and formats with a length. */
static const struct type *range_type(struct program *prog,
				     const struct ast *n)
{
	const struct type *b = named_type(prog, n->u.range.name, n);
	struct type *t = type_new(prog, b->kind, n);
	char msg[160];

	t->u = b->u;
	t->name = NULL;
	switch (b->kind) {
	case T_STRING:
		t->u.str.range = n;
		t->u.str.len = range_of(prog, n, RANGE_LENGTH);
		break;
	case T_INT:
	case T_FLOAT:
		t->u.num.range = n;
		t->u.num.bounds = range_of(prog, n, b->kind == T_INT ? RANGE_INT
							       : RANGE_FLOAT);
		break;
	case T_ANY:
		if (b == prog->t_any && !b->node)
			break;	/* an unknown name: reported */
		/* fall through */
	default:
		snprintf(msg, sizeof(msg), "`%s` takes no range", n->u.range.name);
		type_error(prog, n->span, msg, "ranges refine int, float and "
			   "string (a length)");
		return b;
	}
	return t;
}

/* string(/re/): the pattern is compiled once, here. */
static const struct type *regex_type(struct program *prog,
				     const struct ast *n)
{
	char msg[300];
	const char *name = n->u.regex.name;

	if (name && strcmp(name, "string") != 0) {
		const struct type *b = named_type(prog, name, n);
		if (b == prog->t_any && !b->node)
			return b;
		snprintf(msg, sizeof(msg), "`%s` takes no regex", name);
		type_error(prog, n->span, msg, "a regex refines string: "
			   "string(/.../)");
		return b;
	}
	struct type *t = type_new(prog, T_STRING, n);
	t->u.str.regex = n->u.regex.pattern;
	regex_t *re = xmalloc(sizeof(*re));
	int rc = regcomp(re, n->u.regex.pattern, REG_EXTENDED | REG_NOSUB);
	if (rc != 0) {
		char err[160];
		regerror(rc, re, err, sizeof(err));
		regfree(re);
		free(re);
		snprintf(msg, sizeof(msg), "the regex /%s/ does not compile: %s",
			 n->u.regex.pattern, err);
		type_error(prog, n->span, msg, "regexes are POSIX extended "
			   "(ERE), as grep -E reads them");
		return t;
	}
	ARENA_RESERVE(prog->arena, prog->type_regexes, prog->ntype_regexes,
		      prog->type_regexes_cap);
	prog->type_regexes[prog->ntype_regexes++] = re;
	t->u.str.re = re;
	return t;
}

/* `list<T> keyed F`: the items are records with a field F. */
static void check_key_field(struct program *prog, const struct type *t,
			    const struct ast *n)
{
	const struct type *e = t->u.container.elem;
	const char *key = n->u.generic.keyed.name;
	char msg[300], buf[128];

	if (e->kind == T_ANY)
		return;		/* an unknown type (reported), or any */
	if (e->kind != T_RECORD) {
		snprintf(msg, sizeof(msg), "a list of %s cannot be keyed: "
			 "only records have fields",
			 type_describe(e, buf, sizeof(buf)));
		type_error(prog, n->u.generic.keyed.span, msg, NULL);
		return;
	}
	if (type_field(e, key) || e->u.record.open)
		return;
	const char *cands[256];
	size_t nc = 0;
	for (uint32_t i = 0; i < e->u.record.nfields && nc < 256; i++)
		cands[nc++] = e->u.record.fields[i].name;
	snprintf(msg, sizeof(msg), "the list is keyed by `%s`, but %s has no "
		 "field `%s`", key, type_describe(e, buf, sizeof(buf)), key);
	const char *s = resolve_suggest(key, cands, nc);
	char help[160];
	if (s)
		snprintf(help, sizeof(help), "did you mean `%s`?", s);
	type_error(prog, n->u.generic.keyed.span, msg, s ? help : NULL);
}

/* The value of a literal type's literal, in the fleet arena. */
static const struct value *literal_value(struct program *prog,
					 const struct ast *n)
{
	bool fl;
	int64_t i;
	double f;

	switch (n->kind) {
	case AST_STRING:
		return value_string_ref(prog->arena, n->u.string.text,
					n->u.string.len);
	case AST_BOOL:
		return value_bool(prog->arena, n->u.boolean.value);
	case AST_NULL:
		return value_null(prog->arena);
	default:
		if (!bound_value(n, &fl, &i, &f))
			return NULL;
		return fl ? value_float(prog->arena, f) : value_int(prog->arena, i);
	}
}

const struct type *types_build_type(struct program *prog,
				    const struct ast *n)
{
	struct type *t;

	if (!n)
		return prog->t_any;
	switch (n->kind) {
	case AST_TYPE_NAME:
		return named_type(prog, n->u.ref.name, n);
	case AST_TYPE_RANGE:
		return range_type(prog, n);
	case AST_TYPE_REGEX:
		return regex_type(prog, n);
	case AST_TYPE_LITERAL:
		t = type_new(prog, T_LITERAL, n);
		t->u.literal.value = n->u.literal.value;
		t->u.literal.v = literal_value(prog, n->u.literal.value);
		return t;
	case AST_TYPE_UNION:
		t = type_new(prog, T_UNION, n);
		t->u.type_union.alts = arena_alloc(prog->arena,
			n->u.type_union.alts.len * sizeof(struct type *));
		for (uint32_t i = 0; i < n->u.type_union.alts.len; i++)
			t->u.type_union.alts[t->u.type_union.nalts++] =
				types_build_type(prog, n->u.type_union.alts.items[i]);
		return t;
	case AST_TYPE_RECORD:
		t = type_new(prog, T_RECORD, n);
		t->u.record.open = n->u.record.open;
		record_fields(prog, t, &n->u.record.fields, NULL);
		return t;
	case AST_TYPE_GENERIC: {
		const char *g = n->u.generic.name;
		bool list = strcmp(g, "list") == 0, map = strcmp(g, "map") == 0;
		if ((!list && !map) || n->u.generic.args.len != 1) {
			struct diag *dg = diag_new(E0309, n->span,
				"`%s<...>` is not a type", g);
			diag_help(dg, "the containers are list<T> and map<T>");
			diag_emit(prog->sink, dg);
			return prog->t_any;
		}
		t = type_new(prog, list ? T_LIST : T_MAP, n);
		t->u.container.elem = types_build_type(prog, n->u.generic.args.items[0]);
		t->u.container.unique = n->u.generic.unique;
		t->u.container.keyed = n->u.generic.keyed.name;
		t->u.container.length = n->u.generic.length;
		if (n->u.generic.length)
			t->u.container.len = range_of(prog, n->u.generic.length,
						      RANGE_LENGTH);
		if (n->u.generic.keyed.name && !list)
			type_error(prog, n->u.generic.keyed.span,
				   "only a list can be keyed", "write "
				   "list<...> keyed FIELD, or use a map");
		else if (n->u.generic.keyed.name)
			check_key_field(prog, t, n);
		return t;
	}
	default:
		return prog->t_any;
	}
}

/* Follows named types: the record, or NULL. */
static const struct type *as_record(const struct type *t)
{
	return t && t->kind == T_RECORD ? t : NULL;
}

/* A record all of whose fields have defaults or are optional. */
static bool record_complete(const struct type *t, int depth)
{
	if (depth > 32)
		return false;
	for (uint32_t i = 0; i < t->u.record.nfields; i++) {
		const struct type_field *f = &t->u.record.fields[i];
		if (f->optional || field_has_default(f))
			continue;
		const struct type *r = as_record(f->type);
		if (!r || !record_complete(r, depth + 1))
			return false;
	}
	return true;
}

static void mark_empty_defaults(struct type *t)
{
	for (uint32_t i = 0; i < t->u.record.nfields; i++) {
		struct type_field *f = &t->u.record.fields[i];
		const struct type *r = as_record(f->type);
		if (!f->dflt && !f->optional && r && record_complete(r, 0))
			f->dflt_empty_object = true;
	}
}

/* Marks every record type reachable from t (once). */
static void mark_all(const struct type *t, int depth)
{
	if (!t || depth > 64)
		return;
	switch (t->kind) {
	case T_RECORD:
		if (t->marked)
			return;	/* recursive schemas reach it again */
		((struct type *)t)->marked = true;
		mark_empty_defaults((struct type *)t);
		for (uint32_t i = 0; i < t->u.record.nfields; i++)
			if (t->u.record.fields[i].owner == t &&
			    t->u.record.fields[i].type != t)
				mark_all(t->u.record.fields[i].type, depth + 1);
		break;
	case T_LIST:
	case T_MAP:
		mark_all(t->u.container.elem, depth + 1);
		break;
	case T_UNION:
		for (uint32_t i = 0; i < t->u.type_union.nalts; i++)
			mark_all(t->u.type_union.alts[i], depth + 1);
		break;
	default:
		break;
	}
}

/* The schema plus the fields every site has: name first, outputs last. */
static const struct type *site_type(struct program *prog, struct decl *schema)
{
	if (schema->site_type)
		return schema->site_type;
	const struct type *user = record_type(prog, schema);
	const struct type *nm = record_type(prog, resolve_hidden(prog, "__SiteName"));
	const struct type *out = record_type(prog, resolve_hidden(prog, "__SiteOutputs"));
	struct type *t = type_new(prog, T_RECORD, schema->node);
	uint32_t n = 0, cap = user->u.record.nfields + 4;
	struct type_field *f = arena_zalloc(prog->arena, cap * sizeof(*f));

	f[n++] = nm->u.record.fields[0];
	for (uint32_t i = 0; i < user->u.record.nfields; i++) {
		const char *fname = user->u.record.fields[i].name;
		if (fname == prog->n_name || fname == prog->n_k8s ||
		    fname == prog->n_api || fname == prog->n_os)
			continue;
		f[n++] = user->u.record.fields[i];
	}
	for (uint32_t i = 0; i < out->u.record.nfields; i++)
		f[n++] = out->u.record.fields[i];
	t->name = schema->name;
	t->u.record.fields = f;
	t->u.record.nfields = n;
	t->u.record.open = user->u.record.open;
	mark_all(t, 0);
	schema->site_type = t;
	return t;
}

/* A fleet constant named like a field of a site schema hides it. */
static void check_constants(struct program *prog, const struct type *st)
{
	for (uint32_t i = 0; i < st->u.record.nfields; i++) {
		const struct type_field *f = &st->u.record.fields[i];
		struct decl *c = resolve_decl(prog, f->name);
		if (!c || c->kind != D_CONST || c->mro_state == LAZY_FAILED)
			continue;
		c->mro_state = LAZY_FAILED;	/* reported once */
		struct diag *dg = diag_new(E0308, c->node->u.bind.name.span,
			"fleet constant `%s` has the name of a site field",
			c->name);
		const struct type *owner = f->owner ? f->owner : st;
		diag_note(dg, f->node->u.field.name.span,
			  "the field `%s` of schema `%s`", f->name,
			  owner->name ? owner->name : "?");
		diag_help(dg, "rename the constant: a bare `%s` in a body "
			      "would no longer reach the site's field", f->name);
		diag_emit(prog->sink, dg);
	}
}

/*
 * The output types need what the language cannot say: Kubernetes objects
 * are open with the merge-key rules inside, metadata.name defaults to the
 * handle, and the OS config's maps have keys of a kind.
 */
void types_build_builtins(struct program *prog)
{
	struct type *meta = (struct type *)record_type(prog,
					resolve_hidden(prog, "__K8sMetadata"));
	struct type *obj = (struct type *)record_type(prog,
					resolve_hidden(prog, "__K8sObject"));

	meta->name = "K8sMetadata";
	meta->u.record.rest = type_k8s_any();
	for (uint32_t i = 0; i < meta->u.record.nfields; i++)
		if (meta->u.record.fields[i].name == prog->n_name)
			meta->u.record.fields[i].dflt_handle = true;
	obj->name = "K8sObject";
	obj->u.record.rest = type_k8s_any();
	prog->k8s_object = obj;

	static const struct {
		const char *field;
		enum type_key key;
	} keys[] = {
		{ "files", KEY_ABSPATH }, { "hosts", KEY_HOSTNAME },
		{ "units", KEY_UNIT }, { "ca_certs", KEY_FILE_NAME },
	};
	const struct type *os = record_type(
	    prog, resolve_decl(prog, intern_name(prog->names, "OsConfig", 8)));
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const struct type_field *f =
		    type_field(os, intern_name(prog->names, keys[k].field,
					       strlen(keys[k].field)));
		((struct type *)f->type)->u.container.key_format = keys[k].key;
	}
}

void types_build_init(struct program *prog)
{
	prog->t_any = type_new(prog, T_ANY, NULL);
	prog->t_string = type_new(prog, T_STRING, NULL);
}

void types_build_decls(struct program *prog)
{
	/* every schema and named type, also unused ones */
	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if (d->kind == D_SCHEMA && d->mro_state != LAZY_FAILED) {
			mark_all(record_type(prog, d), 0);
		} else if (d->kind == D_TYPE && d->type_state == LAZY_NEW) {
			d->type_state = LAZY_BUSY;
			d->type = types_build_type(prog, d->node->u.bind.value);
			d->type_state = LAZY_DONE;
		}
	}
}

void types_build_site(struct program *prog, struct decl *site)
{
	site->site_type = site_type(prog, site->schema);
	check_constants(prog, site->site_type);
}
