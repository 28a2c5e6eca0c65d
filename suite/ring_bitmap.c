// SPDX-License-Identifier: GPL-2.0
/*
 * RING-006, RING-008 and RING-009: the dirty ring's backup bitmap
 * (KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP, api.rst 8.29).  A VMM on arm64
 * needs it: the vGIC/ITS writes its tables into guest memory with no vCPU
 * running, and such a write has no ring to go to.  The device path used
 * is the ITS table save (suite/lib/its.h); no vCPU ever runs here.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/mman.h>

#include "ds_uapi.h"
#include "suite.h"
#include "its.h"
#include "lib/errno_check.h"
#include "ring.h"
#include "util.h"

#define RB_RING_BYTES	(64 * 1024)		/* 4096 entries */
#define RB_SLOT_PAGES	512			/* 2 MiB */
#define RB_TABLE_PAGE	256			/* the ITS table, 1 MiB in */
#define RB_COLLS	1024			/* 8 KiB of entries: 3 pages */

/* A VM with the ring, perhaps its bitmap, one logged slot, one vCPU, an ITS. */
struct rb_vm {
	struct kvm_vm *vm;
	int vcpu_fd;
	struct kvm_dirty_gfn *ring;
	struct ds_its its;
};

static const char *rb_missing(void)
{
	if (!kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP))
		return "kernel lacks KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP (x86 never offers it)";
	if (!kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_ACQ_REL))
		return "kernel lacks KVM_CAP_DIRTY_LOG_RING_ACQ_REL";
	return NULL;
}

/*
 * 0 and @r set up, or the errno of the step that failed and *@why: ENODEV
 * from the ITS device is a kernel without one, any other a failure.
 */
static int rb_create(struct rb_vm *r, bool with_bitmap, const char **why)
{
	long page = getpagesize();
	int e;

	memset(r, 0, sizeof(*r));
	r->vm = vm_create_barebones();
	vm_enable_cap(r->vm, KVM_CAP_DIRTY_LOG_RING_ACQ_REL, RB_RING_BYTES);
	if (with_bitmap)
		vm_enable_cap(r->vm, KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP, 0);
	vm_userspace_mem_region_add(r->vm, VM_MEM_SRC_ANONYMOUS, DS_TEST_GPA,
				    DS_FIRST_SLOT, RB_SLOT_PAGES, KVM_MEM_LOG_DIRTY_PAGES);
	r->vcpu_fd = __vm_ioctl(r->vm, KVM_CREATE_VCPU, (void *)0);
	TEST_ASSERT(r->vcpu_fd >= 0, "KVM_CREATE_VCPU on a bare VM");
	r->ring = mmap(NULL, RB_RING_BYTES, PROT_READ | PROT_WRITE, MAP_SHARED,
		       r->vcpu_fd, page * KVM_DIRTY_LOG_PAGE_OFFSET);
	TEST_ASSERT(r->ring != MAP_FAILED, "mmap of the vCPU's dirty ring");
	e = ds_its_create(r->vm, DS_TEST_GPA + RB_TABLE_PAGE * page, RB_COLLS,
			  &r->its, why);
	if (!e)
		printf("# ITS: %u collections restored into a table at slot page %d; a save writes %lu pages\n",
		       RB_COLLS, RB_TABLE_PAGE, ds_its_saved_pages(&r->its));
	return e;
}

static void rb_free(struct rb_vm *r)
{
	ds_its_free(&r->its);
	munmap(r->ring, RB_RING_BYTES);
	close(r->vcpu_fd);
	kvm_vm_free(r->vm);
}

/* The vCPU's ring holds no entry at all: nothing was pushed to it. */
static bool rb_ring_empty(struct rb_vm *r, const char *when)
{
	uint32_t i, n = RB_RING_BYTES / sizeof(*r->ring), dirty = 0;

	for (i = 0; i < n; i++)
		dirty += !!__atomic_load_n(&r->ring[i].flags, __ATOMIC_ACQUIRE);
	return ds_check(!dirty, "%s: %u of %u ring entries in use, want none", when,
			dirty, n);
}

/*
 * KVM_GET_DIRTY_LOG on the slot reports exactly @want pages from the ITS
 * table's first page on (0: nothing at all).
 */
static bool rb_log_is(struct rb_vm *r, uint64_t want, const char *when)
{
	uint64_t bm[RB_SLOT_PAGES / 64] = { 0 }, i, in = 0, out = 0;
	int e = ds_get_log_errno(r->vm, DS_FIRST_SLOT, bm);

	if (!ds_want_errno(e, 0, "%s: KVM_GET_DIRTY_LOG", when))
		return false;
	/* --inject drop-one: a backup bitmap that loses a page, as ds_harvest(). */
	for (i = 0; ds_injected(DS_FAULT_DROP_ONE) && i < RB_SLOT_PAGES / 64; i++)
		if (bm[i]) {
			bm[i] &= bm[i] - 1;
			break;
		}
	for (i = 0; i < RB_SLOT_PAGES; i++) {
		bool set = bm[i / 64] >> (i % 64) & 1;

		if (i >= RB_TABLE_PAGE && i < RB_TABLE_PAGE + want)
			in += set;
		else
			out += set;
	}
	return ds_check(in == want && !out,
			"%s: bitmap has %lu of the %lu table pages and %lu others, want %lu and 0",
			when, in, want, out, want);
}

static int rb_setup_result(int e, const char *why)
{
	if (e == ENODEV)
		return ds_skip("kernel has no vGIC ITS (%s: ENODEV)", why);
	return ds_result(ds_want_errno(e, 0, "ITS set-up: %s", why));
}

/*
 * RING-006's and -009's VM, made (true); false with *@rc the test's
 * result where the kernel lacks what it needs or the set-up failed.
 */
static bool rb_open(struct rb_vm *r, int *rc)
{
	const char *why = rb_missing();
	int e;

	if (why) {
		*rc = ds_skip("%s", why);
		return false;
	}
	e = rb_create(r, true, &why);
	if (e) {
		rb_free(r);
		*rc = rb_setup_result(e, why);
		return false;
	}
	return true;
}

/*
 * RING-006: the pages an ITS table save writes, with no vCPU running,
 * are in KVM_GET_DIRTY_LOG's bitmap and in no ring.
 */
int ring_bitmap_its(const struct ds_test_opts *o)
{
	struct rb_vm r;
	bool ok = true;
	uint64_t n;
	int rc;

	if (!rb_open(&r, &rc))
		return rc;
	n = ds_its_saved_pages(&r.its);
	ok &= rb_log_is(&r, 0, "after the restore, before any save");
	ok &= ds_want_errno(ds_its_save(&r.its), 0, "KVM_DEV_ARM_ITS_SAVE_TABLES");
	ok &= rb_ring_empty(&r, "after the save");
	ok &= rb_log_is(&r, n, "after the save");
	rb_free(&r);
	return ds_result(ok);
}

/* KVM_ENABLE_CAP(WITH_BITMAP) with @flags: what KVM answers. */
static int rb_enable_errno(struct kvm_vm *vm, uint32_t flags)
{
	struct kvm_enable_cap c = {
		.cap = KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP, .flags = flags,
	};

	return ds_errno(__vm_ioctl(vm, KVM_ENABLE_CAP, &c));
}

/*
 * RING-008: WITH_BITMAP is enabled after the ring and before any memslot
 * (EINVAL otherwise, and for flags); only then has a logged slot a
 * bitmap for KVM_GET_DIRTY_LOG (ENXIO without it).
 */
int ring_bitmap_enable(const struct ds_test_opts *o)
{
	uint64_t buf[RB_SLOT_PAGES / 64];
	const char *why = rb_missing();
	struct kvm_vm *vm;
	bool ok = true;

	if (why)
		return ds_skip("%s", why);

	vm = vm_create_barebones();
	ok &= ds_want_errno(rb_enable_errno(vm, 0), EINVAL, "WITH_BITMAP before any ring");
	vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_ACQ_REL, RB_RING_BYTES);
	ok &= ds_want_errno(rb_enable_errno(vm, 1), EINVAL, "WITH_BITMAP with flags 1");
	ok &= ds_want_errno(rb_enable_errno(vm, 0), 0, "WITH_BITMAP after the ring, no memslot");
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, DS_TEST_GPA,
				    DS_FIRST_SLOT, RB_SLOT_PAGES, KVM_MEM_LOG_DIRTY_PAGES);
	ok &= ds_want_errno(ds_get_log_errno(vm, DS_FIRST_SLOT, buf), 0,
			    "KVM_GET_DIRTY_LOG with ring + bitmap");
	kvm_vm_free(vm);

	vm = vm_create_barebones();
	vm_enable_cap(vm, KVM_CAP_DIRTY_LOG_RING_ACQ_REL, RB_RING_BYTES);
	vm_userspace_mem_region_add(vm, VM_MEM_SRC_ANONYMOUS, DS_TEST_GPA,
				    DS_FIRST_SLOT, RB_SLOT_PAGES, KVM_MEM_LOG_DIRTY_PAGES);
	ok &= ds_want_errno(rb_enable_errno(vm, 0), EINVAL, "WITH_BITMAP once a memslot exists");
	ok &= ds_want_errno(ds_get_log_errno(vm, DS_FIRST_SLOT, buf), ENXIO,
			    "KVM_GET_DIRTY_LOG with the ring alone");
	kvm_vm_free(vm);
	return ds_result(ok);
}

/*
 * RING-009: the backup bitmap is collected after the device's save:
 * before it the bitmap misses those pages; a collection clears them, so
 * the next one is empty until the next save.  Without WITH_BITMAP the
 * save's pages are in no ring and no bitmap can be read.
 */
int ring_bitmap_order(const struct ds_test_opts *o)
{
	uint64_t buf[RB_SLOT_PAGES / 64], n;
	const char *why;
	struct rb_vm r;
	bool ok = true;
	int rc, e;

	if (!rb_open(&r, &rc))
		return rc;
	n = ds_its_saved_pages(&r.its);
	ok &= rb_log_is(&r, 0, "collected before the save");
	ok &= ds_want_errno(ds_its_save(&r.its), 0, "first KVM_DEV_ARM_ITS_SAVE_TABLES");
	ok &= rb_log_is(&r, n, "collected after the save");
	ok &= rb_log_is(&r, 0, "collected again, nothing saved since");
	ok &= ds_want_errno(ds_its_save(&r.its), 0, "second KVM_DEV_ARM_ITS_SAVE_TABLES");
	ok &= rb_log_is(&r, n, "collected after the second save");
	ok &= rb_ring_empty(&r, "after two saves");
	rb_free(&r);

	e = rb_create(&r, false, &why);
	if (e) {
		rb_free(&r);
		return rb_setup_result(e, why);
	}
	ok &= ds_want_errno(ds_its_save(&r.its), 0, "KVM_DEV_ARM_ITS_SAVE_TABLES, ring alone");
	ok &= rb_ring_empty(&r, "after the save, ring alone");
	ok &= ds_want_errno(ds_get_log_errno(r.vm, DS_FIRST_SLOT, buf), ENXIO,
			    "KVM_GET_DIRTY_LOG after the save, ring alone");
	rb_free(&r);
	return ds_result(ok);
}
