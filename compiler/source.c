/*
 * source.c - loading source files and mapping offsets to lines and columns.
 */
#include "source.h"
#include "arena.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static enum source_error error_from_errno(int e)
{
	switch (e) {
	case ENOENT:
	case ENOTDIR:
	case ELOOP:
		return SOURCE_ENOENT;
	case EACCES:
	case EPERM:
		return SOURCE_EACCES;
	case EISDIR:
		return SOURCE_EISDIR;
	case EFBIG:
		return SOURCE_ETOOBIG;
	case ENODEV:	/* how a FIFO or a device is reported below */
		return SOURCE_ENOTREG;
	default:
		return SOURCE_EIO;
	}
}

/* A source over text (len bytes and a NUL), which it takes over. */
static struct source *source_new(const char *path, char *text, size_t len)
{
	struct source *src = xmalloc(sizeof(*src));

	memset(src, 0, sizeof(*src));
	src->path = xstrdup(path);
	src->text = text;
	src->len = len;
	return src;
}

enum source_error source_load(struct source **out, int *err_no,
			      const char *path)
{
	struct stat st;
	char *buf = NULL;
	size_t len = 0, cap;
	int fd;

	*out = NULL;
	*err_no = 0;
	/* O_NONBLOCK: opening a FIFO (or a link to one) must not wait for
	 * a writer; only a regular file is then read */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		goto fail_errno;
	if (fstat(fd, &st) < 0)
		goto fail_close;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail_close;
	}
	if (!S_ISREG(st.st_mode)) {
		errno = ENODEV;
		goto fail_close;
	}
	if (st.st_size > 0 && (size_t)st.st_size > SOURCE_MAX_BYTES) {
		errno = EFBIG;
		goto fail_close;
	}
	/* st_size is a hint: read until EOF so /proc works too. */
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t n;

		if (len + 1 >= cap) {
			if (cap > SOURCE_MAX_BYTES) {
				errno = EFBIG;
				goto fail_close;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		n = read(fd, buf + len, cap - len - 1);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail_close;
		}
		if (n == 0)
			break;
		len += (size_t)n;
	}
	if (len > SOURCE_MAX_BYTES) {
		errno = EFBIG;
		goto fail_close;
	}
	close(fd);
	buf[len] = '\0';

	*out = source_new(path, buf, len);
	return SOURCE_OK;

fail_close:
	*err_no = errno;
	close(fd);
	free(buf);
	return error_from_errno(*err_no);
fail_errno:
	*err_no = errno;
	return error_from_errno(*err_no);
}

struct source *source_from_buffer(const char *path, const char *buf,
				  size_t len)
{
	char *text = xmalloc(len + 1);

	if (len)
		memcpy(text, buf, len);
	text[len] = '\0';
	return source_new(path, text, len);
}

struct source *source_unread(const char *path)
{
	struct source *src = source_from_buffer(path, "", 0);

	src->unread = true;
	return src;
}

void source_free(struct source *src)
{
	if (!src)
		return;
	free(src->path);
	free(src->text);
	free(src->line_starts);
	free(src->line_ascii);
	free(src);
}

static void build_line_index(struct source *src)
{
	uint32_t n = 1, i = 0;

	for (size_t k = 0; k < src->len; k++)
		if (src->text[k] == '\n')
			n++;
	src->line_starts = xmalloc(sizeof(uint32_t) * n);
	src->line_ascii = xmalloc(n);
	src->line_starts[0] = 0;
	src->line_ascii[0] = 1;
	for (size_t k = 0; k < src->len; k++) {
		if (src->text[k] == '\n') {
			src->line_starts[++i] = (uint32_t)(k + 1);
			src->line_ascii[i] = 1;
		} else if ((unsigned char)src->text[k] >= 0x80) {
			src->line_ascii[i] = 0;
		}
	}
	src->nlines = n;
}

void source_position(struct source *src, uint32_t offset, uint32_t *line,
		     uint32_t *col)
{
	uint32_t lo = 0, hi;

	if (!src->line_starts)
		build_line_index(src);
	if (offset > src->len)
		offset = (uint32_t)src->len;
	hi = src->nlines;
	while (hi - lo > 1) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (src->line_starts[mid] <= offset)
			lo = mid;
		else
			hi = mid;
	}
	*line = lo + 1;

	size_t k = src->line_starts[lo];
	uint32_t c = 1;
	const unsigned char *p = (const unsigned char *)src->text;

	if (src->line_ascii[lo]) {
		*col = offset - (uint32_t)k + 1;
		return;
	}
	for (int m = 0; m < 4; m++) {
		if (src->memo[m].line == lo + 1 && src->memo[m].offset <= offset &&
		    src->memo[m].offset >= k) {
			k = src->memo[m].offset;
			c = src->memo[m].col;
		}
	}
	while (k < offset) {
		int n = utf8_char_length(p + k, src->len - k);

		k += n ? (size_t)n : 1;
		c++;
	}
	src->memo[src->memo_next].line = lo + 1;
	src->memo[src->memo_next].offset = (uint32_t)k;
	src->memo[src->memo_next].col = c;
	src->memo_next = (src->memo_next + 1) % 4;
	*col = c;
}

const char *source_line(struct source *src, uint32_t line, size_t *len)
{
	if (!src->line_starts)
		build_line_index(src);
	if (line < 1 || line > src->nlines) {
		*len = 0;
		return "";
	}
	size_t start = src->line_starts[line - 1];
	size_t end = line < src->nlines ? src->line_starts[line] - 1 : src->len;

	if (end > start && src->text[end - 1] == '\r')
		end--;
	*len = end - start;
	return src->text + start;
}
