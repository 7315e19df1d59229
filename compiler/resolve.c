/*
 * resolve.c - the fleet's namespace: declarations, parents, linearization
 * (C3), schemas and types (LANGUAGE.md sections 1, 3, 4, 6, 8).
 *
 * All top-level names of every file share one table, with the built-in
 * output types of section 8 (parsed from a prelude written in the
 * language itself). Each profile and site gets its linearization, most
 * specific first, computed over its parent list taken right to left, so
 * that with `: a, b` the later parent b wins; and each site its one
 * schema, extended with the fields every site has.
 */
#include "model.h"

#include "builtins.h"

#include "syntax.h"

#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The output types every site has (section 8). Names starting with "__"
 * are not in the fleet's namespace. */
static const char prelude_text[] =
	"schema ApiCall {\n"
	"  service: dns_label\n"
	"  method: \"PUT\" | \"POST\" | \"PATCH\" | \"DELETE\" = \"PUT\"\n"
	"  path: string\n"
	"  body: any\n"
	"}\n"
	"schema OsFile {\n"
	"  content: string\n"
	"  mode: int(0..0o7777) = 0o644\n"
	"  owner: string(/^[a-z_][a-z0-9_-]*[$]?$/) = \"root\"\n"
	"  group: string(/^[a-z_][a-z0-9_-]*[$]?$/) = \"root\"\n"
	"}\n"
	"schema OsUnit {\n"
	"  content?: string\n"
	"  enabled: bool = true\n"
	"}\n"
	"schema OsUser {\n"
	"  name: dns_label\n"
	"  uid?: int(0..4294967294)\n"
	"  groups: list<string> = []\n"
	"  shell?: abspath\n"
	"  ssh_authorized_keys: list<string> = []\n"
	"}\n"
	"schema OsConfig {\n"
	"  version?: string\n"
	"  hostname?: hostname\n"
	"  hosts: map<ip> = {}\n"
	"  hugepages?: { size: \"2Mi\" | \"1Gi\" = \"2Mi\"; count: int(0..) }\n"
	"  sysctl: map<string | int> = {}\n"
	"  users: list<OsUser> keyed name = []\n"
	"  ca_certs: map<string> = {}\n"
	"  files: map<OsFile> = {}\n"
	"  units: map<OsUnit> = {}\n"
	"}\n"
	"schema __K8sObject {\n"
	"  apiVersion: string\n"
	"  kind: string\n"
	"  metadata: __K8sMetadata\n"
	"  ...\n"
	"}\n"
	"schema __K8sMetadata {\n"
	"  name: string\n"
	"  namespace?: string\n"
	"  labels?: map<string>\n"
	"  annotations?: map<string>\n"
	"  ...\n"
	"}\n"
	"schema __SiteName {\n"
	"  name: dns_label\n"
	"}\n"
	"schema __SiteOutputs {\n"
	"  k8s: map<K8sObject> = {}\n"
	"  api: map<ApiCall> = {}\n"
	"  os: OsConfig\n"
	"}\n";

static const char *const decl_kind_names[] = {
	[D_SCHEMA] = "schema", [D_TYPE] = "type", [D_CONST] = "constant",
	[D_DEF] = "function", [D_PROFILE] = "profile", [D_SITE] = "site",
};

/* --- did you mean --------------------------------------------------------- */

/* Optimal string alignment distance, capped: returns > cap early. */
static size_t edit_distance(const char *a, const char *b, size_t cap)
{
	size_t la = strlen(a), lb = strlen(b);

	if ((la > lb ? la - lb : lb - la) > cap || la > 64 || lb > 64)
		return cap + 1;
	size_t d[65][65];
	for (size_t i = 0; i <= la; i++)
		d[i][0] = i;
	for (size_t j = 0; j <= lb; j++)
		d[0][j] = j;
	for (size_t i = 1; i <= la; i++) {
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (d[i - 1][j - 1] + cost < v)
				v = d[i - 1][j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
		}
	}
	return d[la][lb];
}

const char *suggest(const char *name, const char *const *cands, size_t n)
{
	size_t len = strlen(name);
	size_t cap = len / 3 > 1 ? len / 3 : 1;
	const char *best = NULL;
	size_t best_d = cap + 1;

	for (size_t i = 0; i < n; i++) {
		if (!cands[i] || strcmp(cands[i], name) == 0)
			continue;
		size_t d = edit_distance(name, cands[i], cap);
		if (d < best_d) {
			best_d = d;
			best = cands[i];
		}
	}
	return best;
}

const char *suggest_decl(const struct program *prog, const char *name,
			 unsigned kinds_mask)
{
	const char **cands = xmalloc((prog->ndecls + 1) * sizeof(*cands));
	size_t n = 0;

	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (kinds_mask & (1u << prog->decls[i]->kind))
			cands[n++] = prog->decls[i]->name;
	const char *best = suggest(name, cands, n);
	free(cands);
	return best;
}

/* --- the table ------------------------------------------------------------ */

/* The declaration called name, for the builder (which writes it). */
static struct decl *lookup(const struct program *prog, const char *name)
{
	if (!prog->table_cap)
		return NULL;
	for (uint32_t j = ptr_hash(name) & (prog->table_cap - 1);;
	     j = (j + 1) & (prog->table_cap - 1)) {
		if (!prog->table[j])
			return NULL;
		if (prog->table[j]->name == name)
			return prog->table[j];
	}
}

const struct decl *resolve_lookup(const struct program *prog,
				  const char *name)
{
	return lookup(prog, name);
}

static void table_insert(struct program *prog, struct decl *d)
{
	if ((prog->ndecls + 1) * 2 > prog->table_cap) {
		uint32_t cap = prog->table_cap ? prog->table_cap * 2 : 64;
		while (cap < (prog->ndecls + 1) * 2)
			cap *= 2;
		struct decl **t = arena_zalloc(prog->arena, cap * sizeof(*t));
		for (uint32_t i = 0; i < prog->table_cap; i++) {
			struct decl *x = prog->table[i];
			if (!x)
				continue;
			uint32_t j = ptr_hash(x->name) & (cap - 1);
			while (t[j])
				j = (j + 1) & (cap - 1);
			t[j] = x;
		}
		prog->table = t;
		prog->table_cap = cap;
	}
	uint32_t j = ptr_hash(d->name) & (prog->table_cap - 1);
	while (prog->table[j])
		j = (j + 1) & (prog->table_cap - 1);
	prog->table[j] = d;
}

static const struct ast_name *decl_name_of(const struct ast *n)
{
	switch (n->kind) {
	case AST_SCHEMA:
	case AST_PROFILE:
	case AST_SITE:
		return &n->u.decl.name;
	case AST_TYPEDEF:
	case AST_CONST:
		return &n->u.bind.name;
	case AST_DEF:
		return &n->u.def.name;
	default:
		return NULL;
	}
}

static bool builtin_type_name(const char *name);

static void add_decl(struct program *prog, const struct ast *n, bool builtin)
{
	static const enum decl_kind kinds[AST_KIND_COUNT] = {
		[AST_SCHEMA] = D_SCHEMA, [AST_TYPEDEF] = D_TYPE,
		[AST_CONST] = D_CONST, [AST_DEF] = D_DEF,
		[AST_PROFILE] = D_PROFILE, [AST_SITE] = D_SITE,
	};
	const struct ast_name *nm = decl_name_of(n);

	if (!nm || !nm->name)
		return;
	struct decl *d = arena_zalloc(prog->arena, sizeof(*d));
	d->kind = kinds[n->kind];
	d->name = nm->name;
	d->node = n;
	d->builtin = builtin;
	if (builtin && strncmp(d->name, "__", 2) == 0) {
		/* hidden: reachable only through the evaluator's own pointers */
		ARENA_RESERVE(prog->arena, prog->decls, prog->ndecls, prog->decls_cap);
		d->index = prog->ndecls;
		prog->decls[prog->ndecls++] = d;
		return;
	}

	if (!builtin && (d->kind == D_TYPE || d->kind == D_SCHEMA) &&
	    builtin_type_name(d->name)) {
		struct diag *dg = diag_new(E0301, nm->span,
			"`%s` is a built-in type and cannot be declared again",
			d->name);
		diag_help(dg, "choose another name for this %s",
			  decl_kind_names[d->kind]);
		diag_emit(prog->sink, dg);
		return;
	}
	struct decl *old = lookup(prog, d->name);
	if (old) {
		struct diag *dg = diag_new(E0301, nm->span,
					   "`%s` is declared twice", d->name);
		const struct ast_name *on = decl_name_of(old->node);
		if (old->builtin)
			diag_note(dg, on->span,
				  "`%s` is a built-in %s of every fleet",
				  d->name, decl_kind_names[old->kind]);
		else
			diag_note(dg, on->span, "the first %s `%s` is here",
				  decl_kind_names[old->kind], d->name);
		diag_help(dg, "all top-level names of a fleet share one "
			      "namespace; rename one of them");
		diag_emit(prog->sink, dg);
		return;
	}
	ARENA_RESERVE(prog->arena, prog->decls, prog->ndecls, prog->decls_cap);
	d->index = prog->ndecls;
	prog->decls[prog->ndecls++] = d;
	table_insert(prog, d);
	if (d->kind == D_SITE) {
		ARENA_RESERVE(prog->arena, prog->sites, prog->nsites, prog->sites_cap);
		prog->sites[prog->nsites++] = d;
	}
}

static struct decl *hidden_decl(struct program *prog, const char *name)
{
	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (prog->decls[i]->builtin && strcmp(prog->decls[i]->name, name) == 0)
			return prog->decls[i];
	return NULL;
}

/* --- parents ---------------------------------------------------------------- */

#define MASK(k) (1u << (k))

static void resolve_parents(struct program *prog, struct decl *d)
{
	const struct ast *n = d->node;

	d->parents = arena_alloc(prog->arena, (n->u.decl.nparents + 1) *
					    sizeof(*d->parents));
	d->schemas = arena_alloc(prog->arena, (n->u.decl.nparents + 1) *
					    sizeof(*d->schemas));
	for (uint32_t i = 0; i < n->u.decl.nparents; i++) {
		const struct ast_name *pn = &n->u.decl.parents[i];
		struct decl *p = lookup(prog, pn->name);

		if (!p) {
			struct diag *dg = diag_new(E0302, pn->span,
						   "no profile or schema is called `%s`",
						   pn->name);
			const char *s = suggest_decl(prog, pn->name,
				d->kind == D_SCHEMA ? MASK(D_SCHEMA)
				: MASK(D_SCHEMA) | MASK(D_PROFILE));
			if (s)
				diag_help(dg, "did you mean `%s`?", s);
			diag_emit(prog->sink, dg);
			d->mro_state = LAZY_FAILED;	/* its sites are not evaluated */
			continue;
		}
		bool twice = false;
		for (uint32_t k = 0; k < i; k++)
			twice |= n->u.decl.parents[k].name == pn->name;
		if (twice) {
			struct diag *dg = diag_new(E0303, pn->span,
				"parent `%s` is listed twice", pn->name);
			diag_help(dg, "list each parent once");
			diag_emit(prog->sink, dg);
			d->mro_state = LAZY_FAILED;
			continue;
		}
		bool ok = d->kind == D_SCHEMA
			  ? p->kind == D_SCHEMA
			  : p->kind == D_SCHEMA || p->kind == D_PROFILE;
		if (!ok) {
			struct diag *dg = diag_new(E0303, pn->span,
				"%s `%s` cannot inherit %s `%s`",
				decl_kind_names[d->kind], d->name,
				decl_kind_names[p->kind], p->name);
			diag_note(dg, decl_name_of(p->node)->span,
				  "`%s` is declared here", p->name);
			if (p->kind == D_SITE)
				diag_help(dg, "move what the sites share into a "
					      "profile, and let both inherit it");
			else if (d->kind == D_SCHEMA)
				diag_help(dg, "a schema extends only schemas");
			else
				diag_help(dg, "parents are profiles and schemas");
			diag_emit(prog->sink, dg);
			d->mro_state = LAZY_FAILED;
			continue;
		}
		if (d->kind == D_SCHEMA && d->nparents == 1) {
			struct diag *dg = diag_new(E0303, pn->span,
				"schema `%s` extends one schema, not several",
				d->name);
			diag_help(dg, "make `%s` extend `%s`, or copy the fields",
				  p->name, d->parents[0]->name);
			diag_emit(prog->sink, dg);
			d->mro_state = LAZY_FAILED;
			continue;
		}
		if (p->kind == D_SCHEMA && d->kind != D_SCHEMA)
			d->schemas[d->nschemas++] = p;
		else
			d->parents[d->nparents++] = p;
	}
}

/* Reports the cycle that reaches d again, from the DFS stack. */
static void report_cycle(struct program *prog, struct decl **stack,
			 uint32_t depth, struct decl *d)
{
	uint32_t from = 0;
	while (stack[from] != d)
		from++;

	size_t cap = 256, len = 0;
	char *text = xmalloc(cap);
	text[0] = 0;
	for (uint32_t i = from; i <= depth; i++) {
		const char *nm = i < depth ? stack[i]->name : d->name;
		size_t need = strlen(nm) + 8;
		while (len + need >= cap)
			text = xrealloc(text, cap *= 2);
		len += (size_t)sprintf(text + len, "%s%s", i > from ? " -> " : "",
				       nm);
	}
	struct decl *at = stack[depth - 1];
	const struct ast_name *span_name = NULL;
	for (uint32_t k = 0; k < at->node->u.decl.nparents; k++)
		if (at->node->u.decl.parents[k].name == d->name)
			span_name = &at->node->u.decl.parents[k];
	struct diag *dg = diag_new(E0304, span_name ? span_name->span
						    : decl_name_of(at->node)->span,
				   "inheritance cycle: %s", text);
	for (uint32_t i = from; i < depth; i++) {
		struct decl *a = stack[i];
		struct decl *b = i + 1 < depth ? stack[i + 1] : d;
		for (uint32_t k = 0; k < a->node->u.decl.nparents; k++)
			if (a->node->u.decl.parents[k].name == b->name)
				diag_note(dg, a->node->u.decl.parents[k].span,
					  "`%s` inherits `%s` here", a->name,
					  b->name);
	}
	diag_help(dg, "remove one of these parents");
	diag_emit(prog->sink, dg);
	free(text);
}

/* C3 over the parent lists taken right to left. */
static bool c3(struct program *prog, struct decl *d)
{
	uint32_t np = d->nparents;
	/* lists to merge: L(Pn) ... L(P1), then [Pn ... P1] */
	struct decl ***lists = xmalloc((np + 1) * sizeof(*lists));
	uint32_t *lens = xmalloc((np + 1) * sizeof(*lens));
	uint32_t *pos = calloc(np + 1, sizeof(*pos));
	uint32_t total = 1;

	if (!pos)
		arena_oom();
	for (uint32_t i = 0; i < np; i++) {
		struct decl *p = d->parents[np - 1 - i];
		lists[i] = p->mro;
		lens[i] = p->nmro;
		total += p->nmro;
	}
	struct decl **direct = xmalloc((np + 1) * sizeof(*direct));
	for (uint32_t i = 0; i < np; i++)
		direct[i] = d->parents[np - 1 - i];
	lists[np] = direct;
	lens[np] = np;

	struct decl **out = arena_alloc(prog->arena, total * sizeof(*out));
	uint32_t nout = 0;
	bool ok = true;
	out[nout++] = d;
	for (;;) {
		struct decl *pick = NULL;
		bool any = false;
		for (uint32_t i = 0; i <= np && !pick; i++) {
			if (pos[i] >= lens[i])
				continue;
			any = true;
			struct decl *cand = lists[i][pos[i]];
			bool in_tail = false;
			for (uint32_t j = 0; j <= np && !in_tail; j++)
				for (uint32_t k = pos[j] + 1; k < lens[j]; k++)
					if (lists[j][k] == cand) {
						in_tail = true;
						break;
					}
			if (!in_tail)
				pick = cand;
		}
		if (!any)
			break;
		if (!pick) {
			ok = false;
			break;
		}
		out[nout++] = pick;
		for (uint32_t i = 0; i <= np; i++)
			if (pos[i] < lens[i] && lists[i][pos[i]] == pick)
				pos[i]++;
	}
	if (ok) {
		d->mro = out;
		d->nmro = nout;
	} else {
		const struct ast *n = d->node;
		struct diag *dg = diag_new(E0305, decl_name_of(n)->span,
			"the parents of `%s` cannot be put in one order", d->name);
		for (uint32_t i = 0; i < n->u.decl.nparents; i++)
			diag_note(dg, n->u.decl.parents[i].span,
				  "parent `%s`", n->u.decl.parents[i].name);
		diag_help(dg, "two parents inherit shared ancestors in "
			      "contradicting orders; list the parents so that "
			      "each comes after the ones it builds on");
		diag_emit(prog->sink, dg);
	}
	free(lists);
	free(lens);
	free(pos);
	free(direct);
	return ok;
}

static bool linearize(struct program *prog, struct decl *d,
		      struct decl ***stack, uint32_t *depth, uint32_t *cap)
{
	if (d->mro_state == LAZY_DONE)
		return true;
	if (d->mro_state == LAZY_FAILED)
		return false;
	if (d->mro_state == LAZY_BUSY) {
		report_cycle(prog, *stack, *depth, d);
		return false;
	}
	d->mro_state = LAZY_BUSY;
	if (*depth == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*stack = xrealloc(*stack, *cap * sizeof(**stack));
	}
	(*stack)[(*depth)++] = d;
	bool ok = true;
	for (uint32_t i = 0; i < d->nparents; i++)
		if (!linearize(prog, d->parents[i], stack, depth, cap))
			ok = false;
	(*depth)--;
	if (ok)
		ok = c3(prog, d);
	/* A member of a cycle that was already reported is marked failed
	 * without a second report. */
	d->mro_state = ok ? LAZY_DONE : LAZY_FAILED;
	return ok;
}

/* The schema of a profile or site: the most derived of those reachable. */
static bool schema_extends(const struct decl *s, const struct decl *base)
{
	for (int guard = 0; s && guard < 1000; guard++) {
		if (s == base)
			return true;
		s = s->nparents ? s->parents[0] : NULL;
	}
	return false;
}

static void find_schema(struct program *prog, struct decl *d)
{
	struct decl *best = NULL;
	const struct decl *best_from = NULL;

	for (uint32_t i = 0; i < d->nmro; i++) {
		struct decl *a = d->mro[i];
		for (uint32_t k = 0; k < a->nschemas; k++) {
			struct decl *s = a->schemas[k];
			if (!best || schema_extends(s, best)) {
				best = s;
				best_from = a;
			} else if (!schema_extends(best, s)) {
				if (d->kind != D_SITE)
					continue;
				struct diag *dg = diag_new(E0307,
					decl_name_of(d->node)->span,
					"site `%s` reaches two schemas, `%s` and `%s`",
					d->name, best->name, s->name);
				diag_note(dg, decl_name_of(best_from->node)->span,
					  "`%s` names `%s`", best_from->name,
					  best->name);
				diag_note(dg, decl_name_of(a->node)->span,
					  "`%s` names `%s`", a->name, s->name);
				diag_help(dg, "a site has exactly one schema; "
					      "make one extend the other");
				diag_emit(prog->sink, dg);
				return;
			}
		}
	}
	d->schema = best;
	if (!best && d->kind == D_SITE) {
		struct diag *dg = diag_new(E0306, decl_name_of(d->node)->span,
			"site `%s` has no schema", d->name);
		diag_help(dg, "name a schema in the parent list of the site or "
			      "of a profile it inherits: `profile global : Site`");
		diag_emit(prog->sink, dg);
	}
}

/* --- types ------------------------------------------------------------------ */

static struct type *type_new(struct program *prog, enum type_kind k,
			     const struct ast *node)
{
	struct type *t = arena_zalloc(prog->arena, sizeof(*t));
	t->kind = k;
	t->node = node;
	return t;
}

static const struct {
	const char *name;
	enum type_format format;
} formats[] = {
	{ "ip", FMT_IP }, { "ipv4", FMT_IPV4 }, { "ipv6", FMT_IPV6 },
	{ "cidr", FMT_CIDR }, { "hostname", FMT_HOSTNAME },
	{ "dns_label", FMT_DNS_LABEL }, { "semver", FMT_SEMVER },
	{ "quantity", FMT_QUANTITY }, { "duration", FMT_DURATION },
	{ "abspath", FMT_ABSPATH }, { "url", FMT_URL },
};

static const struct type *record_type(struct program *prog, struct decl *d);

static bool builtin_type_name(const char *name)
{
	static const char *const names[] = {
		"any", "bool", "int", "float", "string", "list", "map",
		"K8sObject",
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcmp(name, names[i]) == 0)
			return true;
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(name, formats[i].name) == 0)
			return true;
	return false;
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
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		if (strcmp(name, formats[i].name) == 0) {
			struct type *t = type_new(prog, T_STRING, node);
			t->u.str.format = formats[i].format;
			t->name = formats[i].name;
			return t;
		}
	if (strcmp(name, "K8sObject") == 0)
		return prog->k8s_object;

	struct decl *d = lookup(prog, name);
	if (!d && node->span.src == prog->prelude_src)
		d = hidden_decl(prog, name);
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
			d->type = resolve_type(prog, d->node->u.bind.value);
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
	for (size_t i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
		cands[n++] = formats[i].name;
	const char *s = suggest(name, cands, n);
	if (!s)
		s = suggest_decl(prog, name, MASK(D_SCHEMA) | MASK(D_TYPE));
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
			f[k].type = resolve_type(prog, f[k].node->u.field.type);
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
	const char *s = suggest(key, cands, nc);
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

const struct type *resolve_type(struct program *prog, const struct ast *n)
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
				resolve_type(prog, n->u.type_union.alts.items[i]);
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
		t->u.container.elem = resolve_type(prog, n->u.generic.args.items[0]);
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
	const struct type *nm = record_type(prog, hidden_decl(prog, "__SiteName"));
	const struct type *out = record_type(prog, hidden_decl(prog, "__SiteOutputs"));
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
		struct decl *c = lookup(prog, f->name);
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
static void builtin_types(struct program *prog)
{
	struct type *meta = (struct type *)record_type(prog,
					hidden_decl(prog, "__K8sMetadata"));
	struct type *obj = (struct type *)record_type(prog,
					hidden_decl(prog, "__K8sObject"));

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
	const struct type *os = record_type(prog, lookup(prog,
						intern(prog->names, "OsConfig", 8)));
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		const struct type_field *f = type_field(os,
			intern(prog->names, keys[k].field, strlen(keys[k].field)));
		((struct type *)f->type)->u.container.key_format = keys[k].key;
	}
}

void program_init(struct program *prog, struct fleet *f,
		  struct diag_sink *sink)
{
	memset(prog, 0, sizeof(*prog));
	prog->fleet = f;
	prog->arena = &f->arena;
	prog->names = &f->names;
	prog->sink = sink;
}

void program_free(struct program *prog)
{
	for (uint32_t i = 0; i < prog->ntype_regexes; i++) {
		regfree(prog->type_regexes[i]);
		free(prog->type_regexes[i]);
	}
	if (prog->prelude_src)
		source_free(prog->prelude_src);
}

bool resolve_fleet(struct program *prog)
{
	unsigned errors = prog->sink->errors;

	prog->n_name = intern(prog->names, "name", 4);
	prog->n_k8s = intern(prog->names, "k8s", 3);
	prog->n_api = intern(prog->names, "api", 3);
	prog->n_os = intern(prog->names, "os", 2);
	prog->t_any = type_new(prog, T_ANY, NULL);
	prog->t_string = type_new(prog, T_STRING, NULL);

	prog->prelude_src = source_from_buffer("<builtin>", prelude_text,
					     sizeof(prelude_text) - 1);
	prog->prelude = syntax_parse(prog->arena, prog->names, prog->prelude_src,
				   prog->sink);
	for (uint32_t i = 0; i < prog->prelude->u.file.decls.len; i++)
		add_decl(prog, prog->prelude->u.file.decls.items[i], true);
	builtin_types(prog);
	for (size_t f = 0; f < prog->fleet->nfiles; f++) {
		const struct ast *file = prog->fleet->files[f].ast;
		if (!file)
			continue;
		for (uint32_t i = 0; i < file->u.file.decls.len; i++)
			add_decl(prog, file->u.file.decls.items[i], false);
	}

	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if (d->kind == D_SCHEMA || d->kind == D_PROFILE ||
		    d->kind == D_SITE)
			resolve_parents(prog, d);
	}
	struct decl **stack = NULL;
	uint32_t depth = 0, cap = 0;
	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if (d->kind == D_PROFILE || d->kind == D_SITE ||
		    d->kind == D_SCHEMA)
			linearize(prog, d, &stack, &depth, &cap);
	}
	free(stack);
	/* types: every schema and named type, also unused ones */
	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if (d->kind == D_SCHEMA && d->mro_state != LAZY_FAILED) {
			mark_all(record_type(prog, d), 0);
		} else if (d->kind == D_TYPE && d->type_state == LAZY_NEW) {
			d->type_state = LAZY_BUSY;
			d->type = resolve_type(prog, d->node->u.bind.value);
			d->type_state = LAZY_DONE;
		}
	}
	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if ((d->kind == D_PROFILE || d->kind == D_SITE) &&
		    d->mro_state == LAZY_DONE)
			find_schema(prog, d);
		if (d->kind == D_SITE && d->schema) {
			d->site_type = site_type(prog, d->schema);
			check_constants(prog, d->site_type);
		}
	}
	return prog->sink->errors == errors;
}

/* --- names that can be checked without a site ------------------------------ */

/*
 * A walk over every expression of the fleet before any site is evaluated:
 * each call names a builtin or a def; the defs do not call each other in
 * a cycle (recursion is an error even on a branch never taken); and the
 * body of a def or fleet constant names only its parameters, names bound
 * inside it and fleet constants. Names in profile and site bodies depend
 * on the site (its fields), so the evaluator checks those.
 */
struct walk {
	const struct program *prog;
	const char **names;		/* bound here: params, lets, for vars */
	uint32_t nnames, cap;
	bool fleet;			/* a def body or a constant */
	const struct decl *def;		/* the def being walked, or NULL */
	/* calls between defs: from, to, where */
	struct edge {
		const struct decl *from, *to;
		struct span at;
	} *edges;
	uint32_t nedges, edges_cap;
};

static void walk_expr(struct walk *w, const struct ast *e);
static void walk_body(struct walk *w, const struct ast_list *body);

static void bind(struct walk *w, const char *name)
{
	if (!name)
		return;
	ARENA_RESERVE(w->prog->arena, w->names, w->nnames, w->cap);
	w->names[w->nnames++] = name;
}

static bool bound(const struct walk *w, const char *name)
{
	for (uint32_t i = w->nnames; i-- > 0;)
		if (w->names[i] == name)
			return true;
	return false;
}

/* Is name a field of some schema (so a site would have it)? */
static bool some_field(const struct program *prog, const char *name)
{
	if (name == prog->n_name || name == prog->n_k8s || name == prog->n_api ||
	    name == prog->n_os)
		return true;
	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (prog->decls[i]->kind == D_SCHEMA && prog->decls[i]->type &&
		    !prog->decls[i]->builtin &&
		    type_field(prog->decls[i]->type, name))
			return true;
	return false;
}

static void walk_name(struct walk *w, const struct ast *e)
{
	const struct program *prog = w->prog;
	const char *name = e->u.ref.name;

	if (!w->fleet || bound(w, name))
		return;
	const struct decl *d = resolve_lookup(prog, name);
	if (d && d->kind == D_CONST)
		return;
	if (some_field(prog, name)) {
		struct diag *dg = diag_new(E0516, e->span,
			"`%s` is not visible here: a function or fleet constant "
			"cannot read a site's fields", name);
		diag_help(dg, "pass the value in as an argument");
		diag_emit(prog->sink, dg);
		return;
	}
	const char **c = xmalloc((w->nnames + prog->ndecls + 1) * sizeof(*c));
	size_t n = 0;
	for (uint32_t i = 0; i < w->nnames; i++)
		c[n++] = w->names[i];
	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (prog->decls[i]->kind == D_CONST)
			c[n++] = prog->decls[i]->name;
	struct diag *dg = diag_new(E0501, e->span, "unknown name `%s`", name);
	const char *best = suggest(name, c, n);
	if (best)
		diag_help(dg, "did you mean `%s`?", best);
	else if (d && d->kind == D_DEF)
		diag_help(dg, "`%s` is a function: call it, `%s(...)`", name,
			  name);
	diag_emit(prog->sink, dg);
	free(c);
}

static void walk_call(struct walk *w, const struct ast *e)
{
	const struct program *prog = w->prog;
	const char *name = e->u.call.name.name;
	const struct decl *d = resolve_lookup(prog, name);

	if (d && d->kind == D_DEF) {
		if (w->def) {
			ARENA_RESERVE(prog->arena, w->edges, w->nedges,
				      w->edges_cap);
			w->edges[w->nedges++] = (struct edge){ w->def, d,
							       e->u.call.name.span };
		}
	} else if (!builtin_lookup(name)) {
		struct diag *dg = diag_new(E0502, e->u.call.name.span,
					   "unknown function `%s`", name);
		size_t nb;
		const struct builtin_info *tab = builtin_table(&nb);
		const char **c = xmalloc((nb + prog->ndecls + 1) * sizeof(*c));
		size_t n = 0;
		for (size_t i = 0; i < nb; i++)
			c[n++] = tab[i].name;
		for (uint32_t i = 0; i < prog->ndecls; i++)
			if (prog->decls[i]->kind == D_DEF)
				c[n++] = prog->decls[i]->name;
		const char *best = suggest(name, c, n);
		free(c);
		if (best)
			diag_help(dg, "did you mean `%s`?", best);
		else if (d && d->kind == D_CONST)
			diag_help(dg, "`%s` is a constant, not a function", name);
		diag_emit(prog->sink, dg);
	}
	for (uint32_t i = 0; i < e->u.call.args.len; i++)
		walk_expr(w, e->u.call.args.items[i]);
}

static void walk_for(struct walk *w, const struct ast *e)
{
	uint32_t mark = w->nnames;

	walk_expr(w, e->u.for_.iter);
	bind(w, e->u.for_.key.name);
	bind(w, e->u.for_.value.name);
	if (e->u.for_.filter)
		walk_expr(w, e->u.for_.filter);
	if (e->kind == AST_LIST_FOR) {
		walk_expr(w, e->u.for_.body);
	} else {
		struct ast_list one = { (struct ast **)&e->u.for_.body, 1, 1 };
		walk_body(w, &one);
	}
	w->nnames = mark;
}

static void walk_path(struct walk *w, const struct ast *path)
{
	for (uint32_t i = 0; i < path->u.path.segs.len; i++) {
		const struct ast *seg = path->u.path.segs.items[i];
		if (seg->kind != AST_SEG_NAME && seg->u.seg.key)
			walk_expr(w, seg->u.seg.key);
	}
}

static void walk_body(struct walk *w, const struct ast_list *body)
{
	uint32_t mark = w->nnames;

	for (uint32_t i = 0; i < body->len; i++) {
		const struct ast *s = body->items[i];
		switch (s->kind) {
		case AST_LET:
			walk_expr(w, s->u.bind.value);
			bind(w, s->u.bind.name.name);
			break;
		case AST_IF:
			walk_expr(w, s->u.if_.cond);
			walk_body(w, &s->u.if_.then_body);
			walk_body(w, &s->u.if_.else_body);
			break;
		case AST_FOR:
			walk_for(w, s);
			break;
		case AST_SET:
		case AST_ADD:
		case AST_REMOVE:
			walk_path(w, s->u.stmt.path);
			walk_expr(w, s->u.stmt.value);
			break;
		case AST_AMEND:
			walk_path(w, s->u.stmt.path);
			walk_body(w, &s->u.stmt.body);
			break;
		default:
			break;
		}
	}
	w->nnames = mark;
}

static void walk_expr(struct walk *w, const struct ast *e)
{
	if (!e)
		return;
	switch (e->kind) {
	case AST_NAME:
		walk_name(w, e);
		break;
	case AST_SELF:
	case AST_SITE_REF:
	case AST_SUPER:
		if (w->fleet) {
			struct diag *dg = diag_new(E0516, e->span,
				"`%s` is not visible in a function or fleet "
				"constant", e->kind == AST_SELF ? "self"
				: e->kind == AST_SITE_REF ? "site" : "super");
			diag_help(dg, "pass the value in as an argument");
			diag_emit(w->prog->sink, dg);
		}
		break;
	case AST_INTERP:
		for (uint32_t i = 0; i < e->u.interp.parts.len; i++)
			walk_expr(w, e->u.interp.parts.items[i]);
		break;
	case AST_LIST:
		for (uint32_t i = 0; i < e->u.list.items.len; i++)
			walk_expr(w, e->u.list.items.items[i]);
		break;
	case AST_LIST_FOR:
		walk_for(w, e);
		break;
	case AST_OBJECT:
		walk_body(w, &e->u.object.body);
		break;
	case AST_GET:
		walk_expr(w, e->u.get.target);
		break;
	case AST_INDEX:
		walk_expr(w, e->u.index.target);
		walk_expr(w, e->u.index.index);
		break;
	case AST_CALL:
		walk_call(w, e);
		break;
	case AST_UNARY:
	case AST_BINARY:
		walk_expr(w, e->u.op.lhs);
		walk_expr(w, e->u.op.rhs);
		break;
	case AST_COND:
		walk_expr(w, e->u.cond.cond);
		walk_expr(w, e->u.cond.then);
		walk_expr(w, e->u.cond.otherwise);
		break;
	default:
		break;
	}
}

/* Reports each cycle of calls between defs once, at its first call. */
static void check_recursion(struct program *prog, struct walk *w)
{
	uint32_t n = prog->ndecls;
	enum lazy *state = calloc(n, sizeof(*state));	/* LAZY_BUSY: on the path */
	uint32_t *path = xmalloc((n + 1) * sizeof(*path));	/* edge indexes */

	if (!state)
		arena_oom();
	for (uint32_t root = 0; root < n; root++) {
		if (prog->decls[root]->kind != D_DEF || state[root] != LAZY_NEW)
			continue;
		/* iterative DFS over edges: path holds the edge taken at each depth */
		uint32_t depth = 0, node = root;
		uint32_t *next = calloc(n, sizeof(*next));
		if (!next)
			arena_oom();
		state[node] = LAZY_BUSY;
		for (;;) {
			uint32_t e = next[node];
			while (e < w->nedges && w->edges[e].from != prog->decls[node])
				e++;
			if (e >= w->nedges) {
				state[node] = LAZY_DONE;
				if (depth == 0)
					break;
				node = w->edges[path[--depth]].from->index;
				continue;
			}
			next[node] = e + 1;
			uint32_t to = w->edges[e].to->index;
			if (state[to] == LAZY_BUSY) {
				/* the cycle: from `to` along path, then e */
				uint32_t first = depth;
				for (uint32_t k = 0; k < depth; k++)
					if (w->edges[path[k]].from->index == to) {
						first = k;
						break;
					}
				struct diag *dg = diag_new(E0510, w->edges[e].at,
					to == node ? "`%s` calls itself"
						   : "`%s` calls itself through other functions",
					prog->decls[to]->name);
				for (uint32_t k = first; k < depth; k++)
					diag_note(dg, w->edges[path[k]].at,
						  "`%s` calls `%s` here",
						  w->edges[path[k]].from->name,
						  w->edges[path[k]].to->name);
				diag_help(dg, "functions are not recursive; use a "
					      "comprehension over range(n) instead");
				diag_emit(prog->sink, dg);
				prog->decls[to]->recursive = true;
				for (uint32_t k = first; k < depth; k++)
					prog->decls[w->edges[path[k]].from->index]
						->recursive = true;
				continue;
			}
			if (state[to] == LAZY_DONE)
				continue;
			path[depth++] = e;
			state[to] = LAZY_BUSY;
			node = to;
		}
		free(next);
	}
	free(state);
	free(path);
}

bool resolve_check_names(struct program *prog)
{
	unsigned before = prog->sink->errors;
	struct walk w = { .prog = prog };

	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if (d->builtin)
			continue;
		w.nnames = 0;
		w.def = NULL;
		w.fleet = false;
		switch (d->kind) {
		case D_CONST:
			w.fleet = true;
			walk_expr(&w, d->node->u.bind.value);
			break;
		case D_DEF:
			w.fleet = true;
			w.def = d;
			for (uint32_t k = 0; k < d->node->u.def.nparams; k++)
				bind(&w, d->node->u.def.params[k].name);
			walk_expr(&w, d->node->u.def.body);
			break;
		case D_PROFILE:
		case D_SITE:
			walk_body(&w, &d->node->u.decl.body);
			break;
		case D_SCHEMA:
			for (uint32_t k = 0; k < d->node->u.decl.body.len; k++) {
				const struct ast *f = d->node->u.decl.body.items[k];
				if (f->kind == AST_FIELD)
					walk_expr(&w, f->u.field.dflt);
			}
			break;
		default:
			break;
		}
	}
	check_recursion(prog, &w);
	return prog->sink->errors == before;
}

bool resolve_check_expr(const struct program *prog, const struct ast *e)
{
	unsigned before = prog->sink->errors;
	struct walk w = { .prog = prog };

	walk_expr(&w, e);
	return prog->sink->errors == before;
}
