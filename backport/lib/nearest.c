// SPDX-License-Identifier: GPL-2.0
/*
 * nearest - find the line of C code most like a pattern, token by token,
 * for the drift report of a rule that matched nowhere.
 *
 * Usage: nearest PATTERN [WILDCARD...] < LINES
 *   PATTERN   one line of code (a rule's anchor, its SmPL markers removed)
 *   WILDCARD  identifiers of PATTERN that stand for any one token (the
 *             rule's metavariables)
 *   LINES     on stdin, "NUMBER<TAB>TEXT" per line of the scope searched
 * Output: "NUMBER<TAB>DISTANCE<TAB>TEXT" of the line whose tokens are
 *   nearest to PATTERN's (the fewest token insertions, deletions and
 *   substitutions; a wildcard matches any token for free); the first such
 *   line on a tie. Blank lines and lines of punctuation only are skipped.
 * Errors: exit 1 when no line was read, 2 for bad arguments or a line
 *   longer than 4095 bytes.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_LINE 4096
#define MAX_TOKENS 512
#define MAX_TOKEN 128

struct tokens {
	int n;
	char tok[MAX_TOKENS][MAX_TOKEN];
};

/* Split s into identifiers/numbers and single punctuation characters. */
static void tokenize(const char *s, struct tokens *t)
{
	t->n = 0;
	while (*s && t->n < MAX_TOKENS) {
		size_t len = 0;

		if (isspace((unsigned char)*s)) {
			s++;
			continue;
		}
		if (isalnum((unsigned char)*s) || *s == '_') {
			while ((isalnum((unsigned char)s[len]) || s[len] == '_') &&
			       len < MAX_TOKEN - 1)
				len++;
		} else {
			len = 1;
		}
		memcpy(t->tok[t->n], s, len);
		t->tok[t->n][len] = '\0';
		t->n++;
		s += len;
	}
}

static int is_wild(const char *tok, char **wild, int nwild)
{
	int i;

	for (i = 0; i < nwild; i++)
		if (!strcmp(tok, wild[i]))
			return 1;
	return 0;
}

static int has_word(const struct tokens *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (isalnum((unsigned char)t->tok[i][0]) || t->tok[i][0] == '_')
			return 1;
	return 0;
}

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

/* Token edit distance between the pattern p and the line l. */
static int distance(const struct tokens *p, const struct tokens *l,
		    char **wild, int nwild)
{
	static int row[2][MAX_TOKENS + 1];
	int i, j;

	for (j = 0; j <= l->n; j++)
		row[0][j] = j;
	for (i = 1; i <= p->n; i++) {
		int *cur = row[i & 1], *prev = row[(i - 1) & 1];
		int wildcard = is_wild(p->tok[i - 1], wild, nwild);

		cur[0] = i;
		for (j = 1; j <= l->n; j++) {
			int same = wildcard || !strcmp(p->tok[i - 1], l->tok[j - 1]);

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1,
				      prev[j - 1] + (same ? 0 : 1));
		}
	}
	return row[p->n & 1][l->n];
}

int main(int argc, char **argv)
{
	static struct tokens pat, line;
	char buf[MAX_LINE], best[MAX_LINE] = "";
	long best_no = -1;
	int best_d = -1;

	if (argc < 2) {
		fprintf(stderr, "usage: nearest PATTERN [WILDCARD...] < LINES\n");
		return 2;
	}
	tokenize(argv[1], &pat);
	while (fgets(buf, sizeof(buf), stdin)) {
		char *tab = strchr(buf, '\t');
		size_t len = strlen(buf);
		int d;

		if (len == sizeof(buf) - 1 && buf[len - 1] != '\n') {
			fprintf(stderr, "nearest: a line longer than %d bytes\n",
				MAX_LINE - 1);
			return 2;
		}
		if (len && buf[len - 1] == '\n')
			buf[--len] = '\0';
		if (!tab)
			continue;
		tokenize(tab + 1, &line);
		if (!has_word(&line))
			continue;
		d = distance(&pat, &line, argv + 2, argc - 2);
		if (best_d < 0 || d < best_d) {
			best_d = d;
			best_no = strtol(buf, NULL, 10);
			snprintf(best, sizeof(best), "%s", tab + 1);
		}
	}
	if (best_d < 0)
		return 1;
	printf("%ld\t%d\t%s\n", best_no, best_d, best);
	return 0;
}
