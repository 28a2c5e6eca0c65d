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

/* One line per mode; the mode's hooks live in harness/mode_<name>.c. */
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

void ds_harvest(struct ds_vm *dvm, struct ds_set *out, struct ds_htimes *t)
{
	uint64_t i, t0;

	/*
	 * What vCPU threads harvested on their own (ring-full exits), with
	 * their times.  Merging it is our bookkeeping (user_ns), and skipped
	 * when there is none, which is every harvest but the ring's.
	 */
	pthread_mutex_lock(&dvm->lock);
	if (dvm->pending_times.pages || dvm->pending_times.calls) {
		t0 = ds_now_ns();
		for (i = 0; i < (dvm->pending.nbits + 63) / 64; i++)
			out->bits[i] |= dvm->pending.bits[i];
		ds_set_zero(&dvm->pending);
		t->user_ns += ds_now_ns() - t0;
	}
	t->get_ns += dvm->pending_times.get_ns;
	t->reset_ns += dvm->pending_times.reset_ns;
	t->user_ns += dvm->pending_times.user_ns;
	t->pages += dvm->pending_times.pages;
	t->calls += dvm->pending_times.calls;
	dvm->pending_times = (struct ds_htimes){ 0 };
	pthread_mutex_unlock(&dvm->lock);

	dvm->mode->harvest(dvm, out, t);
	inject_after_harvest(dvm, out);
	if (!ds_injected(DS_FAULT_NO_RESET))
		dvm->mode->reset(dvm, t);
}
