# fault: make EXISTING=<a debian/patches whose series file has DOS (CRLF) line endings>
# exit: 2
# message: DOS (CRLF) line endings
# intact: EXISTING exactly as given (never written), out/<the last target>/ as before
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	mkdir -p "$tmp/e"
	printf '%s\n' "--- a/README" "+++ b/README" "@@ -1 +1,2 @@" " Linux kernel" "+x" > "$tmp/e/0001-a.patch"
	printf '%s\r\n' 0001-a.patch > "$tmp/e/series"
	existing_make
}

fault_intact() { existing_intact; }
