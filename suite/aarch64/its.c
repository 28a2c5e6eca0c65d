// SPDX-License-Identifier: GPL-2.0
/*
 * The arm64 side of its.h: a vGICv3 with one ITS, set up from the host
 * alone through the device attributes of arm-vgic-v3.rst and
 * arm-vgic-its.rst.  No vCPU runs, so nothing here needs the guest's
 * GIC driver; the addresses are the framework's (gic.h), outside every
 * memslot the suite makes.
 */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include <linux/sizes.h>

#include "its.h"
#include "gic.h"
#include "gic_v3.h"
#include "lib/errno_check.h"

/* A collection table entry (arm-vgic-its.rst, "ITS Table ABI REV0"). */
#define ITS_CTE_VALID		(1ULL << 63)
#define ITS_CTE_RDBASE_SHIFT	16
#define ITS_TABLE_BYTES		(64 * 1024)	/* one 64 KiB ITS page */
#define ITS_ENTRY_BYTES		8

static int its_attr(int fd, uint32_t group, uint64_t attr, void *val)
{
	struct kvm_device_attr a = {
		.group = group, .attr = attr, .addr = (uintptr_t)val,
	};

	return ds_raw_errno(ioctl(fd, KVM_SET_DEVICE_ATTR, &a));
}

static int its_device(struct kvm_vm *vm, uint32_t type, int *fd)
{
	struct kvm_create_device cd = { .type = type };

	if (__vm_ioctl(vm, KVM_CREATE_DEVICE, &cd))
		return errno;
	*fd = cd.fd;
	return 0;
}

/* The vGICv3: distributor, one redistributor region for every vCPU, init. */
static int its_gic(struct kvm_vm *vm, struct ds_its *its, const char **why)
{
	uint64_t dist = GICD_BASE_GPA, redist = GICR_BASE_GPA;
	int e;

	*why = "KVM_CREATE_DEVICE(KVM_DEV_TYPE_ARM_VGIC_V3)";
	e = its_device(vm, KVM_DEV_TYPE_ARM_VGIC_V3, &its->gic_fd);
	if (e)
		return e;
	*why = "vGICv3 distributor address";
	e = its_attr(its->gic_fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
		     KVM_VGIC_V3_ADDR_TYPE_DIST, &dist);
	if (e)
		return e;
	*why = "vGICv3 redistributor address";
	e = its_attr(its->gic_fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
		     KVM_VGIC_V3_ADDR_TYPE_REDIST, &redist);
	if (e)
		return e;
	*why = "vGICv3 KVM_DEV_ARM_VGIC_CTRL_INIT";
	return its_attr(its->gic_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
			KVM_DEV_ARM_VGIC_CTRL_INIT, NULL);
}

int ds_its_create(struct kvm_vm *vm, uint64_t table_gpa, uint32_t nr_colls,
		  struct ds_its *its, const char **why)
{
	uint64_t base = GITS_BASE_GPA, baser, *table;
	uint32_t i;
	int e;

	memset(its, 0, sizeof(*its));
	its->gic_fd = its->its_fd = -1;
	its->table_gpa = table_gpa;
	its->nr_colls = nr_colls;
	if (nr_colls >= ITS_TABLE_BYTES / ITS_ENTRY_BYTES || table_gpa % ITS_TABLE_BYTES) {
		*why = "collection table: more entries than 64 KiB hold, or unaligned";
		return EINVAL;
	}
	e = its_gic(vm, its, why);
	if (e)
		return e;
	*why = "KVM_CREATE_DEVICE(KVM_DEV_TYPE_ARM_VGIC_ITS)";
	e = its_device(vm, KVM_DEV_TYPE_ARM_VGIC_ITS, &its->its_fd);
	if (e)
		return e;
	*why = "ITS base address";
	e = its_attr(its->its_fd, KVM_DEV_ARM_VGIC_GRP_ADDR,
		     KVM_VGIC_ITS_ADDR_TYPE, &base);
	if (e)
		return e;
	*why = "ITS KVM_DEV_ARM_VGIC_CTRL_INIT";
	e = its_attr(its->its_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
		     KVM_DEV_ARM_VGIC_CTRL_INIT, NULL);
	if (e)
		return e;
	/*
	 * GITS_BASER1 is the collection table (KVM's type field, read-only):
	 * valid, flat, one 64 KiB page.  KVM fixes the page size, the entry
	 * size and the cacheability fields itself.
	 */
	baser = GITS_BASER_VALID | GITS_BASER_PAGE_SIZE_64K | table_gpa;
	*why = "GITS_BASER1 (collection table) through KVM_DEV_ARM_VGIC_GRP_ITS_REGS";
	e = its_attr(its->its_fd, KVM_DEV_ARM_VGIC_GRP_ITS_REGS,
		     GITS_BASER + 8, &baser);
	if (e)
		return e;
	/*
	 * The host writes the entries (untracked: no vCPU, no KVM write) and
	 * the ITS loads them, which only reads guest memory.
	 */
	table = addr_gpa2hva(vm, table_gpa);
	memset(table, 0, ITS_TABLE_BYTES);
	for (i = 0; i < nr_colls; i++)
		table[i] = ITS_CTE_VALID | 0ULL << ITS_CTE_RDBASE_SHIFT | i;
	*why = "KVM_DEV_ARM_ITS_RESTORE_TABLES of the host-made collections";
	return ds_its_restore(its);
}

int ds_its_save(struct ds_its *its)
{
	return its_attr(its->its_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
			KVM_DEV_ARM_ITS_SAVE_TABLES, NULL);
}

int ds_its_restore(struct ds_its *its)
{
	return its_attr(its->its_fd, KVM_DEV_ARM_VGIC_GRP_CTRL,
			KVM_DEV_ARM_ITS_RESTORE_TABLES, NULL);
}

/* The entries and the invalid one that ends a table not filled. */
uint64_t ds_its_saved_pages(const struct ds_its *its)
{
	uint64_t bytes = (its->nr_colls + 1) * ITS_ENTRY_BYTES;

	return (bytes + 4095) / 4096;
}

void ds_its_free(struct ds_its *its)
{
	if (its->its_fd >= 0)
		close(its->its_fd);
	if (its->gic_fd >= 0)
		close(its->gic_fd);
	its->its_fd = its->gic_fd = -1;
}
