#!/bin/sh
# probe.sh - decide what a kernel tree offers by compiling the probes in
# compat/probes/*.c against it with the tree's own Kbuild; never by
# comparing version numbers.
#
# Usage: probe.sh TREE BUILDDIR OUTDIR
#   TREE      the kernel tree (read only)
#   BUILDDIR  its Kbuild output directory, made by prepare.sh TREE BUILDDIR
#   OUTDIR    where the results go (created if missing)
# Probes: each compat/probes/NAME.c is compiled as the one object of an
#   external module (make -C TREE O=BUILDDIR M=<dir> NAME.o, with the
#   flags, -std and -O2 of the tree), $ZPCI_JOBS (default 2) at a time.
#   The key of a probe is named in its leading comment by a line
#   " * Probe HAVE_X: ..."; HAVE_X is true when the file compiles and false
#   when the compiler rejects it. There are no inverted probes: every probe
#   is phrased so that "compiles" means "has it". A file without such a
#   line is a check probe: compiled and logged, but not written out.
#   The check probes: baseline (the common headers) must compile, or
#   every 0 could be a broken toolchain; zpci_recovery_strict_driver must
#   compile exactly when HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER does not,
#   wherever HAVE_ZPCI_EVENT_RECOVERY holds (this proves the compiler
#   folded is_driver_supported()).
# Outputs (each written atomically):
#   OUTDIR/probes.json  flat object {"HAVE_X": true|false, ...}, keys sorted
#   OUTDIR/probes.h     #define HAVE_X 1 or /* #undef HAVE_X */ per key
#   OUTDIR/logs/probes/NAME.log  make and compiler output of each probe
#   Takes about 10-20 s per tree on 2 cores with a cold ccache.
# Errors: exit 2 for bad arguments or a BUILDDIR not prepared for TREE
#   with the current compat/probes/kconfig.fragment;
#   exit 1 when a probe's result cannot be trusted: make failed without a
#   compiler error located in a source file (an infrastructure failure,
#   e.g. a Kbuild or flag problem), make succeeded without an object, or
#   a check above does not hold. probes.json and probes.h are
#   then left as they were.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"

[ $# -eq 3 ] || usage_die "usage: probe.sh TREE BUILDDIR OUTDIR"
tree=$1 build=$2 outdir=$3
tree=$(kernel_tree "$tree") || exit 2
[ -f "$build/.zpci-prepared" ] ||
	usage_die "$build is not prepared; run backport/probe/prepare.sh $tree $build first"
build=$(cd "$build" && pwd)
grep -qxF "tree $tree" "$build/.zpci-prepared" ||
	usage_die "$build was prepared for another tree ($(sed -n 's/^tree //p' "$build/.zpci-prepared")), not $tree"
grep -qxF "fragment $(sha256sum < "$ZPCI_TOP/compat/probes/kconfig.fragment" | cut -d' ' -f1)" \
	"$build/.zpci-prepared" ||
	usage_die "$build was prepared with another compat/probes/kconfig.fragment; rerun backport/probe/prepare.sh $tree $build"
probedir=$ZPCI_TOP/compat/probes
set -- "$probedir"/*.c
[ -f "$1" ] || usage_die "no probes in $probedir"
mkdir -p "$outdir"
outdir=$(cd "$outdir" && pwd)
jobs=${ZPCI_JOBS:-2}

work=$(work_tmp "$outdir/.probe-work")
trap 'rm -rf "$work"' EXIT
trap 'exit 1' HUP INT TERM

# One external-module directory per probe: probes compile in parallel and
# never share Kbuild's temporary files. -I$(srctree) lets a probe include
# private headers and arch C files as <drivers/...> and <arch/...>.
names=
for src in "$@"; do
	name=$(basename "$src" .c)
	case $name in *[!a-z0-9_]*) usage_die "probe file name $name.c: use [a-z0-9_] only" ;; esac
	mkdir "$work/$name"
	cp "$src" "$work/$name/"
	# shellcheck disable=SC2016 # $(srctree) is for make
	printf 'obj-m := %s.o\nccflags-y := -I$(srctree)\n' "$name" > "$work/$name/Kbuild"
	names="$names $name"
done

start=$(date +%s)
export ZPCI_PROBE_TREE="$tree" ZPCI_PROBE_BUILD="$build" ZPCI_PROBE_WORK="$work"
ZPCI_KBUILD=$ZB/lib/kbuild.sh
export ZPCI_KBUILD
progress_note "compiling $(echo "$names" | wc -w) probes, $jobs at a time"
# shellcheck disable=SC2016,SC2086 # the worker's variables expand in the
# worker; $names is a word list
printf '%s\n' $names | xargs -n 1 -P "$jobs" sh -c '
	d=$ZPCI_PROBE_WORK/$1
	rc=0
	sh "$ZPCI_KBUILD" "$ZPCI_PROBE_TREE" "$ZPCI_PROBE_BUILD" M="$d" \
		"$1.o" > "$d.log" 2>&1 || rc=$?
	echo "$rc" > "$d.rc"' sh ||
	die "running the probes failed"

# Classify each probe: 1 (compiled), 0 (rejected by the compiler) or an
# infrastructure failure.
mkdir "$work/logs"
results=$work/results
: > "$results"
bad=
for name in $names; do
	src=$probedir/$name.c
	plog=$work/$name.log
	cp "$plog" "$work/logs/"
	rc=$(cat "$work/$name.rc" 2>/dev/null || echo missing)
	if [ "$rc" = 0 ] && [ -f "$work/$name/$name.o" ]; then
		val=1
	elif [ "$rc" != 0 ] && [ "$rc" != missing ] && [ ! -f "$work/$name/$name.o" ] &&
		grep -Eq '^.+:[0-9]+(:[0-9]+)?: (fatal )?error: ' "$plog" &&
		grep -Eq "\\*\\*\\* \\[[^]]*[ /]$name\\.o\\] Error" "$plog"; then
		val=0
	else
		bad="$bad $name"
		continue
	fi
	key=$(sed -n 's/^ \* Probe \(HAVE_[A-Z0-9_]*\):.*/\1/p' "$src" | head -n 1)
	printf '%s %s %s\n' "$name" "${key:--}" "$val" >> "$results"
done
rm -rf "$outdir/logs/probes"
mkdir -p "$outdir/logs"
mv "$work/logs" "$outdir/logs/probes"
if [ -n "$bad" ]; then
	for name in $bad; do
		log "infrastructure failure in probe $name; last lines of its log:"
		tail -n 15 "$work/$name.log" >&2
	done
	die "probe(s)$bad failed without a compiler verdict (make error, or no object); logs in $outdir/logs/probes/"
fi
dup=$(awk '$2 != "-" { print $2 }' "$results" | sort | uniq -d)
[ -z "$dup" ] || die "probe key(s) named by more than one file in $probedir: $dup"

# result NAME: the 0/1 of probe NAME.
result() { awk -v n="$1" '$1 == n { print $3; f = 1 } END { exit !f }' "$results"; }
baseline=$(result baseline) || die "check probe baseline.c is missing"
[ "$baseline" = 1 ] ||
	die "the baseline probe (common kernel headers only) does not compile against $tree; see $outdir/logs/probes/baseline.log"
recovery=$(result zpci_event_recovery) || die "probe zpci_event_recovery.c is missing"
minimal=$(result zpci_recovery_minimal_driver) || die "probe zpci_recovery_minimal_driver.c is missing"
strict=$(result zpci_recovery_strict_driver) || die "check probe zpci_recovery_strict_driver.c is missing"
if [ "$recovery" = 1 ] && [ "$minimal" = "$strict" ]; then
	die "is_driver_supported() probes disagree (minimal=$minimal strict=$strict): the compiler did not fold the call; see $outdir/logs/probes/zpci_recovery_*.log"
fi
if [ "$recovery" = 0 ] && [ "$minimal" = 1 ]; then
	die "HAVE_ZPCI_RECOVERY_MINIMAL_DRIVER without HAVE_ZPCI_EVENT_RECOVERY; check the probes"
fi
if [ "$(result vfio_pci_core_device || :)" = "$(result vfio_pci_device || :)" ]; then
	log "warning: the tree has both or neither of struct vfio_pci_core_device and struct vfio_pci_device"
fi

json=$(awk '$2 != "-" { print $2, $3 }' "$results" |
	jq -R -n -S '[inputs | split(" ") | {(.[0]): (.[1] == "1")}] | add')
printf '%s\n' "$json" | atomic_write "$outdir/probes.json"
{
	printf '/* probes.h - generated by backport/probe/probe.sh for %s; do not edit. */\n' "$tree"
	printf '#ifndef ZPCI_PROBES_H\n#define ZPCI_PROBES_H\n\n'
	printf '%s\n' "$json" | jq -r 'to_entries[] |
		if .value then "#define \(.key) 1" else "/* #undef \(.key) */" end'
	printf '\n#endif /* ZPCI_PROBES_H */\n'
} | atomic_write "$outdir/probes.h"
log "$(awk '$2 != "-"' "$results" | wc -l) probes in $(($(date +%s) - start)) s: $(jq -r '[to_entries[] | select(.value) | .key] | length' "$outdir/probes.json") true; $outdir/probes.json"
