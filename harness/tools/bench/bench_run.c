// SPDX-License-Identifier: GPL-2.0
/*
 * One benchmark VM's life.  Its memory is faulted in once, by a round of
 * seq at 100%, so that no measured round pays for first-touch faults that
 * have nothing to do with tracking; then each fraction gets its warm-up
 * and measured rounds.  The fraction is changed by rewriting the pattern
 * in the guest's copy of ds_params while every vCPU is stopped at its
 * GUEST_SYNC: the guest re-reads it at the start of each round.
 */
#include <math.h>
#include <string.h>

#include "bench.h"
#include "guest.h"
#include "mode.h"
#include "placement.h"
#include "util.h"

struct ds_bench_vm {
	struct ds_vm *dvm;
	struct ds_workload wl;
	bool tracking;
	struct ds_set harvested;
	struct ds_pattern_params *guest_pat;	/* the guest's copy, host view */
};

unsigned int ds_bench_modes(const struct ds_workload *wl,
			    const struct ds_mode **out, unsigned int max)
{
	unsigned int i, j, n = 0;

	for (i = 0; i < ds_nr_modes && n < max; i++) {
		bool want = !wl->nr_modes;

		for (j = 0; j < wl->nr_modes; j++)
			want |= !strcmp(wl->modes[j], ds_modes[i]->name);
		if (want)
			out[n++] = ds_modes[i];
	}
	return n;
}

static void vm_cfg_of(const struct ds_workload *wl, const struct ds_mode *mode,
		      struct ds_vm_cfg *cfg)
{
	uint64_t pages = wl->mem_bytes >> DS_PAGE_SHIFT;
	uint32_t i;

	ds_vm_cfg_default(cfg);
	cfg->nr_vcpus = wl->nr_vcpus;
	cfg->nr_slots = wl->nr_slots;
	for (i = 0; i < wl->nr_slots; i++)
		cfg->slot_pages[i] = pages / wl->nr_slots;
	cfg->backing = (enum ds_backing)wl->backing;
	cfg->map_2m = wl->backing != DS_WL_ANON;
	cfg->mode = mode;
	cfg->mcfg.ring_entries = wl->ring_entries;
	cfg->mcfg.clear_shift = wl->clear_shift;
	/* A ring overflow is a result here, not the end of the sweep. */
	cfg->mcfg.halt_on_overflow = true;
	cfg->pat = wl->pat;
}

static void set_guest_pattern(struct ds_bench_vm *b, uint32_t pattern,
			      uint32_t ppm)
{
	b->guest_pat->pattern = pattern;
	b->guest_pat->fraction_ppm = ppm;
}

static void harvest_discard(struct ds_bench_vm *b)
{
	struct ds_htimes t = { 0 };

	if (!b->tracking)
		return;
	ds_set_zero(&b->harvested);
	ds_harvest(b->dvm, &b->harvested, &t);
}

static void set_logging(struct ds_vm *dvm, uint32_t flags)
{
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++)
		ds_vm_slot_flags(dvm, &dvm->slots[i], flags);
}

struct ds_bench_vm *ds_bench_open_placed(const struct ds_workload *wl,
					 const struct ds_mode *mode,
					 struct ds_placement *place,
					 const char **skip)
{
	struct ds_bench_vm *b;
	struct ds_vm_cfg cfg;

	/* The baseline runs the bitmap's VM with logging switched off. */
	vm_cfg_of(wl, mode ?: ds_mode_find("bitmap"), &cfg);
	if (place)
		ds_placement_apply(place, &cfg);
	*skip = cfg.mode->supported(&cfg.mcfg);
	if (*skip)
		return NULL;
	b = ds_calloc(1, sizeof(*b));
	b->wl = *wl;
	b->tracking = mode;
	b->dvm = ds_vm_create(&cfg);
	/*
	 * Fault everything in with logging off: faster, and a small ring
	 * would otherwise be flooded by a whole-memory pass.  Turning logging
	 * back on write-protects every page, as enabling it does first time.
	 */
	set_logging(b->dvm, 0);
	ds_set_init(&b->harvested, b->dvm->nr_pages);
	b->guest_pat = &((struct ds_guest_params *)
			 addr_gva2hva(b->dvm->vm, (vm_vaddr_t)&ds_params))->pat;
	set_guest_pattern(b, ds_pattern_find("seq"), 1000000);
	ds_vm_round(b->dvm);
	if (mode)
		set_logging(b->dvm, KVM_MEM_LOG_DIRTY_PAGES);
	harvest_discard(b);
	return b;
}

struct ds_bench_vm *ds_bench_open(const struct ds_workload *wl,
				  const struct ds_mode *mode, const char **skip)
{
	return ds_bench_open_placed(wl, mode, NULL, skip);
}

struct ds_vm *ds_bench_dvm(struct ds_bench_vm *b)
{
	return b->dvm;
}

/* Harvested pages that the guest's free map marks free right now. */
static uint64_t count_free(struct ds_bench_vm *b)
{
	struct ds_vm *dvm = b->dvm;
	uint64_t per = dvm->nr_pages / dvm->cfg.nr_vcpus, p, n = 0;
	uint32_t owner;

	for (p = ds_set_next(&b->harvested, 0); p < b->harvested.nbits;
	     p = ds_set_next(&b->harvested, p + 1)) {
		owner = p / per < dvm->cfg.nr_vcpus ? p / per : dvm->cfg.nr_vcpus - 1;
		n += ds_bit_test(addr_gva2hva(dvm->vm, ds_params.freemap_gva[owner]),
				 p - per * owner);
	}
	return n;
}

static void vcpu_exit_totals(struct ds_vm *dvm, uint64_t *exits, uint64_t *stall)
{
	uint32_t i;

	*exits = *stall = 0;
	for (i = 0; i < dvm->cfg.nr_vcpus; i++) {
		*exits += dvm->vcpus[i].ring_full_exits;
		*stall += dvm->vcpus[i].stall_ns;
	}
}

/*
 * One round, kept as a sample when @keep.  False when the ring overflowed
 * in it: a round the overflow cut short (the VM halted) is no sample; one
 * that completed is, since its exits and stall are what overflowed.
 */
static bool one_round(struct ds_bench_vm *b, struct ds_bench_res *r, bool keep)
{
	struct ds_vm *dvm = b->dvm;
	struct ds_htimes t = { 0 };
	uint64_t t0, t1, ex0, st0, ex1, st1, writes = 0, ov0 = dvm->overflows;
	double **v = r->v, gib = b->wl.mem_bytes / (double)(1ULL << 30);
	uint32_t i, k = r->n;

	vcpu_exit_totals(dvm, &ex0, &st0);
	t0 = ds_now_ns();
	ds_vm_round(dvm);
	t1 = ds_now_ns();
	if (dvm->halted) {
		r->overflow = true;
		return false;
	}
	r->overflow = dvm->overflows != ov0;
	vcpu_exit_totals(dvm, &ex1, &st1);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		writes += dvm->vcpus[i].round_writes;
	if (b->tracking) {
		/*
		 * Emptied before the clock starts: on a nested host with
		 * shadow paging the first touch of a page after the round
		 * costs ~0.7 us, which would land on whichever mode wrote
		 * the set first and is no cost of dirty tracking.
		 */
		ds_set_zero(&b->harvested);
		ds_harvest(dvm, &b->harvested, &t);
	}
	if (!keep)
		return !r->overflow;
	v[BM_HARVEST_NS][k] = t.get_ns + t.reset_ns;
	v[BM_GET_NS][k] = t.get_ns;
	v[BM_RESET_NS][k] = t.reset_ns;
	v[BM_USER_NS][k] = t.user_ns;
	v[BM_PAGES][k] = t.pages;
	v[BM_CALLS][k] = t.calls;
	v[BM_WALL_NS][k] = t1 - t0;
	v[BM_WRITES][k] = writes;
	v[BM_FULL_EXITS][k] = ex1 - ex0;
	v[BM_STALL_NS][k] = st1 - st0;
	v[BM_FREE_PAGES][k] = b->tracking ? count_free(b) : NAN;
	v[BM_NS_PER_PAGE][k] = t.pages ? v[BM_HARVEST_NS][k] / t.pages : NAN;
	v[BM_NS_PER_GIB][k] = b->tracking ? v[BM_HARVEST_NS][k] / gib : NAN;
	v[BM_USER_PCT][k] = v[BM_HARVEST_NS][k] > 0 ?
			    100.0 * t.user_ns / v[BM_HARVEST_NS][k] : NAN;
	v[BM_WRITES_PER_S][k] = writes * 1e9 / (t1 - t0);
	if (!b->tracking)
		for (i = BM_HARVEST_NS; i <= BM_CALLS; i++)
			v[i][k] = NAN;
	r->n++;
	return !r->overflow;
}

bool ds_bench_measure(struct ds_bench_vm *b, uint32_t ppm, struct ds_bench_res *r)
{
	uint32_t i;

	set_guest_pattern(b, b->wl.pat.pattern, ppm);
	for (i = 0; i < b->wl.warmup; i++)
		if (!one_round(b, r, false))
			return false;
	for (i = 0; i < b->wl.rounds; i++)
		if (!one_round(b, r, true))
			return false;
	return true;
}

void ds_bench_close(struct ds_bench_vm *b)
{
	if (!b)
		return;
	ds_vm_destroy(b->dvm);
	ds_set_free(&b->harvested);
	free(b);
}
