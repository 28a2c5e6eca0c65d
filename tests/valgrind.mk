# SPDX-License-Identifier: GPL-2.0
#
#   make valgrind    every unit test program under valgrind's memcheck;
#                    fails on any invalid access, uninitialised read or leak
#
# Included from the Makefile.  It runs the plain build's programs:
# ASan's shadow memory and valgrind cannot share a process, so SANITIZE=1
# is refused rather than silently running something else.

VALGRIND ?= valgrind
# Every kind of leak but "still reachable" (stdio's buffers) is an error.
VALGRIND_FLAGS ?= --leak-check=full --errors-for-leak-kinds=definite,indirect,possible \
	--track-origins=yes --error-exitcode=1

.PHONY: valgrind
valgrind: $(UNIT_BINS)
ifeq ($(SANITIZE),1)
	@echo "make valgrind: not with SANITIZE=1 (ASan and valgrind exclude each other)" >&2; exit 2
else
	VALGRIND='$(VALGRIND)' VALGRIND_FLAGS='$(VALGRIND_FLAGS)' \
		tests/valgrind.sh $(B)/valgrind $(UNIT_BINS)
endif
