/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What a test that hangs or dies leaves in its log before anything kills
 * it: where each vCPU thread was (inside KVM_RUN or in the harness, with
 * its last exit, ucall and round), each vCPU's registers and pending
 * events (the vCPU kicked out first), every thread's host kernel stack,
 * KVM's statistics, and, inside `dirtysuite vm`, the guest
 * kernel's blocked and all-task dumps (sysrq w, t).  The trace ring that
 * the runner keeps (DS_TRACE, harness/runner/sh/trace.sh) is frozen at that
 * moment, so that its tail shows what led up to the failure.
 *
 * It runs on the runner's timeout (SIGTERM, taken by a thread of its own so
 * that a vCPU thread stuck anywhere cannot keep it from running) and when
 * the process exits after a failed assertion (status 254: the framework's
 * TEST_ASSERT, an unexpected vCPU exit among them).
 */
#ifndef DS_POSTMORTEM_H
#define DS_POSTMORTEM_H

#include <stdbool.h>
#include <stdint.h>

struct ds_vm;
struct ds_vcpu;

/* Where a vCPU's thread is: ds_vcpu.state. */
enum ds_vcpu_state {
	DS_VCPU_IDLE,		/* in the harness, waiting for its next round */
	DS_VCPU_IN_RUN,		/* inside ioctl(KVM_RUN) */
	DS_VCPU_EXIT,		/* in the harness, handling the last exit */
	DS_VCPU_DONE,		/* the guest finished, or the thread left */
	DS_VCPU_PARKED,		/* stopped by the postmortem, out of KVM_RUN */
};

/*
 * Call first in main(), before any thread exists: blocks SIGTERM in every
 * thread to come and starts the thread that waits for it.  @what names
 * the test in the log.
 */
void ds_pm_init(const char *what);

/* ds_vm_create() and ds_vm_destroy() keep the list of live VMs. */
void ds_pm_vm_add(struct ds_vm *dvm);
void ds_pm_vm_del(struct ds_vm *dvm);

/*
 * A vCPU's thread enters or leaves KVM_RUN.  ds_pm_vcpu_left() is where a
 * thread parks once a postmortem has begun: its registers can then be
 * read, which KVM_RUN (holding the vCPU's mutex) would not allow.
 */
void ds_pm_vcpu_enter(struct ds_vcpu *v);
void ds_pm_vcpu_left(struct ds_vcpu *v, uint32_t exit_reason);
void ds_pm_vcpu_state(struct ds_vcpu *v, enum ds_vcpu_state s);
/* The last ucall a vCPU made: its command and first argument. */
void ds_pm_vcpu_ucall(struct ds_vcpu *v, uint64_t cmd, uint64_t arg0);

/* Write the postmortem to stdout now (tests of the postmortem itself). */
void ds_pm_dump(const char *why);

#endif /* DS_POSTMORTEM_H */
