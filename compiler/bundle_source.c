/*
 * bundle_source.c - bundle.json re-written with a source and a version
 * (bundle_source.h), through common/bundle_format.h's reader and writer.
 */
#include "bundle_source.h"

#include "bundle.h"
#include "bundle_format.h"

#include <stdlib.h>
#include <string.h>

int bundle_source_set(struct bundle *b, const char *commit, const char *path,
		      int64_t version, char *err, size_t errsize)
{
	struct bundle_file *f = &b->files[BUNDLE_META];
	struct bundle_meta *m;
	char *data;
	size_t len;
	int rc;

	if (bundle_meta_read(f->data, f->len, &m, err, errsize))
		return -1;
	free((void *)m->source_commit);
	free((void *)m->source_path);
	m->source_commit = commit;
	m->source_path = path;
	m->version = version;
	rc = bundle_meta_write(m, &data, &len, err, errsize);
	/* the strings set above are the caller's: do not free them */
	m->source_commit = m->source_path = NULL;
	bundle_meta_free(m);
	if (rc)
		return -1;
	if (digest_sha256_text(data, len, f->sha256)) {
		free(data);
		return -1;
	}
	free(f->data);
	f->data = data;
	f->len = len;
	return 0;
}
