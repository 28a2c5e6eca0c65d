// SPDX-License-Identifier: GPL-2.0
/*
 * -x placement: every mode of the workload under each standard placement
 * of ds_placement_sweep() (the vCPUs on core 0; the harvester on the same
 * core, on another core, on another NUMA node with the memory on the
 * first, each only where this machine has it), at the workload's dirty
 * fraction.
 *
 * A placement is what was asked; the kernel may not grant it (a cpuset,
 * an offline CPU, memory that could not move).  So every point reads back,
 * while its VM still exists and after its measured rounds, where each
 * thread last ran and on which node a sample of its memory lies
 * (ds_placement_report()), and a point that did not run where it was put
 * gets the verdict "misplaced" instead of passing its cost off as that
 * placement's.
 *
 * Tables: placement.tsv, one row per placement and mode: the cost, what
 * was asked, what was read back, the verdict; placement-readback.tsv,
 * every thread and memslot of every point (placement.h's columns, with
 * the mode in front).
 */
#include <sched.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "mode.h"
#include "placement.h"
#include "util.h"

#define PL_MAX		4	/* same-core, other-core, other-node */
#define RB_FIELDS	11	/* ds_placement_report()'s columns */

static const char *const rb_cols[RB_FIELDS + 1] = { "mode", "placement",
	"kind", "name", "tid", "requested", "cpus_allowed", "last_cpu",
	"last_core", "last_node", "pages_sampled", "pages_by_node" };

/* What one point's read-back says, folded to one row of placement.tsv. */
struct readback {
	char vcpu_cpus[64];	/* each vCPU thread's last CPU, "0/0" */
	char vcpu_nodes[64];
	char harvest_cpu[16];
	char harvest_node[16];
	char mem[128];		/* sampled pages by node, memslots ';'-joined */
};

static void append(char *buf, size_t len, const char *sep, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, len - n, "%s%s", n ? sep : "", s);
}

/*
 * Copy ds_placement_report()'s rows in @text to @t with @mode in front,
 * and fold them into @rb.
 */
static void readback_rows(char *text, const char *mode, struct ds_table *t,
			  struct readback *rb)
{
	char *line, *save, *f[RB_FIELDS + 1], *p;
	unsigned int n;

	memset(rb, 0, sizeof(*rb));
	for (line = strtok_r(text, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		if (*line == '#' || !strncmp(line, "placement\t", 10))
			continue;	/* its version line and header */
		f[0] = (char *)mode;
		for (n = 1, p = line; n <= RB_FIELDS && p; n++)
			f[n] = strsep(&p, "\t");
		if (n <= RB_FIELDS)
			continue;
		ds_table_row(t, f);
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

/* Read back @b's placement: rows into @t, summary into @rb; mismatches. */
static int read_back(struct ds_placement *pl, struct ds_bench_vm *b,
		     const char *mode, struct ds_table *t, struct readback *rb)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	int bad;

	if (!f)
		return 1;
	bad = ds_placement_report(pl, ds_bench_dvm(b), f, true);
	fclose(f);
	readback_rows(text, mode, t, rb);
	free(text);
	return bad;
}

static const char *const pl_cols[] = { "placement", "mode", "samples",
	"harvest_ns_median", "harvest_ns_p99", "harvest_ns_min", "harvest_ns_max",
	"get_ns_median", "reset_ns_median", "user_ns_median", "user_pct_median",
	"pages_median", "ns_per_page_median", "wall_ns_median",
	"full_exits_median", "vcpus_requested", "harvest_requested",
	"mem_node_requested", "vcpu_last_cpus", "vcpu_last_nodes",
	"harvest_last_cpu", "harvest_last_node", "mem_pages_by_node",
	"misplaced", "verdict" };
#define PL_NCOLS DS_ARRAY_SIZE(pl_cols)

static void fmt(char *buf, double v)
{
	snprintf(buf, 32, "%.6g", v);	/* "nan" for NaN, as the other tables */
}

/* One row of placement.tsv, and its line on stdout. */
static void point_row(struct ds_table *t, const struct ds_placement *pl,
		      const char *mode, const struct ds_bench_res *r,
		      const struct readback *rb, int bad)
{
	static const enum ds_bm figs[] = { BM_GET_NS, BM_RESET_NS, BM_USER_NS,
		BM_USER_PCT, BM_PAGES, BM_NS_PER_PAGE, BM_WALL_NS, BM_FULL_EXITS };
	char v[PL_NCOLS][128], *vp[PL_NCOLS];
	struct ds_stat st[BM_NR], *h = &st[BM_HARVEST_NS];
	const char *verdict = r->overflow ? "overflow" : bad ? "misplaced" : "ok";
	unsigned int i, n = 0;

	for (i = 0; i < BM_NR; i++)
		ds_stat_of(r->v[i], r->n, &st[i]);
	for (i = 0; i < PL_NCOLS; i++)
		vp[i] = v[i];
	snprintf(v[n++], 128, "%.31s", pl->name);
	snprintf(v[n++], 128, "%s", mode);
	snprintf(v[n++], 128, "%u", r->n);
	fmt(v[n++], h->median);
	fmt(v[n++], h->p99);
	fmt(v[n++], h->min);
	fmt(v[n++], h->max);
	for (i = 0; i < DS_ARRAY_SIZE(figs); i++)
		fmt(v[n++], st[figs[i]].median);
	snprintf(v[n++], 128, "%s", *pl->vcpu_spec ? pl->vcpu_spec : "-");
	snprintf(v[n++], 128, "%s", *pl->harvest_spec ? pl->harvest_spec : "-");
	snprintf(v[n++], 128, "%d", pl->mem_node);
	snprintf(v[n++], 128, "%s", rb->vcpu_cpus);
	snprintf(v[n++], 128, "%s", rb->vcpu_nodes);
	snprintf(v[n++], 128, "%s", rb->harvest_cpu);
	snprintf(v[n++], 128, "%s", rb->harvest_node);
	snprintf(v[n++], 128, "%s", rb->mem);
	snprintf(v[n++], 128, "%d", bad);
	snprintf(v[n++], 128, "%s", verdict);
	ds_table_row(t, vp);
	printf("placement %-10s %-6s harvest %.1f us median, p99 %.1f us (n=%u), %.1f ns/page, user %.2f%%; read back: vCPUs on CPU %s (node %s), harvester on CPU %s (node %s), memory pages by node %s; %s\n",
	       pl->name, mode, h->median / 1e3, h->p99 / 1e3, h->n,
	       st[BM_NS_PER_PAGE].median, st[BM_USER_PCT].median, rb->vcpu_cpus,
	       rb->vcpu_nodes, rb->harvest_cpu, rb->harvest_node, rb->mem, verdict);
}

int ds_place_sweep_run(const struct ds_sweep_opts *o)
{
	static struct ds_placement pl[PL_MAX];
	const struct ds_mode *modes[16];
	struct ds_table sum, rbt;
	struct ds_bench_res r;
	struct readback rb;
	cpu_set_t mine;
	char meta[256], rbname[300];
	unsigned int nm = ds_bench_modes(&o->wl, modes, 16), m, step = 0;
	int np = ds_placement_sweep(pl, PL_MAX), i, bad;
	uint64_t t0 = ds_now_ns();
	bool ok;

	snprintf(meta, sizeof(meta), "sweep=placement workload=%s pattern=%s dirty_pct=%.4g mem_MiB=%llu vcpus=%u rounds=%u warmup=%u",
		 o->wl.name, ds_patterns[o->wl.pat.pattern].name,
		 o->wl.pat.fraction_ppm / 1e4,
		 (unsigned long long)(o->wl.mem_bytes >> 20), o->wl.nr_vcpus,
		 o->wl.rounds, o->wl.warmup);
	snprintf(rbname, sizeof(rbname), "%s-readback", ds_sweep_table(o));
	ok = ds_table_open(&sum, o->outdir, ds_sweep_table(o), pl_cols, PL_NCOLS, meta);
	ok = ok && ds_table_open(&rbt, o->outdir, rbname, rb_cols,
				 RB_FIELDS + 1, meta);
	if (!ok)
		return 3;
	if (!np)
		printf("# SKIP sweep placement: no placement of the standard set exists here\n");
	/* The harvester is this thread: each point pins it, the next unpins. */
	sched_getaffinity(0, sizeof(mine), &mine);
	for (i = 0; i < np; i++) {
		for (m = 0; m < nm; m++) {
			struct ds_bench_vm *b;
			const char *skip;

			fprintf(stderr, "ds-bench: placement [%u/%u] %s %s: vCPUs %s, harvester %s, memory %s%.0d; %.0f s elapsed\n",
				++step, np * nm, pl[i].name, modes[m]->name,
				pl[i].vcpu_spec, pl[i].harvest_spec,
				pl[i].mem_node < 0 ? "unbound" : "node ",
				pl[i].mem_node < 0 ? 0 : pl[i].mem_node,
				(ds_now_ns() - t0) / 1e9);
			pl[i].errors = 0;	/* failed binds: counted per VM */
			b = ds_bench_open_placed(&o->wl, modes[m], &pl[i], &skip);
			if (!b) {
				printf("# SKIP placement %s mode %s: %s\n", pl[i].name,
				       modes[m]->name, skip);
				continue;
			}
			ds_bench_res_init(&r, o->wl.rounds);
			ds_bench_measure(b, o->wl.pat.fraction_ppm, &r);
			bad = read_back(&pl[i], b, modes[m]->name, &rbt, &rb);
			point_row(&sum, &pl[i], modes[m]->name, &r, &rb, bad);
			ds_bench_close(b);
			ds_bench_res_free(&r);
			sched_setaffinity(0, sizeof(mine), &mine);
		}
	}
	fprintf(stderr, "ds-bench: placement done in %.0f s\n", (ds_now_ns() - t0) / 1e9);
	ok = ds_table_close(&sum);
	return ds_table_close(&rbt) && ok ? 0 : 3;
}
