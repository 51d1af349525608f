#!/bin/sh
# inputs-key.sh - print one sha256 that names a stage's inputs, so a rerun
# with nothing changed can skip the stage (see stage.sh --key).
#
# Usage: inputs-key.sh INPUT...
#   INPUT  a file (name and content count), a directory (every file under
#          it, sorted by name), "tree:PATH" (a kernel tree: the sha256 of
#          its fetch manifest when the tree came from fetch.sh, otherwise
#          its path and the newest modification time of any file in it,
#          so edits to a user's KSRC tree are seen) or "=TEXT" (a literal,
#          e.g. a tool version). A missing file counts as "missing".
# Outputs: a 64-digit hex key on stdout.
# Errors: exit 2 without INPUT.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -ge 1 ] || usage_die "usage: inputs-key.sh INPUT..."
for i in "$@"; do
	case $i in
	=*) printf 'text %s\n' "${i#=}" ;;
	tree:*)
		t=${i#tree:}
		if [ -f "$t.done" ] && [ -f "$t.sha256" ]; then
			printf 'tree %s %s\n' "$t" "$(sha256sum < "$t.sha256")"
		else
			printf 'tree %s %s\n' "$t" \
				"$(find "$t" -type f -printf '%T@\n' | sort -n | tail -n 1)"
		fi ;;
	*)
		if [ -d "$i" ]; then
			find "$i" -type f | LC_ALL=C sort | while read -r f; do
				printf 'file %s %s\n' "${f#"$ZPCI_TOP"/}" "$(sha256sum < "$f")"
			done
		elif [ -f "$i" ]; then
			printf 'file %s %s\n' "${i#"$ZPCI_TOP"/}" "$(sha256sum < "$i")"
		else
			printf 'missing %s\n' "$i"
		fi ;;
	esac
done | sha256sum | cut -d' ' -f1
