#!/bin/sh
# check-name: cocci-fixtures
# check-description: every semantic patch semantic-patches/*/NAME.cocci
#   (series, lowering and checks; the included libraries aside) has a
#   fixture semantic-patches/tests/NAME.c, run the way the pipeline runs
#   it (backport/lib/spatch.sh), and its expectation file says how:
#   - NAME.report: report mode (-D report); the output must be exactly
#     NAME.report (the lock rules R1-R4);
#   - NAME.res and NAME.expect: patch mode (-D patch, in place); the file
#     must become NAME.res exactly, and each "// Expect:" key must match as
#     many places as NAME.expect says.
#   A fixture may have variants NAME-WORD.c or NAME-WORD.h (with their own
#   expectation files) for shapes one input cannot hold together, e.g. an
#   alternative rule, or a header a rule must leave alone. A semantic patch
#   without a fixture, or a fixture with no expectation file, fails. One
#   negative control: apply-cocci.sh on a scratch tree built from the
#   store-pci-error fixture minus is_passed_through() must stop at its
#   count check, naming the rule and the kernel label.
# check-command: sh tests/cocci-fixtures.sh   (from anywhere; needs spatch)
# check-exit-value: 0 on pass, 1 on fail
# check-output-start
# PASS cocci-fixture-04-0a8107de8091-zpci-base-cap-fh
# ...
# PASS cocci-negative-zero-match
# check-output-end
#
# (one line per fixture present, in glob order.) On failure the line reads
# "FAIL cocci-fixture-ID: <reason>" or "FAIL cocci-negative-zero-match:
# <reason>", and the output diff, the count diff or the spatch log is
# repeated on stderr; the other fixtures still run. .expect files hold
# "KEY COUNT" lines, one per "// Expect:" key of the semantic patch (all of
# them, 0 included); blank lines and lines starting with # are ignored.
# A fixture for a tree whose probes hold names them on a comment line
# " * Probes: HAVE_X HAVE_Y"; they reach spatch as -D HAVE_X, as
# apply-cocci.sh passes the tree's probe results.
# Lines of blanks only in spatch's output are dropped before the comparison,
# as generate.sh drops them from the patches.
# Takes a few seconds; nothing outside a temporary directory is written.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
sp=$top/semantic-patches
fx=$sp/tests
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
failed=0

fail() {
	printf 'FAIL %s: %s\n' "$1" "$2"
	failed=1
}

# spatch_run COCCI DIR FILE MODE: run COCCI on DIR/FILE as the pipeline
# does (patch: in place, with the fixture's probes; report: the findings
# on stdout, into DIR/out); the log is DIR/log.
spatch_run() {
	defs=$(sed -n 's/^ \* Probes: //p' "$2/$3" | head -n 1 | sed 's/\(HAVE_[A-Z0-9_]*\)/-D \1/g')
	if [ "$4" = report ]; then
		(cd "$2" && sh "$top/backport/lib/spatch.sh" "$1" -D report "$3") > "$2/out" 2> "$2/log" ||
			return 1
	else
		# shellcheck disable=SC2086 # $defs is a list of "-D NAME" words
		(cd "$2" && sh "$top/backport/lib/spatch.sh" "$1" -D patch $defs --in-place "$3") \
			> "$2/log" 2>&1 || return 1
	fi
	! grep -q -E '^(minus|plus): parse error|^Fatal error|^exception' "$2/log"
}

# counts COCCI LOG: "KEY COUNT" for every "// Expect:" key of COCCI, sorted.
counts() {
	awk '/^\/\/ Expect: / { print $3 }' "$1" | sort -u | while read -r key; do
		printf '%s %s\n' "$key" \
			"$(awk -v k="$key" '$1 == "ZPCI-MATCH" && $2 == k' "$2" | wc -l)"
	done
}

# fixture COCCI INPUT: run one fixture and print its PASS/FAIL line.
fixture() {
	cocci=$1 input=$2
	base=$(basename "$input")
	id=${base%.*}
	check=cocci-fixture-$id
	res=$fx/$id.res expect=$fx/$id.expect report=$fx/$id.report
	mode='patch'
	if [ -f "$report" ]; then
		mode='report'
	else
		[ -f "$res" ] || { fail "$check" "no $id.report, nor $id.res"; return 0; }
		[ -f "$expect" ] || { fail "$check" "no $id.expect"; return 0; }
	fi
	dir=$tmp/$id
	mkdir "$dir"
	# Same base name as the fixture: rules look at p[0].file (.c or not,
	# and the file itself).
	cp "$input" "$dir/$base"
	if grep -q '^[[:space:]]\{1,\}$' "$input"; then
		fail "$check" "$base has lines of blanks only, which the comparison drops"
		return 0
	fi
	if ! spatch_run "$cocci" "$dir" "$base" "$mode"; then
		cat "$dir/log" >&2
		fail "$check" "spatch failed (log on stderr): $(grep -v '^[[:space:]]*$' \
			"$dir/log" | tail -n 1)"
		return 0
	fi
	if [ "$mode" = report ]; then
		if ! diff -u "$report" "$dir/out" > "$dir/out.diff"; then
			cat "$dir/out.diff" >&2
			fail "$check" "report differs from $id.report (diff on stderr)"
			return 0
		fi
		printf 'PASS %s\n' "$check"
		return 0
	fi
	# Lines of blanks only are spatch's indentation of "+" blank lines,
	# which generate.sh drops as well; the fixtures have none of their own.
	sed '/^[[:space:]]\{1,\}$/d' "$dir/$base" > "$dir/out"
	if ! diff -u "$res" "$dir/out" > "$dir/out.diff"; then
		cat "$dir/out.diff" >&2
		fail "$check" "output differs from $id.res (diff on stderr)"
		return 0
	fi
	counts "$cocci" "$dir/log" > "$dir/got"
	grep -v -E '^[[:space:]]*(#|$)' "$expect" | sort > "$dir/want"
	if ! diff -u "$dir/want" "$dir/got" > "$dir/count.diff"; then
		cat "$dir/count.diff" >&2
		fail "$check" "match counts differ from $id.expect:$(grep '^[-+][^-+]' \
			"$dir/count.diff" | tr '\n' ' ' | sed 's/^/ /; s/ $//')"
		return 0
	fi
	printf 'PASS %s\n' "$check"
}

for cocci in "$sp"/*/*.cocci; do
	[ -f "$cocci" ] || continue
	case $(sh "$top/backport/lib/cocci-header.sh" "$cocci" Kind) in library*) continue ;; esac
	name=$(basename "$cocci" .cocci)
	found=
	for input in "$fx/$name.c" "$fx/$name"-*.c "$fx/$name"-*.h; do
		[ -f "$input" ] || continue
		found=1
		fixture "$cocci" "$input"
	done
	[ -n "$found" ] || fail "cocci-fixture-$name" "no fixture $name.c in semantic-patches/tests"
done

# Negative control: the store-pci-error fixture without is_passed_through()
# in a scratch tree; apply-cocci.sh must fail at the count check (before it
# would read the fake, empty upstream tree), naming rule and kernel.
negative() {
	check="cocci-negative-zero-match"
	cocci=$sp/series/10-9f240376d034-store-pci-error.cocci
	input=$fx/10-9f240376d034-store-pci-error.c
	if [ ! -f "$cocci" ] || [ ! -f "$input" ]; then
		fail "$check" "no $cocci or $input"
		return 0
	fi
	neg=$tmp/negative
	mkdir -p "$neg/tree/arch/s390/include/asm" "$neg/tree/arch/s390/pci" \
		"$neg/tree/drivers/vfio/pci" "$neg/upstream"
	# The whole fixture goes into pci_event.c (counts are per rule, over all
	# files), the other files of the "// Files:" line stay empty.
	sed '/^static bool is_passed_through(/,/^}/d' "$input" \
		> "$neg/tree/arch/s390/pci/pci_event.c"
	if grep -q 'is_passed_through(struct' "$neg/tree/arch/s390/pci/pci_event.c" ||
		! grep -q 'is_passed_through(pdev)' "$neg/tree/arch/s390/pci/pci_event.c"; then
		fail "$check" "could not derive the input: is_passed_through() definition not found alone"
		return 0
	fi
	: > "$neg/tree/arch/s390/include/asm/pci.h"
	: > "$neg/tree/arch/s390/pci/pci.c"
	: > "$neg/tree/drivers/vfio/pci/vfio_pci_zdev.c"
	echo '{"HAVE_ZPCI_EVENT_RECOVERY": true, "HAVE_VFIO_PCI_ZDEV_OPEN_DEVICE": true}' > "$neg/probes.json"
	rc=0
	sh "$top/backport/generate/apply-cocci.sh" fixture "$cocci" "$neg/tree" "$neg/upstream" "$neg/probes.json" \
		> "$neg/out" 2>&1 || rc=$?
	msg=$(cat "$neg/out")
	case $rc:$msg in
	1:*"rule drop_passthrough_fn of 10-9f240376d034-store-pci-error.cocci matched 0 place(s)"*"on kernel fixture, expected 1"*)
		printf 'PASS %s\n' "$check" ;;
	*)
		printf '%s\n' "$msg" >&2
		fail "$check" "apply-cocci.sh exited $rc, not 1 with the zero-match message for drop_passthrough_fn on kernel fixture: $(printf '%s' "$msg" | tail -n 1)" ;;
	esac
}
negative

exit "$failed"
