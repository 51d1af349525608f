# tests/lib.sh - the common start of the test scripts, sourced after they
# cd to the top of the repository: ". tests/lib.sh".
# Gives: backport/common.sh (ZPCI_TOP, ZPCI_CACHE, versions_*, die...);
#   ok NAME and ko NAME REASON, which print the "PASS NAME" and
#   "FAIL NAME: REASON" lines tests/run.sh counts; $tmp, a temporary
#   directory removed when the script exits or is interrupted.
# shellcheck shell=sh source-path=SCRIPTDIR/.. source=backport/common.sh
. backport/common.sh
ok() { echo "PASS $1"; }
ko() { echo "FAIL $1: $2"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
