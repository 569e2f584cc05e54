/* agenda.c - write new meeting files; insert, move, remove and time items */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "agenda.h"
#include "date.h"
#include "edit.h"
#include "emit.h"
#include "util.h"

static void
emit_list(struct samv_emitter *e, const char *key, const char *const *v,
    size_t n)
{
	size_t i;

	if (n == 0)
		return;
	samv_emit_scalar(e, key, SAMV_EMIT_RAW);
	samv_emit_seq_start(e);
	for (i = 0; i < n; i++)
		samv_emit_scalar(e, v[i], SAMV_EMIT_STRING);
	samv_emit_seq_end(e);
}

static void
emit_time(struct samv_emitter *e, const char *key, int minutes)
{
	char t[6];

	if (minutes < 0)
		return;
	samv_time_format(minutes, t);
	samv_emit_pair(e, key, t, SAMV_EMIT_TIME);
}

static void
emit_item(struct samv_emitter *e, const struct samv_item *it)
{
	char num[16];

	samv_emit_map_start(e);
	samv_emit_pair(e, "title", it->title, SAMV_EMIT_STRING);
	if (it->type)
		samv_emit_pair(e, "type", it->type, SAMV_EMIT_RAW);
	emit_list(e, "presenters", it->presenters, it->npresenters);
	emit_time(e, "start", it->start);
	if (it->minutes >= 0) {
		snprintf(num, sizeof(num), "%d", it->minutes);
		samv_emit_pair(e, "minutes", num, SAMV_EMIT_RAW);
	}
	if (it->description)
		samv_emit_pair(e, "description", it->description,
		    SAMV_EMIT_STRING);
	emit_list(e, "documents", it->documents, it->ndocuments);
	if (it->proposal)
		samv_emit_pair(e, "proposal", it->proposal, SAMV_EMIT_STRING);
	if (it->consequences)
		samv_emit_pair(e, "consequences", it->consequences,
		    SAMV_EMIT_STRING);
	emit_list(e, "refs", it->refs, it->nrefs);
	if (it->origin)
		samv_emit_pair(e, "origin", it->origin, SAMV_EMIT_RAW);
	samv_emit_map_end(e);
}

char *
samv_item_yaml(const struct samv_item *it)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e = samv_emit_begin(&b);

	if (e == NULL)
		return NULL;
	samv_emit_seq_start(e);
	emit_item(e, it);
	samv_emit_seq_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		return NULL;
	}
	return samv_buf_detach(&b, NULL);
}

char *
samv_meeting_yaml(const struct samv_meeting_new *m, size_t *len)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e;
	size_t i;

	samv_buf_puts(&b, "# yaml-language-server: "
	    "$schema=../../.samv/schema/meeting.schema.json\n");
	if (m->comment)
		samv_buf_printf(&b, "# %s\n", m->comment);
	e = samv_emit_begin(&b);
	if (e == NULL)
		return NULL;
	samv_emit_map_start(e);
	samv_emit_pair(e, "body", m->body, SAMV_EMIT_RAW);
	samv_emit_pair(e, "date", m->date, SAMV_EMIT_RAW);
	emit_time(e, "start", m->start);
	emit_time(e, "end", m->end);
	if (m->place)
		samv_emit_pair(e, "place", m->place, SAMV_EMIT_STRING);
	if (m->kind)
		samv_emit_pair(e, "kind", m->kind, SAMV_EMIT_RAW);
	if (m->nitems) {
		samv_emit_scalar(e, "agenda", SAMV_EMIT_RAW);
		samv_emit_map_start(e);
		samv_emit_scalar(e, "items", SAMV_EMIT_RAW);
		samv_emit_seq_start(e);
		for (i = 0; i < m->nitems; i++)
			emit_item(e, &m->items[i]);
		samv_emit_seq_end(e);
		samv_emit_map_end(e);
	}
	samv_emit_map_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		return NULL;
	}
	return samv_buf_detach(&b, len);
}

static const struct samv_node *
items_of(const struct samv_node *root)
{
	const struct samv_node *l = samv_node_get(samv_node_get(root,
	    "agenda"), "items");

	return l && l->kind == SAMV_NODE_SEQ ? l : NULL;
}

size_t
samv_agenda_count(const struct samv_node *meeting)
{
	const struct samv_node *l = items_of(meeting);

	return l ? l->n_items : 0;
}

/* The byte range of item i's block (its dash line to its last line). */
static int
item_block(const struct samv_doc *doc, const struct samv_node *l, size_t i,
    size_t *s, size_t *e)
{
	unsigned ind;

	if (doc->buf[l->span.start] == '[')
		return -1;
	ind = samv_edit_dash_indent(doc, l->items[i]);
	*s = samv_edit_line_start(doc->buf, l->items[i]->span.start);
	if (i + 1 < l->n_items)
		*e = samv_edit_line_start(doc->buf, l->items[i + 1]->span.start);
	else
		*e = samv_edit_block_end(doc->buf, doc->len, *s, ind + 1);
	return 0;
}

char *
samv_agenda_insert(const struct samv_doc *doc, size_t pos,
    const struct samv_item *it, size_t *len, char **err)
{
	static const char *const path[] = { "agenda", "items", NULL };
	const struct samv_node *l = items_of(doc->root);
	char *yaml = samv_item_yaml(it), *ind, *out;
	size_t s, e;

	*err = NULL;
	if (yaml == NULL) {
		*err = samv_xstrdup("the item cannot be written as YAML");
		return NULL;
	}
	if (l == NULL || l->n_items == 0 || pos >= l->n_items) {
		out = samv_edit_append(doc, path, yaml, len, err);
		free(yaml);
		return out;
	}
	if (item_block(doc, l, pos, &s, &e) < 0) {
		free(yaml);
		*err = samv_xstrdup("the agenda's items are in flow style "
		    "([...]); write them as a block list first");
		return NULL;
	}
	ind = samv_edit_indent(yaml, samv_edit_dash_indent(doc,
	    l->items[pos]));
	out = samv_edit_splice(doc, s, s, ind, strlen(ind), len);
	free(ind);
	free(yaml);
	return out;
}

char *
samv_agenda_remove(const struct samv_doc *doc, size_t idx, size_t *len,
    char **err)
{
	const struct samv_node *l = items_of(doc->root);
	size_t s, e;

	*err = NULL;
	if (l == NULL || idx >= l->n_items) {
		*err = samv_xasprintf("there is no item %zu", idx + 1);
		return NULL;
	}
	if (l->n_items == 1) {
		*err = samv_xstrdup("cannot remove the only item; an agenda "
		    "needs one");
		return NULL;
	}
	if (item_block(doc, l, idx, &s, &e) < 0) {
		*err = samv_xstrdup("the agenda's items are in flow style");
		return NULL;
	}
	return samv_edit_splice(doc, s, e, "", 0, len);
}

char *
samv_agenda_move(const struct samv_doc *doc, size_t from, size_t to,
    size_t *len, char **err)
{
	const struct samv_node *l = items_of(doc->root);
	struct samv_buf b = SAMV_BUF_INIT;
	size_t *order, i, k, s0, e0, sl, el;

	*err = NULL;
	if (l == NULL || from >= l->n_items || to >= l->n_items) {
		*err = samv_xasprintf("there is no item %zu",
		    (l == NULL || from >= l->n_items ? from : to) + 1);
		return NULL;
	}
	if (item_block(doc, l, 0, &s0, &e0) < 0) {
		*err = samv_xstrdup("the agenda's items are in flow style");
		return NULL;
	}
	item_block(doc, l, l->n_items - 1, &sl, &el);
	/* the new order of the item blocks */
	order = samv_xcalloc(l->n_items, sizeof(*order));
	for (i = 0, k = 0; i < l->n_items; i++)
		if (i != from)
			order[k++] = i;
	memmove(order + to + 1, order + to, (l->n_items - 1 - to) *
	    sizeof(*order));
	order[to] = from;
	samv_buf_add(&b, doc->buf, s0);
	for (i = 0; i < l->n_items; i++) {
		size_t bs, be;

		item_block(doc, l, order[i], &bs, &be);
		samv_buf_add(&b, doc->buf + bs, be - bs);
		if (be > bs && doc->buf[be - 1] != '\n')
			samv_buf_putc(&b, '\n');
	}
	samv_buf_add(&b, doc->buf + el, doc->len - el);
	free(order);
	return samv_buf_detach(&b, len);
}

char *
samv_agenda_add_break(const struct samv_doc *doc, int start, int end,
    const char *note, size_t *len, char **err)
{
	static const char *const path[] = { "agenda", "breaks", NULL };
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e = samv_emit_begin(&b);
	char *out;

	if (e == NULL)
		return NULL;
	samv_emit_seq_start(e);
	samv_emit_map_start(e);
	emit_time(e, "start", start);
	emit_time(e, "end", end);
	if (note)
		samv_emit_pair(e, "note", note, SAMV_EMIT_STRING);
	samv_emit_map_end(e);
	samv_emit_seq_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		*err = samv_xstrdup("the break cannot be written as YAML");
		return NULL;
	}
	out = samv_edit_append(doc, path, b.s, len, err);
	samv_buf_release(&b);
	return out;
}

static int
node_time(const struct samv_node *n, int *m)
{
	return samv_time_parse(samv_node_str(n), m);
}

/* The time t moved past any break it falls into. */
static int
past_breaks(const struct samv_node *breaks, int t)
{
	size_t i;
	int moved = 1, guard = 0;

	while (moved && guard++ < 100) {
		moved = 0;
		for (i = 0; breaks && i < breaks->n_items; i++) {
			int bs, be;

			if (node_time(samv_node_get(breaks->items[i], "start"),
			    &bs) < 0 || node_time(samv_node_get(
			    breaks->items[i], "end"), &be) < 0)
				continue;
			if (t >= bs && t < be) {
				t = be;
				moved = 1;
			}
		}
	}
	return t;
}

/* Sets item i's start to t: replaces its value or adds the key. */
static char *
set_item_start(const struct samv_doc *doc, const struct samv_node *it, int t,
    size_t *len)
{
	const struct samv_node *st = samv_node_get(it, "start");
	char txt[16];

	snprintf(txt, sizeof(txt), "\"%02d:%02d\"", t / 60 % 100, t % 60);
	if (st != NULL)
		return samv_edit_splice(doc, st->span.start, st->span.end, txt,
		    strlen(txt), len);
	else {
		const struct samv_node *k0 = it->pairs[0].key;
		unsigned ind = k0->span.col - 1, i;
		size_t at = samv_edit_block_end(doc->buf, doc->len,
		    samv_edit_line_start(doc->buf, k0->span.start), ind + 1);
		struct samv_buf b = SAMV_BUF_INIT;
		char *out;

		for (i = 0; i < ind; i++)
			samv_buf_putc(&b, ' ');
		samv_buf_printf(&b, "start: %s\n", txt);
		out = samv_edit_splice(doc, at, at, b.s, b.len, len);
		samv_buf_release(&b);
		return out;
	}
}

char *
samv_agenda_retime(const char *text, size_t len, size_t *outlen, char **err)
{
	char *cur = samv_xstrndup(text, len);
	size_t curlen = len, i = 0;
	int guard = 0;

	*err = NULL;
	for (;;) {
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = NULL;
		const struct samv_node *l, *breaks;
		int t = -1, changed = 0;
		long long dur;

		if (samv_doc_parse(&doc, "retime", cur, curlen, NULL, &d) < 0) {
			*err = samv_xasprintf("internal error: retiming made "
			    "invalid YAML (%s)", d.n ? d.v[0].msg : "?");
			samv_diags_release(&d);
			free(cur);
			return NULL;
		}
		samv_diags_release(&d);
		l = items_of(doc->root);
		breaks = samv_node_get(samv_node_get(doc->root, "agenda"),
		    "breaks");
		if (node_time(samv_node_get(doc->root, "start"), &t) < 0)
			t = -1;
		for (i = 0; l && i < l->n_items && !changed; i++) {
			const struct samv_node *it = l->items[i];
			int st, has_st = node_time(samv_node_get(it, "start"),
			    &st) == 0;
			int has_dur = samv_node_int(samv_node_get(it,
			    "minutes"), &dur) == 0 && dur >= 0 && dur < 1440;

			if (it->kind != SAMV_NODE_MAP || it->n_pairs == 0)
				continue;
			if (has_dur && t >= 0) {
				int want = past_breaks(breaks, t);

				if (!has_st || st != want) {
					char *next = set_item_start(doc, it,
					    want, &curlen);

					free(cur);
					cur = next;
					changed = 1;
					break;
				}
				t = want + (int)dur;
			} else if (has_dur && has_st)
				t = st + (int)dur;
			else
				t = -1;	/* unknown length: later times stay */
		}
		samv_doc_free(doc);
		if (!changed || ++guard > 10000)
			break;
	}
	*outlen = curlen;
	return cur;
}

int
samv_body_meeting_minutes(const struct samv_node *body, const char *kind)
{
	const struct samv_node *rules = samv_node_get(body, "meeting_rules");
	double h;
	size_t i;

	for (i = 0; rules && rules->kind == SAMV_NODE_SEQ &&
	    i < rules->n_items; i++) {
		const char *k = samv_node_getstr(rules->items[i], "kind");

		if (k && strcmp(k, kind ? kind : "ordinary") == 0 &&
		    samv_node_number(samv_node_get(rules->items[i], "hours"),
		    &h) == 0 && h > 0 && h <= 24)
			return (int)(h * 60 + 0.5);
	}
	return -1;
}
