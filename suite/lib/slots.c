// SPDX-License-Identifier: GPL-2.0
/*
 * Per-slot harvesting (slots.h): every slot is harvested with its own
 * KVM_GET_DIRTY_LOG and judged on its own by ds_round_check_slots(), so a
 * page that the kernel reports in the wrong slot's bitmap fails both
 * slots, not just the total.  BITMAP-004..007 and BADINPUT harvest here
 * rather than through ds_harvest() because they need to leave single
 * slots out (logging off, or just re-created).
 */
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "util.h"
#include "lib/errno_check.h"
#include "lib/slots.h"

/*
 * Harvest the slots in @mask (bit i: dvm->slots[i]) into @out, each from
 * its own bitmap.  The injected faults act here as they would in the
 * kernel: drop-one loses a page, wrong-slot moves one page to the same
 * offset of the next slot.
 */
bool ds_slots_harvest(struct ds_vm *dvm, uint32_t mask, struct ds_set *out)
{
	bool ok = true, moved = false;
	uint64_t *buf, p;
	uint32_t i;
	int e;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		if (!(mask & (1u << i)))
			continue;
		buf = ds_calloc(s->npages / 64 + 1, 8);
		e = ds_get_log_raw(dvm->vm, s->id, buf);
		if (e)
			ok &= ds_check(false, "GET_DIRTY_LOG slot %u: errno %d (%s)",
				       s->id, e, strerror(e));
		if (!moved && ds_injected(DS_FAULT_WRONG_SLOT) &&
		    i + 1 < dvm->nr_slots && (mask & (2u << i))) {
			for (p = 0; p < s->npages && !ds_bit_test(buf, p); p++)
				;
			if (p < s->npages && p < dvm->slots[i + 1].npages) {
				ds_bit_clear(buf, p);
				ds_set_add(out, dvm->slots[i + 1].first + p);
				moved = true;
			}
		}
		ds_set_or_bitmap(out, s->first, buf, s->npages);
		free(buf);
	}
	if (ds_injected(DS_FAULT_DROP_ONE)) {
		p = ds_set_next(out, 0);
		if (p < out->nbits)
			ds_set_del(out, p);
	}
	return ok;
}

/* One round, harvest @mask, verify @mask exactly, stamps of every write. */
bool ds_slots_round(struct ds_vm *dvm, uint32_t mask, const char *what)
{
	struct ds_set harv;
	char label[96];
	bool ok;

	ds_set_init(&harv, dvm->nr_pages);
	ds_vm_round(dvm);
	ok = ds_slots_harvest(dvm, mask, &harv);
	snprintf(label, sizeof(label), "%s, round %lu", what, dvm->round);
	ok &= ds_round_check_slots(dvm, &harv, dvm->round, mask, label);
	ds_set_free(&harv);
	return ok;
}
