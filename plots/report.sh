#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# report.sh RESULTS_DIR [SECONDS]: RESULTS_DIR/report.html, one file that
# reads offline.  It answers first (for a guest of X GiB dirtying Y
# pages/s: which mode costs less, by how much, and what the guest feels),
# then shows the plots, each with a caption that says how to read it, and
# only then the tables, folded away, each beside its TSV.  Written to a
# temp file and renamed, like every other file of a run.

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

# fold TITLE FILE: open a folded section of tables, with FILE's TSV linked.
fold()
{
	printf '<details><summary>%s' "$1"
	[ -f "$DIR/$2" ] && printf ' (<a href="%s">%s</a>)' "$2" "$2"
	echo '</summary>'
}

# img NAME CAPTION: the plot, embedded, with what it shows and how to read it.
img()
{
	[ -f "$DIR/$1.png" ] || return 0
	printf '<figure><img alt="%s" src="data:image/png;base64,' "$1"
	base64 -w 0 "$DIR/$1.png"
	printf '"><figcaption>%s <span class="src">(%s.svg beside this report)</span></figcaption></figure>\n' "$2" "$1"
}

# env_value KEY: a line of env.txt, its value.
env_value()
{
	sed -n "s/^$1: //p" "$DIR/env.txt" 2>/dev/null | head -n 1
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
.headline, .answer { font-size: 1.1em; background: #eef5ff; padding: 0.6em 1em; border-left: 4px solid #1f77b4; }
.caveat { background: #fff4e0; padding: 0.6em 1em; border-left: 4px solid #e08a00; }
figure { margin: 1.5em 0; } img { max-width: 100%; border: 1px solid #ddd; }
figcaption { font-size: 0.9em; color: #333; } .src { color: #888; }
details { margin: 0.5em 0; } summary { cursor: pointer; font-weight: bold; }
.fail { color: #b00; }
</style></head><body>
<h1>dirtysuite bench report</h1>
<p>Run <b>${DIR##*/}</b>; the sweeps took ${SECS} s.  Harvest times are
medians over per-round samples; warm-up rounds are discarded.</p>
HEAD

echo "<h2>The answer</h2>"
emu=$(env_value guest_emulated_insn_per_write)
case $emu in
[0-9]*)
	if awk -v e="${emu%% *}" 'BEGIN { exit !(e >= 1) }'; then
		echo "<p class=\"caveat\">This host's KVM ran the guests' instructions in its
instruction emulator: <b>${emu%% *}</b> emulated per guest write (kvm:kvm_emulate_insn;
native execution gives about 0).  The harvest figures below are the host kernel's
own work and stand; what the guest feels (its write rate, the tax, the stalls) is
the emulator's, and a machine with VMX or SVM will show far smaller gaps.</p>"
	fi ;;
esac
if [ -f "$DIR/costmodel.tsv" ]; then
	gmax=$(sed -n '1s/.*measured to \([0-9.]*\) GiB.*/\1/p' "$DIR/crossover-model.tsv" 2>/dev/null)
	awk -F '\t' -v gmax="${gmax:-0}" -f "$PLOTS/answer.awk" "$DIR/costmodel.tsv"
fi
hl=$(
if [ -f "$DIR/crossover-model.tsv" ]; then
	awk -F '\t' -f "$PLOTS/memsweep_headline.awk" "$DIR/crossover-model.tsv"
fi
if [ -f "$DIR/tdp/crossover-model.tsv" ]; then
	echo "<p>The same inside the stock 6.12 kernel's TDP MMU (make bench-tdp):</p>"
	awk -F '\t' -f "$PLOTS/crossover_side.awk" "$DIR/crossover-model.tsv" \
		"$DIR/tdp/crossover-model.tsv"
fi
if [ -f "$DIR/crossover.tsv" ]; then
	awk -F '\t' '/^#/ || !h++ { next } { printf "<p>%s MiB, fraction sweep: %s</p>\n", $1, $4 }' \
		"$DIR/crossover.tsv"
fi
if [ -f "$DIR/fraction.tsv" ]; then
	awk -F '\t' -f "$PLOTS/median.awk" -f "$PLOTS/user_time.awk" "$DIR/fraction.tsv"
fi
)
[ -n "$hl" ] && printf '<div class="headline">%s</div>\n' "$hl"
if [ -f "$DIR/live.tsv" ]; then
	echo "<h3>What the guest feels</h3><p>The vCPU running free while a
harvester harvests every period (live sweep, $(sed -n '2s/.*pattern=\([a-z]*\).*mem_MiB=\([0-9]*\).*/\1 writes over \2 MiB/p' "$DIR/live.tsv")):
the gaps between its consecutive writes, from its own cycle counter; its write rate,
and the tax against tracking off (95 % interval); the harvester's CPU.  Every run
ended with the vCPU stopped, a final harvest, and a check that no page's last write
went unreported.</p>"
	awk -F '\t' -f "$PLOTS/live_answer.awk" "$DIR/live.tsv"
	if [ -f "$DIR/tdp/live.tsv" ]; then
		echo "<p>The same inside the patched 6.12 kernel's kvm-amd with the TDP MMU, under
QEMU (make bench-tdp): a write-protected page there is a real nested page fault,
and the wait-queue ring of kernel/patches runs beside the exit-based ring.</p>"
		awk -F '\t' -f "$PLOTS/live_answer.awk" "$DIR/tdp/live.tsv"
	fi
	sed -n 's/^# SKIP live //p' "$DIR/live.txt" 2>/dev/null | html_esc |
		sed 's/^/<p>Not run: /; s/$/<\/p>/'
fi
[ -f "$DIR/failed.txt" ] && { echo '<p class="fail">Failed sweeps:</p><pre class="fail">'; html_esc < "$DIR/failed.txt"; echo '</pre>'; }

echo "<h2>Plots</h2>"
img live_gaps "What the guest feels, per mode: the share of the gaps between a vCPU's
consecutive writes that were at least x long, on log axes.  The curve's tail to
the right is the stall: a mode whose curve lies on off's adds no stall; one to
the right of it makes the guest wait that long that often."
img crossover_size "Where the ring starts to cost more than the bitmap, against guest
size: the dirty fraction per harvest at which the two cost the same.  Points are
measured; the solid line is the cost model over the measured sizes, the dashed line
its extrapolation to 1 TiB.  Below the line the ring is cheaper, above it the bitmap."
img costmodel "How well the cost model a + b·GiB + c·pages holds: each measured point's
harvest time against the model's.  Points on the diagonal are predicted exactly; the
distance from it is the model's error there."
img crossover "Harvest time per round (µs, log) against the dirty fraction (%, log), one
colour per mode and one dash per memory size.  Where the ring's line crosses the
bitmap's is the crossover for that size."
img cost_vs_mem "Harvest time per round against guest memory, at 1 % and 100 % dirty:
the bitmap's cost grows with memory, since it walks every page's bit; the ring's
with the pages dirtied."
img tax "The tracking tax per mode: how much longer a guest round takes with tracking
on than off (%), against the dirty fraction, at the smallest memory size.  Above
zero the guest is slowed; the tables give each value's 95 % interval."
img latency "Harvest time per round as a cumulative distribution: the further left a
curve, the cheaper the mode; the steeper, the steadier."
img ring "Ring size against soft-full exits (left) and the vCPUs' stall and the
harvest time (ms, right), at 10 % dirty: a ring too small for a round's pages makes
the vCPUs exit and wait for the harvester."
img shift "manual protect: the chunk of KVM_CLEAR_DIRTY_LOG (2^shift pages) against
get and clear time: fewer, larger calls against re-protecting more at once."
img vcpus "Harvest time per round against the number of vCPUs, at 10 % dirty."

echo "<h2>Tables</h2><p>Each table folded, with its TSV (every column, raw) linked;
times in µs unless a column says otherwise; – where a figure does not apply.</p>"
fold "Memory sweep: cost model, crossovers, host memory" costmodel.tsv
echo "<p>harvest_µs = a + b·GiB + c·pages per mode, fitted over every size and fraction
of the sparse guests (only the pages a round dirties are touched); the residuals say
where it holds (costmodel-points.tsv has every point).</p>"
table "$DIR/costmodel.tsv" - mode a_us b_us_per_GiB c_us_per_page points rms_resid_pct max_resid_pct
table "$DIR/memsweep-crossover.tsv" - mem_MiB crossover_dirty_pct samples verdict
table "$DIR/crossover-model.tsv" - GiB crossover_dirty_pct crossover_pages kind
table "$DIR/memsweep-rss.tsv" - mem host_max_rss_MiB
[ -f "$DIR/tdp/costmodel.tsv" ] && table "$DIR/tdp/costmodel.tsv" - mode a_us b_us_per_GiB c_us_per_page points rms_resid_pct max_resid_pct
echo "</details>"
fold "Live sweep: every figure" live.tsv
table "$DIR/live.tsv" - period_ms mode samples writes_per_s tax_pct tax_lo_pct tax_hi_pct \
	gap_p50_us gap_p99_us gap_p999_us gap_max_us pass_ms harvests late_harvests harvest_ms \
	harvester_cpu_ms_per_s pages_per_s full_exits_per_s full_exit_ms_per_s written_pages lost_pages verdict
echo "</details>"
if [ -f "$DIR/tdp/validate/validate.tsv" ]; then
	fold "Validation against dirty_log_perf_test, inside the TDP MMU" tdp/validate/validate.tsv
	echo "<p>make bench-validate inside the stock 6.12 kernel (make bench-tdp): the
kernel's own dirty_log_perf_test and ds-bench on one configuration; ratio =
ds-bench / perf test, of the two tools' fastest samples (the medians beside
them).  The last row is the vCPU side: the time to write every page
once, each write-protected, against the live sweep's pass.</p>"
	table "$DIR/tdp/validate/validate.tsv" - figure perf_test_ns_min perf_test_ns_median perf_test_samples ds_bench_ns_min ds_bench_ns_median ds_bench_samples ratio
	echo "</details>"
fi
fold "Cost per mode at 1 % dirty, and every fraction" fraction.tsv
echo "<p>harvest = get + reset; user_pct = dirtysuite's own time between the ioctls as %
of the harvest (goal: under 2 %).  tax = the guest's round time with tracking
on over off, with its 95 % interval; one whose whole interval lies below zero
cannot be right (tracking never speeds a guest up): verdict tax-bug, no tax.</p>"
table "$DIR/fraction.tsv" 'dirty_pct=1,mode!=off' \
	mem_MiB mode samples harvest_ns_median harvest_ns_p99 harvest_ns_min harvest_ns_max \
	get_ns_median reset_ns_median pages_median ns_per_page_median ns_per_GiB_median \
	user_pct_median tax_pct tax_lo_pct tax_hi_pct verdict
table "$DIR/fraction.tsv" - dirty_pct mem_MiB mode samples harvest_ns_median \
	harvest_ns_p99 ns_per_page_median user_pct_median wall_ns_median writes_per_s_median tax_pct \
	tax_lo_pct tax_hi_pct verdict
echo "</details>"
fold "Turning logging on and off, and huge mappings coming back" startstop.tsv
echo "<p>With every page mapped writable: enabling KVM_MEM_LOG_DIRTY_PAGES
(write-protects every page, unless manual protect with INITIALLY_SET leaves it to
the first clears) and disabling it, per GiB (ds-startstop; medians of 3).</p>"
table "$DIR/startstop.tsv" - mem_MiB way samples enable_ms_median enable_ms_per_GiB disable_ms_median disable_ms_per_GiB
[ -f "$DIR/tdp/startstop.tsv" ] && table "$DIR/tdp/startstop.tsv" - mem_MiB way samples enable_ms_median enable_ms_per_GiB disable_ms_median disable_ms_per_GiB
echo "<p>How long 2 MiB mappings take to come back once logging stops (hugeback.tsv):
from the ioctl that turns it off until KVM's pages_2m is back, the guest writing
every page round after round meanwhile (a bound set by how fast it touches its
memory).  An MMU that keeps no page statistics cannot be timed: its rows are
missing and startstop.txt says why.</p>"
table "$DIR/hugeback.tsv" - mem_MiB backing samples back_ms_median back_ms_per_GiB rounds_median pages_2m_before pages_2m_logging pages_2m_after verdict
[ -f "$DIR/tdp/hugeback.tsv" ] && table "$DIR/tdp/hugeback.tsv" - mem_MiB backing samples back_ms_median back_ms_per_GiB rounds_median pages_2m_before pages_2m_logging pages_2m_after verdict
echo "</details>"
fold "Harvest latency distribution" latency.tsv
table "$DIR/latency.tsv" 'mode!=off' mode samples harvest_ns_median harvest_ns_p99 \
	harvest_ns_min harvest_ns_max user_pct_median wall_ns_median tax_pct
echo "</details>"
fold "Ring size" ring.tsv
if grep -q '	overflow$' "$DIR/ring.tsv" 2>/dev/null; then
	echo '<p class="fail">verdict <b>overflow</b>: the vCPU wrote past the ring'"'"'s
soft limit until the ring was full (kernel bug: kvm_dirty_ring_push WARN,
entries lost; suite/known-issues).  The point'"'"'s figures cover the rounds up
to the overflow (<i>samples</i> says how many); the next point got a new VM.</p>'
fi
table "$DIR/ring.tsv" - ring_entries samples full_exits_median stall_ns_median harvest_ns_median pages_median verdict
echo "</details>"
fold "Clear chunk shift" shift.tsv
table "$DIR/shift.tsv" - clear_shift samples harvest_ns_median get_ns_median reset_ns_median calls_median
echo "</details>"
fold "vCPUs" vcpus.tsv
table "$DIR/vcpus.tsv" 'mode!=off' vcpus mode samples harvest_ns_median harvest_ns_p99 tax_pct
echo "</details>"
fold "alloc-free: dirty pages already free at harvest" alloc-free.tsv
echo "<p>Pages the guest allocated and freed again within the round: a
free-page-hinting migration could skip them.</p>"
table "$DIR/alloc-free.tsv" 'mode!=off' mode samples pages_median free_pages_median harvest_ns_median
echo "</details>"
fold "Placement" placement.tsv
echo "<p>Every mode with the vCPU threads on core 0 and the harvester on the same
core, another core, or another NUMA node (memory bound to the vCPUs' node), each
only where this machine has it.  The <i>last_*</i> columns are read back from the
kernel after the measured rounds, not taken from the request; a point that ran
elsewhere is <b>misplaced</b>.</p>"
table "$DIR/placement.tsv" - placement mode samples harvest_ns_median harvest_ns_p99 \
	ns_per_page_median user_pct_median vcpus_requested harvest_requested vcpu_last_cpus \
	harvest_last_cpu harvest_last_node mem_pages_by_node verdict
table "$DIR/placement-readback.tsv" - mode placement name tid requested cpus_allowed \
	last_cpu last_core last_node pages_sampled pages_by_node
echo "</details>"
echo "<details><summary>What was run</summary><pre>"
for f in "$DIR"/*.tsv; do
	[ -f "$f" ] && case $f in *-samples.tsv) ;; *) printf '%s: %s\n' "${f##*/}" "$(sed -n '2s/^# //p' "$f")" ;; esac
done | html_esc
echo "</pre></details><details><summary>Environment (env.txt)</summary><pre>"
html_esc < "$DIR/env.txt"
echo "</pre></details></body></html>"
} > "$TMP" && mv -- "$TMP" "$DIR/report.html" || { rm -f "$TMP"; exit 1; }
echo "report.sh: $DIR/report.html" >&2
