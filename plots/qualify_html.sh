# SPDX-License-Identifier: GPL-2.0
#
# qualify_html BUNDLE NAME HOST CHECK_DIR BENCH_DIR: a qualify bundle's
# report.html on stdout: pass/fail by ID, platform, topology, every plot
# of the bench folder, the crossover, placement, the KTAP.  Sourced by
# dirtysuite-qualify after harness/runner/sh/common.sh (html_esc,
# DS_ROOT).  Links are relative to BUNDLE, so the bundle can be moved.

# qh_table FILE: a TSV as an HTML table (tsv_table.awk), or a note that
# the run did not produce it.
qh_table()
{
	[ -f "$1" ] || { echo "<p><i>${1##*/}: not produced</i></p>"; return; }
	html_esc < "$1" | awk -F '\t' -f "$DS_ROOT/plots/tsv_table.awk"
}

# qh_plots BUNDLE BENCH_DIR: every plot of the bench folder, SVG preferred
# (it scales), by its path in the bundle.
qh_plots()
{
	for qp_f in "$2"/*.svg "$2"/*.png; do
		[ -f "$qp_f" ] || continue
		case $qp_f in *.png) [ -f "${qp_f%.png}.svg" ] && continue ;; esac
		qp_rel=${qp_f#"$1"/}
		echo "<figure><img src=\"$qp_rel\" alt=\"${qp_f##*/}\"><figcaption>${qp_f##*/}</figcaption></figure>"
	done
}

# qh_totals SUMMARY: "N pass, N fail, N skip, N error".
qh_totals()
{
	awk -F '\t' -f "$DS_ROOT/plots/summary_totals.awk" "$1" 2>/dev/null
}

qualify_html()
{
	qh_q=$1 qh_name=$2 qh_host=$3 qh_check=$4 qh_bench=$5
	cat <<HTML
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>dirtysuite qualification: $qh_host</title>
<style>
body { font: 14px sans-serif; margin: 2em; max-width: 70em }
table { border-collapse: collapse; margin: 1em 0 }
td, th { border: 1px solid #bbb; padding: 2px 8px; text-align: left }
th { background: #eee }
.pass { background: #c8f0c8 } .fail, .error { background: #f4b4b4 } .skip { background: #f4e4a4 }
figure { display: inline-block; margin: 1em } img { max-width: 34em }
pre { background: #f6f6f6; padding: 1em; overflow-x: auto }
</style></head><body>
<h1>dirtysuite qualification: $qh_host</h1>
<p>Bundle <code>$qh_name</code>, $(date -u +%Y-%m-%dT%H:%M:%SZ), commit
$(git -C "$DS_ROOT" describe --always --dirty 2>/dev/null | html_esc).
Conformance: <b>$(qh_totals "$qh_check/summary.tsv")</b>.  Every file is listed with its SHA-256 in
<code>MANIFEST.sha256</code> (<code>sha256sum -c MANIFEST.sha256</code>).</p>
<h2>Conformance, by ID</h2>
HTML
	qh_table "$qh_check/summary.tsv"
	echo "<h2>Platform</h2><pre>"
	html_esc < "$qh_check/env.txt" 2>/dev/null
	echo "</pre><h2>Topology</h2>"
	[ -f "$qh_q/topology.svg" ] && echo '<img src="topology.svg" alt="lstopo">'
	echo "<pre>"; html_esc < "$qh_q/topology.txt" 2>/dev/null; echo "</pre>"
	echo "<h2>Crossover: where the ring gets cheaper than the bitmap</h2>"
	qh_table "$qh_bench/crossover.tsv"
	echo "<h2>Plots</h2>"
	qh_plots "$qh_q" "$qh_bench"
	[ -f "$qh_bench/report.html" ] &&
		echo "<p>The benchmark's own report: <a href=\"${qh_bench#"$qh_q"/}/report.html\">report.html</a></p>"
	echo "<h2>Placement: where threads ran and memory lay</h2>"
	qh_table "$qh_q/placement.tsv"
	echo "<pre>"; grep -h '^# placement' "$qh_q/placement.log" 2>/dev/null | html_esc; echo "</pre>"
	echo "<h2>KTAP</h2><pre>"
	html_esc < "$qh_check/ktap.txt" 2>/dev/null
	echo "</pre></body></html>"
}
