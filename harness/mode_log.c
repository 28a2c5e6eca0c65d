// SPDX-License-Identifier: GPL-2.0
#include <stdlib.h>
#include <string.h>

#include "mode_log.h"
#include "util.h"

void ds_log_enable(struct ds_vm *dvm)
{
	struct ds_log_priv *lp = ds_calloc(1, sizeof(*lp));
	uint32_t i;

	dvm->mode_priv = lp;
	for (i = 0; i < dvm->nr_slots; i++) {
		lp->logs[i] = ds_calloc(dvm->slots[i].npages / 64 + 1, 8);
		ds_vm_slot_flags(dvm, &dvm->slots[i], KVM_MEM_LOG_DIRTY_PAGES);
	}
}

void ds_log_get_all(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	uint64_t t0, t1, t2;
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++) {
		struct ds_slot *s = &dvm->slots[i];

		t0 = ds_now_ns();
		kvm_vm_get_dirty_log(dvm->vm, s->id, lp->logs[i]);
		t1 = ds_now_ns();
		t->pages += ds_set_or_bitmap(out, s->first, lp->logs[i], s->npages);
		t2 = ds_now_ns();
		t->get_ns += t1 - t0;
		t->user_ns += t2 - t1;
		t->calls++;
	}
}

void ds_log_reset_none(struct ds_vm *dvm, struct ds_htimes *t)
{
}

void ds_log_disable(struct ds_vm *dvm)
{
	uint32_t i;

	for (i = 0; i < dvm->nr_slots; i++)
		ds_vm_slot_flags(dvm, &dvm->slots[i], 0);
}

void ds_log_free(struct ds_vm *dvm)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	uint32_t i;

	if (!lp)
		return;
	for (i = 0; i < DS_MAX_SLOTS; i++)
		free(lp->logs[i]);
	free(lp->chunks);
	free(lp);
	dvm->mode_priv = NULL;
}
