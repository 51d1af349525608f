# tests/lib.sh - the common start of the test scripts, sourced after they
# cd to the top of the repository: ". tests/lib.sh".
# Gives: backport/lib/common.sh (ZPCI_TOP, ZPCI_CACHE, versions_*, die...);
#   ok NAME and ko NAME REASON, which print the "PASS NAME" and
#   "FAIL NAME: REASON" lines tests/run.sh counts; $tmp, a temporary
#   directory removed when the script exits or is interrupted; $upname
#   and $ref (below).
# shellcheck shell=sh source-path=SCRIPTDIR/.. source=backport/lib/common.sh
. backport/lib/common.sh
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1: $2"; }
# The upstream line, and the kernel a test that needs one tree runs on: the
# last target of versions, the one nearest upstream.
# shellcheck disable=SC2034 # used by the scripts that source this
upname=$(versions_names upstream | head -n 1) ref=$(versions_names target | tail -n 1)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# needs_fuzz SRC DST: DST becomes a copy of the series directory SRC
# (series, patches/, probes.json when there is one) in which one context
# line inside a hunk (the first one ending in ";" of the first patch that
# has such a line) is changed, so the series no longer applies without
# fuzz. Returns 1 when no patch has such a line.
needs_fuzz() {
	mkdir -p "$2"
	cp -R "$1/series" "$1/patches" "$2/"
	[ ! -f "$1/probes.json" ] || cp "$1/probes.json" "$2/"
	for _nf in $(series_entries "$2"); do
		_nf=$2/patches/$_nf
		awk '/^@@/ { hunk = 1 } hunk && !done && /^ [^ ].*;$/ { sub(/;$/, "; /* mutant */"); done = 1 } { print }' \
			"$_nf" > "$_nf.new"
		if cmp -s "$_nf" "$_nf.new"; then rm -f "$_nf.new"; else mv "$_nf.new" "$_nf"; return 0; fi
	done
	return 1
}

# mutant_field FILE KEY: the value of the header line "KEY:" of a mutant,
# tests/mutants/NAME.cocci ("// KEY: ...") or NAME.perl ("# KEY: ..."):
# Breaks (static checks), File, Fails (runtime checks), Runs on, Needs.
mutant_field() { sed -n -e "s|^// $2: ||p" -e "s|^# $2: ||p" "$1" | head -n 1; }

# main_out K: out/K holds a finished main-job run of versions line K (the
# main job is run first when it does not); its output goes to $tmp/main-K.log.
main_out() {
	[ -f "out/$1/verdict.json" ] && [ -f "out/$1/status/runtime" ] ||
		sh backport/pipeline/main.sh "$1" > "$tmp/main-$1.log" 2>&1 || :
}

# tree_sum DIR: one checksum of every file under DIR, names and bytes.
tree_sum() { (cd "$1" && find . -type f | LC_ALL=C sort | xargs sha256sum | sha256sum); }

# rerun_identical NAME DIR COMMAND...: running COMMAND once more changes no
# byte under DIR (PASS NAME), or FAIL NAME.
rerun_identical() {
	_rn=$1 _rd=$2
	shift 2
	_rb=$(tree_sum "$_rd")
	"$@" > /dev/null 2>&1 || :
	if [ "$(tree_sum "$_rd")" = "$_rb" ]; then ok "$_rn"; else ko "$_rn" "a second '$*' changed files under $_rd"; fi
}
