# fault: spatch dies of a signal (SIGSEGV) in the middle of a semantic patch
# exit: 1
# message: spatch failed
# intact: out/<the last target>/ as before; no gen/ in the scratch out
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() { fake_spatch_generate '#!/bin/sh\nkill -SEGV $$\n'; }
fault_intact() { fake_spatch_intact; }
