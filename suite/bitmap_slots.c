// SPDX-License-Identifier: GPL-2.0
/*
 * BITMAP-004..007: the dirty bitmap with several memslots at once, with
 * logging toggled and slots re-created, and with more vCPUs than cores.
 * Each slot is harvested and verified on its own (suite/lib/slots.c).
 * The BITMAP table is in bitmap.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "bitmap.h"
#include "lib/errno_check.h"
#include "lib/slots.h"
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
		cfg->slot_pages[i] = DS_MIB_PAGES(slot_mib[i]);
	cfg->pat.pattern = ds_pattern_find(pattern);
	cfg->pat.fraction_ppm = 50000;
	cfg->pat.seed = o->seed;
}

static uint64_t *slot_log_buf(struct ds_slot *s)
{
	return ds_calloc(s->npages / 64 + 1, 8);
}

/* True when the slot's bitmap is empty right now (and it answered). */
static bool slot_log_empty(struct ds_vm *dvm, struct ds_slot *s, const char *when)
{
	uint64_t *buf = slot_log_buf(s), n = 0, p;
	int e = ds_get_log_raw(dvm->vm, s->id, buf);

	for (p = 0; !e && p < s->npages; p++)
		n += ds_bit_test(buf, p);
	free(buf);
	return ds_check(!e && !n, "slot %u %s: GET_DIRTY_LOG errno %d, %lu pages reported, want 0",
			s->id, when, e, n);
}

/* BITMAP-004: five slots of different sizes, each harvested on its own. */
int bitmap_multi_slot(const struct ds_test_opts *o)
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
		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "all slots");
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
int bitmap_toggle(const struct ds_test_opts *o)
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

		others = ds_slots_all(dvm) & ~(1u << x);
		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "all logging");
		/* Writes to s left unharvested when logging goes off. */
		ok &= ds_slots_round(dvm, others, "before off");
		ds_vm_slot_flags(dvm, s, 0);
		buf = slot_log_buf(s);
		e = ds_get_log_raw(dvm->vm, s->id, buf);
		free(buf);
		ok &= ds_want_errno(e, ENOENT, "slot %u logging off: GET_DIRTY_LOG", s->id);
		ok &= ds_slots_round(dvm, others, "one slot off");
		ds_vm_slot_flags(dvm, s, KVM_MEM_LOG_DIRTY_PAGES);
		ok &= slot_log_empty(dvm, s, "logging on again");
		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "on again");
	}
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * BITMAP-006: a logging slot deleted and created again at the same place
 * starts with an empty log: pages written to the old slot and never
 * harvested are gone with it, and new writes are reported exactly.
 */
int bitmap_recreate(const struct ds_test_opts *o)
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

		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "before re-create");
		ok &= ds_slots_round(dvm, ds_slots_all(dvm) & ~(1u << x),
				     "writes left in the old slot");
		ds_vm_slot_recreate(dvm, s, KVM_MEM_LOG_DIRTY_PAGES);
		ok &= slot_log_empty(dvm, s, "re-created");
		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "after re-create");
		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "after re-create");
	}
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/* BITMAP-007: 1, 2 and 4 vCPUs (up to 2x the cores here), nothing lost. */
int bitmap_vcpus(const struct ds_test_opts *o)
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
			one &= ds_slots_round(dvm, ds_slots_all(dvm), "vCPUs");
		ds_check(one, "%u vCPUs on %ld cores, 3 slots, %u rounds: every slot exact",
			 counts[i], cores, SLOTS_ROUNDS);
		ok &= one;
		ds_vm_destroy(dvm);
	}
	return ds_result(ok);
}
