/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracking modes: a table of hooks (modes.c), one file per mode.  Adding a
 * mode is one file plus one line in the table.
 */
#ifndef DS_MODE_H
#define DS_MODE_H

#include "vm.h"

struct ds_mode {
	const char *name;
	const char *help;
	/* NULL when this kernel can run the mode, else the SKIP reason. */
	const char *(*supported)(const struct ds_mode_cfg *mcfg);
	/* Turn tracking on; called before any vCPU exists. */
	void (*enable)(struct ds_vm *dvm);
	/* Per-vCPU set-up once the vCPU exists (e.g. map its ring). */
	void (*vcpu_init)(struct ds_vcpu *v);
	/*
	 * Fill @out, an empty set (ds_set_zero()), with the pages dirtied since
	 * the last reset.  Whatever a VMM must do to have that set, in its own
	 * memory, is the harvest's cost (get_ns); anything more of ours is
	 * user_ns.  Bitmap modes have KVM write it there, so a reset may read
	 * @out, which must live until then (ds_harvest() does both).
	 */
	void (*harvest)(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t);
	/*
	 * The harvest writes every word of @out (KVM's bitmaps do), so @out
	 * may come as the last harvest left it (the bench's warm_set = 0).
	 */
	bool fills_set;
	/* Re-protect what the last harvest reported. */
	void (*reset)(struct ds_vm *dvm, struct ds_htimes *t);
	/* A mode's own vCPU exit; true when handled and the vCPU may re-enter. */
	bool (*vcpu_exit)(struct ds_vcpu *v);
	/* Turn tracking off (the VM keeps running). */
	void (*disable)(struct ds_vm *dvm);
	/* Release what enable allocated; the VM is about to go. */
	void (*free)(struct ds_vm *dvm);
};

extern const struct ds_mode *const ds_modes[];
extern const unsigned int ds_nr_modes;
const struct ds_mode *ds_mode_find(const char *name);

/*
 * Harvest into @out, which must be empty unless the mode fills_set, then
 * reset, through @dvm's mode with the injected faults applied; t->pages
 * counts what @out got.
 */
void ds_harvest(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t);

#endif /* DS_MODE_H */
