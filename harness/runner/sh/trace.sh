# SPDX-License-Identifier: GPL-2.0
#
# A small ring of KVM's trace events kept through every test, in a tracefs
# instance of the run's own (the global buffer stays the host's).  It is
# cleared and switched on before each test; a test that fails gets the
# ring's tail in its log.  A postmortem (harness/lib/postmortem.c) switches it
# off the moment a test hangs or dies, through DS_TRACE, so that the tail
# is what led up to the failure, not the killing of the test.
#
# After a SHUTDOWN exit the vCPU's registers are the reset state; only a
# record of what came before (exits, injected exceptions, faults, SPTE
# changes) can say why.
#
# DS_TRACE_EVENTS  events to record, system:event or system:* (empty: off)
# DS_TRACE_KB      ring size per CPU, KiB
# DS_TRACE_LINES   lines of the tail put in a failed test's log
# DS_TRACEFS       tracefs to use (default: found, mounted as root if not)
# DS_TRACE_NAME    the instance's name (default dirtysuite-PID: one a run);
#                  - for the top-level buffer (inside dirtysuite vm, the
#                  one a panic prints)

: "${DS_TRACE_EVENTS=kvm:kvm_exit kvm:kvm_userspace_exit kvm:kvm_inj_exception kvm:kvm_page_fault kvm:kvm_dirty_ring_push kvm:kvm_dirty_ring_reset kvm:kvm_dirty_ring_exit kvm:kvm_unmap_hva_range kvmmmu:fast_page_fault kvmmmu:kvm_mmu_set_spte kvmmmu:kvm_tdp_mmu_spte_changed kvmmmu:kvm_mmu_split_huge_page kvmmmu:kvm_mmu_prepare_zap_page kvmmmu:kvm_mmu_zap_all_fast}"
: "${DS_TRACE_KB:=512}"
: "${DS_TRACE_LINES:=2000}"
: "${DS_TRACE_NAME:=dirtysuite-$$}"

TR_DIR=

# tr_tracefs: the tracefs mount, mounted when root and missing.
tr_tracefs()
{
	if [ -n "${DS_TRACEFS:-}" ]; then
		echo "$DS_TRACEFS"
		return
	fi
	for tt_d in /sys/kernel/tracing /sys/kernel/debug/tracing; do
		[ -d "$tt_d/instances" ] && { echo "$tt_d"; return; }
	done
	[ "$(id -u)" = 0 ] && [ -d /sys/kernel/tracing ] &&
		mount -t tracefs nodev /sys/kernel/tracing 2>/dev/null &&
		echo /sys/kernel/tracing
}

# trace_init: make the instance and enable the events; TR_DIR stays empty
# (and a diagnostic says why) where the kernel or the user can't.
trace_init()
{
	TR_DIR=
	[ -n "$DS_TRACE_EVENTS" ] || return 0
	ti_fs=$(tr_tracefs)
	if [ -z "$ti_fs" ] || ! [ -d "$ti_fs/instances" ]; then
		ktap_diag "dirtysuite: no tracefs; no KVM trace ring in failed tests' logs"
		return 0
	fi
	# A run killed outright (SIGKILL) left its instance recording: state
	# that would outlive it and slow every later KVM exit on this boot.
	for ti_old in "$ti_fs"/instances/dirtysuite-*; do
		[ -d "$ti_old" ] || continue
		kill -0 "${ti_old##*-}" 2>/dev/null || rmdir "$ti_old" 2>/dev/null
	done
	ti_dir=$ti_fs/instances/$DS_TRACE_NAME
	[ "$DS_TRACE_NAME" = - ] && ti_dir=$ti_fs
	[ -d "$ti_dir" ] || mkdir "$ti_dir" 2>/dev/null || {
		ktap_diag "dirtysuite: cannot create $ti_dir; no KVM trace ring"
		return 0
	}
	echo "$DS_TRACE_KB" > "$ti_dir/buffer_size_kb" 2>/dev/null
	ti_on=0
	ti_missing=
	for ti_ev in $DS_TRACE_EVENTS; do
		ti_path=$ti_dir/events/${ti_ev%%:*}
		[ "${ti_ev#*:}" = '*' ] || ti_path=$ti_path/${ti_ev#*:}
		if echo 1 > "$ti_path/enable" 2>/dev/null; then
			ti_on=$((ti_on + 1))
		else
			ti_missing="$ti_missing $ti_ev"
		fi
	done
	if [ $ti_on = 0 ]; then
		ktap_diag "dirtysuite: none of the KVM trace events exist here; no trace ring"
		rmdir "$ti_dir" 2>/dev/null
		return 0
	fi
	TR_DIR=$ti_dir
	[ -z "$ti_missing" ] ||
		ktap_diag "dirtysuite: trace events this kernel lacks:$ti_missing"
}

# trace_arm: an empty ring, recording; DS_TRACE tells the test where.
trace_arm()
{
	[ -n "$TR_DIR" ] || { unset DS_TRACE; return 0; }
	: > "$TR_DIR/trace" 2>/dev/null
	echo 1 > "$TR_DIR/tracing_on" 2>/dev/null
	DS_TRACE=$TR_DIR
	export DS_TRACE
}

# trace_tail LOG: stop the ring and append its last lines to LOG.
trace_tail()
{
	[ -n "$TR_DIR" ] || return 0
	echo 0 > "$TR_DIR/tracing_on" 2>/dev/null
	tt_n=$(grep -vc '^#' "$TR_DIR/trace" 2>/dev/null)
	{
		echo "# trace: the last ${DS_TRACE_LINES} of $tt_n KVM events before the failure ($DS_TRACE_EVENTS)"
		grep -v '^#' "$TR_DIR/trace" 2>/dev/null | tail -n "$DS_TRACE_LINES" |
			sed 's/^/trace: /'
	} >> "$1" 2>/dev/null
	# The whole ring beside the log: events long before the tail (the
	# faults that built a VM's tables) can matter too.
	grep -v '^#' "$TR_DIR/trace" 2>/dev/null | gzip -1 > "$1.trace.gz" 2>/dev/null &&
		mv "$1.trace.gz" "${1%.tmp}.trace.gz" 2>/dev/null
	ktap_diag "trace: the last KVM events before the failure are in this test's log ('trace:' lines), all of them beside it (.trace.gz)"
}

# trace_fini: the instance goes with the run.
trace_fini()
{
	[ -n "$TR_DIR" ] || return 0
	echo 0 > "$TR_DIR/tracing_on" 2>/dev/null
	[ "$DS_TRACE_NAME" = - ] || rmdir "$TR_DIR" 2>/dev/null
	TR_DIR=
}
