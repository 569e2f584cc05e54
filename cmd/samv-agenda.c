/* samv-agenda - build, edit, publish and render a meeting's agenda */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "agenda.h"
#include "common.h"
#include "date.h"
#include "edit.h"
#include "ids.h"
#include "records.h"
#include "render.h"
#include "source.h"
#include "util.h"

/* --- specs ----------------------------------------------------------- */

static const struct samv_option new_options[] = {
	{ "edit", 0, SAMV_OPT_FLAG, NULL,
	    "open the editor even without a terminal" },
	{ "end", 0, SAMV_OPT_VALUE, "HH:MM", "end time of a new meeting" },
	{ "no-edit", 0, SAMV_OPT_FLAG, NULL,
	    "write the agenda without opening an editor" },
	{ "place", 0, SAMV_OPT_VALUE, "TEXT", "place of a new meeting" },
	{ "start", 0, SAMV_OPT_VALUE, "HH:MM", "start time of a new meeting" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec new_spec = {
	"agenda new", "BODY [DATE]",
	"Create the next meeting's agenda from the body's rules and records.",
	new_options, 1, 2
};

static const struct samv_option add_options[] = {
	{ "after", 0, SAMV_OPT_VALUE, "N", "insert after item N (0: first)" },
	{ "at", 0, SAMV_OPT_VALUE, "HH:MM", "a fixed start time" },
	{ "consequences", 0, SAMV_OPT_VALUE, "TEXT",
	    "consequences of the proposal" },
	{ "description", 0, SAMV_OPT_VALUE, "TEXT", "ärendebeskrivning" },
	{ "document", 0, SAMV_OPT_LIST, "TEXT", "beslutsunderlag, a document" },
	{ "minutes", 0, SAMV_OPT_VALUE, "N", "time allotted, in minutes" },
	{ "presenter", 0, SAMV_OPT_LIST, "NAME", "föredragande" },
	{ "proposal", 0, SAMV_OPT_VALUE, "TEXT", "förslag till beslut" },
	{ "ref", 0, SAMV_OPT_LIST, "ID",
	    "a decision, assignment or meeting the item follows up" },
	{ "title", 0, SAMV_OPT_VALUE, "TEXT", "the item's title (required)" },
	{ "type", 0, SAMV_OPT_VALUE, "TYPE",
	    "information (default), decision or standing" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec add_spec = {
	"agenda add", "MEETING", "Add an item to a meeting's agenda.",
	add_options, 1, 1
};

static const struct samv_option move_options[] = {
	{ "to", 0, SAMV_OPT_VALUE, "M", "the item's new number (required)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec move_spec = {
	"agenda move", "MEETING N", "Move item N to position M.",
	move_options, 2, 2
};

static const struct samv_option none[] = { { NULL, 0, 0, NULL, NULL } };
static const struct samv_command_spec remove_spec = {
	"agenda remove", "MEETING N", "Remove item N from the agenda.",
	none, 2, 2
};

static const struct samv_option break_options[] = {
	{ "at", 0, SAMV_OPT_VALUE, "HH:MM", "when the break starts (required)" },
	{ "note", 0, SAMV_OPT_VALUE, "TEXT", "a note, e.g. what happens" },
	{ "until", 0, SAMV_OPT_VALUE, "HH:MM", "when it ends (required)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec break_spec = {
	"agenda break", "MEETING", "Add a break (paus) to the agenda.",
	break_options, 1, 1
};

static const struct samv_option publish_options[] = {
	{ "date", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "when it was sent (default: today)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec publish_spec = {
	"agenda publish", "MEETING", "Record that the agenda was sent out.",
	publish_options, 1, 1
};

static const struct samv_option show_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|html|json", "output format" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec show_spec = {
	"agenda show", "MEETING", "Render the notice and agenda of a meeting.",
	show_options, 1, 1
};

/* --- helpers ---------------------------------------------------------- */

static const char *const closing_sv[] = { "Övriga frågor", "Mötet avslutas" };
static const char *const closing_en[] = { "Any other business",
    "Closing of the meeting" };

static int
is_closing(const char *title)
{
	size_t i;

	/* by prefix: "Mötet avslutas (senaste sluttid)" closes too */
	for (i = 0; title && i < 2; i++)
		if (strncmp(title, closing_sv[i], strlen(closing_sv[i])) == 0 ||
		    strncmp(title, closing_en[i], strlen(closing_en[i])) == 0)
			return 1;
	return 0;
}

static long
num_arg(const struct samv_command_spec *spec, const char *what,
    const char *v, long lo, long hi)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *v == '\0' || *end != '\0' || n < lo || n > hi)
		cmd_usage_error(spec, "%s must be a number from %ld to %ld, not "
		    "'%s'", what, lo, hi, v);
	return n;
}

/* The meeting record, loaded under the lock; refuses an adjusted one. */
static const struct samv_record *
meeting_for_edit(struct samv_write *w, const char *id)
{
	const struct samv_record *rec = samv_repo_get(w->records,
	    SAMV_KIND_MEETING, id);

	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no meeting %s (samv meeting new or samv "
		    "agenda new creates one)", id);
	if (rec->doc == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "%s is not valid; run samv check",
		    rec->path);
	if (samv_node_get(rec->doc->root, "adjustment"))
		cmd_die(EXIT_INVALID, "the protocol of %s is adjusted "
		    "(justerat); a change needs a correction decision", id);
	return rec;
}

/* Moving or removing items renumbers them: refuse once § refer to them. */
static void
refuse_if_decided(struct samv_write *w, const char *id)
{
	size_t i;
	char *body = samv_id_body(id);

	samv_repo_need(w->records, SAMV_KIND_DECISION, body);
	free(body);
	for (i = 0; i < w->records->n; i++) {
		const struct samv_record *r = w->records->records[i];
		const char *m;

		if (r->kind != SAMV_KIND_DECISION)
			continue;
		m = samv_node_getstr(samv_record_root(r), "meeting");
		if (m && strcmp(m, id) == 0)
			cmd_die(EXIT_INVALID, "decision %s refers to the items "
			    "of %s by number; items can no longer move",
			    r->id, id);
	}
}

/* Retimes, commits text as the new content of rec, and exits. */
static void
finish(struct samv_write *w, const struct samv_record *rec, char *text,
    size_t len, const char *msg)
{
	struct samv_change ch;
	char *err = NULL, *timed;
	size_t tlen;

	timed = samv_agenda_retime(text, len, &tlen, &err);
	if (timed == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	free(text);
	ch.path = rec->path;
	ch.data = timed;
	ch.len = tlen;
	cmd_write_commit(w, &ch, 1, msg);
	free(timed);
}

/* --- verbs ------------------------------------------------------------ */

static int
cmd_add(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_node *items;
	struct samv_item it;
	const struct samv_optval *v;
	char *id, *text, *err = NULL, *msg;
	size_t len, n, pos;

	cmd_parse(&add_spec, argc, argv, &a);
	id = cmd_meeting_id(&add_spec, a.pos[0]);
	memset(&it, 0, sizeof(it));
	it.start = it.minutes = -1;
	it.title = samv_args_get(&a, &add_spec, "title")->value;
	if (it.title == NULL || *it.title == '\0')
		cmd_usage_error(&add_spec, "--title is required");
	it.type = samv_args_get(&a, &add_spec, "type")->value;
	if (it.type == NULL)
		it.type = "information";
	if (strcmp(it.type, "information") != 0 &&
	    strcmp(it.type, "decision") != 0 && strcmp(it.type, "standing"))
		cmd_usage_error(&add_spec, "unknown type '%s' (information, "
		    "decision or standing)", it.type);
	v = samv_args_get(&a, &add_spec, "presenter");
	it.presenters = v->values;
	it.npresenters = v->n;
	v = samv_args_get(&a, &add_spec, "document");
	it.documents = v->values;
	it.ndocuments = v->n;
	v = samv_args_get(&a, &add_spec, "ref");
	it.refs = v->values;
	it.nrefs = v->n;
	it.description = samv_args_get(&a, &add_spec, "description")->value;
	it.proposal = samv_args_get(&a, &add_spec, "proposal")->value;
	it.consequences = samv_args_get(&a, &add_spec, "consequences")->value;
	if ((v = samv_args_get(&a, &add_spec, "minutes"))->set)
		it.minutes = (int)num_arg(&add_spec, "--minutes", v->value, 0,
		    1440);
	if ((v = samv_args_get(&a, &add_spec, "at"))->set) {
		if (it.minutes >= 0)
			cmd_usage_error(&add_spec, "give --minutes or --at, not "
			    "both");
		if (samv_time_parse(v->value, &it.start) < 0)
			cmd_usage_error(&add_spec, "'%s' is not a time (HH:MM)",
			    v->value);
	}

	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	items = samv_node_get(samv_node_get(rec->doc->root, "agenda"), "items");
	n = items && items->kind == SAMV_NODE_SEQ ? items->n_items : 0;
	if ((v = samv_args_get(&a, &add_spec, "after"))->set)
		pos = (size_t)num_arg(&add_spec, "--after", v->value, 0,
		    (long)n);
	else
		for (pos = n; pos > 0 && is_closing(samv_node_getstr(
		    items->items[pos - 1], "title")); pos--)
			;
	if (pos < n)
		refuse_if_decided(w, id);
	text = samv_agenda_insert(rec->doc, pos, &it, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	msg = samv_xasprintf("samv: agenda %s: add item %zu \"%s\"\n", id,
	    pos + 1, it.title);
	finish(w, rec, text, len, msg);
	printf("%s: item %zu \"%s\"\n", id, pos + 1, it.title);
	samv_write_end(w);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_move(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_optval *to;
	char *id, *text, *err = NULL, *msg;
	size_t len, n;
	long from, dest;

	cmd_parse(&move_spec, argc, argv, &a);
	id = cmd_meeting_id(&move_spec, a.pos[0]);
	to = samv_args_get(&a, &move_spec, "to");
	if (!to->set)
		cmd_usage_error(&move_spec, "--to is required");
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	n = samv_agenda_count(rec->doc->root);
	from = num_arg(&move_spec, "N", a.pos[1], 1, (long)(n ? n : 1));
	dest = num_arg(&move_spec, "--to", to->value, 1, (long)(n ? n : 1));
	refuse_if_decided(w, id);
	text = samv_agenda_move(rec->doc, (size_t)from - 1, (size_t)dest - 1,
	    &len, &err);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "%s", err);
	msg = samv_xasprintf("samv: agenda %s: move item %ld to %ld\n", id,
	    from, dest);
	finish(w, rec, text, len, msg);
	samv_write_end(w);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_remove(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_node *items;
	char *id, *text, *err = NULL, *msg;
	const char *title;
	size_t len, n;
	long idx;

	cmd_parse(&remove_spec, argc, argv, &a);
	id = cmd_meeting_id(&remove_spec, a.pos[0]);
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	n = samv_agenda_count(rec->doc->root);
	idx = num_arg(&remove_spec, "N", a.pos[1], 1, (long)(n ? n : 1));
	refuse_if_decided(w, id);
	items = samv_node_get(samv_node_get(rec->doc->root, "agenda"), "items");
	title = n ? samv_node_getstr(items->items[idx - 1], "title") : NULL;
	msg = samv_xasprintf("samv: agenda %s: remove item %ld \"%s\"\n", id,
	    idx, title ? title : "");
	text = samv_agenda_remove(rec->doc, (size_t)idx - 1, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "%s", err);
	finish(w, rec, text, len, msg);
	samv_write_end(w);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_break(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const char *at, *until;
	char *id, *text, *err = NULL, *msg;
	size_t len;
	int s, e;

	cmd_parse(&break_spec, argc, argv, &a);
	id = cmd_meeting_id(&break_spec, a.pos[0]);
	at = samv_args_get(&a, &break_spec, "at")->value;
	until = samv_args_get(&a, &break_spec, "until")->value;
	if (at == NULL || until == NULL)
		cmd_usage_error(&break_spec, "--at and --until are required");
	if (samv_time_parse(at, &s) < 0 || samv_time_parse(until, &e) < 0)
		cmd_usage_error(&break_spec, "times are HH:MM");
	if (e <= s)
		cmd_usage_error(&break_spec, "the break ends before it starts");
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	text = samv_agenda_add_break(rec->doc, s, e, samv_args_get(&a,
	    &break_spec, "note")->value, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	msg = samv_xasprintf("samv: agenda %s: break %s-%s\n", id, at, until);
	finish(w, rec, text, len, msg);
	samv_write_end(w);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_publish(int argc, char **argv)
{
	static const char *const path[] = { "agenda", "published", NULL };
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_node *body;
	const char *date;
	char *id, *text, *err = NULL, *msg, today_s[11];
	samv_day day, pub, today;
	long long ahead = 7;
	size_t len;

	cmd_parse(&publish_spec, argc, argv, &a);
	id = cmd_meeting_id(&publish_spec, a.pos[0]);
	if (samv_date_today(&today) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");
	samv_date_format(today, today_s);
	date = samv_args_get(&a, &publish_spec, "date")->value;
	if (date == NULL)
		date = today_s;
	if (samv_date_parse(date, &pub) < 0)
		cmd_usage_error(&publish_spec, "'%s' is not a date", date);
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	if (samv_agenda_count(rec->doc->root) == 0)
		cmd_die(EXIT_INVALID, "%s has no agenda to publish", id);
	text = samv_edit_set(rec->doc, path, date, SAMV_EMIT_RAW, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	body = samv_record_root(samv_repo_get(w->records, SAMV_KIND_BODY,
	    samv_node_getstr(rec->doc->root, "body")));
	if (samv_node_int(samv_node_get(samv_node_get(body, "agenda_rules"),
	    "days_ahead"), &ahead) < 0)
		samv_node_int(samv_node_get(samv_node_get(samv_record_root(
		    w->records->config), "defaults"), "agenda_days_ahead"),
		    &ahead);
	samv_date_parse(samv_node_getstr(rec->doc->root, "date"), &day);
	if (day - pub < ahead)
		cmd_warn("published %ld days before the meeting; the rule is "
		    "at least %lld days", (long)(day - pub), ahead);
	msg = samv_xasprintf("samv: agenda %s: published %s\n", id, date);
	finish(w, rec, text, len, msg);
	samv_write_end(w);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_show(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r = NULL;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_buf out = SAMV_BUF_INIT;
	const struct samv_record *rec;
	const char *format, *rev;
	enum samv_format fmt;
	char *id, *root = NULL, *err = NULL;

	cmd_parse(&show_spec, argc, argv, &a);
	id = cmd_meeting_id(&show_spec, a.pos[0]);
	format = samv_args_get(&a, &show_spec, "format")->value;
	if (format == NULL || strcmp(format, "md") == 0)
		fmt = SAMV_FORMAT_MD;
	else if (strcmp(format, "html") == 0)
		fmt = SAMV_FORMAT_HTML;
	else if (strcmp(format, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else
		cmd_usage_error(&show_spec, "unknown format '%s' (md, html or "
		    "json)", format);
	rev = samv_args_get(&a, &show_spec, "rev")->value;
	if (rev) {
		if (samv_source_open_rev(&src, ".", rev, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	} else {
		if (samv_find_root(".", &root) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "not a samv repository");
		samv_source_open_worktree(&src, root);
	}
	/* lazily: the agenda reads its meeting, body and a few lookups */
	samv_repo_open(&r, src, &d, &err);
	free(err);
	err = NULL;
	rec = samv_repo_get(r, SAMV_KIND_MEETING, id);
	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no meeting %s", id);
	if (!rec->schema_ok) {
		/* loaded whole, for the findings of the record */
		samv_repo_free(r);
		samv_diags_release(&d);
		if (samv_repo_load(&r, src, NULL, &d, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
		rec = samv_repo_get(r, SAMV_KIND_MEETING, id);
	}
	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no meeting %s", id);
	if (!rec->schema_ok) {
		size_t i;

		for (i = 0; i < d.n; i++)
			if (strcmp(d.v[i].path, rec->path) == 0)
				fprintf(stderr, "%s:%u:%u: error: %s [%s]\n",
				    d.v[i].path, d.v[i].line, d.v[i].col,
				    d.v[i].msg, d.v[i].rule);
		cmd_die(EXIT_INVALID, "%s is not valid", rec->path);
	}
	if (samv_render_agenda(&out, r, rec, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	samv_diags_release(&d);
	free(root);
	free(id);
	samv_args_release(&a);
	return 0;
}

/* --- agenda new ------------------------------------------------------- */

struct items {
	struct samv_item *v;
	size_t n, cap;
	char **owned;
	size_t nowned, capowned;
};

static const char *
keep(struct items *l, char *s)
{
	if (l->nowned == l->capowned) {
		l->capowned = l->capowned ? l->capowned * 2 : 32;
		l->owned = samv_xreallocarray(l->owned, l->capowned,
		    sizeof(*l->owned));
	}
	l->owned[l->nowned++] = s;
	return s;
}

static struct samv_item *
push(struct items *l, const char *title, const char *type, int minutes)
{
	struct samv_item *it;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = samv_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	it = &l->v[l->n++];
	memset(it, 0, sizeof(*it));
	it->title = title;
	it->type = type;
	it->start = -1;
	it->minutes = minutes;
	return it;
}

static const char *const *
one(struct items *l, const char *s)
{
	const char **v = samv_xmalloc(sizeof(*v));

	v[0] = s;
	keep(l, (char *)v);
	return v;
}

/* The body's previous meeting before day, or NULL. */
static const struct samv_record *
previous_meeting(const struct samv_repo *r, const char *body, samv_day day)
{
	const struct samv_record *best = NULL;
	samv_day bd = 0, md;
	size_t i, bl = strlen(body);

	samv_repo_need(r, SAMV_KIND_MEETING, body);
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];

		if (rec->kind != SAMV_KIND_MEETING ||
		    strncmp(rec->id, body, bl) != 0 || rec->id[bl] != '/' ||
		    samv_date_parse(samv_node_getstr(samv_record_root(rec),
		    "date"), &md) < 0 || md >= day)
			continue;
		if (best == NULL || md > bd) {
			best = rec;
			bd = md;
		}
	}
	return best;
}

static int
listed(const struct samv_node *l, const char *s)
{
	size_t i;

	for (i = 0; l && l->kind == SAMV_NODE_SEQ && i < l->n_items; i++)
		if (samv_node_str(l->items[i]) &&
		    strcmp(samv_node_str(l->items[i]), s) == 0)
			return 1;
	return 0;
}

/* Has any meeting of body an item raised from, or referring to, id? */
static int
on_some_agenda(const struct samv_repo *r, const char *body, const char *id)
{
	size_t i, k, bl = strlen(body);

	samv_repo_need(r, SAMV_KIND_MEETING, body);
	for (i = 0; i < r->n; i++) {
		const struct samv_node *items;

		if (r->records[i]->kind != SAMV_KIND_MEETING ||
		    strncmp(r->records[i]->id, body, bl) != 0 ||
		    r->records[i]->id[bl] != '/')
			continue;
		items = samv_node_get(samv_node_get(samv_record_root(
		    r->records[i]), "agenda"), "items");
		for (k = 0; items && items->kind == SAMV_NODE_SEQ &&
		    k < items->n_items; k++) {
			const char *o = samv_node_getstr(items->items[k],
			    "origin");

			if ((o && strcmp(o, id) == 0) || listed(samv_node_get(
			    items->items[k], "refs"), id))
				return 1;
		}
	}
	return 0;
}

static const char *
chair_of(const struct samv_node *body, samv_day day)
{
	const struct samv_node *ms = samv_node_get(body, "members");
	size_t i;

	for (i = 0; ms && ms->kind == SAMV_NODE_SEQ && i < ms->n_items; i++) {
		const struct samv_node *m = ms->items[i];
		const char *role = samv_node_getstr(m, "role");
		samv_day f, t;

		if (role == NULL || strcmp(role, "chair") != 0)
			continue;
		if (samv_date_parse(samv_node_getstr(m, "from"), &f) == 0 &&
		    day < f)
			continue;
		if (samv_date_parse(samv_node_getstr(m, "to"), &t) == 0 &&
		    day > t)
			continue;
		return samv_node_getstr(m, "name");
	}
	return NULL;
}

/* Fills the agenda of body's meeting on day (see samv-agenda(1)). */
static void
build_agenda(const struct samv_repo *r, const char *body_id,
    const struct samv_node *body, samv_day day, struct items *l)
{
	int en = strcmp(r->language, "en") == 0;
	const struct samv_record *prev = previous_meeting(r, body_id, day);
	const struct samv_node *standing, *impl;
	const char *chair = chair_of(body, day);
	samv_day prevday = day - 366;
	struct samv_item *it;
	size_t i, k;

	it = push(l, en ? "Opening of the meeting" : "Mötet öppnas",
	    "standing", 5);
	if (chair) {
		it->presenters = one(l, chair);
		it->npresenters = 1;
	}
	push(l, en ? "Adoption of the agenda" : "Fastställande av dagordning",
	    "standing", 2);
	push(l, en ? "Election of adjusters and time of adjustment" :
	    "Val av justerare och tid för justering", "standing", 3);
	if (prev) {
		it = push(l, en ? "Minutes of the previous meeting" :
		    "Föregående protokoll", "standing", 5);
		it->refs = one(l, prev->id);
		it->nrefs = 1;
		samv_date_parse(samv_node_getstr(samv_record_root(prev),
		    "date"), &prevday);
	}
	standing = samv_node_get(samv_node_get(body, "agenda_rules"),
	    "standing_items");
	for (i = 0; standing && standing->kind == SAMV_NODE_SEQ &&
	    i < standing->n_items; i++)
		if (samv_node_str(standing->items[i]))
			push(l, samv_node_str(standing->items[i]), "standing",
			    10);

	/* report-backs due from assignments this body receives: its own
	 * (report_to defaults to the giving body) and any body's that
	 * names it */
	samv_repo_need(r, SAMV_KIND_ASSIGNMENT, body_id);
	samv_repo_need_where(r, SAMV_KIND_ASSIGNMENT, "report_to", body_id);
	/* decisions of the bodies it implements; proposals sent to it,
	 * by name or through escalates_to */
	impl = samv_node_get(body, "implements");
	for (i = 0; impl && impl->kind == SAMV_NODE_SEQ && i < impl->n_items;
	    i++)
		if (samv_node_str(impl->items[i]))
			samv_repo_need(r, SAMV_KIND_DECISION,
			    samv_node_str(impl->items[i]));
	samv_repo_need_where(r, SAMV_KIND_DECISION, "to", body_id);
	samv_repo_need_where(r, SAMV_KIND_BODY, "escalates_to", body_id);
	for (i = 0; i < r->n; i++) {
		const char *esc = samv_node_getstr(samv_record_root(
		    r->records[i]), "escalates_to");

		if (r->records[i]->kind == SAMV_KIND_BODY && esc &&
		    strcmp(esc, body_id) == 0)
			samv_repo_need(r, SAMV_KIND_DECISION,
			    r->records[i]->id);
	}
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const struct samv_node *a = samv_record_root(rec), *reps;
		const char *to, *st, *due, *given_by;
		samv_day dd;
		int due_now, final = 0;

		if (rec->kind != SAMV_KIND_ASSIGNMENT || a == NULL)
			continue;
		to = samv_node_getstr(a, "report_to");
		given_by = samv_node_getstr(a, "body");
		if (strcmp(to ? to : given_by ? given_by : "", body_id) != 0)
			continue;
		st = samv_node_getstr(a, "status");
		if (st && (strcmp(st, "done") == 0 || strcmp(st, "cancelled")
		    == 0 || strcmp(st, "reported") == 0))
			continue;
		if (samv_node_get(a, "plan") != NULL)
			continue;	/* the plan itself reports its rows */
		due = samv_node_getstr(a, "due");
		if (due && strcmp(due, "recurring") == 0)
			due_now = 1;
		else
			due_now = samv_date_parse(due, &dd) == 0 && dd <= day;
		reps = samv_node_get(a, "reports");
		for (k = 0; reps && reps->kind == SAMV_NODE_SEQ &&
		    k < reps->n_items; k++)
			if (samv_node_bool(samv_node_get(reps->items[k],
			    "final")) == 1)
				final = 1;
		if (!due_now || final)
			continue;
		it = push(l, keep(l, samv_xasprintf("%s: %s", en ?
		    "Report-back" : "Återrapportering",
		    samv_node_getstr(a, "title"))), "information", 15);
		it->refs = one(l, rec->id);
		it->nrefs = 1;
		{
			const struct samv_node *c = samv_node_get(a,
			    "contacts");

			if (c && c->kind == SAMV_NODE_SEQ && c->n_items &&
			    samv_node_str(c->items[0])) {
				it->presenters = one(l,
				    samv_node_str(c->items[0]));
				it->npresenters = 1;
			}
		}
	}

	/* decisions since the previous meeting from bodies it implements */
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const struct samv_node *dn = samv_record_root(rec);
		samv_day dd;
		char *from;

		if (rec->kind != SAMV_KIND_DECISION || dn == NULL)
			continue;
		/* a proposal to this body is raised below, once */
		if (samv_node_getstr(dn, "kind") && strcmp(samv_node_getstr(dn,
		    "kind"), "proposal") == 0)
			continue;
		from = samv_id_body(rec->id);
		if (listed(impl, from) && samv_date_parse(samv_node_getstr(dn,
		    "date"), &dd) == 0 && dd > prevday && dd <= day) {
			const struct samv_record *fb = samv_repo_get(r,
			    SAMV_KIND_BODY, from);
			const char *fname = samv_node_getstr(samv_record_root(
			    fb), "name");

			it = push(l, keep(l, samv_xasprintf("%s %s: %s (§ %s)",
			    en ? "Decision of" : "Beslut i",
			    fname ? fname : from, samv_node_getstr(dn, "title"),
			    strrchr(rec->id, '/') + 1)), "information", 10);
			it->refs = one(l, rec->id);
			it->nrefs = 1;
		}
		free(from);
	}

	/* proposals addressed to this body, not yet on an agenda */
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const struct samv_node *dn = samv_record_root(rec);
		const char *kind, *to;

		if (rec->kind != SAMV_KIND_DECISION || dn == NULL)
			continue;
		kind = samv_node_getstr(dn, "kind");
		to = samv_node_getstr(dn, "to");
		if (kind == NULL || strcmp(kind, "proposal") != 0)
			continue;
		if (to == NULL) {
			char *from = samv_id_body(rec->id);

			to = samv_node_getstr(samv_record_root(samv_repo_get(r,
			    SAMV_KIND_BODY, from)), "escalates_to");
			free(from);
		}
		if (to == NULL || strcmp(to, body_id) != 0 ||
		    on_some_agenda(r, body_id, rec->id))
			continue;
		it = push(l, samv_node_getstr(dn, "title"), "decision", 15);
		it->proposal = samv_node_getstr(dn, "text");
		it->origin = rec->id;
	}
	push(l, en ? closing_en[0] : closing_sv[0], "standing", 10);
	push(l, en ? closing_en[1] : closing_sv[1], "standing", 0);
}

static int
cmd_new(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	struct samv_meeting_new m;
	struct items l;
	struct samv_change ch;
	const struct samv_record *existing;
	const struct samv_node *body, *defs;
	char *id, *path, *text, *timed, *err = NULL, *msg, datebuf[11];
	samv_day day, today;
	size_t len, tlen, i;
	int edit, s;
	const char *v;

	cmd_parse(&new_spec, argc, argv, &a);
	memset(&m, 0, sizeof(m));
	memset(&l, 0, sizeof(l));
	m.body = a.pos[0];
	m.start = m.end = -1;
	if (!samv_id_is_slug(m.body, strlen(m.body)))
		cmd_usage_error(&new_spec, "'%s' is not a body id", m.body);
	if ((v = samv_args_get(&a, &new_spec, "start")->value) &&
	    samv_time_parse(v, &m.start) < 0)
		cmd_usage_error(&new_spec, "'%s' is not a time (HH:MM)", v);
	if ((v = samv_args_get(&a, &new_spec, "end")->value) &&
	    samv_time_parse(v, &m.end) < 0)
		cmd_usage_error(&new_spec, "'%s' is not a time (HH:MM)", v);
	m.place = samv_args_get(&a, &new_spec, "place")->value;
	edit = samv_args_get(&a, &new_spec, "edit")->set ||
	    (!samv_args_get(&a, &new_spec, "no-edit")->set && isatty(0) &&
	    isatty(1));
	if (samv_date_today(&today) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");

	w = cmd_write_begin();
	body = samv_record_root(samv_repo_get(w->records, SAMV_KIND_BODY,
	    m.body));
	if (body == NULL)
		cmd_die(EXIT_INVALID, "no body '%s' (see bodies/)", m.body);
	if (a.npos > 1) {
		if (samv_date_parse(a.pos[1], &day) < 0)
			cmd_usage_error(&new_spec, "'%s' is not a date", a.pos[1]);
	} else {
		/* the body's next planned meeting without an agenda */
		const struct samv_record *best = NULL;
		samv_day bd = 0, md;

		samv_repo_need(w->records, SAMV_KIND_MEETING, m.body);
		for (i = 0; i < w->records->n; i++) {
			const struct samv_record *rec = w->records->records[i];

			if (rec->kind != SAMV_KIND_MEETING ||
			    strncmp(rec->id, m.body, strlen(m.body)) != 0 ||
			    rec->id[strlen(m.body)] != '/' ||
			    samv_agenda_count(samv_record_root(rec)) != 0 ||
			    samv_date_parse(samv_node_getstr(samv_record_root(
			    rec), "date"), &md) < 0 || md < today)
				continue;
			if (best == NULL || md < bd) {
				best = rec;
				bd = md;
			}
		}
		if (best == NULL)
			cmd_die(EXIT_INVALID, "%s has no planned meeting without "
			    "an agenda; give the date: samv agenda new %s "
			    "YYYY-MM-DD", m.body, m.body);
		day = bd;
	}
	samv_date_format(day, datebuf);
	m.date = datebuf;
	id = samv_xasprintf("%s/%s", m.body, datebuf);
	path = samv_id_path(SAMV_KIND_MEETING, id);
	existing = samv_repo_get(w->records, SAMV_KIND_MEETING, id);
	if (existing && samv_agenda_count(samv_record_root(existing)) > 0)
		cmd_die(EXIT_INVALID, "%s already has an agenda; change it with "
		    "samv agenda add/move/remove", id);
	if (existing && (existing->doc == NULL || !existing->schema_ok))
		cmd_die(EXIT_INVALID, "%s is not valid; run samv check",
		    existing->path);

	build_agenda(w->records, m.body, body, day, &l);
	defs = samv_node_get(samv_record_root(w->records->config), "defaults");
	if (existing) {
		/* keep the meeting's own file, add the items to it */
		text = samv_xstrndup(existing->doc->buf, existing->doc->len);
		len = existing->doc->len;
		for (i = 0; i < l.n; i++) {
			struct samv_diags d = SAMV_DIAGS_INIT;
			struct samv_doc *doc = NULL;
			char *next;

			if (samv_doc_parse(&doc, path, text, len, NULL, &d) < 0)
				cmd_die(EXIT_FAILURE_OTHER, "cannot re-read %s",
				    path);
			next = samv_agenda_insert(doc, (size_t)-1, &l.v[i],
			    &len, &err);
			if (next == NULL)
				cmd_die(EXIT_FAILURE_OTHER, "%s", err);
			free(text);
			text = next;
			samv_doc_free(doc);
			samv_diags_release(&d);
		}
	} else {
		if (m.start < 0 && samv_time_parse(samv_node_getstr(defs,
		    "meeting_start"), &m.start) < 0)
			m.start = 13 * 60;
		if (m.end < 0 && samv_time_parse(samv_node_getstr(defs,
		    "meeting_end"), &m.end) < 0)
			m.end = -1;
		m.kind = "ordinary";
		if (m.end < 0 && (s = samv_body_meeting_minutes(body,
		    m.kind)) > 0 && m.start + s < 1440)
			m.end = m.start + s;
		/* times allotted from the start, one item after the other */
		for (i = 0, s = m.start; i < l.n; i++) {
			l.v[i].start = s;
			s += l.v[i].minutes > 0 ? l.v[i].minutes : 0;
		}
		m.items = l.v;
		m.nitems = l.n;
		m.comment = "Agenda made by samv agenda new; see samv-agenda(1).";
		text = samv_meeting_yaml(&m, &len);
		if (text == NULL)
			cmd_die(EXIT_INVALID, "the agenda cannot be written as "
			    "YAML");
	}
	timed = samv_agenda_retime(text, len, &tlen, &err);
	if (timed == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	free(text);
	if (edit)
		timed = cmd_edit_loop(path, SAMV_KIND_MEETING, timed,
		    &tlen);

	/* does it fit? */
	{
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = NULL;

		if (samv_doc_parse(&doc, path, timed, tlen, NULL, &d) == 0) {
			const struct samv_node *items = samv_node_get(
			    samv_node_get(doc->root, "agenda"), "items");
			int e = -1, st;
			long long mins;

			samv_time_parse(samv_node_getstr(doc->root, "end"), &e);
			for (i = 0; e >= 0 && items && items->kind ==
			    SAMV_NODE_SEQ && i < items->n_items; i++)
				if (samv_time_parse(samv_node_getstr(
				    items->items[i], "start"), &st) == 0 &&
				    samv_node_int(samv_node_get(items->items[i],
				    "minutes"), &mins) == 0 && st + mins > e) {
					cmd_warn("the agenda runs past the "
					    "meeting's end (item %zu)", i + 1);
					break;
				}
		}
		samv_doc_free(doc);
		samv_diags_release(&d);
	}
	ch.path = path;
	ch.data = timed;
	ch.len = tlen;
	msg = samv_xasprintf("samv: agenda %s: new, %zu items\n", id, l.n);
	cmd_write_commit(w, &ch, 1, msg);
	printf("%s\n", id);
	samv_write_end(w);
	free(msg);
	free(timed);
	free(path);
	free(id);
	for (i = 0; i < l.nowned; i++)
		free(l.owned[i]);
	free(l.owned);
	free(l.v);
	samv_args_release(&a);
	return 0;
}

static const struct cmd_verb verbs[] = {
	{ "new", cmd_new, "create the next meeting's agenda" },
	{ "add", cmd_add, "add an item" },
	{ "move", cmd_move, "move an item" },
	{ "remove", cmd_remove, "remove an item" },
	{ "break", cmd_break, "add a break" },
	{ "publish", cmd_publish, "record that the agenda was sent" },
	{ "show", cmd_show, "render the notice and agenda" },
	{ NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	cmd_run_verbs("agenda", verbs, argc, argv);
}
