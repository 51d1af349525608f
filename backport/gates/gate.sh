#!/bin/sh
# gate.sh - every gate on a series a maintainer has (what `make gate` runs):
# the static gate and the runtime gate on a pristine tree with that series
# applied. The tests' mutants go through this same entry.
#
# Usage: gate.sh NAME TREE SERIESDIR OUTDIR
#   NAME       label of the run (letters, digits, '.', '_', '-'); the work
#              copies live under $ZPCI_CACHE/work/NAME/, so runs with the
#              label of a versions line share that kernel's builds (and
#              its ccache hits)
#   TREE       the pristine kernel tree (read only)
#   SERIESDIR  a directory holding a quilt "series" file and patches/ (read
#              only)
#   OUTDIR     where the results go
# Environment: ZPCI_GATES, the gates to run, "static runtime" by default;
#   ZPCI_OUT, where the upstream oracle lives (default out/).
# Steps: for the runtime gate, the tree's probes (SERIESDIR/probes.json
#   when there is one, as in out/<kernel>; otherwise prepare.sh and
#   probe.sh into OUTDIR: they choose our test patches) and the upstream oracle
#   (out/<upstream>/runtime.json, made with run-kernel.sh <upstream> when
#   missing); then backport/gates/static/static.sh and backport/gates/runtime/runtime.sh.
# Outputs: OUTDIR/.tree (the tree this label belongs to), OUTDIR/static.sarif (static gate), OUTDIR/runtime.json,
#   runtime.xml and boot.log (runtime gate), OUTDIR/probes.json when the
#   tree was probed here; on stderr
#   each gate's summary, last one line "gate: pass (...)" or
#   "gate: failed: <gates>".
# Errors: exit 0 when every gate passed, 1 when one found a defect, 2 on a
#   usage or environment error (a message naming the input and the fix),
#   among them a label whose OUTDIR/.tree names another tree.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: gate.sh NAME TREE SERIESDIR OUTDIR (make gate KSRC=<pristine tree> SERIES=<dir with series and patches/> [NAME=label])"
name=$1 tree=$2 sdir=$3 out=$4
gate_args "$name" "$tree" "$sdir"
gates=${ZPCI_GATES:-static runtime}
for g in $gates; do
	case $g in static | runtime) ;; *) usage_die "ZPCI_GATES='$gates': name static and/or runtime" ;; esac
done
tree=$(kernel_tree "$tree") || exit 2
sdir=$(cd "$sdir" && pwd)
# A label's results and builds belong to one tree: OUTDIR/.tree records
# it; another tree under the same label is refused, never mixed in (the
# sparse baseline of one tree compared with another's findings).
if [ -f "$out/.tree" ] && [ "$(cat "$out/.tree")" != "$tree" ]; then
	usage_die "NAME=$name holds the gate results of another tree, $(cat "$out/.tree") ($out/.tree), not $tree; give this tree a NAME of its own (make gate ... NAME=<label>), or remove $out"
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)
printf '%s\n' "$tree" | atomic_write "$out/.tree"

failed=
# run GATE CMD...: run one gate; exit 2 passes through, 1 is recorded.
run() {
	_g=$1
	shift
	_rc=0
	"$@" || _rc=$?
	# 3 (the runtime gate has no test-patch set for the tree): this tree
	# cannot be gated here, an environment error for make gate.
	[ "$_rc" -le 1 ] || exit 2
	[ "$_rc" -eq 0 ] || failed="$failed $_g"
}

case " $gates " in *" static "*)
	run static sh "$ZB/gates/static/static.sh" "$name" "$tree" "$sdir" "$out" ;;
esac

case " $gates " in *" runtime "*)
	# The runtime gate picks our test patches from the tree's probes: a
	# series directory of the main job (out/<kernel>) carries them,
	# otherwise the tree is probed here.
	probes=$sdir/probes.json
	if [ ! -f "$probes" ]; then
		work=$ZPCI_CACHE/work/$name
		sh "$ZB/probe/prepare.sh" "$tree" "$work/pristine-build" >&2 || exit 2
		sh "$ZB/probe/probe.sh" "$tree" "$work/pristine-build" "$out" >&2 || exit 2
		probes=$out/probes.json
	fi
	upname=$(versions_names upstream | head -n 1)
	oracle=$(oracle_json)
	if [ ! -f "$oracle" ]; then
		log "no oracle at $oracle: running the upstream line $upname first"
		rc=0
		sh "$ZB/pipeline/run-kernel.sh" "$upname" >&2 || rc=$?
		[ "$rc" -le 1 ] || exit 2
		[ -f "$oracle" ] || die "the upstream oracle failed (see ${oracle%/*}/logs/runtime.log)"
	fi
	run runtime sh "$ZB/gates/runtime/runtime.sh" --probes "$probes" "$name" "$tree" "$sdir" "$out" "$oracle" ;;
esac

if [ -z "$failed" ]; then
	log "gate: pass ($gates on $name)"
	exit 0
fi
log "gate: failed:$failed ($name; see $out)"
exit 1
