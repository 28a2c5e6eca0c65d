#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Two runs at the same time, same label, same results root, never share
# a folder; a folder name already taken (another pid namespace sharing
# the root) gets a suffix instead of being reused.

. "$(dirname "$0")/lib/t.sh"
t_setup

sh "$T_RUNNER" check --label same FIX-SLOWPASS > "$T_TMP/a.out" 2>&1 &
a=$!
sh "$T_RUNNER" check --label same FIX-SLOWPASS > "$T_TMP/b.out" 2>&1 &
b=$!
wait $a; ra=$?
wait $b; rb=$?
t_expect "first run" "$ra" 0
t_expect "second run" "$rb" 0
t_ktap_valid "first run" "$T_TMP/a.out"
t_ktap_valid "second run" "$T_TMP/b.out"
t_expect "two folders" "$(ls -d "$DS_RESULTS"/*-same-* | wc -l)" 2
da=$(sed -n 's/^# dirtysuite: results in //p' "$T_TMP/a.out")
db=$(sed -n 's/^# dirtysuite: results in //p' "$T_TMP/b.out")
[ -n "$da" ] && [ "$da" != "$db" ] && t_diag "ok: ${da##*/} and ${db##*/}" ||
	t_fail "runs share '$da'"
for d in "$da" "$db"; do
	t_expect "${d##*/}: one test in its summary" \
		"$(tail -n +3 "$d/summary.tsv" | wc -l)" 1
done
t_expect "latest is a link" "$(test -L "$DS_RESULTS/latest" && echo yes)" yes

# Take the names this pid would get in the next few seconds, then run.
host=$(uname -n | tr -c 'A-Za-z0-9._\n-' '_')
if date -d @0 +%s > /dev/null 2>&1; then
	sh -c '
		now=$(date +%s)
		for s in $now $((now + 1)) $((now + 2)); do
			mkdir -p "$1/$(date -d @$s +%Y%m%d-%H%M%S)-$2-taken-$$"
		done
		exec sh "$3" check --results "$1" --label taken FIX-PASS
	' sh "$DS_RESULTS" "$host" "$T_RUNNER" > "$T_TMP/c.out" 2>&1
	t_expect "run with its name taken" "$?" 0
	dc=$(sed -n 's/^# dirtysuite: results in //p' "$T_TMP/c.out")
	case $dc in
	*-taken-*.[0-9]) t_diag "ok: got ${dc##*/}" ;;
	*) t_fail "taken name not avoided: '$dc'" ;;
	esac
	[ -f "$dc/ktap.txt" ] || t_fail "no ktap.txt in '$dc'"
else
	t_diag "no GNU date -d: name collision not tested"
fi

t_done
