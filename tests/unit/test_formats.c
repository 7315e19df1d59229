/*
 * test_formats.c - the string validators of formats.h: valid and invalid
 * values at the edges of every format and name rule (63 and 64 character
 * labels, 253 and 254 character names, /32 and /33, leading zeros, empty
 * strings, NUL bytes, white space, trailing dots), the exact reason and fix
 * for the usual mistakes, buffers too small for them, and calls from
 * several threads at once.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "utf8.h"

#include <arpa/inet.h>
#include <sys/socket.h>

typedef bool validator(const char *s, size_t n, struct format_why *w);

#define FORMAT(fn, f)                                                       \
	static bool fn(const char *s, size_t n, struct format_why *w)       \
	{                                                                   \
		return format_valid(f, s, n, w);                            \
	}
#define K8S_NAME(fn, kind)                                                     \
	static bool fn(const char *s, size_t n, struct format_why *w)          \
	{                                                                      \
		return format_k8s_name_valid(kind, s, n, w);                   \
	}

FORMAT(ip, FMT_IP)
FORMAT(ipv4, FMT_IPV4)
FORMAT(ipv6, FMT_IPV6)
FORMAT(cidr, FMT_CIDR)
FORMAT(hostname, FMT_HOSTNAME)
FORMAT(dns_label, FMT_DNS_LABEL)
FORMAT(semver, FMT_SEMVER)
FORMAT(quantity, FMT_QUANTITY)
FORMAT(duration, FMT_DURATION)
FORMAT(abspath, FMT_ABSPATH)
FORMAT(url, FMT_URL)
K8S_NAME(k8s_name, NULL)
K8S_NAME(k8s_namespace_name, "Namespace")
K8S_NAME(k8s_service_name, "Service")
K8S_NAME(k8s_pod_name, "Pod")
K8S_NAME(k8s_role_name, "ClusterRole")

static validator *const all[] = {
    ip,
    ipv4,
    ipv6,
    cidr,
    hostname,
    dns_label,
    semver,
    quantity,
    duration,
    abspath,
    url,
    k8s_name,
    k8s_namespace_name,
    k8s_service_name,
    k8s_pod_name,
    format_k8s_namespace_valid,
    format_k8s_label_key_valid,
    format_k8s_label_value_valid,
    format_k8s_api_version_valid,
    format_k8s_kind_valid,
    format_unit_name_valid,
    format_file_name_valid,
};

#define NALL (sizeof(all) / sizeof(all[0]))

/* --- long strings, built in a ring of buffers ------------------------ */

static char ring[16][8192];
static unsigned ring_next;

/* unit repeated times times. */
static const char *rep(const char *unit, size_t times)
{
	char *buf = ring[ring_next++ % 16];
	size_t len = strlen(unit), o = 0;

	for (size_t i = 0; i < times && o + len < sizeof(ring[0]); i++) {
		memcpy(buf + o, unit, len);
		o += len;
	}
	buf[o] = 0;
	return buf;
}

/* a then b; both come from the ring or are literals, never buf itself. */
static const char *cat(const char *a, const char *b)
{
	char *buf = ring[ring_next++ % 16];
	size_t alen = strlen(a), blen = strlen(b);

	assert_true(alen + blen < sizeof(ring[0]));
	memcpy(buf, a, alen);
	memcpy(buf + alen, b, blen + 1);
	return buf;
}

/* --- checks ---------------------------------------------------------- */

struct answer {
	bool ok;
	char why[256];
	char fix[8192];
};

static struct answer answer;

static bool ask(validator *fn, const char *s, size_t n)
{
	struct format_why w = { answer.why, sizeof(answer.why), answer.fix,
				sizeof(answer.fix) };

	memset(&answer, 'X', sizeof(answer));
	answer.ok = fn(s, n, &w);
	return answer.ok;
}

static void check_valid(validator *fn, const char *name,
			const char *const *list, size_t count,
			const char *file, int line)
{
	for (size_t i = 0; i < count; i++) {
		if (!ask(fn, list[i], strlen(list[i])))
			print_error("%s:%d: %s(\"%s\") is invalid: %s\n", file,
				    line, name, list[i], answer.why);
		_assert_true(answer.ok, "valid", file, line);
		_assert_string_equal(answer.why, "", file, line);
		_assert_string_equal(answer.fix, "", file, line);
	}
}

static void check_invalid(validator *fn, const char *name,
			  const char *const *list, size_t count,
			  const char *file, int line)
{
	for (size_t i = 0; i < count; i++) {
		if (ask(fn, list[i], strlen(list[i])))
			print_error("%s:%d: %s(\"%s\") is valid\n", file, line,
				    name, list[i]);
		_assert_true(!answer.ok, "invalid", file, line);
		_assert_true(answer.why[0] != 0, "a reason", file, line);
		if (answer.fix[0] && !fn(answer.fix, strlen(answer.fix), NULL))
			print_error("%s:%d: the fix \"%s\" is invalid\n", file,
				    line, answer.fix);
		_assert_true(!answer.fix[0] ||
			     fn(answer.fix, strlen(answer.fix), NULL),
			     "the fix is valid", file, line);
	}
}

#define LIST(...) (const char *const[]){ __VA_ARGS__ }
#define COUNT(...) (sizeof(LIST(__VA_ARGS__)) / sizeof(const char *))
#define VALID(fn, ...)                                                      \
	check_valid(fn, #fn, LIST(__VA_ARGS__), COUNT(__VA_ARGS__),        \
		    __FILE__, __LINE__)
#define INVALID(fn, ...)                                                    \
	check_invalid(fn, #fn, LIST(__VA_ARGS__), COUNT(__VA_ARGS__),      \
		      __FILE__, __LINE__)

/* s is invalid for this exact reason, and this fix ("" for none). */
static void check_why(validator *fn, const char *name, const char *s,
		      size_t n, const char *why, const char *fix,
		      const char *file, int line)
{
	if (ask(fn, s, n))
		print_error("%s:%d: %s(\"%s\") is valid\n", file, line, name,
			    s);
	_assert_true(!answer.ok, "invalid", file, line);
	_assert_string_equal(answer.why, why, file, line);
	_assert_string_equal(answer.fix, fix, file, line);
}

#define WHY(fn, s, why, fix)                                                \
	check_why(fn, #fn, s, strlen(s), why, fix, __FILE__, __LINE__)
#define WHYN(fn, s, why, fix)                                               \
	check_why(fn, #fn, s, sizeof(s) - 1, why, fix, __FILE__, __LINE__)

/* --- addresses ------------------------------------------------------- */

static void t_ipv4(void **state)
{
	(void)state;
	VALID(ipv4, "0.0.0.0", "255.255.255.255", "1.2.3.4", "10.0.0.1",
	      "127.0.0.1", "192.168.100.200", "0.10.100.0");
	INVALID(ipv4, "", "256.0.0.0", "1.2.3.256", "1.2.3", "1.2.3.4.5",
		"010.1.1.1", "1.2.3.04", "00.1.1.1", "0.0.0.00", "1.2.3.4.",
		".1.2.3", "1..3.4", "0x1.1.1.1", "1.2.3.-4", "+1.2.3.4",
		"::1", "1.2.3.4/32", "1234.1.1.1", "1.2.3.4%eth0",
		"\xEF\xBC\x91.2.3.4", "1 .2.3.4", "one.two.three.four");
	/* glibc's inet_pton already refuses "010.1.1.1", others read it as
	 * octal 8: the reason says why. */
	WHY(ipv4, "010.1.1.1", "the number `010` has a leading zero, which "
	    "some read as octal", "");
	WHY(ipv4, "256.1.1.1", "the number 256 is more than 255", "");
	WHY(ipv4, "1.2.3", "it has 3 numbers, an IPv4 address has four", "");
	WHY(ipv4, "1.2.3.4.5", "it has 5 numbers, an IPv4 address has four",
	    "");
	WHY(ipv4, "1.2.3.4.", "it ends with a dot", "1.2.3.4");
	WHY(ipv4, ".1.2.3", "it starts with a dot", "");
	WHY(ipv4, "1..3.4", "it has two dots in a row", "");
	WHY(ipv4, "1.2.x.4", "`x` is not a digit", "");
	/* a name where the address belongs; a mistyped address is no name,
	 * though it be a valid hostname: its last label starts with a digit */
	WHY(ipv4, "example.net", "it is a name, not an address", "");
	WHY(ipv4, "localhost", "it is a name, not an address", "");
	WHY(ipv4, "Ntp1.Example.NET", "it is a name, not an address", "");
	WHY(ipv4, "0x1.1.1.1", "`x` is not a digit", "");
	WHY(ipv4, "1.2.3.4e", "`e` is not a digit", "");
	WHY(ipv4, "example..net", "`e` is not a digit", "");
	WHY(ipv4, " 1.2.3.4", "it has white space around it", "1.2.3.4");
	WHY(ipv4, "1.2.3.4\n", "it has white space around it", "1.2.3.4");
	WHY(ipv4, "", "it is empty", "");
	WHY(ipv4, "::1", "it is an IPv6 address, not an IPv4 one", "");
	WHY(ipv4, "::ffff:1.2.3.4", "it is an IPv6 address, not an IPv4 one",
	    "");
	WHY(ipv4, "10.0.0.0/8", "`/8` is a prefix length: an address has "
	    "none (is it a cidr?)", "");
}

static void t_ipv6(void **state)
{
	(void)state;
	VALID(ipv6, "::", "::1", "2001:db8::1", "fe80::1",
	      "1:2:3:4:5:6:7:8", "::ffff:1.2.3.4", "1:2:3:4:5:6:7::",
	      "::1:2:3:4:5:6:7", "0001:2:3:4:5:6:7:8", "2001:DB8::1",
	      "1:2:3:4:5:6:1.2.3.4", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff");
	INVALID(ipv6, "", ":", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7",
		"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8", "[::1]",
		"fe80::1%eth0", "::ffff:1.2.3.04", "::ffff:1.2.3", ":1::",
		"1::1:", "g::", "::1/128", "1.2.3.4", "1:2:3:4:5:6::1.2.3.4",
		"1.2.3.4::", " ::1");
	WHY(ipv6, "[::1]", "an address has no brackets", "::1");
	WHY(ipv6, "fe80::1%eth0", "a zone id `%eth0` is not allowed", "");
	WHY(ipv6, "1::2::3", "`::` appears more than once", "");
	WHY(ipv6, ":::", "`:::` is not allowed", "");
	WHY(ipv6, "12345::", "the group `12345` has more than four hex "
	    "digits", "");
	WHY(ipv6, "1:2:3:4:5:6:7", "it has 7 groups, an address has eight "
	    "(or `::` for a run of zeros)", "");
	WHY(ipv6, "1:2:3:4:5:6:7::8", "it has 8 groups and `::`: with `::` "
	    "an address has at most seven", "");
	WHY(ipv6, "::ffff:1.2.3.04", "the IPv4 part `1.2.3.04` is not valid: "
	    "the number `04` has a leading zero, which some read as octal", "");
	WHY(ipv6, "1.2.3.4::", "the IPv4 part `1.2.3.4` may only come last",
	    "");
	WHY(ipv6, ":1::", "it starts with a single `:`", "");
	WHY(ipv6, "::g", "`g` is not a hex digit", "");
	WHY(ipv6, "10.0.0.1", "it is an IPv4 address, not an IPv6 one", "");
	WHY(ipv6, "example.net", "it is a name, not an address", "");
	WHY(ipv6, "1.2.3.4.5", "the IPv4 part `1.2.3.4.5` is not valid: it "
	    "has 5 numbers, an IPv4 address has four", "");
}

static void t_ip(void **state)
{
	(void)state;
	VALID(ip, "0.0.0.0", "10.1.2.3", "::", "::1", "2001:db8::1",
	      "::ffff:10.0.0.1");
	INVALID(ip, "", "1.2.3", "256.1.1.1", "1::2::3", "[::1]",
		"localhost", "10.0.0.0/8");
	WHY(ip, "[::1]", "an address has no brackets", "::1");
	WHY(ip, "300.1.1.1", "the number 300 is more than 255", "");
	WHY(ip, "1:2", "it has 2 groups, an address has eight (or `::` for "
	    "a run of zeros)", "");
	WHY(ip, "example.net", "it is a name, not an address", "");
	WHY(ip, "ntp.example.net", "it is a name, not an address", "");
	WHY(ip, "localhost", "it is a name, not an address", "");
	WHY(ip, "1.2.x.4", "`x` is not a digit", "");
}

static void t_cidr(void **state)
{
	(void)state;
	VALID(cidr, "0.0.0.0/0", "::/0", "10.0.0.0/8", "10.1.2.0/24",
	      "1.2.3.4/32", "::1/128", "2001:db8::/32", "192.168.0.0/16",
	      "255.255.255.254/31", "fe80::/10", "::ffff:10.1.2.0/120");
	INVALID(cidr, "", "1.2.3.4/33", "::1/129", "10.0.0.0", "10.0.0.0/",
		"10.0.0.0/024", "10.0.0.0/x", "10.0.0.0/-1", "10.0.0.0/+8",
		"10.0.0.0/8/8", "/8", "[::1]/128", "10.1.2.3/24", "10.0.0.0/0",
		"10.0.0.0/00", "1.2.3.4/32 ", "10.0.0.0/1000", "::/0128",
		"1.2.3/24");
	WHY(cidr, "10.1.2.3/24", "host bits are set after /24", "10.1.2.0/24");
	WHY(cidr, "10.0.0.0/0", "host bits are set after /0", "0.0.0.0/0");
	WHY(cidr, "2001:db8::1/32", "host bits are set after /32",
	    "2001:db8::/32");
	WHY(cidr, "1.2.3.4/33", "the prefix length 33 is more than 32", "");
	WHY(cidr, "::/129", "the prefix length 129 is more than 128", "");
	WHY(cidr, "10.0.0.0", "it has no prefix length `/LEN` after the "
	    "address", "");
	WHY(cidr, "10.0.0.0/", "the prefix length after `/` is empty", "");
	WHY(cidr, "10.0.0.0/024", "the prefix length `024` has a leading "
	    "zero", "10.0.0.0/24");
	/* 10.0.0.0/0 has host bits: no fix */
	WHY(cidr, "10.0.0.0/00", "the prefix length `00` has a leading zero",
	    "");
	WHY(cidr, "10.0.0.0/8/8", "the prefix length `8/8` is not a number",
	    "");
	WHY(cidr, "[::1]/128", "the address `[::1]` is not valid: an address "
	    "has no brackets", "::1/128");
	WHY(cidr, "300.0.0.0/8", "the address `300.0.0.0` is not valid: the "
	    "number 300 is more than 255", "");
	WHY(cidr, "example.net/24", "the address `example.net` is not valid: "
	    "it is a name, not an address", "");
	WHY(cidr, "10.0.0.0 /8", "the address `10.0.0.0 ` is not valid: it "
	    "has white space around it", "10.0.0.0/8");
}

/* --- names ----------------------------------------------------------- */

static void t_hostname(void **state)
{
	const char *l63 = rep("a", 63), *l64 = rep("a", 64);
	/* 25 labels of 9 and their dots, then 3: 253 */
	const char *n253 = cat(rep("abcdefghi.", 25), "abc");
	const char *n254 = cat(n253, "d");

	(void)state;
	assert_int_equal(strlen(n253), 253);
	VALID(hostname, "a", "0", "example.com", "EXAMPLE.com", "a-b.c",
	      "1.2.3.4", "xn--bcher-kva.example", "a--b", l63,
	      cat(l63, ".com"), n253);
	INVALID(hostname, "", ".", l64, cat(l64, ".com"), n254,
		"example.com.", ".example.com", "a..b", "-a.com", "a-.com",
		"a_b.com", "\xC3\xA9.com", "a b", "a.com/x", "a:80", "*.a.com");
	WHY(hostname, "-a.com", "the label `-a` starts with `-`", "");
	WHY(hostname, "a.b-", "the label `b-` ends with `-`", "");
	WHY(hostname, "example.com.", "it ends with a dot", "example.com");
	WHY(hostname, cat(n253, "."), "it ends with a dot", n253);
	WHY(hostname, n254, "it is 254 characters long, more than 253", "");
	/* pieces of the input are cut after 44 bytes */
	WHY(hostname, cat(l64, ".com"), cat(cat("the label `", rep("a", 44)),
	    "\xE2\x80\xA6` is 64 characters long, more than 63"), "");
	WHY(hostname, "a_b.com", "`_` is not allowed (only letters, digits "
	    "and `-`)", "");
	WHY(hostname, "a..b", "it has an empty label between two dots", "");
	WHY(hostname, ".a", "it starts with a dot", "");
	WHY(hostname, "\xC3\xA9.com", "`\xC3\xA9` is not allowed (only "
	    "letters, digits and `-`)", "");
}

static void t_dns_label(void **state)
{
	const char *l63 = rep("a", 63), *l64 = rep("a", 64);

	(void)state;
	VALID(dns_label, "a", "0", "web-1", "a-b", "a--b", "1a", "a1", l63,
	      rep("0", 63));
	INVALID(dns_label, "", "-", l64, "-a", "a-", "a.b", "A", "Web",
		"a_b", "web ", "\xC3\xA0");
	WHY(dns_label, "Web", "it has upper-case letters", "web");
	WHY(dns_label, "WEB-1", "it has upper-case letters", "web-1");
	WHY(dns_label, "WEB-", "it has upper-case letters (only a-z, 0-9 "
	    "and `-`)", "");
	WHY(dns_label, "We_b", "`_` is not allowed (only a-z, 0-9 and `-`)",
	    "");
	WHY(dns_label, l64, "it is 64 characters long, more than 63", "");
	WHY(dns_label, "-web", "the label `-web` starts with `-`", "");
	WHY(dns_label, "a.b", "`.` is not allowed (only a-z, 0-9 and `-`)",
	    "");
}

/* --- versions, quantities, durations ---------------------------------- */

static void t_semver(void **state)
{
	(void)state;
	VALID(semver, "0.0.0", "1.2.3", "10.20.30", "1.2.3-0", "1.2.3-alpha",
	      "1.2.3-alpha.1", "1.2.3-0a", "1.2.3-a-b", "1.2.3--",
	      "1.2.3-0.3.7", "1.0.0-x.7.z.92", "1.0.0-alpha+001",
	      "1.2.3+build", "1.2.3+build.01", "1.2.3+-", "1.2.3-rc.1+build.5",
	      "99999999999999999999.0.0", "1.2.3-x-y-z.--");
	INVALID(semver, "", "1", "1.2", "1.2.3.4", "v1.2.3", "V1.2.3",
		"01.2.3", "1.02.3", "1.2.03", "1.2.3-01", "1.2.3-", "1.2.3+",
		"1.2.3-a..b", "1.2.3+a..b", "1.2.3-a_b", "1.2.3+a+b",
		" 1.2.3", "1.2.3 ", "1.2.x", "1.2.3-\xC3\xA9", "1.2.3-.a",
		"-1.2.3", "1..3", "1.2.3-a.", "1.2.3+a.", "1.2.3+\xC3\xA9");
	WHY(semver, "v1.2.3", "a version has no leading `v`", "1.2.3");
	WHY(semver, "1", "it needs three numbers MAJOR.MINOR.PATCH", "");
	WHY(semver, "1.2", "it needs three numbers MAJOR.MINOR.PATCH", "");
	WHY(semver, "1.2.3.4", "it has more than three numbers "
	    "MAJOR.MINOR.PATCH", "");
	WHY(semver, "1.2.3-01", "the pre-release identifier `01` is a number "
	    "with a leading zero", "");
	WHY(semver, "1.02.3", "MINOR `02` has a leading zero", "1.2.3");
	WHY(semver, "1.2.x", "PATCH `x` is not a number", "");
	WHY(semver, "1..3", "MINOR is empty", "");
	WHY(semver, "1.2.3-", "the pre-release after `-` is empty", "");
	WHY(semver, "1.2.3+", "the build metadata after `+` is empty", "");
	WHY(semver, "1.2.3-a..b", "the pre-release `a..b` has an empty "
	    "identifier", "");
	WHY(semver, "1.2.3+a+b", "`+` is not allowed in the build metadata "
	    "(only letters, digits and `-`)", "");
	WHY(semver, " 1.2.3", "it has white space around it", "1.2.3");
}

static void t_quantity(void **state)
{
	(void)state;
	VALID(quantity, "0", "1", "+1", "-1", "1.5", ".5", "5.", "1e3", "1E3",
	      "1e-3", "1e+3", "1Ki", "512Mi", "1Gi", "1Ti", "1Pi", "1Ei",
	      "100m", "1n", "1u", "1k", "1M", "1G", "1T", "1P", "1E", "0.5Gi",
	      "+.5", "-5.e3", "007");
	INVALID(quantity, "", ".", "+", "-", "Mi", "1e", "1e+", "1e1.5",
		"512MB", "1gi", "1KiB", "1K", "1g", "1 Gi", "1.2.3", "1x",
		"--1", "1,5", "1Mi ", "1mi", "1Ki1", "1e3Mi", "1.e", "e3");
	WHY(quantity, "512MB", "`MB` is not a suffix (Mi is 2^20, M is 10^6)",
	    "");
	WHY(quantity, "1gi", "`gi` is not a suffix (suffixes are "
	    "case-sensitive)", "1Gi");
	WHY(quantity, "1KI", "`KI` is not a suffix (suffixes are "
	    "case-sensitive)", "1Ki");
	WHY(quantity, "1KiB", "`KiB` is not a suffix (Ki is 2^10, k is 10^3)",
	    "");
	WHY(quantity, "1K", "`K` is not a suffix (Ki is 2^10, k is 10^3)", "");
	WHY(quantity, "1 Gi", "there is a space before the suffix", "1Gi");
	WHY(quantity, "1Gi ", "it has white space around it", "1Gi");
	WHY(quantity, "1e", "`e` is not a suffix (an exponent needs digits, "
	    "as in 1e3)", "");
	WHY(quantity, "1e+", "the exponent `e+` has no digits", "");
	WHY(quantity, "1e1.5", "the exponent `e1.5` is not a whole number",
	    "");
	WHY(quantity, "1.2.3", "the number has more than one `.`", "");
	WHY(quantity, "Gi", "it has no number", "");
	WHY(quantity, "1x", "`x` is not a suffix (Ki Mi Gi Ti Pi Ei, n u m k "
	    "M G T P E, or an exponent as in 1e3)", "");
}

static void t_duration(void **state)
{
	(void)state;
	/* Go reads .5 and 1. as numbers, as it does 0.5 and 1 */
	VALID(duration, "0", "1s", "90s", "1h30m", "1.5h", "300ms",
	      "1\xC2\xB5s", "1\xCE\xBCs", "1us", "1ns", "2h45m30.5s", "01h",
	      "0s", "0.000000001s", "1h1h", "2562047h",
	      "2562047h47m16.854775807s", "9223372036854775807ns",
	      "1.00000000000000000000000000001s", ".5s", "1.s", "5.s",
	      ".5h30m", "1h.5m", "0.s", ".0s", "1.\xC2\xB5s", "2562047.h",
	      "9223372036854775807.ns", ".9223372036854775808s",
	      "2562047h47m16.854775807s.0ns");
	INVALID(duration, "", "1", "90", "00", "1d", ".s", ".", "..5s",
		"1..s", "1h.", ".5", "1.", "-1s", "-.5s", "+1s", "1h 30m",
		"1H", "1M", "1.5.3s", "s", "1hh", "1sm",
		"2562047h47m16.854775808s", "9223372036854775808ns",
		"9223372036854775809ns", "2562048h", "2562048.h",
		"9223372036854775808.ns", "2562047h47m16.854775807s.000000001s",
		"1.5ns9223372036854775807ns",
		"1\xC2\xB5", "1 s", "1s ", "1w");
	WHY(duration, "1d", "`d` is not a unit (use 24h)", "");
	WHY(duration, "90", "a number needs a unit", "90s");
	WHY(duration, "1.5", "a number needs a unit", "1.5s");
	WHY(duration, ".5", "a number needs a unit", ".5s");
	WHY(duration, "1h30", "a number needs a unit", "1h30m");
	WHY(duration, "5ns3", "a number needs a unit", "");
	WHY(duration, "1H", "`H` is not a unit (units are lower case)", "1h");
	WHY(duration, "10MS", "`MS` is not a unit (units are lower case)",
	    "10ms");
	/* minutes or months? */
	WHY(duration, "1M", "`M` is not a unit (units are ns, us, \xC2\xB5s, "
	    "ms, s, m and h)", "");
	WHY(duration, "5min", "`min` is not a unit (use m)", "");
	WHY(duration, "1h 30m", "it has a space in it", "1h30m");
	WHY(duration, "-5s", "a duration has no sign", "");
	WHY(duration, "+5s", "a duration has no sign", "5s");
	WHY(duration, ".s", "`.` has no digits before or after it", "");
	WHY(duration, "1h.m", "`.` has no digits before or after it", "");
	WHY(duration, "1..s", "the number `1..` has more than one `.`", "");
	WHY(duration, "1.5.3s", "the number `1.5.` has more than one `.`", "");
	WHY(duration, "2562048.h", "it is longer than "
	    "2562047h47m16.854775807s, the most a Go duration holds", "");
	WHY(duration, ".5d", "`d` is not a unit (use 24h)", "");
	WHY(duration, "h", "`h` has no number before it", "");
	WHY(duration, "2562048h", "it is longer than "
	    "2562047h47m16.854775807s, the most a Go duration holds", "");
}

/* --- paths and URLs --------------------------------------------------- */

static void t_abspath(void **state)
{
	const char *p4096 = rep("/abcdefg", 512);
	const char *p4097 = cat(p4096, "h");

	(void)state;
	assert_int_equal(strlen(p4096), 4096);
	VALID(abspath, "/", "/etc", "/etc/hosts", "/a b/c", "/\xC3\xA9",
	      "/...", "/.a", "/a..", "/a.", "/-", p4096);
	INVALID(abspath, "", "etc", "./x", "~/x", "/etc/", "//", "//etc",
		"/etc//x", "/./x", "/x/.", "/../x", "/x/..", "/.", "/..",
		p4097, "/a\nb", "/a\x7f", "/a\tb");
	WHY(abspath, "/etc/", "it ends with `/`", "/etc");
	WHY(abspath, "/etc//x", "it has an empty component (`//`)", "/etc/x");
	WHY(abspath, "//", "it has an empty component (`//`)", "/");
	WHY(abspath, "/a/./b/", "it has a `.` component", "/a/b");
	WHY(abspath, "/a/../b", "it has a `..` component", "");
	WHY(abspath, "etc/x", "it does not start with `/`", "");
	WHY(abspath, p4097, "it is 4097 bytes long, more than 4096", "");
	WHY(abspath, "/a\nb", "it holds a control character `\\x0a`", "");
}

static void t_url(void **state)
{
	(void)state;
	VALID(url, "https://example.com", "http://x:8080/p?q=1#f",
	      "https://[::1]:443/", "file:///etc/hosts", "file:/etc/hosts",
	      "s3://bucket/key", "git+ssh://git@host/repo.git",
	      "HTTPS://EXAMPLE.COM", "https://user:pw@x.com/",
	      "http://10.0.0.1/", "https://x.com:0");
	INVALID(url, "", "example.com", "localhost:8080", "http:/x",
		"http:///x", "http:////x", "https://x.com:99999",
		"https://x.com:port", "https://", "http://:80", "https://a b",
		" https://x", "https://x\n", "https://x/\x01", "1http://x",
		"+://x", "file:etc", "file:", "file://host/x", "mailto:a@b",
		"https://[zz]/", "://x");
	WHY(url, "example.com", "it has no scheme such as `https://`", "");
	WHY(url, "localhost:8080", "it has no `//` and host after "
	    "`localhost:`", "");
	WHY(url, "https://x.com:99999", "the port is not a number from 0 to "
	    "65535", "");
	WHY(url, "http:/x", "the scheme `http:` needs exactly `//` after it",
	    "http://x");
	/* three slashes are `//` and an empty host, not one slash too many:
	 * the path was meant, so no fix drops a slash */
	WHY(url, "unix:///run/x.sock", "it has no host after `unix://`", "");
	WHY(url, "ldap:///dc=example", "it has no host after `ldap://`", "");
	WHY(url, "http:///x", "it has no host after `http://`", "");
	WHY(url, "http:////x", "it has no host after `http://`", "");
	WHY(url, "https://", "it has no host", "");
	WHY(url, "https://a b", "it has white space in it", "");
	WHY(url, " https://x ", "it has white space around it", "https://x");
	WHY(url, "1http://x", "the scheme `1http` does not start with a "
	    "letter", "");
	WHY(url, "file://host/x", "a file: URL has no host (file:///path)", "");
	WHY(url, "file:etc", "a file: URL needs an absolute path "
	    "(file:///path)", "");
	WHY(url, "https://[zz]/", "the IPv6 address in `[]` is not valid", "");
}

/* --- Kubernetes ------------------------------------------------------- */

static void t_k8s_name(void **state)
{
	const char *l63 = rep("a", 63), *l64 = rep("a", 64);
	const char *s253 = cat(rep("a.", 126), "a");

	(void)state;
	assert_int_equal(strlen(s253), 253);
	/* a subdomain: parts may be longer than 63 */
	VALID(k8s_name, "a", "my-app", "my.app", "0", "a.b-c.d", "1.2.3",
	      l63, l64, cat(l64, ".x"), s253);
	VALID(k8s_pod_name, "web-0", "a.b");
	INVALID(k8s_name, "", "My-App", "my_app", "-a", "a-", "a.", ".a",
		"a..b", "a.-b", "a-.b", cat(s253, "a"), "a/b", "a b");
	WHY(k8s_name, "My.App", "it has upper-case letters", "my.app");
	WHY(k8s_name, "a.", "it ends with a dot", "a");
	WHY(k8s_name, "a..b", "it has an empty part between two dots", "");
	WHY(k8s_name, "a.-b", "the part `-b` starts with `-`", "");
	WHY(k8s_name, "my_app", "`_` is not allowed (only a-z, 0-9, `-` and "
	    "`.`)", "");
	WHY(k8s_name, cat(s253, "a"), "it is 254 characters long, more than "
	    "253", "");
	/* a Namespace: a DNS-1123 label */
	VALID(k8s_namespace_name, "kube-system", "0a", l63);
	INVALID(k8s_namespace_name, "a.b", l64, "", "-a");
	/* a Service: a DNS-1035 label */
	VALID(k8s_service_name, "web", "a", "web-1", "a0", l63);
	INVALID(k8s_service_name, "1web", "0", "a.b", l64, "-a", "a-", "");
	WHY(k8s_service_name, "1web", "the name `1web` starts with a digit, "
	    "not a letter", "");
	WHY(k8s_service_name, "Web", "it has upper-case letters", "web");
	/* RBAC objects: any path segment */
	VALID(k8s_role_name, "system:controller:x", "Edit_Role", "a", "...",
	      cat(s253, "a"));
	INVALID(k8s_role_name, "", ".", "..", "a/b", "a%2F");
	WHY(k8s_role_name, "..", "it cannot be `.` or `..`", "");
	WHY(k8s_role_name, "a/b", "it may not contain `/`", "");
}

static void t_k8s_namespace(void **state)
{
	(void)state;
	VALID(format_k8s_namespace_valid, "default", "kube-system", "a", "0",
	      rep("z", 63));
	INVALID(format_k8s_namespace_valid, "", "a.b", rep("z", 64), "-a", "a-",
		"Default", "a_b");
	WHY(format_k8s_namespace_valid, "Default", "it has upper-case letters",
	    "default");
}

static void t_label_key(void **state)
{
	const char *p253 = cat(rep("a.", 126), "a");

	(void)state;
	VALID(format_k8s_label_key_valid, "app", "app.kubernetes.io/name",
	      "example.com/x", "a_b.c", "A", "a-B_c.D", rep("a", 63),
	      cat(p253, "/x"), cat("x/", rep("b", 63)), "0");
	INVALID(format_k8s_label_key_valid, "", "/x", "a/", "a/b/c", "-x", "x-",
		"_x", "x.", rep("a", 64), cat(p253, "a/x"),
		cat("x/", rep("b", 64)), "My.Com/x", "ex_ample.com/x", "a b",
		"example.com/-x", "\xC3\xA9");
	WHY(format_k8s_label_key_valid, "My.Com/x",
	    "the prefix has upper-case "
	    "letters",
	    "my.com/x");
	WHY(format_k8s_label_key_valid, "/x", "the prefix before `/` is empty",
	    "x");
	WHY(format_k8s_label_key_valid, "a/b/c", "it has more than one `/`",
	    "");
	WHY(format_k8s_label_key_valid, "-x", "it starts with `-`", "");
	WHY(format_k8s_label_key_valid, "example.com/", "the name is empty",
	    "");
	WHY(format_k8s_label_key_valid, "example.com/x_",
	    "the name ends with `_`", "");
	WHY(format_k8s_label_key_valid, "ex_ample.com/x",
	    "`_` is not allowed in "
	    "the prefix (only a-z, 0-9, `-` and `.`)",
	    "");
	WHY(format_k8s_label_key_valid, "example.com./x",
	    "the prefix ends with a "
	    "dot",
	    "example.com/x");
	WHY(format_k8s_label_key_valid, rep("a", 64),
	    "it is 64 characters long, "
	    "more than 63",
	    "");
}

static void t_label_value(void **state)
{
	(void)state;
	VALID(format_k8s_label_value_valid, "", "a", "v1.2_x", "A-b",
	      rep("a", 63), "0");
	INVALID(format_k8s_label_value_valid, "-x", "x-", ".x", "a b", "a/b",
		rep("a", 64), " ");
	WHY(format_k8s_label_value_valid, "-x", "it starts with `-`", "");
	WHY(format_k8s_label_value_valid, "a b",
	    "` ` is not allowed (only letters, "
	    "digits, `-`, `_` and `.`)",
	    "");
	WHY(format_k8s_label_value_valid, " a", "it has white space around it",
	    "a");
}

static void t_api_version(void **state)
{
	(void)state;
	VALID(format_k8s_api_version_valid, "v1", "apps/v1", "batch/v1",
	      "networking.k8s.io/v1", "apps/v1beta1", "apps/v2alpha3",
	      "example.com/v10", "x/v1beta12");
	INVALID(format_k8s_api_version_valid, "", "v2", "apps", "V1", "apps/",
		"/v1", "core/v1", "apps/V1", "Apps/v1", "apps/1", "apps/v0",
		"apps/v01", "apps/v1beta0", "apps/v1gamma1", "apps/v1beta",
		"a/b/c", "apps/v1 ");
	WHY(format_k8s_api_version_valid, "v2",
	    "`v2` has no group: only the core "
	    "group's `v1` goes without one",
	    "");
	WHY(format_k8s_api_version_valid, "apps",
	    "it has no version after the "
	    "group (`apps/v1`?)",
	    "");
	WHY(format_k8s_api_version_valid, "core/v1",
	    "the core group is written "
	    "without a name",
	    "v1");
	WHY(format_k8s_api_version_valid, "Core/v1",
	    "the core group is written "
	    "without a name",
	    "v1");
	WHY(format_k8s_api_version_valid, "core/v2",
	    "the core group is written "
	    "`v1` alone",
	    "");
	WHY(format_k8s_api_version_valid, "Apps/v1",
	    "the group has upper-case "
	    "letters",
	    "apps/v1");
	WHY(format_k8s_api_version_valid, "apps/1",
	    "the version `1` is not v<N>, "
	    "v<N>alpha<M> or v<N>beta<M>",
	    "apps/v1");
	WHY(format_k8s_api_version_valid, "apps/V1",
	    "the version `V1` is not v<N>, "
	    "v<N>alpha<M> or v<N>beta<M>",
	    "apps/v1");
	WHY(format_k8s_api_version_valid, "/v1",
	    "the group before `/` is empty", "v1");
	WHY(format_k8s_api_version_valid, "V1",
	    "it is not `v1` or GROUP/VERSION", "v1");
}

static void t_kind(void **state)
{
	(void)state;
	VALID(format_k8s_kind_valid, "Deployment", "ConfigMap", "A", "V1Beta2",
	      "HTTPRoute");
	INVALID(format_k8s_kind_valid, "", "deployment", "1Pod", "Config-Map",
		"Config Map", "Pod.", "_Pod");
	WHY(format_k8s_kind_valid, "deployment",
	    "it starts with `d`, not an "
	    "upper-case letter",
	    "Deployment");
	WHY(format_k8s_kind_valid, "1Pod",
	    "it starts with `1`, not an upper-case "
	    "letter",
	    "");
	WHY(format_k8s_kind_valid, "Config-Map",
	    "`-` is not allowed (only letters "
	    "and digits)",
	    "");
}

/* --- the OS config's keys --------------------------------------------- */

static void t_unit_name(void **state)
{
	const char *u255 = cat(rep("a", 247), ".service");

	(void)state;
	assert_int_equal(strlen(u255), 255);
	VALID(format_unit_name_valid, "foo.service", "foo@.service",
	      "getty@tty1.service", "a.socket", "a.timer", "-.mount",
	      "a.automount", "a.path", "a.target", "a.slice", "a.swap",
	      "foo.bar.service", "a\\x2db.service", "a:b_c.service",
	      "a@b@c.timer", u255);
	INVALID(format_unit_name_valid, "", "foo", ".service", "@foo.service",
		"foo.Service", "foo.services", "foo.device",
		"/etc/systemd/system/foo.service", "foo bar.service",
		"a/b.service", cat("a", u255), "foo.", "f\xC3\xB6.service");
	WHY(format_unit_name_valid, "foo",
	    "it does not end in a unit type such as "
	    "`.service`",
	    "");
	WHY(format_unit_name_valid, "foo.Service",
	    "`.Service` is not a unit type "
	    "(.service, .socket, .timer, .mount, .automount, .path, .target, "
	    ".slice or .swap)",
	    "foo.service");
	WHY(format_unit_name_valid, "/etc/systemd/system/foo.service",
	    "`/` is not "
	    "allowed: a unit name is not a path",
	    "foo.service");
	WHY(format_unit_name_valid, ".service",
	    "it has no name before `.service`", "");
	WHY(format_unit_name_valid, "@foo.service", "it has no name before `@`",
	    "");
	WHY(format_unit_name_valid, "foo bar.service",
	    "` ` is not allowed (only "
	    "letters, digits and `:_.\\@-`)",
	    "");
	WHY(format_unit_name_valid, cat("a", u255),
	    "it is 256 characters long, "
	    "more than 255",
	    "");
}

static void t_file_name(void **state)
{
	(void)state;
	VALID(format_file_name_valid, "a", "a.txt", ".bashrc", "...", " x",
	      "x ", "a b", "\xC3\xA9", rep("a", 255));
	INVALID(format_file_name_valid, "", ".", "..", "a/b", "/",
		rep("a", 256));
	WHY(format_file_name_valid, ".", "`.` names a directory, not a file",
	    "");
	WHY(format_file_name_valid, "..", "`..` names a directory, not a file",
	    "");
	WHY(format_file_name_valid, "a/b", "`/` is not allowed in a file name",
	    "");
	WHY(format_file_name_valid, rep("a", 256),
	    "it is 256 bytes long, more than "
	    "255",
	    "");
}

/* --- what every validator shares ------------------------------------- */

static void t_nul_byte(void **state)
{
	(void)state;
	for (size_t i = 0; i < NALL; i++) {
		static const char with_nul[] = "1.2\0003.4";

		check_why(all[i], "a validator", with_nul, sizeof(with_nul) - 1,
			  "it holds a NUL byte", "", __FILE__, __LINE__);
		check_why(all[i], "a validator", "\0", 1,
			  "it holds a NUL byte", "", __FILE__, __LINE__);
	}
	WHYN(format_k8s_label_value_valid, "a\0", "it holds a NUL byte", "");
	/* FMT_NONE takes anything */
	assert_true(format_valid(FMT_NONE, "a\0b", 3, NULL));
}

static void t_no_terminator(void **state)
{
	/* s[n] is never read: the validators see only s[0..n). */
	static const char text[] = "10.1.2.0/24X";

	(void)state;
	assert_true(cidr(text, 11, NULL));
	assert_true(ipv4(text, 8, NULL));
	assert_false(ipv4(text, 9, NULL));
	assert_true(dns_label("abc-", 3, NULL));
	assert_true(semver("1.2.3.4", 5, NULL));
	assert_true(quantity("1Gi", 2, NULL));
	assert_true(duration("1h30", 2, NULL));
	assert_true(url("https://x.com/ ", 14, NULL));
	assert_true(format_k8s_label_value_valid(NULL, 0, NULL));
	assert_false(hostname(NULL, 0, NULL));
}

static void t_buffers(void **state)
{
	char why[256], fix[64];
	struct format_why w = { why, sizeof(why), fix, sizeof(fix) };
	struct format_why why_only = { why, sizeof(why), NULL, 0 };
	struct format_why fix_only = { NULL, 0, fix, sizeof(fix) };

	(void)state;
	/* w, its why or its fix may be NULL, and the answer is the same */
	for (size_t i = 0; i < NALL; i++) {
		assert_false(all[i]("\x01/", 2, NULL));
		assert_false(all[i]("\x01/", 2, &why_only));
		assert_true(why[0] != 0);
	}
	assert_false(cidr("10.1.2.3/24", 11, &fix_only));
	assert_string_equal(fix, "10.1.2.0/24");
	assert_false(cidr("10.1.2.3/24", 11, &why_only));
	assert_string_equal(why, "host bits are set after /24");
	/* a valid string clears both */
	memset(why, 'X', sizeof(why));
	memset(fix, 'X', sizeof(fix));
	assert_true(cidr("10.1.2.0/24", 11, &w));
	assert_string_equal(why, "");
	assert_string_equal(fix, "");
	/* a reason is cut to fit, a fix that does not fit is left out */
	w.whysize = 8;
	w.fixsize = 11;
	assert_false(cidr("10.1.2.3/24", 11, &w));
	assert_string_equal(why, "host bi");
	assert_string_equal(fix, "");
	w.fixsize = 12;
	assert_false(cidr("10.1.2.3/24", 11, &w));
	assert_string_equal(fix, "10.1.2.0/24");
	/* one-byte buffers hold only the terminator */
	w.whysize = 1;
	w.fixsize = 1;
	assert_false(ipv4("x", 1, &w));
	assert_string_equal(why, "");
	assert_string_equal(fix, "");
}

static bool utf8_valid(const char *s)
{
	for (size_t i = 0, n = strlen(s); i < n;) {
		int len = utf8_char_length((const unsigned char *)s + i,
					       n - i);

		if (len == 0)
			return false;
		i += (size_t)len;
	}
	return true;
}

static void t_cut_reasons_stay_utf8(void **state)
{
	char why[128];

	(void)state;
	for (size_t size = 1; size < sizeof(why); size++) {
		struct format_why w = { why, size, NULL, 0 };

		memset(why, 'X', sizeof(why));
		assert_false(duration("1x", 2, &w));
		assert_true(strlen(why) < size);
		assert_true(why[size] == 'X' || size == sizeof(why) - 1);
		assert_true(utf8_valid(why));
		assert_false(hostname("\xC3\xA9\xC3\xA9\xC3\xA9", 6, &w));
		assert_true(utf8_valid(why));
	}
}

static void t_pieces(void **state)
{
	(void)state;
	/* offending bytes are shown escaped, long pieces cut */
	WHYN(hostname, "a\x01" "b", "`\\x01` is not allowed (only letters, "
	     "digits and `-`)", "");
	WHYN(hostname, "a\xFF" "b", "`\\xff` is not allowed (only letters, "
	     "digits and `-`)", "");
	WHYN(hostname, "a\xC3", "`\\xc3` is not allowed (only letters, "
	     "digits and `-`)", "");
	WHY(dns_label, "a`b", "`\\`` is not allowed (only a-z, 0-9 and `-`)",
	    "");
	/* U+202E RIGHT-TO-LEFT OVERRIDE is valid UTF-8 but not shown */
	WHY(dns_label, "a\xE2\x80\xAE" "b", "`\\xe2\\x80\\xae` is not "
	    "allowed (only a-z, 0-9 and `-`)", "");
	WHY(semver, cat("1.2.", rep("x", 100)), cat(cat("PATCH `", rep("x",
	    44)), "\xE2\x80\xA6` is not a number"), "");
}

static void t_format_names(void **state)
{
	static const struct {
		enum format f;
		const char *name;
	} names[] = {
		{ FMT_NONE, "none" }, { FMT_IP, "ip" }, { FMT_IPV4, "ipv4" },
		{ FMT_IPV6, "ipv6" }, { FMT_CIDR, "cidr" },
		{ FMT_HOSTNAME, "hostname" }, { FMT_DNS_LABEL, "dns_label" },
		{ FMT_SEMVER, "semver" }, { FMT_QUANTITY, "quantity" },
		{ FMT_DURATION, "duration" }, { FMT_ABSPATH, "abspath" },
		{ FMT_URL, "url" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		assert_string_equal(format_name(names[i].f), names[i].name);
	assert_string_equal(format_name((enum format)99), "?");
	assert_true(format_valid(FMT_NONE, "", 0, NULL));
	assert_true(format_valid(FMT_NONE, "\xFF", 1, NULL));
	assert_false(format_valid((enum format)99, "x", 1, NULL));

	/* format_from_name: the same table, back */
	for (size_t i = 1; i < sizeof(names) / sizeof(names[0]); i++)
		assert_int_equal(format_from_name(names[i].name,
						  strlen(names[i].name)),
				 names[i].f);
	assert_int_equal(FMT_COUNT, sizeof(names) / sizeof(names[0]));
	assert_int_equal(format_from_name("none", 4), FMT_NONE);
	assert_int_equal(format_from_name("ipv", 3), FMT_NONE);
	assert_int_equal(format_from_name("ipv4x", 4), FMT_IPV4);
	assert_int_equal(format_from_name("IPV4", 4), FMT_NONE);
	assert_int_equal(format_from_name("", 0), FMT_NONE);
}

/* format_cidr_parse: format_valid(FMT_CIDR)'s answer, reason and fix, and the
 * parts of a valid one. */
static void t_cidr_parse(void **state)
{
	static const char *const bad[] = {
		"10.0.0.1/024", "10.0.0.1/24", "10.0.0.0/33", "10.0.0.0",
		"2001:db8::1/64", " 10.0.0.0/8", "010.0.0.0/8", "",
	};
	struct cidr c;
	char why[160], fix[64], why2[160], fix2[64];
	struct format_why w = { why, sizeof(why), fix, sizeof(fix) };
	struct format_why w2 = { why2, sizeof(why2), fix2, sizeof(fix2) };
	const unsigned char v4[4] = { 10, 1, 2, 0 };
	const unsigned char v6[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0xff };

	(void)state;
	assert_true(format_cidr_parse("10.1.2.0/24", 11, &c, &w));
	assert_int_equal(c.family, AF_INET);
	assert_int_equal(c.bits, 32);
	assert_int_equal(c.prefix, 24);
	assert_memory_equal(c.addr, v4, 4);
	assert_string_equal(why, "");
	assert_true(format_cidr_parse("2001:db8:0:ff::/64", 18, &c, NULL));
	assert_int_equal(c.family, AF_INET6);
	assert_int_equal(c.bits, 128);
	assert_int_equal(c.prefix, 64);
	assert_memory_equal(c.addr, v6, 16);
	assert_true(format_cidr_parse("0.0.0.0/0", 9, &c, NULL));
	assert_int_equal(c.prefix, 0);
	assert_true(format_cidr_parse("::/0", 4, &c, NULL));
	assert_true(format_cidr_parse("10.0.0.5/32xyz", 11, &c, NULL));	/* n */
	assert_int_equal(c.prefix, 32);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		size_t n = strlen(bad[i]);

		assert_false(format_cidr_parse(bad[i], n, &c, &w));
		assert_false(format_valid(FMT_CIDR, bad[i], n, &w2));
		assert_string_equal(why, why2);
		assert_string_equal(fix, fix2);
		assert_true(why[0]);
	}
	assert_false(format_cidr_parse("10.0.0.1/24", 11, &c, &w));
	assert_string_equal(why, "host bits are set after /24");
	assert_string_equal(fix, "10.0.0.0/24");
	assert_false(format_cidr_parse("10.0.0.1/024", 12, &c, &w));
	assert_string_equal(why, "the prefix length `024` has a leading zero");
	assert_string_equal(fix, "");
}

/* --- threads ------------------------------------------------------------ */

static const char *const thread_inputs[] = {
	"1.2.3", "v1.2.3", "1.2.3-rc.1+b", "512Mi", "512MB", "1gi", "1h30m",
	"90", "1d", "10.1.2.3/24", "https://x.com", "example.com",
};

#define NTHREAD_INPUTS (sizeof(thread_inputs) / sizeof(thread_inputs[0]))

struct thread_answers {
	bool ok[NTHREAD_INPUTS][NALL];
	char why[NTHREAD_INPUTS][NALL][96];
};

static void *validate_all(void *arg)
{
	struct thread_answers *a = arg;

	for (int round = 0; round < 20; round++)
		for (size_t i = 0; i < NTHREAD_INPUTS; i++)
			for (size_t v = 0; v < NALL; v++) {
				struct format_why w = { a->why[i][v], 96, NULL,
							0 };
				const char *s = thread_inputs[i];

				a->ok[i][v] = all[v](s, strlen(s), &w);
			}
	return NULL;
}

/* The regular expressions are compiled by whichever thread comes first;
 * all threads must get the answers one thread gets. */
static void t_threads(void **state)
{
	enum { NTHREADS = 4 };
	static struct thread_answers answers[NTHREADS + 1];
	pthread_t threads[NTHREADS];

	(void)state;
	for (int t = 0; t < NTHREADS; t++)
		assert_int_equal(pthread_create(&threads[t], NULL, validate_all,
						&answers[t]), 0);
	for (int t = 0; t < NTHREADS; t++)
		assert_int_equal(pthread_join(threads[t], NULL), 0);
	validate_all(&answers[NTHREADS]);
	for (int t = 0; t < NTHREADS; t++)
		for (size_t i = 0; i < NTHREAD_INPUTS; i++)
			for (size_t v = 0; v < NALL; v++) {
				assert_int_equal(answers[t].ok[i][v],
						 answers[NTHREADS].ok[i][v]);
				assert_string_equal(
					answers[t].why[i][v],
					answers[NTHREADS].why[i][v]);
			}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(t_threads),	/* first: regcomp races */
		cmocka_unit_test(t_ipv4),
		cmocka_unit_test(t_ipv6),
		cmocka_unit_test(t_ip),
		cmocka_unit_test(t_cidr),
		cmocka_unit_test(t_hostname),
		cmocka_unit_test(t_dns_label),
		cmocka_unit_test(t_semver),
		cmocka_unit_test(t_quantity),
		cmocka_unit_test(t_duration),
		cmocka_unit_test(t_abspath),
		cmocka_unit_test(t_url),
		cmocka_unit_test(t_k8s_name),
		cmocka_unit_test(t_k8s_namespace),
		cmocka_unit_test(t_label_key),
		cmocka_unit_test(t_label_value),
		cmocka_unit_test(t_api_version),
		cmocka_unit_test(t_kind),
		cmocka_unit_test(t_unit_name),
		cmocka_unit_test(t_file_name),
		cmocka_unit_test(t_nul_byte),
		cmocka_unit_test(t_no_terminator),
		cmocka_unit_test(t_buffers),
		cmocka_unit_test(t_cut_reasons_stay_utf8),
		cmocka_unit_test(t_pieces),
		cmocka_unit_test(t_format_names),
		cmocka_unit_test(t_cidr_parse),
	};

	return cmocka_run_group_tests_name("formats", tests, NULL, NULL);
}
