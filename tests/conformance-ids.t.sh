#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# CONFORMANCE.md and the suite agree: every ID the suite reports has a
# rule, every rule has a test, and each ID is listed once.
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${DS_BIN:-$top/build/bin}
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

[ -x "$bin/ds-conform" ] || { echo "# $bin/ds-conform not built"; exit 1; }
# The framework prints a seed line: keep only tab-separated test lines.
"$bin/ds-conform" list | awk -F'\t' 'NF >= 3 { print $1 }' > "$tmp/suite"
sed -n 's/^### \([A-Z][A-Z]*-[0-9][0-9][0-9]\) .*/\1/p' "$top/CONFORMANCE.md" > "$tmp/spec"

rc=0
for f in suite spec; do
	dup=$(sort "$tmp/$f" | uniq -d)
	[ -z "$dup" ] || { echo "# duplicate IDs in $f: $dup"; rc=1; }
done
sort -u "$tmp/suite" > "$tmp/suite.s"
sort -u "$tmp/spec" > "$tmp/spec.s"
only_suite=$(comm -23 "$tmp/suite.s" "$tmp/spec.s")
only_spec=$(comm -13 "$tmp/suite.s" "$tmp/spec.s")
[ -z "$only_suite" ] || { echo "# tests without a CONFORMANCE.md rule:" $only_suite; rc=1; }
[ -z "$only_spec" ] || { echo "# rules without a test:" $only_spec; rc=1; }
n=$(wc -l < "$tmp/suite.s")
[ "$n" -gt 0 ] || { echo "# no tests listed"; rc=1; }
[ $rc = 0 ] && echo "# $n IDs agree between ds-conform list and CONFORMANCE.md"
exit $rc
