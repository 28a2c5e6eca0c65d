// SPDX-License-Identifier: GPL-2.0
/*
 * The table of tracking modes, and the harvest wrapper every caller goes
 * through, where the negative self-tests inject their faults.
 */
#include <string.h>

#include "inject.h"
#include "mode.h"
#include "util.h"

extern const struct ds_mode ds_mode_bitmap;
extern const struct ds_mode ds_mode_clear;
extern const struct ds_mode ds_mode_ring;

/* One line per mode; the mode's hooks live in harness/modes/mode_<name>.c. */
const struct ds_mode *const ds_modes[] = {
	&ds_mode_bitmap,
	&ds_mode_clear,
	&ds_mode_ring,
};
const unsigned int ds_nr_modes = DS_ARRAY_SIZE(ds_modes);

const struct ds_mode *ds_mode_find(const char *name)
{
	unsigned int i;

	for (i = 0; i < ds_nr_modes; i++)
		if (!strcmp(ds_modes[i]->name, name))
			return ds_modes[i];
	return NULL;
}

static void inject_after_harvest(struct ds_vm *dvm, struct ds_set *out)
{
	uint64_t p;

	if (ds_injected(DS_FAULT_DROP_ONE)) {
		p = ds_set_next(out, 0);
		if (p < out->nbits)
			ds_set_del(out, p);
	} else if (ds_injected(DS_FAULT_EXTRA_ONE)) {
		for (p = 0; p < out->nbits && ds_set_has(out, p); p++)
			;
		if (p < out->nbits)
			ds_set_add(out, p);
	}
}

/*
 * The mode's harvest and reset, timed by the mode; then the injected
 * faults, after the reset so that it re-protects what KVM reported and
 * only the caller's view is wrong; then the count of pages, the bench's
 * measurement rather than part of the harvest, so outside every clock.
 */
void ds_harvest(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t)
{
	dvm->mode->harvest(dvm, out, t);
	if (!ds_injected(DS_FAULT_NO_RESET))
		dvm->mode->reset(dvm, t);
	inject_after_harvest(dvm, out);
	t->pages += ds_set_count(out);
}
