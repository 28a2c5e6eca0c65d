/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Faults the harness can inject into its own harvesting, to prove that the
 * conformance tests fail on a kernel that behaves that way (the negative
 * self-tests).  Each stands for a one-line kernel bug.
 */
#ifndef DS_INJECT_H
#define DS_INJECT_H

#include <stdbool.h>

enum ds_fault {
	DS_FAULT_NONE,
	DS_FAULT_DROP_ONE,	/* a dirty page is not reported */
	DS_FAULT_EXTRA_ONE,	/* a clean page is reported */
	DS_FAULT_NO_RESET,	/* pages are not re-protected after a harvest */
	DS_FAULT_WRONG_SLOT,	/* an entry carries the wrong slot id */
	DS_FAULT_ERRNO,		/* an ioctl's errno is not the one api.rst gives */
	DS_FAULT_NO_COLLAPSE,	/* huge mappings are not restored */
	DS_FAULT_RING_LATE,	/* the ring fills past its soft limit */
	DS_FAULT_WQ_OFF,	/* KVM_CAP_DIRTY_LOG_RING_WAITQUEUE accepted, no effect */
	DS_FAULT_CAP_LOST,	/* a capability api.rst documents is not reported */
	DS_FAULT_NR,
};

extern enum ds_fault ds_fault;

/* Parse a fault name; returns false (and prints why) when unknown. */
bool ds_fault_parse(const char *name);
const char *ds_fault_name(enum ds_fault f);
/* The fault is armed: for call sites, "if (ds_injected(DS_FAULT_X))". */
static inline bool ds_injected(enum ds_fault f)
{
	return ds_fault == f;
}

#endif /* DS_INJECT_H */
