// SPDX-License-Identifier: GPL-2.0
/*
 * BITMAP-004..007: the dirty bitmap with several memslots at once, with
 * logging toggled and slots re-created, and with more vCPUs than cores.
 *
 * Every slot is harvested with its own KVM_GET_DIRTY_LOG and verified on
 * its own (harvested ∩ slot == written ∩ slot), so a page that the kernel
 * reports in the wrong slot's bitmap fails both slots, not just the total.
 * These tests harvest here rather than through ds_harvest() because they
 * need to leave single slots out (logging off, or just re-created).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "bitmap_slots.h"
#include "util.h"

#define SLOTS_FIRST_ID	3	/* ids above the framework's slot 0..2 */
#define SLOTS_ROUNDS	8

/* Slot sizes in MiB: different, so an off-by-one-slot mix-up shows. */
static const unsigned int slot_mib[] = { 2, 4, 6, 8, 12 };

static void slots_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		      unsigned int nr_slots, const char *pattern)
{
	unsigned int i;

	ds_vm_cfg_default(cfg);
	cfg->nr_slots = nr_slots;
	cfg->first_slot_id = SLOTS_FIRST_ID;
	for (i = 0; i < nr_slots; i++)
		cfg->slot_pages[i] = (uint64_t)slot_mib[i] << (20 - DS_PAGE_SHIFT);
	cfg->pat.pattern = ds_pattern_find(pattern);
	cfg->pat.fraction_ppm = 50000;
	cfg->pat.seed = o->seed;
}

static uint64_t *slot_log_buf(struct ds_slot *s)
{
	return ds_calloc(s->npages / 64 + 1, 8);
}

/* KVM_GET_DIRTY_LOG on one slot; returns 0 or the errno. */
int ds_slot_get_log(struct ds_vm *dvm, struct ds_slot *s, uint64_t *buf)
{
	struct kvm_dirty_log log = { .slot = s->id, .dirty_bitmap = buf };

	return __vm_ioctl(dvm->vm, KVM_GET_DIRTY_LOG, &log) ? errno : 0;
}

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
		buf = slot_log_buf(s);
		e = ds_slot_get_log(dvm, s, buf);
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

static uint32_t all_slots(struct ds_vm *dvm)
{
	return (1u << dvm->nr_slots) - 1;
}

/* True when the slot's bitmap is empty right now (and it answered). */
static bool slot_log_empty(struct ds_vm *dvm, struct ds_slot *s, const char *when)
{
	uint64_t *buf = slot_log_buf(s), n = 0, p;
	int e = ds_slot_get_log(dvm, s, buf);

	for (p = 0; !e && p < s->npages; p++)
		n += ds_bit_test(buf, p);
	free(buf);
	return ds_check(!e && !n, "slot %u %s: GET_DIRTY_LOG errno %d, %lu pages reported, want 0",
			s->id, when, e, n);
}

/* BITMAP-004: five slots of different sizes, each harvested on its own. */
static int bitmap_multi_slot(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;
	unsigned int r;

	slots_cfg(&cfg, o, DS_ARRAY_SIZE(slot_mib), "random");
	dvm = ds_vm_create(&cfg);
	printf("# %u slots (ids %u..%u, 2/4/6/8/12 MiB, 2 MiB holes), %u vCPUs, random 5%%, %u rounds\n",
	       dvm->nr_slots, dvm->slots[0].id, dvm->slots[dvm->nr_slots - 1].id,
	       cfg.nr_vcpus, SLOTS_ROUNDS);
	for (r = 0; r < SLOTS_ROUNDS; r++)
		ok &= ds_slots_round(dvm, all_slots(dvm), "all slots");
	ds_check(ok, "%u rounds, every slot exact", SLOTS_ROUNDS);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * BITMAP-005: KVM_MEM_LOG_DIRTY_PAGES off frees the slot's bitmap
 * (GET_DIRTY_LOG: ENOENT); on again allocates a new, zeroed one
 * (kvm_prepare_memory_region): nothing written before or while logging
 * was off is reported, and writes after it are reported again.
 */
static int bitmap_toggle(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t *buf;
	bool ok = true;
	uint32_t x, others;
	int e;

	slots_cfg(&cfg, o, 4, "random");
	cfg.pat.fraction_ppm = 100000;
	dvm = ds_vm_create(&cfg);
	printf("# %u slots, each in turn: logging off for one round, then on\n",
	       dvm->nr_slots);
	for (x = 0; x < dvm->nr_slots; x++) {
		struct ds_slot *s = &dvm->slots[x];

		others = all_slots(dvm) & ~(1u << x);
		ok &= ds_slots_round(dvm, all_slots(dvm), "all logging");
		/* Writes to s left unharvested when logging goes off. */
		ok &= ds_slots_round(dvm, others, "before off");
		ds_vm_slot_flags(dvm, s, 0);
		buf = slot_log_buf(s);
		e = ds_slot_get_log(dvm, s, buf);
		free(buf);
		ok &= ds_check(e == ENOENT, "slot %u logging off: GET_DIRTY_LOG errno %d (%s), want ENOENT",
			       s->id, e, strerror(e));
		ok &= ds_slots_round(dvm, others, "one slot off");
		ds_vm_slot_flags(dvm, s, KVM_MEM_LOG_DIRTY_PAGES);
		ok &= slot_log_empty(dvm, s, "logging on again");
		ok &= ds_slots_round(dvm, all_slots(dvm), "on again");
	}
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * BITMAP-006: a logging slot deleted and created again at the same place
 * starts with an empty log: pages written to the old slot and never
 * harvested are gone with it, and new writes are reported exactly.
 */
static int bitmap_recreate(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;
	uint32_t x;

	slots_cfg(&cfg, o, 4, "random");
	cfg.pat.fraction_ppm = 100000;
	dvm = ds_vm_create(&cfg);
	printf("# %u slots; slots %u and %u deleted and re-created with logging\n",
	       dvm->nr_slots, dvm->slots[1].id, dvm->slots[3].id);
	for (x = 1; x < dvm->nr_slots; x += 2) {
		struct ds_slot *s = &dvm->slots[x];

		ok &= ds_slots_round(dvm, all_slots(dvm), "before re-create");
		ok &= ds_slots_round(dvm, all_slots(dvm) & ~(1u << x),
				     "writes left in the old slot");
		ds_vm_slot_recreate(dvm, s, KVM_MEM_LOG_DIRTY_PAGES);
		ok &= slot_log_empty(dvm, s, "re-created");
		ok &= ds_slots_round(dvm, all_slots(dvm), "after re-create");
		ok &= ds_slots_round(dvm, all_slots(dvm), "after re-create");
	}
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/* BITMAP-007: 1, 2 and 4 vCPUs (up to 2x the cores here), nothing lost. */
static int bitmap_vcpus(const struct ds_test_opts *o)
{
	static const uint32_t counts[] = { 1, 2, 4 };
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true, one;
	unsigned int i, r;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	for (i = 0; i < DS_ARRAY_SIZE(counts); i++) {
		slots_cfg(&cfg, o, 3, "random");
		cfg.nr_vcpus = counts[i];
		dvm = ds_vm_create(&cfg);
		one = true;
		for (r = 0; r < SLOTS_ROUNDS; r++)
			one &= ds_slots_round(dvm, all_slots(dvm), "vCPUs");
		ds_check(one, "%u vCPUs on %ld cores, 3 slots, %u rounds: every slot exact",
			 counts[i], cores, SLOTS_ROUNDS);
		ok &= one;
		ds_vm_destroy(dvm);
	}
	return ds_result(ok);
}

static const struct ds_test tests[] = {
	{ "BITMAP-004", "quick", "5 memslots, each harvested and verified on its own",
	  bitmap_multi_slot },
	{ "BITMAP-005", "quick", "logging off (ENOENT) and on again per slot: fresh log",
	  bitmap_toggle },
	{ "BITMAP-006", "quick", "slot deleted and re-created while logging: empty log",
	  bitmap_recreate },
	{ "BITMAP-007", "quick", "1, 2, 4 vCPUs on 2 cores, 3 slots, nothing lost",
	  bitmap_vcpus },
};
/* A second table of the BITMAP area, listed after suite/bitmap.c's. */
const struct ds_area ds_area_bitmap_slots = DS_AREA("BITMAP", tests);
