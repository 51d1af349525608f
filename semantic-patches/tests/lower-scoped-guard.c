/*
 * Fixture for lower-scoped-guard.cocci: a scoped_guard() whose statement
 * leaves by a return and by a goto as well as by its end.
 */
static int take(struct thing *t, int v)
{
	int ret = 0;

	scoped_guard(mutex, &t->lock) {
		if (v < 0)
			return -EINVAL;
		if (!t->count)
			goto out;
		t->count--;
	}
	ret = 1;
out:
	return ret;
}
