/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The 2 MiB hugetlb pages a hugetlb-backed test VM needs, reserved for it
 * and given back after: for COLLAPSE (suite/collapse.c) and ds-startstop,
 * which times how long huge mappings take to come back once logging
 * stops (how many there are: mappings.h).
 */
#ifndef DS_HUGEPAGES_H
#define DS_HUGEPAGES_H

#include <stddef.h>
/*
 * NULL when @need free 2 MiB hugetlb pages exist, raising nr_hugepages if
 * needed (put back by ds_hugetlb_restore(), or at exit); else why not,
 * in @why when it is composed.
 */
const char *ds_hugetlb_reserve(long need, char *why, size_t len);
void ds_hugetlb_restore(void);

#endif /* DS_HUGEPAGES_H */
