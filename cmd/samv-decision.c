/* samv-decision - list and show decisions; record principals' adoption */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "date.h"
#include "edit.h"
#include "emit.h"
#include "ids.h"
#include "records.h"
#include "render.h"
#include "source.h"
#include "util.h"

static const struct samv_option list_options[] = {
	{ "body", 0, SAMV_OPT_VALUE, "BODY", "only this body's decisions" },
	{ "format", 0, SAMV_OPT_VALUE, "md|json", "output format" },
	{ "kind", 0, SAMV_OPT_VALUE, "KIND", "only decisions of this kind" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ "year", 0, SAMV_OPT_VALUE, "YYYY", "only this year's" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec list_spec = {
	"decision list", "", "List decisions by body, year and §.",
	list_options, 0, 0
};

static const struct samv_option show_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|html|json", "output format" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec show_spec = {
	"decision show", "ID", "Show one decision as its protocol extract.",
	show_options, 1, 1
};

static const struct samv_option adopt_options[] = {
	{ "by", 0, SAMV_OPT_VALUE, "TEXT",
	    "the principal's organ that decided, e.g. Socialnämnden" },
	{ "date", 0, SAMV_OPT_VALUE, "YYYY-MM-DD", "date of its decision" },
	{ "principal", 0, SAMV_OPT_LIST, "PRINCIPAL|GROUP",
	    "whose response (required)" },
	{ "ref", 0, SAMV_OPT_VALUE, "TEXT", "its reference, e.g. § or dnr" },
	{ "status", 0, SAMV_OPT_VALUE, "STATUS",
	    "adopted, rejected, partly or pending (required)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec adopt_spec = {
	"decision adopt", "ID",
	"Record a principal's response to a recommendation.",
	adopt_options, 1, 1
};

static int
deccmp(const void *a, const void *b)
{
	const struct samv_record *x = *(const struct samv_record *const *)a;
	const struct samv_record *y = *(const struct samv_record *const *)b;
	const char *xs = strchr(x->id, '/'), *ys = strchr(y->id, '/');
	int c;
	size_t xl = (size_t)(xs - x->id), yl = (size_t)(ys - y->id);

	if ((c = strncmp(x->id, y->id, xl < yl ? xl : yl)) != 0 || xl != yl)
		return c ? c : (xl < yl ? -1 : 1);
	if ((c = strncmp(xs + 1, ys + 1, 4)) != 0)
		return c;
	return atol(xs + 6) < atol(ys + 6) ? -1 : atol(xs + 6) > atol(ys + 6);
}

static void
md_cell(const char *s)
{
	for (; s && *s; s++) {
		if (strchr("|\\`*_[]<>&#", *s))
			putchar('\\');
		if (*s == '\n')
			putchar(' ');
		else if ((unsigned char)*s >= 0x20)
			putchar(*s);
	}
}

static int
cmd_list(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	const struct samv_record **v;
	const char *body, *year, *kind, *format;
	size_t i, n = 0;
	int json;

	cmd_parse(&list_spec, argc, argv, &a);
	body = samv_args_get(&a, &list_spec, "body")->value;
	year = samv_args_get(&a, &list_spec, "year")->value;
	kind = samv_args_get(&a, &list_spec, "kind")->value;
	format = samv_args_get(&a, &list_spec, "format")->value;
	if (format && strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
		cmd_usage_error(&list_spec, "unknown format '%s' (md or json)",
		    format);
	json = format && strcmp(format, "json") == 0;
	r = cmd_open_repo(samv_args_get(&a, &list_spec, "rev")->value, &src);
	samv_repo_need(r, SAMV_KIND_DECISION, body);
	v = samv_xcalloc(r->n + 1, sizeof(*v));
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const struct samv_node *dn = samv_record_root(rec);
		const char *k;
		char *b;
		int keep;

		if (rec->kind != SAMV_KIND_DECISION || dn == NULL)
			continue;
		b = samv_id_body(rec->id);
		keep = (body == NULL || strcmp(b, body) == 0) &&
		    (year == NULL || strncmp(rec->id + strlen(b) + 1, year,
		    4) == 0) && (kind == NULL || ((k = samv_node_getstr(dn,
		    "kind")) && strcmp(k, kind) == 0));
		free(b);
		if (keep)
			v[n++] = rec;
	}
	qsort(v, n, sizeof(*v), deccmp);
	if (json)
		printf("[");
	else if (n)
		printf("| § | Body | Date | Kind | Title |\n"
		    "|---|---|---|---|---|\n");
	for (i = 0; i < n; i++) {
		const struct samv_node *dn = samv_record_root(v[i]);
		char *b = samv_id_body(v[i]->id);

		if (json) {
			printf("%s\n  {\"id\": ", i ? "," : "");
			cmd_json_string(stdout, v[i]->id);
			printf(", \"organization\": ");
			cmd_json_string(stdout, b);
			printf(", \"number\": %s, \"date\": ",
			    strrchr(v[i]->id, '/') + 1);
			cmd_json_string(stdout, samv_node_getstr(dn, "date"));
			printf(", \"kind\": ");
			cmd_json_string(stdout, samv_node_getstr(dn, "kind"));
			printf(", \"name\": ");
			cmd_json_string(stdout, samv_node_getstr(dn, "title"));
			printf("}");
		} else {
			printf("| %s | %s | %s | %s | ", strrchr(v[i]->id, '/')
			    + 1, b, samv_node_getstr(dn, "date"),
			    samv_node_getstr(dn, "kind"));
			md_cell(samv_node_getstr(dn, "title"));
			printf(" |\n");
		}
		free(b);
	}
	if (json)
		printf("%s]\n", n ? "\n" : "");
	free(v);
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
	char *id = NULL, *err = NULL;

	cmd_parse(&show_spec, argc, argv, &a);
	if (samv_id_canonical(SAMV_KIND_DECISION, a.pos[0], &id) < 0)
		cmd_usage_error(&show_spec, "'%s' is not a decision id "
		    "(BODY/YEAR/N)", a.pos[0]);
	f = samv_args_get(&a, &show_spec, "format")->value;
	if (f && strcmp(f, "html") == 0)
		fmt = SAMV_FORMAT_HTML;
	else if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(&show_spec, "unknown format '%s'", f);
	r = cmd_open_repo(samv_args_get(&a, &show_spec, "rev")->value, &src);
	rec = samv_repo_get(r, SAMV_KIND_DECISION, id);
	if (rec == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "no valid decision %s", id);
	if (samv_render_extract(&out, r, rec, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	free(id);
	samv_args_release(&a);
	return 0;
}

/* Expands principal and group ids into principal ids (borrowed). */
static size_t
expand(const struct samv_repo *r, const char *id, const char **out,
    size_t max)
{
	const struct samv_node *g = samv_map_get(&r->groups, id), *ms;
	size_t i, n = 0;

	if (g == NULL) {
		out[0] = id;
		return 1;
	}
	ms = samv_node_get(g, "members");
	for (i = 0; ms && ms->kind == SAMV_NODE_SEQ && i < ms->n_items &&
	    n < max; i++)
		if (samv_node_str(ms->items[i]))
			out[n++] = samv_node_str(ms->items[i]);
	return n;
}

static int
cmd_adopt(int argc, char **argv)
{
	static const char *const path[] = { "adoption", NULL };
	static const char *const statuses[] = { "adopted", "rejected",
	    "partly", "pending", NULL };
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_optval *pv;
	const char *status, *date, *by, *ref, *recp[512], *who[512];
	char *id = NULL, *text, *msg, *err = NULL;
	size_t i, j, k, nrec = 0, nwho = 0, len;
	samv_day day;
	struct samv_change ch;

	cmd_parse(&adopt_spec, argc, argv, &a);
	if (samv_id_canonical(SAMV_KIND_DECISION, a.pos[0], &id) < 0)
		cmd_usage_error(&adopt_spec, "'%s' is not a decision id",
		    a.pos[0]);
	pv = samv_args_get(&a, &adopt_spec, "principal");
	status = samv_args_get(&a, &adopt_spec, "status")->value;
	if (pv->n == 0 || status == NULL)
		cmd_usage_error(&adopt_spec, "--principal and --status are "
		    "required");
	for (i = 0; statuses[i] && strcmp(statuses[i], status); i++)
		;
	if (statuses[i] == NULL)
		cmd_usage_error(&adopt_spec, "unknown status '%s' (adopted, "
		    "rejected, partly, pending)", status);
	date = samv_args_get(&a, &adopt_spec,
	    "date")->value;
	if (date && samv_date_parse(date, &day) < 0)
		cmd_usage_error(&adopt_spec, "'%s' is not a date", date);
	by = samv_args_get(&a, &adopt_spec, "by")->value;
	ref = samv_args_get(&a, &adopt_spec, "ref")->value;

	w = cmd_write_begin();
	rec = samv_repo_get(w->records, SAMV_KIND_DECISION, id);
	if (rec == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "no valid decision %s", id);
	{
		const struct samv_node *l = samv_node_get(rec->doc->root,
		    "recommend");

		for (i = 0; l && l->kind == SAMV_NODE_SEQ && i < l->n_items;
		    i++)
			if (samv_node_str(l->items[i]))
				nrec += expand(w->records,
				    samv_node_str(l->items[i]), recp + nrec,
				    512 - nrec);
	}
	if (nrec == 0)
		cmd_die(EXIT_INVALID, "%s recommends no principals; adoption "
		    "is recorded for recommendations", id);
	for (i = 0; i < pv->n; i++) {
		if (samv_map_get(&w->records->principals, pv->values[i]) ==
		    NULL && samv_map_get(&w->records->groups, pv->values[i]) ==
		    NULL)
			cmd_die(EXIT_INVALID, "no principal or group '%s' in "
			    "samv.yaml", pv->values[i]);
		nwho += expand(w->records, pv->values[i], who + nwho,
		    512 - nwho);
	}
	for (i = 0; i < nwho; i++) {
		for (j = 0; j < nrec && strcmp(recp[j], who[i]); j++)
			;
		if (j == nrec)
			cmd_die(EXIT_INVALID, "%s does not recommend '%s'; it "
			    "recommends %s%s", id, who[i], recp[0],
			    nrec > 1 ? " and others" : "");
	}

	text = samv_xstrndup(rec->doc->buf, rec->doc->len);
	len = rec->doc->len;
	for (i = 0; i < nwho; i++) {
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = NULL;
		struct samv_buf b = SAMV_BUF_INIT;
		struct samv_emitter *e;
		const struct samv_node *l;
		char *next = NULL;

		if (samv_doc_parse(&doc, rec->path, text, len, NULL, &d) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "cannot re-read %s",
			    rec->path);
		e = samv_emit_begin(&b);
		samv_emit_seq_start(e);
		samv_emit_map_start(e);
		samv_emit_pair(e, "principal", who[i], SAMV_EMIT_RAW);
		samv_emit_pair(e, "status", status, SAMV_EMIT_RAW);
		if (date)
			samv_emit_pair(e, "date", date, SAMV_EMIT_RAW);
		if (by)
			samv_emit_pair(e, "by", by, SAMV_EMIT_STRING);
		if (ref)
			samv_emit_pair(e, "ref", ref, SAMV_EMIT_STRING);
		samv_emit_map_end(e);
		samv_emit_seq_end(e);
		if (samv_emit_end(e) < 0)
			cmd_die(EXIT_INVALID, "the response cannot be written");
		l = samv_node_get(doc->root, "adoption");
		for (k = 0; l && l->kind == SAMV_NODE_SEQ && k < l->n_items;
		    k++) {
			const char *p = samv_node_getstr(l->items[k],
			    "principal");

			if (p && strcmp(p, who[i]) == 0) {
				/* replace that entry's lines */
				unsigned ind = samv_edit_dash_indent(doc,
				    l->items[k]);
				size_t s = samv_edit_line_start(doc->buf,
				    l->items[k]->span.start);
				size_t e2 = k + 1 < l->n_items ?
				    samv_edit_line_start(doc->buf,
				    l->items[k + 1]->span.start) :
				    samv_edit_block_end(doc->buf, doc->len, s,
				    ind + 1);
				char *shifted = samv_edit_indent(b.s, ind);

				next = samv_edit_splice(doc, s, e2, shifted,
				    strlen(shifted), &len);
				free(shifted);
				break;
			}
		}
		if (next == NULL)
			next = samv_edit_append(doc, path, b.s, &len, &err);
		if (next == NULL)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
		free(text);
		text = next;
		samv_buf_release(&b);
		samv_doc_free(doc);
		samv_diags_release(&d);
	}
	ch.path = rec->path;
	ch.data = text;
	ch.len = len;
	msg = samv_xasprintf("samv: decision %s: %s %s\n", id,
	    pv->n == 1 ? pv->values[0] : "principals", status);
	cmd_write_commit(w, &ch, 1, msg);
	samv_write_end(w);
	free(msg);
	free(text);
	free(id);
	samv_args_release(&a);
	return 0;
}

static const struct cmd_verb verbs[] = {
	{ "list", cmd_list, "list decisions" },
	{ "show", cmd_show, "show one decision" },
	{ "adopt", cmd_adopt, "record a principal's response" },
	{ NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	cmd_run_verbs("decision", verbs, argc, argv);
}
