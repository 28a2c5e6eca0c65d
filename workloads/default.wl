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
live_gaps = 1			# -x live: time every write's gap (0: passes only)
write_pct = 100			# rw: % of its accesses that write (dirty_log_perf_test's -w)
spin_wait = 0			# rounds: threads sleep between them (1: busy-wait, as dirty_log_perf_test)
warm_set = 1			# rounds: the harvest's set touched before its clock starts (0: as dirty_log_perf_test)
vcpu_cpus = none		# pin the vCPU threads (e.g. pu:1, or core:0/core:1): the kernel's choice
harvest_cpu = none		# pin the harvesting thread (e.g. pu:0)
seed = 0x5eed
