#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# PID 1 of the initramfs that `dirtysuite vm` boots (installed as /init).
# Serial ports, set up by harness/qemu/dirtysuite-vm (x86; on arm64 the
# console is ttyAMA0 and the other three are the virtio consoles hvc0-2):
#   ttyS0  kernel console and the suite's stderr  -> results/<run>/console.log
#   ttyS1  the suite's stdout (KTAP), raw         -> streamed to the host's stdout
#   ttyS2  one `key=value` a line for the host    -> results/<run>/status
#   ttyS3  /ds/results (the runner's logs) as tar.gz -> unpacked into results/<run>/
# /ds-vm.conf (written by the host) sets DS_TTY_KTAP, DS_TTY_STATUS and
# DS_TTY_RES (the last three ports), DS_HUGEPAGES, DS_MODULES_AMD and
# DS_MODULES_INTEL; /ds-cmd is the command to run, from /ds, the repository.

export PATH=/bin:/sbin:/usr/bin:/usr/sbin
/bin/busybox --install -s /bin

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t debugfs debugfs /sys/kernel/debug
mount -t tracefs tracefs /sys/kernel/tracing
mount -t tmpfs tmpfs /tmp
mkdir -p /dev/hugepages /dev/shm
mount -t hugetlbfs hugetlbfs /dev/hugepages
mount -t tmpfs tmpfs /dev/shm

. /ds-vm.conf
: "${DS_TTY_KTAP:=/dev/ttyS1}" "${DS_TTY_STATUS:=/dev/ttyS2}" "${DS_TTY_RES:=/dev/ttyS3}"

# Raw: no CR added to LF, no echo of what the host might send back.
# The hvc driver (arm64's virtio consoles) resets a port's termios when
# its last file closes, so init holds each open (fds 7-9, closed for the
# command) for the settings to last; a virtio console has no line speed.
exec 7>"$DS_TTY_KTAP" 8>"$DS_TTY_STATUS" 9>"$DS_TTY_RES"
for t in "$DS_TTY_KTAP" "$DS_TTY_STATUS" "$DS_TTY_RES"; do
	stty -F "$t" raw -echo
	case $t in /dev/ttyS*) stty -F "$t" 115200 ;; esac
done
status() { echo "$*" >"$DS_TTY_STATUS"; }

# Modular KVM (a distribution kernel): load the vendor module the CPU has,
# its dependencies first (the host lists them in load order).
mods=
grep -qw svm /proc/cpuinfo && mods=$DS_MODULES_AMD
grep -qw vmx /proc/cpuinfo && mods=$DS_MODULES_INTEL
for m in $mods; do
	insmod "/lib/ds-modules/$m" || status "error=insmod $m failed"
done
[ -c /dev/kvm ] || status "error=no /dev/kvm in the VM"

if [ "${DS_HUGEPAGES:-0}" -gt 0 ]; then
	echo "$DS_HUGEPAGES" >/proc/sys/vm/nr_hugepages
	status "hugepages=$(cat /proc/sys/vm/nr_hugepages)"
fi
status "thp=$(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)"
status "kernel=$(uname -r)"
status "tdp_mmu=$(cat /sys/module/kvm/parameters/tdp_mmu 2>/dev/null)"

# DS_PROGRESS: which test runs, for the host to go on after a hang.
# DS_TRACE_NAME=-: the KVM trace ring is the top-level buffer, the one a
# panic prints (panic_print), when the host has to end a stuck guest.
# DS_TRACE_KB: small enough that the panic's dump of it stays readable.
export B=/ds/build DS_VM=1 HOME=/tmp TMPDIR=/tmp DS_PROGRESS=$DS_TTY_STATUS \
	DS_TRACE_NAME=- DS_TRACE_KB=128
cd /ds || status "error=no /ds"
status "start=$(cut -d' ' -f1 /proc/uptime)"
sh /ds-cmd 7>&- 8>&- 9>&- >"$DS_TTY_KTAP"
status "exit=$?"
status "end=$(cut -d' ' -f1 /proc/uptime)"

# The runner's own results folder, for the host to unpack.
[ -d /ds/results ] && ( cd /ds/results && tar -cf - . | gzip ) >"$DS_TTY_RES"

# Closing the ports above drained them; give the UART a moment anyway.
sleep 1
reboot -f
