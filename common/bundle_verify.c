/*
 * bundle_verify.c - a bundle and fleet.json checked as a puller checks
 * them (bundle_verify.h): strict reading, sha256 per file, ed25519.
 */
#include "bundle_verify.h"
#include "reason.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int bundle_verify_read_dir(void *arg, const char *name, char **data,
			   size_t *len, char *why, size_t whysize)
{
	const char *dir = arg;
	size_t n = strlen(dir) + strlen(name) + 2;
	char *path = malloc(n);
	char *buf = NULL;
	size_t got = 0, cap = 4096;
	struct stat st;
	int fd = -1, rc = BUNDLE_VERIFY_EIO;

	*data = NULL;
	*len = 0;
	if (!path)
		return reason_code(rc, why, whysize, "out of memory");
	snprintf(path, n, "%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0 && (errno == ENOENT || errno == ENOTDIR)) {
		rc = BUNDLE_VERIFY_ENOENT;
		goto out;
	}
	if (fd < 0 || fstat(fd, &st) != 0) {
		reason_code(rc, why, whysize, "cannot open %s: %s", path,
			    strerror(errno));
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		reason_code(BUNDLE_VERIFY_EBAD, why, whysize,
			    "%s is not a regular file", path);
		rc = BUNDLE_VERIFY_EBAD;
		goto out;
	}
	for (;;) {
		if (got == cap || !buf) {
			char *more = realloc(buf, cap *= 2);

			if (!more) {
				reason_code(rc, why, whysize, "out of memory");
				goto out;
			}
			buf = more;
		}
		ssize_t r = read(fd, buf + got, cap - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			reason_code(rc, why, whysize, "cannot read %s: %s",
				    path, strerror(errno));
			goto out;
		}
		if (r == 0)
			break;
		got += (size_t)r;
		if (got > BUNDLE_VERIFY_FILE_MAX) {
			rc = reason_code(BUNDLE_VERIFY_EBAD, why, whysize,
					 "%s is larger than 256 MiB", path);
			goto out;
		}
	}
	*data = buf;
	*len = got;
	buf = NULL;
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	free(buf);
	free(path);
	return rc;
}

/* sig_data[0..siglen) (NULL: missing) is pub's signature of msg. */
static int check_sig(const char *what, const char *sig_name,
		     const char *sig_data, size_t siglen,
		     const unsigned char *pub, const char *msg, size_t len,
		     char *why, size_t whysize)
{
	unsigned char sig[DIGEST_ED25519_SIG_BYTES];
	char reason[256];

	if (!sig_data)
		return reason_code(BUNDLE_VERIFY_EBAD, why, whysize,
				   "%s is missing: %s is not signed", sig_name,
				   what);
	if (digest_sig_file_parse(sig_data, siglen, sig, reason,
				  sizeof(reason)))
		return reason_code(BUNDLE_VERIFY_EBAD, why, whysize, "%s: %s",
				   sig_name, reason);
	if (digest_ed25519_verify(pub, msg, len, sig, reason, sizeof(reason)))
		return reason_code(
		    BUNDLE_VERIFY_EBAD, why, whysize,
		    "%s: the signature of %s does not verify with "
		    "this key",
		    sig_name, what);
	return 0;
}

int bundle_verify_site(bundle_verify_read_fn read, void *arg,
		       const unsigned char *pub, struct bundle_meta **meta,
		       char *why, size_t whysize)
{
	struct bundle_meta *m = NULL;
	char *json = NULL, *data = NULL, reason[512];
	size_t len = 0, n = 0;
	int rc;

	if (meta)
		*meta = NULL;
	rc = read(arg, BUNDLE_FILE_META, &json, &len, reason, sizeof(reason));
	if (rc == BUNDLE_VERIFY_ENOENT) {
		rc = reason_code(BUNDLE_VERIFY_EBAD, why, whysize,
				 "no " BUNDLE_FILE_META ": not a bundle");
		goto out;
	}
	if (rc) {
		reason_code(rc, why, whysize, "%s", reason);
		goto out;
	}
	if (bundle_meta_read(json, len, &m, reason, sizeof(reason))) {
		rc = reason_code(BUNDLE_VERIFY_EBAD, why, whysize,
				 BUNDLE_FILE_META ": %s", reason);
		goto out;
	}
	for (size_t i = 0; i < m->nfiles; i++) {
		char sha[DIGEST_SHA256_TEXT_SIZE];

		rc = read(arg, m->files[i].name, &data, &n, reason,
			  sizeof(reason));
		if (rc == BUNDLE_VERIFY_ENOENT) {
			rc = reason_code(BUNDLE_VERIFY_EBAD, why, whysize,
					 "%s is missing", m->files[i].name);
			goto out;
		}
		if (rc) {
			reason_code(rc, why, whysize, "%s", reason);
			goto out;
		}
		if (digest_sha256_text(data, n, sha)) {
			rc = reason_code(BUNDLE_VERIFY_EIO, why, whysize,
					 "cannot hash %s", m->files[i].name);
			goto out;
		}
		if (strcmp(sha, m->files[i].sha256) != 0) {
			rc = reason_code(
			    BUNDLE_VERIFY_EBAD, why, whysize,
			    "%s: its sha256 is %s, " BUNDLE_FILE_META
			    " says %s",
			    m->files[i].name, sha, m->files[i].sha256);
			goto out;
		}
		free(data);
		data = NULL;
	}
	if (pub) {
		rc = read(arg, BUNDLE_FILE_SIG, &data, &n, reason,
			  sizeof(reason));
		if (rc && rc != BUNDLE_VERIFY_ENOENT) {
			reason_code(rc, why, whysize, "%s", reason);
			goto out;
		}
		rc = check_sig(BUNDLE_FILE_META, BUNDLE_FILE_SIG,
			       rc ? NULL : data, n, pub, json, len, why,
			       whysize);
		if (rc)
			goto out;
	}
	rc = 0;
	if (meta) {
		*meta = m;
		m = NULL;
	}
out:
	bundle_meta_free(m);
	free(json);
	free(data);
	return rc;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int bundle_verify_fleet(const char *data, size_t len, const char *sig,
			size_t siglen, const unsigned char *pub,
			int (*each)(void *arg, const char *site,
				    const char *digest),
			void *arg, char *why, size_t whysize)
{
	json_error_t jerr;
	json_t *doc, *sites, *v;
	const char *key, **names = NULL;
	size_t n = 0;
	int rc = BUNDLE_VERIFY_EBAD;

	if (pub && (rc = check_sig(FLEET_FILE_META, FLEET_FILE_SIG, sig,
				   siglen, pub, data, len, why, whysize)))
		return rc;
	rc = BUNDLE_VERIFY_EBAD;
	doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!doc)
		return reason_code(rc, why, whysize,
				   FLEET_FILE_META ": line %d: %s", jerr.line,
				   jerr.text);
	sites = json_object_get(doc, "sites");
	if (!json_is_object(doc) ||
	    !json_is_string(json_object_get(doc, "compiler")) ||
	    !json_is_object(json_object_get(doc, "source")) ||
	    !json_is_object(sites)) {
		reason_code(
		    rc, why, whysize,
		    FLEET_FILE_META
		    " is not {\"compiler\": "
		    "TEXT, \"source\": {...}, \"sites\": {NAME: DIGEST}}");
		goto out;
	}
	names = malloc((json_object_size(sites) + 1) * sizeof(*names));
	if (!names) {
		rc = reason_code(BUNDLE_VERIFY_EIO, why, whysize,
				 "out of memory");
		goto out;
	}
	json_object_foreach(sites, key, v) {
		const char *d = json_string_value(v);

		if (!d || !digest_sha256_text_valid(d, strlen(d))) {
			reason_code(rc, why, whysize,
				    FLEET_FILE_META
				    ": the digest "
				    "of site '%s' is not \"sha256:HEX\"",
				    key);
			goto out;
		}
		names[n++] = key;
	}
	qsort(names, n, sizeof(*names), cmp_str);
	for (size_t i = 0; i < n; i++) {
		const char *d = json_string_value(json_object_get(sites,
								  names[i]));

		if ((rc = each(arg, names[i], d)))
			goto out;
	}
	rc = 0;
out:
	free(names);
	json_decref(doc);
	return rc;
}
