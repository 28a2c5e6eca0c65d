/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ring mode's own state, shared by its parts only: the ring walk
 * (mode_ring.c) and the soft-full exits (mode_ring_full.c).  Tests see
 * it through mode_ring.h's snapshots, never directly.
 */
#ifndef DS_MODE_RING_PRIV_H
#define DS_MODE_RING_PRIV_H

#include <pthread.h>
#include "mode_ring.h"

/* Exits in a row with neither guest progress nor a reset: a stuck vCPU. */
#define RING_STUCK_EXITS	8

struct ring_vcpu {
	struct kvm_dirty_gfn *gfns;
	uint32_t fetch;		/* next entry to read (free-running) */
	uint32_t unreset;	/* entries marked here since the last reset */
	uint32_t stuck;
	uint32_t overflow_said;
	uint64_t last_exit_writes;
	struct ds_ring_exits ex;
};

struct ring_priv {
	pthread_mutex_t lock;
	uint32_t entries;
	uint32_t rsvd;		/* ds_ring_rsvd_entries() */
	uint64_t marked;	/* entries marked RESET since the last reset */
	struct ds_ring_stats st;
};

static inline struct ring_priv *ring_priv(struct ds_vm *dvm)
{
	return dvm->mode_priv;
}

/* The ring walk (mode_ring.c); the mode's lock is held for each. */
uint32_t ds_ring_peek(struct ring_vcpu *rv, uint32_t entries);
uint32_t ds_ring_collect(struct ds_vm *dvm, struct ds_vcpu *v,
			 struct ds_set *out, uint32_t max, bool *misattribute);
int ds_ring_reset_locked(struct ds_vm *dvm, struct ds_htimes *t);

/* The mode's vcpu_exit hook (mode_ring_full.c). */
bool ds_ring_vcpu_exit(struct ds_vcpu *v);

#endif /* DS_MODE_RING_PRIV_H */
