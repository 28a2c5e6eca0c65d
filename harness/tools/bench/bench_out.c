// SPDX-License-Identifier: GPL-2.0
/*
 * The sweeps' tables (bench_table.c writes them): the summary, one row per
 * point and fraction, every figure as median, p99, min, max and sample
 * count; the raw per-round samples that plots of distributions and
 * `dirtysuite compare` need; -x fraction's crossover; and -x placement's
 * two tables: placement.tsv, one row per placement and mode (the cost,
 * what was asked, what was read back, the verdict), and
 * placement-readback.tsv, every thread and memslot of every point
 * (placement.h's columns, with the mode in front).  Every figure comes
 * summarised from bench_stats.c: nothing here computes one.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "mode.h"
#include "placement.h"
#include "util.h"

/* Column 1 of each sweep's tables: its x, with its unit. */
static const char *const sweep_x[] = {
	[SW_POINT] = "dirty_pct", [SW_FRACTION] = "dirty_pct",
	[SW_RING] = "ring_entries", [SW_SHIFT] = "clear_shift",
	[SW_VCPUS] = "vcpus", [SW_PLACEMENT] = "placement", [SW_LIVE] = "period_ms",
};

static const char *const ds_bm_names[BM_NR] = {
	[BM_HARVEST_NS] = "harvest_ns",
	[BM_GET_NS] = "get_ns",
	[BM_RESET_NS] = "reset_ns",
	[BM_USER_NS] = "user_ns",
	[BM_PAGES] = "pages",
	[BM_CALLS] = "calls",
	[BM_WALL_NS] = "wall_ns",
	[BM_WRITES] = "writes",
	[BM_FULL_EXITS] = "full_exits",
	[BM_STALL_NS] = "stall_ns",
	[BM_FREE_PAGES] = "free_pages",
	[BM_NS_PER_PAGE] = "ns_per_page",
	[BM_NS_PER_GIB] = "ns_per_GiB",
	[BM_USER_PCT] = "user_pct",
	[BM_WRITES_PER_S] = "writes_per_s",
};

static double x_of(const struct ds_sweep *s, const struct ds_point *p, unsigned int f)
{
	switch (s->o->kind) {
	case SW_RING:	return p->wl.ring_entries;
	case SW_SHIFT:	return p->wl.clear_shift;
	case SW_VCPUS:	return p->wl.nr_vcpus;
	default:	return p->fracs[f] / 1e4;
	}
}

#define FIXED_COLS 9
#define NCOLS (FIXED_COLS + BM_NR * 4 + 4)

static const char *const fixed_names[FIXED_COLS] = { NULL, "mem_MiB", "vcpus",
	"ring_entries", "clear_shift", "dirty_pct", "mode", "workload", "samples" };

/*
 * The fixed column that repeats the sweep's x (dirty_pct in a fraction
 * sweep, vcpus in a vcpus sweep), left out so that no table has a column
 * twice; FIXED_COLS when none does.
 */
static unsigned int dup_col(const struct ds_sweep *s)
{
	unsigned int i;

	for (i = 1; i < FIXED_COLS; i++)
		if (!strcmp(fixed_names[i], sweep_x[s->o->kind]))
			return i;
	return FIXED_COLS;
}

/* How many fixed columns a row of @s's tables starts with. */
static unsigned int nr_fixed(const struct ds_sweep *s)
{
	return dup_col(s) < FIXED_COLS ? FIXED_COLS - 1 : FIXED_COLS;
}

/* The fixed leading columns shared by both tables: nr_fixed() of them. */
static void fixed_vals(const struct ds_sweep *s, const struct ds_point *p,
		       unsigned int f, char v[][32])
{
	unsigned int dup = dup_col(s);

	ds_table_num(v[0], x_of(s, p, f));
	snprintf(v[1], 32, "%llu", (unsigned long long)(p->wl.mem_bytes >> 20));
	snprintf(v[2], 32, "%u", p->wl.nr_vcpus);
	snprintf(v[3], 32, "%u", p->wl.ring_entries);
	snprintf(v[4], 32, "%u", p->wl.clear_shift);
	ds_table_num(v[5], p->fracs[f] / 1e4);
	snprintf(v[6], 32, "%s", p->name);
	snprintf(v[7], 32, "%.31s", p->wl.name);
	snprintf(v[8], 32, "%u", p->res[f].n);
	if (dup < FIXED_COLS)
		memmove(v[dup], v[dup + 1], (FIXED_COLS - 1 - dup) * sizeof(v[0]));
}

static void col_names(const struct ds_sweep *s, char names[][32], const char **cols,
		      bool samples)
{
	static const char *const suf[4] = { "median", "p99", "min", "max" };
	unsigned int i, k, n = 0;

	for (i = 0; i < FIXED_COLS; i++)
		if (i != dup_col(s))
			cols[n++] = i ? fixed_names[i] : sweep_x[s->o->kind];
	if (samples)
		cols[n - 1] = "round";
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
		cols[n++] = "tax_lo_pct";	/* its 95 % interval (bench_tax.c) */
		cols[n++] = "tax_hi_pct";
		/* ok; overflow (bench.h); tax-bug: the tax's interval below zero */
		cols[n++] = "verdict";
	}
}

static void print_row(const struct ds_sweep *s, const struct ds_point *p,
		      unsigned int f, const struct ds_stat *st,
		      const struct ds_tax *tax)
{
	const struct ds_stat *h = &st[BM_HARVEST_NS];

	printf("%s %s=%.6g %llu MiB %u vCPUs %-6s", s->name,
	       sweep_x[s->o->kind], x_of(s, p, f),
	       (unsigned long long)(p->wl.mem_bytes >> 20), p->wl.nr_vcpus,
	       p->name);
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
	if (tax->bug)
		printf(", tracking tax: MEASUREMENT BUG (95%% interval %+.1f..%+.1f%%, all below zero: the baseline paid for what the tracked rounds did not)",
		       tax->lo, tax->hi);
	else if (!isnan(tax->pct))
		printf(", tracking tax %+.1f%% (95%% %+.1f..%+.1f%%)", tax->pct, tax->lo, tax->hi);
	if (p->wl.pat.pattern == (uint32_t)ds_pattern_find("churn") && p->mode)
		printf(", %.0f of %.0f harvested pages free at harvest (median)",
		       st[BM_FREE_PAGES].median, st[BM_PAGES].median);
	if (p->res[f].overflow)
		printf("; OVERFLOW: the ring filled past its soft limit (kernel bug), rounds from then on not measured");
	printf("\n");
}

/*
 * "overhead MODE: ..." on stdout: the median over the sweep's points of
 * each point's median, its range, and the goal it is held to.
 */
static void overhead_print(const struct ds_overhead *o, uint32_t rounds)
{
	unsigned int i;

	for (i = 0; i < o->nmodes; i++) {
		const struct ds_stat *p = &o->m[i].pct_st, *q = &o->m[i].ns_page_st;

		printf("overhead %-6s user_ns %.2f%% of harvest_ns (median of %u points, range %.2f..%.2f%%; each a median of %u rounds), %.2f ns/page; goal < 2%%: %s\n",
		       o->m[i].mode, p->median, p->n, p->min, p->max, rounds, q->median,
		       p->max < 2 ? "met" : p->median < 2 ? "met at the median" : "MISSED");
	}
}

bool ds_out_sweep(const struct ds_sweep *s, const char *meta)
{
	char names[NCOLS][32], vals[NCOLS][32], *vp[NCOLS], tname[300];
	const char *cols[NCOLS];
	unsigned int i, f, m, k, r, n, nf = nr_fixed(s);
	struct ds_table sum, smp;
	bool ok;

	for (i = 0; i < NCOLS; i++)
		vp[i] = vals[i];
	col_names(s, names, cols, false);
	ok = ds_table_open(&sum, s->o->outdir, s->table, cols,
			   nf + BM_NR * 4 + 4, meta);
	col_names(s, names, cols, true);
	snprintf(tname, sizeof(tname), "%s-samples", s->table);
	ok = ok && ds_table_open(&smp, s->o->outdir, tname, cols,
				 nf + BM_NR, meta);
	if (!ok)
		return false;
	for (i = 0; i < s->npts; i++) {
		const struct ds_point *p = &s->pts[i];

		for (f = 0; !p->skip && f < p->nfr; f++) {
			const struct ds_bench_res *res = &p->res[f];
			const struct ds_stat *st = p->st[f];

			fixed_vals(s, p, f, vals);
			n = nf;
			for (m = 0; m < BM_NR; m++) {
				ds_table_num(vals[n++], st[m].median);
				ds_table_num(vals[n++], st[m].p99);
				ds_table_num(vals[n++], st[m].min);
				ds_table_num(vals[n++], st[m].max);
			}
			ds_table_num(vals[n++], p->tax[f].bug ? NAN : p->tax[f].pct);
			ds_table_num(vals[n++], p->tax[f].lo);
			ds_table_num(vals[n++], p->tax[f].hi);
			strcpy(vals[n++], res->overflow ? "overflow" :
			       p->tax[f].bug ? "tax-bug" : "ok");
			ds_table_row(&sum, vp);
			print_row(s, p, f, st, &p->tax[f]);
			for (r = 0; r < res->n; r++) {
				snprintf(vals[nf - 1], 32, "%u", r);
				for (k = 0; k < BM_NR; k++)
					ds_table_num(vals[nf + k], res->v[k][r]);
				ds_table_row(&smp, vp);
			}
		}
	}
	overhead_print(&s->ovh, s->o->wl.rounds);
	ok = ds_table_close(&sum);
	return ds_table_close(&smp) && ok;
}

/*
 * crossover.tsv: per memory size, the dirty fraction above which the
 * bitmap's harvest (get + re-protect) costs less than the ring's (read,
 * reset, and the harvests done on ring-full exits).
 */
bool ds_out_crossover(const struct ds_sweep *s, const char *meta)
{
	static const char *const cols[] = { "mem_MiB", "crossover_dirty_pct",
		"samples", "verdict" };
	const struct ds_sweep_opts *o = s->o;
	double x[32];
	char v[4][128], *vp[4] = { v[0], v[1], v[2], v[3] };
	struct ds_table t;
	unsigned int m, f;

	if (!ds_table_open(&t, o->outdir, "crossover", cols, 4, meta))
		return false;
	for (f = 0; f < o->nr_fracs; f++)
		x[f] = o->fracs_ppm[f] / 1e4;
	for (m = 0; m < o->nr_mems; m++) {
		const struct ds_crossing *c = &s->cross[m];
		double at = c->at;

		snprintf(v[0], 128, "%llu", (unsigned long long)(o->mems[m] >> 20));
		ds_table_num(v[1], c->kind == DS_CROSS_AT ? at : NAN);
		snprintf(v[2], 128, "%u", o->wl.rounds);
		switch (c->kind) {
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
		if (c->left && c->kind != DS_CROSS_NODATA)
			snprintf(v[3] + strlen(v[3]), 128 - strlen(v[3]),
				 " (%u of %u fractions left out: not measured or ring overflow)",
				 c->left, o->nr_fracs);
		printf("crossover %llu MiB: %s (medians of %u rounds per point)\n",
		       (unsigned long long)(o->mems[m] >> 20), v[3], o->wl.rounds);
		ds_table_row(&t, vp);
	}
	return ds_table_close(&t);
}

static const char *const rb_cols[DS_RB_FIELDS + 1] = { "mode", "placement",
	"kind", "name", "tid", "requested", "cpus_allowed", "last_cpu",
	"last_core", "last_node", "pages_sampled", "pages_by_node" };

static const char *const pl_cols[] = { "placement", "mode", "samples",
	"harvest_ns_median", "harvest_ns_p99", "harvest_ns_min", "harvest_ns_max",
	"get_ns_median", "reset_ns_median", "user_ns_median", "user_pct_median",
	"pages_median", "ns_per_page_median", "wall_ns_median",
	"full_exits_median", "vcpus_requested", "harvest_requested",
	"mem_node_requested", "vcpu_last_cpus", "vcpu_last_nodes",
	"harvest_last_cpu", "harvest_last_node", "mem_pages_by_node",
	"misplaced", "verdict" };
#define PL_NCOLS DS_ARRAY_SIZE(pl_cols)

struct ds_place_out {
	struct ds_table sum, rbt;
};

struct ds_place_out *ds_out_place_open(const struct ds_sweep *s, const char *meta)
{
	struct ds_place_out *po = ds_calloc(1, sizeof(*po));
	char rbname[300];
	bool ok;

	snprintf(rbname, sizeof(rbname), "%s-readback", s->table);
	ok = ds_table_open(&po->sum, s->o->outdir, s->table, pl_cols, PL_NCOLS, meta);
	ok = ok && ds_table_open(&po->rbt, s->o->outdir, rbname, rb_cols,
				 DS_RB_FIELDS + 1, meta);
	if (ok)
		return po;
	free(po);
	return NULL;
}

static void fmt_g(char *buf, double v)
{
	snprintf(buf, 32, "%.6g", v);	/* "nan" for NaN, as the other tables */
}

/* @p's read-back rows, with its mode in front. */
static void readback_rows(struct ds_table *t, const struct ds_point *p)
{
	char *text, *line, *save, *f[DS_RB_FIELDS + 1], *q;
	unsigned int n;

	if (!p->rb.rows)
		return;
	text = strdup(p->rb.rows);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		f[0] = (char *)p->name;
		for (n = 1, q = line; n <= DS_RB_FIELDS && q; n++)
			f[n] = strsep(&q, "\t");
		ds_table_row(t, f);
	}
	free(text);
}

/* One row of placement.tsv, and its line on stdout. */
static void place_row(struct ds_table *t, const struct ds_point *p)
{
	static const enum ds_bm figs[] = { BM_GET_NS, BM_RESET_NS, BM_USER_NS,
		BM_USER_PCT, BM_PAGES, BM_NS_PER_PAGE, BM_WALL_NS, BM_FULL_EXITS };
	const struct ds_placement *pl = p->place;
	const struct ds_readback *rb = &p->rb;
	const struct ds_stat *st = p->st[0], *h = &st[BM_HARVEST_NS];
	const char *verdict = p->res[0].overflow ? "overflow" : rb->bad ? "misplaced" : "ok";
	char v[PL_NCOLS][128], *vp[PL_NCOLS];
	unsigned int i, n = 0;

	for (i = 0; i < PL_NCOLS; i++)
		vp[i] = v[i];
	snprintf(v[n++], 128, "%.31s", pl->name);
	snprintf(v[n++], 128, "%s", p->name);
	snprintf(v[n++], 128, "%u", p->res[0].n);
	fmt_g(v[n++], h->median);
	fmt_g(v[n++], h->p99);
	fmt_g(v[n++], h->min);
	fmt_g(v[n++], h->max);
	for (i = 0; i < DS_ARRAY_SIZE(figs); i++)
		fmt_g(v[n++], st[figs[i]].median);
	snprintf(v[n++], 128, "%s", *pl->vcpu_spec ? pl->vcpu_spec : "-");
	snprintf(v[n++], 128, "%s", *pl->harvest_spec ? pl->harvest_spec : "-");
	snprintf(v[n++], 128, "%d", pl->mem_node);
	snprintf(v[n++], 128, "%s", rb->vcpu_cpus);
	snprintf(v[n++], 128, "%s", rb->vcpu_nodes);
	snprintf(v[n++], 128, "%s", rb->harvest_cpu);
	snprintf(v[n++], 128, "%s", rb->harvest_node);
	snprintf(v[n++], 128, "%s", rb->mem);
	snprintf(v[n++], 128, "%d", rb->bad);
	snprintf(v[n++], 128, "%s", verdict);
	ds_table_row(t, vp);
	printf("placement %-10s %-6s harvest %.1f us median, p99 %.1f us (n=%u), %.1f ns/page, user %.2f%%; read back: vCPUs on CPU %s (node %s), harvester on CPU %s (node %s), memory pages by node %s; %s\n",
	       pl->name, p->name, h->median / 1e3, h->p99 / 1e3, h->n,
	       st[BM_NS_PER_PAGE].median, st[BM_USER_PCT].median, rb->vcpu_cpus,
	       rb->vcpu_nodes, rb->harvest_cpu, rb->harvest_node, rb->mem, verdict);
}

bool ds_out_place(struct ds_place_out *po, const struct ds_sweep *s)
{
	unsigned int i;
	bool ok;

	for (i = 0; i < s->npts; i++) {
		const struct ds_point *p = &s->pts[i];

		if (p->skip) {
			printf("# SKIP placement %s mode %s: %s\n", p->place->name,
			       p->name, p->skip);
			continue;
		}
		readback_rows(&po->rbt, p);
		place_row(&po->sum, p);
	}
	ok = ds_table_close(&po->sum);
	ok = ds_table_close(&po->rbt) && ok;
	free(po);
	return ok;
}
