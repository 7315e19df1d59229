/*
 * cache.c - reading and writing the lines of OUT/.sitec-cache (cache.h).
 */
#include "cache.h"

#include "arena.h"
#include "config.h"
#include "intern.h"

#include "digest.h"

#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADER "sitec-cache 1 sitec " SITEC_VERSION "\n"


bool cache_name_ok(const char *name)
{
	return name[0] && !strpbrk(name, " \n");
}

static uint32_t name_hash(const char *s)
{
	return intern_hash(s, strlen(s));
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static bool parse_hex(const char *s, unsigned char *out, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int hi = hex_value(s[2 * i]), lo = hex_value(s[2 * i + 1]);

		if (hi < 0 || lo < 0)
			return false;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return true;
}

/* Parses one line (NUL-terminated, without its newline) into e. */
static bool parse_entry(char *line, struct cache_entry *e)
{
	char *f[4];
	size_t n = 0;
	unsigned char st[8];

	for (char *p = line;; p++) {
		if (n == 4)
			return false;	/* a fifth field */
		f[n++] = p;
		p = strchr(p, ' ');
		if (!p)
			break;
		*p = 0;
	}
	if (n != 4 || !cache_name_ok(f[0]) ||
	    strlen(f[1]) != 2 * CACHE_FP_SIZE ||
	    strlen(f[2]) != BUNDLE_SHA256_SIZE - 1 ||
	    strncmp(f[2], "sha256:", 7) != 0 || strlen(f[3]) != 16 ||
	    !parse_hex(f[1], e->fp, CACHE_FP_SIZE) ||
	    !parse_hex(f[2] + 7, (unsigned char[32]){ 0 }, 32) ||
	    !parse_hex(f[3], st, 8))
		return false;
	e->name = f[0];
	memcpy(e->digest, f[2], BUNDLE_SHA256_SIZE);
	e->stamp = 0;
	for (int i = 0; i < 8; i++)
		e->stamp = e->stamp << 8 | st[i];
	return true;
}

void cache_free(struct cache *c)
{
	free(c->text);
	free(c->e);
	free(c->index);
	memset(c, 0, sizeof(*c));
}

bool cache_parse(struct cache *c, char *text, size_t len)
{
	size_t hl = strlen(HEADER), lines = 0;

	memset(c, 0, sizeof(*c));
	c->text = text;
	text[len] = 0;
	if (len < hl || memcmp(text, HEADER, hl) != 0 || text[len - 1] != '\n' ||
	    memchr(text, 0, len))
		goto bad;
	for (size_t i = hl; i < len; i++)
		lines += text[i] == '\n';
	c->e = xmalloc((lines ? lines : 1) * sizeof(*c->e));
	for (char *p = text + hl; *p;) {
		char *nl = strchr(p, '\n');

		*nl = 0;
		if (!parse_entry(p, &c->e[c->n]))
			goto bad;
		c->n++;
		p = nl + 1;
	}
	for (c->cap = 16; c->cap < c->n * 2; c->cap *= 2)
		;
	c->index = calloc(c->cap, sizeof(*c->index));
	if (!c->index)
		arena_oom();
	for (size_t i = 0; i < c->n; i++) {
		size_t j = name_hash(c->e[i].name) & (c->cap - 1);

		for (; c->index[j]; j = (j + 1) & (c->cap - 1))
			if (strcmp(c->e[c->index[j] - 1].name, c->e[i].name) == 0)
				goto bad;	/* twice: not written by sitec */
		c->index[j] = (uint32_t)i + 1;
	}
	return true;
bad:
	cache_free(c);
	return false;
}

void cache_load(struct cache *c, const struct bundle_out *o)
{
	char *text;
	size_t len;

	memset(c, 0, sizeof(*c));
	/* a link, a FIFO, anything but a regular file: no cache */
	if (bundle_read_out_file(o, CACHE_NAME, (size_t)1 << 31, &text,
				 &len) == 0)
		cache_parse(c, text, len);
}

const struct cache_entry *cache_find(const struct cache *c, const char *name)
{
	if (!c->n)
		return NULL;
	for (size_t j = name_hash(name) & (c->cap - 1); c->index[j];
	     j = (j + 1) & (c->cap - 1))
		if (strcmp(c->e[c->index[j] - 1].name, name) == 0)
			return &c->e[c->index[j] - 1];
	return NULL;
}

static void reserve(char **buf, size_t *len, size_t *cap, size_t need)
{
	while (*len + need > *cap) {
		*cap = *cap ? *cap * 2 : 4096;
		*buf = xrealloc(*buf, *cap);
	}
}

void cache_format_header(char **buf, size_t *len, size_t *cap)
{
	reserve(buf, len, cap, sizeof(HEADER));
	memcpy(*buf + *len, HEADER, sizeof(HEADER) - 1);
	*len += sizeof(HEADER) - 1;
}

void cache_format(char **buf, size_t *len, size_t *cap,
		  const struct cache_entry *e)
{
	size_t need = strlen(e->name) + 2 * CACHE_FP_SIZE +
		      BUNDLE_SHA256_SIZE + 24;
	char fphex[2 * CACHE_FP_SIZE + 1];

	reserve(buf, len, cap, need);
	digest_hex(e->fp, CACHE_FP_SIZE, fphex);
	*len += (size_t)sprintf(*buf + *len, "%s %s %s %016" PRIx64 "\n",
				e->name, fphex, e->digest, e->stamp);
}
