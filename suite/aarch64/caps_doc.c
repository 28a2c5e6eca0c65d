// SPDX-License-Identifier: GPL-2.0
/* CAPS-001 on arm64 (caps.h). */
#include "ds_uapi.h"
#include "caps.h"
#include "util.h"

const struct ds_doc_cap ds_doc_caps[] = {
	{ "KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2", KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2,
	  KVM_DIRTY_LOG_MANUAL_PROTECT_ENABLE | KVM_DIRTY_LOG_INITIALLY_SET, false,
	  "7.18: x86, arm64, mips; both valid flags" },
	/* Weakly ordered: the ring without acquire/release must not be offered. */
	{ "KVM_CAP_DIRTY_LOG_RING", KVM_CAP_DIRTY_LOG_RING, 0, false,
	  "8.29: ACQ_REL \"the only capability that should be exposed by weakly ordered architecture\"" },
	{ "KVM_CAP_DIRTY_LOG_RING_ACQ_REL", KVM_CAP_DIRTY_LOG_RING_ACQ_REL, 0, true,
	  "8.29: x86, arm64" },
	/*
	 * The vGIC/ITS writes guest memory with no vCPU (8.29's NOTE): a
	 * ring without the backup bitmap would lose those pages.
	 */
	{ "KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP", KVM_CAP_DIRTY_LOG_RING_WITH_BITMAP, 1, false,
	  "8.29: the vgic/its tables saved and restored through the backup bitmap" },
};

const unsigned int ds_nr_doc_caps = DS_ARRAY_SIZE(ds_doc_caps);
