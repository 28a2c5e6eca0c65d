#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# plot.sh RESULTS_DIR: every plot of a dirtysuite bench run, as SVG and PNG
# beside its tables.  Each plot is one gnuplot script here; all of them
# load style.gp.  A plot whose table is missing (a sweep that did not run)
# is skipped with a note, never an error.

# die: harness/runner/sh/common.sh; every error here is exit 1.
DS_PROG=plot.sh
DS_HARNESS=$(CDPATH= cd -- "$(dirname -- "$0")/../harness/runner" && pwd) || exit 1
. "$DS_HARNESS/sh/common.sh"

[ $# -eq 1 ] && [ -d "$1" ] || die 1 "usage: plot.sh RESULTS_DIR"
command -v gnuplot >/dev/null || die 1 "gnuplot not found (install gnuplot-nox: harness/deps)"
DIR=$1
cd "$(dirname -- "$0")/.." || exit 1
fails=0

# words COLUMN FILE: the distinct values of a named column, in file order.
words()
{
	[ -f "$2" ] || return 0
	awk -F '\t' -v c="$1" '/^#/ { next }
		!h { for (i = 1; i <= NF; i++) if ($i == c) k = i; h = 1; next }
		!seen[$k]++ { printf "%s%s", n++ ? " " : "", $k }' "$2"
}

MODES=$(words mode "$DIR/fraction.tsv" | sed 's/\<off\>//; s/^ *//; s/  */ /g')
[ -n "$MODES" ] || MODES=$(words mode "$DIR/latency.tsv" | sed 's/\<off\>//; s/^ *//')
MEMS=$(words mem_MiB "$DIR/fraction.tsv")
# make bench-tdp's memory sweep inside a TDP-MMU kernel, where it ran.
TDP=$([ -f "$DIR/tdp/crossover-model.tsv" ] && echo 1)
# The live sweep's modes (off and ring-wq too) and its first period.
LMODES=$(words mode "$DIR/live-gaps.tsv")
PERIOD=$(words period_ms "$DIR/live-gaps.tsv" | cut -d" " -f1)
# The crossovers: numbers only, with the memory size each belongs to.
XS=$(awk -F '\t' '/^#/ || $2 == "nan" || !h++ { next } { printf "%s ", $2 }' "$DIR/crossover.tsv" 2>/dev/null)
XMEMS=$(awk -F '\t' '/^#/ || $2 == "nan" || !h++ { next } { printf "%s ", $1 }' "$DIR/crossover.tsv" 2>/dev/null)

# plot NAME TABLE: plots/NAME.gp over DIR/TABLE, to DIR/NAME.{svg,png}.
plot()
{
	if ! [ -f "$DIR/$2" ]; then
		echo "plot.sh: $1: no $2 (sweep not run): skipped" >&2
		return 0
	fi
	for t in svg png; do
		if ! gnuplot -e "term='$t'; out='$DIR/.$1.$t.tmp'; dir='$DIR'; \
			modes='$MODES'; mems='$MEMS'; mem0='${MEMS%% *}'; \
			xs='$XS'; xmems='$XMEMS'; tdp='$TDP'; \
			lmodes='$LMODES'; period='$PERIOD'" "plots/$1.gp" 2> "$DIR/.$1.err"; then
			echo "plot.sh: $1.$t failed:" >&2
			sed 's/^/  /' "$DIR/.$1.err" >&2
			fails=$((fails + 1))
			rm -f "$DIR/.$1.$t.tmp"
			continue
		fi
		mv -- "$DIR/.$1.$t.tmp" "$DIR/$1.$t"
	done
	# gnuplot warns about skipped NaN-only series; keep them visible.
	[ -s "$DIR/.$1.err" ] && sed "s/^/plot.sh: $1: /" "$DIR/.$1.err" >&2
	rm -f "$DIR/.$1.err"
	echo "plot.sh: $DIR/$1.svg, .png" >&2
}

# One plot a line: NAME (plots/NAME.gp) and the table it reads.
plot crossover		fraction.tsv
plot cost_vs_mem	fraction.tsv
plot crossover_size	crossover-model.tsv
plot costmodel		costmodel-points.tsv
plot tax		fraction.tsv
plot ring		ring.tsv
plot shift		shift.tsv
plot latency		latency-samples.tsv
plot vcpus		vcpus.tsv
plot live_gaps	live-gaps.tsv

[ $fails -eq 0 ]
