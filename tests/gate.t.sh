#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernel/gate's verdict (kernel/gate.awk): a figure ds-compare flagged and
# a capability that NEW lost or reports smaller are REGRESSED (exit 1); a
# capability NEW gained is not; same figures and caps pass (exit 0).

. "$(dirname "$0")/lib/t.sh"
t_setup

G=$T_ROOT/kernel/gate.awk
printf '# dirtysuite-compare v1\nfigure\tmetric\tbase_median_ns\tnew_median_ns\tratio\tp\tpairs_moved\tn_base\tn_new\tverdict\n' > "$T_TMP/h"
{ cat "$T_TMP/h"; printf 'gate 64 2 4096 6 bitmap x=1\tget_ns\t225000\t327000\t1.456\t0.00794\t5/5\t150\t150\tREGRESSED\n'; } > "$T_TMP/slow.tsv"
{ cat "$T_TMP/h"; printf 'gate 64 2 4096 6 ring x=1\tget_ns\t13500\t12500\t0.926\t0.421\t4/5\t150\t150\tsame\n'; } > "$T_TMP/same.tsv"
printf 'DIRTY_LOG_RING: 1048576\nMANUAL_DIRTY_LOG_PROTECT2: 3\nDIRTY_LOG_RING_WAITQUEUE: 0\n' > "$T_TMP/old"
printf 'DIRTY_LOG_RING: 1048576\nMANUAL_DIRTY_LOG_PROTECT2: 3\nDIRTY_LOG_RING_WAITQUEUE: 1\n' > "$T_TMP/gained"
printf 'DIRTY_LOG_RING: 65536\nDIRTY_LOG_RING_WAITQUEUE: 0\n' > "$T_TMP/lost"

awk -F '\t' -f "$G" "$T_TMP/slow.tsv" "$T_TMP/old" "$T_TMP/old" > "$T_TMP/g1"
t_expect "a flagged figure: exit status" "$?" 1
t_grep "the figure in the table, in us" "$T_TMP/g1" '^gate 64 2 4096 6 bitmap x=1	get_ns	225\.0	327\.0	1\.456	0\.00794	5/5	REGRESSED$'

awk -F '\t' -f "$G" "$T_TMP/same.tsv" "$T_TMP/old" "$T_TMP/gained" > "$T_TMP/g2"
t_expect "same figures, a cap gained: exit status" "$?" 0
t_grep "a gained cap is a change, not a regression" "$T_TMP/g2" '^cap:DIRTY_LOG_RING_WAITQUEUE	value	0	1	-	-	-	changed$'

awk -F '\t' -f "$G" "$T_TMP/same.tsv" "$T_TMP/old" "$T_TMP/lost" > "$T_TMP/g3"
t_expect "caps lost or smaller: exit status" "$?" 1
t_grep "a smaller ring" "$T_TMP/g3" '^cap:DIRTY_LOG_RING	value	1048576	65536	-	-	-	REGRESSED$'
t_grep "a cap no longer reported" "$T_TMP/g3" '^cap:MANUAL_DIRTY_LOG_PROTECT2	value	3	absent	-	-	-	REGRESSED$'
( cd "$T_TMP" && awk -F '\t' -v base=OLD -v new=NEW -f "$T_ROOT/plots/gate_html.awk" g3 > g3.html )
t_grep "html: the regressed row marked" "$T_TMP/g3.html" '<tr class="REGRESSED"><td>cap:DIRTY_LOG_RING</td>'
t_expect "html: no file written but the page" "$(ls "$T_TMP" | grep -c class)" 0
t_done
