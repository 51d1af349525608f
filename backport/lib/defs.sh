# defs.sh - reading definitions the way fidelity and the verdicts compare
# them: sourced by backport/verify/fidelity.sh and backport/probe/verdict.sh
# after common.sh.
#
# Provides:
#   tokens            stdin C code -> one token-ish piece per line: comments
#                     stripped by the compiler's preprocessor in
#                     -fpreprocessed mode, then every run of word
#                     characters and every other character on its own line
#   pick DIR ALTS     the first of the "|"-separated paths ALTS that DIR
#                     has (the first one when DIR has none)
#   def_tokens DIR ALTS ITEM OUT
#                     the tokens of definition ITEM ("KIND NAME", as
#                     extract.sh takes it) of DIR's file ALTS into OUT;
#                     returns 1, OUT empty, when DIR has no such definition
#   token_gist A B    what differs between two token files, one line: the
#                     runs only A has ("-...") and only B has ("+..."),
#                     each joined back into code, at most 4
# Requires gcc (host), ctags (through extract.sh) and $ZB.
tokens() {
	gcc -fpreprocessed -dD -E -P -x c - 2>/dev/null |
		sed -e 's/\([A-Za-z0-9_]\{1,\}\)/\n\1\n/g' -e 's/\([^A-Za-z0-9_ \t]\)/\n\1\n/g' |
		tr -d ' \t' | grep -v '^$'
}

pick() { echo "$2" | sh "$ZB/generate/pick-files.sh" "$1" 2>/dev/null || echo "${2%%|*}"; }

def_tokens() {
	if sh "$ZB/generate/extract.sh" "$1" "$(pick "$1" "$2")" "$3" > "$4.raw" 2>/dev/null && [ -s "$4.raw" ]; then
		tokens < "$4.raw" > "$4"
		rm -f "$4.raw"
		return 0
	fi
	rm -f "$4.raw"
	: > "$4"
	return 1
}

token_gist() {
	diff "$1" "$2" | awk '
		function flush() {
			if (del != "") out = out sep "-" del
			if (del != "") sep = "; "
			if (add != "") out = out sep "+" add
			if (add != "") sep = "; "
			del = ""; add = ""
		}
		function join(s, t) {
			if (s == "") return t
			if (s ~ /[A-Za-z0-9_]$/ && t ~ /^[A-Za-z0-9_]/) return s " " t
			return s t
		}
		/^[0-9]/ { flush(); n++; next }
		/^< / { if (n <= 4) del = join(del, substr($0, 3)); next }
		/^> / { if (n <= 4) add = join(add, substr($0, 3)) }
		END { flush(); if (n > 4) out = out " (and " n - 4 " more)"; print out }'
}
