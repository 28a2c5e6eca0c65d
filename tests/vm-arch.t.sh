#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# harness/qemu/vm-arch.sh: what `dirtysuite vm` boots for each guest
# architecture (QEMU, machine, console, the three ports and their device
# names inside, the suite's folder and make target), and the release
# string it reads from an x86 bzImage and from an arm64 Image.

. "$(dirname "$0")/lib/t.sh"
t_setup
B=$T_TMP/build
. "$T_ROOT/harness/qemu/vm-arch.sh"

va_setup x86_64
t_expect "x86_64: QEMU" "$VA_QEMU" qemu-system-x86_64
t_expect "x86_64: console" "$VA_CONSOLE" ttyS0
t_expect "x86_64: KTAP, status, results ports" "$VA_TTYS" "/dev/ttyS1 /dev/ttyS2 /dev/ttyS3"
t_expect "x86_64: three serial ports beside the console" \
	"$(echo "$VA_PORTS" | grep -o -- '-serial' | wc -l | tr -d ' ')" 3
t_expect "x86_64: the suite" "$VA_BIN $VA_MAKE" "$B/static/bin static"
t_expect "x86_64: the host's own userland" "$VA_ROOT" host

va_setup arm64
t_expect "arm64: QEMU" "$VA_QEMU" qemu-system-aarch64
case "$VA_MACHINE" in
*"-M virt,virtualization=on,gic-version=3"*"-cpu max"*) t_diag "ok: arm64: virt with EL2, GICv3, -cpu max" ;;
*) t_fail "arm64: machine '$VA_MACHINE'" ;;
esac
t_expect "arm64: console" "$VA_CONSOLE" ttyAMA0
t_expect "arm64: ports are virtio consoles" "$VA_TTYS" "/dev/hvc0 /dev/hvc1 /dev/hvc2"
t_expect "arm64: three virtconsoles, KTAP first" \
	"$(echo "$VA_PORTS" | grep -o 'virtconsole,chardev=%[A-Z]*%' | tr '\n' ' ')" \
	"virtconsole,chardev=%KTAP% virtconsole,chardev=%STATUS% virtconsole,chardev=%RES% "
t_expect "arm64: the suite" "$VA_BIN $VA_MAKE" "$B/arm64/static/bin static-arm64"
t_expect "arm64: Debian's arm64 userland" "$VA_ROOT" "$B/arm64/userland/root"
va_setup aarch64
t_expect "aarch64 is arm64" "$VA_ARCH" arm64
va_setup mips
t_expect "an unknown architecture is refused" "$?" 1

# An arm64 Image: the banner is plain text in it.
printf 'MZ\0\0junk\0Linux version 6.12.118 (root@h) #1 SMP\0tail' > "$T_TMP/Image"
va_setup arm64
t_expect "arm64 Image version" "$(va_kernel_version "$T_TMP/Image")" 6.12.118
# A bzImage: the 16-bit word at 526 points to the string, 512 bytes on.
dd if=/dev/zero of="$T_TMP/bzImage" bs=1 count=2048 2>/dev/null
printf '\000\002' | dd of="$T_TMP/bzImage" bs=1 seek=526 conv=notrunc 2>/dev/null
printf '6.1.99 (root@h) #1\0' | dd of="$T_TMP/bzImage" bs=1 seek=1024 conv=notrunc 2>/dev/null
va_setup x86_64
t_expect "bzImage version" "$(va_kernel_version "$T_TMP/bzImage")" 6.1.99

t_done
