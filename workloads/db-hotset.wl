# db-hotset: a database buffer pool: most writes hit a small hot set, so
# pages are re-dirtied round after round and the dirty set stays small.
memory = 128M
vcpus = 2
pattern = hotset
hot_set_pct = 10		# the hot set: 10% of memory
hot_pct = 90			# 90% of writes land in it
dirty_pct = 5			# writes per round; repeats in the hot set collapse
rounds = 10
warmup = 2
modes = all

# A hotter variant: the ring fills with the same pages over and over.
[hot]
hot_set_pct = 2
hot_pct = 99
