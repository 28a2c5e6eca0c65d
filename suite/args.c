// SPDX-License-Identifier: GPL-2.0
/*
 * ds-conform list
 * ds-conform run ID [--inject FAULT] [--minutes N] [--seed N] [-h]
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"
#include "opt.h"

static const struct option longopts[] = {
	{ "inject", required_argument, NULL, 'i' },
	{ "minutes", required_argument, NULL, 'm' },
	{ "seed", required_argument, NULL, 's' },
	{ "help", no_argument, NULL, 'h' },
	{ 0 }
};

static const struct ds_test *find_test(const char *id)
{
	unsigned int a, i;

	for (a = 0; a < ds_nr_areas; a++)
		for (i = 0; i < ds_areas[a]->nr; i++)
			if (!strcmp(ds_areas[a]->tests[i].id, id))
				return &ds_areas[a]->tests[i];
	return NULL;
}

void ds_args_usage(FILE *f)
{
	fprintf(f, "usage: ds-conform list\n"
		   "       ds-conform run ID [--inject FAULT] [--minutes N] [--seed N]\n"
		   "  --inject FAULT  harness fault for negative self-tests (default none)\n"
		   "  --minutes N     STRESS soak length in minutes (default 0: quick form)\n"
		   "  --seed N        random pattern seed (default 0x5eed)\n");
}

/*
 * --inject names a fault through ds_fault_parse(), which arms the global
 * ds_fault; the parser only reports it, and main() arms it.
 */
static bool parse_fault(const char *name, enum ds_fault *out)
{
	enum ds_fault armed = ds_fault;
	bool ok = ds_fault_parse(name);

	if (ok)
		*out = ds_fault;
	ds_fault = armed;
	return ok;
}

/* The options after "run ID"; @v is argv[0] followed by them. */
static int parse_run_opts(int n, char **v, struct ds_args *out)
{
	int c;

	/*
	 * optind = 0 makes glibc's getopt start afresh: with optind = 1 it
	 * would keep the previous call's position inside a "-hh" cluster,
	 * a pointer into an argv that may be gone.
	 */
	optind = 0;
	while ((c = getopt_long(n, v, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'i':
			if (!parse_fault(optarg, &out->fault))
				return 2;
			break;
		case 'm':
			if (!ds_parse_u64("--minutes", optarg, 0, 24 * 60,
					  &out->opts.minutes))
				return 2;
			break;
		case 's':
			if (!ds_parse_u64("--seed", optarg, 0, ~0ULL, &out->opts.seed))
				return 2;
			break;
		case 'h':
			out->cmd = DS_ARGS_HELP;
			return 0;
		default:
			ds_args_usage(stderr);
			return 2;
		}
	}
	if (optind < n) {
		fprintf(stderr, "ds-conform: unexpected argument '%s'\n", v[optind]);
		return 2;
	}
	return 0;
}

int ds_args_parse(int argc, char **argv, struct ds_args *out)
{
	char **v;
	int rc;

	memset(out, 0, sizeof(*out));
	out->opts.seed = 0x5eed;
	out->fault = DS_FAULT_NONE;
	if (argc >= 2 && !strcmp(argv[1], "list")) {
		out->cmd = DS_ARGS_LIST;
		return 0;
	}
	if (argc < 3 || strcmp(argv[1], "run")) {
		ds_args_usage(stderr);
		return 2;
	}
	out->cmd = DS_ARGS_RUN;
	out->test = find_test(argv[2]);
	if (!out->test) {
		fprintf(stderr, "ds-conform: unknown test '%s' (see: ds-conform list)\n",
			argv[2]);
		return 2;
	}
	/*
	 * getopt_long permutes the array it scans; a copy of argv without
	 * "run ID" keeps the caller's argv as it was, and argv[0] first so
	 * that getopt's own messages still name the program.
	 */
	v = malloc(sizeof(*v) * (argc - 1));
	if (!v) {
		fprintf(stderr, "ds-conform: out of memory\n");
		return 2;
	}
	v[0] = argv[0];
	memcpy(v + 1, argv + 3, sizeof(*v) * (argc - 3));
	v[argc - 2] = NULL;
	rc = parse_run_opts(argc - 2, v, out);
	free(v);
	return rc;
}
