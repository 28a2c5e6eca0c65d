// SPDX-License-Identifier: GPL-2.0
/*
 * The sweeps.  Each sweep kind turns its options into points (one VM
 * each), and then hands the points down the stages of bench.h one after
 * the other: every point is run (bench_run.c, progress on stderr), then
 * summarised (bench_stats.c), then written out (bench_out.c).  Nothing
 * below calls back up here: the sweep's and its tables' names go down in
 * struct ds_sweep.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "bench.h"
#include "mode.h"
#include "placement.h"
#include "util.h"

#define PL_MAX		4	/* same-core, other-core, other-node */

static const char *const sweep_names[] = {
	[SW_POINT] = "point", [SW_FRACTION] = "fraction", [SW_RING] = "ring",
	[SW_SHIFT] = "shift", [SW_VCPUS] = "vcpus", [SW_PLACEMENT] = "placement",
	[SW_LIVE] = "live",
};
const char *ds_sweep_name(enum ds_sweep_kind k)
{
	return sweep_names[k];
}

/* The modes of @wl that this build has, in table order. */
static unsigned int wl_modes(const struct ds_workload *wl,
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

static void add_point(struct ds_sweep *s, const struct ds_workload *wl,
		      const struct ds_mode *mode, struct ds_placement *place,
		      const uint32_t *fracs, unsigned int nfr)
{
	struct ds_point *p;

	if (s->npts == DS_MAX_POINTS)
		return;
	p = &s->pts[s->npts++];
	p->wl = *wl;
	p->mode = mode;
	p->name = !mode ? "off" : wl->waitqueue ? "ring-wq" : mode->name;
	/* A sweep's own placement, or the workload's pins, or the kernel's choice. */
	p->place = place ? place : s->o->pin;
	p->nfr = nfr;
	memcpy(p->fracs, fracs, nfr * sizeof(*fracs));
}

/* Every mode of the workload, and the tracking-off baseline first. */
static void add_all_modes(struct ds_sweep *s, const struct ds_workload *wl,
			  const uint32_t *fracs, unsigned int nfr)
{
	const struct ds_mode *modes[16];
	unsigned int i, n = wl_modes(wl, modes, 16);

	add_point(s, wl, NULL, NULL, fracs, nfr);
	for (i = 0; i < n; i++)
		add_point(s, wl, modes[i], NULL, fracs, nfr);
}

static void add_one_mode(struct ds_sweep *s, const struct ds_workload *wl,
			 const char *name)
{
	const struct ds_mode *m = ds_mode_find(name);

	if (!m) {
		fprintf(stderr, "ds-bench: sweep %s: mode '%s' is not in this build: skipped\n",
			s->name, name);
		printf("# SKIP sweep %s: mode %s not in this build\n", s->name, name);
		return;
	}
	add_point(s, wl, m, NULL, &wl->pat.fraction_ppm, 1);
}

/*
 * -x placement: every mode of the workload (no baseline) under each
 * standard placement of ds_placement_sweep() (the vCPUs on core 0; the
 * harvester on the same core, on another core, on another NUMA node with
 * the memory on the first, each only where this machine has it), at the
 * workload's dirty fraction.
 */
static void add_placements(struct ds_sweep *s, const struct ds_workload *wl)
{
	static struct ds_placement pl[PL_MAX];
	const struct ds_mode *modes[16];
	unsigned int nm = wl_modes(wl, modes, 16), m;
	int np = ds_placement_sweep(pl, PL_MAX), i;

	if (!np)
		printf("# SKIP sweep placement: no placement of the standard set exists here\n");
	for (i = 0; i < np; i++)
		for (m = 0; m < nm; m++)
			add_point(s, wl, modes[m], &pl[i], &wl->pat.fraction_ppm, 1);
}

/*
 * -x live: per period, every mode of the workload, and the ring again as
 * the wait-queue ring (kernel/patches; a SKIP row where the kernel lacks
 * it), so its stalls show beside the exit-based ring's; an off point
 * first and last, whose samples together are the throughput every tax
 * is measured against.
 */
static void add_live_point(struct ds_sweep *s, const struct ds_workload *wl,
			   const struct ds_mode *mode, uint32_t period_ms)
{
	uint32_t n = s->npts;

	add_point(s, wl, mode, NULL, &wl->pat.fraction_ppm, 1);
	if (s->npts > n)
		s->pts[n].period_ms = period_ms;
}

static void add_live(struct ds_sweep *s, const struct ds_workload *wl)
{
	const struct ds_mode *modes[16];
	unsigned int nm = wl_modes(wl, modes, 16), i, m;
	const uint32_t *per = s->o->periods_ms;
	struct ds_workload wq = *wl;

	wq.waitqueue = 1;
	add_live_point(s, wl, NULL, per[0]);
	for (i = 0; i < s->o->nr_periods; i++)
		for (m = 0; m < nm; m++) {
			add_live_point(s, wl, modes[m], per[i]);
			if (!strcmp(modes[m]->name, "ring") && !wl->waitqueue)
				add_live_point(s, &wq, modes[m], per[i]);
		}
	/* Off again last: a drift of the host over the sweep hits both sides. */
	add_live_point(s, wl, NULL, per[0]);
}

static void make_points(struct ds_sweep *s)
{
	const struct ds_sweep_opts *o = s->o;
	struct ds_workload wl = o->wl;
	unsigned int i;

	switch (o->kind) {
	case SW_POINT:
		add_all_modes(s, &wl, &wl.pat.fraction_ppm, 1);
		break;
	case SW_FRACTION:
		for (i = 0; i < o->nr_mems; i++) {
			wl.mem_bytes = o->mems[i];
			add_all_modes(s, &wl, o->fracs_ppm, o->nr_fracs);
		}
		break;
	case SW_RING:
		for (i = 0; i < o->nr_rings; i++) {
			wl.ring_entries = o->rings[i];
			add_one_mode(s, &wl, "ring");
		}
		break;
	case SW_SHIFT:
		for (i = 0; i < o->nr_shifts; i++) {
			wl.clear_shift = o->shifts[i];
			add_one_mode(s, &wl, "clear");
		}
		break;
	case SW_VCPUS:
		for (i = 0; i < o->nr_vcpus; i++) {
			wl.nr_vcpus = o->vcpus[i];
			add_all_modes(s, &wl, &wl.pat.fraction_ppm, 1);
		}
		break;
	case SW_PLACEMENT:
		add_placements(s, &wl);
		break;
	case SW_LIVE:
		add_live(s, &wl);
		break;
	default:
		break;
	}
}

static void run_points(struct ds_sweep *s)
{
	unsigned int i, f;

	for (i = 0; i < s->npts; i++)
		for (f = 0; f < s->pts[i].nfr; f++) {
			s->prog.total_w += ds_point_weight(&s->pts[i], f);
			s->prog.steps++;
		}
	for (i = 0; i < s->npts; i++)
		if (s->o->kind == SW_LIVE)
			ds_live_point_run(&s->pts[i], &s->prog);
		else
			ds_point_run(&s->pts[i], &s->prog);
}

static void meta_of(const struct ds_sweep *s, char *meta, size_t len)
{
	const struct ds_sweep_opts *o = s->o;

	if (o->kind == SW_LIVE)
		snprintf(meta, len, "sweep=live workload=%s pattern=%s dirty_pct=%.4g mem_MiB=%llu vcpus=%u live_ms=%u live_gaps=%u ring_entries=%u clear_shift=%u",
			 o->wl.name, ds_patterns[o->wl.pat.pattern].name,
			 o->wl.pat.fraction_ppm / 1e4,
			 (unsigned long long)(o->wl.mem_bytes >> 20), o->wl.nr_vcpus,
			 o->wl.live_ms, o->wl.live_gaps, o->wl.ring_entries, o->wl.clear_shift);
	else if (o->kind == SW_PLACEMENT)
		snprintf(meta, len, "sweep=placement workload=%s pattern=%s dirty_pct=%.4g mem_MiB=%llu vcpus=%u rounds=%u warmup=%u",
			 o->wl.name, ds_patterns[o->wl.pat.pattern].name,
			 o->wl.pat.fraction_ppm / 1e4,
			 (unsigned long long)(o->wl.mem_bytes >> 20), o->wl.nr_vcpus,
			 o->wl.rounds, o->wl.warmup);
	else
		snprintf(meta, len, "sweep=%s workload=%s pattern=%s rounds=%u warmup=%u backing=%u memslots=%u",
			 s->name, o->wl.name, ds_patterns[o->wl.pat.pattern].name,
			 o->wl.rounds, o->wl.warmup, o->wl.backing, o->wl.nr_slots);
}

/*
 * The host memory the whole sweep took at its peak, on stdout: a sparse
 * guest of many GiB must cost the host about the pages it dirtied.
 */
static void done(const struct ds_sweep *s)
{
	struct rusage ru;

	fprintf(stderr, "ds-bench: %s done in %.0f s\n", s->name,
		(ds_now_ns() - s->prog.t_start) / 1e9);
	if (!getrusage(RUSAGE_SELF, &ru))
		printf("host_max_rss_MiB %.1f\n", ru.ru_maxrss / 1024.0);
	printf("guest_writes %llu\n", (unsigned long long)ds_bench_guest_writes());
}

/*
 * -x placement opens its tables before it runs anything, so that a run
 * whose read-back could not be kept pins no thread; it has done so since
 * its rows were written as each point ran.
 */
static bool place_sweep(struct ds_sweep *s, const char *meta)
{
	struct ds_place_out *po = ds_out_place_open(s, meta);

	if (!po)
		return false;
	make_points(s);
	run_points(s);
	ds_sweep_stats(s);
	done(s);
	return ds_out_place(po, s);
}

static bool sweep(struct ds_sweep *s, const char *meta)
{
	bool ok;

	make_points(s);
	run_points(s);
	if (s->o->kind == SW_LIVE) {
		ok = ds_out_live(s, meta);
		done(s);
		return ok;
	}
	ds_sweep_stats(s);
	ok = ds_out_sweep(s, meta);
	if (s->o->kind == SW_FRACTION)
		ok &= ds_out_crossover(s, meta);
	done(s);
	return ok;
}

int ds_sweep_run(const struct ds_sweep_opts *o)
{
	struct ds_sweep s = { .o = o, .name = sweep_names[o->kind] };
	char meta[512];
	unsigned int i;
	bool ok;

	s.table = o->name ? o->name : s.name;
	s.prog.sweep = s.name;
	s.prog.t_start = ds_now_ns();
	s.pts = ds_calloc(DS_MAX_POINTS, sizeof(*s.pts));
	meta_of(&s, meta, sizeof(meta));
	if (o->pin)
		snprintf(meta + strlen(meta), sizeof(meta) - strlen(meta),
			 " vcpu_cpus=%s harvest_cpu=%s",
			 o->pin->vcpu_spec[0] ? o->pin->vcpu_spec : "none",
			 o->pin->harvest_pinned ? o->pin->harvest_spec : "none");
	ok = o->kind == SW_PLACEMENT ? place_sweep(&s, meta) : sweep(&s, meta);
	for (i = 0; i < s.npts; i++)
		ds_point_free(&s.pts[i]);
	free(s.pts);
	if (!ok)
		return 3;
	return s.failed ? 1 : 0;
}
