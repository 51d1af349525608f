#!/bin/sh
# tests/progress.sh - backport/pipeline/progress.sh keeps a long stage from being
# silent, in both of its forms.
# Commands and expected results (ZPCI_PROGRESS_INTERVAL=1):
#   progress.sh LABEL TEXT -- a 3.5 s command that notes a Kbuild log with
#     3 "CC" lines out of 10 expected, through a pipe
#       -> "LABEL: TEXT" first, then at least 2 lines
#          "LABEL: compiling: 3/10 objects, 0m0Ns"; its stdout passes through
#   the same on a terminal (script(1) gives it a pty)
#       -> status lines rewritten in place ("\r" and erase-line), cleared at
#          the end, and no plain tick line
#   $(progress.sh ...) of a command that ends at once -> returns at once:
#       the ticker holds no pipe open (the 30 s stall of a fetch stage)
#   the command's exit status -> progress.sh's
#   kbuild-estimate.sh on a two-directory toy tree -> the objects the
#     configuration enables there (4), composite objects counted by parts
set -eu
cd "$(dirname "$0")/.."
# shellcheck source=tests/lib.sh
. tests/lib.sh
export ZPCI_PROGRESS_INTERVAL=1
p=backport/pipeline/progress.sh
cat > "$tmp/cmd" <<'EOF'
. backport/lib/common.sh
printf '  CC      a.o\n  CC      b.o\n  AS      c.o\n  LD      x.o\n' > "$1"
progress_note compiling "$1" 10
sleep 3.5
echo out
EOF

o=$(sh "$p" lbl "starting up" -- sh "$tmp/cmd" "$tmp/log" 2> "$tmp/err")
n=$(grep -c '^lbl: compiling: 3/10 objects, 0m0[1-9]s$' "$tmp/err" || :)
if [ "$o" = out ] && [ "$(head -n 1 "$tmp/err")" = "lbl: starting up" ] && [ "$n" -ge 2 ]; then
	ok progress-pipe
else
	ko progress-pipe "stdout '$o', stderr: $(tr '\n' '|' < "$tmp/err")"
fi

if command -v script > /dev/null 2>&1; then
	script -q -e -c "sh $p lbl 'starting up' -- sh $tmp/cmd $tmp/log2" "$tmp/tty" > /dev/null 2>&1 || :
	if grep -q "$(printf '\r\033\\[K')lbl: compiling: 3/10 objects" "$tmp/tty" &&
		! grep -q '^lbl: compiling' "$tmp/tty"; then
		ok progress-terminal
	else
		ko progress-terminal "no in-place status line: $(od -c "$tmp/tty" | head -n 5 | tr '\n' ' ')"
	fi
else
	ko progress-terminal "script(1) (util-linux) is missing"
fi

t0=$(date +%s)
o=$(sh "$p" lbl quick -- echo finished 2> /dev/null)
if [ "$o" = finished ] && [ $(( $(date +%s) - t0 )) -le 2 ]; then ok progress-no-stall
else ko progress-no-stall "took $(( $(date +%s) - t0 )) s"; fi

rc=0; sh "$p" lbl fails -- sh -c 'exit 7' 2> /dev/null || rc=$?
if [ "$rc" -eq 7 ]; then ok progress-exit-status; else ko progress-exit-status "exit $rc, not 7"; fi

# A toy tree: arch/s390 enables a.o, the composite c.o (two parts) and sub/,
# where d.o is on and e.o off; drivers/ is never reached.
t=$tmp/tree
mkdir -p "$t/arch/s390/sub" "$t/drivers/x"
# shellcheck disable=SC2016 # Makefile text
printf 'obj-y += a.o sub/\nobj-$(CONFIG_C) += c.o\nc-y := c1.o \\\n\tc2.o\n' > "$t/arch/s390/Makefile"
# shellcheck disable=SC2016 # Makefile text
printf 'obj-$(CONFIG_D) += d.o\nobj-$(CONFIG_E) += e.o\n' > "$t/arch/s390/sub/Makefile"
printf 'obj-y += y.o\n' > "$t/drivers/x/Makefile"
printf 'CONFIG_C=y\nCONFIG_D=y\n# CONFIG_E is not set\n' > "$tmp/config"
n=$(sh backport/lib/kbuild-estimate.sh "$t" "$tmp/config")
if [ "$n" -eq 4 ]; then ok kbuild-estimate; else ko kbuild-estimate "estimated $n, expected 4 (a, c1, c2, d)"; fi
