# SPDX-License-Identifier: GPL-2.0
#
# The kernels `dirtysuite vm` boots and the check that runs the suite in
# them, whose WAITQUEUE area tests the patch (included from the top
# Makefile; $(B) is the build directory, $(TOP) the repository).
#
#   make kernels         build/kernel/{stock,patched,lts}/bzImage
#   make kernel-stock    linux-source-6.12 + kernel/config.fragment
#   make kernel-patched  the same with kernel/patches/*.patch applied
#   make kernel-lts      linux-source-6.1 + kernel/config.fragment
#   make kernel-arm64    linux-source-6.12 for arm64 + kernel/config-arm64.fragment
#                        (also `make kernels-arm64`, `make kernels ARCH=arm64`)
#   make static-lts      the suite built on 6.1's own selftests framework
#   make kernel-bench    NEW=bzImage: the performance gate against BASE
#   make bench-tdp       the memory sweep inside the stock kernel's TDP MMU
#   make kernel-check    the suite in every kernel (and Debian's packaged
#                        6.12 with its modular KVM where it is installed)
#   make kernel-check-arm64  the suite inside the arm64 kernel, under
#                        qemu-system-aarch64 (not in .ci/run: kernel/README.md)
#
# kernel/build does its own incremental work (stamps, the kernel's make), so
# these targets are phony: make cannot see into the kernel tree.

.PHONY: kernels kernel-stock kernel-patched kernel-lts static-lts kernel-check
.PHONY: kernel-arm64 kernels-arm64

ifeq ($(ARCH),arm64)
kernels: kernel-arm64
else
kernels: kernel-stock kernel-patched kernel-lts
endif
kernels-arm64: kernel-arm64
# build/, whatever ARCH=arm64 made of $(B) (build/arm64, the suite's).
kernel-arm64:
	B=$(TOP)/build $(TOP)/kernel/build arm64
kernel-stock:
	B=$(B) $(TOP)/kernel/build stock
kernel-patched:
	B=$(B) $(TOP)/kernel/build patched
kernel-lts:
	B=$(B) $(TOP)/kernel/build lts

# 6.12's selftests framework needs KVM_SET_USER_MEMORY_REGION2 (6.8), so
# the suite that runs in the 6.1 kernel is built on 6.1's framework, from
# the very tree that kernel was built from, as kernel CI builds it on its
# own tree: its objects, headers and library in $(B)/lts.
static-lts: kernel-lts
	$(MAKE) BK=$(B)/lts B=$(B)/lts KDIR=$(B)/kernel/src-lts static-suite

kernel-check: kernels static static-lts
	B=$(B) $(TOP)/kernel/check $(CHECK_ARGS)

.PHONY: kernel-check-arm64
kernel-check-arm64: kernel-arm64 static-arm64
	B=$(TOP)/build $(TOP)/kernel/check-arm64 $(CHECK_ARGS)

# Mutation testing with real kernels: each kernel/mutants/*.patch plants a
# one-line bug; the IDs its Caught-by: line names must turn `not ok` in it.
# MUTANTS='01 05' runs some (globs on NN-name).  kernel/mutants/run builds
# the stock kernel itself where it is missing, and `make static` once.
.PHONY: mutant-check
mutant-check:
	B=$(B) $(TOP)/kernel/mutants/run $(MUTANTS)

# The performance gate between two kernels (kernel/gate): each booted
# PAIRS times in turn, the same quick benchmark in each, `dirtysuite
# compare` on the two sides; exit 1 when NEW made a figure slower or lost
# a capability.  make kernel-bench NEW=bzImage [BASE=bzImage] [PAIRS=5]
# [GATE_ARGS='--threshold 10 --alpha 0.01 -- ds-bench args'].
.PHONY: kernel-bench
kernel-bench: static
	$(if $(NEW),,$(error make kernel-bench needs NEW=<bzImage>))
	B=$(B) $(TOP)/kernel/gate --base $(or $(BASE),$(B)/kernel/stock/bzImage) \
		--new $(NEW) --pairs $(or $(PAIRS),5) $(GATE_ARGS)

# The memory sweep inside the stock kernel's TDP-MMU kvm-amd, beside the
# host's own (shadow MMU) in the last make bench's report (kernel/bench-tdp).
.PHONY: bench-tdp
bench-tdp: static kernel-stock
	B=$(B) $(TOP)/kernel/bench-tdp $(BENCH)
