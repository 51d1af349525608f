#!/bin/sh
# check-name: sparse-bootstrap
# check-description: backport/provision/build-sparse.sh yields a sparse that runs,
#   reports its version, and accepts __typeof_unqual__ as Linux 7.x needs
#   (with the qualifiers really dropped), while still reporting errors.
# check-command: sh backport/provision/build-sparse.sh, then on its printed path:
#   sparse --version
#   sparse -Wbitwise --arch=s390 -mbig-endian -m64 unqual.c   (no output)
#   sparse -Wbitwise --arch=s390 -mbig-endian -m64 const.c    (an error)
# check-exit-value: 0 on pass, 1 on fail
# check-output-start
# PASS sparse-bootstrap
# check-output-end
#
# On failure stdout is the single line "FAIL sparse-bootstrap: <reason>" and
# the stderr of the failing step is repeated on stderr. Inputs: those of
# build-sparse.sh (ZPCI_CACHE, ZPCI_SPARSE_VERSION); the first run builds
# sparse (10-20 s), later runs take well under a second.
set -eu

top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM

fail() {
	[ ! -s "$tmp/err" ] || cat "$tmp/err" >&2
	printf 'FAIL sparse-bootstrap: %s\n' "$*"
	exit 1
}

sparse=$(sh "$top/backport/provision/build-sparse.sh" 2>"$tmp/err") ||
	fail "build-sparse.sh exited $?"
case $sparse in
/*) ;;
*) fail "build-sparse.sh printed '$sparse', not an absolute path" ;;
esac
{ [ -f "$sparse" ] && [ -x "$sparse" ]; } || fail "$sparse is not an executable file"

version=$("$sparse" --version 2>"$tmp/err") || fail "sparse --version exited $?"
[ -n "$version" ] || fail "sparse --version printed nothing"

flags="-Wbitwise --arch=s390 -mbig-endian -m64"

# __typeof_unqual__ must parse and drop const/volatile: assigning to v is fine.
cat > "$tmp/unqual.c" <<'EOF'
static int u(const volatile int *q)
{
	__typeof_unqual__(*q) v = *q;
	v = 1;
	return v;
}
EOF
# sparse exits 0 even on errors, so its output is what counts.
# shellcheck disable=SC2086 # $flags is a list of words on purpose
out=$("$sparse" $flags "$tmp/unqual.c" 2>&1) || fail "sparse exited $? on unqual.c"
[ -z "$out" ] || fail "sparse rejects __typeof_unqual__: $(printf '%s' "$out" | head -n 1)"

# Control: plain __typeof__ keeps const, so this must be reported; otherwise
# the silence above proves nothing.
cat > "$tmp/const.c" <<'EOF'
static int t(const int *q)
{
	__typeof__(*q) w = *q;
	w = 1;
	return w;
}
EOF
# shellcheck disable=SC2086
out=$("$sparse" $flags "$tmp/const.c" 2>&1) || :
case $out in
*"error: assignment to const expression"*) ;;
*) fail "sparse did not report the assignment to a const in const.c (printed '$out')" ;;
esac

printf 'PASS sparse-bootstrap\n'
