/*
 * test_bundle_format.c - common/bundle_format.h: the digest rule (order
 * of the entries does not matter, bundle.json is left out), the exact
 * bytes of bundle.json (a file of tests/compile/expected), the round trip
 * write -> read with and without a source, and every malformed bundle.json
 * refused with its reason. Links common_dep only.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bundle_format.h"

#define API "sha256:0568ab55d01c45cfc1a76b4b8e64f4e7239e23fcab86c9d06c3ef55745de5612"
#define K8S "sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
#define OS "sha256:eb4101f933c55a946264f10c6861d11e00360d90852d72bc709b065a7ade912a"
#define DIGEST "sha256:18cadb9dedfaddbb8c7320b836a55c2d4c84e0812841aed2af15a61b0bd7a23c"
#define COMMIT "0123456789abcdef0123456789abcdef01234567"

/* tests/compile/expected/kinds/sites/kinds-empty/bundle.json */
static const char kinds_empty[] =
	"{\n"
	"  \"site\": \"kinds-empty\",\n"
	"  \"version\": 0,\n"
	"  \"compiler\": \"sitec @VERSION@\",\n"
	"  \"source\": {},\n"
	"  \"files\": {\n"
	"    \"api.json\": \"" API "\",\n"
	"    \"k8s.yaml\": \"" K8S "\",\n"
	"    \"os.json\": \"" OS "\"\n"
	"  },\n"
	"  \"digest\": \"" DIGEST "\"\n"
	"}\n";

static void t_digest(void **state)
{
	struct bundle_entry e[] = {
		{ "os.json", OS }, { "api.json", API }, { "bundle.json", K8S },
		{ "k8s.yaml", K8S },
	};
	char out[DIGEST_SHA256_TEXT_SIZE], why[128];

	(void)state;
	assert_int_equal(bundle_format_digest(e, 4, out, why, sizeof(why)), 0);
	assert_string_equal(out, DIGEST);
	/* by the rule itself */
	const char list[] = "api.json " API "\nk8s.yaml " K8S "\nos.json " OS
			    "\n";
	char want[DIGEST_SHA256_TEXT_SIZE];
	assert_int_equal(digest_sha256_text(list, sizeof(list) - 1, want), 0);
	assert_string_equal(out, want);
	strcpy(e[0].sha256, "sha256:xyz");
	assert_int_equal(bundle_format_digest(e, 4, out, why, sizeof(why)), -1);
	assert_string_equal(why, "the sha256 of os.json is not \"sha256:\" "
				 "and 64 lowercase hex digits");
}

static void t_write_exact(void **state)
{
	struct bundle_entry e[] = {
		{ "os.json", OS }, { "k8s.yaml", K8S }, { "api.json", API },
	};
	struct bundle_meta m = {
		.site = "kinds-empty", .version = 0,
		.compiler = "sitec @VERSION@", .files = e, .nfiles = 3,
		.digest = DIGEST,
	};
	char *out;
	size_t len;

	(void)state;
	assert_int_equal(bundle_meta_write(&m, &out, &len, NULL, 0), 0);
	assert_int_equal(len, sizeof(kinds_empty) - 1);
	assert_memory_equal(out, kinds_empty, len);
	free(out);
}

static void t_round_trip(void **state)
{
	struct bundle_entry e[] = {
		{ "api.json", API }, { "k8s.yaml", K8S }, { "os.json", OS },
	};
	struct bundle_meta m = {
		.site = "paris-01", .version = 7, .compiler = "sitec 0.1.0",
		.source_commit = COMMIT, .source_path = "fleet/sites",
		.files = e, .nfiles = 3, .digest = DIGEST,
	};
	struct bundle_meta *r;
	char *out, why[256];
	size_t len;

	(void)state;
	assert_int_equal(bundle_meta_write(&m, &out, &len, NULL, 0), 0);
	assert_non_null(strstr(out, "\"source\": {\n    \"commit\": \"" COMMIT
				    "\",\n    \"path\": \"fleet/sites\"\n  }"));
	assert_int_equal(bundle_meta_read(out, len, &r, why, sizeof(why)), 0);
	assert_string_equal(r->site, "paris-01");
	assert_int_equal(r->version, 7);
	assert_string_equal(r->compiler, "sitec 0.1.0");
	assert_string_equal(r->source_commit, COMMIT);
	assert_string_equal(r->source_path, "fleet/sites");
	assert_int_equal(r->nfiles, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_string_equal(r->files[i].name, e[i].name);
		assert_string_equal(r->files[i].sha256, e[i].sha256);
	}
	assert_string_equal(r->digest, DIGEST);
	/* and back to the same bytes */
	char *again;
	size_t len2;
	assert_int_equal(bundle_meta_write(r, &again, &len2, NULL, 0), 0);
	assert_int_equal(len2, len);
	assert_memory_equal(again, out, len);
	free(again);
	bundle_meta_free(r);
	free(out);

	assert_int_equal(bundle_meta_read(kinds_empty, sizeof(kinds_empty) - 1,
					  &r, why, sizeof(why)), 0);
	assert_null(r->source_commit);
	assert_null(r->source_path);
	bundle_meta_free(r);
	bundle_meta_free(NULL);
}

/* kinds_empty with the first `from` replaced by `to`. */
static char *edit(const char *from, const char *to)
{
	const char *at = strstr(kinds_empty, from);
	size_t n = sizeof(kinds_empty) + strlen(to);
	char *s = malloc(n);

	assert_non_null(at);
	assert_non_null(s);
	snprintf(s, n, "%.*s%s%s", (int)(at - kinds_empty), kinds_empty, to,
		 at + strlen(from));
	return s;
}

static void t_malformed(void **state)
{
	static const struct {
		const char *from, *to, *why;
	} v[] = {
		{ "{\n  \"site\"", "[\n  \"site\"", "bundle.json is not JSON: "
		  "']' expected near ':' (line 2, column 9)" },
		{ "\"digest\"", "\"site\": \"x\", \"digest\"", "bundle.json is "
		  "not JSON: duplicate object key near '\"site\"' (line 11, "
		  "column 8)" },
		{ "\"site\": \"kinds-empty\",\n", "", "bundle.json has no "
		  "\"site\"" },
		{ "\"kinds-empty\"", "7", "\"site\" of bundle.json is not a "
		  "string" },
		{ "\"kinds-empty\"", "\"a/b\"", "the site name \"a/b\" cannot "
		  "be a directory name" },
		{ "\"kinds-empty\"", "\"..\"", "the site name \"..\" cannot be "
		  "a directory name" },
		{ "\"kinds-empty\"", "\".hidden\"", "the site name \".hidden\" "
		  "cannot be a directory name" },
		{ "\"kinds-empty\"", "\"\"", "the site name \"\" cannot be a "
		  "directory name" },
		{ "\"version\": 0", "\"version\": -1", "\"version\" is not an "
		  "integer of 0 or more" },
		{ "\"version\": 0", "\"version\": 1.0", "\"version\" is not an "
		  "integer of 0 or more" },
		{ "\"version\": 0", "\"version\": \"0\"", "\"version\" is not "
		  "an integer of 0 or more" },
		{ "\"version\": 0,\n", "", "bundle.json has no \"version\"" },
		{ "\"sitec @VERSION@\"", "null", "\"compiler\" of bundle.json "
		  "is not a string" },
		{ "\"source\": {}", "\"source\": []", "\"source\" is not an "
		  "object" },
		{ "\"source\": {},\n", "", "bundle.json has no \"source\"" },
		{ "\"source\": {}", "\"source\": {\"branch\": \"main\"}",
		  "\"source\" has an unknown key \"branch\"" },
		{ "\"source\": {}", "\"source\": {\"commit\": \"abc\"}",
		  "the source commit is not 40 or 64 lowercase hex digits" },
		{ "\"source\": {}", "\"source\": {\"commit\": \""
		  "0123456789ABCDEF0123456789abcdef01234567\"}",
		  "the source commit is not 40 or 64 lowercase hex digits" },
		{ "\"source\": {}", "\"source\": {\"commit\": 1}",
		  "\"commit\" of \"source\" is not a string" },
		{ "\"source\": {}", "\"source\": {\"path\": false}",
		  "\"path\" of \"source\" is not a string" },
		{ "\"files\": {", "\"files\": [", "bundle.json is not JSON: "
		  "']' expected near ':' (line 7, column 15)" },
		{ "\"api.json\"", "\"../api.json\"", "\"files\" has an unknown "
		  "key \"../api.json\"" },
		{ "\"api.json\"", "\"bundle.json\"", "\"files\" has an unknown "
		  "key \"bundle.json\"" },
		{ "\"api.json\": \"" API "\",\n", "", "\"files\" has no "
		  "api.json" },
		{ "\"os.json\": \"" OS "\"", "\"os.json\": \"" OS "\", "
		  "\"extra.txt\": \"" OS "\"", "\"files\" has an unknown key "
		  "\"extra.txt\"" },
		{ API "\"", "sha256:ABCD\"", "the sha256 of api.json is not "
		  "\"sha256:\" and 64 lowercase hex digits" },
		{ "\"" K8S "\"", "null", "the sha256 of k8s.yaml is not "
		  "\"sha256:\" and 64 lowercase hex digits" },
		{ "\"digest\": \"" DIGEST "\"\n", "\"x\": 1\n", "bundle.json "
		  "has an unknown key \"x\"" },
		{ ",\n  \"digest\": \"" DIGEST "\"\n", "\n", "bundle.json has "
		  "no \"digest\"" },
		{ "\"digest\": \"sha256:1", "\"digest\": \"sha256:2",
		  "\"digest\" is not the digest of the files it lists (" DIGEST
		  ")" },
		{ "\"digest\": \"sha256:1", "\"digest\": \"sha512:1",
		  "\"digest\" is not \"sha256:\" and 64 lowercase hex digits" },
		{ "\"os.json\": \"sha256:e", "\"os.json\": \"sha256:f",
		  "\"digest\" is not the digest of the files it lists "
		  "(sha256:f618046d21cd4dbf38e2566ff501ac9dada3fd55783199b8c139"
		  "ee940937f157)" },
		{ "\n}\n", "\n}\n{}", "bundle.json is not JSON: end of file "
		  "expected near '{' (line 13, column 1)" },
		{ "kinds-empty", "kinds\\u0000", "bundle.json is not JSON: "
		  "\\u0000 is not allowed without JSON_ALLOW_NUL near "
		  "'\"kinds\\u0000\"' (line 2, column 23)" },
	};
	struct bundle_meta *r = (struct bundle_meta *)1;
	char why[256];

	(void)state;
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		char *s = edit(v[i].from, v[i].to);

		print_message("# %zu: %s\n", i, v[i].why);
		assert_int_equal(bundle_meta_read(s, strlen(s), &r, why,
						  sizeof(why)), -1);
		assert_null(r);
		assert_string_equal(why, v[i].why);
		free(s);
	}
	/* not an object; too large */
	assert_int_equal(bundle_meta_read("[]", 2, &r, why, sizeof(why)), -1);
	assert_string_equal(why, "bundle.json is not an object");
	assert_int_equal(bundle_meta_read("", 0, &r, why, sizeof(why)), -1);
	assert_int_equal(bundle_meta_read(kinds_empty, BUNDLE_META_MAX + 1, &r,
					  why, sizeof(why)), -1);
	assert_string_equal(why, "bundle.json is 1048577 bytes, more than "
				 "1048576");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_digest),
		cmocka_unit_test(t_write_exact),
		cmocka_unit_test(t_round_trip),
		cmocka_unit_test(t_malformed),
	};

	return cmocka_run_group_tests_name("bundle_format", tests, NULL, NULL);
}
