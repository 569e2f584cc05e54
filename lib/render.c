/* render.c - documents from records: the agenda, and the shared builders */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>

#include "date.h"
#include "json.h"
#include "labels.h"
#include "render.h"

/* Exported by libcmark-gfm-extensions but not declared in its headers. */
extern cmark_node_type CMARK_NODE_TABLE, CMARK_NODE_TABLE_ROW,
    CMARK_NODE_TABLE_CELL;

/* --- user text ---------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at s (n bytes left) and its code
 * point, or 0 when the bytes there are not valid UTF-8. */
static size_t
utf8_seq(const unsigned char *s, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		len = 2, c = s[0] & 0x1f, min = 0x80;
	} else if ((s[0] & 0xf0) == 0xe0) {
		len = 3, c = s[0] & 0x0f, min = 0x800;
	} else if ((s[0] & 0xf8) == 0xf0) {
		len = 4, c = s[0] & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return len;
}

#define REPLACEMENT "\xef\xbf\xbd"	/* U+FFFD */

/*
 * Appends s cleaned for a document: invalid UTF-8 and control
 * characters (C0 but tab and line breaks, DEL, C1) become U+FFFD, so
 * that no escape sequence reaches a terminal or a page; CR LF and CR
 * become LF. With oneline, tabs and line breaks become spaces, runs of
 * spaces one space, and the ends are trimmed; else tabs become spaces.
 */
static void
clean_add(struct samv_buf *b, const char *s, int oneline)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len, start = b->len;
	uint32_t cp;

	while (i < n) {
		len = utf8_seq(p + i, n - i, &cp);
		if (len == 0) {
			samv_buf_puts(b, REPLACEMENT);
			i++;
			continue;
		}
		if (cp == '\r') {
			cp = '\n';
			if (i + 1 < n && p[i + 1] == '\n')
				i++;
		}
		if (cp == '\t' || (oneline && cp == '\n'))
			cp = ' ';
		if (cp == ' ' && oneline &&
		    (b->len == start || b->s[b->len - 1] == ' ')) {
			i += len;
			continue;
		}
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f))
			samv_buf_puts(b, REPLACEMENT);
		else if (cp < 0x80)
			samv_buf_putc(b, (char)cp);	/* maybe converted */
		else
			samv_buf_add(b, (const char *)p + i, len);
		i += len;
	}
	if (oneline)
		while (b->len > start && b->s[b->len - 1] == ' ')
			b->len--;
	samv_buf_grow(b, 1);
	b->s[b->len] = '\0';
}

/* A cleaned copy of s (allocated; the caller frees it). */
static char *
clean(const char *s, int oneline)
{
	struct samv_buf b = SAMV_BUF_INIT;

	clean_add(&b, s ? s : "", oneline);
	return samv_buf_detach(&b, NULL);
}

/* --- the document builder ----------------------------------------------- */

static cmark_syntax_extension *
table_ext(void)
{
	cmark_gfm_core_extensions_ensure_registered();
	return cmark_find_syntax_extension("table");
}

static cmark_node *
append(cmark_node *parent, cmark_node *child)
{
	cmark_node_append_child(parent, child);
	return child;
}

/* A TEXT node of one-line text s. */
static cmark_node *
text_node(const char *s)
{
	cmark_node *t = cmark_node_new(CMARK_NODE_TEXT);
	char *c = clean(s, 1);

	cmark_node_set_literal(t, c);
	free(c);
	return t;
}

cmark_node *
samv_render_document(void)
{
	return cmark_node_new(CMARK_NODE_DOCUMENT);
}

cmark_node *
samv_render_heading(cmark_node *parent, int level, const char *text)
{
	cmark_node *h = append(parent, cmark_node_new(CMARK_NODE_HEADING));

	cmark_node_set_heading_level(h, level);
	append(h, text_node(text));
	return h;
}

cmark_node *
samv_render_para(cmark_node *parent, const char *text)
{
	cmark_node *t = text_node(text), *p;

	/* An empty paragraph would print as a stray blank line. */
	if (*cmark_node_get_literal(t) == '\0') {
		cmark_node_free(t);
		return NULL;
	}
	p = append(parent, cmark_node_new(CMARK_NODE_PARAGRAPH));
	append(p, t);
	return p;
}

cmark_node *
samv_render_field(cmark_node *parent, const char *label, const char *text)
{
	char *s = samv_xasprintf("%s: %s", label, text ? text : "");
	cmark_node *p = samv_render_para(parent, s);

	free(s);
	return p;
}

cmark_node *
samv_render_list(cmark_node *parent, int ordered, int start)
{
	cmark_node *l = append(parent, cmark_node_new(CMARK_NODE_LIST));

	cmark_node_set_list_type(l, ordered ? CMARK_ORDERED_LIST :
	    CMARK_BULLET_LIST);
	if (ordered) {
		cmark_node_set_list_delim(l, CMARK_PERIOD_DELIM);
		cmark_node_set_list_start(l, start);
	}
	cmark_node_set_list_tight(l, 1);
	return l;
}

cmark_node *
samv_render_list_item(cmark_node *list, const char *text)
{
	cmark_node *it = append(list, cmark_node_new(CMARK_NODE_ITEM));

	samv_render_para(it, text);
	return it;
}

cmark_node *
samv_render_bullets(cmark_node *parent, const struct samv_node *seq)
{
	cmark_node *l;
	size_t i;

	if (seq == NULL || seq->kind != SAMV_NODE_SEQ || seq->n_items == 0)
		return NULL;
	l = samv_render_list(parent, 0, 0);
	for (i = 0; i < seq->n_items; i++)
		samv_render_list_item(l, samv_node_str(seq->items[i]) ?
		    samv_node_str(seq->items[i]) : "");
	return l;
}

/* "12. text" (at most nine digits): the number, and *rest; else -1. */
static long
ordered_marker(const char *s, const char **rest)
{
	long v = 0;
	size_t i = 0;

	while (s[i] >= '0' && s[i] <= '9' && i < 9)
		v = v * 10 + (s[i++] - '0');
	if (i == 0 || s[i] != '.' || s[i + 1] != ' ')
		return -1;
	for (i += 2; s[i] == ' '; i++)
		;
	if (s[i] == '\0')
		return -1;
	*rest = s + i;
	return v;
}

/* "- text", "* text", "• text": 1 and *rest; else 0. */
static int
bullet_marker(const char *s, const char **rest)
{
	size_t i;

	if ((s[0] == '-' || s[0] == '*') && s[1] == ' ')
		i = 2;
	else if (strncmp(s, "\xe2\x80\xa2 ", 4) == 0)
		i = 4;
	else
		return 0;
	while (s[i] == ' ')
		i++;
	if (s[i] == '\0')
		return 0;
	*rest = s + i;
	return 1;
}

/*
 * A line a GFM table could take for its delimiter row ("|---|", ":-:"):
 * core cmark does not escape it, so in a paragraph it would turn the
 * line above into a table header. Such a line gets its own paragraph.
 * (Lines starting with '-' are escaped by cmark.)
 */
static int
delimiter_like(const char *s)
{
	int dash = 0;

	if (s[0] != '|' && s[0] != ':')
		return 0;
	for (; *s; s++) {
		if (*s == '-')
			dash = 1;
		else if (*s != '|' && *s != ':' && *s != ' ')
			return 0;
	}
	return dash;
}

/* Renders lines[0..n) (trimmed, non-empty) as one block. */
static void
text_block(cmark_node *parent, char **lines, size_t n)
{
	const char *rest;
	cmark_node *l, *p = NULL;
	long first, v;
	size_t i;

	if (n >= 2 && (first = ordered_marker(lines[0], &rest)) >= 0 &&
	    first <= 999999999L - (long)n) {
		for (i = 1; i < n; i++)
			if ((v = ordered_marker(lines[i], &rest)) != first +
			    (long)i)
				break;
		if (i == n) {
			l = samv_render_list(parent, 1, (int)first);
			for (i = 0; i < n; i++) {
				ordered_marker(lines[i], &rest);
				samv_render_list_item(l, rest);
			}
			return;
		}
	}
	if (n >= 2) {
		for (i = 0; i < n && bullet_marker(lines[i], &rest); i++)
			;
		if (i == n) {
			l = samv_render_list(parent, 0, 0);
			for (i = 0; i < n; i++) {
				bullet_marker(lines[i], &rest);
				samv_render_list_item(l, rest);
			}
			return;
		}
	}
	for (i = 0; i < n; i++) {
		if (delimiter_like(lines[i])) {
			samv_render_para(parent, lines[i]);
			p = NULL;
			continue;
		}
		if (p == NULL)
			p = append(parent, cmark_node_new(CMARK_NODE_PARAGRAPH));
		else
			append(p, cmark_node_new(CMARK_NODE_LINEBREAK));
		append(p, text_node(lines[i]));
	}
}

void
samv_render_text(cmark_node *parent, const char *text)
{
	char *buf = clean(text, 0), *s, *e, **lines = NULL;
	size_t n = 0, cap = 0;

	for (s = buf; s; s = e) {
		e = strchr(s, '\n');
		if (e)
			*e++ = '\0';
		while (*s == ' ')
			s++;
		if (*s) {
			char *end = s + strlen(s);

			while (end > s && end[-1] == ' ')
				*--end = '\0';
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				lines = samv_xreallocarray(lines, cap,
				    sizeof(*lines));
			}
			lines[n++] = s;
			continue;
		}
		if (n)
			text_block(parent, lines, n);
		n = 0;
	}
	if (n)
		text_block(parent, lines, n);
	free(lines);
	free(buf);
}

cmark_node *
samv_render_table(cmark_node *parent, size_t ncols, const char *const *header)
{
	cmark_syntax_extension *ext = table_ext();
	cmark_node *t = cmark_node_new_with_ext(CMARK_NODE_TABLE, ext);
	uint8_t *align = samv_xcalloc(ncols ? ncols : 1, 1);
	cmark_node *row;

	append(parent, t);
	cmark_gfm_extensions_set_table_columns(t, (uint16_t)ncols);
	/* The renderers read the alignments: they must be set. */
	cmark_gfm_extensions_set_table_alignments(t, (uint16_t)ncols, align);
	free(align);
	row = samv_render_row(t, header, SAMV_CELL_PLAIN);
	cmark_gfm_extensions_set_table_row_is_header(row, 1);
	return t;
}

cmark_node *
samv_render_row(cmark_node *table, const char *const *cells,
    enum samv_cell_style style)
{
	cmark_syntax_extension *ext = table_ext();
	cmark_node *row = cmark_node_new_with_ext(CMARK_NODE_TABLE_ROW, ext);
	cmark_node *cell, *in;
	size_t i, n = cmark_gfm_extensions_get_table_columns(table);

	append(table, row);
	for (i = 0; i < n; i++) {
		/* Not _new_with_ext: the table extension allocates a cell's
		 * private data there and never frees it (0.29.0.gfm.6); its
		 * renderers do not read it, and its parser makes cells this
		 * way too. */
		cell = append(row, cmark_node_new(CMARK_NODE_TABLE_CELL));
		cmark_node_set_syntax_extension(cell, ext);
		if (cells[i] == NULL || cells[i][0] == '\0')
			continue;
		in = cell;
		if (style == SAMV_CELL_STRONG)
			in = append(cell, cmark_node_new(CMARK_NODE_STRONG));
		else if (style == SAMV_CELL_EMPH)
			in = append(cell, cmark_node_new(CMARK_NODE_EMPH));
		append(in, text_node(cells[i]));
	}
	return row;
}

static void
html_escape(struct samv_buf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&':
			samv_buf_puts(b, "&amp;");
			break;
		case '<':
			samv_buf_puts(b, "&lt;");
			break;
		case '>':
			samv_buf_puts(b, "&gt;");
			break;
		case '"':
			samv_buf_puts(b, "&quot;");
			break;
		case '\'':
			samv_buf_puts(b, "&#39;");
			break;
		default:
			samv_buf_putc(b, *s);
		}
	}
}

/*
 * Appends cmark's HTML with the colon of "javascript:" and "vbscript:"
 * written as &#58;. Safe mode already drops such links and user text is
 * never a link; this keeps the schemes out of the page's bytes, so that
 * naive filters and mail scanners downstream see nothing to act on.
 * The page reads the same.
 */
static void
add_defused(struct samv_buf *b, const char *s)
{
	static const char *const schemes[] = { "javascript:", "vbscript:" };
	size_t i, k, len;

	for (i = 0; s[i]; i++) {
		for (k = 0; k < 2; k++) {
			len = strlen(schemes[k]);
			if (strncasecmp(s + i, schemes[k], len) == 0)
				break;
		}
		if (k < 2) {
			samv_buf_add(b, s + i, len - 1);
			samv_buf_puts(b, "&#58;");
			i += len - 1;
		} else {
			samv_buf_putc(b, s[i]);
		}
	}
}

static const char page_css[] =
	"body{font-family:Georgia,\"Times New Roman\",serif;font-size:11pt;"
	"line-height:1.45;color:#111;background:#fff;max-width:46em;"
	"margin:2em auto;padding:0 1em}\n"
	"h1,h2,h3,h4,th{font-family:\"Helvetica Neue\",Arial,sans-serif;"
	"line-height:1.2}\n"
	"h1{font-size:1.6em}h2{font-size:1.3em}h3{font-size:1.1em;"
	"margin-top:1.5em}h4{font-size:1em}\n"
	"table{border-collapse:collapse;width:100%;margin:1em 0}\n"
	"th,td{border:1px solid #555;padding:.3em .5em;text-align:left;"
	"vertical-align:top}\n"
	"th{background:#eee}\n"
	"ul,ol{padding-left:1.5em}\n"
	"@page{size:A4;margin:2cm 2cm 2.5cm}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
	"h1,h2,h3,h4{break-after:avoid;page-break-after:avoid}"
	"tr,li{break-inside:avoid;page-break-inside:avoid}"
	"th{background:none}}\n";

void
samv_render_stream_begin(struct samv_render_stream *st, struct samv_buf *out,
    enum samv_format fmt, const char *lang, const char *title)
{
	st->out = out;
	st->fmt = fmt;
	st->parts = 0;
	if (fmt != SAMV_FORMAT_HTML)
		return;
	samv_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"");
	html_escape(out, lang && strcmp(lang, "en") == 0 ? "en" : "sv");
	samv_buf_puts(out, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	html_escape(out, title ? title : "");
	samv_buf_puts(out, "</title>\n<style>\n");
	samv_buf_puts(out, page_css);
	samv_buf_puts(out, "</style>\n</head>\n<body>\n");
}

int
samv_render_stream_flush(struct samv_render_stream *st, cmark_node *doc,
    char **err)
{
	cmark_mem *mem = cmark_get_default_mem_allocator();
	cmark_llist *exts = NULL;
	cmark_node *n;
	char *s = NULL;
	int rc = -1;

	*err = NULL;
	if (st->fmt != SAMV_FORMAT_MD && st->fmt != SAMV_FORMAT_HTML) {
		*err = samv_xstrdup("this document has no JSON form through "
		    "the document builder");
		return -1;
	}
	if (cmark_node_first_child(doc) == NULL)
		return 0;
	exts = cmark_llist_append(mem, NULL, table_ext());
	if (st->fmt == SAMV_FORMAT_MD)
		s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	else
		s = cmark_render_html(doc, CMARK_OPT_DEFAULT, exts);
	if (s == NULL) {
		*err = samv_xstrdup("cannot render the document");
		goto out;
	}
	if (st->fmt == SAMV_FORMAT_MD) {
		/* the blank line the renderer puts between two blocks */
		if (st->parts > 0)
			samv_buf_putc(st->out, '\n');
		samv_buf_puts(st->out, s);
	} else {
		add_defused(st->out, s);
	}
	st->parts++;
	while ((n = cmark_node_first_child(doc)) != NULL)
		cmark_node_free(n);
	rc = 0;
out:
	if (s)
		mem->free(s);
	cmark_llist_free(mem, exts);
	return rc;
}

void
samv_render_stream_end(struct samv_render_stream *st)
{
	if (st->fmt == SAMV_FORMAT_HTML)
		samv_buf_puts(st->out, "</body>\n</html>\n");
}

int
samv_render_finish(struct samv_buf *out, cmark_node *doc,
    enum samv_format fmt, const char *lang, const char *title, char **err)
{
	struct samv_render_stream st;
	size_t mark = out->len;

	*err = NULL;
	if (fmt != SAMV_FORMAT_MD && fmt != SAMV_FORMAT_HTML) {
		*err = samv_xstrdup("this document has no JSON form through "
		    "the document builder");
		return -1;
	}
	samv_render_stream_begin(&st, out, fmt, lang, title);
	if (samv_render_stream_flush(&st, doc, err) < 0) {
		out->len = mark;
		return -1;
	}
	samv_render_stream_end(&st);
	return 0;
}

/* --- JSON writing ------------------------------------------------------- */

void
samv_jsonw_init(struct samv_jsonw *w, struct samv_buf *out)
{
	memset(w, 0, sizeof(*w));
	w->out = out;
}

static void
jw_member(struct samv_jsonw *w, const char *key)
{
	size_t i;

	if (w->depth > 0) {
		if (w->count[w->depth]++)
			samv_buf_putc(w->out, ',');
		samv_buf_putc(w->out, '\n');
		for (i = 0; i < w->depth; i++)
			samv_buf_puts(w->out, "  ");
	}
	if (key) {
		samv_json_string(w->out, key, strlen(key));
		samv_buf_puts(w->out, ": ");
	}
}

static void
jw_open(struct samv_jsonw *w, const char *key, char c)
{
	jw_member(w, key);
	samv_buf_putc(w->out, c);
	if (w->depth + 1 >= w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->count = samv_xreallocarray(w->count, w->cap,
		    sizeof(*w->count));
	}
	w->count[++w->depth] = 0;
}

void
samv_jsonw_object(struct samv_jsonw *w, const char *key)
{
	jw_open(w, key, '{');
}

void
samv_jsonw_array(struct samv_jsonw *w, const char *key)
{
	jw_open(w, key, '[');
}

void
samv_jsonw_end(struct samv_jsonw *w, char c)
{
	size_t i;

	if (w->depth == 0)
		return;
	if (w->count[w->depth]) {
		samv_buf_putc(w->out, '\n');
		for (i = 0; i < w->depth - 1; i++)
			samv_buf_puts(w->out, "  ");
	}
	samv_buf_putc(w->out, c);
	w->depth--;
}

/* Appends s as a JSON string, its UTF-8 made valid first. */
static void
jw_string(struct samv_buf *out, const char *s, size_t n)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		len = utf8_seq(p + i, n - i, &cp);
		if (len == 0) {
			samv_buf_puts(&b, REPLACEMENT);
			i++;
		} else {
			samv_buf_add(&b, s + i, len);
			i += len;
		}
	}
	samv_json_string(out, b.s ? b.s : "", b.len);
	samv_buf_release(&b);
}

void
samv_jsonw_str(struct samv_jsonw *w, const char *key, const char *s)
{
	if (s == NULL)
		return;
	jw_member(w, key);
	jw_string(w->out, s, strlen(s));
}

void
samv_jsonw_text(struct samv_jsonw *w, const char *key, const char *s)
{
	size_t n;

	if (s == NULL)
		return;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r'))
		n--;
	jw_member(w, key);
	jw_string(w->out, s, n);
}

void
samv_jsonw_int(struct samv_jsonw *w, const char *key, long long v)
{
	jw_member(w, key);
	samv_buf_printf(w->out, "%lld", v);
}

void
samv_jsonw_bool(struct samv_jsonw *w, const char *key, int v)
{
	jw_member(w, key);
	samv_buf_puts(w->out, v ? "true" : "false");
}

void
samv_jsonw_strings(struct samv_jsonw *w, const char *key,
    const struct samv_node *seq)
{
	size_t i;

	samv_jsonw_array(w, key);
	for (i = 0; seq && seq->kind == SAMV_NODE_SEQ && i < seq->n_items; i++)
		if (samv_node_str(seq->items[i]))
			samv_jsonw_str(w, NULL, samv_node_str(seq->items[i]));
	samv_jsonw_end(w, ']');
}

void
samv_jsonw_finish(struct samv_jsonw *w)
{
	samv_buf_putc(w->out, '\n');
	free(w->count);
	w->count = NULL;
	w->cap = w->depth = 0;
}

/* --- who takes part ----------------------------------------------------- */

static int
streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* Whether a membership row covers the day (ISO dates compare as text). */
static int
active_on(const struct samv_node *m, const char *date)
{
	const char *from = samv_node_getstr(m, "from");
	const char *to = samv_node_getstr(m, "to");

	if (date == NULL)
		return 1;
	return (from == NULL || strcmp(from, date) <= 0) &&
	    (to == NULL || strcmp(to, date) >= 0);
}

/* The first membership row of name on the day, or NULL. */
static const struct samv_node *
membership(const struct samv_node *body, const char *name, const char *date)
{
	const struct samv_node *l = samv_node_get(body, "members");
	size_t i;

	for (i = 0; l && l->kind == SAMV_NODE_SEQ && i < l->n_items; i++)
		if (streq(samv_node_getstr(l->items[i], "name"), name) &&
		    active_on(l->items[i], date))
			return l->items[i];
	return NULL;
}

static struct samv_person
person_of(const struct samv_node *body, const char *name, const char *date)
{
	struct samv_person p;
	const struct samv_node *m = membership(body, name, date);

	memset(&p, 0, sizeof(p));
	p.name = name;
	p.serving = -1;
	if (m) {
		p.party = samv_node_getstr(m, "party");
		p.role = samv_node_getstr(m, "role");
		p.position = samv_node_getstr(m, "position");
		p.principal = samv_node_getstr(m, "principal");
	}
	return p;
}

static void
people_add(struct samv_people *l, struct samv_person p)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = samv_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n++] = p;
}

static int
people_has(const struct samv_people *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (streq(l->v[i].name, name))
			return 1;
	return 0;
}

static size_t
seq_len(const struct samv_node *n)
{
	return n && n->kind == SAMV_NODE_SEQ ? n->n_items : 0;
}

/* The first name in seq whose role on the day is role, or NULL. */
static const char *
first_with_role(const struct samv_node *body, const struct samv_node *seq,
    const char *date, const char *role)
{
	size_t i;

	for (i = 0; i < seq_len(seq); i++) {
		const char *name = samv_node_str(seq->items[i]);
		const struct samv_node *m = membership(body, name, date);

		if (name && m && streq(samv_node_getstr(m, "role"), role))
			return name;
	}
	return NULL;
}

/* Adds the names of seq to l, except those of the chair and secretary. */
static void
add_names(struct samv_people *l, const struct samv_participants *p,
    const struct samv_node *body, const struct samv_node *seq,
    const char *date, int serving)
{
	struct samv_person x;
	const char *name;
	size_t i;

	for (i = 0; i < seq_len(seq); i++) {
		name = samv_node_str(seq->items[i]);
		if (name == NULL && seq->items[i]->kind == SAMV_NODE_MAP)
			name = samv_node_getstr(seq->items[i], "name");
		if (name == NULL || people_has(&p->chair, name) ||
		    people_has(&p->secretary, name))
			continue;
		x = person_of(body, name, date);
		x.serving = serving;
		if (seq->items[i]->kind == SAMV_NODE_MAP)
			x.replaces = samv_node_getstr(seq->items[i],
			    "replaces");
		people_add(l, x);
	}
}

void
samv_participants_collect(struct samv_participants *out,
    const struct samv_node *body, const struct samv_node *meeting)
{
	static const char *const lists[] = { "present", "substitutes",
	    "substitutes_present", "others", "absent" };
	const struct samv_node *att = samv_node_get(meeting, "attendance");
	const struct samv_node *mem = samv_node_get(body, "members");
	const char *date = samv_node_getstr(meeting, "date");
	const char *chair = samv_node_getstr(meeting, "chair");
	const char *secretary = samv_node_getstr(meeting, "secretary");
	size_t i;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
		if (seq_len(samv_node_get(att, lists[i])))
			out->from_attendance = 1;

	if (out->from_attendance) {
		const struct samv_node *present = samv_node_get(att, "present");

		if (chair == NULL)
			chair = first_with_role(body, present, date, "chair");
		if (secretary == NULL)
			secretary = first_with_role(body, present, date,
			    "secretary");
		if (secretary == NULL)
			secretary = first_with_role(body,
			    samv_node_get(att, "others"), date, "secretary");
	} else {
		for (i = 0; i < seq_len(mem); i++) {
			const struct samv_node *m = mem->items[i];
			const char *role = samv_node_getstr(m, "role");

			if (!active_on(m, date))
				continue;
			if (chair == NULL && streq(role, "chair"))
				chair = samv_node_getstr(m, "name");
			if (secretary == NULL && streq(role, "secretary"))
				secretary = samv_node_getstr(m, "name");
		}
	}
	if (chair)
		people_add(&out->chair, person_of(body, chair, date));
	if (secretary && !streq(secretary, chair))
		people_add(&out->secretary, person_of(body, secretary, date));

	if (out->from_attendance) {
		add_names(&out->members, out, body,
		    samv_node_get(att, "present"), date, -1);
		add_names(&out->substitutes, out, body,
		    samv_node_get(att, "substitutes"), date, 1);
		add_names(&out->substitutes, out, body,
		    samv_node_get(att, "substitutes_present"), date, 0);
		add_names(&out->others, out, body,
		    samv_node_get(att, "others"), date, -1);
		add_names(&out->absent, out, body,
		    samv_node_get(att, "absent"), date, -1);
		return;
	}
	for (i = 0; i < seq_len(mem); i++) {
		const struct samv_node *m = mem->items[i];
		const char *name = samv_node_getstr(m, "name");
		const char *role = samv_node_getstr(m, "role");
		struct samv_people *to = &out->members;

		if (name == NULL || !active_on(m, date) ||
		    streq(name, chair) || streq(name, secretary) ||
		    people_has(&out->members, name) ||
		    people_has(&out->substitutes, name) ||
		    people_has(&out->others, name))
			continue;
		if (streq(role, "substitute"))
			to = &out->substitutes;
		else if (streq(role, "adjunct"))
			to = &out->others;
		people_add(to, person_of(body, name, date));
	}
}

void
samv_participants_release(struct samv_participants *p)
{
	free(p->chair.v);
	free(p->secretary.v);
	free(p->members.v);
	free(p->substitutes.v);
	free(p->others.v);
	free(p->absent.v);
	memset(p, 0, sizeof(*p));
}

/* The name of a principal or group id, or NULL. */
static const char *
principal_name(const struct samv_repo *r, const char *id)
{
	const struct samv_node *n;

	if (r == NULL || id == NULL)
		return NULL;
	n = samv_map_get(&r->principals, id);
	if (n == NULL)
		n = samv_map_get(&r->groups, id);
	return n ? samv_node_getstr(n, "name") : NULL;
}

void
samv_render_person(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_person *p, int with_role)
{
	const char *lang = r ? r->language : "sv";
	const char *pn = principal_name(r, p->principal);
	const char *role = samv_label_role(p->role, lang);

	samv_buf_puts(out, p->name ? p->name : "");
	if (p->party)
		samv_buf_printf(out, " (%s)", p->party);
	if (p->position)
		samv_buf_printf(out, ", %s", p->position);
	if (p->principal)
		samv_buf_printf(out, ", %s", pn ? pn : p->principal);
	if (with_role && role && !streq(p->role, "member") &&
	    !streq(p->role, "substitute"))
		samv_buf_printf(out, ", %s", role);
	if (with_role && p->replaces)
		samv_buf_printf(out, ", %s %s", samv_label(SAMV_L_REPLACING,
		    lang), p->replaces);
}

/* --- the agenda --------------------------------------------------------- */

struct agenda {
	const struct samv_repo *r;
	const struct samv_record *rec;
	const struct samv_node *m;	/* meeting root */
	const struct samv_node *body;	/* body root, or NULL */
	const char *lang;
	const char *date;		/* YYYY-MM-DD */
	char date_words[64];		/* 8 oktober 2021 */
	char day_words[80];		/* fredag 8 oktober 2021 */
	const char *body_name;
	struct samv_participants who;
};

/* A time value "HH:MM" normalised into buf (6 bytes), or NULL. */
static const char *
time_of(const struct samv_node *n, char *buf)
{
	const char *s = samv_node_str(n);
	int t;

	if (s == NULL || samv_time_parse(s, &t) < 0)
		return NULL;
	samv_time_format(t, buf);
	return buf;
}

static int
minutes_of(const struct samv_node *n)
{
	const char *s = samv_node_str(n);
	int t;

	if (s == NULL || samv_time_parse(s, &t) < 0)
		return -1;
	return t;
}

static const char *
lbl(const struct agenda *a, enum samv_label l)
{
	return samv_label(l, a->lang);
}

void
samv_render_people(cmark_node *doc, const struct samv_repo *r,
    const char *heading, const struct samv_people *l, int with_role)
{
	struct samv_buf b = SAMV_BUF_INIT;
	cmark_node *list = NULL;
	size_t i;

	if (l->n == 0)
		return;
	samv_render_heading(doc, 3, heading);
	if (l->n > 1)
		list = samv_render_list(doc, 0, 0);
	for (i = 0; i < l->n; i++) {
		b.len = 0;
		samv_render_person(&b, r, &l->v[i], with_role);
		if (list)
			samv_render_list_item(list, samv_buf_cstr(&b));
		else
			samv_render_para(doc, samv_buf_cstr(&b));
	}
	samv_buf_release(&b);
}

static void
people_section(struct agenda *a, cmark_node *doc, enum samv_label title,
    const struct samv_people *l, int with_role)
{
	samv_render_people(doc, a->r, lbl(a, title), l, with_role);
}

/* The presenters of an item joined with ", " (allocated). */
static char *
presenters_of(const struct samv_node *it)
{
	const struct samv_node *l = samv_node_get(it, "presenters");
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i;

	for (i = 0; i < seq_len(l); i++) {
		if (samv_node_str(l->items[i]) == NULL)
			continue;
		if (b.len)
			samv_buf_puts(&b, ", ");
		samv_buf_puts(&b, samv_node_str(l->items[i]));
	}
	return samv_buf_detach(&b, NULL);
}

/* Breaks sorted by start (stable), those with a readable start only. */
static size_t
sorted_breaks(const struct samv_node *breaks, const struct samv_node ***out)
{
	const struct samv_node **v, *t;
	size_t i, j, n = 0;

	v = samv_xcalloc(seq_len(breaks) + 1, sizeof(*v));
	for (i = 0; i < seq_len(breaks); i++)
		if (minutes_of(samv_node_get(breaks->items[i], "start")) >= 0)
			v[n++] = breaks->items[i];
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && minutes_of(samv_node_get(v[j - 1],
		    "start")) > minutes_of(samv_node_get(v[j], "start")); j--) {
			t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	*out = v;
	return n;
}

static void
break_row(struct agenda *a, cmark_node *table, const struct samv_node *b)
{
	char s[6], e[6];
	const char *start = time_of(samv_node_get(b, "start"), s);
	const char *end = time_of(samv_node_get(b, "end"), e);
	const char *note = samv_node_getstr(b, "note");
	struct samv_buf t = SAMV_BUF_INIT;
	const char *cells[4];

	samv_buf_printf(&t, "%s %s %s", lbl(a, SAMV_L_BREAK), lbl(a, SAMV_L_AT),
	    start);
	if (end)
		samv_buf_printf(&t, "–%s", end);
	if (note && *note)
		samv_buf_printf(&t, " (%s)", note);
	cells[0] = NULL;
	cells[1] = samv_buf_cstr(&t);
	cells[2] = NULL;
	cells[3] = start;
	samv_render_row(table, cells, SAMV_CELL_EMPH);
	samv_buf_release(&t);
}

static void
agenda_table(struct agenda *a, cmark_node *doc)
{
	const struct samv_node *ag = samv_node_get(a->m, "agenda");
	const struct samv_node *items = samv_node_get(ag, "items");
	const struct samv_node **breaks = NULL;
	const char *header[4], *cells[4], *group = NULL, *type;
	size_t i, nb, bi = 0;
	cmark_node *table;
	char num[24], tb[6];
	char *pres;
	int t;

	header[0] = lbl(a, SAMV_L_NUMBER);
	header[1] = lbl(a, SAMV_L_ITEM);
	header[2] = lbl(a, SAMV_L_PRESENTERS);
	header[3] = lbl(a, SAMV_L_TIME);
	samv_render_heading(doc, 3, lbl(a, SAMV_L_ITEMS));
	table = samv_render_table(doc, 4, header);
	nb = sorted_breaks(samv_node_get(ag, "breaks"), &breaks);
	for (i = 0; i < seq_len(items); i++) {
		const struct samv_node *it = items->items[i];

		/* A break goes before the first item that starts at or
		 * after it. */
		t = minutes_of(samv_node_get(it, "start"));
		while (t >= 0 && bi < nb && minutes_of(samv_node_get(
		    breaks[bi], "start")) <= t)
			break_row(a, table, breaks[bi++]);
		/* A group row where the type changes; standing items (and
		 * untyped ones) stay in the group they stand in. */
		type = samv_node_getstr(it, "type");
		if ((streq(type, "information") || streq(type, "decision")) &&
		    !streq(type, group)) {
			group = type;
			cells[0] = cells[2] = cells[3] = NULL;
			cells[1] = lbl(a, streq(type, "information") ?
			    SAMV_L_INFORMATION_ITEMS : SAMV_L_DECISION_ITEMS);
			samv_render_row(table, cells, SAMV_CELL_STRONG);
		}
		snprintf(num, sizeof(num), "%zu", i + 1);
		pres = presenters_of(it);
		cells[0] = num;
		cells[1] = samv_node_getstr(it, "title");
		cells[2] = pres;
		cells[3] = time_of(samv_node_get(it, "start"), tb);
		samv_render_row(table, cells, SAMV_CELL_PLAIN);
		free(pres);
	}
	while (bi < nb)
		break_row(a, table, breaks[bi++]);
	free(breaks);
}

static int
has_content(const struct samv_node *it)
{
	return samv_node_getstr(it, "description") ||
	    seq_len(samv_node_get(it, "documents")) ||
	    samv_node_getstr(it, "proposal") ||
	    samv_node_getstr(it, "consequences");
}

static void
item_sections(struct agenda *a, cmark_node *doc)
{
	const struct samv_node *items = samv_node_get(samv_node_get(a->m,
	    "agenda"), "items");
	const char *s;
	char *h, *pres, tb[6];
	size_t i;

	for (i = 0; i < seq_len(items); i++) {
		const struct samv_node *it = items->items[i];

		if (!has_content(it))
			continue;
		s = samv_node_getstr(it, "title");
		h = samv_xasprintf("%zu. %s", i + 1, s ? s : "");
		samv_render_heading(doc, 3, h);
		free(h);
		pres = presenters_of(it);
		if (*pres)
			samv_render_field(doc, lbl(a, SAMV_L_PRESENTERS), pres);
		free(pres);
		if ((s = time_of(samv_node_get(it, "start"), tb)))
			samv_render_field(doc, lbl(a, SAMV_L_TIME), s);
		if ((s = samv_node_getstr(it, "description"))) {
			samv_render_heading(doc, 4, lbl(a, SAMV_L_DESCRIPTION));
			samv_render_text(doc, s);
		}
		if (seq_len(samv_node_get(it, "documents"))) {
			samv_render_heading(doc, 4, lbl(a, SAMV_L_DOCUMENTS));
			samv_render_bullets(doc, samv_node_get(it, "documents"));
		}
		if ((s = samv_node_getstr(it, "proposal"))) {
			samv_render_heading(doc, 4, lbl(a, SAMV_L_PROPOSAL));
			samv_render_text(doc, s);
		}
		if ((s = samv_node_getstr(it, "consequences"))) {
			samv_render_heading(doc, 4, lbl(a, SAMV_L_CONSEQUENCES));
			samv_render_text(doc, s);
		}
	}
}

/* "fredag 8 oktober 2021 kl. 13:00–16:30" (allocated). */
static char *
when_of(const struct agenda *a)
{
	char s[6], e[6];
	const char *start = time_of(samv_node_get(a->m, "start"), s);
	const char *end = time_of(samv_node_get(a->m, "end"), e);
	struct samv_buf b = SAMV_BUF_INIT;

	samv_buf_puts(&b, a->day_words);
	if (start)
		samv_buf_printf(&b, " %s %s", lbl(a, SAMV_L_AT), start);
	if (start && end)
		samv_buf_printf(&b, "–%s", end);
	return samv_buf_detach(&b, NULL);
}

/* The name of the meeting's level from the body's levels, else its id. */
static const char *
level_name(const struct agenda *a)
{
	const char *id = samv_node_getstr(a->m, "level");
	const struct samv_node *l = samv_node_get(a->body, "levels");
	size_t i;

	for (i = 0; id && i < seq_len(l); i++)
		if (streq(samv_node_getstr(l->items[i], "id"), id) &&
		    samv_node_getstr(l->items[i], "name"))
			return samv_node_getstr(l->items[i], "name");
	return id;
}

static char *
title_of(const struct agenda *a)
{
	return samv_xasprintf("%s – %s %s", a->body_name, lbl(a, SAMV_L_AGENDA),
	    a->date_words);
}

static int
agenda_doc(struct agenda *a, struct samv_buf *out, enum samv_format fmt,
    char **err)
{
	cmark_node *doc = samv_render_document();
	const char *full = samv_node_getstr(a->body, "full_name");
	const char *s;
	char *t;
	int rc;

	if (full && !streq(full, a->body_name))
		t = samv_xasprintf("%s – %s", a->body_name, full);
	else
		t = samv_xstrdup(a->body_name);
	samv_render_heading(doc, 1, t);
	free(t);
	t = samv_xasprintf("%s %s", lbl(a, SAMV_L_AGENDA), a->date_words);
	samv_render_heading(doc, 2, t);
	free(t);

	s = samv_node_getstr(a->m, "kind");
	if (s && !streq(s, "ordinary") && samv_label_meeting_kind(s, a->lang))
		samv_render_para(doc, samv_label_meeting_kind(s, a->lang));
	t = when_of(a);
	samv_render_field(doc, lbl(a, SAMV_L_TIME), t);
	free(t);
	if ((s = samv_node_getstr(a->m, "place")))
		samv_render_field(doc, lbl(a, SAMV_L_PLACE), s);
	if ((s = level_name(a)))
		samv_render_field(doc, lbl(a, SAMV_L_LEVEL), s);
	s = samv_node_getstr(samv_node_get(a->m, "agenda"), "published");
	if (s) {
		samv_day d;
		char w[64];

		if (samv_date_parse(s, &d) == 0) {
			samv_label_date(w, sizeof(w), d, 0, a->lang);
			s = w;
		}
		samv_render_field(doc, lbl(a, SAMV_L_PUBLISHED), s);
	}

	people_section(a, doc, SAMV_L_CHAIR, &a->who.chair, 0);
	people_section(a, doc, SAMV_L_MEMBERS, &a->who.members, 1);
	people_section(a, doc, SAMV_L_SUBSTITUTES, &a->who.substitutes, 1);
	people_section(a, doc, SAMV_L_OTHERS, &a->who.others, 1);
	people_section(a, doc, SAMV_L_SECRETARY, &a->who.secretary, 0);
	people_section(a, doc, SAMV_L_ABSENT, &a->who.absent, 1);

	agenda_table(a, doc);
	item_sections(a, doc);

	t = title_of(a);
	rc = samv_render_finish(out, doc, fmt, a->lang, t, err);
	free(t);
	cmark_node_free(doc);
	return rc;
}

/* "2021-10-08T13:00" of a time node, or NULL (into buf, 32 bytes). */
static const char *
stamp_of(const struct agenda *a, const struct samv_node *n, char *buf)
{
	char t[6];

	if (a->date == NULL || time_of(n, t) == NULL)
		return NULL;
	snprintf(buf, 32, "%.10sT%s", a->date, t);
	return buf;
}

void
samv_render_json_person(struct samv_jsonw *w, const struct samv_repo *r,
    const char *key, const struct samv_person *p)
{
	samv_jsonw_object(w, key);
	samv_jsonw_str(w, "name", p->name);
	samv_jsonw_str(w, "party", p->party);
	samv_jsonw_str(w, "role", p->role);
	samv_jsonw_str(w, "position", p->position);
	if (p->principal) {
		samv_jsonw_object(w, "on_behalf_of");
		samv_jsonw_str(w, "id", p->principal);
		samv_jsonw_str(w, "name", principal_name(r, p->principal));
		samv_jsonw_end(w, '}');
	}
	if (p->serving >= 0)
		samv_jsonw_bool(w, "serving", p->serving);
	samv_jsonw_str(w, "replaces", p->replaces);
	samv_jsonw_end(w, '}');
}

void
samv_render_json_people(struct samv_jsonw *w, const struct samv_repo *r,
    const char *key, const struct samv_people *l)
{
	size_t i;

	samv_jsonw_array(w, key);
	for (i = 0; i < l->n; i++)
		samv_render_json_person(w, r, NULL, &l->v[i]);
	samv_jsonw_end(w, ']');
}

static void
json_person(struct agenda *a, struct samv_jsonw *w, const char *key,
    const struct samv_person *p)
{
	samv_render_json_person(w, a->r, key, p);
}

static void
json_people(struct agenda *a, struct samv_jsonw *w, const char *key,
    const struct samv_people *l)
{
	samv_render_json_people(w, a->r, key, l);
}

static void
agenda_json(struct agenda *a, struct samv_buf *out)
{
	const struct samv_node *ag = samv_node_get(a->m, "agenda");
	const struct samv_node *items = samv_node_get(ag, "items");
	const struct samv_node *breaks = samv_node_get(ag, "breaks");
	struct samv_jsonw w;
	long long minutes;
	char buf[32];
	size_t i;
	char *t;

	samv_jsonw_init(&w, out);
	samv_jsonw_object(&w, NULL);
	samv_jsonw_str(&w, "type", "meeting");
	samv_jsonw_str(&w, "id", a->rec->id);
	samv_jsonw_object(&w, "organization");
	samv_jsonw_str(&w, "id", samv_node_getstr(a->m, "body"));
	samv_jsonw_str(&w, "name", a->body_name);
	samv_jsonw_str(&w, "full_name", samv_node_getstr(a->body, "full_name"));
	samv_jsonw_str(&w, "classification", samv_node_getstr(a->body, "kind"));
	samv_jsonw_end(&w, '}');
	t = samv_xasprintf("%s %s", a->body_name, a->date_words);
	samv_jsonw_str(&w, "name", t);
	free(t);
	samv_jsonw_str(&w, "date", a->date);
	samv_jsonw_str(&w, "kind", samv_node_getstr(a->m, "kind"));
	samv_jsonw_str(&w, "level", samv_node_getstr(a->m, "level"));
	samv_jsonw_str(&w, "start", stamp_of(a, samv_node_get(a->m, "start"),
	    buf));
	samv_jsonw_str(&w, "end", stamp_of(a, samv_node_get(a->m, "end"), buf));
	if (samv_node_getstr(a->m, "place")) {
		samv_jsonw_object(&w, "location");
		samv_jsonw_str(&w, "description", samv_node_getstr(a->m,
		    "place"));
		samv_jsonw_end(&w, '}');
	}
	samv_jsonw_str(&w, "meetingState", samv_node_get(a->m, "adjustment") ?
	    "adjusted" : samv_node_getstr(ag, "published") ? "published" :
	    "planned");
	samv_jsonw_str(&w, "agendaPublished", samv_node_getstr(ag,
	    "published"));

	samv_jsonw_object(&w, "participants");
	samv_jsonw_str(&w, "source", a->who.from_attendance ? "attendance" :
	    "members");
	if (a->who.chair.n)
		json_person(a, &w, "chair", &a->who.chair.v[0]);
	if (a->who.secretary.n)
		json_person(a, &w, "secretary", &a->who.secretary.v[0]);
	json_people(a, &w, "members", &a->who.members);
	json_people(a, &w, "substitutes", &a->who.substitutes);
	json_people(a, &w, "others", &a->who.others);
	json_people(a, &w, "absent", &a->who.absent);
	samv_jsonw_end(&w, '}');

	samv_jsonw_array(&w, "agendaItem");
	for (i = 0; i < seq_len(items); i++) {
		const struct samv_node *it = items->items[i];

		samv_jsonw_object(&w, NULL);
		samv_jsonw_int(&w, "number", (long long)i + 1);
		samv_jsonw_str(&w, "name", samv_node_getstr(it, "title"));
		samv_jsonw_str(&w, "type", samv_node_getstr(it, "type"));
		samv_jsonw_strings(&w, "presenters", samv_node_get(it,
		    "presenters"));
		samv_jsonw_str(&w, "start", stamp_of(a, samv_node_get(it,
		    "start"), buf));
		if (samv_node_int(samv_node_get(it, "minutes"), &minutes) == 0)
			samv_jsonw_int(&w, "minutes", minutes);
		samv_jsonw_text(&w, "description", samv_node_getstr(it,
		    "description"));
		samv_jsonw_strings(&w, "documents", samv_node_get(it,
		    "documents"));
		samv_jsonw_text(&w, "proposal", samv_node_getstr(it,
		    "proposal"));
		samv_jsonw_text(&w, "consequences", samv_node_getstr(it,
		    "consequences"));
		samv_jsonw_strings(&w, "refs", samv_node_get(it, "refs"));
		samv_jsonw_str(&w, "origin", samv_node_getstr(it, "origin"));
		samv_jsonw_end(&w, '}');
	}
	samv_jsonw_end(&w, ']');

	samv_jsonw_array(&w, "breaks");
	for (i = 0; i < seq_len(breaks); i++) {
		const struct samv_node *b = breaks->items[i];

		samv_jsonw_object(&w, NULL);
		samv_jsonw_str(&w, "start", stamp_of(a, samv_node_get(b,
		    "start"), buf));
		samv_jsonw_str(&w, "end", stamp_of(a, samv_node_get(b, "end"),
		    buf));
		samv_jsonw_text(&w, "note", samv_node_getstr(b, "note"));
		samv_jsonw_end(&w, '}');
	}
	samv_jsonw_end(&w, ']');
	samv_jsonw_end(&w, '}');
	samv_jsonw_finish(&w);
}

int
samv_render_agenda(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *meeting, enum samv_format fmt, char **err)
{
	struct agenda a;
	const struct samv_record *brec;
	const char *body_id;
	samv_day day;
	int rc = -1;

	*err = NULL;
	memset(&a, 0, sizeof(a));
	a.r = r;
	a.rec = meeting;
	a.m = samv_record_root(meeting);
	if (a.m == NULL) {
		*err = samv_xasprintf("%s: not a valid meeting record",
		    meeting && meeting->path ? meeting->path : "meeting");
		return -1;
	}
	a.lang = r && r->language ? r->language : "sv";
	body_id = samv_node_getstr(a.m, "body");
	brec = r && body_id ? samv_repo_get(r, SAMV_KIND_BODY, body_id) : NULL;
	a.body = brec ? samv_record_root(brec) : NULL;
	a.body_name = samv_node_getstr(a.body, "name");
	if (a.body_name == NULL)
		a.body_name = body_id ? body_id : "";
	a.date = samv_node_getstr(a.m, "date");
	if (a.date && samv_date_parse(a.date, &day) == 0) {
		samv_label_date(a.date_words, sizeof(a.date_words), day, 0,
		    a.lang);
		samv_label_date(a.day_words, sizeof(a.day_words), day, 1,
		    a.lang);
	} else {
		snprintf(a.date_words, sizeof(a.date_words), "%s",
		    a.date ? a.date : "");
		snprintf(a.day_words, sizeof(a.day_words), "%s", a.date_words);
	}
	samv_participants_collect(&a.who, a.body, a.m);

	switch (fmt) {
	case SAMV_FORMAT_MD:
	case SAMV_FORMAT_HTML:
		rc = agenda_doc(&a, out, fmt, err);
		break;
	case SAMV_FORMAT_JSON:
		agenda_json(&a, out);
		rc = 0;
		break;
	default:
		*err = samv_xstrdup("unknown output format");
	}
	samv_participants_release(&a.who);
	return rc;
}
