/*
 * eval_report.c - the evaluator's diagnostics: reporting into the current
 * site's buffer or the fleet's sink, paths and values as text, and the
 * buffer of site diagnostics that reports each one once with the number
 * and names of the sites it occurred in (eval_finish), also after workers
 * joined (eval_join).
 */
#include "eval_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --- reporting ------------------------------------------------------------ */

struct diag_sink *eval_sink(struct evaluator *ev)
{
	return ev->cur ? &ev->site_sink : ev->sink;
}

void eval_report(struct evaluator *ev, struct diag *d)
{
	if (ev->cur)
		ev->cur->failed = true;
	diag_emit(eval_sink(ev), d);
}

void eval_error_at(struct evaluator *ev, enum diag_code code,
		   struct span span, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	eval_report(ev, diag_new(code, span, "%s", buf));
}

struct span eval_op_span(const struct op *op)
{
	static const struct span none;
	return op && op->stmt ? op->stmt->span : none;
}

const char *eval_brief(struct evaluator *ev, const struct value *v)
{
	return v ? value_brief(ev->alloc, v, 60) : "(unset)";
}

/* --- paths and values as text ------------------------------------------- */

static bool is_ident(const char *s, size_t len)
{
	if (!len || !(s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z') ||
		      (s[0] >= 'A' && s[0] <= 'Z')))
		return false;
	for (size_t i = 1; i < len; i++) {
		char c = s[i];
		if (!(c == '_' || c == '-' || (c >= 'a' && c <= 'z') ||
		      (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return false;
	}
	return true;
}

void eval_path_append_key(char **buf, size_t *len, size_t *cap, const char *key,
			  size_t keylen)
{
	size_t need = keylen * 2 + 8;

	while (*len + need >= *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*buf = xrealloc(*buf, *cap);
	}
	char *p = *buf + *len;
	if (*len)
		*p++ = '.';
	if (is_ident(key, keylen)) {
		memcpy(p, key, keylen);
		p += keylen;
	} else {
		*p++ = '"';
		for (size_t i = 0; i < keylen; i++) {
			if (key[i] == '"' || key[i] == '\\')
				*p++ = '\\';
			*p++ = key[i];
		}
		*p++ = '"';
	}
	*p = 0;
	*len = (size_t)(p - *buf);
}

const char *eval_slot_path(struct evaluator *ev, const struct slot *s)
{
	const struct slot *chain[PATH_MAX_DEPTH + 1];
	size_t n = 0;
	const struct slot *x = s;

	for (; x && x->parent && n < PATH_MAX_DEPTH; x = x->parent)
		chain[n++] = x;
	/* a slot of an object literal evaluated on its own, not of the site */
	bool literal = !ev->cur || x != ev->cur->root;
	if (n == 0)
		return literal ? "{...}" : "the site";
	char *buf = NULL;
	size_t len = 0, cap = 0;
	if (literal) {
		buf = xmalloc(cap = 64);
		memcpy(buf, "{...}", 6);
		len = 5;
	}
	while (n--)
		eval_path_append_key(&buf, &len, &cap, chain[n]->key,
				     chain[n]->keylen);
	char *out = arena_strndup(ev->alloc, buf, len);
	free(buf);
	return out;
}

const char *eval_tnode_path(struct evaluator *ev, const struct tnode *t)
{
	const struct tnode *chain[PATH_MAX_DEPTH + 1];
	size_t n = 0;

	for (; t && t->parent && n < PATH_MAX_DEPTH; t = t->parent)
		chain[n++] = t;
	if (n == 0)
		return "the site";
	char *buf = NULL;
	size_t len = 0, cap = 0;
	while (n--)
		eval_path_append_key(&buf, &len, &cap, chain[n]->key,
				     chain[n]->keylen);
	char *out = arena_strndup(ev->arena, buf, len);
	free(buf);
	return out;
}

const char *eval_a_kind(enum value_kind k)
{
	switch (k) {
	case V_NULL: return "null";
	case V_BOOL: return "a bool";
	case V_INT: return "an int";
	case V_FLOAT: return "a float";
	case V_STRING: return "a string";
	case V_LIST: return "a list";
	case V_OBJECT: return "an object";
	case V_SECRET: return "a secret";
	}
	return "a value";
}

const char *const eval_op_text[] = {
	[OP_NEG] = "-", [OP_NOT] = "!", [OP_ADD] = "+", [OP_SUB] = "-",
	[OP_MUL] = "*", [OP_DIV] = "/", [OP_MOD] = "%", [OP_EQ] = "==",
	[OP_NE] = "!=", [OP_LT] = "<", [OP_LE] = "<=", [OP_GT] = ">",
	[OP_GE] = ">=", [OP_AND] = "&&", [OP_OR] = "||",
};

struct value *eval_secret_misuse(struct evaluator *ev, struct span span,
				 const char *where)
{
	struct diag *d = diag_new(E0515, span,
		"a secret cannot be used %s: it would be emitted as plain text",
		where);
	diag_help(d, "a secret can only be a whole value, such as "
		     "`psk = secret(\"vault:...\")`");
	eval_report(ev, d);
	return NULL;
}

/* --- diagnostics of sites: once each, with the sites they affect ----- */

static struct diag *diag_clone(const struct diag *d)
{
	struct diag *c = diag_new(d->code, d->span, "%s", d->message);

	c->severity = d->severity;
	if (d->help)
		diag_help(c, "%s", d->help);
	for (size_t i = 0; i < d->nnotes; i++)
		diag_note(c, d->notes[i].span, "%s", d->notes[i].message);
	return c;
}

static uint32_t diag_hash(const struct diag *d, bool any_span)
{
	uint32_t h = intern_hash(d->message, strlen(d->message));

	if (!any_span)
		h ^= ptr_hash(d->span.src) + d->span.start * 2654435761u;
	return h + d->code;
}

static bool diag_same(const struct diag *a, const struct diag *b,
		      bool any_span)
{
	return a->code == b->code &&
	       (any_span || (a->span.src == b->span.src &&
			     a->span.start == b->span.start &&
			     a->span.end == b->span.end)) &&
	       strcmp(a->message, b->message) == 0 &&
	       (a->help == b->help ||
		(a->help && b->help && strcmp(a->help, b->help) == 0));
}

/* The pending diagnostic like d, added (with no site yet) if new. */
static struct pending_diag *pending_of(struct evaluator *ev, struct diag *d,
				       bool any_span, bool clone, bool *added)
{
	uint32_t h = diag_hash(d, any_span);

	*added = false;
	if ((ev->npending + 1) * 2 > ev->pending_index_cap) {
		uint32_t cap = ev->pending_index_cap ? ev->pending_index_cap * 2
						     : 64;
		uint32_t *idx = calloc(cap, sizeof(*idx));
		if (!idx)
			arena_oom();
		for (uint32_t i = 0; i < ev->npending; i++) {
			uint32_t j = ev->pending[i].hash & (cap - 1);
			while (idx[j])
				j = (j + 1) & (cap - 1);
			idx[j] = i + 1;
		}
		free(ev->pending_index);
		ev->pending_index = idx;
		ev->pending_index_cap = cap;
	}
	uint32_t j = h & (ev->pending_index_cap - 1);
	for (; ev->pending_index[j]; j = (j + 1) & (ev->pending_index_cap - 1)) {
		struct pending_diag *p = &ev->pending[ev->pending_index[j] - 1];
		if (p->hash == h && p->any_span == any_span &&
		    diag_same(p->d, d, any_span))
			return p;
	}
	if (ev->npending == ev->pending_cap) {
		ev->pending_cap = ev->pending_cap ? ev->pending_cap * 2 : 16;
		ev->pending = xrealloc(ev->pending,
				       ev->pending_cap * sizeof(*ev->pending));
	}
	struct pending_diag *p = &ev->pending[ev->npending];
	memset(p, 0, sizeof(*p));
	p->d = clone ? diag_clone(d) : d;
	p->hash = h;
	p->any_span = any_span;
	p->first_site = p->last_site = NO_SITE;
	p->serial = ev->pending_serial++;
	ev->pending_index[j] = ++ev->npending;
	*added = true;
	return p;
}

void eval_buffer_emit(struct diag_sink *sink, const struct diag *d)
{
	struct evaluator *ev = (struct evaluator *)((char *)sink -
					offsetof(struct evaluator, site_sink));
	/* a mistake the same in many sites though it points at each one's
	 * declaration (a required field they all lack) has d->per_site:
	 * reported at the first, with the count */
	uint32_t site = ev->cur ? ev->cur->index : NO_SITE;
	bool added;
	struct pending_diag *p = pending_of(ev, (struct diag *)d, d->per_site,
					    true, &added);

	if (site == NO_SITE || p->last_site == site)
		return;
	/* this evaluator's sites come in ascending order */
	if (p->first_site == NO_SITE)
		p->first_site = site;
	if (p->nsites < SITES_NAMED)
		p->sites[p->nsites++] = site;
	p->last_site = site;
	p->total++;
}

/* Reported in the order of the sources: by file, then place in it. */
static int pending_cmp(const void *pa, const void *pb)
{
	const struct pending_diag *a = pa, *b = pb;
	const struct span *x = &a->d->span, *y = &b->d->span;

	if (x->src != y->src) {
		if (!x->src || !y->src)
			return x->src ? -1 : 1;
		int c = strcmp(x->src->path, y->src->path);
		if (c)
			return c;
	}
	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (a->d->code != b->d->code)
		return a->d->code < b->d->code ? -1 : 1;
	/* fleet-level ones (NO_SITE) last, as they were reported last */
	if (a->first_site != b->first_site)
		return a->first_site < b->first_site ? -1 : 1;
	return a->serial < b->serial ? -1 : a->serial > b->serial;
}

void eval_finish(struct evaluator *ev)
{
	if (ev->npending > 1)
		qsort(ev->pending, ev->npending, sizeof(*ev->pending),
		      pending_cmp);
	for (uint32_t i = 0; i < ev->npending; i++) {
		struct pending_diag *p = &ev->pending[i];
		const struct decl *only = p->total == 1
			? ev->prog->sites[p->sites[0]] : NULL;
		bool own = only && p->d->span.src == only->node->span.src &&
			   p->d->span.start >= only->node->span.start &&
			   p->d->span.start < only->node->span.end;
		if (p->total > 1) {
			/* site names have no length limit */
			size_t size = 1;
			for (uint32_t k = 0; k < p->nsites; k++)
				size += strlen(ev->prog->sites[p->sites[k]]->name) + 2;
			char *names = xmalloc(size), *at = names;
			*at = 0;
			for (uint32_t k = 0; k < p->nsites; k++)
				at += sprintf(at, "%s%s", k ? ", " : "",
					      ev->prog->sites[p->sites[k]]->name);
			diag_note(p->d, (struct span){ 0 },
				  "in %zu sites: %s%s", p->total, names,
				  p->total > p->nsites ? ", ..." : "");
			free(names);
		} else if (p->total == 1 && !own) {
			diag_note(p->d, (struct span){ 0 },
				  "in site %s", only->name);
		}
		diag_emit(ev->sink, p->d);
	}
	ev->npending = 0;
	ev->pending_serial = 0;
	if (ev->pending_index)
		memset(ev->pending_index, 0,
		       ev->pending_index_cap * sizeof(*ev->pending_index));
}

/* --- workers' diagnostics --------------------------------------------- */

void eval_join(struct evaluator *ev, struct evaluator *w)
{
	for (uint32_t i = 0; i < w->npending; i++) {
		struct pending_diag *q = &w->pending[i];
		bool added;
		struct pending_diag *p = pending_of(ev, q->d, q->any_span,
						    false, &added);

		if (added) {
			uint32_t serial = p->serial;
			*p = *q;
			p->serial = serial;
			if (q->first_site != NO_SITE)	/* see pending_cmp */
				p->serial = q->serial;
			continue;
		}
		if (q->first_site == NO_SITE) {
			diag_free(q->d);
			continue;
		}
		/* the two evaluated different sites: merge the first ones */
		uint32_t merged[SITES_NAMED], n = 0, a = 0, b = 0;
		while (n < SITES_NAMED && (a < p->nsites || b < q->nsites))
			merged[n++] = b >= q->nsites ||
				(a < p->nsites && p->sites[a] < q->sites[b])
				? p->sites[a++] : q->sites[b++];
		memcpy(p->sites, merged, sizeof(merged));
		p->nsites = n;
		if (p->first_site == NO_SITE || q->first_site < p->first_site) {
			/* the first site's own (any_span: its place) */
			struct diag *t = p->d;
			p->d = q->d;
			q->d = t;
			p->first_site = q->first_site;
			p->serial = q->serial;
		}
		diag_free(q->d);
		p->total += q->total;
	}
	w->npending = 0;
	eval_free(w);
}
