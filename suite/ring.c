// SPDX-License-Identifier: GPL-2.0
/*
 * RING: KVM_CAP_DIRTY_LOG_RING / _ACQ_REL and KVM_RESET_DIRTY_RINGS
 * (api.rst 8.29).  See CONFORMANCE.md for each rule.  The concurrent
 * harvester test, RING-007, lives in ring_concurrent.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "suite.h"
#include "mode_ring.h"
#include "util.h"

#define RING_ROUNDS	10

static const int ring_caps[] = { KVM_CAP_DIRTY_LOG_RING, KVM_CAP_DIRTY_LOG_RING_ACQ_REL };

static const char *cap_name(int cap)
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
	cfg->slot_pages[0] = 8 << (20 - DS_PAGE_SHIFT);
	cfg->pat.pattern = ds_pattern_find("random");
	cfg->pat.fraction_ppm = 50000;
	cfg->pat.seed = o->seed;
}

/* The answer of KVM_ENABLE_CAP(@cap, @bytes) on @vm: 0 or an errno. */
static int enable_errno(struct kvm_vm *vm, int cap, uint64_t bytes)
{
	if (ds_injected(DS_FAULT_ERRNO))
		return 0;	/* a kernel that stopped checking */
	return __vm_enable_cap(vm, cap, bytes) ? errno : 0;
}

static bool want_errno(int e, int want, const char *what, uint64_t bytes)
{
	return ds_check(e == want, "%s (%lu bytes): errno %d (%s), want %s", what,
			bytes, e, strerror(e), want ? strerror(want) : "success");
}

/*
 * RING-001: the ring size rules of kvm_vm_ioctl_enable_dirty_log_ring()
 * (virt/kvm/kvm_main.c, 6.12): 0 or not a power of two, below a page or
 * below the reserved entries → EINVAL; above KVM_CHECK_EXTENSION's value
 * → E2BIG; a second enable → EINVAL, whichever ring cap it names; after
 * the first vCPU → EINVAL.  Size checks come before the state checks.
 */
static int ring_enable_rules(const struct ds_test_opts *o)
{
	uint64_t page = getpagesize(), rsvd = ds_ring_rsvd_entries() * 16, below;
	struct kvm_vm *vm;
	bool ok = true, any = false;
	unsigned int i;
	int max, fd;

	for (i = 0; i < DS_ARRAY_SIZE(ring_caps); i++) {
		int cap = ring_caps[i], other = ring_caps[!i];

		max = kvm_check_cap(cap);
		if (!max) {
			printf("# KVM_CAP_%s not offered, not checked\n", cap_name(cap));
			continue;
		}
		any = true;
		printf("# KVM_CAP_%s: KVM_CHECK_EXTENSION says %d bytes\n", cap_name(cap), max);
		ok &= ds_check(max >= (int)page && !(max & (max - 1)),
			       "the maximum is a power of two of at least a page");
		vm = vm_create_barebones();
		ok &= want_errno(enable_errno(vm, cap, 0), EINVAL, "size 0", 0);
		ok &= want_errno(enable_errno(vm, cap, 3 * page), EINVAL,
				 "not a power of two", 3 * page);
		ok &= want_errno(enable_errno(vm, cap, page + 16), EINVAL,
				 "not a power of two", page + 16);
		ok &= want_errno(enable_errno(vm, cap, page / 2), EINVAL,
				 "below a page", page / 2);
		/* Largest power of two below the reserve, if a page or more. */
		for (below = page; below * 2 < rsvd; below *= 2)
			;
		if (below >= page && below < rsvd)
			ok &= want_errno(enable_errno(vm, cap, below), EINVAL,
					 "below the reserved entries", below);
		else
			printf("# the reserve (%lu bytes) is below a page: the page rule covers it\n",
			       rsvd);
		ok &= want_errno(enable_errno(vm, cap, 2ULL * max), E2BIG,
				 "above the maximum", 2ULL * max);
		ok &= want_errno(enable_errno(vm, cap, max), 0, "the maximum", max);
		ok &= want_errno(enable_errno(vm, cap, max), EINVAL, "again, same size", max);
		ok &= want_errno(enable_errno(vm, cap, page), EINVAL, "again, a page", page);
		if (kvm_check_cap(other))
			ok &= want_errno(enable_errno(vm, other, page), EINVAL,
					 cap == KVM_CAP_DIRTY_LOG_RING ?
					 "again, through ACQ_REL" : "again, through RING", page);
		kvm_vm_free(vm);

		vm = vm_create_barebones();
		fd = __vm_ioctl(vm, KVM_CREATE_VCPU, (void *)0);
		TEST_ASSERT(fd >= 0, "KVM_CREATE_VCPU on a bare VM");
		ok &= want_errno(enable_errno(vm, cap, 4 * page), EINVAL,
				 "after KVM_CREATE_VCPU", 4 * page);
		close(fd);
		kvm_vm_free(vm);
	}
	if (!any)
		return ds_skip("kernel lacks KVM_CAP_DIRTY_LOG_RING and _ACQ_REL");
	return ds_result(ok);
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
	ok &= ds_check(e == 0, "shared read-write mapping: errno %d (%s), want success",
		       e, strerror(e));
	e = ring_mmap_errno(vcpu->fd, len, PROT_READ | PROT_WRITE, MAP_PRIVATE);
	ok &= ds_check(e == EINVAL, "private mapping: errno %d (%s), want EINVAL",
		       e, strerror(e));
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
		cfg.slot_pages[0] = 4 << (20 - DS_PAGE_SHIFT);
		cfg.slot_pages[1] = 2 << (20 - DS_PAGE_SHIFT);
		cfg.slot_pages[2] = 6 << (20 - DS_PAGE_SHIFT);
		if (ds_mode_unsupported(&cfg)) {
			printf("# %s: %s\n", cap_name(ring_caps[i]), ds_mode_unsupported(&cfg));
			continue;
		}
		any = true;
		printf("# KVM_CAP_%s, slots 20..22 (4, 2, 6 MiB), random 5%%, %u rounds\n",
		       cap_name(ds_ring_cap(&cfg.mcfg)), RING_ROUNDS);
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
	struct ds_set got, after, truth;
	struct ds_htimes t = { 0 };
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	struct ds_verdict v;
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
	ds_set_init(&truth, dvm->nr_pages);
	ds_vm_round(dvm);
	ds_vm_truth(dvm, &truth);
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
	ds_verify(&got, &truth, &v);
	ds_verdict_print(stdout, "partial then full harvest", &v, true);
	ok &= ds_verdict_ok(&v, true);
	ok &= ds_vm_run_verified(dvm, 2, true);
	ok &= ring_stats_ok(dvm);

	ds_set_free(&got);
	ds_set_free(&after);
	ds_set_free(&truth);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/* The pages of the round just run, harvested from the rings: exact. */
static bool round_in_ring(struct ds_vm *dvm)
{
	struct ds_set got, truth;
	struct ds_htimes t = { 0 };
	struct ds_verdict v;

	ds_set_init(&got, dvm->nr_pages);
	ds_set_init(&truth, dvm->nr_pages);
	ds_vm_truth(dvm, &truth);
	ds_harvest(dvm, &got, &t);
	ds_verify(&got, &truth, &v);
	ds_verdict_print(stdout, "ring after the refused calls", &v, true);
	ds_set_free(&got);
	ds_set_free(&truth);
	return ds_verdict_ok(&v, true);
}

static int get_log_errno(struct kvm_vm *vm, struct kvm_dirty_log *log)
{
	if (ds_injected(DS_FAULT_ERRNO))
		return 0;
	return __vm_ioctl(vm, KVM_GET_DIRTY_LOG, log) ? errno : 0;
}

static int clear_log_errno(struct kvm_vm *vm, struct kvm_clear_dirty_log *clr)
{
	if (ds_injected(DS_FAULT_ERRNO))
		return 0;
	return __vm_ioctl(vm, KVM_CLEAR_DIRTY_LOG, clr) ? errno : 0;
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
	struct kvm_dirty_log log = { 0 };
	struct kvm_clear_dirty_log clr = { 0 };
	uint64_t *buf;
	bool ok = true;
	int e;

	ring_cfg(&cfg, o, false);
	dvm = ds_vm_create_or_skip(&cfg);
	if (!dvm)
		return KSFT_SKIP;
	buf = ds_calloc(dvm->slots[0].npages / 64 + 1, 8);
	ds_vm_round(dvm);
	log.slot = dvm->slots[0].id;
	log.dirty_bitmap = buf;
	e = get_log_errno(dvm->vm, &log);
	ok &= ds_check(e == ENXIO, "KVM_GET_DIRTY_LOG with the ring on: errno %d (%s), want ENXIO",
		       e, strerror(e));
	clr.slot = dvm->slots[0].id;
	clr.num_pages = dvm->slots[0].npages;
	clr.dirty_bitmap = buf;
	e = clear_log_errno(dvm->vm, &clr);
	ok &= ds_check(e == ENXIO, "KVM_CLEAR_DIRTY_LOG with the ring on: errno %d (%s), want ENXIO",
		       e, strerror(e));
	/* Round 1's pages are still in the rings, and later rounds exact. */
	ok &= round_in_ring(dvm);
	ok &= ds_vm_run_verified(dvm, 2, true);
	ok &= ring_stats_ok(dvm);
	free(buf);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * RING-006: with KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP (enabled after the
 * ring, before any memslot) the slots keep a bitmap beside the rings, so
 * KVM_GET_DIRTY_LOG answers; enabling it once a memslot exists is EINVAL.
 */
static int ring_with_bitmap(const struct ds_test_opts *o)
{
	uint64_t page = getpagesize(), buf[8] = { 0 };
	struct kvm_dirty_log log = { .slot = DS_FIRST_SLOT, .dirty_bitmap = buf };
	struct kvm_vm *vm;
	bool ok = true;
	int e;

	if (!kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP))
		return ds_skip("kernel lacks KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP (x86 never offers it)");
	if (!kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_ACQ_REL))
		return ds_skip("kernel lacks KVM_CAP_DIRTY_LOG_RING_ACQ_REL");

	vm = vm_create_barebones();
	vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_ACQ_REL, 4 * page);
	e = enable_errno(vm, KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP, 0);
	ok &= want_errno(e, 0, "WITH_BITMAP before any memslot", 0);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, DS_TEST_GPA,
				    DS_FIRST_SLOT, 512, KVM_MEM_LOG_DIRTY_PAGES);
	e = get_log_errno(vm, &log);
	ok &= ds_check(e == 0, "KVM_GET_DIRTY_LOG with ring + bitmap: errno %d (%s), want success",
		       e, strerror(e));
	kvm_vm_free(vm);

	vm = vm_create_barebones();
	vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_ACQ_REL, 4 * page);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, DS_TEST_GPA,
				    DS_FIRST_SLOT, 512, 0);
	e = enable_errno(vm, KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP, 0);
	ok &= want_errno(e, EINVAL, "WITH_BITMAP once a memslot exists", 0);
	kvm_vm_free(vm);
	return ds_result(ok);
}

int ring_concurrent(const struct ds_test_opts *o);

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
	{ "RING-006", "quick", "ring + WITH_BITMAP: GET_DIRTY_LOG works, only before memslots",
	  ring_with_bitmap },
	{ "RING-007", "full", "harvester thread concurrent with writing vCPUs loses nothing",
	  ring_concurrent },
};

const struct ds_area ds_area_ring = DS_AREA("RING", tests);
