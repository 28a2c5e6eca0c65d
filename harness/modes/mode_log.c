// SPDX-License-Identifier: GPL-2.0
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>

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
 *
 * All of ours that the calls need is read before the clock starts: on a
 * nested host with shadow paging the first touch of a page after a round
 * costs about 1 us, and the slot array, this mode's state and the
 * framework's struct kvm_vm, read inside it, made the manual-protect get
 * (7 us, the ioctl) 1.4 us dearer than the same call with them read
 * before (the fastest 5 % of 28 samples each, 6.4 and 4.9 us).
 */
void ds_log_get_all(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t)
{
	struct ds_log_priv *lp = ds_log_priv(dvm);
	struct kvm_dirty_log args[DS_MAX_SLOTS];
	uint32_t i, n = dvm->nr_slots;
	int fd = dvm->vm->fd, ret = 0;
	uint64_t t0;

	for (i = 0; i < n; i++) {
		lp->logs[i] = out->bits + dvm->slots[i].first / 64;
		args[i] = (struct kvm_dirty_log){ .slot = dvm->slots[i].id,
						  .dirty_bitmap = lp->logs[i] };
	}
	t0 = ds_now_ns();
	for (i = 0; i < n && !ret; i++)
		ret = ioctl(fd, KVM_GET_DIRTY_LOG, &args[i]);
	t->get_ns += ds_now_ns() - t0;
	TEST_ASSERT(!ret, "KVM_GET_DIRTY_LOG, slot %u: %s", args[i - 1].slot,
		    strerror(errno));
	t->calls += n;
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
