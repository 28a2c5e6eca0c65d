/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-slot harvesting and verification (suite/lib/slots.c), shared by
 * the areas that check the log after doing something to single slots.
 */
#ifndef DS_SUITE_SLOTS_H
#define DS_SUITE_SLOTS_H

#include "suite.h"

/* Every slot of @dvm, as a mask for the functions below. */
static inline uint32_t ds_slots_all(struct ds_vm *dvm)
{
	return (1u << dvm->nr_slots) - 1;
}

/*
 * GET_DIRTY_LOG each slot in @mask (bit i: dvm->slots[i]) into @out, with
 * drop-one and wrong-slot injected; false if an ioctl failed.
 */
bool ds_slots_harvest(struct ds_vm *dvm, uint32_t mask, struct ds_set *out);

/* One round, harvested and verified per slot in @mask, stamps checked. */
bool ds_slots_round(struct ds_vm *dvm, uint32_t mask, const char *what);

#endif /* DS_SUITE_SLOTS_H */
