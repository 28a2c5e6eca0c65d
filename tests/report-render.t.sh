#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# report.html renders offline in headless Chromium: a report built from a
# small synthetic results folder (one table, one plot) loads from file://
# with no network, its DOM holds the headline and an embedded PNG that
# decoded, and a screenshot is taken (kept under $DS_RESULTS if set).

. "$(dirname -- "$0")/lib/t.sh"

CHROME=
for c in chromium chromium-browser google-chrome; do
	command -v "$c" >/dev/null && { CHROME=$c; break; }
done
[ -n "$CHROME" ] || t_skip "chromium not installed (harness/deps installs it)"
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ds-render.XXXXXX") || exit 1
trap t_cleanup EXIT
R=$T_TMP/run
mkdir -p "$R"

printf '# dirtysuite-env v1\nkernel: test\n' > "$R/env.txt"
printf '# dirtysuite-bench v1\n# synthetic\nmem_MiB\tcrossover_dirty_pct\tsamples\tverdict\n64\t2.5\t5\tbitmap cheaper than ring above 2.5%% dirty\n' \
	> "$R/crossover.tsv"
printf '# dirtysuite-bench v1\n# synthetic\ndirty_pct\tmem_MiB\tmode\tsamples\tharvest_ns_median\n1\t64\tbitmap\t5\t12000\n1\t64\tring\t5\t9000\n' \
	> "$R/fraction.tsv"
if command -v gnuplot >/dev/null; then
	gnuplot -e "set terminal pngcairo size 300,200; set output '$R/crossover.png'; plot x" 2>/dev/null
fi
sh "$T_ROOT/plots/report.sh" "$R" 1 2> "$T_TMP/report.err"
t_expect "report.sh exit status" "$?" 0
[ -f "$R/report.html" ] || { t_fail "no report.html"; t_done; }
grep -q 'src="http' "$R/report.html" && t_fail "report.html loads something from the network"

# A private profile, no network: what an engineer opening the file offline sees.
flags="--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir=$T_TMP/profile --proxy-server=127.0.0.1:9 --window-size=1000,1400"
timeout 60 "$CHROME" $flags --dump-dom "file://$R/report.html" > "$T_TMP/dom.html" 2> "$T_TMP/chrome.err"
t_expect "chromium --dump-dom exit status" "$?" 0
t_grep "rendered DOM holds the headline" "$T_TMP/dom.html" 'bitmap cheaper than ring above 2.5% dirty'
t_grep "rendered DOM holds the environment" "$T_TMP/dom.html" 'dirtysuite-env v1'
if [ -f "$R/crossover.png" ]; then
	t_grep "plot embedded as a data: URL" "$T_TMP/dom.html" 'src="data:image/png;base64,'
fi
timeout 60 "$CHROME" $flags --screenshot="$T_TMP/shot.png" "file://$R/report.html" 2>> "$T_TMP/chrome.err"
sz=$(wc -c < "$T_TMP/shot.png" 2>/dev/null || echo 0)
if [ "$sz" -gt 10000 ]; then
	t_diag "ok: screenshot $sz bytes"
	[ -n "$DS_SHOT_DIR" ] && cp "$T_TMP/shot.png" "$DS_SHOT_DIR/report-render.png"
else
	t_fail "screenshot missing or blank ($sz bytes)"
	tail -n 5 "$T_TMP/chrome.err" | sed 's/^/#   /'
fi
t_done
