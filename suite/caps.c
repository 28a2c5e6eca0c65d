// SPDX-License-Identifier: GPL-2.0
/*
 * CAPS: the dirty-tracking capabilities that api.rst documents for this
 * architecture are reported, with their documented values, by /dev/kvm
 * and by a VM alike.  A kernel that stops reporting one turns every test
 * that needs it into a SKIP and the run stays green, while each VMM that
 * relied on it breaks: this rule fails instead.
 */
#include <stdio.h>
#include <unistd.h>

#include "ds_uapi.h"
#include "caps.h"
#include "suite.h"
#include "util.h"

/* KVM_CHECK_EXTENSION on /dev/kvm (@vm NULL) or on @vm; the fault loses one. */
static int query(struct kvm_vm *vm, const struct ds_doc_cap *d)
{
	if (ds_injected(DS_FAULT_CAP_LOST) && d == &ds_doc_caps[0])
		return 0;
	return vm ? vm_check_cap(vm, d->cap) : (int)kvm_check_cap(d->cap);
}

/* The value is what api.rst gives: the flags, or a usable ring size. */
static bool value_ok(const struct ds_doc_cap *d, int v)
{
	long page = getpagesize();

	if (!d->ring_size)
		return v == d->exact;
	/* A power of two, one page at least, whole kvm_dirty_gfn entries. */
	return v >= page && !(v & (v - 1)) && !(v % sizeof(struct kvm_dirty_gfn));
}

/* CAPS-001: each documented capability, on /dev/kvm and on a VM. */
static int caps_documented(const struct ds_test_opts *o)
{
	struct kvm_vm *vm = vm_create_barebones();
	bool ok = true;
	unsigned int i;
	int sys, per_vm;
	char want[48];

	for (i = 0; i < ds_nr_doc_caps; i++) {
		const struct ds_doc_cap *d = &ds_doc_caps[i];

		sys = query(NULL, d);
		per_vm = query(vm, d);
		if (d->ring_size)
			snprintf(want, sizeof(want), "a power-of-two size, a page or more");
		else
			snprintf(want, sizeof(want), "%d", d->exact);
		ok &= ds_check(value_ok(d, sys) && per_vm == sys,
			       "%s (api.rst %s): /dev/kvm %d, VM %d, want %s on both",
			       d->name, d->source, sys, per_vm, want);
	}
	/* Where both ring caps are offered they name one ring: one maximum. */
	if (kvm_check_cap(KVM_CAP_DIRTY_LOG_RING))
		ok &= ds_check(kvm_check_cap(KVM_CAP_DIRTY_LOG_RING) ==
			       kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_ACQ_REL),
			       "KVM_CAP_DIRTY_LOG_RING and _ACQ_REL report one maximum size");
	kvm_vm_free(vm);
	return ds_result(ok);
}

static const struct ds_test caps_tests[] = {
	{ "CAPS-001", "quick", "documented dirty-tracking caps reported, same on /dev/kvm and a VM",
	  caps_documented },
};

const struct ds_area ds_area_caps = DS_AREA("CAPS", caps_tests);
