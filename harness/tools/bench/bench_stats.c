// SPDX-License-Identifier: GPL-2.0
/*
 * Order statistics over one figure's samples.  p99 is the nearest-rank
 * percentile: with fewer than 100 samples it is the maximum, which is the
 * honest answer; the sample count is printed beside it.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "median.h"
#include "util.h"

const char *const ds_bm_names[BM_NR] = {
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

void ds_stat_of(const double *v, uint32_t n, struct ds_stat *s)
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

void ds_bench_res_init(struct ds_bench_res *r, uint32_t rounds)
{
	unsigned int i;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < BM_NR; i++)
		r->v[i] = ds_calloc(rounds, sizeof(double));
}

void ds_bench_res_free(struct ds_bench_res *r)
{
	unsigned int i;

	for (i = 0; i < BM_NR; i++)
		free(r->v[i]);
	memset(r, 0, sizeof(*r));
}

/*
 * Where cost curve @b (the bitmap) becomes cheaper than @a (the ring),
 * with x ascending: the last point where a - b turns from negative to
 * positive, interpolated linearly in log x because the sweep's x steps
 * are geometric.  Returns DS_CROSS_AT with *at set, or why there is none.
 */
int ds_crossover(const double *xs, const double *as, const double *bs,
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

void ds_overhead_add(struct ds_overhead *o, const char *mode,
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

/*
 * "overhead MODE: ..." on stdout: the median over the sweep's points of
 * each point's median, its range, and the goal it is held to.
 */
void ds_overhead_print(const struct ds_overhead *o, uint32_t rounds)
{
	struct ds_stat p, q;
	unsigned int i;

	for (i = 0; i < o->nmodes; i++) {
		ds_stat_of(o->m[i].pct, o->m[i].n, &p);
		ds_stat_of(o->m[i].ns_page, o->m[i].n, &q);
		printf("overhead %-6s user_ns %.2f%% of harvest_ns (median of %u points, range %.2f..%.2f%%; each a median of %u rounds), %.2f ns/page; goal < 2%%: %s\n",
		       o->m[i].mode, p.median, p.n, p.min, p.max, rounds, q.median,
		       p.max < 2 ? "met" : p.median < 2 ? "met at the median" : "MISSED");
	}
}
