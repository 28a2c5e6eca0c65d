// SPDX-License-Identifier: GPL-2.0
/*
 * The sweeps.  Each sweep kind turns its options into points (one VM
 * each), runs them with progress on stderr, and writes two tables: the
 * summary (one row per point and fraction, every figure as median, p99,
 * min, max and sample count) and the raw per-round samples that plots of
 * distributions and `dirtysuite compare` need.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "mode.h"
#include "util.h"

static const char *const sweep_names[] = {
	[SW_POINT] = "point", [SW_FRACTION] = "fraction", [SW_RING] = "ring",
	[SW_SHIFT] = "shift", [SW_VCPUS] = "vcpus", [SW_PLACEMENT] = "placement",
};
const char *ds_sweep_name(enum ds_sweep_kind k)
{
	return sweep_names[k];
}

const char *ds_sweep_table(const struct ds_sweep_opts *o)
{
	return o->name ? o->name : sweep_names[o->kind];
}

static const char *mode_name(const struct sw_point *p)
{
	return p->mode ? p->mode->name : "off";
}

static void add_point(struct sweep *s, const struct ds_workload *wl,
		      const struct ds_mode *mode, const uint32_t *fracs,
		      unsigned int nfr)
{
	struct sw_point *p;

	if (s->npts == MAX_POINTS)
		return;
	p = &s->pts[s->npts++];
	p->wl = *wl;
	p->mode = mode;
	p->nfr = nfr;
	memcpy(p->fracs, fracs, nfr * sizeof(*fracs));
}

/* Every mode of the workload, and the tracking-off baseline first. */
static void add_all_modes(struct sweep *s, const struct ds_workload *wl,
			  const uint32_t *fracs, unsigned int nfr)
{
	const struct ds_mode *modes[16];
	unsigned int i, n = ds_bench_modes(wl, modes, 16);

	add_point(s, wl, NULL, fracs, nfr);
	for (i = 0; i < n; i++)
		add_point(s, wl, modes[i], fracs, nfr);
}

static void add_one_mode(struct sweep *s, const struct ds_workload *wl,
			 const char *name)
{
	const struct ds_mode *m = ds_mode_find(name);

	if (!m) {
		fprintf(stderr, "ds-bench: sweep %s: mode '%s' is not in this build: skipped\n",
			sweep_names[s->o->kind], name);
		printf("# SKIP sweep %s: mode %s not in this build\n",
		       sweep_names[s->o->kind], name);
		return;
	}
	add_point(s, wl, m, &wl->pat.fraction_ppm, 1);
}

static void make_points(struct sweep *s)
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
	default:	/* placement: bench_place.c */
		break;
	}
}

/* Rough cost of a step, in faulted MiB: the unit the ETA is scaled by. */
static double step_weight(const struct sw_point *p, unsigned int f)
{
	double mib = p->wl.mem_bytes / 1048576.0;
	double rounds = p->wl.rounds + p->wl.warmup;
	double w = mib * rounds * (p->fracs[f] / 1e6 + 0.02);

	if (!p->mode)
		w *= 0.3;	/* no write-protect faults without tracking */
	return w + (f == 0 ? mib : 0);	/* the prefault round */
}

static void progress(struct sweep *s, const struct sw_point *p, unsigned int f)
{
	double el = (ds_now_ns() - s->t_start) / 1e9;
	double eta = s->done_w > 0 ? el * (s->total_w - s->done_w) / s->done_w : NAN;

	fprintf(stderr, "ds-bench: %s [%u/%u, %u left] %llu MiB %u vCPUs %s dirty %.4g%% ring %u shift %u; %.0f s elapsed, ETA %s%.0f s\n",
		sweep_names[s->o->kind], s->step + 1, s->steps,
		s->steps - s->step - 1,
		(unsigned long long)(p->wl.mem_bytes >> 20), p->wl.nr_vcpus,
		mode_name(p), p->fracs[f] / 1e4, p->wl.ring_entries,
		p->wl.clear_shift, el, isnan(eta) ? "~" : "", isnan(eta) ? 0 : eta);
}

static void run_points(struct sweep *s)
{
	unsigned int i, f;

	for (i = 0; i < s->npts; i++)
		for (f = 0; f < s->pts[i].nfr; f++) {
			s->total_w += step_weight(&s->pts[i], f);
			s->steps++;
		}
	s->t_start = ds_now_ns();
	for (i = 0; i < s->npts; i++) {
		struct sw_point *p = &s->pts[i];
		struct ds_bench_vm *b;

		progress(s, p, 0);
		b = ds_bench_open(&p->wl, p->mode, &p->skip);
		if (!b) {
			printf("# SKIP mode %s: %s\n", mode_name(p), p->skip);
			for (f = 0; f < p->nfr; f++) {
				s->done_w += step_weight(p, f);
				s->step++;
			}
			continue;
		}
		for (f = 0; f < p->nfr; f++) {
			if (f)
				progress(s, p, f);
			ds_bench_res_init(&p->res[f], p->wl.rounds);
			/* An overflowed ring stays broken: the next fraction gets a new VM. */
			if (!ds_bench_measure(b, p->fracs[f], &p->res[f]) &&
			    f + 1 < p->nfr) {
				ds_bench_close(b);
				b = ds_bench_open(&p->wl, p->mode, &p->skip);
			}
			s->done_w += step_weight(p, f);
			s->step++;
		}
		ds_bench_close(b);
	}
}

int ds_sweep_run(const struct ds_sweep_opts *o)
{
	struct sweep s = { .o = o };
	char meta[256];
	unsigned int i, f;
	bool ok;

	if (o->kind == SW_PLACEMENT)
		return ds_place_sweep_run(o);
	s.pts = ds_calloc(MAX_POINTS, sizeof(*s.pts));
	make_points(&s);
	snprintf(meta, sizeof(meta), "sweep=%s workload=%s pattern=%s rounds=%u warmup=%u backing=%u memslots=%u",
		 sweep_names[o->kind], o->wl.name, ds_patterns[o->wl.pat.pattern].name,
		 o->wl.rounds, o->wl.warmup, o->wl.backing, o->wl.nr_slots);
	run_points(&s);
	ok = ds_sweep_write_tables(&s, meta);
	if (o->kind == SW_FRACTION)
		ok &= ds_crossover_write(&s, meta);
	fprintf(stderr, "ds-bench: %s done in %.0f s\n", sweep_names[o->kind],
		(ds_now_ns() - s.t_start) / 1e9);
	for (i = 0; i < s.npts; i++)
		for (f = 0; f < s.pts[i].nfr; f++)
			ds_bench_res_free(&s.pts[i].res[f]);
	free(s.pts);
	return ok ? 0 : 3;
}
