/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The median of a sample, shared by ds-bench and ds-compare (which is
 * built without the KVM framework, so this file needs nothing of it).
 */
#ifndef DS_MEDIAN_H
#define DS_MEDIAN_H

#include <stddef.h>

/* qsort() comparison of two doubles, ascending. */
int ds_cmp_double(const void *a, const void *b);

/*
 * The median of @n values sorted ascending: the middle one, or the mean
 * of the two middle ones when @n is even; NaN when @n is 0.
 */
double ds_median_sorted(const double *sorted, size_t n);

/* Sort @v (@n values) ascending in place, and return its median. */
double ds_median_inplace(double *v, size_t n);

#endif /* DS_MEDIAN_H */
