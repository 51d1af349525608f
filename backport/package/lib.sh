# lib.sh - helpers the packaging tools (debian.sh, suse.sh) source: read a
# kernel's series from out/<kernel> and the header fields of its patches.
#
# Provides: pkg_series KERNEL (prints out/<kernel>, or exits 2 naming the
# missing or failed run and what to do); hdr PATCH FIELD (the value of the
# header block's first "FIELD: " line; the block ends at the first blank
# line); rest PATCH (the patch from that blank line on: description, "---"
# and the diff); kind PATCH (series, prerequisite or compat, from the
# Backport line); last_update (YYYY-MM-DD from SOURCE_DATE_EPOCH, else the
# commit date of this repository's HEAD: deterministic for one revision).
# Sourced after common.sh.
# shellcheck shell=sh

pkg_series() {
	_o=${ZPCI_OUT:-$ZPCI_TOP/out}/$1
	[ -f "$_o/series" ] ||
		usage_die "out/$1 has no series: run 'make KERNELS=$1' (or with KSRC= NAME=$1) first"
	for _s in export apply build; do
		[ "$(cat "$_o/status/$_s" 2>/dev/null)" = pass ] ||
			usage_die "out/$1: stage $_s did not pass ($(cat "$_o/status/$_s" 2>/dev/null || echo not run)); fix that run before exporting its series"
	done
	[ -n "$(series_entries "$_o")" ] ||
		usage_die "out/$1: the series is empty, the tree carries every commit (see out/$1/verdict.txt): nothing to export"
	printf '%s\n' "$_o"
}

hdr() { awk -v k="$2: " '/^$/ { exit } index($0, k) == 1 { print substr($0, length(k) + 1); exit }' "$1"; }

rest() { awk 'f || /^$/ { f = 1; print }' "$1"; }

kind() { hdr "$1" Backport | sed -n 's/^zpci-backport \([a-z]*\);.*/\1/p'; }

last_update() {
	if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
		date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d
	else
		git -C "$ZPCI_TOP" log -1 --format=%cd --date=format:%Y-%m-%d 2>/dev/null | grep . ||
			usage_die "no SOURCE_DATE_EPOCH and $ZPCI_TOP is not a git checkout: set SOURCE_DATE_EPOCH for the Last-Update date"
	fi
}
