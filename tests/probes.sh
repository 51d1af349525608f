#!/bin/sh
# tests/probes.sh - test backport/probe/prepare.sh and probe.sh on every
# tree of versions: each probe's compiled answer must agree with what the
# tree's sources say, as the probe itself states it.
#
# Usage: tests/probes.sh
# Inputs: the trees of the versions file (backport/provision/fetch.sh
#   extracts any that is missing); the cross compiler; each probe's
#   " * Evidence: [!]FILE REGEX" lines: the probe must be true exactly when
#   every such line holds (REGEX, grep -E, found in FILE of the tree; with
#   "!", not found, or FILE missing). A new kernel needs no expectation of
#   its own. Build directories are $ZPCI_CACHE/build/probe-test-<name>
#   (reused: prepare.sh is a no-op on a second run), probe results go to
#   $ZPCI_CACHE/build/probe-test-<name>.out.
#   Cold, on 2 cores: about 20 s prepare + 15 s probe per tree.
# Outputs: one line per test on stdout:
#   PASS probes-<name>: every probe agrees with its evidence on the tree
#   PASS probes-evidence: every probe with a key states its evidence
#   PASS probes-evidence-catches: a result flipped by hand is reported
#   PASS prepare-rerun-<name>: a second prepare.sh is a no-op
#   PASS probes-infrastructure: probe.sh fails, rather than reporting 0,
#     when the compiler never gives a verdict (a broken ccache on PATH)
# Errors: exit 1 when any test failed, 0 otherwise.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

# Every probe that names a key gives its evidence.
bare=$(for p in compat/probes/*.c; do
	if grep -q '^ \* Probe HAVE_' "$p" && ! grep -q '^ \* Evidence: ' "$p"; then
		printf '%s ' "${p##*/}"
	fi
done)
if [ -z "$bare" ]; then ok probes-evidence; else ko probes-evidence "no Evidence line in $bare"; fi

# expected TREE: "HAVE_X true|false" for every probe, from its evidence.
expected() {
	for p in compat/probes/*.c; do
		k=$(sed -n 's/^ \* Probe \(HAVE_[A-Z0-9_]*\):.*/\1/p' "$p")
		[ -n "$k" ] || continue
		v=true
		while read -r f re; do
			neg=
			case $f in !*) neg=1 f=${f#!} ;; esac
			hit=0
			grep -q -E -- "$re" "$1/$f" 2> /dev/null && hit=1
			if [ -n "$neg" ]; then [ "$hit" -eq 0 ] || v=false; else [ "$hit" -eq 1 ] || v=false; fi
		done <<EOF
$(sed -n 's/^ \* Evidence: //p' "$p")
EOF
		printf '%s %s\n' "$k" "$v"
	done
}

# mismatches TREE PROBES: the probes whose result disagrees with evidence.
mismatches() {
	expected "$1" | while read -r k v; do
		got=$(jq -r --arg k "$k" 'if has($k) then .[$k] else "missing" end' "$2")
		[ "$got" = "$v" ] || printf '%s=%s (its evidence says %s) ' "$k" "$got" "$v"
	done
}

for name in $(versions_names); do
	t=probes-$name
	tree=$(sh backport/provision/fetch.sh "$name" 2> /dev/null) ||
		{ ko "$t" "backport/provision/fetch.sh $name failed"; continue; }
	build=$ZPCI_CACHE/build/probe-test-$name
	out=$build.out
	if ! err=$(sh backport/probe/prepare.sh "$tree" "$build" 2>&1); then
		ko "$t" "prepare.sh failed: $(printf '%s\n' "$err" | tail -n 5 | tr '\n' ' ')"
		continue
	fi
	if ! err=$(sh backport/probe/probe.sh "$tree" "$build" "$out" 2>&1); then
		ko "$t" "probe.sh failed: $(printf '%s\n' "$err" | tail -n 5 | tr '\n' ' ')"
		continue
	fi
	diff=$(mismatches "$tree" "$out/probes.json")
	if [ -n "$diff" ]; then
		ko "$t" "${diff% } (logs: $out/logs/probes/)"
	elif [ "$(grep -c '^#define HAVE_' "$out/probes.h")" -ne \
		"$(jq '[.[] | select(.)] | length' "$out/probes.json")" ]; then
		ko "$t" "probes.h does not match probes.json"
	else
		ok "$t"
	fi

	t=prepare-rerun-$name
	if err=$(sh backport/probe/prepare.sh "$tree" "$build" 2>&1) &&
		printf '%s\n' "$err" | grep -q 'prepared already'; then
		ok "$t"
	else
		ko "$t" "a second prepare.sh did not find the stamp: $err"
	fi
done

# The comparison catches a wrong answer: the last tree's results with one
# probe flipped.
t=probes-evidence-catches
if [ -f "${out:-}/probes.json" ]; then
	jq '.HAVE_CLEANUP_H |= not' "$out/probes.json" > "$tmp/flipped.json"
	case $(mismatches "$tree" "$tmp/flipped.json") in
	HAVE_CLEANUP_H=*) ok "$t" ;;
	*) ko "$t" "a flipped HAVE_CLEANUP_H went unnoticed" ;;
	esac
else
	ko "$t" "no probe results to flip"
fi

# A ccache that fails without a word: make fails on every probe, but no
# compiler error is in any log, so probe.sh must refuse to report.
t=probes-infrastructure
first=$(versions_names | head -n 1)
build=$ZPCI_CACHE/build/probe-test-$first
if [ -f "$build/.zpci-prepared" ]; then
	mkdir -p "$tmp/fake"
	printf '#!/bin/sh\nexit 1\n' > "$tmp/fake/ccache"
	chmod +x "$tmp/fake/ccache"
	rc=0
	err=$(PATH=$tmp/fake:$PATH sh backport/probe/probe.sh \
		"$(sh backport/provision/fetch.sh "$first" 2> /dev/null)" "$build" "$tmp/fake/out" 2>&1) || rc=$?
	if [ "$rc" -eq 1 ] && printf '%s\n' "$err" | grep -q 'without a compiler verdict' &&
		[ ! -e "$tmp/fake/out/probes.json" ]; then
		ok "$t"
	else
		ko "$t" "probe.sh with a broken compiler exited $rc: $(printf '%s\n' "$err" | tail -n 2 | tr '\n' ' ')"
	fi
else
	ko "$t" "no prepared $first build directory to test with"
fi
