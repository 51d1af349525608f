#!/bin/sh
# tests/runtime-gate.sh - the runtime gate (backport/gates/runtime/runtime.sh) on the
# upstream oracle, on the supported kernels, and on mutants it must catch.
# Commands and expected results:
#   the main job's runtime stage (backport/pipeline/run-kernel.sh, rerun only when
#   its inputs changed since it passed) on 7.3 (upstream, our test patches
#   only: the oracle) and on each K of ZPCI_RUNTIME_KERNELS (default: every
#   target of versions with out/K/series)             -> status "pass"
#   a mutant is K's series plus one patch: the edit of one file, as the
#     series leaves it, that a file tests/mutants/NAME.perl (perl -0p) or
#     NAME.cocci with a "Fails:" line makes. Its header names the file
#     ("File:"), the checks (suite.test) that must fail on it ("Fails:")
#     and where it runs ("Runs on:"): "targets", each K of
#     ZPCI_RUNTIME_MUTANT_KERNELS (default: ZPCI_RUNTIME_KERNELS), or
#     "upstream", each K of ZPCI_RUNTIME_TEST_MUTANT_KERNELS (default: the
#     upstream tree only). The gate must exit 1 on it, with those checks
#     failed. The gate's own mutants (a v14 lookup under the lock, a
#     uAPI number of an old posting, a leaked lock) run on the targets; one
#     mutant per test, the error-and-recovery flow among them, upstream.
#   A mutant runs only on a kernel that passed the gate itself in this run
#   (otherwise "FAIL runtime-mutant-...: not run").
# ZPCI_RUNTIME_ONLY="mutant..." runs only the mutants named.
# ZPCI_RUNTIME_KEEP=DIR keeps the mutants' results in DIR/out-<K>-<mutant>;
# an empty ZPCI_RUNTIME_*KERNELS variable turns its part off.
# Results go to out/<K>/runtime.{json,xml} and out/<K>/boot.log for the real
# kernels; mutants run in the same work directory as their kernel, so each
# rebuilds only the files its edit touches (and relinks), about 1-3 min.
# Budget per kernel on 2 cores: build <= 8 min cold, <= 2 min after a
# one-line change; boot and tests <= 2 min. Each check prints one line
# "PASS name" or "FAIL name: reason".
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
# Default: every target line of versions the main job made a series for.
kernels=${ZPCI_RUNTIME_KERNELS-$(for k in $(versions_names target); do
	[ ! -f "out/$k/series" ] || printf '%s ' "$k"; done)}
mkernels=${ZPCI_RUNTIME_MUTANT_KERNELS-$kernels}
upname=$(versions_names upstream | head -n 1)
tkernels=${ZPCI_RUNTIME_TEST_MUTANT_KERNELS-$upname}

# probes NAME: out/NAME/probes.json from the main job, made if missing.
probes() {
	[ -f "out/$1/probes.json" ] || sh backport/pipeline/run-kernel.sh "$1" > "$tmp/probe-$1.log" 2>&1 || true
	[ -f "out/$1/probes.json" ]
}

# stage NAME: the main job's runtime stage of NAME (rerun only if its
# inputs changed since it last passed, as in make); prints "pass" or the
# stage's status line.
stage() {
	sh backport/pipeline/run-kernel.sh "$1" > "$tmp/o" 2>&1 || :
	cat "out/$1/status/runtime" 2>/dev/null || echo "fail: no runtime status (see backport/pipeline/run-kernel.sh $1)"
}

# timing NAME OUTDIR: "build N s, boot N s" from runtime.json.
timing() {
	jq -r '"build \(.timings.build_s) s, boot \(.timings.boot_s) s"' "$2/runtime.json" 2>/dev/null || echo "no timings"
}

# The oracle. $passed lists the kernels that passed: a mutant proves
# something only where the kernel itself passes.
passed=
v=$(stage "$upname")
if [ "$v" = pass ]; then ok "runtime-$upname-oracle ($(timing "$upname" "out/$upname"))"; passed=" $upname "
else ko "runtime-$upname-oracle" "$v"; fi

for k in $kernels; do
	v=$(stage "$k")
	if [ "$v" = pass ]; then ok "runtime-$k ($(timing "$k" "out/$k"))"; passed="$passed $k "
	else ko "runtime-$k" "$v"; fi
done

# mutant K NAME FILE MUTANT: a series directory for K with one more patch,
# the edit MUTANT (a .perl or .cocci of tests/mutants) makes to FILE as it
# is after K's series; prints the directory. Fails when the edit changes
# nothing.
mutant() {
	mk=$1 mname=$2 mfile=$3 medit=$4
	md=$tmp/mut-$mk-$mname
	mkdir -p "$md/patches" "$md/a/$(dirname "$mfile")" "$md/b/$(dirname "$mfile")"
	cp "out/$mk/probes.json" "$md/"
	: > "$md/series"
	mtree=$(sh backport/provision/fetch.sh "$mk")
	if [ -n "$(series_entries "out/$mk")" ]; then
		cp out/"$mk"/patches/* "$md/patches/"
		cp "out/$mk/series" "$md/series"
		[ -d "$tmp/applied-$mk" ] ||
			sh backport/verify/apply-series.sh "$mtree" "out/$mk" "$tmp/applied-$mk" >/dev/null 2>&1 ||
			return 1
		cp "$tmp/applied-$mk/$mfile" "$md/a/$mfile"
	else
		cp "$mtree/$mfile" "$md/a/$mfile"
	fi
	case $medit in
	*.perl) perl -0p "$medit" "$md/a/$mfile" > "$md/b/$mfile" ;;
	*.cocci)
		cp "$md/a/$mfile" "$md/b/$mfile"
		(cd "$md/b" && sh "$OLDPWD/backport/lib/spatch.sh" "$OLDPWD/$medit" \
			-D patch --in-place "$mfile") > "$md/mutant.log" 2>&1 || return 1 ;;
	esac
	if (cd "$md" && diff -u --label "a/$mfile" --label "b/$mfile" "a/$mfile" "b/$mfile") \
		> "$md/patches/zz-mutant-$mname.patch"; then
		return 1
	fi
	echo "zz-mutant-$mname.patch" >> "$md/series"
	printf '%s\n' "$md"
}

# run_mutant K MUTANT: the gate must fail on the mutant tests/mutants/MUTANT,
# with each check (suite.name) of its "Fails:" line among the failed ones.
run_mutant() {
	mk=$1 mname=$(basename "${2%.*}")
	mfile=$(mutant_field "$2" File)
	case " ${ZPCI_RUNTIME_ONLY:-$mname} " in *" $mname "*) ;; *) return 0 ;; esac
	case $passed in *" $mk "*) ;; *)
		ko "runtime-mutant-$mname-$mk" "not run: $mk itself does not pass the gate"
		return 0 ;;
	esac
	if ! md=$(mutant "$mk" "$mname" "$mfile" "$2"); then
		ko "runtime-mutant-$mname-$mk" "the edit does not apply to $mfile after the $mk series"
		return 0
	fi
	mt=$(sh backport/provision/fetch.sh "$mk")
	mo=${ZPCI_RUNTIME_KEEP:-$tmp}/out-$mk-$mname
	rm -rf "$mo"
	rc=0
	ZPCI_GATES=runtime sh backport/gates/gate.sh "$mk" "$mt" "$md" "$mo" > "$tmp/o" 2>&1 || rc=$?
	missing=
	for c in $(mutant_field "$2" Fails); do
		jq -e --arg c "$c" 'any(.results[]; "\(.suite).\(.name)" == $c and .status == "FAIL")' \
			"$mo/runtime.json" >/dev/null 2>&1 || missing="$missing $c"
	done
	if [ "$rc" -eq 1 ] && [ -z "$missing" ]; then
		ok "runtime-mutant-$mname-$mk ($(timing "$mk" "$mo"))"
	else
		ko "runtime-mutant-$mname-$mk" "exit $rc; not failed:${missing:- -} ($(tail -n 1 "$tmp/o"))"
	fi
}

# mutants ON: the runtime mutants of tests/mutants that run on ON
# ("targets" or "upstream").
mutants() {
	for _m in tests/mutants/*.perl tests/mutants/*.cocci; do
		[ -n "$(mutant_field "$_m" Fails)" ] || continue
		if [ "$(mutant_field "$_m" 'Runs on')" = "$1" ]; then echo "$_m"; fi
	done
}
for on in targets upstream; do
	case $on in targets) ks=$mkernels ;; *) ks=$tkernels ;; esac
	for k in $ks; do
		probes "$k" || { ko "runtime-mutants-$on-$k" "no probe results for $k"; continue; }
		for m in $(mutants "$on"); do run_mutant "$k" "$m"; done
	done
done
