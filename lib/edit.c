/* edit.c - splice YAML text at node spans so unrelated bytes never move */
#include <stdlib.h>
#include <string.h>

#include "edit.h"
#include "util.h"

size_t
samv_edit_line_start(const char *buf, size_t off)
{
	while (off > 0 && buf[off - 1] != '\n')
		off--;
	return off;
}

static size_t
line_next(const char *buf, size_t len, size_t off)
{
	const char *nl = memchr(buf + off, '\n', len - off);

	return nl ? (size_t)(nl - buf) + 1 : len;
}

size_t
samv_edit_block_end(const char *buf, size_t len, size_t line_start,
    unsigned min_indent)
{
	size_t off = line_next(buf, len, line_start), last = off;

	while (off < len) {
		size_t i = off;
		unsigned ind = 0;

		while (i < len && buf[i] == ' ') {
			i++;
			ind++;
		}
		if (i >= len || buf[i] == '\n' || buf[i] == '\r') {
			off = line_next(buf, len, off);
			continue;	/* blank: decided by what follows */
		}
		if (ind < min_indent)
			return last;
		off = line_next(buf, len, off);
		last = off;
	}
	return last;
}

unsigned
samv_edit_dash_indent(const struct samv_doc *doc, const struct samv_node *item)
{
	size_t ls = samv_edit_line_start(doc->buf, item->span.start), i;
	unsigned ind = 0;

	for (i = ls; i < doc->len && doc->buf[i] == ' '; i++)
		ind++;
	return ind;
}

char *
samv_edit_splice(const struct samv_doc *doc, size_t start, size_t end,
    const char *ins, size_t inslen, size_t *len)
{
	struct samv_buf b = SAMV_BUF_INIT;

	samv_buf_add(&b, doc->buf, start);
	samv_buf_add(&b, ins, inslen);
	samv_buf_add(&b, doc->buf + end, doc->len - end);
	return samv_buf_detach(&b, len);
}

char *
samv_edit_indent(const char *text, unsigned n)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const char *p = text;
	unsigned i;

	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t l = nl ? (size_t)(nl - p) + 1 : strlen(p);

		if (l > 1 || *p != '\n')
			for (i = 0; i < n; i++)
				samv_buf_putc(&b, ' ');
		samv_buf_add(&b, p, l);
		p += l;
	}
	return samv_buf_detach(&b, NULL);
}

/* "key: value" as the emitter writes it; returns just the value text. */
static char *
scalar_text(const char *value, enum samv_emit_kind kind)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e = samv_emit_begin(&b);
	char *s, *v;
	size_t n;

	if (e == NULL)
		return NULL;
	samv_emit_map_start(e);
	samv_emit_pair(e, "k", value, kind);
	samv_emit_map_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		return NULL;
	}
	s = samv_buf_detach(&b, &n);
	while (n > 0 && s[n - 1] == '\n')
		s[--n] = '\0';
	v = samv_xstrdup(strncmp(s, "k: ", 3) == 0 ? s + 3 : s);
	free(s);
	return v;
}

/* Indent (columns) of a block mapping's keys. */
static int
map_indent(const struct samv_doc *doc, const struct samv_node *map,
    unsigned *ind)
{
	if (map->n_pairs == 0)
		return -1;
	if (doc->buf[map->span.start] == '{')
		return -1;	/* flow style: not edited in place */
	*ind = map->pairs[0].key->span.col - 1;
	return 0;
}

/* Where new entries go at the end of a block mapping or sequence. */
static size_t
collection_end(const struct samv_doc *doc, const struct samv_node *n,
    unsigned ind)
{
	size_t ls;

	if (n == doc->root)
		return doc->len;
	ls = samv_edit_line_start(doc->buf, n->span.start);
	return samv_edit_block_end(doc->buf, doc->len, ls, ind);
}

/* Text to insert at the end of a collection, newline-safe. */
static void
ensure_newline(const struct samv_doc *doc, size_t at, struct samv_buf *b)
{
	if (at > 0 && at == doc->len && doc->buf[at - 1] != '\n')
		samv_buf_putc(b, '\n');
}

static char *
reparse(char *text, size_t len, char **err)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = NULL;

	if (samv_doc_parse(&doc, "edit", text, len, NULL, &d) < 0) {
		*err = samv_xasprintf("internal error: the edit made invalid "
		    "YAML (%s at %u:%u); nothing was written",
		    d.n ? d.v[0].msg : "?", d.n ? d.v[0].line : 0,
		    d.n ? d.v[0].col : 0);
		free(text);
		text = NULL;
	}
	samv_doc_free(doc);
	samv_diags_release(&d);
	return text;
}

char *
samv_edit_set(const struct samv_doc *doc, const char *const *path,
    const char *value, enum samv_emit_kind kind, size_t *len, char **err)
{
	const struct samv_node *n = doc->root, *parent = NULL;
	struct samv_buf b = SAMV_BUF_INIT;
	size_t k = 0, at;
	unsigned ind = 0, i;
	char *v, *out;

	*err = NULL;
	while (path[k] != NULL) {
		const struct samv_node *next;

		if (n == NULL || n->kind != SAMV_NODE_MAP) {
			*err = samv_xasprintf("cannot set '%s': its parent is "
			    "not a mapping", path[k]);
			return NULL;
		}
		next = samv_node_get(n, path[k]);
		if (next == NULL)
			break;
		parent = n;
		n = next;
		k++;
	}
	v = scalar_text(value, kind);
	if (v == NULL) {
		*err = samv_xstrdup("value cannot be written as YAML");
		return NULL;
	}
	if (path[k] == NULL) {
		if (n->kind != SAMV_NODE_SCALAR || n->style == SAMV_STYLE_BLOCK) {
			*err = samv_xasprintf("cannot set '%s': not a one-line "
			    "value", path[k - 1]);
			free(v);
			return NULL;
		}
		out = samv_edit_splice(doc, n->span.start, n->span.end, v,
		    strlen(v), len);
		free(v);
		return reparse(out, *len, err);
	}
	/* n is the deepest existing mapping; create path[k..] under it */
	(void)parent;
	if (n == doc->root && n->n_pairs == 0) {
		ind = 0;
		at = doc->len;
	} else {
		if (map_indent(doc, n, &ind) < 0) {
			*err = samv_xasprintf("cannot add '%s' to a flow-style "
			    "or empty mapping", path[k]);
			free(v);
			return NULL;
		}
		at = collection_end(doc, n, ind);
	}
	ensure_newline(doc, at, &b);
	for (; path[k] != NULL; k++, ind += 2) {
		for (i = 0; i < ind; i++)
			samv_buf_putc(&b, ' ');
		if (path[k + 1] == NULL)
			samv_buf_printf(&b, "%s: %s\n", path[k], v);
		else
			samv_buf_printf(&b, "%s:\n", path[k]);
	}
	free(v);
	out = samv_edit_splice(doc, at, at, b.s, b.len, len);
	samv_buf_release(&b);
	return reparse(out, *len, err);
}

char *
samv_edit_append(const struct samv_doc *doc, const char *const *path,
    const char *yaml, size_t *len, char **err)
{
	const struct samv_node *n = doc->root;
	struct samv_buf b = SAMV_BUF_INIT;
	size_t k = 0, at;
	unsigned ind = 0, i;
	char *out, *shifted;

	*err = NULL;
	while (path[k] != NULL) {
		const struct samv_node *next;

		if (n == NULL || n->kind != SAMV_NODE_MAP) {
			*err = samv_xasprintf("cannot add to '%s': its parent "
			    "is not a mapping", path[k]);
			return NULL;
		}
		next = samv_node_get(n, path[k]);
		if (next == NULL)
			break;
		n = next;
		k++;
	}
	if (path[k] == NULL) {
		/* the collection exists: append after its last entry */
		if (n->kind == SAMV_NODE_SEQ && n->n_items > 0 &&
		    doc->buf[n->span.start] != '[') {
			ind = samv_edit_dash_indent(doc, n->items[0]);
			at = samv_edit_block_end(doc->buf, doc->len,
			    samv_edit_line_start(doc->buf,
			    n->items[n->n_items - 1]->span.start), ind + 1);
			shifted = samv_edit_indent(yaml, ind);
			ensure_newline(doc, at, &b);
			samv_buf_puts(&b, shifted);
			free(shifted);
		} else if (n->kind == SAMV_NODE_SEQ && n->n_items == 0) {
			/* "key: []": replace the flow node by a block list */
			unsigned kind_ind = samv_edit_dash_indent(doc, n);

			shifted = samv_edit_indent(yaml, kind_ind + 2);
			samv_buf_putc(&b, '\n');
			samv_buf_add(&b, shifted, strlen(shifted) - 1);
			free(shifted);
			out = samv_edit_splice(doc, n->span.start, n->span.end,
			    b.s, b.len, len);
			samv_buf_release(&b);
			return reparse(out, *len, err);
		} else {
			*err = samv_xasprintf("cannot add to '%s': not a "
			    "block-style list", path[k - 1]);
			return NULL;
		}
	} else {
		/* create path[k..]; yaml holds the value at one level deeper */
		if (n == doc->root && n->n_pairs == 0) {
			ind = 0;
			at = doc->len;
		} else {
			if (map_indent(doc, n, &ind) < 0) {
				*err = samv_xasprintf("cannot add '%s' to a "
				    "flow-style mapping", path[k]);
				return NULL;
			}
			at = collection_end(doc, n, ind);
		}
		ensure_newline(doc, at, &b);
		for (; path[k] != NULL; k++, ind += 2) {
			for (i = 0; i < ind; i++)
				samv_buf_putc(&b, ' ');
			samv_buf_printf(&b, "%s:\n", path[k]);
		}
		shifted = samv_edit_indent(yaml, ind);
		samv_buf_puts(&b, shifted);
		free(shifted);
	}
	out = samv_edit_splice(doc, at, at, b.s, b.len, len);
	samv_buf_release(&b);
	return reparse(out, *len, err);
}
