// SPDX-License-Identifier: GPL-2.0
/* How a test reports: skip reasons, failures and checks, as '#' lines. */
#include <stdarg.h>
#include <stdio.h>
#include <sys/utsname.h>

#include "suite.h"

/*
 * The reason ends with the kernel's release: across kernels (make
 * kernel-check's matrix) a SKIP names the kernel that lacked the feature.
 */
int ds_skip(const char *fmt, ...)
{
	struct utsname u;
	va_list ap;

	printf("SKIP: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf(" [kernel %s]\n", uname(&u) ? "?" : u.release);
	return KSFT_SKIP;
}

int ds_fail(const char *fmt, ...)
{
	va_list ap;

	printf("# FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return KSFT_FAIL;
}

bool ds_check(bool cond, const char *fmt, ...)
{
	va_list ap;

	printf(cond ? "# ok: " : "# FAIL: ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return cond;
}

const char *ds_mode_unsupported(const struct ds_vm_cfg *cfg)
{
	return cfg->mode->supported(&cfg->mcfg);
}

struct ds_vm *ds_vm_create_or_skip(const struct ds_vm_cfg *cfg)
{
	const char *why = ds_mode_unsupported(cfg);

	if (why) {
		ds_skip("%s", why);
		return NULL;
	}
	return ds_vm_create(cfg);
}
