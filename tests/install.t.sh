#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# `make install INSTALL_PATH=DIR` gives a kselftest collection that the
# kernel's own run_kselftest.sh runs: one entry per conformance ID plus
# placement-numa, KTAP with an ok line per test, and the LAVA parser turns
# those lines into one test case each.

. "$(dirname "$0")/lib/t.sh"
t_setup

KSFT=${KDIR:-$T_ROOT/build/linux-source-6.12}/tools/testing/selftests
[ -r "$KSFT/run_kselftest.sh" ] || t_skip "no kselftest runner in $KSFT (KDIR)"

I=$T_TMP/ksft
# An existing collection's entries must survive our install.
mkdir -p "$I" && echo "kvm:dirty_log_test" > "$I/kselftest-list.txt"
# SANITIZE= : under `make check SANITIZE=1` MAKEFLAGS carries SANITIZE=1,
# and the static binaries an install ships cannot link ASan.
make -s -C "$T_ROOT" install SANITIZE= INSTALL_PATH="$I" > "$T_TMP/make.log" 2>&1 ||
	{ sed 's/^/#   | /' "$T_TMP/make.log" | tail -n 20; t_fail "make install failed"; t_done; }

t_grep "kernel runner copied" "$I/kselftest/runner.sh" 'run_many'
[ -x "$I/run_kselftest.sh" ] || t_fail "run_kselftest.sh missing or not executable"
t_grep "other collections kept" "$I/kselftest-list.txt" '^kvm:dirty_log_test$'
t_grep "settings has a timeout" "$I/dirtysuite/settings" '^timeout=[0-9]+$'

# One entry per ID that ds-conform lists, in order, then placement-numa.
"$I/dirtysuite/bin/ds-conform" list | cut -f1 | sed 's/^/dirtysuite:/' > "$T_TMP/want"
echo dirtysuite:placement-numa >> "$T_TMP/want"
grep '^dirtysuite:' "$I/kselftest-list.txt" > "$T_TMP/got"
cmp -s "$T_TMP/want" "$T_TMP/got" || t_fail "kselftest-list.txt entries differ from ds-conform list"
t_expect "run_kselftest.sh -l lists them" \
	"$("$I/run_kselftest.sh" -l | grep -c '^dirtysuite:')" "$(wc -l < "$T_TMP/want")"
for e in $(cut -d: -f2 "$T_TMP/want"); do
	[ -x "$I/dirtysuite/$e" ] || t_fail "no executable wrapper for $e"
done

# Two quick tests through the kernel's runner: ok lines (a SKIP is ok too,
# on a machine without /dev/kvm or a second NUMA node).
"$I/run_kselftest.sh" -t dirtysuite:BITMAP-003 -t dirtysuite:placement-numa \
	2>&1 | cat > "$T_TMP/run.out"
sed 's/^/#   | /' "$T_TMP/run.out"
t_grep "plan" "$T_TMP/run.out" '^1\.\.2$'
t_grep "BITMAP-003 ok" "$T_TMP/run.out" '^ok 1 selftests: dirtysuite: BITMAP-003( # SKIP)?$'
t_grep "placement-numa ok" "$T_TMP/run.out" '^ok 2 selftests: dirtysuite: placement-numa( # SKIP)?$'
grep -q '^not ok' "$T_TMP/run.out" && t_fail "a test failed"

# The LAVA step: one test case per result line.
LAVA_TEST_CASE="echo lava-test-case" sh "$T_ROOT/harness/runner/lava/ktap-to-lava.sh" \
	"$T_TMP/run.out" > "$T_TMP/lava.out" || t_fail "ktap-to-lava.sh reported a failure"
t_grep "LAVA case BITMAP-003" "$T_TMP/lava.out" '^lava-test-case BITMAP-003 --result (pass|skip)$'
t_expect "LAVA cases" "$(wc -l < "$T_TMP/lava.out")" 2
printf 'not ok 1 selftests: dirtysuite: X-1 # TIMEOUT 300 seconds\n' |
	LAVA_TEST_CASE="echo lava-test-case" sh "$T_ROOT/harness/runner/lava/ktap-to-lava.sh" \
	> "$T_TMP/lava2.out" && t_fail "ktap-to-lava.sh: exit 0 after not ok"
t_grep "LAVA timeout is fail" "$T_TMP/lava2.out" '^lava-test-case X-1 --result fail$'
t_done
