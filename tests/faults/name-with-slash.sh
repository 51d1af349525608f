# fault: make KSRC=<a tree> NAME=../x (a label that would put the outputs outside out/)
# exit: 2
# message: use letters, digits
# intact: nothing made beside out/: no ../x under the checkout's parent
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	make -s KSRC="$(sh backport/provision/fetch.sh "$tgt")" NAME=../zpci-fault-x
}

fault_intact() {
	[ ! -e ../zpci-fault-x ] || echo "../zpci-fault-x was made"
	[ ! -e "$ZPCI_CACHE/zpci-fault-x" ] || echo "$ZPCI_CACHE/zpci-fault-x was made"
}
