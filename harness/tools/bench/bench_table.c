// SPDX-License-Identifier: GPL-2.0
/*
 * Versioned tables: DIR/NAME.tsv (first line "# dirtysuite-bench v1", a
 * header whose column names carry their units, x in column 1) and its
 * twin DIR/NAME.json with the same rows.  Both are written to .tmp files
 * and renamed on close, so a killed run never leaves half a table that a
 * plot or a comparison would read as whole.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

#define DS_BENCH_FORMAT "dirtysuite-bench"
#define DS_BENCH_VERSION 1

static bool is_number(const char *s)
{
	char *end;

	if (!*s || !strcmp(s, "nan") || !strcmp(s, "inf") || !strcmp(s, "-inf"))
		return false;
	strtod(s, &end);
	return !*end;
}

static void json_string(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fprintf(f, "\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			fprintf(f, "\\u%04x", *s);
		else
			fputc(*s, f);
	}
	fputc('"', f);
}

bool ds_table_open(struct ds_table *t, const char *dir, const char *name,
		   const char *const *cols, unsigned int ncols, const char *meta)
{
	char tmp[600];
	unsigned int i;

	memset(t, 0, sizeof(*t));
	t->cols = cols;
	t->ncols = ncols;
	snprintf(t->tsv_path, sizeof(t->tsv_path), "%s/%s.tsv", dir, name);
	snprintf(t->json_path, sizeof(t->json_path), "%s/%s.json", dir, name);
	snprintf(tmp, sizeof(tmp), "%s.tmp", t->tsv_path);
	t->tsv = fopen(tmp, "w");
	snprintf(tmp, sizeof(tmp), "%s.tmp", t->json_path);
	t->json = fopen(tmp, "w");
	if (!t->tsv || !t->json) {
		fprintf(stderr, "ds-bench: cannot write %s: %s\n", tmp, strerror(errno));
		return false;
	}
	fprintf(t->tsv, "# %s v%d\n", DS_BENCH_FORMAT, DS_BENCH_VERSION);
	if (meta)
		fprintf(t->tsv, "# %s\n", meta);
	for (i = 0; i < ncols; i++)
		fprintf(t->tsv, "%s%s", i ? "\t" : "", cols[i]);
	fputc('\n', t->tsv);
	fprintf(t->json, "{\"format\": \"%s\", \"version\": %d, \"table\": ",
		DS_BENCH_FORMAT, DS_BENCH_VERSION);
	json_string(t->json, name);
	fprintf(t->json, ", \"meta\": ");
	json_string(t->json, meta ? meta : "");
	fprintf(t->json, ",\n \"rows\": [");
	return true;
}

void ds_table_row(struct ds_table *t, char *const *vals)
{
	unsigned int i;

	for (i = 0; i < t->ncols; i++)
		fprintf(t->tsv, "%s%s", i ? "\t" : "", vals[i]);
	fputc('\n', t->tsv);
	fprintf(t->json, "%s\n  {", t->rows ? "," : "");
	for (i = 0; i < t->ncols; i++) {
		fprintf(t->json, "%s", i ? ", " : "");
		json_string(t->json, t->cols[i]);
		fputs(": ", t->json);
		if (is_number(vals[i]))
			fputs(vals[i], t->json);
		else if (!strcmp(vals[i], "nan"))
			fputs("null", t->json);
		else
			json_string(t->json, vals[i]);
	}
	fputc('}', t->json);
	t->rows++;
}

static bool finish(FILE *f, const char *path)
{
	char tmp[600];
	bool ok;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	ok = !fflush(f) && !fsync(fileno(f));
	ok &= !fclose(f);
	if (ok && !rename(tmp, path))
		return true;
	fprintf(stderr, "ds-bench: cannot write %s: %s\n", path, strerror(errno));
	unlink(tmp);
	return false;
}

bool ds_table_close(struct ds_table *t)
{
	bool ok;

	fprintf(t->json, "\n ]}\n");
	ok = finish(t->tsv, t->tsv_path);
	ok &= finish(t->json, t->json_path);
	return ok;
}

void ds_table_num(char buf[32], double v)
{
	/* One spelling of "no value" in every table, never "-nan". */
	if (isnan(v))
		strcpy(buf, "nan");
	else
		snprintf(buf, 32, "%.6g", v);
}
