# SPDX-License-Identifier: GPL-2.0
#
# memsweep_headline.awk: the report's answer at the sizes VMs have, from
# the memory sweep's crossover-model.tsv: the model's crossover at the
# largest measured size, and at 1 TiB (extrapolated).
#
#   awk -F '\t' -f memsweep_headline.awk crossover-model.tsv

/^#/ || !h++ { next }
$4 == "measured range" { split($0, m, "\t") }
$1 == 1024 { split($0, t, "\t") }
END {
	printf "<p>Memory sweep: the ring is cheaper than the bitmap below <b>%s%%</b> dirty per round at %s GiB (largest measured), and below <b>%s%%</b> at 1 TiB (extrapolated from the cost model)</p>\n", m[2], m[1], t[2]
}
