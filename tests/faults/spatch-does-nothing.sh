# fault: spatch exits 0 having done nothing (it prints nothing and changes no file)
# exit: 1
# message: matched 0 place(s)
# intact: out/<the last target>/ as before: generate writes into a scratch directory only
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() { fake_spatch_generate '#!/bin/sh\nexit 0\n'; }
fault_intact() { fake_spatch_intact; }
