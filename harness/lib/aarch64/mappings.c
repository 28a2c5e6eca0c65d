// SPDX-License-Identifier: GPL-2.0
/*
 * arm64's mapping counts (mappings.h).  arm64 KVM publishes no pages_*
 * statistics; a kernel with CONFIG_PTDUMP_STAGE2_DEBUGFS dumps each VM's
 * stage-2 tables in /sys/kernel/debug/kvm/<pid>-<vm fd>/stage2_page_tables,
 * one line a run of like leaf entries:
 *
 *   0x0000000100000000-0x0000000100200000           2M 2     R W   AF BLK
 *
 * the range, its size, the level (3 maps 4 KiB, 2 maps 2 MiB, 1 maps
 * 1 GiB with 4 KiB granules) and the attributes: none for an empty
 * entry, "F" first for one that is not valid.
 */
#include <stdio.h>
#include <unistd.h>

#include "mappings.h"

bool ds_mappings_read(struct kvm_vm *vm, struct ds_mappings *m, const char **why)
{
	unsigned long start, end;
	char path[96], line[256];
	int level, pos;
	FILE *f;

	m->p4k = m->p2m = m->p1g = ~0ULL;
	m->source = "stage-2 table dump, whole VM";
	*why = "arm64 KVM publishes no pages_2m statistic and this kernel no stage-2 table dump (CONFIG_PTDUMP_STAGE2_DEBUGFS): huge mappings cannot be counted";
	snprintf(path, sizeof(path), "/sys/kernel/debug/kvm/%d-%d/stage2_page_tables",
		 getpid(), vm->fd);
	f = fopen(path, "r");
	if (!f)
		return false;
	m->p4k = m->p2m = m->p1g = 0;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "0x%lx-0x%lx %*u%*c %d%n", &start, &end, &level, &pos) != 3)
			continue;
		/*
		 * An empty entry is printed without attributes (ptdump's
		 * note_page() dumps them only for a non-zero prot); one with
		 * bits but not valid starts them with "F".
		 */
		if (line[pos] == '\n' || !line[pos] ||
		    (line[pos] == ' ' && line[pos + 1] == 'F'))
			continue;
		if (level == 3)
			m->p4k += (end - start) >> 12;
		else if (level == 2)
			m->p2m += (end - start) >> 21;
		else if (level == 1)
			m->p1g += (end - start) >> 30;
	}
	fclose(f);
	return true;
}
