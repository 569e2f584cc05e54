/* report.c - follow-up reports (balance list, overdue, adoption matrix,
 * compliance, organisation, calendar, action plan) and case traces */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "date.h"
#include "git.h"
#include "ids.h"
#include "labels.h"
#include "report.h"
#include "treecache.h"
#include "util.h"

struct recv {
	const struct samv_record **v;
	size_t n, cap;
};

struct ctx {
	const struct samv_repo *r;
	const struct samv_report_opts *o;
	const char *lang;
	char asof[11];
	/* per kind: body -> struct recv, made on first use */
	struct samv_map *by_body;	/* [SAMV_KIND_COUNT] */
};

/* --- small helpers --------------------------------------------------- */

static const char *
L(const struct ctx *c, enum samv_label l)
{
	return samv_label(l, c->lang);
}

static const char *
gs(const struct samv_node *n, const char *k)
{
	return samv_node_getstr(n, k);
}

static size_t
nof(const struct samv_node *seq)
{
	return seq && seq->kind == SAMV_NODE_SEQ ? seq->n_items : 0;
}

static const struct samv_node *
at(const struct samv_node *seq, size_t i)
{
	return i < nof(seq) ? seq->items[i] : NULL;
}

static int
streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int
day_of(const struct samv_node *n, samv_day *out)
{
	const char *s = samv_node_str(n);

	return s && samv_date_parse(s, out) == 0 ? 0 : -1;
}

static int
in_seq(const struct samv_node *seq, const char *s)
{
	size_t i;

	for (i = 0; i < nof(seq); i++)
		if (streq(samv_node_str(at(seq, i)), s))
			return 1;
	return 0;
}

static const struct samv_node *
body_root(const struct samv_repo *r, const char *id)
{
	return samv_record_root(samv_repo_get(r, SAMV_KIND_BODY, id));
}



/* The first line of a text (allocated), or NULL. */
static char *
first_line(const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	while (*s == '\n')
		s++;
	n = strcspn(s, "\n");
	return n ? samv_xstrndup(s, n) : NULL;
}

static void
fmt_day(samv_day d, char *buf)
{
	samv_date_format(d, buf);
}

/* The principals of samv.yaml in file order. */
static const struct samv_node *
principals_seq(const struct samv_repo *r)
{
	return samv_node_get(samv_record_root(r->config), "principals");
}

/* "region", "municipality", "other" of a principal or a one-sided group. */
static const char *
side_of(const struct samv_repo *r, const char *id)
{
	const struct samv_node *p, *g, *ms;
	const char *side = NULL;
	size_t i;

	if (id == NULL)
		return NULL;
	if ((p = samv_map_get(&r->principals, id)) != NULL)
		return gs(p, "side");
	if ((g = samv_map_get(&r->groups, id)) == NULL)
		return NULL;
	ms = samv_node_get(g, "members");
	for (i = 0; i < nof(ms); i++) {
		const char *s = side_of(r, samv_node_str(at(ms, i)));

		if (s == NULL || (side && strcmp(side, s) != 0))
			return NULL;
		side = s;
	}
	return side;
}

static const char *
side_label(const struct ctx *c, const char *side)
{
	if (side == NULL)
		return NULL;
	if (strcmp(side, "region") == 0)
		return L(c, SAMV_L_R_SIDE_REGION);
	if (strcmp(side, "municipality") == 0)
		return L(c, SAMV_L_R_SIDE_MUNICIPALITY);
	return L(c, SAMV_L_R_SIDE_OTHER);
}

/* Is principal p (a principal id) in the principal or group id? */
static int
covers(const struct samv_repo *r, const char *id, const char *p)
{
	const struct samv_node *g;

	if (streq(id, p))
		return 1;
	g = samv_map_get(&r->groups, id);
	return g && in_seq(samv_node_get(g, "members"), p);
}

/* A string vector (borrowed strings). */
struct strv {
	const char **v;
	size_t n, cap;
	struct samv_map set;	/* string -> index + 1 */
};

static void
strv_add(struct strv *s, const char *x)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = samv_xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = x;
	if (x && samv_map_get(&s->set, x) == NULL)
		samv_map_put(&s->set, x, (void *)(intptr_t)s->n);
}

static int
strv_has(const struct strv *s, const char *x)
{
	return x != NULL && samv_map_get(&s->set, x) != NULL;
}

static void
strv_free(struct strv *s)
{
	free(s->v);
	samv_map_release(&s->set);
	memset(s, 0, sizeof(*s));
}

/* Every body's id, in load order (the listing's, for a lazy repository). */
static void
all_bodies(const struct samv_repo *r, struct strv *out)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->records[i]->kind == SAMV_KIND_BODY)
			strv_add(out, r->records[i]->id);
}

/* The records of kind whose body is bid, from an index made once per
 * report over the records loaded so far. */
static const struct recv *
records_of(const struct ctx *c, enum samv_kind kind, const char *bid)
{
	struct samv_map *m = &c->by_body[kind];
	size_t i;

	if (m->cap == 0) {
		for (i = 0; i < c->r->n; i++) {
			const struct samv_record *rec = c->r->records[i];
			const char *b = gs(samv_record_root(rec), "body");
			struct recv *l;

			if (rec->kind != kind || b == NULL)
				continue;
			if ((l = samv_map_get(m, b)) == NULL) {
				l = samv_xcalloc(1, sizeof(*l));
				samv_map_put(m, b, l);
			}
			if (l->n == l->cap) {
				l->cap = l->cap ? l->cap * 2 : 8;
				l->v = samv_xreallocarray(l->v, l->cap,
				    sizeof(*l->v));
			}
			l->v[l->n++] = rec;
		}
		if (m->cap == 0)
			samv_map_put(m, "", NULL);	/* made */
	}
	return samv_map_get(m, bid);
}

static void
by_body_free(struct samv_map *m)
{
	size_t i;

	for (i = 0; i < m->cap; i++)
		if (m->keys[i] && m->vals[i]) {
			struct recv *l = m->vals[i];

			free(l->v);
			free(l);
		}
	samv_map_release(m);
}

/*
 * One body's valid records of one kind at a time, so that a report
 * over every body of a large repository never holds all of them: in a
 * lazily opened repository they are loaded into a part of it (its
 * folder kind/body) and freed with the slice; in one loaded whole they
 * are its own, by their body field.
 */
struct slice {
	struct samv_repo *part;		/* owned, or NULL */
	struct samv_record **v;
	size_t n;
};

/* The folders of kind for bodies, in order, and a thread listing them
 * ahead of slice_of (NULL for a repository loaded whole, or a revision:
 * nothing to gain). */
static struct samv_prefetch *
prefetch(const struct ctx *c, enum samv_kind kind, const struct strv *bodies,
    size_t ahead)
{
	struct samv_prefetch *p;
	char **dirs;
	size_t i, n = 0;

	if (c->r->all_loaded || c->r->src == NULL ||
	    samv_source_is_rev(c->r->src) || bodies->n < 2)
		return NULL;
	dirs = samv_xcalloc(bodies->n + 1, sizeof(*dirs));
	for (i = 0; i < bodies->n; i++)
		if (samv_id_is_slug(bodies->v[i], strlen(bodies->v[i])))
			dirs[n++] = samv_xasprintf("%s/%s", samv_kind_folder(kind),
			    bodies->v[i]);
	/* and, beside each listing, the body's tree-cache file */
	p = samv_source_prefetch(c->r->src, (const char *const *)dirs, n, ahead,
	    c->r->tc ? samv_treecache_preread_dir : NULL,
	    samv_treecache_pre_free, c->r->tc);
	for (i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
	return p;
}

/* Which listed files a slice loads (NULL: all); arg is the caller's. */
typedef int slice_keep_fn(const char *path, const void *arg);

/* Drops the files of l that keep does not keep. */
static void
keep_files(struct samv_filelist *l, slice_keep_fn *keep, const void *arg)
{
	size_t i, k;

	for (i = k = 0; i < l->n; i++)
		if (keep(l->v[i].path, arg))
			l->v[k++] = l->v[i];
		else
			free(l->v[i].path);
	l->n = k;
}

/*
 * pf: the listings of prefetch(c, kind, bodies), taken in the order of
 * bodies, or NULL. keep: only the files it keeps are loaded into a
 * part; a repository loaded whole gives all its records.
 */
static void
slice_of(const struct ctx *c, enum samv_kind kind, const char *body,
    struct samv_prefetch *pf, slice_keep_fn *keep, const void *arg,
    struct slice *s)
{
	size_t i;

	memset(s, 0, sizeof(*s));
	if ((s->part = samv_repo_part(c->r)) != NULL) {
		struct samv_filelist l;
		char *err = NULL, *dir;
		void *pre = NULL;
		int rc;

		s->v = samv_xcalloc(1, sizeof(*s->v));
		if (!samv_id_is_slug(body, strlen(body)))
			return;		/* no folder of its own */
		if (pf) {
			rc = samv_prefetch_take(pf, &l, &pre, &err);
			samv_treecache_adopt(s->part->tc, pre);
		} else {
			dir = samv_xasprintf("%s/%s", samv_kind_folder(kind), body);
			rc = samv_source_list_dir(c->r->src, dir, &l, &err);
			free(dir);
		}
		if (rc == 0) {
			if (keep)
				keep_files(&l, keep, arg);
			samv_repo_need_listed(s->part, kind, body, &l);
		}
		samv_filelist_release(&l);
		free(err);
		free(s->v);
		s->v = samv_xcalloc(s->part->n + 1, sizeof(*s->v));
		for (i = 0; i < s->part->n; i++) {
			struct samv_record *rec = s->part->records[i];

			if (rec->kind == kind && streq(gs(samv_record_root(rec),
			    "body"), body))
				s->v[s->n++] = rec;
		}
	} else {
		const struct recv *l = records_of(c, kind, body);

		s->v = samv_xcalloc((l ? l->n : 0) + 1, sizeof(*s->v));
		for (i = 0; l && i < l->n; i++)
			if (samv_record_root(l->v[i]))
				s->v[s->n++] = (struct samv_record *)l->v[i];
	}
}

static void
slice_free(struct slice *s)
{
	free(s->v);
	samv_repo_free(s->part);
	memset(s, 0, sizeof(*s));
}

/*
 * A copy in ar of rec (path and id) and of the top-level keys of its
 * tree that a row reads, for a row kept after its slice is freed: a
 * report over every body keeps a few kilobytes of the rows it shows,
 * not every tree. *root gets the copied tree.
 */
/* A copy in ar of rec's kind, path and id, without its tree. */
static struct samv_record *
slim_record(struct samv_arena *ar, const struct samv_record *rec)
{
	struct samv_record *k = samv_arena_alloc(ar, sizeof(*k));

	k->kind = rec->kind;
	k->path = samv_arena_strndup(ar, rec->path, strlen(rec->path));
	k->id = samv_arena_strndup(ar, rec->id, strlen(rec->id));
	return k;
}

static const struct samv_record *
keep_slim(struct samv_arena *ar, const struct samv_record *rec,
    const char *const *keys, const struct samv_node **root)
{
	const struct samv_node *n = samv_record_root(rec);
	struct samv_record *k = slim_record(ar, rec);
	struct samv_node *m = samv_arena_alloc(ar, sizeof(*m));
	size_t i, j;

	m->kind = SAMV_NODE_MAP;
	m->span = n->span;
	for (j = 0; keys[j]; j++)
		;
	m->pairs = samv_arena_alloc(ar, (j + 1) * sizeof(*m->pairs));
	for (i = 0; i < n->n_pairs; i++)
		for (j = 0; keys[j]; j++)
			if (n->pairs[i].key->kind == SAMV_NODE_SCALAR &&
			    strcmp(n->pairs[i].key->str, keys[j]) == 0) {
				struct samv_pair *to = &m->pairs[m->n_pairs++];

				to->key = samv_node_copy(ar, n->pairs[i].key);
				to->value = samv_node_copy(ar,
				    n->pairs[i].value);
				break;
			}
	*root = m;
	return k;
}

/* What an assignment's row reads (asg_fill, its tables and JSON). */
static const char *const asg_keys[] = { "title", "body", "status", "due",
    "due_note", "report_to", "assignee", "reports", NULL };

static int
strp_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * B and every body under it: those that are commissioned by, report to
 * or prepare for a body already in the set, transitively.
 */
static void
bodies_under(const struct samv_repo *r, const char *b, struct strv *out)
{
	static const char *const rel[] = { "commissioned_by", "reports_to",
	    "prepares_for" };
	size_t i, k;
	int grew = 1;

	strv_add(out, b);
	while (grew) {
		grew = 0;
		for (i = 0; i < r->n; i++) {
			const struct samv_record *rec = r->records[i];
			const struct samv_node *n = samv_record_root(rec);

			if (rec->kind != SAMV_KIND_BODY || n == NULL ||
			    strv_has(out, rec->id))
				continue;
			for (k = 0; k < 3; k++) {
				const struct samv_node *l = samv_node_get(n,
				    rel[k]);
				size_t j;

				for (j = 0; j < nof(l); j++)
					if (strv_has(out,
					    samv_node_str(at(l, j))))
						break;
				if (j < nof(l))
					break;
			}
			if (k < 3) {
				strv_add(out, rec->id);
				grew = 1;
			}
		}
	}
	if (out->n > 1)
		qsort(out->v + 1, out->n - 1, sizeof(*out->v), strp_cmp);
}

/* --- assignments ----------------------------------------------------- */

enum due_kind { DUE_DATE, DUE_ONGOING, DUE_RECURRING, DUE_OTHER };

struct asg {
	const struct samv_record *rec;
	const struct samv_node *n;
	const char *body;
	enum due_kind due_kind;
	samv_day due;
	const char *status;
	const struct samv_node *last;	/* latest report, or NULL */
	int final;			/* a final report was given */
	int open;
	int overdue;
	long days;			/* days overdue */
};

/* rec's row, from its tree n */
static void
asg_fill_node(const struct ctx *c, const struct samv_record *rec,
    const struct samv_node *n, struct asg *a)
{
	const struct samv_node *reps;
	const char *due = gs(n, "due");
	samv_day best = 0, d;
	size_t i;

	memset(a, 0, sizeof(*a));
	a->rec = rec;
	a->n = n;
	a->body = gs(n, "body");
	a->status = gs(n, "status");
	if (due && samv_date_parse(due, &a->due) == 0)
		a->due_kind = DUE_DATE;
	else if (streq(due, "ongoing"))
		a->due_kind = DUE_ONGOING;
	else if (streq(due, "recurring"))
		a->due_kind = DUE_RECURRING;
	else
		a->due_kind = DUE_OTHER;
	reps = samv_node_get(n, "reports");
	for (i = 0; i < nof(reps); i++) {
		if (samv_node_bool(samv_node_get(at(reps, i), "final")) == 1)
			a->final = 1;
		if (day_of(samv_node_get(at(reps, i), "date"), &d) == 0 &&
		    (a->last == NULL || d >= best)) {
			best = d;
			a->last = at(reps, i);
		}
	}
	a->open = streq(a->status, "given") || streq(a->status, "ongoing") ||
	    streq(a->status, "reported");
	a->overdue = a->due_kind == DUE_DATE && a->due < c->o->as_of &&
	    (streq(a->status, "given") || streq(a->status, "ongoing")) &&
	    !a->final;
	a->days = a->overdue ? (long)(c->o->as_of - a->due) : 0;
}

static void
asg_fill(const struct ctx *c, const struct samv_record *rec, struct asg *a)
{
	asg_fill_node(c, rec, samv_record_root(rec), a);
}

/* Dated first (by date), then ongoing, recurring; then by path. */
static int
asg_cmp(const void *x, const void *y)
{
	const struct asg *a = x, *b = y;

	if (a->due_kind != b->due_kind)
		return a->due_kind < b->due_kind ? -1 : 1;
	if (a->due_kind == DUE_DATE && a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->rec->path, b->rec->path);
}

/* Every assignment that passed validation (allocated array). */
static struct asg *
asg_all(const struct ctx *c, size_t *n)
{
	struct asg *v = samv_xcalloc(c->r->n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < c->r->n; i++)
		if (c->r->records[i]->kind == SAMV_KIND_ASSIGNMENT &&
		    samv_record_root(c->r->records[i]))
			asg_fill(c, c->r->records[i], &v[(*n)++]);
	return v;
}

static const char *
status_label(const struct ctx *c, const char *s)
{
	if (streq(s, "given"))
		return L(c, SAMV_L_R_ST_GIVEN);
	if (streq(s, "ongoing"))
		return L(c, SAMV_L_R_ST_ONGOING);
	if (streq(s, "reported"))
		return L(c, SAMV_L_R_ST_REPORTED);
	if (streq(s, "done"))
		return L(c, SAMV_L_R_ST_DONE);
	if (streq(s, "cancelled"))
		return L(c, SAMV_L_R_ST_CANCELLED);
	return s ? s : "";
}

/* Who carries it out: body; principals; persons; text (allocated). */
static char *
assignee_text(const struct ctx *c, const struct samv_node *n)
{
	const struct samv_node *as = samv_node_get(n, "assignee"), *l;
	struct samv_buf b = SAMV_BUF_INIT;
	const char *s;
	char *t;
	size_t i;
	int part = 0;

	if ((s = gs(as, "body")) != NULL) {
		samv_buf_puts(&b, samv_repo_body_name(c->r, s));
		part = 1;
	}
	l = samv_node_get(as, "principals");
	for (i = 0; i < nof(l); i++)
		samv_buf_printf(&b, "%s%s", i ? ", " : part ? "; " : "",
		    samv_repo_principal_name(c->r, samv_node_str(at(l, i))));
	part |= nof(l) > 0;
	l = samv_node_get(as, "persons");
	for (i = 0; i < nof(l); i++)
		samv_buf_printf(&b, "%s%s", i ? ", " : part ? "; " : "",
		    samv_node_str(at(l, i)) ? samv_node_str(at(l, i)) : "");
	part |= nof(l) > 0;
	if ((t = first_line(gs(as, "text"))) != NULL) {
		samv_buf_printf(&b, "%s%s", part ? "; " : "", t);
		free(t);
	}
	return samv_buf_detach(&b, NULL);
}

/* "2022-06-30", "Löpande", "Återkommande", with the due note after. */
static char *
due_text(const struct ctx *c, const struct asg *a)
{
	const char *note = gs(a->n, "due_note"), *w;
	char d[11];

	if (a->due_kind == DUE_DATE) {
		fmt_day(a->due, d);
		w = d;
	} else if (a->due_kind == DUE_ONGOING)
		w = L(c, SAMV_L_ONGOING);
	else if (a->due_kind == DUE_RECURRING)
		w = L(c, SAMV_L_RECURRING);
	else
		w = gs(a->n, "due") ? gs(a->n, "due") : "";
	if (note == NULL || strcmp(note, w) == 0)
		return samv_xstrdup(w);
	return samv_xasprintf("%s – %s", w, note);
}

/* The plan's Tidsplan: the date, else the due note, else the word. */
static char *
schedule_text(const struct ctx *c, const struct asg *a)
{
	char d[11];

	if (a->due_kind == DUE_DATE) {
		fmt_day(a->due, d);
		return samv_xstrdup(d);
	}
	if (gs(a->n, "due_note"))
		return samv_xstrdup(gs(a->n, "due_note"));
	if (a->due_kind == DUE_ONGOING)
		return samv_xstrdup(L(c, SAMV_L_ONGOING));
	if (a->due_kind == DUE_RECURRING)
		return samv_xstrdup(L(c, SAMV_L_RECURRING));
	return samv_xstrdup(gs(a->n, "due") ? gs(a->n, "due") : "");
}

static char *
last_report_text(const struct asg *a)
{
	char *s, *t;

	if (a->last == NULL)
		return samv_xstrdup("");
	s = first_line(gs(a->last, "summary"));
	t = samv_xasprintf("%s%s%s", gs(a->last, "date") ? gs(a->last,
	    "date") : "", s ? ": " : "", s ? s : "");
	free(s);
	return t;
}

static char *
overdue_text(const struct ctx *c, const struct asg *a)
{
	if (!a->overdue)
		return samv_xstrdup("");
	return samv_xasprintf(L(c, SAMV_L_R_OVERDUE_DAYS), a->days);
}

static void
json_asg(const struct ctx *c, struct samv_jsonw *w, const struct asg *a)
{
	char *s = assignee_text(c, a->n), d[11];

	samv_jsonw_object(w, NULL);
	samv_jsonw_str(w, "id", a->rec->id);
	samv_jsonw_str(w, "name", gs(a->n, "title"));
	samv_jsonw_str(w, "organization", a->body);
	samv_jsonw_str(w, "assignee", s);
	free(s);
	if (a->due_kind == DUE_DATE) {
		fmt_day(a->due, d);
		samv_jsonw_str(w, "due", d);
	} else
		samv_jsonw_str(w, "due", gs(a->n, "due"));
	samv_jsonw_text(w, "dueNote", gs(a->n, "due_note"));
	samv_jsonw_str(w, "status", a->status);
	if (a->last) {
		samv_jsonw_object(w, "lastReport");
		samv_jsonw_str(w, "date", gs(a->last, "date"));
		samv_jsonw_text(w, "summary", gs(a->last, "summary"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_bool(w, "overdue", a->overdue);
	if (a->overdue)
		samv_jsonw_int(w, "daysOverdue", a->days);
	samv_jsonw_end(w, '}');
}

/* --- recommendations ------------------------------------------------- */

enum ad_status { AD_ADOPTED, AD_REJECTED, AD_PARTLY, AD_PENDING, AD_NONE };

struct rec_row {
	const struct samv_record *rec;	/* NULL once detached */
	const char *id, *path, *body, *date_s, *title, *expires;
	/* per principal of samv.yaml, in its order */
	enum ad_status *st;
	const struct samv_node **entry;	/* the adoption entry, or NULL;
					 * NULL once detached */
	const char **edate, **eby;	/* the entry's date and by */
	int open;
	samv_day date;
	char *own;			/* the strings, once detached */
};

static enum ad_status
ad_parse(const char *s)
{
	if (streq(s, "adopted"))
		return AD_ADOPTED;
	if (streq(s, "rejected"))
		return AD_REJECTED;
	if (streq(s, "partly"))
		return AD_PARTLY;
	return AD_PENDING;
}

static const char *
ad_key(enum ad_status s)
{
	static const char *const k[] = { "adopted", "rejected", "partly",
	    "pending", "" };

	return k[s];
}

static const char *
ad_label(const struct ctx *c, enum ad_status s)
{
	switch (s) {
	case AD_ADOPTED:
		return L(c, SAMV_L_R_AD_ADOPTED);
	case AD_REJECTED:
		return L(c, SAMV_L_R_AD_REJECTED);
	case AD_PARTLY:
		return L(c, SAMV_L_R_AD_PARTLY);
	case AD_PENDING:
		return L(c, SAMV_L_R_AD_PENDING);
	default:
		return "";
	}
}

static void
rec_fill(const struct ctx *c, const struct samv_record *rec,
    struct rec_row *row)
{
	const struct samv_node *ps = principals_seq(c->r);
	const struct samv_node *n = samv_record_root(rec);
	const struct samv_node *recm = samv_node_get(n, "recommend");
	const struct samv_node *ad = samv_node_get(n, "adoption");
	size_t i, j, np = nof(ps);

	memset(row, 0, sizeof(*row));
	row->rec = rec;
	row->id = rec->id;
	row->path = rec->path;
	row->body = gs(n, "body");
	row->date_s = gs(n, "date");
	row->title = gs(n, "title");
	row->expires = gs(n, "expires");
	row->st = samv_xcalloc(np + 1, sizeof(*row->st));
	row->entry = samv_xcalloc(np + 1, sizeof(*row->entry));
	row->edate = samv_xcalloc(np + 1, sizeof(*row->edate));
	row->eby = samv_xcalloc(np + 1, sizeof(*row->eby));
	day_of(samv_node_get(n, "date"), &row->date);
	for (i = 0; i < np; i++) {
		const char *p = gs(at(ps, i), "id");

		row->st[i] = AD_NONE;
		for (j = 0; j < nof(recm); j++)
			if (covers(c->r, samv_node_str(at(recm, j)), p))
				row->st[i] = AD_PENDING;
		if (row->st[i] == AD_NONE)
			continue;
		for (j = 0; j < nof(ad); j++)
			if (streq(gs(at(ad, j), "principal"), p)) {
				row->st[i] = ad_parse(gs(at(ad, j), "status"));
				row->entry[i] = at(ad, j);
				row->edate[i] = gs(at(ad, j), "date");
				row->eby[i] = gs(at(ad, j), "by");
			}
		if (row->st[i] == AD_PENDING)
			row->open = 1;
	}
}

/* Copies s to *p and moves *p past it; NULL stays NULL. */
static const char *
put_str(char **p, const char *s)
{
	size_t n;
	char *r = *p;

	if (s == NULL)
		return NULL;
	n = strlen(s) + 1;
	memcpy(r, s, n);
	*p += n;
	return r;
}

/*
 * Makes row independent of its record, which is about to be freed: its
 * strings are copied into one block the row owns.
 */
static void
rec_detach(const struct ctx *c, struct rec_row *row)
{
	size_t i, np = nof(principals_seq(c->r)), need = 1;
	const char **f[] = { &row->id, &row->path, &row->body, &row->date_s,
	    &row->title, &row->expires };
	char *p;

	for (i = 0; i < sizeof(f) / sizeof(*f); i++)
		need += *f[i] ? strlen(*f[i]) + 1 : 0;
	for (i = 0; i < np; i++)
		need += (row->edate[i] ? strlen(row->edate[i]) + 1 : 0) +
		    (row->eby[i] ? strlen(row->eby[i]) + 1 : 0);
	p = row->own = samv_xmalloc(need);
	for (i = 0; i < sizeof(f) / sizeof(*f); i++)
		*f[i] = put_str(&p, *f[i]);
	for (i = 0; i < np; i++) {
		row->edate[i] = put_str(&p, row->edate[i]);
		row->eby[i] = put_str(&p, row->eby[i]);
	}
	free(row->entry);
	row->entry = NULL;
	row->rec = NULL;
}

static int
rec_cmp(const void *x, const void *y)
{
	const struct rec_row *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	return strcmp(a->path, b->path);
}

static void
rec_free_one(struct rec_row *row)
{
	free(row->st);
	free(row->entry);
	free(row->edate);
	free(row->eby);
	free(row->own);
}

static void
rec_free(struct rec_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		rec_free_one(&v[i]);
	free(v);
}

/* "SVOM § 9/2021: God och nära vård …" (allocated), of decision id of
 * body with title. */
static char *
title_of_decision(const struct ctx *c, const char *id, const char *body,
    const char *title)
{
	const char *num = strrchr(id, '/'), *yr = strchr(id, '/');

	return samv_xasprintf("%s § %s/%.4s: %s", samv_repo_body_name(c->r,
	    body), num ? num + 1 : "", yr ? yr + 1 : "", title ? title : "");
}

static char *
decision_title(const struct ctx *c, const struct samv_record *rec)
{
	const struct samv_node *d = samv_record_root(rec);

	return title_of_decision(c, rec->id, gs(d, "body"), gs(d, "title"));
}

static void
json_rec(const struct ctx *c, struct samv_jsonw *w, const struct rec_row *row)
{
	const struct samv_node *ps = principals_seq(c->r);
	size_t i;

	samv_jsonw_object(w, NULL);
	samv_jsonw_str(w, "id", row->id);
	samv_jsonw_str(w, "organization", row->body);
	samv_jsonw_str(w, "date", row->date_s);
	samv_jsonw_str(w, "name", row->title);
	samv_jsonw_str(w, "expires", row->expires);
	samv_jsonw_array(w, "adoption");
	for (i = 0; i < nof(ps); i++) {
		if (row->st[i] == AD_NONE)
			continue;
		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "principal", gs(at(ps, i), "id"));
		samv_jsonw_str(w, "status", ad_key(row->st[i]));
		samv_jsonw_str(w, "date", row->edate[i]);
		samv_jsonw_str(w, "by", row->eby[i]);
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	samv_jsonw_end(w, '}');
}

/* --- the documents ----------------------------------------------------- */

static int
finish(const struct ctx *c, struct samv_buf *out, cmark_node *doc,
    enum samv_format fmt, const char *title, char **err)
{
	int rc = samv_render_finish(out, doc, fmt, c->lang, title, err);

	cmark_node_free(doc);
	return rc;
}

/* "# Title" and "Per: 2022-07-01". */
static cmark_node *
begin_doc(const struct ctx *c, const char *title, int with_date)
{
	cmark_node *doc = samv_render_document();

	samv_render_heading(doc, 1, title);
	if (with_date)
		samv_render_field(doc, L(c, SAMV_L_AS_OF), c->asof);
	return doc;
}

static void
json_begin(const struct ctx *c, struct samv_jsonw *w, struct samv_buf *out,
    const char *type, int with_date)
{
	samv_jsonw_init(w, out);
	samv_jsonw_object(w, NULL);
	samv_jsonw_str(w, "type", type);
	if (with_date)
		samv_jsonw_str(w, "asOf", c->asof);
}

static void
json_end(struct samv_jsonw *w)
{
	samv_jsonw_end(w, '}');
	samv_jsonw_finish(w);
}

/* The table of one recommendation's answers. */
static void
rec_answers(const struct ctx *c, cmark_node *doc, const struct rec_row *row)
{
	const struct samv_node *ps = principals_seq(c->r);
	const char *head[] = { L(c, SAMV_L_R_PRINCIPAL), L(c, SAMV_L_STATUS),
	    L(c, SAMV_L_DATE), L(c, SAMV_L_R_DECIDED_BY) };
	cmark_node *t = samv_render_table(doc, 4, head);
	size_t i;

	for (i = 0; i < nof(ps); i++) {
		const char *cells[4];

		if (row->st[i] == AD_NONE)
			continue;
		cells[0] = gs(at(ps, i), "name");
		cells[1] = ad_label(c, row->st[i]);
		cells[2] = row->edate[i];
		cells[3] = row->eby[i];
		samv_render_row(t, cells, SAMV_CELL_PLAIN);
	}
}

static void
asg_table(const struct ctx *c, cmark_node *doc, const struct asg *v,
    size_t n, int with_body)
{
	const char *head[7];
	cmark_node *t;
	size_t i, k = 0;

	head[k++] = L(c, SAMV_L_ASSIGNMENT);
	if (with_body)
		head[k++] = L(c, SAMV_L_GIVEN_BY);
	head[k++] = L(c, SAMV_L_ASSIGNEE);
	head[k++] = L(c, SAMV_L_DUE);
	head[k++] = L(c, SAMV_L_STATUS);
	head[k++] = L(c, SAMV_L_R_LAST_REPORT);
	head[k++] = L(c, SAMV_L_OVERDUE);
	t = samv_render_table(doc, k, head);
	for (i = 0; i < n; i++) {
		const char *cells[7];
		char *as = assignee_text(c, v[i].n), *due = due_text(c, &v[i]);
		char *last = last_report_text(&v[i]);
		char *od = overdue_text(c, &v[i]);

		k = 0;
		cells[k++] = gs(v[i].n, "title");
		if (with_body)
			cells[k++] = samv_repo_body_name(c->r, v[i].body);
		cells[k++] = as;
		cells[k++] = due;
		cells[k++] = status_label(c, v[i].status);
		cells[k++] = last;
		cells[k++] = od;
		samv_render_row(t, cells, SAMV_CELL_PLAIN);
		free(as);
		free(due);
		free(last);
		free(od);
	}
}

/* The open assignments of one body's slice, in report order (allocated). */
static struct asg *
open_asgs(const struct ctx *c, const struct slice *s, const char *body,
    size_t *n)
{
	struct asg *v = samv_xcalloc(s->n + 1, sizeof(*v));
	size_t i;

	*n = 0;
	for (i = 0; i < s->n; i++) {
		asg_fill(c, s->v[i], &v[*n]);
		if (v[*n].open && streq(v[*n].body, body))
			(*n)++;
	}
	qsort(v, *n, sizeof(*v), asg_cmp);
	return v;
}

/*
 * The recommendations (decisions with recommend) of bodies, or only the
 * open ones, by date; read one body at a time, each row keeping copies
 * of its strings. pf: prefetch(c, SAMV_KIND_DECISION, bodies, …) or
 * NULL, freed here.
 */
static struct rec_row *
recs_of(const struct ctx *c, const struct strv *bodies, int open_only,
    struct samv_prefetch *pf, size_t *n)
{
	struct rec_row *v = NULL;
	size_t i, j, cap = 0;

	*n = 0;
	for (i = 0; i < bodies->n; i++) {
		struct slice s;

		slice_of(c, SAMV_KIND_DECISION, bodies->v[i], pf, NULL, NULL,
		    &s);
		for (j = 0; j < s.n; j++) {
			const struct samv_node *d = samv_record_root(s.v[j]);
			struct rec_row *row;

			if (nof(samv_node_get(d, "recommend")) == 0)
				continue;
			if (*n == cap) {
				cap = cap ? cap * 2 : 16;
				v = samv_xreallocarray(v, cap, sizeof(*v));
			}
			row = &v[*n];
			rec_fill(c, s.v[j], row);
			if (row->open || !open_only) {
				rec_detach(c, row);
				(*n)++;
			} else
				rec_free_one(row);
		}
		slice_free(&s);
	}
	samv_prefetch_free(pf);
	if (*n > 0)
		qsort(v, *n, sizeof(*v), rec_cmp);
	return v;
}

/*
 * The balance list. Written one body at a time: the body's assignments
 * are read, rendered and freed before the next body's, so that the
 * list of a whole large repository holds one body's records and one
 * body's part of the document at a time.
 */
static int
report_followup(const struct ctx *c, struct samv_buf *out,
    enum samv_format fmt, char **err)
{
	struct strv bodies = { 0 }, recb = { 0 };
	struct rec_row *recs;
	struct samv_jsonw w;
	struct samv_render_stream st;
	struct samv_prefetch *pf, *pfd;
	cmark_node *doc = NULL;
	char *title = NULL;
	size_t nr, i, j, shown = 0;
	int rc = 0;

	if (c->o->body) {
		const struct samv_node *b = body_root(c->r, c->o->body);
		const struct samv_node *prep = samv_node_get(b, "prepares_for");

		bodies_under(c->r, c->o->body, &bodies);
		/* a preparatory body follows up the recommendations of the
		 * bodies it prepares for (seed 000: SVOM's balance list) */
		strv_add(&recb, c->o->body);
		for (i = 0; i < nof(prep); i++)
			if (samv_node_str(at(prep, i)) &&
			    !strv_has(&recb, samv_node_str(at(prep, i))))
				strv_add(&recb, samv_node_str(at(prep, i)));
	} else {
		all_bodies(c->r, &bodies);
	}
	if (fmt == SAMV_FORMAT_JSON) {
		json_begin(c, &w, out, "followup", 1);
		samv_jsonw_str(&w, "organization", c->o->body);
		samv_jsonw_array(&w, "organizations");
		for (i = 0; i < bodies.n; i++)
			samv_jsonw_str(&w, NULL, bodies.v[i]);
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "assignments");
	} else {
		title = c->o->body ? samv_xasprintf("%s – %s",
		    L(c, SAMV_L_BALANCE_LIST), samv_repo_body_name(c->r,
		    c->o->body)) : samv_xstrdup(L(c, SAMV_L_BALANCE_LIST));
		samv_render_stream_begin(&st, out, fmt, c->lang, title);
		doc = begin_doc(c, title, 1);
		samv_render_heading(doc, 2, L(c, SAMV_L_R_OPEN_ASSIGNMENTS));
	}
	pf = prefetch(c, SAMV_KIND_ASSIGNMENT, &bodies, 0);
	/* the decisions, listed while the assignments are rendered */
	pfd = prefetch(c, SAMV_KIND_DECISION, c->o->body ? &recb : &bodies,
	    SIZE_MAX);
	for (i = 0; i < bodies.n && rc == 0; i++) {
		struct slice s;
		struct asg *v;
		size_t n;

		slice_of(c, SAMV_KIND_ASSIGNMENT, bodies.v[i], pf, NULL, NULL,
		    &s);
		v = open_asgs(c, &s, bodies.v[i], &n);
		if (fmt == SAMV_FORMAT_JSON) {
			for (j = 0; j < n; j++)
				json_asg(c, &w, &v[j]);
		} else if (n > 0) {
			samv_render_heading(doc, 3, samv_repo_body_name(c->r,
			    bodies.v[i]));
			asg_table(c, doc, v, n, 0);
			rc = samv_render_stream_flush(&st, doc, err);
		}
		shown += n;
		free(v);
		slice_free(&s);
	}
	samv_prefetch_free(pf);
	recs = recs_of(c, c->o->body ? &recb : &bodies, 1, pfd, &nr);
	if (fmt == SAMV_FORMAT_JSON) {
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "recommendations");
		for (i = 0; i < nr; i++)
			json_rec(c, &w, &recs[i]);
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else if (rc == 0) {
		if (shown == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		samv_render_heading(doc, 2,
		    L(c, SAMV_L_R_OPEN_RECOMMENDATIONS));
		for (i = 0; i < nr; i++) {
			char *t = title_of_decision(c, recs[i].id, recs[i].body,
			    recs[i].title);

			samv_render_heading(doc, 3, t);
			free(t);
			samv_render_field(doc, L(c, SAMV_L_DATE),
			    recs[i].date_s);
			if (recs[i].expires)
				samv_render_field(doc, L(c, SAMV_L_EXPIRES),
				    recs[i].expires);
			rec_answers(c, doc, &recs[i]);
			if ((rc = samv_render_stream_flush(&st, doc, err)) < 0)
				break;
		}
		if (nr == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		if (rc == 0 &&
		    (rc = samv_render_stream_flush(&st, doc, err)) == 0)
			samv_render_stream_end(&st);
	}
	if (doc)
		cmark_node_free(doc);
	free(title);
	rec_free(recs, nr);
	strv_free(&bodies);
	strv_free(&recb);
	return rc;
}

static int
overdue_cmp(const void *x, const void *y)
{
	const struct asg *a = x, *b = y;

	if (a->due != b->due)
		return a->due < b->due ? -1 : 1;
	return strcmp(a->rec->path, b->rec->path);
}

static int
report_overdue(const struct ctx *c, struct samv_buf *out,
    enum samv_format fmt, char **err)
{
	struct strv bodies = { 0 };
	struct samv_arena *ar = samv_arena_new();
	struct samv_prefetch *pf;
	struct asg *all = NULL;
	size_t ns = 0, cap = 0, i, j;
	int rc = 0;

	if (c->o->body)
		bodies_under(c->r, c->o->body, &bodies);
	else
		all_bodies(c->r, &bodies);
	/* one body at a time, keeping a slim copy of the overdue rows */
	pf = prefetch(c, SAMV_KIND_ASSIGNMENT, &bodies, 0);
	for (i = 0; i < bodies.n; i++) {
		struct slice s;

		slice_of(c, SAMV_KIND_ASSIGNMENT, bodies.v[i], pf, NULL, NULL,
		    &s);
		for (j = 0; j < s.n; j++) {
			const struct samv_record *k;
			const struct samv_node *n;
			struct asg a;

			asg_fill(c, s.v[j], &a);
			if (!a.overdue || !streq(a.body, bodies.v[i]))
				continue;
			if (ns == cap) {
				cap = cap ? cap * 2 : 64;
				all = samv_xreallocarray(all, cap,
				    sizeof(*all));
			}
			k = keep_slim(ar, s.v[j], asg_keys, &n);
			asg_fill_node(c, k, n, &all[ns++]);
		}
		slice_free(&s);
	}
	samv_prefetch_free(pf);
	if (ns > 0)
		qsort(all, ns, sizeof(*all), overdue_cmp);
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		json_begin(c, &w, out, "overdue", 1);
		samv_jsonw_array(&w, "assignments");
		for (i = 0; i < ns; i++)
			json_asg(c, &w, &all[i]);
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		const char *head[] = { L(c, SAMV_L_ASSIGNMENT),
		    L(c, SAMV_L_GIVEN_BY), L(c, SAMV_L_ASSIGNEE),
		    L(c, SAMV_L_DUE), L(c, SAMV_L_R_DAYS_OVERDUE),
		    L(c, SAMV_L_STATUS), L(c, SAMV_L_REPORT_TO) };
		cmark_node *doc = begin_doc(c, L(c, SAMV_L_R_RPT_OVERDUE), 1);
		cmark_node *t;

		if (ns == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		else {
			t = samv_render_table(doc, 7, head);
			for (i = 0; i < ns; i++) {
				char *as = assignee_text(c, all[i].n);
				char *due = due_text(c, &all[i]);
				char *days = samv_xasprintf("%ld",
				    all[i].days);
				const char *cells[7];

				cells[0] = gs(all[i].n, "title");
				cells[1] = samv_repo_body_name(c->r, all[i].body);
				cells[2] = as;
				cells[3] = due;
				cells[4] = days;
				cells[5] = status_label(c, all[i].status);
				cells[6] = gs(all[i].n, "report_to") ?
				    samv_repo_body_name(c->r, gs(all[i].n,
				    "report_to")) : NULL;
				samv_render_row(t, cells, SAMV_CELL_PLAIN);
				free(as);
				free(due);
				free(days);
			}
		}
		rc = finish(c, out, doc, fmt, L(c, SAMV_L_R_RPT_OVERDUE), err);
	}
	free(all);
	samv_arena_free(ar);
	strv_free(&bodies);
	return rc;
}

static int
report_recommendations(const struct ctx *c, struct samv_buf *out,
    enum samv_format fmt, char **err)
{
	const struct samv_node *ps = principals_seq(c->r);
	struct strv only = { 0 };
	struct rec_row *recs;
	size_t nr, np = nof(ps), i, j;
	long (*tot)[4];
	int rc = 0;

	if (c->o->body)
		strv_add(&only, c->o->body);
	else
		all_bodies(c->r, &only);
	recs = recs_of(c, &only, 0, prefetch(c, SAMV_KIND_DECISION, &only, 0),
	    &nr);
	tot = samv_xcalloc(np + 1, sizeof(*tot));
	for (i = 0; i < nr; i++)
		for (j = 0; j < np; j++)
			if (recs[i].st[j] != AD_NONE)
				tot[j][recs[i].st[j]]++;
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		json_begin(c, &w, out, "recommendations", 1);
		samv_jsonw_str(&w, "organization", c->o->body);
		samv_jsonw_array(&w, "principals");
		for (j = 0; j < np; j++) {
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "id", gs(at(ps, j), "id"));
			samv_jsonw_str(&w, "name", gs(at(ps, j), "name"));
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "recommendations");
		for (i = 0; i < nr; i++)
			json_rec(c, &w, &recs[i]);
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "totals");
		for (j = 0; j < np; j++) {
			int k;

			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "principal", gs(at(ps, j), "id"));
			for (k = 0; k < 4; k++)
				samv_jsonw_int(&w, ad_key((enum ad_status)k),
				    tot[j][k]);
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		size_t ncols = 1 + np + 4, k;
		const char **head = samv_xcalloc(ncols, sizeof(*head));
		const char **cells = samv_xcalloc(ncols, sizeof(*cells));
		char **nums = samv_xcalloc(ncols, sizeof(*nums));
		cmark_node *doc = begin_doc(c,
		    L(c, SAMV_L_R_RPT_RECOMMENDATIONS), 1), *t;

		if (c->o->body)
			samv_render_field(doc, L(c, SAMV_L_R_BODY),
			    samv_repo_body_name(c->r, c->o->body));
		head[0] = L(c, SAMV_L_R_RECOMMENDATION);
		for (j = 0; j < np; j++)
			head[1 + j] = gs(at(ps, j), "short_name") ?
			    gs(at(ps, j), "short_name") : gs(at(ps, j),
			    "name");
		for (k = 0; k < 4; k++)
			head[1 + np + k] = ad_label(c, (enum ad_status)k);
		t = samv_render_table(doc, ncols, head);
		for (i = 0; i < nr; i++) {
			long cnt[4] = { 0, 0, 0, 0 };
			char *title = title_of_decision(c, recs[i].id, recs[i].body,
			    recs[i].title);

			cells[0] = title;
			for (j = 0; j < np; j++) {
				cells[1 + j] = ad_label(c, recs[i].st[j]);
				if (recs[i].st[j] != AD_NONE)
					cnt[recs[i].st[j]]++;
			}
			for (k = 0; k < 4; k++) {
				nums[k] = samv_xasprintf("%ld", cnt[k]);
				cells[1 + np + k] = nums[k];
			}
			samv_render_row(t, cells, SAMV_CELL_PLAIN);
			for (k = 0; k < 4; k++)
				free(nums[k]);
			free(title);
		}
		for (k = 0; k < 4; k++) {
			cells[0] = ad_label(c, (enum ad_status)k);
			for (j = 0; j < np; j++) {
				nums[j] = samv_xasprintf("%ld", tot[j][k]);
				cells[1 + j] = nums[j];
			}
			for (j = 0; j < 4; j++)
				cells[1 + np + j] = NULL;
			samv_render_row(t, cells, SAMV_CELL_STRONG);
			for (j = 0; j < np; j++)
				free(nums[j]);
		}
		rc = finish(c, out, doc, fmt,
		    L(c, SAMV_L_R_RPT_RECOMMENDATIONS), err);
		free(head);
		free(cells);
		free(nums);
	}
	free(tot);
	rec_free(recs, nr);
	strv_free(&only);
	return rc;
}

/* The meeting days a calendar reads: a meeting's file is named by its
 * day (meetings/BODY/YYYY-MM-DD….yaml); others are read to be sure. */
struct days {
	samv_day lo, hi;
};

static int
meeting_in(const char *path, const void *arg)
{
	const struct days *w = arg;
	const char *base = strrchr(path, '/');
	char ymd[11];
	samv_day d;

	base = base ? base + 1 : path;
	if (strlen(base) < 10)
		return 1;
	memcpy(ymd, base, 10);
	ymd[10] = '\0';
	if (samv_date_parse(ymd, &d) < 0)
		return 1;
	return d >= w->lo && d <= w->hi;
}

/* --- compliance ---------------------------------------------------------- */

/* A meeting the compliance report reads: its record and its tree (the
 * record's own, or a slim copy). */
struct ymeet {
	const struct samv_record *rec;
	const struct samv_node *m;
};

struct ymeets {
	struct ymeet *v;
	size_t n, cap;
	struct samv_map by_body;	/* body -> struct ymeets (v, n) */
	struct samv_arena *ar;
};

static void
ymeet_add(struct ymeets *l, const struct samv_record *rec,
    const struct samv_node *m)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = samv_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n].rec = rec;
	l->v[l->n++].m = m;
}

/* key: value copied into the map to, if n has it. */
static void
slim_put(struct samv_arena *ar, struct samv_node *to, const struct samv_node *n,
    const char *key)
{
	size_t i;

	for (i = 0; n && i < n->n_pairs; i++)
		if (n->pairs[i].key->kind == SAMV_NODE_SCALAR &&
		    strcmp(n->pairs[i].key->str, key) == 0) {
			to->pairs[to->n_pairs].key = samv_node_copy(ar,
			    n->pairs[i].key);
			to->pairs[to->n_pairs++].value = samv_node_copy(ar,
			    n->pairs[i].value);
			return;
		}
}

/* {key: {sub: …}} of n, if n has key: a part of a nested map. */
static void
slim_put_sub(struct samv_arena *ar, struct samv_node *to,
    const struct samv_node *n, const char *key, const char *sub)
{
	const struct samv_node *v = NULL;
	struct samv_node *m;
	size_t i;

	for (i = 0; n && i < n->n_pairs && v == NULL; i++)
		if (n->pairs[i].key->kind == SAMV_NODE_SCALAR &&
		    strcmp(n->pairs[i].key->str, key) == 0)
			v = n->pairs[i].value;
	if (v == NULL || v->kind != SAMV_NODE_MAP)
		return;
	i--;		/* the pair of key */
	m = samv_arena_alloc(ar, sizeof(*m));
	*m = *v;
	m->pairs = samv_arena_alloc(ar, sizeof(*m->pairs));
	m->n_pairs = 0;
	slim_put(ar, m, v, sub);
	to->pairs[to->n_pairs].key = samv_node_copy(ar, n->pairs[i].key);
	to->pairs[to->n_pairs++].value = m;
}

/* What compliance reads of a meeting: body, date, kind, level, when its
 * agenda was published and its protocol adjusted; not the agenda. */
static const struct samv_node *
slim_meeting(struct samv_arena *ar, const struct samv_node *n)
{
	struct samv_node *m = samv_arena_alloc(ar, sizeof(*m));

	*m = *n;
	m->pairs = samv_arena_alloc(ar, 6 * sizeof(*m->pairs));
	m->n_pairs = 0;
	slim_put(ar, m, n, "body");
	slim_put(ar, m, n, "date");
	slim_put(ar, m, n, "kind");
	slim_put(ar, m, n, "level");
	slim_put_sub(ar, m, n, "agenda", "published");
	slim_put_sub(ar, m, n, "adjustment", "date");
	return m;
}

/*
 * The meetings in the folders of bodies that can be in year y, in the
 * order of the repository's records (loaded whole) or of bodies and
 * their folders (opened lazily: each folder's meetings of the year are
 * read, slimmed and freed, so that a year of a large repository is not
 * held as trees); the callers test body and date.
 */
static void
year_meetings(const struct ctx *c, const struct strv *bodies, int y,
    struct ymeets *out)
{
	struct samv_prefetch *pf;
	struct days w;
	size_t i, j;

	memset(out, 0, sizeof(*out));
	out->ar = samv_arena_new();
	if (c->r->all_loaded || c->r->src == NULL) {	/* as slice_of */
		for (i = 0; i < c->r->n; i++) {
			const struct samv_record *rec = c->r->records[i];

			if (rec->kind == SAMV_KIND_MEETING &&
			    samv_record_root(rec))
				ymeet_add(out, rec, samv_record_root(rec));
		}
	} else {
		w.lo = samv_date_from_ymd(y, 1, 1);
		w.hi = samv_date_from_ymd(y, 12, 31);
		pf = prefetch(c, SAMV_KIND_MEETING, bodies, 0);
		for (i = 0; i < bodies->n; i++) {
			struct slice s;

			slice_of(c, SAMV_KIND_MEETING, bodies->v[i], pf,
			    meeting_in, &w, &s);
			/* every meeting in the folder, as the report counts
			 * a meeting under its body field (a path-id error
			 * when that is another body), not s.v alone */
			for (j = 0; s.part && j < s.part->n; j++) {
				const struct samv_record *r = s.part->records[j];

				if (r->kind != SAMV_KIND_MEETING ||
				    samv_record_root(r) == NULL)
					continue;
				ymeet_add(out, slim_record(out->ar, r),
				    slim_meeting(out->ar, samv_record_root(r)));
			}
			slice_free(&s);
		}
		samv_prefetch_free(pf);
	}
	for (i = 0; i < out->n; i++) {
		const char *b = gs(out->v[i].m, "body");
		struct ymeets *l;

		if (b == NULL)
			continue;
		if ((l = samv_map_get(&out->by_body, b)) == NULL) {
			l = samv_arena_alloc(out->ar, sizeof(*l));
			memset(l, 0, sizeof(*l));
			samv_map_put(&out->by_body, b, l);
		}
		ymeet_add(l, out->v[i].rec, out->v[i].m);
	}
}

static void
year_meetings_free(struct ymeets *l)
{
	size_t i;

	for (i = 0; i < l->by_body.cap; i++)
		if (l->by_body.keys[i] && l->by_body.vals[i])
			free(((struct ymeets *)l->by_body.vals[i])->v);
	samv_map_release(&l->by_body);
	free(l->v);
	samv_arena_free(l->ar);
}


static long
rule_int(const struct samv_repo *r, const struct samv_node *body,
    const char *sect, const char *key, const char *defkey, long def)
{
	long long v;

	if (samv_node_int(samv_node_get(samv_node_get(body, sect), key),
	    &v) == 0)
		return (long)v;
	if (samv_node_int(samv_node_get(samv_node_get(samv_record_root(
	    r->config), "defaults"), defkey), &v) == 0)
		return (long)v;
	return def;
}

/* Number of whole periods of unit per inside [from, to] of year y. */
static long
periods_in(const char *per, int y, samv_day from, samv_day to)
{
	long n = 0;
	int m;

	if (to < from)
		return 0;
	if (streq(per, "week"))
		return (long)((to - from + 1) / 7);
	if (streq(per, "month")) {
		for (m = 1; m <= 12; m++) {
			samv_day a = samv_date_from_ymd(y, m, 1);
			samv_day b = (m == 12 ? samv_date_from_ymd(y + 1, 1,
			    1) : samv_date_from_ymd(y, m + 1, 1)) - 1;

			n += a >= from && b <= to;
		}
		return n;
	}
	if (streq(per, "term"))
		return (samv_date_from_ymd(y, 1, 1) >= from &&
		    samv_date_from_ymd(y, 6, 30) <= to) +
		    (samv_date_from_ymd(y, 7, 1) >= from &&
		    samv_date_from_ymd(y, 12, 31) <= to);
	if (streq(per, "year"))
		return samv_date_from_ymd(y, 1, 1) >= from &&
		    samv_date_from_ymd(y, 12, 31) <= to;
	return 0;
}

static const char *
per_label(const struct ctx *c, const char *per)
{
	if (streq(per, "week"))
		return L(c, SAMV_L_R_PER_WEEK);
	if (streq(per, "month"))
		return L(c, SAMV_L_R_PER_MONTH);
	if (streq(per, "term"))
		return L(c, SAMV_L_R_PER_TERM);
	if (streq(per, "year"))
		return L(c, SAMV_L_R_PER_YEAR);
	return per ? per : "";
}

struct mrule {
	const char *body;
	const struct samv_node *rule;
	const char *level;
	long expected, held;
	samv_day from, to;
};

/* The meetings of a body (records, in path order = date order). */
static int
meeting_matches(const struct samv_node *m, const struct mrule *ru)
{
	const char *kind = gs(ru->rule, "kind");
	const char *mk = gs(m, "kind") ? gs(m, "kind") : "ordinary";

	if (kind && strcmp(kind, mk) != 0)
		return 0;
	if (ru->level && !streq(gs(m, "level"), ru->level))
		return 0;
	return 1;
}

static void
collect_rules(const struct ctx *c, const char *bid,
    const struct samv_node *b, int y, const struct ymeets *year,
    struct mrule **v, size_t *n, size_t *cap)
{
	const struct ymeets *ym = samv_map_get(&year->by_body, bid);
	const struct samv_node *rules = samv_node_get(b, "meeting_rules");
	const struct samv_node *levels = samv_node_get(b, "levels");
	samv_day from = samv_date_from_ymd(y, 1, 1);
	samv_day to = samv_date_from_ymd(y, 12, 31), d;
	size_t i, j, total = nof(rules) + nof(levels);

	if (day_of(samv_node_get(b, "valid_from"), &d) == 0 && d > from)
		from = d;
	if (day_of(samv_node_get(b, "valid_to"), &d) == 0 && d < to)
		to = d;
	if (c->o->as_of < to)
		to = c->o->as_of;
	for (i = 0; i < total; i++) {
		const struct samv_node *ru, *lv = NULL;
		struct mrule *m;
		long long cnt;

		if (i < nof(rules))
			ru = at(rules, i);
		else {
			lv = at(levels, i - nof(rules));
			ru = samv_node_get(lv, "meeting_rule");
			if (ru == NULL)
				continue;
			/* a level's rule counts unless meeting_rules has
			 * one for that level already */
			for (j = 0; j < nof(rules); j++)
				if (streq(gs(at(rules, j), "level"),
				    gs(lv, "id")))
					break;
			if (j < nof(rules))
				continue;
		}
		if (samv_node_int(samv_node_get(ru, "count"), &cnt) < 0 ||
		    gs(ru, "per") == NULL)
			continue;
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 16;
			*v = samv_xreallocarray(*v, *cap, sizeof(**v));
		}
		m = &(*v)[(*n)++];
		m->body = bid;
		m->rule = ru;
		m->level = lv ? gs(lv, "id") : gs(ru, "level");
		m->from = from;
		m->to = to;
		m->expected = (long)cnt * periods_in(gs(ru, "per"), y, from,
		    to);
		m->held = 0;
		for (j = 0; ym && j < ym->n; j++) {
			const struct samv_record *rec = ym->v[j].rec;
			const struct samv_node *mt = ym->v[j].m;

			if (rec->kind != SAMV_KIND_MEETING || mt == NULL ||
			    !streq(gs(mt, "body"), bid) ||
			    day_of(samv_node_get(mt, "date"), &d) < 0 ||
			    d < from || d > to)
				continue;
			m->held += meeting_matches(mt, m);
		}
	}
}

static char *
rule_text(const struct ctx *c, const struct samv_repo *r,
    const struct mrule *m)
{
	const char *k = samv_label_meeting_kind(gs(m->rule, "kind"),
	    c->lang);
	const struct samv_node *lv = NULL, *levels;
	long long cnt = 0;
	size_t i;

	levels = samv_node_get(body_root(r, m->body), "levels");
	for (i = 0; m->level && i < nof(levels); i++)
		if (streq(gs(at(levels, i), "id"), m->level))
			lv = at(levels, i);
	samv_node_int(samv_node_get(m->rule, "count"), &cnt);
	return samv_xasprintf("%s%s%s%s: %lld %s",
	    k ? k : L(c, SAMV_L_R_ALL_KINDS), m->level ? " (" : "",
	    m->level ? (gs(lv, "name") ? gs(lv, "name") : m->level) : "",
	    m->level ? ")" : "", cnt, per_label(c, gs(m->rule, "per")));
}

/* The first member with role whose term overlaps year y, or NULL. */
static const struct samv_node *
role_in_year(const struct samv_node *b, const char *role, int y)
{
	const struct samv_node *ms = samv_node_get(b, "members");
	samv_day ys = samv_date_from_ymd(y, 1, 1);
	samv_day ye = samv_date_from_ymd(y, 12, 31), f, t;
	size_t i;

	for (i = 0; i < nof(ms); i++) {
		const struct samv_node *m = at(ms, i);

		if (!streq(gs(m, "role"), role))
			continue;
		if (day_of(samv_node_get(m, "from"), &f) == 0 && f > ye)
			continue;
		if (day_of(samv_node_get(m, "to"), &t) == 0 && t < ys)
			continue;
		return m;
	}
	return NULL;
}

static int
rotates(const struct samv_node *rot, const char *role)
{
	const struct samv_node *roles = samv_node_get(rot, "roles");

	return roles == NULL || in_seq(roles, role);
}

struct meet_row {
	const struct samv_record *rec;
	const struct samv_node *m;
	samv_day date, deadline;
	const char *done;	/* published / adjustment date, or NULL */
	int ok;
	char *remark;
};

static void
meet_rows(const struct ctx *c, const struct strv *bodies, int y,
    const struct ymeets *year, int adj, struct meet_row **v, size_t *n)
{
	size_t i;

	*v = samv_xcalloc(year->n + 1, sizeof(**v));
	*n = 0;
	for (i = 0; i < year->n; i++) {
		const struct samv_record *rec = year->v[i].rec;
		const struct samv_node *m = year->v[i].m, *b;
		struct meet_row *row;
		samv_day d, done;
		int yy, mm, dd;

		if (rec->kind != SAMV_KIND_MEETING || m == NULL ||
		    !strv_has(bodies, gs(m, "body")) ||
		    day_of(samv_node_get(m, "date"), &d) < 0)
			continue;
		samv_date_to_ymd(d, &yy, &mm, &dd);
		if (yy != y)
			continue;
		b = body_root(c->r, gs(m, "body"));
		if (adj && streq(gs(samv_node_get(b, "protocol_rules"),
		    "kind"), "notes"))
			continue;
		row = &(*v)[(*n)++];
		row->rec = rec;
		row->m = m;
		row->date = d;
		if (adj) {
			row->deadline = d + rule_int(c->r, b,
			    "protocol_rules", "adjustment_days",
			    "adjustment_days", 14);
			row->done = gs(samv_node_get(m, "adjustment"), "date");
		} else {
			row->deadline = d - rule_int(c->r, b, "agenda_rules",
			    "days_ahead", "agenda_days_ahead", 7);
			row->done = gs(samv_node_get(m, "agenda"),
			    "published");
		}
		if (row->done && samv_date_parse(row->done, &done) == 0) {
			row->ok = done <= row->deadline;
			row->remark = samv_xstrdup(row->ok ? L(c, SAMV_L_R_OK) :
			    L(c, SAMV_L_R_LATE));
		} else if (row->deadline < c->o->as_of) {
			row->ok = 0;
			row->remark = samv_xstrdup(adj ?
			    L(c, SAMV_L_R_NOT_ADJUSTED) :
			    L(c, SAMV_L_R_NOT_PUBLISHED));
		} else {
			row->ok = 1;
			row->remark = samv_xstrdup(L(c, SAMV_L_R_NOT_DUE));
		}
	}
}

static void
meet_rows_free(struct meet_row *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].remark);
	free(v);
}

static void
meet_table(const struct ctx *c, cmark_node *doc, enum samv_label head_l,
    enum samv_label done_l, const struct meet_row *v, size_t n)
{
	const char *head[5] = { L(c, SAMV_L_R_MEETING), L(c, SAMV_L_DATE),
	    L(c, done_l), L(c, SAMV_L_R_DEADLINE), L(c, SAMV_L_R_REMARK) };
	cmark_node *t;
	size_t i;

	samv_render_heading(doc, 2, L(c, head_l));
	if (n == 0) {
		samv_render_para(doc, L(c, SAMV_L_R_NONE));
		return;
	}
	t = samv_render_table(doc, 5, head);
	for (i = 0; i < n; i++) {
		char d[11], dl[11];
		const char *cells[5];

		fmt_day(v[i].date, d);
		fmt_day(v[i].deadline, dl);
		cells[0] = samv_repo_body_name(c->r, gs(v[i].m, "body"));
		cells[1] = d;
		cells[2] = v[i].done;
		cells[3] = dl;
		cells[4] = v[i].remark;
		samv_render_row(t, cells, v[i].ok ? SAMV_CELL_PLAIN :
		    SAMV_CELL_STRONG);
	}
}

static void
meet_json(struct samv_jsonw *w, const char *key, const char *done_key,
    const struct meet_row *v, size_t n)
{
	size_t i;

	samv_jsonw_array(w, key);
	for (i = 0; i < n; i++) {
		char dl[11];

		fmt_day(v[i].deadline, dl);
		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "meeting", v[i].rec->id);
		samv_jsonw_str(w, "date", gs(v[i].m, "date"));
		samv_jsonw_str(w, done_key, v[i].done);
		samv_jsonw_str(w, "deadline", dl);
		samv_jsonw_bool(w, "ok", v[i].ok);
		samv_jsonw_str(w, "remark", v[i].remark);
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
}

struct rot_row {
	const char *body;
	const struct samv_node *chair, *secretary;
	const char *cside, *sside;
	int same, chair_again, sec_again;
};

struct exp_row {
	const struct samv_record *rec;
	samv_day expires;
	long days;
};

static int
exp_cmp(const void *x, const void *y)
{
	const struct exp_row *a = x, *b = y;

	if (a->expires != b->expires)
		return a->expires < b->expires ? -1 : 1;
	return strcmp(a->rec->path, b->rec->path);
}

static int
report_compliance(const struct ctx *c, struct samv_buf *out,
    enum samv_format fmt, char **err)
{
	struct strv bodies = { 0 }, miss_body = { 0 }, miss_p = { 0 };
	struct mrule *rules = NULL;
	struct meet_row *ag = NULL, *adj = NULL;
	struct rot_row *rot;
	struct exp_row *ex;
	struct ymeets year;
	size_t nrules = 0, caprules = 0, nag, nadj, nrot = 0, nex = 0, i, j;
	int y = c->o->year, yy, mm, dd, rc = 0;
	samv_day check;

	if (y == 0) {
		samv_date_to_ymd(c->o->as_of, &yy, &mm, &dd);
		y = yy;
	}
	check = samv_date_from_ymd(y, 12, 31);
	if (c->o->as_of < check)
		check = c->o->as_of;
	for (i = 0; i < c->r->n; i++)
		if (c->r->records[i]->kind == SAMV_KIND_BODY &&
		    samv_record_root(c->r->records[i]) &&
		    (c->o->body == NULL || streq(c->o->body,
		    c->r->records[i]->id)))
			strv_add(&bodies, c->r->records[i]->id);
	year_meetings(c, &bodies, y, &year);
	rot = samv_xcalloc(bodies.n + 1, sizeof(*rot));
	for (i = 0; i < bodies.n; i++) {
		const struct samv_node *b = body_root(c->r, bodies.v[i]);
		const struct samv_node *rotn = samv_node_get(b, "rotation");
		const struct samv_node *reps = samv_node_get(b,
		    "representation"), *ms = samv_node_get(b, "members");
		int any_principal = 0;

		collect_rules(c, bodies.v[i], b, y, &year, &rules, &nrules,
		    &caprules);
		if (rotn) {
			struct rot_row *ro = &rot[nrot];
			const struct samv_node *pc, *ps;

			ro->body = bodies.v[i];
			if (rotates(rotn, "chair"))
				ro->chair = role_in_year(b, "chair", y);
			if (rotates(rotn, "secretary"))
				ro->secretary = role_in_year(b, "secretary",
				    y);
			if (ro->chair || ro->secretary) {
				ro->cside = side_of(c->r, gs(ro->chair,
				    "principal"));
				ro->sside = side_of(c->r, gs(ro->secretary,
				    "principal"));
				ro->same = samv_node_bool(samv_node_get(rotn,
				    "different_sides")) != 0 && ro->cside &&
				    streq(ro->cside, ro->sside);
				pc = ro->chair ? role_in_year(b, "chair",
				    y - 1) : NULL;
				ps = ro->secretary ? role_in_year(b,
				    "secretary", y - 1) : NULL;
				ro->chair_again = ro->cside && streq(ro->cside,
				    side_of(c->r, gs(pc, "principal")));
				ro->sec_again = ro->sside && streq(ro->sside,
				    side_of(c->r, gs(ps, "principal")));
				nrot++;
			}
		}
		for (j = 0; j < nof(ms); j++)
			any_principal |= gs(at(ms, j), "principal") != NULL;
		for (j = 0; any_principal && j < nof(reps); j++) {
			const char *p = gs(at(reps, j), "principal");
			size_t k;
			int found = 0;

			for (k = 0; k < nof(ms) && !found; k++) {
				const struct samv_node *m = at(ms, k);
				const char *mp = gs(m, "principal");
				samv_day f, t;

				if ((day_of(samv_node_get(m, "from"), &f) ==
				    0 && f > check) || (day_of(samv_node_get(m,
				    "to"), &t) == 0 && t < check))
					continue;
				found = streq(mp, p) || (mp && covers(c->r, p,
				    mp));
			}
			if (!found && p) {
				strv_add(&miss_body, bodies.v[i]);
				strv_add(&miss_p, p);
			}
		}
	}
	meet_rows(c, &bodies, y, &year, 0, &ag, &nag);
	meet_rows(c, &bodies, y, &year, 1, &adj, &nadj);
	ex = samv_xcalloc(c->r->n + 1, sizeof(*ex));
	for (i = 0; i < c->r->n; i++) {
		const struct samv_record *rec = c->r->records[i];
		const struct samv_node *d = samv_record_root(rec);
		samv_day e;

		if (rec->kind != SAMV_KIND_DECISION || d == NULL ||
		    day_of(samv_node_get(d, "expires"), &e) < 0 ||
		    (c->o->body && !streq(gs(d, "body"), c->o->body)) ||
		    e - c->o->as_of > 90)
			continue;
		ex[nex].rec = rec;
		ex[nex].expires = e;
		ex[nex].days = (long)(e - c->o->as_of);
		nex++;
	}
	qsort(ex, nex, sizeof(*ex), exp_cmp);

	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		json_begin(c, &w, out, "compliance", 1);
		samv_jsonw_int(&w, "year", y);
		samv_jsonw_str(&w, "organization", c->o->body);
		samv_jsonw_array(&w, "meetingRules");
		for (i = 0; i < nrules; i++) {
			char *t = rule_text(c, c->r, &rules[i]), f[11], to[11];
			long long cnt = 0;

			samv_node_int(samv_node_get(rules[i].rule, "count"),
			    &cnt);
			fmt_day(rules[i].from, f);
			fmt_day(rules[i].to, to);
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "organization", rules[i].body);
			samv_jsonw_str(&w, "rule", t);
			samv_jsonw_str(&w, "kind", gs(rules[i].rule, "kind"));
			samv_jsonw_str(&w, "level", rules[i].level);
			samv_jsonw_str(&w, "per", gs(rules[i].rule, "per"));
			samv_jsonw_int(&w, "count", cnt);
			samv_jsonw_str(&w, "from", f);
			samv_jsonw_str(&w, "to", to);
			samv_jsonw_int(&w, "expected", rules[i].expected);
			samv_jsonw_int(&w, "held", rules[i].held);
			samv_jsonw_bool(&w, "ok",
			    rules[i].held >= rules[i].expected);
			samv_jsonw_end(&w, '}');
			free(t);
		}
		samv_jsonw_end(&w, ']');
		meet_json(&w, "agendas", "published", ag, nag);
		meet_json(&w, "adjustments", "adjusted", adj, nadj);
		samv_jsonw_array(&w, "rotation");
		for (i = 0; i < nrot; i++) {
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "organization", rot[i].body);
			samv_jsonw_int(&w, "year", y);
			samv_jsonw_str(&w, "chair", gs(rot[i].chair, "name"));
			samv_jsonw_str(&w, "chairSide", rot[i].cside);
			samv_jsonw_str(&w, "secretary", gs(rot[i].secretary,
			    "name"));
			samv_jsonw_str(&w, "secretarySide", rot[i].sside);
			samv_jsonw_bool(&w, "sameSide", rot[i].same);
			samv_jsonw_bool(&w, "chairAgain", rot[i].chair_again);
			samv_jsonw_bool(&w, "secretaryAgain",
			    rot[i].sec_again);
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "representation");
		for (i = 0; i < miss_body.n; i++) {
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "organization", miss_body.v[i]);
			samv_jsonw_str(&w, "principal", miss_p.v[i]);
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "expiring");
		for (i = 0; i < nex; i++) {
			const struct samv_node *d = samv_record_root(ex[i].rec);

			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "decision", ex[i].rec->id);
			samv_jsonw_str(&w, "organization", gs(d, "body"));
			samv_jsonw_str(&w, "name", gs(d, "title"));
			samv_jsonw_str(&w, "expires", gs(d, "expires"));
			samv_jsonw_int(&w, "days", ex[i].days);
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		char *title = samv_xasprintf("%s %d",
		    L(c, SAMV_L_R_RPT_COMPLIANCE), y);
		cmark_node *doc = begin_doc(c, title, 1), *t = NULL;
		const char *h1[6] = { L(c, SAMV_L_R_BODY), L(c, SAMV_L_R_RULE),
		    L(c, SAMV_L_R_PERIOD), L(c, SAMV_L_R_EXPECTED),
		    L(c, SAMV_L_R_HELD), L(c, SAMV_L_R_REMARK) };
		const char *h2[6] = { L(c, SAMV_L_R_BODY), L(c, SAMV_L_R_YEAR),
		    L(c, SAMV_L_CHAIR), L(c, SAMV_L_SECRETARY),
		    L(c, SAMV_L_R_REMARK), NULL };

		if (c->o->body)
			samv_render_field(doc, L(c, SAMV_L_R_BODY),
			    samv_repo_body_name(c->r, c->o->body));
		samv_render_heading(doc, 2, L(c, SAMV_L_R_MEETING_FREQUENCY));
		if (nrules == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		else
			t = samv_render_table(doc, 6, h1);
		for (i = 0; i < nrules; i++) {
			char *rt = rule_text(c, c->r, &rules[i]);
			char f[11], to[11], *per, *e, *h;
			const char *cells[6];
			int ok = rules[i].held >= rules[i].expected;

			fmt_day(rules[i].from, f);
			fmt_day(rules[i].to, to);
			per = samv_xasprintf("%s – %s", f, to);
			e = samv_xasprintf("%ld", rules[i].expected);
			h = samv_xasprintf("%ld", rules[i].held);
			cells[0] = samv_repo_body_name(c->r, rules[i].body);
			cells[1] = rt;
			cells[2] = per;
			cells[3] = e;
			cells[4] = h;
			cells[5] = ok ? L(c, SAMV_L_R_OK) :
			    L(c, SAMV_L_R_TOO_FEW);
			samv_render_row(t, cells, ok ? SAMV_CELL_PLAIN :
			    SAMV_CELL_STRONG);
			free(rt);
			free(per);
			free(e);
			free(h);
		}
		meet_table(c, doc, SAMV_L_R_AGENDA_LEAD, SAMV_L_PUBLISHED,
		    ag, nag);
		meet_table(c, doc, SAMV_L_R_ADJUSTMENT_LEAD,
		    SAMV_L_R_ADJUSTED, adj, nadj);
		samv_render_heading(doc, 2, L(c, SAMV_L_R_ROTATION));
		if (nrot == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		else
			t = samv_render_table(doc, 5, h2);
		for (i = 0; i < nrot; i++) {
			struct samv_buf rm = SAMV_BUF_INIT;
			char *ch = samv_xasprintf("%s%s%s%s", gs(rot[i].chair,
			    "name") ? gs(rot[i].chair, "name") : "",
			    rot[i].cside ? " (" : "", rot[i].cside ?
			    side_label(c, rot[i].cside) : "", rot[i].cside ?
			    ")" : "");
			char *se = samv_xasprintf("%s%s%s%s",
			    gs(rot[i].secretary, "name") ? gs(rot[i].secretary,
			    "name") : "", rot[i].sside ? " (" : "",
			    rot[i].sside ? side_label(c, rot[i].sside) : "",
			    rot[i].sside ? ")" : "");
			char yr[12];
			const char *cells[5];
			int bad = rot[i].same || rot[i].chair_again ||
			    rot[i].sec_again;

			snprintf(yr, sizeof(yr), "%d", y);
			if (rot[i].same)
				samv_buf_puts(&rm, L(c, SAMV_L_R_SAME_SIDE));
			if (rot[i].chair_again)
				samv_buf_printf(&rm, "%s%s", rm.len ? "; " : "",
				    L(c, SAMV_L_R_CHAIR_SAME_SIDE_AGAIN));
			if (rot[i].sec_again)
				samv_buf_printf(&rm, "%s%s", rm.len ? "; " : "",
				    L(c, SAMV_L_R_SECRETARY_SAME_SIDE_AGAIN));
			if (!bad)
				samv_buf_puts(&rm, L(c, SAMV_L_R_OK));
			cells[0] = samv_repo_body_name(c->r, rot[i].body);
			cells[1] = yr;
			cells[2] = ch;
			cells[3] = se;
			cells[4] = samv_buf_cstr(&rm);
			samv_render_row(t, cells, bad ? SAMV_CELL_STRONG :
			    SAMV_CELL_PLAIN);
			samv_buf_release(&rm);
			free(ch);
			free(se);
		}
		samv_render_heading(doc, 2, L(c, SAMV_L_R_REPRESENTATION));
		if (miss_body.n == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		else {
			const char *h3[3] = { L(c, SAMV_L_R_BODY),
			    L(c, SAMV_L_R_PRINCIPAL), L(c, SAMV_L_R_REMARK) };

			t = samv_render_table(doc, 3, h3);
			for (i = 0; i < miss_body.n; i++) {
				const char *cells[3] = { samv_repo_body_name(c->r,
				    miss_body.v[i]), samv_repo_principal_name(c->r,
				    miss_p.v[i]), L(c,
				    SAMV_L_R_NO_ACTIVE_MEMBER) };

				samv_render_row(t, cells, SAMV_CELL_PLAIN);
			}
		}
		samv_render_heading(doc, 2, L(c, SAMV_L_R_EXPIRING));
		if (nex == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		else {
			const char *h4[3] = { L(c, SAMV_L_DECISION),
			    L(c, SAMV_L_EXPIRES), L(c, SAMV_L_R_REMARK) };

			t = samv_render_table(doc, 3, h4);
			for (i = 0; i < nex; i++) {
				char *dt = decision_title(c, ex[i].rec);
				char *rm = ex[i].days < 0 ?
				    samv_xstrdup(L(c, SAMV_L_R_EXPIRED)) :
				    samv_xasprintf(L(c, SAMV_L_R_EXPIRES_IN),
				    ex[i].days);
				const char *cells[3] = { dt,
				    gs(samv_record_root(ex[i].rec), "expires"),
				    rm };

				samv_render_row(t, cells, SAMV_CELL_PLAIN);
				free(dt);
				free(rm);
			}
		}
		rc = finish(c, out, doc, fmt, title, err);
		free(title);
	}
	free(rules);
	meet_rows_free(ag, nag);
	meet_rows_free(adj, nadj);
	year_meetings_free(&year);
	free(rot);
	free(ex);
	strv_free(&bodies);
	strv_free(&miss_body);
	strv_free(&miss_p);
	return rc;
}

/* --- organisation -------------------------------------------------------- */

static const struct {
	const char *key;
	enum samv_label label;
	int reverse;		/* draw from the target to the body */
} relations[] = {
	{ "prepares_for", SAMV_L_R_EDGE_PREPARES, 0 },
	{ "commissioned_by", SAMV_L_R_EDGE_COMMISSIONS, 1 },
	{ "implements", SAMV_L_R_EDGE_IMPLEMENTS, 0 },
	{ "escalates_to", SAMV_L_R_EDGE_ESCALATES, 0 },
	{ "reports_to", SAMV_L_R_EDGE_REPORTS, 0 },
};
#define NREL (sizeof(relations) / sizeof(relations[0]))

/* A Mermaid node id: "b_" and the id with every other byte as '_'. */
static void
mermaid_id(struct samv_buf *b, const char *id)
{
	samv_buf_puts(b, "b_");
	for (; *id; id++)
		samv_buf_putc(b, (*id >= 'a' && *id <= 'z') || (*id >= '0' &&
		    *id <= '9') ? *id : '_');
}

/* A quoted Mermaid label: entity codes for what would end or mark up
 * the label, spaces for line breaks and control characters. */
static void
mermaid_label(struct samv_buf *b, const char *s)
{
	samv_buf_putc(b, '"');
	for (; s && *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (strchr("\"#&<>`", ch) != NULL)
			samv_buf_printf(b, "#%d;", ch);
		else if (ch < 0x20 || ch == 0x7f)
			samv_buf_putc(b, ' ');
		else
			samv_buf_putc(b, (char)ch);
	}
	samv_buf_putc(b, '"');
}

/* Bodies X is under: its commissioners, report and preparation targets
 * that exist, each once, in id order. */
static void
parents_of(const struct samv_repo *r, const char *id, struct strv *out)
{
	static const char *const rel[] = { "commissioned_by", "reports_to",
	    "prepares_for" };
	const struct samv_node *b = body_root(r, id);
	size_t k, j;

	for (k = 0; k < 3; k++) {
		const struct samv_node *l = samv_node_get(b, rel[k]);

		for (j = 0; j < nof(l); j++) {
			const char *p = samv_node_str(at(l, j));

			if (p && !streq(p, id) && body_root(r, p) &&
			    !strv_has(out, p))
				strv_add(out, p);
		}
	}
	if (out->n > 1)
		qsort(out->v, out->n, sizeof(*out->v), strp_cmp);
}

/* The bodies (indexes into all, in its order) that have a body as a
 * parent: made once, so that the tree is not quadratic in bodies. */
struct org_kids {
	size_t *v;
	size_t n, cap;
	int has_parent;
};

static struct org_kids *
org_kids(const struct samv_repo *r, const struct strv *all)
{
	struct org_kids *k = samv_xcalloc(all->n + 1, sizeof(*k));
	size_t i, j;

	for (i = 0; i < all->n; i++) {
		struct strv ps = { 0 };

		parents_of(r, all->v[i], &ps);
		k[i].has_parent = ps.n > 0;
		for (j = 0; j < ps.n; j++) {
			void *at1 = samv_map_get(&all->set, ps.v[j]);
			struct org_kids *p;

			if (at1 == NULL)
				continue;
			p = &k[(size_t)(intptr_t)at1 - 1];
			if (p->n == p->cap) {
				p->cap = p->cap ? p->cap * 2 : 4;
				p->v = samv_xreallocarray(p->v, p->cap,
				    sizeof(*p->v));
			}
			p->v[p->n++] = i;
		}
		strv_free(&ps);
	}
	return k;
}

static void
org_kids_free(struct org_kids *k, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(k[i].v);
	free(k);
}

static void
tree_add(const struct ctx *c, cmark_node *list, const struct strv *all,
    const struct org_kids *kids, size_t at_i, struct strv *path,
    struct strv *seen)
{
	const char *id = all->v[at_i];
	cmark_node *item = samv_render_list_item(list, samv_repo_body_name(c->r, id));
	cmark_node *sub = NULL;
	size_t i;

	if (!strv_has(seen, id))
		strv_add(seen, id);
	strv_add(path, id);
	for (i = 0; i < kids[at_i].n; i++) {
		size_t k = kids[at_i].v[i];

		if (!strv_has(path, all->v[k])) {
			if (sub == NULL)
				sub = samv_render_list(item, 0, 0);
			tree_add(c, sub, all, kids, k, path, seen);
		}
	}
	path->n--;
}

static int
report_org(const struct ctx *c, struct samv_buf *out, enum samv_format fmt,
    char **err)
{
	struct strv all = { 0 };
	size_t i, k, j;
	int rc = 0;

	for (i = 0; i < c->r->n; i++)
		if (c->r->records[i]->kind == SAMV_KIND_BODY &&
		    samv_record_root(c->r->records[i]))
			strv_add(&all, c->r->records[i]->id);
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		json_begin(c, &w, out, "org", 0);
		samv_jsonw_array(&w, "organizations");
		for (i = 0; i < all.n; i++) {
			const struct samv_node *b = body_root(c->r, all.v[i]);

			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "id", all.v[i]);
			samv_jsonw_str(&w, "name", gs(b, "name"));
			samv_jsonw_str(&w, "classification", gs(b, "kind"));
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_array(&w, "edges");
		for (i = 0; i < all.n; i++) {
			const struct samv_node *b = body_root(c->r, all.v[i]);

			for (k = 0; k < NREL; k++) {
				const struct samv_node *l = samv_node_get(b,
				    relations[k].key);
				size_t n = l && l->kind == SAMV_NODE_SCALAR ?
				    1 : nof(l);

				for (j = 0; j < n; j++) {
					const char *t = l->kind ==
					    SAMV_NODE_SCALAR ? samv_node_str(l) :
					    samv_node_str(at(l, j));

					samv_jsonw_object(&w, NULL);
					samv_jsonw_str(&w, "from", all.v[i]);
					samv_jsonw_str(&w, "to", t);
					samv_jsonw_str(&w, "relation",
					    relations[k].key);
					samv_jsonw_end(&w, '}');
				}
			}
		}
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		cmark_node *doc = begin_doc(c, L(c, SAMV_L_R_RPT_ORG), 0);
		cmark_node *code, *list;
		struct samv_buf m = SAMV_BUF_INIT;
		struct strv path = { 0 }, seen = { 0 };
		struct org_kids *kids;

		samv_buf_puts(&m, "flowchart TD\n");
		for (i = 0; i < all.n; i++) {
			samv_buf_puts(&m, "    ");
			mermaid_id(&m, all.v[i]);
			samv_buf_putc(&m, '[');
			mermaid_label(&m, samv_repo_body_name(c->r, all.v[i]));
			samv_buf_puts(&m, "]\n");
		}
		for (i = 0; i < all.n; i++) {
			const struct samv_node *b = body_root(c->r, all.v[i]);

			for (k = 0; k < NREL; k++) {
				const struct samv_node *l = samv_node_get(b,
				    relations[k].key);
				size_t n = l && l->kind == SAMV_NODE_SCALAR ?
				    1 : nof(l);

				for (j = 0; j < n; j++) {
					const char *t = l->kind ==
					    SAMV_NODE_SCALAR ? samv_node_str(l) :
					    samv_node_str(at(l, j));

					if (t == NULL || !strv_has(&all, t))
						continue;
					samv_buf_puts(&m, "    ");
					mermaid_id(&m, relations[k].reverse ?
					    t : all.v[i]);
					samv_buf_printf(&m, " -->|%s| ",
					    L(c, relations[k].label));
					mermaid_id(&m, relations[k].reverse ?
					    all.v[i] : t);
					samv_buf_putc(&m, '\n');
				}
			}
		}
		samv_render_heading(doc, 2, L(c, SAMV_L_R_ORG_CHART));
		code = cmark_node_new(CMARK_NODE_CODE_BLOCK);
		cmark_node_set_fence_info(code, "mermaid");
		cmark_node_set_literal(code, samv_buf_cstr(&m));
		cmark_node_append_child(doc, code);
		samv_buf_release(&m);
		samv_render_heading(doc, 2, L(c, SAMV_L_R_ORG_TREE));
		list = samv_render_list(doc, 0, 0);
		kids = org_kids(c->r, &all);
		for (i = 0; i < all.n; i++)
			if (!kids[i].has_parent)
				tree_add(c, list, &all, kids, i, &path, &seen);
		/* bodies only reachable through a cycle */
		for (i = 0; i < all.n; i++)
			if (!strv_has(&seen, all.v[i]))
				tree_add(c, list, &all, kids, i, &path, &seen);
		org_kids_free(kids, all.n);
		strv_free(&path);
		strv_free(&seen);
		rc = finish(c, out, doc, fmt, L(c, SAMV_L_R_RPT_ORG), err);
	}
	strv_free(&all);
	return rc;
}

/* --- calendar ------------------------------------------------------------ */

enum ev_type { EV_DEADLINE, EV_MEETING, EV_DUE };

struct event {
	samv_day date;
	enum ev_type type;
	const char *body;
	const char *id;
	char *detail;
};

static int
ev_cmp(const void *x, const void *y)
{
	const struct event *a = x, *b = y;
	int k;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->type != b->type)
		return a->type < b->type ? -1 : 1;
	if ((k = strcmp(a->body ? a->body : "", b->body ? b->body : "")) != 0)
		return k;
	return strcmp(a->id, b->id);
}

static char *
meeting_detail(const struct ctx *c, const struct samv_node *m)
{
	const char *k = samv_label_meeting_kind(gs(m, "kind") ? gs(m,
	    "kind") : "ordinary", c->lang);
	struct samv_buf b = SAMV_BUF_INIT;

	samv_buf_puts(&b, k ? k : "");
	if (gs(m, "start"))
		samv_buf_printf(&b, ", %s%s%s", gs(m, "start"),
		    gs(m, "end") ? "–" : "", gs(m, "end") ? gs(m, "end") : "");
	if (gs(m, "place"))
		samv_buf_printf(&b, ", %s", gs(m, "place"));
	return samv_buf_detach(&b, NULL);
}

static const char *
ev_label(const struct ctx *c, enum ev_type t)
{
	return t == EV_MEETING ? L(c, SAMV_L_R_MEETING) : t == EV_DEADLINE ?
	    L(c, SAMV_L_R_EV_AGENDA_DEADLINE) : L(c, SAMV_L_R_EV_REPORT_DUE);
}

static struct event *
ev_add(struct event **ev, size_t *n, size_t *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*ev = samv_xreallocarray(*ev, *cap, sizeof(**ev));
	}
	memset(&(*ev)[*n], 0, sizeof(**ev));
	return &(*ev)[(*n)++];
}

/*
 * Meetings, agenda deadlines and report-backs ahead. Read one body at a
 * time: only the meetings whose day can be in the window, and the
 * body's assignments; an event keeps copies of its ids.
 */
static int
report_calendar(const struct ctx *c, struct samv_buf *out,
    enum samv_format fmt, char **err)
{
	long days = c->o->days > 0 ? c->o->days : 60;
	samv_day from = c->o->as_of, to = from + days, d;
	struct samv_arena *ar = samv_arena_new();
	struct samv_prefetch *pfm, *pfa;
	struct strv bodies = { 0 };
	struct event *ev = NULL, *e;
	size_t nev = 0, cap = 0, i, j;
	char until[11];
	int rc = 0;

	fmt_day(to, until);
	if (c->o->body)
		strv_add(&bodies, c->o->body);
	else
		all_bodies(c->r, &bodies);
	pfm = prefetch(c, SAMV_KIND_MEETING, &bodies, 0);
	pfa = prefetch(c, SAMV_KIND_ASSIGNMENT, &bodies, 0);
	for (i = 0; i < bodies.n; i++) {
		const struct samv_node *b = body_root(c->r, bodies.v[i]);
		long ahead = rule_int(c->r, b, "agenda_rules", "days_ahead",
		    "agenda_days_ahead", 7);
		struct days w;
		struct slice s;

		/* a meeting on d has its agenda deadline on d - ahead */
		w.lo = ahead < 0 ? from + ahead : from;
		w.hi = ahead > 0 ? to + ahead : to;
		slice_of(c, SAMV_KIND_MEETING, bodies.v[i], pfm, meeting_in,
		    &w, &s);
		for (j = 0; j < s.n; j++) {
			const struct samv_record *rec = s.v[j];
			const struct samv_node *m = samv_record_root(rec);
			const char *id = NULL, *bid = NULL;
			samv_day dl;

			if (day_of(samv_node_get(m, "date"), &d) < 0)
				continue;
			dl = d - ahead;
			if ((d >= from && d <= to) || (dl >= from && dl <= to)) {
				id = samv_arena_strndup(ar, rec->id,
				    strlen(rec->id));
				bid = samv_arena_strndup(ar, bodies.v[i],
				    strlen(bodies.v[i]));
			}
			if (d >= from && d <= to) {
				e = ev_add(&ev, &nev, &cap);
				e->date = d;
				e->type = EV_MEETING;
				e->body = bid;
				e->id = id;
				e->detail = meeting_detail(c, m);
			}
			if (dl >= from && dl <= to) {
				const char *pub = gs(samv_node_get(m, "agenda"),
				    "published");

				e = ev_add(&ev, &nev, &cap);
				e->date = dl;
				e->type = EV_DEADLINE;
				e->body = bid;
				e->id = id;
				e->detail = samv_xasprintf("%s %s%s%s%s%s",
				    L(c, SAMV_L_R_MEETING), gs(m, "date"),
				    pub ? "; " : "", pub ? L(c,
				    SAMV_L_PUBLISHED) : "", pub ? " " : "",
				    pub ? pub : "");
			}
		}
		slice_free(&s);
		slice_of(c, SAMV_KIND_ASSIGNMENT, bodies.v[i], pfa, NULL, NULL,
		    &s);
		for (j = 0; j < s.n; j++) {
			struct asg a;
			char *as;

			asg_fill(c, s.v[j], &a);
			if (a.due_kind != DUE_DATE || a.due < from ||
			    a.due > to || !(streq(a.status, "given") ||
			    streq(a.status, "ongoing")) || a.final)
				continue;
			as = assignee_text(c, a.n);
			e = ev_add(&ev, &nev, &cap);
			e->date = a.due;
			e->type = EV_DUE;
			e->body = samv_arena_strndup(ar, bodies.v[i],
			    strlen(bodies.v[i]));
			e->id = samv_arena_strndup(ar, a.rec->id,
			    strlen(a.rec->id));
			e->detail = samv_xasprintf("%s%s%s", gs(a.n, "title") ?
			    gs(a.n, "title") : "", *as ? " – " : "", as);
			free(as);
		}
		slice_free(&s);
	}
	samv_prefetch_free(pfm);
	samv_prefetch_free(pfa);
	if (nev > 0)
		qsort(ev, nev, sizeof(*ev), ev_cmp);
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;
		static const char *const keys[] = { "agenda-deadline",
		    "meeting", "report-due" };

		json_begin(c, &w, out, "calendar", 1);
		samv_jsonw_str(&w, "until", until);
		samv_jsonw_array(&w, "events");
		for (i = 0; i < nev; i++) {
			char dd[11];

			fmt_day(ev[i].date, dd);
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "date", dd);
			samv_jsonw_str(&w, "event", keys[ev[i].type]);
			samv_jsonw_str(&w, "organization", ev[i].body);
			samv_jsonw_str(&w, "id", ev[i].id);
			samv_jsonw_str(&w, "name", ev[i].detail);
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		cmark_node *doc = begin_doc(c, L(c, SAMV_L_R_RPT_CALENDAR), 1);
		const char *head[4] = { L(c, SAMV_L_DATE), L(c, SAMV_L_R_EVENT),
		    L(c, SAMV_L_R_BODY), L(c, SAMV_L_R_DETAILS) };
		char *range = samv_xasprintf("%s – %s", c->asof, until);
		cmark_node *t;

		samv_render_field(doc, L(c, SAMV_L_R_PERIOD), range);
		free(range);
		if (nev == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		else {
			t = samv_render_table(doc, 4, head);
			for (i = 0; i < nev; i++) {
				char dd[11];
				const char *cells[4];

				fmt_day(ev[i].date, dd);
				cells[0] = dd;
				cells[1] = ev_label(c, ev[i].type);
				cells[2] = samv_repo_body_name(c->r, ev[i].body);
				cells[3] = ev[i].detail;
				samv_render_row(t, cells, SAMV_CELL_PLAIN);
			}
		}
		rc = finish(c, out, doc, fmt, L(c, SAMV_L_R_RPT_CALENDAR), err);
	}
	for (i = 0; i < nev; i++)
		free(ev[i].detail);
	free(ev);
	samv_arena_free(ar);
	strv_free(&bodies);
	return rc;
}

/* --- action plan --------------------------------------------------------- */

struct section {
	const char *name;	/* NULL: activities without a section */
	size_t pos;		/* where the plan's text names it */
};

static int
section_cmp(const void *x, const void *y)
{
	const struct section *a = x, *b = y;

	if ((a->name == NULL) != (b->name == NULL))
		return a->name == NULL ? 1 : -1;
	if (a->pos != b->pos)
		return a->pos < b->pos ? -1 : 1;
	return a->name ? strcmp(a->name, b->name) : 0;
}

static char *
plan_status(const struct ctx *c, const struct asg *a)
{
	char *od, *s;

	if (!a->overdue)
		return samv_xstrdup(status_label(c, a->status));
	od = overdue_text(c, a);
	s = samv_xasprintf("%s, %s", status_label(c, a->status), od);
	free(od);
	return s;
}

static int
report_plan(const struct ctx *c, struct samv_buf *out, enum samv_format fmt,
    char **err)
{
	const struct samv_record *prec;
	const struct samv_node *p;
	struct asg *all;
	struct section *secs;
	size_t na, ns = 0, nsec = 0, i, j;
	const char *text;
	int rc = 0;

	prec = c->o->plan ? samv_repo_get(c->r, SAMV_KIND_ASSIGNMENT,
	    c->o->plan) : NULL;
	if ((p = samv_record_root(prec)) == NULL) {
		*err = samv_xasprintf("no valid plan (assignment) %s",
		    c->o->plan ? c->o->plan : "");
		return -1;
	}
	text = gs(p, "task") ? gs(p, "task") : "";
	all = asg_all(c, &na);
	for (i = 0; i < na; i++)
		if (streq(gs(all[i].n, "plan"), c->o->plan))
			all[ns++] = all[i];
	qsort(all, ns, sizeof(*all), asg_cmp);
	secs = samv_xcalloc(ns + 1, sizeof(*secs));
	for (i = 0; i < ns; i++) {
		const char *s = gs(all[i].n, "section");
		const char *hit;

		for (j = 0; j < nsec; j++)
			if ((s == NULL && secs[j].name == NULL) ||
			    streq(s, secs[j].name))
				break;
		if (j < nsec)
			continue;
		secs[nsec].name = s;
		hit = s ? strstr(text, s) : NULL;
		secs[nsec].pos = hit ? (size_t)(hit - text) : (size_t)-1;
		nsec++;
	}
	qsort(secs, nsec, sizeof(*secs), section_cmp);
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		json_begin(c, &w, out, "plan", 1);
		samv_jsonw_str(&w, "id", prec->id);
		samv_jsonw_str(&w, "name", gs(p, "title"));
		samv_jsonw_array(&w, "sections");
		for (j = 0; j < nsec; j++) {
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "name", secs[j].name ?
			    secs[j].name : "");
			samv_jsonw_array(&w, "activities");
			for (i = 0; i < ns; i++) {
				char *as, *sc;

				if (!(streq(gs(all[i].n, "section"),
				    secs[j].name) || (secs[j].name == NULL &&
				    gs(all[i].n, "section") == NULL)))
					continue;
				as = assignee_text(c, all[i].n);
				sc = schedule_text(c, &all[i]);
				samv_jsonw_object(&w, NULL);
				samv_jsonw_str(&w, "id", all[i].rec->id);
				samv_jsonw_str(&w, "name",
				    gs(all[i].n, "title"));
				samv_jsonw_str(&w, "responsible", as);
				samv_jsonw_str(&w, "schedule", sc);
				samv_jsonw_str(&w, "due", gs(all[i].n, "due"));
				samv_jsonw_str(&w, "status", all[i].status);
				samv_jsonw_bool(&w, "overdue",
				    all[i].overdue);
				samv_jsonw_end(&w, '}');
				free(as);
				free(sc);
			}
			samv_jsonw_end(&w, ']');
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		cmark_node *doc = begin_doc(c, gs(p, "title"), 1), *t;
		const char *head[4] = { L(c, SAMV_L_R_ACTIVITY),
		    L(c, SAMV_L_R_RESPONSIBLE), L(c, SAMV_L_R_SCHEDULE),
		    L(c, SAMV_L_STATUS) };

		samv_render_field(doc, L(c, SAMV_L_GIVEN_BY),
		    samv_repo_body_name(c->r, gs(p, "body")));
		if (nsec == 0)
			samv_render_para(doc, L(c, SAMV_L_R_NONE));
		for (j = 0; j < nsec; j++) {
			samv_render_heading(doc, 2, secs[j].name ?
			    secs[j].name : L(c, SAMV_L_R_OTHER_SECTION));
			t = samv_render_table(doc, 4, head);
			for (i = 0; i < ns; i++) {
				char *as, *sc, *st;
				const char *cells[4];

				if (!(streq(gs(all[i].n, "section"),
				    secs[j].name) || (secs[j].name == NULL &&
				    gs(all[i].n, "section") == NULL)))
					continue;
				as = assignee_text(c, all[i].n);
				sc = schedule_text(c, &all[i]);
				st = plan_status(c, &all[i]);
				cells[0] = gs(all[i].n, "title");
				cells[1] = as;
				cells[2] = sc;
				cells[3] = st;
				samv_render_row(t, cells, SAMV_CELL_PLAIN);
				free(as);
				free(sc);
				free(st);
			}
		}
		rc = finish(c, out, doc, fmt, gs(p, "title"), err);
	}
	free(secs);
	free(all);
	return rc;
}

/* --- entry --------------------------------------------------------------- */

static void
ctx_init(struct ctx *c, const struct samv_repo *r,
    const struct samv_report_opts *o)
{
	memset(c, 0, sizeof(*c));
	c->r = r;
	c->o = o;
	c->lang = r->language ? r->language : "sv";
	samv_date_format(o->as_of, c->asof);
}

/* An expires value that the compliance report lists (as of *arg). */
static int
expiring(const char *v, const void *arg)
{
	const samv_day *as_of = arg;
	samv_day e;

	return v != NULL && samv_date_parse(v, &e) == 0 && e - *as_of <= 90;
}

int
samv_report_render(struct samv_buf *out, const struct samv_repo *r,
    enum samv_report_kind kind, const struct samv_report_opts *o,
    enum samv_format fmt, char **err)
{
	struct ctx c;
	struct samv_map by_body[SAMV_KIND_COUNT];
	int ki;
	int rc = -1;

	*err = NULL;
	ctx_init(&c, r, o);
	memset(by_body, 0, sizeof(by_body));
	c.by_body = by_body;
	/* what each report reads, for a repository opened lazily: with
	 * --body only the folders of the bodies it covers */
	samv_repo_need(r, SAMV_KIND_BODY, NULL);
	{
		struct strv scope = { 0 };
		const struct samv_node *pf;
		size_t i;
		int k, want[SAMV_KIND_COUNT] = { 0 };

		/* the balance list reads them one body at a time */
		/* a plan's activities name it: the heads say which */
		if (kind == SAMV_REPORT_PLAN && o->plan)
			samv_repo_need_where(r, SAMV_KIND_ASSIGNMENT, "plan",
			    o->plan);
		want[SAMV_KIND_ASSIGNMENT] = kind != SAMV_REPORT_FOLLOWUP &&
		    kind != SAMV_REPORT_OVERDUE &&
		    kind != SAMV_REPORT_CALENDAR &&
		    kind != SAMV_REPORT_PLAN &&
		    kind != SAMV_REPORT_ORG &&
		    kind != SAMV_REPORT_RECOMMENDATIONS &&
		    kind != SAMV_REPORT_COMPLIANCE;
		/* compliance: the decisions that expire within 90 days */
		if (kind == SAMV_REPORT_COMPLIANCE)
			samv_repo_need_if(r, SAMV_KIND_DECISION, o->body,
			    "expires", expiring, &o->as_of);
		want[SAMV_KIND_DECISION] = kind != SAMV_REPORT_FOLLOWUP &&
		    kind != SAMV_REPORT_CALENDAR &&
		    kind != SAMV_REPORT_RECOMMENDATIONS &&
		    kind != SAMV_REPORT_COMPLIANCE &&
		    kind != SAMV_REPORT_ORG &&
		    kind != SAMV_REPORT_OVERDUE && kind != SAMV_REPORT_PLAN;
		/* compliance reads one year's meetings itself, body by
		 * body (year_meetings) */
		want[SAMV_KIND_MEETING] = 0;
		if (o->body && kind != SAMV_REPORT_PLAN) {
			bodies_under(r, o->body, &scope);
			pf = samv_node_get(body_root(r, o->body),
			    "prepares_for");
			for (i = 0; i < nof(pf); i++)
				if (samv_node_str(at(pf, i)))
					strv_add(&scope, samv_node_str(at(pf,
					    i)));
		}
		for (k = SAMV_KIND_MEETING; k < SAMV_KIND_COUNT; k++) {
			if (!want[k])
				continue;
			if (scope.n == 0)
				samv_repo_need(r, (enum samv_kind)k, NULL);
			for (i = 0; i < scope.n; i++)
				samv_repo_need(r, (enum samv_kind)k,
				    scope.v[i]);
		}
		strv_free(&scope);
	}
	if (o->body && body_root(r, o->body) == NULL) {
		*err = samv_xasprintf("no valid body '%s'", o->body);
		return -1;
	}
	switch (kind) {
	case SAMV_REPORT_FOLLOWUP:
		rc = report_followup(&c, out, fmt, err);
		break;
	case SAMV_REPORT_OVERDUE:
		rc = report_overdue(&c, out, fmt, err);
		break;
	case SAMV_REPORT_RECOMMENDATIONS:
		rc = report_recommendations(&c, out, fmt, err);
		break;
	case SAMV_REPORT_COMPLIANCE:
		rc = report_compliance(&c, out, fmt, err);
		break;
	case SAMV_REPORT_ORG:
		rc = report_org(&c, out, fmt, err);
		break;
	case SAMV_REPORT_CALENDAR:
		rc = report_calendar(&c, out, fmt, err);
		break;
	case SAMV_REPORT_PLAN:
		rc = report_plan(&c, out, fmt, err);
		break;
	default:
		*err = samv_xstrdup("unknown report");
	}
	for (ki = 0; ki < SAMV_KIND_COUNT; ki++)
		by_body_free(&by_body[ki]);
	return rc;
}

/* --- trace --------------------------------------------------------------- */

enum pred { PRED_NONE, PRED_EXISTS, PRED_ADOPTION, PRED_REPORT };

struct step {
	const char *step;	/* proposal|item|decision|assignment|report|
				 * adoption */
	char *id;
	const char *date;
	const char *body;
	char *name;
	const char *status;	/* adoption and assignment status */
	/* the commit that first recorded it */
	const char *path;
	enum pred pred;
	const char *key;	/* principal or report date */
	char commit[12], cdate[11];
};

struct trace {
	const struct ctx *c;
	struct step *v;
	size_t n, cap;
};

static struct step *
step_add(struct trace *t, const char *kind, char *id, const char *date,
    const char *body, char *name)
{
	struct step *s;

	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = samv_xreallocarray(t->v, t->cap, sizeof(*t->v));
	}
	s = &t->v[t->n++];
	memset(s, 0, sizeof(*s));
	s->step = kind;
	s->id = id;
	s->date = date;
	s->body = body;
	s->name = name;
	return s;
}

/* Canonical decision id of s (allocated), or NULL. */
static char *
canon(enum samv_kind k, const char *s)
{
	char *out = NULL;

	if (s == NULL || samv_id_canonical(k, s, &out) < 0)
		return NULL;
	return out;
}

static int
rec_path_cmp(const void *x, const void *y)
{
	const struct samv_record *a = *(const struct samv_record *const *)x;
	const struct samv_record *b = *(const struct samv_record *const *)y;

	return strcmp(a->path, b->path);
}

/*
 * The records of kind whose top-level key can satisfy keep (a lazily
 * opened repository loads them first; the caller still tests), in path
 * order, the order of a repository loaded whole (allocated).
 */
static const struct samv_record **
matching(const struct samv_repo *r, enum samv_kind kind, const char *key,
    samv_field_pred *keep, const void *arg, size_t *n)
{
	const struct samv_record **v;
	size_t i;

	samv_repo_need_if(r, kind, NULL, key, keep, arg);
	v = samv_xcalloc(r->n + 1, sizeof(*v));
	*n = 0;
	for (i = 0; i < r->n; i++)
		if (r->records[i]->kind == kind)
			v[(*n)++] = r->records[i];
	if (*n > 1)
		qsort(v, *n, sizeof(*v), rec_path_cmp);
	return v;
}

/* A reference that names the record of that kind and id arg. */
struct ref_is {
	enum samv_kind kind;
	const char *id;
};

static int
refers_to(const char *v, const void *arg)
{
	const struct ref_is *want = arg;
	char *id = canon(want->kind, v);
	int yes = id != NULL && strcmp(id, want->id) == 0;

	free(id);
	return yes;
}

static int
is_set(const char *v, const void *arg)
{
	(void)arg;
	return v != NULL;
}

static const struct samv_node *
meeting_item(const struct samv_repo *r, const char *mid, long n)
{
	const struct samv_node *m = samv_record_root(samv_repo_get(r,
	    SAMV_KIND_MEETING, mid));
	const struct samv_node *items = samv_node_get(samv_node_get(m,
	    "agenda"), "items");

	return n >= 1 ? at(items, (size_t)n - 1) : NULL;
}

/* The proposal (a decision of kind proposal) an item came from. */
static const struct samv_record *
item_proposal(const struct samv_repo *r, const struct samv_node *it)
{
	const struct samv_node *refs = samv_node_get(it, "refs");
	const struct samv_record *d;
	char *id;
	size_t i;

	id = canon(SAMV_KIND_DECISION, gs(it, "origin"));
	d = id ? samv_repo_get(r, SAMV_KIND_DECISION, id) : NULL;
	free(id);
	if (d && streq(gs(samv_record_root(d), "kind"), "proposal"))
		return d;
	for (i = 0; i < nof(refs); i++) {
		id = canon(SAMV_KIND_DECISION, samv_node_str(at(refs, i)));
		d = id ? samv_repo_get(r, SAMV_KIND_DECISION, id) : NULL;
		free(id);
		if (d && streq(gs(samv_record_root(d), "kind"), "proposal"))
			return d;
	}
	return NULL;
}

static void
trace_decision_step(struct trace *t, const char *kind,
    const struct samv_record *d)
{
	const struct samv_node *n = samv_record_root(d);
	struct step *s = step_add(t, kind, samv_xstrdup(d->id), gs(n, "date"),
	    gs(n, "body"), decision_title(t->c, d));

	s->path = d->path;
	s->pred = PRED_EXISTS;
}

/* Item, decision, its assignments and their reports, adoptions. */
static void
trace_from_decision(struct trace *t, const struct samv_record *d,
    const struct samv_record *only_asg)
{
	const struct ctx *c = t->c;
	const struct samv_repo *r = c->r;
	const struct samv_node *n = samv_record_root(d), *it, *ps;
	const struct samv_record **asgs;
	struct ref_is want;
	long long item = 0;
	struct rec_row row;
	size_t i, j, na;

	if (gs(n, "meeting") && samv_node_int(samv_node_get(n, "item"),
	    &item) == 0 && (it = meeting_item(r, gs(n, "meeting"),
	    (long)item)) != NULL) {
		const struct samv_node *m = samv_record_root(samv_repo_get(r,
		    SAMV_KIND_MEETING, gs(n, "meeting")));
		struct step *s = step_add(t, "item", samv_xasprintf("%s#%lld",
		    gs(n, "meeting"), item), gs(m, "date"), gs(m, "body"),
		    samv_xasprintf("%s %lld. %s", L(c, SAMV_L_ITEM_N), item,
		    gs(it, "title") ? gs(it, "title") : ""));

		s->path = samv_repo_get(r, SAMV_KIND_MEETING,
		    gs(n, "meeting"))->path;
		s->pred = PRED_EXISTS;
	}
	trace_decision_step(t, "decision", d);
	want.kind = SAMV_KIND_DECISION;
	want.id = d->id;
	asgs = matching(r, SAMV_KIND_ASSIGNMENT, "decision", refers_to, &want,
	    &na);
	for (i = 0; i < na; i++) {
		const struct samv_record *ar = asgs[i];
		const struct samv_node *a = samv_record_root(ar), *reps;
		char *did;
		struct step *s;
		int match;

		if (ar->kind != SAMV_KIND_ASSIGNMENT || a == NULL)
			continue;
		did = canon(SAMV_KIND_DECISION, gs(a, "decision"));
		match = streq(did, d->id) && (only_asg == NULL ||
		    only_asg == ar);
		free(did);
		if (!match)
			continue;
		s = step_add(t, "assignment", samv_xstrdup(ar->id),
		    gs(a, "given"), gs(a, "body"),
		    samv_xstrdup(gs(a, "title") ? gs(a, "title") : ""));
		s->status = gs(a, "status");
		s->path = ar->path;
		s->pred = PRED_EXISTS;
		reps = samv_node_get(a, "reports");
		for (j = 0; j < nof(reps); j++) {
			const struct samv_node *rp = at(reps, j);
			char *fl = first_line(gs(rp, "summary"));

			/* the body at whose meeting it was reported */
			const char *at_body = gs(samv_record_root(
			    samv_repo_get(r, SAMV_KIND_MEETING, gs(rp,
			    "meeting"))), "body");

			s = step_add(t, "report", samv_xasprintf("%s@%s",
			    ar->id, gs(rp, "date") ? gs(rp, "date") : ""),
			    gs(rp, "date"), at_body ? at_body : gs(a, "body"),
			    fl ? fl : samv_xstrdup(""));
			s->path = ar->path;
			s->pred = PRED_REPORT;
			s->key = gs(rp, "date");
		}
	}
	free(asgs);
	if (nof(samv_node_get(n, "recommend")) == 0)
		return;
	ps = principals_seq(r);
	rec_fill(c, d, &row);
	for (i = 0; i < nof(ps); i++) {
		const char *p = gs(at(ps, i), "id");
		struct step *s;

		if (row.st[i] == AD_NONE)
			continue;
		s = step_add(t, "adoption", samv_xasprintf("%s@%s", d->id, p),
		    gs(row.entry[i], "date"), NULL, samv_xasprintf("%s%s%s",
		    gs(at(ps, i), "name"), gs(row.entry[i], "by") ? ", " : "",
		    gs(row.entry[i], "by") ? gs(row.entry[i], "by") : ""));
		s->status = ad_key(row.st[i]);
		if (row.entry[i]) {
			s->path = d->path;
			s->pred = PRED_ADOPTION;
			s->key = p;
		}
	}
	rec_free_one(&row);
}

/* Does the record text buf hold what step s records? */
static int
holds(const struct step *s, const char *buf, size_t len)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = NULL;
	const struct samv_node *l;
	size_t i;
	int yes = 0;

	if (samv_doc_parse(&doc, s->path, buf, len, NULL, &d) < 0 ||
	    doc == NULL) {
		samv_diags_release(&d);
		return 0;
	}
	l = samv_node_get(doc->root, s->pred == PRED_ADOPTION ? "adoption" :
	    "reports");
	for (i = 0; i < nof(l) && !yes; i++) {
		if (s->pred == PRED_ADOPTION)
			yes = streq(gs(at(l, i), "principal"), s->key) &&
			    streq(gs(at(l, i), "status"), s->status);
		else
			yes = streq(gs(at(l, i), "date"), s->key);
	}
	samv_doc_free(doc);
	samv_diags_release(&d);
	return yes;
}

/* The samv root's path inside the work tree (allocated; "" at the top
 * or in a bare repository). */
static char *
root_prefix(git_repository *repo, const char *start)
{
	const char *wd = git_repository_workdir(repo);
	char *root = NULL, *wreal, *p;
	size_t n;

	if (wd == NULL || samv_find_root(start, &root) < 0)
		return samv_xstrdup("");
	wreal = realpath(wd, NULL);
	if (wreal == NULL) {
		free(root);
		return samv_xstrdup("");
	}
	n = strlen(wreal);
	if (strncmp(root, wreal, n) == 0 && root[n] == '/')
		p = samv_xasprintf("%s/", root + n + 1);
	else
		p = samv_xstrdup("");
	free(root);
	free(wreal);
	return p;
}

/*
 * For each step, the oldest commit (walking from rev or HEAD, parents
 * before children) whose tree records it: the file exists, or holds
 * that adoption or report. Whatever fails leaves the commit out.
 */
static void
trace_commits(struct trace *t, const struct samv_trace_git *g)
{
	git_repository *repo = NULL;
	git_revwalk *walk = NULL;
	git_object *obj = NULL;
	git_oid oid, *last = NULL;
	char *prefix = NULL;
	int *have = NULL;
	size_t i;

	if (g == NULL || t->n == 0)
		return;
	samv_git_init();
	if (git_repository_open_ext(&repo, g->start ? g->start : ".",
	    GIT_REPOSITORY_OPEN_FROM_ENV, NULL) < 0)
		goto out;
	prefix = root_prefix(repo, g->start ? g->start : ".");
	if (git_revwalk_new(&walk, repo) < 0)
		goto out;
	git_revwalk_sorting(walk, GIT_SORT_TOPOLOGICAL | GIT_SORT_TIME |
	    GIT_SORT_REVERSE);
	if (g->rev) {
		git_object *peeled = NULL;
		int bad = git_revparse_single(&obj, repo, g->rev) < 0 ||
		    git_object_peel(&peeled, obj, GIT_OBJECT_COMMIT) < 0 ||
		    git_revwalk_push(walk, git_object_id(peeled)) < 0;

		git_object_free(peeled);
		if (bad)
			goto out;
	} else if (git_revwalk_push_head(walk) < 0)
		goto out;
	last = samv_xcalloc(t->n, sizeof(*last));
	have = samv_xcalloc(t->n, sizeof(*have));
	while (git_revwalk_next(&oid, walk) == 0) {
		git_commit *commit = NULL;
		git_tree *tree = NULL;

		if (git_commit_lookup(&commit, repo, &oid) < 0)
			continue;
		if (git_commit_tree(&tree, commit) < 0) {
			git_commit_free(commit);
			continue;
		}
		for (i = 0; i < t->n; i++) {
			struct step *s = &t->v[i];
			git_tree_entry *e = NULL;
			char *full;
			int found = 0;

			if (s->pred == PRED_NONE || s->commit[0])
				continue;
			full = samv_xasprintf("%s%s", prefix, s->path);
			if (git_tree_entry_bypath(&e, tree, full) < 0) {
				have[i] = 0;
				free(full);
				continue;
			}
			free(full);
			if (have[i] && git_oid_equal(&last[i],
			    git_tree_entry_id(e))) {
				git_tree_entry_free(e);
				continue;
			}
			git_oid_cpy(&last[i], git_tree_entry_id(e));
			have[i] = 1;
			if (s->pred == PRED_EXISTS)
				found = 1;
			else {
				git_blob *blob = NULL;

				if (git_blob_lookup(&blob, repo,
				    git_tree_entry_id(e)) == 0) {
					found = holds(s,
					    git_blob_rawcontent(blob),
					    (size_t)git_blob_rawsize(blob));
					git_blob_free(blob);
				}
			}
			git_tree_entry_free(e);
			if (found) {
				const git_signature *cs =
				    git_commit_committer(commit);
				long long secs = (long long)cs->when.time +
				    (long long)cs->when.offset * 60;
				samv_day day = (samv_day)(secs >= 0 ?
				    secs / 86400 : -((-secs + 86399) / 86400));

				git_oid_tostr(s->commit, 8, &oid);
				samv_date_format(day, s->cdate);
			}
		}
		git_tree_free(tree);
		git_commit_free(commit);
	}
out:
	free(last);
	free(have);
	free(prefix);
	git_object_free(obj);
	git_revwalk_free(walk);
	git_repository_free(repo);
}

static const char *
step_label(const struct ctx *c, const char *k)
{
	if (streq(k, "proposal"))
		return L(c, SAMV_L_R_TR_PROPOSAL);
	if (streq(k, "item"))
		return L(c, SAMV_L_R_TR_ITEM);
	if (streq(k, "decision"))
		return L(c, SAMV_L_R_TR_DECISION);
	if (streq(k, "assignment"))
		return L(c, SAMV_L_R_TR_ASSIGNMENT);
	if (streq(k, "report"))
		return L(c, SAMV_L_R_TR_REPORT);
	return L(c, SAMV_L_R_TR_ADOPTION);
}

int
samv_trace_render(struct samv_buf *out, const struct samv_repo *r,
    const char *id, const struct samv_trace_git *git, enum samv_format fmt,
    char **err)
{
	struct samv_report_opts o;
	struct ctx c;
	struct trace t;
	const struct samv_record *d = NULL, *a = NULL, *prop = NULL;
	const struct samv_node *it = NULL;
	const struct samv_record **ds;
	struct ref_is want;
	char *cid = NULL, *mid = NULL;
	const char *hash;
	long item = 0;
	size_t i, nd;
	int rc = 0;

	*err = NULL;
	memset(&o, 0, sizeof(o));
	ctx_init(&c, r, &o);
	memset(&t, 0, sizeof(t));
	t.c = &c;
	if ((hash = strchr(id, '#')) != NULL) {
		char *m = samv_xstrndup(id, (size_t)(hash - id)), *end;

		item = strtol(hash + 1, &end, 10);
		if (samv_id_canonical(SAMV_KIND_MEETING, m, &mid) == 0 &&
		    *end == '\0' && item >= 1)
			it = meeting_item(r, mid, item);
		free(m);
	} else if ((cid = canon(SAMV_KIND_DECISION, id)) != NULL &&
	    (d = samv_repo_get(r, SAMV_KIND_DECISION, cid)) != NULL) {
		;
	} else {
		free(cid);
		if ((cid = canon(SAMV_KIND_ASSIGNMENT, id)) != NULL &&
		    (a = samv_repo_get(r, SAMV_KIND_ASSIGNMENT, cid)) != NULL) {
			char *did = canon(SAMV_KIND_DECISION,
			    gs(samv_record_root(a), "decision"));

			d = did ? samv_repo_get(r, SAMV_KIND_DECISION, did) :
			    NULL;
			free(did);
		}
	}
	if (d && samv_record_root(d) == NULL)
		d = NULL;
	if (d == NULL && a == NULL && it == NULL) {
		*err = samv_xasprintf("'%s' names no decision, assignment or "
		    "meeting item (MEETING#N)", id);
		free(cid);
		free(mid);
		return -1;
	}

	if (it != NULL) {
		size_t before;

		prop = item_proposal(r, it);
		if (prop)
			trace_decision_step(&t, "proposal", prop);
		before = t.n;
		want.kind = SAMV_KIND_MEETING;
		want.id = mid;
		ds = matching(r, SAMV_KIND_DECISION, "meeting", refers_to,
		    &want, &nd);
		for (i = 0; i < nd; i++) {
			const struct samv_node *n = samv_record_root(ds[i]);
			long long k;

			if (n && streq(gs(n, "meeting"), mid) &&
			    samv_node_int(samv_node_get(n, "item"), &k) == 0 &&
			    k == item)
				trace_from_decision(&t, ds[i], NULL);
		}
		free(ds);
		if (t.n == before) {
			const struct samv_record *mr = samv_repo_get(r,
			    SAMV_KIND_MEETING, mid);
			const struct samv_node *m = samv_record_root(mr);
			struct step *s = step_add(&t, "item",
			    samv_xasprintf("%s#%ld", mid, item),
			    gs(m, "date"), gs(m, "body"),
			    samv_xasprintf("%s %ld. %s", L(&c, SAMV_L_ITEM_N),
			    item, gs(it, "title") ? gs(it, "title") : ""));

			s->path = mr->path;
			s->pred = PRED_EXISTS;
		}
	} else if (d && streq(gs(samv_record_root(d), "kind"), "proposal")) {
		trace_decision_step(&t, "proposal", d);
		/* the decisions taken on the items it became */
		ds = matching(r, SAMV_KIND_DECISION, "item", is_set, NULL,
		    &nd);
		for (i = 0; i < nd; i++) {
			const struct samv_node *n = samv_record_root(ds[i]),
			    *from;
			long long k;

			if (n == NULL || ds[i] == d ||
			    samv_node_int(samv_node_get(n, "item"), &k) < 0)
				continue;
			from = meeting_item(r, gs(n, "meeting"), (long)k);
			if (from && item_proposal(r, from) == d)
				trace_from_decision(&t, ds[i], NULL);
		}
		free(ds);
	} else if (d) {
		const struct samv_node *n = samv_record_root(d);
		long long k;

		if (samv_node_int(samv_node_get(n, "item"), &k) == 0 &&
		    (it = meeting_item(r, gs(n, "meeting"), (long)k)) &&
		    (prop = item_proposal(r, it)) != NULL)
			trace_decision_step(&t, "proposal", prop);
		trace_from_decision(&t, d, a);
	} else {
		const struct samv_node *n = samv_record_root(a);
		struct step *s = step_add(&t, "assignment",
		    samv_xstrdup(a->id), gs(n, "given"), gs(n, "body"),
		    samv_xstrdup(gs(n, "title") ? gs(n, "title") : ""));

		s->status = gs(n, "status");
		s->path = a->path;
		s->pred = PRED_EXISTS;
	}
	trace_commits(&t, git);

	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		json_begin(&c, &w, out, "trace", 0);
		samv_jsonw_str(&w, "id", cid ? cid : id);
		samv_jsonw_array(&w, "steps");
		for (i = 0; i < t.n; i++) {
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "step", t.v[i].step);
			samv_jsonw_str(&w, "id", t.v[i].id);
			samv_jsonw_str(&w, "date", t.v[i].date);
			samv_jsonw_str(&w, "organization", t.v[i].body);
			samv_jsonw_str(&w, "name", t.v[i].name);
			samv_jsonw_str(&w, "status", t.v[i].status);
			if (t.v[i].commit[0]) {
				samv_jsonw_object(&w, "commit");
				samv_jsonw_str(&w, "id", t.v[i].commit);
				samv_jsonw_str(&w, "date", t.v[i].cdate);
				samv_jsonw_end(&w, '}');
			}
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		json_end(&w);
	} else {
		char *title = samv_xasprintf("%s – %s",
		    L(&c, SAMV_L_R_RPT_TRACE), cid ? cid : id);
		cmark_node *doc = begin_doc(&c, title, 0), *tb;
		const char *head[6] = { L(&c, SAMV_L_R_STEP), L(&c,
		    SAMV_L_DATE), L(&c, SAMV_L_R_BODY), L(&c, SAMV_L_R_DETAILS),
		    L(&c, SAMV_L_STATUS), L(&c, SAMV_L_R_COMMIT) };

		tb = samv_render_table(doc, 6, head);
		for (i = 0; i < t.n; i++) {
			const struct step *s = &t.v[i];
			char *cm = s->commit[0] ? samv_xasprintf("%s (%s)",
			    s->commit, s->cdate) : NULL;
			const char *st = streq(s->step, "adoption") ?
			    ad_label(&c, ad_parse(s->status)) :
			    streq(s->step, "assignment") ?
			    status_label(&c, s->status) : NULL;
			const char *cells[6];

			cells[0] = step_label(&c, s->step);
			cells[1] = s->date;
			cells[2] = s->body ? samv_repo_body_name(r, s->body) : NULL;
			cells[3] = s->name;
			cells[4] = st;
			cells[5] = cm;
			samv_render_row(tb, cells, SAMV_CELL_PLAIN);
			free(cm);
		}
		rc = finish(&c, out, doc, fmt, title, err);
		free(title);
	}
	for (i = 0; i < t.n; i++) {
		free(t.v[i].id);
		free(t.v[i].name);
	}
	free(t.v);
	free(cid);
	free(mid);
	return rc;
}
