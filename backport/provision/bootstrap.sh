#!/bin/sh
# bootstrap.sh - make sure the Debian tools the pipeline needs are installed.
#
# Usage: bootstrap.sh [main|check]
#   main: what `make` needs; check: what `make check` needs (a superset).
# Inputs: none but the installed system (commands and headers looked up).
# Outputs: nothing when all is there. As root, installs what is missing with
#   apt-get (after one apt-get update) and says so on stderr.
# Errors: not root and something missing: prints the exact apt-get command
#   and exits 2; apt-get failing exits 2 too.
set -eu
PROG=bootstrap.sh
# Standalone (it runs before anything else is installed): backport/ by hand.
ZB=$(cd "$(dirname "$0")/.." && pwd)

# need CHECK PACKAGE: CHECK is a command name or an absolute file path
# (a glob matches any such file).
missing=""
need() {
	case $1 in
	/*) for _f in $1; do [ -e "$_f" ] && return 0; done ;;
	*) command -v "$1" >/dev/null 2>&1 && return 0 ;;
	esac
	case " $missing " in *" $2 "*) ;; *) missing="$missing $2" ;; esac
}

need make make
need gcc gcc
need spatch coccinelle
# spatch's python scripting loads libpython3.X.so, which only -dev ships
need '/usr/lib/*/libpython3.*.so' libpython3-dev
need quilt quilt
need lsdiff patchutils
need s390x-linux-gnu-gcc gcc-s390x-linux-gnu
need bc bc
need flex flex
need bison bison
need /usr/include/libelf.h libelf-dev
need /usr/include/openssl/opensslv.h libssl-dev
need cpio cpio
# in sbin, which the PATH of a user who is not root often lacks
need /sbin/depmod kmod
need /sbin/modprobe kmod
need ccache ccache
need jq jq
need ctags universal-ctags
need xz xz-utils
need dpkg-source dpkg-dev
need perl perl
need python3 python3
# The runtime gate: QEMU s390x, a static s390x libc for the uAPI program,
# flock for its work directory.
need qemu-system-s390x qemu-system-misc
need /usr/s390x-linux-gnu/lib/libc.a libc6-dev-s390x-cross
need flock util-linux
need rsync rsync
if [ "${1:-main}" = check ]; then
	need shellcheck shellcheck
	# the fresh-machine test builds a minimal Debian root
	need mmdebstrap mmdebstrap
	# report.xml is checked with xmllint; SARIF is validated by Microsoft's
	# SARIF Multitool, which comes from the npm registry (npm-tool.sh)
	need xmllint libxml2-utils
	need npm npm
fi

[ -n "$missing" ] || exit 0
# shellcheck disable=SC2086 # word splitting of the package list is wanted
set -- $missing
if [ "$(id -u)" -ne 0 ]; then
	printf '%s: missing tools; run as root:\n  apt-get update && apt-get install -y --no-install-recommends %s\n' \
		"$PROG" "$*" >&2
	exit 2
fi
printf '%s: installing %s\n' "$PROG" "$*" >&2
log=$(mktemp "${TMPDIR:-/tmp}/zpci-bootstrap.XXXXXX")
# shellcheck disable=SC2016 # expanded by the inner sh
if ! sh "$ZB/pipeline/progress.sh" -e "$log" bootstrap "apt-get install of $# packages" -- \
	sh -c 'exec >&2; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
		--no-install-recommends "$@"' sh "$@"; then
	tail -n 20 "$log" >&2
	printf '%s: error: apt-get install %s failed: %s\n' "$PROG" "$*" \
		"$(grep -m 1 -E '^E: |error' "$log" || tail -n 1 "$log")" >&2
	rm -f "$log"
	exit 2
fi
rm -f "$log"
