# SPDX-License-Identifier: GPL-2.0
#
# vm_report RESULTS QEMU-RC TIMEOUT-S: after `dirtysuite vm`, turn what the
# kernel and the VM said into KTAP results and an exit status.
#
# Reads RESULTS/console.log (kernel console), RESULTS/status (key=value lines
# from harness/qemu/vm-init.sh) and RESULTS/ktap.log (the stream already shown).
# Each problem becomes one `not ok N kernel # ...` line, numbered after the
# suite's own top-level results, printed and appended to ktap.log.
# Returns the suite's exit status, or 1 when the kernel or the VM failed.

# vm_console_problems CONSOLE: one "kind: first line" a line
vm_console_problems() {
	tr -d '\r' <"$1" | sed 's/^\[ *[0-9.]*\] //' | awk '
	/Kernel panic - not syncing/	{ k = "panic" }
	/^BUG: |kernel BUG at/		{ k = "BUG" }
	/^Oops: |general protection fault/	{ k = "oops" }
	/^WARNING: /			{ k = "WARNING" }
	/soft lockup|hung_task|blocked for more than/	{ k = "hang" }
	/^UBSAN: |^KASAN: |^KFENCE: /	{ k = "sanitizer" }
	k && !seen[k]++ { print k ": " $0 }
	{ k = "" }'
}

vm_report() {
	_r=$1 _qrc=$2 _tmo=$3
	_n=$(grep -cE '^(not )?ok [0-9]+' "$_r/ktap.log")
	_exit=$(sed -n 's/^exit=\([0-9]*\).*/\1/p' "$_r/status" 2>/dev/null | tail -n1)
	_probs=$(vm_console_problems "$_r/console.log")
	[ "$_qrc" = 124 ] || [ "$_qrc" = 137 ] &&
		_probs="$_probs
TIMEOUT $_tmo seconds: the VM was killed (last console lines in console.log)"
	# A panic already says why the status is missing.
	[ -z "$_exit" ] && [ "$_qrc" != 124 ] && [ "$_qrc" != 137 ] &&
		! printf "%s\n" "$_probs" | grep -qE "^(panic|oops|BUG):" &&
		_probs="$_probs
error: the VM ended without the suite's exit status (qemu exit $_qrc)"
	# The host ended a guest that had stopped (vm-watch.sh): its panic
	# and missing status are the host's doing; vm-resume.sh reports the
	# test it was running as HANG with the reason.
	[ -s "$_r/watch.txt" ] &&
		_probs=$(printf '%s\n' "$_probs" | grep -v -e '^panic: ' -e '^error: the VM ended without')
	_probs=$(printf '%s\n' "$_probs" | sed '/^$/d')

	if [ -n "$_probs" ]; then
		{
			grep -q '^KTAP version' "$_r/ktap.log" ||
				printf 'KTAP version 1\n1..%s\n' "$(printf '%s\n' "$_probs" | wc -l)"
			sed -n 's/^error=/# vm: /p' "$_r/status" 2>/dev/null
			printf '%s\n' "$_probs" | while IFS= read -r _p; do
				_n=$((_n + 1))
				echo "not ok $_n kernel # $_p"
			done
		} | tee -a "$_r/ktap.log"
		return 1
	fi
	return "${_exit:-1}"
}
