#!/bin/sh
# static.sh - the static gate for one kernel: apply a series to a copy of a
# pristine tree, then run every static check on the result and write the
# findings as SARIF.
#
# Usage: static.sh NAME TREE SERIESDIR OUTDIR
#   NAME       label of the kernel (a versions name, or any label): work
#              copies and the cached sparse baseline live under
#              $ZPCI_CACHE/work/NAME/ (gate/ and pristine-build/)
#   TREE       the pristine kernel tree (read only)
#   SERIESDIR  a directory holding a quilt "series" file and patches/ (read
#              only: it is copied first)
#   OUTDIR     where the results go, e.g. out/NAME
# Checks (rule ids are stable):
#   zpci/apply           the series applies with no fuzz (apply-series.sh)
#   zpci/sparse-new      no sparse diagnostic the pristine tree lacks, on
#                        every object the series touches (static/sparse.sh)
#   zpci/build           those objects build (with C=2)
#   zpci/sparse-context  sparse's context check of pending_errs_lock on an
#                        instrumented copy: R1 calls and R4 imbalances
#                        (static/instrument.sh)
#   zpci/R1 .. zpci/R4   the Coccinelle lock rules
#                        semantic-patches/checks/check-r[1-4]-*.cocci over the files
#                        the series touches (backport/DESIGN.md §4)
# Outputs: OUTDIR/static.sarif (SARIF 2.1.0: one result per finding, paths
#   relative to the tree root, uriBaseId SRCROOT); OUTDIR/static/ (each
#   check's files, findings.tsv: rule id, file, line, column, message);
#   on stdout each finding as "file:line:col: [rule id] message", and on
#   stderr, last, one summary line: "static gate: pass (...)" or
#   "static gate: N finding(s): rule n, ...".
# Errors: exit 0 when no check found anything, 1 when one did, 2 on a usage
#   or environment error (a one-line message naming the input and the fix).
# Cost (2 cores, -j2, measured): 40-47 s cold (no ccache, two build
#   directories prepared), 11-18 s warm (baseline cached, 7.2 and 6.12).
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: static.sh NAME TREE SERIESDIR OUTDIR"
name=$1 tree=$2 sdir=$3 out=$4
gate_args "$name" "$tree" "$sdir"
for t in spatch quilt jq lsdiff s390x-linux-gnu-gcc ccache; do
	command -v "$t" > /dev/null 2>&1 ||
		usage_die "$t is not installed; run backport/provision/bootstrap.sh main (as root) first"
done
sh "$ZB/provision/build-sparse.sh" > /dev/null ||
	usage_die "sparse 0.6.5~rc1 could not be built; run backport/provision/build-sparse.sh to see why"
tree=$(kernel_tree "$tree") || exit 2
mkdir -p "$out"
out=$(cd "$out" && pwd)
gwork=$ZPCI_CACHE/work/$name/gate
st=$out/static
rm -rf "$st" "$out/static.sarif"
mkdir -p "$st" "$gwork"
tab=$(printf '\t')
: > "$st/findings.tsv"
start=$(date +%s)

# add RULE TSV: append a check's "file line col message" lines under RULE.
add() { awk -F '\t' -v OFS='\t' -v r="$1" 'NF >= 4 { print r, $1, $2, $3, $4 }' "$2" >> "$st/findings.tsv"; }

# The series is only read: apply-series.sh writes its log into $st.
ser=$sdir
patched=$gwork/patched

rc_apply=0
sh "$ZB/verify/apply-series.sh" "$tree" "$ser" "$patched" "$st/quilt.log" 2> "$st/apply.log" || rc_apply=$?
[ "$rc_apply" -le 1 ] || { cat "$st/apply.log" >&2; exit 2; }
if [ "$rc_apply" -eq 1 ]; then
	# The patch quilt stopped at, relative to SERIESDIR.
	p=$(sed -n 's/^Applying patch .*\/\([^/]*\)$/\1/p' "$st/quilt.log" | tail -n 1)
	why=$(grep -m 1 -E 'FAILED|fuzz|reject|does not apply' "$st/quilt.log" | sed "s|$ser/||g")
	printf 'patches/%s\t1\t1\t%s\n' "${p:-?}" \
		"the series does not apply to the pristine tree with --fuzz=0: ${why:-see $st/quilt.log}" > "$st/apply.tsv"
	add zpci/apply "$st/apply.tsv"
else
	# sparse: new diagnostics, then the context check on the instrumented copy.
	rc=0
	sh "$ZB/gates/static/sparse.sh" "$name" "$tree" "$patched" "$ser" "$out" > /dev/null 2> "$st/sparse.log" || rc=$?
	[ "$rc" -le 1 ] || { cat "$st/sparse.log" >&2; exit 2; }
	add zpci/sparse-new "$st/sparse/new.tsv"
	if [ "$rc" -eq 1 ] && [ ! -s "$st/sparse/new.tsv" ]; then
		printf '%s\t1\t1\t%s\n' "$(sh "$ZB/lib/series-files.sh" "$ser" | grep -m 1 '\.c$')" \
			"$(tail -n 1 "$st/sparse.log" | sed 's/^[^:]*: error: //')" > "$st/build.tsv"
		add zpci/build "$st/build.tsv"
	else
		rc=0
		sh "$ZB/gates/static/instrument.sh" "$name" "$patched" "$ser" "$out" > /dev/null 2> "$st/instrument.log" || rc=$?
		[ "$rc" -le 1 ] || { cat "$st/instrument.log" >&2; exit 2; }
		add zpci/sparse-context "$st/instrument/findings.tsv"
	fi

	# Coccinelle: the four lock rules, two spatch runs at a time.
	files=$(sh "$ZB/lib/series-files.sh" "$ser" | while read -r f; do
		[ -f "$patched/$f" ] && echo "$f"; done)
	set --
	for c in "$ZPCI_TOP"/semantic-patches/checks/check-r[1-4]-*.cocci; do
		r=$(basename "$c" .cocci)
		# shellcheck disable=SC2086 # $files is a list of paths
		(cd "$patched" && nice -n 10 sh "$ZB/lib/spatch.sh" "$c" -D report \
			$files > "$st/$r.out" 2> "$st/$r.log"; echo $? > "$st/$r.rc") &
		set -- "$@" $!
		if [ $# -ge 2 ]; then wait "$1"; shift; fi
	done
	wait
	for c in "$ZPCI_TOP"/semantic-patches/checks/check-r[1-4]-*.cocci; do
		r=$(basename "$c" .cocci)
		if [ "$(cat "$st/$r.rc")" != 0 ] || grep -q -E '^Fatal error|^exception|parse error' "$st/$r.log"; then
			usage_die "spatch $(basename "$c") failed on $name (see $st/$r.log): $(tail -n 1 "$st/$r.log")"
		fi
		id=$(printf '%s' "$r" | sed 's/^check-r\([0-9]\).*/R\1/')
		sed -n "s/^\([^:]*\):\([0-9]*\):\([0-9]*\): $id: \(.*\)$/\1\t\2\t\3\t\4/p" "$st/$r.out" > "$st/$r.tsv"
		add "zpci/$id" "$st/$r.tsv"
	done
fi
secs=$(($(date +%s) - start))

sort -t "$tab" -k2,2 -k3,3n -k4,4n -k1,1 -u "$st/findings.tsv" -o "$st/findings.tsv"
# SARIF 2.1.0, through jq.
jq -R -s --arg name "$name" --arg tree "$tree" --arg series "$sdir" \
	--arg sparse "$(sh "$ZB/provision/build-sparse.sh")" \
	--arg spatch "$(spatch --version 2>/dev/null | head -n 1)" --argjson secs "$secs" '
	def rules: [
	  {id: "zpci/apply", text: "The series applies to the pristine tree with no fuzz."},
	  {id: "zpci/build", text: "The objects the series touches build (Kbuild, C=2)."},
	  {id: "zpci/sparse-new", text: "No sparse diagnostic that the pristine tree lacks (file, message and source line compared, so line shifts do not count)."},
	  {id: "zpci/sparse-context", text: "sparse context check of pending_errs_lock on an instrumented copy: no call forbidden by R1 with the lock held, no imbalance (R4)."},
	  {id: "zpci/R1", text: "pending_errs_lock is a leaf lock: while it is held nothing else is acquired and no bus walk, device lock, user copy, err_handler callback or KVM hook is called."},
	  {id: "zpci/R2", text: "The event path takes the device lock (device_lock or pci_dev_lock) before pending_errs_lock, never the reverse."},
	  {id: "zpci/R3", text: "Every access to zdev->pending_errs happens with pending_errs_lock held (zpci_create_device() excepted)."},
	  {id: "zpci/R4", text: "pending_errs_lock is balanced on every path: no return with it held, no unlock where it is not held, no second acquisition."}
	];
	(rules | map(.id)) as $ids
	| [split("\n")[] | select(length > 0) | split("\t")] as $rows
	| {
	    version: "2.1.0",
	    runs: [{
	      tool: {driver: {
	        name: "zpci-backport static gate",
	        rules: [rules[] | {id, shortDescription: {text: .text},
	                          defaultConfiguration: {level: "error"}}]
	      }},
	      originalUriBaseIds: {SRCROOT: {description: {text: "the root of the kernel tree the series was applied to"}}},
	      invocations: [{executionSuccessful: true,
	                     properties: {kernel: $name, tree: $tree, series: $series,
	                                  sparse: $sparse, spatch: $spatch, seconds: $secs}}],
	      results: [$rows[] | {
	        ruleId: .[0],
	        ruleIndex: (.[0] as $r | $ids | index($r)),
	        level: "error",
	        message: {text: .[4]},
	        locations: [{physicalLocation: {
	          artifactLocation: {uri: .[1], uriBaseId: "SRCROOT"},
	          region: {startLine: (.[2] | tonumber), startColumn: (.[3] | tonumber)}}}]
	      }]
	    }]
	  }' "$st/findings.tsv" > "$out/static.sarif.tmp"
mv -f "$out/static.sarif.tmp" "$out/static.sarif"

awk -F '\t' '{ printf "%s:%s:%s: [%s] %s\n", $2, $3, $4, $1, $5 }' "$st/findings.tsv"
n=$(wc -l < "$st/findings.tsv")
if [ "$n" -eq 0 ]; then
	log "static gate: pass ($name, ${secs}s: sparse, sparse context, R1-R4)"
	exit 0
fi
counts=$(cut -f1 "$st/findings.tsv" | sort | uniq -c | awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }')
log "static gate: $n finding(s): $counts"
exit 1
