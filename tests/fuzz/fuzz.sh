#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# fuzz.sh OUT SECONDS NAME...: run each libFuzzer harness OUT/fuzz-NAME for
# SECONDS / (number of NAMEs) seconds; exit 1 if any found something.
#
# New inputs go to OUT/corpus/NAME (the committed seeds in
# tests/fuzz/corpus/NAME are only read), findings to OUT/crash/NAME.  A
# finding is a bug to fix; its input then goes to tests/fuzz/regress/NAME/,
# where test-fuzz-NAME replays it on every make check.

: "${FUZZ_TIMEOUT:=10}"		# seconds one input may take: more is a hang
: "${FUZZ_RSS_MB:=2048}"	# a parser needs far less; more is a leak
: "${FUZZ_MAX_LEN:=4096}"	# bytes: longer than any real workload file

out=$1
total=$2
shift 2
src=$(dirname "$0")
case $total in
''|*[!0-9]*) echo "fuzz: FUZZ_SECONDS: '$total' is not a number" >&2; exit 2 ;;
esac
per=$((total / $#))
[ "$per" -ge 1 ] || per=1

pass=0 fail=0
for h in "$@"; do
	work=$out/corpus/$h
	crash=$out/crash/$h
	log=$out/$h.log
	# Old findings would be reported again: the crash folder is per run.
	rm -rf "$crash"
	mkdir -p "$work" "$crash"
	set -- -max_total_time="$per" -timeout="$FUZZ_TIMEOUT" \
		-rss_limit_mb="$FUZZ_RSS_MB" -max_len="$FUZZ_MAX_LEN" \
		-close_fd_mask=3 -print_final_stats=1 -artifact_prefix="$crash/"
	[ -f "$src/$h.dict" ] && set -- "$@" -dict="$src/$h.dict"
	if "$out/fuzz-$h" "$@" "$work" "$src/corpus/$h" > "$log" 2>&1; then
		runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
		echo "fuzz: $h: ok, ${runs:-?} inputs in $per s, corpus $(ls "$work" | wc -l) files"
		pass=$((pass + 1))
		continue
	fi
	fail=$((fail + 1))
	echo "fuzz: $h: FAILED; last lines of $log:"
	tail -n 40 "$log" | sed 's/^/fuzz:   /'
	for a in "$crash"/*; do
		[ -f "$a" ] || continue
		echo "fuzz: $h: input $a: fix the bug, then add it to tests/fuzz/regress/$h/"
	done
done
# The line .ci/run adds up: one test per harness.
echo "$pass passed, $fail failed, 0 skipped"
[ $fail -eq 0 ]
