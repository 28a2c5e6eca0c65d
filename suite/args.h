/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ds-conform's command line, parsed apart from main() so that the parser
 * can be unit-tested and fuzzed (tests/fuzz/fuzz-args.c): it never exits,
 * and it leaves no global state behind, so it can be called many times in
 * one process.
 */
#ifndef DS_ARGS_H
#define DS_ARGS_H

#include <stdio.h>

#include "suite.h"

enum ds_args_cmd { DS_ARGS_LIST, DS_ARGS_RUN, DS_ARGS_HELP };

struct ds_args {
	enum ds_args_cmd cmd;
	const struct ds_test *test;	/* DS_ARGS_RUN: the test to run */
	struct ds_test_opts opts;
	enum ds_fault fault;		/* --inject; main() arms it */
};

/*
 * Parse ds-conform's argv into @out.  Returns 0 when @out says what to do,
 * 2 on a usage error, after one message on stderr.  Does not touch @argv.
 */
int ds_args_parse(int argc, char **argv, struct ds_args *out);

/* The usage text: on stdout for -h, on stderr after a usage error. */
void ds_args_usage(FILE *f);

#endif /* DS_ARGS_H */
