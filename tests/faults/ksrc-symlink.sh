# fault: KSRC is a symlink to a pristine kernel tree (the cached 7.2 tree behind a link, as a user's tree may be)
# exit: 0
# message:
# intact: the tree behind the link: every file as its sha256 manifest says, and no .pc directory
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

t72=$(sh backport/fetch.sh 7.2)

fault_run() {
	ln -s "$t72" "$tmp/link"
	ZPCI_OUT=$tmp/out make -s KSRC="$tmp/link" NAME=lnk72
}

fault_intact() {
	[ ! -e "$t72/.pc" ] || echo "$t72/.pc exists"
	(cd "$t72" && sha256sum --quiet -c "$t72.sha256" 2>&1 | head -n 3)
	rm -rf "$ZPCI_CACHE/work/lnk72"
}
