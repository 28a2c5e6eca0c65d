/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the two bitmap-based modes (bitmap, clear) share: per-slot log
 * buffers and the KVM_GET_DIRTY_LOG loop.
 */
#ifndef DS_MODE_LOG_H
#define DS_MODE_LOG_H

#include "mode.h"

struct ds_log_priv {
	/* Where the last KVM_GET_DIRTY_LOG of each slot went: the words of the
	 * harvest's set for that slot, which the clear that follows reads. */
	uint64_t *logs[DS_MAX_SLOTS];
};

static inline struct ds_log_priv *ds_log_priv(struct ds_vm *dvm)
{
	return dvm->mode_priv;
}

/* Allocate the buffers and set KVM_MEM_LOG_DIRTY_PAGES on every test slot. */
void ds_log_enable(struct ds_vm *dvm);
/* KVM_GET_DIRTY_LOG on every test slot, straight into @out. */
void ds_log_get_all(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t);
void ds_log_reset_none(struct ds_vm *dvm, struct ds_htimes *t);
void ds_log_disable(struct ds_vm *dvm);
void ds_log_free(struct ds_vm *dvm);

#endif /* DS_MODE_LOG_H */
