# SPDX-License-Identifier: GPL-2.0
# Guest payloads: never sanitized or instrumented, they run inside the VM.
GUEST_SRCS += guests/patterns.c
GUEST_SRCS += guests/guest_main.c
GUEST_OBJS := $(patsubst %.c,$(B)/obj/%.o,$(GUEST_SRCS))

$(B)/obj/guests/%.o: guests/%.c $(LIBKVM)
	@mkdir -p $(dir $@)
	$(CC) $(DS_CFLAGS) -c $< -o $@
