#!/bin/sh
# config.sh - find the distribution's own s390x kernel configuration for a
# tree: the file config.s390x_none_s390x.xz of Debian's s390x package
# linux-config-<line>, fetched through the private apt configuration for
# s390x (apt-config.sh --arch s390x), or the maintainer's own file.
#
# Usage: config.sh NAME TREE OUT
#   NAME  a line of versions, or the label of a KSRC tree
#   TREE  the kernel tree (read only; its kernelversion gives the line of a
#         KSRC tree, whose exact Debian version is not known)
#   OUT   out/<kernel>/: distro-config.json is written there
# Environment: ZPCI_CONFIG (make CONFIG=<file>): a configuration file to use
#   instead of the package.
# Outputs: OUT/distro-config.json, {source: "file" | "package" |
#   "fallback", file, sha256, package, version, wanted, note}; the
#   package's configuration stays in $ZPCI_CACHE/configs/<pkg>_<ver>.config
#   and the .deb in $ZPCI_CACHE/debs-s390x/. When the exact version is not
#   served, the nearest served version of the same line is taken (the
#   highest below it, else the lowest above it) and the note says which.
#   A line with no linux-config package at all falls back to defconfig
#   (source "fallback", file null, the reason in note).
# Errors: exit 2 when ZPCI_CONFIG names no readable file; exit 1 when the
#   download or extraction fails.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 3 ] || usage_die "usage: config.sh NAME TREE OUT"
name=$1 tree=$2 out=$3

# json SOURCE FILE PACKAGE VERSION WANTED NOTE: write distro-config.json.
json() {
	sum=null
	[ -z "$2" ] || sum=$(sha256sum "$2" | cut -d' ' -f1)
	jq -n --arg s "$1" --arg f "$2" --arg sum "$sum" --arg p "$3" --arg v "$4" \
		--arg w "$5" --arg n "$6" \
		'{source: $s, file: (if $f == "" then null else $f end),
		  sha256: (if $sum == "null" then null else $sum end),
		  package: (if $p == "" then null else $p end),
		  version: (if $v == "" then null else $v end),
		  wanted: (if $w == "" then null else $w end), note: $n}' |
		atomic_write "$out/distro-config.json"
}

if [ -n "${ZPCI_CONFIG:-}" ]; then
	f=$(config_file "$ZPCI_CONFIG") || exit 2
	json file "$f" "" "" "" "the maintainer's own configuration (CONFIG=)"
	exit 0
fi

# The line: linux-source-<line> of the versions file, or the tree's
# major.minor for a KSRC tree.
src=$(versions_field "$name" 2 2>/dev/null || :)
if [ -n "$src" ]; then
	line=${src#linux-source-} wanted=$(versions_field "$name" 3)
else
	line=$(sh "$ZB/lib/kversion.sh" "$tree" | cut -d. -f1,2) wanted=
fi
pkg=linux-config-$line
aptc=$(sh "$ZB/provision/apt-config.sh" --update --arch s390x)
# shellcheck disable=SC2086 # $aptc is "-c FILE", two words on purpose
served=$(apt-cache $aptc madison "$pkg" 2>/dev/null | awk -F'|' '{ gsub(/ /, "", $2); print $2 }' | sort -u)
if [ -z "$served" ]; then
	json fallback "" "$pkg" "" "$wanted" "no $pkg package for s390x is served by the configured archives ($ZPCI_CACHE/apt-s390x/sources.list): defconfig and compat/probes/kconfig.fragment instead"
	exit 0
fi
# The candidates, nearest first: the exact version, the served ones below
# it from the highest down, then those above it from the lowest up (a KSRC
# tree, whose version is unknown: from the highest down). An index may list
# a version whose .deb the archive does not serve: the next one is tried.
below='' above='' exact=''
for v in $served; do
	if [ -z "$wanted" ] || dpkg --compare-versions "$v" lt "$wanted"; then below="$v $below"
	elif [ "$v" = "$wanted" ]; then exact=$v
	else above="$above $v"; fi
done
# $served is in sort -u order; put each list in version order (sort -V,
# which agrees with dpkg's order for these versions but for ~ suffixes).
vsort() { for _v in "$@"; do printf '%s\n' "$_v"; done | sort -V; }
# shellcheck disable=SC2086 # word lists
cands="$exact $(vsort $below | tac | tr '\n' ' ') $(vsort $above | tr '\n' ' ')"

cfgs=$ZPCI_CACHE/configs debs=$ZPCI_CACHE/debs-s390x
mkdir -p "$cfgs" "$debs"
ver='' tried=''
for v in $cands; do
	cfg=$cfgs/${pkg}_$v.config
	if [ -f "$cfg" ]; then ver=$v; break; fi
	deb=$debs/${pkg}_$(printf '%s' "$v" | sed 's/:/%3a/')_s390x.deb
	if [ ! -f "$deb" ]; then
		log "downloading $pkg=$v (s390x)"
		tmpd=$(mktemp -d "$debs/.dl.XXXXXX")
		# shellcheck disable=SC2086
		if ! (cd "$tmpd" && apt-get $aptc -qq download "$pkg=$v" >&2); then
			rm -rf "$tmpd"
			log "$pkg $v is listed but not served; trying the next nearest"
			tried="$tried $v"
			continue
		fi
		mv "$tmpd"/*.deb "$deb"
		rm -rf "$tmpd"
	fi
	member=./usr/src/$pkg/config.s390x_none_s390x.xz
	ctmp=$(mktemp "$cfg.tmp.XXXXXX")
	if ! { dpkg-deb --fsys-tarfile "$deb" | tar -xO "$member" | xz -dc; } > "$ctmp" || [ ! -s "$ctmp" ]; then
		rm -f "$ctmp"
		die "$deb holds no s390x configuration ($member); delete it to fetch it again"
	fi
	chmod 0644 "$ctmp"
	mv "$ctmp" "$cfg"
	ver=$v
	break
done
if [ -z "$ver" ]; then
	json fallback "" "$pkg" "" "$wanted" "no version of $pkg for s390x could be fetched (listed but not served:${tried:- none}): defconfig and compat/probes/kconfig.fragment instead"
	exit 0
fi
if [ "$ver" = "$wanted" ]; then
	note="the distribution's configuration, $pkg $ver"
elif [ -n "$wanted" ]; then
	note="$pkg $wanted is not served; the nearest served version of the line, $ver, instead${tried:+ (listed but not served:$tried)}"
else
	note="a KSRC tree of line $line: the newest served $pkg, $ver${tried:+ (listed but not served:$tried)}"
fi
json package "$cfg" "$pkg" "$ver" "$wanted" "$note"
