/* SPDX-License-Identifier: GPL-2.0 */
/*
 * An arm64 vGICv3 ITS on a VM whose vCPUs never run: the device path
 * that writes guest memory with no vCPU (KVM_DEV_ARM_ITS_SAVE_TABLES,
 * Documentation/virt/kvm/devices/arm-vgic-its.rst), for the rules of the
 * dirty ring's backup bitmap (RING-006, RING-009).  suite/aarch64/its.c
 * makes one; suite/x86_64/its.c says there is none.
 *
 * The ITS is given a collection table of one 64 KiB page at @table_gpa,
 * filled by the host with @nr_colls collections (vCPU 0, IDs 0 up) and
 * loaded with KVM_DEV_ARM_ITS_RESTORE_TABLES, which only reads.  Each
 * save then writes those entries back and an invalid one after them:
 * the pages ds_its_saved_pages() counts from the table's first.
 */
#ifndef DS_SUITE_ITS_H
#define DS_SUITE_ITS_H

#include <stdbool.h>
#include <stdint.h>

#include "kvm_util.h"

struct ds_its {
	int gic_fd;		/* the vGICv3 (KVM_DEV_TYPE_ARM_VGIC_V3) */
	int its_fd;		/* its ITS (KVM_DEV_TYPE_ARM_VGIC_ITS) */
	uint64_t table_gpa;	/* the collection table, 64 KiB aligned */
	uint32_t nr_colls;
};

/*
 * The vGICv3 and ITS on @vm, which must have its vCPUs created (none run)
 * and a memslot holding [@table_gpa, +64 KiB).  0, or the errno of the
 * step that failed with *@why naming it (ENODEV: no ITS here).
 */
int ds_its_create(struct kvm_vm *vm, uint64_t table_gpa, uint32_t nr_colls,
		  struct ds_its *its, const char **why);
/* KVM_DEV_ARM_ITS_SAVE_TABLES / _RESTORE_TABLES: 0 or the errno. */
int ds_its_save(struct ds_its *its);
int ds_its_restore(struct ds_its *its);
/* How many 4 KiB pages from table_gpa on a save writes. */
uint64_t ds_its_saved_pages(const struct ds_its *its);
void ds_its_free(struct ds_its *its);

#endif /* DS_SUITE_ITS_H */
