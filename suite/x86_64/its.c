// SPDX-License-Identifier: GPL-2.0
/*
 * x86 has no ITS, and no other device that writes guest memory with no
 * vCPU running: it never offers KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP.
 */
#include <errno.h>

#include "its.h"

int ds_its_create(struct kvm_vm *vm, uint64_t table_gpa, uint32_t nr_colls,
		  struct ds_its *its, const char **why)
{
	*why = "x86 has no vGIC ITS";
	return ENODEV;
}

int ds_its_save(struct ds_its *its)
{
	return ENODEV;
}

int ds_its_restore(struct ds_its *its)
{
	return ENODEV;
}

uint64_t ds_its_saved_pages(const struct ds_its *its)
{
	return 0;
}

void ds_its_free(struct ds_its *its)
{
}
