// SPDX-License-Identifier: GPL-2.0
/*
 * BADINPUT-003 and -005, the ring half of BADINPUT (table: badinput.c).
 *
 * The ring tests drive the ring through a small raw mode of their own
 * (ring_raw below): they must reach individual ring entries to corrupt
 * them, which a mode's harvester exists to hide.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "suite.h"
#include "badinput.h"
#include "lib/errno_check.h"
#include "ring.h"
#include "util.h"

/* ---- ring_raw: a dirty ring read entry by entry ------------------------ */

static bool ring_abuse_sizes;	/* BADINPUT-003: bad sizes before the good */
static bool ring_sizes_ok;

/*
 * The ring cap these tests enable: KVM_CAP_DIRTY_LOG_RING where it is
 * offered (x86), else _ACQ_REL, "the only capability that should be
 * exposed by weakly ordered architecture" (api.rst 8.29: arm64).  0: none.
 */
static int bi_ring_cap(void)
{
	if (kvm_has_cap(KVM_CAP_DIRTY_LOG_RING))
		return KVM_CAP_DIRTY_LOG_RING;
	if (kvm_has_cap(KVM_CAP_DIRTY_LOG_RING_ACQ_REL))
		return KVM_CAP_DIRTY_LOG_RING_ACQ_REL;
	return 0;
}

static void ring_size_abuse(struct kvm_vm *vm)
{
	int cap = bi_ring_cap();
	uint64_t max = kvm_check_cap(cap);
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
		snprintf(what, sizeof(what), "ENABLE_CAP %s size %s", ring_cap_name(cap),
			 c[i].what);
		ring_sizes_ok &= ds_want_errno(ds_enable_cap_errno(vm, cap, c[i].bytes),
					       c[i].want, "%s", what);
	}
	snprintf(what, sizeof(what), "ENABLE_CAP %s size 2 x max (%lu)", ring_cap_name(cap),
		 2 * max);
	ring_sizes_ok &= ds_want_errno(ds_enable_cap_errno(vm, cap, 2 * max),
				       E2BIG, "%s", what);
}

static const char *ring_raw_supported(const struct ds_mode_cfg *mcfg)
{
	if (!bi_ring_cap())
		return "kernel lacks KVM_CAP_DIRTY_LOG_RING and _ACQ_REL";
	return NULL;
}

static void ring_raw_enable(struct ds_vm *dvm)
{
	if (ring_abuse_sizes)
		ring_size_abuse(dvm->vm);
	vm_enable_dirty_ring(dvm->vm, BI_RING_BYTES);
	ds_vm_slots_flags(dvm, KVM_MEM_LOG_DIRTY_PAGES);
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

const char *bi_ring_missing(void)
{
	return ring_raw_supported(NULL);
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

struct ds_vm *bi_ring_vm(const struct ds_test_opts *o, uint32_t vcpus)
{
	struct ds_vm_cfg cfg;

	bi_cfg(&cfg, o);
	cfg.nr_vcpus = vcpus;
	cfg.mode = &ring_raw;
	return ds_vm_create(&cfg);
}

/* ds_vm_run_verified() for the ring: exact, through ds_harvest(). */
bool bi_ring_exact(struct ds_vm *dvm)
{
	return ds_check(ds_vm_run_verified(dvm, 3, true),
			"3 ring rounds after the abuse: exact");
}

/*
 * BADINPUT-003: KVM_ENABLE_CAP of the ring (bi_ring_cap()) refuses a size of
 * 0, 1, a non-power of two, less than a page (EINVAL) and above the
 * maximum (E2BIG); the maximum itself is accepted; a second enable, or one
 * after a vCPU exists, is EINVAL.  The VM with the rejected sizes then
 * gets a good ring and must track exactly.
 */
int bi_ring_size(const struct ds_test_opts *o)
{
	int cap = bi_ring_cap();
	uint64_t max;
	struct kvm_vm *vm;
	struct ds_vm *dvm;
	bool ok = true;
	char what[80];

	if (ring_raw_supported(NULL))
		return ds_skip("%s", ring_raw_supported(NULL));
	max = kvm_check_cap(cap);
	vm = vm_create_barebones();
	snprintf(what, sizeof(what), "ENABLE_CAP %s size max (%lu)", ring_cap_name(cap), max);
	ok &= ds_want_errno(ds_enable_cap_errno(vm, cap, max), 0, "%s", what);
	ok &= ds_want_errno(ds_enable_cap_errno(vm, cap, 4096), EINVAL,
			    "ENABLE_CAP %s a second time", ring_cap_name(cap));
	kvm_vm_free(vm);

	ring_abuse_sizes = ring_sizes_ok = true;
	dvm = bi_ring_vm(o, 2);
	ring_abuse_sizes = false;
	ok &= ring_sizes_ok;
	ok &= ds_want_errno(ds_enable_cap_errno(dvm->vm, cap, BI_RING_BYTES), EINVAL,
			    "ENABLE_CAP %s after vCPUs exist", ring_cap_name(cap));
	ok &= bi_ring_exact(dvm);
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
int bi_ring_flags(const struct ds_test_opts *o)
{
	struct kvm_dirty_gfn *e;
	struct kvm_vcpu *vcpu;
	struct ds_set harv;
	struct ds_vm *dvm;
	uint32_t n, k, i, base, j;
	bool ok = true;

	if (ring_raw_supported(NULL))
		return ds_skip("%s", ring_raw_supported(NULL));
	dvm = bi_ring_vm(o, 1);
	vcpu = dvm->vcpus[0].vcpu;
	ds_set_init(&harv, dvm->nr_pages);

	/* Read a round's entries, leaving them DIRTY: the ring is exact. */
	ds_vm_round(dvm);
	base = vcpu->fetch_index;
	n = ring_read(dvm, vcpu, &harv, KVM_DIRTY_GFN_F_DIRTY);
	ok &= ds_round_check(dvm, &harv, dvm->round, DS_RC_EXACT | DS_RC_PRINT,
			     "ring round 1", NULL);
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
	ds_vm_destroy(dvm);
	return ds_result(ok);
}
