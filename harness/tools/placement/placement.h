/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Placement: which CPUs the vCPU threads and the harvesting thread run on
 * and which NUMA node holds the guest's memory, and a read-back of where
 * they actually were.  A harvest that crosses a socket, or a harvester
 * sharing a core with a vCPU, changes what dirty tracking costs; a vendor
 * report must say which it measured.
 *
 * CPU locations are hwloc's: "core:0", "pu:1", "node:1", "core:0-1",
 * "socket:0", or a list of PU OS indexes "0-1,3".  Several locations
 * joined by '/' are given to the vCPUs in turn: "pu:0/pu:1" pins vCPU 0
 * to PU 0 and vCPU 1 to PU 1 (vCPU i takes location i mod n).
 *
 * Use: ds_placement_parse() into a struct, ds_placement_apply() onto a
 * ds_vm_cfg before ds_vm_create(), ds_placement_report() after a run.
 */
#ifndef DS_PLACEMENT_H
#define DS_PLACEMENT_H

#include <sched.h>
#include <stdbool.h>
#include <stdio.h>

#include "vm.h"

#define DS_PLACE_MAX_LOCS	16
#define DS_PLACE_SPEC_LEN	128
#define DS_PLACE_SAMPLES	64	/* pages per slot whose node is read back */

struct ds_placement {
	char name[32];			/* e.g. "other-core", for sweeps */
	char vcpu_spec[DS_PLACE_SPEC_LEN];	/* as given; "" = not pinned */
	char harvest_spec[DS_PLACE_SPEC_LEN];
	unsigned int nr_vcpu_locs;
	cpu_set_t vcpu_cpus[DS_PLACE_MAX_LOCS];
	bool harvest_pinned;
	cpu_set_t harvest_cpus;
	int mem_node;			/* -1: memory not bound */
	int errors;			/* binds that failed (see stderr) */
	pid_t harvest_tid;
};

/* An unpinned placement: every field "let the kernel decide". */
void ds_placement_init(struct ds_placement *p);

/*
 * Parse one hwloc location (or '/'-joined list of them, for the vCPUs)
 * into CPU sets.  Returns the number of sets, or -1 with a message in
 * @err.  Sets with no CPU of this machine are an error.
 */
int ds_placement_parse_cpus(const char *spec, cpu_set_t *sets,
			    unsigned int max, char *err, size_t errlen);

/* Fill @p from the three options; NULL/"" and -1 leave a part unplaced. */
int ds_placement_parse(struct ds_placement *p, const char *vcpu_cpus,
		       const char *harvest_cpu, int mem_node,
		       char *err, size_t errlen);

/* Install @p as @cfg's lifecycle hooks (vm.h); @p must outlive the VM. */
void ds_placement_apply(struct ds_placement *p, struct ds_vm_cfg *cfg);

/*
 * Read back where every thread runs (allowed CPUs, last CPU, its core and
 * node) and on which node a sample of each slot's pages lies; write one
 * TSV row each to @tsv (header first when @header).  Returns the number
 * of mismatches with what was asked: a thread outside its set, a sampled
 * page off the bound node.
 */
int ds_placement_report(struct ds_placement *p, struct ds_vm *dvm,
			FILE *tsv, bool header);

/*
 * The standard sweep of harvester placements against vCPU 0 on core 0:
 * the same core, another core, another NUMA node (each only where the
 * machine has it).  Returns how many were written to @out (at most @max).
 */
int ds_placement_sweep(struct ds_placement *out, int max);

/* Tests only: use a synthetic hwloc topology ("node:2 core:2 pu:2"). */
void ds_placement_synthetic(const char *desc);

/* NUMA nodes of this machine (hwloc), and the format "0-1,3" of a set. */
int ds_placement_nr_nodes(void);
void ds_cpuset_str(const cpu_set_t *set, char *buf, size_t len);

#endif /* DS_PLACEMENT_H */
