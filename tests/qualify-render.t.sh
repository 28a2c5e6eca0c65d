#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dirtysuite qualify packs a check folder and a bench folder (synthetic
# here, so the test takes a second) into a bundle: report.html with the
# pass/fail table by ID, the crossover and every plot; MANIFEST.sha256
# that `sha256sum -c` accepts and that catches a changed file; a tar.gz of
# the same.  Then headless Chromium renders report.html to a screenshot
# (SKIP, with the reason, where chromium is not installed).

. "$(dirname "$0")/lib/t.sh"
t_setup

C=$T_TMP/in/20260101-000000-hostA-check-1
BN=$T_TMP/in/20260101-000100-hostA-bench
mkdir -p "$C" "$BN"
printf '# dirtysuite-summary v1\nid\tresult\treason\tduration_ms\nBITMAP-001\tpass\t-\t900\nBITMAP-002\tfail\tlost 3 pages\t40\nRING-001\tskip\tno dirty ring\t1\n' \
	> "$C/summary.tsv"
printf '# dirtysuite-env v1\nuname: Linux hostA 6.12.0 x86_64\ncpu: 2 <Test> CPU\n' > "$C/env.txt"
printf 'KTAP version 1\n1..1\n  KTAP version 1\n  1..3\n  ok 1 BITMAP-001\n  not ok 2 BITMAP-002 # lost 3 pages\n  ok 3 RING-001 # SKIP no dirty ring\nnot ok 1 conformance\n' \
	> "$C/ktap.txt"
printf '# dirtysuite-bench v1\nmem_MiB\tcrossover_dirty_pct\tsamples\tverdict\n64\t12.5\t3\tring cheaper above 12.5%%\n' \
	> "$BN/crossover.tsv"
printf '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#4a4"/></svg>\n' \
	> "$BN/crossover.svg"

DS_PLACEMENT=/nonexistent sh "$T_ROOT/harness/runner/dirtysuite" qualify \
	--results "$T_TMP/out" --label qt --check-dir "$C" --bench-dir "$BN" \
	> "$T_TMP/q.out" 2> "$T_TMP/q.err"
t_expect "exit 1: the check folder has a failed test" "$?" 1
Q=$(sed -n 's/\.tar\.gz$//p' "$T_TMP/q.out")
[ -d "$Q" ] || { cat "$T_TMP/q.err"; t_fail "no bundle folder"; t_done; }
t_grep "report: BITMAP-002 failed" "$Q/report.html" '<td class="fail">fail</td><td>lost 3 pages'
t_grep "report: platform, escaped" "$Q/report.html" 'cpu: 2 &lt;Test&gt; CPU'
t_grep "report: crossover" "$Q/report.html" '<td>12.5</td>'
t_grep "report: the plot" "$Q/report.html" 'src="bench/[^"]*/crossover.svg"'
t_grep "report: KTAP" "$Q/report.html" 'not ok 2 BITMAP-002'
( cd "$Q" && sha256sum -c --quiet MANIFEST.sha256 ) > "$T_TMP/sum.out" 2>&1 ||
	t_fail "sha256sum -c: $(cat "$T_TMP/sum.out")"
t_grep "manifest lists the KTAP" "$Q/MANIFEST.sha256" ' conformance/[^/]*/ktap.txt$'
tar -tzf "$Q.tar.gz" > "$T_TMP/tar.list" || t_fail "tar.gz unreadable"
t_grep "tar holds the manifest" "$T_TMP/tar.list" '/MANIFEST.sha256$'
echo tampered >> "$Q/report.html"
( cd "$Q" && sha256sum -c --quiet MANIFEST.sha256 ) > /dev/null 2>&1 &&
	t_fail "sha256sum -c accepted a changed report.html"

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome)
[ -n "$CHROMIUM" ] || { [ $T_FAILS -eq 0 ] || t_done; t_skip "chromium not installed: report.html not rendered (bundle checks passed)"; }
tar -C "$T_TMP" -xzf "$Q.tar.gz"
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
	--user-data-dir="$T_TMP/chrome" --window-size=1200,1600 \
	--screenshot="$T_TMP/report.png" "file://$T_TMP/${Q##*/}/report.html" \
	> "$T_TMP/chrome.log" 2>&1
[ -s "$T_TMP/report.png" ] || { sed 's/^/#   | /' "$T_TMP/chrome.log" | tail; t_fail "no screenshot"; }
t_expect "screenshot is a PNG" "$(head -c 4 "$T_TMP/report.png" | od -An -c | tr -d ' ')" '211PNG'
t_diag "screenshot: $(wc -c < "$T_TMP/report.png") bytes"
t_done
