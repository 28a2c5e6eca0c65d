// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <string.h>

#include "inject.h"

enum ds_fault ds_fault;

static const char *const names[DS_FAULT_NR] = {
	[DS_FAULT_NONE] = "none",
	[DS_FAULT_DROP_ONE] = "drop-one",
	[DS_FAULT_EXTRA_ONE] = "extra-one",
	[DS_FAULT_NO_RESET] = "no-reset",
	[DS_FAULT_WRONG_SLOT] = "wrong-slot",
	[DS_FAULT_ERRNO] = "errno",
	[DS_FAULT_NO_COLLAPSE] = "no-collapse",
	[DS_FAULT_RING_LATE] = "ring-late",
	[DS_FAULT_WQ_OFF] = "wq-off",
	[DS_FAULT_CAP_LOST] = "cap-lost",
};

const char *ds_fault_name(enum ds_fault f)
{
	return f < DS_FAULT_NR ? names[f] : "?";
}

bool ds_fault_parse(const char *name)
{
	int i;

	for (i = 0; i < DS_FAULT_NR; i++) {
		if (!strcmp(name, names[i])) {
			ds_fault = i;
			return true;
		}
	}
	fprintf(stderr, "dirtysuite: --inject: unknown fault '%s' (known:", name);
	for (i = 0; i < DS_FAULT_NR; i++)
		fprintf(stderr, " %s", names[i]);
	fprintf(stderr, ")\n");
	return false;
}
