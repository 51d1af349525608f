#!/bin/sh
# npm-tool.sh - install one exact version of a tool from the npm registry
# into the cache, once, and print the path of its command.
#
# Usage: npm-tool.sh PACKAGE VERSION COMMAND
#   PACKAGE  the npm package (e.g. @microsoft/sarif-multitool)
#   VERSION  its exact version (e.g. 5.7.0)
#   COMMAND  the command it installs under node_modules/.bin
# Inputs: npm (Debian's package npm; bootstrap.sh check installs it).
# Outputs: $ZPCI_CACHE/npm/<package>@<version>/, made through a temporary
#   directory and renamed when npm succeeded; prints the command's path.
# Errors: exit 2 when npm is missing or the install fails (its log named).
set -eu
# shellcheck source-path=SCRIPTDIR source=../lib/common.sh
. "$(dirname "$0")/../lib/common.sh"
[ $# -eq 3 ] || usage_die "usage: npm-tool.sh PACKAGE VERSION COMMAND"
pkg=$1 ver=$2 cmd=$3
dir=$ZPCI_CACHE/npm/$(printf '%s@%s' "$pkg" "$ver" | tr '/' '+')
if [ ! -x "$dir/node_modules/.bin/$cmd" ]; then
	command -v npm > /dev/null 2>&1 || usage_die "npm is not installed: run 'sh backport/provision/bootstrap.sh check' as root"
	mkdir -p "$ZPCI_CACHE/npm"
	rm -rf "$dir.tmp"
	mkdir "$dir.tmp"
	npm install --prefix "$dir.tmp" --no-audit --no-fund --no-save --loglevel=error "$pkg@$ver" > "$dir.log" 2>&1 ||
		{ rm -rf "$dir.tmp"; usage_die "npm install $pkg@$ver failed (see $dir.log)"; }
	rm -rf "$dir"
	mv "$dir.tmp" "$dir"
fi
printf '%s\n' "$dir/node_modules/.bin/$cmd"
