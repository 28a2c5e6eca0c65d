// SPDX-License-Identifier: GPL-2.0
/*
 * A placed point's read-back (-x placement), taken by bench_run.c while
 * the point's VM still exists and after its measured rounds.
 *
 * A placement is what was asked; the kernel may not grant it (a cpuset,
 * an offline CPU, memory that could not move).  So every point reads back
 * where each thread last ran and on which node a sample of its memory
 * lies (ds_placement_report()), and a point that did not run where it was
 * put gets the verdict "misplaced" (bench_out.c) instead of passing its
 * cost off as that placement's.  And since the harvester is the caller's
 * own thread, a placed point keeps the thread's CPUs and gives them back
 * after its VM, so that no later point inherits a pin.
 */
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "placement.h"
#include "util.h"

void ds_pin_check(const struct ds_point *p)
{
	/* -x placement gives its own verdict, "misplaced", per row. */
	if (p->place->name[0] || !p->rb.bad)
		return;
	printf("# WARNING point %s: a pinned thread ran outside its CPUs (vCPUs on %s, harvester on %s): vcpu_cpus and harvest_cpu were not granted\n",
	       p->name, p->rb.vcpu_cpus[0] ? p->rb.vcpu_cpus : "?",
	       p->rb.harvest_cpu[0] ? p->rb.harvest_cpu : "?");
}

void ds_affinity_save(const struct ds_point *p, struct ds_affinity *a)
{
	a->saved = p->place && !sched_getaffinity(0, sizeof(a->cpus), &a->cpus);
}

void ds_affinity_restore(const struct ds_affinity *a)
{
	if (a->saved)
		sched_setaffinity(0, sizeof(a->cpus), &a->cpus);
}

static void append(char *buf, size_t len, const char *sep, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s%s", n ? sep : "", s);
}

static unsigned int nr_fields(const char *line)
{
	unsigned int n = 1;

	for (; *line; line++)
		n += *line == '\t';
	return n;
}

/*
 * Keep the data rows of ds_placement_report()'s @text in rb->rows, and
 * fold them into @rb's summary.
 */
static void readback_rows(char *text, struct ds_readback *rb)
{
	char *line, *save, *f[DS_RB_FIELDS + 1], *p;
	size_t len = strlen(text) + 1, used = 0;
	unsigned int n;

	rb->rows = ds_calloc(1, len);
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (*line == '#' || !strncmp(line, "placement\t", 10))
			continue;	/* its version line and header */
		if (nr_fields(line) < DS_RB_FIELDS)
			continue;
		used += snprintf(rb->rows + used, len - used, "%s\n", line);
		for (n = 1, p = line; n <= DS_RB_FIELDS; n++)
			f[n] = strsep(&p, "\t");
		if (!strcmp(f[2], "memory"))
			append(rb->mem, sizeof(rb->mem), ";", f[11]);
		else if (!strcmp(f[3], "harvest")) {
			snprintf(rb->harvest_cpu, sizeof(rb->harvest_cpu), "%s", f[7]);
			snprintf(rb->harvest_node, sizeof(rb->harvest_node), "%s", f[9]);
		} else {
			append(rb->vcpu_cpus, sizeof(rb->vcpu_cpus), "/", f[7]);
			append(rb->vcpu_nodes, sizeof(rb->vcpu_nodes), "/", f[9]);
		}
	}
}

void ds_place_read_back(struct ds_placement *pl, struct ds_vm *dvm,
			struct ds_readback *rb)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	memset(rb, 0, sizeof(*rb));
	if (!f) {
		rb->bad = 1;
		return;
	}
	rb->bad = ds_placement_report(pl, dvm, f, true);
	fclose(f);
	readback_rows(text, rb);
	free(text);
}
