// SPDX-License-Identifier: GPL-2.0
/*
 * test-fuzz-NAME: replay a fuzz harness's seed corpus and saved regression
 * inputs (tests/fuzz/{corpus,regress}/NAME/) without libFuzzer, so that a
 * bug the fuzzer once found stays fixed on every `make check`, and so
 * that these inputs also run under the SANITIZE=1 build and valgrind.
 * A finding aborts (fuzz.h); a clean replay exits 0.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>

#include "fuzz.h"

#ifndef FUZZ_NAME
#error "FUZZ_NAME: the harness's name, e.g. \"opt\""
#endif

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	uint8_t *data = NULL;
	size_t size = 0, cap = 0, n;

	if (!f) {
		printf("# FAIL: %s: %s\n", path, strerror(errno));
		return 1;
	}
	do {
		if (size == cap) {
			cap = cap ? cap * 2 : 4096;
			data = realloc(data, cap);
			if (!data)
				abort();
		}
		n = fread(data + size, 1, cap - size, f);
		size += n;
	} while (n);
	fclose(f);
	LLVMFuzzerTestOneInput(data, size);
	free(data);
	printf("# ok: %s\n", path);
	return 0;
}

static int replay_dir(const char *tests, const char *kind, unsigned int *nr)
{
	char dir[4096], path[4096 + 256];
	struct dirent *e;
	int bad = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "%s/fuzz/%s/%s", tests, kind, FUZZ_NAME);
	d = opendir(dir);
	if (!d)
		return 0;	/* no regression case yet: nothing to replay */
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		bad |= replay_file(path);
		(*nr)++;
	}
	closedir(d);
	return bad;
}

int main(void)
{
	/* The runner exports DS_TESTS; a direct run uses the source tree. */
	const char *tests = getenv("DS_TESTS") ? getenv("DS_TESTS") : FUZZ_TESTS;
	unsigned int nr = 0;
	int bad;

	setvbuf(stdout, NULL, _IONBF, 0);
	bad = replay_dir(tests, "corpus", &nr) | replay_dir(tests, "regress", &nr);
	if (!nr) {
		printf("SKIP: no input under %s/fuzz/*/%s\n", tests, FUZZ_NAME);
		return 4;
	}
	printf("# %s: %u inputs replayed\n", FUZZ_NAME, nr);
	return bad;
}
