/* json.c - JSON output shared by the renderers, digests and tools */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

void
samv_json_string(struct samv_buf *b, const char *s, size_t n)
{
	size_t i;

	samv_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"':
			samv_buf_puts(b, "\\\"");
			break;
		case '\\':
			samv_buf_puts(b, "\\\\");
			break;
		case '\n':
			samv_buf_puts(b, "\\n");
			break;
		case '\t':
			samv_buf_puts(b, "\\t");
			break;
		case '\r':
			samv_buf_puts(b, "\\r");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				samv_buf_printf(b, "\\u%04x", c);
			else
				samv_buf_putc(b, (char)c);
		}
	}
	samv_buf_putc(b, '"');
}

static int
paircmp(const void *a, const void *b)
{
	const struct samv_pair *x = *(const struct samv_pair *const *)a;
	const struct samv_pair *y = *(const struct samv_pair *const *)b;
	size_t n = x->key->len < y->key->len ? x->key->len : y->key->len;
	int c = memcmp(x->key->str, y->key->str, n);

	if (c)
		return c;
	return x->key->len < y->key->len ? -1 : x->key->len > y->key->len;
}

void
samv_json_node(struct samv_buf *b, const struct samv_node *n, int sort_keys)
{
	size_t i;

	if (n == NULL) {
		samv_buf_puts(b, "null");
		return;
	}
	switch (n->kind) {
	case SAMV_NODE_SCALAR:
		switch (samv_node_type(n)) {
		case SAMV_TYPE_NULL:
			samv_buf_puts(b, "null");
			break;
		case SAMV_TYPE_BOOL:
		case SAMV_TYPE_INT:
		case SAMV_TYPE_FLOAT:
			samv_buf_add(b, n->str, n->len);
			break;
		default:
			samv_json_string(b, n->str, n->len);
		}
		break;
	case SAMV_NODE_SEQ:
		samv_buf_putc(b, '[');
		for (i = 0; i < n->n_items; i++) {
			if (i)
				samv_buf_putc(b, ',');
			samv_json_node(b, n->items[i], sort_keys);
		}
		samv_buf_putc(b, ']');
		break;
	case SAMV_NODE_MAP: {
		const struct samv_pair **p = samv_xcalloc(n->n_pairs + 1,
		    sizeof(*p));

		for (i = 0; i < n->n_pairs; i++)
			p[i] = &n->pairs[i];
		if (sort_keys && n->n_pairs > 1)
			qsort(p, n->n_pairs, sizeof(*p), paircmp);
		samv_buf_putc(b, '{');
		for (i = 0; i < n->n_pairs; i++) {
			if (i)
				samv_buf_putc(b, ',');
			samv_json_string(b, p[i]->key->str, p[i]->key->len);
			samv_buf_putc(b, ':');
			samv_json_node(b, p[i]->value, sort_keys);
		}
		samv_buf_putc(b, '}');
		free(p);
		break;
	}
	}
}
