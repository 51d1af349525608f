#!/bin/sh
# kversion.sh - print the version of a kernel tree, read from its Makefile.
#
# Usage: kversion.sh TREE
# Outputs: e.g. "7.2.13" on stdout. It is only shown in reports: nothing
#   decides by it.
# Errors: exit 2 when TREE is no kernel tree (common.sh kernel_tree).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: kversion.sh TREE"
kernel_tree "$1" > /dev/null || exit 2
awk -F' = ' '/^VERSION = /{v=$2} /^PATCHLEVEL = /{p=$2} /^SUBLEVEL = /{s=$2}
	END { if (v == "") exit 1; printf "%s.%s.%s\n", v, p, s }' "$1/Makefile" ||
	usage_die "$1/Makefile has no VERSION line: not a kernel tree"
