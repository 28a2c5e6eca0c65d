// SPDX-License-Identifier: GPL-2.0
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

void *ds_calloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p) {
		fprintf(stderr, "dirtysuite: out of memory (%zu x %zu bytes)\n",
			n, size);
		exit(1);
	}
	return p;
}

void *ds_malloc(size_t size)
{
	return ds_calloc(1, size);
}
