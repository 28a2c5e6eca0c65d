#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# ktap-to-lava.sh [FILE]: report each KTAP/TAP result line of FILE (or
# stdin) to LAVA, one `lava-test-case NAME --result RESULT` each.
#
# It reads both shapes the suite prints: the kernel runner's
# "ok 3 selftests: dirtysuite: BITMAP-003 # SKIP" and dirtysuite check's
# "  ok 3 BITMAP-003 description".  The name is the test's ID (the last
# word of "selftests: C: T", else the first word), kept to the characters
# LAVA allows.  A group line of `dirtysuite check` (unit, conformance) is
# reported too: LAVA then shows the group's verdict.  "# SKIP" is skip,
# "not ok" is fail (whatever directive, TIMEOUT included), "ok" is pass.
#
# LAVA_TEST_CASE names the command (default lava-test-case; outside LAVA,
# where it is missing, the calls are printed instead).  Exit 0 unless a
# result line said "not ok".

: "${LAVA_TEST_CASE:=lava-test-case}"
command -v "$LAVA_TEST_CASE" >/dev/null 2>&1 || LAVA_TEST_CASE="echo lava-test-case"

tr -d '\r' < "${1:-/dev/stdin}" | awk '
	{ sub(/^[ \t]+/, "") }
	!/^(not )?ok [0-9]+ / { next }
	{
		result = /^not ok/ ? "fail" : "pass"
		line = $0
		sub(/^(not )?ok [0-9]+ /, "", line)
		directive = ""
		if ((i = index(line, " # ")) > 0) {
			directive = substr(line, i + 3)
			line = substr(line, 1, i - 1)
		}
		if (result == "pass" && toupper(directive) ~ /^SKIP/)
			result = "skip"
		if (line ~ /^selftests: [^:]+: /)
			sub(/^selftests: [^:]+: /, "", line)
		split(line, w, " ")
		name = w[1]
		gsub(/[^A-Za-z0-9_.-]/, "_", name)
		if (name == "")
			next
		print name, result
	}' | {
	lv_fail=0
	while read -r lv_name lv_result; do
		$LAVA_TEST_CASE "$lv_name" --result "$lv_result"
		[ "$lv_result" = fail ] && lv_fail=1
	done
	exit $lv_fail
}
