# SPDX-License-Identifier: GPL-2.0
# Guest payloads: never sanitized or instrumented, they run inside the VM.
# General registers only, as in a kernel: this host's KVM (PVM) runs the
# guest in its instruction emulator (README, Findings), which lacks most
# SSE instructions: a pxor that -O2 made of two 8-byte stores ended the
# VM with INTERNAL_ERROR (suberror 1), and the payloads need no vector unit.
GUEST_CFLAGS := -mgeneral-regs-only
GUEST_SRCS += guests/patterns.c
GUEST_SRCS += guests/guest_main.c
GUEST_SRCS += guests/live.c
GUEST_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(GUEST_SRCS))

$(B)/obj/guests/%.o: guests/%.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(DS_CFLAGS) $(GUEST_CFLAGS) -c $< -o $@
