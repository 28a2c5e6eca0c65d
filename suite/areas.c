// SPDX-License-Identifier: GPL-2.0
/*
 * The conformance areas, one line each.  An area AREA has one table, in
 * suite/area.c; its tests live there or in files next to it (area_*.c).
 */
#include "suite.h"

extern const struct ds_area ds_area_bitmap;
extern const struct ds_area ds_area_badinput;
extern const struct ds_area ds_area_collapse;
extern const struct ds_area ds_area_stress;
extern const struct ds_area ds_area_clear;
extern const struct ds_area ds_area_ring;
extern const struct ds_area ds_area_softfull;
extern const struct ds_area ds_area_waitqueue;
extern const struct ds_area ds_area_caps;

const struct ds_area *const ds_areas[] = {
	&ds_area_bitmap,
	&ds_area_badinput,
	&ds_area_collapse,
	&ds_area_stress,
	&ds_area_clear,
	&ds_area_ring,
	&ds_area_softfull,
	&ds_area_waitqueue,
	&ds_area_caps,
};
const unsigned int ds_nr_areas = sizeof(ds_areas) / sizeof(ds_areas[0]);
