/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The errno of a dirty-tracking call, and the check that it is the one
 * wanted.  Each *_errno() is 0 or the errno the call failed with, and 0
 * whatever the kernel said under --inject errno (a kernel that stopped
 * checking its arguments), so every errno check can be seen to fail.
 */
#ifndef DS_SUITE_ERRNO_CHECK_H
#define DS_SUITE_ERRNO_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "kvm_util.h"

/* 0 or errno for a raw call's @rc (< 0: failed), faults not applied. */
int ds_raw_errno(int rc);
/* ds_raw_errno(@rc), or 0 under --inject errno. */
int ds_errno(int rc);

/* ioctl(@fd, @req, @arg) through ds_errno(). */
int ds_ioctl_errno(int fd, unsigned long req, void *arg);
/* KVM_GET_DIRTY_LOG of @slot into @bitmap, through ds_errno(). */
int ds_get_log_errno(struct kvm_vm *vm, uint32_t slot, void *bitmap);
/* KVM_GET_DIRTY_LOG with faults not applied: a harvest, not an errno check. */
int ds_get_log_raw(struct kvm_vm *vm, uint32_t slot, void *bitmap);
/* KVM_CLEAR_DIRTY_LOG of @num pages of @slot from @first, through ds_errno(). */
int ds_clear_log_errno(struct kvm_vm *vm, uint32_t slot, uint64_t first,
		       uint32_t num, void *bitmap);
/* KVM_ENABLE_CAP(@cap, args[0] = @arg0), through ds_errno(). */
int ds_enable_cap_errno(struct kvm_vm *vm, uint32_t cap, uint64_t arg0);

/* "ENOENT" for ENOENT, "success" for 0, else strerror(). */
const char *ds_errno_name(int e);

/*
 * Check @got == @want: "# ok: WHAT: errno 2 (No such file or directory),
 * want ENOENT", or the same after "# FAIL: "; returns whether it held.
 */
bool ds_want_errno(int got, int want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* DS_SUITE_ERRNO_CHECK_H */
