#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The runner's output is KTAP v1: version line, plans that match, well
# formed results, subtest groups, totals that add up, and the same text
# on stdout and in ktap.txt.  Also checks the results folder's files.

. "$(dirname "$0")/lib/t.sh"
t_setup

# Unit tests of every kind: a shell test and two executables.
printf '#!/bin/sh\necho "# a shell unit test"\nexit 0\n' > "$DS_TESTS/u-pass.t.sh"
printf '#!/bin/sh\necho "SKIP: no widget here"\nexit 4\n' > "$DS_BUILD/tests/test-uskip"
printf '#!/bin/sh\necho "assertion failed"\nexit 1\n' > "$DS_BUILD/tests/test-ufail"
chmod +x "$DS_BUILD/tests/test-uskip" "$DS_BUILD/tests/test-ufail"

t_run all check --unit FIX-PASS FIX-FAIL FIX-SKIP FIX-SLOWPASS
t_expect "exit status with a failing test" "$T_RC" 1
t_ktap_valid "stdout" "$T_TMP/all.out"
dir=$DS_RESULTS/latest
t_ktap_valid "ktap.txt" "$dir/ktap.txt"
if cmp -s "$T_TMP/all.out" "$dir/ktap.txt"; then
	t_diag "ok: ktap.txt is stdout"
else
	t_fail "ktap.txt differs from stdout"
fi

out=$T_TMP/all.out
t_grep "top plan: two groups" "$out" '^1\.\.2$'
t_grep "unit group plan" "$out" '^  1\.\.3$'
t_grep "unit group result" "$out" '^not ok 1 unit$'
t_grep "conformance group result" "$out" '^not ok 2 conformance$'
t_grep "pass line has ID and description" "$out" '^  ok 1 FIX-PASS passes$'
t_grep "fail reason" "$out" '^  not ok 2 FIX-FAIL fails an assertion # exit=1$'
t_grep "child output as diagnostic" "$out" '^  # slowpass line 10 of 10'
t_grep "unit skip reason" "$out" '^  ok [0-9] test-uskip # SKIP no widget here$'
t_grep "totals" "$out" '^# Totals: pass:3 fail:2 xfail:0 xpass:0 skip:2 error:0$'
t_expect "last line" "$(tail -n 1 "$out")" "3 passed, 2 failed, 2 skipped"

t_expect "summary.tsv header" "$(head -n 1 "$dir/summary.tsv")" "# dirtysuite-summary v1"
t_expect "summary.tsv columns" "$(sed -n 2p "$dir/summary.tsv")" \
	"$(printf 'id\tresult\treason\tduration_ms')"
t_expect "summary.tsv rows" "$(tail -n +3 "$dir/summary.tsv" | wc -l)" 7
t_grep "summary.tsv fail row" "$dir/summary.tsv" '^FIX-FAIL	fail	exit=1	[0-9]+$'
t_grep "summary.tsv pass row" "$dir/summary.tsv" '^FIX-PASS	pass	-	[0-9]+$'
t_grep "env.txt has uname" "$dir/env.txt" '^uname: '
t_expect "one log per test" "$(ls "$dir" | grep -c '^[0-9][0-9][0-9]-.*\.log$')" 7
t_grep "log has the test's output" "$dir/007-FIX-SLOWPASS.log" '^slowpass line 10 of 10'
t_grep "log ends with the trailer" "$dir/007-FIX-SLOWPASS.log" '^# dirtysuite: FIX-SLOWPASS status=0 result=pass'
t_expect "no temporary files left" "$(ls -a "$dir" | grep -c '\.tmp$')" 0

# A run where everything passes exits 0, and skips do not count as failure.
t_run green check FIX-PASS FIX-SKIP
t_expect "exit status with pass and skip" "$T_RC" 0
t_ktap_valid "green run" "$T_TMP/green.out"
t_grep "conformance alone still a group" "$T_TMP/green.out" '^ok 1 conformance$'

t_done
