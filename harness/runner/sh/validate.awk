# SPDX-License-Identifier: GPL-2.0
#
# validate.awk: `dirtysuite bench --validate`'s comparison of the
# kernel's dirty_log_perf_test with ds-bench on one configuration.
#
#   awk -F '\t' -v pages=N -v out=DIR -v vcpus=N -v nproc=N \
#       -f plots/median.awk -f validate.awk load=LOADAVG DIR/point.tsv
#
# reads ds-bench's point.tsv (the operand) and DIR/perf-bitmap.txt,
# DIR/perf-manual.txt (dirty_log_perf_test's output, without and with
# manual protect); prints one line a figure, and why they differ when
# they do, and writes DIR/validate.tsv.tmp for the caller to rename.

function perf(file, what,    n, v, line, t) {
	n = 0
	while ((getline line < file) > 0)
		if (line ~ ("Iteration [0-9]+ " what " dirty log time")) {
			split(line, a, "Iteration "); split(a[2], b, " ")
			if (b[1] == 1) continue	# the first, as ds-bench warm-up
			t = line; sub(/.*time: /, "", t); sub(/s$/, "", t)
			v[++n] = t * 1e9
		}
	close(file)
	cnt[file what] = n
	return n ? median(v, n) : -1
}
function row(label, p, pn, d, dn,    r, ok) {
	r = p > 0 ? d / p : 0
	ok = r >= 0.9 && r <= 1.1
	printf "%-34s perf_test %9.1f us (n=%d)  ds-bench %9.1f us (n=%d)  ratio %.2f  %s\n",
		label, p / 1e3, pn, d / 1e3, dn, r, ok ? "agree" : "DIFFER"
	printf "%s\t%.0f\t%d\t%.0f\t%d\t%.3f\n", label, p, pn, d, dn, r > out "/validate.tsv.tmp"
	if (!ok) differ++
}
/^#/ { next }
!h { for (i = 1; i <= NF; i++) c[$i] = i; h = 1; next }
{ get[$c["mode"]] = $c["get_ns_median"]; rst[$c["mode"]] = $c["reset_ns_median"]
  n[$c["mode"]] = $c["samples"]; pg[$c["mode"]] = $c["pages_median"] }
END {
	print "# dirtysuite-bench v1" > out "/validate.tsv.tmp"
	print "figure\tperf_test_ns_median\tperf_test_samples\tds_bench_ns_median\tds_bench_samples\tratio" > out "/validate.tsv.tmp"
	pb = perf(out "/perf-bitmap.txt", "get")
	pm = perf(out "/perf-manual.txt", "get")
	pc = perf(out "/perf-manual.txt", "clear")
	row("bitmap get (no manual protect)", pb, cnt[out "/perf-bitmap.txtget"], get["bitmap"], n["bitmap"])
	d0 = differ
	row("manual protect: get", pm, cnt[out "/perf-manual.txtget"], get["clear"], n["clear"])
	mgd = differ > d0
	row("manual protect: clear", pc, cnt[out "/perf-manual.txtclear"], rst["clear"], n["clear"])
	if (differ) {
		print "why they differ:"
		if (nproc <= vcpus)
			printf "  - dirty_log_perf_test's vCPU threads busy-wait on the host between\n    iterations (vcpu_worker spins on `iteration`): with %d vCPUs on %d CPUs its\n    get/clear run beside %d spinning threads; ds-bench's vCPU threads sleep\n    on a semaphore, so its harvest has a CPU to itself.\n", vcpus, nproc, vcpus
		if (mgd)
			printf "  - the manual-protect get only copies KVM's bitmap out, and the\n    vCPUs' cores wrote its cache lines: it is cheaper from one of those\n    cores than from another (ds-bench -x placement shows both), and\n    neither tool pins the thread that harvests.\n"
		if (pg["bitmap"] + 0 != pages)
			printf "  - ds-bench harvested %s pages a round, the perf test writes %d\n", pg["bitmap"], pages
		printf "  - this host is shared (load average %s): single medians of %d\n    samples move by more than 10%% between runs; rerun to see the spread.\n", load, n["bitmap"]
	}
}
