/* test_render.c - the agenda as seed 003 reads it, read back by cmark-gfm */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "date.h"
#include "labels.h"
#include "records.h"
#include "render.h"
#include "report.h"
#include "tap.h"
#include "treecache.h"
#include "util.h"

/* Exported by libcmark-gfm(-extensions), not declared in the headers
 * Debian installs at the top level. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL;
extern void cmark_release_plugins(void);

static const char *const titles[17] = {
	"Mötet öppnas",
	"Fastställande av dagordning",
	"Val av justerare och tid för justering",
	"Föregående protokoll",
	"God och nära vård",
	"Nutrition",
	"Tjänsteköp",
	"Vuxenhabiliteringen – arbetsgrupp återrapportering kring uppdraget",
	"Storsjögläntan - fortsatt planering",
	"LINK - Framtida samverkan",
	"Uppdragsbeskrivning L-IFO inkl. namnbyte",
	"Förlängning av LOSUS-avtalet",
	"Mötetider SVOM 2022",
	"Politisk referensgrupp för SVOM",
	"Extra SVOM 15 oktober kl. 10-11?",
	"Övriga frågor",
	"Mötet avslutas (senaste sluttid)",
};

static const char *const presenters[17] = {
	"Tom Silverklo", "Tom Silverklo", "Tom Silverklo", "Tom Silverklo",
	"Veronica Molander, Maria Höög", "Jessica Isaksson, Elsy Bäckström",
	"Elsy Bäckström", "Elin Ring", "Lisbet Gibson, Elin Ring",
	"Elsy Bäckström", "Elin Ring", "Elsy Bäckström", "Tom Silverklo",
	"Tom Silverklo", "Tom Silverklo", "Tom Silverklo", "Tom Silverklo",
};

static const char *const times[17] = {
	"13:00", "", "", "", "13:05", "13:30", "13:35", "13:45", "14:15",
	"14:20", "14:30", "15:15", "15:30", "15:40", "15:50", "16:00", "16:30",
};

/* --- reading Markdown back ---------------------------------------------- */

static cmark_node *
parse_md(const char *md)
{
	cmark_parser *p = cmark_parser_new(CMARK_OPT_DEFAULT);
	cmark_node *doc;

	cmark_gfm_core_extensions_ensure_registered();
	cmark_parser_attach_syntax_extension(p,
	    cmark_find_syntax_extension("table"));
	cmark_parser_feed(p, md, strlen(md));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

/* Plain text of a node: literals, line breaks as "\n". */
static void
text_add(struct samv_buf *b, cmark_node *n)
{
	cmark_node *c;
	cmark_node_type t = cmark_node_get_type(n);

	if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
		samv_buf_puts(b, cmark_node_get_literal(n));
		return;
	}
	if (t == CMARK_NODE_LINEBREAK || t == CMARK_NODE_SOFTBREAK) {
		samv_buf_putc(b, '\n');
		return;
	}
	for (c = cmark_node_first_child(n); c; c = cmark_node_next(c))
		text_add(b, c);
}

static char *
text_of(cmark_node *n)
{
	struct samv_buf b = SAMV_BUF_INIT;

	text_add(&b, n);
	return samv_buf_detach(&b, NULL);
}

static size_t
count_type(cmark_node *doc, cmark_node_type type)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t n = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(cmark_iter_get_node(it)) == type)
			n++;
	cmark_iter_free(it);
	return n;
}

static cmark_node *
first_of(cmark_node *doc, cmark_node_type type)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *found = NULL;

	while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(cmark_iter_get_node(it)) == type)
			found = cmark_iter_get_node(it);
	cmark_iter_free(it);
	return found;
}

/* HTML blocks other than the comment cmark writes between two lists. */
static size_t
count_html(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n;
	size_t c = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK &&
		    strcmp(cmark_node_get_literal(n), "<!-- end list -->\n"))
			c++;
	}
	cmark_iter_free(it);
	return c;
}

/* A table's rows as text cells: rows[r][c] (allocated), *ncells per row. */
struct grid {
	char *cell[64][4];
	size_t nrows;
	int cols_ok;		/* every row had exactly 4 cells */
	int columns;		/* the table node's column count */
};

static void
grid_read(struct grid *g, cmark_node *table)
{
	cmark_node *row, *cell;
	size_t c;

	memset(g, 0, sizeof(*g));
	g->cols_ok = 1;
	if (table == NULL)
		return;
	g->columns = cmark_gfm_extensions_get_table_columns(table);
	for (row = cmark_node_first_child(table); row && g->nrows < 64;
	    row = cmark_node_next(row)) {
		c = 0;
		for (cell = cmark_node_first_child(row); cell;
		    cell = cmark_node_next(cell)) {
			if (c < 4)
				g->cell[g->nrows][c] = text_of(cell);
			c++;
		}
		if (c != 4)
			g->cols_ok = 0;
		for (; c < 4; c++)
			g->cell[g->nrows][c] = samv_xstrdup("");
		g->nrows++;
	}
}

static void
grid_free(struct grid *g)
{
	size_t r, c;

	for (r = 0; r < g->nrows; r++)
		for (c = 0; c < 4; c++)
			free(g->cell[r][c]);
}

/* The row whose first cell is num, or -1. */
static int
grid_find(const struct grid *g, const char *num)
{
	size_t r;

	for (r = 1; r < g->nrows; r++)
		if (strcmp(g->cell[r][0], num) == 0)
			return (int)r;
	return -1;
}

/* The node after the heading whose text is h (below after, if given). */
static cmark_node *
after_heading(cmark_node *doc, const char *h, cmark_node *after)
{
	cmark_node *n = after ? cmark_node_next(after) :
	    cmark_node_first_child(doc);
	char *t;
	int found;

	for (; n; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		t = text_of(n);
		found = strcmp(t, h) == 0;
		free(t);
		if (found)
			return n;
	}
	return NULL;
}

static char *
roundtrip(const char *md)
{
	cmark_node *doc = parse_md(md);
	char *s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	char *out = samv_xstrdup(s);

	free(s);
	cmark_node_free(doc);
	return out;
}

/* --- a tiny strict JSON checker ----------------------------------------- */

static const char *json_value(const char *s, int depth);

static const char *
json_ws(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	return s;
}

static const char *
json_string(const char *s)
{
	int i;

	if (*s++ != '"')
		return NULL;
	for (; *s != '"'; s++) {
		if ((unsigned char)*s < 0x20)
			return NULL;
		if (*s != '\\')
			continue;
		s++;
		if (*s == 'u') {
			for (i = 1; i <= 4; i++)
				if (!strchr("0123456789abcdefABCDEF", s[i]) ||
				    s[i] == '\0')
					return NULL;
			s += 4;
		} else if (!strchr("\"\\/bfnrt", *s) || *s == '\0') {
			return NULL;
		}
	}
	return s + 1;
}

static const char *
json_value(const char *s, int depth)
{
	s = json_ws(s);
	if (depth > 1000)
		return NULL;
	if (*s == '{' || *s == '[') {
		char close = *s == '{' ? '}' : ']';

		s = json_ws(s + 1);
		if (*s == close)
			return s + 1;
		for (;;) {
			if (close == '}') {
				if ((s = json_string(json_ws(s))) == NULL)
					return NULL;
				s = json_ws(s);
				if (*s++ != ':')
					return NULL;
			}
			if ((s = json_value(s, depth + 1)) == NULL)
				return NULL;
			s = json_ws(s);
			if (*s == close)
				return s + 1;
			if (*s++ != ',')
				return NULL;
		}
	}
	if (*s == '"')
		return json_string(s);
	if (strncmp(s, "true", 4) == 0 || strncmp(s, "null", 4) == 0)
		return s + 4;
	if (strncmp(s, "false", 5) == 0)
		return s + 5;
	if (*s == '-' || (*s >= '0' && *s <= '9')) {
		if (*s == '-')
			s++;
		if (*s == '0')
			s++;
		else if (*s >= '1' && *s <= '9')
			while (*s >= '0' && *s <= '9')
				s++;
		else
			return NULL;
		return s;
	}
	return NULL;
}

static int
json_valid(const char *s)
{
	s = json_value(s, 0);
	return s && *json_ws(s) == '\0';
}

static size_t
count_str(const char *hay, const char *needle)
{
	size_t n = 0;

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += strlen(needle);
	}
	return n;
}

static int
has_icase(const char *hay, const char *needle)
{
	size_t n = strlen(needle);

	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

/* --- rendering helpers -------------------------------------------------- */

static char *
render(const struct samv_repo *r, const struct samv_record *rec,
    enum samv_format fmt)
{
	struct samv_buf b = SAMV_BUF_INIT;
	char *err = NULL;

	if (samv_render_agenda(&b, r, rec, fmt, &err) < 0) {
		printf("# render failed: %s\n", err ? err : "?");
		free(err);
		samv_buf_release(&b);
		return samv_xstrdup("");
	}
	return samv_buf_detach(&b, NULL);
}

static char *
read_text(const char *path)
{
	char *buf = NULL;
	size_t len;

	if (samv_read_file(path, 16 * 1024 * 1024, &buf, &len) < 0)
		return NULL;
	return buf;
}

/* An in-memory meeting record: yaml parsed, not part of the repository. */
struct fake {
	struct samv_record rec;
};

static int
fake_open(struct fake *f, const char *id, const char *yaml)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	int rc;

	memset(f, 0, sizeof(*f));
	f->rec.kind = SAMV_KIND_MEETING;
	f->rec.id = samv_xstrdup(id);
	f->rec.path = samv_xasprintf("meetings/%s.yaml", id);
	rc = samv_doc_parse(&f->rec.doc, f->rec.path, yaml, strlen(yaml),
	    NULL, &d);
	f->rec.schema_ok = rc == 0;
	samv_diags_release(&d);
	return rc;
}

static void
fake_close(struct fake *f)
{
	samv_doc_free(f->rec.doc);
	free(f->rec.id);
	free(f->rec.path);
}

/* Points a scalar node at s (the node's arena keeps its own string). */
static void
set_scalar(const struct samv_node *n, const char *s)
{
	struct samv_node *m = (struct samv_node *)n;

	if (m == NULL || m->kind != SAMV_NODE_SCALAR)
		return;
	m->str = (char *)s;
	m->len = strlen(s);
	m->style = SAMV_STYLE_QUOTED;
}

/* --- the tests ---------------------------------------------------------- */

static void
test_labels(void)
{
	char buf[64];
	int i, all = 1;
	samv_day d;

	for (i = 0; i < SAMV_L_COUNT; i++)
		if (*samv_label((enum samv_label)i, "sv") == '\0' ||
		    *samv_label((enum samv_label)i, "en") == '\0' ||
		    samv_label_key(samv_label_name((enum samv_label)i)) != i)
			all = 0;
	ok(all, "every label has Swedish, English and a key that finds it");
	is_str(samv_label(SAMV_L_AGENDA, "sv"), "Dagordning", "Dagordning");
	is_str(samv_label(SAMV_L_AGENDA, "en"), "Agenda", "Agenda");
	is_str(samv_label_str("adjusted_now", "sv"), "Paragrafen är justerad",
	    "lookup by key");
	is_str(samv_label_str("contacts", "en"), "Contact person(s)",
	    "English by key");
	ok(samv_label_str("no-such-label", "sv") == NULL, "unknown key: NULL");
	is_str(samv_label(SAMV_L_PROPOSAL, NULL), "Förslag till beslut",
	    "no language means Swedish");
	is_str(samv_label_role("first-vice-chair", "sv"),
	    "1:e vice ordförande", "role in running text");
	is_str(samv_label_role("vice-chair", "en"), "vice chair",
	    "English role");

	samv_date_parse("2021-10-08", &d);
	ok(samv_day_weekday(d) == 4, "2021-10-08 was a Friday");
	samv_label_date(buf, sizeof(buf), d, 0, "sv");
	is_str(buf, "8 oktober 2021", "Swedish date in words");
	samv_label_date(buf, sizeof(buf), d, 1, "sv");
	is_str(buf, "fredag 8 oktober 2021", "with weekday");
	samv_label_date(buf, sizeof(buf), d, 1, "en");
	is_str(buf, "Friday 8 October 2021", "English date in words");
	samv_date_parse("2024-02-29", &d);
	samv_label_date(buf, sizeof(buf), d, 1, "sv");
	is_str(buf, "torsdag 29 februari 2024", "a leap day");
	ok(samv_day_weekday(0) == 3, "1970-01-01 was a Thursday");
	ok(samv_day_weekday(-1) == 2, "and the day before a Wednesday");
}

static void
test_jsonw(void)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_jsonw w;
	int i;

	samv_jsonw_init(&w, &b);
	samv_jsonw_object(&w, NULL);
	samv_jsonw_str(&w, "a", "x\"\\\n\x01\xff\xc3\xa5");
	samv_jsonw_str(&w, "skipped", NULL);
	samv_jsonw_array(&w, "empty");
	samv_jsonw_end(&w, ']');
	samv_jsonw_text(&w, "t", "line\n\n");
	samv_jsonw_int(&w, "n", -12);
	samv_jsonw_bool(&w, "b", 0);
	samv_jsonw_end(&w, '}');
	samv_jsonw_finish(&w);
	is_str(samv_buf_cstr(&b), "{\n  \"a\": \"x\\\"\\\\\\n\\u0001\xef\xbf\xbd"
	    "\xc3\xa5\",\n  \"empty\": [],\n  \"t\": \"line\",\n  \"n\": -12,\n"
	    "  \"b\": false\n}\n", "JSON writer: escapes, U+FFFD, omissions");
	b.len = 0;
	samv_jsonw_init(&w, &b);
	for (i = 0; i < 200; i++) {
		samv_jsonw_array(&w, NULL);
		samv_jsonw_int(&w, NULL, i);
	}
	for (i = 0; i < 200; i++)
		samv_jsonw_end(&w, ']');
	samv_jsonw_finish(&w);
	ok(json_valid(samv_buf_cstr(&b)), "JSON writer: any depth is valid");
	samv_buf_release(&b);
}

/* Hazards in multi-line user text: the Markdown reads back the same and
 * builds no table, HTML, code block or link. */
static void
test_text_builder(void)
{
	static const char hostile[] =
	    "| a | b |\n|---|---|\n| c | d |\n"
	    "\n"
	    "<div onclick=x>raw</div>\n"
	    "    indented code?\n"
	    "```\nfence\n"
	    "# not a heading\n"
	    "[x](javascript:alert(1)) <https://example.org> ![i](x.png)\n"
	    "Setext?\n===\n---\n"
	    "*not em* _nor this_ ~~no~~ `code` \\ backslash & &amp; &#65;\n"
	    "> not a quote\n"
	    "+ not a list\n"
	    "2021. Året\n"
	    ":--|--:\n"
	    "trailing spaces   \n"
	    "\ttab\tinside\r\n"
	    "\n"
	    "3) not a list either\n"
	    "\n"
	    "1. one\n2. two\n3. three\n"
	    "\n"
	    "- a\n- b\n";
	cmark_node *doc = samv_render_document(), *back;
	char *md, *rt;

	samv_render_text(doc, hostile);
	md = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	back = parse_md(md);
	rt = cmark_render_commonmark(back, CMARK_OPT_DEFAULT, 0);
	is_str(rt, md, "hostile text: Markdown round trip is identical");
	ok(count_type(back, CMARK_NODE_TABLE) == 0, "no table from text");
	ok(count_html(back) == 0 && count_type(back,
	    CMARK_NODE_HTML_INLINE) == 0, "no raw HTML (but cmark's own "
	    "<!-- end list --> between two lists)");
	ok(count_type(back, CMARK_NODE_CODE_BLOCK) == 0 &&
	    count_type(back, CMARK_NODE_CODE) == 0, "no code");
	ok(count_type(back, CMARK_NODE_LINK) == 0 &&
	    count_type(back, CMARK_NODE_IMAGE) == 0, "no links or images");
	ok(count_type(back, CMARK_NODE_HEADING) == 0 &&
	    count_type(back, CMARK_NODE_BLOCK_QUOTE) == 0 &&
	    count_type(back, CMARK_NODE_THEMATIC_BREAK) == 0,
	    "no headings, quotes or rules");
	ok(count_type(back, CMARK_NODE_LIST) == 2,
	    "the numbered and the bulleted block became the only lists "
	    "(got %zu)", count_type(back, CMARK_NODE_LIST));
	ok(strstr(md, "\t") == NULL && strstr(md, "\r") == NULL,
	    "no tab or CR reaches the Markdown");
	free(rt);
	free(md);
	cmark_node_free(back);
	cmark_node_free(doc);
}

static void
test_agenda_md(const struct samv_repo *r, const struct samv_record *rec,
    const char *src)
{
	char *md = render(r, rec, SAMV_FORMAT_MD), *md2, *rt, *t, *path;
	char *expected;
	cmark_node *doc = parse_md(md), *n, *li;
	struct grid g;
	int row[18], brk = -1, info = -1, dec = -1, order = 1, cells = 1;
	size_t i;

	ok(strncmp(md, "# SVOM – Sociala vård- och omsorgsgruppen\n\n"
	    "## Dagordning 8 oktober 2021\n\n"
	    "Tid: fredag 8 oktober 2021 kl. 13:00–16:30\n\nPlats: Teams\n", 118)
	    == 0, "heading, date in words, time and place come first");
	ok(strstr(md, "### Ordförande\n\nTom Silverklo (C)\n") != NULL,
	    "the chair with party");
	ok(strstr(md, "Karin Näsmark (S), vice ordförande\n") != NULL &&
	    strstr(md, "Lise Hjemgaard-Svensson (M), 1:e vice ordförande\n"),
	    "members with party and role notes");
	ok(strstr(md, "### Ersättare") && strstr(md, "Christina Hedin (V)"),
	    "substitutes present");
	ok(strstr(md, "### Övriga") && strstr(md, "Göran Örnung"),
	    "others present");
	t = strstr(md, "### Ledamöter");
	ok(t && strstr(t, "Tom Silverklo (C)") == NULL,
	    "the chair is not listed again among the members");

	ok(count_type(doc, CMARK_NODE_TABLE) == 1, "one table: the agenda");
	grid_read(&g, first_of(doc, CMARK_NODE_TABLE));
	ok(g.columns == 4 && g.cols_ok, "the agenda table has 4 columns");
	ok(g.nrows == 21, "header + 17 items + 2 group rows + 1 break = 21 "
	    "rows (got %zu)", g.nrows);
	is_str(g.cell[0][0], "Nr", "header Nr");
	is_str(g.cell[0][1], "Ärende", "header Ärende");
	is_str(g.cell[0][2], "Föredragande", "header Föredragande");
	is_str(g.cell[0][3], "Tid", "header Tid");
	for (i = 0; i < 17; i++) {
		char num[8];

		snprintf(num, sizeof(num), "%zu", i + 1);
		row[i] = grid_find(&g, num);
		if (row[i] < 0 || (i && row[i] <= row[i - 1])) {
			order = 0;
			continue;
		}
		if (strcmp(g.cell[row[i]][1], titles[i]) ||
		    strcmp(g.cell[row[i]][2], presenters[i]) ||
		    strcmp(g.cell[row[i]][3], times[i])) {
			cells = 0;
			printf("# item %zu: '%s' '%s' '%s'\n", i + 1,
			    g.cell[row[i]][1], g.cell[row[i]][2],
			    g.cell[row[i]][3]);
		}
	}
	ok(order, "all 17 items, numbered 1 to 17, in order");
	ok(cells, "every item's title, presenters and start time");
	is_str(g.cell[row[0]][2], "Tom Silverklo", "item 1 by Tom Silverklo");
	is_str(g.cell[row[0]][3], "13:00", "at 13:00");
	is_str(g.cell[row[4]][2], "Veronica Molander, Maria Höög",
	    "item 5 by Veronica Molander and Maria Höög");
	is_str(g.cell[row[4]][3], "13:05", "at 13:05");
	for (i = 1; i < g.nrows; i++) {
		if (strncmp(g.cell[i][1], "Paus kl. ", 9) == 0)
			brk = (int)i;
		if (strcmp(g.cell[i][1], "Informationsärenden") == 0)
			info = (int)i;
		if (strcmp(g.cell[i][1], "Beslutsärenden") == 0)
			dec = (int)i;
	}
	ok(brk > row[10] && brk < row[11],
	    "the break sits between items 11 and 12");
	is_str(brk > 0 ? g.cell[brk][1] : NULL, "Paus kl. 14:35–15:15 "
	    "(avtackning av Ingela Jönsson m.fl. inom Region JH)",
	    "the break row reads as in seed 003");
	ok(info == row[3] + 1 && info == row[4] - 1,
	    "Informationsärenden between the standing items and item 5");
	ok(dec > brk && dec == row[11] - 1,
	    "Beslutsärenden after the break, before item 12");
	grid_free(&g);

	/* Item 5: description as a numbered list, documents as bullets. */
	n = after_heading(doc, "5. God och nära vård", NULL);
	ok(n != NULL, "item 5 has its own section");
	n = n ? after_heading(doc, "Ärendebeskrivning", n) : NULL;
	n = n ? cmark_node_next(n) : NULL;
	ok(n && cmark_node_get_type(n) == CMARK_NODE_LIST &&
	    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST,
	    "its description is an ordered list");
	li = n ? cmark_node_first_child(n) : NULL;
	t = li ? text_of(li) : NULL;
	is_str(t, "Statusrapport,", "starting with Statusrapport");
	free(t);
	n = n ? after_heading(doc, "Beslutsunderlag", n) : NULL;
	n = n ? cmark_node_next(n) : NULL;
	t = n ? text_of(cmark_node_last_child(n)) : NULL;
	is_str(t, "Protokollsutdrag SVOM 26 februari 2021 - §9",
	    "its documents are a list");
	free(t);

	/* Item 11: the two numbered proposals. */
	n = after_heading(doc, "11. Uppdragsbeskrivning L-IFO inkl. namnbyte",
	    NULL);
	n = n ? after_heading(doc, "Förslag till beslut", n) : NULL;
	n = n ? cmark_node_next(n) : NULL;
	ok(n && cmark_node_get_type(n) == CMARK_NODE_LIST &&
	    cmark_node_get_list_type(n) == CMARK_ORDERED_LIST &&
	    cmark_node_get_list_start(n) == 1,
	    "item 11's proposal is a list from 1");
	li = n ? cmark_node_first_child(n) : NULL;
	t = li ? text_of(li) : NULL;
	ok(t && strncmp(t, "Nytt namn för L-IFO fastställs till SamReKo", 43)
	    == 0, "proposal 1: the new name");
	free(t);
	li = li ? cmark_node_next(li) : NULL;
	t = li ? text_of(li) : NULL;
	is_str(t, "SVOM godkänner nätverkets uppdragsbeskrivning.",
	    "proposal 2: approval");
	free(t);
	ok(li && cmark_node_next(li) == NULL, "and no third");

	/* Item 13: the four meeting dates, one a line. */
	n = after_heading(doc, "13. Mötetider SVOM 2022", NULL);
	n = n ? after_heading(doc, "Förslag till beslut", n) : NULL;
	n = n ? cmark_node_next(n) : NULL;
	t = n ? text_of(n) : NULL;
	is_str(t, "25 februari,\n3 juni,\n7 oktober,\n2 december.",
	    "item 13's dates, one a line");
	free(t);
	ok(after_heading(doc, "6. Nutrition", NULL) == NULL,
	    "an item without content has no section");

	rt = roundtrip(md);
	is_str(rt, md, "Markdown -> cmark-gfm -> Markdown is identical");
	free(rt);
	md2 = render(r, rec, SAMV_FORMAT_MD);
	ok(strcmp(md, md2) == 0, "two renders are byte-identical");
	free(md2);

	path = samv_xasprintf("%s/tests/expected/agenda-svom-2021-10-08.md",
	    src);
	expected = read_text(path);
	if (expected)
		is_str(md, expected, "equals %s", path);
	else
		ok(1, "# SKIP no %s", path);
	free(expected);
	free(path);
	cmark_node_free(doc);
	free(md);
}

static void
test_agenda_html(const struct samv_repo *r, const struct samv_record *rec)
{
	char *h = render(r, rec, SAMV_FORMAT_HTML), *h2;

	ok(strncmp(h, "<!DOCTYPE html>\n<html lang=\"sv\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n", 62) == 0,
	    "a standalone page in Swedish, UTF-8");
	ok(strstr(h, "<title>SVOM – Dagordning 8 oktober 2021</title>") != NULL,
	    "titled");
	ok(strstr(h, "<style>") && strstr(h, "@media print") &&
	    strstr(h, "border-collapse"), "print-friendly CSS inline");
	ok(strstr(h, "<link") == NULL && strstr(h, "<script") == NULL &&
	    strstr(h, "src=") == NULL, "no external resources, no script");
	ok(strstr(h, "<th>Föredragande</th>") && count_str(h, "<tr>") == 21,
	    "the agenda table with 21 rows");
	ok(strstr(h, "<strong>Informationsärenden</strong>") != NULL,
	    "group rows in bold");
	ok(strstr(h, "</body>\n</html>\n") != NULL, "a closed page");
	h2 = render(r, rec, SAMV_FORMAT_HTML);
	ok(strcmp(h, h2) == 0, "HTML is byte-identical across renders");
	free(h2);
	free(h);
}

static void
test_agenda_json(const struct samv_repo *r, const struct samv_record *rec)
{
	char *j = render(r, rec, SAMV_FORMAT_JSON), *j2;

	ok(json_valid(j), "JSON parses");
	ok(strncmp(j, "{\n  \"type\": \"meeting\",\n  \"id\": \"svom/2021-10-08\","
	    "\n  \"organization\": {\n    \"id\": \"svom\",\n", 72) == 0,
	    "type, id and organization first");
	ok(strstr(j, "\"classification\": \"political-assembly\"") != NULL,
	    "the body's kind as classification");
	ok(strstr(j, "\"start\": \"2021-10-08T13:00\"") &&
	    strstr(j, "\"end\": \"2021-10-08T16:30\""), "start and end");
	ok(strstr(j, "\"location\": {\n    \"description\": \"Teams\"\n  }"),
	    "location");
	ok(strstr(j, "\"agendaPublished\": \"2021-10-01\""), "published");
	ok(count_str(j, "\"number\": ") == 17, "17 agenda items");
	ok(strstr(j, "\"number\": 17,\n      \"name\": \"Mötet avslutas "
	    "(senaste sluttid)\"") != NULL, "the last is Mötet avslutas");
	ok(strstr(j, "\"description\": \"1. Statusrapport,\\n2. Handlingsplan")
	    != NULL, "text with escaped line breaks, no trailing newline");
	ok(strstr(j, "\"name\": \"Karin Näsmark\",\n        \"party\": \"S\",\n"
	    "        \"role\": \"vice-chair\"") != NULL,
	    "members with party and role (UTF-8 passed through)");
	ok(strstr(j, "\"breaks\": [\n    {\n      \"start\": \"2021-10-08T14:35\""),
	    "the break");
	ok(strstr(j, "null") == NULL, "absent values are left out, not null");
	ok(j[strlen(j) - 1] == '\n', "ends with a newline");
	j2 = render(r, rec, SAMV_FORMAT_JSON);
	ok(strcmp(j, j2) == 0, "JSON is byte-identical across renders");
	free(j2);
	free(j);
}

static void
test_english(struct samv_repo *r, const struct samv_record *rec)
{
	const char *lang = r->language;
	char *md, *h;

	r->language = "en";
	md = render(r, rec, SAMV_FORMAT_MD);
	h = render(r, rec, SAMV_FORMAT_HTML);
	r->language = lang;
	ok(strstr(md, "## Agenda 8 October 2021\n") != NULL, "English heading");
	ok(strstr(md, "Time: Friday 8 October 2021 at 13:00–16:30\n") != NULL,
	    "English time line");
	ok(strstr(md, "| No. | Item | Presenter(s) | Time |") != NULL,
	    "English table header");
	ok(strstr(md, "**Information items**") && strstr(md,
	    "**Decision items**"), "English groups");
	ok(strstr(md, "*Break at 14:35–15:15 (avtackning") != NULL,
	    "English break (the note stays as written)");
	ok(strstr(md, "Karin Näsmark (S), vice chair") && strstr(md,
	    "### Chair") && strstr(md, "### Members") &&
	    strstr(md, "### Substitutes") && strstr(md, "### Others present"),
	    "English participants");
	ok(strstr(md, "#### Proposed decision") && strstr(md,
	    "#### Description") && strstr(md, "#### Documents") &&
	    strstr(md, "Presenter(s): Elin Ring"), "English item sections");
	ok(strstr(md, "Dagordning") == NULL && strstr(md, "Föredragande") ==
	    NULL, "no Swedish label left");
	ok(strstr(h, "<html lang=\"en\">") != NULL, "the page says lang=en");
	free(h);
	free(md);
}

static const char hostile_yaml[] =
	"body: svom\n"
	"date: 2021-10-08\n"
	"start: \"13:00\"\n"
	"end: \"14:00\"\n"
	"place: PLACE\n"
	"agenda:\n"
	"  items:\n"
	"    - title: TITLE\n"
	"      type: decision\n"
	"      presenters:\n"
	"        - PRESENTER\n"
	"      start: \"13:00\"\n"
	"      description: DESCRIPTION\n"
	"      documents:\n"
	"        - DOCUMENT\n"
	"    - title: Nästa\n"
	"      type: decision\n"
	"      start: \"13:40\"\n"
	"  breaks:\n"
	"    - start: \"13:30\"\n"
	"      end: \"13:40\"\n"
	"      note: NOTE\n";

static void
test_hostile(const struct samv_repo *r)
{
	static const char title[] = "a | b <script>alert(1)</script> "
	    "[x](javascript:alert(1)) \x1b[31m";
	static const char clean_title[] = "a | b <script>alert(1)</script> "
	    "[x](javascript:alert(1)) \xef\xbf\xbd[31m";
	struct fake f;
	const struct samv_node *root, *it;
	char *md, *h, *j, *rt;
	cmark_node *doc;
	struct grid g;
	size_t i;
	int rows_ok = 1;

	ok(fake_open(&f, "svom/2021-10-08", hostile_yaml) == 0,
	    "an in-memory meeting");
	root = f.rec.doc ? f.rec.doc->root : NULL;
	it = samv_node_get(root, "agenda");
	it = samv_node_get(it, "items");
	it = it ? it->items[0] : NULL;
	set_scalar(samv_node_get(it, "title"), title);
	set_scalar(samv_node_get(it, "presenters") ?
	    samv_node_get(it, "presenters")->items[0] : NULL,
	    "<img src=x onerror=alert(1)> | Eve");
	set_scalar(samv_node_get(it, "description"),
	    "| x | y |\n|---|---|\n<iframe src=\"javascript:alert(2)\">\n"
	    "JaVaScRiPt:alert(3)\x07\x9b");
	set_scalar(samv_node_get(it, "documents") ?
	    samv_node_get(it, "documents")->items[0] : NULL,
	    "[doc](http://evil.example/)");
	set_scalar(samv_node_get(root, "place"), "<b>Teams</b>\x1b]0;x\x07");
	set_scalar(samv_node_get(samv_node_get(samv_node_get(root, "agenda"),
	    "breaks")->items[0], "note"), "fika | <em>kaffe</em>");

	h = render(r, &f.rec, SAMV_FORMAT_HTML);
	ok(!has_icase(h, "<script"), "HTML: no <script");
	ok(!has_icase(h, "javascript:"), "HTML: no javascript:");
	ok(!has_icase(h, "<img") && !has_icase(h, "<iframe") &&
	    !has_icase(h, "<b>Teams") && !has_icase(h, "<em>kaffe"),
	    "HTML: no tag from user text");
	ok(strchr(h, '\x1b') == NULL && strchr(h, '\x07') == NULL &&
	    strstr(h, "\xc2\x9b") == NULL, "HTML: no ESC, BEL or CSI byte");
	ok(strstr(h, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL,
	    "HTML: the text is there, escaped");
	ok(strstr(h, "href=") == NULL, "HTML: no link at all");

	md = render(r, &f.rec, SAMV_FORMAT_MD);
	ok(strchr(md, '\x1b') == NULL && strchr(md, '\x07') == NULL,
	    "Markdown: no ESC or BEL byte");
	doc = parse_md(md);
	ok(count_type(doc, CMARK_NODE_TABLE) == 1,
	    "Markdown: the description did not make a second table");
	ok(count_html(doc) == 0 &&
	    count_type(doc, CMARK_NODE_HTML_INLINE) == 0 &&
	    count_type(doc, CMARK_NODE_LINK) == 0,
	    "Markdown: no raw HTML, no link");
	grid_read(&g, first_of(doc, CMARK_NODE_TABLE));
	ok(g.columns == 4 && g.cols_ok, "Markdown: the table has 4 columns");
	ok(g.nrows == 5, "header, group, item, break, item (got %zu)", g.nrows);
	for (i = 0; i < g.nrows; i++)
		if (g.cell[i][0] == NULL)
			rows_ok = 0;
	ok(rows_ok, "every row has its cells");
	is_str(g.nrows > 2 ? g.cell[2][1] : NULL, clean_title,
	    "the title reads back as written, ESC shown as U+FFFD");
	is_str(g.nrows > 2 ? g.cell[2][2] : NULL,
	    "<img src=x onerror=alert(1)> | Eve", "so does the presenter");
	is_str(g.nrows > 3 ? g.cell[3][1] : NULL,
	    "Paus kl. 13:30–13:40 (fika | <em>kaffe</em>)", "and the break");
	grid_free(&g);
	rt = roundtrip(md);
	is_str(rt, md, "hostile Markdown round trip is identical");
	free(rt);
	cmark_node_free(doc);

	j = render(r, &f.rec, SAMV_FORMAT_JSON);
	ok(json_valid(j), "hostile JSON parses");
	ok(strstr(j, "\\u001b[31m") != NULL && strchr(j, '\x1b') == NULL,
	    "JSON escapes ESC as \\u001b");
	free(j);
	free(md);
	free(h);
	fake_close(&f);
}

/* Without recorded attendance, the members on the day take part. */
static void
test_members(const struct samv_repo *r)
{
	struct fake f;
	char *md, *j;

	fake_open(&f, "svom/2021-12-03", "body: svom\ndate: 2021-12-03\n"
	    "agenda:\n  items:\n    - title: Mötet öppnas\n"
	    "      type: standing\n");
	md = render(r, &f.rec, SAMV_FORMAT_MD);
	ok(strstr(md, "### Ordförande\n\nTom Silverklo (C)\n") != NULL,
	    "members: the body's chair");
	ok(strstr(md, "Karin Näsmark (S), vice ordförande") &&
	    strstr(md, "Daniel Arvastsson (S)"), "members: the members");
	ok(strstr(md, "### Ersättare") && strstr(md, "Lena Olsson (C)"),
	    "members: the substitutes");
	ok(strstr(md, "### Övriga") == NULL, "members: nobody else");
	ok(strstr(md, "Tid: fredag 3 december 2021\n") != NULL,
	    "no times: the day only");
	ok(strstr(md, "Plats") == NULL && strstr(md, "Publicerad") == NULL,
	    "no place, not published: not mentioned");
	j = render(r, &f.rec, SAMV_FORMAT_JSON);
	ok(json_valid(j) && strstr(j, "\"source\": \"members\"") &&
	    strstr(j, "\"meetingState\": \"planned\""),
	    "members: JSON says where participants come from");
	free(j);
	free(md);
	fake_close(&f);

	fake_open(&f, "svom/2023-03-03", "body: svom\ndate: 2023-03-03\n");
	md = render(r, &f.rec, SAMV_FORMAT_MD);
	ok(strstr(md, "Ledamöter") == NULL && strstr(md, "Ordförande") ==
	    NULL, "after the term: no members listed");
	ok(strstr(md, "| Nr | Ärende | Föredragande | Tid |") != NULL,
	    "an empty agenda still has its table header");
	free(md);
	fake_close(&f);
}

static void
test_other_meetings(const struct samv_repo *r)
{
	const struct samv_record *rec = samv_repo_get(r, SAMV_KIND_MEETING,
	    "fredagsgruppen/2022-01-21");
	char *md, *rt;

	ok(rec != NULL, "fredagsgruppen/2022-01-21 loaded");
	if (rec == NULL)
		return;
	md = render(r, rec, SAMV_FORMAT_MD);
	ok(strstr(md, "### Sekreterare\n\nLena Forsberg, Förvaltningschef, "
	    "Östersunds kommun\n") != NULL,
	    "the secretary, with position and principal");
	ok(strstr(md, "### Ordförande\n\nMaria Sundin, Hälso- och "
	    "sjukvårdsdirektör, Region Jämtland Härjedalen\n") != NULL,
	    "the chair of an officials' body");
	ok(strstr(md, "- Lena Forsberg") == NULL,
	    "chair and secretary are not listed again");
	ok(strstr(md, "*Paus kl. 12:00–13:00 (Lunch)*") != NULL, "lunch");
	ok(strstr(md, "Stående") == NULL, "standing items need no group row");
	rt = roundtrip(md);
	is_str(rt, md, "round trip of another agenda");
	free(rt);
	free(md);
}

/* Sections rendered and flushed one at a time read exactly as the whole
 * tree rendered at once, in Markdown and in HTML. */
static void
test_stream(void)
{
	static const char *const head[] = { "A", "B" };
	static const char *const cells[] = { "1 | one", "<b>2</b>" };
	enum samv_format f[2] = { SAMV_FORMAT_MD, SAMV_FORMAT_HTML };
	int k, part;

	for (k = 0; k < 2; k++) {
		struct samv_buf whole = SAMV_BUF_INIT, parts = SAMV_BUF_INIT;
		struct samv_render_stream st;
		cmark_node *all = samv_render_document();
		cmark_node *doc = samv_render_document();
		char *err = NULL;
		int rc = 0;

		samv_render_stream_begin(&st, &parts, f[k], "sv", "Titel");
		for (part = 0; part < 4; part++) {
			cmark_node *d;
			int twice;

			for (twice = 0; twice < 2; twice++) {
				d = twice ? doc : all;
				samv_render_heading(d, part ? 3 : 1, "Rubrik");
				samv_render_para(d, "Text [x](javascript:y)");
				samv_render_row(samv_render_table(d, 2, head),
				    cells, SAMV_CELL_PLAIN);
				samv_render_list_item(samv_render_list(d, 1,
				    part + 1), "punkt");
			}
			rc |= samv_render_stream_flush(&st, doc, &err);
			free(err);
			ok(cmark_node_first_child(doc) == NULL,
			    "%s part %d: flushed blocks leave the tree",
			    k ? "HTML" : "Markdown", part);
		}
		rc |= samv_render_stream_flush(&st, doc, &err);	/* empty */
		samv_render_stream_end(&st);
		rc |= samv_render_finish(&whole, all, f[k], "sv", "Titel",
		    &err);
		free(err);
		ok(rc == 0, "stream and finish render");
		is_str(samv_buf_cstr(&parts), samv_buf_cstr(&whole),
		    "%s: flushed part by part reads as the whole tree",
		    k ? "HTML" : "Markdown");
		cmark_node_free(all);
		cmark_node_free(doc);
		samv_buf_release(&whole);
		samv_buf_release(&parts);
	}
}

/* The reports that read one body at a time from a lazily opened
 * repository (and, for a repository loaded whole, from its own records)
 * give the same bytes both ways. */
static void
test_reports_lazy(const struct samv_repo *whole, struct samv_source *s)
{
	static const struct {
		enum samv_report_kind kind;
		const char *name, *as_of, *body;
		long days;
	} t[] = {
		{ SAMV_REPORT_FOLLOWUP, "followup", "2022-03-01", NULL, 0 },
		{ SAMV_REPORT_FOLLOWUP, "followup", "2022-03-01", "svom", 0 },
		{ SAMV_REPORT_FOLLOWUP, "followup", "2022-03-01",
		    "fredagsgruppen", 0 },
		{ SAMV_REPORT_FOLLOWUP, "followup", "2022-03-01", "samreko", 0 },
		{ SAMV_REPORT_OVERDUE, "overdue", "2022-03-01", NULL, 0 },
		{ SAMV_REPORT_OVERDUE, "overdue", "2022-03-01", "svom", 0 },
		{ SAMV_REPORT_CALENDAR, "calendar", "2021-09-20", NULL, 120 },
		{ SAMV_REPORT_CALENDAR, "calendar", "2021-09-20", "svom", 120 },
		{ SAMV_REPORT_ORG, "org", "2022-03-01", NULL, 0 },
		{ SAMV_REPORT_RECOMMENDATIONS, "recommendations", "2022-03-01",
		    NULL, 0 },
		{ SAMV_REPORT_RECOMMENDATIONS, "recommendations", "2022-03-01",
		    "svom", 0 },
		{ SAMV_REPORT_COMPLIANCE, "compliance", "2022-03-01", NULL, 0 },
		{ SAMV_REPORT_COMPLIANCE, "compliance", "2021-12-31", "svom",
		    0 },
	};
	enum samv_format f[3] = { SAMV_FORMAT_MD, SAMV_FORMAT_HTML,
	    SAMV_FORMAT_JSON };
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_repo *lazy = NULL;
	size_t i, k;
	char *err = NULL;

	samv_repo_open(&lazy, s, &d, &err);
	free(err);
	for (i = 0; i < sizeof(t) / sizeof(*t); i++)
		for (k = 0; k < 3; k++) {
			struct samv_report_opts o;
			struct samv_buf a = SAMV_BUF_INIT, b = SAMV_BUF_INIT;
			char *e1 = NULL, *e2 = NULL;
			int r1, r2;

			memset(&o, 0, sizeof(o));
			samv_date_parse(t[i].as_of, &o.as_of);
			o.body = t[i].body;
			o.days = t[i].days;
			r1 = samv_report_render(&a, whole, t[i].kind, &o, f[k],
			    &e1);
			r2 = samv_report_render(&b, lazy, t[i].kind, &o, f[k],
			    &e2);
			ok(r1 == 0 && r2 == 0 && a.len > 300 &&
			    strcmp(samv_buf_cstr(&a), samv_buf_cstr(&b)) == 0,
			    "%s %s (format %zu): loaded whole and read body by "
			    "body give the same %zu bytes", t[i].name,
			    t[i].body ? t[i].body : "(all)", k, a.len);
			free(e1);
			free(e2);
			samv_buf_release(&a);
			samv_buf_release(&b);
		}
	{
		static const char *const ids[] = { "svom/2021/9",
		    "fredagsgruppen/2021/13", "svom/2021-10-08#13",
		    "svom/2020/arbetsgrupp-nara-vard" };

		for (i = 0; i < sizeof(ids) / sizeof(*ids); i++)
			for (k = 0; k < 3; k++) {
				struct samv_buf a = SAMV_BUF_INIT;
				struct samv_buf b = SAMV_BUF_INIT;
				char *e1 = NULL, *e2 = NULL;
				int r1 = samv_trace_render(&a, whole, ids[i],
				    NULL, f[k], &e1);
				int r2 = samv_trace_render(&b, lazy, ids[i],
				    NULL, f[k], &e2);

				ok(r1 == 0 && r2 == 0 && a.len > 200 &&
				    strcmp(samv_buf_cstr(&a),
				    samv_buf_cstr(&b)) == 0, "trace %s "
				    "(format %zu): loaded whole and lazily "
				    "give the same %zu bytes", ids[i], k,
				    a.len);
				free(e1);
				free(e2);
				samv_buf_release(&a);
				samv_buf_release(&b);
			}
	}
	samv_repo_free(lazy);
	samv_diags_release(&d);
}

/* The prefetch's "also": what the thread made for the folder. */
static void *
also_name(void *arg, const char *dir)
{
	return samv_xasprintf("%s:%s", (const char *)arg, dir);
}

/* Folders listed ahead by a thread come in order, as listed one by one. */
static void
test_prefetch(struct samv_source *s)
{
	static const char *const kinds[] = { "assignments", "decisions",
	    "meetings" };
	static const char *const bodies[] = { "svom", "fredagsgruppen",
	    "no-such-body", "samreko", "barnarenan", "lokal-arena-are",
	    "lsg-patientsakerhet" };
	const char *dirs[21];
	char *made[21];
	struct samv_prefetch *p;
	size_t i, n = 0, same = 0, files = 0, extras = 0;

	for (i = 0; i < 21; i++)
		dirs[n++] = made[i] = samv_xasprintf("%s/%s", kinds[i % 3],
		    bodies[i % 7]);
	p = samv_source_prefetch(s, dirs, n, 0, also_name, free, "x");
	ok(p != NULL, "a thread lists %zu folders ahead", n);
	for (i = 0; p && i < n; i++) {
		struct samv_filelist a, b;
		char *e1 = NULL, *e2 = NULL, *extra = NULL, *want;
		size_t k;
		int r1 = samv_prefetch_take(p, &a, (void **)&extra, &e1);
		int r2 = samv_source_list_dir(s, dirs[i], &b, &e2);

		want = samv_xasprintf("x:%s", dirs[i]);
		extras += extra && strcmp(extra, want) == 0;
		free(want);
		free(extra);

		if (r1 == 0 && r2 == 0 && a.n == b.n) {
			for (k = 0; k < a.n; k++)
				if (strcmp(a.v[k].path, b.v[k].path) != 0 ||
				    a.v[k].ino != b.v[k].ino)
					break;
			same += k == a.n;
		}
		files += a.n;
		samv_filelist_release(&a);
		samv_filelist_release(&b);
		free(e1);
		free(e2);
	}
	ok(same == n && files > 20, "each of the %zu listings is the folder's "
	    "own, in order (%zu files)", n, files);
	ok(extras == n, "what the thread made after each listing comes with "
	    "it (%zu of %zu)", extras, n);
	if (p) {
		struct samv_filelist a;
		char *e = NULL;

		ok(samv_prefetch_take(p, &a, NULL, &e) == 0 && a.n == 0,
		    "past the last folder: an empty list");
		samv_filelist_release(&a);
		free(e);
	}
	samv_prefetch_free(p);
	/* stopped early, with listings made and not taken */
	p = samv_source_prefetch(s, dirs, n, 0, also_name, free, "y");
	if (p) {
		struct samv_filelist a;
		char *e = NULL;

		samv_prefetch_take(p, &a, NULL, &e);	/* extra dropped */
		samv_filelist_release(&a);
		free(e);
	}
	samv_prefetch_free(p);	/* under valgrind: no thread or list left */
	for (i = 0; i < n; i++)
		free(made[i]);
}

/*
 * A body's tree-cache file read ahead (as a report's prefetch thread
 * does) is what the cache then serves: the file on disk is gone before
 * the adoption, so a record found can only have come from the read.
 */
static void
test_preread(const char *src)
{
	char tmpl[] = "/tmp/samv-preread-XXXXXX", *cmd, *cache, *moved;
	const char *path = "assignments/svom/2020/arbetsgrupp-nara-vard.yaml";
	struct samv_source *s = NULL;
	struct samv_treecache *tc;
	struct samv_repo *r = NULL;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_file f;
	struct samv_doc *doc;
	char *err = NULL;
	void *pre;
	int okv = 0;

	if (mkdtemp(tmpl) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	cmd = samv_xasprintf("cp -R '%s/examples/jamtland/.' %s && "
	    "mkdir %s/.git", src, tmpl, tmpl);
	if (system(cmd) != 0) {
		ok(0, "copy the example to %s", tmpl);
		free(cmd);
		return;
	}
	free(cmd);
	sleep(2);	/* older than the racy second: the cache keeps them */
	unsetenv("SAMV_NO_CACHE");
	samv_source_open_worktree(&s, tmpl);
	samv_repo_open(&r, s, &d, &err);
	samv_repo_need(r, SAMV_KIND_ASSIGNMENT, "svom");
	samv_repo_free(r);	/* writes the cache files */
	cache = samv_xasprintf("%s/.git/samv/trees/svom.assignment.cache",
	    tmpl);
	moved = samv_xasprintf("%s.moved", cache);

	tc = samv_treecache_open(s);
	ok(samv_treecache_preread_dir(tc, "bogus/svom") == NULL &&
	    samv_treecache_preread_dir(tc, "assignments/no-such-body") == NULL,
	    "read ahead: nothing for an unknown folder or body");
	pre = samv_treecache_preread_dir(tc, "assignments/svom");
	ok(pre != NULL, "read ahead: svom's assignments");
	ok(rename(cache, moved) == 0, "the cache file moved away");
	samv_treecache_adopt(tc, pre);
	if (samv_source_stat(s, path, &f) == 1 && (f.path = (char *)path) &&
	    (doc = samv_treecache_get(tc, &f, &okv)) != NULL) {
		ok(okv && doc->root != NULL, "the record comes from the file "
		    "read ahead");
		samv_doc_free(doc);
	} else
		ok(0, "the record comes from the file read ahead");
	samv_treecache_free(tc);
	/* the control: without the read ahead there is nothing */
	tc = samv_treecache_open(s);
	ok(samv_source_stat(s, path, &f) == 1 && (f.path = (char *)path) &&
	    samv_treecache_get(tc, &f, &okv) == NULL,
	    "without it the moved file is not found");
	samv_treecache_free(tc);
	samv_source_free(s);
	samv_diags_release(&d);
	setenv("SAMV_NO_CACHE", "1", 1);
	cmd = samv_xasprintf("rm -rf %s", tmpl);
	if (system(cmd) != 0)
		ok(0, "remove %s", tmpl);
	free(cmd);
	free(cache);
	free(moved);
	free(err);
}

int
main(int argc, char **argv)
{
	const char *src = argc > 1 ? argv[1] : getenv("SAMV_SRC");
	struct samv_source *s = NULL;
	struct samv_repo *r = NULL;
	struct samv_diags d = SAMV_DIAGS_INIT;
	const struct samv_record *rec;
	char *root, *err = NULL;

	if (src == NULL || *src == '\0')
		src = ".";
	root = samv_xasprintf("%s/examples/jamtland", src);
	setenv("SAMV_NO_CACHE", "1", 1);	/* no cache files in the checkout */
	test_labels();
	test_jsonw();
	test_text_builder();
	test_stream();
	if (samv_source_open_worktree(&s, root) < 0 ||
	    samv_repo_load(&r, s, NULL, &d, &err) < 0) {
		ok(0, "load %s: %s", root, err ? err : "cannot open");
		free(err);
		goto out;
	}
	ok(d.errors == 0, "examples/jamtland loads without errors");
	rec = samv_repo_get(r, SAMV_KIND_MEETING, "svom/2021-10-08");
	ok(rec && samv_record_root(rec), "svom/2021-10-08 is there and valid");
	if (rec == NULL || samv_record_root(rec) == NULL)
		goto out;
	test_agenda_md(r, rec, src);
	test_agenda_html(r, rec);
	test_agenda_json(r, rec);
	test_english(r, rec);
	test_hostile(r);
	test_members(r);
	test_other_meetings(r);
	test_reports_lazy(r, s);
	test_prefetch(s);
	test_preread(src);
out:
	samv_repo_free(r);
	samv_source_free(s);
	samv_diags_release(&d);
	free(root);
	cmark_release_plugins();
	return tap_done();
}
