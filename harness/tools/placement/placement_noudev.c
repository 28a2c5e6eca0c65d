// SPDX-License-Identifier: GPL-2.0
/*
 * Static links only: libhwloc.a refers to libudev, which Debian ships
 * only as a shared library.  hwloc treats a NULL udev as "no udev" and
 * reads sysfs instead, so these stubs lose nothing a placement needs.
 */
#include <stddef.h>

struct udev;
struct udev_device;

struct udev *udev_new(void)
{
	return NULL;
}

struct udev *udev_unref(struct udev *u)
{
	return NULL;
}

struct udev_device *udev_device_new_from_subsystem_sysname(struct udev *u,
		const char *subsystem, const char *sysname)
{
	return NULL;
}

const char *udev_device_get_property_value(struct udev_device *d,
					   const char *key)
{
	return NULL;
}

struct udev_device *udev_device_unref(struct udev_device *d)
{
	return NULL;
}
