// SPDX-License-Identifier: GPL-2.0
/* The statistics of ds-compare: medians and the Mann-Whitney U test. */
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "median.h"

/* A sorted copy of @v (n > 0), for the caller to free. */
static double *sorted_copy(const double *v, size_t n)
{
	double *s = malloc(n * sizeof(*s));

	memcpy(s, v, n * sizeof(*s));
	qsort(s, n, sizeof(*s), ds_cmp_double);
	return s;
}

double cmp_quantile(const double *v, size_t n, double q)
{
	double *s, x;

	if (!n)
		return NAN;
	s = sorted_copy(v, n);
	x = s[(size_t)(q * (n - 1))];
	free(s);
	return x;
}

double cmp_median(const double *v, size_t n)
{
	double *s, m;

	if (!n)
		return NAN;
	s = sorted_copy(v, n);
	m = ds_median_sorted(s, n);
	free(s);
	return m;
}

/*
 * The exact two-sided p of U for small samples without ties: the share of
 * the C(na + nb, na) orderings of the two samples whose U is at least as
 * far out.  The normal approximation is coarse there, and a gate over 5
 * boots a side lives at its edge: complete separation is p = 2/252 =
 * 0.0079, which the approximation puts at 0.012.  f[j][k] counts the
 * orderings of i a's and j b's with U = k, built up one i at a time: the
 * largest value, if an a, exceeds all j b's.
 */
static double exact_p(size_t na, size_t nb, double u)
{
	size_t umax = na * nb, i, j, k, w = umax + 1;
	double *f = calloc((nb + 1) * w, sizeof(*f)), *g = calloc((nb + 1) * w, sizeof(*g));
	double lo = 0, hi = 0, all = 0, p;

	for (j = 0; j <= nb; j++)
		f[j * w] = 1;	/* no a: one ordering, U = 0 */
	for (i = 1; i <= na; i++) {
		for (j = 0; j <= nb; j++)
			for (k = 0; k <= umax; k++)
				g[j * w + k] = (k >= j ? f[j * w + k - j] : 0) +
					       (j ? g[(j - 1) * w + k] : 0);
		memcpy(f, g, (nb + 1) * w * sizeof(*f));
	}
	for (k = 0; k <= umax; k++) {
		all += f[nb * w + k];
		lo += k <= u ? f[nb * w + k] : 0;
		hi += k >= u ? f[nb * w + k] : 0;
	}
	free(f);
	free(g);
	p = 2 * (lo < hi ? lo : hi) / all;
	return p < 1 ? p : 1;
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
	bool any_tie = false;

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
		any_tie |= t > 1;
		for (size_t k = i; k < j; k++)
			if (!r[k].side)
				ra += (i + j + 1) / 2.0;	/* mean of ranks i+1..j */
	}
	free(r);
	*u = ra - na * (na + 1) / 2.0;
	if (!any_tie && na <= 20 && nb <= 20) {
		*p = exact_p(na, nb, *u);
		return;
	}
	mu = na * nb / 2.0;
	sigma = sqrt(na * nb / 12.0 * ((n + 1) - ties / (n * (n - 1.0))));
	if (sigma <= 0)
		return;
	z = (fabs(*u - mu) - 0.5) / sigma;
	if (z < 0)
		z = 0;
	*p = erfc(z / sqrt(2));
}
