/*
 * graph.c - the inheritance graph (graph.h): the declarations of every
 * file of the fleet, in fleet order, their parents as edges; sites with
 * the same parents grouped when there are many. Text through a memstream
 * (dot) or jansson (JSON).
 */
#include "graph.h"

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "fleet.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct decl {
	const struct ast *node;
	const char *kind;		/* "schema", "profile", "site" */
	char *parents_key;		/* parents joined by '\n' (sites) */
	size_t group;			/* index of its group, collapsed */
};

struct group {
	size_t first, count;		/* in decls, sites only */
	size_t last;
};

static const char *kind_of(const struct ast *d)
{
	switch (d->kind) {
	case AST_SCHEMA:
		return "schema";
	case AST_PROFILE:
		return "profile";
	case AST_SITE:
		return "site";
	default:
		return NULL;
	}
}

/* The kind of the schema or profile called name, for an edge's end
 * ("profile" when the fleet declares no such name: resolve reports
 * that). Names are interned: equal names are the same pointer. Only
 * schemas and profiles are looked at: a site is no one's parent. */
static const char *kind_named(const struct decl *d, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (d[i].node->kind != AST_SITE &&
		    (d[i].node->u.decl.name.name == name ||
		     strcmp(d[i].node->u.decl.name.name, name) == 0))
			return d[i].kind;
	return "profile";
}

static char *parents_key(const struct ast *d)
{
	size_t len = 1;
	char *s, *p;

	for (uint32_t i = 0; i < d->u.decl.nparents; i++)
		len += strlen(d->u.decl.parents[i].name) + 1;
	p = s = xmalloc(len);
	for (uint32_t i = 0; i < d->u.decl.nparents; i++) {
		size_t l = strlen(d->u.decl.parents[i].name);

		memcpy(p, d->u.decl.parents[i].name, l);
		p[l] = '\n';
		p += l + 1;
	}
	*p = '\0';
	return s;
}

/* A dot identifier: the text quoted, '"' and '\' escaped. */
static void dot_id(FILE *f, const char *kind, const char *name)
{
	fprintf(f, "\"%s:", kind);
	for (const char *c = name; *c; c++) {
		if (*c == '"' || *c == '\\')
			fputc('\\', f);
		fputc(*c, f);
	}
	fputc('"', f);
}

static void dot_label(FILE *f, const char *text)
{
	fputc('"', f);
	for (const char *c = text; *c; c++) {
		if (*c == '"' || *c == '\\')
			fputc('\\', f);
		fputc(*c, f);
	}
	fputc('"', f);
}

int graph_render(const struct graph_opts *o, char **text, size_t *len)
{
	static const char *const here[] = { "." };
	struct fleet fleet;
	struct decl *d = NULL, *named = NULL;
	size_t nnamed = 0;
	struct group *g = NULL;
	size_t n = 0, cap = 0, ng = 0, nsites = 0;
	unsigned before = o->sink->errors;
	size_t over = o->collapse_over ? o->collapse_over
				       : GRAPH_COLLAPSE_DEFAULT;
	int rc = 0;

	*text = NULL;
	*len = 0;
	fleet_init(&fleet);
	fleet_load(&fleet, o->npaths ? o->paths : here,
		   o->npaths ? o->npaths : 1, o->sink);
	if (o->sink->errors != before) {
		rc = GRAPH_EFLEET;
		goto out;
	}
	for (size_t fi = 0; fi < fleet.nfiles; fi++) {
		const struct ast *file = fleet.files[fi].ast;

		for (uint32_t i = 0; file && i < file->u.file.decls.len; i++) {
			const struct ast *x = file->u.file.decls.items[i];
			const char *kind = kind_of(x);

			if (!kind)
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				d = xrealloc(d, cap * sizeof(*d));
			}
			d[n] = (struct decl){ x, kind, NULL, (size_t)-1 };
			if (x->kind == AST_SITE) {
				d[n].parents_key = parents_key(x);
				nsites++;
			}
			n++;
		}
	}
	named = xmalloc((n ? n : 1) * sizeof(*named));
	for (size_t i = 0; i < n; i++)
		if (d[i].node->kind != AST_SITE)
			named[nnamed++] = d[i];
	/* groups: sites with the same parents, in order of first site */
	if (nsites > over) {
		g = xmalloc((nsites ? nsites : 1) * sizeof(*g));
		for (size_t i = 0; i < n; i++) {
			size_t k;

			if (!d[i].parents_key)
				continue;
			for (k = ng; k-- > 0;)
				if (strcmp(d[g[k].first].parents_key,
					   d[i].parents_key) == 0)
					break;
			if (k == (size_t)-1) {
				k = ng++;
				g[k] = (struct group){ i, 0, i };
			}
			g[k].count++;
			g[k].last = i;
			d[i].group = k;
		}
	}
	if (o->json) {
		json_t *doc = json_object(), *nodes = json_array();
		json_t *edges = json_array();
		char id[512];

		for (size_t i = 0; i < n; i++) {
			const struct ast *x = d[i].node;
			const struct group *gr = d[i].group != (size_t)-1
				? &g[d[i].group] : NULL;
			json_t *node;

			if (gr && gr->count > 1 && gr->first != i)
				continue;	/* drawn with its group */
			if (gr && gr->count > 1) {
				snprintf(id, sizeof(id), "sites:%zu", d[i].group);
				node = json_pack("{s:s,s:s,s:I,s:s,s:s}", "id", id,
					"kind", "sites", "count",
					(json_int_t)gr->count, "first",
					x->u.decl.name.name, "last",
					d[gr->last].node->u.decl.name.name);
			} else {
				snprintf(id, sizeof(id), "%s:%s", d[i].kind,
					 x->u.decl.name.name);
				node = json_pack("{s:s,s:s,s:s}", "id", id,
						 "kind", d[i].kind, "name",
						 x->u.decl.name.name);
			}
			json_array_append_new(nodes, node);
			for (uint32_t p = 0; p < x->u.decl.nparents; p++) {
				char to[512];
				const char *pn = x->u.decl.parents[p].name;

				snprintf(to, sizeof(to), "%s:%s",
					 kind_named(named, nnamed, pn), pn);
				json_array_append_new(edges, json_pack(
					"{s:s,s:s,s:i}", "from", id, "to", to,
					"order", (int)p + 1));
			}
		}
		json_object_set_new(doc, "nodes", nodes);
		json_object_set_new(doc, "edges", edges);
		*text = json_dumps(doc, JSON_INDENT(2));
		json_decref(doc);
		if (!*text)
			arena_oom();
		*len = strlen(*text);
		*text = xrealloc(*text, *len + 2);
		(*text)[(*len)++] = '\n';
		(*text)[*len] = '\0';
		goto out;
	}
	FILE *f = open_memstream(text, len);

	if (!f)
		arena_oom();
	fputs("digraph fleet {\n  rankdir=BT;\n"
	      "  node [fontname=\"sans-serif\"];\n", f);
	for (size_t i = 0; i < n; i++) {
		const struct ast *x = d[i].node;
		const struct group *gr = d[i].group != (size_t)-1
			? &g[d[i].group] : NULL;
		char gid[64];
		bool grouped = gr && gr->count > 1;

		if (grouped && gr->first != i)
			continue;
		fputs("  ", f);
		if (grouped) {
			char label[1024];

			snprintf(gid, sizeof(gid), "%zu", d[i].group);
			snprintf(label, sizeof(label), "%zu sites\n%s ... %s",
				 gr->count, x->u.decl.name.name,
				 d[gr->last].node->u.decl.name.name);
			dot_id(f, "sites", gid);
			fputs(" [shape=box3d, label=", f);
			dot_label(f, label);
			fputs("];\n", f);
		} else {
			dot_id(f, d[i].kind, x->u.decl.name.name);
			fprintf(f, " [shape=%s, label=", x->kind == AST_SITE
				? "ellipse" : x->kind == AST_SCHEMA
				? "note" : "box");
			dot_label(f, x->u.decl.name.name);
			fputs("];\n", f);
		}
		for (uint32_t p = 0; p < x->u.decl.nparents; p++) {
			const char *pn = x->u.decl.parents[p].name;

			fputs("  ", f);
			if (grouped)
				dot_id(f, "sites", gid);
			else
				dot_id(f, d[i].kind, x->u.decl.name.name);
			fputs(" -> ", f);
			dot_id(f, kind_named(named, nnamed, pn), pn);
			if (x->u.decl.nparents > 1)
				fprintf(f, " [label=\"%u\"]", p + 1);
			fputs(";\n", f);
		}
	}
	fputs("}\n", f);
	if (fclose(f) != 0)
		arena_oom();
out:
	for (size_t i = 0; i < n; i++)
		free(d[i].parents_key);
	free(d);
	free(named);
	free(g);
	fleet_free(&fleet);
	return rc;
}
