// SPDX-License-Identifier: GPL-2.0
/*
 * bitmap: KVM_MEM_LOG_DIRTY_PAGES + KVM_GET_DIRTY_LOG, which returns the
 * slot's dirty bitmap and write-protects the reported pages again in the
 * same call (api.rst 4.8).  There is nothing left for reset to do.
 */
#include "mode.h"
#include "mode_log.h"
#include "util.h"

static const char *bitmap_supported(const struct ds_mode_cfg *mcfg)
{
	return NULL;	/* KVM_GET_DIRTY_LOG exists wherever KVM does */
}

static void bitmap_harvest(struct ds_vm *dvm, struct ds_set *out,
			   struct ds_htimes *t)
{
	ds_log_get_all(dvm, out, t);
}

const struct ds_mode ds_mode_bitmap = {
	.name = "bitmap",
	.help = "KVM_GET_DIRTY_LOG (get and re-protect in one call)",
	.supported = bitmap_supported,
	.enable = ds_log_enable,
	.harvest = bitmap_harvest,
	.fills_set = true,
	.reset = ds_log_reset_none,
	.disable = ds_log_disable,
	.free = ds_log_free,
};
