# SPDX-License-Identifier: GPL-2.0
#
# Runner targets, included from the Makefile.
#
#   make flake-check [N=20] [CHECK_ARGS='--quick RING-*']
#       run the conformance suite N times back to back and fail if any
#       test's result changed between runs (harness/dirtysuite-flakes)

.PHONY: flake-check

flake-check: build
	harness/dirtysuite flakes --runs $(if $(N),$(N),20) $(CHECK_ARGS)
