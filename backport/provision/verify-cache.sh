#!/bin/sh
# verify-cache.sh - the full check of the cache's pristine trees (make
# verify-cache): every file of every extracted tree against the sha256
# manifest written when it was extracted. Every run of the pipeline checks
# sizes and mtimes only (fetch.sh); a change that keeps both is found here.
#
# Usage: verify-cache.sh
# Inputs: $ZPCI_CACHE/trees/<package>_<version> with .done and .sha256.
# Outputs: one line per tree on stdout, "ok TREE (N files)" or "DAMAGED
#   TREE: FILE ..." (the first files that differ, are missing or were
#   added); read only: a damaged tree is left for the next fetch, which the
#   line says how to force.
# Errors: exit 1 when a tree is damaged or has no manifest, 0 otherwise
#   (also when the cache holds no tree).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 0 ] || usage_die "usage: verify-cache.sh"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zpci-verify-cache.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
rc=0
for done in "$ZPCI_CACHE"/trees/*.done; do
	[ -f "$done" ] || continue
	tree=${done%.done}
	if [ ! -f "$tree.sha256" ]; then
		echo "DAMAGED $tree: no manifest $tree.sha256"
		rc=1
		continue
	fi
	bad=$(cd "$tree" && sha256sum --quiet -c "$tree.sha256" 2>&1 | sed -n 's/: FAILED.*//p' | head -n 3 | tr '\n' ' ')
	# the manifest's names (after the sum and its two separators)
	sed 's/^[0-9a-f]* [ *]//' "$tree.sha256" | LC_ALL=C sort > "$tmp/names"
	extra=$(cd "$tree" && find . -type f | LC_ALL=C sort | comm -13 "$tmp/names" - | head -n 3 | tr '\n' ' ')
	if [ -n "$bad$extra" ]; then
		echo "DAMAGED $tree: ${bad}${extra:+added: $extra}(rm $done to extract it again)"
		rc=1
	else
		echo "ok $tree ($(wc -l < "$tree.sha256") files)"
	fi
done
exit "$rc"
