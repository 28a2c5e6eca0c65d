#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
#
# kernel/mutants/landed.awk: a mutant whose context also matches a twin
# function is refused where patch would put it into the twin (as
# 03-getlog-slot-limit went into kvm_get_dirty_log() on 6.12.118), and
# passes where it lands in the function its @@ line names.

. "$(dirname "$0")/lib/t.sh"
t_setup

LANDED=$T_ROOT/kernel/mutants/landed.awk
tree=$T_TMP/tree
mkdir -p "$tree/virt" || exit 1
# Two functions with the same check; the nearer one is the wrong one.
cat > "$tree/virt/x.c" <<'C'
int get_log(int id)
{
	if (id >= LIMIT)
		return -EINVAL;

	return 0;
}

static int get_log_protect(int id)
{
	if (id >= LIMIT)
		return -EINVAL;

	return 1;
}
C
# Written when get_log_protect's check was at line 3: patch finds the
# same three lines of context in get_log first.
cat > "$T_TMP/twin.patch" <<'P'
--- a/virt/x.c
+++ b/virt/x.c
@@ -2,4 +2,4 @@ static int get_log_protect(int id)
 {
-	if (id >= LIMIT)
+	if (id > LIMIT)
 		return -EINVAL;
 
P
# The same mutant with context only get_log_protect has.
cat > "$T_TMP/unique.patch" <<'P'
--- a/virt/x.c
+++ b/virt/x.c
@@ -11,5 +11,5 @@ static int get_log_protect(int id)
 {
-	if (id >= LIMIT)
+	if (id > LIMIT)
 		return -EINVAL;
 
 	return 1;
P

# landed_rc PATCH: landed.awk's verdict on PATCH in the tree, as run does
landed_rc()
{
	( cd "$tree" && patch -p1 -N --dry-run --verbose -i "$1" ) |
		awk -v tree="$tree" -f "$LANDED" "$1" - > "$T_TMP/landed.out" 2>&1
}

landed_rc "$T_TMP/twin.patch"
t_expect "a hunk that lands in the twin is refused" "$?" 1
t_grep "it names where it would go" "$T_TMP/landed.out" \
	"^hunk 1 of virt/x.c goes to line 2, inside 'int get_log\(int id\)', not 'static int get_log_protect\(int id\)'$"
landed_rc "$T_TMP/unique.patch"
t_expect "a hunk in its own function passes" "$?" 0

t_done
