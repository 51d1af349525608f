#!/bin/sh
# kabi.sh - the kABI report: which exported symbols' checksums (CRCs) the
# series changes, and through which types.
#
# Usage: kabi.sh NAME PRISTINE TREE SERIESDIR OUT WORK [PATCHEDBUILD]
#   NAME       the kernel's label
#   PRISTINE   the tree as it came (read only)
#   TREE       the tree with the series applied (read only)
#   SERIESDIR  directory with the series and patches/ (the touched files)
#   OUT        out/<kernel>/: reads distro-config.json (the distro stage's),
#              writes kabi.json and logs/kabi.log
#   WORK       the kernel's work directory: builds in WORK/kabi-pristine
#              and WORK/kabi-patched (kept, so a rerun is incremental)
#   PATCHEDBUILD  the patched side's build directory instead of
#              WORK/kabi-patched (the tests build another series there
#              and share the pristine build); one directory per TREE
# Environment: ZPCI_KABI, the mode (make KABI=...; common.sh kabi_mode):
#   report (default) only reports; strict fails on any changed CRC;
#   preserve is a generation mode (the series hides its new members from
#   genksyms) and reports like report, so kabi.json proves it.
# How: both trees are configured as the distro stage configures them
#   (lib/distro-kbuild.sh) plus CONFIG_MODVERSIONS=y, and the same objects
#   are built with KBUILD_SYMTYPES=1: the tree's own genksyms (or
#   gendwarfksyms, where the configuration selects it) versions every
#   exported symbol of every object that exports one. The CRCs are read
#   from "#SYMVER" lines of the objects' .cmd files (trees that record them
#   there) or from the objects' __crc_ symbols (older trees: the CRC
#   stored where the symbol points, read as modpost reads it). The changed
#   types come from the two symtypes files of the object (lib/kabi-types.c).
#   The size risk: verify/kabi-size.sh on TREE, every place that depends
#   on the size of struct zpci_dev, which grows in every mode.
#   The scope is what those builds cover: DISTRO_DIRS and the touched
#   objects.
# Outputs: OUT/kabi.json {mode, versioning, config: {source, package,
#   version}, scope: [..], changed: [{symbol, object, old, new, types}],
#   added: [{symbol, object, crc}], removed: [..], unchanged: N, size:
#   {files, places, outside_core, safe} (kabi-size.sh)}, written
#   atomically, in every mode.
# Errors: exit 1 when a build fails, when no object of the scope exported a
#   symbol (nothing was versioned: the report would be empty for want of
#   data), under KABI=strict when a CRC changed (the symbols named), under
#   KABI=preserve or strict when the size of struct zpci_dev is used
#   outside the core (kabi-size.sh: safe is false); 2
#   for bad use or a missing distro-config.json.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
# shellcheck source-path=SCRIPTDIR source=../lib/distro-kbuild.sh
. "$ZB/lib/distro-kbuild.sh"
{ [ $# -eq 6 ] || [ $# -eq 7 ]; } || usage_die "usage: kabi.sh NAME PRISTINE TREE SERIESDIR OUT WORK [PATCHEDBUILD]"
name=$1 pristine=$2 tree=$3 sdir=$4 out=$5 work=$6
pbuild=${7:-$work/kabi-patched}
mode=$(kabi_mode "${ZPCI_KABI:-}") || exit 2
dc=$out/distro-config.json
[ -f "$dc" ] || usage_die "$dc is missing: the distro stage runs before the kABI report (make KERNELS=$name)"
log=$out/logs/kabi.log
mkdir -p "$out/logs"
: > "$log"
types=$(sh "$ZB/lib/tool.sh" kabi-types)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zpci-kabi.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

# elf_crcs OBJ: "SYMBOL CRC" of each __crc_SYMBOL of OBJ, a tree that
# links the CRCs into its objects (5.10): an absolute symbol is the CRC
# itself; otherwise it points at the CRC, 4 bytes (big-endian: s390x) at
# its value within its section, as modpost reads them.
elf_crcs() {
	s390x-linux-gnu-readelf -W -S "$1" | sed -n 's/^ *\[ *\([0-9]*\)\] *[^ ]* *[A-Z_]* *[0-9a-f]* \([0-9a-f]*\) .*/\1 \2/p' > "$tmp/sections"
	s390x-linux-gnu-readelf -W -s "$1" | awk '$8 ~ /^__crc_/ { print substr($8, 7), $2, $7 }' |
	while read -r _s _v _n; do
		if [ "$_n" = ABS ]; then
			printf '%s %s\n' "$_s" "$_v"
			continue
		fi
		_so=$(awk -v n="$_n" '$1 == n { print $2 }' "$tmp/sections")
		# (a pipeline's subshell: the caller reads crc.err, a die here would
		# end only the subshell)
		[ -n "$_so" ] || { echo "$1: __crc_$_s is in section $_n, which readelf does not list" >> "$tmp/crc.err"; continue; }
		printf '%s %s\n' "$_s" "$(od -A n -t x1 -j $((0x$_so + 0x$_v)) -N 4 "$1" | tr -d ' \n')"
	done
}

# crcs BUILD: "OBJECT<TAB>SYMBOL<TAB>0xCRC" of every object under BUILD
# that genksyms versioned (it left a .symtypes beside it), sorted.
crcs() {
	find "$1" -name '*.symtypes' | LC_ALL=C sort | while read -r _st; do
		_o=${_st%.symtypes}.o
		[ -f "$_o" ] || continue
		_rel=${_o#"$1"/}
		_cmd=$(dirname "$_o")/.$(basename "$_o").cmd
		if grep -q '^#SYMVER ' "$_cmd" 2> /dev/null; then
			sed -n 's/^#SYMVER \([^ ]*\) 0x\([0-9a-fA-F]*\).*/\1 \2/p' "$_cmd"
		else
			elf_crcs "$_o"
		fi | awk -v o="$_rel" '{ c = tolower($2); printf "%s\t%s\t0x%s\n", o, $1, substr(c, length(c) - 7) }'
	done | LC_ALL=C sort -t "$(printf '\t')" -k2,2 -u
}

for side in pristine patched; do
	if [ "$side" = pristine ]; then t=$pristine b=$work/kabi-pristine; else t=$tree b=$pbuild; fi
	printf '== %s: %s\n' "$side" "$t" >> "$log"
	distro_configure "$t" "$b" "$dc" "$log" CONFIG_MODVERSIONS=y
	grep -qx CONFIG_MODVERSIONS=y "$b/.config" ||
		die "CONFIG_MODVERSIONS=y did not come out of the $side configuration (see $b/.config)"
	progress_note "building the $side objects with CONFIG_MODVERSIONS=y and symtypes" "$log" 150
	distro_compile "$t" "$b" "$sdir" "$log" KBUILD_SYMTYPES=1
	crcs "$b" > "$tmp/$side.crc"
	[ ! -s "$tmp/crc.err" ] || die "reading the CRCs failed: $(head -n 1 "$tmp/crc.err")"
done
[ -s "$tmp/patched.crc" ] ||
	die "no object under $DISTRO_DIRS exported a versioned symbol in $pbuild: nothing to report (see $log)"
versioning=genksyms
! grep -qx CONFIG_GENDWARFKSYMS=y "$pbuild/.config" || versioning=gendwarfksyms

# The comparison, symbol by symbol.
tab=$(printf '\t')
LC_ALL=C join -t "$tab" -1 2 -2 2 -a 1 -a 2 -e - -o 0,1.1,1.3,2.1,2.3 \
	"$tmp/pristine.crc" "$tmp/patched.crc" > "$tmp/joined"
: > "$tmp/changed"
while IFS=$tab read -r sym oobj ocrc nobj ncrc; do
	case $ocrc:$ncrc in -:* | *:- | "$ncrc:$ocrc") continue ;; esac
	st=$pbuild/${nobj%.o}.symtypes
	ost=$work/kabi-pristine/${oobj%.o}.symtypes
	[ -f "$ost" ] || ost=/dev/null
	ty=""
	[ "$versioning" != genksyms ] || ty=$("$types" "$ost" "$st" "$sym" | cut -f2)
	printf '%s\t%s\t%s\t%s\t%s\n' "$sym" "$nobj" "$ocrc" "$ncrc" "$ty" >> "$tmp/changed"
done < "$tmp/joined"

sh "$ZB/verify/kabi-size.sh" "$tree" > "$tmp/size.json"
scope=$(sh "$ZB/lib/series-files.sh" "$sdir" | sed -n 's/\.c$/.o/p' | paste -sd ' ' -)
jq -n --arg mode "$mode" --arg v "$versioning" --slurpfile c "$dc" --slurpfile size "$tmp/size.json" \
	--arg scope "$DISTRO_DIRS $scope" --rawfile ch "$tmp/changed" --rawfile j "$tmp/joined" '
	def rows($s): $s | split("\n") | map(select(. != "") | split("\t"));
	{mode: $mode, versioning: $v,
	 config: ($c[0] | {source, package, version}),
	 scope: ($scope | split(" ") | map(select(. != ""))),
	 changed: [rows($ch)[] | {symbol: .[0], object: .[1], old: .[2], new: .[3],
		types: (.[4] | split(" ") | map(select(. != "")))}],
	 added: [rows($j)[] | select(.[2] == "-") | {symbol: .[0], object: .[3], crc: .[4]}],
	 removed: [rows($j)[] | select(.[4] == "-") | {symbol: .[0], object: .[1], crc: .[2]}],
	 unchanged: ([rows($j)[] | select(.[2] != "-" and .[2] == .[4])] | length),
	 size: $size[0]}' |
	atomic_write "$out/kabi.json"
n=$(jq '.changed | length' "$out/kabi.json")
printf 'kabi: %s changed, %s unchanged, %s added (%s, mode %s)\n' "$n" \
	"$(jq .unchanged "$out/kabi.json")" "$(jq '.added | length' "$out/kabi.json")" "$versioning" "$mode" >> "$log"
if [ "$mode" != report ] && [ "$(jq .size.safe "$out/kabi.json")" != true ]; then
	die "KABI=$mode: struct zpci_dev grows, and its size is used outside the s390 PCI core: $(jq -r '[.size.outside_core[] | "\(.file):\(.line) \(.what)"] | .[:5] | join(", ")' "$out/kabi.json") (a module there would see the old size; see $out/kabi.json)"
fi
if [ "$mode" = strict ] && [ "$n" -gt 0 ]; then
	die "KABI=strict: the series changes the CRC of $n exported symbols: $(jq -r '[.changed[] | "\(.symbol) (\(.object): \(.types | join(" ")))"] | .[:5] | join(", ")' "$out/kabi.json") (see $out/kabi.json; KABI=preserve generates a series that keeps them)"
fi
exit 0
