# SPDX-License-Identifier: GPL-2.0
#
# Checks made around every test, beyond its exit status:
#
#  - the kernel log: a WARN or BUG in KVM while a test ran fails that test
#    even if its own checks passed, since a dirty-logging bug often shows
#    up there first;
#  - leftover processes: a test that leaves a child behind would disturb
#    (and be blamed on) the next test;
#  - hugetlb pages: HugePages_Free must come back to what it was.
#
# DS_DMESG and DS_MEMINFO exist so that the runner's own tests can feed
# in a kernel log and a meminfo of their choosing.

HL_KERNEL_RE='WARNING:|BUG:|Oops|general protection|Call Trace'
HL_DMESG_OK=0

health_init()
{
	if $DS_DMESG >/dev/null 2>&1; then
		HL_DMESG_OK=1
	else
		HL_DMESG_OK=0
	fi
}

hl_dmesg_last()
{
	$DS_DMESG 2>/dev/null | tail -n 1
}

hl_huge_free()
{
	awk '/^HugePages_Free:/ { print $2; exit }' "$DS_MEMINFO" 2>/dev/null
}

health_before()
{
	[ $HL_DMESG_OK = 1 ] && HL_DMESG_MARK=$(hl_dmesg_last)
	HL_HUGE=$(hl_huge_free)
}

# hl_dmesg_new: kernel lines logged after the mark.  The mark is the last
# line seen before the test, not a line count, because the ring buffer
# wraps; if the mark has scrolled out, every line is new.  ENVIRON rather
# than awk -v, which would mangle backslashes in the kernel's text.
hl_dmesg_new()
{
	$DS_DMESG 2>/dev/null | HL_MARK=$HL_DMESG_MARK awk '
		{ line[NR] = $0 }
		$0 == ENVIRON["HL_MARK"] { from = NR }
		END {
			s = (ENVIRON["HL_MARK"] == "" || !from) ? 1 : from + 1
			for (i = s; i <= NR; i++)
				print line[i]
		}'
}

# hl_find_leftovers TOKEN PGID: pids still alive of the test's process
# group or carrying its token in their environment (which also finds a
# child that moved to a session of its own).
hl_find_leftovers()
{
	{
		grep -l -a -F "DS_RUN_TOKEN=$1" /proc/[0-9]*/environ 2>/dev/null |
			sed -n 's,^/proc/\([0-9]*\)/environ$,\1,p'
		for hf_d in /proc/[0-9]*; do
			{ read -r hf_stat < "$hf_d/stat"; } 2>/dev/null || continue
			# Field 5 is the process group; comm may hold spaces, so
			# cut after its closing parenthesis.
			set -- ${hf_stat##*) }
			[ "$1" != Z ] && [ "$3" = "$HF_PGID" ] && echo "${hf_d#/proc/}"
		done
	} | sort -u | grep -v -x -e "$$" -e '' || true
}

# hl_reports: the kernel reports among LINES (stdin), one a line: the
# report's first line.  A report starts at a line matching HL_KERNEL_RE
# and runs to its "---[ end trace" line; the "Call Trace:" and stack lines
# inside it belong to it and start nothing, while a Call Trace outside any
# report (a hung-task or lockup dump) is a report of its own.
hl_reports()
{
	HL_RE=$HL_KERNEL_RE awk '
		/---\[ end trace/ { inrep = 0; next }
		$0 ~ ENVIRON["HL_RE"] {
			if (inrep && $0 ~ /Call Trace/)
				next
			inrep = 1
			sub(/^\[[ 0-9.]*\] */, "")
			print
		}'
}

# health_after TOKEN PGID LOGFILE: sets HL_FAIL (reason, empty if healthy)
# and HL_KNOWN (the known-issues reason for kernel reports that a listed
# bug explains, with the first such report), and appends what was found
# to LOGFILE and as KTAP diagnostics.  A report known-issues explains does
# not fail the test; any other report does (known.sh, kernel-log lines).
health_after()
{
	HL_FAIL=
	HL_KNOWN=
	if [ $HL_DMESG_OK = 1 ]; then
		# What a postmortem asked for (sysrq w and t, between its
		# markers) is no kernel failure: the test's log has the reason.
		ha_new=$(hl_dmesg_new | sed '/dirtysuite: postmortem sysrq begins/,/dirtysuite: postmortem sysrq ends/d')
		ha_bad=$(printf '%s\n' "$ha_new" | grep -E "$HL_KERNEL_RE")
		if [ -n "$ha_bad" ]; then
			printf '%s\n' "$ha_bad" | sed "s/^/kernel: /" >> "$3" 2>/dev/null
			ktap_raw "$(printf '%s\n' "$ha_bad" | sed "s/^/$KTAP_INDENT# kernel: /")"
			ha_reps=$(printf '%s\n' "$ha_new" | hl_reports)
			# One report a line; no globbing of "[kvm]" and the like.
			ha_ifs=$IFS
			IFS='
'
			set -f
			for ha_rep in $ha_reps; do
				IFS=$ha_ifs
				if known_kernel "$ha_rep"; then
					[ -n "$HL_KNOWN" ] ||
						HL_KNOWN="$KN_REASON (kernel: $ha_rep)"
					ktap_diag "known kernel bug: $KN_REASON"
					echo "known kernel bug: $KN_REASON" >> "$3" 2>/dev/null
				else
					[ -n "$HL_FAIL" ] ||
						HL_FAIL="kernel WARNING: $ha_rep"
				fi
			done
			set +f
			IFS=$ha_ifs
		fi
	fi

	HF_PGID=$2
	ha_left=$(hl_find_leftovers "$1")
	if [ -n "$ha_left" ]; then
		ha_desc=
		for ha_p in $ha_left; do
			ha_comm=$(cat "/proc/$ha_p/comm" 2>/dev/null) || continue
			ha_desc="$ha_desc $ha_p($ha_comm)"
		done
		kill -KILL $ha_left 2>/dev/null
		kill -KILL -- "-$2" 2>/dev/null
		hl_wait_gone $ha_left
		if [ -n "$ha_desc" ]; then
			ktap_diag "leftover processes killed:$ha_desc"
			echo "leftover processes killed:$ha_desc" >> "$3" 2>/dev/null
			HL_FAIL="${HL_FAIL:+$HL_FAIL; }leftover processes:$ha_desc"
		fi
	fi

	[ -n "$HL_HUGE" ] || return 0
	# Pages of a process just killed are freed as it exits; give the
	# kernel a moment before calling it a leak.
	ha_i=0
	while ha_now=$(hl_huge_free) && [ "${ha_now:-0}" -lt "$HL_HUGE" ] &&
	      [ $ha_i -lt 10 ]; do
		sleep 0.1 2>/dev/null || sleep 1
		ha_i=$((ha_i + 1))
	done
	if [ "${ha_now:-0}" -lt "$HL_HUGE" ]; then
		ktap_diag "hugetlb pages leaked: HugePages_Free $HL_HUGE -> $ha_now"
		echo "hugetlb pages leaked: HugePages_Free $HL_HUGE -> $ha_now" >> "$3" 2>/dev/null
		HL_FAIL="${HL_FAIL:+$HL_FAIL; }HugePages_Free $HL_HUGE -> $ha_now"
	fi
}

# hl_wait_gone PID...: up to 5 s for killed processes to disappear.
hl_wait_gone()
{
	hw_i=0
	while [ $hw_i -lt 50 ]; do
		hw_alive=
		for hw_p in "$@"; do
			[ -d "/proc/$hw_p" ] && ! grep -q '^State:.*Z' \
				"/proc/$hw_p/status" 2>/dev/null && hw_alive=1
		done
		[ -z "$hw_alive" ] && return 0
		sleep 0.1 2>/dev/null || sleep 1
		hw_i=$((hw_i + 1))
	done
}
