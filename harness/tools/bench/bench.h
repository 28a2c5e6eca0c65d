/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ds-bench: the benchmark engine.  A sweep is a list of points; a point is
 * one VM (workload + mode, and for -x placement where its threads and
 * memory are put) that lives through one or more dirty fractions, because
 * creating and faulting in a VM costs far more than a round here.  Every
 * figure is a set of per-round samples, summarised only after the run.
 *
 * The data goes one way, through stages that are each called and return:
 *
 *   bench_main.c   command line -> struct ds_sweep_opts
 *   workload_file.c  (for bench_main.c) a workload file's lines and
 *                    [section]s, each key = value line through
 *   workload.c       the workload's keys, their ranges and checks
 *   bench_sweep.c  options -> points; runs each stage below in turn
 *   bench_live.c   -x live: one point's VM running free beside a
 *                  harvester -> raw figures (the VM: bench_run.c's)
 *   bench_run.c    one point: its VM's life -> raw samples per fraction
 *   bench_place.c    (for bench_run.c, bench_live.c) a placed point's
 *                    read-back, taken while its VM still exists, and
 *                    the harvester's CPUs kept around its VM
 *   bench_stats.c  samples -> struct ds_stat per figure; the tracking
 *                  tax, the harness's overhead, the crossover
 *   bench_live_out.c  -x live: raw figures -> stats -> live.tsv
 *   bench_out.c    stats -> tables and their lines on stdout
 *   bench_table.c    (for bench_out.c) versioned TSV + JSON twin,
 *                    written atomically
 *
 * A file calls only into files below it in this list, never into one
 * above, so no stage reaches back into the stage that called it: what a
 * lower stage needs from an upper one (a sweep's name, its table's name)
 * is put into the data it is handed.  Each stage's functions are declared
 * below under its file's name.
 */
#ifndef DS_BENCH_H
#define DS_BENCH_H

#include <sched.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "dirty_set.h"
#include "live.h"
#include "workload.h"

struct ds_mode;
struct ds_placement;

/*
 * The tracking tax: round wall time over the baseline's (tracking off),
 * %, with its 95 % interval; NaN where there is no baseline.  bug: the
 * whole interval below zero, a measurement that cannot be right.
 */
struct ds_tax {
	double pct, lo, hi;
	bool bug;
};

/* Per-round figures; the derived ones are computed per round too. */
enum ds_bm {
	BM_HARVEST_NS,	/* get + reset: the kernel's share of a harvest */
	BM_GET_NS,
	BM_RESET_NS,
	BM_USER_NS,	/* dirtysuite's own work between the ioctls */
	BM_PAGES,	/* dirty pages harvested */
	BM_CALLS,	/* harvest ioctls */
	BM_WALL_NS,	/* the guest's round, vCPUs released to all synced */
	BM_WRITES,	/* writes the guest made in the round */
	BM_FULL_EXITS,	/* ring soft-full exits in the round */
	BM_STALL_NS,	/* vCPU time spent in those exits */
	BM_FREE_PAGES,	/* harvested pages the guest had freed (churn) */
	BM_NS_PER_PAGE,
	BM_NS_PER_GIB,	/* harvest_ns per GiB of guest test memory */
	BM_USER_PCT,	/* user_ns as % of harvest_ns */
	BM_WRITES_PER_S,
	BM_NR
};

struct ds_stat {
	double median, p99, min, max;
	uint32_t n;	/* samples behind the figure (NaNs left out) */
};

/* One (VM, fraction) measurement: rounds samples of every figure. */
struct ds_bench_res {
	uint32_t n;
	double *v[BM_NR];
	/*
	 * The ring overflowed (a kernel bug, suite/known-issues): the samples
	 * stop at the round it happened in, or before it if that round was
	 * cut short; the point's verdict is "overflow".
	 */
	bool overflow;
};

/*
 * What a placed point's read-back says: ds_placement_report()'s data
 * rows as they came (placement.h's columns, tab-separated, one a line),
 * and the same folded to one row of placement.tsv.
 */
#define DS_RB_FIELDS	11	/* ds_placement_report()'s columns */
struct ds_readback {
	char *rows;		/* malloc'd; NULL when none was taken */
	char vcpu_cpus[64];	/* each vCPU thread's last CPU, "0/0" */
	char vcpu_nodes[64];
	char harvest_cpu[16];
	char harvest_node[16];
	char mem[128];		/* sampled pages by node, memslots ';'-joined */
	int bad;		/* mismatches with what was asked */
};

enum ds_sweep_kind { SW_POINT, SW_FRACTION, SW_RING, SW_SHIFT, SW_VCPUS,
		     SW_PLACEMENT, SW_LIVE, SW_NR };

struct ds_sweep_opts {
	enum ds_sweep_kind kind;
	const char *outdir;
	const char *name;	/* -n: tables NAME.tsv, NAME-samples.tsv; NULL: the kind's */
	struct ds_workload wl;
	uint32_t fracs_ppm[32];	unsigned int nr_fracs;
	uint64_t mems[16];	unsigned int nr_mems;
	uint32_t rings[16];	unsigned int nr_rings;
	uint32_t shifts[16];	unsigned int nr_shifts;
	uint32_t vcpus[16];	unsigned int nr_vcpus;
	uint32_t periods_ms[8];	unsigned int nr_periods;	/* -x live: harvest every T ms */
	struct ds_placement *pin;	/* vcpu_cpus, harvest_cpu: every point; or NULL */
};

#define DS_MAX_POINTS	256

/*
 * -x live: what one point's free-running run left (bench_live.c), raw; the
 * guest's own figures are in its cycles, converted with cyc_per_ns.
 */
struct ds_live_res {
	double *ns_per_write;	/* per harvester tick: tick length / writes in it */
	uint32_t n, cap;
	uint64_t gaps[DS_GAP_BUCKETS];	/* every vCPU's gaps between writes */
	uint64_t max_gap;		/* cycles */
	double pass_ns[DS_LIVE_PASSES];	/* whole passes, every vCPU's */
	uint32_t npass;
	double cyc_per_ns;
	uint64_t wall_ns, writes;	/* the live round, vCPUs released to stopped */
	uint64_t ticks, late_ticks;	/* harvester wake-ups; those a period late */
	uint64_t harvest_ns;		/* get + reset in the live harvests */
	uint64_t harvester_cpu_ns;	/* the harvester thread's CPU in them */
	uint64_t pages;			/* pages the live harvests reported */
	uint64_t final_pages;		/* ... and the final one, vCPUs stopped */
	uint64_t full_exits, full_ns;	/* ring soft-full exits, vCPU time in them */
	uint64_t written, lost;		/* pages written; of them, last write unsent */
	bool overflow;			/* the ring overflowed (suite/known-issues) */
};

/* -x live: a point's figures (bench_live_out.c). */
struct ds_live_stat {
	double writes_per_s, gap_us[4];	/* p50, p99, p99.9, max */
	double pass_ms, harvest_ms, cpu_ms_per_s, pages_per_s;
	double full_per_s, full_ms_per_s;
	struct ds_tax tax;		/* ns per write against the off point's */
};
#define DS_POINT_FRACS	32

/* A point, filled in stage by stage: what to run, its samples, its stats. */
struct ds_point {
	/* bench_sweep.c */
	struct ds_workload wl;
	const struct ds_mode *mode;	/* NULL: tracking off */
	const char *name;		/* the mode as tables name it: "off", "ring-wq" */
	struct ds_placement *place;	/* NULL: not placed */
	unsigned int nfr;
	uint32_t fracs[DS_POINT_FRACS];
	/* bench_run.c */
	const char *skip;		/* set when the mode could not run here */
	struct ds_bench_res res[DS_POINT_FRACS];
	struct ds_readback rb;		/* placed points only */
	/* bench_stats.c */
	struct ds_stat st[DS_POINT_FRACS][BM_NR];
	struct ds_tax tax[DS_POINT_FRACS];	/* against the baseline (bench_tax.c) */
	/* -x live (bench_live.c, bench_live_out.c) */
	uint32_t period_ms;
	struct ds_live_res live;
	struct ds_live_stat lst;
};

/*
 * The harness's own share of the harvest (user_ns as % of harvest_ns),
 * gathered per mode over a sweep's points and summarised as one line a
 * mode.
 */
#define DS_OVH_MODES	8
#define DS_OVH_POINTS	64
struct ds_overhead {
	unsigned int nmodes;
	struct {
		const char *mode;
		unsigned int n;
		double pct[DS_OVH_POINTS];	/* per-point median user % */
		double ns_page[DS_OVH_POINTS];	/* median user_ns / median pages */
		struct ds_stat pct_st, ns_page_st;	/* over the points */
	} m[DS_OVH_MODES];
};

enum { DS_CROSS_AT, DS_CROSS_A_ALWAYS, DS_CROSS_B_ALWAYS, DS_CROSS_NODATA };

/* -x fraction: per memory size, where the bitmap gets cheaper than the ring. */
struct ds_crossing {
	int kind;		/* DS_CROSS_* */
	double at;		/* dirty %, when kind is DS_CROSS_AT */
	unsigned int left;	/* fractions one of the two curves lacks */
};

/* Progress on stderr: weights are rough costs in faulted MiB (bench_run.c). */
struct ds_progress {
	const char *sweep;	/* the sweep's name */
	double total_w, done_w;
	unsigned int steps, step;
	uint64_t t_start;
};

struct ds_sweep {
	const struct ds_sweep_opts *o;
	const char *name;	/* the kind's: "fraction" */
	const char *table;	/* the tables' name: -n NAME, or the kind's */
	struct ds_point *pts;
	unsigned int npts;
	struct ds_progress prog;
	struct ds_overhead ovh;
	struct ds_crossing cross[16];	/* per o->mems[], -x fraction only */
	bool failed;		/* a check failed (-x live: a page lost) */
};

/* bench_sweep.c */
const char *ds_sweep_name(enum ds_sweep_kind k);
int ds_sweep_run(const struct ds_sweep_opts *o);

/* bench_live.c: -x live, @p's VM running free, into p->live. */
void ds_live_point_run(struct ds_point *p, struct ds_progress *prog);

/*
 * bench_run.c: a point's VM, for this file and bench_live.c: created,
 * populated (unless the workload is sparse) and logging when tracked.
 */
struct ds_bench_vm {
	struct ds_vm *dvm;
	struct ds_workload wl;
	bool tracking;
	struct ds_set harvested;
	struct ds_pattern_params *guest_pat;	/* the guest's copy, host view */
};
struct ds_bench_vm *ds_bench_vm_open(const struct ds_workload *wl,
				     const struct ds_mode *mode,
				     struct ds_placement *place, const char **skip);
void ds_bench_vm_close(struct ds_bench_vm *b);
/* Set the pattern the guest runs from its next round on. */
void ds_bench_vm_pattern(struct ds_bench_vm *b, uint32_t pattern, uint32_t ppm);
/* The writes of every guest this process closed (dirtysuite bench's probe). */
uint64_t ds_bench_guest_writes(void);
/* Soft-full exits and the vCPU time in them, over every vCPU so far. */
void ds_bench_vm_exits(struct ds_vm *dvm, uint64_t *exits, uint64_t *stall);

/* bench_run.c: @p's VM through its fractions, into p->res[] (and p->rb). */
void ds_point_run(struct ds_point *p, struct ds_progress *prog);
/* The rough cost of fraction @f of @p, for the sweep's ETA. */
double ds_point_weight(const struct ds_point *p, unsigned int f);
/* The progress line of @p's fraction @f on stderr, and the step done after it. */
void ds_point_progress(const struct ds_progress *pr, const struct ds_point *p,
		       unsigned int f);
void ds_point_step(struct ds_progress *pr, const struct ds_point *p, unsigned int f);
void ds_point_free(struct ds_point *p);

/* bench_place.c: read back @dvm's placement into @rb (for bench_run.c). */
struct ds_vm;
void ds_place_read_back(struct ds_placement *pl, struct ds_vm *dvm,
			struct ds_readback *rb);
/* A point pinned by vcpu_cpus/harvest_cpu whose read-back disagrees: say so. */
void ds_pin_check(const struct ds_point *p);
/*
 * The harvester is the caller's thread, and a placed VM pins it as its
 * vCPUs start (placement.c): a placed point saves the thread's CPUs before
 * it opens its VM and puts them back after, whether the VM opened or not,
 * so the next point starts unpinned.  An unplaced point does neither.
 */
struct ds_affinity {
	bool saved;
	cpu_set_t cpus;
};
void ds_affinity_save(const struct ds_point *p, struct ds_affinity *a);
void ds_affinity_restore(const struct ds_affinity *a);

/* bench_stats.c: every point's p->st and p->tax; s->ovh; s->cross for -x fraction. */
void ds_sweep_stats(struct ds_sweep *s);

/* bench_tax.c (for bench_stats.c): the tax of @on's rounds over @off's. */
void ds_tax(const double *on, uint32_t non, const double *off, uint32_t noff,
	    struct ds_tax *t);

/* bench_live_out.c: -x live's figures (p->lst), live.tsv and its lines. */
bool ds_out_live(struct ds_sweep *s, const char *meta);

/* bench_out.c */
/* The summary and samples tables, their lines, the overhead lines. */
bool ds_out_sweep(const struct ds_sweep *s, const char *meta);
/* -x fraction: crossover.tsv and its lines. */
bool ds_out_crossover(const struct ds_sweep *s, const char *meta);
/* -x placement: placement.tsv and placement-readback.tsv, opened first. */
struct ds_place_out;
struct ds_place_out *ds_out_place_open(const struct ds_sweep *s, const char *meta);
bool ds_out_place(struct ds_place_out *po, const struct ds_sweep *s);

/* bench_table.c: DIR/NAME.tsv.tmp + .json.tmp, renamed on close. */
struct ds_table {
	char tsv_path[512], json_path[512];
	FILE *tsv, *json;
	const char *const *cols;
	unsigned int ncols;
	uint64_t rows;
};
bool ds_table_open(struct ds_table *t, const char *dir, const char *name,
		   const char *const *cols, unsigned int ncols, const char *meta);
void ds_table_row(struct ds_table *t, char *const *vals);
/* A figure as every table writes it: %.6g, or "nan" for none. */
void ds_table_num(char buf[32], double v);
bool ds_table_close(struct ds_table *t);

#endif /* DS_BENCH_H */
