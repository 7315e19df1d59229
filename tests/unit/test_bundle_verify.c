/*
 * test_bundle_verify.c - common/keyfile.h and common/bundle_verify.h: a
 * key pair on disk (modes, O_EXCL refusal, reading each half back, the
 * wrong half refused), then a signed bundle in a temporary directory
 * that verifies, and fails after one flipped byte in any of its files,
 * and a fleet.json with its fleet.sig. Links common_dep only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bundle_verify.h"
#include "keyfile.h"

static char tmp[64];

static char *path_in(const char *name)
{
	static char buf[256];

	snprintf(buf, sizeof(buf), "%s/%s", tmp, name);
	return buf;
}

static void put(const char *name, const char *data, size_t len)
{
	FILE *f = fopen(path_in(name), "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmp, sizeof(tmp), "/tmp/test_bundle_verify.XXXXXX");
	return mkdtemp(tmp) ? 0 : -1;
}

static int teardown(void **state)
{
	char cmd[128];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
	return system(cmd) == 0 ? 0 : -1;
}

static void t_keygen(void **state)
{
	unsigned char pub[DIGEST_ED25519_PUBLIC_BYTES], back[32], seed[32];
	unsigned char other[32];
	char why[512], key[256], pubpath[300];
	struct stat st;

	(void)state;
	snprintf(key, sizeof(key), "%s", path_in("k"));
	snprintf(pubpath, sizeof(pubpath), "%s.pub", key);
	assert_int_equal(keyfile_generate(key, pub, why, sizeof(why)), 0);
	assert_int_equal(stat(key, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(stat(pubpath, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	assert_int_equal(keyfile_read_public(pubpath, back, why, sizeof(why)),
			 0);
	assert_memory_equal(back, pub, sizeof(pub));
	assert_int_equal(keyfile_read_secret(key, seed, why, sizeof(why)), 0);
	assert_int_equal(digest_ed25519_public(seed, other, why, sizeof(why)),
			 0);
	assert_memory_equal(other, pub, sizeof(pub));
	/* never overwritten, either half */
	assert_int_equal(keyfile_generate(key, NULL, why, sizeof(why)),
			 KEYFILE_EEXIST);
	assert_int_equal(keyfile_read_public(pubpath, back, why, sizeof(why)),
			 0);
	assert_memory_equal(back, pub, sizeof(pub));
	put("only.pub", "x", 1);
	assert_int_equal(keyfile_generate(path_in("only"), NULL, why,
					  sizeof(why)), KEYFILE_EEXIST);
	assert_int_equal(access(path_in("only"), F_OK), -1);
	/* the wrong half, a missing file, garbage */
	assert_int_equal(keyfile_read_public(key, back, why, sizeof(why)),
			 KEYFILE_EBAD);
	assert_non_null(strstr(why, "secret key"));
	assert_int_equal(keyfile_read_secret(pubpath, seed, why, sizeof(why)),
			 KEYFILE_EBAD);
	assert_int_equal(keyfile_read_secret(path_in("nope"), seed, why,
					     sizeof(why)), KEYFILE_EBAD);
	assert_int_equal(keyfile_read_public(path_in("only.pub"), back, why,
					     sizeof(why)), KEYFILE_EBAD);
	assert_int_equal(keyfile_read_public(tmp, back, why, sizeof(why)),
			 KEYFILE_EBAD);
}

static const char *const names[] = { "api.json", "k8s.yaml", "os.json" };
static const char *const texts[] = { "{\"calls\": []}\n",
				     "kind: ConfigMap\n", "{\"a\": 1}\n" };

/* A bundle of site s in tmp/s, signed with seed; returns its digest. */
static void make_bundle(const char *s, const unsigned char *seed,
			char digest[DIGEST_SHA256_TEXT_SIZE])
{
	struct bundle_entry e[3];
	struct bundle_meta m = { .site = s, .version = 3,
				 .compiler = "sitec 0.1.0", .files = e,
				 .nfiles = 3 };
	char name[128], *json, why[256], sigtext[DIGEST_SIG_FILE_SIZE];
	unsigned char sig[DIGEST_ED25519_SIG_BYTES];
	size_t len;

	assert_int_equal(mkdir(path_in(s), 0755), 0);
	for (int i = 0; i < 3; i++) {
		e[i].name = names[i];
		assert_int_equal(digest_sha256_text(texts[i], strlen(texts[i]),
						    e[i].sha256), 0);
		snprintf(name, sizeof(name), "%s/%s", s, names[i]);
		put(name, texts[i], strlen(texts[i]));
	}
	assert_int_equal(bundle_format_digest(e, 3, m.digest, why,
					      sizeof(why)), 0);
	strcpy(digest, m.digest);
	assert_int_equal(bundle_meta_write(&m, &json, &len, why, sizeof(why)),
			 0);
	snprintf(name, sizeof(name), "%s/bundle.json", s);
	put(name, json, len);
	assert_int_equal(digest_ed25519_sign(seed, json, len, sig, why,
					     sizeof(why)), 0);
	digest_sig_file_format(sig, sigtext);
	snprintf(name, sizeof(name), "%s/bundle.sig", s);
	put(name, sigtext, strlen(sigtext));
	free(json);
}

static void flip(const char *name, size_t at)
{
	FILE *f = fopen(path_in(name), "r+b");
	int c;

	assert_non_null(f);
	assert_int_equal(fseek(f, (long)at, SEEK_SET), 0);
	c = fgetc(f);
	assert_int_not_equal(c, EOF);
	assert_int_equal(fseek(f, (long)at, SEEK_SET), 0);
	fputc(c ^ 1, f);
	assert_int_equal(fclose(f), 0);
}

static size_t size_of(const char *name)
{
	struct stat st;

	assert_int_equal(stat(path_in(name), &st), 0);
	return (size_t)st.st_size;
}

static void t_site(void **state)
{
	unsigned char seed[32], pub[32], pub2[32], seed2[32];
	char why[512], digest[DIGEST_SHA256_TEXT_SIZE], dir[256], name[128];
	static const char *const files[] = { "api.json", "k8s.yaml",
					     "os.json", "bundle.json",
					     "bundle.sig" };
	struct bundle_meta *m;

	(void)state;
	assert_int_equal(digest_ed25519_keygen(seed, pub, why, sizeof(why)),
			 0);
	assert_int_equal(digest_ed25519_keygen(seed2, pub2, why, sizeof(why)),
			 0);
	make_bundle("s", seed, digest);
	snprintf(dir, sizeof(dir), "%s", path_in("s"));
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, pub,
					    &m, why, sizeof(why)), 0);
	assert_string_equal(m->site, "s");
	assert_string_equal(m->digest, digest);
	bundle_meta_free(m);
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, NULL,
					    NULL, why, sizeof(why)), 0);
	/* another key */
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, pub2,
					    NULL, why, sizeof(why)),
			 BUNDLE_VERIFY_EBAD);
	/* one flipped byte anywhere in any file */
	for (size_t f = 0; f < sizeof(files) / sizeof(files[0]); f++) {
		snprintf(name, sizeof(name), "s/%s", files[f]);
		size_t n = size_of(name);

		for (size_t at = 0; at < n; at++) {
			flip(name, at);
			assert_int_equal(bundle_verify_site(
				bundle_verify_read_dir, dir, pub, NULL, why,
				sizeof(why)), BUNDLE_VERIFY_EBAD);
			flip(name, at);
		}
	}
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, pub,
					    NULL, why, sizeof(why)), 0);
	/* a missing file, the missing signature */
	assert_int_equal(unlink(path_in("s/bundle.sig")), 0);
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, pub,
					    NULL, why, sizeof(why)),
			 BUNDLE_VERIFY_EBAD);
	assert_non_null(strstr(why, "not signed"));
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, NULL,
					    NULL, why, sizeof(why)), 0);
	assert_int_equal(unlink(path_in("s/os.json")), 0);
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, dir, NULL,
					    NULL, why, sizeof(why)),
			 BUNDLE_VERIFY_EBAD);
	assert_non_null(strstr(why, "os.json is missing"));
	assert_int_equal(bundle_verify_site(bundle_verify_read_dir, tmp, NULL,
					    NULL, why, sizeof(why)),
			 BUNDLE_VERIFY_EBAD);
}

static int count_site(void *arg, const char *site, const char *digest)
{
	(void)site;
	(void)digest;
	++*(int *)arg;
	return 0;
}

static void t_fleet(void **state)
{
	static const char doc[] =
		"{\"compiler\": \"sitec 0.1.0\", \"source\": {}, \"version\": 2,"
		" \"sites\": {\"b\": \"sha256:"
		"0000000000000000000000000000000000000000000000000000000000000000"
		"\", \"a\": \"sha256:"
		"1111111111111111111111111111111111111111111111111111111111111111"
		"\"}}";
	unsigned char seed[32], pub[32], sig[64];
	char why[512], text[DIGEST_SIG_FILE_SIZE], bad[sizeof(doc)];
	int n = 0;

	(void)state;
	assert_int_equal(digest_ed25519_keygen(seed, pub, why, sizeof(why)),
			 0);
	assert_int_equal(digest_ed25519_sign(seed, doc, strlen(doc), sig, why,
					     sizeof(why)), 0);
	digest_sig_file_format(sig, text);
	assert_int_equal(bundle_verify_fleet(doc, strlen(doc), text,
					     strlen(text), pub, count_site, &n,
					     why, sizeof(why)), 0);
	assert_int_equal(n, 2);
	memcpy(bad, doc, sizeof(doc));
	bad[5] ^= 1;
	assert_int_equal(bundle_verify_fleet(bad, strlen(bad), text,
					     strlen(text), pub, count_site, &n,
					     why, sizeof(why)),
			 BUNDLE_VERIFY_EBAD);
	assert_int_equal(bundle_verify_fleet(doc, strlen(doc), NULL, 0, pub,
					     count_site, &n, why, sizeof(why)),
			 BUNDLE_VERIFY_EBAD);
	assert_int_equal(bundle_verify_fleet("{\"sites\": 1}", 12, NULL, 0,
					     NULL, count_site, &n, why,
					     sizeof(why)), BUNDLE_VERIFY_EBAD);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_keygen),
		cmocka_unit_test(t_site),
		cmocka_unit_test(t_fleet),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
