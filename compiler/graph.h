/*
 * graph.h - `sitec graph`: the inheritance graph of a fleet (schemas,
 * profiles and sites, an edge from each declaration to each of its
 * parents, numbered in parent order when there are several) as Graphviz
 * dot or JSON. Built from the syntax trees alone: the fleet need not
 * evaluate. When the fleet has more sites than o->collapse_over, the
 * sites with the same parents, in the same order, become one node with
 * their count.
 *
 *   dot:  digraph fleet { rankdir=BT; "site:a" -> "profile:p" [label="1"]; }
 *   json: {"nodes": [{"id", "kind", "name", "count"?, "first"?, "last"?}],
 *          "edges": [{"from", "to", "order"}]}
 *
 * Memory: *text is malloc'ed (the caller frees it). Errors of the fleet
 * (syntax) go to o->sink and give GRAPH_EFLEET, nothing rendered.
 */
#ifndef SITEC_GRAPH_H
#define SITEC_GRAPH_H

#include <stdbool.h>
#include <stddef.h>

struct diag_sink;

#define GRAPH_OPTS_VERSION 1
#define GRAPH_EFLEET 1
#define GRAPH_COLLAPSE_DEFAULT 50

struct graph_opts {
	unsigned version;		/* GRAPH_OPTS_VERSION */
	const char *const *paths;	/* fleet directories and files; */
	size_t npaths;			/* none: the current directory */
	bool json;			/* false: dot */
	size_t collapse_over;		/* 0: GRAPH_COLLAPSE_DEFAULT */
	struct diag_sink *sink;
};

int graph_render(const struct graph_opts *o, char **text, size_t *len);

#endif
