# default: the suite's reference point.  Every key is stated, so this file
# also documents the defaults a workload file starts from.
#
# 64 MiB over 2 vCPUs: a write-protect fault costs 20-80 us on the shadow
# MMU here, so 64 MiB at 100% dirty is ~0.5 s a round; larger sizes are
# the memory-size sweep's job, not the default's.
memory = 64M
vcpus = 2			# one per host core; more only add scheduler noise
memslots = 1
backing = anon			# 4 KiB pages: the log is exact, no split cost
pattern = random		# uniform: no locality for any mode to exploit
dirty_pct = 1			# 1% a round: a typical pre-copy iteration
rounds = 10			# 10 samples per figure: median and p99 need a few
warmup = 2			# first rounds pay for faulting memory in
modes = all			# every mode this build has
ring_entries = 4096		# KVM's usual per-vCPU ring (64 KiB)
clear_shift = 6			# 64 pages per KVM_CLEAR_DIRTY_LOG: the finest
populate = all			# every page faulted in first: no measured first touch
waitqueue = 0			# ring: 1 for the wait-queue ring (a kernel with kernel/patches)
live_ms = 2000			# -x live: each point runs free this long
seed = 0x5eed
