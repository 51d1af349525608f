# fault: KSRC is a symlink to a pristine kernel tree (the cached tree of $ref behind a link, as a user's tree may be)
# exit: 0
# message:
# intact: the tree behind the link: every file as its sha256 manifest says, and no .pc directory
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tref=$(sh backport/provision/fetch.sh "$ref")

fault_run() {
	ln -s "$tref" "$tmp/link"
	ZPCI_OUT=$tmp/out make -s KSRC="$tmp/link" NAME=lnk
}

fault_intact() {
	[ ! -e "$tref/.pc" ] || echo "$tref/.pc exists"
	(cd "$tref" && sha256sum --quiet -c "$tref.sha256" 2>&1 | head -n 3)
	rm -rf "$ZPCI_CACHE/work/lnk"
}
