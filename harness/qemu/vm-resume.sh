# SPDX-License-Identifier: GPL-2.0
#
# Going on after a guest that stopped in the middle of the suite (sourced
# by harness/qemu/dirtysuite-vm).  The in-VM runner writes plan=, running= and
# done= lines to the status port (DS_PROGRESS, harness/runner/sh/check.sh); from
# them the host knows the test in flight, reports it, and which tests the
# next boot runs.

# vr_remaining RDIR: after a boot whose suite did not end (no exit= in
# RDIR/status), print `not ok` for the test it was running, with what the
# host's watch and the console found, and set VR_REST to the tests still
# to run.  Returns 1 when there is nothing to go on with.
vr_remaining() {
	_st=$1/status
	VR_REST=
	grep -q '^exit=' "$_st" 2>/dev/null && return 1
	_plan=$(sed -n 's/^plan=//p' "$_st" 2>/dev/null | tr -d '\r' | tail -n1)
	[ -n "$_plan" ] || return 1
	_done=$(sed -n 's/^done=//p' "$_st" | tr -d '\r')
	_run=$(sed -n 's/^running=//p' "$_st" | tr -d '\r' | tail -n1)
	printf '%s\n' "$_done" | grep -qxF "$_run" && _run=
	_why=$(cat "$1/watch.txt" 2>/dev/null | head -n1)
	[ -n "$_why" ] || _why=$(vm_console_problems "$1/console.log" | head -n1)
	[ -n "$_why" ] || _why="the VM ended (qemu exit $(cat "$1/qemu.rc" 2>/dev/null))"
	if [ -n "$_run" ]; then
		# In the conformance group the stream stopped in: numbered and
		# indented after its last result.
		_n=$(sed -n 's/^  \(not \)\{0,1\}ok \([0-9]*\) .*/\2/p' "$1/ktap.log" | tail -n1)
		{
			echo "  # dirtysuite vm: $_run did not finish: $_why"
			echo "  # dirtysuite vm: registers and APICs in $1/monitor.log, the guest's stacks in its console.log"
			echo "  not ok $((${_n:-0} + 1)) $_run # HANG: $_why"
		} | tee -a "$1/ktap.log"
	fi
	for _id in $_plan; do
		[ "$_id" = "$_run" ] && continue
		printf '%s\n' "$_done" | grep -qxF "$_id" && continue
		VR_REST="$VR_REST $_id"
	done
	[ -n "$VR_REST" ]
}

# vr_args CHECK-ARGS...: VR_ARGS, the options of the first boot's check
# without its test patterns and --unit (the unit tier ran in that boot);
# the remaining IDs take the patterns' place.
vr_args() {
	VR_ARGS=
	while [ $# -gt 0 ]; do
		case $1 in
		--unit) ;;
		--timeout|--results|--label|--inject|--minutes|--seed)
			VR_ARGS="$VR_ARGS $1 $2"; shift ;;
		-*)	VR_ARGS="$VR_ARGS $1" ;;
		esac
		shift
	done
}

# vr_totals RDIR NBOOT: one closing line over every boot, with the tests
# the host reported (a HANG line) among the failed.
vr_totals() {
	_p=0 _f=0 _s=0
	for _k in $(cat "$1/ktap.log" "$1"/boot-*/ktap.log 2>/dev/null |
		    sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed, \([0-9]*\) skipped$/\1:\2:\3/p'); do
		_p=$((_p + ${_k%%:*}))
		_k=${_k#*:}
		_f=$((_f + ${_k%%:*}))
		_s=$((_s + ${_k#*:}))
	done
	_h=$(cat "$1/ktap.log" "$1"/boot-*/ktap.log 2>/dev/null | grep -c '^ *not ok [0-9]* [^ ]* # HANG')
	echo "# dirtysuite vm: $2 boots; $_h test(s) the host ended (HANG)" | tee -a "$1/ktap.log"
	echo "$_p passed, $((_f + _h)) failed, $_s skipped" | tee -a "$1/ktap.log"
}
