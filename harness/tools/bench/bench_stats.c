// SPDX-License-Identifier: GPL-2.0
/*
 * Statistics: every point's samples summarised per figure, and what the
 * tables compare across points (the tracking tax against the baseline,
 * the harness's overhead per mode, -x fraction's crossover).
 *
 * Order statistics over one figure's samples: p99 is the nearest-rank
 * percentile: with fewer than 100 samples it is the maximum, which is the
 * honest answer; the sample count is printed beside it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "mode.h"
#include "median.h"
#include "util.h"

static void stat_of(const double *v, uint32_t n, struct ds_stat *s)
{
	double *sorted = ds_calloc(n, sizeof(double));
	uint32_t i, m = 0;

	for (i = 0; i < n; i++)
		if (!isnan(v[i]))
			sorted[m++] = v[i];
	s->n = m;
	if (!m) {
		s->median = s->p99 = s->min = s->max = NAN;
		free(sorted);
		return;
	}
	qsort(sorted, m, sizeof(double), ds_cmp_double);
	s->min = sorted[0];
	s->max = sorted[m - 1];
	s->median = ds_median_sorted(sorted, m);
	/* ceil(0.99 m) without libm */
	s->p99 = sorted[(99 * m + 99) / 100 - 1];
	free(sorted);
}

/*
 * Where cost curve @b (the bitmap) becomes cheaper than @a (the ring),
 * with x ascending: the last point where a - b turns from negative to
 * positive, interpolated linearly in log x because the sweep's x steps
 * are geometric.  Returns DS_CROSS_AT with *at set, or why there is none.
 */
static int crossover(const double *xs, const double *as, const double *bs,
			 unsigned int ns, double *at)
{
	double d0, d1, l0, l1, x[64], a[64], b[64];
	int i, last = -1, pos = 0, neg = 0;
	unsigned int k, n = 0;

	/*
	 * A point one curve lacks (a ring that overflowed there) is left out;
	 * the crossover is sought among the points both curves have.
	 */
	for (k = 0; k < ns && n < 64; k++)
		if (!isnan(as[k]) && !isnan(bs[k])) {
			x[n] = xs[k];
			a[n] = as[k];
			b[n++] = bs[k];
		}
	for (i = 0; i < (int)n; i++) {
		pos += a[i] > b[i];
		neg += a[i] <= b[i];
		if (i && a[i - 1] <= b[i - 1] && a[i] > b[i])
			last = i;
	}
	if (!n)
		return DS_CROSS_NODATA;
	if (!neg)
		return DS_CROSS_B_ALWAYS;
	if (!pos || last < 0)
		return DS_CROSS_A_ALWAYS;
	d0 = a[last - 1] - b[last - 1];
	d1 = a[last] - b[last];
	l0 = log(x[last - 1]);
	l1 = log(x[last]);
	*at = exp(l0 + (l1 - l0) * (0 - d0) / (d1 - d0));
	return DS_CROSS_AT;
}

static void overhead_add(struct ds_overhead *o, const char *mode,
			 const struct ds_stat *st)
{
	double pct = st[BM_USER_PCT].median, pages = st[BM_PAGES].median;
	unsigned int i;

	if (isnan(pct))
		return;
	for (i = 0; i < o->nmodes && strcmp(o->m[i].mode, mode); i++)
		;
	if (i == DS_OVH_MODES || o->m[i].n == DS_OVH_POINTS)
		return;
	if (i == o->nmodes)
		o->m[o->nmodes++].mode = mode;
	o->m[i].pct[o->m[i].n] = pct;
	o->m[i].ns_page[o->m[i].n++] = pages > 0 ? st[BM_USER_NS].median / pages : NAN;
}

/* The baseline's rounds for the same VM shape and fraction, or NULL. */
static const struct ds_bench_res *baseline_res(const struct ds_sweep *s,
					       const struct ds_point *p,
					       unsigned int f)
{
	unsigned int i, g;

	for (i = 0; i < s->npts; i++) {
		const struct ds_point *q = &s->pts[i];

		if (q->mode || q->skip || q->wl.mem_bytes != p->wl.mem_bytes ||
		    q->wl.nr_vcpus != p->wl.nr_vcpus)
			continue;
		for (g = 0; g < q->nfr; g++)
			if (q->fracs[g] == p->fracs[f])
				return &q->res[g];
	}
	return NULL;
}

/* The median harvest cost of @mode at @mem for each fraction, or NaN. */
static void mode_curve(const struct ds_sweep *s, const char *mode, uint64_t mem,
		       double *y)
{
	unsigned int i, f;

	for (f = 0; f < s->o->nr_fracs; f++)
		y[f] = NAN;
	for (i = 0; i < s->npts; i++) {
		const struct ds_point *p = &s->pts[i];

		if (!p->mode || p->skip || strcmp(p->mode->name, mode) ||
		    p->wl.mem_bytes != mem)
			continue;
		/* A ring that lost entries harvested less than it should. */
		for (f = 0; f < p->nfr; f++)
			y[f] = p->res[f].overflow ? NAN : p->st[f][BM_HARVEST_NS].median;
	}
}

/*
 * Per memory size, the dirty fraction above which the bitmap's harvest
 * (get + re-protect) costs less than the ring's (read, reset, and the
 * harvests done on ring-full exits).
 */
static void crossings(struct ds_sweep *s)
{
	const struct ds_sweep_opts *o = s->o;
	double x[32], ring[32], bitmap[32];
	unsigned int m, f;

	for (f = 0; f < o->nr_fracs; f++)
		x[f] = o->fracs_ppm[f] / 1e4;
	for (m = 0; m < o->nr_mems; m++) {
		struct ds_crossing *c = &s->cross[m];

		mode_curve(s, "ring", o->mems[m], ring);
		mode_curve(s, "bitmap", o->mems[m], bitmap);
		c->at = NAN;
		c->kind = crossover(x, ring, bitmap, o->nr_fracs, &c->at);
		for (f = 0, c->left = 0; f < o->nr_fracs; f++)
			c->left += isnan(ring[f]) || isnan(bitmap[f]);
	}
}

void ds_sweep_stats(struct ds_sweep *s)
{
	struct ds_overhead *o = &s->ovh;
	unsigned int i, f, m;

	for (i = 0; i < s->npts; i++) {
		struct ds_point *p = &s->pts[i];

		for (f = 0; !p->skip && f < p->nfr; f++)
			for (m = 0; m < BM_NR; m++)
				stat_of(p->res[f].v[m], p->res[f].n, &p->st[f][m]);
	}
	for (i = 0; i < s->npts; i++) {
		struct ds_point *p = &s->pts[i];

		for (f = 0; !p->skip && f < p->nfr; f++) {
			const struct ds_bench_res *b = baseline_res(s, p, f);
			const struct ds_bench_res *r = &p->res[f];

			p->tax[f] = (struct ds_tax){ NAN, NAN, NAN, false };
			if (p->mode && b)
				ds_tax(r->v[BM_WALL_NS], r->n, b->v[BM_WALL_NS], b->n,
				       &p->tax[f]);
			/* The placement sweep has no overhead lines. */
			if (p->mode && !p->place && !p->res[f].overflow)
				overhead_add(o, p->mode->name, p->st[f]);
		}
	}
	for (m = 0; m < o->nmodes; m++) {
		stat_of(o->m[m].pct, o->m[m].n, &o->m[m].pct_st);
		stat_of(o->m[m].ns_page, o->m[m].n, &o->m[m].ns_page_st);
	}
	if (s->o->kind == SW_FRACTION)
		crossings(s);
}
