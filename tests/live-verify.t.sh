#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# The live sweep's verifier (harness/lib/live_check.h) has teeth: a live
# run whose harvests drop a page (ds-bench -i drop-one) must say which
# pages it lost, give them verdict "lost" and no figures, and exit 1; the
# same run without the fault keeps every page and exits 0.  Small and
# short (16 MiB, 300 ms a point), on /dev/kvm.

bench=${DS_BIN:-${DS_BUILD:-$(dirname "$0")/../build}/bin}/ds-bench
. "$(dirname "$0")/lib/t.sh"
t_setup
[ -x "$bench" ] || t_skip "no $bench (make build)"
[ -r /dev/kvm ] && [ -w /dev/kvm ] || t_skip "no usable /dev/kvm"

live()
{
	lv_dir=$T_TMP/$1
	shift
	mkdir -p "$lv_dir"
	"$bench" -x live -T 20 -o "$lv_dir" -k memory=16M -k vcpus=1 -k live_ms=300 \
		-k modes=bitmap,clear,ring "$@" > "$lv_dir/out" 2> "$lv_dir/err"
	T_RC=$?
}

live good
t_expect "no fault: exit status" "$T_RC" 0
# The verdict may also be tax-bug or overflow on a noisy host: those are
# judgements of the figures; what this test is about is that nothing is lost.
t_expect "no fault: no tracked point lost a page" \
	"$(awk -F '\t' '/^#/ || $1 == "period_ms" { next }
		$6 != "off" && $6 != "ring-wq" { print $6 "=" $(NF - 1) }' "$T_TMP/good/live.tsv" | tr '\n' ' ')" \
	"bitmap=0 clear=0 ring=0 "
t_grep "no fault: a stall figure per mode" "$T_TMP/good/out" '^live every 20 ms ring .* gap p50 [0-9.]+ us p99 [0-9.]+ us'

live bad -i drop-one
t_expect "drop-one: exit status" "$T_RC" 1
t_grep "drop-one: the lost pages named" "$T_TMP/bad/out" '^# page [0-9]+ lost: guest wrote round'
t_grep "drop-one: a FAIL line per mode" "$T_TMP/bad/out" '^# FAIL live clear every 20 ms: [0-9]+ of [0-9]+ written pages lost'
t_expect "drop-one: verdict lost, no figures" \
	"$(awk -F '\t' '$6 == "bitmap" { print $9 "/" $NF }' "$T_TMP/bad/live.tsv")" "nan/lost"
t_done
