#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dirtysuite merge: two machines' folders (synthetic: a host check + bench
# and a `dirtysuite vm` run with its runner folder inside) become one
# merge.tsv with a row per machine and a report.html that marks where the
# machines disagree: a result, a crossover beyond the tolerance.

. "$(dirname "$0")/lib/t.sh"
t_setup

A=$T_TMP/in/hostA
V=$T_TMP/in/vm-6.12
mkdir -p "$A/check" "$A/bench" "$V/20260101-000000-vm-check-1"
printf '# dirtysuite-env v1\nuname: Linux hostA 6.18.1 #1 SMP x86_64 GNU/Linux\n' > "$A/check/env.txt"
printf '# dirtysuite-summary v1\nid\tresult\treason\tduration_ms\nBITMAP-001\tpass\t-\t9\nBITMAP-002\tpass\t-\t4\nRING-001\tpass\t-\t5\n' \
	> "$A/check/summary.tsv"
printf '# dirtysuite-bench v1\nmem_MiB\tcrossover_dirty_pct\tsamples\tverdict\n64\t10\t3\tx\n256\t20\t3\tx\n' \
	> "$A/bench/crossover.tsv"
printf '# dirtysuite-bench v1\ndirty_pct\tmode\tsamples\tharvest_ns_median\n1\toff\t10\tnan\n1\tbitmap\t10\t15000\n1\tring\t10\t9000\n' \
	> "$A/bench/latency.tsv"
printf 'kernel=bzImage\nversion=6.12.117\n' > "$V/vm.info"
printf '# dirtysuite-summary v1\nid\tresult\treason\tduration_ms\nBITMAP-001\tpass\t-\t90\nBITMAP-002\tfail\tlost 1 page\t40\nRING-001\tskip\tno ring\t1\n' \
	> "$V/20260101-000000-vm-check-1/summary.tsv"
printf '# dirtysuite-bench v1\nmem_MiB\tcrossover_dirty_pct\tsamples\tverdict\n64\t11\t3\tx\n256\t40\t3\tx\n' \
	> "$V/20260101-000000-vm-check-1/crossover.tsv"

O=$T_TMP/merged
sh "$T_RUNNER" merge --out "$O" "$A" "$V" > "$T_TMP/m.out" 2> "$T_TMP/m.err"
t_expect "exit status" "$?" 0
[ -s "$T_TMP/m.err" ] && t_fail "stderr: $(cat "$T_TMP/m.err")"
t_expect "prints the report's path" "$(cat "$T_TMP/m.out")" "$O/report.html"
t_expect "rows: header, version, 2 machines" "$(wc -l < "$O/merge.tsv")" 4
t_grep "header" "$O/merge.tsv" '^machine	kernel	BITMAP-001	BITMAP-002	RING-001	crossover_dirty_pct@64MiB	crossover_dirty_pct@256MiB	harvest_us_median:bitmap	harvest_us_median:ring$'
t_grep "host row" "$O/merge.tsv" '^hostA	6\.18\.1	pass	pass	pass	10	20	15\.0	9\.0$'
t_grep "vm row (kernel from vm.info)" "$O/merge.tsv" '^vm-6\.12	6\.12\.117	pass	fail	skip	11	40	-	-$'
t_grep "differing result highlighted" "$O/report.html" '<td class="fail diff">fail</td>'
t_grep "crossover beyond 20% highlighted" "$O/report.html" '<td class=" diff">40</td>'
grep -q '<td class=" diff">11</td>' "$O/report.html" && t_fail "10 vs 11 is within the tolerance"
grep -q '<td class=" diff">-</td>' "$O/report.html" && t_fail "no data was marked as a difference"
t_grep "3 differing columns" "$O/report.html" '<p>3 of 7 columns differ'

sh "$T_RUNNER" merge --out "$O" "$T_TMP" > /dev/null 2>&1
t_expect "a folder with nothing to merge" "$?" 2
t_done
