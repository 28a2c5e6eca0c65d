/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The verifier: what the host harvested against what the guest wrote.
 * A page written but not harvested is lost (always a failure); a page
 * harvested but not written is an over-report (a failure where the kernel
 * promises exactness, as the bitmap does for 4 KiB mappings).
 */
#ifndef DS_VERIFY_H
#define DS_VERIFY_H

#include <stdbool.h>
#include <stdio.h>
#include "dirty_set.h"

#define DS_VERIFY_EXAMPLES 8

struct ds_verdict {
	uint64_t written;
	uint64_t harvested;
	uint64_t lost;
	uint64_t extra;
	uint64_t lost_pages[DS_VERIFY_EXAMPLES];	/* the first few */
	uint64_t extra_pages[DS_VERIFY_EXAMPLES];
};

void ds_verify(const struct ds_set *harvested, const struct ds_set *truth,
	       struct ds_verdict *v);

/* Passes when nothing was lost and, if @exact, nothing over-reported. */
bool ds_verdict_ok(const struct ds_verdict *v, bool exact);

/* One '#'-prefixed line for the log, and the examples when it failed. */
void ds_verdict_print(FILE *f, const char *what, const struct ds_verdict *v,
		      bool exact);

/*
 * @got against @want, with the verdict printed whatever it is: for sets
 * that are not one round's (round_check.h judges those).
 */
bool ds_verify_print(FILE *f, const char *what, const struct ds_set *got,
		     const struct ds_set *want, bool exact);

#endif /* DS_VERIFY_H */
