// SPDX-License-Identifier: GPL-2.0
/*
 * The tracking tax with its uncertainty: how much longer a guest round
 * takes with tracking on than off, the ratio of the two medians of their
 * per-round wall times, with a 95 % percentile-bootstrap interval (2000
 * resamples of each side, a fixed seed, so a table is reproducible).
 *
 * Tracking never makes the guest write faster.  A tax whose whole interval
 * lies below zero therefore says the baseline paid for something the
 * tracked rounds did not (first-touch faults, a slower VM): a bug in the
 * measurement, which the tables report as such instead of the number.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "median.h"

#define TAX_RESAMPLES	2000

/* xorshift64*: enough for resampling, and the same every run. */
static uint64_t next(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

/* The median of a resample of @v's @n non-NaN values (@n > 0), via @tmp. */
static double resample_median(const double *v, uint32_t n, double *tmp,
			      uint64_t *seed)
{
	uint32_t i;

	for (i = 0; i < n; i++)
		tmp[i] = v[next(seed) % n];
	return ds_median_inplace(tmp, n);
}

/* @v's non-NaN values, packed into a new array; their count in *@n. */
static double *packed(const double *v, uint32_t nv, uint32_t *n)
{
	double *out = malloc((nv ? nv : 1) * sizeof(*out));
	uint32_t i;

	for (i = 0, *n = 0; i < nv; i++)
		if (!isnan(v[i]))
			out[(*n)++] = v[i];
	return out;
}

void ds_tax(const double *on, uint32_t non, const double *off, uint32_t noff,
	    struct ds_tax *t)
{
	uint32_t na, nb, i;
	double *a = packed(on, non, &na), *b = packed(off, noff, &nb);
	double *tmp, *r, ma, mb;
	uint64_t seed = 0x7a3d5eedULL;

	t->pct = t->lo = t->hi = NAN;
	t->bug = false;
	if (na && nb) {
		tmp = malloc((na > nb ? na : nb) * sizeof(*tmp));
		memcpy(tmp, a, na * sizeof(*tmp));
		ma = ds_median_inplace(tmp, na);
		memcpy(tmp, b, nb * sizeof(*tmp));
		mb = ds_median_inplace(tmp, nb);
		r = malloc(TAX_RESAMPLES * sizeof(*r));
		for (i = 0; i < TAX_RESAMPLES; i++)
			r[i] = resample_median(a, na, tmp, &seed) /
			       resample_median(b, nb, tmp, &seed);
		qsort(r, TAX_RESAMPLES, sizeof(*r), ds_cmp_double);
		if (mb > 0) {
			t->pct = 100 * (ma / mb - 1);
			t->lo = 100 * (r[TAX_RESAMPLES / 40] - 1);
			t->hi = 100 * (r[TAX_RESAMPLES - 1 - TAX_RESAMPLES / 40] - 1);
			t->bug = t->hi < 0;
		}
		free(r);
		free(tmp);
	}
	free(a);
	free(b);
}
