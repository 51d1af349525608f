# fault: make EXISTING=<a debian/patches whose series lists a file that is no diff>
# exit: 2
# message: which is no diff
# intact: EXISTING exactly as given (never written), out/<the last target>/ as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	mkdir -p "$tmp/e"
	printf '%s\n' "This patch was lost." > "$tmp/e/0001-a.patch"
	echo 0001-a.patch > "$tmp/e/series"
	existing_make
}

fault_intact() { existing_intact; }
