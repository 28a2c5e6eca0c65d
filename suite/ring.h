/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the RING files share: the two ring caps, and the tests that the
 * table in ring.c lists from other files: the enable rules (ring_enable.c),
 * the backup bitmap (ring_bitmap.c) and the concurrent harvester
 * (ring_concurrent.c).
 */
#ifndef DS_SUITE_RING_H
#define DS_SUITE_RING_H

#include "suite.h"

/* KVM_CAP_DIRTY_LOG_RING and KVM_CAP_DIRTY_LOG_RING_ACQ_REL. */
extern const int ring_caps[2];
/* "DIRTY_LOG_RING" or "DIRTY_LOG_RING_ACQ_REL". */
const char *ring_cap_name(int cap);

int ring_enable_rules(const struct ds_test_opts *o);	/* RING-001 */
int ring_bitmap_its(const struct ds_test_opts *o);	/* RING-006 */
int ring_concurrent(const struct ds_test_opts *o);	/* RING-007 */
int ring_bitmap_enable(const struct ds_test_opts *o);	/* RING-008 */
int ring_bitmap_order(const struct ds_test_opts *o);	/* RING-009 */

#endif /* DS_SUITE_RING_H */
