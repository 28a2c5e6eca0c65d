// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "mode_log.h"
#include "util.h"

void ds_log_enable(struct ds_vm *dvm)
{
	struct ds_log_priv *lp = ds_calloc(1, sizeof(*lp));

	dvm->mode_priv = lp;
	ds_vm_slots_flags(dvm, KVM_MEM_LOG_DIRTY_PAGES);
}

/*
 * Slots are whole 2 MiB (ds_vm_create() asserts it), so each one's pages
 * fill whole words of @out, where KVM's bitmap for it fits word for word:
 * KVM_GET_DIRTY_LOG writes there and the harvest has no step of ours.
 */
void ds_log_get_all(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	uint64_t t0 = ds_now_ns();
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		lp->logs[i] = out->bits + s->first / 64;
		kvm_vm_get_dirty_log(dvm->vm, s->id, lp->logs[i]);
	}
	t->get_ns += ds_now_ns() - t0;
	t->calls += dvm->nr_slots;
}

void ds_log_reset_none(struct ds_vm *dvm, struct ds_htimes *t)
{
}

void ds_log_disable(struct ds_vm *dvm)
{
	ds_vm_slots_flags(dvm, 0);
}

void ds_log_free(struct ds_vm *dvm)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);

	if (!lp)
		return;
	free(lp);
	dvm->mode_priv = NULL;
}
