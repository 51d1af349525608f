// SPDX-License-Identifier: GPL-2.0
/*
 * kabi-types - say which changed types an exported symbol's checksum
 * reaches, from the genksyms symtypes of one object built twice (pristine
 * and patched, make KBUILD_SYMTYPES=1), for the kABI report.
 *
 * Usage: kabi-types OLD NEW SYMBOL...
 *   OLD, NEW  symtypes files: one definition per line, "KEY TOKEN...",
 *             where KEY is an exported symbol or a type (s#struct, u#union,
 *             e#enum, t#typedef, E#enumerator) and a TOKEN of that form
 *             refers to another line
 *   SYMBOL    exported symbols of the object
 * Output: one line per SYMBOL, "SYMBOL<TAB>KEY KEY...": the keys whose
 *   definitions differ between OLD and NEW (or are in only one of them)
 *   and that SYMBOL's definition reaches, in either file, directly or
 *   through other keys; sorted, without duplicates; SYMBOL itself is among
 *   them when its own declaration changed. Empty after the tab when none.
 * Errors: exit 2 for bad arguments, a file that cannot be read, or a
 *   symtypes file of more than 1 << 20 lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HASH_BITS 21
#define HASH_SIZE (1u << HASH_BITS)
#define MAX_DEFS (1u << 20)

struct def {
	char *key;
	char *text[2];		/* the definition in OLD and NEW, NULL if absent */
	int seen;		/* the walk's mark: the SYMBOL index + 1 */
};

static struct def *table[HASH_SIZE];
static size_t ndefs;

static unsigned int hash(const char *s, size_t n)
{
	unsigned int h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h & (HASH_SIZE - 1);
}

/* lookup: the entry of KEY (N bytes); a new one when CREATE, else NULL. */
static struct def *lookup(const char *key, size_t n, int create)
{
	unsigned int i = hash(key, n);
	struct def *d;

	for (; table[i]; i = (i + 1) & (HASH_SIZE - 1))
		if (strlen(table[i]->key) == n && !memcmp(table[i]->key, key, n))
			return table[i];
	if (!create)
		return NULL;
	if (++ndefs > MAX_DEFS) {
		fprintf(stderr, "kabi-types: more than %u definitions\n", MAX_DEFS);
		exit(2);
	}
	d = calloc(1, sizeof(*d));
	if (!d || !(d->key = strndup(key, n))) {
		perror("kabi-types");
		exit(2);
	}
	table[i] = d;
	return d;
}

static void load(const char *path, int side)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	if (!f) {
		perror(path);
		exit(2);
	}
	while ((len = getline(&line, &cap, f)) > 0) {
		char *sp;
		struct def *d;

		if (line[len - 1] == '\n')
			line[--len] = '\0';
		sp = strchr(line, ' ');
		if (!sp || sp == line)
			continue;
		d = lookup(line, sp - line, 1);
		free(d->text[side]);
		d->text[side] = strdup(sp + 1);
		if (!d->text[side]) {
			perror("kabi-types");
			exit(2);
		}
	}
	free(line);
	fclose(f);
}

static int changed(const struct def *d)
{
	if (!d->text[0] || !d->text[1])
		return 1;
	return strcmp(d->text[0], d->text[1]) != 0;
}

static int is_ref(const char *t, size_t n)
{
	return n > 2 && t[1] == '#' && strchr("stueE", t[0]);
}

static const char **found;
static size_t nfound, capfound;

/* walk: mark D and everything it refers to in OLD or NEW; collect changes. */
static void walk(struct def *d, int mark)
{
	int side;

	if (d->seen == mark)
		return;
	d->seen = mark;
	if (changed(d)) {
		if (nfound == capfound) {
			capfound = capfound ? 2 * capfound : 64;
			found = realloc(found, capfound * sizeof(*found));
			if (!found) {
				perror("kabi-types");
				exit(2);
			}
		}
		found[nfound++] = d->key;
	}
	for (side = 0; side < 2; side++) {
		const char *p = d->text[side];

		while (p && *p) {
			size_t n = strcspn(p, " ");
			struct def *r;

			if (is_ref(p, n)) {
				r = lookup(p, n, 0);
				if (r)
					walk(r, mark);
			}
			p += n;
			p += strspn(p, " ");
		}
	}
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
	int i;
	size_t j;

	if (argc < 3) {
		fprintf(stderr, "usage: kabi-types OLD NEW SYMBOL...\n");
		return 2;
	}
	load(argv[1], 0);
	load(argv[2], 1);
	for (i = 3; i < argc; i++) {
		struct def *d = lookup(argv[i], strlen(argv[i]), 0);

		nfound = 0;
		if (d)
			walk(d, i);
		qsort(found, nfound, sizeof(*found), cmp);
		printf("%s\t", argv[i]);
		for (j = 0; j < nfound; j++)
			printf("%s%s", j ? " " : "", found[j]);
		putchar('\n');
	}
	return 0;
}
