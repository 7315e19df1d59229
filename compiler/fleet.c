/*
 * fleet.c - walking fleet directories and parsing their files.
 */
#define _XOPEN_SOURCE 700	/* realpath */
#include "fleet.h"
#include "syntax.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct path_list {
	char **items;
	size_t len, cap;
};

static void paths_push(struct path_list *l, char *path)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->items = xrealloc(l->items, sizeof(*l->items) * l->cap);
	}
	l->items[l->len++] = path;
}

static char *join(const char *dir, const char *name)
{
	size_t a = strlen(dir), b = strlen(name);
	char *s;

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	while (a > 1 && dir[a - 1] == '/')
		a--;
	s = xmalloc(a + b + 2);
	memcpy(s, dir, a);
	s[a] = '/';
	memcpy(s + a + 1, name, b + 1);
	return s;
}

static bool has_site_suffix(const char *name)
{
	size_t n = strlen(name);

	return n > 5 && strcmp(name + n - 5, ".site") == 0;
}

static void error_at_path(struct diag_sink *sink, enum diag_code code,
			  const char *path, const char *msg,
			  const char *help, int err)
{
	struct source *pseudo = source_unread(path);
	struct diag *d;

	if (err)
		d = diag_new(code, span_make(pseudo, 0, 0), "%s: %s", msg,
			     strerror(err));
	else
		d = diag_new(code, span_make(pseudo, 0, 0), "%s", msg);
	if (help)
		diag_help(d, "%s", help);
	diag_emit(sink, d);
	source_free(pseudo);
}

/* Adds every .site file below dir to out; returns how many. */
static size_t walk(const char *dir, struct path_list *out,
		   struct diag_sink *sink)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	size_t found = 0;

	if (!d) {
		error_at_path(sink, E0002, dir, "cannot read directory",
			      "check its permissions", errno);
		return 0;
	}
	while ((e = readdir(d))) {
		struct stat st;
		char *path;

		if (e->d_name[0] == '.')
			continue;
		path = join(dir, e->d_name);
		/* lstat: a link is never a directory here, so links to
		 * directories are not followed; a link to a file, or to
		 * nowhere, named .site is read, and reported if it cannot be. */
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			found += walk(path, out, sink);
			free(path);
		} else if (has_site_suffix(e->d_name)) {
			paths_push(out, path);
			found++;
		} else {
			free(path);
		}
	}
	closedir(d);
	return found;
}

static int compare_paths(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void fleet_init(struct fleet *f)
{
	memset(f, 0, sizeof(*f));
	arena_init(&f->arena);
	intern_init(&f->names, &f->arena);
}

void fleet_free(struct fleet *f)
{
	for (size_t i = 0; i < f->nfiles; i++)
		source_free(f->files[i].src);
	free(f->files);
	intern_free(&f->names);
	arena_free(&f->arena);
}

void fleet_load(struct fleet *f, const char *const *paths, size_t npaths,
		struct diag_sink *sink)
{
	struct path_list list = { 0 };
	char **real = xmalloc((npaths ? npaths : 1) * sizeof(*real));

	for (size_t i = 0; i < npaths; i++) {
		struct stat st;
		bool seen = false;

		/* one file or directory named twice (`ex ./ex`) is read once */
		real[i] = realpath(paths[i], NULL);
		for (size_t j = 0; j < i && real[i] && !seen; j++)
			seen = real[j] && strcmp(real[i], real[j]) == 0;
		if (seen)
			continue;
		if (stat(paths[i], &st) != 0) {
			error_at_path(sink, E0001, paths[i],
				      "no such file or directory", 
				      "name a fleet directory or a .site file",
				      0);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			if (walk(paths[i], &list, sink) == 0)
				error_at_path(sink, E0003, paths[i],
					"no .site files in this directory",
					"a fleet is every *.site file below the directories given",
					0);
		} else {
			paths_push(&list, xstrdup(paths[i]));
		}
	}
	for (size_t i = 0; i < npaths; i++)
		free(real[i]);
	free(real);
	if (list.len)
		qsort(list.items, list.len, sizeof(*list.items), compare_paths);

	f->files = xmalloc(sizeof(*f->files) * (list.len ? list.len : 1));
	for (size_t i = 0; i < list.len; i++) {
		struct source *src;
		int err;

		if (i > 0 && strcmp(list.items[i], list.items[i - 1]) == 0)
			continue;
		enum source_error rc = source_load(&src, &err, list.items[i]);

		if (rc == SOURCE_ETOOBIG) {
			error_at_path(sink, E0004, list.items[i],
				      "file is larger than 256 MiB",
				      "split the fleet into smaller files", 0);
		} else if (rc == SOURCE_ENOTREG) {
			error_at_path(sink, E0002, list.items[i],
				      "not a regular file (a FIFO, a device or "
				      "a socket), or a link to one",
				      "a fleet is read from regular files only",
				      0);
		} else if (rc != SOURCE_OK) {
			error_at_path(sink, E0002, list.items[i],
				      "cannot read file",
				      rc == SOURCE_EACCES ? "check its permissions" :
				      rc == SOURCE_ENOENT ? "is it a link to a file that does not exist?" :
				      "the system could not read it; check that `cat` can, and the disk",
				      err);
		} else {
			struct fleet_file *ff = &f->files[f->nfiles++];

			ff->src = src;
			ff->ast = syntax_parse(&f->arena, &f->names, src, sink);
		}
	}
	for (size_t i = 0; i < list.len; i++)
		free(list.items[i]);
	free(list.items);
}

void fleet_load_input(struct fleet *f, const struct fleet_input *in,
		      struct diag_sink *sink)
{
	f->input = in;
	f->files = xmalloc(sizeof(*f->files) * (in->nfiles ? in->nfiles : 1));
	for (size_t i = 0; i < in->nfiles; i++) {
		struct source *src = in->load(in->arg, i, sink);

		if (src) {
			struct fleet_file *ff = &f->files[f->nfiles++];

			ff->src = src;
			ff->ast = syntax_parse(&f->arena, &f->names, src, sink);
		}
	}
}
