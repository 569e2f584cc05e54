/* samv-body - create, list and show bodies; record members' terms */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "body.h"
#include "common.h"
#include "date.h"
#include "ids.h"
#include "map.h"
#include "records.h"
#include "render.h"
#include "source.h"
#include "util.h"

/* --- specs ----------------------------------------------------------- */

static const struct samv_option new_options[] = {
	{ "commissioned-by", 0, SAMV_OPT_LIST, "BODY",
	    "a body it works on behalf of" },
	{ "escalates-to", 0, SAMV_OPT_VALUE, "BODY",
	    "the body political questions go to" },
	{ "full-name", 0, SAMV_OPT_VALUE, "TEXT", "full name or subtitle" },
	{ "implements", 0, SAMV_OPT_LIST, "BODY",
	    "a body whose decisions it implements" },
	{ "kind", 0, SAMV_OPT_VALUE, "KIND", "what kind of body (default other)" },
	{ "name", 0, SAMV_OPT_VALUE, "TEXT", "the body's name (required)" },
	{ "political", 0, SAMV_OPT_FLAG, NULL,
	    "the members are politicians" },
	{ "prepares-for", 0, SAMV_OPT_LIST, "BODY",
	    "a body it prepares matters for" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec new_spec = {
	"body new", "ID", "Create a body.", new_options, 1, 1
};

static const struct samv_option list_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|json", "output format" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec list_spec = {
	"body list", "", "List the bodies and their relations.",
	list_options, 0, 0
};

static const struct samv_option show_options[] = {
	{ "as-of", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "members on this day (default: today)" },
	{ "format", 0, SAMV_OPT_VALUE, "md|html|json", "output format" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec show_spec = {
	"body show", "ID", "Render a body's terms of reference.",
	show_options, 1, 1
};

static const struct samv_option add_options[] = {
	{ "from", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "first day in the role (default: today)" },
	{ "name", 0, SAMV_OPT_VALUE, "NAME", "the person (required)" },
	{ "party", 0, SAMV_OPT_VALUE, "PARTY", "party, for political bodies" },
	{ "position", 0, SAMV_OPT_VALUE, "TEXT", "position or job title" },
	{ "principal", 0, SAMV_OPT_VALUE, "PRINCIPAL",
	    "the principal or group represented" },
	{ "role", 0, SAMV_OPT_VALUE, "ROLE", "the role (required)" },
	{ "to", 0, SAMV_OPT_VALUE, "YYYY-MM-DD", "last day in the role" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec add_spec = {
	"body member add", "BODY", "Add a member's term to a body.",
	add_options, 1, 1
};

static const struct samv_option end_options[] = {
	{ "date", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "last day in the role (default: today)" },
	{ "name", 0, SAMV_OPT_VALUE, "NAME", "the person (required)" },
	{ "role", 0, SAMV_OPT_VALUE, "ROLE",
	    "which term, when the person has several" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec end_spec = {
	"body member end", "BODY", "End a member's current term.",
	end_options, 1, 1
};

static const char *const kinds[] = {
	"political-assembly", "officials-network", "preparatory-group",
	"management-group", "local-arena", "working-group",
	"temporary-working-group", "strategy-group", "steering-group",
	"council", "dialogue-group", "other", NULL
};

static const char *const roles[] = {
	"chair", "vice-chair", "first-vice-chair", "second-vice-chair",
	"secretary", "member", "substitute", "adjunct", NULL
};

static int
one_of(const char *const *v, const char *s)
{
	for (; *v; v++)
		if (strcmp(*v, s) == 0)
			return 1;
	return 0;
}

static const char *
date_opt(const struct samv_command_spec *spec, const struct samv_args *a,
    const char *name, char *today_s)
{
	const char *v = samv_args_get(a, spec, name)->value;
	samv_day day;

	if (v == NULL) {
		if (today_s == NULL)
			return NULL;
		if (samv_date_today(&day) < 0)
			cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date "
			    "(YYYY-MM-DD)");
		samv_date_format(day, today_s);
		return today_s;
	}
	if (samv_date_parse(v, &day) < 0)
		cmd_usage_error(spec, "'%s' is not a date (YYYY-MM-DD)", v);
	return v;
}

/* The body record, loaded under the lock and valid, or exit 1. */
static const struct samv_record *
body_for_edit(struct samv_write *w, const char *id)
{
	const struct samv_record *rec = samv_repo_get(w->records,
	    SAMV_KIND_BODY, id);

	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no body '%s' (see bodies/)", id);
	if (rec->doc == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "%s is not valid; run samv check",
		    rec->path);
	return rec;
}

static void
need_bodies(struct samv_write *w, const char *opt,
    const struct samv_optval *v)
{
	size_t i, k;

	for (i = 0; i < v->n; i++) {
		if (samv_repo_get(w->records, SAMV_KIND_BODY, v->values[i]) ==
		    NULL)
			cmd_die(EXIT_INVALID, "--%s: no body '%s'", opt,
			    v->values[i]);
		for (k = 0; k < i; k++)
			if (strcmp(v->values[k], v->values[i]) == 0)
				cmd_die(EXIT_USAGE, "--%s: '%s' given twice",
				    opt, v->values[i]);
	}
}

/* --- verbs ------------------------------------------------------------ */

static int
cmd_new(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	struct samv_body_new b;
	struct samv_change ch;
	const struct samv_optval *pf, *cb, *im;
	char *path, *text, *msg;
	size_t len;

	cmd_parse(&new_spec, argc, argv, &a);
	memset(&b, 0, sizeof(b));
	b.id = a.pos[0];
	if (!samv_id_is_slug(b.id, strlen(b.id)))
		cmd_usage_error(&new_spec, "'%s' is not a body id "
		    "([a-z0-9][a-z0-9-]*)", b.id);
	b.name = samv_args_get(&a, &new_spec, "name")->value;
	if (b.name == NULL || *b.name == '\0')
		cmd_usage_error(&new_spec, "--name is required");
	b.full_name = samv_args_get(&a, &new_spec, "full-name")->value;
	b.kind = samv_args_get(&a, &new_spec, "kind")->value;
	if (b.kind == NULL)
		b.kind = "other";
	if (!one_of(kinds, b.kind))
		cmd_usage_error(&new_spec, "unknown kind '%s' (see "
		    "samv-records(5))", b.kind);
	b.political = samv_args_get(&a, &new_spec, "political")->set;
	b.escalates_to = samv_args_get(&a, &new_spec, "escalates-to")->value;
	pf = samv_args_get(&a, &new_spec, "prepares-for");
	cb = samv_args_get(&a, &new_spec, "commissioned-by");
	im = samv_args_get(&a, &new_spec, "implements");
	b.prepares_for = pf->values;
	b.nprepares_for = pf->n;
	b.commissioned_by = cb->values;
	b.ncommissioned_by = cb->n;
	b.implements = im->values;
	b.nimplements = im->n;

	w = cmd_write_begin();
	if (samv_repo_get(w->records, SAMV_KIND_BODY, b.id) != NULL)
		cmd_die(EXIT_INVALID, "body '%s' already exists", b.id);
	need_bodies(w, "prepares-for", pf);
	need_bodies(w, "commissioned-by", cb);
	need_bodies(w, "implements", im);
	if (b.escalates_to && samv_repo_get(w->records, SAMV_KIND_BODY,
	    b.escalates_to) == NULL)
		cmd_die(EXIT_INVALID, "--escalates-to: no body '%s'",
		    b.escalates_to);
	path = samv_id_path(SAMV_KIND_BODY, b.id);
	text = samv_body_yaml(&b, &len);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "the body cannot be written as YAML");
	ch.path = path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: body %s: new \"%s\"\n", b.id, b.name);
	cmd_write_commit(w, &ch, 1, msg);
	printf("%s\n", b.id);
	samv_write_end(w);
	free(msg);
	free(text);
	free(path);
	samv_args_release(&a);
	return 0;
}

static int
cmd_list(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	const char *f;
	char *err = NULL;
	enum samv_format fmt = SAMV_FORMAT_MD;

	cmd_parse(&list_spec, argc, argv, &a);
	f = samv_args_get(&a, &list_spec, "format")->value;
	if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(&list_spec, "unknown format '%s' (md or json)",
		    f);
	r = cmd_open_repo(samv_args_get(&a, &list_spec, "rev")->value, &src);
	if (samv_render_body_list(&out, r, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
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
	const char *f, *asof;
	char *err = NULL;
	samv_day day;

	cmd_parse(&show_spec, argc, argv, &a);
	if (!samv_id_is_slug(a.pos[0], strlen(a.pos[0])))
		cmd_usage_error(&show_spec, "'%s' is not a body id", a.pos[0]);
	f = samv_args_get(&a, &show_spec, "format")->value;
	if (f && strcmp(f, "html") == 0)
		fmt = SAMV_FORMAT_HTML;
	else if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(&show_spec, "unknown format '%s' (md, html or "
		    "json)", f);
	asof = samv_args_get(&a, &show_spec, "as-of")->value;
	if (asof) {
		if (samv_date_parse(asof, &day) < 0)
			cmd_usage_error(&show_spec, "'%s' is not a date", asof);
	} else if (samv_date_today(&day) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");
	r = cmd_open_repo(samv_args_get(&a, &show_spec, "rev")->value, &src);
	rec = samv_repo_get(r, SAMV_KIND_BODY, a.pos[0]);
	if (rec == NULL)
		cmd_die(EXIT_INVALID, "no body '%s'", a.pos[0]);
	if (!rec->schema_ok)
		cmd_die(EXIT_INVALID, "%s is not valid; run samv check",
		    rec->path);
	if (samv_render_body(&out, r, rec, day, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	samv_args_release(&a);
	return 0;
}

static int
member_add(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	struct samv_member m;
	struct samv_change ch;
	char today_s[11], *text, *msg, *err = NULL;
	samv_day f, t;
	size_t len;

	cmd_parse(&add_spec, argc, argv, &a);
	memset(&m, 0, sizeof(m));
	m.name = samv_args_get(&a, &add_spec, "name")->value;
	m.role = samv_args_get(&a, &add_spec, "role")->value;
	if (m.name == NULL || *m.name == '\0' || m.role == NULL)
		cmd_usage_error(&add_spec, "--name and --role are required");
	if (!one_of(roles, m.role))
		cmd_usage_error(&add_spec, "unknown role '%s' (chair, "
		    "vice-chair, first-vice-chair, second-vice-chair, "
		    "secretary, member, substitute, adjunct)", m.role);
	m.principal = samv_args_get(&a, &add_spec, "principal")->value;
	m.party = samv_args_get(&a, &add_spec, "party")->value;
	m.position = samv_args_get(&a, &add_spec, "position")->value;
	m.from = date_opt(&add_spec, &a, "from", today_s);
	m.to = date_opt(&add_spec, &a, "to", NULL);
	samv_date_parse(m.from, &f);
	if (m.to && samv_date_parse(m.to, &t) == 0 && t < f)
		cmd_usage_error(&add_spec, "--to %s comes before --from %s",
		    m.to, m.from);

	w = cmd_write_begin();
	rec = body_for_edit(w, a.pos[0]);
	if (m.principal && samv_map_get(&w->records->principals,
	    m.principal) == NULL && samv_map_get(&w->records->groups,
	    m.principal) == NULL)
		cmd_die(EXIT_INVALID, "no principal or group '%s' in samv.yaml",
		    m.principal);
	if (m.to == NULL && samv_body_active_term(rec->doc->root, m.name,
	    m.role) != -1)
		cmd_die(EXIT_INVALID, "%s is already %s of %s; end that term "
		    "first (samv body member end)", m.name, m.role, rec->id);
	text = samv_body_member_add(rec->doc, &m, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "%s", err);
	ch.path = rec->path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: body %s: %s %s from %s\n", rec->id, m.name,
	    m.role, m.from);
	cmd_write_commit(w, &ch, 1, msg);
	samv_write_end(w);
	free(msg);
	free(text);
	samv_args_release(&a);
	return 0;
}

static int
member_end(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_node *term;
	struct samv_change ch;
	const char *name, *role, *date;
	char today_s[11], *text, *msg, *err = NULL;
	samv_day f, day;
	size_t len;
	long idx;

	cmd_parse(&end_spec, argc, argv, &a);
	name = samv_args_get(&a, &end_spec, "name")->value;
	role = samv_args_get(&a, &end_spec, "role")->value;
	if (name == NULL || *name == '\0')
		cmd_usage_error(&end_spec, "--name is required");
	if (role && !one_of(roles, role))
		cmd_usage_error(&end_spec, "unknown role '%s'", role);
	date = date_opt(&end_spec, &a, "date", today_s);
	samv_date_parse(date, &day);

	w = cmd_write_begin();
	rec = body_for_edit(w, a.pos[0]);
	idx = samv_body_active_term(rec->doc->root, name, role);
	if (idx == -1)
		cmd_die(EXIT_INVALID, "%s has no current term%s%s in %s", name,
		    role ? " as " : "", role ? role : "", rec->id);
	if (idx == -2)
		cmd_die(EXIT_INVALID, "%s has several current terms in %s; "
		    "say which with --role", name, rec->id);
	term = samv_node_get(rec->doc->root, "members")->items[idx];
	if (samv_date_parse(samv_node_getstr(term, "from"), &f) == 0 && day < f)
		cmd_die(EXIT_INVALID, "the term of %s began %s, after %s", name,
		    samv_node_getstr(term, "from"), date);
	text = samv_body_member_end(rec->doc, (size_t)idx, date, &len, &err);
	if (text == NULL)
		cmd_die(EXIT_INVALID, "%s", err);
	ch.path = rec->path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: body %s: %s %s until %s\n", rec->id, name,
	    samv_node_getstr(term, "role"), date);
	cmd_write_commit(w, &ch, 1, msg);
	samv_write_end(w);
	free(msg);
	free(text);
	samv_args_release(&a);
	return 0;
}

static int
cmd_member(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "add") == 0)
		return member_add(argc - 1, argv + 1);
	if (argc >= 2 && strcmp(argv[1], "end") == 0)
		return member_end(argc - 1, argv + 1);
	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		printf("usage: samv body member add|end BODY [OPTIONS]\n");
		return 0;
	}
	fprintf(stderr, "samv body member: say add or end; see 'samv body "
	    "member add --help'\n");
	return EXIT_USAGE;
}

static const struct cmd_verb verbs[] = {
	{ "new", cmd_new, "create a body" },
	{ "list", cmd_list, "list the bodies" },
	{ "show", cmd_show, "render the terms of reference" },
	{ "member", cmd_member, "add or end a member's term" },
	{ NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	cmd_run_verbs("body", verbs, argc, argv);
}
