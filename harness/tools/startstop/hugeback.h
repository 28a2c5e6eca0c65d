/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ds-startstop's second question: once logging stops, how long until the
 * guest's memory is mapped 2 MiB again.  While a slot logs, KVM maps it
 * 4 KiB so that it can track each page; turning logging off zaps those
 * mappings, and the guest's next faults map huge pages again.  Until they
 * do, every TLB miss of the guest costs more: a migration that failed or
 * ended leaves the guest slower for that long.
 */
#ifndef DS_HUGEBACK_H
#define DS_HUGEBACK_H

#include <stdint.h>
#include <stdio.h>

#include "vm.h"

#define DS_HB_MAX_ROUNDS	16	/* full-touch rounds waited for huge pages */

/* One size and backing: @n repeats; hugeback.tsv's row, or a SKIP line. */
void ds_hugeback(FILE *tsv, uint64_t bytes, enum ds_backing backing, unsigned int n);

/* hugeback.tsv's header. */
void ds_hugeback_header(FILE *tsv);

#endif /* DS_HUGEBACK_H */
