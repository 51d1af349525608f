#!/bin/sh
# pick-files.sh - resolve a "// Files:" list against one tree.
#
# Usage: ... | pick-files.sh DIR
# Inputs: on stdin, blank-separated entries, each a path relative to DIR or
#   alternatives "a|b|..." (the same code in another file of an older
#   layout, e.g. drivers/vfio/pci/vfio_pci_core.c|drivers/vfio/pci/vfio_pci.c).
# Outputs: one path per entry on stdout, the first alternative DIR has.
# Errors: exit 1 naming the entry when DIR has none of its alternatives.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: pick-files.sh DIR"
# shellcheck disable=SC2013 # the entries are words (paths)
for entry in $(cat); do
	found=
	for f in $(printf '%s\n' "$entry" | tr '|' ' '); do
		[ -f "$1/$f" ] && { found=$f; break; }
	done
	[ -n "$found" ] || die "$1 has none of $entry"
	printf '%s\n' "$found"
done
