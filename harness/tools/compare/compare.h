/* SPDX-License-Identifier: GPL-2.0 */
/* ds-compare: two bench results folders, figure by figure. */
#ifndef DS_COMPARE_H
#define DS_COMPARE_H

#include <stddef.h>

double cmp_median(const double *v, size_t n);

/*
 * Mann-Whitney U test of @a against @b, two-sided: U of @a, and the p
 * value from the normal approximation with tie correction and continuity
 * correction (exact enough from 4-5 samples a side, which is what a bench
 * point has; p is 1 when either side is empty or all values tie).
 */
void cmp_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
		      double *u, double *p);

#endif /* DS_COMPARE_H */
