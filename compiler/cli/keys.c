/*
 * keys.c - `sitec keygen` and `sitec verify-bundle`: the signing key pair
 * of `publish --sign-key`, and a bundle (or a whole output tree) checked
 * as a puller checks it. The work is common/keyfile.h's and
 * common/bundle_verify.h's; this file parses options and prints.
 */
#include "commands.h"

#include "bundle_verify.h"
#include "keyfile.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { ST_OK = 0, ST_BAD = 1, ST_USAGE = 2, ST_IO = 3 };

static int usage(const char *cmd, const char *msg)
{
	fprintf(stderr, "sitec: %s\nTry 'sitec %s --help'.\n", msg, cmd);
	return ST_USAGE;
}

static int print_help(const char *text)
{
	if (fputs(text, stdout) == EOF || fflush(stdout) != 0) {
		fprintf(stderr, "sitec: cannot write the output\n");
		return ST_IO;
	}
	return ST_OK;
}

/* --- sitec keygen ------------------------------------------------------------- */

static const char keygen_help[] =
	"Usage: sitec keygen KEYFILE\n"
	"\n"
	"Makes an ed25519 key pair for 'sitec publish --sign-key': the secret\n"
	"key in KEYFILE (mode 0600) and the public key in KEYFILE.pub, which\n"
	"'sitec verify-bundle --key' and the pulling sites trust. An existing\n"
	"file is never overwritten.\n"
	"\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 made, 2 usage error or a file already there, 3 I/O\n"
	"error.\n";

int cmd_keygen(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char why[512];
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		if (opt == 'h')
			return print_help(keygen_help);
		fprintf(stderr, "Try 'sitec keygen --help'.\n");
		return ST_USAGE;
	}
	if (argc - optind != 1)
		return usage("keygen", "keygen takes exactly one KEYFILE");
	rc = keyfile_generate(argv[optind], NULL, why, sizeof(why));
	if (rc) {
		fprintf(stderr, "sitec: %s\n", why);
		return rc == KEYFILE_EEXIST ? ST_USAGE : ST_IO;
	}
	printf("secret key: %s (keep it secret)\npublic key: %s.pub\n",
	       argv[optind], argv[optind]);
	return fflush(stdout) == 0 ? ST_OK : ST_IO;
}

/* --- sitec verify-bundle ------------------------------------------------------------- */

static const char verify_help[] =
	"Usage: sitec verify-bundle [--key KEYFILE.pub] DIR\n"
	"\n"
	"Checks a bundle as a pulling site does. DIR is either one site's\n"
	"bundle (a directory holding bundle.json) or a whole output tree (one\n"
	"holding fleet.json and sites/, as 'sitec compile -o' or a checkout of\n"
	"the branch of 'sitec publish' leaves it). For a bundle: bundle.json\n"
	"is read strictly and every file it lists must have its sha256. For a\n"
	"tree: fleet.json, then every site it lists, whose digest must also be\n"
	"the one fleet.json gives.\n"
	"\n"
	"  --key KEYFILE.pub   also require the signatures, made by the\n"
	"                      secret half of this key: bundle.sig over each\n"
	"                      bundle.json, fleet.sig over fleet.json\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 verified, 1 verification failed, 2 usage error or a\n"
	"bad key file, 3 I/O error.\n";

struct verify_tree {
	const char *dir;
	const unsigned char *pub;
	size_t nsites;
	char why[768];
};

static const char *status_of(int rc)
{
	return rc == BUNDLE_VERIFY_EIO ? "cannot verify" : "FAILED";
}

/* One site of a tree: its bundle, and its digest as fleet.json says. */
static int verify_tree_site(void *arg, const char *site, const char *digest)
{
	struct verify_tree *t = arg;
	size_t n = strlen(t->dir) + strlen(site) + sizeof("/sites/");
	char *dir = malloc(n), why[512];
	struct bundle_meta *m = NULL;
	int rc;

	if (!dir) {
		snprintf(t->why, sizeof(t->why), "out of memory");
		return BUNDLE_VERIFY_EIO;
	}
	snprintf(dir, n, "%s/sites/%s", t->dir, site);
	rc = bundle_verify_site(bundle_verify_read_dir, dir, t->pub, &m, why,
				sizeof(why));
	if (rc == 0 && strcmp(m->digest, digest) != 0) {
		snprintf(why, sizeof(why), "its digest is %s, fleet.json says "
			 "%s", m->digest, digest);
		rc = BUNDLE_VERIFY_EBAD;
	}
	if (rc == 0 && strcmp(m->site, site) != 0) {
		snprintf(why, sizeof(why), "bundle.json names site '%s'",
			 m->site);
		rc = BUNDLE_VERIFY_EBAD;
	}
	if (rc)
		snprintf(t->why, sizeof(t->why), "sites/%s: %s", site, why);
	else
		t->nsites++;
	bundle_meta_free(m);
	free(dir);
	return rc;
}

int cmd_verify_bundle(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "key", required_argument, NULL, 'k' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *key = NULL, *dir;
	unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES];
	char why[768];
	char *data = NULL, *sig = NULL;
	size_t len = 0, siglen = 0;
	struct bundle_meta *m = NULL;
	int opt, rc;

	while ((opt = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (opt) {
		case 'k':
			key = optarg;
			break;
		case 'h':
			return print_help(verify_help);
		default:
			fprintf(stderr, "Try 'sitec verify-bundle --help'.\n");
			return ST_USAGE;
		}
	}
	if (argc - optind != 1)
		return usage("verify-bundle", "verify-bundle takes exactly one "
			     "DIR");
	dir = argv[optind];
	if (key && (rc = keyfile_read_public(key, pub, why, sizeof(why)))) {
		fprintf(stderr, "sitec: %s\n", why);
		return rc == KEYFILE_EIO ? ST_IO : ST_USAGE;
	}
	rc = bundle_verify_read_dir((void *)dir, BUNDLE_FILE_META, &data, &len,
				    why, sizeof(why));
	if (rc == 0) {
		free(data);
		data = NULL;
		rc = bundle_verify_site(bundle_verify_read_dir, (void *)dir,
					key ? pub : NULL, &m, why, sizeof(why));
		if (rc) {
			fprintf(stderr, "sitec: %s: %s: %s\n", dir,
				status_of(rc), why);
		} else {
			printf("%s: ok: site %s, version %lld, %s%s\n", dir,
			       m->site, (long long)m->version, m->digest,
			       key ? ", signed" : "");
		}
		bundle_meta_free(m);
		goto out;
	}
	if (rc != BUNDLE_VERIFY_ENOENT) {
		fprintf(stderr, "sitec: %s: %s: %s\n", dir, status_of(rc), why);
		goto out;
	}
	rc = bundle_verify_read_dir((void *)dir, FLEET_FILE_META, &data, &len,
				    why, sizeof(why));
	if (rc == BUNDLE_VERIFY_ENOENT) {
		fprintf(stderr, "sitec: %s holds neither bundle.json nor "
			"fleet.json: not a bundle nor an output tree\n", dir);
		rc = BUNDLE_VERIFY_EBAD;
		goto out;
	}
	if (rc == 0 && key)
		rc = bundle_verify_read_dir((void *)dir, FLEET_FILE_SIG, &sig,
					    &siglen, why, sizeof(why));
	if (rc && rc != BUNDLE_VERIFY_ENOENT) {
		fprintf(stderr, "sitec: %s: %s: %s\n", dir, status_of(rc), why);
		goto out;
	}
	struct verify_tree t = { .dir = dir, .pub = key ? pub : NULL };

	rc = bundle_verify_fleet(data, len, sig, siglen, key ? pub : NULL,
				 verify_tree_site, &t, t.why, sizeof(t.why));
	if (rc)
		fprintf(stderr, "sitec: %s: %s: %s\n", dir, status_of(rc),
			t.why);
	else
		printf("%s: ok: fleet.json and %zu site%s%s\n", dir, t.nsites,
		       t.nsites == 1 ? "" : "s", key ? ", all signed" : "");
out:
	free(data);
	free(sig);
	if (fflush(stdout) != 0)
		return ST_IO;
	return rc == 0 ? ST_OK : rc == BUNDLE_VERIFY_EIO ? ST_IO : ST_BAD;
}
