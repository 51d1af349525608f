#!/bin/sh
# build-objects.sh - cross-build for s390x every object the series touches.
#
# Usage: build-objects.sh WORK BUILD SERIESDIR
#   WORK       a tree with the series applied (apply-series.sh)
#   BUILD      its Kbuild output directory (made by prepare.sh)
#   SERIESDIR  directory with patches/, to list the touched .c files
# Outputs: SERIESDIR/build.log; the objects in BUILD.
# Errors: exit 1 when an object does not build.
set -eu
. "$(dirname "$0")/common.sh"
[ $# -eq 3 ] || usage_die "usage: build-objects.sh WORK BUILD SERIESDIR"
work=$1 build=$2 sdir=$3
here=$(cd "$(dirname "$0")" && pwd)
sh "$here/prepare.sh" "$work" "$build" >/dev/null
objs=$(sh "$here/series-files.sh" "$sdir" | sed -n 's/\.c$/.o/p')
[ -n "$objs" ] || die "the series in $sdir touches no .c file"
log=$sdir/build.log
progress_note "building the $(printf '%s\n' $objs | wc -l) touched objects" "$log" "$(printf '%s\n' $objs | wc -l)"
# shellcheck disable=SC2086 # $objs is a list of object paths
sh "$here/kbuild.sh" "$work" "$build" -j"${ZPCI_JOBS:-$(nproc)}" $objs > "$log" 2>&1 ||
	die_log "the s390x build of the touched objects" "$log"
