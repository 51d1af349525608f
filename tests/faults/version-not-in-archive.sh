# fault: a versions line names a version no configured archive has (linux-source-6.12 6.12.999-1), which apt-cache show accepts with exit 0
# exit: 2
# message: version 6.12.999-1 is in no configured archive
# intact: no .deb and no tree for that version in the cache
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

fault_run() {
	printf 'bad linux-source-6.12 6.12.999-1 target\n' > "$tmp/versions"
	ZPCI_VERSIONS=$tmp/versions sh backport/provision/fetch.sh bad
}

fault_intact() {
	ls "$ZPCI_CACHE"/debs/*6.12.999* "$ZPCI_CACHE"/trees/*6.12.999* 2>/dev/null || :
}
