/*
 * fuzz_formats.c - a libFuzzer harness for the string validators of
 * formats.h.
 *
 * The first byte of an input picks the validator (modulo their number, 23,
 * in the order of the table below: the seeds use the letters A..W, 'A' %
 * 23 being 19); the rest is the string, handed over without a terminating
 * NUL so that ASan sees any read past its end.
 *
 * Invariants checked (a violation aborts, which the fuzzer reports):
 *   - a validator gives the same answer, reason and fix every time, and
 *     the same answer whatever buffers it is given (none, NULL w, small);
 *   - an invalid string gets a non-empty reason, terminated within the
 *     buffer, also in an 8-byte buffer, where it is a prefix of the full
 *     reason; a valid one gets neither reason nor fix;
 *   - a fix is valid for the same validator and differs from the input;
 *     a fix that does not fit is left out, never cut; the reason does not
 *     guess it again ("... (FIX?)");
 *   - ipv4 or ipv6 valid <=> ip valid; ipv4 agrees with a parser written
 *     here, and a valid address, printed by inet_ntop, reads back valid and
 *     to the same bytes;
 *   - hostname, dns_label, semver and quantity agree with parsers written
 *     here from the contract, not from formats.c (which decides semver and
 *     quantity with regular expressions); so does duration, but for Go's
 *     range, whose excess has its own reason;
 *   - a valid cidr is a valid ip, `/`, a length within the address's bits
 *     and no host bits set;
 *   - an address's reason that says what the string is instead (a name,
 *     an IPv4 or an IPv6 address) is right about it;
 *   - dns_label valid <=> Kubernetes namespace valid => hostname valid and
 *     Kubernetes name (a subdomain) valid; a Service name valid => a
 *     namespace valid; a label value without `/` is valid <=> it is empty
 *     or a valid label key.
 */
#include "formats.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

enum which { FORMAT, K8S_NAME, OTHER };

struct validator {
	const char *name;
	enum which which;
	enum format format;
	const char *kind;	/* K8S_NAME: the object's kind */
	bool (*fn)(const char *s, size_t n, struct format_why *w);
};

static const struct validator validators[] = {
    {"ip", FORMAT, FMT_IP, NULL, NULL},
    {"ipv4", FORMAT, FMT_IPV4, NULL, NULL},
    {"ipv6", FORMAT, FMT_IPV6, NULL, NULL},
    {"cidr", FORMAT, FMT_CIDR, NULL, NULL},
    {"hostname", FORMAT, FMT_HOSTNAME, NULL, NULL},
    {"dns_label", FORMAT, FMT_DNS_LABEL, NULL, NULL},
    {"semver", FORMAT, FMT_SEMVER, NULL, NULL},
    {"quantity", FORMAT, FMT_QUANTITY, NULL, NULL},
    {"duration", FORMAT, FMT_DURATION, NULL, NULL},
    {"abspath", FORMAT, FMT_ABSPATH, NULL, NULL},
    {"url", FORMAT, FMT_URL, NULL, NULL},
    {"k8s name", K8S_NAME, FMT_NONE, NULL, NULL},
    {"k8s Namespace name", K8S_NAME, FMT_NONE, "Namespace", NULL},
    {"k8s Service name", K8S_NAME, FMT_NONE, "Service", NULL},
    {"k8s Deployment name", K8S_NAME, FMT_NONE, "Deployment", NULL},
    {"k8s namespace", OTHER, FMT_NONE, NULL, format_k8s_namespace_valid},
    {"k8s label key", OTHER, FMT_NONE, NULL, format_k8s_label_key_valid},
    {"k8s label value", OTHER, FMT_NONE, NULL, format_k8s_label_value_valid},
    {"k8s apiVersion", OTHER, FMT_NONE, NULL, format_k8s_api_version_valid},
    {"k8s kind", OTHER, FMT_NONE, NULL, format_k8s_kind_valid},
    {"unit name", OTHER, FMT_NONE, NULL, format_unit_name_valid},
    {"file name", OTHER, FMT_NONE, NULL, format_file_name_valid},
    {"none", FORMAT, FMT_NONE, NULL, NULL},
};

#define NVALIDATORS (sizeof(validators) / sizeof(validators[0]))
#define WHY_SIZE 256
#define FIX_SIZE 8192
#define TINY 8

static const struct validator *by_name(const char *name)
{
	for (size_t i = 0; i < NVALIDATORS; i++)
		if (strcmp(validators[i].name, name) == 0)
			return &validators[i];
	abort();
}

static bool call(const struct validator *v, const char *s, size_t n,
		 struct format_why *w)
{
	switch (v->which) {
	case FORMAT:
		return format_valid(v->format, s, n, w);
	case K8S_NAME:
		return format_k8s_name_valid(v->kind, s, n, w);
	default:
		return v->fn(s, n, w);
	}
}

static bool valid(const char *name, const char *s, size_t n)
{
	return call(by_name(name), s, n, NULL);
}

static _Noreturn void violated(const struct validator *v, const char *s,
			       size_t n, const char *what)
{
	fprintf(stderr, "fuzz_formats: %s: invariant violated: %s\n  input "
		"(%zu bytes): ", v->name, what, n);
	for (size_t i = 0; i < n; i++)
		fprintf(stderr, (unsigned char)s[i] >= 0x20 &&
			(unsigned char)s[i] < 0x7f ? "%c" : "\\x%02x",
			(unsigned char)s[i]);
	fputc('\n', stderr);
	fflush(stderr);
	abort();
}

#define CHECK(cond, what)                                                   \
	do {                                                                \
		if (!(cond))                                                \
			violated(v, s, n, (what));                          \
	} while (0)

/* The buffers a call is given: a sentinel after the terminator catches a
 * write past whysize or fixsize. */
struct answer {
	bool ok;
	char why[WHY_SIZE + 1];
	char fix[FIX_SIZE + 1];
};

static void ask(const struct validator *v, const char *s, size_t n,
		size_t whysize, size_t fixsize, struct answer *a)
{
	struct format_why w = { a->why, whysize, a->fix, fixsize };

	memset(a->why, 'X', sizeof(a->why));
	memset(a->fix, 'X', sizeof(a->fix));
	a->ok = call(v, s, n, &w);
	CHECK(a->why[whysize] == 'X', "a write past whysize");
	CHECK(a->fix[fixsize] == 'X', "a write past fixsize");
	CHECK(memchr(a->why, 0, whysize) != NULL, "why is not terminated");
	CHECK(memchr(a->fix, 0, fixsize) != NULL, "fix is not terminated");
}

/* Whether why guesses fix: "a number needs a unit (90s?)" with the fix
 * "90s", which the help line shows anyway. */
static bool guesses_fix(const char *why, const char *fix)
{
	char guess[WHY_SIZE + 4];

	if (strlen(fix) + 4 > sizeof(guess))
		return false;
	snprintf(guess, sizeof(guess), "(%s?)", fix);
	return strstr(why, guess) != NULL;
}

static void check_answers(const struct validator *v, const char *s,
			  size_t n)
{
	static struct answer full, again, tiny, bare;
	struct format_why fix_only = { NULL, 0, bare.fix, FIX_SIZE };

	ask(v, s, n, WHY_SIZE, FIX_SIZE, &full);
	ask(v, s, n, WHY_SIZE, FIX_SIZE, &again);
	CHECK(full.ok == again.ok, "two answers differ");
	CHECK(strcmp(full.why, again.why) == 0, "two reasons differ");
	CHECK(strcmp(full.fix, again.fix) == 0, "two fixes differ");
	CHECK(call(v, s, n, NULL) == full.ok, "the answer with w NULL differs");
	bare.fix[0] = 'X';
	CHECK(call(v, s, n, &fix_only) == full.ok,
	      "the answer with why NULL differs");
	CHECK(strcmp(bare.fix, full.fix) == 0, "the fix with why NULL differs");

	ask(v, s, n, TINY, TINY, &tiny);
	CHECK(tiny.ok == full.ok, "the answer with small buffers differs");
	CHECK(strncmp(full.why, tiny.why, strlen(tiny.why)) == 0,
	      "the cut reason is not a prefix of the reason");
	CHECK(strlen(full.fix) < TINY ? strcmp(tiny.fix, full.fix) == 0
				      : tiny.fix[0] == 0,
	      "a fix that does not fit is not left out");
	ask(v, s, n, 1, 1, &tiny);
	CHECK(tiny.ok == full.ok && !tiny.why[0] && !tiny.fix[0],
	      "one-byte buffers");

	if (full.ok) {
		CHECK(!full.why[0] && !full.fix[0],
		      "valid, yet a reason or a fix");
		return;
	}
	CHECK(full.why[0], "invalid without a reason");
	ask(v, s, n, TINY, FIX_SIZE, &tiny);
	CHECK(tiny.why[0], "invalid without a reason in a small buffer");
	if (full.fix[0]) {
		size_t len = strlen(full.fix);

		CHECK(call(v, full.fix, len, NULL), "the fix is not valid");
		CHECK(len != n || memcmp(full.fix, s, n) != 0,
		      "the fix is the input");
		CHECK(!guesses_fix(full.why, full.fix),
		      "the reason guesses the fix again");
	}
}

/* Dotted quad, decimal, no leading zeros: written apart from formats.c. */
static bool ipv4_oracle(const char *s, size_t n)
{
	size_t parts = 0, i = 0;

	while (parts < 4) {
		size_t start = i;
		unsigned value = 0;

		while (i < n && s[i] >= '0' && s[i] <= '9' && i - start < 4)
			value = value * 10 + (unsigned)(s[i++] - '0');
		if (i == start || i - start > 3 || value > 255 ||
		    (s[start] == '0' && i - start > 1))
			return false;
		parts++;
		if (parts < 4 && (i == n || s[i++] != '.'))
			return false;
	}
	return i == n;
}

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool is_alnum(char ch)
{
	return is_digit(ch) || (ch >= 'a' && ch <= 'z') ||
	       (ch >= 'A' && ch <= 'Z');
}

static size_t digits_at(const char *s, size_t n, size_t i)
{
	size_t start = i;

	while (i < n && is_digit(s[i]))
		i++;
	return i - start;
}

/* RFC 1123: 1..253 characters, labels of 1..63 alphanumerics and `-`,
 * with no `-` at either end of a label. */
static bool hostname_oracle(const char *s, size_t n)
{
	size_t label = 0;

	if (n == 0 || n > 253)
		return false;
	for (size_t i = 0; i <= n; i++) {
		if (i == n || s[i] == '.') {
			if (label == 0 || label > 63 || s[i - 1] == '-' ||
			    s[i - label] == '-')
				return false;
			label = 0;
		} else if (is_alnum(s[i]) || s[i] == '-') {
			label++;
		} else {
			return false;
		}
	}
	return true;
}

static bool dns_label_oracle(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] == '.' || (s[i] >= 'A' && s[i] <= 'Z'))
			return false;
	return n <= 63 && hostname_oracle(s, n);
}

/* Dot-separated identifiers of [0-9A-Za-z-]+ from s[*i]; in a
 * pre-release, a number has no leading zero. */
static bool semver_ids(const char *s, size_t n, size_t *i, bool pre)
{
	for (;;) {
		size_t start = *i, digits = digits_at(s, n, *i);

		while (*i < n && (is_alnum(s[*i]) || s[*i] == '-'))
			(*i)++;
		if (*i == start)
			return false;
		if (pre && digits == *i - start && digits > 1 &&
		    s[start] == '0')
			return false;
		if (*i == n || s[*i] != '.')
			return true;
		(*i)++;
	}
}

static bool semver_oracle(const char *s, size_t n)
{
	size_t i = 0;

	for (int k = 0; k < 3; k++) {
		size_t d = digits_at(s, n, i);

		if (d == 0 || (d > 1 && s[i] == '0'))
			return false;
		i += d;
		if (k < 2 && (i == n || s[i++] != '.'))
			return false;
	}
	if (i < n && s[i] == '-') {
		i++;
		if (!semver_ids(s, n, &i, true))
			return false;
	}
	if (i < n && s[i] == '+') {
		i++;
		if (!semver_ids(s, n, &i, false))
			return false;
	}
	return i == n;
}

/* [sign] digits [. digits] or . digits, then a suffix or an exponent. */
static bool quantity_oracle(const char *s, size_t n)
{
	static const char *const suffixes[] = {
		"", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei", "n", "u", "m", "k",
		"M", "G", "T", "P", "E",
	};
	size_t i = 0, digits;

	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	digits = digits_at(s, n, i);
	i += digits;
	if (i < n && s[i] == '.') {
		digits += digits_at(s, n, i + 1);
		i += 1 + digits_at(s, n, i + 1);
	}
	if (digits == 0)
		return false;
	for (size_t k = 0; k < sizeof(suffixes) / sizeof(suffixes[0]); k++)
		if (strlen(suffixes[k]) == n - i &&
		    memcmp(suffixes[k], s + i, n - i) == 0)
			return true;
	if (i == n || (s[i] != 'e' && s[i] != 'E'))
		return false;
	i++;
	if (i < n && (s[i] == '+' || s[i] == '-'))
		i++;
	return digits_at(s, n, i) > 0 && i + digits_at(s, n, i) == n;
}

/* "0", or NUMBER UNIT ..., NUMBER as Go's time.ParseDuration reads it:
 * digits [. digits], either side of the point possibly empty but not both
 * (1, 1.5, .5, 1.): syntax only. */
static bool duration_syntax_oracle(const char *s, size_t n)
{
	static const char *const units[] = {
		"ns", "us", "\xC2\xB5s", "\xCE\xBCs", "ms", "s", "m", "h",
	};
	size_t i = 0;

	if (n == 1 && s[0] == '0')
		return true;
	if (n == 0)
		return false;
	while (i < n) {
		size_t d = digits_at(s, n, i), f = 0, u, k;

		i += d;
		if (i < n && s[i] == '.') {
			f = digits_at(s, n, i + 1);
			i += 1 + f;
		}
		if (d + f == 0)
			return false;
		for (u = i; i < n && !is_digit(s[i]) && s[i] != '.'; i++)
			;
		for (k = 0; k < sizeof(units) / sizeof(units[0]); k++)
			if (strlen(units[k]) == i - u &&
			    memcmp(units[k], s + u, i - u) == 0)
				break;
		if (k == sizeof(units) / sizeof(units[0]))
			return false;
	}
	return true;
}

static void check_oracles(const struct validator *v, const char *s,
			  size_t n)
{
	char why[256];
	struct format_why w = { why, sizeof(why), NULL, 0 };
	bool duration;

	CHECK(valid("hostname", s, n) == hostname_oracle(s, n),
	      "hostname disagrees with the oracle");
	CHECK(valid("dns_label", s, n) == dns_label_oracle(s, n),
	      "dns_label disagrees with the oracle");
	CHECK(valid("semver", s, n) == semver_oracle(s, n),
	      "semver disagrees with the oracle");
	CHECK(valid("quantity", s, n) == quantity_oracle(s, n),
	      "quantity disagrees with the oracle");
	duration = format_valid(FMT_DURATION, s, n, &w);
	CHECK(duration ? duration_syntax_oracle(s, n)
		       : !duration_syntax_oracle(s, n) || strstr(why, "longer"),
	      "duration disagrees with the oracle");
}

static void check_round_trip(const struct validator *v, const char *s,
			     size_t n, int family, const char *format)
{
	unsigned char bytes[16], again[16];
	char text[INET6_ADDRSTRLEN], copy[INET6_ADDRSTRLEN];

	CHECK(n < sizeof(copy), "a valid address is too long");
	memcpy(copy, s, n);
	copy[n] = 0;
	CHECK(inet_pton(family, copy, bytes) == 1, "inet_pton refuses it");
	CHECK(inet_ntop(family, bytes, text, sizeof(text)) != NULL,
	      "inet_ntop fails");
	CHECK(valid(format, text, strlen(text)), "inet_ntop's text is invalid");
	CHECK(inet_pton(family, text, again) == 1 &&
	      memcmp(bytes, again, family == AF_INET ? 4 : 16) == 0,
	      "inet_ntop's text reads back to other bytes");
}

static void check_addresses(const struct validator *v, const char *s,
			    size_t n)
{
	bool v4 = valid("ipv4", s, n), v6 = valid("ipv6", s, n);

	CHECK((v4 || v6) == valid("ip", s, n), "ipv4 or ipv6 <=> ip");
	CHECK(!(v4 && v6), "both ipv4 and ipv6");
	CHECK(v4 == ipv4_oracle(s, n), "ipv4 disagrees with the oracle");
	if (v4)
		check_round_trip(v, s, n, AF_INET, "ipv4");
	if (v6)
		check_round_trip(v, s, n, AF_INET6, "ipv6");
}

static void check_cidr(const struct validator *v, const char *s, size_t n)
{
	const char *slash = memchr(s, '/', n);
	unsigned char bytes[16];
	char addr[INET6_ADDRSTRLEN];
	unsigned len = 0;
	size_t at, bits;

	if (!valid("cidr", s, n))
		return;
	CHECK(slash != NULL, "a valid cidr without `/`");
	at = (size_t)(slash - s);
	CHECK(valid("ip", s, at), "a valid cidr's address is not a valid ip");
	memcpy(addr, s, at);
	addr[at] = 0;
	bits = strchr(addr, ':') ? 128 : 32;
	CHECK(inet_pton(bits == 128 ? AF_INET6 : AF_INET, addr, bytes) == 1,
	      "inet_pton refuses a valid cidr's address");
	CHECK(n - at - 1 >= 1 && n - at - 1 <= 3, "the prefix length's digits");
	for (size_t i = at + 1; i < n; i++)
		len = len * 10 + (unsigned)(s[i] - '0');
	CHECK(len <= bits, "the prefix length is too long");
	for (size_t b = len; b < bits; b++)
		CHECK(!(bytes[b / 8] & (0x80u >> (b % 8))),
		      "host bits are set");
}

/* "it is a name, not an address" and its kin are only said of a valid
 * hostname, IPv4 or IPv6 address. */
static void check_address_reasons(const struct validator *v, const char *s,
				  size_t n)
{
	static const struct {
		const char *why, *is;
	} claims[] = {
		{ "it is a name, not an address", "hostname" },
		{ "it is an IPv4 address, not an IPv6 one", "ipv4" },
		{ "it is an IPv6 address, not an IPv4 one", "ipv6" },
	};
	static const char *const addresses[] = { "ip", "ipv4", "ipv6" };
	char why[WHY_SIZE];
	struct format_why w = { why, sizeof(why), NULL, 0 };

	for (size_t i = 0; i < sizeof(addresses) / sizeof(addresses[0]); i++) {
		if (call(by_name(addresses[i]), s, n, &w))
			continue;
		for (size_t k = 0; k < sizeof(claims) / sizeof(claims[0]); k++)
			if (strcmp(why, claims[k].why) == 0)
				CHECK(valid(claims[k].is, s, n),
				      "an address's reason says what it is "
				      "not");
	}
}

static void check_names(const struct validator *v, const char *s, size_t n)
{
	bool label = valid("dns_label", s, n);

	CHECK(label == valid("k8s namespace", s, n),
	      "dns_label <=> Kubernetes namespace");
	CHECK(label == valid("k8s Namespace name", s, n),
	      "dns_label <=> a Namespace's name");
	CHECK(!label || valid("hostname", s, n), "dns_label => hostname");
	CHECK(!label || valid("k8s name", s, n), "dns_label => subdomain");
	CHECK(!valid("k8s Service name", s, n) || label,
	      "a Service name => a DNS label");
	CHECK(valid("k8s name", s, n) == valid("k8s Deployment name", s, n),
	      "any kind but Namespace and Service: a subdomain");
	if (!memchr(s, '/', n))
		CHECK(valid("k8s label value", s, n) ==
		      (n == 0 || valid("k8s label key", s, n)),
		      "label value <=> empty or a key without prefix");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct validator *v;
	const char *s;
	size_t n;

	if (size == 0)
		return 0;
	v = &validators[data[0] % NVALIDATORS];
	s = (const char *)data + 1;
	n = size - 1;
	if (v->which == FORMAT && v->format == FMT_NONE)
		CHECK(call(v, s, n, NULL), "FMT_NONE refuses a string");
	check_answers(v, s, n);
	check_addresses(v, s, n);
	check_cidr(v, s, n);
	check_address_reasons(v, s, n);
	check_names(v, s, n);
	check_oracles(v, s, n);
	return 0;
}
