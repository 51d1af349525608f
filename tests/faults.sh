#!/bin/sh
# tests/faults.sh - faults and bad input: each case in tests/faults/*.sh
# states a fault, the exit code expected, words the message must contain
# and what must be intact afterwards; this runner checks all four.
#
# A case file is sourced in a subshell, from the top of the repository,
# with $tmp (its own scratch directory) and tests/lib.sh's helpers. It
# starts with its description, one "# field: value" line each:
#   # fault:   what goes wrong
#   # exit:    the exit status expected of the command that meets it
#   # message: text the command's output must contain ("" for none)
#   # intact:  what must be as it was afterwards
# and defines
#   fault_run       run the command; print its output (stdout and
#                   stderr), return its exit status
#   fault_intact    print nothing and return 0 when everything that must
#                   be intact is; otherwise print what is not
# (fake_spatch_generate and fake_spatch_intact below serve the cases of a
# lying spatch.)
# Usage: sh tests/faults.sh [CASE...]   (default: every case)
# Outputs: "PASS fault-<case> (exit N)" or "FAIL fault-<case>: why".
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

# Helpers for the cases (they run with $tmp set to their own directory):
# fake_spatch_generate BODY: generate.sh for the last target into
# $tmp/out, with a fake spatch whose script is BODY (printf format) first
# in PATH; fake_spatch_intact: out/<that target> as before and no gen/ in
# $tmp/out.
fake_spatch_generate() {
	_tg=$(versions_names target | tail -n 1)
	main_out "$_tg"
	tree_sum "out/$_tg" > "$tmp/before"
	mkdir -p "$tmp/fake" "$tmp/out"
	# shellcheck disable=SC2059 # BODY is the fake's script, as a format
	printf "$1" > "$tmp/fake/spatch"
	chmod +x "$tmp/fake/spatch"
	cp "out/$_tg/probes.json" "out/$_tg/verdict.json" "$tmp/out/"
	PATH=$tmp/fake:$PATH sh backport/generate/generate.sh "$_tg" "$(sh backport/provision/fetch.sh "$_tg")" \
		"$(sh backport/provision/fetch.sh "$(versions_names upstream | head -n 1)")" "$tmp/out"
}
fake_spatch_intact() {
	_tg=$(versions_names target | tail -n 1)
	[ "$(tree_sum "out/$_tg")" = "$(cat "$tmp/before")" ] || echo "out/$_tg changed"
	[ ! -d "$tmp/out/gen" ] || echo "a gen/ was left in the scratch out"
}

# console_verdict: the runtime gate's results (runtime/results.sh, with the
# last target's tree) of the console $tmp/res/console.log; prints each
# failed check as "FAIL suite.name" and fails when there is one, as the
# gate does.
console_verdict() {
	sh backport/gates/runtime/results.sh "$tmp/res" "$(sh backport/provision/fetch.sh "$(versions_names target | tail -n 1)")" \
		"$(sh backport/provision/fetch.sh "$(versions_names upstream | head -n 1)")" 1 || return 2
	jq -r '.[] | select(.status == "FAIL") | "FAIL \(.suite).\(.name)"' "$tmp/res/results.json"
	[ "$(jq '[.[] | select(.status == "FAIL")] | length' "$tmp/res/results.json")" -eq 0 ]
}

# existing_make: make KERNELS=<the last target> EXISTING=$tmp/e (the case
# wrote $tmp/e), after recording both; existing_intact: $tmp/e and
# out/<that target> as recorded.
existing_make() {
	_tg=$(versions_names target | tail -n 1)
	tree_sum "$tmp/e" > "$tmp/before"
	tree_sum "out/$_tg" > "$tmp/out-before" 2> /dev/null || echo absent > "$tmp/out-before"
	make -s KERNELS="$_tg" EXISTING="$tmp/e"
}
existing_intact() {
	_tg=$(versions_names target | tail -n 1)
	[ "$(tree_sum "$tmp/e")" = "$(cat "$tmp/before")" ] || echo "EXISTING changed"
	[ "$(tree_sum "out/$_tg" 2> /dev/null || echo absent)" = "$(cat "$tmp/out-before")" ] || echo "out/$_tg changed"
}

# field FILE NAME: the value of the "# NAME: value" line of FILE.
field() { sed -n "s/^# $2: //p" "$1" | head -n 1; }

cases=${*:-$(for _f in tests/faults/*.sh; do basename "$_f" .sh; done)}
for c in $cases; do
	f=tests/faults/$c.sh
	[ -f "$f" ] || { ko "fault-$c" "no $f"; continue; }
	want=$(field "$f" exit) words=$(field "$f" message)
	[ "$words" != '""' ] || words=
	{ [ -n "$want" ] && [ -n "$(field "$f" fault)" ] && [ -n "$(field "$f" intact)" ]; } ||
		{ ko "fault-$c" "$f lacks a fault, exit or intact line"; continue; }
	# The case's scratch directory, and its output beside it.
	ct=$tmp/$c.d co=$tmp/$c.out
	mkdir -p "$ct"
	rc=0
	# shellcheck source=/dev/null
	(tmp=$ct; . "./$f"; fault_run) > "$co" 2>&1 || rc=$?
	# shellcheck source=/dev/null
	broken=$(tmp=$ct; . "./$f"; fault_intact 2>&1) || broken=${broken:-"fault_intact failed"}
	if [ "$rc" != "$want" ]; then
		ko "fault-$c" "exit $rc, expected $want: $(grep -v '^[[:space:]]*$' "$co" | tail -n 1)"
	elif [ -n "$words" ] && ! grep -q -F -- "$words" "$co"; then
		ko "fault-$c" "the output lacks '$words': $(grep -v '^[[:space:]]*$' "$co" | tail -n 1)"
	elif [ -n "$broken" ]; then
		ko "fault-$c" "not intact: $broken"
	else
		ok "fault-$c (exit $rc)"
	fi
done
