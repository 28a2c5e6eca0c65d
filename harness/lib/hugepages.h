/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Huge mappings of a test VM: how many of its pages KVM maps 4 KiB, 2 MiB
 * and 1 GiB (KVM's own statistics, KVM_GET_STATS_FD), and the 2 MiB
 * hugetlb pages a hugetlb-backed VM needs, reserved for it and given back
 * after.  For COLLAPSE (suite/collapse.c) and ds-startstop, which times
 * how long huge mappings take to come back once logging stops.
 */
#ifndef DS_HUGEPAGES_H
#define DS_HUGEPAGES_H

#include <stddef.h>
#include <stdint.h>

struct ds_vm;

struct ds_map_stats {
	uint64_t p4k, p2m, p1g;		/* ~0: the statistic does not exist */
};

void ds_map_stats(struct ds_vm *dvm, struct ds_map_stats *s);

/*
 * NULL when @need free 2 MiB hugetlb pages exist, raising nr_hugepages if
 * needed (put back by ds_hugetlb_restore(), or at exit); else why not,
 * in @why when it is composed.
 */
const char *ds_hugetlb_reserve(long need, char *why, size_t len);
void ds_hugetlb_restore(void);

#endif /* DS_HUGEPAGES_H */
