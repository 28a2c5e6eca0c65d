#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# dirtysuite merge's rule x kernel matrix: three kernels' check folders
# (synthetic, as `dirtysuite vm` brings them back) named NAME=DIR become
# matrix.tsv with a column per kernel, a skip's reason in its cell, and
# the capabilities of each env.txt; a capability the first (baseline)
# kernel had and a later one lacks is a regression, and merge exits 1.

. "$(dirname "$0")/lib/t.sh"
t_setup

# kernel NAME VERSION RING-006-RESULT REASON WQ-CAP RING-CAP
kernel()
{
	d=$T_TMP/in/$1/20260101-000000-_none_-check-1
	mkdir -p "$d"
	printf '# dirtysuite-env v1\nuname: Linux (none) %s #1 SMP x86_64 GNU/Linux\nkvm_cap.DIRTY_LOG_RING: %s\nkvm_cap.DIRTY_LOG_RING_WAITQUEUE: %s\n' \
		"$2" "$6" "$5" > "$d/env.txt"
	printf '# dirtysuite-summary v1\nid\tresult\treason\tduration_ms\nBITMAP-001\tpass\t-\t9\nRING-006\t%s\t%s\t1\n' \
		"$3" "$4" > "$d/summary.tsv"
}
kernel a 6.1.192 skip 'kernel lacks X' 0 1048576
kernel b 6.12.118 pass - 1 1048576
kernel c 6.12.119 fail 'lost 1 page' 0 65536

O=$T_TMP/m
sh "$T_RUNNER" merge --out "$O" lts="$T_TMP/in/a" patched="$T_TMP/in/b" \
	next="$T_TMP/in/c" > /dev/null 2> "$T_TMP/m.err"
t_expect "exit status: a capability regressed" "$?" 1
t_grep "columns named NAME=" "$O/matrix.tsv" '^rule	lts	patched	next$'
t_grep "kernel row" "$O/matrix.tsv" '^kernel	6\.1\.192	6\.12\.118	6\.12\.119$'
t_grep "a skip keeps its reason" "$O/matrix.tsv" '^RING-006	skip: kernel lacks X	pass	fail$'
t_grep "a smaller ring than the baseline is a regression" "$O/matrix.tsv" \
	'^cap:DIRTY_LOG_RING	1048576	1048576	65536 REGRESSION \(lts: 1048576\)$'
t_grep "a cap the baseline lacked is none" "$O/matrix.tsv" '^cap:DIRTY_LOG_RING_WAITQUEUE	0	1	0$'
t_grep "counted" "$O/matrix.tsv" '^# regressions: 1$'
t_grep "html: the regression in red" "$O/matrix.html" '<td class="fail">65536 REGRESSION'
t_grep "merge.tsv keeps its columns" "$O/merge.tsv" '^machine	kernel	BITMAP-001	RING-006$'

sh "$T_RUNNER" merge --out "$O" lts="$T_TMP/in/a" patched="$T_TMP/in/b" > /dev/null 2>&1
t_expect "exit status: no regression" "$?" 0
t_done
