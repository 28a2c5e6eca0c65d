// SPDX-License-Identifier: GPL-2.0
/*
 * Per-slot harvesting and verification (slots.h): every slot is harvested
 * with its own KVM_GET_DIRTY_LOG and verified on its own (harvested ∩ slot
 * == written ∩ slot), so a page that the kernel reports in the wrong
 * slot's bitmap fails both slots, not just the total.  BITMAP-004..007 and
 * BADINPUT harvest here rather than through ds_harvest() because they
 * need to leave single slots out (logging off, or just re-created).
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

/* Count @set's members in [first, first + n). */
static uint64_t set_count_range(const struct ds_set *set, uint64_t first,
				uint64_t n)
{
	uint64_t p, c = 0;

	for (p = ds_set_next(set, first); p < first + n && p < set->nbits;
	     p = ds_set_next(set, p + 1))
		c++;
	return c;
}

/*
 * Per slot in @mask: harvested ∩ slot must equal written ∩ slot.  One line
 * per slot, so a failure names the slot.
 */
bool ds_slots_verify(struct ds_vm *dvm, uint32_t mask, const struct ds_set *harv,
		     const struct ds_set *truth, const char *what)
{
	uint64_t p, lost, extra, first_bad;
	bool ok = true;
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		if (!(mask & (1u << i)))
			continue;
		lost = extra = 0;
		first_bad = ~0ULL;
		for (p = s->first; p < s->first + s->npages; p++) {
			bool h = ds_set_has(harv, p), t = ds_set_has(truth, p);

			if (h == t)
				continue;
			lost += t;
			extra += h;
			if (first_bad == ~0ULL)
				first_bad = p - s->first;
		}
		if (lost || extra) {
			ok = false;
			printf("# FAIL: %s: slot %u (%lu pages at gpa %#lx): written %lu harvested %lu lost %lu extra %lu (first at offset %lu)\n",
			       what, s->id, s->npages, s->gpa,
			       set_count_range(truth, s->first, s->npages),
			       set_count_range(harv, s->first, s->npages),
			       lost, extra, first_bad);
		}
	}
	return ok;
}

/* One round, harvest @mask, verify @mask exactly, stamps of every write. */
bool ds_slots_round(struct ds_vm *dvm, uint32_t mask, const char *what)
{
	struct ds_set harv, truth;
	char label[96];
	bool ok;

	ds_set_init(&harv, dvm->nr_pages);
	ds_set_init(&truth, dvm->nr_pages);
	ds_vm_round(dvm);
	ds_vm_truth(dvm, &truth);
	ok = ds_slots_harvest(dvm, mask, &harv);
	snprintf(label, sizeof(label), "%s, round %lu", what, dvm->round);
	ok &= ds_slots_verify(dvm, mask, &harv, &truth, label);
	if (ds_vm_check_stamps(dvm, &truth, dvm->round))
		ok = ds_check(false, "%s: pages with wrong stamps", label);
	ds_set_free(&harv);
	ds_set_free(&truth);
	return ok;
}
