# fault: the s390x cross compiler cannot find a kernel header (a broken or partial toolchain): every probe fails to compile
# exit: 1
# message: the baseline probe (common kernel headers only) does not compile
# intact: out/<the last target>/probes.json as before: no probe results written from a broken compiler
# shellcheck shell=sh disable=SC2154 # $tmp comes from tests/faults.sh

tgt=$(versions_names target | tail -n 1)

fault_run() {
	main_out "$tgt"
	sha256sum < "out/$tgt/probes.json" > "$tmp/before"
	mkdir -p "$tmp/fake" "$tmp/out"
	# the fake compiler: every compilation fails as with a missing header
	# (so every probe "lacks" its API); anything else is the real one
	real=$(command -v s390x-linux-gnu-gcc)
	printf '#!/bin/sh\ncase " $* " in *" -c "*) echo "probe.c:1:10: fatal error: linux/pci.h: No such file or directory" >&2; exit 1 ;; esac\nexec %s "$@"\n' \
		"$real" > "$tmp/fake/s390x-linux-gnu-gcc"
	chmod +x "$tmp/fake/s390x-linux-gnu-gcc"
	PATH=$tmp/fake:$PATH sh backport/probe/probe.sh "$(sh backport/provision/fetch.sh "$tgt")" \
		"$ZPCI_CACHE/work/$tgt/pristine-build" "$tmp/out"
}

fault_intact() {
	[ "$(sha256sum < "out/$tgt/probes.json")" = "$(cat "$tmp/before")" ] || echo "out/$tgt/probes.json changed"
	[ ! -f "$tmp/out/probes.json" ] || echo "probe results were written: $(head -c 200 "$tmp/out/probes.json")"
}
