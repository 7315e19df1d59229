/*
 * test_digest.c - common/digest.h: sha256 known vectors (one shot and
 * streamed in pieces), hex, base64 round trips and strict rejects,
 * ed25519 against RFC 8032's test vector 1 (the exact signature, verify,
 * one flipped bit fails), a fresh key pair, and the key and signature
 * files: round trip and every malformed form. Links common_dep only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "digest.h"

static void unhex(const char *hex, unsigned char *out)
{
	for (size_t i = 0; hex[2 * i]; i++) {
		unsigned v;

		assert_int_equal(sscanf(hex + 2 * i, "%2x", &v), 1);
		out[i] = (unsigned char)v;
	}
}

static void t_sha256_vectors(void **state)
{
	static const struct {
		const char *in, *hex;
	} v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
	};
	char text[DIGEST_SHA256_TEXT_SIZE], want[DIGEST_SHA256_TEXT_SIZE];
	unsigned char raw[DIGEST_SHA256_BYTES], wantraw[DIGEST_SHA256_BYTES];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		snprintf(want, sizeof(want), "sha256:%s", v[i].hex);
		assert_int_equal(digest_sha256_text(v[i].in, strlen(v[i].in),
						    text), 0);
		assert_string_equal(text, want);
		assert_true(digest_sha256_text_valid(text, strlen(text)));
		assert_int_equal(digest_sha256(v[i].in, strlen(v[i].in), raw),
				 0);
		unhex(v[i].hex, wantraw);
		assert_memory_equal(raw, wantraw, sizeof(raw));
	}
}

static void t_sha256_stream(void **state)
{
	char *a = malloc(1000000);
	unsigned char raw[DIGEST_SHA256_BYTES], want[DIGEST_SHA256_BYTES];
	struct digest_sha256_stream *st = digest_sha256_new();

	(void)state;
	assert_non_null(a);
	assert_non_null(st);
	memset(a, 'a', 1000000);
	/* a million 'a' in uneven pieces */
	for (size_t off = 0, step = 1; off < 1000000; off += step, step *= 3) {
		size_t n = off + step > 1000000 ? 1000000 - off : step;

		assert_int_equal(digest_sha256_update(st, a + off, n), 0);
	}
	assert_int_equal(digest_sha256_final(st, raw), 0);
	unhex("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
	      want);
	assert_memory_equal(raw, want, sizeof(raw));
	assert_int_equal(digest_sha256(a, 1000000, raw), 0);
	assert_memory_equal(raw, want, sizeof(raw));
	free(a);
	digest_sha256_free(digest_sha256_new());	/* abandoned */
	digest_sha256_free(NULL);
}

static void t_sha256_text_valid(void **state)
{
	static const char *const bad[] = {
		"", "sha256:",
		"sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855",
		"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85",
		"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555",
		"sha512:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"sha256:g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_false(digest_sha256_text_valid(bad[i], strlen(bad[i])));
}

static void t_hex(void **state)
{
	static const unsigned char in[] = { 0x00, 0x01, 0x7f, 0x80, 0xab, 0xff };
	char out[2 * sizeof(in) + 1];

	(void)state;
	digest_hex(in, sizeof(in), out);
	assert_string_equal(out, "00017f80abff");
	digest_hex(in, 0, out);
	assert_string_equal(out, "");
}

static void t_base64_round_trip(void **state)
{
	/* RFC 4648 section 10 */
	static const char *const v[][2] = {
		{ "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" }, { "foo", "Zm9v" },
		{ "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" },
		{ "foobar", "Zm9vYmFy" },
	};
	char enc[64];
	unsigned char dec[64], all[256], back[256];
	size_t n;

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		assert_int_equal(digest_base64_encode(v[i][0], strlen(v[i][0]),
						      enc), strlen(v[i][1]));
		assert_string_equal(enc, v[i][1]);
		assert_int_equal(digest_base64_decode(enc, strlen(enc), dec,
						      sizeof(dec), &n, NULL, 0),
				 0);
		assert_int_equal(n, strlen(v[i][0]));
		assert_memory_equal(dec, v[i][0], n);
	}
	for (size_t i = 0; i < sizeof(all); i++)
		all[i] = (unsigned char)i;
	char *big = malloc(DIGEST_BASE64_SIZE(sizeof(all)));
	assert_non_null(big);
	size_t len = digest_base64_encode(all, sizeof(all), big);
	assert_int_equal(len, DIGEST_BASE64_SIZE(sizeof(all)) - 1);
	assert_int_equal(digest_base64_decode(big, len, back, sizeof(back), &n,
					      NULL, 0), 0);
	assert_int_equal(n, sizeof(all));
	assert_memory_equal(back, all, sizeof(all));
	free(big);
}

static void t_base64_rejects(void **state)
{
	static const struct {
		const char *in, *why;
	} v[] = {
		{ "Zg=", "its length 3 is not a multiple of 4" },
		{ "Zm9", "its length 3 is not a multiple of 4" },
		{ "Zm9v\n", "its length 5 is not a multiple of 4" },
		{ "Zm 9", "byte 3 (0x20) is not a base64 digit" },
		{ "Zm9-", "byte 4 (0x2d) is not a base64 digit" },
		{ "Z===", "byte 2 (0x3d) is not a base64 digit" },
		{ "Zg=a", "byte 3 (0x3d) is not a base64 digit" },
		{ "=Zg=", "byte 1 (0x3d) is not a base64 digit" },
		{ "Zh==", "the last digit before the `=` has bits set that no "
			  "byte uses" },
		{ "Zm9=", "the last digit before the `=` has bits set that no "
			  "byte uses" },
		{ "Zg==Zg==", "byte 3 (0x3d) is not a base64 digit" },
		{ "Zm9vYmFy", "it decodes to 6 bytes, more than 5" },
	};
	unsigned char out[5];
	char why[128];
	size_t n;

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		print_message("# %s\n", v[i].in);
		assert_int_equal(digest_base64_decode(v[i].in, strlen(v[i].in),
						      out, sizeof(out), &n, why,
						      sizeof(why)), -1);
		assert_string_equal(why, v[i].why);
	}
}

/* RFC 8032, section 7.1, TEST 1 (the empty message). */
#define RFC_SECRET \
	"9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"
#define RFC_PUBLIC \
	"d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"
#define RFC_SIG \
	"e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155" \
	"5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"

static void t_ed25519_rfc8032(void **state)
{
	unsigned char seed[32], pub[32], want_pub[32], sig[64], want_sig[64];
	char why[128];

	(void)state;
	unhex(RFC_SECRET, seed);
	unhex(RFC_PUBLIC, want_pub);
	unhex(RFC_SIG, want_sig);
	assert_int_equal(digest_ed25519_public(seed, pub, why, sizeof(why)), 0);
	assert_memory_equal(pub, want_pub, 32);
	assert_int_equal(digest_ed25519_sign(seed, "", 0, sig, why,
					     sizeof(why)), 0);
	assert_memory_equal(sig, want_sig, 64);
	assert_int_equal(digest_ed25519_verify(pub, "", 0, sig, why,
					       sizeof(why)), 0);
	/* one flipped bit of the signature, of the key, of the message */
	for (size_t bit = 0; bit < 64 * 8; bit += 37) {
		sig[bit / 8] ^= (unsigned char)(1u << (bit % 8));
		assert_int_equal(digest_ed25519_verify(pub, "", 0, sig, why,
						       sizeof(why)), -1);
		sig[bit / 8] ^= (unsigned char)(1u << (bit % 8));
	}
	assert_string_equal(why, "the signature does not match the public "
				 "key and the signed bytes");
	pub[0] ^= 1;
	assert_int_equal(digest_ed25519_verify(pub, "", 0, sig, NULL, 0), -1);
	pub[0] ^= 1;
	assert_int_equal(digest_ed25519_verify(pub, "\0", 1, sig, NULL, 0), -1);
	assert_int_equal(digest_ed25519_verify(pub, "", 0, sig, NULL, 0), 0);
}

static void t_ed25519_keygen(void **state)
{
	unsigned char seed[32], pub[32], pub2[32], seed2[32], sig[64];
	const char msg[] = "{\"site\": \"paris-01\"}\n";

	(void)state;
	assert_int_equal(digest_ed25519_keygen(seed, pub, NULL, 0), 0);
	assert_int_equal(digest_ed25519_keygen(seed2, pub2, NULL, 0), 0);
	assert_memory_not_equal(seed, seed2, 32);
	assert_int_equal(digest_ed25519_public(seed, pub2, NULL, 0), 0);
	assert_memory_equal(pub, pub2, 32);
	assert_int_equal(digest_ed25519_sign(seed, msg, sizeof(msg) - 1, sig,
					     NULL, 0), 0);
	assert_int_equal(digest_ed25519_verify(pub, msg, sizeof(msg) - 1, sig,
					       NULL, 0), 0);
	assert_int_equal(digest_ed25519_verify(pub, msg, sizeof(msg) - 2, sig,
					       NULL, 0), -1);
}

#define RFC_SECRET_B64 "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A="
#define RFC_PUBLIC_B64 "11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="

static void t_key_files_round_trip(void **state)
{
	unsigned char seed[32], pub[32], sig[64], back[64];
	char secret_file[DIGEST_SECRET_FILE_SIZE];
	char public_file[DIGEST_PUBLIC_FILE_SIZE];
	char sig_file[DIGEST_SIG_FILE_SIZE];
	char why[160];

	(void)state;
	unhex(RFC_SECRET, seed);
	unhex(RFC_PUBLIC, pub);
	unhex(RFC_SIG, sig);
	digest_secret_file_format(seed, secret_file);
	assert_string_equal(secret_file,
			    "sitec-ed25519-secret " RFC_SECRET_B64 "\n");
	assert_int_equal(strlen(secret_file) + 1, DIGEST_SECRET_FILE_SIZE);
	digest_public_file_format(pub, public_file);
	assert_string_equal(public_file,
			    "sitec-ed25519-public " RFC_PUBLIC_B64 "\n");
	assert_int_equal(strlen(public_file) + 1, DIGEST_PUBLIC_FILE_SIZE);
	digest_sig_file_format(sig, sig_file);
	assert_int_equal(strlen(sig_file) + 1, DIGEST_SIG_FILE_SIZE);

	assert_int_equal(digest_secret_file_parse(secret_file,
						  strlen(secret_file), back,
						  why, sizeof(why)), 0);
	assert_memory_equal(back, seed, 32);
	assert_int_equal(digest_public_file_parse(public_file,
						  strlen(public_file), back,
						  why, sizeof(why)), 0);
	assert_memory_equal(back, pub, 32);
	assert_int_equal(digest_sig_file_parse(sig_file, strlen(sig_file), back,
					       why, sizeof(why)), 0);
	assert_memory_equal(back, sig, 64);
}

#define SEC "sitec-ed25519-secret "
#define PUB "sitec-ed25519-public "

static void t_key_files_malformed(void **state)
{
	static const struct {
		int kind;	/* 0 secret, 1 public, 2 signature */
		const char *in, *why;
	} v[] = {
		{ 0, "", "it does not start with `sitec-ed25519-secret `, as "
			 "an ed25519 secret key file does" },
		{ 0, "sitec-ed25519-secret", "it does not start with "
		  "`sitec-ed25519-secret `, as an ed25519 secret key file does" },
		{ 0, "SITEC-ED25519-SECRET " RFC_SECRET_B64 "\n", "it does not "
		  "start with `sitec-ed25519-secret `, as an ed25519 secret "
		  "key file does" },
		{ 0, " " SEC RFC_SECRET_B64 "\n", "it does not start with "
		  "`sitec-ed25519-secret `, as an ed25519 secret key file does" },
		{ 0, PUB RFC_PUBLIC_B64 "\n", "it is an ed25519 public key "
		  "file, not an ed25519 secret key file" },
		{ 1, SEC RFC_SECRET_B64 "\n", "it is an ed25519 secret key "
		  "file, not an ed25519 public key file" },
		{ 2, PUB RFC_PUBLIC_B64 "\n", "it is an ed25519 public key "
		  "file, not an ed25519 signature file" },
		{ 0, SEC "\n", "it holds 0 bytes, not 32" },
		{ 0, SEC, "it holds 0 bytes, not 32" },
		{ 0, SEC "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A\n",
		  "the text after `sitec-ed25519-secret ` is not valid base64: "
		  "its length 43 is not a multiple of 4" },
		{ 0, SEC "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2B=\n",
		  "the text after `sitec-ed25519-secret ` is not valid base64: "
		  "the last digit before the `=` has bits set that no byte "
		  "uses" },
		{ 0, SEC "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=\n",
		  "the text after `sitec-ed25519-secret ` is not valid base64: "
		  "byte 7 (0x5f) is not a base64 digit" },
		{ 0, SEC " " RFC_SECRET_B64 "\n",
		  "the text after `sitec-ed25519-secret ` is not valid base64: "
		  "its length 45 is not a multiple of 4" },
		{ 0, SEC "Zm9v\n", "it holds 3 bytes, not 32" },
		{ 0, SEC "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2Bg\n",
		  "it holds 33 bytes, not 32" },
		{ 0, SEC RFC_SECRET_B64, "it does not end with a newline" },
		{ 0, SEC RFC_SECRET_B64 "\r\n", "its line ends in CR LF, not LF" },
		{ 0, SEC RFC_SECRET_B64 "\n\n", "there is more after its line "
		  "(1 bytes)" },
		{ 0, SEC RFC_SECRET_B64 "\n# comment\n", "there is more after "
		  "its line (10 bytes)" },
		{ 1, PUB RFC_SECRET_B64 " \n", "the text after "
		  "`sitec-ed25519-public ` is not valid base64: its length 45 "
		  "is not a multiple of 4" },
		{ 2, "sitec-ed25519-signature " RFC_PUBLIC_B64 "\n",
		  "it holds 32 bytes, not 64" },
		{ 0, SEC RFC_PUBLIC_B64 RFC_PUBLIC_B64 "\n", "the text after "
		  "`sitec-ed25519-secret ` is not valid base64: byte 44 (0x3d) "
		  "is not a base64 digit" },
		{ 0, SEC "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9v"
		  "YmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFy"
		  "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9v"
		  "YmFy\n", "it holds more than 128 bytes, not 32" },
		{ 0, SEC "Zm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9vYmFyZm9v"
		  "YmFyZm9vYmFyZm9vYmFyZm9vYmFy\n", "it holds 60 bytes, not 32" },
	};
	unsigned char out[64];
	char why[200];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		size_t n = strlen(v[i].in);
		int rc;

		print_message("# %zu\n", i);
		if (v[i].kind == 0)
			rc = digest_secret_file_parse(v[i].in, n, out, why,
						      sizeof(why));
		else if (v[i].kind == 1)
			rc = digest_public_file_parse(v[i].in, n, out, why,
						      sizeof(why));
		else
			rc = digest_sig_file_parse(v[i].in, n, out, why,
						   sizeof(why));
		assert_int_equal(rc, -1);
		assert_string_equal(why, v[i].why);
	}
	/* a NUL inside */
	assert_int_equal(digest_secret_file_parse(SEC "nWGx\0e/9", 29, out,
						  why, sizeof(why)), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_sha256_vectors),
		cmocka_unit_test(t_sha256_stream),
		cmocka_unit_test(t_sha256_text_valid),
		cmocka_unit_test(t_hex),
		cmocka_unit_test(t_base64_round_trip),
		cmocka_unit_test(t_base64_rejects),
		cmocka_unit_test(t_ed25519_rfc8032),
		cmocka_unit_test(t_ed25519_keygen),
		cmocka_unit_test(t_key_files_round_trip),
		cmocka_unit_test(t_key_files_malformed),
	};

	return cmocka_run_group_tests_name("digest", tests, NULL, NULL);
}
