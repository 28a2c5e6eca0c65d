#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Results that cannot be written stop the run with one clear line and
# exit status 3, and never leave a cut-off file behind: a results root
# that cannot be made, and a disk that fills up before and during a run
# (a tiny tmpfs; mounted in a user namespace when not root).

. "$(dirname "$0")/lib/t.sh"
t_setup

# io_expect WHAT: the last run failed as it should.
io_expect()
{
	t_expect "$1: exit status" "$T_RC" 3
	t_one_line "$1" "$T_TMP/io.err"
	grep -q '^dirtysuite: cannot write results: ' "$T_TMP/io.err" ||
		t_fail "$1: error does not say what failed"
}

if [ -z "$T_IN_NS" ]; then
	: > "$T_TMP/file"
	t_run io check --results "$T_TMP/file/results" FIX-PASS
	io_expect "results root under a file"
fi

T_MOUNT=$T_TMP/full
mkdir -p "$T_MOUNT"
if ! mount -t tmpfs -o size=64k,nr_inodes=64 tmpfs "$T_MOUNT" 2>/dev/null; then
	T_MOUNT=
	[ $T_FAILS -eq 0 ] || t_done
	if [ -z "$T_IN_NS" ] && unshare -r -m true 2>/dev/null; then
		# Our own mount namespace, where we may mount a tmpfs.
		t_cleanup
		T_IN_NS=1 exec unshare -r -m sh "$0"
	fi
	t_skip "cannot mount a tmpfs to fill up"
fi

# Full from the start: not even env.txt fits.
dd if=/dev/zero of="$T_MOUNT/filler" bs=4k 2>/dev/null
t_run io check --results "$T_MOUNT/r" FIX-PASS
io_expect "disk full at the start"
t_expect "no temporary files left" "$(find "$T_MOUNT/r" -name '*.tmp' | wc -l)" 0
[ -s "$T_TMP/io.out" ] && t_fail "KTAP written although nothing could be kept"

# Full during the second test, whose output fills the disk.
rm -f "$T_MOUNT/filler"
rm -rf "$T_MOUNT/r"
DS_FIXTURE_LINES=3000 DS_FIXTURE_DELAY_MS=0 \
	t_run io check --results "$T_MOUNT/r" FIX-PASS FIX-SLOWPASS
io_expect "disk full during a test"
dir=$T_MOUNT/r/$(readlink "$T_MOUNT/r/latest")
t_grep "first test's log whole" "$dir/001-FIX-PASS.log" '^# dirtysuite: FIX-PASS '
t_grep "ktap.txt keeps the first result" "$dir/ktap.txt" '^  ok 1 FIX-PASS passes$'
[ "$(tail -c 1 "$dir/ktap.txt" | od -An -c | tr -d ' ')" = '\n' ] ||
	t_fail "ktap.txt cut off"
t_expect "summary.tsv keeps the first row" "$(tail -n +3 "$dir/summary.tsv" | cut -f1)" FIX-PASS
t_expect "no log for the test that could not be kept" \
	"$(ls "$dir" | grep -c '^002-FIX-SLOWPASS\.log$')" 0
t_expect "no temporary files left" "$(ls -a "$dir" | grep -c '\.tmp$')" 0

t_done
