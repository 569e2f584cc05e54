/* assign.c - assignments: slugs, new files, report-backs and rendering */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "assign.h"
#include "edit.h"
#include "emit.h"
#include "labels.h"
#include "map.h"

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

char *
samv_assign_slug(const char *title)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const unsigned char *p = (const unsigned char *)(title ? title : "");
	char *s;
	size_t n;

	while (*p) {
		char c = 0;

		if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p == 0xc3 && p[1]) {
			switch (p[1]) {
			case 0xa5: case 0xa4: case 0x85: case 0x84:
			case 0xa0: case 0xa1: case 0x80: case 0x81:
				c = 'a';
				break;
			case 0xb6: case 0x96: case 0xb8: case 0x98:
				c = 'o';
				break;
			case 0xa9: case 0x89: case 0xa8: case 0x88:
				c = 'e';
				break;
			case 0xbc: case 0x9c:
				c = 'u';
				break;
			}
			if (c) {
				samv_buf_putc(&b, c);
				p += 2;
				continue;
			}
		}
		if (c)
			samv_buf_putc(&b, c);
		else if (b.len && b.s[b.len - 1] != '-')
			samv_buf_putc(&b, '-');
		/* skip the rest of a multi-byte character */
		p++;
		while (*p >= 0x80 && *p < 0xc0)
			p++;
	}
	s = samv_buf_detach(&b, &n);
	if (n > 60)
		n = 60;
	while (n > 0 && s[n - 1] == '-')
		n--;
	s[n] = '\0';
	return s;
}

/* --- writing ------------------------------------------------------------ */

static void
emit_list(struct samv_emitter *e, const char *key, const char *const *v,
    size_t n, enum samv_emit_kind kind, int always)
{
	size_t i;

	if (n == 0 && !always)
		return;
	samv_emit_scalar(e, key, SAMV_EMIT_RAW);
	samv_emit_seq_start(e);
	for (i = 0; i < n; i++)
		samv_emit_scalar(e, v[i], kind);
	samv_emit_seq_end(e);
}

static void
emit_text(struct samv_emitter *e, const char *key, const char *v,
    int always)
{
	if (v || always)
		samv_emit_pair(e, key, v ? v : "", SAMV_EMIT_STRING);
}

/* The template's headings, by the key that starts their field. */
static const struct {
	const char *key;
	enum samv_label label;
} headings[] = {
	{ "background", SAMV_L_BACKGROUND },
	{ "task", SAMV_L_TASK },
	{ "user_influence", SAMV_L_USER_INFLUENCE },
	{ "child_rights", SAMV_L_CHILD_RIGHTS },
	{ "reporting", SAMV_L_REPORTING },
	{ "report_to", SAMV_L_REPORT_TO },
	{ "contacts", SAMV_L_CONTACTS },
	{ "attachments", SAMV_L_ATTACHMENTS },
	{ "follow_up", SAMV_L_FOLLOW_UP_HOW },
};
#define NHEADINGS (sizeof(headings) / sizeof(headings[0]))

/* Puts "# Heading" above each top-level heading field of text. */
static char *
add_comments(char *text, size_t *len, const char *lang)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const char *p = text;
	size_t k;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) + 1 : strlen(p);

		for (k = 0; k < NHEADINGS; k++) {
			size_t kl = strlen(headings[k].key);

			if (strncmp(p, headings[k].key, kl) == 0 && p[kl] == ':')
				samv_buf_printf(&b, "# %s\n", samv_label(
				    headings[k].label, lang));
		}
		samv_buf_add(&b, p, l);
		p += l;
	}
	free(text);
	return samv_buf_detach(&b, len);
}

char *
samv_assignment_yaml(const struct samv_assignment_new *a, size_t *len)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e;
	int t = a->template;
	char *out;

	samv_buf_puts(&b, "# yaml-language-server: "
	    "$schema=../../../.samv/schema/assignment.schema.json\n");
	e = samv_emit_begin(&b);
	if (e == NULL) {
		samv_buf_release(&b);
		return NULL;
	}
	samv_emit_map_start(e);
	samv_emit_pair(e, "title", a->title, SAMV_EMIT_STRING);
	samv_emit_pair(e, "body", a->body, SAMV_EMIT_RAW);
	samv_emit_pair(e, "given", a->given, SAMV_EMIT_RAW);
	if (a->decision)
		samv_emit_pair(e, "decision", a->decision, SAMV_EMIT_RAW);
	if (a->plan)
		samv_emit_pair(e, "plan", a->plan, SAMV_EMIT_RAW);
	emit_text(e, "section", a->section, 0);
	samv_emit_scalar(e, "assignee", SAMV_EMIT_RAW);
	samv_emit_map_start(e);
	if (a->assignee_body)
		samv_emit_pair(e, "body", a->assignee_body, SAMV_EMIT_RAW);
	emit_list(e, "principals", a->principals, a->nprincipals,
	    SAMV_EMIT_RAW, 0);
	emit_list(e, "persons", a->persons, a->npersons, SAMV_EMIT_STRING, 0);
	emit_text(e, "text", a->assignee_text, 0);
	samv_emit_map_end(e);
	emit_text(e, "background", a->background, t);
	emit_text(e, "task", a->task, t);
	emit_text(e, "user_influence", a->user_influence, t);
	emit_text(e, "child_rights", a->child_rights, t);
	emit_text(e, "reporting", a->reporting, t);
	if (a->report_to)
		samv_emit_pair(e, "report_to", a->report_to, SAMV_EMIT_RAW);
	emit_list(e, "contacts", a->contacts, a->ncontacts, SAMV_EMIT_STRING,
	    t);
	emit_list(e, "attachments", a->attachments, a->nattachments,
	    SAMV_EMIT_STRING, t);
	emit_text(e, "follow_up", a->follow_up, t);
	samv_emit_pair(e, "due", a->due, SAMV_EMIT_RAW);
	samv_emit_pair(e, "status", a->status ? a->status : "given",
	    SAMV_EMIT_RAW);
	samv_emit_map_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		return NULL;
	}
	out = samv_buf_detach(&b, len);
	return t ? add_comments(out, len, a->lang) : out;
}

char *
samv_assign_add_report(const struct samv_doc *doc, const char *date,
    const char *meeting, const char *summary, int final, const char *status,
    size_t *len, char **err)
{
	static const char *const reports[] = { "reports", NULL };
	static const char *const st[] = { "status", NULL };
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e = samv_emit_begin(&b);
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *mid = NULL;
	char *text, *out = NULL;
	size_t tlen;

	*err = NULL;
	if (e == NULL) {
		*err = samv_xstrdup("the report cannot be written as YAML");
		return NULL;
	}
	samv_emit_seq_start(e);
	samv_emit_map_start(e);
	samv_emit_pair(e, "date", date, SAMV_EMIT_RAW);
	if (meeting)
		samv_emit_pair(e, "meeting", meeting, SAMV_EMIT_RAW);
	if (summary)
		samv_emit_pair(e, "summary", summary, SAMV_EMIT_STRING);
	samv_emit_pair(e, "final", final ? "true" : "false", SAMV_EMIT_RAW);
	samv_emit_map_end(e);
	samv_emit_seq_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		*err = samv_xstrdup("the report cannot be written as YAML");
		return NULL;
	}
	text = samv_edit_append(doc, reports, samv_buf_cstr(&b), &tlen, err);
	samv_buf_release(&b);
	if (text == NULL)
		return NULL;
	if (samv_doc_parse(&mid, doc->path, text, tlen, NULL, &d) == 0) {
		if (streq(samv_node_getstr(mid->root, "status"), status)) {
			out = text;
			*len = tlen;
			text = NULL;
		} else
			out = samv_edit_set(mid, st, status, SAMV_EMIT_RAW, len,
			    err);
	} else
		*err = samv_xstrdup("internal error: the report made invalid "
		    "YAML; nothing was written");
	samv_doc_free(mid);
	samv_diags_release(&d);
	free(text);
	return out;
}

static const struct {
	const char *status;
	enum samv_label label;
} statuses[] = {
	{ "given", SAMV_L_STATUS_GIVEN },
	{ "ongoing", SAMV_L_STATUS_ONGOING },
	{ "reported", SAMV_L_STATUS_REPORTED },
	{ "done", SAMV_L_STATUS_DONE },
	{ "cancelled", SAMV_L_STATUS_CANCELLED },
};

const char *
samv_assign_status_label(const char *status, const char *lang)
{
	size_t i;

	for (i = 0; status && i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcmp(statuses[i].status, status) == 0)
			return samv_label(statuses[i].label, lang);
	return NULL;
}

int
samv_assign_overdue(const struct samv_node *a, samv_day day)
{
	const char *st = samv_node_getstr(a, "status");
	samv_day due;

	if (!streq(st, "given") && !streq(st, "ongoing"))
		return 0;
	return samv_date_parse(samv_node_getstr(a, "due"), &due) == 0 &&
	    due < day;
}

/* --- rendering ---------------------------------------------------------- */



/* "Fredagsgruppen; Elin Ring, Lena Olsson; text" (allocated). */
static char *
assignee_words(const struct samv_repo *r, const struct samv_node *as)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const struct samv_node *l;
	size_t i;

	if (samv_node_getstr(as, "body"))
		samv_buf_puts(&b, samv_repo_body_name(r, samv_node_getstr(as, "body")));
	l = samv_node_get(as, "principals");
	for (i = 0; i < seq_n(l); i++)
		samv_buf_printf(&b, "%s%s", b.len ? (i ? ", " : "; ") : "",
		    samv_repo_principal_name(r, samv_node_str(l->items[i])));
	l = samv_node_get(as, "persons");
	for (i = 0; i < seq_n(l); i++)
		samv_buf_printf(&b, "%s%s", b.len ? (i ? ", " : "; ") : "",
		    samv_node_str(l->items[i]));
	if (samv_node_getstr(as, "text") && *samv_node_getstr(as, "text"))
		samv_buf_printf(&b, "%s%s", b.len ? "; " : "",
		    samv_node_getstr(as, "text"));
	return samv_buf_detach(&b, NULL);
}

/* "2022-01-01", "Löpande", with the due note (allocated). */
static char *
due_words(const struct samv_node *a, const char *lang)
{
	const char *due = samv_node_getstr(a, "due");
	const char *note = samv_node_getstr(a, "due_note");
	const char *w = streq(due, "ongoing") ? samv_label(SAMV_L_ONGOING,
	    lang) : streq(due, "recurring") ? samv_label(SAMV_L_RECURRING,
	    lang) : due ? due : "";

	return note ? samv_xasprintf("%s (%s)", w, note) : samv_xstrdup(w);
}

/* "Fredagsgruppen 2021-09-24, § 12" of a decision id (allocated). */
static char *
decision_words(const struct samv_repo *r, const char *id)
{
	const struct samv_node *d = samv_record_root(samv_repo_get(r,
	    SAMV_KIND_DECISION, id));
	char *body = samv_id_body(id);
	char *s;

	if (d == NULL) {
		free(body);
		return samv_xstrdup(id);
	}
	s = samv_xasprintf("%s %s, § %s", samv_repo_body_name(r, body),
	    samv_node_getstr(d, "date"), strrchr(id, '/') + 1);
	free(body);
	return s;
}

static void
heading_text(cmark_node *doc, const char *heading, const char *text,
    const char *lang)
{
	samv_render_heading(doc, 2, heading);
	if (text && *text)
		samv_render_text(doc, text);
	else
		samv_render_para(doc, samv_label(SAMV_L_NOT_GIVEN, lang));
}

static void
heading_list(cmark_node *doc, const char *heading,
    const struct samv_node *seq, const char *lang)
{
	samv_render_heading(doc, 2, heading);
	if (seq_n(seq))
		samv_render_bullets(doc, seq);
	else
		samv_render_para(doc, samv_label(SAMV_L_NOT_GIVEN, lang));
}

static void
assignment_md(cmark_node *doc, const struct samv_repo *r,
    const struct samv_record *rec)
{
	const struct samv_node *a = samv_record_root(rec), *reps;
	const char *lang = r->language;
	char *s;
	size_t i;

	samv_render_heading(doc, 1, samv_node_getstr(a, "title"));
	samv_render_para(doc, samv_label(SAMV_L_ASSIGNMENT_DESCRIPTION, lang));
	samv_render_field(doc, samv_label(SAMV_L_GIVEN_BY, lang),
	    samv_repo_body_name(r, samv_node_getstr(a, "body")));
	if (samv_node_getstr(a, "decision")) {
		s = decision_words(r, samv_node_getstr(a, "decision"));
		samv_render_field(doc, samv_label(SAMV_L_DECISION, lang), s);
		free(s);
	}
	samv_render_field(doc, samv_label(SAMV_L_GIVEN_ON, lang),
	    samv_node_getstr(a, "given"));
	s = assignee_words(r, samv_node_get(a, "assignee"));
	samv_render_field(doc, samv_label(SAMV_L_ASSIGNEE, lang), s);
	free(s);
	s = due_words(a, lang);
	samv_render_field(doc, samv_label(SAMV_L_DUE, lang), s);
	free(s);
	samv_render_field(doc, samv_label(SAMV_L_STATUS, lang),
	    samv_assign_status_label(samv_node_getstr(a, "status"), lang));
	if (samv_node_getstr(a, "plan")) {
		const char *pt = samv_node_getstr(samv_record_root(
		    samv_repo_get(r, SAMV_KIND_ASSIGNMENT, samv_node_getstr(a,
		    "plan"))), "title");

		samv_render_field(doc, samv_label(SAMV_L_PLAN, lang), pt ? pt :
		    samv_node_getstr(a, "plan"));
	}
	if (samv_node_getstr(a, "section"))
		samv_render_field(doc, samv_label(SAMV_L_SECTION, lang),
		    samv_node_getstr(a, "section"));

	heading_text(doc, samv_label(SAMV_L_BACKGROUND, lang),
	    samv_node_getstr(a, "background"), lang);
	heading_text(doc, samv_label(SAMV_L_TASK, lang),
	    samv_node_getstr(a, "task"), lang);
	heading_text(doc, samv_label(SAMV_L_USER_INFLUENCE, lang),
	    samv_node_getstr(a, "user_influence"), lang);
	heading_text(doc, samv_label(SAMV_L_CHILD_RIGHTS, lang),
	    samv_node_getstr(a, "child_rights"), lang);
	heading_text(doc, samv_label(SAMV_L_REPORTING, lang),
	    samv_node_getstr(a, "reporting"), lang);
	heading_text(doc, samv_label(SAMV_L_REPORT_TO, lang),
	    samv_node_getstr(a, "report_to") ? samv_repo_body_name(r,
	    samv_node_getstr(a, "report_to")) : NULL, lang);
	heading_list(doc, samv_label(SAMV_L_CONTACTS, lang),
	    samv_node_get(a, "contacts"), lang);
	heading_list(doc, samv_label(SAMV_L_ATTACHMENTS, lang),
	    samv_node_get(a, "attachments"), lang);
	heading_text(doc, samv_label(SAMV_L_FOLLOW_UP_HOW, lang),
	    samv_node_getstr(a, "follow_up"), lang);

	reps = samv_node_get(a, "reports");
	if (seq_n(reps)) {
		const char *hdr[4];
		cmark_node *tab;

		samv_render_heading(doc, 2, samv_label(SAMV_L_REPORTS, lang));
		hdr[0] = samv_label(SAMV_L_DATE, lang);
		hdr[1] = samv_label(SAMV_L_MEETING, lang);
		hdr[2] = samv_label(SAMV_L_SUMMARY, lang);
		hdr[3] = samv_label(SAMV_L_FINAL_REPORT, lang);
		tab = samv_render_table(doc, 4, hdr);
		for (i = 0; i < reps->n_items; i++) {
			const struct samv_node *rp = reps->items[i];
			const char *cells[4];

			cells[0] = samv_node_getstr(rp, "date");
			cells[1] = samv_node_getstr(rp, "meeting");
			cells[2] = samv_node_getstr(rp, "summary");
			cells[3] = samv_label(samv_node_bool(samv_node_get(rp,
			    "final")) == 1 ? SAMV_L_YES : SAMV_L_NO, lang);
			samv_render_row(tab, cells, SAMV_CELL_PLAIN);
		}
	}
}

static void
assignment_json(struct samv_jsonw *w, const struct samv_repo *r,
    const struct samv_record *rec)
{
	const struct samv_node *a = samv_record_root(rec), *as, *l;
	const char *b = samv_node_getstr(a, "body");
	char *s;
	size_t i;

	as = samv_node_get(a, "assignee");
	samv_jsonw_object(w, NULL);
	samv_jsonw_str(w, "type", "assignment");
	samv_jsonw_str(w, "id", rec->id);
	samv_jsonw_str(w, "title", samv_node_getstr(a, "title"));
	samv_jsonw_object(w, "organization");
	samv_jsonw_str(w, "id", b);
	samv_jsonw_str(w, "name", samv_repo_body_name(r, b));
	samv_jsonw_end(w, '}');
	samv_jsonw_str(w, "decision", samv_node_getstr(a, "decision"));
	samv_jsonw_str(w, "given", samv_node_getstr(a, "given"));
	samv_jsonw_object(w, "assignee");
	samv_jsonw_str(w, "body", samv_node_getstr(as, "body"));
	samv_jsonw_strings(w, "principals", samv_node_get(as, "principals"));
	samv_jsonw_strings(w, "persons", samv_node_get(as, "persons"));
	samv_jsonw_text(w, "text", samv_node_getstr(as, "text"));
	s = assignee_words(r, as);
	samv_jsonw_str(w, "description", s);
	free(s);
	samv_jsonw_end(w, '}');
	samv_jsonw_text(w, "background", samv_node_getstr(a, "background"));
	samv_jsonw_text(w, "task", samv_node_getstr(a, "task"));
	samv_jsonw_text(w, "user_influence", samv_node_getstr(a,
	    "user_influence"));
	samv_jsonw_text(w, "child_rights", samv_node_getstr(a,
	    "child_rights"));
	samv_jsonw_text(w, "reporting", samv_node_getstr(a, "reporting"));
	samv_jsonw_str(w, "report_to", samv_node_getstr(a, "report_to"));
	samv_jsonw_strings(w, "contacts", samv_node_get(a, "contacts"));
	samv_jsonw_strings(w, "attachments", samv_node_get(a, "attachments"));
	samv_jsonw_text(w, "follow_up", samv_node_getstr(a, "follow_up"));
	samv_jsonw_str(w, "due", samv_node_getstr(a, "due"));
	samv_jsonw_text(w, "due_note", samv_node_getstr(a, "due_note"));
	samv_jsonw_str(w, "status", samv_node_getstr(a, "status"));
	samv_jsonw_str(w, "plan", samv_node_getstr(a, "plan"));
	samv_jsonw_str(w, "section", samv_node_getstr(a, "section"));
	samv_jsonw_array(w, "reports");
	l = samv_node_get(a, "reports");
	for (i = 0; i < seq_n(l); i++) {
		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "date", samv_node_getstr(l->items[i],
		    "date"));
		samv_jsonw_str(w, "meeting", samv_node_getstr(l->items[i],
		    "meeting"));
		samv_jsonw_text(w, "summary", samv_node_getstr(l->items[i],
		    "summary"));
		samv_jsonw_bool(w, "final", samv_node_bool(samv_node_get(
		    l->items[i], "final")) == 1);
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	samv_jsonw_end(w, '}');
}

int
samv_render_assignment(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *rec, enum samv_format fmt, char **err)
{
	const struct samv_node *a = samv_record_root(rec);
	cmark_node *doc;
	int rc;

	*err = NULL;
	if (a == NULL) {
		*err = samv_xasprintf("%s is not valid; run samv check",
		    rec ? rec->path : "the assignment");
		return -1;
	}
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		samv_jsonw_init(&w, out);
		assignment_json(&w, r, rec);
		samv_jsonw_finish(&w);
		return 0;
	}
	doc = samv_render_document();
	assignment_md(doc, r, rec);
	rc = samv_render_finish(out, doc, fmt, r->language,
	    samv_node_getstr(a, "title"), err);
	cmark_node_free(doc);
	return rc;
}

int
samv_render_assignment_list(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *const *recs, size_t n, samv_day as_of,
    enum samv_format fmt, char **err)
{
	const char *lang = r->language;
	size_t i;

	*err = NULL;
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		samv_jsonw_init(&w, out);
		samv_jsonw_array(&w, NULL);
		for (i = 0; i < n; i++) {
			const struct samv_node *a = samv_record_root(recs[i]);
			char *s = assignee_words(r, samv_node_get(a,
			    "assignee"));

			samv_jsonw_object(&w, NULL);
			samv_jsonw_str(&w, "id", recs[i]->id);
			samv_jsonw_str(&w, "title", samv_node_getstr(a,
			    "title"));
			samv_jsonw_str(&w, "organization", samv_node_getstr(a,
			    "body"));
			samv_jsonw_str(&w, "given", samv_node_getstr(a,
			    "given"));
			samv_jsonw_str(&w, "assignee", s);
			samv_jsonw_str(&w, "due", samv_node_getstr(a, "due"));
			samv_jsonw_str(&w, "status", samv_node_getstr(a,
			    "status"));
			samv_jsonw_bool(&w, "overdue", samv_assign_overdue(a,
			    as_of));
			samv_jsonw_str(&w, "plan", samv_node_getstr(a, "plan"));
			samv_jsonw_end(&w, '}');
			free(s);
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_finish(&w);
		return 0;
	} else {
		cmark_node *doc = samv_render_document(), *tab;
		const char *hdr[6];
		char words[64];
		int rc;

		samv_label_date(words, sizeof(words), as_of, 0, lang);
		samv_render_field(doc, samv_label(SAMV_L_AS_OF, lang), words);
		hdr[0] = samv_label(SAMV_L_ID, lang);
		hdr[1] = samv_label(SAMV_L_TITLE, lang);
		hdr[2] = samv_label(SAMV_L_ASSIGNEE, lang);
		hdr[3] = samv_label(SAMV_L_DUE, lang);
		hdr[4] = samv_label(SAMV_L_STATUS, lang);
		hdr[5] = samv_label(SAMV_L_OVERDUE, lang);
		tab = samv_render_table(doc, 6, hdr);
		for (i = 0; i < n; i++) {
			const struct samv_node *a = samv_record_root(recs[i]);
			const char *cells[6];
			char *who = assignee_words(r, samv_node_get(a,
			    "assignee"));
			char *due = due_words(a, lang);

			cells[0] = recs[i]->id;
			cells[1] = samv_node_getstr(a, "title");
			cells[2] = who;
			cells[3] = due;
			cells[4] = samv_assign_status_label(samv_node_getstr(a,
			    "status"), lang);
			cells[5] = samv_assign_overdue(a, as_of) ? samv_label(
			    SAMV_L_YES, lang) : NULL;
			samv_render_row(tab, cells, SAMV_CELL_PLAIN);
			free(who);
			free(due);
		}
		rc = samv_render_finish(out, doc, fmt, lang, samv_label(
		    SAMV_L_BALANCE_LIST, lang), err);
		cmark_node_free(doc);
		return rc;
	}
}
