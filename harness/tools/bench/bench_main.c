// SPDX-License-Identifier: GPL-2.0
/*
 * ds-bench: run a workload, or sweep one of its parameters, for every
 * tracking mode of this build, and write the tables of bench.h.  This is
 * the top of bench.h's stages: it turns the command line into options
 * and hands them to the sweep.
 *
 * Exit status: 0 done, 1 a check failed (-x live lost a page), 2 bad usage
 * or workload, 3 could not write.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "ds_uapi.h"
#include "inject.h"
#include "mode.h"
#include "opt.h"
#include "pattern.h"
#include "placement.h"
#include "util.h"

/* The default sweep ranges: geometric, so the plots' log axes are even. */
static const char *const def_fracs = "0.1,0.3,1,3,10,30,100";
static const char *const def_mems = "64M,128M,256M";
static const char *const def_rings = "256,1024,4096,16384";
static const char *const def_shifts = "6,8,10,12,14,16,18";
static const char *const def_vcpus = "1,2,4";
static const char *const def_periods = "10,50,200";

static void help(void)
{
	unsigned int i;

	printf("usage: ds-bench [-w WORKLOAD] [-s SECTION] [-x SWEEP] [-o DIR] [-n NAME]\n"
	       "                [-F PCTS] [-M SIZES] [-R ENTRIES] [-S SHIFTS] [-V VCPUS] [-T MS]\n"
	       "                [-k KEY=VALUE]... [-i FAULT]\n"
	       "  -w  workload: a path, or NAME for $DS_ROOT/workloads/NAME.wl\n"
	       "      (default: the built-in defaults, as workloads/default.wl states)\n"
	       "  -s  the workload's [SECTION]\n"
	       "  -x  point (default), fraction, ring, shift, vcpus, placement or live\n"
	       "      (placement: every mode with the harvester on a vCPU's core,\n"
	       "      another core, another NUMA node, where this machine has them)\n"
	       "  -o  folder for the tables (default .)\n"
	       "  -n  name the tables NAME.tsv, NAME.json, NAME-samples.tsv, NAME-samples.json\n"
	       "      (placement: NAME-readback.*) instead of after the sweep\n"
	       "  -F  dirty %% per round, fraction sweep (default %s)\n"
	       "  -M  memory sizes, fraction sweep (default %s)\n"
	       "  -R  ring entries per vCPU, ring sweep (default %s)\n"
	       "  -S  clear chunk shifts, shift sweep (default %s)\n"
	       "  -V  vCPU counts, vcpus sweep (default %s)\n"
	       "  -T  harvest periods in ms, live sweep (default %s): the vCPUs run\n"
	       "      free for live_ms while a harvester harvests every T ms\n"
	       "  -k  set a workload key after the file (e.g. -k rounds=5)\n"
	       "  -i  inject FAULT into every harvest (the bench's own self-test: a live\n"
	       "      run under -i no-reset or drop-one must lose pages and exit 1)\n"
	       "  -C  print the KVM capabilities that matter here, and exit\n"
	       "modes in this build:", def_fracs, def_mems, def_rings,
	       def_shifts, def_vcpus, def_periods);
	for (i = 0; i < ds_nr_modes; i++)
		printf(" %s", ds_modes[i]->name);
	printf("\npatterns:");
	for (i = 0; i < ds_nr_patterns; i++)
		printf(" %s", ds_patterns[i].name);
	printf("\n");
}

/* vcpu_cpus and harvest_cpu into the sweep's pins, checked against this machine. */
static bool pin_threads(struct ds_sweep_opts *o)
{
	static struct ds_placement pin;
	char err[128];

	if (!o->wl.vcpu_cpus[0] && !o->wl.harvest_cpu[0])
		return true;
	if (o->kind == SW_PLACEMENT) {
		fprintf(stderr, "ds-bench: -x placement places its threads itself: drop vcpu_cpus and harvest_cpu\n");
		return false;
	}
	if (ds_placement_parse(&pin, o->wl.vcpu_cpus, o->wl.harvest_cpu, -1, err,
			       sizeof(err)) < 0) {
		fprintf(stderr, "ds-bench: vcpu_cpus=%s harvest_cpu=%s: %s\n",
			o->wl.vcpu_cpus[0] ? o->wl.vcpu_cpus : "none",
			o->wl.harvest_cpu[0] ? o->wl.harvest_cpu : "none", err);
		return false;
	}
	o->pin = &pin;
	return true;
}

static bool one_pct(const char *what, const char *t, void *out, unsigned int i)
{
	if (ds_parse_pct_ppm(t, &((uint32_t *)out)[i]) && ((uint32_t *)out)[i])
		return true;
	fprintf(stderr, "ds-bench: %s: '%s' is not a percentage in (0, 100]\n", what, t);
	return false;
}

static bool one_u32(const char *what, const char *t, void *out, unsigned int i)
{
	uint64_t v;

	if (!ds_parse_u64(what, t, 1, 1 << 20, &v))
		return false;
	((uint32_t *)out)[i] = v;
	return true;
}

static bool load_workload(const char *name, const char *section,
			  struct ds_workload *wl)
{
	char path[512], err[DS_WL_ERR];
	const char *root = getenv("DS_ROOT");

	if (!name) {
		ds_workload_default(wl);
		return true;
	}
	if (strchr(name, '/') || strstr(name, ".wl"))
		snprintf(path, sizeof(path), "%s", name);
	else
		snprintf(path, sizeof(path), "%s%sworkloads/%s.wl", root ?: "",
			 root ? "/" : "", name);
	if (ds_workload_load(path, section, wl, err))
		return true;
	fprintf(stderr, "%s\n", err);
	return false;
}

/* -C: the KVM capabilities that decide what the modes can do, for env.txt. */
static void print_caps(void)
{
	static const struct { const char *name; long cap; } caps[] = {
		{ "DIRTY_LOG_RING", KVM_CAP_DIRTY_LOG_RING },
		{ "DIRTY_LOG_RING_ACQ_REL", KVM_CAP_DIRTY_LOG_RING_ACQ_REL },
		{ "DIRTY_LOG_RING_WITH_BITMAP", KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP },
		{ "MANUAL_DIRTY_LOG_PROTECT2", KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2 },
		{ "DIRTY_LOG_RING_WAITQUEUE", KVM_CAP_DIRTY_LOG_RING_WAITQUEUE },
		{ "NR_MEMSLOTS", KVM_CAP_NR_MEMSLOTS },
		{ "MAX_VCPUS", KVM_CAP_MAX_VCPUS },
		{ "MULTI_ADDRESS_SPACE", KVM_CAP_MULTI_ADDRESS_SPACE },
	};
	unsigned int i;

	for (i = 0; i < DS_ARRAY_SIZE(caps); i++)
		printf("%s: %d\n", caps[i].name, kvm_check_cap(caps[i].cap));
}

int main(int argc, char **argv)
{
	static struct ds_sweep_opts o;
	const char *wname = NULL, *section = NULL, *sweep = "point";
	const char *fr = def_fracs, *me = def_mems, *ri = def_rings;
	const char *sh = def_shifts, *vc = def_vcpus;
	const char *pe = def_periods;
	char *sets[32], why[384], *eq;
	unsigned int nsets = 0, i;
	int c;

	setvbuf(stdout, NULL, _IOLBF, 0);
	o.outdir = ".";
	while ((c = getopt(argc, argv, "w:s:x:o:n:F:M:R:S:V:T:k:i:Ch")) != -1) {
		switch (c) {
		case 'w': wname = optarg; break;
		case 's': section = optarg; break;
		case 'x': sweep = optarg; break;
		case 'o': o.outdir = optarg; break;
		case 'n': o.name = optarg; break;
		case 'F': fr = optarg; break;
		case 'M': me = optarg; break;
		case 'R': ri = optarg; break;
		case 'S': sh = optarg; break;
		case 'V': vc = optarg; break;
		case 'T': pe = optarg; break;
		case 'k':
			if (nsets < 32)
				sets[nsets++] = optarg;
			break;
		case 'i':
			if (!ds_fault_parse(optarg))
				return 2;
			break;
		case 'C': print_caps(); return 0;
		case 'h': help(); return 0;
		default: help(); return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "ds-bench: unexpected argument '%s'\n", argv[optind]);
		return 2;
	}
	if (!load_workload(wname, section, &o.wl))
		return 2;
	for (i = 0; i < nsets; i++) {
		eq = strchr(sets[i], '=');
		if (!eq) {
			fprintf(stderr, "ds-bench: -k %s: expected KEY=VALUE\n", sets[i]);
			return 2;
		}
		*eq = 0;
		if (!ds_workload_set(&o.wl, sets[i], eq + 1, why, sizeof(why))) {
			fprintf(stderr, "ds-bench: -k: %s\n", why);
			return 2;
		}
	}
	for (i = 0; i < SW_NR; i++)
		if (!strcmp(sweep, ds_sweep_name(i)))
			break;
	if (i == SW_NR) {
		fprintf(stderr, "ds-bench: -x: unknown sweep '%s'\n", sweep);
		return 2;
	}
	o.kind = i;
	if (!pin_threads(&o))
		return 2;
	if (!ds_parse_list("-F", fr, 32, &o.nr_fracs, one_pct, o.fracs_ppm) ||
	    !ds_parse_list("-M", me, 16, &o.nr_mems, ds_list_mem_size, o.mems) ||
	    !ds_parse_list("-R", ri, 16, &o.nr_rings, one_u32, o.rings) ||
	    !ds_parse_list("-S", sh, 16, &o.nr_shifts, one_u32, o.shifts) ||
	    !ds_parse_list("-V", vc, 16, &o.nr_vcpus, one_u32, o.vcpus) ||
	    !ds_parse_list("-T", pe, 8, &o.nr_periods, one_u32, o.periods_ms))
		return 2;
	printf("# ds-bench: sweep %s, workload %s, pattern %s, %llu MiB, %u vCPUs, dirty %.4g%%, %u rounds + %u warm-up\n",
	       sweep, o.wl.name, ds_patterns[o.wl.pat.pattern].name,
	       (unsigned long long)(o.wl.mem_bytes >> 20), o.wl.nr_vcpus,
	       o.wl.pat.fraction_ppm / 1e4, o.wl.rounds, o.wl.warmup);
	return ds_sweep_run(&o);
}
