#!/bin/sh
# tests/layout.sh - the repository keeps its own rules: what a newcomer
# adds is data, every file says what it is, and nothing points outside.
#
# Checks, on the repository (each then on a copy with one defect planted,
# which it must report: its negative control):
#   cocci-headers   every .cocci (semantic-patches/, tests/mutants/)
#                   starts with "///" and has "// Confidence:",
#                   "// Options:", "// Upstream:" and "// Needed when:"
#   commits-units   every unit semantic-patches/series/NN-<id12>-*.cocci
#                   has a line in semantic-patches/commits and at least one
#                   "// Evidence:" line (what the verdicts read), and every
#                   line of the table has a unit
#   commit-facts    no subject or author of semantic-patches/commits is
#                   written anywhere in backport/ (the table is the one place)
#   mutant-headers  every tests/mutants file names what it breaks
#                   ("Breaks:" static checks or "Fails:" runtime ones);
#                   a runtime one its "File:" and "Runs on:" (targets or
#                   upstream)
#   script-headers  every script's second line is "# NAME - what it does"
#                   (or, in sparse's validation style, "# check-name: NAME")
#   stages          every IN and OUT of backport/pipeline/stages is of the
#                   vocabulary its header gives
#   self-contained  no file names a path outside the repository (an
#                   absolute /work, /root or /home path, ../shared, the
#                   research notes) or an archive host
# Output: "PASS layout-<check>" / "FAIL layout-<check>: the first
#   offender", and "PASS layout-<check>-negative" when the planted defect
#   was reported.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

# Each check ROOT prints its offenders, one per line; none: it holds.
cocci_headers() {
	find "$1/semantic-patches" "$1/tests/mutants" -name '*.cocci' | LC_ALL=C sort | while read -r f; do
		head -n 1 "$f" | grep -q '^///' || echo "${f#"$1"/}: no /// description first"
		for h in Confidence Options Upstream 'Needed when'; do
			grep -q "^// $h: " "$f" || echo "${f#"$1"/}: no // $h: line"
		done
	done
}
commits_units() {
	_t=$1/semantic-patches/commits
	for u in "$1"/semantic-patches/series/[0-9][0-9]-*.cocci; do
		_id=$(basename "$u" | cut -d- -f2)
		grep -q "^$_id" "$_t" || echo "${u#"$1"/}: no line of semantic-patches/commits starts with $_id"
		grep -q '^// Evidence: ' "$u" || echo "${u#"$1"/}: no // Evidence: line"
	done
	grep -v '^#' "$_t" | cut -f1 | while read -r _full; do
		_id=$(printf '%s' "$_full" | cut -c1-12)
		[ -n "$(find "$1/semantic-patches/series" -name "[0-9][0-9]-$_id-*.cocci")" ] ||
			echo "semantic-patches/commits: $_id has no unit semantic-patches/series/NN-$_id-*.cocci"
	done
}
commit_facts() {
	grep -v '^#' "$1/semantic-patches/commits" | while IFS='	' read -r _id _tag _date _link _author _subject; do
		for _s in "$_subject" "${_author%% <*}"; do
			grep -rlF -- "$_s" "$1/backport" | sed "s|^$1/|| ; s|\$|: repeats '$_s' of semantic-patches/commits|"
		done
	done
}
mutant_headers() {
	for m in "$1"/tests/mutants/*; do
		_n=${m#"$1"/}
		_b=$(mutant_field "$m" Breaks) _f=$(mutant_field "$m" Fails)
		[ -n "$_b$_f" ] || echo "$_n: neither Breaks: nor Fails:"
		[ -z "$_f" ] || [ -n "$(mutant_field "$m" File)" ] || echo "$_n: Fails: without File:"
		[ -z "$_f" ] || case $(mutant_field "$m" 'Runs on') in targets | upstream) ;;
			*) echo "$_n: Runs on: is neither targets nor upstream" ;; esac
	done
}
script_headers() {
	find "$1/backport" "$1/tests" -name '*.sh' | LC_ALL=C sort | while read -r f; do
		_b=$(basename "$f") _r=${f#"$1"/}
		# line 2, after the #! line; line 1 of a file that is sourced
		_l=2
		head -n 1 "$f" | grep -q '^#!' || _l=1
		case $(sed -n "${_l}p" "$f") in "# $_b - "* | "# $_r - "* | "# check-name: ${_b%.sh}") ;;
		*) case $_r in tests/faults/*) head -n 1 "$f" | grep -q '^# fault: ' ||
			echo "$_r: no '# fault:' line first" ;;
		*) echo "$_r: line $_l is not '# $_b - what it does'" ;; esac ;;
		esac
	done
}
stages() {
	grep -v -E '^[[:space:]]*(#|$)' "$1/backport/pipeline/stages" | while IFS='|' read -r _s _o _i _w; do
		for _x in $_o $_i; do
			case $_x in - | tree | upstream | oracle | name | existing | config | kabi | out:?* | work:?* | top:?* | stage:?* | tool:?*) ;;
			*) echo "stages: $(echo "$_s" | tr -d ' '): '$_x' is not of the vocabulary" ;; esac
		done
		[ -n "$(echo "$_w" | tr -d ' ')" ] || echo "stages: $(echo "$_s" | tr -d ' ') has no WHAT"
	done
}
self_contained() {
	(cd "$1" && find . -type f ! -path './.git/*' ! -path './out/*' | sed 's|^\./||' | LC_ALL=C sort) |
		while read -r f; do
		_re='\.\./shared|shared/research|research notes|deb\.debian\.org|security\.debian\.org|[a-z]+\.ubuntu\.com'
		# Absolute paths of a machine; tests/fresh-root.sh's are inside the
		# root it builds.
		case $f in tests/fresh-root.sh | tests/layout.sh) ;;
		*) _re="$_re|(^|[[:space:]\"'=(])/(work|root|home)/" ;; esac
		[ "$f" != tests/layout.sh ] || continue
		grep -n -E "$_re" "$1/$f" 2> /dev/null | head -n 1 | sed "s|^|$f:|"
	done
}

# check NAME FUNCTION: the check on the repository.
check() {
	_o=$("$2" "$PWD")
	if [ -z "$_o" ]; then ok "layout-$1"; else ko "layout-$1" "$(printf '%s\n' "$_o" | head -n 1)"; fi
}
check cocci-headers cocci_headers
check commits-units commits_units
check commit-facts commit_facts
check mutant-headers mutant_headers
check script-headers script_headers
check stages stages
check self-contained self_contained

# The negative controls: a copy with one defect per check.
c=$tmp/copy
mkdir -p "$c"
git ls-files -z -c -o --exclude-standard | grep -z -v '^out/' | tar -c --null -T - -f - | tar -x -C "$c" -f -
# negative NAME FUNCTION EXPECTED: the check on the copy reports EXPECTED.
negative() {
	if "$2" "$c" | grep -q -F -- "$3"; then ok "layout-$1-negative"
	else ko "layout-$1-negative" "the planted defect went unseen (want '$3')"; fi
}
sed -i '/^\/\/ Confidence: /d' "$c/semantic-patches/lowering/lower-scoped-guard.cocci"
negative cocci-headers cocci_headers "lower-scoped-guard.cocci: no // Confidence: line"
printf '0123456789ab\tv0\t2020-01-01\tx\tA <a@b>\tAn unplanned commit\n' >> "$c/semantic-patches/commits"
sed -i '/^\/\/ Evidence: /d' "$c/semantic-patches/series/30-4e3c1fc8abcb-err-irq-no-pcie-check.cocci"
negative commits-units commits_units "0123456789ab has no unit"
negative commits-evidence commits_units "30-4e3c1fc8abcb-err-irq-no-pcie-check.cocci: no // Evidence: line"
printf '# subject: An unplanned commit\n' >> "$c/backport/lib/kversion.sh"
negative commit-facts commit_facts "backport/lib/kversion.sh: repeats 'An unplanned commit'"
sed -i '/^# Fails: /d' "$c/tests/mutants/fifo-lifo.perl"
negative mutant-headers mutant_headers "tests/mutants/fifo-lifo.perl: neither"
sed -i '2s/.*/# no description/' "$c/backport/lib/spatch.sh"
negative script-headers script_headers "backport/lib/spatch.sh: line 2"
sed -i 's/^probe    | out:probes.json     | tree /probe    | out:probes.json     | trees /' "$c/backport/pipeline/stages"
negative stages stages "stages: probe: 'trees'"
echo 'see ../shared/research/x.md' >> "$c/backport/DESIGN.md"
negative self-contained self_contained "backport/DESIGN.md:"
