#!/bin/sh
# kbuild-estimate.sh - estimate from a configuration how many objects a
# first s390x build of a tree compiles, for the progress line of a build
# that has no earlier build to count from.
#
# Usage: kbuild-estimate.sh TREE CONFIG
#   TREE    the kernel tree (read only)
#   CONFIG  its .config
# Method: every "NAME.o" word of an "obj-y", "obj-$(CONFIG_X)", "FOO-y",
#   "FOO-objs" or "FOO-$(CONFIG_X)" assignment whose CONFIG_X is y, in the
#   Makefile or Kbuild file of each directory the build descends into:
#   from arch/s390 and the generic top-level directories, through every
#   "DIR/" word of such an assignment; a composite object (FOO.o made of
#   FOO-y) counts as its parts. Directories and objects a condition inside
#   a Makefile leaves out still count: it is an estimate.
# Outputs: one number on stdout.
# Errors: exit 2 for bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
if [ $# -ne 2 ] || [ ! -d "$1" ] || [ ! -f "$2" ]; then
	usage_die "usage: kbuild-estimate.sh TREE CONFIG"
fi
tree=$1 config=$2
# shellcheck disable=SC2016 # $(CONFIG_X) is Kbuild syntax, for awk
cd "$tree"
find . \( -name Makefile -o -name Kbuild \) -type f | awk -v cfg="$config" '
	BEGIN { while ((getline l < cfg) > 0) if (l ~ /^CONFIG_[A-Z0-9_]+=y$/) { sub(/=y$/, "", l); on[l] = 1 } }
	# parse FILE: the objects and subdirectories its enabled assignments
	# name: obj-/lib- words (objs, or the composite they name) and FOO-
	# words (the parts of composite FOO.o).
	function parse(file,    dir, line, cont, sel, base, keep, n, w, i) {
		dir = file; sub(/^\.\//, "", dir); sub(/\/[^\/]*$/, "", dir)
		cont = 0
		while ((getline line < file) > 0) {
			if (!cont) {
				if (!match(line, /^[a-z0-9_]+-(y|objs|\$\(CONFIG_[A-Z0-9_]+\))[ \t]*[:+]?=/)) continue
				sel = substr(line, 1, RLENGTH)
				sub(/[ \t]*[:+]?=$/, "", sel)
				base = sel; sub(/-[^-]*$/, "", base)
				keep = sel ~ /-(y|objs)$/
				if (!keep && match(sel, /CONFIG_[A-Z0-9_]+/)) keep = (substr(sel, RSTART, RLENGTH) in on)
				line = substr(line, RLENGTH + 1)
			}
			cont = line ~ /\\$/
			if (!keep) continue
			n = split(line, w, /[ \t]+/)
			for (i = 1; i <= n; i++) {
				if (w[i] ~ /\.o$/) {
					if (base == "obj" || base == "lib") named[dir "/" w[i]] = dir
					else parts[dir "/" base ".o"]++
				} else if (w[i] ~ /^[A-Za-z0-9_.-]+\/$/ && (base == "obj" || base == "lib"))
					kids[dir] = kids[dir] " " dir "/" substr(w[i], 1, length(w[i]) - 1)
			}
		}
		close(file)
	}
	{ parse($0) }
	END {
		for (o in named) objs[named[o]] += (o in parts) ? parts[o] : 1
		q = split("arch/s390 block certs crypto drivers fs init io_uring ipc kernel lib mm net security sound usr virt", todo, " ")
		for (h = 1; h <= q; h++) {
			d = todo[h]
			if (d in seen) continue
			seen[d] = 1; c += objs[d]
			m = split(kids[d], k, " ")
			for (j = 1; j <= m; j++) todo[++q] = k[j]
		}
		print c + 0
	}'
