#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# report.html renders offline in headless Chromium: a report built from a
# small synthetic results folder (a few tables, one plot) loads from
# file:// with no network; it answers first (its own script computes the
# cheaper mode for the default guest, the grid marks extrapolated sizes,
# the live figures carry units, the emulation caveat shows), nothing before
# the tables reads nan or an exponent, the PNG is embedded, and a
# screenshot is taken (kept under $DS_SHOT_DIR if set).

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
printf '# dirtysuite-bench v1 costmodel\nmode\ta_us\tb_us_per_GiB\tc_us_per_page\tpoints\trms_resid_pct\tmax_resid_pct\nbitmap\t20\t60\t0.08\t35\t5\t9\nring\t5\t0.5\t0.3\t35\t5\t9\n' \
	> "$R/costmodel.tsv"
printf '# dirtysuite-bench v1 crossover-model: ring = bitmap; measured to 4 GiB\nGiB\tcrossover_dirty_pct\tcrossover_pages\tkind\n4\t0.0054\t57\tmeasured range\n1024\t0.0022\t6000\textrapolation\n' \
	> "$R/crossover-model.tsv"
printf '# dirtysuite-bench v1\n# sweep=live workload=live pattern=random dirty_pct=1 mem_MiB=256 vcpus=1\nperiod_ms\tmode\twrites_per_s\ttax_pct\ttax_lo_pct\ttax_hi_pct\tgap_p50_us\tgap_p99_us\tgap_p999_us\tgap_max_us\tharvester_cpu_ms_per_s\tfull_exits_per_s\tfull_exit_ms_per_s\tverdict\n50\toff\t12000\tnan\tnan\tnan\t74.1\t180\t360\t1001\tnan\t0\t0\tok\n50\tring\t11615.3\t4.8\t-1.7\t7.9\t77.3\t136\t192\t378.123\t2.67\t0\t0\tok\n' \
	> "$R/live.tsv"
printf 'guest_emulated_insn_per_write: 55.3 (466100 emulated in 8432 guest writes)\n' >> "$R/env.txt"
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
# The answer, computed by the page's own script at its default 16 GiB,
# 10k pages/s, 50 ms: ring (5 + 8 + 150 us a harvest) against the bitmap
# (20 + 960 + 40 us): 3.3 ms/s, 6.3x less.
t_grep "the answer comes first, computed in the page" "$T_TMP/dom.html" \
	'<output id="ans"><b>ring</b> costs the harvester 3.3 ms per second, 6.3× less than bitmap'
t_grep "the grid marks extrapolated sizes" "$T_TMP/dom.html" '16 GiB <i>\(extrapolated\)</i>'
t_grep "what the guest feels, with units" "$T_TMP/dom.html" '<td>ring</td><td>77.3 µs</td><td>136 µs</td><td>192 µs</td><td>378 µs</td>'
t_grep "the emulation caveat" "$T_TMP/dom.html" '<b>55.3</b> emulated per guest write'
sed -n '/<h2>The answer/,/<h2>Tables/p' "$T_TMP/dom.html" | sed 's/<[^>]*>/ /g' > "$T_TMP/text"
if grep -q -E -w 'nan|[0-9]e[-+]?[0-9]' "$T_TMP/text"; then
	t_fail "a nan or an exponent before the tables: $(grep -o -E -w 'nan|[0-9.]+e[-+]?[0-9]+' "$T_TMP/text" | head -n 3 | tr '\n' ' ')"
else
	t_diag "ok: no nan and no exponent in the answer and the plots"
fi
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
