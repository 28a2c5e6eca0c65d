/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The machine's hwloc topology, loaded once (placement.c) and shared by
 * placement's parts; a test may have replaced it with a synthetic one.
 */
#ifndef DS_PLACEMENT_TOPO_H
#define DS_PLACEMENT_TOPO_H

#include <hwloc.h>

hwloc_topology_t ds_placement_topology(void);

#endif /* DS_PLACEMENT_TOPO_H */
