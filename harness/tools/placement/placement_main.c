// SPDX-License-Identifier: GPL-2.0
/*
 * ds-placement: run a dirty-logging VM placed as asked, verify every
 * round, and read back where its threads ran and where its memory is.
 *
 *   ds-placement [--vcpu-cpus LOC] [--harvest-cpu LOC] [--mem-node N]
 *                [--sweep] [--vcpus N] [--mib N] [--rounds N] [--tsv FILE]
 *
 * Exit 0: every round verified and everything was where it was asked to
 * be; 1: a lost page, or a thread or a sampled page elsewhere; 2: usage;
 * 4 (skip): the machine lacks what was asked (no node N, no /dev/kvm).
 * --sweep runs the standard harvester placements (same core as the
 * vCPUs, another core, another node) and prints each one's harvest cost.
 * The read-back is one TSV row per thread and slot (placement.h).
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mode.h"
#include "opt.h"
#include "placement.h"
#include "round_check.h"
#include "util.h"

#define DEF_VCPUS	2
#define DEF_MIB		64	/* small: a write fault costs ~20 us on PVM */
#define DEF_ROUNDS	3
#define SWEEP_MAX	4

struct args {
	uint64_t vcpus, mib, rounds;
	const char *tsv;
	bool sweep;
};

/* One VM placed as @p: returns mismatches + failed rounds. */
static int run_placed(struct ds_placement *p, const struct args *a, FILE *tsv,
		      bool header)
{
	struct ds_htimes t = { 0 };
	struct ds_set set;
	struct ds_vm_cfg cfg;
	struct ds_vm *dvm;
	uint64_t r, t0, ns = 0;
	int bad;

	ds_vm_cfg_default(&cfg);
	cfg.nr_vcpus = a->vcpus;
	cfg.slot_pages[0] = DS_MIB_PAGES(a->mib);
	ds_placement_apply(p, &cfg);
	dvm = ds_vm_create(&cfg);
	bad = !ds_vm_run_verified(dvm, a->rounds, true);

	/* Harvest cost as placed: one round dirtied, then one harvest timed. */
	ds_set_init(&set, dvm->nr_pages);
	for (r = 0; r < a->rounds; r++) {
		ds_vm_round(dvm);
		ds_set_zero(&set);
		t0 = ds_now_ns();
		ds_harvest(dvm, &set, &t);
		ns += ds_now_ns() - t0;
	}
	printf("# placement %s: harvest %.1f us/round (n=%lu rounds, %lu pages/round)\n",
	       *p->name ? p->name : "as-given", ns / 1e3 / a->rounds, a->rounds,
	       t.pages / a->rounds);
	ds_set_free(&set);

	bad += ds_placement_report(p, dvm, tsv, header);
	if (tsv != stdout)
		ds_placement_report(p, dvm, stdout, header);
	ds_vm_destroy(dvm);
	return bad;
}

static int usage(FILE *f, int rc)
{
	fprintf(f, "usage: ds-placement [options]\n"
		"  --vcpu-cpus LOC   hwloc locations of the vCPU threads, '/'-separated\n"
		"                    per vCPU (core:0, pu:1, node:0, 0-1; default: unpinned)\n"
		"  --harvest-cpu LOC location of the harvesting thread (default: unpinned)\n"
		"  --mem-node N      bind guest memory to NUMA node N (default: unbound)\n"
		"  --sweep           run the standard harvester placements instead\n"
		"  --vcpus N         vCPUs (default %d)\n"
		"  --mib N           guest test memory in MiB (default %d)\n"
		"  --rounds N        rounds verified, then rounds timed (default %d)\n"
		"  --tsv FILE        also write the read-back TSV to FILE\n",
		DEF_VCPUS, DEF_MIB, DEF_ROUNDS);
	return rc;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "vcpu-cpus", required_argument, NULL, 'c' },
		{ "harvest-cpu", required_argument, NULL, 'H' },
		{ "mem-node", required_argument, NULL, 'n' },
		{ "sweep", no_argument, NULL, 'S' },
		{ "vcpus", required_argument, NULL, 'v' },
		{ "mib", required_argument, NULL, 'm' },
		{ "rounds", required_argument, NULL, 'r' },
		{ "tsv", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ 0 }
	};
	struct args a = { DEF_VCPUS, DEF_MIB, DEF_ROUNDS, NULL, false };
	const char *vcpus = NULL, *harvest = NULL;
	struct ds_placement p[SWEEP_MAX];
	uint64_t node = ~0ULL;
	char err[256];
	FILE *tsv = stdout;
	int c, n, i, bad = 0;

	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		switch (c) {
		case 'c': vcpus = optarg; break;
		case 'H': harvest = optarg; break;
		case 'n':
			if (!ds_parse_u64("--mem-node", optarg, 0, 1023, &node))
				return 2;
			break;
		case 'S': a.sweep = true; break;
		case 'v':
			if (!ds_parse_u64("--vcpus", optarg, 1, DS_MAX_VCPUS, &a.vcpus))
				return 2;
			break;
		case 'm':
			if (!ds_parse_u64("--mib", optarg, 2, 1 << 16, &a.mib) )
				return 2;
			a.mib &= ~1ULL;		/* slots are whole 2 MiB pages */
			break;
		case 'r':
			if (!ds_parse_u64("--rounds", optarg, 1, 1 << 20, &a.rounds))
				return 2;
			break;
		case 't': a.tsv = optarg; break;
		case 'h': return usage(stdout, 0);
		default: return usage(stderr, 2);
		}
	}
	if (optind < argc)
		return usage(stderr, 2);

	if (a.sweep) {
		n = ds_placement_sweep(p, SWEEP_MAX);
	} else {
		n = 1;
		if (node != ~0ULL && (int)node >= ds_placement_nr_nodes()) {
			printf("SKIP: --mem-node %lu: this machine has %d NUMA node(s)\n",
			       node, ds_placement_nr_nodes());
			return 4;
		}
		if (ds_placement_parse(&p[0], vcpus, harvest,
				       node == ~0ULL ? -1 : (int)node,
				       err, sizeof(err)) < 0) {
			fprintf(stderr, "ds-placement: %s\n", err);
			return 2;
		}
	}
	if (access("/dev/kvm", R_OK | W_OK)) {
		printf("SKIP: /dev/kvm not usable\n");
		return 4;
	}
	if (a.tsv && !(tsv = fopen(a.tsv, "w"))) {
		perror(a.tsv);
		return 2;
	}
	for (i = 0; i < n; i++)
		bad += run_placed(&p[i], &a, tsv, i == 0);
	if (tsv != stdout)
		fclose(tsv);
	printf("# %d placement(s), %d mismatch(es) or failed check(s)\n", n, bad);
	return bad ? 1 : 0;
}
