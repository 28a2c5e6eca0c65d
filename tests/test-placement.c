// SPDX-License-Identifier: GPL-2.0
/*
 * Placement locations: hwloc's TYPE:N and TYPE:N-M, CPU lists, '/'-joined
 * per-vCPU lists, and one clear error for each bad one.  The machine is
 * synthetic (2 NUMA nodes x 2 cores x 2 PUs), so the answers are the same
 * on every host.
 */
#include <string.h>

#include "placement.h"
#include "unit.h"

static int nr_cpus(const cpu_set_t *s)
{
	return CPU_COUNT(s);
}

static const char *str(const cpu_set_t *s)
{
	static char buf[64];

	ds_cpuset_str(s, buf, sizeof(buf));
	return buf;
}

int main(void)
{
	cpu_set_t sets[4];
	struct ds_placement p, sw[4];
	char err[128];
	int n;

	ds_placement_synthetic("node:2 core:2 pu:2");

	n = ds_placement_parse_cpus("pu:1", sets, 4, err, sizeof(err));
	CHECK(n == 1 && !strcmp(str(&sets[0]), "1"), "pu:1 is PU 1 (%s)", str(&sets[0]));
	n = ds_placement_parse_cpus("core:1", sets, 4, err, sizeof(err));
	CHECK(n == 1 && !strcmp(str(&sets[0]), "2-3"), "core:1 is PUs 2-3 (%s)", str(&sets[0]));
	n = ds_placement_parse_cpus("core:0-1", sets, 4, err, sizeof(err));
	CHECK(n == 1 && nr_cpus(&sets[0]) == 4, "core:0-1 is 4 PUs");
	n = ds_placement_parse_cpus("node:1", sets, 4, err, sizeof(err));
	CHECK(n == 1 && !strcmp(str(&sets[0]), "4-7"), "node:1 is PUs 4-7 (%s)", str(&sets[0]));
	n = ds_placement_parse_cpus("0-1,5", sets, 4, err, sizeof(err));
	CHECK(n == 1 && !strcmp(str(&sets[0]), "0-1,5"), "CPU list 0-1,5");
	n = ds_placement_parse_cpus("pu:0/core:3/6", sets, 4, err, sizeof(err));
	CHECK(n == 3 && !strcmp(str(&sets[1]), "6-7"), "three per-vCPU locations");

	CHECK(ds_placement_parse_cpus("core:4", sets, 4, err, sizeof(err)) < 0 &&
	      strstr(err, "has 4 Core"), "core:4 rejected (%s)", err);
	CHECK(ds_placement_parse_cpus("bogus:1", sets, 4, err, sizeof(err)) < 0 &&
	      strstr(err, "unknown object type"), "unknown type (%s)", err);
	CHECK(ds_placement_parse_cpus("core:", sets, 4, err, sizeof(err)) < 0,
	      "missing index rejected (%s)", err);
	CHECK(ds_placement_parse_cpus("core:1-0", sets, 4, err, sizeof(err)) < 0,
	      "reversed range rejected (%s)", err);
	CHECK(ds_placement_parse_cpus("", sets, 4, err, sizeof(err)) < 0,
	      "empty rejected (%s)", err);
	CHECK(ds_placement_parse_cpus("x1", sets, 4, err, sizeof(err)) < 0,
	      "junk rejected (%s)", err);
	CHECK(ds_placement_parse_cpus("pu:0/pu:1/pu:2", sets, 2, err, sizeof(err)) < 0,
	      "too many locations rejected (%s)", err);

	CHECK(ds_placement_parse(&p, "pu:0/pu:1", "core:3", 1, err, sizeof(err)) == 0 &&
	      p.nr_vcpu_locs == 2 && p.harvest_pinned && p.mem_node == 1,
	      "full placement parsed");
	CHECK(ds_placement_parse(&p, NULL, "", -1, err, sizeof(err)) == 0 &&
	      !p.nr_vcpu_locs && !p.harvest_pinned && p.mem_node == -1,
	      "empty placement leaves everything to the kernel");
	CHECK(ds_placement_parse(&p, NULL, NULL, 2, err, sizeof(err)) < 0 &&
	      strstr(err, "2 NUMA node"), "node 2 rejected (%s)", err);

	n = ds_placement_sweep(sw, 4);
	CHECK(n == 3 && !strcmp(sw[0].name, "same-core") &&
	      !strcmp(sw[1].name, "other-core") && !strcmp(sw[2].name, "other-node") &&
	      sw[2].mem_node == 0 && !strcmp(str(&sw[2].harvest_cpus), "4-7"),
	      "sweep: same-core, other-core, other-node (%d)", n);
	return unit_exit();
}
