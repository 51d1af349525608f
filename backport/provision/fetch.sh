#!/bin/sh
# fetch.sh - fetch one Debian linux-source package by name and exact version
# and extract its kernel tree, once, into the cache as a read-only tree.
#
# Usage: fetch.sh NAME        (NAME: a line of the versions file, e.g. 7.2)
# Inputs: versions (package and exact version); the private apt
#   configuration from apt-config.sh.
# Outputs: prints the tree's path, $ZPCI_CACHE/trees/<package>_<version>;
#   the .deb stays in $ZPCI_CACHE/debs/; <tree>.sha256 lists the sums of
#   its files, <tree>.stat their sizes and mtimes. A finished extraction
#   is marked by <tree>.done and not redone while every file's size and
#   mtime still match <tree>.stat (checked on every call, in well under a
#   second); a tree that changed is extracted again, and says which file
#   changed. An interrupted extraction leaves only a *.tmp.* directory
#   that the next run removes.
# Errors: exit 2 for an unknown NAME or a version no configured archive
#   has; exit 1 when the download or extraction fails.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

[ $# -eq 1 ] || usage_die "usage: fetch.sh NAME"
name=$1
pkg=$(versions_field "$name" 2) ||
	usage_die "unknown kernel '$name': it is not a line of $ZPCI_VERSIONS; use one of: $(versions_names | tr '\n' ' ')"
ver=$(versions_field "$name" 3)

trees=$ZPCI_CACHE/trees
tree=$trees/${pkg}_$ver
# sums FILE: a sha256 manifest of the tree, to prove later runs left it as
# it was (tests/e2e.sh checks it).
sums() { (cd "$tree" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | atomic_write "$1"; }
# stats: every file's size, mtime and name, sorted: what every run
# compares (cheaply: no file is read) with <tree>.stat, written at
# extraction; make verify-cache compares the sums.
stats() { (cd "$tree" && find . -type f -printf '%s %T@ %p\n' | LC_ALL=C sort -k3); }
if [ -f "$tree.done" ] && [ -d "$tree" ]; then
	[ -f "$tree.sha256" ] || sums "$tree.sha256"
	[ -f "$tree.stat" ] || stats | atomic_write "$tree.stat"
	if stats | cmp -s - "$tree.stat"; then
		printf '%s\n' "$tree"
		exit 0
	fi
	bad=$(stats | diff "$tree.stat" - | sed -n 's/^[<>] [^ ]* [^ ]* \.\///p' | head -n 1)
	log "the cached tree $tree changed after its extraction ($bad differs in size or mtime); extracting it again"
	rm -f "$tree.done"
fi

debs=$ZPCI_CACHE/debs
mkdir -p "$debs" "$trees"
# apt-get writes <pkg>_<ver with : escaped>_all.deb into the current dir.
deb=$(find "$debs" -maxdepth 1 -name "${pkg}_$(printf '%s' "$ver" | sed 's/:/%3a/')_*.deb" | head -n 1)
if [ -z "$deb" ]; then
	aptc=$(sh "$ZB/provision/apt-config.sh" --update)
	# apt-cache show pkg=version exits 0 for a version that does not exist:
	# madison's list is what the archives have.
	# shellcheck disable=SC2086 # $aptc is "-c FILE", two words on purpose
	apt-cache $aptc madison "$pkg" 2>/dev/null |
		awk -F'|' -v v="$ver" '{ gsub(/ /, "", $2) } $2 == v { found = 1 } END { exit !found }' ||
		usage_die "$pkg version $ver is in no configured archive ($ZPCI_CACHE/apt/sources.list); fix the version in $ZPCI_VERSIONS (apt-cache madison $pkg lists what exists) or add its suite to ZPCI_SUITES"
	log "downloading $pkg=$ver"
	# shellcheck disable=SC2086
	(cd "$debs" && apt-get $aptc -qq download "$pkg=$ver" >&2) ||
		die "apt-get download $pkg=$ver failed"
	deb=$(find "$debs" -maxdepth 1 -name "${pkg}_*.deb" -newer "$ZPCI_CACHE/apt/apt.conf" | head -n 1)
	[ -n "$deb" ] || deb=$(find "$debs" -maxdepth 1 -name "${pkg}_*.deb" | head -n 1)
fi

log "extracting $(basename "$deb")"
rm -rf "$tree" "$tree".tmp.*
tmp=$(mktemp -d "$tree.tmp.XXXXXX") || die "cannot make a directory beside $tree (see the line above)"
# tar's and dpkg-deb's messages go to a file off the cache's filesystem,
# which may be the full one
errf=$(mktemp "${TMPDIR:-/tmp}/zpci-fetch.XXXXXX")
trap 'rm -rf "$tmp" "$errf" "$errf.list"' EXIT
trap 'exit 1' HUP INT TERM
# A .deb that dpkg-deb cannot read to its end (a truncated download) is
# removed, so that the next run downloads it again.
{ dpkg-deb --fsys-tarfile "$deb" 2> "$errf" || echo "dpkg-deb --fsys-tarfile failed" >> "$errf"; } |
	tar -t 2>> "$errf" > "$errf.list" || echo "tar -t failed" >> "$errf"
if [ -s "$errf" ]; then
	cause=$(head -n 1 "$errf")
	rm -f "$deb" "$errf.list"
	die "$deb is damaged ($cause); removed it: the next run downloads it again"
fi
tarball=$(grep -E '^\./usr/src/linux-source-.*\.tar\.xz$' "$errf.list" | head -n 1)
rm -f "$errf.list"
[ -n "$tarball" ] || die "$deb holds no usr/src/linux-source-*.tar.xz"
dpkg-deb --fsys-tarfile "$deb" | tar -xO "$tarball" | xz -dc -T0 |
	tar -x -C "$tmp" --strip-components=1 --no-same-owner 2> "$errf" || {
	cause=$(grep -m 1 -i -E 'no space|read-only|error' "$errf" || head -n 1 "$errf")
	die "extracting $deb into $trees failed: ${cause:-see the messages above}"
}
kernel_tree "$tmp" "the tree extracted from $deb" > /dev/null || die "$deb did not give a kernel tree"
chmod -R a-w "$tmp"
mv "$tmp" "$tree"
rm -f "$errf"
trap - EXIT
sums "$tree.sha256"
stats | atomic_write "$tree.stat"
printf '%s %s\n' "$pkg" "$ver" > "$tree.done"
printf '%s\n' "$tree"
