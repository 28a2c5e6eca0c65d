// SPDX-License-Identifier: GPL-2.0
/*
 * BADINPUT: every dirty-tracking ioctl with hostile arguments.  Each call
 * must fail with the errno that api.rst or the 6.12 source gives, and after
 * the abuse the same VM must still run and its log must still be exact.
 * See CONFORMANCE.md for the kernel lines behind each expected errno.
 *
 * The ring tests drive the ring through a small raw mode of their own
 * (ring_raw below): they must reach individual ring entries to corrupt
 * them, which a mode's harvester exists to hide.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include "suite.h"
#include "bitmap_slots.h"
#include "util.h"

#define BI_RING_BYTES	(4096 * sizeof(struct kvm_dirty_gfn))
#define BI_KERNEL_PTR	((void *)0xffffffff81000000ULL)
/* Below vm.mmap_min_addr (64 KiB by default): never mapped in a process. */
#define BI_UNMAPPED	((void *)0xf000ULL)

/* The errno of a raw call; a kernel that checks nothing under errno. */
static int bi_errno(int rc)
{
	if (ds_injected(DS_FAULT_ERRNO))
		return 0;
	return rc < 0 ? errno : 0;
}

static bool bi_want(int got, int want, const char *what)
{
	return ds_check(got == want, "%s: errno %d (%s), want %d (%s)", what, got,
			got ? strerror(got) : "success", want,
			want ? strerror(want) : "success");
}

static void bi_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o)
{
	ds_vm_cfg_default(cfg);
	cfg->nr_slots = 2;
	cfg->slot_pages[0] = 4 << (20 - DS_PAGE_SHIFT);
	cfg->slot_pages[1] = 2 << (20 - DS_PAGE_SHIFT);
	cfg->pat.pattern = ds_pattern_find("random");
	cfg->pat.fraction_ppm = 20000;
	cfg->pat.seed = o->seed;
}

/* A few exact rounds in every slot: the VM survived the abuse. */
static bool bi_still_exact(struct ds_vm *dvm)
{
	bool ok = true;
	int r;

	for (r = 0; r < 3; r++)
		ok &= ds_slots_round(dvm, (1u << dvm->nr_slots) - 1, "after abuse");
	return ds_check(ok, "3 rounds after the abuse: every slot exact");
}

/* A zeroed page mapped with @prot. */
static void *bi_map(int prot)
{
	void *p = mmap(NULL, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	TEST_ASSERT(p != MAP_FAILED, "mmap");
	return p;
}

static int bi_get_log(struct ds_vm *dvm, uint32_t slot, void *bitmap)
{
	struct kvm_dirty_log log = { .slot = slot, .dirty_bitmap = bitmap };

	return bi_errno(__vm_ioctl(dvm->vm, KVM_GET_DIRTY_LOG, &log));
}

/*
 * BADINPUT-001: KVM_GET_DIRTY_LOG with a bitmap pointer the kernel cannot
 * write (NULL, unmapped, read-only, a kernel address) and with a NULL
 * argument: EFAULT.  Done right after a harvest: the kernel clears and
 * re-protects before it copies, so a failed copy loses pending bits.
 */
static int bi_get_log_ptrs(const struct ds_test_opts *o)
{
	void *unmapped = BI_UNMAPPED, *ro = bi_map(PROT_READ);
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint32_t id;
	bool ok = true;

	bi_cfg(&cfg, o);
	dvm = ds_vm_create(&cfg);
	id = dvm->slots[0].id;
	ok &= ds_slots_round(dvm, 3, "before abuse");
	ok &= bi_want(bi_get_log(dvm, id, NULL), EFAULT, "GET_DIRTY_LOG bitmap NULL");
	ok &= bi_want(bi_get_log(dvm, id, unmapped), EFAULT, "GET_DIRTY_LOG bitmap unmapped");
	ok &= bi_want(bi_get_log(dvm, id, ro), EFAULT, "GET_DIRTY_LOG bitmap read-only");
	ok &= bi_want(bi_get_log(dvm, id, BI_KERNEL_PTR), EFAULT,
		      "GET_DIRTY_LOG bitmap kernel address");
	ok &= bi_want(bi_errno(ioctl(dvm->vm->fd, KVM_GET_DIRTY_LOG, NULL)), EFAULT,
		      "GET_DIRTY_LOG argument NULL");
	ok &= bi_want(bi_errno(ioctl(dvm->vm->fd, KVM_GET_DIRTY_LOG, unmapped)), EFAULT,
		      "GET_DIRTY_LOG argument unmapped");
	ok &= bi_still_exact(dvm);
	ds_vm_destroy(dvm);
	munmap(ro, 4096);
	return ds_result(ok);
}

static int bi_clear(struct ds_vm *dvm, uint32_t slot, uint64_t first,
		    uint32_t num, void *bitmap)
{
	struct kvm_clear_dirty_log c = {
		.slot = slot, .num_pages = num, .first_page = first,
		.dirty_bitmap = bitmap,
	};

	return bi_errno(__vm_ioctl(dvm->vm, KVM_CLEAR_DIRTY_LOG, &c));
}

/*
 * BADINPUT-002: KVM_CLEAR_DIRTY_LOG with bad pointers (EFAULT), bad slot
 * ids and address spaces (EINVAL / ENOENT), and ranges that are unaligned,
 * out of the slot or wrap u32/u64 (EINVAL); the exact edges pass.
 */
static int bi_clear_log(const struct ds_test_opts *o)
{
	int nr_slots = kvm_check_cap(KVM_CAP_NR_MEMSLOTS);
	int nr_as = kvm_check_cap(KVM_CAP_MULTI_ADDRESS_SPACE) ?: 1;
	void *unmapped = BI_UNMAPPED, *none = bi_map(PROT_NONE);
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t *zero, np;
	uint32_t id;
	bool ok = true;

	if (!kvm_has_cap(KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2))
		return ds_skip("KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2 absent: no KVM_CLEAR_DIRTY_LOG");
	bi_cfg(&cfg, o);
	dvm = ds_vm_create(&cfg);
	id = dvm->slots[0].id;
	np = dvm->slots[0].npages;
	/* All-zero input: a call that succeeds clears nothing. */
	zero = ds_calloc(np / 64 + 1, 8);
	ok &= ds_slots_round(dvm, 3, "before abuse");

	ok &= bi_want(bi_clear(dvm, id, 0, 64, NULL), EFAULT, "CLEAR bitmap NULL");
	ok &= bi_want(bi_clear(dvm, id, 0, 64, unmapped), EFAULT, "CLEAR bitmap unmapped");
	ok &= bi_want(bi_clear(dvm, id, 0, 64, none), EFAULT, "CLEAR bitmap PROT_NONE");
	ok &= bi_want(bi_clear(dvm, id, 0, 64, BI_KERNEL_PTR), EFAULT,
		      "CLEAR bitmap kernel address");
	ok &= bi_want(bi_errno(ioctl(dvm->vm->fd, KVM_CLEAR_DIRTY_LOG, NULL)), EFAULT,
		      "CLEAR argument NULL");

	ok &= bi_want(bi_clear(dvm, 7, 0, 64, zero), ENOENT, "CLEAR unused slot id 7");
	ok &= bi_want(bi_clear(dvm, nr_slots, 0, 64, zero), EINVAL,
		      "CLEAR slot id KVM_CAP_NR_MEMSLOTS");
	ok &= bi_want(bi_clear(dvm, 0xffff, 0, 64, zero), EINVAL, "CLEAR slot id 65535");
	ok &= bi_want(bi_clear(dvm, (uint32_t)nr_as << 16 | id, 0, 64, zero), EINVAL,
		      "CLEAR address space one past the last");
	ok &= bi_want(bi_clear(dvm, 0xffffu << 16 | id, 0, 64, zero), EINVAL,
		      "CLEAR address space 65535");

	ok &= bi_want(bi_clear(dvm, id, 1, 64, zero), EINVAL, "CLEAR first_page 1 (unaligned)");
	ok &= bi_want(bi_clear(dvm, id, 0, 100, zero), EINVAL,
		      "CLEAR num_pages 100 (unaligned, short of the end)");
	ok &= bi_want(bi_clear(dvm, id, np + 64, 64, zero), EINVAL,
		      "CLEAR first_page past the slot");
	ok &= bi_want(bi_clear(dvm, id, 0, np + 64, zero), EINVAL,
		      "CLEAR num_pages past the slot");
	ok &= bi_want(bi_clear(dvm, id, 0, 0xffffffffu, zero), EINVAL,
		      "CLEAR num_pages 2^32-1");
	ok &= bi_want(bi_clear(dvm, id, 64, 0xffffffc0u, zero), EINVAL,
		      "CLEAR first 64 + num 2^32-64 (wraps u32 to 0)");
	ok &= bi_want(bi_clear(dvm, id, ~63ULL, 128, zero), EINVAL,
		      "CLEAR first 2^64-64 + num 128 (wraps u64)");
	ok &= bi_want(bi_clear(dvm, id, np - 64, 128, zero), EINVAL,
		      "CLEAR last 64 pages + 64 past the end");
	ok &= bi_want(bi_clear(dvm, id, np - 64, 64, zero), 0, "CLEAR last 64 pages exactly");
	ok &= bi_want(bi_clear(dvm, id, np, 0, zero), 0, "CLEAR first_page == npages, num 0");

	ok &= bi_still_exact(dvm);
	ds_vm_destroy(dvm);
	free(zero);
	munmap(none, 4096);
	return ds_result(ok);
}

/* ---- ring_raw: a dirty ring read entry by entry ------------------------ */

static bool ring_abuse_sizes;	/* BADINPUT-003: bad sizes before the good */
static bool ring_sizes_ok;

static void ring_size_abuse(struct kvm_vm *vm)
{
	uint64_t max = kvm_check_cap(KVM_CAP_DIRTY_LOG_RING);
	static const struct { uint64_t bytes; int want; const char *what; } c[] = {
		{ 0, EINVAL, "0" }, { 1, EINVAL, "1" },
		{ 3 * 4096, EINVAL, "12 KiB (not a power of two)" },
		{ 4096 + 16, EINVAL, "4 KiB + one entry" },
		{ 2048, EINVAL, "2 KiB (power of two below a page)" },
		{ 1ULL << 31, E2BIG, "2 GiB" },
	};
	unsigned int i;
	char what[80];

	for (i = 0; i < DS_ARRAY_SIZE(c); i++) {
		snprintf(what, sizeof(what), "ENABLE_CAP DIRTY_LOG_RING size %s", c[i].what);
		ring_sizes_ok &= bi_want(bi_errno(__vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING,
								   c[i].bytes)),
					 c[i].want, what);
	}
	snprintf(what, sizeof(what), "ENABLE_CAP DIRTY_LOG_RING size 2 x max (%lu)", 2 * max);
	ring_sizes_ok &= bi_want(bi_errno(__vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING, 2 * max)),
				 E2BIG, what);
}

static const char *ring_raw_supported(const struct ds_mode_cfg *mcfg)
{
	if (!kvm_has_cap(KVM_CAP_DIRTY_LOG_RING))
		return "KVM_CAP_DIRTY_LOG_RING absent";
	return NULL;
}

static void ring_raw_enable(struct ds_vm *dvm)
{
	uint32_t i;

	if (ring_abuse_sizes)
		ring_size_abuse(dvm->vm);
	vm_enable_dirty_ring(dvm->vm, BI_RING_BYTES);
	for (i = 0; i < dvm->nr_slots; i++)
		ds_vm_slot_flags(dvm, &dvm->slots[i], KVM_MEM_LOG_DIRTY_PAGES);
}

static void ring_raw_vcpu_init(struct ds_vcpu *v)
{
	vcpu_map_dirty_ring(v->vcpu);
}

static struct kvm_dirty_gfn *ring_entry(struct kvm_vcpu *vcpu, uint32_t idx)
{
	return &vcpu->dirty_gfns[idx & (vcpu->dirty_gfns_count - 1)];
}

/*
 * Read the DIRTY entries from the vCPU's fetch index on, add their pages to
 * @out and set their flags to @mark (RESET: harvested; DIRTY: leave them).
 * Returns how many were read.
 */
static uint32_t ring_read(struct ds_vm *dvm, struct kvm_vcpu *vcpu,
			  struct ds_set *out, uint32_t mark)
{
	struct kvm_dirty_gfn *e;
	struct ds_slot *s;
	uint32_t n = 0;

	for (;;) {
		e = ring_entry(vcpu, vcpu->fetch_index);
		if (!(__atomic_load_n(&e->flags, __ATOMIC_ACQUIRE) & KVM_DIRTY_GFN_F_DIRTY))
			break;
		s = ds_vm_slot_by_id(dvm, e->slot);
		TEST_ASSERT(s && e->offset < s->npages,
			    "ring entry for slot %#x offset %#llx: not a test page",
			    e->slot, e->offset);
		ds_set_add(out, s->first + e->offset);
		__atomic_store_n(&e->flags, mark, __ATOMIC_RELEASE);
		vcpu->fetch_index++;
		n++;
	}
	return n;
}

static void ring_raw_harvest(struct ds_vm *dvm, struct ds_set *out,
			     struct ds_htimes *t)
{
	uint32_t i;

	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		t->pages += ring_read(dvm, dvm->vcpus[i].vcpu, out,
				      KVM_DIRTY_GFN_F_RESET);
}

static int ring_reset(struct ds_vm *dvm)
{
	int r = __vm_ioctl(dvm->vm, KVM_RESET_DIRTY_RINGS, NULL);

	TEST_ASSERT(r >= 0, "KVM_RESET_DIRTY_RINGS: %d", r);
	return ds_injected(DS_FAULT_ERRNO) ? 0 : r;
}

static void ring_raw_reset(struct ds_vm *dvm, struct ds_htimes *t)
{
	ring_reset(dvm);
}

static const struct ds_mode ring_raw = {
	.name = "ring-raw",
	.help = "BADINPUT's own dirty ring, entry by entry",
	.supported = ring_raw_supported,
	.enable = ring_raw_enable,
	.vcpu_init = ring_raw_vcpu_init,
	.harvest = ring_raw_harvest,
	.reset = ring_raw_reset,
};

static struct ds_vm *bi_ring_vm(const struct ds_test_opts *o, uint32_t vcpus)
{
	struct ds_vm_cfg cfg;

	bi_cfg(&cfg, o);
	cfg.nr_vcpus = vcpus;
	cfg.mode = &ring_raw;
	return ds_vm_create(&cfg);
}

/* ds_vm_run_verified() for the ring: exact, through ds_harvest(). */
static bool bi_ring_exact(struct ds_vm *dvm)
{
	return ds_check(ds_vm_run_verified(dvm, 3, true),
			"3 ring rounds after the abuse: exact");
}


/*
 * BADINPUT-003: KVM_ENABLE_CAP(KVM_CAP_DIRTY_LOG_RING) refuses a size of
 * 0, 1, a non-power of two, less than a page (EINVAL) and above the
 * maximum (E2BIG); the maximum itself is accepted; a second enable, or one
 * after a vCPU exists, is EINVAL.  The VM with the rejected sizes then
 * gets a good ring and must track exactly.
 */
static int bi_ring_size(const struct ds_test_opts *o)
{
	uint64_t max = kvm_check_cap(KVM_CAP_DIRTY_LOG_RING);
	struct kvm_vm *vm;
	struct ds_vm *dvm;
	bool ok = true;
	char what[80];

	if (ring_raw_supported(NULL))
		return ds_skip("%s", ring_raw_supported(NULL));
	vm = vm_create_barebones();
	snprintf(what, sizeof(what), "ENABLE_CAP DIRTY_LOG_RING size max (%lu)", max);
	ok &= bi_want(bi_errno(__vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING, max)), 0, what);
	ok &= bi_want(bi_errno(__vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING, 4096)), EINVAL,
		      "ENABLE_CAP DIRTY_LOG_RING a second time");
	kvm_vm_free(vm);

	ring_abuse_sizes = ring_sizes_ok = true;
	dvm = bi_ring_vm(o, 2);
	ring_abuse_sizes = false;
	ok &= ring_sizes_ok;
	ok &= bi_want(bi_errno(__vm_enable_cap(dvm->vm, KVM_CAP_DIRTY_LOG_RING,
					       BI_RING_BYTES)), EINVAL,
		      "ENABLE_CAP DIRTY_LOG_RING after vCPUs exist");
	ok &= bi_ring_exact(dvm);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

/*
 * BADINPUT-004: each ioctl against the other tracking mode.  Without a
 * ring, KVM_RESET_DIRTY_RINGS is EINVAL; with a ring (and no backup
 * bitmap), KVM_GET_DIRTY_LOG and KVM_CLEAR_DIRTY_LOG are ENXIO.  Both VMs
 * keep tracking exactly.
 */
static int bi_wrong_mode(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t *buf;
	bool ok = true;

	bi_cfg(&cfg, o);
	dvm = ds_vm_create(&cfg);
	ok &= ds_slots_round(dvm, 3, "before abuse");
	ok &= bi_want(bi_errno(__vm_ioctl(dvm->vm, KVM_RESET_DIRTY_RINGS, NULL)), EINVAL,
		      "RESET_DIRTY_RINGS on a VM without a ring");
	ok &= bi_still_exact(dvm);
	ds_vm_destroy(dvm);

	if (ring_raw_supported(NULL)) {
		printf("# %s: ring half not run\n", ring_raw_supported(NULL));
		return ds_result(ok);
	}
	dvm = bi_ring_vm(o, 2);
	buf = ds_calloc(dvm->slots[0].npages / 64 + 1, 8);
	ok &= bi_want(bi_get_log(dvm, dvm->slots[0].id, buf), ENXIO,
		      "GET_DIRTY_LOG on a ring VM");
	ok &= bi_want(bi_clear(dvm, dvm->slots[0].id, 0, 64, buf), ENXIO,
		      "CLEAR_DIRTY_LOG on a ring VM");
	ok &= bi_ring_exact(dvm);
	free(buf);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

static bool bi_reset_count(struct ds_vm *dvm, int want, const char *what)
{
	int got = ring_reset(dvm);

	return ds_check(got == want, "RESET_DIRTY_RINGS %s: reset %d entries, want %d",
			what, got, want);
}

/*
 * BADINPUT-005: ring entries with flags userspace should not set.  The
 * kernel resets from its own reset index while entries carry RESET (bit 0
 * ignored), stops at the first that does not, ignores stale entries behind
 * the index, and ignores entries whose slot or offset it does not know.
 */
static int bi_ring_flags(const struct ds_test_opts *o)
{
	struct kvm_dirty_gfn *e;
	struct kvm_vcpu *vcpu;
	struct ds_set harv, truth;
	struct ds_verdict v;
	struct ds_vm *dvm;
	uint32_t n, k, i, base, j;
	bool ok = true;

	if (ring_raw_supported(NULL))
		return ds_skip("%s", ring_raw_supported(NULL));
	dvm = bi_ring_vm(o, 1);
	vcpu = dvm->vcpus[0].vcpu;
	ds_set_init(&harv, dvm->nr_pages);
	ds_set_init(&truth, dvm->nr_pages);

	/* Read a round's entries, leaving them DIRTY: the ring is exact. */
	ds_vm_round(dvm);
	ds_vm_truth(dvm, &truth);
	base = vcpu->fetch_index;
	n = ring_read(dvm, vcpu, &harv, KVM_DIRTY_GFN_F_DIRTY);
	ds_verify(&harv, &truth, &v);
	ds_verdict_print(stdout, "ring round 1", &v, true);
	ok &= ds_verdict_ok(&v, true);
	TEST_ASSERT(n >= 8, "only %u ring entries", n);
	k = n / 2;

	for (i = 0; i < k; i++)
		ring_entry(vcpu, base + i)->flags = KVM_DIRTY_GFN_F_RESET;
	for (i = k + 1; i < n; i++)
		ring_entry(vcpu, base + i)->flags = 0xfffffffe;	/* RESET + junk */
	ok &= bi_reset_count(dvm, k, "with entry k still DIRTY");
	for (i = 0, j = 0; i < k; i++)
		j += ring_entry(vcpu, base + i)->flags != 0;
	ok &= ds_check(!j, "the %u reset entries read as unused (flags 0): %u do not", k, j);
	ring_entry(vcpu, base + k)->flags = 0xfffffffd;	/* junk, RESET clear */
	ok &= bi_reset_count(dvm, 0, "with entry k = 0xfffffffd (no RESET bit)");
	ring_entry(vcpu, base + k)->flags = KVM_DIRTY_GFN_F_DIRTY | KVM_DIRTY_GFN_F_RESET;
	ok &= bi_reset_count(dvm, n - k, "with entry k = DIRTY|RESET");

	/* Stale: entries behind the reset index marked RESET again. */
	for (i = 0; i < n; i++)
		ring_entry(vcpu, base + i)->flags = KVM_DIRTY_GFN_F_RESET;
	ok &= bi_reset_count(dvm, 0, "with only stale entries marked");
	/* Put them back to unused, or a wrap would meet them as harvested. */
	for (i = 0; i < n; i++)
		ring_entry(vcpu, base + i)->flags = 0;

	/*
	 * Entries naming no slot, another address space, or an offset past
	 * the slot: counted, but nothing to re-protect.  Their pages stay
	 * writable, so logging is turned off and on to re-protect it all.
	 */
	ds_vm_round(dvm);
	base = vcpu->fetch_index;
	ds_set_zero(&harv);
	n = ring_read(dvm, vcpu, &harv, KVM_DIRTY_GFN_F_RESET);
	e = ring_entry(vcpu, base);
	e->slot = 0xffffffff;
	e->offset = ~0ULL;
	e = ring_entry(vcpu, base + 1);
	e->slot |= 1u << 16;
	e = ring_entry(vcpu, base + 2);
	e->offset += 1ULL << 40;
	ok &= bi_reset_count(dvm, n, "with bad slot, address space, offset");
	for (i = 0; i < dvm->nr_slots; i++) {
		ds_vm_slot_flags(dvm, &dvm->slots[i], 0);
		ds_vm_slot_flags(dvm, &dvm->slots[i], KVM_MEM_LOG_DIRTY_PAGES);
	}
	ok &= bi_ring_exact(dvm);
	ds_set_free(&harv);
	ds_set_free(&truth);
	ds_vm_destroy(dvm);
	return ds_result(ok);
}

static const struct ds_test tests[] = {
	{ "BADINPUT-001", "quick", "GET_DIRTY_LOG bad bitmap pointers: EFAULT, VM unharmed",
	  bi_get_log_ptrs },
	{ "BADINPUT-002", "quick", "CLEAR_DIRTY_LOG bad pointers, slots, ranges, overflow",
	  bi_clear_log },
	{ "BADINPUT-003", "quick", "dirty ring size 0, 1, non-power-of-2, < page, > max",
	  bi_ring_size },
	{ "BADINPUT-004", "quick", "RESET_DIRTY_RINGS without ring EINVAL, GET/CLEAR on ring ENXIO",
	  bi_wrong_mode },
	{ "BADINPUT-005", "quick", "ring entries with hostile flags, slots, offsets",
	  bi_ring_flags },
};

const struct ds_area ds_area_badinput = DS_AREA("BADINPUT", tests);
