/*
 * resolve.c - the fleet's namespace: declarations, parents, linearization
 * (C3), each site's schema, and the names that can be checked without a
 * site (LANGUAGE.md sections 1, 3, 4, 8). It builds the struct program
 * (model.h) that eval_prepare finishes; types_build.c builds its types.
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

const char *resolve_suggest(const char *name, const char *const *cands,
			    size_t n)
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

const char *resolve_suggest_decl(const struct program *prog, const char *name,
				 unsigned kinds_mask)
{
	const char **cands = xmalloc((prog->ndecls + 1) * sizeof(*cands));
	size_t n = 0;

	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (kinds_mask & (1u << prog->decls[i]->kind))
			cands[n++] = prog->decls[i]->name;
	const char *best = resolve_suggest(name, cands, n);
	free(cands);
	return best;
}

/* --- the table ------------------------------------------------------------ */

/* The declaration called name, for the builder (which writes it). */
struct decl *resolve_decl(const struct program *prog, const char *name)
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
	return resolve_decl(prog, name);
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
	    types_is_builtin_name(d->name)) {
		struct diag *dg = diag_new(E0301, nm->span,
			"`%s` is a built-in type and cannot be declared again",
			d->name);
		diag_help(dg, "choose another name for this %s",
			  decl_kind_names[d->kind]);
		diag_emit(prog->sink, dg);
		return;
	}
	struct decl *old = resolve_decl(prog, d->name);
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

struct decl *resolve_hidden(const struct program *prog, const char *name)
{
	for (uint32_t i = 0; i < prog->ndecls; i++)
		if (prog->decls[i]->builtin && strcmp(prog->decls[i]->name, name) == 0)
			return prog->decls[i];
	return NULL;
}

/* --- parents ---------------------------------------------------------------- */


static void resolve_parents(struct program *prog, struct decl *d)
{
	const struct ast *n = d->node;

	d->parents = arena_alloc(prog->arena, (n->u.decl.nparents + 1) *
					    sizeof(*d->parents));
	d->schemas = arena_alloc(prog->arena, (n->u.decl.nparents + 1) *
					    sizeof(*d->schemas));
	for (uint32_t i = 0; i < n->u.decl.nparents; i++) {
		const struct ast_name *pn = &n->u.decl.parents[i];
		struct decl *p = resolve_decl(prog, pn->name);

		if (!p) {
			struct diag *dg = diag_new(E0302, pn->span,
						   "no profile or schema is called `%s`",
						   pn->name);
			const char *s = resolve_suggest_decl(
			    prog, pn->name,
			    d->kind == D_SCHEMA
				? DECL_MASK(D_SCHEMA)
				: DECL_MASK(D_SCHEMA) | DECL_MASK(D_PROFILE));
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

	prog->n_name = intern_name(prog->names, "name", 4);
	prog->n_k8s = intern_name(prog->names, "k8s", 3);
	prog->n_api = intern_name(prog->names, "api", 3);
	prog->n_os = intern_name(prog->names, "os", 2);
	types_build_init(prog);

	prog->prelude_src = source_from_buffer("<builtin>", prelude_text,
					     sizeof(prelude_text) - 1);
	prog->prelude = syntax_parse(prog->arena, prog->names, prog->prelude_src,
				   prog->sink);
	for (uint32_t i = 0; i < prog->prelude->u.file.decls.len; i++)
		add_decl(prog, prog->prelude->u.file.decls.items[i], true);
	types_build_builtins(prog);
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
	types_build_decls(prog);
	for (uint32_t i = 0; i < prog->ndecls; i++) {
		struct decl *d = prog->decls[i];
		if ((d->kind == D_PROFILE || d->kind == D_SITE) &&
		    d->mro_state == LAZY_DONE)
			find_schema(prog, d);
		if (d->kind == D_SITE && d->schema)
			types_build_site(prog, d);
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
	const char *best = resolve_suggest(name, c, n);
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
		const char *best = resolve_suggest(name, c, n);
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
