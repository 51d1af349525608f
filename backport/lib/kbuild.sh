#!/bin/sh
# kbuild.sh - run a kernel tree's own Kbuild for s390x: the one place that
# spells the cross make line.
#
# Usage: kbuild.sh TREE BUILD [MAKE-ARG...]
#   TREE   the kernel tree (make -C; its sources are only read)
#   BUILD  the Kbuild output directory (O=)
# Runs: make -C TREE O=BUILD ARCH=s390 CROSS_COMPILE=s390x-linux-gnu-
#   CC="ccache s390x-linux-gnu-gcc" MAKE-ARG..., with the caller's make
#   state (MAKEFLAGS, MFLAGS, MAKELEVEL, MAKEOVERRIDES: a jobserver, -n,
#   -q) and Kconfig/Kbuild variables (KCONFIG_CONFIG, KBUILD_OUTPUT,
#   KBUILD_EXTMOD, and the CONFIG= of our Makefile) cleared, and ccache set up so that its results are
#   shared by every copy of a tree: CCACHE_DIR=$ZPCI_CACHE/ccache,
#   CCACHE_BASEDIR=$ZPCI_CACHE (paths under the cache hashed relative to
#   the build directory), CCACHE_NOHASHDIR, CCACHE_COMPILERCHECK=content
#   (the same compiler package on another machine, such as a fresh root,
#   hits too).
# Outputs: whatever make writes, on stdout and stderr.
# Errors: make's exit status; 2 for bad arguments.
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -ge 2 ] || usage_die "usage: kbuild.sh TREE BUILD [MAKE-ARG...]"
tree=$1 build=$2
shift 2
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES KCONFIG_CONFIG KBUILD_OUTPUT KBUILD_EXTMOD CONFIG
CCACHE_DIR=$ZPCI_CACHE/ccache CCACHE_BASEDIR=$ZPCI_CACHE CCACHE_NOHASHDIR=1
CCACHE_COMPILERCHECK=content
# base_dir rewrites -I, -include and the source path, but not these two,
# which name the tree's absolute path too: without this, every copy of a
# tree (another NAME, the fresh root) missed on every object. Neither
# changes the object: the prefix map makes __FILE__ tree-relative, and the
# assembler's include directory holds the same files in every copy.
CCACHE_IGNOREOPTIONS='-fmacro-prefix-map=* -Wa,-I*'
export CCACHE_DIR CCACHE_BASEDIR CCACHE_NOHASHDIR CCACHE_COMPILERCHECK CCACHE_IGNOREOPTIONS
mkdir -p "$CCACHE_DIR"
exec make -C "$tree" O="$build" ARCH=s390 CROSS_COMPILE=s390x-linux-gnu- \
	CC="ccache s390x-linux-gnu-gcc" "$@"
