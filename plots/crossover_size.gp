# SPDX-License-Identifier: GPL-2.0
# The bitmap/ring crossover as a function of guest size: the dirty
# fraction at which the ring costs what the bitmap costs.  Points: each
# size's measured crossover (memsweep-crossover.tsv); line: the cost
# model's (crossover-model.tsv), solid where sizes were measured, dashed
# and labelled where it is carried beyond them to 1 TiB.  With tdp set
# (make bench-tdp), the same for the TDP MMU from tdp/.  Vars: dir tdp.
load "plots/style.gp"
m = dir."/crossover-model.tsv"
mx = dir."/memsweep-crossover.tsv"
tm = dir."/tdp/crossover-model.tsv"
tx = dir."/tdp/memsweep-crossover.tsv"
set title "Bitmap/ring crossover vs guest size (below the line the ring is cheaper)"
set xlabel "guest memory (GiB)"
set ylabel "dirty pages per round at the crossover (% of guest memory)"
set logscale xy 2
set format x "%g"
set format y "%g"
set label 1 "dashed: extrapolation (model)" at graph 0.62, graph 0.06 font ",10" tc rgb "#666666"
in(k) = strcol("kind") eq k ? column("crossover_dirty_pct") : NaN
if (tdp eq "1") {
	plot m using 1:(in("measured range")) with lines lw 2 lc rgb "#444444" title "this host: model", \
	     m using 1:(in("extrapolation")) with lines lw 2 dt 2 lc rgb "#999999" notitle, \
	     mx using (column("mem_MiB") / 1024):"crossover_dirty_pct" \
		with points pt 7 ps 1.2 lc rgb mode_color("ring") title "this host: measured", \
	     tm using 1:(in("measured range")) with lines lw 2 lc rgb "#1f77b4" title "TDP MMU: model", \
	     tm using 1:(in("extrapolation")) with lines lw 2 dt 2 lc rgb "#8fbbda" notitle, \
	     tx using (column("mem_MiB") / 1024):"crossover_dirty_pct" \
		with points pt 5 ps 1.2 lc rgb "#1f77b4" title "TDP MMU: measured"
} else {
	plot m using 1:(in("measured range")) with lines lw 2 lc rgb "#444444" title "model, measured sizes", \
	     m using 1:(in("extrapolation")) with lines lw 2 dt 2 lc rgb "#999999" title "model, extrapolated to 1 TiB", \
	     mx using (column("mem_MiB") / 1024):"crossover_dirty_pct" \
		with points pt 7 ps 1.2 lc rgb mode_color("ring") title "measured"
}
