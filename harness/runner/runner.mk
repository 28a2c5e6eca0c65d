# SPDX-License-Identifier: GPL-2.0
#
# The runner's targets beside `make check` (in the Makefile).
#
#   make flake-check [N=20] [CHECK_ARGS='--quick RING-*']
#       run the conformance suite N times back to back and fail if any
#       test's result changed between runs (harness/runner/dirtysuite-flakes)
#   make install INSTALL_PATH=DIR
#       the suite as a kselftest collection for KernelCI and LAVA
#       (harness/runner/install says what goes where)
#   make qualify [QUALIFY_ARGS=--quick]
#       the whole conformance suite, the standard benchmark set and the
#       placement sweep, packed into one bundle,
#       results/<date>-<host>-qualify.tar.gz (harness/runner/dirtysuite-qualify)

.PHONY: flake-check install qualify

flake-check: build
	harness/runner/dirtysuite flakes --runs $(if $(N),$(N),20) $(CHECK_ARGS)

# The kernel's kselftest runner comes from KDIR at install time.
KSFT_SRC := $(KDIR)/tools/testing/selftests
# Seconds per test for the kernel's runner: the longest full-tier test
# under TCG, with room; the runner's own default (45 s) is too short.
KSFT_TIMEOUT ?= 300
INSTALL_BINS := $(B)/static/bin/ds-conform $(B)/static/bin/ds-placement

install: $(INSTALL_BINS) $(KDIR_STAMP)
	@harness/runner/install "$(INSTALL_PATH)" $(KSFT_SRC) $(KSFT_TIMEOUT) $(INSTALL_BINS)

qualify: build
	harness/runner/dirtysuite qualify $(QUALIFY_ARGS)
