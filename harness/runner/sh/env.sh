# SPDX-License-Identifier: GPL-2.0
#
# env.txt: what a reader needs to tell two runs' machines apart.  Dirty
# logging behaves differently with the TDP MMU or the shadow MMU, with
# eager page splitting, with THP, so all of those go in.  One writer for
# `dirtysuite check` and `dirtysuite bench`: a benchmark's numbers also
# depend on the load and the topology, and a failed check on the KVM
# capabilities, so each run's env.txt has all of it.

# env_text ARGS...: print the description; ARGS are the command's own.
env_text()
{
	echo "# dirtysuite-env v1"
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "args: $*"
	echo "kernel: $(uname -r)"
	echo "uname: $(uname -a)"
	echo "commit: $(git -C "$DS_ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | sort | uniq -c | sed 's/^ *//')"
	echo "nproc: $(getconf _NPROCESSORS_ONLN 2>/dev/null)"
	echo "loadavg: $(cat /proc/loadavg 2>/dev/null)"
	for ev_f in /sys/module/kvm*/parameters/*; do
		[ -r "$ev_f" ] || continue
		ev_m=${ev_f#/sys/module/}
		echo "${ev_m%%/*}.${ev_f##*/}: $(cat "$ev_f" 2>/dev/null)"
	done
	for ev_f in /sys/kernel/mm/transparent_hugepage/enabled \
		    /sys/kernel/mm/transparent_hugepage/defrag; do
		[ -r "$ev_f" ] && echo "thp.${ev_f##*/}: $(cat "$ev_f")"
	done
	# DS_MEMINFO: the runner's tests give it a fake one.
	grep -E '^(MemTotal|HugePages_Total|HugePages_Free|Hugepagesize):' \
		"${DS_MEMINFO:-/proc/meminfo}" 2>/dev/null
	"${DS_BENCH:-$DS_BIN/ds-bench}" -C 2>/dev/null | sed 's/^/kvm_cap./'
	echo "topology:"
	if command -v lstopo-no-graphics >/dev/null; then
		lstopo-no-graphics --of console 2>&1 | sed 's/^/  /'
	elif command -v hwloc-ls >/dev/null; then
		hwloc-ls 2>&1 | sed 's/^/  /'
	else
		echo "  (hwloc not installed)"
	fi
	return 0
}
