/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Per-slot harvesting and verification (suite/bitmap_slots.c), shared by
 * the areas that check the log after doing something to single slots.
 */
#ifndef DS_BITMAP_SLOTS_H
#define DS_BITMAP_SLOTS_H

#include "suite.h"

/* KVM_GET_DIRTY_LOG on one slot into @buf; returns 0 or the errno. */
int ds_slot_get_log(struct ds_vm *dvm, struct ds_slot *s, uint64_t *buf);

/*
 * GET_DIRTY_LOG each slot in @mask (bit i: dvm->slots[i]) into @out, with
 * drop-one and wrong-slot injected; false if an ioctl failed.
 */
bool ds_slots_harvest(struct ds_vm *dvm, uint32_t mask, struct ds_set *out);

/* harvested ∩ slot == written ∩ slot for each slot in @mask. */
bool ds_slots_verify(struct ds_vm *dvm, uint32_t mask, const struct ds_set *harv,
		     const struct ds_set *truth, const char *what);

/* One round, harvested and verified per slot in @mask, stamps checked. */
bool ds_slots_round(struct ds_vm *dvm, uint32_t mask, const char *what);

#endif /* DS_BITMAP_SLOTS_H */
