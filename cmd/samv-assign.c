/* samv-assign - give assignments, record report-backs, list and show them */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assign.h"
#include "common.h"
#include "date.h"
#include "edit.h"
#include "ids.h"
#include "labels.h"
#include "map.h"
#include "records.h"
#include "render.h"
#include "source.h"
#include "util.h"

/* --- specs ----------------------------------------------------------- */

static const struct samv_option new_options[] = {
	{ "attachment", 0, SAMV_OPT_LIST, "TEXT",
	    "särskilt material som bifogas" },
	{ "background", 0, SAMV_OPT_VALUE, "TEXT", "bakgrund" },
	{ "body", 0, SAMV_OPT_VALUE, "BODY",
	    "the giving body, when no --decision" },
	{ "child-rights", 0, SAMV_OPT_VALUE, "TEXT", "barnrättsperspektiv" },
	{ "contact", 0, SAMV_OPT_LIST, "NAME", "kontaktperson" },
	{ "decision", 0, SAMV_OPT_VALUE, "ID", "the decision that gives it" },
	{ "due", 0, SAMV_OPT_VALUE, "DATE|ongoing|recurring",
	    "when it is due (required)" },
	{ "edit", 0, SAMV_OPT_FLAG, NULL,
	    "open the editor even without a terminal" },
	{ "follow-up", 0, SAMV_OPT_VALUE, "TEXT", "uppföljning, how and when" },
	{ "given", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "date given, when no --decision (default: today)" },
	{ "no-edit", 0, SAMV_OPT_FLAG, NULL,
	    "write the assignment without opening an editor" },
	{ "plan", 0, SAMV_OPT_VALUE, "ID", "the plan it is part of" },
	{ "report-how", 0, SAMV_OPT_VALUE, "TEXT",
	    "återrapportering, how and when" },
	{ "report-to", 0, SAMV_OPT_VALUE, "BODY",
	    "who gets the report (default: the giving body)" },
	{ "section", 0, SAMV_OPT_VALUE, "TEXT", "the section of the plan" },
	{ "task", 0, SAMV_OPT_VALUE, "TEXT", "uppdrag: what is to be done" },
	{ "title", 0, SAMV_OPT_VALUE, "TEXT", "the title (required)" },
	{ "to", 0, SAMV_OPT_LIST, "ASSIGNEE",
	    "a body, principal or group, person:NAME, or text (required)" },
	{ "user-influence", 0, SAMV_OPT_VALUE, "TEXT", "brukarinflytande" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec new_spec = {
	"assign new", "", "Give an assignment.", new_options, 0, 0
};

static const struct samv_option report_options[] = {
	{ "date", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "date of the report (default: the meeting's)" },
	{ "final", 0, SAMV_OPT_FLAG, NULL, "the final report" },
	{ "meeting", 0, SAMV_OPT_VALUE, "MEETING",
	    "where it was given (required)" },
	{ "summary", 0, SAMV_OPT_VALUE, "TEXT", "what was reported (required)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec report_spec = {
	"assign report", "ID", "Record a report-back on an assignment.",
	report_options, 1, 1
};

static const struct samv_option none[] = { { NULL, 0, 0, NULL, NULL } };
static const struct samv_command_spec status_spec = {
	"assign status", "ID ongoing|done|cancelled",
	"Set the status of an assignment.", none, 2, 2
};

static const struct samv_option list_options[] = {
	{ "as-of", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "the day that counts for --overdue (default: today)" },
	{ "body", 0, SAMV_OPT_VALUE, "BODY", "only those this body gave" },
	{ "format", 0, SAMV_OPT_VALUE, "md|json", "output format" },
	{ "open", 0, SAMV_OPT_FLAG, NULL, "only given or ongoing ones" },
	{ "overdue", 0, SAMV_OPT_FLAG, NULL,
	    "only open ones past their due date" },
	{ "plan", 0, SAMV_OPT_VALUE, "ID", "only the rows of this plan" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec list_spec = {
	"assign list", "", "List assignments (the balance list).",
	list_options, 0, 0
};

static const struct samv_option show_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|html|json", "output format" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec show_spec = {
	"assign show", "ID", "Render an assignment description.",
	show_options, 1, 1
};

/* --- helpers ---------------------------------------------------------- */

static char *
assignment_id(const struct samv_command_spec *spec, const char *arg)
{
	char *id = NULL;

	if (samv_id_canonical(SAMV_KIND_ASSIGNMENT, arg, &id) < 0)
		cmd_usage_error(spec, "'%s' is not an assignment id "
		    "(BODY/YYYY/SLUG)", arg);
	return id;
}

/* The assignment, loaded under the lock and valid, or exit 1. */
static const struct samv_record *
assignment_for_edit(struct samv_write *w, const char *id)
{
	const struct samv_record *rec = samv_repo_get(w->records,
	    SAMV_KIND_ASSIGNMENT, id);

	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no assignment %s", id);
	if (rec->doc == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "%s is not valid; run samv check",
		    rec->path);
	return rec;
}

static void
commit_one(struct samv_write *w, const char *path, char *text, size_t len,
    const char *msg)
{
	struct samv_change ch;

	ch.path = path;
	ch.data = text;
	ch.len = len;
	cmd_write_commit(w, &ch, 1, msg);
}

/* --- verbs ------------------------------------------------------------ */

static int
cmd_new(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	struct samv_assignment_new n;
	const struct samv_optval *to, *v;
	const char **principals, **persons, *lang;
	const char *decision_arg, *body_arg, *given_arg;
	char *decision = NULL, *slug, *id = NULL, *path = NULL, *text, *msg;
	char *plan = NULL, *reporting = NULL, today_s[11], year[5];
	struct samv_buf free_text = SAMV_BUF_INIT;
	samv_day day;
	size_t i, len;
	int edit, k;

	cmd_parse(&new_spec, argc, argv, &a);
	memset(&n, 0, sizeof(n));
	n.title = samv_args_get(&a, &new_spec, "title")->value;
	if (n.title == NULL || *n.title == '\0')
		cmd_usage_error(&new_spec, "--title is required");
	to = samv_args_get(&a, &new_spec, "to");
	if (to->n == 0)
		cmd_usage_error(&new_spec, "--to is required");
	n.due = samv_args_get(&a, &new_spec, "due")->value;
	if (n.due == NULL)
		cmd_usage_error(&new_spec, "--due is required");
	if (strcmp(n.due, "ongoing") != 0 && strcmp(n.due, "recurring") != 0 &&
	    samv_date_parse(n.due, &day) < 0)
		cmd_usage_error(&new_spec, "--due '%s' is not a date, ongoing "
		    "or recurring", n.due);
	decision_arg = samv_args_get(&a, &new_spec, "decision")->value;
	body_arg = samv_args_get(&a, &new_spec, "body")->value;
	given_arg = samv_args_get(&a, &new_spec, "given")->value;
	if (decision_arg && samv_id_canonical(SAMV_KIND_DECISION, decision_arg,
	    &decision) < 0)
		cmd_usage_error(&new_spec, "'%s' is not a decision id",
		    decision_arg);
	if (decision == NULL && body_arg == NULL)
		cmd_usage_error(&new_spec, "say who gives it: --decision or "
		    "--body");
	if (body_arg && !samv_id_is_slug(body_arg, strlen(body_arg)))
		cmd_usage_error(&new_spec, "'%s' is not a body id", body_arg);
	if (given_arg && samv_date_parse(given_arg, &day) < 0)
		cmd_usage_error(&new_spec, "--given '%s' is not a date",
		    given_arg);
	if ((v = samv_args_get(&a, &new_spec, "plan"))->set &&
	    samv_id_canonical(SAMV_KIND_ASSIGNMENT, v->value, &plan) < 0)
		cmd_usage_error(&new_spec, "'%s' is not an assignment id",
		    v->value);
	n.plan = plan;
	n.section = samv_args_get(&a, &new_spec, "section")->value;
	n.background = samv_args_get(&a, &new_spec, "background")->value;
	n.task = samv_args_get(&a, &new_spec, "task")->value;
	n.user_influence = samv_args_get(&a, &new_spec,
	    "user-influence")->value;
	n.child_rights = samv_args_get(&a, &new_spec, "child-rights")->value;
	n.reporting = samv_args_get(&a, &new_spec, "report-how")->value;
	n.follow_up = samv_args_get(&a, &new_spec, "follow-up")->value;
	n.report_to = samv_args_get(&a, &new_spec, "report-to")->value;
	v = samv_args_get(&a, &new_spec, "contact");
	n.contacts = v->values;
	n.ncontacts = v->n;
	v = samv_args_get(&a, &new_spec, "attachment");
	n.attachments = v->values;
	n.nattachments = v->n;
	n.status = "given";
	/* the editor only when no text of the template was given */
	edit = samv_args_get(&a, &new_spec, "edit")->set ||
	    (!samv_args_get(&a, &new_spec, "no-edit")->set && isatty(0) &&
	    isatty(1) && !n.background && !n.task && !n.user_influence &&
	    !n.child_rights && !n.reporting && !n.follow_up);
	if (!edit && (n.task == NULL || *n.task == '\0'))
		cmd_usage_error(&new_spec, "--task is required (or edit the "
		    "description: drop --no-edit at a terminal)");

	w = cmd_write_begin();
	lang = w->records->language;
	if (decision) {
		const struct samv_node *d = samv_record_root(samv_repo_get(
		    w->records, SAMV_KIND_DECISION, decision));
		char *db = samv_id_body(decision);

		if (d == NULL)
			cmd_die(EXIT_INVALID, "no valid decision %s", decision);
		if (body_arg && strcmp(body_arg, db) != 0)
			cmd_die(EXIT_INVALID, "decision %s was taken by %s, not "
			    "%s", decision, db, body_arg);
		n.body = samv_node_getstr(d, "body");
		n.given = given_arg ? given_arg : samv_node_getstr(d, "date");
		n.decision = decision;
		free(db);
	} else {
		n.body = body_arg;
		if (given_arg == NULL) {
			if (samv_date_today(&day) < 0)
				cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date "
				    "(YYYY-MM-DD)");
			samv_date_format(day, today_s);
			given_arg = today_s;
		}
		n.given = given_arg;
	}
	if (samv_repo_get(w->records, SAMV_KIND_BODY, n.body) == NULL)
		cmd_die(EXIT_INVALID, "no body '%s' (see bodies/)", n.body);
	if (n.report_to == NULL)
		n.report_to = n.body;
	else if (samv_repo_get(w->records, SAMV_KIND_BODY, n.report_to) == NULL)
		cmd_die(EXIT_INVALID, "--report-to: no body '%s'", n.report_to);
	if (plan && samv_repo_get(w->records, SAMV_KIND_ASSIGNMENT, plan) ==
	    NULL)
		cmd_die(EXIT_INVALID, "--plan: no assignment %s", plan);
	if (n.section && plan == NULL)
		cmd_usage_error(&new_spec, "--section needs --plan");

	/* who: a body, principals or groups, persons, else free text */
	principals = samv_xcalloc(to->n + 1, sizeof(*principals));
	persons = samv_xcalloc(to->n + 1, sizeof(*persons));
	for (i = 0; i < to->n; i++) {
		const char *t = to->values[i];

		if (strncmp(t, "person:", 7) == 0 && t[7] != '\0')
			persons[n.npersons++] = t + 7;
		else if (samv_id_is_slug(t, strlen(t)) && samv_repo_get(
		    w->records, SAMV_KIND_BODY, t)) {
			if (n.assignee_body)
				cmd_die(EXIT_USAGE, "one body as assignee, not "
				    "%s and %s", n.assignee_body, t);
			n.assignee_body = t;
		} else if (samv_map_get(&w->records->principals, t) ||
		    samv_map_get(&w->records->groups, t))
			principals[n.nprincipals++] = t;
		else if (*t) {
			if (free_text.len)
				samv_buf_puts(&free_text, "; ");
			samv_buf_puts(&free_text, t);
		} else
			cmd_usage_error(&new_spec, "--to: an empty assignee");
	}
	for (i = 0; i < n.nprincipals; i++)
		for (k = 0; k < (int)i; k++)
			if (strcmp(principals[k], principals[i]) == 0)
				cmd_usage_error(&new_spec, "--to '%s' given "
				    "twice", principals[i]);
	for (i = 0; i < n.npersons; i++)
		for (k = 0; k < (int)i; k++)
			if (strcmp(persons[k], persons[i]) == 0)
				cmd_usage_error(&new_spec, "--to 'person:%s' "
				    "given twice", persons[i]);
	n.principals = principals;
	n.persons = persons;
	n.assignee_text = free_text.len ? samv_buf_cstr(&free_text) : NULL;
	if (n.reporting == NULL && !edit) {
		const char *rb = samv_node_getstr(samv_record_root(
		    samv_repo_get(w->records, SAMV_KIND_BODY, n.report_to)),
		    "name");

		if (samv_date_parse(n.due, &day) == 0)
			reporting = samv_xasprintf(samv_label(
			    SAMV_L_DEFAULT_REPORTING_DUE, lang), rb ? rb :
			    n.report_to, n.due);
		else
			reporting = samv_xasprintf(samv_label(
			    SAMV_L_DEFAULT_REPORTING, lang), rb ? rb :
			    n.report_to);
		n.reporting = reporting;
	}

	/* the file: assignments/BODY/YEAR/SLUG.yaml, -2, -3 when taken */
	memcpy(year, n.given, 4);
	year[4] = '\0';
	slug = samv_assign_slug(n.title);
	if (*slug == '\0') {
		free(slug);
		slug = samv_xstrdup(strcmp(lang, "en") == 0 ? "assignment" :
		    "uppdrag");
	}
	for (k = 1; k < 1000; k++) {
		struct stat st;
		char *abs;
		int taken;

		free(id);
		free(path);
		id = k == 1 ? samv_xasprintf("%s/%s/%s", n.body, year, slug) :
		    samv_xasprintf("%s/%s/%s-%d", n.body, year, slug, k);
		path = samv_id_path(SAMV_KIND_ASSIGNMENT, id);
		abs = samv_xasprintf("%s/%s", w->root, path);
		taken = samv_repo_get(w->records, SAMV_KIND_ASSIGNMENT, id) !=
		    NULL || lstat(abs, &st) == 0;
		free(abs);
		if (!taken)
			break;
	}
	n.template = edit;
	n.lang = lang;
	text = samv_assignment_yaml(&n, &len);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "the assignment cannot be written as "
		    "YAML");
	if (edit)
		text = cmd_edit_loop(path, SAMV_KIND_ASSIGNMENT, text, &len);
	msg = samv_xasprintf("samv: assign %s: new \"%s\"\n", id, n.title);
	commit_one(w, path, text, len, msg);
	printf("%s\n", id);
	samv_write_end(w);
	free(msg);
	free(text);
	free(slug);
	free(id);
	free(path);
	free(principals);
	free(persons);
	free(reporting);
	free(plan);
	free(decision);
	samv_buf_release(&free_text);
	samv_args_release(&a);
	return 0;
}

static int
cmd_report(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec, *mrec;
	const char *summary, *date, *st;
	char *id, *mid, *text, *msg, *err = NULL;
	samv_day day;
	size_t len;
	int final;

	cmd_parse(&report_spec, argc, argv, &a);
	id = assignment_id(&report_spec, a.pos[0]);
	if (samv_args_get(&a, &report_spec, "meeting")->value == NULL)
		cmd_usage_error(&report_spec, "--meeting is required");
	mid = cmd_meeting_id(&report_spec, samv_args_get(&a, &report_spec,
	    "meeting")->value);
	summary = samv_args_get(&a, &report_spec, "summary")->value;
	if (summary == NULL || *summary == '\0')
		cmd_usage_error(&report_spec, "--summary is required");
	date = samv_args_get(&a, &report_spec, "date")->value;
	if (date && samv_date_parse(date, &day) < 0)
		cmd_usage_error(&report_spec, "'%s' is not a date", date);
	final = samv_args_get(&a, &report_spec, "final")->set;

	w = cmd_write_begin();
	rec = assignment_for_edit(w, id);
	st = samv_node_getstr(rec->doc->root, "status");
	if (st && (strcmp(st, "done") == 0 || strcmp(st, "cancelled") == 0))
		cmd_die(EXIT_INVALID, "%s is %s; set its status first (samv "
		    "assign status)", id, st);
	mrec = samv_repo_get(w->records, SAMV_KIND_MEETING, mid);
	if (mrec == NULL || samv_record_root(mrec) == NULL)
		cmd_die(EXIT_INVALID, "no valid meeting %s", mid);
	if (date == NULL)
		date = samv_node_getstr(samv_record_root(mrec), "date");
	text = samv_assign_add_report(rec->doc, date, mid, summary, final,
	    final ? "reported" : "ongoing", &len, &err);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	msg = samv_xasprintf("samv: assign %s: %sreport at %s\n", id,
	    final ? "final " : "", mid);
	commit_one(w, rec->path, text, len, msg);
	samv_write_end(w);
	free(msg);
	free(text);
	free(mid);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_status(int argc, char **argv)
{
	static const char *const path[] = { "status", NULL };
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const char *st, *old;
	char *id, *text, *msg, *err = NULL;
	size_t len;

	cmd_parse(&status_spec, argc, argv, &a);
	id = assignment_id(&status_spec, a.pos[0]);
	st = a.pos[1];
	if (strcmp(st, "ongoing") != 0 && strcmp(st, "done") != 0 &&
	    strcmp(st, "cancelled") != 0)
		cmd_usage_error(&status_spec, "unknown status '%s' (ongoing, "
		    "done or cancelled)", st);
	w = cmd_write_begin();
	rec = assignment_for_edit(w, id);
	old = samv_node_getstr(rec->doc->root, "status");
	if (old && strcmp(old, st) == 0) {
		fprintf(stderr, "samv assign status: %s is already %s; nothing "
		    "to change\n", id, st);
		samv_write_end(w);
		free(id);
		samv_args_release(&a);
		return 0;
	}
	text = samv_edit_set(rec->doc, path, st, SAMV_EMIT_RAW, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	msg = samv_xasprintf("samv: assign %s: %s -> %s\n", id, old ? old : "",
	    st);
	commit_one(w, rec->path, text, len, msg);
	samv_write_end(w);
	free(msg);
	free(text);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
pathcmp(const void *x, const void *y)
{
	return strcmp((*(const struct samv_record *const *)x)->path,
	    (*(const struct samv_record *const *)y)->path);
}

static int
cmd_list(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	const struct samv_record **v;
	const char *f, *body, *asof, *planarg;
	char *plan = NULL, *err = NULL;
	enum samv_format fmt = SAMV_FORMAT_MD;
	samv_day day;
	size_t i, n = 0;
	int open, overdue;

	cmd_parse(&list_spec, argc, argv, &a);
	f = samv_args_get(&a, &list_spec, "format")->value;
	if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(&list_spec, "unknown format '%s' (md or json)",
		    f);
	body = samv_args_get(&a, &list_spec, "body")->value;
	open = samv_args_get(&a, &list_spec, "open")->set;
	overdue = samv_args_get(&a, &list_spec, "overdue")->set;
	asof = samv_args_get(&a, &list_spec, "as-of")->value;
	if (asof) {
		if (samv_date_parse(asof, &day) < 0)
			cmd_usage_error(&list_spec, "'%s' is not a date", asof);
	} else if (samv_date_today(&day) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");
	planarg = samv_args_get(&a, &list_spec, "plan")->value;
	if (planarg && samv_id_canonical(SAMV_KIND_ASSIGNMENT, planarg,
	    &plan) < 0)
		cmd_usage_error(&list_spec, "'%s' is not an assignment id",
		    planarg);
	r = cmd_open_repo(samv_args_get(&a, &list_spec, "rev")->value, &src);
	if (body && samv_repo_get(r, SAMV_KIND_BODY, body) == NULL)
		cmd_die(EXIT_INVALID, "no body '%s'", body);
	/* what the filters can name: one body's folder, or a plan's
	 * activities (the tree cache's heads tell which) */
	if (body)
		samv_repo_need(r, SAMV_KIND_ASSIGNMENT, body);
	else if (plan)
		samv_repo_need_where(r, SAMV_KIND_ASSIGNMENT, "plan", plan);
	else
		samv_repo_need(r, SAMV_KIND_ASSIGNMENT, NULL);
	v = samv_xcalloc(r->n + 1, sizeof(*v));
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const struct samv_node *an = samv_record_root(rec);
		const char *st;

		if (rec->kind != SAMV_KIND_ASSIGNMENT || an == NULL)
			continue;
		st = samv_node_getstr(an, "status");
		if (body && strcmp(samv_node_getstr(an, "body"), body) != 0)
			continue;
		if (open && strcmp(st, "given") != 0 && strcmp(st, "ongoing"))
			continue;
		if (overdue && !samv_assign_overdue(an, day))
			continue;
		if (plan && (samv_node_getstr(an, "plan") == NULL ||
		    strcmp(samv_node_getstr(an, "plan"), plan) != 0))
			continue;
		v[n++] = rec;
	}
	if (n > 1)	/* path order, however they were loaded */
		qsort(v, n, sizeof(*v), pathcmp);
	if (samv_render_assignment_list(&out, r, v, n, day, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	free(v);
	free(plan);
	samv_repo_free(r);
	samv_source_free(src);
	samv_args_release(&a);
	return 0;
}

static int
cmd_show(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	const struct samv_record *rec;
	enum samv_format fmt = SAMV_FORMAT_MD;
	const char *f;
	char *id, *err = NULL;

	cmd_parse(&show_spec, argc, argv, &a);
	id = assignment_id(&show_spec, a.pos[0]);
	f = samv_args_get(&a, &show_spec, "format")->value;
	if (f && strcmp(f, "html") == 0)
		fmt = SAMV_FORMAT_HTML;
	else if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(&show_spec, "unknown format '%s' (md, html or "
		    "json)", f);
	r = cmd_open_repo(samv_args_get(&a, &show_spec, "rev")->value, &src);
	rec = samv_repo_get(r, SAMV_KIND_ASSIGNMENT, id);
	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no assignment %s", id);
	if (!rec->schema_ok)
		cmd_die(EXIT_INVALID, "%s is not valid; run samv check",
		    rec->path);
	if (samv_render_assignment(&out, r, rec, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	free(id);
	samv_args_release(&a);
	return 0;
}

static const struct cmd_verb verbs[] = {
	{ "new", cmd_new, "give an assignment" },
	{ "report", cmd_report, "record a report-back" },
	{ "status", cmd_status, "set the status" },
	{ "list", cmd_list, "list assignments" },
	{ "show", cmd_show, "render the assignment description" },
	{ NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	cmd_run_verbs("assign", verbs, argc, argv);
}
