#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dirtysuite compare: a synthetic 20% slowdown must be flagged (exit 1,
# REGRESSED in the table), two runs of the same data must pass (exit 0),
# and a copy with the rounds in another order must pass too.

. "$(dirname -- "$0")/lib/t.sh"

DS_BIN=${DS_BIN:-${DS_BUILD:-$T_ROOT/build}/bin}
[ -x "$DS_BIN/ds-compare" ] || t_skip "no $DS_BIN/ds-compare (run make)"
T_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ds-cmp.XXXXXX") || exit 1
trap t_cleanup EXIT

# mkrun DIR SCALE ORDER: a bench folder whose fraction-samples.tsv has 2
# modes x 3 fractions x 10 rounds of harvest times with +-4% noise, every
# time multiplied by SCALE; ORDER=rev writes the rounds backwards.
mkrun()
{
	mkdir -p "$1"
	awk -v scale="$2" -v order="$3" 'BEGIN {
		OFS = "\t"
		print "# dirtysuite-bench v1"
		print "# sweep=fraction synthetic"
		# As ds-bench writes it: the x of the sweep (dirty_pct) once, then mode.
		print "dirty_pct", "mem_MiB", "vcpus", "ring_entries", "clear_shift",
		      "mode", "workload", "round", "harvest_ns", "get_ns",
		      "reset_ns", "user_ns", "pages", "wall_ns"
		split("bitmap ring", modes, " ")
		split("1 10 100", fr, " ")
		for (m = 1; m <= 2; m++)
			for (f = 1; f <= 3; f++)
				for (i = 0; i < 10; i++) {
					r = order == "rev" ? 9 - i : i
					noise = 1 + ((r * 7919) % 9 - 4) / 100
					base = 20000 * fr[f] * m
					print fr[f], 64, 2, 4096, 6, modes[m], "synthetic", i,
					      base * noise * scale, base * noise * scale * 0.3,
					      base * noise * scale * 0.7, 100, 160 * fr[f],
					      5e6 * noise * scale
				}
	}' > "$1/fraction-samples.tsv"
}

mkrun "$T_TMP/base" 1 fwd
mkrun "$T_TMP/same" 1 fwd
mkrun "$T_TMP/shuffled" 1 rev
mkrun "$T_TMP/slow" 1.2 fwd

sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" "$T_TMP/slow" > "$T_TMP/slow.out" 2>&1
t_expect "20% slowdown: exit status" "$?" 1
t_grep "20% slowdown: flagged in the table" "$T_TMP/slow.out" 'REGRESSED.*n=10/10'
t_grep "20% slowdown: every figure flagged" "$T_TMP/slow.out" '24 regressed'

sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" "$T_TMP/same" > "$T_TMP/same.out" 2>&1
t_expect "same data: exit status" "$?" 0
t_grep "same data: nothing regressed" "$T_TMP/same.out" ' 0 regressed, 0 improved'

sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" "$T_TMP/shuffled" > "$T_TMP/shuf.out" 2>&1
t_expect "same data, rounds reordered: exit status" "$?" 0

sh "$T_ROOT/harness/runner/dirtysuite" compare --threshold 30 "$T_TMP/base" "$T_TMP/slow" > "$T_TMP/thr.out" 2>&1
t_expect "20% slowdown under a 30% threshold: exit status" "$?" 0

# Pairs (kernel/gate: a boot of each kernel a pair): the test is on each
# boot's median.  Every boot sits a few percent off the others (OFF).
# Five pairs, NEW 20% slower: flagged.  Five pairs of one kernel: boots
# apart by up to 9%, so a test on the pooled rounds would flag some
# figure; on the boots, nothing.
set -- 0.97 1.00 1.04 0.98 1.02
set -- "$@" 1.05 0.96 1.01 0.99 1.03
for i in 1 2 3 4 5; do
	eval "ob=\${$i} on=\${$((i + 5))}"
	mkrun "$T_TMP/p$i-base" "$ob" fwd
	mkrun "$T_TMP/p$i-slow" "$(echo "$on" | awk '{ print $1 * 1.2 }')" rev
	mkrun "$T_TMP/p$i-same" "$on" rev
	slow="${slow:-} $T_TMP/p$i-base $T_TMP/p$i-slow"
	same="${same:-} $T_TMP/p$i-base $T_TMP/p$i-same"
done
# shellcheck disable=SC2086 # folder lists
sh "$T_ROOT/harness/runner/dirtysuite" compare --alpha 0.01 --tsv "$T_TMP/pairs.tsv" $slow \
	> "$T_TMP/pairs.out" 2>&1
t_expect "5 pairs 20% slower: exit status" "$?" 1
t_grep "5 pairs 20% slower: every pair counted" "$T_TMP/pairs.out" 'REGRESSED.*n=50/50, 5/5 pairs'
t_grep "5 pairs 20% slower: the TSV" "$T_TMP/pairs.tsv" '	0\.00794	5/5	50	50	REGRESSED$'
# shellcheck disable=SC2086
sh "$T_ROOT/harness/runner/dirtysuite" compare --alpha 0.01 $same > "$T_TMP/same5.out" 2>&1
t_expect "5 pairs of one kernel: exit status" "$?" 0
t_grep "5 pairs of one kernel: nothing flagged" "$T_TMP/same5.out" ' 0 regressed, 0 improved'

sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" > "$T_TMP/usage.out" 2>&1
t_expect "one folder only: usage error" "$?" 2
sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" "$T_TMP/slow" "$T_TMP/base2" > "$T_TMP/usage3.out" 2>&1
t_expect "three folders: usage error" "$?" 2
t_done
