// SPDX-License-Identifier: GPL-2.0
/*
 * Reading a bench results folder's per-round samples (NAME-samples.tsv)
 * into figures: one group per table row key, one sample list per metric.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

const char *const cmp_metrics[CMP_NMET] = { "harvest_ns", "get_ns", "reset_ns", "wall_ns" };
static const char *const tables[] = { "fraction", "latency", "ring", "shift",
				      "vcpus", "alloc-free", "gate" };

static struct cmp_group *group_of(struct cmp_set *s, const char *key)
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

static void push(struct cmp_group *g, unsigned int m, double v)
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
static int read_samples(const char *dir, const char *table, struct cmp_set *s)
{
	char path[1024], line[8192], key[256], *f[128];
	int nf, i, round_col = -1, col[CMP_NMET], k;
	bool skip[128] = { false };
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
			for (m = 0; m < CMP_NMET; m++)
				col[m] = -1;
			for (i = 0; i < nf; i++) {
				if (!strcmp(f[i], "round"))
					round_col = i;
				/*
				 * Not part of the key: dirty_pct beside a
				 * sweep's own x is fixed, and the workload
				 * is a label.  By name: which columns a table
				 * has depends on its sweep.
				 */
				skip[i] = i > 0 && (!strcmp(f[i], "dirty_pct") ||
						    !strcmp(f[i], "workload"));
				for (m = 0; m < CMP_NMET; m++)
					if (!strcmp(f[i], cmp_metrics[m]))
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
			if (skip[i])
				continue;
			k += snprintf(key + k, sizeof(key) - k, " %s", f[i]);
		}
		if (k < (int)sizeof(key))
			snprintf(key + k, sizeof(key) - k, " x=%s", f[0]);
		for (m = 0; m < CMP_NMET; m++) {
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


int cmp_read_folder(const char *dir, struct cmp_set *s)
{
	unsigned int t;
	int r, any = 0;

	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++) {
		r = read_samples(dir, tables[t], s);
		if (r < 0)
			return -1;
		any |= r;
	}
	return any;
}

struct cmp_group *cmp_find(const struct cmp_set *s, const char *key)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (!strcmp(s->g[i].key, key))
			return &s->g[i];
	return NULL;
}
