// SPDX-License-Identifier: GPL-2.0
/*
 * ds-compare BASE NEW [BASE NEW]...: every figure that both sides' bench
 * results folders hold, compared on their per-round samples
 * (NAME-samples.tsv), not on medians alone: a figure regressed when its
 * median grew by more than the threshold AND a Mann-Whitney U test says
 * the two sample sets differ (p < alpha), so that one noisy round cannot
 * fail a run and a real shift hidden by a lucky median still shows.
 *
 * More than one pair of folders (kernel/gate: one pair a boot of each
 * kernel, alternating): the test is on the boots, not the rounds: each
 * boot's figure (BOOT_Q, below) is one sample, and the change is that of
 * the boots' median figure.
 * A boot sits off the others as a whole (10 boots of one kernel under
 * nested TCG here: medians up to 1.75 times apart), so the rounds of one
 * boot are not independent samples of the kernel, and a test on the
 * pooled rounds flags two boots of one kernel (p 1e-10 on one figure).
 * With 5 pairs, p < 0.01 takes every NEW boot slower than every OLD one
 * (exact p 2/252).
 *
 * Exit status: 0 nothing regressed, 1 a figure regressed, 2 bad usage or
 * unreadable input, 4 nothing to compare.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/*
 * A boot's figure: its rounds' 10th percentile.  Interference (the host,
 * the nested guest's scheduler) only ever adds time, in bursts that can
 * cover most of a boot's rounds (its median 55 % above the others' while
 * its fastest rounds were not); a slower kernel moves the fast rounds too.
 * Measured on 10 boots of one kernel here: 10th percentiles within 6-24 %
 * on the harvest's larger figures, medians within 17-56 %.
 */
#define BOOT_Q 0.1

struct side {
	struct cmp_set all;	/* every folder of the side, pooled */
	struct cmp_set *pair;	/* one folder each */
};

/* Is @name in @only, a comma-separated list (NULL: every metric)? */
static bool metric_on(const char *only, const char *name)
{
	size_t n = strlen(name);
	const char *p;

	if (!only)
		return true;
	for (p = strstr(only, name); p; p = strstr(p + 1, name))
		if ((p == only || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return true;
	return false;
}

static void usage(void)
{
	fprintf(stderr, "usage: ds-compare [-t PCT] [-a ALPHA] [-v] [-T FILE] [-m METRICS] BASE_DIR NEW_DIR [BASE_DIR NEW_DIR]...\n"
		"  -t  regression threshold on the median, %% (default 10)\n"
		"  -a  significance level of the Mann-Whitney U test (default 0.05)\n"
		"  -v  print every figure, not only the ones that changed\n"
		"  -T  also write every figure to FILE as TSV\n"
		"  -m  only these metrics (comma-separated: harvest_ns,get_ns,reset_ns,wall_ns)\n"
		"  several pairs: each boot's 10th percentile one sample (BOOT_Q)\n");
}

/*
 * The boots of @key's metric @m: each pair's two boot figures (BOOT_Q)
 * into @mb and @mn; returns how many pairs have the figure on both sides.
 */
static size_t boot_figures(const struct side *b, const struct side *n,
			   unsigned int np, const char *key, unsigned int m,
			   double *mb, double *mn)
{
	unsigned int i;
	size_t k = 0;

	for (i = 0; i < np; i++) {
		struct cmp_group *gb = cmp_find(&b->pair[i], key);
		struct cmp_group *gn = cmp_find(&n->pair[i], key);

		if (!gb || !gn || !gb->n[m] || !gn->n[m])
			continue;
		mb[k] = cmp_quantile(gb->v[m], gb->n[m], BOOT_Q);
		mn[k] = cmp_quantile(gn->v[m], gn->n[m], BOOT_Q);
		k++;
	}
	return k;
}

int main(int argc, char **argv)
{
	double thr = 10, alpha = 0.05;
	struct side base = { 0 }, new = { 0 };
	unsigned int regressed = 0, improved = 0, compared = 0, m, np, i;
	const char *tsv_path = NULL, *only = NULL;
	double *bmed, *nmed;
	bool verbose = false;
	FILE *tsv = NULL;
	size_t g;
	int c;

	while ((c = getopt(argc, argv, "t:a:vT:m:h")) != -1) {
		switch (c) {
		case 't': thr = strtod(optarg, NULL); break;
		case 'a': alpha = strtod(optarg, NULL); break;
		case 'v': verbose = true; break;
		case 'T': tsv_path = optarg; break;
		case 'm': only = optarg; break;
		default: usage(); return c == 'h' ? 0 : 2;
		}
	}
	if (argc - optind < 2 || (argc - optind) % 2 || thr <= 0 ||
	    alpha <= 0 || alpha >= 1) {
		usage();
		return 2;
	}
	np = (argc - optind) / 2;
	base.pair = calloc(np, sizeof(*base.pair));
	new.pair = calloc(np, sizeof(*new.pair));
	bmed = calloc(np, sizeof(*bmed));
	nmed = calloc(np, sizeof(*nmed));
	for (i = 0; i < np; i++) {
		const char *bd = argv[optind + 2 * i], *nd = argv[optind + 2 * i + 1];

		if (cmp_read_folder(bd, &base.all) < 0 || cmp_read_folder(nd, &new.all) < 0 ||
		    (np > 1 && (cmp_read_folder(bd, &base.pair[i]) < 0 ||
				cmp_read_folder(nd, &new.pair[i]) < 0)))
			return 2;
	}
	if (tsv_path) {
		tsv = fopen(tsv_path, "w");
		if (!tsv) {
			perror(tsv_path);
			return 2;
		}
		fprintf(tsv, "# dirtysuite-compare v1 threshold_pct=%g alpha=%g pairs=%u\n"
			"figure\tmetric\tbase_median_ns\tnew_median_ns\tratio\tp\tpairs_moved\tn_base\tn_new\tverdict\n",
			thr, alpha, np);
	}
	printf("%-58s %-10s %14s %14s %8s %7s %7s  %s\n", "figure", "metric",
	       "base median", "new median", "change", "U", "p", "verdict");
	for (g = 0; g < base.all.n; g++) {
		struct cmp_group *b = &base.all.g[g], *n = cmp_find(&new.all, b->key);

		if (!n)
			continue;
		for (m = 0; m < CMP_NMET; m++) {
			double mb, mn, ch, u, p;
			const char *verdict = "same";
			unsigned int moved = np;

			if (!b->n[m] || !n->n[m] || !metric_on(only, cmp_metrics[m]))
				continue;
			mb = cmp_median(b->v[m], b->n[m]);
			mn = cmp_median(n->v[m], n->n[m]);
			/* Sub-microsecond figures are timer noise here, not cost. */
			if (mb < 1000 && mn < 1000)
				continue;
			ch = mb > 0 ? 100 * (mn / mb - 1) : 0;
			if (np > 1) {
				size_t k = boot_figures(&base, &new, np, b->key, m,
							bmed, nmed), j;

				mb = cmp_median(bmed, k);
				mn = cmp_median(nmed, k);
				ch = mb > 0 ? 100 * (mn / mb - 1) : 0;
				for (j = 0, moved = 0; j < k; j++)
					moved += ch > 0 ? nmed[j] > bmed[j] : nmed[j] < bmed[j];
				cmp_mann_whitney(nmed, k, bmed, k, &u, &p);
			} else {
				cmp_mann_whitney(n->v[m], n->n[m], b->v[m], b->n[m], &u, &p);
			}
			compared++;
			if (ch > thr && p < alpha) {
				verdict = "REGRESSED";
				regressed++;
			} else if (ch < -thr && p < alpha) {
				verdict = "improved";
				improved++;
			}
			if (tsv)
				fprintf(tsv, "%s\t%s\t%.0f\t%.0f\t%.3f\t%.3g\t%u/%u\t%zu\t%zu\t%s\n",
					b->key, cmp_metrics[m], mb, mn, mb > 0 ? mn / mb : 0,
					p, moved, np, b->n[m], n->n[m], verdict);
			if (!verbose && verdict[0] == 's')
				continue;
			printf("%-58.58s %-10s %11.1f us %11.1f us %+7.1f%% %7.1f %7.3f  %s (n=%zu/%zu",
			       b->key, cmp_metrics[m], mb / 1e3, mn / 1e3, ch, u, p,
			       verdict, b->n[m], n->n[m]);
			if (np > 1)
				printf(", %u/%u pairs", moved, np);
			printf(")\n");
		}
	}
	printf("# ds-compare: %u figures compared, %u regressed, %u improved (threshold %.3g%% on the median and Mann-Whitney p < %.3g%s)\n",
	       compared, regressed, improved, thr, alpha,
	       np > 1 ? ", in every pair" : "");
	if (tsv && fclose(tsv)) {
		perror(tsv_path);
		return 2;
	}
	if (!compared) {
		fprintf(stderr, "ds-compare: no figure in common between the two sides\n");
		return 4;
	}
	return regressed ? 1 : 0;
}
