# SPDX-License-Identifier: GPL-2.0
# Harvest cost vs dirty fraction, one line per mode and memory size, with
# the bitmap/ring crossover of each size marked.  Vars: dir modes mems xs.
load "plots/style.gp"
f = dir."/fraction.tsv"
set title "Harvest cost per round vs dirty fraction (median; crossover dashed)"
set xlabel "dirty pages per round (% of guest memory)"
set ylabel "harvest time per round (µs, get + reset)"
set logscale xy
do for [i = 1:words(xs)] {
	x = word(xs, i) + 0
	set arrow i from x, graph 0 to x, graph 1 nohead dt 2 lw 2 lc rgb "#444444"
	set label i sprintf("%s MiB: %.3g%%", word(xmems, i), x) at x, graph 0.96 - 0.05 * i left offset 0.5,0 font ",9"
}
plot for [m in modes] for [j = 1:words(mems)] f \
	using 1:(col_if("harvest_ns_median", m) / (column("mem_MiB") == word(mems, j) + 0 ? 1e3 : NaN)) \
	with linespoints lw 2 pt 7 ps 0.7 dt j lc rgb mode_color(m) \
	title sprintf("%s %s MiB", m, word(mems, j))
