// SPDX-License-Identifier: GPL-2.0
/*
 * The ring mode's soft-full exits (KVM_EXIT_DIRTY_RING_FULL): the vCPU's
 * own thread harvests its ring, resets and re-enters; what it saw there
 * is kept for the SOFTFULL tests, and a vCPU that can never be freed is
 * failed rather than left spinning.
 */
#include <stdio.h>
#include <stdlib.h>

#include "ds_uapi.h"
#include "inject.h"
#include "kselftest.h"
#include "mode_ring_priv.h"
#include "util.h"

static void note_exit(struct ds_vm *dvm, struct ring_vcpu *rv, uint32_t used)
{
	struct ring_priv *rp = ring_priv(dvm);

	/* As if KVM let the ring run into its reserve before exiting. */
	if (ds_injected(DS_FAULT_RING_LATE))
		used += rp->rsvd;
	if (!rv->ex.exits++ || used < rv->ex.used_min)
		rv->ex.used_min = used;
	if (used > rv->ex.used_max)
		rv->ex.used_max = used;
	rv->ex.used_last = used;
	/*
	 * A full ring at the exit means KVM pushed past its soft limit and
	 * its reserve; any push after that overwrote an unharvested entry
	 * (dirty_ring.c: "It should never get full").  Said once per vCPU.
	 */
	if (used < rp->entries)
		return;
	__atomic_fetch_add(&dvm->overflows, 1, __ATOMIC_RELAXED);
	if (!rv->overflow_said++)
		printf("# ring overflow: %u of %u entries in use at a soft-full exit (soft limit %u)\n",
		       used, rp->entries, rp->entries - rp->rsvd);
}

/*
 * KVM_EXIT_DIRTY_RING_FULL: harvest this vCPU's ring into dvm->pending
 * (ds_harvest() hands it to the next caller), reset, and let the vCPU
 * re-enter.  Without a reset the ring stays soft-full and every KVM_RUN
 * exits at once, so a vCPU that exits again and again with neither a
 * reset nor a single guest write is stuck: fail loudly instead of spinning.
 */
bool ds_ring_vcpu_exit(struct ds_vcpu *v)
{
	struct ds_vm *dvm = v->dvm;
	struct ring_priv *rp = ring_priv(dvm);
	struct ring_vcpu *rv = v->mode_priv;
	struct ds_htimes t = { 0 };
	uint64_t t0 = ds_now_ns(), t1, writes;
	bool wrong = false;
	int freed = 0;

	if (v->vcpu->run->exit_reason != KVM_EXIT_DIRTY_RING_FULL)
		return false;
	pthread_mutex_lock(&rp->lock);
	note_exit(dvm, rv, rv->unreset + ds_ring_peek(rv, rp->entries));
	pthread_mutex_lock(&dvm->lock);
	t1 = ds_now_ns();
	/* pages: entries, the sign for ring_harvest() that there is some. */
	dvm->pending_times.pages += ds_ring_collect(dvm, v, &dvm->pending, UINT32_MAX, &wrong);
	dvm->pending_times.get_ns += ds_now_ns() - t1;
	pthread_mutex_unlock(&dvm->lock);
	if (!ds_injected(DS_FAULT_NO_RESET))
		freed = ds_ring_reset_locked(dvm, &t);
	pthread_mutex_unlock(&rp->lock);

	pthread_mutex_lock(&dvm->lock);
	dvm->pending_times.reset_ns += t.reset_ns;
	dvm->pending_times.calls += t.calls;
	pthread_mutex_unlock(&dvm->lock);

	writes = __atomic_load_n(&dvm->ctl->writes_done[v->id], __ATOMIC_RELAXED);
	rv->stuck = (!freed && writes == rv->last_exit_writes) ? rv->stuck + 1 : 0;
	rv->last_exit_writes = writes;
	/*
	 * After an overflow the ring's indexes no longer agree with ours and
	 * no reset frees it: with mcfg.halt_on_overflow the caller gets a
	 * halted VM back instead of a dead process.
	 */
	if (rv->stuck >= RING_STUCK_EXITS &&
	    __atomic_load_n(&dvm->overflows, __ATOMIC_RELAXED) &&
	    dvm->cfg.mcfg.halt_on_overflow) {
		printf("# ring: vCPU %u stuck after an overflow: VM halted\n", v->id);
		__atomic_store_n(&dvm->halted, true, __ATOMIC_RELEASE);
		return true;
	}
	if (rv->stuck >= RING_STUCK_EXITS) {
		/* A verdict on the kernel (or the injected fault), not a crash. */
		printf("# FAIL: vCPU %u: %u soft-full exits in a row with no reset and no guest write: the ring is never freed%s\n",
		       v->id, rv->stuck, ds_injected(DS_FAULT_NO_RESET) ? " (fault no-reset)" :
		       rv->ex.used_last ? "" :
		       " (KVM says soft-full, yet no entry is dirty where harvesting stopped: the ring overflowed before)");
		fflush(stdout);
		exit(KSFT_FAIL);
	}
	v->ring_full_exits++;
	v->stall_ns += ds_now_ns() - t0;
	return true;
}
