/* rules.c - references, numbering, times, membership, rotation, quorum */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "decision.h"
#include "rules.h"
#include "util.h"

const struct samv_rule_info samv_rules[] = {
	{ "yaml", SAMV_ERROR, "YAML syntax error, tag, or empty document" },
	{ "yaml-alias", SAMV_ERROR, "anchor or alias in a record" },
	{ "yaml-duplicate-key", SAMV_ERROR, "the same key twice in a mapping" },
	{ "yaml-utf8", SAMV_ERROR, "invalid UTF-8, NUL or control character" },
	{ "yaml-depth", SAMV_ERROR, "nesting deeper than 64 levels" },
	{ "yaml-size", SAMV_ERROR, "file larger than 1 MiB" },
	{ "yaml-multidoc", SAMV_ERROR, "more than one YAML document" },
	{ "io", SAMV_ERROR, "a file could not be read" },
	{ "symlink", SAMV_ERROR, "symbolic link inside the repository" },
	{ "unknown-file", SAMV_WARNING, "file that is not a record" },
	{ "schema", SAMV_ERROR, "the record does not match its schema" },
	{ "path-id", SAMV_ERROR, "file path and the ids inside disagree" },
	{ "ref", SAMV_ERROR, "a reference to a record that does not exist" },
	{ "paragraph-unique", SAMV_ERROR, "a § number used twice" },
	{ "paragraph-gap", SAMV_ERROR, "§ numbers of a body and year have a gap" },
	{ "assignment-complete", SAMV_ERROR,
	    "assignment without task, assignee, report-back or recipient" },
	{ "agenda-time", SAMV_ERROR, "agenda time outside the meeting" },
	{ "agenda-overlap", SAMV_ERROR,
	    "agenda items or breaks overlap or run backwards" },
	{ "agenda-lead-time", SAMV_WARNING,
	    "agenda published later than the body's days ahead" },
	{ "attendee", SAMV_ERROR,
	    "attendee is not a member on that date nor listed as other" },
	{ "rotation-sides", SAMV_ERROR,
	    "chair and secretary from the same side in one year" },
	{ "rotation-alternate", SAMV_WARNING,
	    "a rotating role stayed on the same side two periods running" },
	{ "political-mandate", SAMV_ERROR,
	    "non-political body took a political decision" },
	{ "recommendation-principals", SAMV_ERROR,
	    "recommendation that names no principals" },
	{ "adoption-principal", SAMV_ERROR,
	    "adoption recorded for a principal not recommended" },
	{ "quorum", SAMV_ERROR,
	    "political body decided without more than half its members" },
	{ "personnummer", SAMV_ERROR, "Swedish personal identity number" },
	{ "merge-conflict", SAMV_ERROR,
	    "unresolved git merge conflict in a record" },
	{ "locked", SAMV_ERROR,
	    "an adjusted protocol changed other than by a correction" },
	{ "adjustment-late", SAMV_WARNING,
	    "protocol adjusted later than the body's adjustment days" },
	{ "correction", SAMV_ERROR,
	    "a correction that names no earlier decision" },
	{ "vote-count", SAMV_ERROR,
	    "votes that do not add up to those present" },
	{ NULL, SAMV_ERROR, NULL }
};

struct ctx {
	const struct samv_repo *r;
	struct samv_diags *d;
	samv_day today;		/* only its year is used: the check cache
				 * (lib/check.c) is keyed on the year */
};

static void
report(struct ctx *c, const struct samv_record *rec, const struct samv_node *n,
    enum samv_severity sev, const char *rule, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
report(struct ctx *c, const struct samv_record *rec, const struct samv_node *n,
    enum samv_severity sev, const char *rule, const char *fmt, ...)
{
	va_list ap;
	unsigned line = 1, col = 1;

	if (n != NULL) {
		line = n->span.line;
		col = n->span.col;
	}
	va_start(ap, fmt);
	samv_diags_vadd(c->d, rec->path, line, col, sev, rule, fmt, ap);
	va_end(ap);
}

static const struct samv_node *
get(const struct samv_node *n, const char *key)
{
	return samv_node_get(n, key);
}

static const char *
str(const struct samv_node *n, const char *key)
{
	return samv_node_getstr(n, key);
}

static size_t
len_of(const struct samv_node *seq)
{
	return seq && seq->kind == SAMV_NODE_SEQ ? seq->n_items : 0;
}

static const struct samv_node *
item(const struct samv_node *seq, size_t i)
{
	return seq->items[i];
}

static int
date_of(const struct samv_node *n, samv_day *out)
{
	return samv_date_parse(samv_node_str(n), out);
}

static const struct samv_node *
body_root(struct ctx *c, const char *id)
{
	return samv_record_root(samv_repo_get(c->r, SAMV_KIND_BODY, id));
}

/* --- references ------------------------------------------------------ */

static void
ref_kind(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *n, enum samv_kind kind, const char *what)
{
	const char *v = samv_node_str(n);
	char *canon = NULL;

	if (v == NULL)
		return;
	if (samv_id_canonical(kind, v, &canon) < 0 ||
	    !samv_repo_has(c->r, kind, canon))
		report(c, rec, n, SAMV_ERROR, "ref", "%s '%s' does not exist",
		    what, v);
	free(canon);
}

static void
ref_body_list(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *n)
{
	size_t i;

	if (n && n->kind == SAMV_NODE_SCALAR)
		ref_kind(c, rec, n, SAMV_KIND_BODY, "body");
	for (i = 0; i < len_of(n); i++)
		ref_kind(c, rec, item(n, i), SAMV_KIND_BODY, "body");
}

static int
is_principal(struct ctx *c, const char *id)
{
	return samv_map_get(&c->r->principals, id) != NULL;
}

static int
is_group(struct ctx *c, const char *id)
{
	return samv_map_get(&c->r->groups, id) != NULL;
}

static void
ref_principal(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *n, int groups_ok)
{
	const char *v = samv_node_str(n);

	if (v == NULL || is_principal(c, v))
		return;
	if (is_group(c, v)) {
		if (!groups_ok)
			report(c, rec, n, SAMV_ERROR, "ref", "'%s' is a group; "
			    "name a single principal here", v);
		return;
	}
	report(c, rec, n, SAMV_ERROR, "ref",
	    "principal '%s' is not declared in samv.yaml", v);
}

/* Any record id: decision, assignment, meeting or body. */
static void
ref_any(struct ctx *c, const struct samv_record *rec, const struct samv_node *n)
{
	const char *v = samv_node_str(n);
	static const enum samv_kind kinds[] = { SAMV_KIND_DECISION,
	    SAMV_KIND_ASSIGNMENT, SAMV_KIND_MEETING, SAMV_KIND_BODY };
	size_t k;

	if (v == NULL)
		return;
	for (k = 0; k < sizeof(kinds) / sizeof(kinds[0]); k++) {
		char *canon = NULL;
		int found = samv_id_canonical(kinds[k], v, &canon) == 0 &&
		    samv_repo_has(c->r, kinds[k], canon);

		free(canon);
		if (found)
			return;
	}
	report(c, rec, n, SAMV_ERROR, "ref", "'%s' is not a known record id", v);
}

/* --- members --------------------------------------------------------- */

static int
member_active(const struct samv_node *m, samv_day day)
{
	samv_day from, to;

	if (date_of(get(m, "from"), &from) == 0 && day < from)
		return 0;
	if (date_of(get(m, "to"), &to) == 0 && day > to)
		return 0;
	return 1;
}

static int
voting_role(const char *role)
{
	return role && (strcmp(role, "member") == 0 ||
	    strcmp(role, "chair") == 0 || strstr(role, "vice-chair") != NULL);
}

/* The member named name active on day, or NULL. */
static const struct samv_node *
find_member(const struct samv_node *body, const char *name, samv_day day)
{
	const struct samv_node *ms = get(body, "members");
	size_t i;

	for (i = 0; i < len_of(ms); i++) {
		const char *mn = str(item(ms, i), "name");

		if (mn && strcmp(mn, name) == 0 && member_active(item(ms, i),
		    day))
			return item(ms, i);
	}
	return NULL;
}

/* "region", "municipality", "other", or NULL when unknown or mixed. */
static const char *
side_of(struct ctx *c, const char *principal)
{
	const struct samv_node *p, *g, *ms;
	const char *side = NULL;
	size_t i;

	if (principal == NULL)
		return NULL;
	if ((p = samv_map_get(&c->r->principals, principal)) != NULL)
		return str(p, "side");
	if ((g = samv_map_get(&c->r->groups, principal)) == NULL)
		return NULL;
	ms = get(g, "members");
	for (i = 0; i < len_of(ms); i++) {
		const char *s = side_of(c, samv_node_str(item(ms, i)));

		if (s == NULL || (side && strcmp(side, s) != 0))
			return NULL;
		side = s;
	}
	return side;
}

/* --- per kind -------------------------------------------------------- */

static void
check_config(struct ctx *c, const struct samv_record *rec)
{
	const struct samv_node *root = samv_record_root(rec), *gs;
	size_t i, j;

	if (root == NULL)
		return;
	gs = get(root, "groups");
	for (i = 0; i < len_of(gs); i++) {
		const struct samv_node *ms = get(item(gs, i), "members");
		const char *gid = str(item(gs, i), "id");

		if (gid && is_principal(c, gid))
			report(c, rec, get(item(gs, i), "id"), SAMV_ERROR,
			    "ref", "group '%s' has the id of a principal", gid);
		for (j = 0; j < len_of(ms); j++)
			ref_principal(c, rec, item(ms, j), 0);
	}
}

static void
check_rotation(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root)
{
	const struct samv_node *rot = get(root, "rotation"), *ms, *roles;
	int period = 1, diff, y, miny = 9999, maxy = 0, ty, tm, td;
	long long pv;
	size_t i, r;
	/* per year: sides of chair [0] and secretary [1], and a witness */
	enum { MAXY = 80 };
	const char *sides[MAXY][2];
	const struct samv_node *who[MAXY][2];
	int conflict[MAXY][2];

	if (rot == NULL || (ms = get(root, "members")) == NULL)
		return;
	if (samv_node_int(get(rot, "period_years"), &pv) == 0 && pv > 0 &&
	    pv < 10)
		period = (int)pv;
	diff = samv_node_bool(get(rot, "different_sides")) == 1;
	roles = get(rot, "roles");
	samv_date_to_ymd(c->today, &ty, &tm, &td);
	for (i = 0; i < len_of(ms); i++) {
		samv_day f;
		int fy, x;

		if (date_of(get(item(ms, i), "from"), &f) == 0) {
			samv_date_to_ymd(f, &fy, &x, &x);
			if (fy < miny)
				miny = fy;
		}
	}
	if (miny == 9999)
		return;
	maxy = ty > miny ? ty : miny;
	for (i = 0; i < len_of(ms); i++) {
		samv_day t;
		int y2, x;

		if (date_of(get(item(ms, i), "to"), &t) == 0) {
			samv_date_to_ymd(t, &y2, &x, &x);
			if (y2 > maxy)
				maxy = y2;
		}
	}
	if (maxy - miny >= MAXY)
		miny = maxy - MAXY + 1;
	memset(sides, 0, sizeof(sides));
	memset(who, 0, sizeof(who));
	memset(conflict, 0, sizeof(conflict));
	for (i = 0; i < len_of(ms); i++) {
		const struct samv_node *m = item(ms, i);
		const char *role = str(m, "role");
		const char *side = side_of(c, str(m, "principal"));
		samv_day f, t;
		int fy, ty2, x, k;

		if (role == NULL || side == NULL)
			continue;
		if (strcmp(role, "chair") == 0)
			k = 0;
		else if (strcmp(role, "secretary") == 0)
			k = 1;
		else
			continue;
		if (date_of(get(m, "from"), &f) < 0)
			continue;
		samv_date_to_ymd(f, &fy, &x, &x);
		if (date_of(get(m, "to"), &t) == 0)
			samv_date_to_ymd(t, &ty2, &x, &x);
		else
			ty2 = maxy;
		for (y = fy < miny ? miny : fy; y <= ty2 && y <= maxy; y++) {
			if (sides[y - miny][k] && strcmp(sides[y - miny][k],
			    side) != 0)
				conflict[y - miny][k] = 1;
			sides[y - miny][k] = side;
			who[y - miny][k] = m;
		}
	}
	for (y = miny; y <= maxy; y++) {
		const char *cs = sides[y - miny][0], *ss = sides[y - miny][1];

		if (diff && cs && ss && !conflict[y - miny][0] &&
		    !conflict[y - miny][1] && strcmp(cs, ss) == 0)
			report(c, rec, who[y - miny][1], SAMV_ERROR,
			    "rotation-sides", "in %d the chair (%s) and the "
			    "secretary (%s) are both from the %s side", y,
			    str(who[y - miny][0], "name"),
			    str(who[y - miny][1], "name"), cs);
	}
	/* alternation: compare each period with the one before */
	for (r = 0; r < 2; r++) {
		const char *role = r == 0 ? "chair" : "secretary";
		size_t j;
		int listed = roles == NULL;

		for (j = 0; j < len_of(roles); j++)
			if (samv_node_str(item(roles, j)) &&
			    strcmp(samv_node_str(item(roles, j)), role) == 0)
				listed = 1;
		if (!listed)
			continue;
		for (y = miny + period; y <= maxy; y++) {
			const char *now = sides[y - miny][r];
			const char *before = sides[y - period - miny][r];

			if ((y - miny) % period != 0 || now == NULL ||
			    before == NULL || conflict[y - miny][r] ||
			    conflict[y - period - miny][r] ||
			    strcmp(now, before) != 0 ||
			    who[y - miny][r] == who[y - period - miny][r])
				continue;
			report(c, rec, who[y - miny][r], SAMV_WARNING,
			    "rotation-alternate", "the %s in %d (%s) is from "
			    "the %s side again; the role alternates between "
			    "sides", role, y, str(who[y - miny][r], "name"),
			    now);
		}
	}
}

static void
check_body(struct ctx *c, const struct samv_record *rec)
{
	const struct samv_node *root = samv_record_root(rec), *l, *n;
	static const char *const rel[] = { "prepares_for", "commissioned_by",
	    "implements", "reports_to", "escalates_to" };
	size_t i, j;
	const char *v;

	if (root == NULL)
		return;
	if ((v = str(root, "id")) && strcmp(v, rec->id) != 0)
		report(c, rec, get(root, "id"), SAMV_ERROR, "path-id",
		    "id '%s' does not match the file name (expected '%s')", v,
		    rec->id);
	for (i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		n = get(root, rel[i]);
		ref_body_list(c, rec, n);
		if (n && n->kind == SAMV_NODE_SCALAR && samv_node_str(n) &&
		    strcmp(samv_node_str(n), rec->id) == 0)
			report(c, rec, n, SAMV_ERROR, "ref",
			    "a body cannot relate to itself");
		for (j = 0; j < len_of(n); j++)
			if (samv_node_str(item(n, j)) &&
			    strcmp(samv_node_str(item(n, j)), rec->id) == 0)
				report(c, rec, item(n, j), SAMV_ERROR, "ref",
				    "a body cannot relate to itself");
	}
	ref_principal(c, rec, get(root, "principal"), 0);
	l = get(root, "representation");
	for (i = 0; i < len_of(l); i++)
		ref_principal(c, rec, get(item(l, i), "principal"), 1);
	l = get(root, "members");
	for (i = 0; i < len_of(l); i++) {
		samv_day f, t;

		ref_principal(c, rec, get(item(l, i), "principal"), 1);
		if (date_of(get(item(l, i), "from"), &f) == 0 &&
		    date_of(get(item(l, i), "to"), &t) == 0 && t < f)
			report(c, rec, get(item(l, i), "to"), SAMV_ERROR,
			    "schema", "term ends before it starts");
	}
	if ((v = str(root, "decided_by")) != NULL && strchr(v, '/') &&
	    strchr(v, ' ') == NULL)
		ref_kind(c, rec, get(root, "decided_by"), SAMV_KIND_DECISION,
		    "decision");
	check_rotation(c, rec, root);
}

static int
time_of(const struct samv_node *n, int *m)
{
	return samv_time_parse(samv_node_str(n), m);
}

static void
check_agenda_times(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root)
{
	const struct samv_node *ag = get(root, "agenda"), *items, *breaks;
	int ms = -1, me = -1, prev = -1, prev_end = -1, t, i2;
	size_t i, j, prev_i = 0;
	long long dur;
	char b1[6], b2[6];

	if (ag == NULL)
		return;
	items = get(ag, "items");
	breaks = get(ag, "breaks");
	if (time_of(get(root, "start"), &t) == 0)
		ms = t;
	if (time_of(get(root, "end"), &t) == 0)
		me = t;
	if (ms >= 0 && me >= 0 && me < ms)
		report(c, rec, get(root, "end"), SAMV_ERROR, "agenda-time",
		    "the meeting ends before it starts");
	for (j = 0; j < len_of(breaks); j++) {
		const struct samv_node *bk = item(breaks, j);
		int bs, be;

		if (time_of(get(bk, "start"), &bs) < 0 ||
		    time_of(get(bk, "end"), &be) < 0)
			continue;
		if (be <= bs)
			report(c, rec, get(bk, "end"), SAMV_ERROR,
			    "agenda-overlap", "the break ends before it starts");
		if ((ms >= 0 && bs < ms) || (me >= 0 && be > me))
			report(c, rec, bk, SAMV_ERROR, "agenda-time",
			    "the break is outside the meeting's time");
	}
	for (i = 0; i < len_of(items); i++) {
		const struct samv_node *it = item(items, i), *st = get(it,
		    "start");
		int end = -1;

		if (time_of(st, &t) < 0)
			continue;
		/* formatted only for a finding: most items have none */
		if ((ms >= 0 && t < ms) || (me >= 0 && t > me) ||
		    (prev >= 0 && t < prev) || (prev_end >= 0 && t < prev_end))
			samv_time_format(t, b1);
		if ((ms >= 0 && t < ms) || (me >= 0 && t > me)) {
			char b3[6], b4[6];

			samv_time_format(ms, b3);
			samv_time_format(me, b4);
			report(c, rec, st, SAMV_ERROR, "agenda-time",
			    "item %zu starts at %s, outside the meeting "
			    "(%s-%s)", i + 1, b1, ms >= 0 ? b3 : "?",
			    me >= 0 ? b4 : "?");
		}
		if (prev >= 0 && t < prev) {
			samv_time_format(prev, b2);
			report(c, rec, st, SAMV_ERROR, "agenda-overlap",
			    "item %zu starts at %s, before item %zu (%s)",
			    i + 1, b1, prev_i + 1, b2);
		} else if (prev_end >= 0 && t < prev_end) {
			samv_time_format(prev_end, b2);
			report(c, rec, st, SAMV_ERROR, "agenda-overlap",
			    "item %zu starts at %s, before item %zu ends (%s)",
			    i + 1, b1, prev_i + 1, b2);
		}
		if (samv_node_int(get(it, "minutes"), &dur) == 0 && dur >= 0 &&
		    dur < 24 * 60) {
			end = t + (int)dur;
			if (me >= 0 && end > me) {
				samv_time_format(me, b2);
				report(c, rec, get(it, "minutes"), SAMV_WARNING,
				    "agenda-time", "item %zu runs past the "
				    "meeting's end (%s)", i + 1, b2);
			}
		}
		for (j = 0; j < len_of(breaks); j++) {
			int bs, be;

			if (time_of(get(item(breaks, j), "start"), &bs) < 0 ||
			    time_of(get(item(breaks, j), "end"), &be) < 0)
				continue;
			if ((t > bs && t < be) || (end > bs && t < bs)) {
				samv_time_format(bs, b2);
				i2 = (int)i + 1;
				report(c, rec, st, SAMV_ERROR,
				    "agenda-overlap", "item %d overlaps the "
				    "break at %s", i2, b2);
			}
		}
		prev = t;
		prev_end = end;
		prev_i = i;
	}
}

static void
check_attendance(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root, const struct samv_node *body,
    samv_day day)
{
	const struct samv_node *att = get(root, "attendance"), *l, *n;
	static const char *const lists[] = { "present", "substitutes",
	    "substitutes_present", "absent" };
	size_t i, j;
	char date[11];

	if (body == NULL || get(body, "members") == NULL)
		return;	/* membership not kept in this repository */
	samv_date_format(day, date);
	n = get(root, "chair");
	if (samv_node_str(n) && !find_member(body, samv_node_str(n), day))
		report(c, rec, n, SAMV_ERROR, "attendee", "chair '%s' is not a "
		    "member of %s on %s", samv_node_str(n), str(root, "body"),
		    date);
	if (att == NULL)
		return;
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		l = get(att, lists[i]);
		for (j = 0; j < len_of(l); j++) {
			n = item(l, j);
			if (n->kind == SAMV_NODE_MAP)
				n = get(n, "name");
			if (samv_node_str(n) == NULL ||
			    find_member(body, samv_node_str(n), day))
				continue;
			report(c, rec, n, SAMV_ERROR, "attendee", "'%s' is not "
			    "a member of %s on %s; list others under "
			    "attendance.others", samv_node_str(n),
			    str(root, "body"), date);
		}
	}
}

static long
days_ahead(struct ctx *c, const struct samv_node *body)
{
	long long v;

	if (samv_node_int(get(get(body, "agenda_rules"), "days_ahead"),
	    &v) == 0)
		return (long)v;
	if (samv_node_int(get(get(samv_record_root(c->r->config), "defaults"),
	    "agenda_days_ahead"), &v) == 0)
		return (long)v;
	return 7;
}

static long
adjustment_days(struct ctx *c, const struct samv_node *body)
{
	long long v;

	if (samv_node_int(get(get(body, "protocol_rules"), "adjustment_days"),
	    &v) == 0)
		return (long)v;
	if (samv_node_int(get(get(samv_record_root(c->r->config), "defaults"),
	    "adjustment_days"), &v) == 0)
		return (long)v;
	return 14;
}

/* Justering: on time, and the protocol unchanged since. */
static void
check_adjustment(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root, const struct samv_node *body,
    samv_day day)
{
	const struct samv_node *adj = get(root, "adjustment"), *dg;
	samv_day ad;
	char digest[41];

	if (adj == NULL)
		return;
	if (body && date_of(get(adj, "date"), &ad) == 0 &&
	    ad - day > adjustment_days(c, body))
		report(c, rec, get(adj, "date"), SAMV_WARNING,
		    "adjustment-late", "protocol adjusted %ld days after the "
		    "meeting; %s adjusts within %ld days", (long)(ad - day),
		    str(root, "body"), adjustment_days(c, body));
	dg = get(adj, "digest");
	if (samv_node_str(dg) == NULL)
		return;
	if (samv_protocol_digest(c->r, rec, digest) == 0 &&
	    strcmp(digest, samv_node_str(dg)) != 0)
		report(c, rec, dg, SAMV_ERROR, "locked", "the protocol of %s "
		    "was adjusted (justerat) on %s and has changed since: the "
		    "meeting or one of its decisions was edited; only a "
		    "correction decision at a later meeting (kind: correction, "
		    "corrects: …) may change it", rec->id,
		    str(adj, "date") ? str(adj, "date") : "?");
}

static void
check_meeting(struct ctx *c, const struct samv_record *rec)
{
	const struct samv_node *root = samv_record_root(rec), *body, *its;
	const char *b, *slash = strchr(rec->id, '/');
	samv_day day, pub;
	size_t i, j;

	if (root == NULL || slash == NULL)
		return;
	b = str(root, "body");
	if (b && (strlen(b) != (size_t)(slash - rec->id) ||
	    strncmp(b, rec->id, (size_t)(slash - rec->id)) != 0))
		report(c, rec, get(root, "body"), SAMV_ERROR, "path-id",
		    "body '%s' does not match the folder '%.*s'", b,
		    (int)(slash - rec->id), rec->id);
	else
		ref_kind(c, rec, get(root, "body"), SAMV_KIND_BODY, "body");
	if (str(root, "date") && strncmp(str(root, "date"), slash + 1, 10) != 0)
		report(c, rec, get(root, "date"), SAMV_ERROR, "path-id",
		    "date %s does not match the file name '%.10s'",
		    str(root, "date"), slash + 1);
	if (date_of(get(root, "date"), &day) < 0)
		return;
	body = b ? body_root(c, b) : NULL;
	check_agenda_times(c, rec, root);
	check_attendance(c, rec, root, body, day);
	its = get(get(root, "agenda"), "items");
	for (i = 0; i < len_of(its); i++) {
		const struct samv_node *refs = get(item(its, i), "refs");

		for (j = 0; j < len_of(refs); j++)
			ref_any(c, rec, item(refs, j));
		ref_kind(c, rec, get(item(its, i), "origin"),
		    SAMV_KIND_DECISION, "decision");
	}
	check_adjustment(c, rec, root, body, day);
	if (body && date_of(get(get(root, "agenda"), "published"), &pub) == 0) {
		long need = days_ahead(c, body);

		if (day - pub < need)
			report(c, rec, get(get(root, "agenda"), "published"),
			    SAMV_WARNING, "agenda-lead-time", "agenda "
			    "published %ld day%s before the meeting; %s "
			    "sends it at least %ld days ahead", day - pub,
			    day - pub == 1 ? "" : "s", b, need);
	}
}

/* Expands principal and group ids into a map of principal ids. */
static void
expand_principals(struct ctx *c, const struct samv_node *list,
    struct samv_map *out)
{
	size_t i, j;

	for (i = 0; i < len_of(list); i++) {
		const char *v = samv_node_str(item(list, i));
		const struct samv_node *g;

		if (v == NULL)
			continue;
		if ((g = samv_map_get(&c->r->groups, v)) != NULL) {
			const struct samv_node *ms = get(g, "members");

			for (j = 0; j < len_of(ms); j++)
				if (samv_node_str(item(ms, j)))
					samv_map_put(out,
					    samv_node_str(item(ms, j)), "");
		} else
			samv_map_put(out, v, "");
	}
}

static void
check_quorum(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root, const struct samv_node *body)
{
	const struct samv_record *mrec;
	const struct samv_node *m, *att, *ms, *l;
	char *mid = NULL;
	samv_day day;
	size_t i, total = 0, present = 0;

	if (samv_id_canonical(SAMV_KIND_MEETING, str(root, "meeting"),
	    &mid) < 0)
		return;
	mrec = samv_repo_get(c->r, SAMV_KIND_MEETING, mid);
	free(mid);
	if ((m = samv_record_root(mrec)) == NULL ||
	    (att = get(m, "attendance")) == NULL ||
	    date_of(get(m, "date"), &day) < 0 ||
	    (ms = get(body, "members")) == NULL)
		return;
	for (i = 0; i < len_of(ms); i++)
		if (voting_role(str(item(ms, i), "role")) &&
		    member_active(item(ms, i), day))
			total++;
	l = get(att, "present");
	for (i = 0; i < len_of(l); i++) {
		const struct samv_node *mem = samv_node_str(item(l, i)) ?
		    find_member(body, samv_node_str(item(l, i)), day) : NULL;

		if (mem && voting_role(str(mem, "role")))
			present++;
	}
	present += len_of(get(att, "substitutes"));
	if (total > 0 && present * 2 <= total)
		report(c, rec, get(root, "meeting"), SAMV_ERROR, "quorum",
		    "not quorate: %zu of %zu members took part (with serving "
		    "substitutes); more than half are needed", present, total);
}

static void
check_correction(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root)
{
	const char *kind = str(root, "kind");
	const struct samv_node *cor = get(root, "corrects");
	char *id = NULL;
	const struct samv_node *old;
	samv_day d1, d2;

	if (kind && strcmp(kind, "correction") == 0 && cor == NULL) {
		report(c, rec, get(root, "kind"), SAMV_ERROR, "correction",
		    "a correction names the decision it corrects (corrects: "
		    "BODY/YEAR/N)");
		return;
	}
	if (cor == NULL || samv_id_canonical(SAMV_KIND_DECISION,
	    samv_node_str(cor), &id) < 0)
		return;
	old = samv_record_root(samv_repo_get(c->r, SAMV_KIND_DECISION, id));
	if (strcmp(id, rec->id) == 0)
		report(c, rec, cor, SAMV_ERROR, "correction",
		    "a decision cannot correct itself");
	else if (old && date_of(get(old, "date"), &d1) == 0 &&
	    date_of(get(root, "date"), &d2) == 0 && d1 > d2)
		report(c, rec, cor, SAMV_ERROR, "correction", "%s was taken "
		    "after this decision; a correction comes later", id);
	free(id);
}

/* Votes add up to those taking part: present members and serving
 * substitutes of the meeting, when attendance is recorded. */
static void
check_votes(struct ctx *c, const struct samv_record *rec,
    const struct samv_node *root)
{
	const struct samv_node *proc = get(root, "procedure"), *v, *rc, *m,
	    *att;
	long long f = 0, a = 0, ab = 0;
	size_t present = 0, i, j;
	char *mid = NULL;
	int have_counts;

	if (proc == NULL)
		return;
	v = get(proc, "vote");
	rc = get(proc, "roll_call");
	have_counts = v != NULL;
	samv_node_int(get(v, "for"), &f);
	samv_node_int(get(v, "against"), &a);
	samv_node_int(get(v, "abstain"), &ab);
	if (rc && have_counts) {
		long long tf = 0, ta = 0, tab = 0;

		for (i = 0; i < len_of(rc); i++) {
			const char *vv = str(item(rc, i), "vote");

			if (vv && strcmp(vv, "for") == 0)
				tf++;
			else if (vv && strcmp(vv, "against") == 0)
				ta++;
			else if (vv)
				tab++;
		}
		if (tf != f || ta != a || tab != ab)
			report(c, rec, v, SAMV_ERROR, "vote-count", "the counts "
			    "(%lld for, %lld against, %lld abstaining) differ "
			    "from the roll call (%lld, %lld, %lld)", f, a, ab,
			    tf, ta, tab);
	}
	if (samv_id_canonical(SAMV_KIND_MEETING, str(root, "meeting"),
	    &mid) < 0)
		return;
	m = samv_record_root(samv_repo_get(c->r, SAMV_KIND_MEETING, mid));
	free(mid);
	if ((att = get(m, "attendance")) == NULL || get(att, "present") ==
	    NULL)
		return;
	present = len_of(get(att, "present")) + len_of(get(att,
	    "substitutes"));
	if (have_counts && (size_t)(f + a + ab) != present)
		report(c, rec, v, SAMV_ERROR, "vote-count", "%lld votes "
		    "(%lld for, %lld against, %lld abstaining) but %zu took "
		    "part in the meeting", f + a + ab, f, a, ab, present);
	if (rc && len_of(rc) != present)
		report(c, rec, rc, SAMV_ERROR, "vote-count", "the roll call "
		    "has %zu votes but %zu took part in the meeting",
		    len_of(rc), present);
	for (i = 0; i < len_of(rc); i++) {
		const char *name = str(item(rc, i), "name");
		int found = 0;
		const struct samv_node *l = get(att, "present"),
		    *s2 = get(att, "substitutes");

		for (j = 0; name && j < len_of(l); j++)
			if (samv_node_str(item(l, j)) &&
			    strcmp(samv_node_str(item(l, j)), name) == 0)
				found = 1;
		for (j = 0; name && j < len_of(s2); j++)
			if (str(item(s2, j), "name") &&
			    strcmp(str(item(s2, j), "name"), name) == 0)
				found = 1;
		if (name && !found)
			report(c, rec, get(item(rc, i), "name"), SAMV_ERROR,
			    "vote-count", "'%s' voted but is not recorded as "
			    "taking part in %s", name, str(root, "meeting"));
	}
}

struct para {
	long num;
	const struct samv_record *rec;
};

struct para_set {
	char *key;		/* body/year */
	struct para *v;
	size_t n, cap;
};

static int
paracmp(const void *a, const void *b)
{
	const struct para *x = a, *y = b;

	if (x->num != y->num)
		return x->num < y->num ? -1 : 1;
	return strcmp(x->rec->path, y->rec->path);
}

static void
check_decision(struct ctx *c, const struct samv_record *rec,
    struct samv_map *paras)
{
	const struct samv_node *root = samv_record_root(rec), *body, *n;
	const char *b, *kind, *slash = strchr(rec->id, '/'), *v, *ms;
	long long num;
	char year[5];
	struct para_set *ps;
	char *key;
	size_t i;

	if (root == NULL || slash == NULL)
		return;
	memcpy(year, slash + 1, 4);
	year[4] = '\0';
	b = str(root, "body");
	if (b && (strlen(b) != (size_t)(slash - rec->id) ||
	    strncmp(b, rec->id, (size_t)(slash - rec->id)) != 0))
		report(c, rec, get(root, "body"), SAMV_ERROR, "path-id",
		    "body '%s' does not match the folder '%.*s'", b,
		    (int)(slash - rec->id), rec->id);
	else
		ref_kind(c, rec, get(root, "body"), SAMV_KIND_BODY, "body");
	if (samv_node_int(get(root, "number"), &num) == 0 &&
	    num != strtol(strrchr(rec->id, '/') + 1, NULL, 10))
		report(c, rec, get(root, "number"), SAMV_ERROR, "path-id",
		    "§ %lld does not match the file name (§ %s)", num,
		    strrchr(rec->id, '/') + 1);
	if (str(root, "date") && strncmp(str(root, "date"), year, 4) != 0)
		report(c, rec, get(root, "date"), SAMV_ERROR, "path-id",
		    "date %s is not in %s, the year of the file's folder",
		    str(root, "date"), year);
	ref_kind(c, rec, get(root, "meeting"), SAMV_KIND_MEETING, "meeting");
	if ((v = str(root, "meeting")) != NULL && (ms = strchr(v, '/')) &&
	    ((size_t)(ms - v) != (size_t)(slash - rec->id) ||
	    strncmp(v, rec->id, (size_t)(slash - rec->id)) != 0))
		report(c, rec, get(root, "meeting"), SAMV_ERROR, "ref",
		    "meeting %s is not a meeting of %.*s: a decision is a § "
		    "of its own body's protocol", v, (int)(slash - rec->id),
		    rec->id);
	ref_kind(c, rec, get(root, "corrects"), SAMV_KIND_DECISION, "decision");
	ref_kind(c, rec, get(root, "to"), SAMV_KIND_BODY, "body");
	n = get(root, "recommend");
	for (i = 0; i < len_of(n); i++)
		ref_principal(c, rec, item(n, i), 1);

	/* the agenda item exists in that meeting */
	if (str(root, "meeting") && samv_node_int(get(root, "item"), &num) ==
	    0) {
		char *mid = NULL;
		const struct samv_node *m = NULL;

		if (samv_id_canonical(SAMV_KIND_MEETING, str(root, "meeting"),
		    &mid) == 0)
			m = samv_record_root(samv_repo_get(c->r,
			    SAMV_KIND_MEETING, mid));
		free(mid);
		if (m && (num < 1 || (size_t)num > len_of(get(get(m, "agenda"),
		    "items"))))
			report(c, rec, get(root, "item"), SAMV_ERROR, "ref",
			    "meeting %s has no agenda item %lld",
			    str(root, "meeting"), num);
	}

	body = b ? body_root(c, b) : NULL;
	kind = str(root, "kind");
	if (body && samv_node_bool(get(root, "political")) == 1 &&
	    samv_node_bool(get(body, "political")) == 0 && kind &&
	    strcmp(kind, "proposal") != 0) {
		const char *esc = str(body, "escalates_to");

		report(c, rec, get(root, "kind"), SAMV_ERROR,
		    "political-mandate", "%s is not a political body: a "
		    "question that needs a political stand goes as a "
		    "proposal (kind: proposal, to: %s)", b,
		    esc ? esc : "the body it escalates to");
	}
	if (kind && strcmp(kind, "recommendation") == 0 &&
	    len_of(get(root, "recommend")) == 0)
		report(c, rec, get(root, "kind"), SAMV_ERROR,
		    "recommendation-principals", "a recommendation names the "
		    "principals it is made to (recommend: …)");
	if (kind && strcmp(kind, "proposal") == 0 && get(root, "to") == NULL &&
	    body && get(body, "escalates_to") == NULL &&
	    len_of(get(body, "prepares_for")) == 0)
		report(c, rec, get(root, "kind"), SAMV_ERROR, "ref",
		    "a proposal names the body it goes to (to: …)");
	n = get(root, "adoption");
	if (len_of(n)) {
		struct samv_map rec_p = SAMV_MAP_INIT;

		expand_principals(c, get(root, "recommend"), &rec_p);
		for (i = 0; i < len_of(n); i++) {
			const struct samv_node *p = get(item(n, i), "principal");

			ref_principal(c, rec, p, 0);
			if (samv_node_str(p) && is_principal(c,
			    samv_node_str(p)) && !samv_map_get(&rec_p,
			    samv_node_str(p)))
				report(c, rec, p, SAMV_ERROR,
				    "adoption-principal", "'%s' was not among "
				    "the principals this decision recommends",
				    samv_node_str(p));
		}
		samv_map_release(&rec_p);
	}
	if (body && samv_node_bool(get(body, "political")) == 1)
		check_quorum(c, rec, root, body);
	check_correction(c, rec, root);
	check_votes(c, rec, root);

	/* collect for § numbering */
	if (b == NULL || samv_node_int(get(root, "number"), &num) < 0)
		return;
	key = samv_xasprintf("%s/%s", b, year);
	ps = samv_map_get(paras, key);
	if (ps == NULL) {
		ps = samv_xcalloc(1, sizeof(*ps));
		ps->key = key;
		samv_map_put(paras, ps->key, ps);
	} else
		free(key);
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->v = samv_xreallocarray(ps->v, ps->cap, sizeof(*ps->v));
	}
	ps->v[ps->n].num = (long)num;
	ps->v[ps->n].rec = rec;
	ps->n++;
}

static void
check_paragraphs(struct ctx *c, struct samv_map *paras)
{
	size_t i, j;

	for (i = 0; i < paras->cap; i++) {
		struct para_set *ps = paras->vals[i];
		const struct samv_node *body;
		char *b;
		long long first = 1;

		if (paras->keys[i] == NULL)
			continue;
		qsort(ps->v, ps->n, sizeof(*ps->v), paracmp);
		b = samv_id_body(ps->key);
		body = body_root(c, b);
		samv_node_int(get(get(get(body, "numbering"),
		    "first_paragraph"), strchr(ps->key, '/') + 1), &first);
		for (j = 0; j < ps->n; j++) {
			long expect = j == 0 ? (long)first : ps->v[j - 1].num + 1;

			if (j > 0 && ps->v[j].num == ps->v[j - 1].num) {
				report(c, ps->v[j].rec, NULL, SAMV_ERROR,
				    "paragraph-unique", "§ %ld of %s is also "
				    "recorded in %s; renumber one of them (only "
				    "possible before justering)", ps->v[j].num,
				    ps->key, ps->v[j - 1].rec->path);
				continue;
			}
			if (ps->v[j].num != expect)
				report(c, ps->v[j].rec, NULL, SAMV_ERROR,
				    "paragraph-gap", "§ %ld of %s follows %s%ld: "
				    "§§ must be gap-free (missing § %ld)",
				    ps->v[j].num, ps->key,
				    j == 0 ? "the year's start at § " : "§ ",
				    j == 0 ? (long)first : ps->v[j - 1].num,
				    expect);
		}
		free(b);
		free(ps->v);
		free(ps->key);
		free(ps);
	}
}

static void
check_assignment(struct ctx *c, const struct samv_record *rec)
{
	const struct samv_node *root = samv_record_root(rec), *a, *n;
	const char *b, *slash = strchr(rec->id, '/');
	struct samv_buf miss = SAMV_BUF_INIT;
	size_t i;

	if (root == NULL || slash == NULL)
		return;
	b = str(root, "body");
	if (b && (strlen(b) != (size_t)(slash - rec->id) ||
	    strncmp(b, rec->id, (size_t)(slash - rec->id)) != 0))
		report(c, rec, get(root, "body"), SAMV_ERROR, "path-id",
		    "body '%s' does not match the folder '%.*s'", b,
		    (int)(slash - rec->id), rec->id);
	else
		ref_kind(c, rec, get(root, "body"), SAMV_KIND_BODY, "body");
	if (str(root, "given") && strncmp(str(root, "given"), slash + 1, 4) != 0)
		report(c, rec, get(root, "given"), SAMV_ERROR, "path-id",
		    "given %s is not in %.4s, the year of the file's folder",
		    str(root, "given"), slash + 1);
	ref_kind(c, rec, get(root, "decision"), SAMV_KIND_DECISION, "decision");
	ref_kind(c, rec, get(root, "report_to"), SAMV_KIND_BODY, "body");
	ref_kind(c, rec, get(root, "plan"), SAMV_KIND_ASSIGNMENT, "plan");
	a = get(root, "assignee");
	ref_kind(c, rec, get(a, "body"), SAMV_KIND_BODY, "body");
	n = get(a, "principals");
	for (i = 0; i < len_of(n); i++)
		ref_principal(c, rec, item(n, i), 1);
	n = get(root, "reports");
	for (i = 0; i < len_of(n); i++)
		ref_kind(c, rec, get(item(n, i), "meeting"), SAMV_KIND_MEETING,
		    "meeting");

	if (str(root, "task") == NULL || *str(root, "task") == '\0')
		samv_buf_puts(&miss, ", what is to be done (task)");
	if (a == NULL)
		samv_buf_puts(&miss, ", who does it (assignee)");
	if (str(root, "reporting") == NULL || *str(root, "reporting") == '\0')
		samv_buf_puts(&miss, ", how and when to report back (reporting)");
	if (str(root, "report_to") == NULL)
		samv_buf_puts(&miss, ", to whom (report_to)");
	if (miss.len)
		report(c, rec, root, SAMV_ERROR, "assignment-complete",
		    "the assignment does not say%s", samv_buf_cstr(&miss) + 1);
	samv_buf_release(&miss);
}

void
samv_rules_run(const struct samv_repo *r, long today, struct samv_diags *d)
{
	struct ctx c = { r, d, today };
	struct samv_map paras = SAMV_MAP_INIT;
	size_t i;

	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];

		if (rec->external)
			continue;	/* loaded to answer a lookup */
		switch (rec->kind) {
		case SAMV_KIND_CONFIG:
			check_config(&c, rec);
			break;
		case SAMV_KIND_BODY:
			check_body(&c, rec);
			break;
		case SAMV_KIND_MEETING:
			check_meeting(&c, rec);
			break;
		case SAMV_KIND_DECISION:
			check_decision(&c, rec, &paras);
			break;
		case SAMV_KIND_ASSIGNMENT:
			check_assignment(&c, rec);
			break;
		default:
			break;
		}
	}
	check_paragraphs(&c, &paras);
	samv_map_release(&paras);
	if (r->config == NULL && r->base == NULL)
		samv_diags_add(d, "samv.yaml", 0, 0, SAMV_ERROR, "io",
		    "missing: not a samv repository");
}
