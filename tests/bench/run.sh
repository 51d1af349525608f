#!/bin/sh
# tests/bench/run.sh - benchmarks (`make bench`), kept out of the timed
# tests: the machine is shared and noisy, so each figure is the median of
# RUNS runs (default 3).
#
# Usage: sh tests/bench/run.sh [KERNEL...]   (default: 7.2 6.12)
# Measures, in seconds of wall time:
#   generate  generate.sh + export.sh for one kernel (spatch and quilt
#             export, no stamps involved), into a scratch OUTDIR;
#   warm      `make KERNELS=...` again with nothing changed (every keyed
#             stage skipped).
# Needs one finished `make` for the kernels first (probes.json, trees).
# Outputs: one line per figure, "bench <what> <kernel> median <s> s (runs)".
# Errors: exit 1 when a measured command fails, 2 when out/<k>/probes.json
#   is missing (run make first).
set -eu
cd "$(dirname "$0")/../.."
ZPCI_TOP=$(pwd)
export ZPCI_TOP
. backport/lib/common.sh
runs=${RUNS:-3}
kernels=${*:-7.2 6.12}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# secs CMD...: run CMD, print its wall time in seconds (two decimals).
secs() {
	t0=$(date +%s.%N)
	"$@" > "$tmp/log" 2>&1 || { cat "$tmp/log" >&2; die "benchmark command failed: $*"; }
	t1=$(date +%s.%N)
	echo "$t0 $t1" | awk '{ printf "%.2f\n", $2 - $1 }'
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
gen() { sh backport/generate/generate.sh "$1" "$2" "$up" "$3" && sh backport/generate/export.sh "$3"; }

up=$(sh backport/provision/fetch.sh "$(versions_names upstream | head -n 1)")
for k in $kernels; do
	[ -f "out/$k/probes.json" ] || usage_die "out/$k/probes.json is missing: run make KERNELS=$k first"
	tree=$(sh backport/provision/fetch.sh "$k")
	mkdir -p "$tmp/$k"
	cp "out/$k/probes.json" "out/$k/verdict.json" "out/$k/verdict.txt" "$tmp/$k/"
	all=$(i=0; while [ "$i" -lt "$runs" ]; do secs gen "$k" "$tree" "$tmp/$k"; i=$((i + 1)); done)
	echo "bench generate $k median $(echo "$all" | median) s ($(echo "$all" | tr '\n' ' ' | sed 's/ $//'))"
done
all=$(i=0; while [ "$i" -lt "$runs" ]; do secs make -s KERNELS="$kernels"; i=$((i + 1)); done)
echo "bench warm make KERNELS=\"$kernels\" median $(echo "$all" | median) s ($(echo "$all" | tr '\n' ' ' | sed 's/ $//'))"
