#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# report.sh RESULTS_DIR [SECONDS]: RESULTS_DIR/report.html, one file that
# reads offline: what was run, the headline numbers, every plot (PNG
# embedded as base64), the environment.  Written to a temp file and
# renamed, like every other file of a run.

[ -d "$1" ] || { echo "usage: report.sh RESULTS_DIR [SECONDS]" >&2; exit 1; }
DIR=$1
PLOTS=$(dirname -- "$0")
SECS=${2:-?}
TMP=$DIR/.report.html.tmp

# html_esc: harness/runner/sh/common.sh, the shell tools' library.
DS_PROG=report.sh
DS_HARNESS=$(CDPATH= cd -- "$PLOTS/../harness/runner" && pwd) || exit 1
. "$DS_HARNESS/sh/common.sh"

# table FILE FILTER COLUMNS...: an HTML table of the named columns of the
# rows of FILE that pass FILTER ("-", or html_table.awk's column tests).
table()
{
	tb_f=$1 tb_where=$2
	shift 2
	[ -f "$tb_f" ] || { echo "<p><i>${tb_f##*/} not produced.</i></p>"; return; }
	awk -F '\t' -v cols="$*" -v where="$tb_where" -f "$PLOTS/html_table.awk" "$tb_f"
}

img()
{
	[ -f "$DIR/$1.png" ] || { echo "<p><i>$1: no plot (sweep or gnuplot missing).</i></p>"; return; }
	printf '<figure><img alt="%s" src="data:image/png;base64,' "$1"
	base64 -w 0 "$DIR/$1.png"
	printf '"><figcaption>%s (SVG beside it: %s.svg)</figcaption></figure>\n' "$2" "$1"
}

{
cat <<HEAD
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>dirtysuite bench: ${DIR##*/}</title>
<style>
body { font-family: "DejaVu Sans", sans-serif; max-width: 1100px; margin: 2em auto; padding: 0 1em; color: #222; }
.tbl { overflow-x: auto; max-width: 100%; }
h1 { font-size: 1.5em; } h2 { border-bottom: 1px solid #ccc; margin-top: 2em; }
table { border-collapse: collapse; font-size: 0.85em; margin: 0.5em 0; }
td, th { border: 1px solid #ccc; padding: 2px 6px; text-align: right; }
th { background: #f0f0f0; } pre { background: #f7f7f7; padding: 0.5em; font-size: 0.75em; overflow-x: auto; }
.headline { font-size: 1.15em; background: #eef5ff; padding: 0.6em 1em; border-left: 4px solid #1f77b4; }
figure { margin: 1em 0; } img { max-width: 100%; border: 1px solid #ddd; }
.fail { color: #b00; }
</style></head><body>
<h1>dirtysuite bench report</h1>
<p>Run <b>${DIR##*/}</b>, sweeps took ${SECS} s.
Every figure is a median over per-round samples (p99 = nearest rank; with
fewer than 100 rounds it is the maximum); <i>samples</i> gives how many.
Warm-up rounds are discarded; memory is faulted in with logging off first
(except in the memory sweep, whose guests are sparse).</p>
HEAD
echo "<h2>Headline</h2><div class=\"headline\">"
if [ -f "$DIR/crossover.tsv" ]; then
	awk -F '\t' '/^#/ || !h++ { next } { printf "<p>%s MiB: <b>%s</b> (medians of %s rounds per point)</p>\n", $1, $4, $3 }' \
		"$DIR/crossover.tsv"
else
	echo "<p>No fraction sweep: no crossover.</p>"
fi
if [ -f "$DIR/crossover-model.tsv" ]; then
	# The answer at the sizes VMs have: the model's crossover, largest measured
	# size and 1 TiB (extrapolated), from the memory sweep.
	awk -F '\t' -f "$PLOTS/memsweep_headline.awk" "$DIR/crossover-model.tsv"
fi
if [ -f "$DIR/fraction.tsv" ]; then
	awk -F '\t' -f "$PLOTS/median.awk" -f "$PLOTS/user_time.awk" "$DIR/fraction.tsv"
fi
echo "</div>"
[ -f "$DIR/failed.txt" ] && { echo '<p class="fail">Failed sweeps:</p><pre class="fail">'; html_esc < "$DIR/failed.txt"; echo '</pre>'; }

echo "<h2>Cost per mode</h2><p>Fraction sweep at 1% dirty, every memory size.
harvest = get + reset (µs figures are ns/1000); user_pct = dirtysuite's own
time between the ioctls as % of harvest (goal: under 2%).</p>"
table "$DIR/fraction.tsv" 'dirty_pct=1,mode!=off' \
	mem_MiB mode samples harvest_ns_median harvest_ns_p99 harvest_ns_min harvest_ns_max \
	get_ns_median reset_ns_median pages_median ns_per_page_median ns_per_GiB_median \
	user_pct_median tax_pct tax_lo_pct tax_hi_pct verdict
echo "<p>Every fraction (64 MiB and up):</p>"
table "$DIR/fraction.tsv" - dirty_pct mem_MiB mode samples harvest_ns_median \
	harvest_ns_p99 ns_per_page_median user_pct_median wall_ns_median writes_per_s_median tax_pct \
	tax_lo_pct tax_hi_pct verdict
img crossover "Harvest cost vs dirty fraction; dashed lines: bitmap/ring crossover per memory size"
img cost_vs_mem "Harvest cost vs memory size"
echo "<h2>Memory sweep: guests of 64 MiB to 16 GiB</h2><p>Sparse guests (populate = none): only
the pages a round dirties are ever touched.  Cost model per mode, fitted over
every size and fraction: harvest_us = a + b·GiB + c·pages; the residuals say
where it holds (costmodel-points.tsv has every point).</p>"
table "$DIR/costmodel.tsv" - mode a_us b_us_per_GiB c_us_per_page points rms_resid_pct max_resid_pct
echo "<p>Crossover per guest size: measured (memsweep-crossover.tsv) and from the model
(crossover-model.tsv; sizes past the largest measured are an extrapolation).
Host peak RSS per size: the sparse guest's cost to the host.</p>"
table "$DIR/memsweep-crossover.tsv" - mem_MiB crossover_dirty_pct samples verdict
table "$DIR/crossover-model.tsv" - GiB crossover_dirty_pct crossover_pages kind
table "$DIR/memsweep-rss.tsv" - mem host_max_rss_MiB
if [ -f "$DIR/tdp/crossover-model.tsv" ]; then
	echo "<p>The same sweep inside the stock 6.12 kernel's kvm-amd, whose TDP MMU this
host's KVM lacks (make bench-tdp; smaller sizes: nested TCG).  Crossover dirty %
from each cost model:</p>"
	awk -F '\t' -f "$PLOTS/crossover_side.awk" "$DIR/crossover-model.tsv" \
		"$DIR/tdp/crossover-model.tsv"
	table "$DIR/tdp/costmodel.tsv" - mode a_us b_us_per_GiB c_us_per_page points rms_resid_pct max_resid_pct
fi
img crossover_size "Bitmap/ring crossover vs guest size: measured points, model (dashed: extrapolated to 1 TiB)"
img costmodel "Harvest cost measured vs the model a + b·GiB + c·pages"
echo "<h2>Turning logging on and off</h2><p>With every page mapped writable: enabling
KVM_MEM_LOG_DIRTY_PAGES (write-protects every page, unless manual protect with
INITIALLY_SET leaves it to the first clears) and disabling it, per GiB of guest
memory (ds-startstop; medians of 3).</p>"
table "$DIR/startstop.tsv" - mem_MiB way samples enable_ms_median enable_ms_per_GiB disable_ms_median disable_ms_per_GiB
if [ -f "$DIR/tdp/startstop.tsv" ]; then
	echo "<p>The same inside the stock 6.12 kernel's TDP MMU (make bench-tdp):</p>"
	table "$DIR/tdp/startstop.tsv" - mem_MiB way samples enable_ms_median enable_ms_per_GiB disable_ms_median disable_ms_per_GiB
fi
echo "<h2>Tracking tax</h2><p>Guest round wall time with tracking on vs off (median, same fraction and size), with its 95% bootstrap interval (tax_lo_pct..tax_hi_pct).  A tax whose whole interval is below zero cannot be right (tracking never speeds a guest up): its tax_pct is nan and its verdict tax-bug.</p>"
img tax "Tracking tax per mode"
echo "<h2>Latency distribution</h2>"
table "$DIR/latency.tsv" 'mode!=off' mode samples harvest_ns_median harvest_ns_p99 \
	harvest_ns_min harvest_ns_max user_pct_median wall_ns_median tax_pct
img latency "Empirical CDF of harvest time per round"
echo "<h2>Ring size</h2>"
if grep -q '	overflow$' "$DIR/ring.tsv" 2>/dev/null; then
	echo '<p class="fail">verdict <b>overflow</b>: the vCPU wrote past the ring'"'"'s
soft limit until the ring was full (kernel bug: kvm_dirty_ring_push WARN,
entries lost; suite/known-issues).  The point'"'"'s figures cover the rounds up
to the overflow (<i>samples</i> says how many); the next point got a new VM.</p>'
fi
table "$DIR/ring.tsv" - ring_entries samples full_exits_median stall_ns_median harvest_ns_median pages_median verdict
img ring "Ring entries vs soft-full exits and stall"
echo "<h2>Clear chunk shift</h2>"
table "$DIR/shift.tsv" - clear_shift samples harvest_ns_median get_ns_median reset_ns_median calls_median
img shift "Chunk shift vs clear cost"
echo "<h2>vCPUs</h2>"
table "$DIR/vcpus.tsv" 'mode!=off' vcpus mode samples harvest_ns_median harvest_ns_p99 tax_pct
img vcpus "Harvest cost vs vCPUs"
echo "<h2>alloc-free: dirty pages already free at harvest</h2>"
echo "<p>Pages the guest allocated and freed again within the round: a
free-page-hinting migration could skip them.</p>"
table "$DIR/alloc-free.tsv" 'mode!=off' mode samples pages_median free_pages_median harvest_ns_median
echo "<h2>Placement</h2><p>Every mode at the workload's fraction with the vCPU
threads on core 0 and the harvester on the same core, another core, or
another NUMA node (memory bound to the vCPUs' node), each only where this
machine has it.  The <i>last_*</i> columns are read back from the kernel
after the measured rounds (the CPU each thread last ran on, the node of 64
sampled pages per memslot), not taken from the request; a point that ran
elsewhere is <b>misplaced</b>.</p>"
table "$DIR/placement.tsv" - placement mode samples harvest_ns_median harvest_ns_p99 \
	ns_per_page_median user_pct_median vcpus_requested harvest_requested vcpu_last_cpus \
	harvest_last_cpu harvest_last_node mem_pages_by_node verdict
echo "<p>Every thread and memslot as read back (placement-readback.tsv):</p>"
table "$DIR/placement-readback.tsv" - mode placement name tid requested cpus_allowed \
	last_cpu last_core last_node pages_sampled pages_by_node
echo "<h2>What was run</h2><pre>"
for f in "$DIR"/*.tsv; do
	[ -f "$f" ] && case $f in *-samples.tsv) ;; *) printf '%s: %s\n' "${f##*/}" "$(sed -n '2s/^# //p' "$f")" ;; esac
done | html_esc
echo "</pre><h2>Environment</h2><pre>"
html_esc < "$DIR/env.txt"
echo "</pre></body></html>"
} > "$TMP" && mv -- "$TMP" "$DIR/report.html" || { rm -f "$TMP"; exit 1; }
echo "report.sh: $DIR/report.html" >&2
