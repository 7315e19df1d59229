/*
 * formats.c - the string formats of LANGUAGE.md section 6, Kubernetes'
 * name rules and the keys of the OS config's maps: is a string valid, and
 * when it is not, why, and what would fix it.
 *
 * Each format is decided by one authority: libc's inet_pton for addresses,
 * a POSIX ERE for semver, quantity and duration, libcurl for url, and a
 * scan by hand for the name rules. Only once a string is known to be
 * invalid does a second pass look for the reason, so the reason finders
 * never change the answer. A fix is offered only after it has itself been
 * checked: a fix is always valid, or absent.
 *
 * Every check runs through run(), which refuses NUL bytes and, when a
 * string fails only because of white space around it, says so.
 */
#include "formats.h"
#include "utf8.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <locale.h>
#include <pthread.h>
#include <regex.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#if LIBCURL_VERSION_NUM < 0x075100
#error "formats.c needs libcurl 7.81 or later for the URL API's error codes"
#endif

/* Where a check writes its reason and fix; NULL when not wanted. */
struct check {
	char *why;
	size_t whysize;
	char *fix;
	size_t fixsize;
	const char *kind;	/* format_k8s_name_valid's kind, else NULL */
};

typedef bool checker(struct check *c, const char *s, size_t n);

static bool run(struct check *c, checker *fn, const char *s, size_t n);

/* Neither a reason nor a fix wanted: a check may stop at the first fault. */
static bool silent(const struct check *c)
{
	return !c->why && !c->fix;
}

/* A check of a part of the string, into the caller's buffers; silent when
 * c is, so that a bare validity test stays cheap. */
static struct check sub_check(const struct check *c, char *why,
			      size_t whysize, char *fix, size_t fixsize)
{
	struct check sub = { .kind = c->kind };

	if (!silent(c)) {
		why[0] = fix[0] = 0;
		sub.why = why;
		sub.whysize = whysize;
		sub.fix = fix;
		sub.fixsize = fixsize;
	}
	return sub;
}

/* The length of len bytes of text cut back to the last whole UTF-8
 * sequence, so a truncated reason never ends in half a character. */
static size_t utf8_cut(const char *s, size_t len)
{
	for (size_t back = 1; back <= 4 && back <= len; back++) {
		unsigned char b = (unsigned char)s[len - back];

		if (b < 0x80)
			return len;
		if (b >= 0xC0) {
			const unsigned char *lead = (const unsigned char *)s +
						    len - back;

			return utf8_char_length(lead, back) ? len
								 : len - back;
		}
	}
	return len;
}

/* Writes the reason (cut to fit, always terminated) and returns false, so
 * that a check can `return fail(...)`. */
static bool fail(struct check *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static bool fail(struct check *c, const char *fmt, ...)
{
	va_list ap;
	int len;

	if (!c->why)
		return false;
	va_start(ap, fmt);
	len = vsnprintf(c->why, c->whysize, fmt, ap);
	va_end(ap);
	if (len < 0)
		snprintf(c->why, c->whysize, "it is not valid");
	else if ((size_t)len >= c->whysize)
		c->why[utf8_cut(c->why, c->whysize - 1)] = 0;
	return false;
}

/* Whether s[0..n) passes fn, asking for no reason. */
static bool passes(const struct check *c, checker *fn, const char *s,
		  size_t n)
{
	struct check quiet = { .kind = c->kind };

	return run(&quiet, fn, s, n);
}

/* Makes s[0..n) the fix, or none when it does not fit: a cut fix would
 * not be valid. */
static void set_fix(struct check *c, const char *s, size_t n)
{
	if (!c->fix)
		return;
	if (n < c->fixsize)
		memcpy(c->fix, s, n);
	c->fix[n < c->fixsize ? n : 0] = 0;
}

/* Whether s[0..n) passes fn; if so, it becomes the fix. The reason
 * finders call this to choose their words. */
static bool offer(struct check *c, checker *fn, const char *s, size_t n)
{
	if (!passes(c, fn, s, n))
		return false;
	set_fix(c, s, n);
	return true;
}

/* Fixes that are not a piece of the input are built here; inputs so long
 * that their fix would not fit get none. */
#define SCRATCH_SIZE 1024

struct scratch {
	char s[SCRATCH_SIZE];
	size_t len;
	bool over;
};

static void add(struct scratch *b, const char *s, size_t n)
{
	if (b->over || n > sizeof(b->s) - b->len) {
		b->over = true;
		return;
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

static void add_str(struct scratch *b, const char *s)
{
	add(b, s, strlen(s));
}

static bool offer_scratch(struct check *c, checker *fn,
			  const struct scratch *b)
{
	return !b->over && offer(c, fn, b->s, b->len);
}

/* Showing pieces of the input in a reason. */
#define PIECE_SIZE 48
#define ELLIPSIS "\xE2\x80\xA6"

static bool is_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

static bool is_lower(char ch)
{
	return ch >= 'a' && ch <= 'z';
}

static bool is_upper(char ch)
{
	return ch >= 'A' && ch <= 'Z';
}

static bool is_alnum(char ch)
{
	return is_digit(ch) || is_lower(ch) || is_upper(ch);
}

static char to_lower(char ch)
{
	return is_upper(ch) ? (char)(ch - 'A' + 'a') : ch;
}

static char to_upper(char ch)
{
	return is_lower(ch) ? (char)(ch - 'a' + 'A') : ch;
}

static bool is_space(char ch)
{
	return ch == ' ' || (ch >= '\t' && ch <= '\r');
}

static bool is_control(char ch)
{
	return (unsigned char)ch < 0x20 || ch == 0x7f;
}

/* The length of the character at s: its UTF-8 sequence, or 1 byte. */
static size_t char_length(const char *s, size_t avail)
{
	int len = utf8_char_length((const unsigned char *)s, avail);

	return len > 0 ? (size_t)len : 1;
}

/* Valid UTF-8 that a terminal would not show as itself: C1 controls,
 * zero-width and bidi controls, line separators, the BOM. */
static bool invisible(const unsigned char *u, size_t len)
{
	if (len == 2)
		return u[0] == 0xC2 && u[1] < 0xA0;
	if (len != 3)
		return false;
	if (u[0] == 0xE2 && u[1] == 0x80)
		return (u[2] >= 0x8B && u[2] <= 0x8F) ||
		       (u[2] >= 0xA8 && u[2] <= 0xAE);
	if (u[0] == 0xE2 && u[1] == 0x81)
		return u[2] >= 0xA6 && u[2] <= 0xA9;
	return u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF;
}

/* s[0..n) as it can be shown between backquotes: bytes that are not
 * visible text as \xNN, a backquote as \`, and cut with an ellipsis once
 * it is long, so that a reason stays one short line. */
static const char *piece(char *buf, const char *s, size_t n)
{
	size_t o = 0;

	for (size_t i = 0; i < n;) {
		const unsigned char *u = (const unsigned char *)s + i;
		size_t len = char_length(s + i, n - i);
		char esc[8];
		const char *out = s + i;
		size_t outlen = len;

		if ((len == 1 && (is_control(s[i]) || u[0] >= 0x80)) ||
		    (len > 1 && invisible(u, len))) {
			snprintf(esc, sizeof(esc), "\\x%02x", u[0]);
			out = esc;
			outlen = 4;
			len = 1;
		} else if (s[i] == '`') {
			out = "\\`";
			outlen = 2;
		}
		if (o + outlen + sizeof(ELLIPSIS) > PIECE_SIZE) {
			memcpy(buf + o, ELLIPSIS, sizeof(ELLIPSIS) - 1);
			o += sizeof(ELLIPSIS) - 1;
			break;
		}
		memcpy(buf + o, out, outlen);
		o += outlen;
		i += len;
	}
	buf[o] = 0;
	return buf;
}

/* The character at s[i], to quote as the offending one. */
static const char *char_piece(char *buf, const char *s, size_t n, size_t i)
{
	return piece(buf, s + i, char_length(s + i, n - i));
}

/* The value of n <= 9 decimal digits. */
static unsigned decimal(const char *s, size_t n)
{
	unsigned v = 0;

	for (size_t i = 0; i < n; i++)
		v = v * 10 + (unsigned)(s[i] - '0');
	return v;
}

static size_t count_digits(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_digit(s[i]))
		i++;
	return i;
}

static const char *find_byte(const char *s, size_t n, char ch)
{
	return n ? memchr(s, ch, n) : NULL;
}

static const char *find_last_byte(const char *s, size_t n, char ch)
{
	while (n > 0)
		if (s[--n] == ch)
			return s + n;
	return NULL;
}

/*
 * The regular expressions, compiled once in the C locale: there bracket
 * ranges are byte ranges and matching goes byte by byte, whatever locale
 * the program has set, and no input byte can be misread as part of a
 * multibyte character. glibc's regexec locks a shared pattern, so the
 * checks stay safe to run from several threads.
 */
#define SEMVER_NUMBER "(0|[1-9][0-9]*)"
#define SEMVER_PRE_ID "(0|[1-9][0-9]*|[0-9]*[A-Za-z-][0-9A-Za-z-]*)"
#define SEMVER_RE                                                           \
	"^" SEMVER_NUMBER "\\." SEMVER_NUMBER "\\." SEMVER_NUMBER           \
	"(-" SEMVER_PRE_ID "(\\." SEMVER_PRE_ID ")*)?"                     \
	"(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?$"
#define QUANTITY_RE                                                         \
	"^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)"                              \
	"(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$"
/* A number as Go reads it: digits on one side of the point or both (1,
 * 1.5, .5, 1.). µ is U+00B5 (micro sign) or U+03BC (Greek mu): Go takes
 * both. */
#define DURATION_RE                                                         \
	"^(0|(([0-9]+(\\.[0-9]*)?|\\.[0-9]+)"                               \
	"(ns|us|\xC2\xB5s|\xCE\xBCs|ms|s|m|h))+)$"

enum { RE_SEMVER, RE_QUANTITY, RE_DURATION, RE_COUNT };

static const char *const re_source[RE_COUNT] = {
	[RE_SEMVER] = SEMVER_RE,
	[RE_QUANTITY] = QUANTITY_RE,
	[RE_DURATION] = DURATION_RE,
};
static regex_t re_compiled[RE_COUNT];
static bool re_ready;
static pthread_once_t re_once = PTHREAD_ONCE_INIT;

static void re_compile(void)
{
	locale_t posix = newlocale(LC_ALL_MASK, "C", (locale_t)0);
	locale_t old = posix ? uselocale(posix) : (locale_t)0;
	bool ok = posix != (locale_t)0;

	for (int i = 0; ok && i < RE_COUNT; i++)
		ok = regcomp(&re_compiled[i], re_source[i],
			     REG_EXTENDED | REG_NOSUB) == 0;
	if (posix) {
		uselocale(old);
		freelocale(posix);
	}
	re_ready = ok;
}

/* 1 when all of s[0..n) matches, 0 when not, -1 when out of memory. */
static int re_match(int which, const char *s, size_t n)
{
	char small[256];
	char *text = small;
	int rc;

	pthread_once(&re_once, re_compile);
	if (!re_ready)
		return -1;
	if (n >= sizeof(small) && !(text = malloc(n + 1)))
		return -1;
	memcpy(text, s, n);
	text[n] = 0;
	rc = regexec(&re_compiled[which], text, 0, NULL, 0);
	if (text != small)
		free(text);
	if (rc == REG_NOMATCH)
		return 0;
	return rc == 0 ? 1 : -1;
}

static bool out_of_memory(struct check *c)
{
	return fail(c, "it could not be checked: out of memory");
}

/*
 * ipv4: dotted quad as inet_pton reads it, and never a number with a
 * leading zero, which some parsers read as octal (glibc already refuses
 * them; others do not).
 */
static bool check_ipv4(struct check *c, const char *s, size_t n);
static bool check_ipv6(struct check *c, const char *s, size_t n);
static bool check_hostname(struct check *c, const char *s, size_t n);

/* A host's name where its address belongs: a valid hostname whose last
 * label starts with a letter, as RFC 1123 (2.1) has every top-level
 * domain do. "1.2.x.4" and "0x1.1.1.1" are mistyped addresses instead,
 * whose reasons point at the wrong character. */
static bool is_host_name(const struct check *c, const char *s, size_t n)
{
	const char *dot = find_last_byte(s, n, '.');
	size_t last = dot ? (size_t)(dot - s) + 1 : 0;

	return last < n && (is_lower(s[last]) || is_upper(s[last])) &&
	       passes(c, check_hostname, s, n);
}

static bool v4_has_leading_zero(const char *s, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++)
		if (s[i] == '0' && is_digit(s[i + 1]) &&
		    (i == 0 || !is_digit(s[i - 1])))
			return true;
	return false;
}

/* The first fault of a dotted quad, left to right. */
static bool ipv4_number_why(struct check *c, const char *s, size_t n,
			    size_t i, size_t j)
{
	char p[PIECE_SIZE];
	size_t digits = count_digits(s + i, j - i);

	if (i == j) {
		if (i == 0)
			return fail(c, "it starts with a dot");
		if (j == n) {
			offer(c, check_ipv4, s, n - 1);
			return fail(c, "it ends with a dot");
		}
		return fail(c, "it has two dots in a row");
	}
	if (digits < j - i)
		return fail(c, "`%s` is not a digit",
			    char_piece(p, s, j, i + digits));
	if (digits > 1 && s[i] == '0')
		return fail(c, "the number `%s` has a leading zero, which some "
			    "read as octal", piece(p, s + i, digits));
	if (digits > 3 || decimal(s + i, digits) > 255)
		return fail(c, "the number %s is more than 255",
			    piece(p, s + i, digits));
	return true;
}

static bool ipv4_why(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	const char *slash = find_byte(s, n, '/');
	size_t numbers = 0;

	if (find_byte(s, n, ':'))
		return fail(c, passes(c, check_ipv6, s, n) ?
			    "it is an IPv6 address, not an IPv4 one" :
			    "`:` is not allowed");
	if (is_host_name(c, s, n))
		return fail(c, "it is a name, not an address");
	if (slash)
		return fail(c, "`%s` is a prefix length: an address has none "
			    "(is it a cidr?)",
			    piece(p, slash, n - (size_t)(slash - s)));
	for (size_t i = 0;;) {
		size_t j = i;

		while (j < n && s[j] != '.')
			j++;
		numbers++;
		if (!ipv4_number_why(c, s, n, i, j))
			return false;
		if (j == n)
			break;
		i = j + 1;
	}
	if (numbers != 4)
		return fail(c, "it has %zu numbers, an IPv4 address has four",
			    numbers);
	return fail(c, "it is not a dotted-quad address");
}

static bool check_ipv4(struct check *c, const char *s, size_t n)
{
	char text[INET_ADDRSTRLEN];
	unsigned char addr[4];

	if (n == 0)
		return fail(c, "it is empty");
	if (n < sizeof(text) && !v4_has_leading_zero(s, n)) {
		memcpy(text, s, n);
		text[n] = 0;
		if (inet_pton(AF_INET, text, addr) == 1)
			return true;
	}
	if (silent(c))
		return false;
	return ipv4_why(c, s, n);
}

/*
 * ipv6: as inet_pton reads it; no zone id (it names an interface of one
 * host, not an address) and no brackets (those belong to URLs).
 */
static bool is_hex(char ch)
{
	return is_digit(ch) || (ch >= 'a' && ch <= 'f') ||
	       (ch >= 'A' && ch <= 'F');
}

static size_t count_substr(const char *s, size_t n, const char *sub)
{
	size_t len = strlen(sub), count = 0;

	for (size_t i = 0; i + len <= n; i++)
		if (memcmp(s + i, sub, len) == 0)
			count++;
	return count;
}

/* The groups between colons: too long, or an IPv4 tail that is bad or not
 * last; counts them (an IPv4 tail as two) into *groups. */
static bool ipv6_groups_why(struct check *c, const char *s, size_t n,
			    size_t *groups)
{
	char p[PIECE_SIZE], why[128], fix[64];

	*groups = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;

		while (j < n && s[j] != ':')
			j++;
		if (j > i && find_byte(s + i, j - i, '.')) {
			struct check sub = sub_check(c, why, sizeof(why), fix,
						     sizeof(fix));

			if (j < n)
				return fail(c, "the IPv4 part `%s` may only "
					    "come last",
					    piece(p, s + i, j - i));
			if (!run(&sub, check_ipv4, s + i, j - i))
				return fail(c, "the IPv4 part `%s` is not "
					    "valid: %s", piece(p, s + i, j - i),
					    why);
			*groups += 2;
		} else if (j - i > 4) {
			return fail(c, "the group `%s` has more than four hex "
				    "digits", piece(p, s + i, j - i));
		} else if (j > i) {
			*groups += 1;
		}
		i = j + 1;
	}
	return true;
}

static bool ipv6_why(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	const char *zone = find_byte(s, n, '%');
	const char *slash = find_byte(s, n, '/');
	size_t groups, colons2 = count_substr(s, n, "::");

	if (passes(c, check_ipv4, s, n))
		return fail(c, "it is an IPv4 address, not an IPv6 one");
	if (is_host_name(c, s, n))
		return fail(c, "it is a name, not an address");
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		offer(c, check_ipv6, s + 1, n - 2);
		return fail(c, "an address has no brackets");
	}
	if (zone)
		return fail(c, "a zone id `%s` is not allowed",
			    piece(p, zone, n - (size_t)(zone - s)));
	if (slash)
		return fail(c, "`%s` is a prefix length: an address has none "
			    "(is it a cidr?)",
			    piece(p, slash, n - (size_t)(slash - s)));
	for (size_t i = 0; i < n; i++)
		if (!is_hex(s[i]) && s[i] != ':' && s[i] != '.')
			return fail(c, "`%s` is not a hex digit",
				    char_piece(p, s, n, i));
	if (count_substr(s, n, ":::"))
		return fail(c, "`:::` is not allowed");
	if (colons2 > 1)
		return fail(c, "`::` appears more than once");
	if (s[0] == ':' && (n < 2 || s[1] != ':'))
		return fail(c, "it starts with a single `:`");
	if (s[n - 1] == ':' && (n < 2 || s[n - 2] != ':'))
		return fail(c, "it ends with a single `:`");
	if (!ipv6_groups_why(c, s, n, &groups))
		return false;
	if (!colons2 && groups != 8)
		return fail(c, "it has %zu groups, an address has eight (or "
			    "`::` for a run of zeros)", groups);
	if (colons2 && groups > 7)
		return fail(c, "it has %zu groups and `::`: with `::` an "
			    "address has at most seven", groups);
	return fail(c, "it is not an IPv6 address");
}

static bool check_ipv6(struct check *c, const char *s, size_t n)
{
	char text[INET6_ADDRSTRLEN];
	unsigned char addr[16];

	if (n == 0)
		return fail(c, "it is empty");
	if (n < sizeof(text)) {
		memcpy(text, s, n);
		text[n] = 0;
		if (inet_pton(AF_INET6, text, addr) == 1)
			return true;
	}
	if (silent(c))
		return false;
	return ipv6_why(c, s, n);
}

/* ip: an IPv6 address has a colon, an IPv4 address never does. */
static bool check_ip(struct check *c, const char *s, size_t n)
{
	if (find_byte(s, n, ':'))
		return check_ipv6(c, s, n);
	return check_ipv4(c, s, n);
}

/*
 * cidr: ADDRESS/LENGTH, the length in decimal without leading zeros and
 * at most the address's bits, and no bit set after the prefix: a network
 * written with a host's address is a mistake more often than not.
 */
static bool check_cidr(struct check *c, const char *s, size_t n);

/* Offers address + s[from..n) as the cidr's fix. */
static void offer_cidr(struct check *c, const char *addr, const char *s,
		       size_t n, size_t from)
{
	struct scratch b = { .len = 0 };

	add_str(&b, addr);
	add(&b, s + from, n - from);
	offer_scratch(c, check_cidr, &b);
}

static bool cidr_host_bits(struct check *c, const char *s, size_t n,
			   size_t slash, unsigned len)
{
	char text[INET6_ADDRSTRLEN];
	unsigned char addr[16];
	bool v6 = find_byte(s, slash, ':') != NULL;
	unsigned bytes = v6 ? 16 : 4;
	bool set = false;

	memcpy(text, s, slash);	/* a valid address: it fits */
	text[slash] = 0;
	if (inet_pton(v6 ? AF_INET6 : AF_INET, text, addr) != 1)
		return fail(c, "the address is not valid");
	for (unsigned bit = len; bit < bytes * 8; bit++) {
		unsigned char mask = (unsigned char)(0x80u >> (bit % 8));

		if (addr[bit / 8] & mask) {
			set = true;
			addr[bit / 8] &= (unsigned char)~mask;
		}
	}
	if (!set)
		return true;
	if (!silent(c) &&
	    inet_ntop(v6 ? AF_INET6 : AF_INET, addr, text, sizeof(text)))
		offer_cidr(c, text, s, n, slash);
	return fail(c, "host bits are set after /%u", len);
}

static bool cidr_length(struct check *c, const char *s, size_t n,
			size_t slash, unsigned *len)
{
	char p[PIECE_SIZE];
	const char *digits = s + slash + 1;
	size_t count = n - slash - 1;
	unsigned max = find_byte(s, slash, ':') ? 128 : 32;

	if (count == 0)
		return fail(c, "the prefix length after `/` is empty");
	if (count_digits(digits, count) < count)
		return fail(c, "the prefix length `%s` is not a number",
			    piece(p, digits, count));
	if (count > 1 && digits[0] == '0') {
		size_t zeros = 0;
		char addr[INET6_ADDRSTRLEN + 1];

		while (zeros + 1 < count && digits[zeros] == '0')
			zeros++;
		if (slash < sizeof(addr) - 1 && !silent(c)) {
			memcpy(addr, s, slash);
			memcpy(addr + slash, "/", 2);
			offer_cidr(c, addr, s, n, slash + 1 + zeros);
		}
		return fail(c, "the prefix length `%s` has a leading zero",
			    piece(p, digits, count));
	}
	if (count > 3 || decimal(digits, count) > max)
		return fail(c, "the prefix length %s is more than %u",
			    piece(p, digits, count), max);
	*len = decimal(digits, count);
	return true;
}

static bool check_cidr(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE], why[160], fix[64];
	const char *slash = find_byte(s, n, '/');
	size_t at = slash ? (size_t)(slash - s) : n;
	struct check sub = sub_check(c, why, sizeof(why), fix, sizeof(fix));
	unsigned len = 0;

	if (n == 0)
		return fail(c, "it is empty");
	if (!run(&sub, check_ip, s, at)) {
		if (silent(c))
			return false;
		if (fix[0] && slash)
			offer_cidr(c, fix, s, n, at);
		if (!slash)
			return fail(c, "%s", why);
		return fail(c, "the address `%s` is not valid: %s",
			    piece(p, s, at), why);
	}
	if (!slash)
		return fail(c, "it has no prefix length `/LEN` after the "
			    "address");
	return cidr_length(c, s, n, at, &len) &&
	       cidr_host_bits(c, s, n, at, len);
}

/*
 * Names made of dot-separated parts: hostnames (RFC 1123), DNS labels and
 * Kubernetes' DNS-1123 labels and subdomains and DNS-1035 labels. One scan
 * serves them all; the rules say what each allows.
 */
struct name_rules {
	checker *self;		/* the check these rules make */
	const char *part;	/* what a part is called in a reason */
	const char *chars;	/* what is allowed, in words */
	size_t max;		/* the whole name */
	size_t part_max;	/* one part; 0: no limit of its own */
	bool dots;		/* several parts */
	bool upper;		/* upper-case letters allowed */
	bool letter_first;	/* DNS-1035: a letter first */
};

/* What a reason calls the string: "it", or a part of a larger string. */
struct subject {
	const char *it;
	const char *in;		/* " in the prefix", or "" */
};

static const struct subject whole = { "it", "" };

static bool check_dns1123_label(struct check *c, const char *s, size_t n);
static bool check_dns1123_subdomain(struct check *c, const char *s, size_t n);
static bool check_dns1035_label(struct check *c, const char *s, size_t n);

static const struct name_rules hostname_rules = {
	.self = check_hostname, .part = "label",
	.chars = "letters, digits and `-`",
	.max = 253, .part_max = 63, .dots = true, .upper = true,
};
static const struct name_rules dns1123_label_rules = {
	.self = check_dns1123_label, .part = "label",
	.chars = "a-z, 0-9 and `-`", .max = 63,
};
static const struct name_rules dns1123_subdomain_rules = {
	.self = check_dns1123_subdomain, .part = "part",
	.chars = "a-z, 0-9, `-` and `.`", .max = 253, .dots = true,
};
static const struct name_rules dns1035_label_rules = {
	.self = check_dns1035_label, .part = "name",
	.chars = "a-z, 0-9 and `-`", .max = 63, .letter_first = true,
};

static bool name_char_ok(const struct name_rules *r, char ch)
{
	return is_lower(ch) || is_digit(ch) || ch == '-' ||
	       (r->upper && is_upper(ch)) || (r->dots && ch == '.');
}

/* Names are case-insensitive in DNS but Kubernetes wants them in lower
 * case: a name whose only fault is its case gets the lower-case fix. */
static bool name_case_why(struct check *c, const struct name_rules *r,
			  const struct subject *who, const char *s, size_t n)
{
	struct scratch b = { .len = 0 };
	bool upper = false;

	for (size_t i = 0; i < n; i++) {
		char lower = to_lower(s[i]);

		upper |= lower != s[i];
		add(&b, &lower, 1);
	}
	if (upper && offer_scratch(c, r->self, &b))
		return fail(c, "%s has upper-case letters", who->it);
	return true;
}

static bool name_part_why(struct check *c, const struct name_rules *r,
			  const char *s, size_t n, size_t i, size_t j)
{
	char p[PIECE_SIZE];

	if (r->part_max && j - i > r->part_max)
		return fail(c, "the %s `%s` is %zu characters long, more than "
			    "%zu", r->part, piece(p, s + i, j - i), j - i,
			    r->part_max);
	if (s[i] == '-')
		return fail(c, "the %s `%s` starts with `-`", r->part,
			    piece(p, s + i, j - i));
	if (s[j - 1] == '-')
		return fail(c, "the %s `%s` ends with `-`", r->part,
			    piece(p, s + i, j - i));
	if (r->letter_first && is_digit(s[i]))
		return fail(c, "the %s `%s` starts with a digit, not a letter",
			    r->part, piece(p, s + i, j - i));
	return true;
}

static bool name_parts_why(struct check *c, const struct name_rules *r,
			   const struct subject *who, const char *s, size_t n)
{
	for (size_t i = 0;;) {
		size_t j = i;

		while (j < n && s[j] != '.')
			j++;
		if (i == j) {
			if (i == 0)
				return fail(c, "%s starts with a dot", who->it);
			if (j == n)
				return fail(c, "%s ends with a dot", who->it);
			return fail(c, "%s has an empty %s between two dots",
				    who->it, r->part);
		}
		if (!name_part_why(c, r, s, n, i, j))
			return false;
		if (j == n)
			return true;
		i = j + 1;
	}
}

static bool check_name(struct check *c, const struct name_rules *r,
		       const struct subject *who, const char *s, size_t n)
{
	char p[PIECE_SIZE];

	if (n == 0)
		return fail(c, "%s is empty", who->it);
	if (r->dots && s[n - 1] == '.' && !silent(c) &&
	    offer(c, r->self, s, n - 1))
		return fail(c, "%s ends with a dot", who->it);
	if (!r->upper && !silent(c) && !name_case_why(c, r, who, s, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (!name_char_ok(r, s[i]) && !is_upper(s[i]))
			return fail(c, "`%s` is not allowed%s (only %s)",
				    char_piece(p, s, n, i), who->in, r->chars);
	for (size_t i = 0; i < n; i++)
		if (!name_char_ok(r, s[i]))
			return fail(c, "%s has upper-case letters (only %s)",
				    who->it, r->chars);
	if (n > r->max)
		return fail(c, "%s is %zu characters long, more than %zu",
			    who->it, n, r->max);
	return name_parts_why(c, r, who, s, n);
}

static bool check_hostname(struct check *c, const char *s, size_t n)
{
	return check_name(c, &hostname_rules, &whole, s, n);
}

static bool check_dns1123_label(struct check *c, const char *s, size_t n)
{
	return check_name(c, &dns1123_label_rules, &whole, s, n);
}

static bool check_dns1123_subdomain(struct check *c, const char *s, size_t n)
{
	return check_name(c, &dns1123_subdomain_rules, &whole, s, n);
}

static bool check_dns1035_label(struct check *c, const char *s, size_t n)
{
	return check_name(c, &dns1035_label_rules, &whole, s, n);
}

/*
 * semver: exactly semver.org 2.0.0, decided by its ERE; the reasons name
 * the part at fault.
 */
static bool check_semver(struct check *c, const char *s, size_t n);

/* The dot-separated identifiers of a pre-release (numbers without leading
 * zeros) or of build metadata (any). */
static bool semver_ids_why(struct check *c, const char *s, size_t n,
			   const char *what, char sep, bool numbers)
{
	char p[PIECE_SIZE];

	if (n == 0)
		return fail(c, "the %s after `%c` is empty", what, sep);
	for (size_t i = 0;;) {
		size_t j = i;

		while (j < n && s[j] != '.')
			j++;
		if (i == j)
			return fail(c, "the %s `%s` has an empty identifier",
				    what, piece(p, s, n));
		for (size_t k = i; k < j; k++)
			if (!is_alnum(s[k]) && s[k] != '-')
				return fail(c, "`%s` is not allowed in the %s "
					    "(only letters, digits and `-`)",
					    char_piece(p, s, j, k), what);
		if (numbers && j - i > 1 && s[i] == '0' &&
		    count_digits(s + i, j - i) == j - i)
			return fail(c, "the %s identifier `%s` is a number "
				    "with a leading zero", what,
				    piece(p, s + i, j - i));
		if (j == n)
			return true;
		i = j + 1;
	}
}

static bool semver_number_why(struct check *c, const char *s, size_t n,
			      size_t i, size_t j, const char *name)
{
	char p[PIECE_SIZE];
	size_t zeros = 0;
	struct scratch b = { .len = 0 };

	if (i == j)
		return fail(c, "%s is empty", name);
	if (count_digits(s + i, j - i) < j - i)
		return fail(c, "%s `%s` is not a number", name,
			    piece(p, s + i, j - i));
	if (j - i == 1 || s[i] != '0')
		return true;
	while (i + zeros + 1 < j && s[i + zeros] == '0')
		zeros++;
	add(&b, s, i);
	add(&b, s + i + zeros, n - i - zeros);
	offer_scratch(c, check_semver, &b);
	return fail(c, "%s `%s` has a leading zero", name,
		    piece(p, s + i, j - i));
}

static bool semver_why(struct check *c, const char *s, size_t n)
{
	static const char *const names[] = { "MAJOR", "MINOR", "PATCH" };
	size_t core = 0, numbers = 0, plus;

	if (n == 0)
		return fail(c, "it is empty");
	if ((s[0] == 'v' || s[0] == 'V') &&
	    offer(c, check_semver, s + 1, n - 1))
		return fail(c, "a version has no leading `v`");
	while (core < n && s[core] != '-' && s[core] != '+')
		core++;
	for (size_t i = 0;;) {
		size_t j = i;

		while (j < core && s[j] != '.')
			j++;
		if (numbers == 3)
			return fail(c, "it has more than three numbers "
				    "MAJOR.MINOR.PATCH");
		if (!semver_number_why(c, s, n, i, j, names[numbers++]))
			return false;
		if (j == core)
			break;
		i = j + 1;
	}
	if (numbers < 3)
		return fail(c, "it needs three numbers MAJOR.MINOR.PATCH");
	plus = core;
	if (core < n && s[core] == '-') {
		const char *end = find_byte(s + core, n - core, '+');

		plus = end ? (size_t)(end - s) : n;
		if (!semver_ids_why(c, s + core + 1, plus - core - 1,
				    "pre-release", '-', true))
			return false;
	}
	if (plus < n && !semver_ids_why(c, s + plus + 1, n - plus - 1,
					"build metadata", '+', false))
		return false;
	return fail(c, "it does not follow semver.org 2.0.0");
}

static bool check_semver(struct check *c, const char *s, size_t n)
{
	int match = re_match(RE_SEMVER, s, n);

	if (match < 0)
		return out_of_memory(c);
	if (match)
		return true;
	if (silent(c))
		return false;
	return semver_why(c, s, n);
}

/*
 * quantity: Kubernetes' resource.Quantity, decided by its ERE. The
 * reasons know the usual mistakes: MB for Mi or M, gi for Gi, K for k.
 */
static bool check_quantity(struct check *c, const char *s, size_t n);

static const struct {
	char letter;
	const char *binary, *binary_value, *decimal, *decimal_value;
} si_prefixes[] = {
	{ 'K', "Ki", "2^10", "k", "10^3" },
	{ 'M', "Mi", "2^20", "M", "10^6" },
	{ 'G', "Gi", "2^30", "G", "10^9" },
	{ 'T', "Ti", "2^40", "T", "10^12" },
	{ 'P', "Pi", "2^50", "P", "10^15" },
	{ 'E', "Ei", "2^60", "E", "10^18" },
};

static int si_prefix(char letter)
{
	size_t count = sizeof(si_prefixes) / sizeof(si_prefixes[0]);

	for (size_t i = 0; i < count; i++)
		if (si_prefixes[i].letter == to_upper(letter))
			return (int)i;
	return -1;
}

/* A suffix that means bytes or mixes up case: 512MB, 1KiB, 1gi, 1K. */
static bool quantity_si_why(struct check *c, const char *s, size_t n,
			    size_t at)
{
	char p[PIECE_SIZE];
	const char *suffix = s + at;
	size_t len = n - at;
	int si = si_prefix(suffix[0]);
	bool i_next = len >= 2 && (suffix[1] == 'i' || suffix[1] == 'I');
	bool bytes = (len == 2 && (suffix[1] == 'B' || suffix[1] == 'b')) ||
		     (len == 3 && i_next &&
		      (suffix[2] == 'B' || suffix[2] == 'b'));

	if (si < 0)
		return true;
	if (len == 2 && i_next) {
		struct scratch b = { .len = 0 };

		add(&b, s, at);
		add_str(&b, si_prefixes[si].binary);
		if (offer_scratch(c, check_quantity, &b))
			return fail(c, "`%s` is not a suffix (suffixes are "
				    "case-sensitive)", piece(p, suffix, len));
	}
	if (len == 1 || bytes)
		return fail(c, "`%s` is not a suffix (%s is %s, %s is %s)",
			    piece(p, suffix, len), si_prefixes[si].binary,
			    si_prefixes[si].binary_value,
			    si_prefixes[si].decimal,
			    si_prefixes[si].decimal_value);
	return true;
}

static bool quantity_suffix_why(struct check *c, const char *s, size_t n,
				size_t at)
{
	char p[PIECE_SIZE];
	const char *suffix = s + at;
	size_t len = n - at, spaces = 0;
	struct scratch b = { .len = 0 };

	while (spaces < len && is_space(suffix[spaces]))
		spaces++;
	add(&b, s, at);
	add(&b, suffix + spaces, len - spaces);
	if (spaces && spaces < len && offer_scratch(c, check_quantity, &b))
		return fail(c, "there is a space before the suffix");
	if (suffix[0] == '.')
		return fail(c, "the number has more than one `.`");
	if (suffix[0] == 'e' || suffix[0] == 'E') {
		if (len == 1)
			return fail(c, "`%s` is not a suffix (an exponent "
				    "needs digits, as in 1e3)",
				    piece(p, suffix, len));
		size_t sign = suffix[1] == '+' || suffix[1] == '-';

		if (sign && count_digits(suffix + 2, len - 2) == 0)
			return fail(c, "the exponent `%s` has no digits",
				    piece(p, suffix, len));
		if (sign || is_digit(suffix[1]))
			return fail(c, "the exponent `%s` is not a whole "
				    "number", piece(p, suffix, len));
	}
	if (!quantity_si_why(c, s, n, at))
		return false;
	return fail(c, "`%s` is not a suffix (Ki Mi Gi Ti Pi Ei, n u m k M G "
		    "T P E, or an exponent as in 1e3)", piece(p, suffix, len));
}

static bool quantity_why(struct check *c, const char *s, size_t n)
{
	size_t i = 0, digits = 0;

	if (n == 0)
		return fail(c, "it is empty");
	if (s[0] == '+' || s[0] == '-')
		i++;
	digits += count_digits(s + i, n - i);
	i += count_digits(s + i, n - i);
	if (i < n && s[i] == '.') {
		digits += count_digits(s + i + 1, n - i - 1);
		i += 1 + count_digits(s + i + 1, n - i - 1);
	}
	if (digits == 0)
		return fail(c, "it has no number");
	if (i == n)
		return fail(c, "it is not a quantity such as 512Mi or 0.5");
	return quantity_suffix_why(c, s, n, i);
}

static bool check_quantity(struct check *c, const char *s, size_t n)
{
	int match = re_match(RE_QUANTITY, s, n);

	if (match < 0)
		return out_of_memory(c);
	if (match)
		return true;
	if (silent(c))
		return false;
	return quantity_why(c, s, n);
}

/*
 * duration: Go's time.ParseDuration without a sign, NUMBER as Go reads it
 * (1, 1.5, .5 and 1. alike); decided by its ERE, then by Go's range (an
 * int64 of nanoseconds), computed as Go computes it.
 */
static bool check_duration(struct check *c, const char *s, size_t n);

static const struct {
	const char *name;
	uint64_t ns;
	const char *smaller;	/* the unit to guess after this one */
} go_units[] = {
	{ "ns", 1, NULL },
	{ "us", 1000, "ns" },
	{ "\xC2\xB5s", 1000, "ns" },	/* U+00B5 micro sign */
	{ "\xCE\xBCs", 1000, "ns" },	/* U+03BC Greek mu */
	{ "ms", 1000000, "us" },
	{ "s", 1000000000, "ms" },
	{ "m", 60000000000, "s" },
	{ "h", 3600000000000, "m" },
};

static int go_unit(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof(go_units) / sizeof(go_units[0]); i++)
		if (strlen(go_units[i].name) == n &&
		    memcmp(go_units[i].name, s, n) == 0)
			return (int)i;
	return -1;
}

/* time.ParseDuration's overflow rules on a string that matched the ERE:
 * it keeps at most the fraction digits that fit in 63 bits and adds
 * fraction * (unit / scale) in float64, as Go does. */
static bool duration_fits(const char *s, size_t n)
{
	const uint64_t limit = (uint64_t)1 << 63;
	uint64_t total = 0;
	size_t i = 0;

	while (i < n && !(n == 1 && s[0] == '0')) {
		uint64_t v = 0, f = 0, unit;
		double scale = 1;
		bool f_full = false;
		size_t u;

		for (; i < n && is_digit(s[i]); i++) {
			if (v > limit / 10)
				return false;
			v = v * 10 + (uint64_t)(s[i] - '0');
			if (v > limit)
				return false;
		}
		if (i < n && s[i] == '.')
			for (i++; i < n && is_digit(s[i]); i++) {
				uint64_t next = f * 10 + (uint64_t)(s[i] - '0');

				f_full |= f > (limit - 1) / 10 || next > limit;
				if (!f_full) {
					f = next;
					scale *= 10;
				}
			}
		for (u = i; i < n && !is_digit(s[i]) && s[i] != '.'; i++)
			;
		unit = go_units[go_unit(s + u, i - u)].ns;
		if (v > limit / unit)
			return false;
		v *= unit;
		if (f > 0)
			v += (uint64_t)((double)f * ((double)unit / scale));
		if (v > limit || v > limit - total)
			return false;
		total += v;
	}
	return total < limit;
}

/* A unit that Go does not know: days, weeks, upper case, English. */
static bool duration_unit_why(struct check *c, const char *s, size_t n,
			      size_t u, size_t end)
{
	static const struct {
		const char *name, *use;
	} words[] = {
		{ "d", "24h" }, { "w", "168h" }, { "min", "m" },
		{ "mins", "m" }, { "sec", "s" }, { "secs", "s" },
		{ "hr", "h" }, { "hrs", "h" }, { "hour", "h" },
		{ "hours", "h" },
	};
	char p[PIECE_SIZE];
	char lower[8];
	const char *unit = s + u;
	size_t len = end - u;

	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].name) == len &&
		    memcmp(words[i].name, unit, len) == 0)
			return fail(c, "`%s` is not a unit (use %s)",
				    words[i].name, words[i].use);
	for (size_t i = 0; i < len && i < sizeof(lower); i++)
		lower[i] = to_lower(unit[i]);
	/* M could mean minutes or months: no guess. */
	if (len <= 2 && go_unit(lower, len) >= 0 &&
	    !(len == 1 && *unit == 'M')) {
		struct scratch b = { .len = 0 };

		add(&b, s, u);
		add(&b, lower, len);
		add(&b, s + end, n - end);
		offer_scratch(c, check_duration, &b);
		return fail(c, "`%s` is not a unit (units are lower case)",
			    piece(p, unit, len));
	}
	return fail(c, "`%s` is not a unit (units are ns, us, µs, ms, s, m "
		    "and h)", piece(p, unit, len));
}

/* A number at the end without its unit: guess the unit after the one
 * before it (1h30 -> 1h30m), or seconds. The guess is the fix alone: a
 * reason never repeats its fix. */
static bool duration_no_unit_why(struct check *c, const char *s, size_t n,
				 int previous)
{
	const char *unit = previous < 0 ? "s" : go_units[previous].smaller;
	struct scratch b = { .len = 0 };

	if (unit) {
		add(&b, s, n);
		add_str(&b, unit);
		offer_scratch(c, check_duration, &b);
	}
	return fail(c, "a number needs a unit");
}

/* The number at s[*i], as Go reads it: digits, then a point and more
 * digits, with a digit on at least one side of the point; moves *i past
 * it. */
static bool duration_number_why(struct check *c, const char *s, size_t n,
				size_t *i)
{
	char p[PIECE_SIZE];
	size_t start = *i, ints = count_digits(s + *i, n - *i), fraction;

	*i += ints;
	if (*i == n || s[*i] != '.')
		return true;
	fraction = count_digits(s + *i + 1, n - *i - 1);
	*i += 1 + fraction;
	if (*i < n && s[*i] == '.')
		return fail(c, "the number `%s` has more than one `.`",
			    piece(p, s + start, *i + 1 - start));
	if (ints + fraction == 0)
		return fail(c, "`.` has no digits before or after it");
	return true;
}

static bool duration_why(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	struct scratch b = { .len = 0 };
	int previous = -1;

	if (n == 0)
		return fail(c, "it is empty");
	if (s[0] == '+' || s[0] == '-') {
		if (s[0] == '+')
			offer(c, check_duration, s + 1, n - 1);
		return fail(c, "a duration has no sign");
	}
	for (size_t i = 0; i < n; i++)
		if (!is_space(s[i]))
			add(&b, s + i, 1);
	if (b.len < n && offer_scratch(c, check_duration, &b))
		return fail(c, "it has a space in it");
	for (size_t i = 0; i < n;) {
		size_t start = i, unit;

		if (!duration_number_why(c, s, n, &i))
			return false;
		if (i == start)
			return fail(c, "`%s` has no number before it",
				    char_piece(p, s, n, i));
		for (unit = i; i < n && !is_digit(s[i]) && s[i] != '.'; i++)
			;
		if (unit == n)
			return duration_no_unit_why(c, s, n, previous);
		previous = go_unit(s + unit, i - unit);
		if (previous < 0)
			return duration_unit_why(c, s, n, unit, i);
	}
	return fail(c, "it is not a duration such as 1h30m");
}

static bool check_duration(struct check *c, const char *s, size_t n)
{
	int match = re_match(RE_DURATION, s, n);

	if (match < 0)
		return out_of_memory(c);
	if (match && duration_fits(s, n))
		return true;
	if (match)
		return fail(c, "it is longer than 2562047h47m16.854775807s, "
			    "the most a Go duration holds");
	if (silent(c))
		return false;
	return duration_why(c, s, n);
}

/*
 * abspath: an absolute path in its one normal form, so that two spellings
 * of a path never name two different keys: no empty, `.` or `..`
 * component and no trailing `/`; at most PATH_MAX (4096) bytes and no
 * control characters.
 */
#define ABSPATH_MAX 4096

static bool check_abspath(struct check *c, const char *s, size_t n);

/* The path with empty and `.` components dropped; none when it has a `..`
 * (resolving it could cross a symbolic link). */
static void abspath_offer_tidy(struct check *c, const char *s, size_t n)
{
	struct scratch b = { .len = 0 };

	for (size_t i = 1; i <= n;) {
		size_t j = i;

		while (j < n && s[j] != '/')
			j++;
		if (j - i == 2 && s[i] == '.' && s[i + 1] == '.')
			return;
		if (j > i && !(j - i == 1 && s[i] == '.')) {
			add_str(&b, "/");
			add(&b, s + i, j - i);
		}
		i = j + 1;
	}
	if (b.len == 0)
		add_str(&b, "/");
	offer_scratch(c, check_abspath, &b);
}

static bool abspath_components_why(struct check *c, const char *s, size_t n)
{
	for (size_t i = 1; i <= n;) {
		size_t j = i;

		while (j < n && s[j] != '/')
			j++;
		if (j == i && j == n)
			return fail(c, "it ends with `/`");
		if (j == i)
			return fail(c, "it has an empty component (`//`)");
		if (j - i == 1 && s[i] == '.')
			return fail(c, "it has a `.` component");
		if (j - i == 2 && s[i] == '.' && s[i + 1] == '.')
			return fail(c, "it has a `..` component");
		i = j + 1;
	}
	return true;
}

static bool check_abspath(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];

	if (n == 0)
		return fail(c, "it is empty");
	if (s[0] != '/')
		return fail(c, "it does not start with `/`");
	if (n > ABSPATH_MAX)
		return fail(c, "it is %zu bytes long, more than %d", n,
			    ABSPATH_MAX);
	for (size_t i = 0; i < n; i++)
		if (is_control(s[i]))
			return fail(c, "it holds a control character `%s`",
				    piece(p, s + i, 1));
	if (n == 1 || abspath_components_why(c, s, n))
		return true;
	if (!silent(c))
		abspath_offer_tidy(c, s, n);
	return false;
}

/*
 * url: what libcurl's URL parser takes, with a scheme as RFC 3986 spells
 * it (a letter first), `//` and a host after it (file: excepted), and no
 * white space or control characters, which curl would take or mend.
 */
static bool check_url(struct check *c, const char *s, size_t n);

static const char *curl_reason(CURLUcode rc)
{
	switch (rc) {
	case CURLUE_BAD_PORT_NUMBER:
		return "the port is not a number from 0 to 65535";
	case CURLUE_NO_HOST:
		return "it has no host";
	case CURLUE_BAD_HOSTNAME:
		return "the host is not a valid host name";
	case CURLUE_BAD_IPV6:
		return "the IPv6 address in `[]` is not valid";
	case CURLUE_BAD_SLASHES:
		return "it has too many slashes after the scheme";
	case CURLUE_BAD_FILE_URL:
		return "a file: URL has no host (file:///path)";
	case CURLUE_BAD_SCHEME:
	case CURLUE_NO_SCHEME:
		return "the scheme is not valid";
	case CURLUE_BAD_LOGIN:
	case CURLUE_BAD_USER:
	case CURLUE_BAD_PASSWORD:
		return "the user name or password is not valid";
	case CURLUE_BAD_PATH:
		return "the path is not valid";
	case CURLUE_BAD_QUERY:
		return "the query is not valid";
	case CURLUE_BAD_FRAGMENT:
		return "the fragment is not valid";
	case CURLUE_URLDECODE:
		return "it has a bad %-escape";
	case CURLUE_LACKS_IDN:
		return "the host is not ASCII and libcurl cannot convert it";
	case CURLUE_OUT_OF_MEMORY:
		return "it could not be checked: out of memory";
	case CURLUE_MALFORMED_INPUT:
		return "it is not a URL";
	default:
		return NULL;
	}
}

/* The length of an RFC 3986 scheme before a colon, or 0. */
static size_t url_scheme_length(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && (is_alnum(s[i]) || s[i] == '+' || s[i] == '-' ||
			 s[i] == '.'))
		i++;
	return i < n && s[i] == ':' ? i : 0;
}

static bool ascii_equal_nocase(const char *s, size_t n, const char *lower)
{
	if (strlen(lower) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (to_lower(s[i]) != lower[i])
			return false;
	return true;
}

/* Exactly `//` after the scheme: curl also takes one or three. Three or
 * more are `//` and an empty host (unix:///run/x.sock), not a slash too
 * many: what the host should be is anyone's guess, so there is no fix. */
static bool url_slashes_why(struct check *c, const char *s, size_t n,
			    size_t colon)
{
	char p[PIECE_SIZE];
	size_t slashes = 0;
	struct scratch b = { .len = 0 };

	while (colon + 1 + slashes < n && s[colon + 1 + slashes] == '/')
		slashes++;
	if (slashes == 2)
		return true;
	if (slashes == 0)
		return fail(c, "it has no `//` and host after `%s`",
			    piece(p, s, colon + 1));
	if (slashes > 2)
		return fail(c, "it has no host after `%s`",
			    piece(p, s, colon + 3));
	if (!silent(c)) {
		add(&b, s, colon + 1);
		add_str(&b, "//");
		add(&b, s + colon + 1 + slashes, n - colon - 1 - slashes);
		offer_scratch(c, check_url, &b);
	}
	return fail(c, "the scheme `%s` needs exactly `//` after it",
		    piece(p, s, colon + 1));
}

/* libcurl's verdict on the NUL-terminated url; host required or not. */
static bool url_curl(struct check *c, const char *url, bool host)
{
	CURLU *h = curl_url();
	CURLUcode rc;
	char *part = NULL;
	bool ok = false;

	if (!h)
		return out_of_memory(c);
	rc = curl_url_set(h, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME);
	if (rc != CURLUE_OK) {
		const char *reason = curl_reason(rc);

		if (reason)
			fail(c, "%s", reason);
		else
			fail(c, "libcurl cannot parse it (%s)",
			     curl_url_strerror(rc));
	} else if (host) {
		rc = curl_url_get(h, CURLUPART_HOST, &part, 0);
		ok = rc == CURLUE_OK && part && part[0];
		if (!ok)
			fail(c, "%s", rc == CURLUE_OUT_OF_MEMORY ?
			     curl_reason(rc) : "it has no host");
	} else {
		ok = true;
	}
	curl_free(part);
	curl_url_cleanup(h);
	return ok;
}

static bool check_url(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	size_t colon;
	bool file, ok;
	char *url;

	if (n == 0)
		return fail(c, "it is empty");
	for (size_t i = 0; i < n; i++) {
		if (is_space(s[i]) && s[i] != '\n' && s[i] != '\r')
			return fail(c, "it has white space in it");
		if (is_control(s[i]))
			return fail(c, "it holds a control character `%s`",
				    piece(p, s + i, 1));
	}
	colon = url_scheme_length(s, n);
	if (colon == 0)
		return fail(c, "it has no scheme such as `https://`");
	if (!is_upper(s[0]) && !is_lower(s[0]))
		return fail(c, "the scheme `%s` does not start with a letter",
			    piece(p, s, colon));
	file = ascii_equal_nocase(s, colon, "file");
	if (file && (colon + 1 == n || s[colon + 1] != '/'))
		return fail(c, "a file: URL needs an absolute path "
			    "(file:///path)");
	if (!file && !url_slashes_why(c, s, n, colon))
		return false;
	if (!(url = malloc(n + 1)))
		return out_of_memory(c);
	memcpy(url, s, n);
	url[n] = 0;
	ok = url_curl(c, url, !file);
	free(url);
	return ok;
}

/*
 * Kubernetes' names (k8s.io/apimachinery/pkg/util/validation).
 */
/* RBAC objects are named by path segments (ValidatePathSegmentName):
 * `system:controller:x` is a valid ClusterRole. */
static bool rbac_kind(const char *kind)
{
	static const char *const kinds[] = {
		"Role", "ClusterRole", "RoleBinding", "ClusterRoleBinding",
	};
	for (size_t i = 0; kind && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return true;
	return false;
}

static bool check_path_segment(struct check *c, const char *s, size_t n)
{
	if (n == 0)
		return fail(c, "it is empty");
	if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
		return fail(c, "it cannot be `.` or `..`");
	for (size_t i = 0; i < n; i++)
		if (s[i] == '/' || s[i] == '%')
			return fail(c, "it may not contain `%c`", s[i]);
	return true;
}

static bool check_k8s_name(struct check *c, const char *s, size_t n)
{
	if (rbac_kind(c->kind))
		return check_path_segment(c, s, n);
	if (c->kind && strcmp(c->kind, "Namespace") == 0)
		return check_dns1123_label(c, s, n);
	if (c->kind && strcmp(c->kind, "Service") == 0)
		return check_dns1035_label(c, s, n);
	return check_dns1123_subdomain(c, s, n);
}

/* A qualified name's name part, and a label value:
 * ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9], at most 63. */
static bool check_qualified(struct check *c, const struct subject *who,
			    const char *s, size_t n)
{
	char p[PIECE_SIZE];

	if (n == 0)
		return fail(c, "%s is empty", who->it);
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_' &&
		    s[i] != '.')
			return fail(c, "`%s` is not allowed%s (only letters, "
				    "digits, `-`, `_` and `.`)",
				    char_piece(p, s, n, i), who->in);
	if (n > 63)
		return fail(c, "%s is %zu characters long, more than 63",
			    who->it, n);
	if (!is_alnum(s[0]))
		return fail(c, "%s starts with `%c`", who->it, s[0]);
	if (!is_alnum(s[n - 1]))
		return fail(c, "%s ends with `%c`", who->it, s[n - 1]);
	return true;
}

static bool check_label_key(struct check *c, const char *s, size_t n);

/* The prefix of a label key, a DNS-1123 subdomain; its fix is offered as
 * the fix of the key. */
static bool label_key_prefix(struct check *c, const char *s, size_t n,
			     size_t slash)
{
	static const struct subject prefix = { "the prefix", " in the prefix" };
	char why[160], fix[256];
	struct check sub = sub_check(c, why, sizeof(why), fix, sizeof(fix));
	struct scratch b = { .len = 0 };

	if (check_name(&sub, &dns1123_subdomain_rules, &prefix, s, slash))
		return true;
	if (silent(c))
		return false;
	if (fix[0]) {
		add_str(&b, fix);
		add(&b, s + slash, n - slash);
		offer_scratch(c, check_label_key, &b);
	}
	return fail(c, "%s", why);
}

static bool check_label_key(struct check *c, const char *s, size_t n)
{
	static const struct subject name = { "the name", " in the name" };
	const char *slash = find_byte(s, n, '/');
	size_t at;

	if (!slash)
		return check_qualified(c, &whole, s, n);
	at = (size_t)(slash - s);
	if (find_byte(slash + 1, n - at - 1, '/'))
		return fail(c, "it has more than one `/`");
	if (at == 0) {
		if (!silent(c))
			offer(c, check_label_key, s + 1, n - 1);
		return fail(c, "the prefix before `/` is empty");
	}
	return label_key_prefix(c, s, n, at) &&
	       check_qualified(c, &name, s + at + 1, n - at - 1);
}

static bool check_label_value(struct check *c, const char *s, size_t n)
{
	return n == 0 || check_qualified(c, &whole, s, n);
}

/* [1-9][0-9]* at s[*i], moving *i past it. */
static bool positive_number(const char *s, size_t n, size_t *i)
{
	size_t digits = count_digits(s + *i, n - *i);

	if (digits == 0 || s[*i] == '0')
		return false;
	*i += digits;
	return true;
}

/* v<N>, v<N>alpha<M> or v<N>beta<M>. */
static bool k8s_version_ok(const char *s, size_t n)
{
	size_t i = 1;

	if (n < 2 || s[0] != 'v' || !positive_number(s, n, &i))
		return false;
	if (i == n)
		return true;
	if (n - i > 5 && memcmp(s + i, "alpha", 5) == 0)
		i += 5;
	else if (n - i > 4 && memcmp(s + i, "beta", 4) == 0)
		i += 4;
	else
		return false;
	return positive_number(s, n, &i) && i == n;
}

static bool check_api_version(struct check *c, const char *s, size_t n);

static bool api_version_group(struct check *c, const char *s, size_t n,
			      size_t slash)
{
	static const struct subject group = { "the group", " in the group" };
	char why[160], fix[256];
	struct check sub = sub_check(c, why, sizeof(why), fix, sizeof(fix));
	struct scratch b = { .len = 0 };

	if (slash == 0) {
		if (!silent(c))
			offer(c, check_api_version, s + 1, n - 1);
		return fail(c, "the group before `/` is empty");
	}
	/* The fix shows `v1`; the reason names it only when there is none. */
	if (ascii_equal_nocase(s, slash, "core")) {
		if (!silent(c) && offer(c, check_api_version, s + slash + 1,
					n - slash - 1))
			return fail(c, "the core group is written without a "
				    "name");
		return fail(c, "the core group is written `v1` alone");
	}
	if (check_name(&sub, &dns1123_subdomain_rules, &group, s, slash))
		return true;
	if (silent(c))
		return false;
	if (fix[0]) {
		add_str(&b, fix);
		add(&b, s + slash, n - slash);
		offer_scratch(c, check_api_version, &b);
	}
	return fail(c, "%s", why);
}

static bool api_version_version(struct check *c, const char *s, size_t n,
				size_t slash)
{
	char p[PIECE_SIZE];
	const char *v = s + slash + 1;
	size_t len = n - slash - 1;
	struct scratch b = { .len = 0 };

	if (k8s_version_ok(v, len))
		return true;
	if (len == 0)
		return fail(c, "the version after `/` is empty");
	if (!silent(c) && is_digit(v[0])) {
		add(&b, s, slash + 1);
		add_str(&b, "v");
		add(&b, v, len);
		offer_scratch(c, check_api_version, &b);
	} else if (!silent(c)) {
		for (size_t i = 0; i < n; i++) {
			char lower = to_lower(s[i]);

			add(&b, &lower, 1);
		}
		offer_scratch(c, check_api_version, &b);
	}
	return fail(c, "the version `%s` is not v<N>, v<N>alpha<M> or "
		    "v<N>beta<M>", piece(p, v, len));
}

static bool check_api_version(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	const char *slash = find_byte(s, n, '/');
	size_t at;

	if (n == 0)
		return fail(c, "it is empty");
	if (!slash) {
		if (n == 2 && memcmp(s, "v1", 2) == 0)
			return true;
		if (!silent(c) && ascii_equal_nocase(s, n, "v1"))
			offer(c, check_api_version, "v1", 2);
		if (k8s_version_ok(s, n))
			return fail(c, "`%s` has no group: only the core "
				    "group's `v1` goes without one",
				    piece(p, s, n));
		if (passes(c, check_dns1123_subdomain, s, n))
			return fail(c, "it has no version after the group "
				    "(`%s/v1`?)", piece(p, s, n));
		return fail(c, "it is not `v1` or GROUP/VERSION");
	}
	at = (size_t)(slash - s);
	if (find_byte(slash + 1, n - at - 1, '/'))
		return fail(c, "it has more than one `/`");
	return api_version_group(c, s, n, at) &&
	       api_version_version(c, s, n, at);
}

/* kind: an upper-case letter, then letters and digits. */
static bool check_kind(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	struct scratch b = { .len = 0 };

	if (n == 0)
		return fail(c, "it is empty");
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]))
			return fail(c, "`%s` is not allowed (only letters and "
				    "digits)", char_piece(p, s, n, i));
	if (is_upper(s[0]))
		return true;
	if (is_lower(s[0]) && !silent(c)) {
		char first = to_upper(s[0]);

		add(&b, &first, 1);
		add(&b, s + 1, n - 1);
		offer_scratch(c, check_kind, &b);
	}
	return fail(c, "it starts with `%c`, not an upper-case letter", s[0]);
}

/*
 * The OS config's keys: systemd unit names and plain file names.
 */
static const char *const unit_types[] = {
	"service", "socket", "timer", "mount", "automount", "path", "target",
	"slice", "swap",
};

static bool is_unit_type(const char *s, size_t n)
{
	size_t count = sizeof(unit_types) / sizeof(unit_types[0]);

	for (size_t i = 0; i < count; i++)
		if (strlen(unit_types[i]) == n &&
		    memcmp(unit_types[i], s, n) == 0)
			return true;
	return false;
}

static bool is_unit_char(char ch)
{
	return is_alnum(ch) || (ch && strchr(":_.\\@-", ch));
}

static bool check_unit_name(struct check *c, const char *s, size_t n);

static bool unit_type_why(struct check *c, const char *s, size_t n,
			  size_t dot)
{
	char p[PIECE_SIZE];
	struct scratch b = { .len = 0 };

	add(&b, s, dot + 1);
	for (size_t i = dot + 1; i < n; i++) {
		char lower = to_lower(s[i]);

		add(&b, &lower, 1);
	}
	if (!silent(c))
		offer_scratch(c, check_unit_name, &b);
	return fail(c, "`%s` is not a unit type (.service, .socket, .timer, "
		    ".mount, .automount, .path, .target, .slice or .swap)",
		    piece(p, s + dot, n - dot));
}

static bool check_unit_name(struct check *c, const char *s, size_t n)
{
	char p[PIECE_SIZE];
	const char *slash = find_last_byte(s, n, '/');
	const char *dot = find_last_byte(s, n, '.');
	const char *at = find_byte(s, n, '@');

	if (n == 0)
		return fail(c, "it is empty");
	if (slash) {
		if (!silent(c))
			offer(c, check_unit_name, slash + 1,
			      n - (size_t)(slash + 1 - s));
		return fail(c, "`/` is not allowed: a unit name is not a path");
	}
	for (size_t i = 0; i < n; i++)
		if (!is_unit_char(s[i]))
			return fail(c, "`%s` is not allowed (only letters, "
				    "digits and `:_.\\@-`)",
				    char_piece(p, s, n, i));
	if (n > 255)
		return fail(c, "it is %zu characters long, more than 255", n);
	if (!dot)
		return fail(c, "it does not end in a unit type such as "
			    "`.service`");
	if (!is_unit_type(dot + 1, n - (size_t)(dot + 1 - s)))
		return unit_type_why(c, s, n, (size_t)(dot - s));
	if (dot == s)
		return fail(c, "it has no name before `%s`",
			    piece(p, dot, n));
	if (at == s)
		return fail(c, "it has no name before `@`");
	return true;
}

/* A plain file name: what one directory entry can be called. */
static bool check_file_name(struct check *c, const char *s, size_t n)
{
	if (n == 0)
		return fail(c, "it is empty");
	if (n > 255)
		return fail(c, "it is %zu bytes long, more than 255", n);
	if (find_byte(s, n, '/'))
		return fail(c, "`/` is not allowed in a file name");
	if ((n == 1 && s[0] == '.') || (n == 2 && s[0] == '.' && s[1] == '.'))
		return fail(c, "`%.*s` names a directory, not a file", (int)n,
			    s);
	return true;
}

/*
 * The checks' common ground: NUL bytes, and white space around a string
 * that would otherwise be valid. The answer is always fn's.
 */
static size_t leading_space(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_space(s[i]))
		i++;
	return i;
}

static size_t trailing_space(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && is_space(s[n - 1 - i]))
		i++;
	return i;
}

static bool run(struct check *c, checker *fn, const char *s, size_t n)
{
	size_t lead, trail;

	if (c->why)
		c->why[0] = 0;
	if (c->fix)
		c->fix[0] = 0;
	if (n == 0)
		s = "";
	if (memchr(s, 0, n))
		return fail(c, "it holds a NUL byte");
	/* most strings are valid: decide silently, find reasons only for a
	 * string that fails */
	struct check quiet = { .kind = c->kind };
	if (fn(&quiet, s, n))
		return true;
	if (silent(c))
		return false;
	if (fn(c, s, n)) {
		if (c->why)
			c->why[0] = 0;
		if (c->fix)
			c->fix[0] = 0;
		return true;
	}
	if (silent(c))
		return false;
	lead = leading_space(s, n);
	trail = lead < n ? trailing_space(s, n) : 0;
	if (lead + trail > 0 && lead < n &&
	    offer(c, fn, s + lead, n - lead - trail))
		return fail(c, "it has white space around it");
	return false;
}

static bool validate(checker *fn, const char *kind, const char *s, size_t n,
		     struct format_why *w)
{
	struct check c = { .kind = kind };

	if (w && w->why && w->whysize) {
		c.why = w->why;
		c.whysize = w->whysize;
	}
	if (w && w->fix && w->fixsize) {
		c.fix = w->fix;
		c.fixsize = w->fixsize;
	}
	return run(&c, fn, s, n);
}

static const struct {
	const char *name;
	checker *check;
} formats[] = {
	[FMT_NONE] = { "none", NULL },
	[FMT_IP] = { "ip", check_ip },
	[FMT_IPV4] = { "ipv4", check_ipv4 },
	[FMT_IPV6] = { "ipv6", check_ipv6 },
	[FMT_CIDR] = { "cidr", check_cidr },
	[FMT_HOSTNAME] = { "hostname", check_hostname },
	[FMT_DNS_LABEL] = { "dns_label", check_dns1123_label },
	[FMT_SEMVER] = { "semver", check_semver },
	[FMT_QUANTITY] = { "quantity", check_quantity },
	[FMT_DURATION] = { "duration", check_duration },
	[FMT_ABSPATH] = { "abspath", check_abspath },
	[FMT_URL] = { "url", check_url },
};

#define NFORMATS (sizeof(formats) / sizeof(formats[0]))

bool format_valid(enum format f, const char *s, size_t n,
		  struct format_why *w)
{
	if ((size_t)f < NFORMATS && formats[f].check)
		return validate(formats[f].check, NULL, s, n, w);
	if (w && w->why && w->whysize)
		w->why[0] = 0;
	if (w && w->fix && w->fixsize)
		w->fix[0] = 0;
	return f == FMT_NONE;
}

const char *format_name(enum format f)
{
	return (size_t)f < NFORMATS && formats[f].name ? formats[f].name : "?";
}

enum format format_from_name(const char *s, size_t n)
{
	for (size_t f = FMT_NONE + 1; f < NFORMATS; f++)
		if (strlen(formats[f].name) == n &&
		    memcmp(formats[f].name, s, n) == 0)
			return (enum format)f;
	return FMT_NONE;
}

bool format_cidr_parse(const char *s, size_t n, struct cidr *out,
		       struct format_why *w)
{
	char text[INET6_ADDRSTRLEN];
	const char *slash;
	size_t alen;

	if (!format_valid(FMT_CIDR, s, n, w))
		return false;
	/* valid: ADDRESS/DIGITS, an address inet_pton takes */
	slash = find_byte(s, n, '/');
	alen = (size_t)(slash - s);
	memcpy(text, s, alen);
	text[alen] = 0;
	memset(out, 0, sizeof(*out));
	out->family = find_byte(s, alen, ':') ? AF_INET6 : AF_INET;
	out->bits = out->family == AF_INET6 ? 128 : 32;
	if (inet_pton(out->family, text, out->addr) != 1)
		return false;	/* cannot be: format_valid took it */
	out->prefix = decimal(slash + 1, n - alen - 1);
	return true;
}

bool format_k8s_name_valid(const char *kind, const char *s, size_t n,
			   struct format_why *w)
{
	return validate(check_k8s_name, kind, s, n, w);
}

bool format_k8s_namespace_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_dns1123_label, NULL, s, n, w);
}

bool format_k8s_label_key_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_label_key, NULL, s, n, w);
}

bool format_k8s_label_value_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_label_value, NULL, s, n, w);
}

bool format_k8s_api_version_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_api_version, NULL, s, n, w);
}

bool format_k8s_kind_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_kind, NULL, s, n, w);
}

bool format_unit_name_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_unit_name, NULL, s, n, w);
}

bool format_file_name_valid(const char *s, size_t n, struct format_why *w)
{
	return validate(check_file_name, NULL, s, n, w);
}
