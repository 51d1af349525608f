#!/bin/sh
# kabi-size.sh - the struct-size risk of a kABI-preserving series: where a
# tree depends on the size of struct zpci_dev, which the series grows.
#
# Usage: kabi-size.sh TREE
#   TREE  a kernel tree (read only; the patched one, so that what the
#         series adds is weighed too)
# How: semantic-patches/checks/check-zpci-dev-size.cocci, in report mode,
#   over every .c and .h file of TREE that names zpci_dev (grep -rlw):
#   each sizeof of the structure and each struct zpci_dev held by value.
#   A place is in the core when it is under arch/s390/pci/, which the
#   tree builds in (obj-$(CONFIG_PCI), a bool: never a module); any other
#   place may be in a module, or in a header a module includes, and then a
#   module's idea of the size is the old one.
# Outputs: on stdout, JSON {files: N (files scanned), places: [{file,
#   line, what}], outside_core: [the places not under arch/s390/pci/],
#   safe: (outside_core is empty and some place allocates it in the core)}.
# Errors: exit 1 when spatch fails or reports an error, or when no place
#   at all is found (the allocation in zpci_create_device() is always
#   there: finding nothing means the check did not run); 2 for bad use.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: kabi-size.sh TREE"
tree=$(kernel_tree "$1") || exit 2
check=$ZPCI_TOP/semantic-patches/checks/check-zpci-dev-size.cocci
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zpci-kabi-size.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
(cd "$tree" && grep -rlw --include='*.[ch]' zpci_dev arch drivers include 2> /dev/null | LC_ALL=C sort) > "$tmp/files" || :
[ -s "$tmp/files" ] || die "no file of $tree names zpci_dev"
# shellcheck disable=SC2046 # file names of a kernel tree have no blanks
(cd "$tree" && sh "$ZB/lib/spatch.sh" "$check" -D report $(cat "$tmp/files")) > "$tmp/out" 2> "$tmp/log" ||
	die "spatch failed on $check: $(tail -n 3 "$tmp/log")"
! grep -q -E '^(minus|plus): parse error|^Fatal error|^exception' "$tmp/log" ||
	die "spatch reported an error for $check: $(grep -m 1 -E 'error|exception' "$tmp/log")"
[ -s "$tmp/out" ] || die "$check found no place that weighs struct zpci_dev in $tree: the check did not see zpci_create_device()"
jq -R -s --argjson n "$(wc -l < "$tmp/files")" '
	split("\n") | map(select(. != "") | capture("^(?<file>[^:]+):(?<line>[0-9]+):[0-9]+: size: (?<what>.*)$")
		| .line |= tonumber) as $p |
	($p | map(select(.file | startswith("arch/s390/pci/") | not))) as $out |
	{files: $n, places: $p, outside_core: $out,
	 safe: (($out | length) == 0 and any($p[]; .what | startswith("sizeof")))}' "$tmp/out"
