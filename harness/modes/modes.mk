# SPDX-License-Identifier: GPL-2.0
# The tracking modes: the table (modes.c) and one mode_NAME.c a mode (a
# large one in parts, mode_NAME_PART.c, as the ring is).  A
# new mode is its file and its line in modes.c's table: the list below
# takes every mode_*.c there is, so this file never changes for one.
MODE_SRCS := harness/modes/modes.c $(sort $(wildcard harness/modes/mode_*.c))
MODE_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(MODE_SRCS))

# What every KVM program links: the library and the modes.
HOST_OBJS = $(LIB_OBJS) $(MODE_OBJS)
