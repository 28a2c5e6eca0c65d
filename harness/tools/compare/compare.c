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
 * kernel, alternating): each side's samples are pooled for the test, and
 * a figure must also have moved the same way in every pair on its own.
 * A boot can sit a few percent off the others as a whole, and the pooled
 * test would take its rounds for independent samples; a change the
 * kernel really made shows in every pair.
 *
 * Exit status: 0 nothing regressed, 1 a figure regressed, 2 bad usage or
 * unreadable input, 4 nothing to compare.
 */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "compare.h"

struct side {
	struct cmp_set all;	/* every folder of the side, pooled */
	struct cmp_set *pair;	/* one folder each */
};

static void usage(void)
{
	fprintf(stderr, "usage: ds-compare [-t PCT] [-a ALPHA] [-v] [-T FILE] BASE_DIR NEW_DIR [BASE_DIR NEW_DIR]...\n"
		"  -t  regression threshold on the median, %% (default 10)\n"
		"  -a  significance level of the Mann-Whitney U test (default 0.05)\n"
		"  -v  print every figure, not only the ones that changed\n"
		"  -T  also write every figure to FILE as TSV\n"
		"  several pairs: samples pooled, and the change must show in each pair\n");
}

/* In how many pairs @key's metric @m has a larger (@up) median on NEW. */
static unsigned int pairs_moved(const struct side *b, const struct side *n,
				unsigned int np, const char *key, unsigned int m,
				bool up)
{
	unsigned int i, moved = 0;

	for (i = 0; i < np; i++) {
		struct cmp_group *gb = cmp_find(&b->pair[i], key);
		struct cmp_group *gn = cmp_find(&n->pair[i], key);
		double mb, mn;

		if (!gb || !gn || !gb->n[m] || !gn->n[m])
			continue;
		mb = cmp_median(gb->v[m], gb->n[m]);
		mn = cmp_median(gn->v[m], gn->n[m]);
		moved += up ? mn > mb : mn < mb;
	}
	return moved;
}

int main(int argc, char **argv)
{
	double thr = 10, alpha = 0.05;
	struct side base = { 0 }, new = { 0 };
	unsigned int regressed = 0, improved = 0, compared = 0, m, np, i;
	const char *tsv_path = NULL;
	bool verbose = false;
	FILE *tsv = NULL;
	size_t g;
	int c;

	while ((c = getopt(argc, argv, "t:a:vT:h")) != -1) {
		switch (c) {
		case 't': thr = strtod(optarg, NULL); break;
		case 'a': alpha = strtod(optarg, NULL); break;
		case 'v': verbose = true; break;
		case 'T': tsv_path = optarg; break;
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

			if (!b->n[m] || !n->n[m])
				continue;
			mb = cmp_median(b->v[m], b->n[m]);
			mn = cmp_median(n->v[m], n->n[m]);
			/* Sub-microsecond figures are timer noise here, not cost. */
			if (mb < 1000 && mn < 1000)
				continue;
			ch = mb > 0 ? 100 * (mn / mb - 1) : 0;
			cmp_mann_whitney(n->v[m], n->n[m], b->v[m], b->n[m], &u, &p);
			if (np > 1)
				moved = pairs_moved(&base, &new, np, b->key, m, ch > 0);
			compared++;
			if (ch > thr && p < alpha && moved == np) {
				verdict = "REGRESSED";
				regressed++;
			} else if (ch < -thr && p < alpha && moved == np) {
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
