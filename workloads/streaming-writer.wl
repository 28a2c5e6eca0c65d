# streaming-writer: a log or ETL job writing memory in order, every page
# once per pass: the dirty set is large and contiguous, the bitmap's case.
memory = 128M
vcpus = 2
pattern = seq			# contiguous runs, resuming where the last ended
dirty_pct = 25			# a quarter of memory a round
rounds = 8			# each round costs ~1 s of faults; 8 is enough
warmup = 1
modes = all
ring_entries = 8192		# 25% of a vCPU's 16K pages overflows 4096 often

# Burstier writer: runs of 64 pages with compute between them.
[burst]
pattern = burst
burst_pages = 64
burst_idle = 200
