// SPDX-License-Identifier: GPL-2.0
/* The errno of a dirty-tracking call, and the check of it (errno_check.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>

#include "suite.h"
#include "lib/errno_check.h"

int ds_raw_errno(int rc)
{
	return rc < 0 ? errno : 0;
}

/* @e, or 0 under --inject errno: a kernel that stopped checking */
static int ds_fault_errno(int e)
{
	return ds_injected(DS_FAULT_ERRNO) ? 0 : e;
}

int ds_errno(int rc)
{
	return ds_fault_errno(ds_raw_errno(rc));
}

int ds_ioctl_errno(int fd, unsigned long req, void *arg)
{
	return ds_errno(ioctl(fd, req, arg));
}

int ds_get_log_raw(struct kvm_vm *vm, uint32_t slot, void *bitmap)
{
	struct kvm_dirty_log log = { .slot = slot, .dirty_bitmap = bitmap };

	return ds_raw_errno(__vm_ioctl(vm, KVM_GET_DIRTY_LOG, &log));
}

int ds_get_log_errno(struct kvm_vm *vm, uint32_t slot, void *bitmap)
{
	return ds_fault_errno(ds_get_log_raw(vm, slot, bitmap));
}

int ds_clear_log_errno(struct kvm_vm *vm, uint32_t slot, uint64_t first,
		       uint32_t num, void *bitmap)
{
	struct kvm_clear_dirty_log c = {
		.slot = slot, .first_page = first, .num_pages = num,
		.dirty_bitmap = bitmap,
	};

	return ds_errno(__vm_ioctl(vm, KVM_CLEAR_DIRTY_LOG, &c));
}

int ds_enable_cap_errno(struct kvm_vm *vm, uint32_t cap, uint64_t arg0)
{
	return ds_errno(__vm_enable_cap(vm, cap, arg0));
}

const char *ds_errno_name(int e)
{
	static const struct { int e; const char *name; } names[] = {
		{ 0, "success" }, { EPERM, "EPERM" }, { ENOENT, "ENOENT" },
		{ ENXIO, "ENXIO" }, { E2BIG, "E2BIG" }, { EFAULT, "EFAULT" },
		{ EBUSY, "EBUSY" }, { EEXIST, "EEXIST" }, { EINVAL, "EINVAL" },
		{ ENOSPC, "ENOSPC" }, { ENOMEM, "ENOMEM" },
	};
	unsigned int i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (names[i].e == e)
			return names[i].name;
	return strerror(e);
}

bool ds_want_errno(int got, int want, const char *fmt, ...)
{
	char what[160];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return ds_check(got == want, "%s: errno %d (%s), want %s", what, got,
			strerror(got), ds_errno_name(want));
}
