/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Definitions the suite needs beyond the uapi headers of the kernel tree it
 * is built against.
 */
#ifndef DS_UAPI_H
#define DS_UAPI_H

#include <linux/kvm.h>

/*
 * Dirty-ring wait-queue mode, added by kernel/patches.  The number sits far
 * above the highest capability 6.12 defines (238) so that a future upstream
 * capability cannot be mistaken for it on a newer kernel.
 */
/* Since 6.3 (arm64 only); older uapi headers lack the number. */
#ifndef KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP
#define KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP 225
#endif

#ifndef KVM_CAP_DIRTY_LOG_RING_WAITQUEUE
#define KVM_CAP_DIRTY_LOG_RING_WAITQUEUE 1001
#endif

#endif /* DS_UAPI_H */
