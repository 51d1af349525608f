#!/bin/sh
# tests/suse.sh - the SUSE export: every target's series written as
# patches.suse/ and a series.conf fragment passes openSUSE kernel-source's
# header rules (tests/suse/check-patchhdr.sh), with REFERENCES and ACKED_BY
# honoured, and a rerun is byte-identical. The checker itself: each example
# of tests/suse/examples/ describes itself (sparse-style "check-name:" and
# "check-error:" lines) and fails exactly as it says, and patches made from
# a real export with a short id, a Patch-mainline tag but no Git-commit, or
# no References, fail.
# Each check prints "PASS name" or "FAIL name: reason".
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
chk=tests/suse/check-patchhdr.sh

# The checker against its own examples.
for e in tests/suse/examples/*.patch; do
	n=$(sed -n 's/^check-name: //p' "$e") want=$(sed -n 's/^check-error: //p' "$e")
	rc=0
	got=$(sh "$chk" "$e" 2>&1) || rc=$?
	case $want:$rc in
	none:0) ok "suse-checker-$(basename "$e" .patch)" ;;
	none:*) ko "suse-checker-$(basename "$e" .patch)" "a good header failed: $got" ;;
	*:1)
		if [ "$(printf '%s\n' "$got" | wc -l)" -eq 1 ] && printf '%s' "$got" | grep -q -F ": $n: " &&
			printf '%s' "$got" | grep -q -F -- "$want"; then
			ok "suse-checker-$(basename "$e" .patch) ($n)"
		else
			ko "suse-checker-$(basename "$e" .patch)" "want only rule $n ('$want'), got: $got"
		fi ;;
	*) ko "suse-checker-$(basename "$e" .patch)" "exit $rc, want 1: $got" ;;
	esac
done

# Every target's export.
last=
for k in $(versions_names target); do
	main_out "$k"
	d=$tmp/suse-$k
	mkdir -p "$d"
	rc=0
	make -s export FORMAT=suse KERNELS="$k" DEST="$d" > "$tmp/export-$k.log" 2>&1 || rc=$?
	n=$(find "$d/patches.suse" -name '*.patch' 2> /dev/null | wc -l)
	want=$(series_entries "out/$k" | wc -l)
	listed=$(grep -c '^	patches\.suse/' "$d/series.conf" 2> /dev/null || echo 0)
	if [ "$rc" -eq 0 ] && [ "$n" -eq "$want" ] && [ "$listed" -eq "$want" ] &&
		res=$(sh "$chk" "$d"/patches.suse/*.patch 2>&1); then
		ok "suse-$k-headers ($n patches)"
	else
		ko "suse-$k-headers" "exit $rc, $n patches, $listed listed, want $want: $(tail -n 1 "$tmp/export-$k.log") ${res:-}"
	fi
	rerun_identical "suse-$k-rerun-identical" "$d" make -s export FORMAT=suse KERNELS="$k" DEST="$d"
	last=$k
done

# REFERENCES and ACKED_BY.
d=$tmp/suse-refs
mkdir -p "$d"
make -s export FORMAT=suse KERNELS="$last" DEST="$d" REFERENCES="bsc#1234567 jsc#PED-123" \
	ACKED_BY="A Reviewer <reviewer@example.org>" > "$tmp/refs.log" 2>&1 || :
bad=$(for p in "$d"/patches.suse/*.patch; do
	if ! grep -q -x 'References: bsc#1234567 jsc#PED-123' "$p" || ! grep -q -x 'Acked-by: A Reviewer <reviewer@example.org>' "$p"; then
		basename "$p"
	fi
done)
if [ -z "$bad" ] && sh "$chk" "$d"/patches.suse/*.patch > /dev/null; then ok "suse-references-acked-by"; else ko "suse-references-acked-by" "missing in: $bad"; fi
rc=0
make -s export FORMAT=suse KERNELS="$last" DEST="$d" ACKED_BY="nobody" > "$tmp/ack.log" 2>&1 || rc=$?
if [ "$rc" -eq 2 ] && grep -q "ACKED_BY='nobody'" "$tmp/ack.log"; then ok "suse-bad-acked-by-refused"; else ko "suse-bad-acked-by-refused" "exit $rc: $(tail -n 1 "$tmp/ack.log")"; fi

# The checker fails on real exports made wrong.
src=$(grep -l '^Git-commit: ' "$tmp/suse-$last"/patches.suse/*.patch | head -n 1)
bad() {
	sed "$2" "$src" > "$tmp/$1.patch"
	rc=0
	out=$(sh "$chk" "$tmp/$1.patch" 2>&1) || rc=$?
	if [ "$rc" -eq 1 ] && printf '%s' "$out" | grep -q -F ": $3: "; then ok "suse-checker-fails-$1"; else ko "suse-checker-fails-$1" "exit $rc: $out"; fi
}
bad short-id 's/^\(Git-commit: [0-9a-f]\{12\}\)[0-9a-f]*$/\1/' git-commit-full
bad no-git-commit '/^Git-commit: /d' git-commit
bad no-references '/^References: /d' references
