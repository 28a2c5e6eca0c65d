// SPDX-License-Identifier: GPL-2.0
/* The conformance areas, one line each; an area's tests live in its file. */
#include "suite.h"

extern const struct ds_area ds_area_bitmap;

const struct ds_area *const ds_areas[] = {
	&ds_area_bitmap,
};
const unsigned int ds_nr_areas = sizeof(ds_areas) / sizeof(ds_areas[0]);
