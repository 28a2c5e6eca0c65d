// SPDX-License-Identifier: GPL-2.0
/*
 * ds_args_parse(): the input is split at NUL bytes into argv[1..], after
 * "ds-conform".  Whatever the words, the parser returns 0 or 2, leaves
 * argv and the armed fault as they were, and on 0 says something that
 * main() can act on.  Calling it again with the same words must give the
 * same answer: that is what catches getopt state left behind.
 *
 * The test table is a stand-in (the real one needs KVM to run, not to
 * parse): two areas, so that find_test() walks more than one.
 */
#include <string.h>

#include "args.h"
#include "fuzz.h"

#define MAX_ARGS 64

static int no_run(const struct ds_test_opts *o)
{
	return 0;
}

static const struct ds_test fake_a[] = {
	{ "BITMAP-001", "full", "fake", no_run },
	{ "BITMAP-002", "quick", "fake", no_run },
};
static const struct ds_test fake_b[] = {
	{ "RING-001", "quick", "fake", no_run },
};
static const struct ds_area area_a = DS_AREA("bitmap", fake_a);
static const struct ds_area area_b = DS_AREA("ring", fake_b);
const struct ds_area *const ds_areas[] = { &area_a, &area_b };
const unsigned int ds_nr_areas = 2;

static int parse_words(int argc, char **argv, struct ds_args *a)
{
	char *saved[MAX_ARGS + 2];
	int rc;

	memcpy(saved, argv, sizeof(*argv) * (argc + 1));
	rc = ds_args_parse(argc, argv, a);
	fuzz_assert(rc == 0 || rc == 2);
	fuzz_assert(!memcmp(saved, argv, sizeof(*argv) * (argc + 1)));
	fuzz_assert(ds_fault == DS_FAULT_NONE);
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *buf = fuzz_strdup(data, size), *argv[MAX_ARGS + 2];
	struct ds_args a, b;
	int argc = 1, rc;
	size_t i = 0;

	argv[0] = "ds-conform";
	/* Words end at NUL; the last one at the end of the input. */
	while (i < size && argc <= MAX_ARGS) {
		argv[argc++] = buf + i;
		i += strlen(buf + i) + 1;
	}
	argv[argc] = NULL;

	rc = parse_words(argc, argv, &a);
	if (rc == 0) {
		fuzz_assert(a.cmd == DS_ARGS_LIST || a.cmd == DS_ARGS_RUN ||
			    a.cmd == DS_ARGS_HELP);
		if (a.cmd == DS_ARGS_RUN) {
			fuzz_assert(a.test && !strcmp(a.test->id, argv[2]));
			fuzz_assert(a.fault < DS_FAULT_NR);
			fuzz_assert(a.opts.minutes <= 24 * 60);
		}
	}
	fuzz_assert(parse_words(argc, argv, &b) == rc);
	if (rc == 0)
		fuzz_assert(!memcmp(&a, &b, sizeof(a)));
	free(buf);
	return 0;
}
