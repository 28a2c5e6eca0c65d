/* SPDX-License-Identifier: GPL-2.0 */
/*
 * How KVM maps a VM's memory on the host side (x86's TDP or shadow
 * tables, arm64's stage 2): how many 4 KiB, 2 MiB and 1 GiB mappings, for
 * the COLLAPSE rules and ds-startstop's huge-mapping return time.  One
 * way a folder: harness/lib/x86_64/mappings.c reads KVM's statistics
 * (pages_4k, pages_2m, pages_1g); arm64 KVM keeps none, so
 * harness/lib/aarch64/mappings.c reads the stage-2 table dump in debugfs.
 */
#ifndef DS_MAPPINGS_H
#define DS_MAPPINGS_H

#include <stdbool.h>
#include <stdint.h>

#include "kvm_util.h"

struct ds_mappings {
	uint64_t p4k, p2m, p1g;
	const char *source;	/* where the counts come from, for the log */
};

/* false: this kernel shows no mapping sizes, and *@why says what it lacks. */
bool ds_mappings_read(struct kvm_vm *vm, struct ds_mappings *m, const char **why);

#endif /* DS_MAPPINGS_H */
