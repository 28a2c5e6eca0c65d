// SPDX-License-Identifier: GPL-2.0
/*
 * clear: KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2 (api.rst 7.18).  KVM_GET_DIRTY_LOG
 * only copies the slot's bitmap; the reported pages stay dirty, and stay
 * writable, until KVM_CLEAR_DIRTY_LOG (api.rst 4.117) clears and
 * re-protects them.  Reset clears in chunks of 2^clear_shift pages, the way
 * QEMU's clear-bitmap-shift does: only chunks where the last get found
 * dirty pages, each passing its own part of that bitmap, so a sparse log
 * costs few calls and a dense one holds the MMU lock for short stretches.
 */
#include <errno.h>

#include "mode.h"
#include "mode_log.h"
#include "util.h"

static const char *clear_supported(const struct ds_mode_cfg *mcfg)
{
	int caps = kvm_check_cap(KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2);

	if (!(caps & KVM_DIRTY_LOG_MANUAL_PROTECT_ENABLE))
		return "kernel lacks KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2";
	if (mcfg->initially_set && !(caps & KVM_DIRTY_LOG_INITIALLY_SET))
		return "kernel lacks KVM_DIRTY_LOG_INITIALLY_SET";
	/* A chunk must start on a 64-page boundary (first_page & 63 == 0). */
	if (mcfg->clear_shift < 6 || mcfg->clear_shift > 31)
		return "clear_shift must be 6..31";
	return NULL;
}

static void clear_enable(struct ds_vm *dvm)
{
	uint64_t flags = KVM_DIRTY_LOG_MANUAL_PROTECT_ENABLE;

	if (dvm->cfg.mcfg.initially_set)
		flags |= KVM_DIRTY_LOG_INITIALLY_SET;
	/*
	 * Before the slots get KVM_MEM_LOG_DIRTY_PAGES: INITIALLY_SET acts
	 * when a slot's bitmap is allocated, i.e. when logging turns on.
	 */
	vm_enable_cap(dvm->vm, KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2, flags);
	ds_log_enable(dvm);
}

static void clear_harvest(struct ds_vm *dvm, struct ds_set *out,
			  struct ds_htimes *t)
{
	ds_log_get_all(dvm, out, t);
}

static bool chunk_dirty(const uint64_t *log, uint64_t first, uint64_t n)
{
	uint64_t i;

	for (i = first / 64; i < (first + n + 63) / 64; i++)
		if (log[i])
			return true;
	return false;
}

struct clear_chunk {
	uint32_t slot;		/* index in dvm->slots */
	uint64_t first, n;
};

/* Room for every chunk of every slot, allocated once, outside the timing. */
static struct clear_chunk *chunk_list(struct ds_vm *dvm, uint64_t chunk)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	uint64_t n = 0;
	uint32_t i;

	if (!lp->chunks) {
		for (i = 0; i < dvm->nr_slots; i++)
			n += (dvm->slots[i].npages + chunk - 1) / chunk;
		lp->chunks = ds_calloc(n, sizeof(struct clear_chunk));
	}
	return lp->chunks;
}

/*
 * Two passes, so that two clock reads split the time honestly however
 * many calls there are: picking the dirty chunks is our bookkeeping
 * (user_ns), the KVM_CLEAR_DIRTY_LOG calls back to back are the reset.
 */
static void clear_reset(struct ds_vm *dvm, struct ds_htimes *t)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	uint64_t chunk = 1ULL << dvm->cfg.mcfg.clear_shift, first, n, nr = 0, k;
	struct clear_chunk *list = chunk_list(dvm, chunk), *c;
	uint64_t t0 = ds_now_ns(), t1, t2;
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		for (first = 0; first < s->npages; first += chunk) {
			/* The last chunk may be partial: it ends the slot. */
			n = s->npages - first < chunk ? s->npages - first : chunk;
			if (chunk_dirty(lp->logs[i], first, n))
				list[nr++] = (struct clear_chunk){ i, first, n };
		}
	}
	t1 = ds_now_ns();
	for (k = 0; k < nr; k++) {
		c = &list[k];
		kvm_vm_clear_dirty_log(dvm->vm, dvm->slots[c->slot].id,
				       &lp->logs[c->slot][c->first / 64],
				       c->first, c->n);
	}
	t2 = ds_now_ns();
	t->user_ns += t1 - t0;
	t->reset_ns += t2 - t1;
	t->calls += nr;
}

const struct ds_mode ds_mode_clear = {
	.name = "clear",
	.help = "MANUAL_DIRTY_LOG_PROTECT2: GET_DIRTY_LOG, then CLEAR_DIRTY_LOG in 2^shift-page chunks",
	.supported = clear_supported,
	.enable = clear_enable,
	.harvest = clear_harvest,
	.reset = clear_reset,
	.disable = ds_log_disable,
	.free = ds_log_free,
};
