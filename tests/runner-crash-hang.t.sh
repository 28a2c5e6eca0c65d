#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A test that crashes and one that hangs each become one `not ok` line
# (exit=SIGSEGV, TIMEOUT) and the tests after them still run.

. "$(dirname "$0")/lib/t.sh"
t_setup

# Tests run in list order: the crash and the hang come before SLOWPASS.
t_run r check --timeout 2 FIX-SLOWPASS FIX-HANG FIX-CRASH
out=$T_TMP/r.out
t_expect "exit status" "$T_RC" 1
t_ktap_valid "output" "$out"
t_grep "crash" "$out" '^  not ok 1 FIX-CRASH dies of SIGSEGV # exit=SIGSEGV$'
t_grep "hang" "$out" '^  not ok 2 FIX-HANG never returns # TIMEOUT 2 seconds$'
t_grep "the run went on" "$out" '^  ok 3 FIX-SLOWPASS writes output then passes$'
t_grep "crash output kept" "$out" '^  # about to crash$'
# The hang's own time, from the summary the runner wrote: the whole run's
# wall time would also count the other tests on a loaded machine.
hang_ms=$(awk -F'\t' '$1 == "FIX-HANG" { print $4 }' "$DS_RESULTS/latest/summary.tsv")
[ "${hang_ms:-99999}" -lt 5000 ] && t_diag "ok: the hang ended after $hang_ms ms" ||
	t_fail "the hang took ${hang_ms:-?} ms for a 2 s timeout"
# This test's own processes only (T_MARK, lib/t.sh): the machine may run
# other fixtures at the same time.
left=$(grep -l -a -F "T_MARK=$T_MARK" /proc/[0-9]*/environ 2>/dev/null |
	sed -n 's,^/proc/\([0-9]*\)/environ$,\1,p' | while read -r p; do
		grep -q -a 'ds-fixture' "/proc/$p/cmdline" 2>/dev/null && echo "$p"
	done | wc -l)
t_expect "no test process left" "$left" 0

t_done
