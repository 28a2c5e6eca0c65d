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
		print "dirty_pct", "mem_MiB", "vcpus", "ring_entries", "clear_shift",
		      "dirty_pct", "mode", "workload", "round", "harvest_ns", "get_ns",
		      "reset_ns", "user_ns", "pages", "wall_ns"
		split("bitmap ring", modes, " ")
		split("1 10 100", fr, " ")
		for (m = 1; m <= 2; m++)
			for (f = 1; f <= 3; f++)
				for (i = 0; i < 10; i++) {
					r = order == "rev" ? 9 - i : i
					noise = 1 + ((r * 7919) % 9 - 4) / 100
					base = 20000 * fr[f] * m
					print fr[f], 64, 2, 4096, 6, fr[f], modes[m], "synthetic", i,
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

# Pairs (kernel/gate): pooled, and the change must show in every pair.
# Two pairs slower by 20%: flagged.  One of them no slower: the pooled
# samples still differ, but one pair says the kernel did not do it.
mkrun "$T_TMP/base2" 1 rev
mkrun "$T_TMP/slow2" 1.2 rev
sh "$T_ROOT/harness/runner/dirtysuite" compare --tsv "$T_TMP/pairs.tsv" "$T_TMP/base" "$T_TMP/slow" \
	"$T_TMP/base2" "$T_TMP/slow2" > "$T_TMP/pairs.out" 2>&1
t_expect "two slower pairs: exit status" "$?" 1
t_grep "two slower pairs: each pair counted" "$T_TMP/pairs.out" 'REGRESSED.*n=20/20, 2/2 pairs'
t_grep "two slower pairs: the TSV" "$T_TMP/pairs.tsv" '	1\.200	.*	2/2	20	20	REGRESSED$'
sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" "$T_TMP/slow" \
	"$T_TMP/base2" "$T_TMP/shuffled" > "$T_TMP/pairs1.out" 2>&1
t_expect "one pair no slower: exit status" "$?" 0
t_grep "one pair no slower: counted" "$T_TMP/pairs1.out" ' 0 regressed.*in every pair'

sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" > "$T_TMP/usage.out" 2>&1
t_expect "one folder only: usage error" "$?" 2
sh "$T_ROOT/harness/runner/dirtysuite" compare "$T_TMP/base" "$T_TMP/slow" "$T_TMP/base2" > "$T_TMP/usage3.out" 2>&1
t_expect "three folders: usage error" "$?" 2
t_done
