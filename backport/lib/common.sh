# common.sh - helpers sourced by every script of backport/ (and the tests).
#
# Inputs (environment):
#   ZPCI_CACHE  cache directory (default ${XDG_CACHE_HOME:-~/.cache}/zpci-backport)
#   ZPCI_TOP    repository root (default: the nearest directory above the
#               running script that holds versions and backport/lib/)
# Provides: ZB, the backport/ directory scripts call each other in
# ("$ZB/probe/needed.sh"); die (exit 1), usage_die (exit 2), log (stderr),
# cache and path variables, versions-file lookups and the helpers below.
# Sourcing it has no side effects beyond setting variables.

# zpci_top: the repository root above the running script.
zpci_top() {
	_d=$(cd "$(dirname "$0")" && pwd)
	while [ "$_d" != / ] && ! { [ -f "$_d/versions" ] && [ -d "$_d/backport/lib" ]; }; do
		_d=$(dirname "$_d")
	done
	printf '%s\n' "$_d"
}
ZPCI_TOP=${ZPCI_TOP:-$(zpci_top)}
ZB=$ZPCI_TOP/backport
ZPCI_CACHE=${ZPCI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/zpci-backport}
ZPCI_VERSIONS=${ZPCI_VERSIONS:-$ZPCI_TOP/versions}
PROG=${PROG:-$(basename "$0")}
# Sort orders (file lists, patch order), and so the series, must not
# depend on the user's locale (de_DE.UTF-8 sorts "_x" after "a", C
# before): collation is C's. A user's LC_ALL would override that, so it
# becomes LANG (its messages and character set stay). The variables
# ccache hashes (LANG, LC_ALL, LC_CTYPE, LC_MESSAGES) are otherwise left
# alone, so that a locale change does not turn every build cold.
if [ -n "${LC_ALL:-}" ]; then
	LANG=$LC_ALL
	export LANG
	unset LC_ALL
fi
LC_COLLATE=C
export LC_COLLATE

log() { printf '%s: %s\n' "$PROG" "$*" >&2; }
# die: a failed stage (exit 1); usage_die: bad input or environment (exit 2).
die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 1; }
usage_die() { printf '%s: error: %s\n' "$PROG" "$*" >&2; exit 2; }

# versions_field NAME COLUMN: print column 2..4 of the versions line NAME.
versions_field() {
	awk -v n="$1" -v c="$2" '!/^[[:space:]]*(#|$)/ && $1 == n { print $c; f = 1 }
		END { exit !f }' "$ZPCI_VERSIONS"
}

# versions_check: exit 2 with one line naming the line of $ZPCI_VERSIONS
# that is not "NAME PACKAGE VERSION ROLE" (a label, a linux-source
# package, a Debian version, target or upstream), or whose NAME an earlier
# line has, or when there is not exactly one upstream line. The one test
# of the versions file; every goal runs it first.
versions_check() {
	[ -r "$ZPCI_VERSIONS" ] || usage_die "$ZPCI_VERSIONS is missing: it lists the trees, one line each (NAME PACKAGE VERSION ROLE)"
	_vc=$(awk '!/^[[:space:]]*(#|$)/ {
		why = ""
		if (NF != 4) why = NF " fields, not 4"
		else if ($1 !~ /^[A-Za-z0-9._-]+$/) why = "NAME \"" $1 "\" is not a label (letters, digits, . _ -)"
		else if ($2 !~ /^linux-source-[0-9][0-9a-z.+~-]*$/) why = "PACKAGE \"" $2 "\" is no linux-source package"
		else if ($3 !~ /^[0-9][A-Za-z0-9.+~-]*$/) why = "VERSION \"" $3 "\" is no Debian version"
		else if ($4 != "target" && $4 != "upstream") why = "ROLE \"" $4 "\" is neither target nor upstream"
		else if ($1 in seen) why = "NAME " $1 " is the name of line " seen[$1] " too"
		if (why != "") { print FILENAME ":" FNR ": " why; exit }
		seen[$1] = FNR
		if ($4 == "upstream") up++
	}
	END { if (why == "" && up != 1) print FILENAME ": " (up + 0) " upstream lines; exactly one tree is the upstream line" }' "$ZPCI_VERSIONS")
	[ -z "$_vc" ] || usage_die "$_vc; fix that line (NAME PACKAGE VERSION ROLE, one tree per line)"
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

# work_tmp BASE: make and print a new directory BASE.tmp.<pid>.XXXXXX for
# this run's scratch work (removed by the caller's trap), after removing
# every BASE.tmp.<pid>.* whose process is gone: a run killed with SIGKILL
# (no trap runs) leaves its directory, and the next run clears it.
work_tmp() {
	for _wt in "$1".tmp.*.*; do
		[ -d "$_wt" ] || continue
		_wp=${_wt#"$1".tmp.}
		_wp=${_wp%%.*}
		case $_wp in '' | *[!0-9]*) continue ;; esac
		kill -0 "$_wp" 2> /dev/null || rm -rf "$_wt"
	done
	mktemp -d "$1.tmp.$$.XXXXXX"
}

# take_lock FD FILE WHAT: hold an exclusive flock on FILE through file
# descriptor FD (a digit; released when the calling process exits) for
# WHAT; when another run holds it, say so on stderr ("waiting for ...")
# and wait. Exit 2 when flock is missing.
take_lock() {
	command -v flock > /dev/null 2>&1 || usage_die "flock not found (util-linux)"
	eval "exec $1> \"\$2\""
	flock -n "$1" && return 0
	log "waiting for another run that holds $2 ($3)"
	flock "$1"
	log "got $2"
}

# oracle_json: where the upstream line's runtime gate results, the oracle
# every backport's runtime results must equal, are written by the main job.
oracle_json() {
	printf '%s/%s/runtime.json\n' "${ZPCI_OUT:-$ZPCI_TOP/out}" "$(versions_names upstream | head -n 1)"
}

# kernel_tree PATH [WHAT]: print the physical path of the kernel tree PATH
# (every symlink resolved, so a copy of it is a copy and never the tree
# itself); exit 2 with a message naming WHAT (default: PATH) when PATH is
# no kernel tree with arch/s390/pci. Call it as
# "tree=$(kernel_tree "$x" "KSRC=$x") || exit 2". The one test of "is this
# a kernel tree" in the project.
kernel_tree() {
	{ [ -n "$1" ] && [ -f "$1/Makefile" ] && [ -d "$1/arch/s390/pci" ]; } ||
		usage_die "${2:-$1} is not a kernel tree with arch/s390/pci; point it at the top of a kernel source tree"
	(cd -P "$1" && pwd -P)
}

# config_file FILE: print the absolute path of FILE, a kernel .config given
# as CONFIG= (make CONFIG=<file>); exit 2 naming it when it is no readable
# file. The one test of CONFIG= in the project.
config_file() {
	{ [ -f "$1" ] && [ -r "$1" ]; } ||
		usage_die "CONFIG=$1 is no readable file; give a kernel .config (such as /boot/config-<version> of an s390x system)"
	printf '%s/%s\n' "$(cd "$(dirname "$1")" && pwd)" "$(basename "$1")"
}

# kabi_mode VALUE: print the kABI mode KABI=VALUE names, "report" when
# VALUE is empty; exit 2 naming it when it is none of report, preserve or
# strict. The one test of KABI= in the project.
kabi_mode() {
	case ${1:-report} in
	report | preserve | strict) printf '%s\n' "${1:-report}" ;;
	*) usage_die "KABI=$1 is no kABI mode; use KABI=report (the default: list changed CRCs), KABI=preserve (keep them) or KABI=strict (fail on a change)" ;;
	esac
}

# series_entries DIR: the patch names DIR/series lists, in order (comment
# and blank lines and quilt's per-patch options left out); nothing when DIR
# has no series file.
series_entries() {
	[ -f "$1/series" ] || return 0
	grep -v -E '^[[:space:]]*(#|$)' "$1/series" | awk '{ print $1 }'
}

# series_dir DIR: where the patches of DIR/series are: DIR/patches (the
# layout of out/<kernel>, quilt's default) or DIR itself (debian/patches).
series_dir() {
	_first=$(series_entries "$1" | head -n 1)
	if [ -d "$1/patches" ] && { [ -z "$_first" ] || [ -f "$1/patches/$_first" ]; }; then
		printf '%s\n' "$1/patches"
	else
		printf '%s\n' "$1"
	fi
}

# gate_args NAME TREE SERIESDIR: check the arguments every gate takes
# (gate.sh, static/static.sh): a label, a pristine kernel tree with
# arch/s390/pci, a directory with a quilt series file and patches/*.patch.
# Exits 2 with a message naming the input (as make gate spells it) and the
# fix.
gate_args() {
	case $1 in
	'' | *[!A-Za-z0-9._-]*) usage_die "NAME='$1': use letters, digits, '.', '_' and '-' only" ;;
	esac
	kernel_tree "$2" "KSRC='$2'" > /dev/null || exit 2
	label_tree_ok "$1" "$2"
	series_ok "SERIES='$3'" "$3" "point it at a directory with series and patches/"
	[ -n "$(series_entries "$3")" ] ||
		usage_die "SERIES='$3': its series file lists no patch"
}

# label_tree_ok NAME KSRC: a label that is a versions line belongs to that
# line's tree: its outputs and its work directory must never be another
# tree's. Exit 2 naming both when KSRC (a kernel tree) is not that tree.
label_tree_ok() {
	_lt=$(kernel_tree "$2" "KSRC=$2") || exit 2
	_lp=$(versions_field "$1" 2 2> /dev/null) || return 0
	_lo=$ZPCI_CACHE/trees/${_lp}_$(versions_field "$1" 3)
	[ "$_lt" = "$(cd -P "$_lo" 2> /dev/null && pwd -P)" ] ||
		usage_die "NAME=$1 is a line of $ZPCI_VERSIONS, whose tree is $_lp $(versions_field "$1" 3), not KSRC=$2; choose another NAME for this tree"
}

# series_ok WHAT DIR HINT: DIR is a maintainer's quilt series directory
# (SERIES= of make gate, EXISTING= of make) that quilt can push: a series
# file with Unix line endings, every patch it lists there (in patches/ or
# beside it), each one a diff (lsdiff finds a file in it). Exits 2 with a
# message that starts with WHAT and says the fix (HINT when there is no
# series file). DIR is only read. The one test of such a directory.
series_ok() {
	{ [ -n "$2" ] && [ -f "$2/series" ]; } || usage_die "$1 holds no quilt series file; $3"
	! grep -q "$(printf '\r')" "$2/series" ||
		usage_die "$1: its series file has DOS (CRLF) line endings, which quilt reads as part of each name; convert a copy (sed 's/\\r\$//') and point $1 at that"
	for _p in $(series_entries "$2"); do
		_pf=$(series_dir "$2")/$_p
		[ -f "$_pf" ] ||
			usage_die "$1: its series lists $_p, which is neither in patches/ nor beside the series file"
		[ -n "$(lsdiff "$_pf" 2> /dev/null | head -n 1)" ] ||
			usage_die "$1: its series lists $_p, which is no diff (lsdiff finds no file in it)"
	done
}

# progress_note TEXT [LOG EXPECTED]: tell the progress.sh that runs this
# stage what it does now (TEXT, e.g. "building the kernel, make -j2") and,
# for a Kbuild run, its log and the number of objects expected (0 when
# unknown). A no-op outside progress.sh.
progress_note() {
	[ -n "${ZPCI_PROGRESS_FILE:-}" ] || return 0
	{
		printf '%s\n' "$1"
		[ $# -lt 3 ] || printf '%s %s\n' "$2" "$3"
	} > "$ZPCI_PROGRESS_FILE" 2> /dev/null || :
}

# log_cause LOG: the line of LOG that best explains a failure (a missing
# command, a compiler or make error, a missing file), without leading
# blanks; the last non-blank line when none matches.
log_cause() {
	[ -f "$1" ] || return 0
	for _p in ': not found$|command not found|: No such file or directory$' \
		'(fatal )?error: ' '\*\*\* .*(Error [0-9]+|Stop\.)' '[Ff]ailed|[Cc]annot '; do
		_l=$(grep -m 1 -E "$_p" "$1" || :)
		[ -z "$_l" ] || { printf '%s\n' "$_l" | sed 's/^[[:space:]]*//' | cut -c1-300; return 0; }
	done
	grep -v '^[[:space:]]*$' "$1" | tail -n 1 | sed 's/^[[:space:]]*//' | cut -c1-300
}

# die_log WHAT LOG: a failed step (exit 1) whose message quotes the line of
# LOG that explains it and names LOG.
die_log() {
	die "$1 failed: $(log_cause "$2") (see $2)"
}

# stage_names: the pipeline's stages in order (backport/pipeline/stages).
stage_names() { stage_field '' 1; }

# stage_field STAGE N: field N (1 STAGE, 2 OUT, 3 IN, 4 WHAT) of STAGE's
# line of backport/pipeline/stages, blanks trimmed; every stage's with
# STAGE "". Exit 1 for an unknown stage.
stage_field() {
	awk -F '|' -v s="$1" -v n="$2" '
		!/^[[:space:]]*(#|$)/ {
			for (i = 1; i <= NF; i++) { gsub(/^[ \t]+|[ \t]+$/, "", $i); gsub(/[ \t]+/, " ", $i) }
			if (s == "" || $1 == s) { print $n; f = 1 }
		}
		END { exit !f }' "$ZB/pipeline/stages"
}

# stage_what STAGE: what STAGE does, for its progress line.
stage_what() { stage_field "$1" 4; }

# commit_field ID FIELD: FIELD (id, tag, date, link, author, subject) of the
# upstream commit whose full id starts with ID, from
# semantic-patches/commits; exit 1 when no line, or more than one, fits.
commit_field() {
	awk -F '\t' -v id="$1" -v f="$2" '
		BEGIN { split("id tag date link author subject", n, " "); for (i in n) col[n[i]] = i }
		!/^[[:space:]]*(#|$)/ && index($1, id) == 1 { print $col[f]; c++ }
		END { exit c != 1 }' "${ZPCI_COMMITS:-$ZPCI_TOP/semantic-patches/commits}"
}

# rule_file NAME: the path of the semantic patch NAME (a file name such as
# lower-no-pci-dev-lock.cocci) in semantic-patches/{series,lowering,checks}/;
# exit 1 when there is none.
rule_file() {
	for _d in series lowering checks; do
		[ -f "$ZPCI_TOP/semantic-patches/$_d/$1" ] || continue
		printf '%s\n' "$ZPCI_TOP/semantic-patches/$_d/$1"
		return 0
	done
	return 1
}
