/* samv-meeting - create and list meetings, record attendance */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "common.h"
#include "date.h"
#include "edit.h"
#include "emit.h"
#include "ids.h"
#include "records.h"
#include "source.h"
#include "util.h"

static const struct samv_option new_options[] = {
	{ "end", 0, SAMV_OPT_VALUE, "HH:MM", "end time" },
	{ "kind", 0, SAMV_OPT_VALUE, "KIND",
	    "ordinary, extra, check-in, strategy-day, preparatory, joint, "
	    "constituent" },
	{ "place", 0, SAMV_OPT_VALUE, "TEXT", "where (e.g. Teams)" },
	{ "start", 0, SAMV_OPT_VALUE, "HH:MM", "start time" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec new_spec = {
	"meeting new", "BODY DATE", "Create a meeting of a body.",
	new_options, 2, 2
};

static const struct samv_option list_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|json", "output format" },
	{ "upcoming", 0, SAMV_OPT_FLAG, NULL,
	    "only meetings today or later (SAMV_TODAY)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec list_spec = {
	"meeting list", "[BODY]", "List meetings, oldest first.",
	list_options, 0, 1
};

static const struct samv_option attend_options[] = {
	{ "absent", 0, SAMV_OPT_LIST, "NAME", "a member who was absent" },
	{ "other", 0, SAMV_OPT_LIST, "NAME", "someone else present" },
	{ "present", 0, SAMV_OPT_LIST, "NAME", "a member present" },
	{ "substitute", 0, SAMV_OPT_LIST, "NAME[=REPLACED]",
	    "a serving substitute, and whom they replace" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec attend_spec = {
	"meeting attend", "MEETING", "Record who attended a meeting.",
	attend_options, 1, 1
};

static int
parse_time_opt(const struct samv_command_spec *spec, const char *v)
{
	int m;

	if (v == NULL)
		return -1;
	if (samv_time_parse(v, &m) < 0)
		cmd_usage_error(spec, "'%s' is not a time (HH:MM)", v);
	return m;
}

static int
cmd_new(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	struct samv_meeting_new m;
	struct samv_change ch;
	const struct samv_node *body, *defs;
	samv_day day;
	char *path, *id, *text, *msg;
	size_t len;
	int dur;

	cmd_parse(&new_spec, argc, argv, &a);
	memset(&m, 0, sizeof(m));
	m.body = a.pos[0];
	m.date = a.pos[1];
	if (!samv_id_is_slug(m.body, strlen(m.body)))
		cmd_usage_error(&new_spec, "'%s' is not a body id", m.body);
	if (samv_date_parse(m.date, &day) < 0)
		cmd_usage_error(&new_spec, "'%s' is not a date (YYYY-MM-DD)",
		    m.date);
	m.start = parse_time_opt(&new_spec, samv_args_get(&a, &new_spec,
	    "start")->value);
	m.end = parse_time_opt(&new_spec, samv_args_get(&a, &new_spec,
	    "end")->value);
	m.place = samv_args_get(&a, &new_spec, "place")->value;
	m.kind = samv_args_get(&a, &new_spec, "kind")->value;
	if (m.kind == NULL)
		m.kind = "ordinary";

	w = cmd_write_begin();
	body = samv_record_root(samv_repo_get(w->records, SAMV_KIND_BODY,
	    m.body));
	if (body == NULL)
		cmd_die(EXIT_INVALID, "no body '%s' (see bodies/)", m.body);
	defs = samv_node_get(samv_record_root(w->records->config), "defaults");
	if (m.start < 0)
		samv_time_parse(samv_node_getstr(defs, "meeting_start"),
		    &m.start);
	if (m.end < 0 && m.start >= 0 &&
	    (dur = samv_body_meeting_minutes(body, m.kind)) > 0 && m.start + dur < 1440)
		m.end = m.start + dur;
	if (m.end < 0)
		samv_time_parse(samv_node_getstr(defs, "meeting_end"), &m.end);
	if (m.start >= 0 && m.end >= 0 && m.end <= m.start)
		cmd_die(EXIT_INVALID, "the meeting would end before it starts");
	id = samv_xasprintf("%s/%s", m.body, m.date);
	if (samv_repo_get(w->records, SAMV_KIND_MEETING, id) != NULL)
		cmd_die(EXIT_INVALID, "meeting %s already exists", id);
	path = samv_id_path(SAMV_KIND_MEETING, id);
	text = samv_meeting_yaml(&m, &len);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "the meeting cannot be written as YAML");
	ch.path = path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: meeting %s: new\n", id);
	cmd_write_commit(w, &ch, 1, msg);
	printf("%s\n", id);
	samv_write_end(w);
	free(msg);
	free(text);
	free(path);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
mtgcmp(const void *a, const void *b)
{
	const struct samv_record *x = *(const struct samv_record *const *)a;
	const struct samv_record *y = *(const struct samv_record *const *)b;
	const char *dx = strchr(x->id, '/') + 1, *dy = strchr(y->id, '/') + 1;
	int c = strcmp(dx, dy);

	return c ? c : strcmp(x->id, y->id);
}

static int
cmd_list(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src;
	struct samv_repo *r;
	struct samv_diags d = SAMV_DIAGS_INIT;
	const struct samv_record **v;
	const char *format, *body;
	char *root = NULL, *err = NULL;
	samv_day today;
	size_t i, n = 0;
	int json, up;

	cmd_parse(&list_spec, argc, argv, &a);
	format = samv_args_get(&a, &list_spec, "format")->value;
	if (format == NULL)
		format = "md";
	if (strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
		cmd_usage_error(&list_spec, "unknown format '%s' (md or json)",
		    format);
	json = strcmp(format, "json") == 0;
	up = samv_args_get(&a, &list_spec, "upcoming")->set;
	body = a.npos ? a.pos[0] : NULL;
	if (samv_date_today(&today) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");
	if (samv_find_root(".", &root) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "not a samv repository");
	samv_source_open_worktree(&src, root);
	if (samv_repo_load(&r, src, NULL, &d, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	if (body && samv_repo_get(r, SAMV_KIND_BODY, body) == NULL)
		cmd_die(EXIT_INVALID, "no body '%s'", body);
	v = samv_xcalloc(r->n + 1, sizeof(*v));
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		samv_day day;

		if (rec->kind != SAMV_KIND_MEETING)
			continue;
		if (body && (strncmp(rec->id, body, strlen(body)) != 0 ||
		    rec->id[strlen(body)] != '/'))
			continue;
		if (samv_date_parse(samv_node_getstr(samv_record_root(rec),
		    "date"), &day) < 0)
			continue;
		if (up && day < today)
			continue;
		v[n++] = rec;
	}
	qsort(v, n, sizeof(*v), mtgcmp);
	if (json)
		printf("[");
	else if (n)
		printf("| Date | Body | Kind | Time | Place | Items |\n"
		    "|---|---|---|---|---|---|\n");
	for (i = 0; i < n; i++) {
		const struct samv_node *m = samv_record_root(v[i]);
		const char *st = samv_node_getstr(m, "start");
		const char *en = samv_node_getstr(m, "end");
		const char *pl = samv_node_getstr(m, "place");
		const char *kd = samv_node_getstr(m, "kind");
		char *b = samv_id_body(v[i]->id);

		if (json) {
			printf("%s\n  {\"id\": ", i ? "," : "");
			cmd_json_string(stdout, v[i]->id);
			printf(", \"organization\": ");
			cmd_json_string(stdout, b);
			printf(", \"date\": ");
			cmd_json_string(stdout, samv_node_getstr(m, "date"));
			printf(", \"kind\": ");
			cmd_json_string(stdout, kd ? kd : "ordinary");
			printf(", \"start\": ");
			if (st)
				cmd_json_string(stdout, st);
			else
				printf("null");
			printf(", \"end\": ");
			if (en)
				cmd_json_string(stdout, en);
			else
				printf("null");
			printf(", \"location\": ");
			if (pl)
				cmd_json_string(stdout, pl);
			else
				printf("null");
			printf(", \"agendaItems\": %zu}", samv_agenda_count(m));
		} else {
			char *cell = NULL;

			printf("| %s | %s | %s | %s%s%s | ",
			    samv_node_getstr(m, "date"), b, kd ? kd : "ordinary",
			    st ? st : "", en ? "–" : "", en ? en : "");
			/* a place is user text: escape table breakers */
			if (pl) {
				struct samv_buf e = SAMV_BUF_INIT;
				const char *p;

				for (p = pl; *p; p++) {
					if (strchr("|\\`*_[]<>&", *p))
						samv_buf_putc(&e, '\\');
					if ((unsigned char)*p >= 0x20)
						samv_buf_putc(&e, *p);
				}
				cell = samv_buf_detach(&e, NULL);
			}
			printf("%s | %zu |\n", cell ? cell : "",
			    samv_agenda_count(m));
			free(cell);
		}
		free(b);
	}
	if (json)
		printf("%s]\n", n ? "\n" : "");
	else if (n == 0)
		fprintf(stderr, "samv meeting list: no meetings\n");
	free(v);
	samv_repo_free(r);
	samv_source_free(src);
	samv_diags_release(&d);
	free(root);
	samv_args_release(&a);
	return 0;
}

/* Appends names not yet in the list at path. */
static char *
append_names(char *text, size_t *len, const char *path_file,
    const char *key, const struct samv_optval *v, int substitutes)
{
	static const char *path[3] = { "attendance", NULL, NULL };
	size_t i;

	path[1] = key;
	for (i = 0; i < v->n; i++) {
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = NULL;
		const struct samv_node *l;
		struct samv_buf b = SAMV_BUF_INIT;
		struct samv_emitter *e;
		char *name = samv_xstrdup(v->values[i]), *repl = NULL, *err = NULL;
		char *next;
		size_t k;
		int dup = 0;

		if (substitutes && (repl = strchr(name, '=')) != NULL)
			*repl++ = '\0';
		if (samv_doc_parse(&doc, path_file, text, *len, NULL, &d) < 0)
			cmd_die(EXIT_INVALID, "%s is not valid YAML", path_file);
		l = samv_node_get(samv_node_get(doc->root, "attendance"), key);
		for (k = 0; l && l->kind == SAMV_NODE_SEQ && k < l->n_items;
		    k++) {
			const struct samv_node *it = l->items[k];
			const char *s = it->kind == SAMV_NODE_MAP ?
			    samv_node_getstr(it, "name") : samv_node_str(it);

			if (s && strcmp(s, name) == 0)
				dup = 1;
		}
		if (!dup) {
			e = samv_emit_begin(&b);
			samv_emit_seq_start(e);
			if (substitutes) {
				samv_emit_map_start(e);
				samv_emit_pair(e, "name", name,
				    SAMV_EMIT_STRING);
				if (repl && *repl)
					samv_emit_pair(e, "replaces", repl,
					    SAMV_EMIT_STRING);
				samv_emit_map_end(e);
			} else
				samv_emit_scalar(e, name, SAMV_EMIT_STRING);
			samv_emit_seq_end(e);
			if (samv_emit_end(e) < 0)
				cmd_die(EXIT_INVALID, "'%s' cannot be written",
				    name);
			next = samv_edit_append(doc, path, b.s, len, &err);
			if (next == NULL)
				cmd_die(EXIT_FAILURE_OTHER, "%s", err);
			free(text);
			text = next;
			samv_buf_release(&b);
		}
		free(name);
		samv_doc_free(doc);
		samv_diags_release(&d);
	}
	return text;
}

static int
cmd_attend(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	struct samv_change ch;
	char *id, *text, *msg;
	size_t len;

	cmd_parse(&attend_spec, argc, argv, &a);
	id = cmd_meeting_id(&attend_spec, a.pos[0]);
	if (!samv_args_get(&a, &attend_spec, "present")->set &&
	    !samv_args_get(&a, &attend_spec, "absent")->set &&
	    !samv_args_get(&a, &attend_spec, "substitute")->set &&
	    !samv_args_get(&a, &attend_spec, "other")->set)
		cmd_usage_error(&attend_spec, "name someone: --present, "
		    "--absent, --substitute or --other");
	w = cmd_write_begin();
	rec = samv_repo_get(w->records, SAMV_KIND_MEETING, id);
	if (rec == NULL || rec->doc == NULL)
		cmd_die(EXIT_INVALID, "no meeting %s", id);
	if (samv_node_get(samv_record_root(rec), "adjustment"))
		cmd_die(EXIT_INVALID, "the protocol of %s is adjusted "
		    "(justerat); it cannot be changed", id);
	text = samv_xstrndup(rec->doc->buf, rec->doc->len);
	len = rec->doc->len;
	text = append_names(text, &len, rec->path, "present",
	    samv_args_get(&a, &attend_spec, "present"), 0);
	text = append_names(text, &len, rec->path, "substitutes",
	    samv_args_get(&a, &attend_spec, "substitute"), 1);
	text = append_names(text, &len, rec->path, "others",
	    samv_args_get(&a, &attend_spec, "other"), 0);
	text = append_names(text, &len, rec->path, "absent",
	    samv_args_get(&a, &attend_spec, "absent"), 0);
	if (len == rec->doc->len && memcmp(text, rec->doc->buf, len) == 0) {
		fprintf(stderr, "samv meeting attend: everyone named is "
		    "already recorded; nothing to change\n");
		samv_write_end(w);
		free(text);
		free(id);
		samv_args_release(&a);
		return 0;
	}
	ch.path = rec->path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: meeting %s: attendance\n", id);
	cmd_write_commit(w, &ch, 1, msg);
	samv_write_end(w);
	free(msg);
	free(text);
	free(id);
	samv_args_release(&a);
	return 0;
}

static const struct cmd_verb verbs[] = {
	{ "new", cmd_new, "create a meeting of a body" },
	{ "list", cmd_list, "list meetings" },
	{ "attend", cmd_attend, "record who attended" },
	{ NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	cmd_run_verbs("meeting", verbs, argc, argv);
}
