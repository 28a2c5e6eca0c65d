// SPDX-License-Identifier: GPL-2.0
/* The median of a sample (median.h). */
#include <math.h>
#include <stdlib.h>

#include "median.h"

int ds_cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

double ds_median_sorted(const double *s, size_t n)
{
	if (!n)
		return NAN;
	return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

double ds_median_inplace(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), ds_cmp_double);
	return ds_median_sorted(v, n);
}
