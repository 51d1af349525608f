#!/bin/sh
# build-objects.sh - cross-build for s390x every object the series touches.
#
# Usage: build-objects.sh WORK BUILD SERIESDIR [LOG]
#   WORK       a tree with the series applied (apply-series.sh)
#   BUILD      its Kbuild output directory (made by prepare.sh)
#   SERIESDIR  directory with patches/, to list the touched .c files
#   LOG        the make output (default BUILD.log)
# Outputs: LOG; the objects in BUILD.
# Errors: exit 1 when an object does not build.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 3 ] || [ $# -eq 4 ] || usage_die "usage: build-objects.sh WORK BUILD SERIESDIR [LOG]"
work=$1 build=$2 sdir=$3
sh "$ZB/probe/prepare.sh" "$work" "$build" >/dev/null
objs=$(sh "$ZB/lib/series-files.sh" "$sdir" | sed -n 's/\.c$/.o/p')
[ -n "$objs" ] || die "the series in $sdir touches no .c file"
log=${4:-$build.log}
mkdir -p "$(dirname "$log")"
progress_note "building the $(echo "$objs" | wc -w) touched objects" "$log" "$(echo "$objs" | wc -w)"
# shellcheck disable=SC2086 # $objs is a list of object paths
sh "$ZB/lib/kbuild.sh" "$work" "$build" -j"${ZPCI_JOBS:-$(nproc)}" $objs > "$log" 2>&1 ||
	die_log "the s390x build of the touched objects" "$log"
