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

/*
 * Chunks go in batches: picking a batch's dirty chunks (a scan of the log
 * words, one test each for a clean word) is our bookkeeping, user_ns; its
 * KVM_CLEAR_DIRTY_LOG calls back to back are the reset.  A batch lives on
 * the stack, a page that is always warm: a list in the heap cost a
 * shadow-MMU fault per page per harvest on a nested host.
 */
#define CLEAR_BATCH	512

static void clear_reset(struct ds_vm *dvm, struct ds_htimes *t)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	uint32_t shift = dvm->cfg.mcfg.clear_shift, batch[CLEAR_BATCH], nb, i, k;
	uint32_t max = dvm->cfg.mcfg.clear_batch && dvm->cfg.mcfg.clear_batch < CLEAR_BATCH ?
		       dvm->cfg.mcfg.clear_batch : CLEAR_BATCH;
	uint64_t t0, t1, t2, c, j, w1, nchunks, first, dirty, *log;
	/* A chunk is whole words, and so is the slot (2 MiB each). */
	uint64_t wpc = (1ULL << shift) / 64;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		log = lp->logs[i];
		if (!log)
			continue;	/* no harvest yet: nothing reported */
		nchunks = (s->npages + (1ULL << shift) - 1) >> shift;
		for (c = 0; c < nchunks;) {
			t0 = ds_now_ns();
			/*
			 * Branch-free: in a sparse log whether a word is zero
			 * is a coin toss, and a mispredicted branch a word
			 * cost more than the rest of the scan.  One word a
			 * chunk (QEMU's default shift, 6) is the short path.
			 */
			for (nb = 0; wpc == 1 && c < nchunks && nb < max; c++) {
				batch[nb] = c;
				nb += log[c] != 0;
			}
			for (; c < nchunks && nb < max; c++) {
				w1 = (c + 1) * wpc < s->npages / 64 ? (c + 1) * wpc : s->npages / 64;
				for (dirty = 0, j = c * wpc; j < w1; j++)
					dirty |= log[j];
				batch[nb] = c;
				nb += dirty != 0;
			}
			t1 = ds_now_ns();
			for (k = 0; k < nb; k++) {
				first = (uint64_t)batch[k] << shift;
				/* The last chunk may be partial: it ends the slot. */
				kvm_vm_clear_dirty_log(dvm->vm, s->id, &log[first / 64], first,
						       s->npages - first < (1ULL << shift) ?
						       s->npages - first : 1ULL << shift);
			}
			t2 = ds_now_ns();
			t->user_ns += t1 - t0;
			t->reset_ns += t2 - t1;
			t->calls += nb;
		}
	}
}

const struct ds_mode ds_mode_clear = {
	.name = "clear",
	.help = "MANUAL_DIRTY_LOG_PROTECT2: GET_DIRTY_LOG, then CLEAR_DIRTY_LOG in 2^shift-page chunks",
	.supported = clear_supported,
	.enable = clear_enable,
	.harvest = clear_harvest,
	.fills_set = true,
	.reset = clear_reset,
	.disable = ds_log_disable,
	.free = ds_log_free,
};
