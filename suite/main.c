// SPDX-License-Identifier: GPL-2.0
/*
 * ds-conform: the conformance tests in one binary, one test per process.
 *
 *   ds-conform list               ID<TAB>tier<TAB>description, one a line
 *   ds-conform run ID [options]   run one test; exit 0 pass, 1 fail, 4 skip
 *
 * Options of run:
 *   --inject FAULT   inject a harness fault (negative self-tests)
 *   --minutes N      soak length of STRESS tests (default 0: their quick form)
 *   --seed N         seed of the random patterns (default 0x5eed)
 *
 * The runner, harness/dirtysuite, runs each test under a timeout.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "opt.h"
#include "suite.h"

static const struct ds_test *find_test(const char *id)
{
	unsigned int a, i;

	for (a = 0; a < ds_nr_areas; a++)
		for (i = 0; i < ds_areas[a]->nr; i++)
			if (!strcmp(ds_areas[a]->tests[i].id, id))
				return &ds_areas[a]->tests[i];
	return NULL;
}

static void list(void)
{
	unsigned int a, i;

	for (a = 0; a < ds_nr_areas; a++)
		for (i = 0; i < ds_areas[a]->nr; i++)
			printf("%s\t%s\t%s\n", ds_areas[a]->tests[i].id,
			       ds_areas[a]->tests[i].tier,
			       ds_areas[a]->tests[i].desc);
}

static int usage(FILE *f, int rc)
{
	fprintf(f, "usage: ds-conform list\n"
		   "       ds-conform run ID [--inject FAULT] [--minutes N] [--seed N]\n"
		   "  --inject FAULT  harness fault for negative self-tests (default none)\n"
		   "  --minutes N     STRESS soak length in minutes (default 0: quick form)\n"
		   "  --seed N        random pattern seed (default 0x5eed)\n");
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "inject", required_argument, NULL, 'i' },
		{ "minutes", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	struct ds_test_opts o = { .seed = 0x5eed, .minutes = 0 };
	const struct ds_test *t;
	int c;

	/* Unbuffered, so a crash loses no line of the log. */
	setvbuf(stdout, NULL, _IONBF, 0);
	if (argc >= 2 && !strcmp(argv[1], "list")) {
		list();
		return 0;
	}
	if (argc < 3 || strcmp(argv[1], "run"))
		return usage(stderr, 2);
	t = find_test(argv[2]);
	if (!t) {
		fprintf(stderr, "ds-conform: unknown test '%s' (see: ds-conform list)\n",
			argv[2]);
		return 2;
	}
	optind = 3;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (!ds_fault_parse(optarg))
				return 2;
			break;
		case 'm':
			if (!ds_parse_u64("--minutes", optarg, 0, 24 * 60, &o.minutes))
				return 2;
			break;
		case 's':
			if (!ds_parse_u64("--seed", optarg, 0, ~0ULL, &o.seed))
				return 2;
			break;
		case 'h':
			return usage(stdout, 0);
		default:
			return usage(stderr, 2);
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ds-conform: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	printf("# %s: %s\n", t->id, t->desc);
	if (ds_fault != DS_FAULT_NONE)
		printf("# injected fault: %s\n", ds_fault_name(ds_fault));
	return t->run(&o);
}
