// SPDX-License-Identifier: GPL-2.0
/* The statistics of ds-compare: medians and the Mann-Whitney U test. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "median.h"

double cmp_median(const double *v, size_t n)
{
	double *s, m;

	if (!n)
		return NAN;
	s = malloc(n * sizeof(*s));
	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), ds_cmp_double);
	m = ds_median_sorted(s, n);
	free(s);
	return m;
}

struct ranked {
	double v;
	int side;	/* 0: a, 1: b */
};

static int cmp_ranked(const void *x, const void *y)
{
	return ds_cmp_double(&((const struct ranked *)x)->v,
			  &((const struct ranked *)y)->v);
}

void cmp_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
		      double *u, double *p)
{
	size_t n = na + nb, i, j;
	struct ranked *r;
	double ra = 0, ties = 0, mu, sigma, z, t;

	*u = NAN;
	*p = 1;
	if (!na || !nb)
		return;
	r = malloc(n * sizeof(*r));
	for (i = 0; i < na; i++)
		r[i] = (struct ranked){ a[i], 0 };
	for (i = 0; i < nb; i++)
		r[na + i] = (struct ranked){ b[i], 1 };
	qsort(r, n, sizeof(*r), cmp_ranked);
	/* Average ranks over runs of equal values; remember the tie sizes. */
	for (i = 0; i < n; i = j) {
		for (j = i; j < n && r[j].v == r[i].v; j++)
			;
		t = j - i;
		ties += t * t * t - t;
		for (size_t k = i; k < j; k++)
			if (!r[k].side)
				ra += (i + j + 1) / 2.0;	/* mean of ranks i+1..j */
	}
	free(r);
	*u = ra - na * (na + 1) / 2.0;
	mu = na * nb / 2.0;
	sigma = sqrt(na * nb / 12.0 * ((n + 1) - ties / (n * (n - 1.0))));
	if (sigma <= 0)
		return;
	z = (fabs(*u - mu) - 0.5) / sigma;
	if (z < 0)
		z = 0;
	*p = erfc(z / sqrt(2));
}
