# fault: spatch exits 0 but its log says it could not parse the semantic patch (an older or newer Coccinelle)
# exit: 1
# message: spatch reported an error
# intact: out/<the last target>/ as before; no gen/ in the scratch out
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() { fake_spatch_generate '#!/bin/sh\necho "minus: parse error: " >&2\necho "  File \"x.cocci\", line 12, column 1" >&2\nexit 0\n'; }
fault_intact() { fake_spatch_intact; }
