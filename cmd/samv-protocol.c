/* samv-protocol - minutes, adjusters, justering; render protocols */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "date.h"
#include "decision.h"
#include "edit.h"
#include "emit.h"
#include "ids.h"
#include "records.h"
#include "render.h"
#include "source.h"
#include "util.h"

static const struct samv_option minutes_options[] = {
	{ "text", 0, SAMV_OPT_VALUE, "TEXT", "the summary (required)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec minutes_spec = {
	"protocol minutes", "MEETING ITEM",
	"Record the minutes (sammanfattning) of an agenda item.",
	minutes_options, 2, 2
};

static const struct samv_option adjusters_options[] = {
	{ "when", 0, SAMV_OPT_VALUE, "TEXT", "time of the adjustment" },
	{ "where", 0, SAMV_OPT_VALUE, "TEXT", "place of the adjustment" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec adjusters_spec = {
	"protocol adjusters", "MEETING NAME ...",
	"Record the adjusters chosen (val av justerare).",
	adjusters_options, 2, (size_t)-1
};

static const struct samv_option adjust_options[] = {
	{ "by", 0, SAMV_OPT_LIST, "NAME", "who adjusted (required)" },
	{ "date", 0, SAMV_OPT_VALUE, "YYYY-MM-DD",
	    "date of the adjustment (default: today)" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec adjust_spec = {
	"protocol adjust", "MEETING",
	"Record the justering; the protocol is locked from then on.",
	adjust_options, 1, 1
};

static const struct samv_option show_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|html|json", "output format" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec show_spec = {
	"protocol show", "MEETING", "Render the protocol of a meeting.",
	show_options, 1, 1
};
static const struct samv_command_spec extract_spec = {
	"protocol extract", "DECISION",
	"Render the extract (protokollsutdrag) of one paragraph.",
	show_options, 1, 1
};

static const struct samv_record *
meeting_for_edit(struct samv_write *w, const char *id)
{
	const struct samv_record *rec = samv_repo_get(w->records,
	    SAMV_KIND_MEETING, id);

	if (rec == NULL || rec->doc == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "no valid meeting %s", id);
	if (samv_node_get(rec->doc->root, "adjustment"))
		cmd_die(EXIT_INVALID, "the protocol of %s is adjusted "
		    "(justerat); a change needs a correction decision", id);
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

static int
cmd_minutes(int argc, char **argv)
{
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_node *items, *it, *old;
	const char *t;
	char *id, *text, *msg, *end, *err = NULL;
	struct samv_buf b = SAMV_BUF_INIT;
	size_t len;
	long n;

	cmd_parse(&minutes_spec, argc, argv, &a);
	id = cmd_meeting_id(&minutes_spec, a.pos[0]);
	n = strtol(a.pos[1], &end, 10);
	if (*end != '\0' || n < 1)
		cmd_usage_error(&minutes_spec, "ITEM is a number, not '%s'",
		    a.pos[1]);
	t = samv_args_get(&a, &minutes_spec, "text")->value;
	if (t == NULL || *t == '\0')
		cmd_usage_error(&minutes_spec, "--text is required");
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	items = samv_node_get(samv_node_get(rec->doc->root, "agenda"), "items");
	if (items == NULL || items->kind != SAMV_NODE_SEQ ||
	    (size_t)n > items->n_items)
		cmd_die(EXIT_INVALID, "%s has no item %ld", id, n);
	it = items->items[n - 1];
	old = samv_node_get(it, "summary");
	{
		/* "summary: TEXT" as the emitter writes it, at the item's
		 * key indent */
		struct samv_emitter *e = samv_emit_begin(&b);
		char *ind;
		unsigned col = it->pairs[0].key->span.col - 1;

		samv_emit_map_start(e);
		samv_emit_pair(e, "summary", t, SAMV_EMIT_STRING);
		samv_emit_map_end(e);
		if (samv_emit_end(e) < 0)
			cmd_die(EXIT_INVALID, "the text cannot be written");
		ind = samv_edit_indent(b.s, col);
		if (old) {
			/* replace the old pair's lines */
			const struct samv_pair *p = samv_node_pair(it,
			    "summary");
			size_t s = samv_edit_line_start(rec->doc->buf,
			    p->key->span.start);
			size_t e2 = samv_edit_block_end(rec->doc->buf,
			    rec->doc->len, s, col + 1);

			text = samv_edit_splice(rec->doc, s, e2, ind,
			    strlen(ind), &len);
		} else {
			/* after the item's last line (the dash sits two
			 * columns left of its keys) */
			size_t s = samv_edit_line_start(rec->doc->buf,
			    it->span.start);
			size_t e2 = samv_edit_block_end(rec->doc->buf,
			    rec->doc->len, s, col >= 1 ? col - 1 : 0);
			text = samv_edit_splice(rec->doc, e2, e2, ind,
			    strlen(ind), &len);
		}
		free(ind);
	}
	samv_buf_release(&b);
	msg = samv_xasprintf("samv: protocol %s: minutes of item %ld\n", id, n);
	commit_one(w, rec->path, text, len, msg);
	samv_write_end(w);
	free(err);
	free(text);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_adjusters(int argc, char **argv)
{
	static const char *const names_path[] = { "adjusters", "names", NULL };
	static const char *const when_path[] = { "adjusters", "when", NULL };
	static const char *const where_path[] = { "adjusters", "where", NULL };
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = NULL;
	const char *v;
	char *id, *text, *next, *msg, *err = NULL;
	size_t len, i;

	cmd_parse(&adjusters_spec, argc, argv, &a);
	id = cmd_meeting_id(&adjusters_spec, a.pos[0]);
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	if (samv_node_get(samv_node_get(rec->doc->root, "adjusters"), "names"))
		cmd_die(EXIT_INVALID, "%s already has adjusters", id);
	e = samv_emit_begin(&b);
	samv_emit_seq_start(e);
	for (i = 1; i < a.npos; i++)
		samv_emit_scalar(e, a.pos[i], SAMV_EMIT_STRING);
	samv_emit_seq_end(e);
	if (samv_emit_end(e) < 0)
		cmd_die(EXIT_INVALID, "a name cannot be written");
	text = samv_edit_append(rec->doc, names_path, b.s, &len, &err);
	samv_buf_release(&b);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	if ((v = samv_args_get(&a, &adjusters_spec, "when")->value)) {
		samv_doc_parse(&doc, rec->path, text, len, NULL, &d);
		next = samv_edit_set(doc, when_path, v, SAMV_EMIT_STRING, &len,
		    &err);
		samv_doc_free(doc);
		doc = NULL;
		if (next == NULL)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
		free(text);
		text = next;
	}
	if ((v = samv_args_get(&a, &adjusters_spec, "where")->value)) {
		samv_doc_parse(&doc, rec->path, text, len, NULL, &d);
		next = samv_edit_set(doc, where_path, v, SAMV_EMIT_STRING, &len,
		    &err);
		samv_doc_free(doc);
		if (next == NULL)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
		free(text);
		text = next;
	}
	samv_diags_release(&d);
	msg = samv_xasprintf("samv: protocol %s: adjusters\n", id);
	commit_one(w, rec->path, text, len, msg);
	samv_write_end(w);
	free(text);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_adjust(int argc, char **argv)
{
	static const char *const by_path[] = { "adjustment", "by", NULL };
	static const char *const date_path[] = { "adjustment", "date", NULL };
	static const char *const dg_path[] = { "adjustment", "digest", NULL };
	struct samv_args a;
	struct samv_write *w;
	const struct samv_record *rec;
	const struct samv_optval *by;
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = NULL;
	char *id, *text, *next, *msg, *err = NULL, datebuf[11], digest[41];
	const char *date;
	samv_day day, today;
	size_t len, i;

	cmd_parse(&adjust_spec, argc, argv, &a);
	id = cmd_meeting_id(&adjust_spec, a.pos[0]);
	by = samv_args_get(&a, &adjust_spec, "by");
	if (by->n == 0)
		cmd_usage_error(&adjust_spec, "--by NAME is required");
	if (samv_date_today(&today) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");
	samv_date_format(today, datebuf);
	date = samv_args_get(&a, &adjust_spec, "date")->value;
	if (date == NULL)
		date = datebuf;
	if (samv_date_parse(date, &day) < 0)
		cmd_usage_error(&adjust_spec, "'%s' is not a date", date);
	w = cmd_write_begin();
	rec = meeting_for_edit(w, id);
	{
		samv_day mday;

		if (samv_date_parse(samv_node_getstr(rec->doc->root, "date"),
		    &mday) == 0 && day < mday)
			cmd_die(EXIT_INVALID, "a protocol is adjusted after its "
			    "meeting (%s), not on %s",
			    samv_node_getstr(rec->doc->root, "date"), date);
	}
	e = samv_emit_begin(&b);
	samv_emit_seq_start(e);
	for (i = 0; i < by->n; i++)
		samv_emit_scalar(e, by->values[i], SAMV_EMIT_STRING);
	samv_emit_seq_end(e);
	if (samv_emit_end(e) < 0)
		cmd_die(EXIT_INVALID, "a name cannot be written");
	text = samv_edit_set(rec->doc, date_path, date, SAMV_EMIT_RAW, &len,
	    &err);
	if (text == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	samv_doc_parse(&doc, rec->path, text, len, NULL, &d);
	next = samv_edit_append(doc, by_path, b.s, &len, &err);
	samv_doc_free(doc);
	samv_buf_release(&b);
	if (next == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	free(text);
	text = next;
	/* seal: the digest of the protocol as adjusted */
	if (samv_protocol_digest(w->records, rec, digest) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "cannot compute the protocol's "
		    "digest");
	samv_doc_parse(&doc, rec->path, text, len, NULL, &d);
	next = samv_edit_set(doc, dg_path, digest, SAMV_EMIT_STRING, &len,
	    &err);
	samv_doc_free(doc);
	samv_diags_release(&d);
	if (next == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	free(text);
	text = next;
	msg = samv_xasprintf("samv: protocol %s: adjusted %s by %s%s\n", id,
	    date, by->values[0], by->n > 1 ? " and others" : "");
	commit_one(w, rec->path, text, len, msg);
	printf("%s: adjusted %s; the protocol is locked\n", id, date);
	samv_write_end(w);
	free(text);
	free(msg);
	free(id);
	samv_args_release(&a);
	return 0;
}

static enum samv_format
parse_format(const struct samv_command_spec *spec, const char *f)
{
	if (f == NULL || strcmp(f, "md") == 0)
		return SAMV_FORMAT_MD;
	if (strcmp(f, "html") == 0)
		return SAMV_FORMAT_HTML;
	if (strcmp(f, "json") == 0)
		return SAMV_FORMAT_JSON;
	cmd_usage_error(spec, "unknown format '%s' (md, html or json)", f);
}

static int
cmd_show(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	const struct samv_record *rec;
	enum samv_format fmt;
	char *id, *err = NULL;

	cmd_parse(&show_spec, argc, argv, &a);
	id = cmd_meeting_id(&show_spec, a.pos[0]);
	fmt = parse_format(&show_spec, samv_args_get(&a, &show_spec,
	    "format")->value);
	r = cmd_open_repo(samv_args_get(&a, &show_spec, "rev")->value, &src);
	rec = samv_repo_get(r, SAMV_KIND_MEETING, id);
	if (rec == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "no valid meeting %s (run samv check)",
		    id);
	if (samv_render_protocol(&out, r, rec, fmt, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	free(id);
	samv_args_release(&a);
	return 0;
}

static int
cmd_extract(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	const struct samv_record *rec;
	enum samv_format fmt;
	char *id = NULL, *err = NULL;

	cmd_parse(&extract_spec, argc, argv, &a);
	if (samv_id_canonical(SAMV_KIND_DECISION, a.pos[0], &id) < 0)
		cmd_usage_error(&extract_spec, "'%s' is not a decision id "
		    "(BODY/YEAR/N)", a.pos[0]);
	fmt = parse_format(&extract_spec, samv_args_get(&a, &extract_spec,
	    "format")->value);
	r = cmd_open_repo(samv_args_get(&a, &extract_spec, "rev")->value, &src);
	rec = samv_repo_get(r, SAMV_KIND_DECISION, id);
	if (rec == NULL || !rec->schema_ok)
		cmd_die(EXIT_INVALID, "no valid decision %s (run samv check)",
		    id);
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

static const struct cmd_verb verbs[] = {
	{ "minutes", cmd_minutes, "record an item's minutes" },
	{ "adjusters", cmd_adjusters, "record the adjusters chosen" },
	{ "adjust", cmd_adjust, "record the justering and lock" },
	{ "show", cmd_show, "render the protocol" },
	{ "extract", cmd_extract, "render one paragraph's extract" },
	{ NULL, NULL, NULL }
};

int
main(int argc, char **argv)
{
	cmd_run_verbs("protocol", verbs, argc, argv);
}
