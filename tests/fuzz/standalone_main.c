/*
 * standalone_main.c - runs a libFuzzer harness without libFuzzer.
 *
 * `fuzz_parse_corpus DIR|FILE...` calls LLVMFuzzerTestOneInput once per
 * file, walking directories recursively in byte order of name, so the seed
 * corpus and the regress-* reproducers run as an ordinary test under gcc.
 * A crash or an abort in the harness fails the test; so does a path that
 * cannot be read. Exit status: 0 ok, 1 a path could not be read, 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long ran;
static int failures;

static void run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	size_t len = 0, cap = 0;

	if (!f) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		failures = 1;
		return;
	}
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			buf = realloc(buf, cap);
			if (!buf) {
				perror("realloc");
				exit(3);
			}
		}
		size_t n = fread(buf + len, 1, cap - len, f);

		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "%s: read error\n", path);
		failures = 1;
	} else {
		if (getenv("FUZZ_VERBOSE"))
			fprintf(stderr, "running %s (%zu bytes)\n", path, len);
		/* Like libFuzzer, pass an exact-size heap copy. */
		unsigned char *copy = malloc(len ? len : 1);

		if (!copy) {
			perror("malloc");
			exit(3);
		}
		if (len)
			memcpy(copy, buf, len);
		LLVMFuzzerTestOneInput(copy, len);
		free(copy);
		ran++;
	}
	free(buf);
	fclose(f);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_path(const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		failures = 1;
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		run_file(path);
		return;
	}

	DIR *dir = opendir(path);

	if (!dir) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		failures = 1;
		return;
	}

	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;

	while ((e = readdir(dir)) != NULL) {
		if (e->d_name[0] == '.')
			continue;	/* ".", "..", hidden files */
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = realloc(names, cap * sizeof(*names));
			if (!names) {
				perror("realloc");
				exit(3);
			}
		}
		names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
		if (!names[n]) {
			perror("malloc");
			exit(3);
		}
		sprintf(names[n], "%s/%s", path, e->d_name);
		n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		run_path(names[i]);
		free(names[i]);
	}
	free(names);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s DIR|FILE...\n", argv[0]);
		return 2;
	}
	for (int i = 1; i < argc; i++)
		run_path(argv[i]);
	printf("%lu inputs run\n", ran);
	return failures;
}
