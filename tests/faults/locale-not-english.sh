# fault: generate runs under another locale: a German one (de_DE.UTF-8, compiled by localedef into the case's own LOCPATH, the system untouched; its collation sorts "_x" after "a") given as LC_ALL, then C.UTF-8
# exit: 0
# message: ""
# intact: both runs' gen/ byte-identical to the main job's, and a sort in a script of ours collates as C's does under the German LC_ALL (backport/lib/common.sh)
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)
up=$(versions_names upstream | head -n 1)

fault_run() {
	main_out "$tgt"
	mkdir -p "$tmp/loc"
	localedef -i de_DE -f UTF-8 "$tmp/loc/de_DE.UTF-8" 2> "$tmp/localedef.log" ||
		{ echo "localedef failed: $(head -n 1 "$tmp/localedef.log")"; return 3; }
	# the locale really collates otherwise (a check that cannot fail is none)
	[ "$(printf '%s\n' _x a | LOCPATH=$tmp/loc LC_ALL=de_DE.UTF-8 sort | head -n 1)" = a ] ||
		{ echo "de_DE.UTF-8 does not sort a before _x: not a different collation"; return 3; }
	t=$(sh backport/provision/fetch.sh "$tgt") u=$(sh backport/provision/fetch.sh "$up")
	for l in de_DE.UTF-8 C.UTF-8; do
		mkdir -p "$tmp/$l"
		cp "out/$tgt/probes.json" "out/$tgt/verdict.json" "$tmp/$l/"
		LOCPATH=$tmp/loc LC_ALL=$l sh backport/generate/generate.sh "$tgt" "$t" "$u" "$tmp/$l" || return 1
	done
}

fault_intact() {
	# what keeps them so: a sort in any script of ours collates as C does
	first=$(LOCPATH=$tmp/loc LC_ALL=de_DE.UTF-8 sh -c '. backport/lib/common.sh; printf "%s\n" a _x | sort | head -n 1')
	[ "$first" = _x ] || echo "under LC_ALL=de_DE.UTF-8, sort in a script of ours puts '$first' first, not _x"
	for l in de_DE.UTF-8 C.UTF-8; do
		[ "$(tree_sum "$tmp/$l/gen")" = "$(tree_sum "out/$tgt/gen")" ] || echo "gen/ under LC_ALL=$l differs from out/$tgt/gen"
	done
}
