/* SPDX-License-Identifier: GPL-2.0 */
/* The guest payload's entry point and the globals it shares with the host. */
#ifndef DS_GUEST_H
#define DS_GUEST_H

#include "pattern.h"

extern struct ds_guest_params ds_params;
extern struct ds_guest_ctl ds_ctl;

void ds_guest_main(uint32_t vcpu);

#endif /* DS_GUEST_H */
