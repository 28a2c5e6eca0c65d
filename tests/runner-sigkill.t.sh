#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# SIGKILL of the runner midway: every finished test's log, ktap.txt and
# summary.tsv are whole (no cut-off line, no half-written file), and the
# next run, among the leftovers, works.

. "$(dirname "$0")/lib/t.sh"
t_setup

# wait_for FILE: up to 5 s.
wait_for()
{
	wf_i=0
	while ! [ -e "$1" ] && [ $wf_i -lt 50 ]; do
		sleep 0.1
		wf_i=$((wf_i + 1))
	done
	[ -e "$1" ]
}

# whole_files DIR: every finished file in DIR is complete.
whole_files()
{
	for wf in "$1"/[0-9][0-9][0-9]-*.log; do
		[ -e "$wf" ] || continue
		WF_LOGS=$((WF_LOGS + 1))
		tail -n 1 "$wf" | grep -q '^# dirtysuite: ' ||
			t_fail "${wf##*/} has no trailer"
	done
	for wf in "$1"/ktap.txt "$1"/summary.tsv; do
		[ -s "$wf" ] || continue
		[ "$(tail -c 1 "$wf" | od -An -c | tr -d ' ')" = '\n' ] ||
			t_fail "${wf##*/} ends in the middle of a line"
	done
}

# A kill during the third test, after two have finished.
sh "$T_RUNNER" check --timeout 30 FIX-PASS FIX-SKIP FIX-HANG > "$T_TMP/k.out" 2>&1 &
pid=$!
dir=
wait_for "$DS_RESULTS/latest" && dir=$DS_RESULTS/$(readlink "$DS_RESULTS/latest")
wait_for "$dir/002-FIX-SKIP.log" || t_fail "second test never finished"
wait_for "$dir/003-FIX-HANG.log.tmp" || t_fail "third test never started"
sleep 0.2
kill -KILL $pid
wait $pid 2>/dev/null
t_reap

t_grep "first log intact" "$dir/001-FIX-PASS.log" '^# dirtysuite: FIX-PASS status=0 result=pass'
t_grep "second log intact" "$dir/002-FIX-SKIP.log" 'result=skip'
t_grep "ktap.txt has the first result" "$dir/ktap.txt" '^  ok 1 FIX-PASS passes$'
t_grep "ktap.txt has the second result" "$dir/ktap.txt" '^  ok 2 FIX-SKIP .* # SKIP '
t_expect "summary.tsv has both rows" "$(tail -n +3 "$dir/summary.tsv" | wc -l)" 2
whole_files "$dir"

# Kills at other moments, with many short tests: whatever was renamed
# into place is whole.
i=0
while [ $i -lt 20 ]; do
	printf '#!/bin/sh\necho "unit %s"\n' $i > "$DS_TESTS/u$i.t.sh"
	i=$((i + 1))
done
for delay in 0.15 0.3 0.45 0.6; do
	sh "$T_RUNNER" unit --label k > /dev/null 2>&1 &
	pid=$!
	sleep $delay
	kill -KILL $pid
	wait $pid 2>/dev/null
	t_reap
done
WF_LOGS=0
for d in "$DS_RESULTS"/*-k-*; do
	whole_files "$d"
done
t_diag "checked $(ls -d "$DS_RESULTS"/*-k-* | wc -l) killed runs, $WF_LOGS finished logs"

# SIGTERM (a cancelled CI job): the running test goes too, what finished
# stays, and the exit status says why.
sh "$T_RUNNER" check --results "$T_TMP/term" FIX-PASS FIX-HANG > "$T_TMP/t.out" 2>&1 &
pid=$!
wait_for "$T_TMP/term/latest"
d=$T_TMP/term/$(readlink "$T_TMP/term/latest")
wait_for "$d/002-FIX-HANG.log.tmp" || t_fail "hang never started"
kill -TERM $pid
wait $pid
t_expect "SIGTERM: exit status" "$?" 143
t_grep "SIGTERM: said so" "$T_TMP/t.out" "^  # dirtysuite: stopped by SIGTERM during test 2"
t_grep "SIGTERM: first result kept" "$d/ktap.txt" "^  ok 1 FIX-PASS passes\$"
t_expect "SIGTERM: test killed" "$(pgrep -f "ds-fixture run FIX-HANG" | wc -l)" 0

# The next run, among *.tmp leftovers, works and moves latest.
: > "$DS_RESULTS/.latest.$$.tmp"
rm -f "$DS_TESTS"/u*.t.sh
t_run again check FIX-PASS
t_expect "rerun exit status" "$T_RC" 0
t_ktap_valid "rerun" "$T_TMP/again.out"
new=$(readlink "$DS_RESULTS/latest")
[ "$DS_RESULTS/$new" != "$dir" ] && [ -f "$DS_RESULTS/$new/ktap.txt" ] &&
	t_diag "ok: latest -> $new" || t_fail "latest not moved to the new run"

t_done
