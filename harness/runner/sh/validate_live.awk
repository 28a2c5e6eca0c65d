# SPDX-License-Identifier: GPL-2.0
#
# validate_live.awk: `dirtysuite bench --validate`'s vCPU-side figure:
# the time one vCPU takes to write every page of its memory once, each
# page write-protected since its last write.  dirty_log_perf_test's
# "Iteration N dirty memory time" (N >= 2; the first pays for what came
# before it) against ds-bench's live sweep, whose vCPU runs free writing
# pass after pass while a harvester clears every 200 ms, less than a pass
# lasts, so that every write also meets a re-protected page.  Both
# pooled over the runs each tool made in turn (perf-live.txt holds every
# perf test run's output, live-passes.tsv every ds-bench run's passes).
# The untimed run (live_gaps=0) says what the guest's clock read, one a
# write in the live sweep, adds to a write.
#
#   awk -F '\t' -v out=DIR -v nproc=N -v perf_insn=N -v perf_writes=N -v ds_insn=N \
#       -v ds_writes=N -f plots/median.awk -f verdict.awk -f validate_live.awk \
#       DIR/perf-live.txt DIR/live-passes.tsv DIR/untimed/live.tsv
#
# perf_insn and the others are the emulation probe's counts (empty where
# perf or the tracepoint is missing).  Appends its row to
# DIR/validate.tsv.tmp and prints one line, and why the two differ when
# they do.

FNR == 1 { file++ }
file == 1 && /Iteration [0-9]+ dirty memory time/ {
	split($0, a, "Iteration "); split(a[2], b, " ")
	if (b[1] < 2)
		next
	t = $0; sub(/.*time: /, "", t); sub(/s$/, "", t)
	pv[++pn] = t * 1e3	# ms
	next
}
file >= 2 && /^#/ { next }
file >= 2 && !h[file] { delete c; for (i = 1; i <= NF; i++) c[$i] = i; h[file] = 1; next }
file == 2 && $c["mode"] == "clear" { dv[++dn] = $c["pass_ms"] }
file == 3 && $c["mode"] == "clear" { um = $c["pass_ms"]; un = $c["passes"]; uw = $c["written_pages"] }
END {
	# The fastest, as validate.awk compares, the median beside it.
	pmed = pn ? median(pv, pn) : -1
	p = pn ? pv[1] : -1
	dmed = dn ? median(dv, dn) : -1
	dm = dn ? dv[1] : -1
	r = p > 0 && dm > 0 ? dm / p : 0
	v = verdict(r, pn, dn)
	printf "%-34s perf_test %7.1f ms (median %7.1f, n=%d)  ds-bench %7.1f ms (median %7.1f, n=%d)  ratio %.2f  %s\n",
		"live: vCPU time to dirty every page", p, pmed, pn, dm, dmed, dn, r, v
	printf "%s\t%.0f\t%.0f\t%d\t%.0f\t%.0f\t%d\t%.3f\n", "live: vCPU time to dirty every page",
		p * 1e6, pmed * 1e6, pn, dm * 1e6, dmed * 1e6, dn, r >> (out "/validate.tsv.tmp")
	if (perf_insn != "" && ds_insn != "" && perf_writes > 0 && ds_writes > 0) {
		pi = perf_insn / perf_writes; di = ds_insn / ds_writes
		printf "  guest instructions KVM emulated per write: perf_test %.1f, ds-bench %.1f\n", pi, di
	}
	if (um > 0 && dm > 0 && uw > 0)
		printf "  ds-bench without its clock read a write (live_gaps=0): %.1f ms a pass (median,\n    n=%d), so timing each write's gap costs %.1f us a write here\n", um, un, (dmed - um) * 1e3 / uw
	if (v == "agree")
		exit
	if (v != "DIFFER")
		printf "why: too few samples (the check asks for 20 a side): ds-bench gave\n  %d passes in all; a longer VAL_LIVE_MS or more VAL_LIVE_PAIRS give more\n", dn
	if (pi >= 1 && (di > 1.1 * pi || di < pi / 1.1))
		printf "why they differ: this host's KVM runs both guests in its instruction\n  emulator, so a write costs what its guest's instructions cost to emulate,\n  and ds-bench's guest ran %.2f times the perf test's per write.  Where the\n  guest runs natively the write-protect fault is the cost, and the two\n  measure alike.\n", di / pi
	# The perf test's main thread spins until its vCPUs finish an
	# iteration (run_test: while (vcpu_last_completed_iteration[i] !=
	# iteration)); ds-bench's harvester sleeps between periods.
	if (r < 1 && nproc <= 2)
		printf "why they differ: dirty_log_perf_test's main thread busy-waits while its vCPU\n  writes; with %d CPUs, or in a single-threaded TCG VM that runs all its CPUs in\n  one host thread, the spinner takes the CPU the writing vCPU needs, so the\n  perf test's iteration is the slower (ds-bench's pass is %.2f of it).\n", nproc, r
}
