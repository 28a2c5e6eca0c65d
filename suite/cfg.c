// SPDX-License-Identifier: GPL-2.0
/* VM configurations that more than one area builds. */
#include "suite.h"
#include "util.h"

void ds_ring_fill_cfg(struct ds_vm_cfg *cfg, const struct ds_test_opts *o,
		      uint32_t entries, uint32_t vcpus, uint32_t mib)
{
	ds_vm_cfg_default(cfg);
	cfg->mode = ds_mode_find("ring");
	cfg->mcfg.ring_entries = entries;
	cfg->nr_vcpus = vcpus;
	cfg->slot_pages[0] = DS_MIB_PAGES(mib);
	/* Every page of each vCPU's slice, every round: the ring fills. */
	cfg->pat.pattern = ds_pattern_find("seq");
	cfg->pat.fraction_ppm = 1000000;
	cfg->pat.seed = o->seed;
}
