# SPDX-License-Identifier: GPL-2.0
#
# What `dirtysuite vm` does differently per architecture of the guest,
# sourced by harness/qemu/dirtysuite-vm.  va_setup ARCH sets:
#   VA_QEMU     the QEMU binary
#   VA_MACHINE  machine and accelerator options, when --accel gives none
#   VA_CONSOLE  the kernel console's device name
#   VA_PORTS    how QEMU makes the three ports beside the console (KTAP,
#               status, results), as `-serial`-like options; %KTAP%
#               %STATUS% %RES% stand for their chardev ids
#   VA_TTYS     their device names in the guest, in that order
#   VA_BIN      the static suite's folder; VA_MAKE its make target
#   VA_ROOT     where the guest's userland comes from: "host" (this
#               machine's busybox, dash and tools) or a folder of
#               unpacked Debian packages (harness/deps --arm64-root)

va_setup() {
	case "$1" in
	x86_64|x86|amd64)
		VA_ARCH=x86_64
		VA_QEMU=qemu-system-x86_64
		# KVM only where the host CPU has VMX/SVM; otherwise (a PVM host
		# like the one CI runs on) TCG with an EPYC that has SVM+NPT: real
		# kvm-amd with the TDP MMU runs inside.  TCG runs single-threaded:
		# multi-threaded TCG (QEMU 7.2) corrupts the nested guests' state
		# under NPT, so that an L2 vCPU triple-faults on a #PF QEMU raised
		# with error code 0x18 over intact page tables, or runs on with the
		# L1 kernel's own RIP and CR3 in its VMCB (kernel/README.md, "The
		# nested SHUTDOWN"; kernel/repro/).  One thread keeps NPT and the
		# TDP MMU under test, and still interleaves the guest's CPUs.
		if grep -qwE 'vmx|svm' /proc/cpuinfo && [ -w /dev/kvm ]; then
			VA_MACHINE="-accel kvm -cpu host"
		else
			VA_MACHINE="-accel tcg,thread=single -cpu EPYC,+svm,+npt"
		fi
		VA_CONSOLE=ttyS0
		VA_PORTS="-serial stdio -serial chardev:%STATUS% -serial chardev:%RES%"
		VA_TTYS="/dev/ttyS1 /dev/ttyS2 /dev/ttyS3"
		VA_BIN=$B/static/bin
		VA_MAKE=static
		VA_ROOT=host
		;;
	arm64|aarch64)
		VA_ARCH=arm64
		VA_QEMU=qemu-system-aarch64
		# EL2 emulated (virtualization=on) on a CPU with VHE, a GICv3 with
		# its ITS (the virt board's default with gic-version=3): KVM runs
		# in VHE mode inside, with the vGIC-v3/ITS the WITH_BITMAP rules
		# need.  No host here runs arm64 guests natively: TCG always.
		VA_MACHINE="-M virt,virtualization=on,gic-version=3 -accel tcg -cpu max"
		VA_CONSOLE=ttyAMA0
		# virt has one UART, the console: the other three are virtio
		# consoles (hvc0-2), in the order QEMU creates them.
		VA_PORTS="-device virtio-serial-device -chardev stdio,id=%KTAP% -device virtconsole,chardev=%KTAP% -device virtconsole,chardev=%STATUS% -device virtconsole,chardev=%RES%"
		VA_TTYS="/dev/hvc0 /dev/hvc1 /dev/hvc2"
		VA_BIN=$B/arm64/static/bin
		VA_MAKE=static-arm64
		VA_ROOT=$B/arm64/userland/root
		;;
	*)
		return 1 ;;
	esac
}

# va_kernel_version FILE: the release string of a kernel image: x86's
# bzImage points to it from its boot header; arm64's Image is plain.
va_kernel_version() {
	if [ "$VA_ARCH" = x86_64 ]; then
		_off=$(od -An -tu2 -j526 -N2 "$1" | tr -d ' ')
		[ -n "$_off" ] || return 1
		dd if="$1" bs=1 skip=$((_off + 512)) count=128 2>/dev/null |
			tr '\0' '\n' | head -n1 | cut -d' ' -f1
	else
		grep -a -m1 -o 'Linux version [^ ]*' "$1" | cut -d' ' -f3
	fi
}

# va_userland ROOT: the guest's busybox, sh and the runner's tools into
# ROOT/bin, with the shared libraries they need.  host_tool (in
# dirtysuite-vm) does the same from this machine's own binaries.
va_userland() {
	if [ "$VA_ROOT" = host ]; then
		_bb=$(command -v busybox) || die 2 "error: busybox missing (harness/deps installs busybox-static)"
		cp "$_bb" "$1/bin/busybox" || die 2 "error: cannot copy busybox"
		for _t in $DS_VM_HOST_TOOLS; do host_tool "$_t"; done
		host_tool dash sh
		return
	fi
	[ -x "$VA_ROOT/bin/busybox" ] || die 2 "error: no arm64 userland in $VA_ROOT (harness/deps --arm64-root $(dirname "$VA_ROOT"))"
	cp "$VA_ROOT/bin/busybox" "$1/bin/busybox" || die 2 "error: cannot copy busybox"
	for _t in $DS_VM_HOST_TOOLS dash:sh; do
		_n=${_t%%:*} _as=${_t#*:}
		# awk is Debian's alternatives link, which dpkg-deb -x leaves out.
		[ "$_n" = awk ] && _n=mawk
		for _d in bin usr/bin sbin usr/sbin; do
			[ -f "$VA_ROOT/$_d/$_n" ] || continue
			cp "$VA_ROOT/$_d/$_n" "$1/bin/$_as" || die 2 "error: cannot copy $_n"
			continue 2
		done
		die 2 "error: $_n not in $VA_ROOT"
	done
	# The dynamic loader and every library of the unpacked packages: a
	# few MiB, and no readelf of the cross binaries needed.
	mkdir -p "$1/lib" "$1/usr/lib" &&
		cp -a "$VA_ROOT/lib/." "$1/lib/" &&
		cp -a "$VA_ROOT/usr/lib/aarch64-linux-gnu" "$1/usr/lib/" ||
		die 2 "error: cannot copy the arm64 libraries"
}
