// SPDX-License-Identifier: GPL-2.0
/* The conformance areas, one line each; an area's tests live in its file. */
#include "suite.h"

extern const struct ds_area ds_area_bitmap;
extern const struct ds_area ds_area_bitmap_slots;
extern const struct ds_area ds_area_badinput;
extern const struct ds_area ds_area_collapse;
extern const struct ds_area ds_area_stress;
extern const struct ds_area ds_area_clear;
extern const struct ds_area ds_area_ring;
extern const struct ds_area ds_area_softfull;
extern const struct ds_area ds_area_waitqueue;

const struct ds_area *const ds_areas[] = {
	&ds_area_bitmap,
	&ds_area_bitmap_slots,
	&ds_area_badinput,
	&ds_area_collapse,
	&ds_area_stress,
	&ds_area_clear,
	&ds_area_ring,
	&ds_area_softfull,
	&ds_area_waitqueue,
};
const unsigned int ds_nr_areas = sizeof(ds_areas) / sizeof(ds_areas[0]);
