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
 * The command line is parsed in args.c.  The runner, harness/runner/dirtysuite,
 * runs each test under a timeout.
 */
#include <stdio.h>

#include "args.h"
#include "postmortem.h"
#include "suite.h"

static void list(void)
{
	unsigned int a, i;

	for (a = 0; a < ds_nr_areas; a++)
		for (i = 0; i < ds_areas[a]->nr; i++)
			printf("%s\t%s\t%s\n", ds_areas[a]->tests[i].id,
			       ds_areas[a]->tests[i].tier,
			       ds_areas[a]->tests[i].desc);
}

int main(int argc, char **argv)
{
	struct ds_args args;
	const struct ds_test *t;

	/* Unbuffered, so a crash loses no line of the log. */
	setvbuf(stdout, NULL, _IONBF, 0);
	if (ds_args_parse(argc, argv, &args))
		return 2;
	switch (args.cmd) {
	case DS_ARGS_LIST:
		list();
		return 0;
	case DS_ARGS_HELP:
		ds_args_usage(stdout);
		return 0;
	case DS_ARGS_RUN:
		break;
	}
	t = args.test;
	ds_pm_init(t->id);
	ds_fault = args.fault;
	printf("# %s: %s\n", t->id, t->desc);
	if (ds_fault != DS_FAULT_NONE)
		printf("# injected fault: %s\n", ds_fault_name(ds_fault));
	return t->run(&args.opts);
}
