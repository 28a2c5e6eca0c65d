#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# Beyond the exit status: a leaked child process, a kernel WARNING during
# the test, and hugetlb pages not given back each fail the test, and the
# run goes on.  The kernel log and meminfo are fakes (t.sh), changed by a
# wrapper around the fixture while the test runs.

. "$(dirname "$0")/lib/t.sh"
t_setup

t_run leak check FIX-LEAK FIX-SLOWPASS
t_expect "exit status" "$T_RC" 1
t_ktap_valid "leak run" "$T_TMP/leak.out"
t_grep "leak is not ok" "$T_TMP/leak.out" \
	'^  not ok 1 FIX-LEAK .* # leftover processes: [0-9]+\(ds-fixture\)$'
t_grep "leak diagnostic" "$T_TMP/leak.out" '^  # leftover processes killed: '
t_grep "next test unaffected" "$T_TMP/leak.out" '^  ok 2 FIX-SLOWPASS '
left=$(pgrep -f 'ds-fixture run FIX-LEAK' | while read -r p; do
	grep -q '^State:.*Z' "/proc/$p/status" 2>/dev/null || echo "$p"
done)
t_expect "leaked child killed" "$left" ""

# A wrapper conformance binary that logs a kernel WARNING during
# FIX-PASS and takes two huge pages during FIX-SLOWPASS.
real=$DS_CONFORM
cat > "$T_TMP/conform" <<WRAP
#!/bin/sh
case "\$2" in
FIX-PASS)
	echo "[  12.345678] WARNING: CPU: 1 PID: 42 at arch/x86/kvm/mmu/mmu.c:1234 kvm_fake+0x1/0x2" >> "$T_TMP/dmesg"
	echo "[  12.345679] Call Trace:" >> "$T_TMP/dmesg" ;;
FIX-SLOWPASS)
	printf 'HugePages_Total:      16\nHugePages_Free:       14\n' > "$DS_MEMINFO" ;;
esac
exec "$real" "\$@"
WRAP
chmod +x "$T_TMP/conform"
echo "[   0.100000] WARNING: an old one, from before the run" > "$T_TMP/dmesg"

DS_CONFORM=$T_TMP/conform t_run kh check FIX-PASS FIX-SKIP FIX-SLOWPASS
t_expect "exit status" "$T_RC" 1
t_ktap_valid "kernel/hugepage run" "$T_TMP/kh.out"
t_grep "kernel WARNING fails the test" "$T_TMP/kh.out" \
	'^  not ok 1 FIX-PASS passes # kernel WARNING: WARNING: CPU: 1 PID: 42 at arch/x86/kvm/mmu/mmu.c:1234'
t_grep "kernel lines as diagnostics" "$T_TMP/kh.out" '^  # kernel: \[  12.345679\] Call Trace:'
t_grep "old kernel lines ignored" "$T_TMP/kh.out" '^  ok 2 FIX-SKIP .*# SKIP '
t_grep "hugepage leak fails the test" "$T_TMP/kh.out" \
	'^  not ok 3 FIX-SLOWPASS .* # HugePages_Free 16 -> 14$'
t_grep "kernel lines in the log" "$DS_RESULTS/latest/001-FIX-PASS.log" '^kernel: .*WARNING: CPU: 1'

t_done
