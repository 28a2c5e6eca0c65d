// SPDX-License-Identifier: GPL-2.0
/*
 * What this kernel offers the ring mode: which ring capability, how many
 * entries it keeps in reserve past the soft limit, and the wait-queue
 * patch's capability (kernel/patches).  No VM needed: tests ask before
 * they create one, to SKIP with the reason.
 */
#include <stdio.h>
#include <string.h>

#include "ds_uapi.h"
#include "kselftest.h"
#include "mode_ring.h"

int ds_ring_cap(const struct ds_mode_cfg *mcfg)
{
	if (mcfg->acq_rel)
		return kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_ACQ_REL) ?
			KVM_CAP_DIRTY_LOG_RING_ACQ_REL : 0;
	/*
	 * Plain RING where offered; weakly ordered architectures offer only
	 * ACQ_REL, whose ordering rules this harvest follows anyway.
	 */
	if (kvm_check_cap(KVM_CAP_DIRTY_LOG_RING))
		return KVM_CAP_DIRTY_LOG_RING;
	if (kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_ACQ_REL))
		return KVM_CAP_DIRTY_LOG_RING_ACQ_REL;
	return 0;
}

/* Does /proc/cpuinfo's first "flags" line list @flag? */
static bool cpu_has_flag(const char *flag)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char line[4096], *p;
	bool has = false;
	size_t n = strlen(flag);

	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "flags", 5))
			continue;
		for (p = strstr(line, flag); p; p = strstr(p + 1, flag))
			if (p[-1] == ' ' && (p[n] == ' ' || p[n] == '\n'))
				has = true;
		break;
	}
	if (f)
		fclose(f);
	return has;
}

uint32_t ds_ring_rsvd_entries(void)
{
	FILE *f = fopen("/sys/module/kvm_intel/parameters/pml", "r");
	int c = f ? fgetc(f) : 'N';

	if (f)
		fclose(f);
	/*
	 * kvm_intel's parameters exist whenever it is built in, AMD hosts
	 * included: PML counts only where the CPU is a VMX one.
	 */
	if ((c == 'Y' || c == '1') && cpu_has_flag("vmx"))
		return DS_RING_RSVD_ENTRIES + 512;
	return DS_RING_RSVD_ENTRIES;
}

unsigned int ds_ring_waitqueue_cap(void)
{
	return kvm_check_cap(KVM_CAP_DIRTY_LOG_RING_WAITQUEUE);
}
