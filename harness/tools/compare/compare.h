/* SPDX-License-Identifier: GPL-2.0 */
/* ds-compare: bench results folders, figure by figure. */
#ifndef DS_COMPARE_H
#define DS_COMPARE_H

#include <stddef.h>

/* The metrics compared: all are times, so larger is worse. */
#define CMP_NMET 4
extern const char *const cmp_metrics[CMP_NMET];

/* One figure: a table row's key, and each metric's per-round samples. */
struct cmp_group {
	char key[256];
	double *v[CMP_NMET];
	size_t n[CMP_NMET], cap[CMP_NMET];
};

struct cmp_set {
	struct cmp_group *g;
	size_t n, cap;
};

/*
 * Add every NAME-samples.tsv of @dir to @s (compare_read.c): 1 read, 0
 * nothing there, -1 unreadable (said on stderr).
 */
int cmp_read_folder(const char *dir, struct cmp_set *s);
struct cmp_group *cmp_find(const struct cmp_set *s, const char *key);

double cmp_median(const double *v, size_t n);
/* The @q quantile (0..1) of @v, the lower sample: no interpolation. */
double cmp_quantile(const double *v, size_t n, double q);

/*
 * Mann-Whitney U test of @a against @b, two-sided: U of @a, and the p
 * value: exact for up to 20 samples a side without ties, else from the
 * normal approximation with tie and continuity correction (p is 1 when
 * either side is empty or all values tie).
 */
void cmp_mann_whitney(const double *a, size_t na, const double *b, size_t nb,
		      double *u, double *p);

#endif /* DS_COMPARE_H */
