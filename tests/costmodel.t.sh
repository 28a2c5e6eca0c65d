#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# plots/costmodel.awk: points made exactly by cost = a + b*GiB + c*pages
# give back a, b and c with no residual, and the crossover where the two
# models meet: bitmap 2 + 30 G + 0.1 P, ring 5 + 1 G + 0.25 P meet at
# P = (29 G - 3) / 0.15, so at 1 GiB 173 pages (0.0661 %); sizes past
# the largest measured are marked as extrapolation.

. "$(dirname "$0")/lib/t.sh"
t_setup

awk 'BEGIN {
	OFS = "\t"
	print "# dirtysuite-bench v1"
	print "dirty_pct", "mem_MiB", "mode", "harvest_ns_median", "pages_median"
	split("64 1024 4096", mem, " ")
	split("2 50 700 9000", pg, " ")
	for (i = 1; i <= 3; i++)
		for (j = 1; j <= 4; j++) {
			g = mem[i] / 1024
			print 1, mem[i], "off", "nan", "nan"
			print 1, mem[i], "bitmap", (2 + 30 * g + 0.1 * pg[j]) * 1000, pg[j]
			print 1, mem[i], "ring", (5 + 1 * g + 0.25 * pg[j]) * 1000, pg[j]
		}
}' > "$T_TMP/memsweep.tsv"
awk -F '\t' -v out="$T_TMP" -f "$T_ROOT/plots/costmodel.awk" "$T_TMP/memsweep.tsv"
t_expect "exit status" "$?" 0
t_grep "bitmap: a, b, c, no residual" "$T_TMP/costmodel.tsv.tmp" '^bitmap	2\.000	30\.0000	0\.100000	12	0\.0	0\.0$'
t_grep "ring: a, b, c, no residual" "$T_TMP/costmodel.tsv.tmp" '^ring	5\.000	1\.0000	0\.250000	12	0\.0	0\.0$'
t_grep "each point beside the model" "$T_TMP/costmodel-points.tsv.tmp" '^ring	4	9000	2259\.00	2259\.00	0\.0$'
t_grep "crossover at 1 GiB" "$T_TMP/crossover-model.tsv.tmp" '^1	0\.06612	173	measured range$'
t_grep "past 4 GiB: extrapolation" "$T_TMP/crossover-model.tsv.tmp" '^1024	.*	extrapolation$'
t_done
