# SPDX-License-Identifier: GPL-2.0
# KVM_CLEAR_DIRTY_LOG chunk size vs the clear mode's cost.  Vars: dir.
load "plots/style.gp"
f = dir."/shift.tsv"
set title "clear mode: chunk size vs harvest cost (median per round)"
set xlabel "pages per KVM_CLEAR_DIRTY_LOG call (2^{shift})"
set ylabel "time per round (µs)"
set logscale y
set xtics 2
plot f using 1:(column("harvest_ns_median") / 1e3) with linespoints lw 2 pt 7 lc rgb "#2ca02c" title "get + clear", \
     f using 1:(column("reset_ns_median") / 1e3) with linespoints lw 2 pt 5 dt 2 lc rgb "#98df8a" title "clear (re-protect)", \
     f using 1:(column("get_ns_median") / 1e3) with linespoints lw 2 pt 9 dt 3 lc rgb "#17becf" title "get"
