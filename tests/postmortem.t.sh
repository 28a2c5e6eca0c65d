#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# A test that hangs explains itself (harness/lib/postmortem.c): on the
# runner's timeout the real ds-conform, in the middle of a soak on
# /dev/kvm, writes where each vCPU was, its registers after a kick out of
# KVM_RUN, every thread's kernel stack, and the runner waits for it before
# SIGKILL.  The KVM trace ring's tail lands in the log too: the tracefs is
# a fake here, so that the check does not depend on the host's, and a
# wrapper puts one event in it the way the kernel would.

conform=${DS_BIN:-${DS_BUILD:-$(dirname "$0")/../build}/bin}/ds-conform
. "$(dirname "$0")/lib/t.sh"
t_setup
[ -x "$conform" ] || t_skip "no $conform (make build)"
[ -r /dev/kvm ] && [ -w /dev/kvm ] || t_skip "no usable /dev/kvm"

tfs=$T_TMP/tracefs
mkdir -p "$tfs/instances/t/events/kvm/kvm_exit"
cat > "$T_TMP/conform" <<WRAP
#!/bin/sh
[ "\$1" = list ] && exec "$conform" list
echo " ds-conform-1 [000] ..... 1.000000: kvm_exit: reason EXIT_NPF rip 0x4117c6" >> "\$DS_TRACE/trace"
exec "$conform" "\$@"
WRAP
chmod +x "$T_TMP/conform"

DS_TRACEFS=$tfs DS_TRACE_NAME=t DS_CONFORM=$T_TMP/conform t_run pm check --timeout 3 --minutes 1 STRESS-001
log=$(ls "$DS_RESULTS"/latest/001-STRESS-001.log 2>/dev/null)
t_expect "exit status" "$T_RC" 1
t_grep "a timeout" "$T_TMP/pm.out" '^  not ok 1 STRESS-001 .* # TIMEOUT 3 seconds$'
t_grep "postmortem begins" "$log" '^# pm: ==== postmortem of STRESS-001: SIGTERM'
t_grep "where vCPU 2 was" "$log" \
	'^# pm:   vCPU 2 \(thread [0-9]+\): (inside KVM_RUN|in the harness|parked|done).*last exit .*; last ucall .*; synced round [0-9]+; guest writes [0-9]+$'
t_grep "vCPU registers after the kick" "$log" '^# pm:   vCPU 0 regs: rip 0x[0-9a-f]+ rsp '
t_grep "vCPU special registers" "$log" '^# pm:   vCPU 0 sregs: cr0 0x[0-9a-f]+ cr2 '
t_grep "pending events" "$log" '^# pm:   vCPU 0 events: exception injected'
t_grep "threads and their state" "$log" '^# pm: thread [0-9]+ [0-9]+ \(ds-conform\): state [A-Z], syscall '
t_grep "the runner waited for the end" "$log" '^# pm: ==== end of postmortem ====$'
t_grep "the trace ring's tail" "$log" '^trace: .*kvm_exit: reason EXIT_NPF'


t_done
