/* semdiff.c - what changed in a record, said the way a secretary says it */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "semdiff.h"
#include "util.h"

void
samv_lines_add(struct samv_lines *l, const char *fmt, ...)
{
	va_list ap;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = samv_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	va_start(ap, fmt);
	l->v[l->n++] = samv_xvasprintf(fmt, ap);
	va_end(ap);
}

void
samv_lines_release(struct samv_lines *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static size_t
n_of(const struct samv_node *n)
{
	return n && n->kind == SAMV_NODE_SEQ ? n->n_items : 0;
}

static const char *
s_of(const struct samv_node *n, const char *key)
{
	return samv_node_getstr(n, key);
}

static int
same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* A scalar for a one-line message: short ones verbatim, long ones not. */
static const char *
brief(const struct samv_node *n, char *buf, size_t size)
{
	const char *s;

	if (n == NULL)
		return "(none)";
	if (n->kind != SAMV_NODE_SCALAR)
		return n->kind == SAMV_NODE_SEQ ? "(list)" : "(mapping)";
	s = n->str;
	if (strchr(s, '\n') || strlen(s) > 60) {
		snprintf(buf, size, "(text of %zu characters)",
		    samv_utf8_len(s, strlen(s)));
		return buf;
	}
	return s;
}

/* Generic: every differing scalar path, lists compared by position. */
static void
generic(struct samv_lines *out, const char *id, const char *path,
    const struct samv_node *a, const struct samv_node *b)
{
	char b1[64], b2[64];
	size_t i;

	if (samv_node_equal(a, b))
		return;
	if (a && b && a->kind == SAMV_NODE_MAP && b->kind == SAMV_NODE_MAP) {
		for (i = 0; i < a->n_pairs; i++) {
			const char *k = a->pairs[i].key->str;
			char *sub = *path ? samv_xasprintf("%s.%s", path, k) :
			    samv_xstrdup(k);

			generic(out, id, sub, a->pairs[i].value,
			    samv_node_get(b, k));
			free(sub);
		}
		for (i = 0; i < b->n_pairs; i++) {
			const char *k = b->pairs[i].key->str;

			if (samv_node_get(a, k) == NULL) {
				char *sub = *path ? samv_xasprintf("%s.%s",
				    path, k) : samv_xstrdup(k);

				generic(out, id, sub, NULL, b->pairs[i].value);
				free(sub);
			}
		}
		return;
	}
	if (a && b && a->kind == SAMV_NODE_SEQ && b->kind == SAMV_NODE_SEQ &&
	    a->n_items == b->n_items) {
		for (i = 0; i < a->n_items; i++) {
			char *sub = samv_xasprintf("%s[%zu]", path, i + 1);

			generic(out, id, sub, a->items[i], b->items[i]);
			free(sub);
		}
		return;
	}
	if (a == NULL)
		samv_lines_add(out, "%s: %s set to %s", id, path,
		    brief(b, b2, sizeof(b2)));
	else if (b == NULL)
		samv_lines_add(out, "%s: %s removed (was %s)", id, path,
		    brief(a, b1, sizeof(b1)));
	else
		samv_lines_add(out, "%s: %s %s → %s", id, path,
		    brief(a, b1, sizeof(b1)), brief(b, b2, sizeof(b2)));
}

/* The other keys of two mappings, generically, skipping the listed. */
static void
rest(struct samv_lines *out, const char *id, const struct samv_node *a,
    const struct samv_node *b, const char *const *skip)
{
	size_t i, k;

	for (i = 0; a && i < a->n_pairs; i++) {
		const char *key = a->pairs[i].key->str;

		for (k = 0; skip[k] && strcmp(skip[k], key); k++)
			;
		if (!skip[k])
			generic(out, id, key, a->pairs[i].value,
			    samv_node_get(b, key));
	}
	for (i = 0; b && i < b->n_pairs; i++) {
		const char *key = b->pairs[i].key->str;

		for (k = 0; skip[k] && strcmp(skip[k], key); k++)
			;
		if (!skip[k] && samv_node_get(a, key) == NULL)
			generic(out, id, key, NULL, b->pairs[i].value);
	}
}

/* Plain name lists (attendance): who was added or removed. */
static void
names(struct samv_lines *out, const char *id, const char *what,
    const struct samv_node *a, const struct samv_node *b)
{
	size_t i, j;

	for (i = 0; i < n_of(b); i++) {
		const char *nb = b->items[i]->kind == SAMV_NODE_MAP ?
		    s_of(b->items[i], "name") : samv_node_str(b->items[i]);
		int found = 0;

		for (j = 0; j < n_of(a) && !found; j++) {
			const char *na = a->items[j]->kind == SAMV_NODE_MAP ?
			    s_of(a->items[j], "name") :
			    samv_node_str(a->items[j]);

			found = same(na, nb);
		}
		if (!found)
			samv_lines_add(out, "%s: %s %s added", id, what,
			    nb ? nb : "?");
	}
	for (j = 0; j < n_of(a); j++) {
		const char *na = a->items[j]->kind == SAMV_NODE_MAP ?
		    s_of(a->items[j], "name") : samv_node_str(a->items[j]);
		int found = 0;

		for (i = 0; i < n_of(b) && !found; i++) {
			const char *nb = b->items[i]->kind == SAMV_NODE_MAP ?
			    s_of(b->items[i], "name") :
			    samv_node_str(b->items[i]);

			found = same(na, nb);
		}
		if (!found)
			samv_lines_add(out, "%s: %s %s removed", id, what,
			    na ? na : "?");
	}
}

/* Rank of item k of l among the items whose titles also occur in other:
 * an insertion before an item does not move it, a reordering does. */
static size_t
common_rank(const struct samv_node *l, const struct samv_node *other,
    size_t k)
{
	size_t i, j, rank = 0;

	for (i = 0; i < k; i++)
		for (j = 0; j < n_of(other); j++)
			if (same(s_of(l->items[i], "title"),
			    s_of(other->items[j], "title"))) {
				rank++;
				break;
			}
	return rank;
}

static void
meeting(struct samv_lines *out, const char *id, const struct samv_node *a,
    const struct samv_node *b)
{
	static const char *const skip[] = { "agenda", "attendance",
	    "adjustment", NULL };
	static const char *const lists[][2] = {
		{ "present", "present:" }, { "substitutes", "serving substitute" },
		{ "substitutes_present", "substitute present:" },
		{ "others", "other present:" }, { "absent", "absent:" }
	};
	const struct samv_node *ia = samv_node_get(samv_node_get(a, "agenda"),
	    "items"), *ib = samv_node_get(samv_node_get(b, "agenda"), "items");
	const struct samv_node *aa, *ab;
	size_t i, j, k;

	/* items matched by title: added, removed, moved, changed */
	for (i = 0; i < n_of(ib); i++) {
		const char *t = s_of(ib->items[i], "title");

		for (j = 0; j < n_of(ia); j++)
			if (same(t, s_of(ia->items[j], "title")))
				break;
		if (j == n_of(ia))
			samv_lines_add(out, "%s: item %zu \"%s\" added", id,
			    i + 1, t ? t : "");
		else {
			char *what = samv_xasprintf("item %zu \"%s\"", i + 1,
			    t ? t : "");

			if (common_rank(ia, ib, j) != common_rank(ib, ia, i))
				samv_lines_add(out, "%s: item \"%s\" moved "
				    "%zu → %zu", id, t ? t : "", j + 1, i + 1);
			for (k = 0; k < ib->items[i]->n_pairs; k++) {
				const char *key = ib->items[i]->pairs[k].key->str;
				char *p;

				if (strcmp(key, "title") == 0 ||
				    strcmp(key, "start") == 0)
					continue;
				p = samv_xasprintf("%s %s", what, key);
				generic(out, id, p, samv_node_get(ia->items[j],
				    key), ib->items[i]->pairs[k].value);
				free(p);
			}
			for (k = 0; k < ia->items[j]->n_pairs; k++) {
				const char *key = ia->items[j]->pairs[k].key->str;

				if (samv_node_get(ib->items[i], key) == NULL) {
					char *p = samv_xasprintf("%s %s", what,
					    key);

					generic(out, id, p,
					    ia->items[j]->pairs[k].value, NULL);
					free(p);
				}
			}
			free(what);
		}
	}
	for (j = 0; j < n_of(ia); j++) {
		const char *t = s_of(ia->items[j], "title");

		for (i = 0; i < n_of(ib); i++)
			if (same(t, s_of(ib->items[i], "title")))
				break;
		if (i == n_of(ib))
			samv_lines_add(out, "%s: item %zu \"%s\" removed", id,
			    j + 1, t ? t : "");
	}
	aa = samv_node_get(a, "attendance");
	ab = samv_node_get(b, "attendance");
	for (k = 0; k < sizeof(lists) / sizeof(lists[0]); k++)
		names(out, id, lists[k][1], samv_node_get(aa, lists[k][0]),
		    samv_node_get(ab, lists[k][0]));
	if (!same(s_of(samv_node_get(a, "agenda"), "published"),
	    s_of(samv_node_get(b, "agenda"), "published")))
		samv_lines_add(out, "%s: agenda published %s", id,
		    s_of(samv_node_get(b, "agenda"), "published") ?
		    s_of(samv_node_get(b, "agenda"), "published") :
		    "date removed");
	generic(out, id, "agenda.breaks", samv_node_get(samv_node_get(a,
	    "agenda"), "breaks"), samv_node_get(samv_node_get(b, "agenda"),
	    "breaks"));
	if (samv_node_get(a, "adjustment") == NULL &&
	    samv_node_get(b, "adjustment") != NULL)
		samv_lines_add(out, "%s: protocol adjusted %s", id,
		    s_of(samv_node_get(b, "adjustment"), "date") ?
		    s_of(samv_node_get(b, "adjustment"), "date") : "");
	else if (!samv_node_equal(samv_node_get(a, "adjustment"),
	    samv_node_get(b, "adjustment")))
		generic(out, id, "adjustment", samv_node_get(a, "adjustment"),
		    samv_node_get(b, "adjustment"));
	rest(out, id, a, b, skip);
}

static const char *
adoption_of(const struct samv_node *d, const char *principal)
{
	const struct samv_node *l = samv_node_get(d, "adoption");
	size_t i;

	for (i = 0; i < n_of(l); i++)
		if (same(s_of(l->items[i], "principal"), principal))
			return s_of(l->items[i], "status");
	return NULL;
}

static void
decision(struct samv_lines *out, const char *id, const struct samv_node *a,
    const struct samv_node *b)
{
	static const char *const skip[] = { "adoption", NULL };
	const struct samv_node *lb = samv_node_get(b, "adoption");
	const struct samv_node *la = samv_node_get(a, "adoption");
	size_t i;

	for (i = 0; i < n_of(lb); i++) {
		const char *p = s_of(lb->items[i], "principal");
		const char *was = adoption_of(a, p);
		const char *now = s_of(lb->items[i], "status");

		if (!same(was, now))
			samv_lines_add(out, "%s: adoption %s %s → %s", id,
			    p ? p : "?", was ? was : "pending",
			    now ? now : "pending");
		else {
			size_t k;

			for (k = 0; k < n_of(la); k++)
				if (same(s_of(la->items[k], "principal"), p)) {
					char *path = samv_xasprintf("adoption "
					    "%s", p ? p : "?");

					generic(out, id, path, la->items[k],
					    lb->items[i]);
					free(path);
				}
		}
	}
	for (i = 0; i < n_of(la); i++) {
		const char *p = s_of(la->items[i], "principal");

		if (adoption_of(b, p) == NULL)
			samv_lines_add(out, "%s: adoption %s %s → pending "
			    "(response removed)", id, p ? p : "?",
			    s_of(la->items[i], "status") ?
			    s_of(la->items[i], "status") : "?");
	}
	rest(out, id, a, b, skip);
}

static int
member_key_eq(const struct samv_node *x, const struct samv_node *y)
{
	return same(s_of(x, "name"), s_of(y, "name")) &&
	    same(s_of(x, "role"), s_of(y, "role")) &&
	    same(s_of(x, "from"), s_of(y, "from"));
}

static void
body(struct samv_lines *out, const char *id, const struct samv_node *a,
    const struct samv_node *b)
{
	static const char *const skip[] = { "members", NULL };
	const struct samv_node *ma = samv_node_get(a, "members");
	const struct samv_node *mb = samv_node_get(b, "members");
	size_t i, j;

	for (i = 0; i < n_of(mb); i++) {
		const struct samv_node *m = mb->items[i];
		const struct samv_node *old = NULL;

		for (j = 0; j < n_of(ma) && old == NULL; j++)
			if (member_key_eq(ma->items[j], m))
				old = ma->items[j];
		if (old == NULL)
			samv_lines_add(out, "%s: member %s (%s) added from %s",
			    id, s_of(m, "name") ? s_of(m, "name") : "?",
			    s_of(m, "role") ? s_of(m, "role") : "?",
			    s_of(m, "from") ? s_of(m, "from") : "?");
		else if (!same(s_of(old, "to"), s_of(m, "to"))) {
			if (s_of(m, "to"))
				samv_lines_add(out, "%s: member %s ended %s",
				    id, s_of(m, "name"), s_of(m, "to"));
			else
				samv_lines_add(out, "%s: member %s continues "
				    "(end removed)", id, s_of(m, "name"));
		} else {
			char *p = samv_xasprintf("member %s",
			    s_of(m, "name") ? s_of(m, "name") : "?");

			generic(out, id, p, old, m);
			free(p);
		}
	}
	for (j = 0; j < n_of(ma); j++) {
		int found = 0;

		for (i = 0; i < n_of(mb) && !found; i++)
			found = member_key_eq(ma->items[j], mb->items[i]);
		if (!found)
			samv_lines_add(out, "%s: member %s (%s) removed", id,
			    s_of(ma->items[j], "name") ?
			    s_of(ma->items[j], "name") : "?",
			    s_of(ma->items[j], "role") ?
			    s_of(ma->items[j], "role") : "?");
	}
	rest(out, id, a, b, skip);
}

static void
assignment(struct samv_lines *out, const char *id, const struct samv_node *a,
    const struct samv_node *b)
{
	static const char *const skip[] = { "status", "reports", NULL };
	const struct samv_node *ra = samv_node_get(a, "reports");
	const struct samv_node *rb = samv_node_get(b, "reports");
	size_t i;

	if (!same(s_of(a, "status"), s_of(b, "status")))
		samv_lines_add(out, "%s: status %s → %s", id,
		    s_of(a, "status") ? s_of(a, "status") : "(none)",
		    s_of(b, "status") ? s_of(b, "status") : "(none)");
	for (i = n_of(ra); i < n_of(rb); i++)
		samv_lines_add(out, "%s: report-back %s%s added", id,
		    s_of(rb->items[i], "date") ? s_of(rb->items[i], "date") :
		    "", samv_node_bool(samv_node_get(rb->items[i], "final")) ==
		    1 ? " (final)" : "");
	if (n_of(rb) < n_of(ra))
		samv_lines_add(out, "%s: %zu report-back(s) removed", id,
		    n_of(ra) - n_of(rb));
	else
		for (i = 0; i < n_of(ra); i++)
			if (!samv_node_equal(ra->items[i], rb->items[i]))
				samv_lines_add(out, "%s: report-back %zu "
				    "changed", id, i + 1);
	rest(out, id, a, b, skip);
}

void
samv_semdiff(struct samv_lines *out, enum samv_kind kind, const char *id,
    const struct samv_node *old, const struct samv_node *new)
{
	const char *name = *id ? id : "samv.yaml";

	if (old == NULL && new == NULL)
		return;
	if (old == NULL) {
		const char *t = s_of(new, "title") ? s_of(new, "title") :
		    s_of(new, "name");

		samv_lines_add(out, "%s: %s added%s%s%s", name,
		    samv_kind_name(kind), t ? " \"" : "", t ? t : "",
		    t ? "\"" : "");
		return;
	}
	if (new == NULL) {
		samv_lines_add(out, "%s: %s removed", name,
		    samv_kind_name(kind));
		return;
	}
	if (samv_node_equal(old, new))
		return;
	switch (kind) {
	case SAMV_KIND_MEETING:
		meeting(out, name, old, new);
		break;
	case SAMV_KIND_DECISION:
		decision(out, name, old, new);
		break;
	case SAMV_KIND_BODY:
		body(out, name, old, new);
		break;
	case SAMV_KIND_ASSIGNMENT:
		assignment(out, name, old, new);
		break;
	default:
		generic(out, name, "", old, new);
	}
}
