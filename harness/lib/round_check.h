/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The round verifier: after a round and a harvest, the pages harvested
 * against the guest's own record of what it wrote (its truth bitmaps),
 * and every written page's stamp against the round and the vCPU that owns
 * it.  Every test that checks a harvest goes through here; they differ
 * only in how they harvest, whether an over-report fails, and how loud a
 * pass is.
 */
#ifndef DS_ROUND_CHECK_H
#define DS_ROUND_CHECK_H

#include <stdbool.h>
#include <stdint.h>
#include "dirty_set.h"
#include "verify.h"

struct ds_vm;

#define DS_RC_EXACT	(1u << 0)	/* an over-reported page fails too */
#define DS_RC_PRINT	(1u << 1)	/* print the verdict on a pass too */
#define DS_RC_QUIET	(1u << 2)	/* print nothing: the caller sums up */

struct ds_round_result {
	struct ds_verdict v;
	uint64_t bad_stamps;	/* written pages whose stamp is wrong */
};

/*
 * Judge @got, harvested after round @round, as one set.  @what names the
 * round in every line printed.  @res, if not NULL, receives the counts.
 */
bool ds_round_check(struct ds_vm *dvm, const struct ds_set *got,
		    uint64_t round, unsigned int flags, const char *what,
		    struct ds_round_result *res);

/*
 * The same, per slot in @mask (bit i: dvm->slots[i]), always exact:
 * harvested ∩ slot must equal written ∩ slot, one line per bad slot, so
 * that a page reported in the wrong slot's bitmap fails both slots.
 * Slots outside @mask are not judged (their logging may be off).
 */
bool ds_round_check_slots(struct ds_vm *dvm, const struct ds_set *got,
			  uint64_t round, uint32_t mask, const char *what);

/* The stamp at the start of global page @page, in host memory; NULL: none. */
struct ds_stamp *ds_vm_page_stamp(struct ds_vm *dvm, uint64_t page);

/* Check the stamps of @truth's pages name @round and vCPU; bad count. */
uint64_t ds_vm_check_stamps(struct ds_vm *dvm, const struct ds_set *truth,
			    uint64_t round);

/* @rounds rounds, each harvested through the mode and judged. */
bool ds_vm_run_verified(struct ds_vm *dvm, unsigned int rounds, bool exact);

#endif /* DS_ROUND_CHECK_H */
