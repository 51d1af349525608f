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
#   kabi-identity         negative control, on the first target: the
#                         pristine tree against itself lists no change and
#                         counts every symbol unchanged (the report is not
#                         "changed" by construction)
#   kabi-mode-refused     make KABI=<no mode> -> exit 2, one line naming KABI
# Output: "PASS name" / "FAIL name: reason" lines. The report's builds are
#   the main job's (incremental); kabi-identity builds one tree once more.
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

# Negative control: the pristine tree against itself.
if [ -n "$first" ]; then
	pr=$(sh backport/provision/fetch.sh "$first")
	w=$ZPCI_CACHE/work/$first/kabi-identity
	mkdir -p "$tmp/id/logs" "$w"
	cp "out/$first/distro-config.json" "$tmp/id/"
	# PRISTINE as the patched tree too; the series only names the objects
	# (those the pristine tree has)
	rc=0
	msg=$(sh backport/verify/kabi.sh "$first" "$pr" "$pr" "out/$first" "$tmp/id" "$w" 2>&1) || rc=$?
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
