# SPDX-License-Identifier: GPL-2.0
#
# dirtysuite: KVM dirty-page tracking conformance tests and benchmarks.
#
#   make           build everything into build/
#   make check     unit tests, then the conformance suite on /dev/kvm
#   make bench     the benchmark set, results and report in results/
#   make deps      install the Debian packages the suite needs
#
# and, from the fragments included below: kernels, kernel-check,
# mutant-check (kernel/kernel.mk), bench-validate (harness/tools/bench),
# flake-check, install, qualify (harness/runner/runner.mk), valgrind,
# fuzz (tests/).
#
# KDIR names the kernel tree whose KVM selftests framework and uapi headers
# the suite builds on.  By default Debian's linux-source-6.12 tarball is
# extracted once into build/; kernel CI points KDIR at its own tree.

TOP := $(abspath .)
# ARCH=arm64 cross-builds the suite for arm64 KVM (`make static-arm64`,
# dirtysuite vm --arch arm64) with Debian's aarch64-linux-gnu- compiler,
# into build/arm64, on the tree the arm64 kernel is built from
# (kernel/build arm64) unless KDIR says otherwise.  Anything else is x86-64.
ifeq ($(ARCH),arm64)
CROSS_COMPILE ?= aarch64-linux-gnu-
CC := $(CROSS_COMPILE)gcc
BK ?= $(TOP)/build/arm64
KDIR ?= $(TOP)/build/kernel/src-arm64
# The selftests' aarch64 headers include sysreg-defs.h, which the tree
# generates from arch/arm64/tools/sysreg (tools/arch/arm64/tools).
TOOLS_ARCH := arm64
DS_ARCH := aarch64
else
TOOLS_ARCH := x86
DS_ARCH := x86_64
endif
# BK holds what every build variant shares (the kernel tree, its headers,
# the framework library); B holds this variant's objects and programs.
# SANITIZE=1 builds into build/san so the two never mix.
BK ?= $(TOP)/build
B ?= $(BK)$(if $(filter 1,$(SANITIZE)),/san)
KSRC_TARBALL ?= /usr/src/linux-source-6.12.tar.xz
KDIR ?= $(BK)/linux-source-6.12
KHDR := $(BK)/khdr
SELFTESTS := $(KDIR)/tools/testing/selftests/kvm
LIBKVM := $(BK)/libkvm/libkvm.a
LIBKVM_STRING := $(BK)/libkvm/string_override.o

# The selftests' own flags: guest code runs from our ELF image, so it must
# not be PIE and must not call libc's SSE string functions.
# The framework's folder for an architecture: 6.12 names them x86_64 and
# aarch64, later trees x86 and arm64.
SELFTEST_ARCH = $(firstword $(foreach d,$(SELFTEST_ARCH_$(TOOLS_ARCH)),\
	$(if $(wildcard $(SELFTESTS)/include/$(d)),$(d))) $(TOOLS_ARCH))
SELFTEST_ARCH_x86 := x86_64 x86
SELFTEST_ARCH_arm64 := aarch64 arm64
KGEN := $(BK)/kgen
KVM_CFLAGS = -D_GNU_SOURCE -DCONFIG_64BIT -U_FORTIFY_SOURCE -std=gnu99 \
	-Wall -Wstrict-prototypes -Wuninitialized -O2 -g \
	-fno-builtin-memcmp -fno-builtin-memcpy -fno-builtin-memset \
	-fno-builtin-strnlen -fno-stack-protector -fno-PIE -fno-strict-aliasing \
	-I$(KDIR)/tools/include -I$(KDIR)/tools/arch/$(TOOLS_ARCH)/include \
	$(if $(filter arm64,$(TOOLS_ARCH)),-I$(KGEN)/arch/arm64/include/generated) \
	-isystem $(KHDR)/include -I$(SELFTESTS)/include \
	-I$(SELFTESTS)/include/$(SELFTEST_ARCH) -I$(SELFTESTS)/..
# The host side's own headers, one folder a job (README, "Layout").
DS_INC = -Iharness/lib -Iharness/modes -Iharness/tools/bench \
	-Iharness/tools/placement -Iguests -Isuite -Isuite/lib
DS_CFLAGS = $(KVM_CFLAGS) -MD -MP $(DS_INC)
LDFLAGS_KVM = -pthread -no-pie
LDLIBS_KVM = -ldl

# SANITIZE=1 builds the host side with ASan and UBSan.  Guest code
# (guests/) and the framework stay unsanitized: they run inside the VM,
# where the sanitizer runtime does not exist.
ifeq ($(SANITIZE),1)
# -fno-sanitize-recover: UBSan would otherwise print and carry on, and the
# test would pass.  Every finding must fail the test that hit it.
HOST_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
LDFLAGS_KVM += -fsanitize=address,undefined
# The runner and each test inherit these; a caller's own setting wins.
# abort_on_error: a finding ends the test with SIGABRT, which the runner
# reports as "exit=SIGABRT", apart from an ordinary check failure.
export ASAN_OPTIONS ?= halt_on_error=1:abort_on_error=1:detect_leaks=1
export UBSAN_OPTIONS ?= halt_on_error=1:abort_on_error=1:print_stacktrace=1
endif

all: build

.PHONY: all build deps check bench clean distclean unit conform static
.DELETE_ON_ERROR:
# Keep the objects that pattern rules make on the way (unit tests' .o):
# without this make deletes them and rebuilds them on every run.
.SECONDARY:

# ---- dependencies --------------------------------------------------------
DEPS_STAMP := $(BK)/.deps-ok
deps:
	harness/deps
$(DEPS_STAMP): harness/deps
	harness/deps
	@mkdir -p $(BK) && touch $@

# ---- the kernel tree and its headers -------------------------------------
$(BK)/linux-source-6.12/.extracted: | $(DEPS_STAMP)
	@echo "  EXTRACT  $(KSRC_TARBALL)"
	@mkdir -p $(BK)
	tar -C $(BK) -xf $(KSRC_TARBALL)
	@touch $@

KDIR_STAMP := $(if $(filter $(BK)/linux-source-6.12,$(KDIR)),$(BK)/linux-source-6.12/.extracted)

# The arm64 tree is the one kernel/build extracts for the arm64 kernel.
ifeq ($(ARCH),arm64)
KDIR_STAMP := $(if $(filter $(TOP)/build/kernel/src-arm64,$(KDIR)),$(KDIR)/.ds-extracted)
$(TOP)/build/kernel/src-arm64/.ds-extracted: | $(DEPS_STAMP)
	B=$(TOP)/build $(TOP)/kernel/build arm64
endif

$(KHDR)/.installed: $(KDIR_STAMP) | $(DEPS_STAMP)
	@echo "  HEADERS  $(KDIR) -> $(KHDR)"
	$(MAKE) -s -C $(KDIR) $(if $(filter arm64,$(TOOLS_ARCH)),ARCH=arm64) \
		headers_install INSTALL_HDR_PATH=$(KHDR) >/dev/null
ifeq ($(TOOLS_ARCH),arm64)
	@mkdir -p $(KGEN)
	$(MAKE) -s -C $(KDIR)/tools/arch/arm64/tools OUTPUT=$(KGEN)/
endif
	@touch $@

# The framework library: its source list is read from the tree's own
# Makefile (harness/lib/libkvm.mk), so a KDIR of another version builds too.
$(LIBKVM) $(LIBKVM_STRING): $(KHDR)/.installed harness/lib/libkvm.mk
	$(MAKE) -f harness/lib/libkvm.mk KDIR=$(KDIR) OUT=$(BK)/libkvm \
		ARCH_DIR=$(SELFTEST_ARCH) CC=$(CC) CFLAGS='$(KVM_CFLAGS)'

# Host objects, wherever their source is (harness/, suite/, tests/): the
# guests and the fuzzers have rules of their own, since neither may be
# built with the host's sanitizers.
$(B)/obj/%.o: %.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(DS_CFLAGS) $(HOST_SAN) -c $< -o $@

# Every fragment, each included once, here: what a folder builds is in its
# own .mk, and nothing includes another.
include harness/lib/lib.mk
include harness/modes/modes.mk
include guests/guests.mk
include suite/suite.mk
include harness/tools/placement/placement.mk
include harness/tools/bench/bench.mk
include harness/tools/compare/compare.mk
include harness/tools/startstop/startstop.mk
include harness/runner/runner.mk
include tests/tests.mk
include tests/fixtures/fixtures.mk
include tests/fuzz/fuzz.mk
include tests/valgrind.mk
include kernel/kernel.mk
include kernel/repro/repro.mk

build: $(BINS)

# static-suite: the suite's own programs, which build on any KDIR the suite
# supports (6.1 LTS included); static adds the reproducers (kernel/repro),
# written against 6.12's framework.
.PHONY: static-suite static-arm64
static-suite: $(STATIC_BINS)
ifeq ($(ARCH),arm64)
# On arm64 the suite's runner needs ds-conform alone; the benchmark's
# programs link hwloc and libnuma, which have no arm64 cross packages.
static: $(B)/static/bin/ds-conform
else
static: static-suite
endif
# The suite for `dirtysuite vm --arch arm64`: build/arm64/static/bin.
static-arm64:
	$(MAKE) ARCH=arm64 static

# The runner finds this variant's programs through DS_BUILD and DS_BIN.
export DS_BUILD := $(B)
export DS_BIN := $(B)/bin

check: build $(UNIT_BINS)
	harness/runner/dirtysuite check --unit $(CHECK_ARGS)

clean:
	rm -rf $(B)/obj $(B)/bin $(B)/tests $(B)/static
distclean:
	rm -rf $(BK)

-include $(shell find $(B)/obj -name '*.d' 2>/dev/null)
# The dependency files are make's input, never its output: without this,
# make would remake replay-workload.d by the built-in %: %.o rule (from a
# replay-workload.d.o the fuzz replay's pattern rule will build), and
# fail linking it, while reading the makefiles of every run.
%.d: ;
