/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ds-bench: the benchmark engine.  A sweep is a list of points; a point is
 * one VM (workload + mode) that lives through one or more dirty fractions,
 * because creating and faulting in a VM costs far more than a round here.
 * Every figure is a set of per-round samples, summarised only on output.
 *
 *   bench_run.c    one VM's life: prefault, warm-up, measured rounds
 *   bench_stats.c  median, p99, min, max over samples
 *   bench_sweep.c  the sweeps: points, running them, progress
 *   bench_out.c    the sweeps' summary, samples and crossover tables
 *   bench_table.c  versioned TSV + JSON twin, written atomically
 *   bench_place.c  the placement sweep and its read-back
 */
#ifndef DS_BENCH_H
#define DS_BENCH_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "workload.h"

struct ds_mode;

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
extern const char *const ds_bm_names[BM_NR];

struct ds_stat {
	double median, p99, min, max;
	uint32_t n;	/* samples behind the figure (NaNs left out) */
};
void ds_stat_of(const double *v, uint32_t n, struct ds_stat *s);

/*
 * The harness's own share of the harvest (user_ns as % of harvest_ns),
 * gathered per mode over a sweep's points and printed as one line a mode.
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
	} m[DS_OVH_MODES];
};
void ds_overhead_add(struct ds_overhead *o, const char *mode,
		     const struct ds_stat *st);
void ds_overhead_print(const struct ds_overhead *o, uint32_t rounds);

enum { DS_CROSS_AT, DS_CROSS_A_ALWAYS, DS_CROSS_B_ALWAYS, DS_CROSS_NODATA };
int ds_crossover(const double *x, const double *a, const double *b,
		 unsigned int n, double *at);

/* One (VM, fraction) measurement: rounds samples of every figure. */
struct ds_bench_res {
	uint32_t n;
	double *v[BM_NR];
	const char *skip;	/* set when the mode could not run here */
	/*
	 * The ring overflowed (a kernel bug, suite/known-issues): the samples
	 * stop at the round it happened in, or before it if that round was
	 * cut short; the point's verdict is "overflow".
	 */
	bool overflow;
};
void ds_bench_res_init(struct ds_bench_res *r, uint32_t rounds);
void ds_bench_res_free(struct ds_bench_res *r);

struct ds_bench_vm;

/*
 * Create the VM of @wl with @mode (NULL: tracking off, the baseline) and
 * fault every page in once.  NULL with *skip set when the mode cannot run.
 */
struct ds_bench_vm *ds_bench_open(const struct ds_workload *wl,
				  const struct ds_mode *mode, const char **skip);
/* The same, placed as @place says (placement.h); @place outlives the VM. */
struct ds_placement;
struct ds_bench_vm *ds_bench_open_placed(const struct ds_workload *wl,
					 const struct ds_mode *mode,
					 struct ds_placement *place,
					 const char **skip);
/* The VM behind @b, for read-backs (placement). */
struct ds_vm *ds_bench_dvm(struct ds_bench_vm *b);
/*
 * wl->warmup discarded rounds, then wl->rounds measured, at @ppm dirty.
 * False when the VM overflowed (r->overflow) and cannot measure again.
 */
bool ds_bench_measure(struct ds_bench_vm *b, uint32_t ppm, struct ds_bench_res *r);
void ds_bench_close(struct ds_bench_vm *b);

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
bool ds_table_close(struct ds_table *t);

enum ds_sweep_kind { SW_POINT, SW_FRACTION, SW_RING, SW_SHIFT, SW_VCPUS,
		     SW_PLACEMENT, SW_NR };

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
};
int ds_sweep_run(const struct ds_sweep_opts *o);

/* A sweep's points (bench_sweep.c) and their results, for the tables. */
#define MAX_POINTS	256

struct sw_point {
	struct ds_workload wl;
	const struct ds_mode *mode;	/* NULL: tracking off */
	unsigned int nfr;
	uint32_t fracs[32];
	struct ds_bench_res res[32];
	const char *skip;
};

struct sweep {
	const struct ds_sweep_opts *o;
	struct sw_point *pts;
	unsigned int npts;
	double total_w, done_w;
	unsigned int steps, step;
	uint64_t t_start;
};

/* bench_out.c: the summary and samples tables, and -x fraction's crossover. */
bool ds_sweep_write_tables(struct sweep *s, const char *meta);
bool ds_crossover_write(struct sweep *s, const char *meta);
/* -x placement (bench_place.c): every mode under each standard placement. */
int ds_place_sweep_run(const struct ds_sweep_opts *o);
const char *ds_sweep_name(enum ds_sweep_kind k);
/* The name the tables of @o are written under: -n NAME, or the kind's. */
const char *ds_sweep_table(const struct ds_sweep_opts *o);

/* The modes of @wl that this build has, in table order. */
unsigned int ds_bench_modes(const struct ds_workload *wl,
			    const struct ds_mode **out, unsigned int max);

#endif /* DS_BENCH_H */
