// SPDX-License-Identifier: GPL-2.0
/*
 * ring: KVM_CAP_DIRTY_LOG_RING / _ACQ_REL (api.rst 8.29).  Each vCPU pushes
 * the pages it dirties into its own ring, mmapped from the vCPU fd at
 * KVM_DIRTY_LOG_PAGE_OFFSET.  Harvest walks each ring from where it last
 * stopped, collecting entries until one lacks KVM_DIRTY_GFN_F_DIRTY, and
 * marks each collected entry KVM_DIRTY_GFN_F_RESET; reset is
 * KVM_RESET_DIRTY_RINGS, which re-protects every marked page and returns
 * how many entries it freed.
 *
 * A ring that reaches its soft limit makes KVM_RUN exit with
 * KVM_EXIT_DIRTY_RING_FULL; the vCPU's own thread then harvests its ring
 * into dvm->pending and resets, and the vCPU re-enters.  One lock covers
 * all rings, so that a harvester thread and a vCPU thread never walk the
 * same ring at once, and the count of entries marked since the last reset
 * stays exact.  Its parts: mode_ring_caps.c (what the kernel offers) and
 * mode_ring_full.c (the soft-full exits), sharing mode_ring_priv.h.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ds_uapi.h"
#include "inject.h"
#include "kselftest.h"
#include "mode_ring_priv.h"
#include "util.h"

static const char *ring_supported(const struct ds_mode_cfg *mcfg)
{
	static char why[96];
	uint32_t n = mcfg->ring_entries;
	int cap = ds_ring_cap(mcfg);

	if (!n || (n & (n - 1)))
		return "ring_entries must be a power of two";
	/* First: the one reason every WAITQUEUE test gives on a stock kernel. */
	if (mcfg->waitqueue && !ds_ring_waitqueue_cap())
		return DS_RING_WQ_MISSING;
	if (!cap)
		return mcfg->acq_rel ? "kernel lacks KVM_CAP_DIRTY_LOG_RING_ACQ_REL" :
			"kernel lacks KVM_CAP_DIRTY_LOG_RING";
	if ((uint64_t)n * sizeof(struct kvm_dirty_gfn) > (uint64_t)kvm_check_cap(cap)) {
		snprintf(why, sizeof(why), "ring of %u entries is above the kernel's %d bytes",
			 n, kvm_check_cap(cap));
		return why;
	}
	return NULL;
}

static void ring_enable(struct ds_vm *dvm)
{
	struct ring_priv *rp = ds_calloc(1, sizeof(*rp));
	uint32_t bytes = dvm->cfg.mcfg.ring_entries * sizeof(struct kvm_dirty_gfn);

	pthread_mutex_init(&rp->lock, NULL);
	rp->entries = dvm->cfg.mcfg.ring_entries;
	rp->rsvd = ds_ring_rsvd_entries();
	dvm->mode_priv = rp;
	/* Before any vCPU exists: KVM refuses it afterwards (EINVAL). */
	vm_enable_cap(dvm->vm, ds_ring_cap(&dvm->cfg.mcfg), bytes);
	dvm->vm->dirty_ring_size = bytes;	/* for vcpu_map_dirty_ring() */
	/*
	 * After the ring, before the vCPUs (api.rst 7.37 as patched).  The
	 * fault leaves it off: a kernel that accepts the cap and ignores it.
	 */
	if (dvm->cfg.mcfg.waitqueue && !ds_injected(DS_FAULT_WQ_OFF))
		vm_enable_cap(dvm->vm, KVM_CAP_DIRTY_LOG_RING_WAITQUEUE, 0);
	ds_vm_slots_flags(dvm, KVM_MEM_LOG_DIRTY_PAGES);
}

static void ring_vcpu_init(struct ds_vcpu *v)
{
	struct ring_vcpu *rv = ds_calloc(1, sizeof(*rv));

	rv->gfns = vcpu_map_dirty_ring(v->vcpu);
	v->mode_priv = rv;
}

/* Dirty entries from @rv's fetch index on, without collecting them. */
uint32_t ds_ring_peek(struct ring_vcpu *rv, uint32_t entries)
{
	uint32_t n;

	for (n = 0; n < entries; n++) {
		struct kvm_dirty_gfn *e = &rv->gfns[(rv->fetch + n) & (entries - 1)];

		if (!(__atomic_load_n(&e->flags, __ATOMIC_ACQUIRE) & KVM_DIRTY_GFN_F_DIRTY))
			break;
	}
	return n;
}

/*
 * Collect up to @max of @v's dirty entries into @out, one pass the way
 * every ring consumer runs it (QEMU's kvm_dirty_ring_reap_one, the
 * selftests' dirty_ring_collect_one): see DIRTY, read slot and offset,
 * set the page's bit, mark the entry RESET.  Setting the bit is part of
 * the protocol's cost, not ours: a consumer that kept no record would
 * have harvested nothing.  The mode's lock is held.  Returns the entries
 * collected.
 */
uint32_t ds_ring_collect(struct ds_vm *dvm, struct ds_vcpu *v,
			 struct ds_set *out, uint32_t max, bool *misattribute)
{
	struct ring_priv *rp = ring_priv(dvm);
	struct ring_vcpu *rv = v->mode_priv;
	uint32_t n, flags, slot, mask = rp->entries - 1;
	struct ds_slot *s = NULL;
	uint64_t off, page;

	if (max > rp->entries)
		max = rp->entries;
	for (n = 0; n < max; n++) {
		struct kvm_dirty_gfn *e = &rv->gfns[(rv->fetch + n) & mask];

		/* Acquire: slot and offset are read only after DIRTY is seen. */
		flags = __atomic_load_n(&e->flags, __ATOMIC_ACQUIRE);
		if (!(flags & KVM_DIRTY_GFN_F_DIRTY))
			break;
		if (flags != KVM_DIRTY_GFN_F_DIRTY)
			rp->st.bad_flags++;
		slot = e->slot;
		off = e->offset;
		/* Release: KVM may reuse the entry once it sees RESET. */
		__atomic_store_n(&e->flags, KVM_DIRTY_GFN_F_RESET, __ATOMIC_RELEASE);
		if (*misattribute) {
			slot++;		/* DS_FAULT_WRONG_SLOT: one entry, once */
			*misattribute = false;
		}
		/* Runs of entries name one slot: look up on a change only. */
		if (!s || s->id != slot)
			s = ds_vm_slot_by_id(dvm, slot);
		if (s && off < s->npages) {
			page = s->first + off;
			out->bits[page / 64] |= 1ULL << (page % 64);
		} else if (rp->st.unknown++ < 4) {
			printf("# ring vCPU %u: entry %lu names slot %#x offset %llu: no test page\n",
			       v->id, (unsigned long)(rv->fetch + n), slot,
			       (unsigned long long)off);
		}
	}
	rv->fetch += n;
	rv->unreset += n;
	rp->marked += n;
	rp->st.collected += n;
	return n;
}

/* KVM_RESET_DIRTY_RINGS; the mode's lock is held.  Returns its answer. */
int ds_ring_reset_locked(struct ds_vm *dvm, struct ds_htimes *t)
{
	struct ring_priv *rp = ring_priv(dvm);
	uint64_t t0 = ds_now_ns();
	uint32_t i;
	int r;

	r = __vm_ioctl(dvm->vm, KVM_RESET_DIRTY_RINGS, NULL);
	TEST_ASSERT(r >= 0, "KVM_RESET_DIRTY_RINGS failed");
	t->reset_ns += ds_now_ns() - t0;
	t->calls++;
	rp->st.resets++;
	rp->st.last_marked = rp->marked;
	rp->st.last_reset = r;
	if ((uint64_t)r != rp->marked && rp->st.reset_mismatch++ < 4)
		printf("# KVM_RESET_DIRTY_RINGS returned %d, %lu entries were marked\n",
		       r, rp->marked);
	rp->marked = 0;
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		((struct ring_vcpu *)dvm->vcpus[i].mode_priv)->unreset = 0;
	return r;
}

/*
 * What vCPU threads harvested on their own at soft-full exits (dvm->pending)
 * merged into @out, our bookkeeping (user_ns); then every ring read into it
 * (get_ns).
 */
static void ring_harvest(struct ds_vm *dvm, struct ds_set *out,
			 struct ds_htimes *t)
{
	struct ring_priv *rp = ring_priv(dvm);
	bool wrong = ds_injected(DS_FAULT_WRONG_SLOT);
	uint64_t i, t0, t1;

	pthread_mutex_lock(&rp->lock);
	pthread_mutex_lock(&dvm->lock);
	if (dvm->pending_times.pages) {
		t0 = ds_now_ns();
		for (i = 0; i < (dvm->pending.nbits + 63) / 64; i++)
			out->bits[i] |= dvm->pending.bits[i];
		ds_set_zero(&dvm->pending);
		t->user_ns += ds_now_ns() - t0;
	}
	t->get_ns += dvm->pending_times.get_ns;
	t->reset_ns += dvm->pending_times.reset_ns;
	t->user_ns += dvm->pending_times.user_ns;
	t->calls += dvm->pending_times.calls;
	dvm->pending_times = (struct ds_htimes){ 0 };
	pthread_mutex_unlock(&dvm->lock);
	t1 = ds_now_ns();
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		ds_ring_collect(dvm, &dvm->vcpus[i], out, UINT32_MAX, &wrong);
	t->get_ns += ds_now_ns() - t1;
	pthread_mutex_unlock(&rp->lock);
}

static void ring_reset(struct ds_vm *dvm, struct ds_htimes *t)
{
	struct ring_priv *rp = ring_priv(dvm);

	pthread_mutex_lock(&rp->lock);
	ds_ring_reset_locked(dvm, t);
	pthread_mutex_unlock(&rp->lock);
}

void ds_ring_get_stats(struct ds_vm *dvm, struct ds_ring_stats *st)
{
	struct ring_priv *rp = ring_priv(dvm);

	pthread_mutex_lock(&rp->lock);
	*st = rp->st;
	pthread_mutex_unlock(&rp->lock);
}

void ds_ring_get_exits(struct ds_vcpu *v, struct ds_ring_exits *ex)
{
	struct ring_priv *rp = ring_priv(v->dvm);

	pthread_mutex_lock(&rp->lock);
	*ex = ((struct ring_vcpu *)v->mode_priv)->ex;
	pthread_mutex_unlock(&rp->lock);
}

uint32_t ds_ring_used(struct ds_vcpu *v)
{
	struct ring_priv *rp = ring_priv(v->dvm);
	struct ring_vcpu *rv = v->mode_priv;
	uint32_t n;

	pthread_mutex_lock(&rp->lock);
	n = rv->unreset + ds_ring_peek(rv, rp->entries);
	pthread_mutex_unlock(&rp->lock);
	return n;
}

uint64_t ds_ring_collect_some(struct ds_vcpu *v, struct ds_set *out, uint32_t max)
{
	struct ring_priv *rp = ring_priv(v->dvm);
	bool wrong = ds_injected(DS_FAULT_WRONG_SLOT);
	uint64_t n;

	pthread_mutex_lock(&rp->lock);
	n = ds_ring_collect(v->dvm, v, out, max, &wrong);
	pthread_mutex_unlock(&rp->lock);
	return n;
}

int ds_ring_reset_now(struct ds_vm *dvm)
{
	struct ring_priv *rp = ring_priv(dvm);
	struct ds_htimes t = { 0 };
	int r = 0;

	if (ds_injected(DS_FAULT_NO_RESET))
		return 0;
	pthread_mutex_lock(&rp->lock);
	r = ds_ring_reset_locked(dvm, &t);
	pthread_mutex_unlock(&rp->lock);
	return r;
}

static void ring_disable(struct ds_vm *dvm)
{
	/* The rings cannot be turned off; the slots stop logging into them. */
	ds_vm_slots_flags(dvm, 0);
}

static void ring_free(struct ds_vm *dvm)
{
	struct ring_priv *rp = ring_priv(dvm);
	uint32_t i;

	for (i = 0; dvm->vcpus && i < dvm->cfg.nr_vcpus; i++) {
		free(dvm->vcpus[i].mode_priv);
		dvm->vcpus[i].mode_priv = NULL;
	}
	if (rp)
		pthread_mutex_destroy(&rp->lock);
	free(rp);
	dvm->mode_priv = NULL;
}

const struct ds_mode ds_mode_ring = {
	.name = "ring",
	.help = "per-vCPU dirty rings (DIRTY_LOG_RING[_ACQ_REL]) + KVM_RESET_DIRTY_RINGS",
	.supported = ring_supported,
	.enable = ring_enable,
	.vcpu_init = ring_vcpu_init,
	.harvest = ring_harvest,
	.reset = ring_reset,
	.vcpu_exit = ds_ring_vcpu_exit,
	.disable = ring_disable,
	.free = ring_free,
};
