#!/bin/sh
# run-kernel.sh - the main job for one kernel: the stages of
# backport/pipeline/stages in their order (fetch, existing, prepare, probe,
# verdict, generate, export, apply, build, distro (the distribution's
# configuration, modpost) and fidelity, then the static and
# the runtime gate), each run through stage.sh, which keys it and records
# its status. The verdict stage decides from the tree's content which
# commits it carries; the series holds the others. A tree that carries
# every commit gets an empty series: apply to static have nothing to check,
# and the runtime gate runs on the tree as it is. On the upstream line that
# run is the oracle, whose results (out/<upstream>/runtime.json) every
# other tree must match; the upstream line must carry every commit.
#
# Usage: run-kernel.sh NAME [KSRC]
#   NAME  a line of versions, or the label of a user tree given as KSRC
#   KSRC  a kernel tree the user already has (read only)
# Environment: ZPCI_EXISTING, a maintainer's quilt series directory (read
#   only) that goes on the tree before ours, on a target (not the upstream
#   line): the tree the stages see is the tree with it applied, and a
#   commit it carries is attributed to its patch.
# Outputs: out/NAME/{probes.json,series,patches/,status/,logs/...},
#   static.sarif, runtime.json, runtime.xml, boot.log, ksrc-note (only
#   for a KSRC that is a git work tree with local changes); build and work
#   copies under $ZPCI_CACHE/work/NAME.
# Locks: $ZPCI_CACHE/work/NAME.lock and out/NAME/.lock (take_lock), held
#   for the whole run; a second run of NAME waits, saying for what.
# Errors: exit 0 when every stage passed or was skipped, 1 when a stage
#   failed, 2 on a usage or environment error.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
{ [ $# -ge 1 ] && [ $# -le 2 ]; } || usage_die "usage: run-kernel.sh NAME [KSRC]"
name=$1 ksrc=${2:-}
out=${ZPCI_OUT:-$ZPCI_TOP/out}/$name
work=$ZPCI_CACHE/work/$name
mkdir -p "$out" "$ZPCI_CACHE/work"
# One run at a time per kernel: its work directory (shared by every
# checkout on this cache) and its out/ (shared by every cache of this
# checkout) each take a lock; a second run waits for the first.
take_lock 7 "$work.lock" "the work directory of $name"
take_lock 8 "$out/.lock" "out/$name"
rm -rf "$out/status"
mkdir -p "$out/status" "$out/logs"
# What stage.sh reads to key each stage (see backport/pipeline/stages).
upline=
[ "$(versions_field "$name" 4 2>/dev/null || :)" != upstream ] || upline=1
existing=
[ -n "$upline" ] || existing=${ZPCI_EXISTING:-}
ZPCI_K_OUT=$out ZPCI_K_WORK=$work ZPCI_K_NAME=$name ZPCI_K_ORACLE=$(oracle_json)
ZPCI_K_EXISTING=$existing
export ZPCI_K_OUT ZPCI_K_WORK ZPCI_K_NAME ZPCI_K_ORACLE ZPCI_K_EXISTING
st() { sh "$ZB/pipeline/stage.sh" "$@"; }

upname=$(versions_names upstream | head -n 1)
[ -n "$upname" ] || usage_die "no upstream line in $ZPCI_VERSIONS"
upstream=$(sh "$ZB/provision/fetch.sh" "$upname") || exit 2
ZPCI_K_UPSTREAM=$upstream
export ZPCI_K_UPSTREAM

rm -f "$out/ksrc-note"
if [ -n "$ksrc" ]; then
	tree=$(kernel_tree "$ksrc" "KSRC=$ksrc") || exit 2
	echo "skipped: KSRC given" > "$out/status/fetch"
	# A git work tree with local changes: the series is made for the tree
	# as it is, changes included; the report says so (git status, which
	# writes nothing into the tree with --no-optional-locks).
	# Only a tree at the top of its work tree: a tree inside some other
	# repository (a checkout's subdirectory) is not a git tree of its own.
	if command -v git > /dev/null 2>&1 &&
		[ "$(git -C "$tree" rev-parse --show-toplevel 2> /dev/null)" = "$(cd "$tree" && pwd -P)" ]; then
		n=$(git --no-optional-locks -C "$tree" status --porcelain --untracked-files=no 2> /dev/null | wc -l)
		[ "$n" -eq 0 ] || printf 'KSRC %s is a git work tree with local changes (%s tracked files differ from %s): the series is made for the tree as it is\n' \
			"$ksrc" "$n" "$(git -C "$tree" rev-parse --short HEAD 2> /dev/null || echo HEAD)" | atomic_write "$out/ksrc-note"
	fi
else
	versions_field "$name" 2 >/dev/null ||
		usage_die "unknown kernel '$name': not a line of $ZPCI_VERSIONS (known: $(versions_names | tr '\n' ' '))"
	rc=0; tree=$(st fetch -- sh "$ZB/provision/fetch.sh" "$name") || rc=$?
	[ "$rc" -eq 0 ] || exit "$rc"
fi
# skip_after STAGE: every stage after STAGE is skipped, for $reason.
skip_after() {
	for s in $(stage_names | sed "1,/^$1\$/d"); do
		[ -f "$out/status/$s" ] || echo "skipped: $reason" | atomic_write "$out/status/$s"
	done
}
pristine=$tree
# The existing stage is keyed on the pristine tree; every later one on the
# tree it leaves (the pristine one, or a copy with EXISTING applied).
ZPCI_K_TREE=$tree
export ZPCI_K_TREE
if [ -n "$existing" ]; then
	rc=0
	st existing -- sh "$ZB/verify/apply-series.sh" "$tree" "$existing" "$work/existing" \
		"$out/logs/existing-quilt.log" || rc=$?
	[ "$rc" -le 1 ] || exit 2
	if [ "$rc" -ne 0 ]; then reason="EXISTING does not apply"; skip_after existing; exit 1; fi
	tree=$work/existing
else
	echo "skipped: no EXISTING series" | atomic_write "$out/status/existing"
fi
ZPCI_K_TREE=$tree
export ZPCI_K_TREE
kv=$(sh "$ZB/lib/kversion.sh" "$tree")
printf '%s\n' "$kv" | atomic_write "$out/kernelversion"

if ! st prepare -- sh "$ZB/probe/prepare.sh" "$tree" "$work/pristine-build"; then
	reason="prepare failed"; skip_after prepare; exit 1
fi
if ! st probe -- sh "$ZB/probe/probe.sh" "$tree" "$work/pristine-build" "$out"; then
	reason="probe failed"; skip_after probe; exit 1
fi
if ! sh "$ZB/probe/needed.sh" "$(cat "$ZB/probe/supported.expr")" "$out/probes.json"; then
	missing=$(grep -o 'HAVE_[A-Z0-9_]*' "$ZB/probe/supported.expr" |
		jq -R -r --slurpfile p "$out/probes.json" 'select($p[0][.] == false)' | tr '\n' ' ')
	reason="not supported: the probes find neither vfio-pci layout the rules know (${missing% } false)"
	skip_after probe; exit 0
fi
# shellcheck disable=SC2086 # $existing and $pristine are both there or both empty
if ! st verdict -- sh "$ZB/probe/verdict.sh" "$name" "$tree" "$upstream" "$out" \
	${existing:+"$existing" "$pristine"}; then
	reason="the verdict stage failed"; skip_after verdict; exit 1
fi
fail=0
st generate -- sh "$ZB/generate/generate.sh" "$name" "$tree" "$upstream" "$out" &&
	st export -- sh "$ZB/generate/export.sh" "$out" || fail=1
if [ "$fail" -eq 1 ]; then
	reason="an earlier stage failed"; skip_after export; exit 1
fi
oracle=$(oracle_json)
if [ -n "$upline" ]; then
	oracle=
	if [ -n "$(ls "$out"/patches/*.patch 2>/dev/null)" ]; then
		echo "fail: the upstream line $name does not carry every commit (see $out/verdict.txt): an \"// Evidence:\" line is wrong" |
			atomic_write "$out/status/verdict"
		reason="the upstream line must carry every commit"; skip_after export; exit 1
	fi
fi
if [ -z "$(ls "$out"/patches/*.patch 2>/dev/null)" ]; then
	reason="nothing to backport: the tree carries every commit (see verdict.txt)"
	for s in apply build distro kabi fidelity static; do
		echo "skipped: $reason" | atomic_write "$out/status/$s"
	done
else
	st apply -- sh "$ZB/verify/apply-series.sh" "$tree" "$out" "$work/patched" "$out/logs/apply.log" &&
		st build -- sh "$ZB/verify/build-objects.sh" "$work/patched" "$work/patched-build" "$out" \
			"$out/logs/build.log" || fail=1
	if [ "$fail" -eq 0 ]; then
		if st distro -- sh "$ZB/verify/distro-build.sh" "$name" "$tree" "$work/patched" \
			"$work/distro-build" "$out" "$out"; then
			st kabi -- sh "$ZB/verify/kabi.sh" "$name" "$tree" "$work/patched" "$out" "$out" "$work" || fail=1
		else
			fail=1
			echo "skipped: the distro stage failed" | atomic_write "$out/status/kabi"
		fi
		st fidelity -- sh "$ZB/verify/fidelity.sh" "$name" "$tree" "$work/patched" "$upstream" "$out" || fail=1
		# The gates run whatever fidelity says: each finds other defects.
		rc=0
		st static -- sh "$ZB/gates/static/static.sh" "$name" "$tree" "$out" "$out" || rc=$?
		[ "$rc" -ne 2 ] || exit 2
		[ "$rc" -eq 0 ] || fail=1
	else
		reason="an earlier stage failed"; skip_after build; exit 1
	fi
fi
if [ -z "$upline" ] && [ ! -f "$oracle" ]; then
	echo "fail: no oracle results ($oracle): run the upstream line $upname first" |
		atomic_write "$out/status/runtime"
	exit 1
fi
rc=0
# The upstream line runs without an oracle: its results are the oracle.
ZPCI_K_ORACLE=$oracle st runtime -- sh "$ZB/gates/runtime/runtime.sh" "$name" "$tree" "$out" "$out" ${oracle:+"$oracle"} || rc=$?
# 3: skipped, no adapter of our test code fits this tree.
case $rc in 0 | 3) ;; 2) exit 2 ;; *) fail=1 ;; esac
exit "$fail"
