/*
 * keys.c - `sitec keygen` and `sitec verify-bundle`: the signing key pair
 * of `publish --sign-key`, and a bundle (or a whole output tree) checked
 * as a puller checks it. The work is common/keyfile.h's and
 * common/bundle_verify.h's; this file parses options and prints.
 */
#include "commands.h"

#include "bundle_verify.h"
#include "gitsrc.h"
#include "keyfile.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
	"       sitec verify-bundle [--key KEYFILE.pub] [--repo DIR] REV:PATH\n"
	"\n"
	"Checks a bundle as a pulling site does. DIR is either one site's\n"
	"bundle (a directory holding bundle.json) or a whole output tree (one\n"
	"holding fleet.json and sites/, as 'sitec compile -o' or a checkout of\n"
	"the branch of 'sitec publish' leaves it). For a bundle: bundle.json\n"
	"is read strictly and every file it lists must have its sha256. For a\n"
	"tree: fleet.json, then every site it lists, whose digest must also be\n"
	"the one fleet.json gives. REV:PATH reads the same from a git revision\n"
	"(PATH from the repository's root, as git takes it: deploy:sites/NAME,\n"
	"or deploy: for the whole branch), without a checkout.\n"
	"\n"
	"  --key KEYFILE.pub   also require the signatures, made by the\n"
	"                      secret half of this key: bundle.sig over each\n"
	"                      bundle.json, fleet.sig over fleet.json\n"
	"  --repo DIR          the repository of REV:PATH (default: the one\n"
	"                      that holds the current directory)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 verified, 1 verification failed, 2 usage error or a\n"
	"bad key file, 3 I/O error.\n";

/* Where a bundle's files are: a directory, or a directory of a git
 * revision's tree (g not NULL; dir relative to what g opened). */
struct where {
	struct gitsrc *g;
	const char *dir;
};

static int read_where(void *arg, const char *name, char **data, size_t *len,
		      char *why, size_t whysize)
{
	const struct where *w = arg;
	size_t n;
	char *path;
	int rc;

	if (!w->g)
		return bundle_verify_read_dir((void *)w->dir, name, data, len,
					      why, whysize);
	n = strlen(w->dir) + strlen(name) + 2;
	if (!(path = malloc(n)))
		return BUNDLE_VERIFY_EIO;
	snprintf(path, n, "%s%s%s", w->dir, w->dir[0] ? "/" : "", name);
	rc = gitsrc_read(w->g, path, data, len, why, whysize);
	free(path);
	return rc == -2 ? BUNDLE_VERIFY_ENOENT
	       : rc ? BUNDLE_VERIFY_EIO : 0;
}

struct verify_tree {
	struct gitsrc *g;
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
	if (t->g)
		snprintf(dir, n, "%s%ssites/%s", t->dir, t->dir[0] ? "/" : "",
			 site);
	else
		snprintf(dir, n, "%s/sites/%s", t->dir, site);
	struct where w = { t->g, dir };

	rc = bundle_verify_site(read_where, &w, t->pub, &m, why, sizeof(why));
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
		{ "repo", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *key = NULL, *repo = NULL, *dir;
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
		case 'r':
			repo = optarg;
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
	/* REV:PATH (git's form: PATH from the repository's root) when it is
	 * not a directory here */
	struct stat st;
	struct where w = { NULL, dir };
	const char *colon = strchr(dir, ':');
	char *rev = NULL;

	if (colon && stat(dir, &st) != 0) {
		rev = strndup(dir, (size_t)(colon - dir));
		rc = rev ? gitsrc_open_dir(&w.g, repo, rev, colon + 1, why,
					   sizeof(why)) : GITSRC_EIO;
		free(rev);
		if (rc) {
			fprintf(stderr, "sitec: %s\n", why);
			return rc == GITSRC_EIO ? ST_IO : ST_USAGE;
		}
		w.dir = "";
	} else if (repo) {
		return usage("verify-bundle", "--repo goes with REV:PATH");
	}
	rc = read_where(&w, BUNDLE_FILE_META, &data, &len, why, sizeof(why));
	if (rc == 0) {
		free(data);
		data = NULL;
		rc = bundle_verify_site(read_where, &w, key ? pub : NULL, &m,
					why, sizeof(why));
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
	rc = read_where(&w, FLEET_FILE_META, &data, &len, why, sizeof(why));
	if (rc == BUNDLE_VERIFY_ENOENT) {
		fprintf(stderr, "sitec: %s holds neither bundle.json nor "
			"fleet.json: not a bundle nor an output tree\n", dir);
		rc = BUNDLE_VERIFY_EBAD;
		goto out;
	}
	if (rc == 0 && key)
		rc = read_where(&w, FLEET_FILE_SIG, &sig, &siglen, why,
				sizeof(why));
	if (rc && rc != BUNDLE_VERIFY_ENOENT) {
		fprintf(stderr, "sitec: %s: %s: %s\n", dir, status_of(rc), why);
		goto out;
	}
	struct verify_tree t = { .g = w.g, .dir = w.g ? "" : dir,
				 .pub = key ? pub : NULL };

	rc = bundle_verify_fleet(data, len, sig, siglen, key ? pub : NULL,
				 verify_tree_site, &t, t.why, sizeof(t.why));
	if (rc)
		fprintf(stderr, "sitec: %s: %s: %s\n", dir, status_of(rc),
			t.why);
	else
		printf("%s: ok: fleet.json and %zu site%s%s\n", dir, t.nsites,
		       t.nsites == 1 ? "" : "s", key ? ", all signed" : "");
out:
	gitsrc_free(w.g);
	free(data);
	free(sig);
	if (fflush(stdout) != 0)
		return ST_IO;
	return rc == 0 ? ST_OK : rc == BUNDLE_VERIFY_EIO ? ST_IO : ST_BAD;
}
