/*
 * source.h - a source file held in memory, and positions in it.
 *
 * Every span in the compiler is a pair of byte offsets into a source; lines
 * and columns are computed only when a diagnostic is rendered, from a line
 * index built on first use.
 */
#ifndef SITEC_SOURCE_H
#define SITEC_SOURCE_H

#include "utf8.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest source file read: offsets are 32-bit. */
#define SOURCE_MAX_BYTES ((size_t)256 * 1024 * 1024)

struct source {
	char *path;		/* as shown in diagnostics; owned */
	char *text;		/* len bytes plus a terminating NUL; owned */
	size_t len;
	uint32_t *line_starts;	/* byte offset of each line; built lazily */
	uint8_t *line_ascii;	/* per line: 1 if it is all ASCII */
	uint32_t nlines;
	/* The last positions computed on non-ASCII lines, so that walking a
	 * long line (as the AST dump does: start, end, then the children)
	 * costs its length about once, not once per position. */
	struct {
		uint32_t line, offset, col;
	} memo[4];
	uint32_t memo_next;
	bool unread;		/* a file that could not be read: a name only */
};

/* A span of bytes [start, end) in src. A NULL src means "no location". */
struct span {
	struct source *src;
	uint32_t start, end;
};

enum source_error {
	SOURCE_OK = 0,
	SOURCE_ENOENT,		/* does not exist or a link to nowhere */
	SOURCE_EACCES,		/* permission denied */
	SOURCE_EISDIR,
	SOURCE_ETOOBIG,
	SOURCE_EIO,		/* any other read error; errno is kept */
	SOURCE_ENOTREG,		/* a FIFO, a device, a socket: not read */
};

/*
 * Reads path into a new source (owned by the caller, freed with
 * source_free). On failure *out is NULL, the result says why, and *err_no
 * holds errno.
 */
enum source_error source_load(struct source **out, int *err_no,
			      const char *path);
/* A source over a copy of buf (for tests, fuzzers and stdin). */
struct source *source_from_buffer(const char *path, const char *buf,
				  size_t len);
/* A source with no text, standing for a file that could not be read. */
struct source *source_unread(const char *path);
void source_free(struct source *src);

/*
 * The 1-based line and column of a byte offset. Columns count Unicode code
 * points (a tab is one), as editors and rustc do; an invalid UTF-8 byte
 * counts as one.
 */
void source_position(struct source *src, uint32_t offset, uint32_t *line,
		     uint32_t *col);
/* The bytes of 1-based line `line`, without its line break. */
const char *source_line(struct source *src, uint32_t line, size_t *len);

#endif
