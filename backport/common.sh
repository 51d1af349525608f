# common.sh - helpers sourced by every stage script in backport/.
#
# Inputs (environment):
#   ZPCI_CACHE  cache directory (default ${XDG_CACHE_HOME:-~/.cache}/zpci-backport)
#   ZPCI_TOP    repository root (default: the parent of this file's directory)
# Provides: die (exit 1), usage_die (exit 2), log (stderr), cache and path
# variables, and versions-file lookups. Sourcing it has no side effects
# beyond setting variables.

ZPCI_TOP=${ZPCI_TOP:-$(cd "$(dirname "$0")/.." && pwd)}
ZPCI_CACHE=${ZPCI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zpci-backport}
ZPCI_VERSIONS=${ZPCI_VERSIONS:-$ZPCI_TOP/versions}
PROG=${PROG:-$(basename "$0")}

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
# die: a failed stage (exit 1); usage_die: bad input or environment (exit 2).
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage_die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 2; }

# versions_field NAME COLUMN: print column 2..4 of the versions line NAME.
versions_field() {
	awk -v n="$1" -v c="$2" '!/^[[:space:]]*(#|$)/ && $1 == n { print $c; f = 1 }
		END { exit !f }' "$ZPCI_VERSIONS"
}

# versions_names [ROLE]: the names in versions, optionally of one role.
versions_names() {
	awk -v r="${1:-}" '!/^[[:space:]]*(#|$)/ && (r == "" || $4 == r) { print $1 }' \
		"$ZPCI_VERSIONS"
}

# atomic_write FILE: copy stdin to FILE through a temporary file and rename.
atomic_write() {
	_aw_tmp=$(mktemp "$1.tmp.XXXXXX")
	cat > "$_aw_tmp" && chmod 0644 "$_aw_tmp" && mv -f "$_aw_tmp" "$1"
}

# oracle_json: where the upstream line's runtime gate results, the oracle
# every backport's runtime results must equal, are written by the main job.
oracle_json() {
	printf '%s/%s/runtime.json\n' "${ZPCI_OUT:-$ZPCI_TOP/out}" "$(versions_names upstream | head -n 1)"
}

# gate_args NAME TREE SERIESDIR: check the arguments every gate takes
# (gate.sh, gate-static.sh): a label, a pristine kernel tree with
# arch/s390/pci, a directory with a quilt series file and patches/*.patch.
# Exits 2 with a message naming the input (as make gate spells it) and the
# fix.
gate_args() {
	case $1 in
	'' | *[!A-Za-z0-9._-]*) usage_die "NAME='$1': use letters, digits, '.', '_' and '-' only" ;;
	esac
	[ -n "$2" ] && [ -f "$2/Makefile" ] && [ -d "$2/arch/s390/pci" ] ||
		usage_die "KSRC='$2' is not a kernel tree with arch/s390/pci; point it at the top of a pristine kernel source tree"
	[ -n "$3" ] && [ -f "$3/series" ] ||
		usage_die "SERIES='$3' holds no quilt series file; point it at a directory with series and patches/"
	ls "$3"/patches/*.patch > /dev/null 2>&1 ||
		usage_die "SERIES='$3' has no patches/*.patch"
}
