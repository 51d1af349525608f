#!/bin/sh
# build-sparse.sh - build sparse (the kernel's C=1 checker) from Debian's
# source package, once, into the cache, and check that a Linux 7.x kernel
# accepts it.
#
# Usage: build-sparse.sh
# Inputs (environment):
#   ZPCI_SPARSE_VERSION  exact Debian version of the source package `sparse`
#     (default 0.6.5~rc1-2, from sid); fetched with the private apt
#     configuration of apt-config.sh (apt-get source --download-only).
#   ZPCI_CHECKER_VALID   a kernel's scripts/checker-valid.sh to verify the
#     build with (default: the one of the first fetched 7.x tree of the
#     versions file; if none is fetched, fetch.sh fetches the first 7.x).
# Outputs: on stdout the absolute path of the binary,
#   $ZPCI_CACHE/tools/sparse-<version>/bin/sparse, <version> being the Debian
#   version verbatim except that an epoch's ':' becomes '_'. The source
#   package stays in $ZPCI_CACHE/src/sparse_<version>/, the last build's make
#   output in $ZPCI_CACHE/tools/sparse-<version>.log. An existing binary is
#   printed and nothing else is done; a new one is built and verified in a
#   temporary directory and renamed into place, so the path above never names
#   a partial or unverified binary. Logs go to stderr.
# Errors: exit 2 for a malformed version or one that no configured archive
#   has (or no 7.x kernel to verify with); exit 1 when the download,
#   unpacking or build fails, or when the kernel's checker-valid.sh rejects
#   the binary.
# Cost: 10-20 s (download, unpacking and a parallel build of the
#   `sparse` target only: no LLVM, GTK, libxml2 or SQLite programs).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

[ $# -eq 0 ] || usage_die "usage: build-sparse.sh (takes no arguments; set ZPCI_SPARSE_VERSION)"
ver=${ZPCI_SPARSE_VERSION:-0.6.5~rc1-2}
case $ver in
'' | *[!A-Za-z0-9.+~:-]* | [!0-9]*)
	usage_die "ZPCI_SPARSE_VERSION='$ver' is not a Debian version (digits first, then only A-Za-z0-9.+~:-)" ;;
esac
sv=$(printf '%s' "$ver" | tr ':' '_')

tools=$ZPCI_CACHE/tools
dest=$tools/sparse-$sv
bin=$dest/bin/sparse
if [ -x "$bin" ]; then
	printf '%s\n' "$bin"
	exit 0
fi

# find_checker: print a 7.x kernel's scripts/checker-valid.sh (see Inputs).
find_checker() {
	if [ -n "${ZPCI_CHECKER_VALID:-}" ]; then
		[ -f "$ZPCI_CHECKER_VALID" ] ||
			usage_die "ZPCI_CHECKER_VALID=$ZPCI_CHECKER_VALID is not a file"
		printf '%s\n' "$ZPCI_CHECKER_VALID"
		return 0
	fi
	_first=""
	for _n in $(versions_names ""); do
		case $_n in 7.*) ;; *) continue ;; esac
		[ -n "$_first" ] || _first=$_n
		_t=$ZPCI_CACHE/trees/$(versions_field "$_n" 2)_$(versions_field "$_n" 3)
		if [ -f "$_t.done" ] && [ -f "$_t/scripts/checker-valid.sh" ]; then
			printf '%s\n' "$_t/scripts/checker-valid.sh"
			return 0
		fi
	done
	[ -n "$_first" ] ||
		usage_die "no 7.x kernel in $ZPCI_VERSIONS to verify sparse with; set ZPCI_CHECKER_VALID to a Linux 7.x scripts/checker-valid.sh"
	log "no 7.x tree fetched yet; fetching $_first to verify sparse with"
	_t=$(sh "$ZB/provision/fetch.sh" "$_first")
	[ -f "$_t/scripts/checker-valid.sh" ] || die "$_t has no scripts/checker-valid.sh"
	printf '%s\n' "$_t/scripts/checker-valid.sh"
}
# The source package, downloaded once (apt checks it against the signed index).
src=$ZPCI_CACHE/src/sparse_$sv
dsc=$(find "$src" -maxdepth 1 -name 'sparse_*.dsc' 2>/dev/null | head -n 1)
if [ -z "$dsc" ]; then
	aptc=$(sh "$ZB/provision/apt-config.sh" --update)
	# shellcheck disable=SC2086 # $aptc is "-c FILE", two words on purpose
	apt-cache $aptc madison sparse 2>/dev/null |
		awk -F'|' -v v="$ver" '{ gsub(/ /, "", $2) } $2 == v && $3 ~ /Sources$/ { f = 1 } END { exit !f }' ||
		usage_die "source package sparse version $ver is in no configured archive ($ZPCI_CACHE/apt/sources.list); set ZPCI_SPARSE_VERSION to a version that exists (apt-cache $aptc madison sparse lists them) or add its suite to ZPCI_SUITES"
	log "downloading source package sparse=$ver"
	mkdir -p "$src"
	# shellcheck disable=SC2086
	(cd "$src" && apt-get $aptc -qq source --download-only "sparse=$ver" >&2) ||
		die "apt-get source --download-only sparse=$ver failed (network?); partial files are in $src"
	dsc=$(find "$src" -maxdepth 1 -name 'sparse_*.dsc' | head -n 1)
	[ -n "$dsc" ] || die "apt-get source sparse=$ver left no .dsc in $src"
fi

checker=$(find_checker)
mkdir -p "$tools"
# Temporary directories of runs killed before their trap ran.
find "$tools" -maxdepth 1 -name "sparse-$sv.tmp.*" -mmin +60 -exec rm -rf {} + 2>/dev/null || :
tmp=$(mktemp -d "$dest.tmp.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
buildlog=$dest.log

log "unpacking $(basename "$dsc")"
# apt vouched for the .dsc through the signed Sources index, so its own
# signature need not verify (gpgv warns); its checksums must.
dpkg-source --require-strong-checksums -x "$dsc" "$tmp/src" >&2 ||
	die "dpkg-source -x $dsc failed; remove $src to download it again"

# Debian's patches set CC = gcc-<N>; any gcc does for sparse, whose default
# include paths (GCC_BASE) come from it. MAKEFLAGS is cleared so that an
# enclosing make's command-line variables do not reach sparse's Makefile.
jobs=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
log "building sparse $ver (make -j$jobs sparse; log in $buildlog)"
if ! (cd "$tmp/src" && MAKEFLAGS='' MFLAGS='' MAKELEVEL='' make -j"$jobs" \
	CC=gcc HAVE_LLVM=no HAVE_GTK=no HAVE_LIBXML=no HAVE_SQLITE=no HAVE_BOOLECTOR=no \
	SPARSE_VERSION="\$(VERSION) (Debian: $ver)" sparse) > "$buildlog" 2>&1; then
	tail -n 20 "$buildlog" >&2
	die "building sparse $ver failed; full log in $buildlog"
fi
[ -x "$tmp/src/sparse" ] || die "make sparse gave no $tmp/src/sparse; see $buildlog"

# Verify as Linux's Makefile does for C=1 on s390x: it runs
# `scripts/checker-valid.sh $(CHECK) $(CHECKFLAGS)` and needs it to print 1.
# The flags are the Makefile's CHECKFLAGS, then arch/s390/Makefile's, then
# the --arch/endianness/word-size ones it appends; no .config is needed.
# That test only looks for "error" in the output, which a binary that checks
# nothing passes too, so a file with a syntax error must make sparse say it.
checkflags="-D__linux__ -Dlinux -D__STDC__ -Dunix -D__unix__
	-Wbitwise -Wno-return-void -Wno-unknown-attribute
	-D__s390__ -D__s390x__ --arch=s390 -mbig-endian -m64"
log "verifying with $checker"
# shellcheck disable=SC2086 # $checkflags is a list of words on purpose
ok=$(sh "$checker" "$tmp/src/sparse" $checkflags 2>&1) || :
[ "$ok" = 1 ] ||
	die "sparse $ver fails the kernel's checker test $checker (printed '$ok', want 1; the test parses a __typeof_unqual__ declaration), so the kernel would silently turn C=1 off; pick another ZPCI_SPARSE_VERSION"
printf 'int f(void) { return ; ; }\nint x = ;\n' > "$tmp/bad.c"
# shellcheck disable=SC2086
"$tmp/src/sparse" $checkflags "$tmp/bad.c" 2>&1 | grep -q 'error:' ||
	die "sparse $ver reports no error for a C file with a syntax error; the build is broken (see $buildlog)"

mkdir -p "$dest/bin"
cp "$tmp/src/sparse" "$tmp/sparse"
chmod 0755 "$tmp/sparse"
mv -f "$tmp/sparse" "$bin"
log "installed $bin"
printf '%s\n' "$bin"
