#!/bin/sh
# tests/kabi.sh - the kABI report (backport/verify/kabi.sh, the kabi stage).
#
# Cases:
#   kabi-types-reach      lib/kabi-types.c on a small pair of symtypes: a
#                         symbol that reaches a changed struct through
#                         another names it, one that does not names nothing,
#                         a changed declaration names the symbol itself
#   kabi-K-report         per target with a series: the kabi stage passed
#                         in the main job and kabi.json lists changed CRCs,
#                         each with the changed types, struct zpci_dev among
#                         them for a symbol that takes one
#   kabi-K-strict         the same builds under KABI=strict: exit 1 naming
#                         a changed symbol and KABI=preserve (the gate
#                         fails, and kabi.json is still written)
#   kabi-K-preserve       the series of KABI=preserve: only the guard lines
#                         differ from the main job's; it applies; its
#                         kabi.json lists no change, the size risk safe
#   kabi-K-preserve-same-code  its objects have the main job's machine
#                         code, section by section (code_sum): the runtime
#                         gate's results cannot differ
#   kabi-same-code-negative  the same-code check tells the pristine pci.o
#                         from the patched one
#   kabi-identity         negative control, on the first target: the
#                         pristine tree against itself lists no change and
#                         counts every symbol unchanged (the report is not
#                         "changed" by construction)
#   kabi-mode-refused     make KABI=<no mode> -> exit 2, one line naming KABI
#   kabi-size-core-only, kabi-size-outside-core  kabi-size.sh on a scratch
#                         tree: safe with the core's allocation only; not
#                         safe, naming the file, with a by-value member in a
#                         driver (the negative control of the size check)
# Output: "PASS name" / "FAIL name: reason" lines. The report's builds are
#   the main job's (incremental); kabi-K-preserve builds each patched tree
#   once more (ccache), kabi-identity one pristine tree once more.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh

# kabi-types on a small pair: b reaches a through a pointer, a grows.
kt=$(sh backport/lib/tool.sh kabi-types)
printf '%s\n' 's#a struct a { int x ; }' 's#b struct b { s#a * p ; }' \
	'foo int foo ( s#b * )' 'bar int bar ( int )' 'baz int baz ( int )' > "$tmp/old.st"
printf '%s\n' 's#a struct a { int x ; int y ; }' 's#b struct b { s#a * p ; }' \
	'foo int foo ( s#b * )' 'bar int bar ( int )' 'baz int baz ( long )' > "$tmp/new.st"
got=$("$kt" "$tmp/old.st" "$tmp/new.st" foo bar baz | tr '\t\n' ':;')
if [ "$got" = "foo:s#a;bar:;baz:baz;" ]; then ok kabi-types-reach
else ko kabi-types-reach "got '$got'"; fi

kernels=${ZPCI_KABI_KERNELS:-$(versions_names target)}
first=
for k in $kernels; do
	main_out "$k"
	o=out/$k
	if [ -z "$(series_entries "$o" 2>/dev/null)" ]; then
		ok "kabi-$k-report (no series: the tree carries every commit)"
		continue
	fi
	first=${first:-$k}
	st=$(cat "$o/status/kabi" 2>/dev/null || echo missing)
	if [ "$st" != pass ]; then
		ko "kabi-$k-report" "status $st (see $o/logs/kabi.log)"
	elif ! jq -e '(.changed | length) > 0 and all(.changed[]; (.types | length) > 0 and (.old != .new))
		and any(.changed[]; .types | index("s#zpci_dev") != null) and .unchanged > 0' "$o/kabi.json" > /dev/null; then
		ko "kabi-$k-report" "$o/kabi.json lists no changed CRC with its types, or none through s#zpci_dev"
	else
		ok "kabi-$k-report ($(jq -r '"\(.changed | length) changed, \(.unchanged) unchanged, e.g. \(.changed[0].symbol)"' "$o/kabi.json"))"
	fi
	w=$ZPCI_CACHE/work/$k
	mkdir -p "$tmp/strict-$k/logs"
	cp "$o/distro-config.json" "$tmp/strict-$k/"
	rc=0
	msg=$(ZPCI_KABI=strict sh backport/verify/kabi.sh "$k" "$(sh backport/provision/fetch.sh "$k")" "$w/patched" "$o" "$tmp/strict-$k" "$w" 2>&1) || rc=$?
	if [ "$rc" -eq 1 ] && printf '%s' "$msg" | grep -q 'KABI=strict: the series changes the CRC of [1-9].*KABI=preserve' &&
		jq -e '.mode == "strict" and (.changed | length) > 0' "$tmp/strict-$k/kabi.json" > /dev/null; then
		ok "kabi-$k-strict (exit 1)"
	else
		ko "kabi-$k-strict" "exit $rc: $(printf '%s\n' "$msg" | tail -n 1)"
	fi
done

# KABI=preserve, per target: the series generated in that mode (into a
# scratch out/) differs from the main job's by the guard lines only,
# applies, and its kABI report lists no change, with the size risk safe;
# and the objects it builds have the main job's machine code (the guards
# hide members from genksyms, never from the compiler), so its runtime
# results are the main job's.
# Its patched build is its own, WORK/kabi-preserve/kabi-patched (never the
# main job's: a Kbuild output directory belongs to one source tree), with
# its tree at WORK/kabi-preserve/patched, the same path relative to the
# build directory as the main job's, so that __FILE__ strings agree; the
# pristine build is the main job's (the same tree).
# code_sum OBJ: one checksum of OBJ's machine code: its executable
# sections and their relocations, each read by number. Data sections are
# left out: the guard lines shift the lines of asm/pci.h below them, and
# 7.x objects record such line numbers as data; 5.10 links its CRCs into
# the object, as data too (they differ by design).
code_sum() {
	s390x-linux-gnu-readelf -W -S "$1" | sed 's/^ *\[ *\([0-9][0-9]*\)\]/\1/' |
		awk '$1 ~ /^[0-9]+$/ && NF == 11 && $8 ~ /X/ { x[$2] = 1; n[$2] = $1 }
			$1 ~ /^[0-9]+$/ { name[$1] = $2 }
			END { for (i in name) if (name[i] in x || (substr(name[i], 1, 5) == ".rela" && substr(name[i], 6) in x)) print i }' |
		sort -n | while read -r _n; do s390x-linux-gnu-readelf -x "$_n" "$1" 2> /dev/null; done | sha256sum
}
for k in $kernels; do
	o=out/$k
	[ -n "$(series_entries "$o" 2>/dev/null)" ] || continue
	w=$ZPCI_CACHE/work/$k
	p=$tmp/preserve-$k
	mkdir -p "$p/logs"
	cp "$o/probes.json" "$o/verdict.json" "$o/verdict.txt" "$o/distro-config.json" "$p/"
	tree=$(sh backport/provision/fetch.sh "$k") up=$(sh backport/provision/fetch.sh "$upname")
	rc=0
	msg=$( { ZPCI_KABI=preserve sh backport/generate/generate.sh "$k" "$tree" "$up" "$p" &&
		sh backport/generate/export.sh "$p" &&
		sh backport/verify/apply-series.sh "$tree" "$p" "$w/kabi-preserve/patched" "$p/logs/apply.log" &&
		ZPCI_KABI=preserve sh backport/verify/kabi.sh "$k" "$tree" "$w/kabi-preserve/patched" "$p" "$p" "$w" \
			"$w/kabi-preserve/kabi-patched"; } 2>&1) || rc=$?
	if [ "$rc" -ne 0 ]; then
		ko "kabi-$k-preserve" "exit $rc: $(printf '%s\n' "$msg" | tail -n 1)"
		continue
	fi
	# the two series, their added and removed lines only
	extra=$(for f in $(series_entries "$o"); do diff "$o/patches/$f" "$p/patches/$f"; done |
		grep '^[<>] [-+]' | grep -v -x -E '> \+(#ifndef __GENKSYMS__.*|#endif)' || :)
	if [ -n "$extra" ]; then
		ko "kabi-$k-preserve" "the preserve series differs by more than its guards: $(printf '%s\n' "$extra" | head -n 2 | tr '\n' ' ')"
	elif ! jq -e '.mode == "preserve" and .changed == [] and .unchanged > 0 and .size.safe' "$p/kabi.json" > /dev/null; then
		ko "kabi-$k-preserve" "$(jq -c '{changed: [.changed[].symbol], unchanged, safe: .size.safe}' "$p/kabi.json")"
	else
		ok "kabi-$k-preserve (0 changed, $(jq .unchanged "$p/kabi.json") unchanged; the size used in $(jq -r '[.size.places[] | "\(.file):\(.line)"] | join(", ")' "$p/kabi.json") only)"
	fi
	# The same code: every object the main job's kABI build versioned.
	differ=
	for st in $(cd "$w/kabi-patched" && find . -name '*.symtypes' | LC_ALL=C sort); do
		obj=${st%.symtypes}.o
		[ "$(code_sum "$w/kabi-patched/$obj")" = "$(code_sum "$w/kabi-preserve/kabi-patched/$obj")" ] ||
			differ="$differ ${obj#./}"
	done
	if [ -z "$differ" ]; then ok "kabi-$k-preserve-same-code"
	else ko "kabi-$k-preserve-same-code" "objects differ:$differ"; fi
done

# Negative control of the same-code check: the pristine and the patched
# s390 PCI core differ.
if [ -n "$first" ]; then
	w=$ZPCI_CACHE/work/$first
	if [ "$(code_sum "$w/kabi-pristine/arch/s390/pci/pci.o")" != "$(code_sum "$w/kabi-patched/arch/s390/pci/pci.o")" ]; then
		ok "kabi-same-code-negative ($first: pristine and patched pci.o differ)"
	else
		ko kabi-same-code-negative "code_sum finds pristine and patched $first pci.o the same"
	fi
fi

# Negative control: the pristine tree against itself.
if [ -n "$first" ]; then
	pr=$(sh backport/provision/fetch.sh "$first")
	w=$ZPCI_CACHE/work/$first
	mkdir -p "$tmp/id/logs"
	cp "out/$first/distro-config.json" "$tmp/id/"
	# PRISTINE as the patched tree too; the series only names the objects
	# (those the pristine tree has)
	rc=0
	msg=$(sh backport/verify/kabi.sh "$first" "$pr" "$pr" "out/$first" "$tmp/id" "$w" "$w/kabi-identity" 2>&1) || rc=$?
	if [ "$rc" -eq 0 ] && jq -e '.changed == [] and .added == [] and .removed == [] and .unchanged > 0' "$tmp/id/kabi.json" > /dev/null; then
		ok "kabi-identity ($first: $(jq .unchanged "$tmp/id/kabi.json") unchanged)"
	else
		ko kabi-identity "exit $rc: $(printf '%s\n' "$msg" | tail -n 1) $(jq -c '{changed: (.changed | length), unchanged}' "$tmp/id/kabi.json" 2>/dev/null)"
	fi
fi

rc=0
msg=$(make -s KABI=loose KERNELS="$ref" 2>&1) || rc=$?
if [ "$rc" -eq 2 ] && [ "$(printf '%s\n' "$msg" | wc -l)" -eq 1 ] && printf '%s' "$msg" | grep -q 'KABI=loose'; then
	ok "kabi-mode-refused (exit 2)"
else
	ko kabi-mode-refused "exit $rc: $msg"
fi

# The size risk (kabi-size.sh) on a scratch tree: the core's allocation
# alone is safe; a by-value struct zpci_dev in a driver is not.
st=$tmp/sizetree
mkdir -p "$st/arch/s390/pci" "$st/drivers/foo"
: > "$st/Makefile"
printf '%s\n' 'struct zpci_dev *zpci_create_device(u32 fid, u32 fh)' '{' \
	'	struct zpci_dev *zdev;' '' '	zdev = kzalloc(sizeof(*zdev), GFP_KERNEL);' '	return zdev;' '}' > "$st/arch/s390/pci/pci.c"
if sh backport/verify/kabi-size.sh "$st" > "$tmp/size1.json" 2>&1 &&
	jq -e '.safe == true and (.places | length) == 1' "$tmp/size1.json" > /dev/null; then
	ok kabi-size-core-only
else
	ko kabi-size-core-only "$(head -c 300 "$tmp/size1.json")"
fi
printf '%s\n' 'struct foo_state {' '	struct zpci_dev copy;' '};' > "$st/drivers/foo/foo.c"
if sh backport/verify/kabi-size.sh "$st" > "$tmp/size2.json" 2>&1 &&
	jq -e '.safe == false and .outside_core[0].file == "drivers/foo/foo.c"' "$tmp/size2.json" > /dev/null; then
	ok "kabi-size-outside-core (drivers/foo/foo.c: $(jq -r '.outside_core[0].what' "$tmp/size2.json"))"
else
	ko kabi-size-outside-core "$(head -c 300 "$tmp/size2.json")"
fi
