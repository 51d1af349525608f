#!/bin/sh
# tests/static-gate.sh - the static gate (backport/gates/gate.sh) passes the good
# series and rejects every mutant of it, on every kernel with a series.
#
# Commands and expected results:
#   sparse 0.6.5~rc1 on small C files: the context semantics the gate relies
#     on, and what sparse cannot see (each with the Coccinelle rule that
#     covers it): a call made by a helper (R1), the order of two locks (R2)
#   for each kernel K of $ZPCI_GATE_KERNELS (default: every target line of
#   versions; an out/K/series that is missing is made with
#   backport/pipeline/main.sh first):
#     gate.sh K TREE out/K OUT                          -> exit 0
#     the same with every guard() lowered to explicit locking by
#       semantic-patches/checks/lower-guard.cocci (a series may lock by
#       hand, as a maintainer's own may)                -> exit 0
#     each mutant tests/mutants/M.cocci with a "// Breaks:" line applied on
#       top of the series (as one more patch; "// Needs: lower-guard" ones
#       on the lowered shape)
#                                                       -> exit 1, with a
#       finding of every check its "// Breaks:" line names; the line names
#       all the checks that caught it
#     the kill rate (rejected / applied) -> 100%; every mutant must apply
#       on every kernel
# Output: "PASS name" / "FAIL name: reason" lines, plus "#" lines with the
#   time each gate run took.
# Takes about 20-30 s per gate run: some minutes in all.
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
sp=semantic-patches
sparse=$(sh backport/provision/build-sparse.sh 2>/dev/null) || sparse=

# --- sparse: what the instrumented check relies on, and its limits -------
if [ -z "$sparse" ]; then
	ko sparse-context-semantics "sparse could not be built (backport/provision/build-sparse.sh)"
else
	cat > "$tmp/sem.c" <<'EOF'
struct mutex;
struct zdev { int pending_errs_lock; int count; };
extern void mutex_lock(int *);
extern void mutex_unlock(int *);
extern void zpci_r1_pci_get_slot(void) __attribute__((context(pending_errs_lock, -1, 0)));
static int under(struct zdev *z)
{
	mutex_lock(&z->pending_errs_lock); __context__(pending_errs_lock, 1);
	zpci_r1_pci_get_slot();
	__context__(pending_errs_lock, -1); mutex_unlock(&z->pending_errs_lock);
	zpci_r1_pci_get_slot();
	return 0;
}
static int leak(struct zdev *z)
{
	mutex_lock(&z->pending_errs_lock); __context__(pending_errs_lock, 1);
	if (z->count)
		return 1;
	__context__(pending_errs_lock, -1); mutex_unlock(&z->pending_errs_lock);
	return 0;
}
static int twice(struct zdev *z)
{
	__context__(pending_errs_lock, -1); mutex_unlock(&z->pending_errs_lock);
	return 0;
}
int use(struct zdev *z) { return under(z) + leak(z) + twice(z); }
EOF
	"$sparse" "$tmp/sem.c" > "$tmp/sem.out" 2>&1 || :
	got=$(sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: warning: \(context.*\)$/\1 \2/p' "$tmp/sem.out" | tr '\n' ';')
	want="9 context check failure;14 context imbalance in 'leak' - wrong count at exit;22 context imbalance in 'twice' - unexpected unlock;"
	if [ "$got" = "$want" ]; then ok sparse-context-semantics
	else ko sparse-context-semantics "got '$got', want '$want'"; fi

	# Why the instrumentation inserts zpci_r1_*() calls rather than
	# redeclaring the forbidden functions with the attribute: sparse checks
	# a redeclared extern function, but not a static inline one defined
	# before (copy_to_user(), and device_lock() on 7.x, are such).
	cat > "$tmp/redecl.c" <<'EOF'
extern int pci_get_slot(int devfn);
static inline unsigned long copy_to_user(void *to, const void *from, unsigned long n) { return n; }
extern int pci_get_slot(int devfn) __attribute__((context(pending_errs_lock, -1, 0)));
static inline unsigned long copy_to_user(void *to, const void *from, unsigned long n) __attribute__((context(pending_errs_lock, -1, 0)));
int f(void *to, int devfn)
{
	int r;

	__context__(pending_errs_lock, 1);
	r = pci_get_slot(devfn);
	r += copy_to_user(to, to, 1);
	__context__(pending_errs_lock, -1);
	return r;
}
EOF
	"$sparse" "$tmp/redecl.c" > "$tmp/redecl.out" 2>&1 || :
	got=$(sed -n 's/^[^:]*:\([0-9]*\):[0-9]*: warning: context check failure$/\1/p' "$tmp/redecl.out" | tr '\n' ' ')
	if [ "$got" = "10 " ]; then
		ok "sparse-limit-redeclared-inline: only the extern redeclaration is checked, hence zpci_r1_*() calls"
	else
		ko sparse-limit-redeclared-inline "context check failures on lines '$got', want '10 '"
	fi

	# limit TEST STEM RULE LINE: sparse finds no context problem in
	# $tmp/STEM.c, and semantic-patches/checks/check-RULE-*.cocci reports LINE.
	limit() {
		"$sparse" "$tmp/$2.c" > "$tmp/$2.out" 2>&1 || :
		(cd "$tmp" && sh "$OLDPWD/backport/lib/spatch.sh" \
			"$(ls "$OLDPWD/$sp/checks/check-$(echo "$3" | tr R r)"-*.cocci)" -D report "$2.c") > "$tmp/$2.rule" 2>&1 || :
		if ! grep -q context "$tmp/$2.out" && grep -q -F "$4" "$tmp/$2.rule"; then
			ok "$1: sparse is silent, covered by zpci/$3"
		else
			ko "$1" "sparse: $(grep context "$tmp/$2.out" | head -n 1); $3: $(head -n 1 "$tmp/$2.rule")"
		fi
	}

	# Limit 1: the count is per function. A helper that calls a forbidden
	# function, called with the lock held, goes unseen: zpci/R1 covers it.
	cat > "$tmp/limit_helper.c" <<'EOF'
extern void zpci_r1_pci_get_slot(void) __attribute__((context(pending_errs_lock, -1, 0)));
extern void *pci_get_slot(void *bus, int devfn);
struct zpci_dev { int pending_errs_lock; void *bus; int devfn; };
extern void mutex_lock(int *);
extern void mutex_unlock(int *);
static void *lookup(struct zpci_dev *zdev)
{
	return (zpci_r1_pci_get_slot(), pci_get_slot(zdev->bus, zdev->devfn));
}
void stop(struct zpci_dev *zdev)
{
	mutex_lock(&zdev->pending_errs_lock);
	__context__(pending_errs_lock, 1);
	lookup(zdev);
	__context__(pending_errs_lock, -1);
	mutex_unlock(&zdev->pending_errs_lock);
}
EOF
	limit sparse-limit-helper-call limit_helper R1 'R1: lookup() called with pending_errs_lock held'

	# Limit 2: one count for all contexts, whatever their expression, so the
	# order of two locks is invisible: zpci/R2 covers it.
	cat > "$tmp/limit_order.c" <<'EOF'
struct device { int lock; };
struct pci_dev { struct device dev; };
struct zpci_dev { int pending_errs_lock; int count; };
extern void mutex_lock(int *);
extern void mutex_unlock(int *);
extern void device_lock(struct device *);
extern void device_unlock(struct device *);
void reversed(struct zpci_dev *zdev, struct pci_dev *pdev)
{
	mutex_lock(&zdev->pending_errs_lock);
	__context__(pending_errs_lock, 1);
	device_lock(&pdev->dev);
	__context__(device_lock, 1);
	zdev->count = 0;
	__context__(pending_errs_lock, -1);
	mutex_unlock(&zdev->pending_errs_lock);
	__context__(device_lock, -1);
	device_unlock(&pdev->dev);
}
EOF
	limit sparse-limit-lock-order limit_order R2 'R2: device_lock(&pdev->dev) with pending_errs_lock held'
fi

# --- the gate on each kernel: the good series and its mutants ------------
kernels=${ZPCI_GATE_KERNELS:-}
if [ -z "$kernels" ]; then
	for k in $(versions_names target); do
		[ -f "out/$k/series" ] || sh backport/pipeline/main.sh "$k" > "$tmp/main-$k.log" 2>&1 || :
	done
	kernels=$(for k in $(versions_names target); do [ -f "out/$k/series" ] && echo "$k"; done | tr '\n' ' ')
fi

# caught OUT: the rule ids of OUT/static.sarif, comma separated.
caught() { jq -r '[.runs[0].results[].ruleId] | unique | join(", ")' "$1/static.sarif" 2>/dev/null; }
# gate K SERIESDIR OUT: run the gate, print its time as a comment; returns
# its exit status.
gate() {
	_t0=$(date +%s)
	_rc=0
	ZPCI_GATES=static sh backport/gates/gate.sh "$1" "$tree" "$2" "$3" > "$3.stdout" 2> "$3.stderr" || _rc=$?
	echo "# gate $1 $(basename "$3"): exit $_rc in $(($(date +%s) - _t0)) s"
	return "$_rc"
}
# variant K NAME LOWER MUTANT: a copy of out/K's series with one more patch
# that turns the touched .c files of the good patched tree ($base) into:
# the same files lowered by lower-guard.cocci when LOWER is 1, then edited
# by MUTANT (a .cocci; "" for none). Prints the directory. The patch is
# 9999-NAME.patch; the file "applied" exists when MUTANT changed something.
variant() {
	_d=$tmp/$1-$2
	rm -rf "$_d"
	mkdir -p "$_d/series" "$_d/a" "$_d/l"
	cp -R "out/$1/series" "out/$1/patches" "$_d/series/"
	cp -R "$base/." "$_d/a/"
	cp -R "$base/." "$_d/l/"
	_files=$(cd "$_d/l" && find . -name '*.c' | sed 's|^\./||' | sort)
	if [ "$3" -eq 1 ]; then
		# shellcheck disable=SC2086 # a list of paths
		(cd "$_d/l" && sh "$OLDPWD/backport/lib/spatch.sh" "$OLDPWD/$sp/checks/lower-guard.cocci" \
			-D patch --in-place $_files) > "$_d/lower.log" 2>&1
	fi
	cp -R "$_d/l" "$_d/b"
	if [ -n "$4" ]; then
		# shellcheck disable=SC2086
		(cd "$_d/b" && sh "$OLDPWD/backport/lib/spatch.sh" "$OLDPWD/$4" \
			-D patch --in-place $_files) > "$_d/mutant.log" 2>&1
		diff -r "$_d/l" "$_d/b" > /dev/null 2>&1 || : > "$_d/applied"
	fi
	(cd "$_d" && diff -ruN a b) | sed -e 's|^--- a/\([^	]*\).*|--- a/\1|' -e 's|^+++ b/\([^	]*\).*|+++ b/\1|' \
		> "$_d/series/patches/9999-$2.patch" || :
	echo "9999-$2.patch" >> "$_d/series/series"
	echo "$_d"
}

for k in $kernels; do
	tree=$(sh backport/provision/fetch.sh "$k" 2>/dev/null) || { ko "static-gate-$k" "cannot fetch $k"; continue; }
	if [ ! -f "out/$k/series" ]; then ko "static-gate-$k-good" "no series in out/$k"; continue; fi
	rc=0; gate "$k" "out/$k" "$tmp/$k-good.out" || rc=$?
	if [ "$rc" -eq 0 ]; then ok "static-gate-$k-good"
	else ko "static-gate-$k-good" "gate exited $rc: $(tail -n 1 "$tmp/$k-good.out.stderr")"; continue; fi
	# The touched .c files of the good patched tree, for the variants.
	base=$tmp/$k-base
	mkdir -p "$base"
	for f in $(sh backport/lib/series-files.sh "out/$k" | grep '\.c$'); do
		[ -f "$ZPCI_CACHE/work/$k/gate/patched/$f" ] || continue
		mkdir -p "$base/$(dirname "$f")"
		cp "$ZPCI_CACHE/work/$k/gate/patched/$f" "$base/$f"
	done

	d=$(variant "$k" lowered 1 "")
	if [ ! -s "$d/series/patches/9999-lowered.patch" ]; then
		ko "static-gate-$k-good-lowered" "lower-guard.cocci changed nothing"
	else
		rc=0; gate "$k" "$d/series" "$tmp/$k-lowered.out" || rc=$?
		if [ "$rc" -eq 0 ]; then ok "static-gate-$k-good-lowered"
		else ko "static-gate-$k-good-lowered" "gate exited $rc: $(grep -m 3 '\[zpci' "$tmp/$k-lowered.out.stdout" | tr '\n' ' ')"; fi
	fi

	applied=0 killed=0
	for m in tests/mutants/*.cocci; do
		[ -n "$(mutant_field "$m" Breaks)" ] || continue
		mn=$(basename "$m" .cocci)
		lower=0
		[ "$(mutant_field "$m" Needs)" != lower-guard ] || lower=1
		d=$(variant "$k" "$mn" "$lower" "$m")
		if [ ! -f "$d/applied" ]; then
			ko "static-gate-$k-mutant-$mn" "the mutant does not apply"
			continue
		fi
		applied=$((applied + 1))
		rc=0; gate "$k" "$d/series" "$tmp/$k-$mn.out" || rc=$?
		by=$(caught "$tmp/$k-$mn.out")
		if [ "$rc" -ne 1 ]; then
			ko "static-gate-$k-mutant-$mn" "not rejected: gate exited $rc ($(tail -n 1 "$tmp/$k-$mn.out.stderr"))"
			continue
		fi
		missing=""
		for b in $(mutant_field "$m" Breaks | tr ',' ' '); do
			case $b in sparse) id=zpci/sparse-new ;; *) id=zpci/$b ;; esac
			case ", $by, " in *", $id, "*) ;; *) missing="$missing $id" ;; esac
		done
		killed=$((killed + 1))
		if [ -z "$missing" ]; then ok "static-gate-$k-mutant-$mn: rejected by $by"
		else ko "static-gate-$k-mutant-$mn" "rejected by $by, but not by$missing"; fi
	done
	if [ "$applied" -gt 0 ] && [ "$killed" -eq "$applied" ]; then
		ok "static-gate-$k-kill-rate: $killed/$applied = 100%"
	else
		ko "static-gate-$k-kill-rate" "$killed/$applied mutants rejected"
	fi
done

# The gate's own contract on one kernel: a series that needs fuzz is a
# finding (exit 1, zpci/apply); a tree that is no kernel tree is exit 2.
k=$(echo "$kernels" | awk '{ print $1 }')
if [ -n "$k" ] && [ -f "out/$k/series" ]; then
	tree=$(sh backport/provision/fetch.sh "$k" 2>/dev/null)
	needs_fuzz "out/$k" "$tmp/fuzz"
	rc=0; gate "$k" "$tmp/fuzz" "$tmp/$k-fuzz.out" || rc=$?
	if [ "$rc" -eq 1 ] && [ "$(caught "$tmp/$k-fuzz.out")" = zpci/apply ]; then ok "static-gate-$k-needs-fuzz: rejected by zpci/apply"
	else ko "static-gate-$k-needs-fuzz" "gate exited $rc, rules: $(caught "$tmp/$k-fuzz.out")"; fi
	rc=0; sh backport/gates/gate.sh "$k" "$tmp" "out/$k" "$tmp/$k-usage.out" > /dev/null 2> "$tmp/usage.err" || rc=$?
	if [ "$rc" -eq 2 ] && grep -q "is not a kernel tree" "$tmp/usage.err"; then ok static-gate-usage-exit-2
	else ko static-gate-usage-exit-2 "exit $rc: $(cat "$tmp/usage.err")"; fi
fi
