#!/bin/sh
# debian.sh - drop a kernel's series into an unpacked Debian linux source
# package, with DEP-3 headers.
#
# Usage: debian.sh [--check] KERNEL DEST [SUBDIR]
#   --check only check the arguments (what make's argument check runs, so
#           that a usage error is one line)
#   KERNEL  a name whose series out/KERNEL holds (a versions line or NAME)
#   DEST    the unpacked source package (dpkg-source -x): debian/changelog
#           of Source linux, debian/patches/series
#   SUBDIR  the directory under debian/patches/ for our patches (default
#           features/s390x/zpci-error-recovery)
# Inputs: out/KERNEL/{series,patches/,kernelversion}; versions (the exact
#   package version a versions line names); SOURCE_DATE_EPOCH, optional
#   (Last-Update; else the date of this repository's HEAD commit).
# Outputs: DEST/debian/patches/SUBDIR/<patch>, one per series entry, with
#   From, Date, Subject, Origin (upstream, the commit's URL with the full
#   id), Applied-Upstream (tag, commit:<full id>), Forwarded: not-needed,
#   Last-Update and the Backport line; our compat patch has Origin: vendor
#   and says why it is not upstream. debian/patches/series gets the lines
#   SUBDIR/<patch> in series order, in place of the lines of an earlier
#   export, else appended. A rerun changes no byte. Each file is written
#   atomically.
# Errors: exit 2 when DEST is not a Debian linux source package, or one of
#   another version than the tree the series was made for (both named), or
#   out/KERNEL has no passing series.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$ZB/package/lib.sh"
check=
[ "${1:-}" != --check ] || { check=1; shift; }
{ [ $# -ge 2 ] && [ $# -le 3 ]; } || usage_die "usage: debian.sh [--check] KERNEL DEST [SUBDIR]"
kernel=$1 dest=$2 sub=${3:-features/s390x/zpci-error-recovery}
case $sub in /* | *..* | '') usage_die "SUBDIR=$sub: give a relative directory under debian/patches/" ;; esac
out=$(pkg_series "$kernel")
ch=$dest/debian/changelog
{ [ -f "$ch" ] && [ -f "$dest/debian/patches/series" ]; } ||
	usage_die "DEST=$dest is not an unpacked Debian source package with debian/changelog and debian/patches/series; unpack one with dpkg-source -x"
src=$(dpkg-parsechangelog -l "$ch" -S Source)
dver=$(dpkg-parsechangelog -l "$ch" -S Version)
case $src in linux | linux-*) ;; *) usage_die "DEST=$dest is the source package '$src', not linux" ;; esac
# The version the series was made for: the versions line's exact package
# version, else (a KSRC tree) the kernel's own version against the
# upstream part of DEST's.
if want=$(versions_field "$kernel" 3 2> /dev/null); then
	[ "$dver" = "$want" ] ||
		usage_die "DEST=$dest is linux $dver, but the $kernel series was made for $want: unpack linux $want, or make the series for $dver"
else
	want=$(cat "$out/kernelversion")
	[ "${dver%-*}" = "$want" ] ||
		usage_die "DEST=$dest is linux $dver, but the $kernel series was made for a $want tree: use a package of $want"
fi

lu=$(last_update)
[ -z "$check" ] || exit 0
url='https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/commit/?id='
pd=$dest/debian/patches
mkdir -p "$pd/$sub"
for p in $(series_entries "$out"); do
	f=$out/patches/$p
	{
		printf 'From: %s\n' "$(hdr "$f" From)"
		[ -z "$(hdr "$f" Date)" ] || printf 'Date: %s\n' "$(hdr "$f" Date)"
		printf 'Subject: %s\n' "$(hdr "$f" Subject)"
		if [ "$(kind "$f")" = compat ]; then
			printf 'Origin: vendor, zpci-backport: %s\n' "$(hdr "$f" Patch-mainline | sed 's/^Never, //')"
		else
			id=$(hdr "$f" Git-commit)
			printf 'Origin: upstream, %s%s\n' "$url" "$id"
			printf 'Applied-Upstream: %s, commit:%s\n' "$(hdr "$f" Patch-mainline)" "$id"
		fi
		printf 'Forwarded: not-needed\n'
		printf 'Last-Update: %s\n' "$lu"
		printf 'Backport: %s\n' "$(hdr "$f" Backport)"
		rest "$f"
	} | atomic_write "$pd/$sub/$p"
done
# Our lines replace those of an earlier export where they stood.
# (the list in a temporary file of our own, never in the package)
ours=$(mktemp)
trap 'rm -f "$ours"' EXIT
series_entries "$out" | sed "s|^|$sub/|" > "$ours"
awk -v sub_="$sub/" -v ours="$ours" '
	index($1, sub_) == 1 { if (!done) { while ((getline l < ours) > 0) print l; done = 1 } next }
	{ print }
	END { if (!done) while ((getline l < ours) > 0) print l }' "$pd/series" | atomic_write "$pd/series"
# Patches of an earlier export the series no longer lists.
for f in "$pd/$sub"/*.patch; do
	[ -f "$f" ] || continue
	grep -qxF "$sub/$(basename "$f")" "$pd/series" || rm -f "$f"
done
log "$kernel: $(wc -l < "$ours") patch(es) in $pd/$sub, listed in debian/patches/series"
