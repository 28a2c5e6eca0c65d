// SPDX-License-Identifier: GPL-2.0
/*
 * BITMAP: KVM_MEM_LOG_DIRTY_PAGES and KVM_GET_DIRTY_LOG (api.rst 4.8 and
 * 4.35).  See CONFORMANCE.md for each rule.  The area's table is here;
 * BITMAP-004..007, with several memslots, live in bitmap_slots.c.
 */
#include <errno.h>
#include <stdlib.h>

#include "suite.h"
#include "bitmap.h"
#include "lib/errno_check.h"
#include "util.h"

#define BITMAP_ROUNDS	20
#define BITMAP_MIB	16

static void bitmap_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o)
{
	ds_vm_cfg_default(cfg);
	cfg->slot_pages[0] = DS_MIB_PAGES(BITMAP_MIB);
	cfg->pat.seed = o->seed;
	cfg->pat.fraction_ppm = 250000;
}

/* BITMAP-001: no page the guest wrote goes unreported, for every pattern. */
static int bitmap_no_lost(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;
	unsigned int p;

	for (p = 0; p < ds_nr_patterns; p++) {
		bitmap_cfg(&cfg, o);
		cfg.pat.pattern = p;
		printf("# pattern %s, %u rounds, %u vCPUs, %u MiB\n",
		       ds_patterns[p].name, BITMAP_ROUNDS, cfg.nr_vcpus, BITMAP_MIB);
		dvm = ds_vm_create(&cfg);
		ok &= ds_vm_run_verified(dvm, BITMAP_ROUNDS, false);
		ds_vm_destroy(dvm);
	}
	return ds_result(ok);
}

/*
 * BITMAP-002: with 4 KiB mappings the log is exact: a page not written in
 * a round is not reported.  Sparse patterns leave most pages clean, so an
 * over-report (e.g. a whole 64-page word, or a page left from an earlier
 * round because GET_DIRTY_LOG did not clear it) shows.  rw reads half the
 * pages it touches, most for the first time: a fault path that logs a
 * read fault as a write reports them.
 */
static int bitmap_exact(const struct ds_test_opts *o)
{
	static const char *const pats[] = { "random", "stride", "hotset", "rw" };
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true;
	unsigned int i;

	for (i = 0; i < DS_ARRAY_SIZE(pats); i++) {
		bitmap_cfg(&cfg, o);
		cfg.pat.pattern = ds_pattern_find(pats[i]);
		cfg.pat.fraction_ppm = 10000;
		cfg.pat.stride = 37;
		cfg.pat.write_pct = 50;
		printf("# pattern %s, exact check\n", pats[i]);
		dvm = ds_vm_create(&cfg);
		ok &= ds_vm_run_verified(dvm, BITMAP_ROUNDS, true);
		ds_vm_destroy(dvm);
	}
	return ds_result(ok);
}

/*
 * BITMAP-003: KVM_GET_DIRTY_LOG on a slot without KVM_MEM_LOG_DIRTY_PAGES
 * fails with ENOENT, and so does an unused slot id; a slot id at or past
 * KVM_CAP_NR_MEMSLOTS, or an address space past the last, fails with EINVAL.
 */
static int bitmap_errno(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t *buf;
	bool ok = true;
	int e;
	int nr_slots = kvm_check_cap(KVM_CAP_NR_MEMSLOTS);
	int nr_as = kvm_check_cap(KVM_CAP_MULTI_ADDRESS_SPACE) ?: 1;

	bitmap_cfg(&cfg, o);
	cfg.nr_slots = 2;
	cfg.slot_pages[1] = 512;
	dvm = ds_vm_create(&cfg);
	buf = calloc(dvm->slots[0].npages / 64 + 1, 8);

	/* Slot 1 stops logging; slot 0 still logs and must still answer. */
	ds_vm_slot_flags(dvm, &dvm->slots[1], 0);
	e = ds_get_log_errno(dvm->vm, dvm->slots[1].id, buf);
	ok &= ds_want_errno(e, ENOENT, "slot %u without logging", dvm->slots[1].id);
	e = ds_get_log_errno(dvm->vm, dvm->slots[0].id, buf);
	ok &= ds_want_errno(e, 0, "slot %u with logging", dvm->slots[0].id);
	/*
	 * An id that names no slot is ENOENT up to the last usable id
	 * (KVM_CAP_NR_MEMSLOTS - 1), EINVAL from the limit on and for an
	 * address space past the last: an off-by-one at either edge shows.
	 */
	e = ds_get_log_errno(dvm->vm, 7, buf);
	ok &= ds_want_errno(e, ENOENT, "unused slot id 7");
	e = ds_get_log_errno(dvm->vm, nr_slots - 1, buf);
	ok &= ds_want_errno(e, ENOENT, "unused slot id %d (last)", nr_slots - 1);
	e = ds_get_log_errno(dvm->vm, nr_slots, buf);
	ok &= ds_want_errno(e, EINVAL, "slot id %d (limit)", nr_slots);
	e = ds_get_log_errno(dvm->vm, 0xffff, buf);
	ok &= ds_want_errno(e, EINVAL, "slot id 65535");
	e = ds_get_log_errno(dvm->vm, (uint32_t)nr_as << 16 | dvm->slots[0].id, buf);
	ok &= ds_want_errno(e, EINVAL, "address space %d (one past the last)", nr_as);
	/* Logging back on: the VM still runs and its log is still exact. */
	ds_vm_slot_flags(dvm, &dvm->slots[1], KVM_MEM_LOG_DIRTY_PAGES);
	ok &= ds_vm_run_verified(dvm, 2, true);
	free(buf);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

static const struct ds_test tests[] = {
	{ "BITMAP-001", "full", "no lost page over 20 rounds, 2 vCPUs, every pattern",
	  bitmap_no_lost },
	{ "BITMAP-002", "quick", "no over-report with 4 KiB mappings", bitmap_exact },
	{ "BITMAP-003", "quick", "GET_DIRTY_LOG errno: ENOENT unlogged slot, EINVAL bad slot",
	  bitmap_errno },
	{ "BITMAP-004", "quick", "5 memslots, each harvested and verified on its own",
	  bitmap_multi_slot },
	{ "BITMAP-005", "quick", "logging off (ENOENT) and on again per slot: fresh log",
	  bitmap_toggle },
	{ "BITMAP-006", "quick", "slot deleted and re-created while logging: empty log",
	  bitmap_recreate },
	{ "BITMAP-007", "quick", "1, 2, 4 vCPUs on 2 cores, 3 slots, nothing lost",
	  bitmap_vcpus },
};

const struct ds_area ds_area_bitmap = DS_AREA("BITMAP", tests);
