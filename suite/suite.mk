# SPDX-License-Identifier: GPL-2.0
# The conformance binary, ds-conform: one table an area, listed in areas.c;
# suite/lib/ holds the helpers that the areas share.
SUITE_SRCS += suite/areas.c
SUITE_SRCS += suite/args.c
SUITE_SRCS += suite/badinput.c
SUITE_SRCS += suite/badinput_ring.c
SUITE_SRCS += suite/bitmap.c
SUITE_SRCS += suite/bitmap_slots.c
SUITE_SRCS += suite/caps.c
SUITE_SRCS += suite/cfg.c
SUITE_SRCS += suite/clear.c
SUITE_SRCS += suite/collapse.c
SUITE_SRCS += suite/lib/errno_check.c
SUITE_SRCS += suite/lib/slots.c
SUITE_SRCS += suite/conform.c
SUITE_SRCS += suite/report.c
SUITE_SRCS += suite/ring.c
SUITE_SRCS += suite/ring_bitmap.c
SUITE_SRCS += suite/ring_concurrent.c
SUITE_SRCS += suite/ring_enable.c
SUITE_SRCS += suite/softfull.c
SUITE_SRCS += suite/stress.c
SUITE_SRCS += suite/waitqueue.c
SUITE_SRCS += suite/waitqueue_exit.c
SUITE_SRCS += suite/waitqueue_watch.c
# What differs per architecture: CAPS-001's table, the ITS (one folder
# each; how KVM maps memory is harness/lib/ARCH/mappings.c).
SUITE_SRCS += suite/$(DS_ARCH)/caps_doc.c
SUITE_SRCS += suite/$(DS_ARCH)/its.c
SUITE_OBJS = $(patsubst %.c,$(B)/obj/%.o,$(SUITE_SRCS))

# % takes in subfolders too: suite/lib/x.c -> $(B)/obj/suite/lib/x.o.
BINS += $(B)/bin/ds-conform
$(B)/bin/ds-conform: $(SUITE_OBJS) $(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm)

# Statically linked copies, for the initramfs of dirtysuite vm.
STATIC_BINS += $(B)/static/bin/ds-conform
$(B)/static/bin/ds-conform: $(SUITE_OBJS) $(HOST_OBJS) $(GUEST_OBJS)
	$(call link_kvm,-static)
