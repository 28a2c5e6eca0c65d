# kernel-gate: the fixed, quick benchmark `make kernel-bench` (kernel/gate)
# runs inside each of two kernels, to tell whether the new one made dirty
# tracking slower.  Every mode; each round's get, reset and harvest are
# the samples ds-compare tests.  Small enough that one boot measures every
# mode in well under a minute under nested TCG, with enough rounds per
# mode for the Mann-Whitney test to reach p < 0.01 on a real shift.
memory = 64M
vcpus = 2
memslots = 1
backing = anon
pattern = random
dirty_pct = 1			# a pre-copy iteration; the bitmap's get dominates
rounds = 30
warmup = 3
modes = all
ring_entries = 4096
clear_shift = 6
seed = 0x5eed
