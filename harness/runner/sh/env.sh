# SPDX-License-Identifier: GPL-2.0
#
# env.txt: what a reader needs to tell two runs' machines apart.  Dirty
# logging behaves differently with the TDP MMU or the shadow MMU, with
# eager page splitting, with THP, so all of those go in.

# env_text ARGS...: print the description; ARGS are the runner's own.
env_text()
{
	echo "# dirtysuite-env v1"
	echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "args: $*"
	echo "uname: $(uname -a)"
	echo "commit: $(git -C "$DS_ROOT" describe --always --dirty 2>/dev/null || echo unknown)"
	echo "cpu: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | sort | uniq -c | sed 's/^ *//')"
	echo "nproc: $(getconf _NPROCESSORS_ONLN 2>/dev/null)"
	for ev_f in /sys/module/kvm*/parameters/*; do
		[ -r "$ev_f" ] || continue
		ev_m=${ev_f#/sys/module/}
		echo "${ev_m%%/*}.${ev_f##*/}: $(cat "$ev_f" 2>/dev/null)"
	done
	for ev_f in /sys/kernel/mm/transparent_hugepage/enabled \
		    /sys/kernel/mm/transparent_hugepage/defrag; do
		[ -r "$ev_f" ] && echo "thp.${ev_f##*/}: $(cat "$ev_f")"
	done
	grep -E '^(MemTotal|HugePages_Total|HugePages_Free|Hugepagesize):' \
		"$DS_MEMINFO" 2>/dev/null
	return 0
}
