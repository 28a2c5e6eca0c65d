#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# After a guest that stopped in the middle of the suite, `dirtysuite vm`
# reports the test it was running and boots again for the rest
# (harness/qemu/vm-resume.sh), and it knows a guest kernel that says it is
# stuck (harness/qemu/vm-watch.sh).  Fed with the files a stopped boot
# leaves: the status port's plan/running/done lines, ktap.log, console.log.

. "$(dirname "$0")/lib/t.sh"
t_setup
. "$T_ROOT/harness/qemu/vm-report.sh"
. "$T_ROOT/harness/qemu/vm-resume.sh"
. "$T_ROOT/harness/qemu/vm-watch.sh"

R=$T_TMP/run
mkdir -p "$R"
printf 'start=4.9\nplan=BITMAP-001 STRESS-001 WAITQUEUE-001 WAITQUEUE-002 \nrunning=BITMAP-001\ndone=BITMAP-001\nrunning=STRESS-001\n' > "$R/status"
printf '  ok 1 BITMAP-001 first\n' > "$R/ktap.log"
echo "stalled: no KTAP line for 210 s (the in-VM timeout did not end the test)" > "$R/watch.txt"
: > "$R/console.log"

vr_remaining "$R" > "$T_TMP/out"
t_expect "there is more to run" "$?" 0
t_expect "the tests after the one in flight" "$VR_REST" " WAITQUEUE-001 WAITQUEUE-002"
t_grep "the test in flight is not ok" "$T_TMP/out" \
	'^  not ok 2 STRESS-001 # HANG: stalled: no KTAP line for 210 s'
t_grep "and in the boot's ktap.log" "$R/ktap.log" '^  not ok 2 STRESS-001 # HANG'

# A suite that ended (exit= on the status port) is not resumed.
echo "exit=1" >> "$R/status"
vr_remaining "$R" > /dev/null
t_expect "an ended suite is not resumed" "$?" 1

# The last test hung: nothing left to run, still reported.
printf 'plan=BITMAP-001 STRESS-001 \nrunning=BITMAP-001\ndone=BITMAP-001\nrunning=STRESS-001\n' > "$R/status"
: > "$R/watch.txt"
printf '[  300.1] watchdog: BUG: soft lockup - CPU#1 stuck for 26s! [ds-conform:99]\r\n' > "$R/console.log"
vr_remaining "$R" > "$T_TMP/out2"
t_expect "nothing after the last test" "$?" 1
t_grep "the console's reason" "$T_TMP/out2" '^  not ok [0-9]+ STRESS-001 # HANG: hang: watchdog: BUG: soft lockup'
t_expect "the console line the watch acts on" "$(vw_console_stuck "$R/console.log")" \
	"watchdog: BUG: soft lockup - CPU#1 stuck for 26s! [ds-conform:99]"

# Options of the first boot go on; its patterns and --unit do not.
vr_args --unit --quick --timeout 60 'RING-*' --seed 7
t_expect "options kept" "$VR_ARGS" " --quick --timeout 60 --seed 7"

# Silence is a hang only past the in-VM test timeout: --minutes soaks
# and --timeout stretch it.
t_expect "stall after the default timeout" "$(DS_TIMEOUT=120 vw_stall_s --quick)" 210
t_expect "stall after --timeout" "$(vw_stall_s --timeout 600 STRESS-001)" 690
t_expect "stall after a --minutes soak" "$(DS_TIMEOUT=120 vw_stall_s --minutes 10 STRESS-001)" 810

# One closing line over the boots, the host's HANG lines among the failed.
printf '  not ok 2 STRESS-001 x\n2 passed, 1 failed, 0 skipped\n  not ok 3 STRESS-001 # HANG: x\n' > "$R/ktap.log"
mkdir -p "$R/boot-2"
printf '3 passed, 0 failed, 1 skipped\n' > "$R/boot-2/ktap.log"
vr_totals "$R" 2 > "$T_TMP/tot"
t_expect "totals over the boots" "$(tail -n 1 "$T_TMP/tot")" "5 passed, 2 failed, 1 skipped"

t_done
