#!/bin/sh
# apply-series.sh - apply a quilt series to a fresh copy of a pristine tree.
#
# Usage: apply-series.sh TREE SERIESDIR WORK [LOG]
#   TREE       pristine kernel tree (read only)
#   SERIESDIR  directory with a "series" file, its patches in "patches/"
#              or beside it (a debian/patches directory)
#   WORK       the copy to make (removed first): hard links to TREE, except
#              for the files the series changes, which are copied (all of
#              TREE is copied when it is on another filesystem or mount)
#   LOG        where quilt's output goes (default WORK.log); nothing is
#              written into SERIESDIR
# Outputs: WORK with the series pushed; LOG.
# Errors: exit 1 when a patch needs fuzz, leaves rejects or fails, or when
#   quilt says it applied but a file the series changes is unchanged.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 3 ] || [ $# -eq 4 ] || usage_die "usage: apply-series.sh TREE SERIESDIR WORK [LOG]"
tree=$(kernel_tree "$1") || exit 2
sdir=$(cd "$2" && pwd) work=$3
[ -f "$sdir/series" ] || usage_die "$sdir has no series file"

rm -rf "$work"
mkdir -p "$work"
# The contents of the physical tree, never a link to it: quilt writes
# into WORK, and the pristine tree must stay as it is. Hard links where
# the tree is on WORK's mount; a tree on another filesystem or mount (a
# read-only bind mount, another disk) cannot be linked and is copied.
if ln "$tree/Makefile" "$work/.zpci-link-test" 2> /dev/null; then
	rm -f "$work/.zpci-link-test"
	cp -al "$tree/." "$work/"
else
	log "$tree is on another filesystem or mount than $work: copying it (hard links cannot cross)"
	cp -a "$tree/." "$work/"
fi
if [ -L "$work" ] || [ "$(cd -P "$work" && pwd -P)" = "$tree" ]; then
	die "the work copy $work is the tree $tree itself; refusing to patch it"
fi
find "$work" -type d -exec chmod u+w {} +
# A tree that quilt patched itself (an EXISTING series pushed, a
# maintainer's quilt-applied KSRC) carries quilt's state: this series
# starts its own.
rm -rf "$work/.pc"
# quilt backs files up by hard link and touches the backups: give the files
# the series changes inodes of their own first, so TREE keeps even its
# timestamps.
for f in $(sh "$ZB/lib/series-files.sh" "$sdir"); do
	[ -f "$work/$f" ] || continue
	cp -p "$work/$f" "$work/$f.zpci-tmp" && mv -f "$work/$f.zpci-tmp" "$work/$f"
	chmod u+w "$work/$f"
done
log=${4:-$work.log}
mkdir -p "$(dirname "$log")"
(cd "$work" && QUILT_PATCHES=$(series_dir "$sdir") QUILT_SERIES=$sdir/series \
	QUILT_PATCH_OPTS="--read-only=ignore" quilt push -a --fuzz=0) > "$log" 2>&1 ||
	die "the series in $sdir does not apply cleanly to $tree: $(grep -E 'FAILED|fuzz|reject|does not apply' "$log" | head -n 3)"
! grep -q -E 'with fuzz|saving rejects' "$log" || die "the series in $sdir applies only with fuzz (see $log)"
# quilt's word is not taken for it: every file the series changes must now
# differ from TREE's (or exist, for a file it adds; be gone, for one it
# removes).
for f in $(sh "$ZB/lib/series-files.sh" "$sdir"); do
	if [ -f "$tree/$f" ] && [ -f "$work/$f" ]; then
		! cmp -s "$tree/$f" "$work/$f" || die "quilt reported the series in $sdir applied, but $f is as in $tree (see $log)"
	elif [ ! -f "$tree/$f" ] && [ ! -f "$work/$f" ]; then
		die "quilt reported the series in $sdir applied, but $f, which it adds, is not there (see $log)"
	fi
done
