#!/bin/sh
# sparse.sh - the sparse part of the static gate: run the sparse that
# build-sparse.sh builds (Kbuild C=2, out of tree) on every object a series
# touches, once on the pristine tree (the baseline) and once on the tree with
# the series applied, and fail on each diagnostic the baseline lacks.
#
# Usage: sparse.sh NAME TREE PATCHED SERIESDIR OUTDIR
#        static/sparse.sh --parse ROOT BUILD DIAG...
#   NAME       label of the kernel: the baseline is cached under
#              $ZPCI_CACHE/work/NAME/ (pristine-build/, the prepared build
#              directory the main job uses too, and gate/baseline/)
#   TREE       the pristine kernel tree (read only)
#   PATCHED    TREE with the series applied (apply-series.sh); its build
#              directory is PATCHED-build (prepared here when needed)
#   SERIESDIR  directory with patches/: the touched .c files are its objects
#   OUTDIR     where the results go (out/<name>)
#   --parse    print the TSV below for sparse's stderr files DIAG..., paths
#              made relative to ROOT (a tree) or BUILD (its build directory)
# Inputs (environment): ZPCI_JOBS (make -j, default 2).
# Outputs: OUTDIR/static/sparse/{baseline,patched}.tsv: one diagnostic a
#   line: file (relative to the tree root; "<build>/..." for generated
#   files), line, column (characters from 1, a tab counts one), message
#   ("warning: ..." with sparse's follow-up lines joined by " | "), the
#   source line with blanks squeezed; OUTDIR/static/sparse/new.tsv: the new
#   ones in the same form; OUTDIR/static/sparse/patched/: per source file,
#   sparse's arguments (<file>.args, one a line, what static/instrument.sh
#   replays) and its stderr (<file>.diag); make's output in
#   OUTDIR/static/sparse/{baseline,patched}.log. On stdout, each new
#   diagnostic as "file:line:col: message". A diagnostic is new when its
#   (file, message, source line) occurs more often in the patched tree than
#   in the baseline, so line shifts do not count. The baseline is reused
#   while the tree, the object list, the configuration, sparse and this
#   script are unchanged (inputs-key.sh).
# Errors: exit 1 when there is a new diagnostic or an object of the patched
#   tree does not build; exit 2 on bad arguments, when sparse cannot be built
#   or the pristine tree does not build (environment).
# Cost: 10-40 s cold (two prepared build directories, five objects), 3-5 s
#   warm with the baseline cached.
set -eu
# shellcheck source-path=SCRIPTDIR source=../../lib/common.sh
. "$(dirname "$0")/../../lib/common.sh"

# parse ROOT BUILD DIAG...: the TSV of "Outputs" for sparse's stderr files.
parse() {
	_root=${1%/} _build=${2%/}
	shift 2
	awk -v root="$_root/" -v build="$_build/" '
	function rel(p) {
		if (index(p, root) == 1) return substr(p, length(root) + 1)
		if (index(p, build) == 1) return "<build>/" substr(p, length(build) + 1)
		if (p ~ /^\//) return p
		sub(/^\.\//, "", p)
		return "<build>/" p
	}
	function disk(r) {
		if (r ~ /^<build>\//) return build substr(r, 9)
		if (r ~ /^\//) return r
		return root r
	}
	function text(r, n,   f, l, i) {
		if (!((r, 0) in src)) {
			f = disk(r); i = 0
			while ((getline l < f) > 0) src[r, ++i] = l
			close(f)
			src[r, 0] = i
		}
		return (r, n) in src ? src[r, n] : ""
	}
	function charcol(s, vc,   i, v) {
		v = 1
		for (i = 1; i <= length(s); i++) {
			if (v >= vc) return i
			if (substr(s, i, 1) == "\t") v += 8 - ((v - 1) % 8); else v++
		}
		return i
	}
	function squeeze(s) { gsub(/[ \t]+/, " ", s); sub(/^ /, "", s); sub(/ $/, "", s); return s }
	function flush() { if (have) print f "\t" ln "\t" col "\t" msg "\t" squeeze(src_line); have = 0 }
	match($0, /^[^:]+:[0-9]+:[0-9]+: /) {
		head = substr($0, 1, RLENGTH - 2); rest = substr($0, RLENGTH + 1)
		n = split(head, a, ":")
		path = a[1]; for (i = 2; i <= n - 2; i++) path = path ":" a[i]
		if (rest ~ /^(warning|error): /) {
			flush()
			f = rel(path); ln = a[n - 1] + 0
			src_line = text(f, ln); col = charcol(src_line, a[n] + 0)
			msg = rest; have = 1
		} else if (have) {
			sub(/^[ \t]+/, "", rest); msg = msg " | " rest
		}
		next
	}
	END { flush() }' "$@"
}

if [ "${1:-}" = --parse ]; then
	[ $# -ge 4 ] || usage_die "usage: sparse.sh --parse ROOT BUILD DIAG..."
	shift
	parse "$@"
	exit 0
fi
[ $# -eq 5 ] || usage_die "usage: sparse.sh NAME TREE PATCHED SERIESDIR OUTDIR"
name=$1 tree=$2 patched=$3 sdir=$4 out=$5
tree=$(kernel_tree "$tree" "TREE=$tree") || exit 2
patched=$(kernel_tree "$patched" "PATCHED=$patched (apply the series with apply-series.sh first)") || exit 2
sparse=$(sh "$ZB/provision/build-sparse.sh") ||
	usage_die "sparse could not be built (see above); run backport/provision/build-sparse.sh"
files=$(sh "$ZB/lib/series-files.sh" "$sdir") || exit 2
objs=$(printf '%s\n' "$files" | sed -n 's/\.c$/.o/p')
[ -n "$objs" ] || usage_die "the series in $sdir touches no .c file: nothing for sparse to check"
jobs=${ZPCI_JOBS:-2}

sout=$out/static/sparse
gwork=$ZPCI_CACHE/work/$name/gate
mkdir -p "$sout" "$gwork"
# Kbuild runs CHECK as one executable: this wrapper keeps, per source file,
# sparse's arguments and its stderr apart from the compiler's output (and
# still shows them, so the kernel's checker-valid.sh sees sparse's errors).
wrap=$gwork/sparse-wrap
cat > "$wrap.tmp" <<EOF
#!/bin/sh
# made by static/sparse.sh: run $sparse, keep its arguments and stderr
for last in "\$@"; do :; done
case \$last in
*.c) n=\$(printf '%s' "\${last#\$ZPCI_SPARSE_ROOT/}" | tr '/' '%') ;;
*) exec "$sparse" "\$@" ;;
esac
for a in "\$@"; do printf '%s\n' "\$a"; done > "\$ZPCI_SPARSE_OUT/\$n.args"
rc=0
"$sparse" "\$@" 2> "\$ZPCI_SPARSE_OUT/\$n.diag" || rc=\$?
cat "\$ZPCI_SPARSE_OUT/\$n.diag" >&2
exit \$rc
EOF
chmod 0755 "$wrap.tmp"
mv -f "$wrap.tmp" "$wrap"

# check SRC BUILD DIR LOG OBJ...: C=2 build of OBJ... in SRC's BUILD; sparse's
# files go to DIR. Returns make's status.
check() {
	_src=$1 _bld=$2 _dir=$3 _log=$4
	shift 4
	rm -rf "$_dir"
	mkdir -p "$_dir"
	progress_note "sparse (make C=2) on $# objects of $_src" "$_log" "$#"
	ZPCI_SPARSE_OUT=$_dir ZPCI_SPARSE_ROOT=$_src nice -n 10 sh "$ZB/lib/kbuild.sh" "$_src" "$_bld" \
		C=2 CHECK="$wrap" -k -j"$jobs" "$@" > "$_log" 2>&1
}

# ran DIR OBJ...: sparse ran on each object (Kbuild drops C=2 silently when
# its checker-valid.sh rejects the checker).
ran() {
	_dir=$1
	shift
	for _o in "$@"; do
		[ -f "$_dir/$(printf '%s' "${_o%.o}.c" | tr '/' '%').args" ] ||
			usage_die "sparse did not run on ${_o%.o}.c (Kbuild ignored C=2 CHECK=$wrap; see the make log in $(dirname "$_dir"))"
	done
}

# The baseline: the objects that exist in the pristine tree.
base_objs=$(for o in $objs; do [ -f "$tree/${o%.o}.c" ] && echo "$o"; done)
base_build=$ZPCI_CACHE/work/$name/pristine-build
sh "$ZB/probe/prepare.sh" "$tree" "$base_build" 2>/dev/null ||
	usage_die "cannot prepare $base_build for the pristine tree $tree (run backport/probe/prepare.sh $tree $base_build to see why)"
key=$(sh "$ZB/pipeline/inputs-key.sh" "tree:$tree" "=$base_objs" "$base_build/.config" \
	"=$(sha256sum < "$sparse")" "$ZB/gates/static/sparse.sh")
bdir=$gwork/baseline
if [ -f "$bdir/key" ] && [ "$(cat "$bdir/key")" = "$key" ] && [ -f "$bdir/baseline.tsv" ]; then
	log "baseline for $name: cached"
else
	log "baseline for $name: sparse on the pristine tree"
	rm -rf "$bdir"
	mkdir -p "$bdir"
	if [ -n "$base_objs" ]; then
		# shellcheck disable=SC2086 # a list of object paths
		check "$tree" "$base_build" "$bdir/diag" "$bdir/make.log" $base_objs ||
			usage_die "the pristine tree $tree does not build its objects with C=2 (see $bdir/make.log): $(grep -m 1 -E 'error|Error' "$bdir/make.log")"
		# shellcheck disable=SC2086
		ran "$bdir/diag" $base_objs
		parse "$tree" "$base_build" "$bdir"/diag/*.diag > "$bdir/baseline.tsv"
	else
		: > "$bdir/baseline.tsv"
	fi
	printf '%s\n' "$key" > "$bdir/key"
fi
cp "$bdir/baseline.tsv" "$sout/baseline.tsv"
cp "$bdir/make.log" "$sout/baseline.log" 2>/dev/null || :

# The patched tree.
pbuild=$patched-build
sh "$ZB/probe/prepare.sh" "$patched" "$pbuild" 2>/dev/null ||
	die "cannot prepare $pbuild for $patched: the patched tree does not configure (run backport/probe/prepare.sh $patched $pbuild to see why)"
rc=0
# shellcheck disable=SC2086 # a list of object paths
check "$patched" "$pbuild" "$sout/patched" "$sout/patched.log" $objs || rc=$?
# shellcheck disable=SC2086
[ "$rc" -ne 0 ] || ran "$sout/patched" $objs
parse "$patched" "$pbuild" "$sout"/patched/*.diag > "$sout/patched.tsv"

awk -F '\t' 'NR == FNR { n[$1 FS $4 FS $5]++; next }
	{ k = $1 FS $4 FS $5; if (n[k] > 0) n[k]--; else print }' \
	"$sout/baseline.tsv" "$sout/patched.tsv" | sort -t "$(printf "\t")" -k1,1 -k2,2n -k3,3n -u > "$sout/new.tsv"
awk -F '\t' '{ printf "%s:%s:%s: %s\n", $1, $2, $3, $4 }' "$sout/new.tsv"
if [ "$rc" -ne 0 ]; then
	die "the objects of the patched tree do not build with C=2 (see $sout/patched.log): $(grep -m 1 -E 'error|Error' "$sout/patched.log")"
fi
if [ -s "$sout/new.tsv" ]; then
	die "$(wc -l < "$sout/new.tsv") new sparse diagnostic(s) in the patched tree of $name"
fi
log "no new sparse diagnostic in $name ($(wc -l < "$sout/patched.tsv") in all, as in the baseline)"
