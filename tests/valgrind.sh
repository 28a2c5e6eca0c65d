#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# valgrind.sh LOGDIR PROGRAM...: run each unit test program under
# $VALGRIND $VALGRIND_FLAGS, one log each in LOGDIR, and end with the
# line "N passed, N failed, N skipped" that .ci/run adds up.
#
# A program fails when valgrind reports an error (its --error-exitcode
# is 1) or when the test itself fails; a test that skips (exit 4) under
# valgrind is a skip, as under the runner.

: "${VALGRIND:=valgrind}"
: "${VALGRIND_FLAGS:=--leak-check=full --error-exitcode=1}"

logs=$1
shift
command -v "$VALGRIND" > /dev/null 2>&1 || {
	echo "valgrind: '$VALGRIND' not found (harness/deps installs it)" >&2
	exit 3
}
mkdir -p "$logs" || exit 3

pass=0 fail=0 skip=0
for t in "$@"; do
	name=${t##*/}
	log=$logs/$name.log
	# --log-file keeps valgrind's report apart from the test's output.
	$VALGRIND $VALGRIND_FLAGS --log-file="$log.vg" "$t" > "$log" 2>&1
	rc=$?
	case $rc in
	0)	pass=$((pass + 1)); echo "valgrind: ok $name" ;;
	4)	skip=$((skip + 1)); echo "valgrind: skip $name" ;;
	*)	fail=$((fail + 1))
		echo "valgrind: FAIL $name (exit $rc); $log.vg:"
		grep -v '^==[0-9]*== *$' "$log.vg" | head -n 40 | sed 's/^/valgrind:   /' ;;
	esac
done
echo "$pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
