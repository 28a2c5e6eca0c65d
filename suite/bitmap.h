/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The BITMAP tests that live outside bitmap.c, the area's table:
 * BITMAP-004..007, several memslots each (bitmap_slots.c).
 */
#ifndef DS_SUITE_BITMAP_H
#define DS_SUITE_BITMAP_H

#include "suite.h"

int bitmap_multi_slot(const struct ds_test_opts *o);
int bitmap_toggle(const struct ds_test_opts *o);
int bitmap_recreate(const struct ds_test_opts *o);
int bitmap_vcpus(const struct ds_test_opts *o);

#endif /* DS_SUITE_BITMAP_H */
