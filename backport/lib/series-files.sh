#!/bin/sh
# series-files.sh - list the files a quilt series changes.
#
# Usage: series-files.sh SERIESDIR
#   SERIESDIR  directory with a quilt series file, its patches in
#              SERIESDIR/patches or beside it (common.sh series_dir)
# Outputs: the tree-relative paths, sorted, one per line (lsdiff).
# Errors: exit 2 when the series lists no patch, or one that is missing.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: series-files.sh SERIESDIR"
[ -f "$1/series" ] || usage_die "$1 has no series file"
sd=$1
pd=$(series_dir "$sd")
set --
for p in $(series_entries "$sd"); do
	[ -f "$pd/$p" ] || usage_die "$sd/series lists $p, which is not in $pd"
	set -- "$@" "$pd/$p"
done
[ $# -gt 0 ] || usage_die "$sd/series lists no patch"
lsdiff --strip=1 -h "$@" | sed 's/^.*://' | sort -u
