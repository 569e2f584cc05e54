/* yaml.c - the hardened YAML loader: libyaml events into a node tree */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "node.h"
#include "util.h"

/*
 * libyaml marks count characters; spans must be bytes so that an edit
 * can splice the original text. The converter walks the buffer from its
 * last position: events arrive almost in order, so this is linear.
 */
struct conv {
	const unsigned char *buf;
	size_t len;
	size_t base;		/* bytes skipped before index 0 (a BOM) */
	int ascii;		/* no byte >= 0x80: index == byte offset */
	size_t ci, bi;		/* last position: char index, byte index */
};

static size_t
conv_byte(struct conv *c, size_t index)
{
	if (c->ascii)
		return c->base + index > c->len ? c->len : c->base + index;
	while (c->ci < index && c->bi < c->len) {
		/* ASCII runs: a byte is a character */
		if (c->buf[c->bi] < 0x80) {
			size_t step = index - c->ci, room = c->len - c->bi, k;

			if (step > room)
				step = room;
			for (k = 0; k < step && c->buf[c->bi + k] < 0x80; k++)
				;
			if (k > 0) {
				c->bi += k;
				c->ci += k;
				continue;
			}
		}
		c->bi++;
		while (c->bi < c->len && (c->buf[c->bi] & 0xC0) == 0x80)
			c->bi++;
		c->ci++;
	}
	while (c->ci > index && c->bi > c->base) {
		c->bi--;
		while (c->bi > c->base && (c->buf[c->bi] & 0xC0) == 0x80)
			c->bi--;
		c->ci--;
	}
	return c->bi;
}

struct frame {
	struct samv_node *node;
	size_t base;		/* its children start here in loader.kids */
};

struct loader {
	struct samv_doc *doc;
	struct samv_diags *d;
	struct conv conv;
	struct frame *stack;
	size_t depth, stack_cap;
	/* the children of every open collection, innermost last: one
	 * array for the whole document instead of one per collection */
	struct samv_node **kids;
	size_t nkids, kids_cap;
	unsigned max_depth;
	int failed;
};

static void
mark_span_start(struct loader *l, struct samv_span *s, const yaml_mark_t *m)
{
	s->start = conv_byte(&l->conv, m->index);
	s->line = (unsigned)m->line + 1;
	s->col = (unsigned)m->column + 1;
}

static void
mark_span_end(struct loader *l, struct samv_span *s, const yaml_mark_t *m)
{
	s->end = conv_byte(&l->conv, m->index);
	s->end_line = (unsigned)m->line + 1;
	s->end_col = (unsigned)m->column + 1;
}

static void
fail_at(struct loader *l, const yaml_mark_t *m, const char *rule,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));

static void
fail_at(struct loader *l, const yaml_mark_t *m, const char *rule,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	samv_diags_vadd(l->d, l->doc->path, (unsigned)m->line + 1,
	    (unsigned)m->column + 1, SAMV_ERROR, rule, fmt, ap);
	va_end(ap);
	l->failed = 1;
}

/* Line and column (1-based, columns in characters) of a byte offset. */
static void
byte_position(const char *buf, size_t len, size_t off, unsigned *line,
    unsigned *col)
{
	size_t i;
	unsigned ln = 1, cl = 1;

	if (off > len)
		off = len;
	for (i = 0; i < off; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (c == '\n') {
			ln++;
			cl = 1;
		} else if ((c & 0xC0) != 0x80)
			cl++;
	}
	*line = ln;
	*col = cl;
}

static void
push_kid(struct loader *l, struct samv_node *n)
{
	if (l->nkids == l->kids_cap) {
		l->kids_cap = l->kids_cap ? l->kids_cap * 2 : 64;
		l->kids = samv_xreallocarray(l->kids, l->kids_cap,
		    sizeof(*l->kids));
	}
	l->kids[l->nkids++] = n;
}

static uint64_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int
key_equal(const struct samv_node *a, const struct samv_node *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

/* Reports duplicate keys of a finished mapping; linear with a hash set. */
static void
check_duplicates(struct loader *l, struct samv_node *map)
{
	size_t i, j, size;
	struct samv_node **slots;

	if (map->n_pairs < 2)
		return;
	if (map->n_pairs <= 8) {
		for (i = 1; i < map->n_pairs; i++)
			for (j = 0; j < i; j++)
				if (key_equal(map->pairs[i].key,
				    map->pairs[j].key))
					goto dup;
		return;
	dup:
		samv_diags_add(l->d, l->doc->path, map->pairs[i].key->span.line,
		    map->pairs[i].key->span.col, SAMV_ERROR,
		    "yaml-duplicate-key",
		    "duplicate key '%s' (first at line %u)",
		    map->pairs[i].key->str, map->pairs[j].key->span.line);
		l->failed = 1;
		return;
	}
	for (size = 16; size < map->n_pairs * 2; size *= 2)
		;
	slots = samv_xcalloc(size, sizeof(*slots));
	for (i = 0; i < map->n_pairs; i++) {
		struct samv_node *k = map->pairs[i].key;
		size_t h = (size_t)hash_bytes(k->str, k->len) & (size - 1);

		while (slots[h] != NULL) {
			if (key_equal(slots[h], k)) {
				samv_diags_add(l->d, l->doc->path, k->span.line,
				    k->span.col, SAMV_ERROR,
				    "yaml-duplicate-key",
				    "duplicate key '%s' (first at line %u)",
				    k->str, slots[h]->span.line);
				l->failed = 1;
				free(slots);
				return;
			}
			h = (h + 1) & (size - 1);
		}
		slots[h] = k;
	}
	free(slots);
}

/* Attaches a finished node to its parent frame, or makes it the root. */
static void
attach(struct loader *l, struct samv_node *n)
{
	if (l->depth == 0) {
		l->doc->root = n;
		return;
	}
	push_kid(l, n);
}

static int
open_collection(struct loader *l, struct samv_node *n, const yaml_mark_t *m)
{
	struct frame *f;

	if (l->depth >= l->max_depth) {
		fail_at(l, m, "yaml-depth",
		    "nesting deeper than %u levels", l->max_depth);
		return -1;
	}
	if (l->depth == l->stack_cap) {
		l->stack_cap = l->stack_cap ? l->stack_cap * 2 : 16;
		l->stack = samv_xreallocarray(l->stack, l->stack_cap,
		    sizeof(*l->stack));
	}
	f = &l->stack[l->depth++];
	f->node = n;
	f->base = l->nkids;
	return 0;
}

static int
close_collection(struct loader *l, const yaml_mark_t *end)
{
	struct frame *f = &l->stack[--l->depth];
	struct samv_node *n = f->node;
	struct samv_arena *a = l->doc->arena;
	struct samv_node **kids = l->kids + f->base;
	size_t i, nk = l->nkids - f->base;
	int rc = 0;

	mark_span_end(l, &n->span, end);
	if (n->kind == SAMV_NODE_SEQ) {
		n->n_items = nk;
		n->items = samv_arena_alloc(a, (nk ? nk : 1) *
		    sizeof(*n->items));
		if (nk)
			memcpy(n->items, kids, nk * sizeof(*n->items));
	} else {
		n->n_pairs = nk / 2;
		n->pairs = samv_arena_alloc(a, (n->n_pairs ? n->n_pairs : 1) *
		    sizeof(*n->pairs));
		for (i = 0; i < n->n_pairs; i++) {
			n->pairs[i].key = kids[2 * i];
			n->pairs[i].value = kids[2 * i + 1];
		}
		check_duplicates(l, n);
		if (l->failed)
			rc = -1;
	}
	l->nkids = f->base;
	attach(l, n);
	return rc;
}

/* A key must be a scalar: complex keys make no sense in records. */
static int
expecting_key(struct loader *l)
{
	struct frame *f;

	if (l->depth == 0)
		return 0;
	f = &l->stack[l->depth - 1];
	return f->node->kind == SAMV_NODE_MAP && (l->nkids - f->base) % 2 == 0;
}

static struct samv_node *
new_node(struct loader *l, enum samv_node_kind kind, const yaml_mark_t *start)
{
	struct samv_node *n = samv_arena_alloc(l->doc->arena, sizeof(*n));

	n->kind = kind;
	mark_span_start(l, &n->span, start);
	return n;
}

static int
refuse_decorations(struct loader *l, const yaml_event_t *ev,
    const yaml_char_t *anchor, const yaml_char_t *tag, int implicit)
{
	if (anchor != NULL) {
		fail_at(l, &ev->start_mark, "yaml-alias",
		    "anchor '&%s' is not allowed in records", anchor);
		return -1;
	}
	if (tag != NULL && !implicit) {
		fail_at(l, &ev->start_mark, "yaml",
		    "tag '%s' is not allowed in records", tag);
		return -1;
	}
	return 0;
}

static void
parser_error(struct loader *l, yaml_parser_t *p)
{
	unsigned line, col;

	if (p->error == YAML_READER_ERROR) {
		byte_position(l->doc->buf, l->doc->len, p->problem_offset +
		    l->conv.base, &line, &col);
		if (p->problem_value != -1)
			samv_diags_add(l->d, l->doc->path, line, col,
			    SAMV_ERROR, "yaml-utf8", "%s (byte 0x%02X)",
			    p->problem ? p->problem : "invalid input",
			    (unsigned)p->problem_value & 0xFF);
		else
			samv_diags_add(l->d, l->doc->path, line, col,
			    SAMV_ERROR, "yaml-utf8", "%s",
			    p->problem ? p->problem : "invalid input");
	} else if (p->error == YAML_MEMORY_ERROR) {
		samv_diags_add(l->d, l->doc->path, 0, 0, SAMV_ERROR, "yaml",
		    "out of memory while parsing");
	} else {
		line = (unsigned)p->problem_mark.line + 1;
		col = (unsigned)p->problem_mark.column + 1;
		if (p->context)
			samv_diags_add(l->d, l->doc->path, line, col,
			    SAMV_ERROR, "yaml", "%s %s",
			    p->problem ? p->problem : "syntax error",
			    p->context);
		else
			samv_diags_add(l->d, l->doc->path, line, col,
			    SAMV_ERROR, "yaml", "%s",
			    p->problem ? p->problem : "syntax error");
	}
	l->failed = 1;
}

static enum samv_scalar_style
style_of(yaml_scalar_style_t s)
{
	switch (s) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE:
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
		return SAMV_STYLE_QUOTED;
	case YAML_LITERAL_SCALAR_STYLE:
	case YAML_FOLDED_SCALAR_STYLE:
		return SAMV_STYLE_BLOCK;
	default:
		return SAMV_STYLE_PLAIN;
	}
}

/* Returns 0 when the stream ended cleanly. */
static int
run(struct loader *l, yaml_parser_t *p)
{
	yaml_event_t ev;
	int docs = 0, done = 0;
	struct samv_node *n;

	while (!done) {
		if (!yaml_parser_parse(p, &ev)) {
			parser_error(l, p);
			return -1;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				fail_at(l, &ev.start_mark, "yaml-multidoc",
				    "more than one document in a record file");
				break;
			}
			break;
		case YAML_ALIAS_EVENT:
			fail_at(l, &ev.start_mark, "yaml-alias",
			    "alias '*%s' is not allowed in records",
			    ev.data.alias.anchor);
			break;
		case YAML_SCALAR_EVENT:
			if (refuse_decorations(l, &ev, ev.data.scalar.anchor,
			    ev.data.scalar.tag,
			    ev.data.scalar.plain_implicit ||
			    ev.data.scalar.quoted_implicit) < 0)
				break;
			n = new_node(l, SAMV_NODE_SCALAR, &ev.start_mark);
			mark_span_end(l, &n->span, &ev.end_mark);
			n->str = samv_arena_strndup(l->doc->arena,
			    (const char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			n->len = ev.data.scalar.length;
			n->style = style_of(ev.data.scalar.style);
			attach(l, n);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			int seq = ev.type == YAML_SEQUENCE_START_EVENT;

			if (expecting_key(l)) {
				fail_at(l, &ev.start_mark, "yaml",
				    "a key must be a plain value, not a %s",
				    seq ? "list" : "mapping");
				break;
			}
			if (refuse_decorations(l, &ev,
			    seq ? ev.data.sequence_start.anchor :
			    ev.data.mapping_start.anchor,
			    seq ? ev.data.sequence_start.tag :
			    ev.data.mapping_start.tag,
			    seq ? ev.data.sequence_start.implicit :
			    ev.data.mapping_start.implicit) < 0)
				break;
			n = new_node(l, seq ? SAMV_NODE_SEQ : SAMV_NODE_MAP,
			    &ev.start_mark);
			open_collection(l, n, &ev.start_mark);
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			close_collection(l, &ev.end_mark);
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (l->failed)
			return -1;
	}
	return 0;
}

int
samv_doc_parse(struct samv_doc **out, const char *path, const char *buf,
    size_t len, const struct samv_load_options *opt, struct samv_diags *d)
{
	struct samv_load_options defaults = { 0, 0, 0, 0 };
	struct loader l;
	struct samv_doc *doc;
	yaml_parser_t p;
	size_t max, i;
	int rc = -1;

	*out = NULL;
	if (opt == NULL)
		opt = &defaults;
	max = opt->max_size ? opt->max_size : SAMV_MAX_FILE_SIZE;
	if (len > max) {
		samv_diags_add(d, path, 1, 1, SAMV_ERROR, "yaml-size",
		    "file is %zu bytes, more than the limit of %zu", len, max);
		return -1;
	}
	doc = samv_xcalloc(1, sizeof(*doc));
	doc->path = samv_xstrdup(path);
	doc->buf = samv_xstrndup(buf, len);
	doc->len = len;
	/* nodes take about ten times the text: size the first block so */
	doc->arena = samv_arena_new_sized(len * 12 >= 16384 ? 16384 :
	    (len * 12 / 1024 + 1) * 1024);

	memset(&l, 0, sizeof(l));
	l.doc = doc;
	l.d = d;
	l.max_depth = opt->max_depth ? opt->max_depth : SAMV_MAX_DEPTH;
	l.conv.buf = (const unsigned char *)doc->buf;
	l.conv.len = len;
	if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		l.conv.base = 3;
	l.conv.ci = 0;
	l.conv.bi = l.conv.base;
	l.conv.ascii = 1;
	for (i = opt->char_spans ? len : 0; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, buf + i, 8);
		if (w & 0x8080808080808080ULL)
			break;
	}
	for (; !opt->char_spans && i < len; i++)
		if ((unsigned char)buf[i] >= 0x80) {
			l.conv.ascii = 0;
			break;
		}

	/* libyaml stops at the first NUL in some paths; refuse it early. */
	if (memchr(buf, '\0', len) != NULL) {
		unsigned line, col;

		byte_position(buf, len, (size_t)((const char *)memchr(buf,
		    '\0', len) - buf), &line, &col);
		samv_diags_add(d, path, line, col, SAMV_ERROR, "yaml-utf8",
		    "NUL byte in file");
		goto done;
	}

	if (!yaml_parser_initialize(&p)) {
		samv_diags_add(d, path, 0, 0, SAMV_ERROR, "yaml",
		    "out of memory");
		rc = -2;
		goto done;
	}
	/* a BOM is skipped here: with the encoding fixed, libyaml would
	 * read it as content */
	yaml_parser_set_input_string(&p, (const unsigned char *)doc->buf +
	    l.conv.base, len - l.conv.base);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (run(&l, &p) == 0)
		rc = 0;
	yaml_parser_delete(&p);
	if (rc == 0 && doc->root == NULL && !opt->allow_empty) {
		samv_diags_add(d, path, 1, 1, SAMV_ERROR, "yaml",
		    "empty document");
		rc = -1;
	}
done:
	free(l.kids);
	free(l.stack);
	if (rc == 0)
		*out = doc;
	else
		samv_doc_free(doc);
	return rc;
}

int
samv_doc_load(struct samv_doc **out, const char *path,
    const struct samv_load_options *opt, struct samv_diags *d)
{
	size_t max = opt && opt->max_size ? opt->max_size : SAMV_MAX_FILE_SIZE;
	char *buf;
	size_t len;
	int rc;

	*out = NULL;
	if (samv_read_file(path, max, &buf, &len) < 0) {
		int e = errno;

		if (e == EFBIG)
			samv_diags_add(d, path, 1, 1, SAMV_ERROR, "yaml-size",
			    "file is larger than the limit of %zu bytes", max);
		else
			samv_diags_add(d, path, 0, 0, SAMV_ERROR, "io",
			    "cannot read: %s", strerror(e));
		errno = e;
		return e == EFBIG ? -1 : -3;
	}
	rc = samv_doc_parse(out, path, buf, len, opt, d);
	free(buf);
	return rc;
}

void
samv_doc_free(struct samv_doc *doc)
{
	if (doc == NULL)
		return;
	samv_arena_free(doc->arena);
	free(doc->buf);
	free(doc->path);
	free(doc);
}

/* --- node access ------------------------------------------------------ */

static int
is_int_text(const char *s, size_t n)
{
	size_t i = 0;

	if (n && s[0] == '-')
		i++;
	if (i == n)
		return 0;
	if (s[i] == '0')
		return i + 1 == n;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

static int
is_float_text(const char *s, size_t n)
{
	size_t i = 0, digits;

	if (n && s[0] == '-')
		i++;
	digits = i;
	if (i < n && s[i] == '0')
		i++;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (i == digits)
		return 0;
	if (i < n && s[i] == '.') {
		size_t f = ++i;

		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == f)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t e;

		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		e = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == e)
			return 0;
	}
	return i == n;
}

enum samv_scalar_type
samv_node_type(const struct samv_node *n)
{
	if (n == NULL || n->kind != SAMV_NODE_SCALAR ||
	    n->style != SAMV_STYLE_PLAIN)
		return SAMV_TYPE_STRING;
	if (n->len == 0 || strcmp(n->str, "~") == 0 ||
	    strcmp(n->str, "null") == 0)
		return SAMV_TYPE_NULL;
	if (strcmp(n->str, "true") == 0 || strcmp(n->str, "false") == 0)
		return SAMV_TYPE_BOOL;
	if (is_int_text(n->str, n->len))
		return SAMV_TYPE_INT;
	if (is_float_text(n->str, n->len))
		return SAMV_TYPE_FLOAT;
	return SAMV_TYPE_STRING;
}

const struct samv_pair *
samv_node_pair(const struct samv_node *n, const char *key)
{
	size_t i, kl;

	if (n == NULL || n->kind != SAMV_NODE_MAP)
		return NULL;
	kl = strlen(key);
	for (i = 0; i < n->n_pairs; i++)
		if (n->pairs[i].key->len == kl &&
		    memcmp(n->pairs[i].key->str, key, kl) == 0)
			return &n->pairs[i];
	return NULL;
}

struct samv_node *
samv_node_copy(struct samv_arena *a, const struct samv_node *n)
{
	struct samv_node *m = samv_arena_alloc(a, sizeof(*m));
	size_t i;

	*m = *n;
	switch (n->kind) {
	case SAMV_NODE_SCALAR:
		m->str = samv_arena_strndup(a, n->str, n->len);
		break;
	case SAMV_NODE_SEQ:
		m->items = samv_arena_alloc(a, (n->n_items ? n->n_items : 1) *
		    sizeof(*m->items));
		for (i = 0; i < n->n_items; i++)
			m->items[i] = samv_node_copy(a, n->items[i]);
		break;
	case SAMV_NODE_MAP:
		m->pairs = samv_arena_alloc(a, (n->n_pairs ? n->n_pairs : 1) *
		    sizeof(*m->pairs));
		for (i = 0; i < n->n_pairs; i++) {
			m->pairs[i].key = samv_node_copy(a, n->pairs[i].key);
			m->pairs[i].value = samv_node_copy(a, n->pairs[i].value);
		}
		break;
	}
	return m;
}

const struct samv_node *
samv_node_get(const struct samv_node *n, const char *key)
{
	const struct samv_pair *p = samv_node_pair(n, key);

	return p ? p->value : NULL;
}

const char *
samv_node_str(const struct samv_node *n)
{
	if (n == NULL || n->kind != SAMV_NODE_SCALAR)
		return NULL;
	return n->str;
}

const char *
samv_node_getstr(const struct samv_node *n, const char *key)
{
	return samv_node_str(samv_node_get(n, key));
}

int
samv_node_int(const struct samv_node *n, long long *out)
{
	char *end;
	long long v;

	if (samv_node_type(n) != SAMV_TYPE_INT)
		return -1;
	errno = 0;
	v = strtoll(n->str, &end, 10);
	if (errno != 0 || *end != '\0')
		return -1;
	*out = v;
	return 0;
}

int
samv_node_number(const struct samv_node *n, double *out)
{
	enum samv_scalar_type t = samv_node_type(n);

	if (t != SAMV_TYPE_INT && t != SAMV_TYPE_FLOAT)
		return -1;
	*out = strtod(n->str, NULL);
	return 0;
}

int
samv_node_bool(const struct samv_node *n)
{
	if (samv_node_type(n) != SAMV_TYPE_BOOL)
		return -1;
	return n->str[0] == 't';
}

int
samv_node_equal(const struct samv_node *a, const struct samv_node *b)
{
	enum samv_scalar_type ta, tb;
	size_t i;

	if (a == NULL || b == NULL)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case SAMV_NODE_SCALAR:
		ta = samv_node_type(a);
		tb = samv_node_type(b);
		if ((ta == SAMV_TYPE_INT || ta == SAMV_TYPE_FLOAT) &&
		    (tb == SAMV_TYPE_INT || tb == SAMV_TYPE_FLOAT)) {
			double x = 0, y = 0;

			samv_node_number(a, &x);
			samv_node_number(b, &y);
			return x == y;
		}
		if (ta != tb)
			return 0;
		if (ta == SAMV_TYPE_NULL)
			return 1;
		return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
	case SAMV_NODE_SEQ:
		if (a->n_items != b->n_items)
			return 0;
		for (i = 0; i < a->n_items; i++)
			if (!samv_node_equal(a->items[i], b->items[i]))
				return 0;
		return 1;
	case SAMV_NODE_MAP:
		if (a->n_pairs != b->n_pairs)
			return 0;
		for (i = 0; i < a->n_pairs; i++) {
			const struct samv_node *v;
			const struct samv_node *k = a->pairs[i].key;
			size_t j;

			v = NULL;
			for (j = 0; j < b->n_pairs; j++)
				if (key_equal(b->pairs[j].key, k)) {
					v = b->pairs[j].value;
					break;
				}
			if (v == NULL || !samv_node_equal(a->pairs[i].value, v))
				return 0;
		}
		return 1;
	}
	return 0;
}
