/* protocol.c - the protocol of a meeting and the extract of one § */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "decision.h"
#include "labels.h"
#include "render.h"
#include "util.h"

struct proto {
	const struct samv_repo *r;
	const struct samv_node *m;	/* meeting root, or NULL */
	const struct samv_record *mrec;
	const struct samv_node *body;
	const char *lang;
	const char *body_name;
	char date_words[64], day_words[80];
};

static const char *
L(const struct proto *p, enum samv_label l)
{
	return samv_label(l, p->lang);
}

static size_t
n_of(const struct samv_node *seq)
{
	return seq && seq->kind == SAMV_NODE_SEQ ? seq->n_items : 0;
}

static const char *
getstr(const struct samv_node *n, const char *k)
{
	return samv_node_getstr(n, k);
}

static void
setup(struct proto *p, const struct samv_repo *r,
    const struct samv_record *mrec, const char *body_id, const char *date)
{
	samv_day day;

	memset(p, 0, sizeof(*p));
	p->r = r;
	p->mrec = mrec;
	p->m = samv_record_root(mrec);
	p->lang = r && r->language ? r->language : "sv";
	p->body = samv_record_root(samv_repo_get(r, SAMV_KIND_BODY, body_id));
	p->body_name = getstr(p->body, "name");
	if (p->body_name == NULL)
		p->body_name = body_id ? body_id : "";
	if (date && samv_date_parse(date, &day) == 0) {
		samv_label_date(p->date_words, sizeof(p->date_words), day, 0,
		    p->lang);
		samv_label_date(p->day_words, sizeof(p->day_words), day, 1,
		    p->lang);
	} else {
		snprintf(p->date_words, sizeof(p->date_words), "%s",
		    date ? date : "");
		snprintf(p->day_words, sizeof(p->day_words), "%s",
		    p->date_words);
	}
}

/* "förslag 1 och förslag 2" (allocated). */
static char *
proposals_text(const struct proto *p, const struct samv_node *order,
    size_t nmotions)
{
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i, n = n_of(order) ? n_of(order) : nmotions;

	for (i = 0; i < n; i++) {
		long long v = (long long)i + 1;

		if (n_of(order))
			samv_node_int(order->items[i], &v);
		if (i > 0)
			samv_buf_printf(&b, i + 1 == n ? " %s " : ", ",
			    L(p, SAMV_L_AND));
		samv_buf_printf(&b, "%s %lld", L(p, SAMV_L_PROPOSAL_N), v);
	}
	return samv_buf_detach(&b, NULL);
}

static void
person_list(cmark_node *doc, const struct proto *p, int level,
    enum samv_label head, const struct samv_node *l, int with_party)
{
	cmark_node *list;
	size_t i;

	if (n_of(l) == 0)
		return;
	samv_render_heading(doc, level, L(p, head));
	list = samv_render_list(doc, 0, 0);
	for (i = 0; i < n_of(l); i++) {
		const struct samv_node *e = l->items[i];
		const char *by = getstr(e, "by") ? getstr(e, "by") :
		    getstr(e, "name");
		const char *party = with_party ? getstr(e, "party") : NULL;
		const char *text = getstr(e, "text") ? getstr(e, "text") :
		    getstr(e, "note");
		char *s = samv_xasprintf("%s%s%s%s%s%s", by ? by : "",
		    party ? " (" : "", party ? party : "", party ? ")" : "",
		    text ? ": " : "", text ? text : "");

		samv_render_list_item(list, s);
		free(s);
	}
}

/* The paragraph of one decision, under heading level h. */
static void
decision_section(cmark_node *doc, const struct proto *p,
    const struct samv_record *drec, int h)
{
	const struct samv_node *d = samv_record_root(drec);
	const struct samv_node *proc = samv_node_get(d, "procedure");
	const struct samv_node *motions = samv_node_get(d, "motions");
	const struct samv_node *rc = samv_node_get(proc, "roll_call");
	const struct samv_node *l;
	const char *s, *method = getstr(proc, "method");
	long long winner = 0, f = 0, a = 0, ab = 0;
	char *t;
	size_t i;

	t = samv_xasprintf("§ %s %s", strrchr(drec->id, '/') + 1,
	    getstr(d, "title") ? getstr(d, "title") : "");
	samv_render_heading(doc, h, t);
	free(t);
	if ((s = getstr(d, "corrects")) != NULL) {
		const char *num = strrchr(s, '/');
		const char *yr = strchr(s, '/');

		if (num && yr && num - yr == 5) {
			t = samv_xasprintf("§ %s (%.4s)", num + 1, yr + 1);
			samv_render_field(doc, L(p, SAMV_L_CORRECTS), t);
			free(t);
		} else
			samv_render_field(doc, L(p, SAMV_L_CORRECTS), s);
	}
	if ((s = getstr(d, "summary")) != NULL) {
		samv_render_heading(doc, h + 1, L(p, SAMV_L_SUMMARY));
		samv_render_text(doc, s);
	}
	if (n_of(samv_node_get(d, "basis"))) {
		samv_render_heading(doc, h + 1, L(p, SAMV_L_DOCUMENTS));
		samv_render_bullets(doc, samv_node_get(d, "basis"));
	}
	if ((s = getstr(d, "proposal")) != NULL) {
		samv_render_heading(doc, h + 1, L(p, SAMV_L_PROPOSAL));
		samv_render_text(doc, s);
	}
	if (n_of(motions)) {
		cmark_node *list;

		samv_render_heading(doc, h + 1, L(p, SAMV_L_MOTIONS));
		list = samv_render_list(doc, 1, 1);
		for (i = 0; i < n_of(motions); i++) {
			const struct samv_node *mo = motions->items[i];
			const char *party = getstr(mo, "party");

			const char *by = getstr(mo, "by") ? getstr(mo, "by") :
			    "", *mt = getstr(mo, "text") ? getstr(mo, "text") :
			    "";

			/* a text that already names its mover stands alone */
			if (*by && strncmp(mt, by, strlen(by)) == 0)
				t = samv_xstrdup(mt);
			else
				t = samv_xasprintf("%s%s%s%s: %s", by,
				    party ? " (" : "", party ? party : "",
				    party ? ")" : "", mt);
			samv_render_list_item(list, t);
			free(t);
		}
	}
	if (method) {
		char *props = proposals_text(p, samv_node_get(proc, "order"),
		    n_of(motions));

		samv_node_int(samv_node_get(proc, "winner"), &winner);
		samv_render_heading(doc, h + 1,
		    L(p, SAMV_L_PROPOSITION_ORDER));
		if (strcmp(method, "acclamation") == 0 && n_of(motions)) {
			t = samv_xasprintf(L(p, SAMV_L_PUT_ACCLAMATION), props,
			    (long)(winner ? winner : 1));
			samv_render_para(doc, t);
			free(t);
		} else if (strcmp(method, "acclamation") == 0) {
			samv_render_para(doc, L(p, SAMV_L_ACCLAMATION));
		} else {
			const struct samv_node *v = samv_node_get(proc, "vote");

			t = samv_xasprintf(L(p, SAMV_L_PUT_VOTE), n_of(motions) ?
			    props : L(p, SAMV_L_PROPOSAL_N));
			samv_render_para(doc, t);
			free(t);
			samv_render_heading(doc, h + 1, L(p, SAMV_L_VOTE));
			samv_node_int(samv_node_get(v, "for"), &f);
			samv_node_int(samv_node_get(v, "against"), &a);
			samv_node_int(samv_node_get(v, "abstain"), &ab);
			if (v == NULL && n_of(rc)) {
				for (i = 0; i < n_of(rc); i++) {
					s = getstr(rc->items[i], "vote");
					if (s && strcmp(s, "for") == 0)
						f++;
					else if (s && strcmp(s, "against") == 0)
						a++;
					else
						ab++;
				}
			}
			t = samv_xasprintf(L(p, SAMV_L_VOTE_RESULT), (long)f,
			    (long)a, (long)ab);
			samv_render_para(doc, t);
			free(t);
			if (n_of(rc)) {
				const char *hdr[2];
				cmark_node *tab;

				hdr[0] = L(p, SAMV_L_MEMBER);
				hdr[1] = L(p, SAMV_L_VOTE);
				tab = samv_render_table(doc, 2, hdr);
				for (i = 0; i < n_of(rc); i++) {
					const char *cells[2];
					const char *vv = getstr(rc->items[i],
					    "vote");

					cells[0] = getstr(rc->items[i], "name");
					cells[1] = L(p, vv && strcmp(vv, "for") ==
					    0 ? SAMV_L_VOTE_FOR : vv &&
					    strcmp(vv, "against") == 0 ?
					    SAMV_L_VOTE_AGAINST :
					    SAMV_L_VOTE_ABSTAIN);
					samv_render_row(tab, cells,
					    SAMV_CELL_PLAIN);
				}
			}
			if (winner > 0) {
				t = samv_xasprintf(L(p, SAMV_L_WINNER),
				    (long)winner);
				samv_render_para(doc, t);
				free(t);
			}
		}
		free(props);
	}
	samv_render_heading(doc, h + 1, L(p, SAMV_L_DECISION));
	samv_render_text(doc, getstr(d, "text"));
	if ((s = getstr(d, "expires")) != NULL)
		samv_render_field(doc, L(p, SAMV_L_EXPIRES), s);
	person_list(doc, p, h + 1, SAMV_L_RESERVATIONS, samv_node_get(d,
	    "reservations"), 1);
	person_list(doc, p, h + 1, SAMV_L_PROTOCOL_NOTES, samv_node_get(d,
	    "notes"), 1);
	l = samv_node_get(d, "conflicts");
	if (n_of(l)) {
		samv_render_heading(doc, h + 1, L(p, SAMV_L_CONFLICTS));
		for (i = 0; i < n_of(l); i++) {
			t = samv_xasprintf(L(p, SAMV_L_CONFLICT_TEXT),
			    getstr(l->items[i], "name") ?
			    getstr(l->items[i], "name") : "");
			samv_render_para(doc, t);
			free(t);
		}
	}
	if (n_of(samv_node_get(d, "recipients"))) {
		samv_render_heading(doc, h + 1, L(p, SAMV_L_RECIPIENTS));
		samv_render_bullets(doc, samv_node_get(d, "recipients"));
	}
	if (samv_node_bool(samv_node_get(d, "adjusted_now")) == 1) {
		cmark_node *para = cmark_node_new(CMARK_NODE_PARAGRAPH);
		cmark_node *em = cmark_node_new(CMARK_NODE_EMPH);
		cmark_node *txt = cmark_node_new(CMARK_NODE_TEXT);

		cmark_node_set_literal(txt, L(p, SAMV_L_ADJUSTED_NOW));
		cmark_node_append_child(em, txt);
		cmark_node_append_child(para, em);
		cmark_node_append_child(doc, para);
	}
}

static void
header(cmark_node *doc, const struct proto *p, enum samv_label what)
{
	const char *full = getstr(p->body, "full_name");
	char *t;

	if (full && strcmp(full, p->body_name) != 0)
		t = samv_xasprintf("%s – %s", p->body_name, full);
	else
		t = samv_xstrdup(p->body_name);
	samv_render_heading(doc, 1, t);
	free(t);
	t = samv_xasprintf("%s %s", L(p, what), p->date_words);
	samv_render_heading(doc, 2, t);
	free(t);
}

static void
when_where(cmark_node *doc, const struct proto *p)
{
	const char *st = getstr(p->m, "start"), *en = getstr(p->m, "end");
	char *t;

	if (p->m == NULL)
		return;
	t = samv_xasprintf("%s%s%s%s%s", p->day_words, st ? " " : "",
	    st ? L(p, SAMV_L_AT) : "", st ? " " : "", st ? st : "");
	if (st && en) {
		char *u = samv_xasprintf("%s–%s", t, en);

		free(t);
		t = u;
	}
	samv_render_field(doc, L(p, SAMV_L_TIME), t);
	free(t);
	if (getstr(p->m, "place"))
		samv_render_field(doc, L(p, SAMV_L_PLACE), getstr(p->m,
		    "place"));
}

static void
signatures(cmark_node *doc, const struct proto *p,
    const struct samv_participants *who)
{
	const struct samv_node *adj = samv_node_get(p->m, "adjusters");
	const struct samv_node *done = samv_node_get(p->m, "adjustment");
	const struct samv_node *names = samv_node_get(adj, "names");
	const char *hdr[3];
	const char *cells[3];
	cmark_node *tab;
	size_t i;
	char *t;

	if (n_of(names)) {
		samv_render_heading(doc, 3, L(p, SAMV_L_ADJUSTERS));
		samv_render_bullets(doc, names);
	}
	if (getstr(adj, "when") || getstr(adj, "where") || done) {
		const char *when = getstr(done, "date") ? getstr(done, "date") :
		    getstr(adj, "when");
		const char *where = getstr(adj, "where");

		t = samv_xasprintf("%s%s%s", when ? when : "", when && where ?
		    ", " : "", where ? where : "");
		samv_render_field(doc, L(p, SAMV_L_ADJUSTMENT), t);
		free(t);
	}
	samv_render_heading(doc, 3, L(p, SAMV_L_SIGNATURES));
	hdr[0] = "";
	hdr[1] = L(p, SAMV_L_NAME);
	hdr[2] = L(p, SAMV_L_SIGNATURE);
	tab = samv_render_table(doc, 3, hdr);
	cells[2] = "";
	cells[0] = L(p, SAMV_L_SECRETARY);
	cells[1] = getstr(p->m, "secretary") ? getstr(p->m, "secretary") :
	    who->secretary.n ? who->secretary.v[0].name : "";
	samv_render_row(tab, cells, SAMV_CELL_PLAIN);
	cells[0] = L(p, SAMV_L_CHAIR);
	cells[1] = who->chair.n ? who->chair.v[0].name : "";
	samv_render_row(tab, cells, SAMV_CELL_PLAIN);
	for (i = 0; i < n_of(names); i++) {
		cells[0] = L(p, SAMV_L_ADJUSTERS);
		cells[1] = samv_node_str(names->items[i]);
		samv_render_row(tab, cells, SAMV_CELL_PLAIN);
	}
}

/* --- JSON ---------------------------------------------------------- */

static void
json_decision(struct samv_jsonw *w, const struct samv_record *drec,
    const char *key)
{
	const struct samv_node *d = samv_record_root(drec);
	const struct samv_node *proc = samv_node_get(d, "procedure");
	const struct samv_node *l, *v;
	long long n;
	size_t i;

	samv_jsonw_object(w, key);
	samv_jsonw_str(w, "id", drec->id);
	if (samv_node_int(samv_node_get(d, "number"), &n) == 0)
		samv_jsonw_int(w, "number", n);
	samv_jsonw_str(w, "title", getstr(d, "title"));
	samv_jsonw_str(w, "date", getstr(d, "date"));
	samv_jsonw_str(w, "kind", getstr(d, "kind"));
	if (samv_node_bool(samv_node_get(d, "political")) >= 0)
		samv_jsonw_bool(w, "political", samv_node_bool(samv_node_get(d,
		    "political")));
	samv_jsonw_text(w, "summary", getstr(d, "summary"));
	samv_jsonw_strings(w, "basis", samv_node_get(d, "basis"));
	samv_jsonw_text(w, "proposal", getstr(d, "proposal"));
	l = samv_node_get(d, "motions");
	samv_jsonw_array(w, "motions");
	for (i = 0; i < n_of(l); i++) {
		samv_jsonw_object(w, NULL);
		samv_jsonw_int(w, "number", (long long)i + 1);
		samv_jsonw_str(w, "by", getstr(l->items[i], "by"));
		samv_jsonw_str(w, "party", getstr(l->items[i], "party"));
		samv_jsonw_text(w, "text", getstr(l->items[i], "text"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	if (proc) {
		samv_jsonw_object(w, "procedure");
		samv_jsonw_str(w, "method", getstr(proc, "method"));
		l = samv_node_get(proc, "order");
		samv_jsonw_array(w, "order");
		for (i = 0; i < n_of(l); i++)
			if (samv_node_int(l->items[i], &n) == 0)
				samv_jsonw_int(w, NULL, n);
		samv_jsonw_end(w, ']');
		if (samv_node_int(samv_node_get(proc, "winner"), &n) == 0)
			samv_jsonw_int(w, "winner", n);
		if ((v = samv_node_get(proc, "vote")) != NULL) {
			samv_jsonw_object(w, "counts");
			if (samv_node_int(samv_node_get(v, "for"), &n) == 0)
				samv_jsonw_int(w, "for", n);
			if (samv_node_int(samv_node_get(v, "against"), &n) == 0)
				samv_jsonw_int(w, "against", n);
			if (samv_node_int(samv_node_get(v, "abstain"), &n) == 0)
				samv_jsonw_int(w, "abstain", n);
			samv_jsonw_end(w, '}');
		}
		l = samv_node_get(proc, "roll_call");
		samv_jsonw_array(w, "votes");
		for (i = 0; i < n_of(l); i++) {
			samv_jsonw_object(w, NULL);
			samv_jsonw_str(w, "name", getstr(l->items[i], "name"));
			samv_jsonw_str(w, "option", getstr(l->items[i],
			    "vote"));
			samv_jsonw_end(w, '}');
		}
		samv_jsonw_end(w, ']');
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_text(w, "text", getstr(d, "text"));
	l = samv_node_get(d, "reservations");
	samv_jsonw_array(w, "reservations");
	for (i = 0; i < n_of(l); i++) {
		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "by", getstr(l->items[i], "by"));
		samv_jsonw_str(w, "party", getstr(l->items[i], "party"));
		samv_jsonw_text(w, "text", getstr(l->items[i], "text"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	l = samv_node_get(d, "notes");
	samv_jsonw_array(w, "notes");
	for (i = 0; i < n_of(l); i++) {
		samv_jsonw_object(w, NULL);
		samv_jsonw_str(w, "by", getstr(l->items[i], "by"));
		samv_jsonw_text(w, "text", getstr(l->items[i], "text"));
		samv_jsonw_end(w, '}');
	}
	samv_jsonw_end(w, ']');
	l = samv_node_get(d, "conflicts");
	samv_jsonw_array(w, "conflicts");
	for (i = 0; i < n_of(l); i++)
		samv_jsonw_str(w, NULL, getstr(l->items[i], "name"));
	samv_jsonw_end(w, ']');
	samv_jsonw_bool(w, "adjustedNow", samv_node_bool(samv_node_get(d,
	    "adjusted_now")) == 1);
	samv_jsonw_str(w, "expires", getstr(d, "expires"));
	samv_jsonw_strings(w, "recipients", samv_node_get(d, "recipients"));
	samv_jsonw_strings(w, "recommend", samv_node_get(d, "recommend"));
	samv_jsonw_str(w, "corrects", getstr(d, "corrects"));
	samv_jsonw_str(w, "to", getstr(d, "to"));
	samv_jsonw_end(w, '}');
}

int
samv_render_protocol(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *meeting, enum samv_format fmt, char **err)
{
	struct proto p;
	struct samv_participants who;
	const struct samv_record **ds = NULL;
	const struct samv_node *items;
	size_t nd, i, k;
	int rc = 0;

	*err = NULL;
	if (samv_record_root(meeting) == NULL) {
		*err = samv_xstrdup("not a valid meeting record");
		return -1;
	}
	setup(&p, r, meeting, getstr(samv_record_root(meeting), "body"),
	    getstr(samv_record_root(meeting), "date"));
	samv_participants_collect(&who, p.body, p.m);
	nd = samv_meeting_decisions(r, meeting->id, &ds);
	items = samv_node_get(samv_node_get(p.m, "agenda"), "items");

	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;
		const struct samv_node *adj;
		char *name = samv_xasprintf("%s %s", p.body_name,
		    p.date_words);

		samv_jsonw_init(&w, out);
		samv_jsonw_object(&w, NULL);
		samv_jsonw_str(&w, "type", "protocol");
		samv_jsonw_str(&w, "id", meeting->id);
		samv_jsonw_object(&w, "organization");
		samv_jsonw_str(&w, "id", getstr(p.m, "body"));
		samv_jsonw_str(&w, "name", p.body_name);
		samv_jsonw_end(&w, '}');
		samv_jsonw_str(&w, "name", name);
		free(name);
		samv_jsonw_str(&w, "date", getstr(p.m, "date"));
		samv_jsonw_str(&w, "start", getstr(p.m, "start"));
		samv_jsonw_str(&w, "end", getstr(p.m, "end"));
		samv_jsonw_str(&w, "location", getstr(p.m, "place"));
		samv_jsonw_object(&w, "participants");
		if (who.chair.n)
			samv_render_json_person(&w, r, "chair", &who.chair.v[0]);
		if (who.secretary.n)
			samv_render_json_person(&w, r, "secretary",
			    &who.secretary.v[0]);
		samv_render_json_people(&w, r, "members", &who.members);
		samv_render_json_people(&w, r, "substitutes",
		    &who.substitutes);
		samv_render_json_people(&w, r, "others", &who.others);
		samv_render_json_people(&w, r, "absent", &who.absent);
		samv_jsonw_end(&w, '}');
		adj = samv_node_get(p.m, "adjusters");
		samv_jsonw_strings(&w, "adjusters", samv_node_get(adj, "names"));
		if ((adj = samv_node_get(p.m, "adjustment")) != NULL) {
			samv_jsonw_object(&w, "adjustment");
			samv_jsonw_str(&w, "date", getstr(adj, "date"));
			samv_jsonw_strings(&w, "by", samv_node_get(adj, "by"));
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_array(&w, "items");
		for (i = 0; i < n_of(items); i++) {
			samv_jsonw_object(&w, NULL);
			samv_jsonw_int(&w, "number", (long long)i + 1);
			samv_jsonw_str(&w, "name", getstr(items->items[i],
			    "title"));
			samv_jsonw_text(&w, "summary", getstr(items->items[i],
			    "summary"));
			/* an item may have several (a later correction) */
			samv_jsonw_array(&w, "decisions");
			for (k = 0; k < nd; k++) {
				long long it;

				if (samv_node_int(samv_node_get(
				    samv_record_root(ds[k]), "item"), &it) ==
				    0 && it == (long long)i + 1)
					json_decision(&w, ds[k], NULL);
			}
			samv_jsonw_end(&w, ']');
			samv_jsonw_end(&w, '}');
		}
		samv_jsonw_end(&w, ']');
		samv_jsonw_end(&w, '}');
		samv_jsonw_finish(&w);
	} else {
		cmark_node *doc = samv_render_document();
		char *title;

		header(doc, &p, SAMV_L_PROTOCOL);
		when_where(doc, &p);
		samv_render_people(doc, r, L(&p, SAMV_L_CHAIR), &who.chair, 0);
		samv_render_people(doc, r, L(&p, SAMV_L_MEMBERS), &who.members,
		    1);
		samv_render_people(doc, r, who.from_attendance ?
		    L(&p, SAMV_L_SERVING_SUBSTITUTES) : L(&p,
		    SAMV_L_SUBSTITUTES), &who.substitutes, 1);
		samv_render_people(doc, r, L(&p, SAMV_L_OTHERS), &who.others, 1);
		samv_render_people(doc, r, L(&p, SAMV_L_SECRETARY),
		    &who.secretary, 0);
		samv_render_people(doc, r, L(&p, SAMV_L_ABSENT), &who.absent, 1);
		for (i = 0; i < n_of(items); i++) {
			const struct samv_node *it = items->items[i];
			int decided = 0;

			for (k = 0; k < nd; k++) {
				long long n;

				if (samv_node_int(samv_node_get(
				    samv_record_root(ds[k]), "item"), &n) ==
				    0 && n == (long long)i + 1) {
					decision_section(doc, &p, ds[k], 2);
					decided = 1;
				}
			}
			if (decided)
				continue;
			title = samv_xasprintf("%s %zu. %s", L(&p,
			    SAMV_L_ITEM_N), i + 1, getstr(it, "title") ?
			    getstr(it, "title") : "");
			samv_render_heading(doc, 2, title);
			free(title);
			if (getstr(it, "summary"))
				samv_render_text(doc, getstr(it, "summary"));
		}
		signatures(doc, &p, &who);
		title = samv_xasprintf("%s – %s %s", p.body_name,
		    L(&p, SAMV_L_PROTOCOL), p.date_words);
		rc = samv_render_finish(out, doc, fmt, p.lang, title, err);
		free(title);
		cmark_node_free(doc);
	}
	free(ds);
	samv_participants_release(&who);
	return rc;
}

int
samv_render_extract(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *decision, enum samv_format fmt, char **err)
{
	const struct samv_node *d = samv_record_root(decision);
	const struct samv_record *mrec;
	struct proto p;
	char *body;
	int rc = 0;

	*err = NULL;
	if (d == NULL) {
		*err = samv_xstrdup("not a valid decision record");
		return -1;
	}
	mrec = samv_repo_get(r, SAMV_KIND_MEETING, getstr(d, "meeting"));
	body = samv_id_body(decision->id);	/* p may name the body by it */
	setup(&p, r, mrec, body, getstr(d, "date"));
	if (fmt == SAMV_FORMAT_JSON) {
		struct samv_jsonw w;

		samv_jsonw_init(&w, out);
		samv_jsonw_object(&w, NULL);
		samv_jsonw_str(&w, "type", "extract");
		samv_jsonw_str(&w, "meeting", getstr(d, "meeting"));
		json_decision(&w, decision, "decision");
		samv_jsonw_end(&w, '}');
		samv_jsonw_finish(&w);
	} else {
		cmark_node *doc = samv_render_document();
		char *title;

		header(doc, &p, SAMV_L_EXTRACT);
		when_where(doc, &p);
		decision_section(doc, &p, decision, 2);
		if (p.m && samv_node_get(p.m, "adjustment")) {
			const struct samv_node *adj = samv_node_get(p.m,
			    "adjustment");
			const struct samv_node *by = samv_node_get(adj, "by");
			struct samv_buf b = SAMV_BUF_INIT;
			size_t i;

			samv_buf_puts(&b, getstr(adj, "date") ?
			    getstr(adj, "date") : "");
			for (i = 0; i < n_of(by); i++)
				samv_buf_printf(&b, "%s%s", i ? ", " : " – ",
				    samv_node_str(by->items[i]) ?
				    samv_node_str(by->items[i]) : "");
			samv_render_field(doc, L(&p, SAMV_L_ADJUSTMENT),
			    samv_buf_cstr(&b));
			samv_buf_release(&b);
		}
		title = samv_xasprintf("%s – %s § %s", p.body_name,
		    L(&p, SAMV_L_EXTRACT), strrchr(decision->id, '/') + 1);
		rc = samv_render_finish(out, doc, fmt, p.lang, title, err);
		free(title);
		cmark_node_free(doc);
	}
	free(body);
	return rc;
}
