// SPDX-License-Identifier: GPL-2.0
/*
 * The sweeps' tables (bench_table.c writes them): the summary, one row per
 * point and fraction, every figure as median, p99, min, max and sample
 * count; the raw per-round samples that plots of distributions and
 * `dirtysuite compare` need; and -x fraction's crossover.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "mode.h"
#include "util.h"

/* Column 1 of each sweep's tables: its x, with its unit. */
static const char *const sweep_x[] = {
	[SW_POINT] = "dirty_pct", [SW_FRACTION] = "dirty_pct",
	[SW_RING] = "ring_entries", [SW_SHIFT] = "clear_shift",
	[SW_VCPUS] = "vcpus", [SW_PLACEMENT] = "placement",
};

static const char *mode_name(const struct sw_point *p)
{
	return p->mode ? p->mode->name : "off";
}

/* The baseline's median round wall time for the same VM shape and fraction. */
static double baseline_wall(const struct sweep *s, const struct sw_point *p,
			    unsigned int f)
{
	struct ds_stat st;
	unsigned int i, g;

	for (i = 0; i < s->npts; i++) {
		const struct sw_point *q = &s->pts[i];

		if (q->mode || q->skip || q->wl.mem_bytes != p->wl.mem_bytes ||
		    q->wl.nr_vcpus != p->wl.nr_vcpus)
			continue;
		for (g = 0; g < q->nfr; g++)
			if (q->fracs[g] == p->fracs[f]) {
				ds_stat_of(q->res[g].v[BM_WALL_NS], q->res[g].n, &st);
				return st.median;
			}
	}
	return NAN;
}

static double x_of(const struct sweep *s, const struct sw_point *p, unsigned int f)
{
	switch (s->o->kind) {
	case SW_RING:	return p->wl.ring_entries;
	case SW_SHIFT:	return p->wl.clear_shift;
	case SW_VCPUS:	return p->wl.nr_vcpus;
	default:	return p->fracs[f] / 1e4;
	}
}

#define FIXED_COLS 9
#define NCOLS (FIXED_COLS + BM_NR * 4 + 2)

static void fmt(char *buf, double v)
{
	if (isnan(v))
		strcpy(buf, "nan");
	else
		snprintf(buf, 32, "%.6g", v);
}

/* The fixed leading columns shared by both tables. */
static void fixed_vals(const struct sweep *s, const struct sw_point *p,
		       unsigned int f, char v[][32])
{
	fmt(v[0], x_of(s, p, f));
	snprintf(v[1], 32, "%llu", (unsigned long long)(p->wl.mem_bytes >> 20));
	snprintf(v[2], 32, "%u", p->wl.nr_vcpus);
	snprintf(v[3], 32, "%u", p->wl.ring_entries);
	snprintf(v[4], 32, "%u", p->wl.clear_shift);
	fmt(v[5], p->fracs[f] / 1e4);
	snprintf(v[6], 32, "%s", mode_name(p));
	snprintf(v[7], 32, "%.31s", p->wl.name);
	snprintf(v[8], 32, "%u", p->res[f].n);
}

static void col_names(const struct sweep *s, char names[][32], const char **cols,
		      bool samples)
{
	static const char *const fixed[FIXED_COLS] = { NULL, "mem_MiB", "vcpus",
		"ring_entries", "clear_shift", "dirty_pct", "mode", "workload",
		"samples" };
	static const char *const suf[4] = { "median", "p99", "min", "max" };
	unsigned int i, k, n = 0;

	for (i = 0; i < FIXED_COLS; i++)
		cols[n++] = i ? fixed[i] : sweep_x[s->o->kind];
	if (samples)
		cols[FIXED_COLS - 1] = "round";
	for (i = 0; i < BM_NR; i++) {
		if (samples) {
			cols[n++] = ds_bm_names[i];
			continue;
		}
		for (k = 0; k < 4; k++) {
			snprintf(names[n], 32, "%s_%s", ds_bm_names[i], suf[k]);
			cols[n] = names[n];
			n++;
		}
	}
	if (!samples) {
		cols[n++] = "tax_pct";
		cols[n++] = "verdict";	/* ok, or overflow (bench.h) */
	}
}

static void print_row(const struct sweep *s, const struct sw_point *p,
		      unsigned int f, struct ds_stat *st, double tax)
{
	struct ds_stat *h = &st[BM_HARVEST_NS];

	printf("%s %s=%.6g %llu MiB %u vCPUs %-6s", ds_sweep_name(s->o->kind),
	       sweep_x[s->o->kind], x_of(s, p, f),
	       (unsigned long long)(p->wl.mem_bytes >> 20), p->wl.nr_vcpus,
	       mode_name(p));
	if (p->mode)
		printf(" harvest %.1f us median, p99 %.1f us, min %.1f, max %.1f (n=%u); get %.1f us, reset %.1f us, %.0f pages, %.1f ns/page, %.3g ms/GiB, user %.2f%% (%.1f us); %.0f full exits, stall %.1f us;",
		       h->median / 1e3, h->p99 / 1e3, h->min / 1e3, h->max / 1e3,
		       h->n, st[BM_GET_NS].median / 1e3,
		       st[BM_RESET_NS].median / 1e3, st[BM_PAGES].median,
		       st[BM_NS_PER_PAGE].median, st[BM_NS_PER_GIB].median / 1e6,
		       st[BM_USER_PCT].median, st[BM_USER_NS].median / 1e3,
		       st[BM_FULL_EXITS].median, st[BM_STALL_NS].median / 1e3);
	printf(" round %.2f ms median (n=%u), guest %.3g writes/s", st[BM_WALL_NS].median / 1e6,
	       st[BM_WALL_NS].n, st[BM_WRITES_PER_S].median);
	if (!isnan(tax))
		printf(", tracking tax %+.1f%%", tax);
	if (p->wl.pat.pattern == (uint32_t)ds_pattern_find("churn") && p->mode)
		printf(", %.0f of %.0f harvested pages free at harvest (median)",
		       st[BM_FREE_PAGES].median, st[BM_PAGES].median);
	if (p->res[f].overflow)
		printf("; OVERFLOW: the ring filled past its soft limit (kernel bug), rounds from then on not measured");
	printf("\n");
}

bool ds_sweep_write_tables(struct sweep *s, const char *meta)
{
	char names[NCOLS][32], vals[NCOLS][32], *vp[NCOLS], tname[300];
	const char *cols[NCOLS];
	struct ds_table sum, smp;
	struct ds_stat st[BM_NR];
	struct ds_overhead ovh = { 0 };
	unsigned int i, f, m, k, r, n;
	bool ok;

	for (i = 0; i < NCOLS; i++)
		vp[i] = vals[i];
	col_names(s, names, cols, false);
	ok = ds_table_open(&sum, s->o->outdir, ds_sweep_table(s->o), cols, NCOLS, meta);
	col_names(s, names, cols, true);
	snprintf(tname, sizeof(tname), "%s-samples", ds_sweep_table(s->o));
	ok = ok && ds_table_open(&smp, s->o->outdir, tname, cols,
				 FIXED_COLS + BM_NR, meta);
	if (!ok)
		return false;
	for (i = 0; i < s->npts; i++) {
		struct sw_point *p = &s->pts[i];

		for (f = 0; !p->skip && f < p->nfr; f++) {
			struct ds_bench_res *res = &p->res[f];
			double tax = NAN, base = baseline_wall(s, p, f);

			fixed_vals(s, p, f, vals);
			n = FIXED_COLS;
			for (m = 0; m < BM_NR; m++) {
				ds_stat_of(res->v[m], res->n, &st[m]);
				fmt(vals[n++], st[m].median);
				fmt(vals[n++], st[m].p99);
				fmt(vals[n++], st[m].min);
				fmt(vals[n++], st[m].max);
			}
			if (p->mode && base > 0)
				tax = 100.0 * (st[BM_WALL_NS].median / base - 1);
			fmt(vals[n++], tax);
			strcpy(vals[n++], res->overflow ? "overflow" : "ok");
			ds_table_row(&sum, vp);
			print_row(s, p, f, st, tax);
			if (p->mode && !res->overflow)
				ds_overhead_add(&ovh, p->mode->name, st);
			for (r = 0; r < res->n; r++) {
				snprintf(vals[FIXED_COLS - 1], 32, "%u", r);
				for (k = 0; k < BM_NR; k++)
					fmt(vals[FIXED_COLS + k], res->v[k][r]);
				ds_table_row(&smp, vp);
			}
		}
	}
	ds_overhead_print(&ovh, s->o->wl.rounds);
	ok = ds_table_close(&sum);
	return ds_table_close(&smp) && ok;
}

/* The median harvest cost of @mode at @mem for each fraction, or NaN. */
static void mode_curve(const struct sweep *s, const char *mode, uint64_t mem,
		       double *y)
{
	struct ds_stat st;
	unsigned int i, f;

	for (f = 0; f < s->o->nr_fracs; f++)
		y[f] = NAN;
	for (i = 0; i < s->npts; i++) {
		const struct sw_point *p = &s->pts[i];

		if (!p->mode || p->skip || strcmp(p->mode->name, mode) ||
		    p->wl.mem_bytes != mem)
			continue;
		for (f = 0; f < p->nfr; f++) {
			ds_stat_of(p->res[f].v[BM_HARVEST_NS], p->res[f].n, &st);
			/* A ring that lost entries harvested less than it should. */
			y[f] = p->res[f].overflow ? NAN : st.median;
		}
	}
}

/*
 * crossover.tsv: per memory size, the dirty fraction above which the
 * bitmap's harvest (get + re-protect) costs less than the ring's (read,
 * reset, and the harvests done on ring-full exits).
 */
bool ds_crossover_write(struct sweep *s, const char *meta)
{
	static const char *const cols[] = { "mem_MiB", "crossover_dirty_pct",
		"samples", "verdict" };
	const struct ds_sweep_opts *o = s->o;
	double x[32], ring[32], bitmap[32], at = NAN;
	char v[4][128], *vp[4] = { v[0], v[1], v[2], v[3] };
	struct ds_table t;
	unsigned int m, f, left;
	int kind;

	if (!ds_table_open(&t, o->outdir, "crossover", cols, 4, meta))
		return false;
	for (f = 0; f < o->nr_fracs; f++)
		x[f] = o->fracs_ppm[f] / 1e4;
	for (m = 0; m < o->nr_mems; m++) {
		mode_curve(s, "ring", o->mems[m], ring);
		mode_curve(s, "bitmap", o->mems[m], bitmap);
		kind = ds_crossover(x, ring, bitmap, o->nr_fracs, &at);
		snprintf(v[0], 128, "%llu", (unsigned long long)(o->mems[m] >> 20));
		fmt(v[1], kind == DS_CROSS_AT ? at : NAN);
		snprintf(v[2], 128, "%u", o->wl.rounds);
		switch (kind) {
		case DS_CROSS_AT:
			snprintf(v[3], 128, "bitmap cheaper than ring above %.3g%% dirty", at);
			break;
		case DS_CROSS_A_ALWAYS:
			snprintf(v[3], 128, "no crossover in %.3g..%.3g%%: ring cheaper throughout",
				 x[0], x[o->nr_fracs - 1]);
			break;
		case DS_CROSS_B_ALWAYS:
			snprintf(v[3], 128, "no crossover in %.3g..%.3g%%: bitmap cheaper throughout",
				 x[0], x[o->nr_fracs - 1]);
			break;
		default:
			snprintf(v[3], 128, "no crossover: ring or bitmap not measured here");
		}
		for (f = 0, left = 0; f < o->nr_fracs; f++)
			left += isnan(ring[f]) || isnan(bitmap[f]);
		if (left && kind != DS_CROSS_NODATA)
			snprintf(v[3] + strlen(v[3]), 128 - strlen(v[3]),
				 " (%u of %u fractions left out: not measured or ring overflow)",
				 left, o->nr_fracs);
		printf("crossover %llu MiB: %s (medians of %u rounds per point)\n",
		       (unsigned long long)(o->mems[m] >> 20), v[3], o->wl.rounds);
		ds_table_row(&t, vp);
	}
	return ds_table_close(&t);
}
