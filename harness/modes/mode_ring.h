/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ring mode's counters, for the RING and SOFTFULL tests: what the
 * harvest found in the rings, what KVM_RESET_DIRTY_RINGS answered, and the
 * state of a vCPU's ring at its soft-full exits.
 */
#ifndef DS_MODE_RING_H
#define DS_MODE_RING_H

#include "mode.h"

/* KVM_DIRTY_RING_RSVD_ENTRIES in include/linux/kvm_dirty_ring.h (6.12). */
#define DS_RING_RSVD_ENTRIES	64

struct ds_ring_stats {
	uint64_t collected;	/* entries read with KVM_DIRTY_GFN_F_DIRTY */
	uint64_t unknown;	/* entries naming no test slot or offset */
	uint64_t bad_flags;	/* entries whose flags were neither 0 nor DIRTY */
	uint64_t resets;	/* KVM_RESET_DIRTY_RINGS calls */
	uint64_t reset_mismatch;	/* calls that returned != entries marked */
	uint64_t last_marked;	/* entries marked RESET before the last call */
	int64_t last_reset;	/* what the last call returned */
};

/* Per vCPU: its soft-full exits (KVM_EXIT_DIRTY_RING_FULL). */
struct ds_ring_exits {
	uint64_t exits;
	uint32_t used_min;	/* ring entries in use at an exit: fewest */
	uint32_t used_max;	/* ... most */
	uint32_t used_last;
};

/* The SKIP reason of every test that needs the wait-queue mode. */
#define DS_RING_WQ_MISSING \
	"kernel lacks KVM_CAP_DIRTY_LOG_RING_WAITQUEUE (see kernel/patches)"

/* KVM_CHECK_EXTENSION(KVM_CAP_DIRTY_LOG_RING_WAITQUEUE) on /dev/kvm. */
unsigned int ds_ring_waitqueue_cap(void);

/* The capability the mode enables for @mcfg, or 0 when none is offered. */
int ds_ring_cap(const struct ds_mode_cfg *mcfg);

/* Snapshots, taken under the mode's lock. */
void ds_ring_get_stats(struct ds_vm *dvm, struct ds_ring_stats *st);
void ds_ring_get_exits(struct ds_vcpu *v, struct ds_ring_exits *ex);

/* Entries in use in @v's ring now: dirty, or marked and not yet reset. */
uint32_t ds_ring_used(struct ds_vcpu *v);

/*
 * Collect at most @max of @v's dirty entries (marking them RESET), for
 * tests of partial harvests; @v must be stopped.  Returns how many.
 */
uint64_t ds_ring_collect_some(struct ds_vcpu *v, struct ds_set *out, uint32_t max);
/* KVM_RESET_DIRTY_RINGS now (honours DS_FAULT_NO_RESET); its answer. */
int ds_ring_reset_now(struct ds_vm *dvm);

/*
 * Reserved entries of this kernel (kvm_dirty_ring_get_rsvd_entries()):
 * 64 plus the CPU's dirty-log buffer, which on x86 is VMX's PML (512
 * entries, when kvm_intel's pml=Y) and nothing elsewhere.  The soft limit
 * of a ring is its size minus this.
 */
uint32_t ds_ring_rsvd_entries(void);

#endif /* DS_MODE_RING_H */
