// SPDX-License-Identifier: GPL-2.0
/* CAPS-001 on x86 (caps.h). */
#include "ds_uapi.h"
#include "caps.h"
#include "util.h"

const struct ds_doc_cap ds_doc_caps[] = {
	{ "KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2", KVM_CAP_MANUAL_DIRTY_LOG_PROTECT2,
	  KVM_DIRTY_LOG_MANUAL_PROTECT_ENABLE | KVM_DIRTY_LOG_INITIALLY_SET, false,
	  "7.18: x86, arm64, mips; both valid flags" },
	/* TSO: "allowed to expose both", and x86 has since 6.1. */
	{ "KVM_CAP_DIRTY_LOG_RING", KVM_CAP_DIRTY_LOG_RING, 0, true,
	  "8.29: x86, arm64" },
	{ "KVM_CAP_DIRTY_LOG_RING_ACQ_REL", KVM_CAP_DIRTY_LOG_RING_ACQ_REL, 0, true,
	  "8.29: x86, arm64" },
};

const unsigned int ds_nr_doc_caps = DS_ARRAY_SIZE(ds_doc_caps);
