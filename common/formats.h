/*
 * formats.h - validators for the string formats of LANGUAGE.md section 6,
 * for the names Kubernetes checks (section 8), and for the keys of the OS
 * config's maps.
 *
 * Each validator takes a string s[0..n) (UTF-8, may hold any byte but NUL
 * is never valid; s[n] is never read, and s may be NULL when n is 0) and
 * returns true when it is valid. When it is not, and why is not NULL, it
 * writes into why[0..whysize) a short reason in plain words that completes
 * "is not a valid <format>: ..." (for example "the label `-a` starts with
 * `-`", "the prefix length 33 is more than 32", "it ends with a dot": the
 * whole string is "it"), and, where one is obvious, a fix into
 * fix[0..fixsize) ("10.1.2.0/24"), else fix[0] = 0; a reason never
 * repeats its fix. w, its why or its fix may be NULL; the answer is the
 * same.
 *
 * A reason is cut to fit whysize, never inside a UTF-8 character, and
 * shows pieces of the input escaped (control bytes and invalid UTF-8 as
 * \xNN). A fix is always itself valid: one that would not fit fixsize is
 * left out, not cut. A string that is valid once the white space around
 * it is trimmed gets "it has white space around it" and the trimmed fix.
 * A valid string gets why[0] = fix[0] = 0.
 *
 * All validators are pure and safe to call from several threads at once.
 * They use libc's inet_pton for addresses, POSIX extended regular
 * expressions (compiled once) for semver, quantity and duration, and
 * libcurl's URL parser for url.
 */
#ifndef SITEC_COMMON_FORMATS_H
#define SITEC_COMMON_FORMATS_H

#include <stdbool.h>
#include <stddef.h>

/* The string formats of section 6, in the order of their names' table. */
enum format {
	FMT_NONE,
	FMT_IP, FMT_IPV4, FMT_IPV6, FMT_CIDR, FMT_HOSTNAME, FMT_DNS_LABEL,
	FMT_SEMVER, FMT_QUANTITY, FMT_DURATION, FMT_ABSPATH, FMT_URL,
	FMT_COUNT	/* not a format: the number of them */
};

struct format_why {
	char *why;	/* the reason, or NULL when not wanted */
	size_t whysize;
	char *fix;	/* a corrected value, or NULL when not wanted */
	size_t fixsize;
};

/* A string of format f (FMT_NONE: always valid, NUL bytes and all).
 *   ip, ipv4, ipv6: as inet_pton reads them; ipv4 without leading zeros,
 *     ipv6 without zone id or brackets.
 *   cidr: ADDRESS/LENGTH, no leading zeros, no host bits set.
 *   hostname: RFC 1123, at most 253 characters, labels of 1..63.
 *   dns_label: 1..63 of a-z, 0-9 and `-`, alphanumeric at both ends.
 *   semver: semver.org 2.0.0.
 *   quantity: a Kubernetes resource.Quantity ("512Mi", "0.5", "1e3").
 *   duration: Go's time.ParseDuration without a sign, NUMBER as Go reads
 *     it: digits with an optional point and digits, a digit on at least
 *     one side of the point (1, 1.5, .5, 1.); units ns us µs (U+00B5 or
 *     U+03BC) ms s m h; at most what Go's int64 of nanoseconds holds.
 *   abspath: `/`, or `/`-separated non-empty components other than `.`
 *     and `..`, no trailing `/`, at most 4096 bytes, no control bytes.
 *   url: what libcurl's URL parser takes, with an RFC 3986 scheme, then
 *     `//` and a host (file: needs only an absolute path), no white space
 *     or control bytes. */
bool format_valid(enum format f, const char *s, size_t n,
		  struct format_why *w);
/* The format's name as written in a type ("ipv4"); "none" for FMT_NONE
 * and "?" for a value out of range. A static string. */
const char *format_name(enum format f);
/* The format called s[0..n) in a type ("ipv4": FMT_IPV4); FMT_NONE when
 * no format has that name ("none" included: it is no type's name). */
enum format format_from_name(const char *s, size_t n);

/* A cidr taken apart. */
struct cidr {
	int family;		/* AF_INET or AF_INET6 */
	unsigned char addr[16];	/* network order; 4 or 16 bytes used */
	unsigned bits;		/* the address's: 32 or 128 */
	unsigned prefix;	/* 0..bits */
};
/* Parses s[0..n) as a value of format cidr: the same rule and the same
 * reason and fix in w as format_valid(FMT_CIDR, ...) (no leading zeros,
 * no host bits set); true and *out filled in when it is valid. */
bool format_cidr_parse(const char *s, size_t n, struct cidr *out,
		       struct format_why *w);

/* Kubernetes' rules (k8s.io/apimachinery/pkg/util/validation). */
/* metadata.name of an object of this kind: a DNS-1123 subdomain, or for
 * kind "Namespace" a DNS-1123 label and for "Service" a DNS-1035 label.
 * kind may be NULL: a subdomain. Upper case gets the lower-case fix. */
bool format_k8s_name_valid(const char *kind, const char *s, size_t n,
			   struct format_why *w);
/* metadata.namespace: a DNS-1123 label. */
bool format_k8s_namespace_valid(const char *s, size_t n, struct format_why *w);
/* A label or annotation key: [prefix/]name, prefix a DNS-1123 subdomain of
 * at most 253 characters, name 1..63 of [A-Za-z0-9-_.] starting and ending
 * with an alphanumeric. */
bool format_k8s_label_key_valid(const char *s, size_t n, struct format_why *w);
/* A label value: empty, or 1..63 characters as a key's name part. */
bool format_k8s_label_value_valid(const char *s, size_t n,
				  struct format_why *w);
/* apiVersion: "v1" or "GROUP/VERSION" (group a DNS-1123 subdomain,
 * version v<N>, v<N>alpha<M> or v<N>beta<M>). */
bool format_k8s_api_version_valid(const char *s, size_t n,
				  struct format_why *w);
/* kind: an upper-case letter, then letters and digits ("Deployment"). */
bool format_k8s_kind_valid(const char *s, size_t n, struct format_why *w);

/* Keys of the OS config's maps. */
/* A systemd unit name: 1..255 of [A-Za-z0-9:_.\\@-], ending in a unit
 * type suffix (.service .socket .timer .mount .automount .path .target
 * .slice .swap); no `/`. */
bool format_unit_name_valid(const char *s, size_t n, struct format_why *w);
/* A plain file name: 1..255 bytes, no `/`, not `.` or `..`. */
bool format_file_name_valid(const char *s, size_t n, struct format_why *w);

#endif
