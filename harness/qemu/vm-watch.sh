# SPDX-License-Identifier: GPL-2.0
#
# The host's watch over a `dirtysuite vm` guest (sourced by
# harness/qemu/dirtysuite-vm).  Inside, the runner's own timeout and the test's
# postmortem explain a hung test.  They can't when the guest itself stops:
# a task in D state that no signal reaches, or a guest kernel whose timers
# no longer fire, so that nothing sleeping wakes, `timeout` included.  The
# host sees that as a KTAP stream that stops moving.  It then asks QEMU
# (its monitor, on a pair of FIFOs) for every vCPU's registers and local
# APIC, and sends an NMI: the guest kernel, booted with unknown_nmi_panic
# and panic_print, prints every task, every CPU's backtrace and the trace
# ring on the console, and ends.  The same happens at once when the
# console shows a lockup, an RCU stall or a hung task: the guest kernel
# has then said where it is stuck and panics (hung_task_panic,
# softlockup_panic, panic_on_rcu_stall) instead of waiting out the VM's
# timeout.
#
# VW_STALL_S   seconds without a new KTAP line before the host steps in
#              (the in-VM test timeout + its kill-after + a margin)

# vw_stall_s CHECK-ARGS...: the in-VM runner's timeout for one test, as
# check's --timeout and --minutes set it (harness/runner/sh/opts.sh), plus its
# SIGKILL grace (30 s) and a margin: silence up to then is a slow test.
vw_stall_s() {
	_t=${DS_TIMEOUT:-120} _m=
	while [ $# -gt 0 ]; do
		case $1 in
		--timeout) _t=${2:-$_t}; shift ;;
		--minutes) _m=${2:-}; shift ;;
		esac
		shift
	done
	case $_m in ''|*[!0-9]*) ;; *) _t=$((_m * 60 + ${DS_TIMEOUT:-120})) ;; esac
	case $_t in ''|*[!0-9]*) _t=${DS_TIMEOUT:-120} ;; esac
	echo $((_t + 30 + 60))
}

# vw_kernel_args: what the guest kernel needs for the above.
# log_buf_len: what a panic prints (every task, the trace ring) must not
# overrun the log before the serial console has taken it.
vw_kernel_args() {
	echo "log_buf_len=16M unknown_nmi_panic=1 panic_print=0x55 hung_task_panic=1 softlockup_panic=1 sysctl.kernel.panic_on_rcu_stall=1 sysctl.kernel.hung_task_timeout_secs=60 printk.time=1"
}

# vw_monitor_open DIR LOG: QEMU's monitor on DIR/mon.in, DIR/mon.out; sets
# VW_MON to the QEMU option.  A reader drains mon.out into LOG for the
# VM's whole life, so that QEMU never blocks on a full pipe.  Not to be
# called in $(...): the reader's pid must reach vw_monitor_close.
vw_monitor_open() {
	rm -f "$1/mon.in" "$1/mon.out"
	mkfifo "$1/mon.in" "$1/mon.out" || return 1
	# Opened read-write so that neither side waits for the other (and
	# so it never sees EOF: only vw_monitor_close ends it).
	cat <>"$1/mon.out" >>"$2" &
	VW_CAT=$!
	VW_MON="-monitor pipe:$1/mon"
}

# vw_monitor_close LOG: end the reader; LOG without the echo noise.
vw_monitor_close() {
	[ -n "${VW_CAT:-}" ] && kill "$VW_CAT" 2>/dev/null
	VW_CAT=
	# The monitor echoes each key with cursor moves: keep the text.
	[ -f "$1" ] &&
		sed 's/\x1b\[[0-9]*[A-Za-z]//g' "$1" >"$1.tmp" &&
		mv "$1.tmp" "$1"
}

# vw_mon DIR CMD...: one monitor command, logged.
vw_mon() {
	_d=$1; shift
	echo "=== $(date +%H:%M:%S) (qemu) $*" >>"$R/monitor.log"
	echo "$*" >"$_d/mon.in"
	sleep 1
}

# vw_dump DIR CPUS: what QEMU sees of a guest that stopped, then an NMI.
vw_dump() {
	vw_mon "$1" info registers -a
	_c=0
	while [ "$_c" -lt "$2" ]; do
		vw_mon "$1" cpu "$_c"
		vw_mon "$1" info lapic
		_c=$((_c + 1))
	done
	vw_mon "$1" info cpus
	vw_mon "$1" nmi
}

# vw_console_stuck CONSOLE: the first line where the guest kernel says it
# is stuck, or nothing.
vw_console_stuck() {
	tr -d '\r' <"$1" 2>/dev/null |
		grep -m1 -E 'soft lockup - CPU|rcu_sched self-detected stall|rcu: INFO: .* detected stalls|blocked for more than [0-9]+ seconds' |
		sed 's/^\[ *[0-9.]*\] //'
}

# vw_watch QEMU-PID DIR CPUS: runs until QEMU is gone.  Writes
# $R/watch.txt with what it saw when it stepped in.
vw_watch() {
	_pid=$1 _dir=$2 _cpus=$3
	_last=0 _still=0 _acted=
	while kill -0 "$_pid" 2>/dev/null; do
		sleep 5
		_now=$(wc -c <"$R/ktap.log" 2>/dev/null || echo 0)
		if [ "$_now" != "$_last" ]; then
			_last=$_now _still=0
		else
			_still=$((_still + 5))
		fi
		[ -z "$_acted" ] || continue
		_stuck=$(vw_console_stuck "$R/console.log")
		if [ -n "$_stuck" ]; then
			echo "stuck: the guest kernel: $_stuck" >"$R/watch.txt"
			# It panics by itself; give it time to print, then dump.
			sleep 10
			kill -0 "$_pid" 2>/dev/null && vw_dump "$_dir" "$_cpus"
			_acted=1
		elif [ "$_still" -ge "$VW_STALL_S" ]; then
			echo "stalled: no KTAP line for $_still s (the in-VM timeout did not end the test)" >"$R/watch.txt"
			vw_dump "$_dir" "$_cpus"
			_acted=1
		fi
		if [ -n "$_acted" ]; then
			# The panic ends the VM; one that does not is ended here.
			_w=0
			while kill -0 "$_pid" 2>/dev/null && [ $_w -lt 60 ]; do
				sleep 1; _w=$((_w + 1))
			done
			kill -0 "$_pid" 2>/dev/null && {
				echo "the guest did not end after the NMI; QEMU killed" >>"$R/watch.txt"
				kill "$_pid" 2>/dev/null
			}
		fi
	done
}
