# SPDX-License-Identifier: GPL-2.0
# Ring size vs soft-full exits and vCPU stall; a point whose ring
# overflowed (verdict column) is marked at y = 0.  Vars: dir.
load "plots/style.gp"
f = dir."/ring.tsv"
set title "Dirty ring size vs soft-full exits and vCPU stall (median per round)"
set xlabel "ring entries per vCPU"
set ylabel "soft-full exits per round (count)"
set y2label "vCPU stall in those exits, harvest time (ms per round)"
set logscale x 2
set ytics nomirror
set y2tics
set yrange [0:*]
set y2range [0:*]
# Inside: the titles are long and an outside key squeezes the axes away.
set key inside right top
# Room for a point (or its overflow mark) at either end of the x range.
set offsets graph 0.04, graph 0.04, 0, 0
plot f using 1:"full_exits_median" with linespoints lw 2 pt 7 lc rgb "#d62728" title "soft-full exits", \
     f using 1:(column("stall_ns_median") / 1e6) axes x1y2 with linespoints lw 2 pt 5 dt 2 lc rgb "#ff7f0e" title "vCPU stall", \
     f using 1:(column("harvest_ns_median") / 1e6) axes x1y2 with linespoints lw 2 pt 9 dt 3 lc rgb "#1f77b4" title "harvest time", \
     f using 1:(strcol("verdict") eq "overflow" ? 0 : NaN):("overflow") with labels point pt 2 ps 2 lc rgb "#b00000" offset 0,1.2 tc rgb "#b00000" title "ring overflowed (kernel bug)"
