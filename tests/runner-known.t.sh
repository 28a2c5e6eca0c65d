#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Known kernel bugs (suite/known-issues) as a fresh boot meets them.
#
# The host's dirty-ring WARN is WARN_ON_ONCE: after a boot it fires in the
# first run that overflows a ring, which is a unit test (negative.t.sh),
# and never again until the next boot.  Here a fake kernel log plays that
# boot: the real report (tests/fixtures/dmesg-pvm-ring-warn.txt, as this
# project's PVM host printed it) appears while the middle one of three
# unit tests runs.  The real suite/known-issues decides; only the list of
# loaded modules is faked, so that the host condition holds or not.

. "$(dirname "$0")/lib/t.sh"
t_setup

warn=$T_ROOT/tests/fixtures/dmesg-pvm-ring-warn.txt
[ -r "$warn" ] || { t_fail "fixture $warn missing"; t_done; }

# unit NAME STATUS [LOGFILE]: a unit test that appends LOGFILE to the
# kernel log while it runs, then exits STATUS.
unit()
{
	{
		echo '#!/bin/sh'
		[ -n "${3:-}" ] && echo "cat '$3' >> '$T_TMP/dmesg'"
		echo "exit $2"
	} > "$DS_BUILD/tests/$1"
	chmod +x "$DS_BUILD/tests/$1"
}

# boot: a new boot's kernel log (a fake log's lines are not unique
# across boots the way real timestamps are).
boot()
{
	echo "[    1.304778] EXT4-fs (vda): mounted filesystem" > "$T_TMP/dmesg"
}

DS_SYS_MODULE=$T_TMP/sys-module
mkdir -p "$DS_SYS_MODULE/kvm_pvm"
export DS_SYS_MODULE
boot

# 1. The fresh boot: the known WARN in the middle of the unit tier.
unit test-a 0
unit test-b 0 "$warn"
unit test-c 0
t_run boot unit
t_expect "first run after boot: exit status" "$T_RC" 0
t_ktap_valid "first run after boot" "$T_TMP/boot.out"
t_grep "the WARN is the known bug" "$T_TMP/boot.out" \
	"^  not ok 2 test-b # XFAIL PVM host bug: .*kvm_dirty_ring_push WARN.* \(kernel: WARNING: CPU: 0 PID: [0-9]+ at .*dirty_ring\.c:225 kvm_dirty_ring_push"
t_grep "tests around it pass" "$T_TMP/boot.out" '^  ok 3 test-c$'
t_grep "counted with the skips" "$T_TMP/boot.out" '^2 passed, 0 failed, 1 skipped$'
t_grep "the report stays visible" "$T_TMP/boot.out" '^  # kernel: .*Call Trace:'

# 2. Every later run on that boot: the WARN is history, nothing to explain.
unit test-b 0
t_run later unit
t_expect "later run: exit status" "$T_RC" 0
t_grep "later run all pass" "$T_TMP/later.out" '^3 passed, 0 failed, 0 skipped$'

# 3. A WARN known-issues does not list still fails, beside the known one.
sed -e 's/virt\/kvm\/dirty_ring\.c:225 kvm_dirty_ring_push/arch\/x86\/kvm\/mmu\/tdp_mmu.c:1234 tdp_mmu_zap_leafs/' \
	"$warn" > "$T_TMP/other-warn.txt"
cat "$warn" "$T_TMP/other-warn.txt" > "$T_TMP/both.txt"
boot
unit test-b 0 "$T_TMP/both.txt"
t_run other unit
t_expect "unknown WARN: exit status" "$T_RC" 1
t_grep "unknown WARN fails" "$T_TMP/other.out" \
	'^  not ok 2 test-b # kernel WARNING: WARNING: .*tdp_mmu.c:1234 tdp_mmu_zap_leafs'

# 4. A test that fails on its own is not excused by the known WARN.
boot
unit test-b 1 "$warn"
t_run ownfail unit
t_expect "own failure: exit status" "$T_RC" 1
t_grep "own failure stands" "$T_TMP/ownfail.out" '^  not ok 2 test-b # exit=1$'

# 5. The same WARN on a host without the listed condition fails.
rmdir "$DS_SYS_MODULE/kvm_pvm"
boot
unit test-b 0 "$warn"
t_run nopvm unit
t_expect "other host: exit status" "$T_RC" 1
t_grep "other host: the WARN fails" "$T_TMP/nopvm.out" \
	'^  not ok 2 test-b # kernel WARNING: WARNING: CPU: 0 .*kvm_dirty_ring_push'

# 6. A conformance test's own listed failure is XFAIL by its ID glob, and
# the same failure under another ID stands.
mkdir -p "$DS_SYS_MODULE/kvm_pvm"
cat > "$T_TMP/conform" <<WRAP
#!/bin/sh
[ "\$1" = list ] && { printf 'SOFTFULL-001\tquick\tfake\nBITMAP-001\tquick\tfake\n'; exit 0; }
echo "ring overflow: 1024 of 1024 entries in use at a soft-full exit (soft limit 960)"
exit 1
WRAP
chmod +x "$T_TMP/conform"
DS_CONFORM=$T_TMP/conform t_run byid check
t_grep "listed test XFAIL" "$T_TMP/byid.out" '^  not ok 1 SOFTFULL-001 fake # XFAIL PVM host bug'
t_grep "unlisted test fails" "$T_TMP/byid.out" '^  not ok 2 BITMAP-001 fake # exit=1$'

t_done
