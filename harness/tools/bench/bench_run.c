// SPDX-License-Identifier: GPL-2.0
/*
 * Running one point: its VM's life, from which come the raw samples of
 * every fraction (and, for a placed point, the read-back of bench_place.c).
 * The VM's memory is faulted in once, by a round of seq at 100%, so that
 * no measured round pays for first-touch faults that have nothing to do
 * with tracking; then each fraction gets its warm-up and measured rounds.
 * The fraction is changed by rewriting the pattern in the guest's copy of
 * ds_params while every vCPU is stopped at its GUEST_SYNC: the guest
 * re-reads it at the start of each round.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "guest.h"
#include "mode.h"
#include "placement.h"
#include "util.h"
#include "vcpu_watch.h"

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
	cfg->mcfg.waitqueue = wl->waitqueue;
	/* A ring overflow is a result here, not the end of the sweep. */
	cfg->mcfg.halt_on_overflow = true;
	cfg->pat = wl->pat;
	cfg->spin_wait = wl->spin_wait;
}

void ds_bench_vm_pattern(struct ds_bench_vm *b, uint32_t pattern,
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

/*
 * Create the VM of @wl with @mode (NULL: tracking off, the baseline),
 * placed as @place says (NULL: not placed; it outlives the VM), and fault
 * every page in once unless the workload is sparse (populate = none).
 * NULL with *skip set when the mode cannot run.
 */
struct ds_bench_vm *ds_bench_vm_open(const struct ds_workload *wl,
				     const struct ds_mode *mode,
				     struct ds_placement *place, const char **skip)
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
	ds_vm_slots_flags(b->dvm, 0);
	ds_set_init(&b->harvested, b->dvm->nr_pages);
	b->guest_pat = &((struct ds_guest_params *)
			 addr_gva2hva(b->dvm->vm, (vm_vaddr_t)&ds_params))->pat;
	if (wl->populate == DS_WL_POPULATE_ALL) {
		ds_bench_vm_pattern(b, ds_pattern_find("seq"), 1000000);
		ds_vm_round(b->dvm);
	}
	if (mode)
		ds_vm_slots_flags(b->dvm, KVM_MEM_LOG_DIRTY_PAGES);
	harvest_discard(b);
	return b;
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

void ds_bench_vm_exits(struct ds_vm *dvm, uint64_t *exits, uint64_t *stall)
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

	ds_bench_vm_exits(dvm, &ex0, &st0);
	t0 = ds_now_ns();
	ds_vm_round(dvm);
	t1 = ds_now_ns();
	if (dvm->halted) {
		r->overflow = true;
		return false;
	}
	r->overflow = dvm->overflows != ov0;
	ds_bench_vm_exits(dvm, &ex1, &st1);
	for (i = 0; i < dvm->cfg.nr_vcpus; i++)
		writes += dvm->vcpus[i].round_writes;
	if (b->tracking) {
		/*
		 * Emptied before the clock starts: on a nested host with
		 * shadow paging the first touch of a page after the round
		 * costs about 1 us, which would land on whichever mode wrote
		 * the set first and is no cost of dirty tracking.  With
		 * warm_set = 0 a mode whose get writes every word of it
		 * gets it as its last get left it, untouched since, as
		 * dirty_log_perf_test's get gets its bitmap: the
		 * manual-protect get then reads what the perf test's
		 * does (6.7 us against 7.0, the fastest 5 % of 28
		 * samples each), and 4.9 us with the set touched.
		 */
		if (b->wl.warm_set || !dvm->mode->fills_set)
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

/*
 * wl->warmup discarded rounds, then wl->rounds measured, at @ppm dirty.
 * False when the VM overflowed (r->overflow) and cannot measure again.
 */
static bool vm_measure(struct ds_bench_vm *b, uint32_t ppm, struct ds_bench_res *r)
{
	uint32_t i;

	ds_bench_vm_pattern(b, b->wl.pat.pattern, ppm);
	for (i = 0; i < b->wl.warmup; i++)
		if (!one_round(b, r, false))
			return false;
	for (i = 0; i < b->wl.rounds; i++)
		if (!one_round(b, r, true))
			return false;
	return true;
}

/* Every write every VM of this process made: for the emulation probe. */
static uint64_t guest_writes;

uint64_t ds_bench_guest_writes(void)
{
	return guest_writes;
}

void ds_bench_vm_close(struct ds_bench_vm *b)
{
	if (!b)
		return;
	guest_writes += ds_vm_writes(b->dvm);
	ds_vm_destroy(b->dvm);
	ds_set_free(&b->harvested);
	free(b);
}

static void res_init(struct ds_bench_res *r, uint32_t rounds)
{
	unsigned int i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < BM_NR; i++)
		r->v[i] = ds_calloc(rounds, sizeof(double));
}

static void res_free(struct ds_bench_res *r)
{
	unsigned int i;

	for (i = 0; i < BM_NR; i++)
		free(r->v[i]);
	memset(r, 0, sizeof(*r));
}

void ds_point_free(struct ds_point *p)
{
	unsigned int f;

	for (f = 0; f < p->nfr; f++)
		res_free(&p->res[f]);
	free(p->rb.rows);
	free(p->live.ns_per_write);
	p->live.ns_per_write = NULL;
	p->rb.rows = NULL;
}

/* Rough cost of a step, in faulted MiB: the unit the ETA is scaled by. */
double ds_point_weight(const struct ds_point *p, unsigned int f)
{
	double mib = p->wl.mem_bytes / 1048576.0;
	double rounds = p->wl.rounds + p->wl.warmup;
	double w = mib * rounds * (p->fracs[f] / 1e6 + 0.02);

	/* A live point: its run, and about a ms a MiB to populate. */
	if (p->period_ms)
		return p->wl.live_ms + mib;

	if (!p->mode)
		w *= 0.3;	/* no write-protect faults without tracking */
	return w + (f == 0 ? mib : 0);	/* the prefault round */
}

void ds_point_progress(const struct ds_progress *pr, const struct ds_point *p,
		       unsigned int f)
{
	const struct ds_placement *pl = p->place;
	double el = (ds_now_ns() - pr->t_start) / 1e9;
	double eta = pr->done_w > 0 ? el * (pr->total_w - pr->done_w) / pr->done_w : NAN;

	if (pl) {
		fprintf(stderr, "ds-bench: %s [%u/%u] %s %s: vCPUs %s, harvester %s, memory %s%.0d; %.0f s elapsed\n",
			pr->sweep, pr->step + 1, pr->steps, pl->name, p->name,
			pl->vcpu_spec, pl->harvest_spec,
			pl->mem_node < 0 ? "unbound" : "node ",
			pl->mem_node < 0 ? 0 : pl->mem_node, el);
		return;
	}
	if (p->period_ms) {
		fprintf(stderr, "ds-bench: %s [%u/%u, %u left] %llu MiB %u vCPUs %s every %u ms for %u ms; %.0f s elapsed, ETA %s%.0f s\n",
			pr->sweep, pr->step + 1, pr->steps, pr->steps - pr->step - 1,
			(unsigned long long)(p->wl.mem_bytes >> 20), p->wl.nr_vcpus,
			p->name, p->period_ms, p->wl.live_ms, el,
			isnan(eta) ? "~" : "", isnan(eta) ? 0 : eta);
		return;
	}
	fprintf(stderr, "ds-bench: %s [%u/%u, %u left] %llu MiB %u vCPUs %s dirty %.4g%% ring %u shift %u; %.0f s elapsed, ETA %s%.0f s\n",
		pr->sweep, pr->step + 1, pr->steps, pr->steps - pr->step - 1,
		(unsigned long long)(p->wl.mem_bytes >> 20), p->wl.nr_vcpus,
		p->name, p->fracs[f] / 1e4, p->wl.ring_entries,
		p->wl.clear_shift, el, isnan(eta) ? "~" : "", isnan(eta) ? 0 : eta);
}

void ds_point_step(struct ds_progress *pr, const struct ds_point *p,
		   unsigned int f)
{
	pr->done_w += ds_point_weight(p, f);
	pr->step++;
}

void ds_point_run(struct ds_point *p, struct ds_progress *pr)
{
	struct ds_bench_vm *b;
	struct ds_affinity mine;
	unsigned int f;

	ds_point_progress(pr, p, 0);
	ds_affinity_save(p, &mine);
	if (p->place)
		p->place->errors = 0;	/* failed binds: counted per VM */
	b = ds_bench_vm_open(&p->wl, p->mode, p->place, &p->skip);
	if (!b) {
		/* -x placement's skips are lines among its rows (bench_out.c). */
		if (!p->place || !p->place->name[0])
			printf("# SKIP mode %s: %s\n", p->name, p->skip);
		for (f = 0; f < p->nfr; f++)
			ds_point_step(pr, p, f);
		ds_affinity_restore(&mine);	/* pinned before it failed */
		return;
	}
	for (f = 0; f < p->nfr; f++) {
		if (f)
			ds_point_progress(pr, p, f);
		res_init(&p->res[f], p->wl.rounds);
		/* An overflowed ring stays broken: the next fraction gets a new VM. */
		if (!vm_measure(b, p->fracs[f], &p->res[f]) && f + 1 < p->nfr) {
			ds_bench_vm_close(b);
			b = ds_bench_vm_open(&p->wl, p->mode, p->place, &p->skip);
		}
		ds_point_step(pr, p, f);
		if (!b) {
			/* No VM to go on with: the rest stay without samples. */
			printf("# point %s: no new VM after the overflow (%s): its other fractions not measured\n",
			       p->name, p->skip ?: "?");
			p->skip = NULL;	/* what it measured stands */
			for (f++; f < p->nfr; f++) {
				res_init(&p->res[f], p->wl.rounds);
				ds_point_step(pr, p, f);
			}
			break;
		}
	}
	/* Where the threads ran, read while the VM still exists. */
	if (p->place && b) {
		ds_place_read_back(p->place, b->dvm, &p->rb);
		ds_pin_check(p);
	}
	if (b)
		ds_bench_vm_close(b);
	ds_affinity_restore(&mine);
}
