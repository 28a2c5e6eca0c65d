// SPDX-License-Identifier: GPL-2.0
/*
 * RING-001: what KVM_ENABLE_CAP accepts for the ring caps and when.  The
 * RING table is in ring.c; the backup bitmap's rules are in ring_bitmap.c.
 */
#include <unistd.h>

#include "ds_uapi.h"
#include "suite.h"
#include "lib/errno_check.h"
#include "mode_ring.h"
#include "ring.h"
#include "util.h"

/* KVM_ENABLE_CAP(@cap, @bytes) on @vm must answer @want. */
static bool ring_want(struct kvm_vm *vm, int cap, uint64_t bytes, int want,
		      const char *what)
{
	return ds_want_errno(ds_enable_cap_errno(vm, cap, bytes), want,
			     "%s (%lu bytes)", what, bytes);
}

/*
 * RING-001: the ring size rules of kvm_vm_ioctl_enable_dirty_log_ring()
 * (virt/kvm/kvm_main.c, 6.12): 0 or not a power of two, below a page or
 * below the reserved entries → EINVAL; above KVM_CHECK_EXTENSION's value
 * → E2BIG; a second enable → EINVAL, whichever ring cap it names; after
 * the first vCPU → EINVAL.  Size checks come before the state checks.
 */
int ring_enable_rules(const struct ds_test_opts *o)
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
			printf("# KVM_CAP_%s not offered, not checked\n", ring_cap_name(cap));
			continue;
		}
		any = true;
		printf("# KVM_CAP_%s: KVM_CHECK_EXTENSION says %d bytes\n", ring_cap_name(cap), max);
		ok &= ds_check(max >= (int)page && !(max & (max - 1)),
			       "the maximum is a power of two of at least a page");
		vm = vm_create_barebones();
		ok &= ring_want(vm, cap, 0, EINVAL, "size 0");
		ok &= ring_want(vm, cap, 3 * page, EINVAL, "not a power of two");
		ok &= ring_want(vm, cap, page + 16, EINVAL, "not a power of two");
		ok &= ring_want(vm, cap, page / 2, EINVAL, "below a page");
		/* Largest power of two below the reserve, if a page or more. */
		for (below = page; below * 2 < rsvd; below *= 2)
			;
		if (below >= page && below < rsvd)
			ok &= ring_want(vm, cap, below, EINVAL, "below the reserved entries");
		else
			printf("# the reserve (%lu bytes) is below a page: the page rule covers it\n",
			       rsvd);
		ok &= ring_want(vm, cap, 2ULL * max, E2BIG, "above the maximum");
		ok &= ring_want(vm, cap, max, 0, "the maximum");
		ok &= ring_want(vm, cap, max, EINVAL, "again, same size");
		ok &= ring_want(vm, cap, page, EINVAL, "again, a page");
		if (kvm_check_cap(other))
			ok &= ring_want(vm, other, page, EINVAL,
					cap == KVM_CAP_DIRTY_LOG_RING ?
					"again, through ACQ_REL" : "again, through RING");
		kvm_vm_free(vm);

		vm = vm_create_barebones();
		fd = __vm_ioctl(vm, KVM_CREATE_VCPU, (void *)0);
		TEST_ASSERT(fd >= 0, "KVM_CREATE_VCPU on a bare VM");
		ok &= ring_want(vm, cap, 4 * page, EINVAL, "after KVM_CREATE_VCPU");
		close(fd);
		kvm_vm_free(vm);
	}
	if (!any)
		return ds_skip("kernel lacks KVM_CAP_DIRTY_LOG_RING and _ACQ_REL");
	return ds_result(ok);
}
