/* body.c - new body files, member terms, and the terms of reference */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "body.h"
#include "edit.h"
#include "emit.h"
#include "labels.h"
#include "map.h"

/* --- small helpers ------------------------------------------------------ */

static size_t
seq_n(const struct samv_node *n)
{
	return n && n->kind == SAMV_NODE_SEQ ? n->n_items : 0;
}

static int
streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static int
listed(const struct samv_node *seq, const char *s)
{
	size_t i;

	for (i = 0; i < seq_n(seq); i++)
		if (streq(samv_node_str(seq->items[i]), s))
			return 1;
	return 0;
}



/* "a, b och c" of the strings in v (allocated). */
static char *
join_words(const char *const *v, size_t n, const char *lang)
{
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n)
			samv_buf_printf(&b, " %s ", samv_label(SAMV_L_AND,
			    lang));
		else if (i > 0)
			samv_buf_puts(&b, ", ");
		samv_buf_puts(&b, v[i]);
	}
	return samv_buf_detach(&b, NULL);
}

/* Names of the bodies whose ids seq lists, joined (allocated). */
static char *
join_bodies(const struct samv_repo *r, const struct samv_node *seq)
{
	size_t i, n = 0;
	const char **v = samv_xcalloc(seq_n(seq) + 1, sizeof(*v));
	char *s;

	for (i = 0; i < seq_n(seq); i++)
		if (samv_node_str(seq->items[i]))
			v[n++] = samv_repo_body_name(r, samv_node_str(seq->items[i]));
	s = join_words(v, n, r->language);
	free(v);
	return s;
}

static const struct {
	const char *kind;
	enum samv_label label;
} body_kinds[] = {
	{ "political-assembly", SAMV_L_KIND_POLITICAL_ASSEMBLY },
	{ "officials-network", SAMV_L_KIND_OFFICIALS_NETWORK },
	{ "preparatory-group", SAMV_L_KIND_PREPARATORY_GROUP },
	{ "management-group", SAMV_L_KIND_MANAGEMENT_GROUP },
	{ "local-arena", SAMV_L_KIND_LOCAL_ARENA },
	{ "working-group", SAMV_L_KIND_WORKING_GROUP },
	{ "temporary-working-group", SAMV_L_KIND_TEMPORARY_WORKING_GROUP },
	{ "strategy-group", SAMV_L_KIND_STRATEGY_GROUP },
	{ "steering-group", SAMV_L_KIND_STEERING_GROUP },
	{ "council", SAMV_L_KIND_COUNCIL },
	{ "dialogue-group", SAMV_L_KIND_DIALOGUE_GROUP },
	{ "other", SAMV_L_KIND_OTHER },
};

const char *
samv_body_kind_label(const char *kind, const char *lang)
{
	size_t i;

	for (i = 0; kind && i < sizeof(body_kinds) / sizeof(body_kinds[0]);
	    i++)
		if (strcmp(body_kinds[i].kind, kind) == 0)
			return samv_label(body_kinds[i].label, lang);
	return NULL;
}

static const char *
kind_words(const char *kind, const char *lang)
{
	const char *k = samv_body_kind_label(kind, lang);

	return k ? k : kind ? kind : "";
}

/* --- writing ------------------------------------------------------------ */

static void
emit_ids(struct samv_emitter *e, const char *key, const char *const *v,
    size_t n)
{
	size_t i;

	if (n == 0)
		return;
	samv_emit_scalar(e, key, SAMV_EMIT_RAW);
	samv_emit_seq_start(e);
	for (i = 0; i < n; i++)
		samv_emit_scalar(e, v[i], SAMV_EMIT_RAW);
	samv_emit_seq_end(e);
}

char *
samv_body_yaml(const struct samv_body_new *b, size_t *len)
{
	struct samv_buf out = SAMV_BUF_INIT;
	struct samv_emitter *e;

	samv_buf_puts(&out, "# yaml-language-server: "
	    "$schema=../.samv/schema/body.schema.json\n");
	e = samv_emit_begin(&out);
	if (e == NULL) {
		samv_buf_release(&out);
		return NULL;
	}
	samv_emit_map_start(e);
	samv_emit_pair(e, "id", b->id, SAMV_EMIT_RAW);
	samv_emit_pair(e, "name", b->name, SAMV_EMIT_STRING);
	if (b->full_name)
		samv_emit_pair(e, "full_name", b->full_name, SAMV_EMIT_STRING);
	samv_emit_pair(e, "kind", b->kind, SAMV_EMIT_RAW);
	samv_emit_pair(e, "political", b->political ? "true" : "false",
	    SAMV_EMIT_RAW);
	if (b->escalates_to)
		samv_emit_pair(e, "escalates_to", b->escalates_to,
		    SAMV_EMIT_RAW);
	emit_ids(e, "prepares_for", b->prepares_for, b->nprepares_for);
	emit_ids(e, "commissioned_by", b->commissioned_by,
	    b->ncommissioned_by);
	emit_ids(e, "implements", b->implements, b->nimplements);
	samv_emit_map_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&out);
		return NULL;
	}
	return samv_buf_detach(&out, len);
}

char *
samv_body_member_add(const struct samv_doc *doc, const struct samv_member *m,
    size_t *len, char **err)
{
	static const char *const path[] = { "members", NULL };
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e = samv_emit_begin(&b);
	char *out;

	*err = NULL;
	if (e == NULL) {
		*err = samv_xstrdup("the member cannot be written as YAML");
		return NULL;
	}
	samv_emit_seq_start(e);
	samv_emit_map_start(e);
	samv_emit_pair(e, "name", m->name, SAMV_EMIT_STRING);
	samv_emit_pair(e, "role", m->role, SAMV_EMIT_RAW);
	if (m->principal)
		samv_emit_pair(e, "principal", m->principal, SAMV_EMIT_RAW);
	if (m->party)
		samv_emit_pair(e, "party", m->party, SAMV_EMIT_STRING);
	if (m->position)
		samv_emit_pair(e, "position", m->position, SAMV_EMIT_STRING);
	samv_emit_pair(e, "from", m->from, SAMV_EMIT_RAW);
	if (m->to)
		samv_emit_pair(e, "to", m->to, SAMV_EMIT_RAW);
	samv_emit_map_end(e);
	samv_emit_seq_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		*err = samv_xstrdup("the member cannot be written as YAML");
		return NULL;
	}
	out = samv_edit_append(doc, path, samv_buf_cstr(&b), len, err);
	samv_buf_release(&b);
	return out;
}

long
samv_body_active_term(const struct samv_node *body, const char *name,
    const char *role)
{
	const struct samv_node *ms = samv_node_get(body, "members");
	long found = -1;
	size_t i;

	for (i = 0; i < seq_n(ms); i++) {
		const struct samv_node *m = ms->items[i];

		if (!streq(samv_node_getstr(m, "name"), name) ||
		    samv_node_get(m, "to") != NULL ||
		    (role && !streq(samv_node_getstr(m, "role"), role)))
			continue;
		if (found >= 0)
			return -2;
		found = (long)i;
	}
	return found;
}

char *
samv_body_member_end(const struct samv_doc *doc, size_t idx,
    const char *date, size_t *len, char **err)
{
	const struct samv_node *ms = samv_node_get(doc->root, "members"), *m;
	const struct samv_pair *from;
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *check = NULL;
	const char *nl;
	size_t at;
	unsigned ind, i;
	char *out;

	*err = NULL;
	if (idx >= seq_n(ms) || (m = ms->items[idx])->kind != SAMV_NODE_MAP ||
	    (from = samv_node_pair(m, "from")) == NULL ||
	    doc->buf[m->span.start] == '{') {
		*err = samv_xstrdup("the member's term is not a block mapping "
		    "with a 'from' date");
		return NULL;
	}
	/* "to:" goes on the line after "from:", at the same indent */
	ind = from->key->span.col - 1;
	nl = memchr(doc->buf + from->value->span.end, '\n',
	    doc->len - from->value->span.end);
	at = nl ? (size_t)(nl - doc->buf) + 1 : doc->len;
	if (nl == NULL)
		samv_buf_putc(&b, '\n');
	for (i = 0; i < ind; i++)
		samv_buf_putc(&b, ' ');
	samv_buf_printf(&b, "to: %s\n", date);
	out = samv_edit_splice(doc, at, at, b.s, b.len, len);
	samv_buf_release(&b);
	if (samv_doc_parse(&check, doc->path, out, *len, NULL, &d) < 0) {
		*err = samv_xstrdup("internal error: the edit made invalid YAML; "
		    "nothing was written");
		free(out);
		out = NULL;
	}
	samv_doc_free(check);
	samv_diags_release(&d);
	return out;
}

/* --- words for rules ---------------------------------------------------- */

/* "2 gånger/termin (3 h)" of a meeting rule, appended to b. */
static void
rule_words(struct samv_buf *b, const struct samv_node *rule, const char *lang)
{
	long long count = 0;
	double hours;
	const char *per = samv_node_getstr(rule, "per");
	enum samv_label pl = SAMV_L_PER_YEAR;

	samv_node_int(samv_node_get(rule, "count"), &count);
	if (streq(per, "week"))
		pl = SAMV_L_PER_WEEK;
	else if (streq(per, "month"))
		pl = SAMV_L_PER_MONTH;
	else if (streq(per, "term"))
		pl = SAMV_L_PER_TERM;
	samv_buf_printf(b, "%lld %s/%s", count, samv_label(count == 1 ?
	    SAMV_L_TIMES_ONE : SAMV_L_TIMES_MANY, lang), samv_label(pl, lang));
	if (samv_node_number(samv_node_get(rule, "hours"), &hours) == 0) {
		char num[32], *p;

		snprintf(num, sizeof(num), "%g", hours);
		if (strcmp(lang ? lang : "sv", "en") != 0 &&
		    (p = strchr(num, '.')) != NULL)
			*p = ',';
		samv_buf_printf(b, " (%s h)", num);
	}
}

/* "Ordinarie sammanträde: 2 gånger/termin (3 h) – note" (allocated). */
static char *
rule_line(const struct samv_node *rule, const char *lang, int with_kind,
    int with_note)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const char *k = samv_label_meeting_kind(samv_node_getstr(rule, "kind"),
	    lang);
	const char *note = samv_node_getstr(rule, "note");

	if (with_kind && k)
		samv_buf_printf(&b, "%s: ", k);
	rule_words(&b, rule, lang);
	if (with_note && note && *note)
		samv_buf_printf(&b, " – %s", note);
	return samv_buf_detach(&b, NULL);
}

/* The side of a principal or group id: "region", "municipality" … */
static const char *
side_of(const struct samv_repo *r, const char *id)
{
	const struct samv_node *p = samv_map_get(&r->principals, id);

	if (p)
		return samv_node_getstr(p, "side");
	return samv_map_get(&r->groups, id) ? "group" : NULL;
}

/* The two sides that rotate: the region's name(s), the municipalities'. */
static void
rotation_sides(const struct samv_repo *r, const struct samv_node *body,
    char **region, char **municipal)
{
	const char *ids[256], *reg[64] = { NULL }, *mun = NULL;
	const struct samv_node *l;
	size_t n = 0, nreg = 0, nmun = 0, i, k;
	int group = 0;

	if (samv_node_getstr(body, "principal"))
		ids[n++] = samv_node_getstr(body, "principal");
	l = samv_node_get(body, "representation");
	for (i = 0; i < seq_n(l) && n < 128; i++)
		if (samv_node_getstr(l->items[i], "principal"))
			ids[n++] = samv_node_getstr(l->items[i], "principal");
	l = samv_node_get(body, "members");
	for (i = 0; i < seq_n(l) && n < 256; i++)
		if (samv_node_getstr(l->items[i], "principal"))
			ids[n++] = samv_node_getstr(l->items[i], "principal");
	for (i = 0; i < n; i++) {
		const char *s = side_of(r, ids[i]);

		for (k = 0; k < i && strcmp(ids[k], ids[i]); k++)
			;
		if (k < i)
			continue;	/* seen */
		if (streq(s, "region") && nreg < 64)
			reg[nreg++] = samv_repo_principal_name(r, ids[i]);
		else if (streq(s, "group"))
			group = 1;
		else if (streq(s, "municipality")) {
			mun = samv_repo_principal_name(r, ids[i]);
			nmun++;
		}
	}
	if (nreg == 0) {
		/* the body names no principal: every region of the repository */
		l = samv_node_get(samv_record_root(r->config), "principals");
		for (i = 0; i < seq_n(l) && nreg < 64; i++)
			if (streq(samv_node_getstr(l->items[i], "side"), "region"))
				reg[nreg++] = samv_node_getstr(l->items[i],
				    "name");
	}
	*region = join_words(reg, nreg, r->language);
	*municipal = samv_xstrdup(!group && nmun == 1 ? mun :
	    samv_label(SAMV_L_THE_MUNICIPALITIES, r->language));
}

static enum samv_label
role_heading(const char *role)
{
	if (streq(role, "vice-chair"))
		return SAMV_L_VICE_CHAIR;
	if (streq(role, "first-vice-chair"))
		return SAMV_L_FIRST_VICE_CHAIR;
	if (streq(role, "second-vice-chair"))
		return SAMV_L_SECOND_VICE_CHAIR;
	if (streq(role, "secretary"))
		return SAMV_L_SECRETARY;
	return SAMV_L_CHAIR;
}

/* The roles that rotate, or chair and secretary when not given. */
static size_t
rotation_roles(const struct samv_node *rot, const char **v, size_t max)
{
	const struct samv_node *l = samv_node_get(rot, "roles");
	size_t i, n = 0;

	for (i = 0; i < seq_n(l) && n < max; i++)
		if (samv_node_str(l->items[i]))
			v[n++] = samv_node_str(l->items[i]);
	if (n == 0 && max >= 2) {
		v[n++] = "chair";
		v[n++] = "secretary";
	}
	return n;
}

/* "Ordförande och sekreterare" (allocated). */
static char *
rotation_heading(const struct samv_node *rot, const char *lang)
{
	const char *roles[16], *words[16];
	size_t i, n = rotation_roles(rot, roles, 16);

	for (i = 0; i < n; i++) {
		words[i] = i == 0 ? samv_label(role_heading(roles[i]), lang) :
		    samv_label_role(roles[i], lang);
		if (words[i] == NULL)
			words[i] = roles[i];
	}
	return join_words(words, n, lang);
}

/* The rotation rule in words (allocated). */
static char *
rotation_text(const struct samv_repo *r, const struct samv_node *body)
{
	const struct samv_node *rot = samv_node_get(body, "rotation");
	long long years = 1;
	char *reg, *mun, *s;

	rotation_sides(r, body, &reg, &mun);
	samv_node_int(samv_node_get(rot, "period_years"), &years);
	if (years == 1)
		s = samv_xasprintf(samv_label(SAMV_L_ROTATION_1, r->language),
		    reg, mun);
	else
		s = samv_xasprintf(samv_label(SAMV_L_ROTATION_N, r->language),
		    reg, mun, (long)years);
	free(reg);
	free(mun);
	return s;
}

static long long
days_ahead(const struct samv_repo *r, const struct samv_node *body)
{
	long long v = 7;

	if (samv_node_int(samv_node_get(samv_node_get(body, "agenda_rules"),
	    "days_ahead"), &v) < 0)
		samv_node_int(samv_node_get(samv_node_get(samv_record_root(
		    r->config), "defaults"), "agenda_days_ahead"), &v);
	return v;
}

/* "Dagordning … skickas senast en vecka före mötet." (allocated) */
static char *
agenda_days_text(const struct samv_repo *r, long long days)
{
	char *span, *s;

	if (days == 7)
		span = samv_xstrdup(samv_label(SAMV_L_ONE_WEEK, r->language));
	else
		span = samv_xasprintf(samv_label(SAMV_L_N_DAYS, r->language),
		    days);
	s = samv_xasprintf(samv_label(SAMV_L_AGENDA_DAYS, r->language), span);
	free(span);
	return s;
}

/* Bodies that work on behalf of, report to or prepare for id. */
static size_t
subordinates(const struct samv_repo *r, const char *id,
    const struct samv_record ***out)
{
	const struct samv_record **v;
	size_t i, n = 0;

	samv_repo_need(r, SAMV_KIND_BODY, NULL);	/* a lazy repository */
	v = samv_xcalloc(r->n + 1, sizeof(*v));
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const struct samv_node *b = samv_record_root(rec);

		if (rec->kind != SAMV_KIND_BODY || b == NULL ||
		    streq(rec->id, id))
			continue;
		if (listed(samv_node_get(b, "commissioned_by"), id) ||
		    listed(samv_node_get(b, "reports_to"), id) ||
		    listed(samv_node_get(b, "prepares_for"), id))
			v[n++] = rec;
	}
	*out = v;
	return n;
}

static const char *const role_order[] = {
	"chair", "vice-chair", "first-vice-chair", "second-vice-chair",
	"secretary", "member", "substitute", "adjunct", NULL
};

static int
active_on(const struct samv_node *m, samv_day day)
{
	samv_day f, t;

	if (samv_date_parse(samv_node_getstr(m, "from"), &f) == 0 && day < f)
		return 0;
	if (samv_date_parse(samv_node_getstr(m, "to"), &t) == 0 && day > t)
		return 0;
	return 1;
}

/* Members on day, by role (chair first), into *out (borrowed nodes). */
static size_t
current_members(const struct samv_node *body, samv_day day,
    const struct samv_node ***out)
{
	const struct samv_node *ms = samv_node_get(body, "members");
	const struct samv_node **v = samv_xcalloc(seq_n(ms) + 1, sizeof(*v));
	size_t i, k, n = 0;

	for (k = 0; role_order[k]; k++)
		for (i = 0; i < seq_n(ms); i++)
			if (streq(samv_node_getstr(ms->items[i], "role"),
			    role_order[k]) && active_on(ms->items[i], day))
				v[n++] = ms->items[i];
	*out = v;
	return n;
}

/* Positions of the representation rows at level on side (allocated). */
static char *
level_cell(const struct samv_repo *r, const struct samv_node *body,
    const char *level, int region)
{
	const struct samv_node *l = samv_node_get(body, "representation");
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i, k;

	for (i = 0; i < seq_n(l); i++) {
		const struct samv_node *row = l->items[i], *pos;

		if (!streq(samv_node_getstr(row, "level"), level) ||
		    streq(side_of(r, samv_node_getstr(row, "principal")),
		    "region") != region)
			continue;
		pos = samv_node_get(row, "positions");
		for (k = 0; k < seq_n(pos); k++) {
			if (b.len)
				samv_buf_puts(&b, ", ");
			samv_buf_puts(&b, samv_node_str(pos->items[k]) ?
			    samv_node_str(pos->items[k]) : "");
		}
	}
	return samv_buf_detach(&b, NULL);
}

/* Positions of a representation row, joined (allocated). */
static char *
positions_of(const struct samv_node *row)
{
	const struct samv_node *pos = samv_node_get(row, "positions");
	struct samv_buf b = SAMV_BUF_INIT;
	size_t k;

	for (k = 0; k < seq_n(pos); k++) {
		if (k)
			samv_buf_puts(&b, ", ");
		samv_buf_puts(&b, samv_node_str(pos->items[k]) ?
		    samv_node_str(pos->items[k]) : "");
	}
	return samv_buf_detach(&b, NULL);
}

/* Each entry of a text list as its own paragraph(s). */
static void
texts(cmark_node *doc, const struct samv_node *seq)
{
	size_t i;

	for (i = 0; i < seq_n(seq); i++)
		if (samv_node_str(seq->items[i]))
			samv_render_text(doc, samv_node_str(seq->items[i]));
}

static void
text_if(cmark_node *doc, const char *s)
{
	if (s && *s)
		samv_render_text(doc, s);
}

/* "Label text" relation lines for the relation lists of a body. */
static const struct {
	const char *key;
	enum samv_label label;
} relations[] = {
	{ "prepares_for", SAMV_L_PREPARES_FOR },
	{ "commissioned_by", SAMV_L_COMMISSIONED_BY },
	{ "implements", SAMV_L_IMPLEMENTS },
	{ "reports_to", SAMV_L_REPORTS_TO_BODY },
};

/* Does a note of seq say s already? */
static int
noted(const struct samv_node *seq, const char *s)
{
	size_t i, n = strlen(s);

	for (i = 0; i < seq_n(seq); i++) {
		const char *t = samv_node_str(seq->items[i]);

		if (t && strncmp(t, s, n) == 0 && strspn(t + n, " \n") ==
		    strlen(t + n))
			return 1;
	}
	return 0;
}

/* --- the terms of reference as a document -------------------------------- */

static void
body_md(cmark_node *doc, const struct samv_repo *r,
    const struct samv_record *rec, samv_day as_of)
{
	const struct samv_node *b = samv_record_root(rec), *x, *l;
	const char *lang = r->language, *name = samv_node_getstr(b, "name");
	const struct samv_record **subs;
	const struct samv_node **ms;
	char *s, *t, words[64];
	size_t i, n;
	int political = samv_node_bool(samv_node_get(b, "political")) == 1;

	samv_render_heading(doc, 1, name);
	s = samv_xasprintf("%s %s", samv_label(SAMV_L_TERMS_OF_REFERENCE, lang),
	    samv_node_getstr(b, "valid_from") ? samv_node_getstr(b,
	    "valid_from") : "");
	samv_render_para(doc, s);
	free(s);
	if (samv_node_getstr(b, "full_name"))
		samv_render_para(doc, samv_node_getstr(b, "full_name"));
	samv_render_field(doc, samv_label(SAMV_L_KIND, lang),
	    kind_words(samv_node_getstr(b, "kind"), lang));

	if ((s = (char *)samv_node_getstr(b, "background")) != NULL) {
		samv_render_heading(doc, 2, samv_label(SAMV_L_BACKGROUND, lang));
		samv_render_text(doc, s);
	}
	if (samv_node_get(b, "purpose") || samv_node_get(b, "goal") ||
	    seq_n(samv_node_get(b, "principles"))) {
		samv_render_heading(doc, 2, samv_label(SAMV_L_PURPOSE_AND_GOAL,
		    lang));
		if (samv_node_getstr(b, "purpose")) {
			samv_render_heading(doc, 3, samv_label(SAMV_L_PURPOSE,
			    lang));
			samv_render_text(doc, samv_node_getstr(b, "purpose"));
		}
		if (samv_node_getstr(b, "goal")) {
			samv_render_heading(doc, 3, samv_label(SAMV_L_GOAL,
			    lang));
			samv_render_text(doc, samv_node_getstr(b, "goal"));
		}
		if (seq_n(samv_node_get(b, "principles"))) {
			s = samv_xasprintf("%s:", samv_label(SAMV_L_PRINCIPLES,
			    lang));
			samv_render_para(doc, s);
			free(s);
			samv_render_bullets(doc, samv_node_get(b, "principles"));
		}
	}
	if (seq_n(samv_node_get(b, "tasks"))) {
		samv_render_heading(doc, 2, samv_label(SAMV_L_TASKS, lang));
		samv_render_bullets(doc, samv_node_get(b, "tasks"));
	}
	if ((x = samv_node_get(b, "mandate")) != NULL) {
		samv_render_heading(doc, 2, samv_label(SAMV_L_MANDATE, lang));
		text_if(doc, samv_node_getstr(x, "decides"));
		text_if(doc, samv_node_getstr(x, "escalation"));
		texts(doc, samv_node_get(x, "notes"));
	}

	/* representation: per principal, or per level (local arenas) */
	l = samv_node_get(b, "representation");
	x = samv_node_get(b, "levels");
	if (seq_n(l) || seq_n(x) || samv_node_getstr(b, "adjunct")) {
		const char *hdr[4];
		cmark_node *tab = NULL;

		samv_render_heading(doc, 2, samv_label(SAMV_L_REPRESENTATION,
		    lang));
		hdr[0] = samv_label(SAMV_L_PRINCIPAL, lang);
		hdr[1] = samv_label(SAMV_L_POSITIONS, lang);
		hdr[2] = samv_label(SAMV_L_SEATS, lang);
		hdr[3] = samv_label(SAMV_L_SUBSTITUTES, lang);
		for (i = 0; i < seq_n(l); i++) {
			const struct samv_node *row = l->items[i];
			const char *cells[4];
			long long c;
			char cnt[24] = "";

			if (samv_node_get(row, "level"))
				continue;
			if (tab == NULL)
				tab = samv_render_table(doc, 4, hdr);
			if (samv_node_int(samv_node_get(row, "count"), &c) == 0)
				snprintf(cnt, sizeof(cnt), "%lld", c);
			s = positions_of(row);
			cells[0] = samv_repo_principal_name(r, samv_node_getstr(row,
			    "principal"));
			cells[1] = s;
			cells[2] = cnt;
			cells[3] = samv_node_getstr(row, "substitutes");
			samv_render_row(tab, cells, SAMV_CELL_PLAIN);
			free(s);
		}
		if (seq_n(x)) {
			const char *lh[5];

			lh[0] = samv_label(SAMV_L_LEVEL, lang);
			lh[1] = samv_label(SAMV_L_REGION, lang);
			lh[2] = samv_label(SAMV_L_MUNICIPALITY, lang);
			lh[3] = samv_label(SAMV_L_MEETING_FREQUENCY, lang);
			lh[4] = samv_label(SAMV_L_INFORMATION_DUTY, lang);
			tab = samv_render_table(doc, 5, lh);
			for (i = 0; i < seq_n(x); i++) {
				const struct samv_node *lv = x->items[i];
				const struct samv_node *mr = samv_node_get(lv,
				    "meeting_rule");
				const char *cells[5], *id = samv_node_getstr(lv,
				    "id");
				char *nm, *rg, *mu, *fq = NULL;

				nm = samv_node_getstr(lv, "description") ?
				    samv_xasprintf("%s (%s)", samv_node_getstr(
				    lv, "name"), samv_node_getstr(lv,
				    "description")) : samv_xstrdup(
				    samv_node_getstr(lv, "name"));
				rg = level_cell(r, b, id, 1);
				mu = level_cell(r, b, id, 0);
				if (mr) {
					struct samv_buf fb = SAMV_BUF_INIT;

					rule_words(&fb, mr, lang);
					if (samv_node_getstr(mr, "note"))
						samv_buf_printf(&fb, " (%s)",
						    samv_node_getstr(mr,
						    "note"));
					fq = samv_buf_detach(&fb, NULL);
				}
				cells[0] = nm;
				cells[1] = rg;
				cells[2] = mu;
				cells[3] = fq;
				cells[4] = samv_node_getstr(lv, "information");
				samv_render_row(tab, cells, SAMV_CELL_PLAIN);
				free(nm);
				free(rg);
				free(mu);
				free(fq);
			}
		}
		text_if(doc, samv_node_getstr(b, "adjunct"));
	}

	/* ways of working */
	{
		const struct samv_node *rules = samv_node_get(b, "meeting_rules");
		const struct samv_node *rot = samv_node_get(b, "rotation");
		const struct samv_node *ar = samv_node_get(b, "agenda_rules");
		const struct samv_node *pr = samv_node_get(b, "protocol_rules");
		size_t nflat = 0;

		for (i = 0; i < seq_n(rules); i++)
			if (samv_node_get(rules->items[i], "level") == NULL)
				nflat++;
		samv_render_heading(doc, 2, samv_label(SAMV_L_WORKING_FORMS,
		    lang));
		if (nflat) {
			cmark_node *list;

			samv_render_heading(doc, 3, samv_label(
			    SAMV_L_MEETING_FREQUENCY, lang));
			list = samv_render_list(doc, 0, 0);
			for (i = 0; i < seq_n(rules); i++) {
				if (samv_node_get(rules->items[i], "level"))
					continue;
				s = rule_line(rules->items[i], lang, 1, 1);
				samv_render_list_item(list, s);
				free(s);
			}
		}
		if (rot) {
			s = rotation_heading(rot, lang);
			samv_render_heading(doc, 3, s);
			free(s);
			s = rotation_text(r, b);
			samv_render_para(doc, s);
			if (samv_node_bool(samv_node_get(rot,
			    "different_sides")) == 1)
				samv_render_para(doc, samv_label(
				    SAMV_L_ROTATION_SIDES, lang));
			/* a note that says the same again is left out */
			if (samv_node_getstr(rot, "note") && strstr(
			    samv_node_getstr(rot, "note"), s + 1) == NULL)
				text_if(doc, samv_node_getstr(rot, "note"));
			free(s);
		}
		samv_render_heading(doc, 3, samv_label(SAMV_L_AGENDA, lang));
		text_if(doc, samv_node_getstr(ar, "prepared_by"));
		s = agenda_days_text(r, days_ahead(r, b));
		if (!noted(samv_node_get(ar, "notes"), s))
			samv_render_para(doc, s);
		free(s);
		if (seq_n(samv_node_get(ar, "standing_items"))) {
			s = samv_xasprintf("%s:", samv_label(
			    SAMV_L_STANDING_ITEMS, lang));
			samv_render_para(doc, s);
			free(s);
			samv_render_bullets(doc, samv_node_get(ar,
			    "standing_items"));
		}
		texts(doc, samv_node_get(ar, "notes"));
		if (pr) {
			const struct samv_node *dist = samv_node_get(pr,
			    "distribution");
			long long days;

			samv_render_heading(doc, 3, samv_label(streq(
			    samv_node_getstr(pr, "kind"), "notes") ?
			    SAMV_L_MEETING_NOTES : SAMV_L_PROTOCOL, lang));
			if (seq_n(dist)) {
				const char *v[64];

				for (i = n = 0; i < seq_n(dist) && n < 64; i++)
					if (samv_node_str(dist->items[i]))
						v[n++] = samv_node_str(
						    dist->items[i]);
				s = join_words(v, n, lang);
				samv_render_field(doc, samv_label(
				    SAMV_L_DISTRIBUTION, lang), s);
				free(s);
			}
			if (samv_node_int(samv_node_get(pr, "adjustment_days"),
			    &days) == 0) {
				s = samv_xasprintf(samv_label(
				    SAMV_L_ADJUST_WITHIN, lang), days);
				samv_render_para(doc, s);
				free(s);
			}
			texts(doc, samv_node_get(pr, "notes"));
		}
	}

	/* groups on its behalf */
	n = subordinates(r, rec->id, &subs);
	if (n) {
		cmark_node *list;

		s = samv_xasprintf(samv_label(SAMV_L_SUBORDINATE, lang), name);
		samv_render_heading(doc, 2, s);
		free(s);
		list = samv_render_list(doc, 0, 0);
		for (i = 0; i < n; i++) {
			const struct samv_node *sb = samv_record_root(subs[i]);

			s = samv_xasprintf("%s (%s)", samv_node_getstr(sb,
			    "name"), kind_words(samv_node_getstr(sb, "kind"),
			    lang));
			samv_render_list_item(list, s);
			free(s);
		}
	}
	free(subs);

	/* relations */
	{
		cmark_node *list = NULL;
		size_t k;

		for (k = 0; k < sizeof(relations) / sizeof(relations[0]); k++) {
			l = samv_node_get(b, relations[k].key);
			if (seq_n(l) == 0)
				continue;
			if (list == NULL) {
				samv_render_heading(doc, 2, samv_label(
				    SAMV_L_RELATIONS, lang));
				list = samv_render_list(doc, 0, 0);
			}
			t = join_bodies(r, l);
			s = samv_xasprintf("%s %s", samv_label(
			    relations[k].label, lang), t);
			samv_render_list_item(list, s);
			free(s);
			free(t);
		}
		if (samv_node_getstr(b, "escalates_to")) {
			if (list == NULL) {
				samv_render_heading(doc, 2, samv_label(
				    SAMV_L_RELATIONS, lang));
				list = samv_render_list(doc, 0, 0);
			}
			s = samv_xasprintf("%s %s", samv_label(
			    SAMV_L_ESCALATES_TO, lang), samv_repo_body_name(r,
			    samv_node_getstr(b, "escalates_to")));
			samv_render_list_item(list, s);
			free(s);
		}
		if (samv_node_getstr(b, "principal")) {
			if (list == NULL) {
				samv_render_heading(doc, 2, samv_label(
				    SAMV_L_RELATIONS, lang));
				list = samv_render_list(doc, 0, 0);
			}
			s = samv_xasprintf("%s %s", samv_label(
			    SAMV_L_BELONGS_TO, lang), samv_repo_principal_name(r,
			    samv_node_getstr(b, "principal")));
			samv_render_list_item(list, s);
			free(s);
		}
	}

	/* members on the day */
	n = current_members(b, as_of, &ms);
	if (n) {
		const char *hdr[5];
		cmark_node *tab;

		samv_render_heading(doc, 2, samv_label(SAMV_L_MEMBERS, lang));
		samv_label_date(words, sizeof(words), as_of, 0, lang);
		samv_render_field(doc, samv_label(SAMV_L_AS_OF, lang), words);
		hdr[0] = samv_label(SAMV_L_ROLE, lang);
		hdr[1] = samv_label(SAMV_L_NAME, lang);
		hdr[2] = samv_label(SAMV_L_PRINCIPAL, lang);
		hdr[3] = samv_label(SAMV_L_POSITION, lang);
		hdr[4] = samv_label(SAMV_L_PARTY, lang);
		tab = samv_render_table(doc, political ? 5 : 4, hdr);
		for (i = 0; i < n; i++) {
			const char *cells[5];

			cells[0] = samv_label_role(samv_node_getstr(ms[i],
			    "role"), lang);
			cells[1] = samv_node_getstr(ms[i], "name");
			cells[2] = samv_repo_principal_name(r, samv_node_getstr(ms[i],
			    "principal"));
			cells[3] = samv_node_getstr(ms[i], "position");
			cells[4] = samv_node_getstr(ms[i], "party");
			samv_render_row(tab, cells, SAMV_CELL_PLAIN);
		}
	}
	free(ms);

	if (seq_n(samv_node_get(b, "notes"))) {
		samv_render_heading(doc, 2, samv_label(SAMV_L_NOTES, lang));
		texts(doc, samv_node_get(b, "notes"));
	}
	if (samv_node_getstr(b, "information_duty")) {
		samv_render_heading(doc, 2, samv_label(SAMV_L_INFORMATION_DUTY,
		    lang));
		samv_render_text(doc, samv_node_getstr(b, "information_duty"));
	}
	if (samv_node_getstr(b, "valid_from") || samv_node_getstr(b,
	    "valid_to") || samv_node_getstr(b, "decided_by") ||
	    samv_node_getstr(b, "supersedes") || samv_node_getstr(b,
	    "renamed_from") || seq_n(samv_node_get(b, "former_names"))) {
		const char *v[32];

		samv_render_heading(doc, 2, samv_label(SAMV_L_VALIDITY, lang));
		if (samv_node_getstr(b, "valid_from"))
			samv_render_field(doc, samv_label(SAMV_L_VALID_FROM,
			    lang), samv_node_getstr(b, "valid_from"));
		if (samv_node_getstr(b, "valid_to"))
			samv_render_field(doc, samv_label(SAMV_L_EXPIRES, lang),
			    samv_node_getstr(b, "valid_to"));
		if (samv_node_getstr(b, "decided_by"))
			samv_render_field(doc, samv_label(SAMV_L_DECIDED_BY,
			    lang), samv_node_getstr(b, "decided_by"));
		if (samv_node_getstr(b, "supersedes"))
			samv_render_field(doc, samv_label(SAMV_L_SUPERSEDES,
			    lang), samv_node_getstr(b, "supersedes"));
		n = 0;
		if (samv_node_getstr(b, "renamed_from"))
			v[n++] = samv_node_getstr(b, "renamed_from");
		l = samv_node_get(b, "former_names");
		for (i = 0; i < seq_n(l) && n < 32; i++)
			if (samv_node_str(l->items[i]))
				v[n++] = samv_node_str(l->items[i]);
		if (n) {
			s = join_words(v, n, lang);
			samv_render_field(doc, samv_label(SAMV_L_FORMER_NAMES,
			    lang), s);
			free(s);
		}
	}
}

/* --- JSON --------------------------------------------------------------- */

static void
json_ids(struct samv_jsonw *w, const char *key, const struct samv_node *seq)
{
	samv_jsonw_strings(w, key, seq && seq->kind == SAMV_NODE_SEQ ? seq :
	    NULL);
}

static void
body_json(struct samv_jsonw *w, const struct samv_repo *r,
    const struct samv_record *rec, samv_day as_of)
{
	const struct samv_node *b = samv_record_root(rec), *l, *x;
	const struct samv_record **subs;
	const struct samv_node **ms;
	const char *lang = r->language;
	char date[11], *s;
	size_t i, k, n;
	long long v;

	samv_jsonw_object(w, NULL);
	samv_jsonw_str(w, "type", "organization");
	samv_jsonw_str(w, "id", rec->id);
	samv_jsonw_str(w, "name", samv_node_getstr(b, "name"));
	samv_jsonw_str(w, "full_name", samv_node_getstr(b, "full_name"));
	samv_jsonw_str(w, "classification", samv_node_getstr(b, "kind"));
	samv_jsonw_bool(w, "political", samv_node_bool(samv_node_get(b,
	    "political")) == 1);
	samv_jsonw_text(w, "background", samv_node_getstr(b, "background"));
	samv_jsonw_text(w, "purpose", samv_node_getstr(b, "purpose"));
	samv_jsonw_text(w, "goal", samv_node_getstr(b, "goal"));
	json_ids(w, "principles", samv_node_get(b, "principles"));
	json_ids(w, "tasks", samv_node_get(b, "tasks"));
	x = samv_node_get(b, "mandate");
	samv_jsonw_object(w, "mandate");
	samv_jsonw_text(w, "decides", samv_node_getstr(x, "decides"));
	samv_jsonw_text(w, "escalation", samv_node_getstr(x, "escalation"));
	json_ids(w, "notes", samv_node_get(x, "notes"));
	samv_jsonw_end(w, '}');
	samv_jsonw_object(w, "relations");
	for (k = 0; k < sizeof(relations) / sizeof(relations[0]); k++)
		json_ids(w, relations[k].key, samv_node_get(b,
		    relations[k].key));
	samv_jsonw_str(w, "escalates_to", samv_node_getstr(b, "escalates_to"));
	samv_jsonw_str(w, "principal", samv_node_getstr(b, "principal"));
	samv_jsonw_end(w, '}');
	samv_jsonw_array(w, "representation");
	l = samv_node_get(b, "representation");
	for (i = 0; i < seq_n(l); i++) {
		const struct samv_node *row = l->items[i];
		const char *p = samv_node_getstr(row, "principal");

		samv_jsonw_object(w, NULL);
		samv_jsonw_object(w, "principal");
		samv_jsonw_str(w, "id", p);
		samv_jsonw_str(w, "name", samv_repo_principal_name(r, p));
		samv_jsonw_end(w, '}');
		samv_jsonw_str(w, "level", samv_node_getstr(row, "level"));
		json_ids(w, "positions", samv_node_get(row, "positions"));
		if (samv_node_int(samv_node_get(row, "count"), &v) == 0)
			samv_jsonw_int(w, "count", v);
		samv_jsonw_text(w, "substitutes", samv_node_getstr(row,
		    "substitutes"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	samv_jsonw_text(w, "adjunct", samv_node_getstr(b, "adjunct"));
	samv_jsonw_array(w, "levels");
	l = samv_node_get(b, "levels");
	for (i = 0; i < seq_n(l); i++) {
		const struct samv_node *mr = samv_node_get(l->items[i],
		    "meeting_rule");

		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "id", samv_node_getstr(l->items[i], "id"));
		samv_jsonw_str(w, "name", samv_node_getstr(l->items[i],
		    "name"));
		samv_jsonw_text(w, "description", samv_node_getstr(l->items[i],
		    "description"));
		if (mr) {
			s = rule_line(mr, lang, 0, 0);
			samv_jsonw_str(w, "frequency", s);
			free(s);
		}
		samv_jsonw_text(w, "information", samv_node_getstr(l->items[i],
		    "information"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	samv_jsonw_array(w, "meeting_rules");
	l = samv_node_get(b, "meeting_rules");
	for (i = 0; i < seq_n(l); i++) {
		const struct samv_node *mr = l->items[i];
		double h;

		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "kind", samv_node_getstr(mr, "kind"));
		samv_jsonw_str(w, "level", samv_node_getstr(mr, "level"));
		if (samv_node_int(samv_node_get(mr, "count"), &v) == 0)
			samv_jsonw_int(w, "count", v);
		samv_jsonw_str(w, "per", samv_node_getstr(mr, "per"));
		if (samv_node_number(samv_node_get(mr, "hours"), &h) == 0) {
			char num[32];

			snprintf(num, sizeof(num), "%g", h);
			samv_jsonw_str(w, "hours", num);
		}
		s = rule_line(mr, lang, 0, 0);
		samv_jsonw_str(w, "text", s);
		free(s);
		samv_jsonw_text(w, "note", samv_node_getstr(mr, "note"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	if ((x = samv_node_get(b, "rotation")) != NULL) {
		const char *roles[16];

		samv_jsonw_object(w, "rotation");
		n = rotation_roles(x, roles, 16);
		samv_jsonw_array(w, "roles");
		for (i = 0; i < n; i++)
			samv_jsonw_str(w, NULL, roles[i]);
		samv_jsonw_end(w, ']');
		v = 1;
		samv_node_int(samv_node_get(x, "period_years"), &v);
		samv_jsonw_int(w, "period_years", v);
		samv_jsonw_bool(w, "different_sides", samv_node_bool(
		    samv_node_get(x, "different_sides")) == 1);
		s = rotation_text(r, b);
		samv_jsonw_str(w, "text", s);
		free(s);
		samv_jsonw_text(w, "note", samv_node_getstr(x, "note"));
		samv_jsonw_end(w, '}');
	}
	x = samv_node_get(b, "agenda_rules");
	samv_jsonw_object(w, "agenda_rules");
	samv_jsonw_int(w, "days_ahead", days_ahead(r, b));
	samv_jsonw_text(w, "prepared_by", samv_node_getstr(x, "prepared_by"));
	json_ids(w, "standing_items", samv_node_get(x, "standing_items"));
	json_ids(w, "notes", samv_node_get(x, "notes"));
	samv_jsonw_end(w, '}');
	if ((x = samv_node_get(b, "protocol_rules")) != NULL) {
		samv_jsonw_object(w, "protocol_rules");
		samv_jsonw_str(w, "kind", samv_node_getstr(x, "kind"));
		json_ids(w, "distribution", samv_node_get(x, "distribution"));
		if (samv_node_int(samv_node_get(x, "adjustment_days"), &v) == 0)
			samv_jsonw_int(w, "adjustment_days", v);
		json_ids(w, "notes", samv_node_get(x, "notes"));
		samv_jsonw_end(w, '}');
	}
	n = subordinates(r, rec->id, &subs);
	samv_jsonw_array(w, "subOrganizations");
	for (i = 0; i < n; i++) {
		const struct samv_node *sb = samv_record_root(subs[i]);

		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "id", subs[i]->id);
		samv_jsonw_str(w, "name", samv_node_getstr(sb, "name"));
		samv_jsonw_str(w, "classification", samv_node_getstr(sb,
		    "kind"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	free(subs);
	samv_date_format(as_of, date);
	samv_jsonw_str(w, "as_of", date);
	n = current_members(b, as_of, &ms);
	samv_jsonw_array(w, "memberships");
	for (i = 0; i < n; i++) {
		struct samv_person p;

		memset(&p, 0, sizeof(p));
		p.name = samv_node_getstr(ms[i], "name");
		p.party = samv_node_getstr(ms[i], "party");
		p.role = samv_node_getstr(ms[i], "role");
		p.position = samv_node_getstr(ms[i], "position");
		p.principal = samv_node_getstr(ms[i], "principal");
		p.serving = -1;
		samv_render_json_person(w, r, NULL, &p);
	}
	samv_jsonw_end(w, ']');
	free(ms);
	samv_jsonw_text(w, "information_duty", samv_node_getstr(b,
	    "information_duty"));
	samv_jsonw_str(w, "valid_from", samv_node_getstr(b, "valid_from"));
	samv_jsonw_str(w, "valid_to", samv_node_getstr(b, "valid_to"));
	samv_jsonw_str(w, "decided_by", samv_node_getstr(b, "decided_by"));
	samv_jsonw_text(w, "supersedes", samv_node_getstr(b, "supersedes"));
	samv_jsonw_array(w, "former_names");
	if (samv_node_getstr(b, "renamed_from"))
		samv_jsonw_str(w, NULL, samv_node_getstr(b, "renamed_from"));
	l = samv_node_get(b, "former_names");
	for (i = 0; i < seq_n(l); i++)
		samv_jsonw_str(w, NULL, samv_node_str(l->items[i]));
	samv_jsonw_end(w, ']');
	json_ids(w, "notes", samv_node_get(b, "notes"));
	samv_jsonw_end(w, '}');
}

int
samv_render_body(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *rec, samv_day as_of, enum samv_format fmt,
    char **err)
{
	const struct samv_node *b = samv_record_root(rec);
	cmark_node *doc;
	char *title;
	int rc;

	*err = NULL;
	if (b == NULL) {
		*err = samv_xasprintf("%s is not valid; run samv check",
		    rec ? rec->path : "the body");
		return -1;
	}
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		samv_jsonw_init(&w, out);
		body_json(&w, r, rec, as_of);
		samv_jsonw_finish(&w);
		return 0;
	}
	doc = samv_render_document();
	body_md(doc, r, rec, as_of);
	title = samv_xasprintf("%s – %s", samv_node_getstr(b, "name"),
	    samv_label(SAMV_L_TERMS_OF_REFERENCE, r->language));
	rc = samv_render_finish(out, doc, fmt, r->language, title, err);
	free(title);
	cmark_node_free(doc);
	return rc;
}

/* "Beredningsorgan till svom; Eskalerar till svom" (allocated). */
static char *
relations_cell(const struct samv_repo *r, const struct samv_node *b)
{
	struct samv_buf out = SAMV_BUF_INIT;
	size_t k, i;

	for (k = 0; k < sizeof(relations) / sizeof(relations[0]); k++) {
		const struct samv_node *l = samv_node_get(b, relations[k].key);

		if (seq_n(l) == 0)
			continue;
		if (out.len)
			samv_buf_puts(&out, "; ");
		samv_buf_printf(&out, "%s ", samv_label(relations[k].label,
		    r->language));
		for (i = 0; i < seq_n(l); i++)
			samv_buf_printf(&out, "%s%s", i ? ", " : "",
			    samv_node_str(l->items[i]) ?
			    samv_node_str(l->items[i]) : "");
	}
	if (samv_node_getstr(b, "escalates_to"))
		samv_buf_printf(&out, "%s%s %s", out.len ? "; " : "",
		    samv_label(SAMV_L_ESCALATES_TO, r->language),
		    samv_node_getstr(b, "escalates_to"));
	return samv_buf_detach(&out, NULL);
}

int
samv_render_body_list(struct samv_buf *out, const struct samv_repo *r,
    enum samv_format fmt, char **err)
{
	const char *lang = r->language;
	size_t i, k;

	*err = NULL;
	samv_repo_need(r, SAMV_KIND_BODY, NULL);	/* a lazy repository */
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		samv_jsonw_init(&w, out);
		samv_jsonw_array(&w, NULL);
		for (i = 0; i < r->n; i++) {
			const struct samv_node *b = samv_record_root(
			    r->records[i]);

			if (r->records[i]->kind != SAMV_KIND_BODY || b == NULL)
				continue;
			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "id", r->records[i]->id);
			samv_jsonw_str(&w, "name", samv_node_getstr(b, "name"));
			samv_jsonw_str(&w, "classification",
			    samv_node_getstr(b, "kind"));
			samv_jsonw_bool(&w, "political", samv_node_bool(
			    samv_node_get(b, "political")) == 1);
			for (k = 0; k < sizeof(relations) /
			    sizeof(relations[0]); k++)
				json_ids(&w, relations[k].key, samv_node_get(b,
				    relations[k].key));
			samv_jsonw_str(&w, "escalates_to",
			    samv_node_getstr(b, "escalates_to"));
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_finish(&w);
		return 0;
	} else {
		cmark_node *doc = samv_render_document(), *tab;
		const char *hdr[5];
		int rc;

		hdr[0] = samv_label(SAMV_L_ID, lang);
		hdr[1] = samv_label(SAMV_L_NAME, lang);
		hdr[2] = samv_label(SAMV_L_KIND, lang);
		hdr[3] = samv_label(SAMV_L_POLITICAL, lang);
		hdr[4] = samv_label(SAMV_L_RELATIONS, lang);
		tab = samv_render_table(doc, 5, hdr);
		for (i = 0; i < r->n; i++) {
			const struct samv_node *b = samv_record_root(
			    r->records[i]);
			const char *cells[5];
			char *rel;

			if (r->records[i]->kind != SAMV_KIND_BODY || b == NULL)
				continue;
			rel = relations_cell(r, b);
			cells[0] = r->records[i]->id;
			cells[1] = samv_node_getstr(b, "name");
			cells[2] = kind_words(samv_node_getstr(b, "kind"), lang);
			cells[3] = samv_label(samv_node_bool(samv_node_get(b,
			    "political")) == 1 ? SAMV_L_YES : SAMV_L_NO, lang);
			cells[4] = rel;
			samv_render_row(tab, cells, SAMV_CELL_PLAIN);
			free(rel);
		}
		rc = samv_render_finish(out, doc, fmt, lang, samv_label(
		    SAMV_L_REPRESENTATION, lang), err);
		cmark_node_free(doc);
		return rc;
	}
}
