#!/bin/sh
# series-files.sh - list the files a quilt series changes.
#
# Usage: series-files.sh SERIESDIR
#   SERIESDIR  directory with patches/*.patch
# Outputs: the tree-relative paths, sorted, one per line (lsdiff).
# Errors: exit 2 when SERIESDIR holds no patch.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 1 ] || usage_die "usage: series-files.sh SERIESDIR"
ls "$1"/patches/*.patch >/dev/null 2>&1 || usage_die "$1 holds no patches/*.patch"
lsdiff --strip=1 -h "$1"/patches/*.patch | sed 's/^.*://' | sort -u
