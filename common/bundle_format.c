/*
 * bundle_format.c - the digest rule and bundle.json, written and read
 * through jansson (bundle_format.h).
 */
#include "bundle_format.h"

#include "formats.h"
#include "reason.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The files a bundle holds besides bundle.json, in byte order. */
static const char *const bundle_files[] = {
	BUNDLE_FILE_API, BUNDLE_FILE_K8S, BUNDLE_FILE_OS,
};
#define NBUNDLE_FILES (sizeof(bundle_files) / sizeof(bundle_files[0]))

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct bundle_entry *)a)->name,
		      ((const struct bundle_entry *)b)->name);
}

/* The n entries sorted by name, malloc'ed; NULL without memory. */
static struct bundle_entry *sorted_copy(const struct bundle_entry *e,
					size_t n)
{
	struct bundle_entry *s = malloc((n ? n : 1) * sizeof(*s));

	if (!s)
		return NULL;
	if (n)
		memcpy(s, e, n * sizeof(*s));
	qsort(s, n, sizeof(*s), cmp_entry);
	return s;
}

int bundle_format_digest(const struct bundle_entry *files, size_t n,
			 char out[DIGEST_SHA256_TEXT_SIZE], char *why,
			 size_t whysize)
{
	struct bundle_entry *s = sorted_copy(files, n);
	size_t cap = 1, len = 0;
	char *list = NULL;
	int rc = -1;

	if (!s)
		return reason_fail(why, whysize, "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (!digest_sha256_text_valid(s[i].sha256,
					      strlen(s[i].sha256))) {
			reason_fail(why, whysize,
				    "the sha256 of %s is not "
				    "\"sha256:\" and 64 lowercase hex digits",
				    s[i].name);
			goto out;
		}
		cap += strlen(s[i].name) + 1 + DIGEST_SHA256_TEXT_SIZE;
	}
	if (!(list = malloc(cap))) {
		reason_fail(why, whysize, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(s[i].name, BUNDLE_FILE_META) != 0)
			len += (size_t)sprintf(list + len, "%s %s\n", s[i].name,
					       s[i].sha256);
	rc = digest_sha256_text(list, len, out);
	if (rc)
		reason_fail(why, whysize, "out of memory");
out:
	free(list);
	free(s);
	return rc;
}

/* --- writing ------------------------------------------------------------- */

/* Sets key to v, which it takes; false when either is NULL. */
static bool set_new(json_t *obj, const char *key, json_t *v)
{
	return obj && v && json_object_set_new(obj, key, v) == 0;
}

int bundle_meta_write(const struct bundle_meta *m, char **out, size_t *len,
		      char *why, size_t whysize)
{
	struct bundle_entry *s = sorted_copy(m->files, m->nfiles);
	json_t *doc = json_object(), *source = json_object(),
	       *files = json_object();
	bool ok = s != NULL;
	char *text = NULL;

	for (size_t i = 0; ok && i < m->nfiles; i++)
		ok = set_new(files, s[i].name, json_string(s[i].sha256));
	if (ok && m->source_commit)
		ok = set_new(source, "commit", json_string(m->source_commit));
	if (ok && m->source_path)
		ok = set_new(source, "path", json_string(m->source_path));
	ok = ok && set_new(doc, "site", json_string(m->site)) &&
	     set_new(doc, "version", json_integer(m->version)) &&
	     set_new(doc, "compiler", json_string(m->compiler)) &&
	     set_new(doc, "source", json_incref(source)) &&
	     set_new(doc, "files", json_incref(files)) &&
	     set_new(doc, "digest", json_string(m->digest));
	if (ok)
		text = json_dumps(doc, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(doc);
	json_decref(source);
	json_decref(files);
	free(s);
	if (!text)
		return reason_fail(why, whysize,
				   "out of memory (or a string that "
				   "is not UTF-8)");
	*len = strlen(text);
	*out = malloc(*len + 2);
	if (!*out) {
		free(text);
		return reason_fail(why, whysize, "out of memory");
	}
	memcpy(*out, text, *len);
	(*out)[(*len)++] = '\n';
	(*out)[*len] = 0;
	free(text);
	return 0;
}

/* --- reading ------------------------------------------------------------- */

static bool is_lower_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

/* A strdup that owns its result in the meta's sense. */
static const char *copy(const char *s)
{
	size_t n = strlen(s) + 1;
	char *p = malloc(n);

	if (p)
		memcpy(p, s, n);
	return p;
}

/* Refuses a key of obj not among the n names. */
static int only_keys(json_t *obj, const char *what, const char *const *names,
		     size_t n, char *why, size_t whysize)
{
	const char *key;
	json_t *v;

	json_object_foreach(obj, key, v) {
		size_t i = 0;

		while (i < n && strcmp(key, names[i]) != 0)
			i++;
		if (i == n)
			return reason_fail(why, whysize,
					   "%s has an unknown key "
					   "\"%.64s\"",
					   what, key);
	}
	return 0;
}

/* obj[key] as a string (required), into *out (a copy). */
static int get_string(json_t *obj, const char *key, const char *what,
		      const char **out, char *why, size_t whysize)
{
	json_t *v = json_object_get(obj, key);

	if (!v)
		return reason_fail(why, whysize, "%s has no \"%s\"", what, key);
	if (!json_is_string(v))
		return reason_fail(why, whysize, "\"%s\" of %s is not a string",
				   key, what);
	if (!(*out = copy(json_string_value(v))))
		return reason_fail(why, whysize, "out of memory");
	return 0;
}

static int read_source(json_t *doc, struct bundle_meta *m, char *why,
		       size_t whysize)
{
	static const char *const keys[] = { "commit", "path" };
	json_t *src = json_object_get(doc, "source");

	if (!src)
		return reason_fail(why, whysize,
				   "bundle.json has no \"source\"");
	if (!json_is_object(src))
		return reason_fail(why, whysize, "\"source\" is not an object");
	if (only_keys(src, "\"source\"", keys, 2, why, whysize))
		return -1;
	if (json_object_get(src, "commit")) {
		if (get_string(src, "commit", "\"source\"", &m->source_commit,
			       why, whysize))
			return -1;
		size_t n = strlen(m->source_commit);
		if ((n != 40 && n != 64) || !is_lower_hex(m->source_commit, n))
			return reason_fail(why, whysize,
					   "the source commit is not "
					   "40 or 64 lowercase hex digits");
	}
	if (json_object_get(src, "path") &&
	    get_string(src, "path", "\"source\"", &m->source_path, why,
		       whysize))
		return -1;
	return 0;
}

static int read_files(json_t *doc, struct bundle_meta *m, char *why,
		      size_t whysize)
{
	json_t *files = json_object_get(doc, "files");
	const char *key;
	json_t *v;

	if (!files)
		return reason_fail(why, whysize,
				   "bundle.json has no \"files\"");
	if (!json_is_object(files))
		return reason_fail(why, whysize, "\"files\" is not an object");
	if (only_keys(files, "\"files\"", bundle_files, NBUNDLE_FILES, why,
		      whysize))
		return -1;
	m->files = calloc(NBUNDLE_FILES, sizeof(*m->files));
	if (!m->files)
		return reason_fail(why, whysize, "out of memory");
	json_object_foreach(files, key, v) {
		struct bundle_entry *e = &m->files[m->nfiles];
		const char *s = json_string_value(v);

		/* the names are bundle_files' (only_keys): valid file names */
		if (!format_file_name_valid(key, strlen(key), NULL))
			return reason_fail(why, whysize,
					   "\"%.64s\" in \"files\" is "
					   "not a file name",
					   key);
		if (!s || !digest_sha256_text_valid(s, json_string_length(v)))
			return reason_fail(
			    why, whysize,
			    "the sha256 of %s is not "
			    "\"sha256:\" and 64 lowercase hex digits",
			    key);
		if (!(e->name = copy(key)))
			return reason_fail(why, whysize, "out of memory");
		memcpy(e->sha256, s, DIGEST_SHA256_TEXT_SIZE);
		m->nfiles++;
	}
	for (size_t i = 0; i < NBUNDLE_FILES; i++)
		if (!json_object_get(files, bundle_files[i]))
			return reason_fail(why, whysize, "\"files\" has no %s",
					   bundle_files[i]);
	qsort(m->files, m->nfiles, sizeof(*m->files), cmp_entry);
	return 0;
}

static int read_doc(json_t *doc, struct bundle_meta *m, char *why,
		    size_t whysize)
{
	static const char *const keys[] = {
		"site", "version", "compiler", "source", "files", "digest",
	};
	char digest[DIGEST_SHA256_TEXT_SIZE];
	const char *text = NULL;
	json_t *v;
	int rc;

	if (!json_is_object(doc))
		return reason_fail(why, whysize,
				   "bundle.json is not an object");
	if (only_keys(doc, "bundle.json", keys, sizeof(keys) / sizeof(keys[0]),
		      why, whysize) ||
	    get_string(doc, "site", "bundle.json", &m->site, why, whysize))
		return -1;
	if (!format_file_name_valid(m->site, strlen(m->site), NULL) ||
	    m->site[0] == '.')
		return reason_fail(why, whysize,
				   "the site name \"%.64s\" cannot be a "
				   "directory name",
				   m->site);
	v = json_object_get(doc, "version");
	if (!v)
		return reason_fail(why, whysize,
				   "bundle.json has no \"version\"");
	if (!json_is_integer(v) || json_integer_value(v) < 0)
		return reason_fail(why, whysize,
				   "\"version\" is not an integer of "
				   "0 or more");
	m->version = json_integer_value(v);
	if (get_string(doc, "compiler", "bundle.json", &m->compiler, why,
		       whysize) ||
	    read_source(doc, m, why, whysize) ||
	    read_files(doc, m, why, whysize) ||
	    get_string(doc, "digest", "bundle.json", &text, why, whysize))
		return -1;
	rc = 0;
	if (!digest_sha256_text_valid(text, strlen(text)))
		rc = reason_fail(why, whysize,
				 "\"digest\" is not \"sha256:\" and 64 "
				 "lowercase hex digits");
	else if (bundle_format_digest(m->files, m->nfiles, digest, why,
				      whysize))
		rc = -1;
	else if (strcmp(digest, text) != 0)
		rc = reason_fail(why, whysize,
				 "\"digest\" is not the digest of the "
				 "files it lists (%s)",
				 digest);
	else
		memcpy(m->digest, text, DIGEST_SHA256_TEXT_SIZE);
	free((void *)text);
	return rc;
}

int bundle_meta_read(const char *data, size_t len, struct bundle_meta **out,
		     char *why, size_t whysize)
{
	struct bundle_meta *m;
	json_error_t jerr;
	json_t *doc;
	int rc;

	*out = NULL;
	if (len > BUNDLE_META_MAX)
		return reason_fail(why, whysize,
				   "bundle.json is %zu bytes, more "
				   "than %zu",
				   len, BUNDLE_META_MAX);
	doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return reason_fail(why, whysize,
				   "bundle.json is not JSON: %s (line "
				   "%d, column %d)",
				   jerr.text, jerr.line, jerr.column);
	m = calloc(1, sizeof(*m));
	if (!m) {
		json_decref(doc);
		return reason_fail(why, whysize, "out of memory");
	}
	rc = read_doc(doc, m, why, whysize);
	json_decref(doc);
	if (rc) {
		bundle_meta_free(m);
		return -1;
	}
	*out = m;
	return 0;
}

void bundle_meta_free(struct bundle_meta *m)
{
	if (!m)
		return;
	free((void *)m->site);
	free((void *)m->compiler);
	free((void *)m->source_commit);
	free((void *)m->source_path);
	for (size_t i = 0; i < m->nfiles; i++)
		free((void *)m->files[i].name);
	free(m->files);
	free(m);
}
