// SPDX-License-Identifier: GPL-2.0
/*
 * BADINPUT: every dirty-tracking ioctl with hostile arguments.  Each call
 * must fail with the errno that api.rst or the 6.12 source gives, and after
 * the abuse the same VM must still run and its log must still be exact.
 * See CONFORMANCE.md for the kernel lines behind each expected errno.
 *
 * This file holds the area's table and the bitmap tests (001, 002, 004);
 * the ring tests (003, 005) and their raw ring mode are in badinput_ring.c.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/mman.h>

#include "suite.h"
#include "badinput.h"
#include "lib/errno_check.h"
#include "lib/slots.h"
#include "util.h"

void bi_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o)
{
	ds_vm_cfg_default(cfg);
	cfg->nr_slots = 2;
	cfg->slot_pages[0] = DS_MIB_PAGES(4);
	cfg->slot_pages[1] = DS_MIB_PAGES(2);
	cfg->pat.pattern = ds_pattern_find("random");
	cfg->pat.fraction_ppm = 20000;
	cfg->pat.seed = o->seed;
}

/* A few exact rounds in every slot: the VM survived the abuse. */
bool bi_still_exact(struct ds_vm *dvm)
{
	bool ok = true;
	int r;

	for (r = 0; r < 3; r++)
		ok &= ds_slots_round(dvm, ds_slots_all(dvm), "after abuse");
	return ds_check(ok, "3 rounds after the abuse: every slot exact");
}

/* A zeroed page mapped with @prot. */
void *bi_map(int prot)
{
	void *p = mmap(NULL, 4096, prot, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	TEST_ASSERT(p != MAP_FAILED, "mmap");
	return p;
}

/*
 * BADINPUT-001: KVM_GET_DIRTY_LOG with a bitmap pointer the kernel cannot
 * write (NULL, unmapped, read-only, a kernel address) and with a NULL
 * argument: EFAULT.  Done right after a harvest: the kernel clears and
 * re-protects before it copies, so a failed copy loses pending bits.
 */
int bi_get_log_ptrs(const struct ds_test_opts *o)
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
	ok &= ds_want_errno(ds_get_log_errno(dvm->vm, id, NULL), EFAULT,
			    "GET_DIRTY_LOG bitmap NULL");
	ok &= ds_want_errno(ds_get_log_errno(dvm->vm, id, unmapped), EFAULT,
			    "GET_DIRTY_LOG bitmap unmapped");
	ok &= ds_want_errno(ds_get_log_errno(dvm->vm, id, ro), EFAULT,
			    "GET_DIRTY_LOG bitmap read-only");
	ok &= ds_want_errno(ds_get_log_errno(dvm->vm, id, BI_KERNEL_PTR), EFAULT,
			    "GET_DIRTY_LOG bitmap kernel address");
	ok &= ds_want_errno(ds_ioctl_errno(dvm->vm->fd, KVM_GET_DIRTY_LOG, NULL), EFAULT,
			    "GET_DIRTY_LOG argument NULL");
	ok &= ds_want_errno(ds_ioctl_errno(dvm->vm->fd, KVM_GET_DIRTY_LOG, unmapped), EFAULT,
			    "GET_DIRTY_LOG argument unmapped");
	ok &= bi_still_exact(dvm);
	ds_vm_destroy(dvm);
	munmap(ro, 4096);
	return ds_result(ok);
}

/*
 * BADINPUT-002: KVM_CLEAR_DIRTY_LOG with bad pointers (EFAULT), bad slot
 * ids and address spaces (EINVAL / ENOENT), and ranges that are unaligned,
 * out of the slot or wrap u32/u64 (EINVAL); the exact edges pass.
 */
int bi_clear_log(const struct ds_test_opts *o)
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

	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, 64, NULL), EFAULT,
			    "CLEAR bitmap NULL");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, 64, unmapped), EFAULT,
			    "CLEAR bitmap unmapped");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, 64, none), EFAULT,
			    "CLEAR bitmap PROT_NONE");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, 64, BI_KERNEL_PTR), EFAULT,
			    "CLEAR bitmap kernel address");
	ok &= ds_want_errno(ds_ioctl_errno(dvm->vm->fd, KVM_CLEAR_DIRTY_LOG, NULL), EFAULT,
			    "CLEAR argument NULL");

	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, 7, 0, 64, zero), ENOENT,
			    "CLEAR unused slot id 7");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, nr_slots, 0, 64, zero), EINVAL,
			    "CLEAR slot id KVM_CAP_NR_MEMSLOTS");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, 0xffff, 0, 64, zero), EINVAL,
			    "CLEAR slot id 65535");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, (uint32_t)nr_as << 16 | id, 0, 64,
					       zero), EINVAL,
			    "CLEAR address space one past the last");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, 0xffffu << 16 | id, 0, 64, zero), EINVAL,
			    "CLEAR address space 65535");

	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 1, 64, zero), EINVAL,
			    "CLEAR first_page 1 (unaligned)");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, 100, zero), EINVAL,
			    "CLEAR num_pages 100 (unaligned, short of the end)");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, np + 64, 64, zero), EINVAL,
			    "CLEAR first_page past the slot");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, np + 64, zero), EINVAL,
			    "CLEAR num_pages past the slot");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 0, 0xffffffffu, zero), EINVAL,
			    "CLEAR num_pages 2^32-1");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, 64, 0xffffffc0u, zero), EINVAL,
			    "CLEAR first 64 + num 2^32-64 (wraps u32 to 0)");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, ~63ULL, 128, zero), EINVAL,
			    "CLEAR first 2^64-64 + num 128 (wraps u64)");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, np - 64, 128, zero), EINVAL,
			    "CLEAR last 64 pages + 64 past the end");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, np - 64, 64, zero), 0,
			    "CLEAR last 64 pages exactly");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, id, np, 0, zero), 0,
			    "CLEAR first_page == npages, num 0");

	ok &= bi_still_exact(dvm);
	ds_vm_destroy(dvm);
	free(zero);
	munmap(none, 4096);
	return ds_result(ok);
}

/*
 * BADINPUT-004: each ioctl against the other tracking mode.  Without a
 * ring, KVM_RESET_DIRTY_RINGS is EINVAL; with a ring (and no backup
 * bitmap), KVM_GET_DIRTY_LOG and KVM_CLEAR_DIRTY_LOG are ENXIO.  Both VMs
 * keep tracking exactly.
 */
int bi_wrong_mode(const struct ds_test_opts *o)
{
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t *buf;
	bool ok = true;

	bi_cfg(&cfg, o);
	dvm = ds_vm_create(&cfg);
	ok &= ds_slots_round(dvm, 3, "before abuse");
	ok &= ds_want_errno(ds_errno(__vm_ioctl(dvm->vm, KVM_RESET_DIRTY_RINGS, NULL)), EINVAL,
			    "RESET_DIRTY_RINGS on a VM without a ring");
	ok &= bi_still_exact(dvm);
	ds_vm_destroy(dvm);

	if (bi_ring_missing()) {
		printf("# %s: ring half not run\n", bi_ring_missing());
		return ds_result(ok);
	}
	dvm = bi_ring_vm(o, 2);
	buf = ds_calloc(dvm->slots[0].npages / 64 + 1, 8);
	ok &= ds_want_errno(ds_get_log_errno(dvm->vm, dvm->slots[0].id, buf), ENXIO,
			    "GET_DIRTY_LOG on a ring VM");
	ok &= ds_want_errno(ds_clear_log_errno(dvm->vm, dvm->slots[0].id, 0, 64, buf), ENXIO,
			    "CLEAR_DIRTY_LOG on a ring VM");
	ok &= bi_ring_exact(dvm);
	free(buf);
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
