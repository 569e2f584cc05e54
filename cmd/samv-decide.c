/* samv-decide - record a decision (§) taken on an agenda item */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "date.h"
#include "decision.h"
#include "ids.h"
#include "records.h"
#include "util.h"

static const struct samv_option options[] = {
	{ "acclamation", 0, SAMV_OPT_FLAG, NULL,
	    "decided by acclamation (the chair's proposition)" },
	{ "adjusted-now", 0, SAMV_OPT_FLAG, NULL,
	    "the paragraph was adjusted at once (omedelbart justerad)" },
	{ "conflict", 0, SAMV_OPT_LIST, "NAME",
	    "did not take part because of a conflict of interest (jäv)" },
	{ "corrects", 0, SAMV_OPT_VALUE, "ID", "the decision this corrects" },
	{ "expires", 0, SAMV_OPT_VALUE, "DATE",
	    "what it extends runs until DATE" },
	{ "kind", 0, SAMV_OPT_VALUE, "KIND",
	    "decision (default), recommendation, direction, proposal, "
	    "correction, election" },
	{ "motion", 0, SAMV_OPT_LIST, "\"NAME (PARTY): TEXT\"",
	    "a motion (yrkande), numbered in order" },
	{ "note", 0, SAMV_OPT_LIST, "\"NAME: TEXT\"",
	    "a protocol note (protokollsanteckning)" },
	{ "political", 0, SAMV_OPT_FLAG, NULL,
	    "the question needs a political stand" },
	{ "recipients", 0, SAMV_OPT_LIST, "TEXT", "sent to (expedieras till)" },
	{ "recommend", 0, SAMV_OPT_LIST, "PRINCIPAL|GROUP",
	    "principals the decision recommends" },
	{ "reservation", 0, SAMV_OPT_LIST, "\"NAME (PARTY): TEXT\"",
	    "a reservation against the decision" },
	{ "roll-call", 0, SAMV_OPT_LIST, "NAME=yes|no|abstain",
	    "one member's vote in an open vote" },
	{ "summary", 0, SAMV_OPT_VALUE, "TEXT", "sammanfattning of the item" },
	{ "text", 0, SAMV_OPT_VALUE, "TEXT", "the decision (beslut)" },
	{ "text-file", 0, SAMV_OPT_VALUE, "FILE",
	    "read the decision text from FILE (- for stdin)" },
	{ "title", 0, SAMV_OPT_VALUE, "TEXT",
	    "the paragraph's title (default: the item's)" },
	{ "to", 0, SAMV_OPT_VALUE, "BODY", "the body a proposal goes to" },
	{ "vote", 0, SAMV_OPT_VALUE, "yes=N,no=M,abstain=K",
	    "the counts of a vote" },
	{ "winner", 0, SAMV_OPT_VALUE, "N",
	    "the motion that won (default 1)" },
	{ NULL, 0, 0, NULL, NULL }
};

static const struct samv_command_spec spec = {
	"decide", "MEETING ITEM",
	"Record a decision with the next § number of the body and year.",
	options, 2, 2
};

static const char *const kinds[] = { "decision", "recommendation",
	"direction", "proposal", "correction", "election", NULL };

/* "NAME (PARTY): TEXT" or "NAME: TEXT" into m (pointers into a copy). */
static void
parse_person_text(const char *opt, const char *arg, struct samv_motion *m)
{
	char *s = samv_xstrdup(arg), *colon = strstr(s, ": "), *p;

	if (colon == NULL || colon == s || colon[2] == '\0')
		cmd_usage_error(&spec, "--%s wants \"NAME (PARTY): TEXT\", not "
		    "'%s'", opt, arg);
	*colon = '\0';
	m->text = colon + 2;
	m->party = NULL;
	p = colon;
	while (p > s && p[-1] == ' ')
		*--p = '\0';
	if (p > s && p[-1] == ')' && (p = strrchr(s, '(')) != NULL) {
		char *q = p;

		s[strlen(s) - 1] = '\0';
		m->party = p + 1;
		while (q > s && q[-1] == ' ')
			q--;
		*q = '\0';
		if (*m->party == '\0')
			m->party = NULL;
	}
	m->by = s;
	if (*m->by == '\0')
		cmd_usage_error(&spec, "--%s needs a name", opt);
}

static long
count_of(const char *v, const char *what)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || end == v || (*end != '\0' && *end != ',') || n < 0 ||
	    n > 100000)
		cmd_usage_error(&spec, "--vote: '%s' is not a count for %s", v,
		    what);
	return n;
}

static void
parse_vote(const char *arg, struct samv_decision_new *d)
{
	char *s = samv_xstrdup(arg), *tok, *save = NULL;

	d->votes_for = d->votes_against = d->votes_abstain = 0;
	for (tok = strtok_r(s, ",", &save); tok; tok = strtok_r(NULL, ",",
	    &save)) {
		char *eq = strchr(tok, '=');

		if (eq == NULL)
			cmd_usage_error(&spec, "--vote wants yes=N,no=M,"
			    "abstain=K, not '%s'", arg);
		*eq = '\0';
		if (strcmp(tok, "yes") == 0 || strcmp(tok, "for") == 0 ||
		    strcmp(tok, "ja") == 0)
			d->votes_for = count_of(eq + 1, tok);
		else if (strcmp(tok, "no") == 0 || strcmp(tok, "against") == 0 ||
		    strcmp(tok, "nej") == 0)
			d->votes_against = count_of(eq + 1, tok);
		else if (strcmp(tok, "abstain") == 0 ||
		    strcmp(tok, "avstår") == 0)
			d->votes_abstain = count_of(eq + 1, tok);
		else
			cmd_usage_error(&spec, "--vote: unknown count '%s' "
			    "(yes, no, abstain)", tok);
	}
	free(s);
}

static const char *
vote_word(const char *v, const char *arg)
{
	if (strcmp(v, "yes") == 0 || strcmp(v, "for") == 0 ||
	    strcmp(v, "ja") == 0)
		return "for";
	if (strcmp(v, "no") == 0 || strcmp(v, "against") == 0 ||
	    strcmp(v, "nej") == 0)
		return "against";
	if (strcmp(v, "abstain") == 0 || strcmp(v, "avstår") == 0)
		return "abstain";
	cmd_usage_error(&spec, "--roll-call wants NAME=yes|no|abstain, not "
	    "'%s'", arg);
}

static char *
read_text_file(const char *path)
{
	struct samv_buf b = SAMV_BUF_INIT;
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char chunk[4096];
	size_t n;

	if (f == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "cannot open '%s': %s", path,
		    strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		samv_buf_add(&b, chunk, n);
		if (b.len > 1024 * 1024)
			cmd_die(EXIT_INVALID, "'%s' is too long", path);
	}
	if (f != stdin)
		fclose(f);
	while (b.len && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == ' '))
		b.s[--b.len] = '\0';
	return samv_buf_detach(&b, NULL);
}

/* How many took part: present members and serving substitutes. */
static long
taking_part(const struct samv_node *meeting, int *known)
{
	const struct samv_node *att = samv_node_get(meeting, "attendance");
	const struct samv_node *p = samv_node_get(att, "present");
	const struct samv_node *s = samv_node_get(att, "substitutes");

	*known = p != NULL;
	return (long)((p && p->kind == SAMV_NODE_SEQ ? p->n_items : 0) +
	    (s && s->kind == SAMV_NODE_SEQ ? s->n_items : 0));
}

int
main(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	struct samv_decision_new d;
	struct samv_change ch;
	const struct samv_record *mrec;
	const struct samv_node *m, *items, *it, *body;
	const struct samv_optval *v;
	struct samv_motion *motions = NULL, *res = NULL, *notes = NULL;
	struct samv_vote *rc = NULL;
	char *mid, *id, *path, *text, *msg, *err = NULL, *corr = NULL;
	char *text_owned = NULL;
	char year[5];
	const char *k;
	size_t i, len, nitems;
	samv_day day;
	long item;
	int known, methods = 0;

	cmd_parse(&spec, argc, argv, &a);
	memset(&d, 0, sizeof(d));
	d.political = -1;
	d.votes_for = d.votes_against = d.votes_abstain = -1;
	mid = cmd_meeting_id(&spec, a.pos[0]);
	errno = 0;
	item = strtol(a.pos[1], &text, 10);
	if (errno || *text != '\0' || item < 1)
		cmd_usage_error(&spec, "ITEM is an agenda item number, not '%s'",
		    a.pos[1]);
	d.kind = samv_args_get(&a, &spec, "kind")->value;
	if (d.kind == NULL)
		d.kind = "decision";
	for (i = 0; kinds[i] && strcmp(kinds[i], d.kind) != 0; i++)
		;
	if (kinds[i] == NULL)
		cmd_usage_error(&spec, "unknown kind '%s'", d.kind);
	d.text = samv_args_get(&a, &spec, "text")->value;
	if ((v = samv_args_get(&a, &spec, "text-file"))->set) {
		if (d.text)
			cmd_usage_error(&spec, "give --text or --text-file, not "
			    "both");
		d.text = text_owned = read_text_file(v->value);
	}
	if (d.text == NULL || *d.text == '\0')
		cmd_usage_error(&spec, "the decision needs its text (--text or "
		    "--text-file)");
	d.summary = samv_args_get(&a, &spec, "summary")->value;
	d.title = samv_args_get(&a, &spec, "title")->value;
	if (samv_args_get(&a, &spec, "political")->set)
		d.political = 1;
	v = samv_args_get(&a, &spec, "motion");
	if (v->n) {
		motions = samv_xcalloc(v->n, sizeof(*motions));
		for (i = 0; i < v->n; i++)
			parse_person_text("motion", v->values[i], &motions[i]);
		d.motions = motions;
		d.nmotions = v->n;
	}
	v = samv_args_get(&a, &spec, "reservation");
	if (v->n) {
		res = samv_xcalloc(v->n, sizeof(*res));
		for (i = 0; i < v->n; i++)
			parse_person_text("reservation", v->values[i], &res[i]);
		d.reservations = res;
		d.nreservations = v->n;
	}
	v = samv_args_get(&a, &spec, "note");
	if (v->n) {
		notes = samv_xcalloc(v->n, sizeof(*notes));
		for (i = 0; i < v->n; i++)
			parse_person_text("note", v->values[i], &notes[i]);
		d.notes = notes;
		d.nnotes = v->n;
	}
	if (samv_args_get(&a, &spec, "acclamation")->set) {
		d.method = "acclamation";
		methods++;
	}
	if ((v = samv_args_get(&a, &spec, "vote"))->set) {
		d.method = "vote";
		parse_vote(v->value, &d);
		methods++;
	}
	v = samv_args_get(&a, &spec, "roll-call");
	if (v->n) {
		long f = 0, ag = 0, ab = 0;

		rc = samv_xcalloc(v->n, sizeof(*rc));
		for (i = 0; i < v->n; i++) {
			char *s = samv_xstrdup(v->values[i]);
			char *eq = strrchr(s, '=');

			if (eq == NULL || eq == s)
				cmd_usage_error(&spec, "--roll-call wants "
				    "NAME=yes|no|abstain, not '%s'",
				    v->values[i]);
			*eq = '\0';
			rc[i].name = s;
			rc[i].vote = vote_word(eq + 1, v->values[i]);
			if (strcmp(rc[i].vote, "for") == 0)
				f++;
			else if (strcmp(rc[i].vote, "against") == 0)
				ag++;
			else
				ab++;
		}
		if (d.method && strcmp(d.method, "vote") == 0 &&
		    (f != d.votes_for || ag != d.votes_against ||
		    ab != d.votes_abstain))
			cmd_die(EXIT_INVALID, "--vote counts differ from the "
			    "roll call (%ld for, %ld against, %ld abstaining)",
			    f, ag, ab);
		if (d.method && strcmp(d.method, "acclamation") == 0)
			methods++;
		d.method = "roll-call";
		d.votes_for = f;
		d.votes_against = ag;
		d.votes_abstain = ab;
		d.roll_call = rc;
		d.nroll_call = v->n;
	}
	if (methods > 1)
		cmd_usage_error(&spec, "give one of --acclamation, --vote and "
		    "--roll-call");
	if ((v = samv_args_get(&a, &spec, "winner"))->set) {
		d.winner = strtol(v->value, &text, 10);
		if (*text != '\0' || d.winner < 1 || (size_t)d.winner >
		    d.nmotions)
			cmd_usage_error(&spec, "--winner must name one of the "
			    "%zu motions", d.nmotions);
	} else if (d.nmotions)
		d.winner = 1;
	if (d.nmotions && d.method == NULL)
		d.method = "acclamation";
	v = samv_args_get(&a, &spec, "conflict");
	d.conflicts = v->values;
	d.nconflicts = v->n;
	v = samv_args_get(&a, &spec, "recipients");
	d.recipients = v->values;
	d.nrecipients = v->n;
	v = samv_args_get(&a, &spec, "recommend");
	d.recommend = v->values;
	d.nrecommend = v->n;
	d.to = samv_args_get(&a, &spec, "to")->value;
	d.adjusted_now = samv_args_get(&a, &spec, "adjusted-now")->set;
	d.expires = samv_args_get(&a, &spec, "expires")->value;
	if (d.expires && samv_date_parse(d.expires, &day) < 0)
		cmd_usage_error(&spec, "--expires: '%s' is not a date",
		    d.expires);
	if ((k = samv_args_get(&a, &spec, "corrects")->value) != NULL) {
		if (samv_id_canonical(SAMV_KIND_DECISION, k, &corr) < 0)
			cmd_usage_error(&spec, "--corrects: '%s' is not a "
			    "decision id (BODY/YEAR/N)", k);
		d.corrects = corr;
	}
	if (strcmp(d.kind, "correction") == 0 && d.corrects == NULL)
		cmd_usage_error(&spec, "a correction names what it corrects "
		    "(--corrects ID)");
	if (strcmp(d.kind, "recommendation") == 0 && d.nrecommend == 0)
		cmd_usage_error(&spec, "a recommendation names its principals "
		    "(--recommend PRINCIPAL|GROUP)");

	w = cmd_write_begin();
	mrec = samv_repo_get(w->records, SAMV_KIND_MEETING, mid);
	if (mrec == NULL || (m = samv_record_root(mrec)) == NULL)
		cmd_die(EXIT_INVALID, "no valid meeting %s", mid);
	if (samv_node_get(m, "adjustment"))
		cmd_die(EXIT_INVALID, "the protocol of %s is adjusted "
		    "(justerat); take a correction decision at a later "
		    "meeting", mid);
	items = samv_node_get(samv_node_get(m, "agenda"), "items");
	nitems = items && items->kind == SAMV_NODE_SEQ ? items->n_items : 0;
	if ((size_t)item > nitems)
		cmd_die(EXIT_INVALID, "%s has no agenda item %ld (it has %zu)",
		    mid, item, nitems);
	it = items->items[item - 1];
	{
		char *mbody = samv_id_body(mid);

		samv_repo_need(w->records, SAMV_KIND_DECISION, mbody);
		free(mbody);
	}
	for (i = 0; i < w->records->n; i++) {
		const struct samv_record *r = w->records->records[i];
		const struct samv_node *dn = samv_record_root(r);
		long long n;

		if (r->kind == SAMV_KIND_DECISION && dn &&
		    samv_node_getstr(dn, "meeting") &&
		    strcmp(samv_node_getstr(dn, "meeting"), mid) == 0 &&
		    samv_node_int(samv_node_get(dn, "item"), &n) == 0 &&
		    n == item && strcmp(d.kind, "correction") != 0)
			cmd_die(EXIT_INVALID, "item %ld of %s already has "
			    "decision %s", item, mid, r->id);
	}
	/* references that must exist before anything is written */
	for (i = 0; i < d.nrecommend; i++)
		if (samv_map_get(&w->records->principals, d.recommend[i]) ==
		    NULL && samv_map_get(&w->records->groups,
		    d.recommend[i]) == NULL)
			cmd_die(EXIT_INVALID, "--recommend: no principal or "
			    "group '%s' in samv.yaml", d.recommend[i]);
	if (d.to && samv_repo_get(w->records, SAMV_KIND_BODY, d.to) == NULL)
		cmd_die(EXIT_INVALID, "--to: no body '%s'", d.to);
	if (d.corrects && samv_repo_get(w->records, SAMV_KIND_DECISION,
	    d.corrects) == NULL)
		cmd_die(EXIT_INVALID, "--corrects: no decision %s", d.corrects);
	d.body = samv_node_getstr(m, "body");
	d.date = samv_node_getstr(m, "date");
	d.meeting = mid;
	d.item = item;
	if (d.title == NULL)
		d.title = samv_node_getstr(it, "title");
	if (d.summary == NULL)
		d.summary = samv_node_getstr(it, "summary");
	if (d.proposal == NULL)
		d.proposal = samv_node_getstr(it, "proposal");
	{
		const struct samv_node *docs = samv_node_get(it, "documents");

		if (docs && docs->kind == SAMV_NODE_SEQ && docs->n_items) {
			const char **bv = samv_xcalloc(docs->n_items,
			    sizeof(*bv));

			for (i = 0; i < docs->n_items; i++)
				bv[i] = samv_node_str(docs->items[i]) ?
				    samv_node_str(docs->items[i]) : "";
			d.basis = bv;
			d.nbasis = docs->n_items;
		}
	}
	body = samv_record_root(samv_repo_get(w->records, SAMV_KIND_BODY,
	    d.body));
	if (strcmp(d.kind, "proposal") == 0 && d.to == NULL && body)
		d.to = samv_node_getstr(body, "escalates_to");
	if (d.method && strcmp(d.method, "acclamation") != 0) {
		long total = d.votes_for + d.votes_against + d.votes_abstain;
		long present = taking_part(m, &known);

		if (known && total != present)
			cmd_die(EXIT_INVALID, "the votes (%ld) do not add up to "
			    "those taking part in %s (%ld: present members and "
			    "serving substitutes)", total, mid, present);
	}
	memcpy(year, d.date, 4);
	year[4] = '\0';
	d.number = samv_decision_next_number(w->records, d.body, atoi(year));
	id = samv_xasprintf("%s/%s/%ld", d.body, year, d.number);
	path = samv_id_path(SAMV_KIND_DECISION, id);
	text = samv_decision_yaml(&d, &len);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "the decision cannot be written as YAML");
	ch.path = path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: decide %s: § %ld \"%s\" (%s item %ld)\n",
	    id, d.number, d.title ? d.title : "", mid, item);
	cmd_write_commit(w, &ch, 1, msg);
	printf("%s\n", id);
	samv_write_end(w);
	free(err);
	free(msg);
	free(text);
	free(path);
	free(id);
	free(corr);
	free(mid);
	free((void *)d.basis);
	if (text_owned)
		free(text_owned);
	for (i = 0; i < d.nmotions; i++)
		free((char *)motions[i].by);
	for (i = 0; i < d.nreservations; i++)
		free((char *)res[i].by);
	for (i = 0; i < d.nnotes; i++)
		free((char *)notes[i].by);
	for (i = 0; i < d.nroll_call; i++)
		free((char *)rc[i].name);
	free(motions);
	free(res);
	free(notes);
	free(rc);
	samv_args_release(&a);
	cmd_exit(0);
}
