// SPDX-License-Identifier: GPL-2.0
/*
 * ds-compare BASE NEW: every figure that both bench results folders hold,
 * compared on their per-round samples (NAME-samples.tsv), not on medians
 * alone: a figure regressed when its median grew by more than the
 * threshold AND a Mann-Whitney U test says the two sample sets differ
 * (p < alpha), so that one noisy round cannot fail a run and a real shift
 * hidden by a lucky median still shows.
 *
 * Exit status: 0 nothing regressed, 1 a figure regressed, 2 bad usage or
 * unreadable input, 4 nothing to compare.
 */
#include <getopt.h>
#include <stdbool.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

/* The figures compared: all are times, so larger is worse. */
static const char *const metrics[] = { "harvest_ns", "get_ns", "reset_ns", "wall_ns" };
#define NMET (sizeof(metrics) / sizeof(metrics[0]))
static const char *const tables[] = { "fraction", "latency", "ring", "shift",
				      "vcpus", "alloc-free" };

struct group {
	char key[256];
	double *v[NMET];
	size_t n[NMET], cap[NMET];
};

struct set {
	struct group *g;
	size_t n, cap;
};

static struct group *group_of(struct set *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->g[i].key, key))
			return &s->g[i];
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 64;
		s->g = realloc(s->g, s->cap * sizeof(*s->g));
	}
	memset(&s->g[s->n], 0, sizeof(*s->g));
	snprintf(s->g[s->n].key, sizeof(s->g[s->n].key), "%s", key);
	return &s->g[s->n++];
}

static void push(struct group *g, unsigned int m, double v)
{
	if (g->n[m] == g->cap[m]) {
		g->cap[m] = g->cap[m] ? 2 * g->cap[m] : 16;
		g->v[m] = realloc(g->v[m], g->cap[m] * sizeof(double));
	}
	g->v[m][g->n[m]++] = v;
}

static int split(char *line, char **f, int max)
{
	int n = 0;

	line[strcspn(line, "\n")] = 0;
	while (n < max) {
		f[n++] = line;
		line = strchr(line, '\t');
		if (!line)
			break;
		*line++ = 0;
	}
	return n;
}

/* Read DIR/TABLE-samples.tsv into @s; -1 unreadable, 0 absent, 1 read. */
static int read_samples(const char *dir, const char *table, struct set *s)
{
	char path[1024], line[8192], key[256], *f[128];
	int nf, i, round_col = -1, col[NMET], k;
	unsigned int m;
	bool header = false;
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s-samples.tsv", dir, table);
	fp = fopen(path, "r");
	if (!fp)
		return 0;
	if (!fgets(line, sizeof(line), fp) || strncmp(line, "# dirtysuite-bench v1", 21)) {
		fprintf(stderr, "ds-compare: %s: not a dirtysuite-bench v1 table\n", path);
		fclose(fp);
		return -1;
	}
	while (fgets(line, sizeof(line), fp)) {
		if (line[0] == '#')
			continue;
		nf = split(line, f, 128);
		if (!header) {
			for (m = 0; m < NMET; m++)
				col[m] = -1;
			for (i = 0; i < nf; i++) {
				if (!strcmp(f[i], "round"))
					round_col = i;
				for (m = 0; m < NMET; m++)
					if (!strcmp(f[i], metrics[m]))
						col[m] = i;
			}
			if (round_col < 0) {
				fprintf(stderr, "ds-compare: %s: no round column\n", path);
				fclose(fp);
				return -1;
			}
			header = true;
			continue;
		}
		/* The key: the table and every column before "round". */
		k = snprintf(key, sizeof(key), "%s", table);
		for (i = 1; i < round_col && i < nf && k < (int)sizeof(key); i++) {
			if (i == 5 || i == 7)
				continue;	/* dirty_pct repeats x or is fixed; workload is a label */
			k += snprintf(key + k, sizeof(key) - k, " %s", f[i]);
		}
		if (k < (int)sizeof(key))
			snprintf(key + k, sizeof(key) - k, " x=%s", f[0]);
		for (m = 0; m < NMET; m++) {
			double v;

			if (col[m] < 0 || col[m] >= nf || !strcmp(f[col[m]], "nan"))
				continue;
			v = strtod(f[col[m]], NULL);
			push(group_of(s, key), m, v);
		}
	}
	fclose(fp);
	return 1;
}

static void usage(void)
{
	fprintf(stderr, "usage: ds-compare [-t PCT] [-a ALPHA] [-v] BASE_DIR NEW_DIR\n"
		"  -t  regression threshold on the median, %% (default 10)\n"
		"  -a  significance level of the Mann-Whitney U test (default 0.05)\n"
		"  -v  print every figure, not only the ones that changed\n");
}

int main(int argc, char **argv)
{
	double thr = 10, alpha = 0.05;
	struct set base = { 0 }, new = { 0 };
	unsigned int regressed = 0, improved = 0, compared = 0, t, m;
	bool verbose = false;
	size_t i;
	int c, rb, rn;

	while ((c = getopt(argc, argv, "t:a:vh")) != -1) {
		switch (c) {
		case 't': thr = strtod(optarg, NULL); break;
		case 'a': alpha = strtod(optarg, NULL); break;
		case 'v': verbose = true; break;
		default: usage(); return c == 'h' ? 0 : 2;
		}
	}
	if (argc - optind != 2 || thr <= 0 || alpha <= 0 || alpha >= 1) {
		usage();
		return 2;
	}
	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		rb = read_samples(argv[optind], tables[t], &base);
		rn = read_samples(argv[optind + 1], tables[t], &new);
		if (rb < 0 || rn < 0)
			return 2;
	}
	printf("%-58s %-10s %14s %14s %8s %7s %7s  %s\n", "figure", "metric",
	       "base median", "new median", "change", "U", "p", "verdict");
	for (i = 0; i < base.n; i++) {
		struct group *b = &base.g[i], *n = NULL;
		size_t j;

		for (j = 0; j < new.n; j++)
			if (!strcmp(new.g[j].key, b->key))
				n = &new.g[j];
		if (!n)
			continue;
		for (m = 0; m < NMET; m++) {
			double mb, mn, ch, u, p;
			const char *verdict = "same";

			if (!b->n[m] || !n->n[m])
				continue;
			mb = cmp_median(b->v[m], b->n[m]);
			mn = cmp_median(n->v[m], n->n[m]);
			/* Sub-microsecond figures are timer noise here, not cost. */
			if (mb < 1000 && mn < 1000)
				continue;
			ch = mb > 0 ? 100 * (mn / mb - 1) : 0;
			cmp_mann_whitney(n->v[m], n->n[m], b->v[m], b->n[m], &u, &p);
			compared++;
			if (ch > thr && p < alpha) {
				verdict = "REGRESSED";
				regressed++;
			} else if (ch < -thr && p < alpha) {
				verdict = "improved";
				improved++;
			} else if (!verbose) {
				continue;
			}
			printf("%-58.58s %-10s %11.1f us %11.1f us %+7.1f%% %7.1f %7.3f  %s (n=%zu/%zu)\n",
			       b->key, metrics[m], mb / 1e3, mn / 1e3, ch, u, p,
			       verdict, b->n[m], n->n[m]);
		}
	}
	printf("# ds-compare: %u figures compared, %u regressed, %u improved (threshold %.3g%% on the median and Mann-Whitney p < %.3g)\n",
	       compared, regressed, improved, thr, alpha);
	if (!compared) {
		fprintf(stderr, "ds-compare: no figure in common between %s and %s\n",
			argv[optind], argv[optind + 1]);
		return 4;
	}
	return regressed ? 1 : 0;
}
