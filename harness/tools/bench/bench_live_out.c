// SPDX-License-Identifier: GPL-2.0
/*
 * -x live's figures and tables.  Per point (mode, period):
 *   live.tsv       the guest's write rate and its tax against the off
 *                  points, first and last (95 % interval over the
 *                  periods' samples), the gaps between a vCPU's
 *                  consecutive writes (p50, p99, p99.9, max: the stall
 *                  the guest feels), the length of a whole pass, the
 *                  kernel time of the harvest per period (with what vCPU
 *                  threads harvested at soft-full exits), the harvester
 *                  thread's CPU per second, soft-full exits, and the
 *                  verdict;
 *   live-gaps.tsv  every point's gap histogram (bucket, count, and the
 *                  share of gaps at least that long), for the plot of
 *                  the stall distribution;
 *   live-passes.tsv every whole pass's length (the first DS_LIVE_PASSES
 *                  a vCPU made), for pooling runs (bench --validate).
 * A point that lost a page has verdict "lost" and no figures: what it
 * measured is not a measurement of dirty tracking that works.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "median.h"
#include "pattern.h"
#include "util.h"

/* The gap at quantile @q of @r's histogram, in µs (bucket midpoints). */
static double gap_us(const struct ds_live_res *r, double q)
{
	uint64_t total = 0, rank, seen = 0;
	uint32_t b;
	double lo, hi;

	for (b = 0; b < DS_GAP_BUCKETS; b++)
		total += r->gaps[b];
	if (!total)
		return NAN;
	rank = (uint64_t)ceil(q * total);
	if (!rank)
		rank = 1;
	for (b = 0; b < DS_GAP_BUCKETS; b++) {
		seen += r->gaps[b];
		if (seen >= rank)
			break;
	}
	lo = ds_gap_bucket_lo(b);
	hi = b + 1 < DS_GAP_BUCKETS ? ds_gap_bucket_lo(b + 1) : lo;
	/* Exact buckets hold one value; the rest, their middle. */
	return (hi - lo <= 1 ? lo : (lo + hi) / 2) / r->cyc_per_ns / 1e3;
}

/* Every off point's samples (the first and the last point) as one. */
static double *off_samples(const struct ds_sweep *s, uint32_t *n)
{
	const struct ds_live_res *r;
	double *v = NULL;
	unsigned int i;

	*n = 0;
	for (i = 0; i < s->npts; i++) {
		r = &s->pts[i].live;
		if (s->pts[i].mode || s->pts[i].skip || !r->n)
			continue;
		v = realloc(v, (*n + r->n) * sizeof(*v));
		memcpy(v + *n, r->ns_per_write, r->n * sizeof(*v));
		*n += r->n;
	}
	return v;
}

static void point_stats(struct ds_point *p, const double *off, uint32_t noff)
{
	const struct ds_live_res *r = &p->live;
	struct ds_live_stat *st = &p->lst;
	double s = r->wall_ns / 1e9;
	double *tmp;

	memset(st, 0, sizeof(*st));
	st->writes_per_s = r->writes / s;
	st->gap_us[0] = gap_us(r, 0.5);
	st->gap_us[1] = gap_us(r, 0.99);
	st->gap_us[2] = gap_us(r, 0.999);
	/* Untimed (live_gaps = 0): an empty histogram, no gaps at all. */
	st->gap_us[3] = isnan(st->gap_us[0]) ? NAN : r->max_gap / r->cyc_per_ns / 1e3;
	st->pass_ms = NAN;
	if (r->npass) {
		tmp = malloc(r->npass * sizeof(*tmp));
		memcpy(tmp, r->pass_ns, r->npass * sizeof(*tmp));
		st->pass_ms = ds_median_inplace(tmp, r->npass) / 1e6;
		free(tmp);
	}
	st->harvest_ms = p->mode && r->ticks ? r->harvest_ns / 1e6 / r->ticks : NAN;
	st->cpu_ms_per_s = p->mode ? r->harvester_cpu_ns / 1e6 / s : NAN;
	st->pages_per_s = p->mode ? r->pages / s : NAN;
	st->full_per_s = r->full_exits / s;
	st->full_ms_per_s = r->full_ns / 1e6 / s;
	st->tax.pct = st->tax.lo = st->tax.hi = NAN;
	if (p->mode && noff)
		ds_tax(r->ns_per_write, r->n, off, noff, &st->tax);
}

static const char *verdict(const struct ds_point *p)
{
	if (p->skip)
		return "skip";
	if (p->live.lost)
		return "lost";
	if (p->live.overflow)
		return "overflow";
	return p->lst.tax.bug ? "tax-bug" : "ok";
}

static const char *const cols[] = {
	"period_ms", "mem_MiB", "vcpus", "pattern", "dirty_pct", "mode",
	"live_ms", "samples", "writes_per_s", "tax_pct", "tax_lo_pct",
	"tax_hi_pct", "gap_p50_us", "gap_p99_us", "gap_p999_us", "gap_max_us",
	"pass_ms", "passes", "harvests", "late_harvests", "harvest_ms",
	"harvester_cpu_ms_per_s", "pages_per_s", "full_exits_per_s",
	"full_exit_ms_per_s", "written_pages", "lost_pages", "verdict",
};
#define NCOLS	DS_ARRAY_SIZE(cols)

/* @v, or "nan" where the point has no figures (skipped, or it lost a page). */
static void fmtd(char *buf, double v, bool shown)
{
	ds_table_num(buf, shown ? v : NAN);
}

static void row(struct ds_table *t, const struct ds_point *p)
{
	const struct ds_live_stat *st = &p->lst;
	const struct ds_live_res *r = &p->live;
	bool fig = !p->skip && !r->lost;
	char v[NCOLS][32];
	char *vals[NCOLS];
	unsigned int i, n = 0;

	snprintf(v[n++], 32, "%u", p->period_ms);
	snprintf(v[n++], 32, "%llu", (unsigned long long)(p->wl.mem_bytes >> 20));
	snprintf(v[n++], 32, "%u", p->wl.nr_vcpus);
	snprintf(v[n++], 32, "%s", ds_patterns[p->wl.pat.pattern].name);
	fmtd(v[n++], p->wl.pat.fraction_ppm / 1e4, true);
	snprintf(v[n++], 32, "%s", p->name);
	snprintf(v[n++], 32, "%u", p->wl.live_ms);
	snprintf(v[n++], 32, "%u", r->n);
	fmtd(v[n++], st->writes_per_s, fig);
	/* A tax whose interval lies below zero is no tax: the table says tax-bug. */
	fmtd(v[n++], st->tax.bug ? NAN : st->tax.pct, fig);
	fmtd(v[n++], st->tax.lo, fig);
	fmtd(v[n++], st->tax.hi, fig);
	for (i = 0; i < 4; i++)
		fmtd(v[n++], st->gap_us[i], fig);
	fmtd(v[n++], st->pass_ms, fig);
	snprintf(v[n++], 32, "%u", r->npass);
	snprintf(v[n++], 32, "%llu", (unsigned long long)(p->mode ? r->ticks : 0));
	snprintf(v[n++], 32, "%llu", (unsigned long long)r->late_ticks);
	fmtd(v[n++], st->harvest_ms, fig);
	fmtd(v[n++], st->cpu_ms_per_s, fig);
	fmtd(v[n++], st->pages_per_s, fig);
	fmtd(v[n++], st->full_per_s, fig);
	fmtd(v[n++], st->full_ms_per_s, fig);
	snprintf(v[n++], 32, "%llu", (unsigned long long)r->written);
	snprintf(v[n++], 32, "%llu", (unsigned long long)r->lost);
	snprintf(v[n++], 32, "%s", verdict(p));
	for (i = 0; i < NCOLS; i++)
		vals[i] = v[i];
	ds_table_row(t, vals);
}

static void line(const struct ds_point *p)
{
	const struct ds_live_stat *st = &p->lst;
	char tax[128], gaps[128];

	if (p->skip || p->live.lost)
		return;
	if (isnan(st->gap_us[0]))
		snprintf(gaps, sizeof(gaps), "gaps not timed (live_gaps = 0)");
	else
		snprintf(gaps, sizeof(gaps), "gap p50 %.2f us p99 %.1f us p99.9 %.1f us max %.1f us",
			 st->gap_us[0], st->gap_us[1], st->gap_us[2], st->gap_us[3]);
	if (!p->mode)
		snprintf(tax, sizeof(tax), "the baseline");
	else if (st->tax.bug)
		snprintf(tax, sizeof(tax), "tax MEASUREMENT BUG (95%% interval %+.1f..%+.1f%%, all below zero)",
			 st->tax.lo, st->tax.hi);
	else
		snprintf(tax, sizeof(tax), "tax %+.1f%% [%+.1f, %+.1f]", st->tax.pct,
			 st->tax.lo, st->tax.hi);
	printf("live every %u ms %-7s %.4g writes/s, %s; %s; pass %.1f ms; harvest %.3f ms, harvester CPU %.1f ms/s; %.1f full exits/s (%.1f ms/s)%s\n",
	       p->period_ms, p->name, st->writes_per_s, tax, gaps, st->pass_ms, st->harvest_ms, st->cpu_ms_per_s,
	       st->full_per_s, st->full_ms_per_s,
	       p->live.overflow ? "; RING OVERFLOW (suite/known-issues)" : "");
}

/* One row per gap bucket a point's vCPUs met, with its ccdf for the plot. */
static void gap_rows(struct ds_table *t, const struct ds_point *p)
{
	char v[5][32], *vals[5] = { v[0], v[1], v[2], v[3], v[4] };
	uint64_t total, above;
	uint32_t b;

	for (b = 0, total = 0; b < DS_GAP_BUCKETS; b++)
		total += p->live.gaps[b];
	for (b = 0, above = total; b < DS_GAP_BUCKETS; b++) {
		if (!p->live.gaps[b])
			continue;
		/* ccdf: the share of gaps at least this long. */
		snprintf(v[4], 32, "%.6g", (double)above / total);
		above -= p->live.gaps[b];
		snprintf(v[0], 32, "%u", p->period_ms);
		snprintf(v[1], 32, "%s", p->name);
		snprintf(v[2], 32, "%.6g", ds_gap_bucket_lo(b) / p->live.cyc_per_ns / 1e3);
		snprintf(v[3], 32, "%llu", (unsigned long long)p->live.gaps[b]);
		ds_table_row(t, vals);
	}
}

/* One row per harvest pass: the samples bench-validate compares. */
static void pass_rows(struct ds_table *t, const struct ds_point *p)
{
	char v[4][32], *vals[4] = { v[0], v[1], v[2], v[3] };
	uint32_t j;

	for (j = 0; j < p->live.npass; j++) {
		snprintf(v[0], 32, "%u", p->period_ms);
		snprintf(v[1], 32, "%s", p->name);
		snprintf(v[2], 32, "%u", j);
		ds_table_num(v[3], p->live.pass_ns[j] / 1e6);
		ds_table_row(t, vals);
	}
}

/*
 * The table <sweep>-@suffix: @rows' rows for every point that measured
 * and lost nothing (a lossy point has no figures, only its failure).
 */
static bool point_table(const struct ds_sweep *s, const char *meta,
			const char *suffix, const char *const *tcols,
			unsigned int ntcols,
			void (*rows)(struct ds_table *, const struct ds_point *))
{
	struct ds_table t;
	char name[96];
	unsigned int i;

	snprintf(name, sizeof(name), "%s-%s", s->table, suffix);
	if (!ds_table_open(&t, s->o->outdir, name, tcols, ntcols, meta))
		return false;
	for (i = 0; i < s->npts; i++)
		if (!s->pts[i].skip && !s->pts[i].live.lost)
			rows(&t, &s->pts[i]);
	return ds_table_close(&t);
}

bool ds_out_live(struct ds_sweep *s, const char *meta)
{
	static const char *const gcols[] = { "period_ms", "mode", "gap_us",
					     "count", "ccdf" };
	static const char *const pcols[] = { "period_ms", "mode", "pass",
					     "pass_ms" };
	struct ds_table t;
	unsigned int i;
	uint32_t noff;
	double *off = off_samples(s, &noff);
	bool ok;

	for (i = 0; i < s->npts; i++) {
		if (s->pts[i].skip)
			continue;
		point_stats(&s->pts[i], off, noff);
		if (s->pts[i].live.lost)
			s->failed = true;
	}
	if (!ds_table_open(&t, s->o->outdir, s->table, cols, NCOLS, meta))
		return false;
	for (i = 0; i < s->npts; i++) {
		row(&t, &s->pts[i]);
		line(&s->pts[i]);
	}
	free(off);
	ok = ds_table_close(&t);
	ok = point_table(s, meta, "gaps", gcols, 5, gap_rows) && ok;
	return point_table(s, meta, "passes", pcols, 4, pass_rows) && ok;
}
