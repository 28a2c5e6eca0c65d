/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The host side of the postmortem (postmortem.c): the threads of this
 * process as /proc shows them, the runner's trace ring, the guest kernel
 * of `dirtysuite vm`.
 */
#ifndef DS_POSTMORTEM_HOST_H
#define DS_POSTMORTEM_HOST_H

/* Stop the runner's trace ring now, so its tail ends at the failure. */
void ds_pm_trace_freeze(void);
/* Every thread of this process: state, system call, wchan, kernel stack. */
void ds_pm_threads(void);
/* Inside `dirtysuite vm`: sysrq w and t into the guest's kernel log. */
void ds_pm_guest_kernel(void);

#endif /* DS_POSTMORTEM_HOST_H */
