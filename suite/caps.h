/* SPDX-License-Identifier: GPL-2.0 */
/*
 * CAPS-001's table: what api.rst says KVM_CHECK_EXTENSION answers for
 * each dirty-tracking capability on this architecture, one table a
 * folder (suite/x86_64/caps_doc.c, suite/aarch64/caps_doc.c).
 */
#ifndef DS_SUITE_CAPS_H
#define DS_SUITE_CAPS_H

#include <stdbool.h>

struct ds_doc_cap {
	const char *name;
	long cap;
	int exact;		/* the value must be this ... */
	bool ring_size;		/* ... or a ring's maximum size in bytes */
	const char *source;
};

extern const struct ds_doc_cap ds_doc_caps[];
extern const unsigned int ds_nr_doc_caps;

#endif /* DS_SUITE_CAPS_H */
