#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The negative self-test: each conformance test must be able to fail.  For
# every area, CONFORMANCE.md names the harness faults that stand for kernel
# bugs ("Negative self-test: --inject drop-one, no-reset"); with one of them
# injected, each of the area's tests must exit 1.  A test that passes under
# every fault could not catch the bug it is there for.
#
# DS_NEGATIVE_TIER=quick limits the run to quick-tier tests (default: all).
# DS_NEGATIVE_TIMEOUT bounds each injected run (seconds; each takes a few
# when well): one that hangs under a fault is a finding, reported with its
# postmortem (harness/lib/postmortem.c) well inside the runner's own timeout.
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${DS_BIN:-$top/build/bin}
: "${DS_NEGATIVE_TIER:=all}"
: "${DS_NEGATIVE_TIMEOUT:=40}"
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT

[ -x "$bin/ds-conform" ] || { echo "# $bin/ds-conform not built"; exit 1; }
"$bin/ds-conform" list | awk -F'\t' 'NF >= 3 { print $1, $2 }' > "$tmp/list"

# "AREA fault fault ..." for each "## AREA" section with a negative line.
awk '/^## [A-Z]+ /{ area = $2 }
     /^Negative self-test:/ && area {
	line = $0; sub(/^Negative self-test:[ ]*/, "", line)
	gsub(/--inject|,/, " ", line); print area, line }' \
	"$top/CONFORMANCE.md" > "$tmp/faults"

rc=0 proven=0 skipped=0
while read -r id tier; do
	area=${id%%-*}
	[ "$DS_NEGATIVE_TIER" = quick ] && [ "$tier" != quick ] && continue
	faults=$(awk -v a="$area" '$1 == a { $1 = ""; print }' "$tmp/faults")
	if [ -z "$faults" ]; then
		echo "# $id: area $area names no negative self-test in CONFORMANCE.md"
		rc=1
		continue
	fi
	hit= sk= hung=
	for f in $faults; do
		timeout -k 10 "$DS_NEGATIVE_TIMEOUT" "$bin/ds-conform" run "$id" \
			--inject "$f" > "$tmp/out" 2>&1
		case $? in
		1) hit=$f; break ;;
		4) sk=$(grep SKIP "$tmp/out" | tail -n 1) ;;
		124|137) hung=$f; break ;;
		esac
	done
	if [ -n "$hung" ]; then
		echo "# $id HUNG under --inject $hung (${DS_NEGATIVE_TIMEOUT} s); its output and postmortem:"
		grep -v '^# pm:   \[<0>\]' "$tmp/out" | tail -n 80 | sed 's/^/#   | /'
		rc=1
	elif [ -n "$hit" ]; then
		echo "# $id fails under --inject $hit, as it must"
		proven=$((proven + 1))
	elif [ -n "$sk" ]; then
		# Skipped here: the kernel lacks the feature, nothing to prove.
		echo "# $id skipped under injection: $sk"
		skipped=$((skipped + 1))
	else
		echo "# $id PASSED under every fault ($faults): it cannot fail"
		rc=1
	fi
done < "$tmp/list"
echo "# $proven tests proven able to fail, $skipped skipped"
exit $rc
