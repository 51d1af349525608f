#!/bin/sh
# instrument.sh - the sparse context part of the static gate: make a
# check-only instrumented copy of the patched sources in which sparse counts
# pending_errs_lock, run sparse on it the way Kbuild ran it on the patched
# tree, and fail on every context finding the patched tree itself lacks.
#
# Usage: instrument.sh NAME PATCHED SERIESDIR OUTDIR
#   NAME       label of the kernel; the copy goes to
#              $ZPCI_CACHE/work/NAME/gate/instrumented/ (never shipped)
#   PATCHED    the tree with the series applied; PATCHED-build its build
#              directory, as static/sparse.sh left it
#   SERIESDIR  directory with patches/: the touched .c files are instrumented
#   OUTDIR     out/<name>: must hold static/sparse.sh's static/sparse/patched/
#              (sparse's arguments per file) and static/sparse/patched.tsv
# Steps, per touched .c file: semantic-patches/checks/lower-guard.cocci turns
#   guard()/scoped_guard() of pending_errs_lock into mutex_lock/unlock on
#   every exit (sparse does not see cleanup attributes); then
#   semantic-patches/checks/instrument-pending-errs-lock.cocci adds
#   __context__(pending_errs_lock, +1/-1) at each lock/unlock and, in each
#   function that takes the lock, a call to zpci_r1_<callee>() before each
#   call rule R1 forbids (any lock, pci_get_slot() and the other bus walks,
#   device_lock()/pci_dev_lock(), user copies, err_handler callbacks, KVM
#   hooks, and the functions that take pending_errs_lock themselves); each
#   zpci_r1_* is declared with __attribute__((context(pending_errs_lock,-1,0))),
#   which sparse 0.6.5~rc1 checks as "the count must be zero here".
# Outputs: OUTDIR/static/instrument/findings.tsv (file, line, column,
#   message; lines of the patched file, mapped back from the copy) and, on
#   stdout, each finding as "file:line:col: message". A finding is a sparse
#   "context check failure" (R1: a forbidden call with the lock held) or
#   "context imbalance" (R4: the lock not released on some path, or
#   released twice) that the uninstrumented patched tree does not have.
#   A guard() this script cannot lower is a finding too (fails closed).
#   Logs: OUTDIR/static/instrument/*.log, sparse's stderr *.diag.
# Errors: exit 1 when there is a finding; exit 2 on bad arguments, a missing
#   static/sparse.sh run, or spatch failing.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"
[ $# -eq 4 ] || usage_die "usage: instrument.sh NAME PATCHED SERIESDIR OUTDIR"
name=$1 patched=$2 sdir=$3 out=$4
sp=$ZPCI_TOP/semantic-patches/checks
patched=$(kernel_tree "$patched" "PATCHED=$patched") || exit 2
pbuild=$patched-build
sout=$out/static/sparse
{ [ -f "$sout/patched.tsv" ] && [ -d "$sout/patched" ]; } ||
	usage_die "no sparse run of the patched tree in $sout: run static/sparse.sh first"
sparse=$(sh "$ZB/provision/build-sparse.sh") ||
	usage_die "sparse could not be built (see above); run backport/provision/build-sparse.sh"
iout=$out/static/instrument
inst=$ZPCI_CACHE/work/$name/gate/instrumented
rm -rf "$iout" "$inst"
mkdir -p "$iout" "$inst"
: > "$iout/findings.tsv"
files=$(sh "$ZB/lib/series-files.sh" "$sdir" | grep '\.c$' || true)
tab=$(printf '\t')

# finding FILE LINE COL MESSAGE
finding() { printf '%s\t%s\t%s\t%s\n' "$@" >> "$iout/findings.tsv"; }

present=""
for f in $files; do
	[ -f "$patched/$f" ] || continue
	present="$present $f"
	mkdir -p "$(dirname "$inst/$f")"
	cp "$patched/$f" "$inst/$f"
	chmod u+w "$inst/$f"
done
[ -n "$present" ] || { log "no touched .c file in $patched"; exit 0; }

# spatch_run COCCI MODE LOG FILE...: in $inst, in place for MODE patch.
spatch_run() {
	_c=$1 _m=$2 _l=$3
	shift 3
	_ip=
	[ "$_m" != patch ] || _ip=--in-place
	(cd "$inst" && sh "$ZB/lib/spatch.sh" "$_c" -D "$_m" ${_ip:+"$_ip"} "$@") > "$_l" 2>&1 ||
		usage_die "spatch $(basename "$_c") failed on $name (see $_l): $(tail -n 1 "$_l")"
	! grep -q -E '^(minus|plus): parse error|^Fatal error|^exception' "$_l" ||
		usage_die "spatch $(basename "$_c") reported an error on $name (see $_l)"
}

# shellcheck disable=SC2086 # $present is a list of paths
spatch_run "$sp/lower-guard.cocci" patch "$iout/lower.log" $present
for f in $present; do
	grep -n -E '(scoped_)?guard\(mutex\)?[(,][^;]*pending_errs_lock' "$inst/$f" |
		while IFS=: read -r n _rest; do
			finding "$f" "$n" 1 "guard() of pending_errs_lock left as it is: lower-guard.cocci cannot lower it, so sparse cannot check it"
		done
done
# shellcheck disable=SC2086
spatch_run "$sp/instrument-pending-errs-lock.cocci" report "$iout/takers.log" $present
takers=$(sed -n 's/^ZPCI-TAKER //p' "$iout/takers.log" | sort -u | tr '\n' ' ')
log "functions that take pending_errs_lock: ${takers:-none}"
# shellcheck disable=SC2086
ZPCI_R1_EXTRA=$takers spatch_run "$sp/instrument-pending-errs-lock.cocci" patch \
	"$iout/instrument.log" $present

for f in $present; do
	cmp -s "$patched/$f" "$inst/$f" && continue
	n=$(printf '%s' "$f" | tr '/' '%')
	args=$sout/patched/$n.args
	[ -f "$args" ] || usage_die "no sparse arguments for $f in $sout/patched: static/sparse.sh did not check it"
	# The declarations go first; they need no header.
	{
		grep -o 'zpci_r1_[A-Za-z0-9_]*' "$inst/$f" | sort -u | while read -r c; do
			printf 'extern void %s(void) __attribute__((context(pending_errs_lock, -1, 0)));\n' "$c"
		done
		cat "$inst/$f"
	} > "$inst/$f.tmp"
	mv -f "$inst/$f.tmp" "$inst/$f"
	# Line map: line of the copy -> line of the patched file. Changed lines
	# map in order onto the lines they replace, added ones onto the next
	# line of the patched file.
	diff --old-line-format='-
' --new-line-format='+
' --unchanged-line-format='=
' "$patched/$f" "$inst/$f" | awk '
		function close_block() { nd = 0; k = 0 }
		$0 == "=" { close_block(); o++; m[++nw] = o; next }
		$0 == "-" { o++; d[++nd] = o; next }
		$0 == "+" { nw++; k++; m[nw] = (k <= nd) ? d[k] : (nd ? d[nd] : o + 1); next }
		END { for (i = 1; i <= nw; i++) print i, m[i] }' > "$iout/$n.map"
	# Replay sparse as Kbuild ran it, on the copy (no dependency file).
	set --
	while IFS= read -r a; do
		case $a in -Wp,-MMD,* | -Wp,-MD,*) continue ;; esac
		set -- "$@" "$a"
	done < "$args"
	[ $# -ge 2 ] || usage_die "$args holds no sparse command"
	last=$#
	i=0
	for a in "$@"; do
		i=$((i + 1))
		if [ "$i" -eq 1 ]; then set --; fi
		if [ "$i" -eq "$last" ]; then set -- "$@" "$inst/$f"; else set -- "$@" "$a"; fi
	done
	rc=0
	(cd "$pbuild" && "$sparse" "$@") 2> "$iout/$n.diag" > /dev/null || rc=$?
	sh "$ZB/gates/static/sparse.sh" --parse "$inst" "$pbuild" "$iout/$n.diag" > "$iout/$n.all.tsv"
	# The copy must parse as the patched file does: an error of sparse's own
	# there means the instrumentation broke it, and the check proves nothing.
	if [ "$rc" -ne 0 ] || awk -F '\t' -v f="$f" '$1 == f && $4 ~ /^error:/ { e = 1 } END { exit !e }' "$iout/$n.all.tsv"; then
		usage_die "sparse failed on the instrumented copy of $f (exit $rc, see $iout/$n.diag): $(grep -m 1 'error' "$iout/$n.diag")"
	fi
	awk -F '\t' -v f="$f" '$1 == f && $4 ~ /context/' "$iout/$n.all.tsv" > "$iout/$n.tsv"
	# Map back, look up the patched line, name the zpci_r1_ callee, and
	# drop what the patched tree reports as well.
	awk -F '\t' -v OFS='\t' -v f="$f" -v map="$iout/$n.map" -v inst="$inst/$f" \
		-v pf="$patched/$f" -v tsv="$sout/patched.tsv" '
		function squeeze(s) { gsub(/[ \t]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s }
		BEGIN {
			while ((getline l < map) > 0) { split(l, a, " "); mp[a[1]] = a[2] }
			while ((getline l < pf) > 0) src[++np] = l
			while ((getline l < inst) > 0) ins[++ni] = l
			while ((getline l < tsv) > 0) {
				split(l, a, "\t")
				if (a[1] == f && a[4] ~ /context/) seen[a[4] "\t" a[5]]++
			}
		}
		{
			ln = mp[$2]; text = src[ln]; msg = $4; col = 1
			if (msg ~ /context check failure/ && match(ins[$2], /zpci_r1_[A-Za-z0-9_]*/)) {
				callee = substr(ins[$2], RSTART + 8, RLENGTH - 8)
				what = callee "()"
				if (callee == "err_handler") what = "a driver err_handler callback"
				if (callee == "kvm_hook") what = "a KVM register hook"
				msg = msg ": " what " called with pending_errs_lock held (R1)"
				if (callee != "err_handler" && callee != "kvm_hook" && (c = index(text, callee "(")) > 0)
					col = c
			} else if (msg ~ /context imbalance/) {
				msg = msg " (R4: pending_errs_lock)"
			}
			k = $4 "\t" squeeze(text)
			if (seen[k] > 0) { seen[k]--; next }
			print f, ln, col, msg
		}' "$iout/$n.tsv" >> "$iout/findings.tsv"
done

sort -t "$tab" -k1,1 -k2,2n -k3,3n -u "$iout/findings.tsv" -o "$iout/findings.tsv"
awk -F '\t' '{ printf "%s:%s:%s: %s\n", $1, $2, $3, $4 }' "$iout/findings.tsv"
if [ -s "$iout/findings.tsv" ]; then
	die "$(wc -l < "$iout/findings.tsv") sparse context finding(s) on pending_errs_lock in $name"
fi
log "sparse context check of pending_errs_lock: clean in $name"
