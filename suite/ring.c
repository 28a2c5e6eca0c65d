// SPDX-License-Identifier: GPL-2.0
/*
 * RING: KVM_CAP_DIRTY_LOG_RING / _ACQ_REL and KVM_RESET_DIRTY_RINGS
 * (api.rst 8.29).  See CONFORMANCE.md for each rule.  This file holds
 * the area's table and RING-002..005; the enable rules, RING-001, live
 * in ring_enable.c, the backup bitmap's, RING-006, -008 and -009, in
 * ring_bitmap.c, and the concurrent harvester test, RING-007, in
 * ring_concurrent.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "suite.h"
#include "lib/errno_check.h"
#include "mode_ring.h"
#include "ring.h"
#include "util.h"

#define RING_ROUNDS	10

const int ring_caps[2] = { KVM_CAP_DIRTY_LOG_RING, KVM_CAP_DIRTY_LOG_RING_ACQ_REL };

const char *ring_cap_name(int cap)
{
	return cap == KVM_CAP_DIRTY_LOG_RING ? "DIRTY_LOG_RING" : "DIRTY_LOG_RING_ACQ_REL";
}

static void ring_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		     bool acq_rel)
{
	ds_vm_cfg_default(cfg);
	cfg->mode = ds_mode_find("ring");
	cfg->mcfg.ring_entries = 4096;	/* api.rst's recommended minimum */
	cfg->mcfg.acq_rel = acq_rel;
	cfg->slot_pages[0] = DS_MIB_PAGES(8);
	cfg->pat.pattern = ds_pattern_find("random");
	cfg->pat.fraction_ppm = 50000;
	cfg->pat.seed = o->seed;
}

/*
 * After a harvest with the vCPUs stopped: no entry named an unknown page,
 * every reset freed what was marked, and the rings are empty again (each
 * collected entry was reset, so KVM can reuse it).
 */
static bool ring_stats_ok(struct ds_vm *dvm)
{
	struct ds_ring_stats st;
	uint64_t held = 0;
	uint32_t i;
	bool ok;

	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		held += ds_ring_used(&dvm->vcpus[i]);
	ok = ds_check(held == 0, "after harvest + reset %lu entries still held in the rings",
		      held);

	ds_ring_get_stats(dvm, &st);
	ok &= ds_check(st.unknown == 0 && st.bad_flags == 0,
		      "%lu entries collected: %lu name no test page, %lu bad flags",
		      st.collected, st.unknown, st.bad_flags);
	ok &= ds_check(st.reset_mismatch == 0,
		       "%lu KVM_RESET_DIRTY_RINGS: %lu returned other than the entries marked",
		       st.resets, st.reset_mismatch);
	return ok;
}

/* Errno of an mmap of @len bytes of @fd at the ring's offset, or 0. */
static int ring_mmap_errno(int fd, size_t len, int prot, int flags)
{
	void *p = mmap(NULL, len, prot, flags, fd,
		       (off_t)getpagesize() * KVM_DIRTY_LOG_PAGE_OFFSET);

	if (p == MAP_FAILED)
		return errno;
	munmap(p, len);
	return ds_injected(DS_FAULT_ERRNO) ? EINVAL : 0;
}

/*
 * RING-002: the ring is the vCPU fd's mapping at KVM_DIRTY_LOG_PAGE_OFFSET
 * pages: shared read-write works, private or executable is refused
 * (kvm_vcpu_mmap: EINVAL); a fresh ring is all free entries (flags 0).
 */
static int ring_mmap(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	struct kvm_vcpu *vcpu;
	size_t len;
	bool ok = true;
	uint32_t i, used = 0;
	int e;

	ring_cfg(&cfg, o, false);
	dvm = ds_vm_create_or_skip(&cfg);
	if (!dvm)
		return KSFT_SKIP;
	vcpu = dvm->vcpus[0].vcpu;
	len = cfg.mcfg.ring_entries * sizeof(struct kvm_dirty_gfn);
	printf("# ring of %u entries (%zu bytes) at page offset %d of the vCPU fd\n",
	       cfg.mcfg.ring_entries, len, KVM_DIRTY_LOG_PAGE_OFFSET);
	e = ring_mmap_errno(vcpu->fd, len, PROT_READ | PROT_WRITE, MAP_SHARED);
	ok &= ds_want_errno(e, 0, "shared read-write mapping");
	e = ring_mmap_errno(vcpu->fd, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	ok &= ds_want_errno(e, EINVAL, "private mapping");
	/*
	 * kvm_vcpu_mmap() answers EINVAL; where /dev is mounted noexec the
	 * VFS refuses PROT_EXEC first, with EPERM.  Either way: refused.
	 */
	e = ring_mmap_errno(vcpu->fd, len, PROT_READ | PROT_EXEC, MAP_SHARED);
	ok &= ds_check(e == EINVAL || e == EPERM,
		       "executable mapping: errno %d (%s), want EINVAL (or EPERM, /dev noexec)",
		       e, strerror(e));
	for (i = 0; i < cfg.mcfg.ring_entries; i++)
		used += vcpu->dirty_gfns[i].flags != 0;
	ok &= ds_check(used == 0, "fresh ring: %u entries with flags set, want 0", used);
	/* The mapped ring then carries a round's pages. */
	ok &= ds_vm_run_verified(dvm, 2, true);
	ok &= ring_stats_ok(dvm);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * RING-003: every page written appears in its vCPU's ring as DIRTY with
 * its slot (as_id << 16 | id) and offset; nothing lost, nothing unknown,
 * nothing extra.  Three slots of different sizes, so a wrong slot id or
 * an offset counted from the wrong base lands on another page.  For each
 * ring capability this kernel offers.
 */
static int ring_entries(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	bool ok = true, any = false;
	unsigned int i;

	for (i = 0; i < 2; i++) {
		ring_cfg(&cfg, o, i);
		cfg.nr_slots = 3;
		cfg.first_slot_id = 20;
		cfg.slot_pages[0] = DS_MIB_PAGES(4);
		cfg.slot_pages[1] = DS_MIB_PAGES(2);
		cfg.slot_pages[2] = DS_MIB_PAGES(6);
		if (ds_mode_unsupported(&cfg)) {
			printf("# %s: %s\n", ring_cap_name(ring_caps[i]), ds_mode_unsupported(&cfg));
			continue;
		}
		any = true;
		printf("# KVM_CAP_%s, slots 20..22 (4, 2, 6 MiB), random 5%%, %u rounds\n",
		       ring_cap_name(ds_ring_cap(&cfg.mcfg)), RING_ROUNDS);
		dvm = ds_vm_create(&cfg);
		ok &= ds_vm_run_verified(dvm, RING_ROUNDS, true);
		ok &= ring_stats_ok(dvm);
		ds_vm_destroy(dvm);
	}
	if (!any)
		return ds_skip("kernel lacks KVM_CAP_DIRTY_LOG_RING and _ACQ_REL");
	return ds_result(ok);
}

/*
 * RING-004: KVM_RESET_DIRTY_RINGS frees exactly the entries marked RESET,
 * in ring order, and returns their number; it re-protects those pages, so
 * a later write is reported again and a page not written again is not.
 * seq at 100% rewrites every page every round; then a partial harvest
 * (half of vCPU 0's entries) must reset exactly that half.
 */
static int ring_reset(const struct ds_test_opts *o)
{
	struct ds_set got, after;
	struct ds_htimes t = { 0 };
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t used, half, rest;
	bool ok = true;
	int r;

	ring_cfg(&cfg, o, false);
	/* Room for every page twice (KVM may push a page more than once). */
	cfg.mcfg.ring_entries = 16384;
	cfg.pat.pattern = ds_pattern_find("seq");
	cfg.pat.fraction_ppm = 1000000;
	dvm = ds_vm_create_or_skip(&cfg);
	if (!dvm)
		return KSFT_SKIP;
	printf("# seq 100%%: every page rewritten each round\n");
	ok &= ds_vm_run_verified(dvm, 4, true);
	ok &= ring_stats_ok(dvm);
	r = ds_ring_reset_now(dvm);
	ok &= ds_check(r == 0, "KVM_RESET_DIRTY_RINGS with nothing marked returned %d", r);

	ds_set_init(&got, dvm->nr_pages);
	ds_set_init(&after, dvm->nr_pages);
	ds_vm_round(dvm);
	used = ds_ring_used(&dvm->vcpus[0]);
	half = ds_ring_collect_some(&dvm->vcpus[0], &got, used / 2);
	r = ds_ring_reset_now(dvm);
	ok &= ds_check(r >= 0 && (uint64_t)r == half && half == used / 2,
		       "partial harvest: %lu of %lu entries of vCPU 0 marked, reset returned %d",
		       half, used, r);
	rest = ds_ring_used(&dvm->vcpus[0]);
	ok &= ds_check(rest == used - half,
		       "the other %lu entries of vCPU 0 still in its ring, want %lu",
		       rest, used - half);
	/* A harvest replaces its set: the rest goes apart, then joins. */
	ds_harvest(dvm, &after, &t);
	ds_set_or_bitmap(&got, 0, after.bits, after.nbits);
	ok &= ds_round_check(dvm, &got, dvm->round, DS_RC_EXACT | DS_RC_PRINT,
			     "partial then full harvest", NULL);
	ok &= ds_vm_run_verified(dvm, 2, true);
	ok &= ring_stats_ok(dvm);

	ds_set_free(&got);
	ds_set_free(&after);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/* The pages of the round just run, harvested from the rings: exact. */
static bool round_in_ring(struct ds_vm *dvm)
{
	struct ds_htimes t = { 0 };
	struct ds_set got;
	bool ok;

	ds_set_init(&got, dvm->nr_pages);
	ds_harvest(dvm, &got, &t);
	ok = ds_round_check(dvm, &got, dvm->round, DS_RC_EXACT | DS_RC_PRINT,
			    "ring after the refused calls", NULL);
	ds_set_free(&got);
	return ok;
}

/*
 * RING-005: with the ring on (and no _WITH_BITMAP), the slots have no
 * bitmap: KVM_GET_DIRTY_LOG and KVM_CLEAR_DIRTY_LOG fail with ENXIO
 * (kvm_use_dirty_bitmap() in kvm_get_dirty_log_protect and
 * kvm_clear_dirty_log_protect), and the ring keeps working.
 */
static int ring_no_bitmap(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t *buf;
	bool ok = true;
	int e;

	ring_cfg(&cfg, o, false);
	dvm = ds_vm_create_or_skip(&cfg);
	if (!dvm)
		return KSFT_SKIP;
	buf = ds_calloc(dvm->slots[0].npages / 64 + 1, 8);
	ds_vm_round(dvm);
	e = ds_get_log_errno(dvm->vm, dvm->slots[0].id, buf);
	ok &= ds_want_errno(e, ENXIO, "KVM_GET_DIRTY_LOG with the ring on");
	e = ds_clear_log_errno(dvm->vm, dvm->slots[0].id, 0, dvm->slots[0].npages, buf);
	ok &= ds_want_errno(e, ENXIO, "KVM_CLEAR_DIRTY_LOG with the ring on");
	/* Round 1's pages are still in the rings, and later rounds exact. */
	ok &= round_in_ring(dvm);
	ok &= ds_vm_run_verified(dvm, 2, true);
	ok &= ring_stats_ok(dvm);
	free(buf);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

static const struct ds_test tests[] = {
	{ "RING-001", "quick", "ring size and enable rules: EINVAL, E2BIG, once, before vCPUs",
	  ring_enable_rules },
	{ "RING-002", "quick", "ring mmap at KVM_DIRTY_LOG_PAGE_OFFSET: shared only, starts empty",
	  ring_mmap },
	{ "RING-003", "quick", "every write in the ring: DIRTY, right slot and offset, 3 slots",
	  ring_entries },
	{ "RING-004", "quick", "RESET_DIRTY_RINGS returns entries reset, re-protects exactly",
	  ring_reset },
	{ "RING-005", "quick", "GET/CLEAR_DIRTY_LOG fail with ENXIO while the ring is on",
	  ring_no_bitmap },
	{ "RING-006", "quick", "ring + WITH_BITMAP: ITS-saved pages in the bitmap, in no ring",
	  ring_bitmap_its },
	{ "RING-007", "full", "harvester thread concurrent with writing vCPUs loses nothing",
	  ring_concurrent },
	{ "RING-008", "quick", "WITH_BITMAP only after the ring, before memslots, flags 0",
	  ring_bitmap_enable },
	{ "RING-009", "quick", "backup bitmap collected after the ITS save, cleared by the get",
	  ring_bitmap_order },
};

const struct ds_area ds_area_ring = DS_AREA("RING", tests);
