/* yaml2json.c - a record as JSON, typed the way samv types it (for the
 * differential tests against ajv and python-jsonschema) */
#include <stdio.h>
#include <stdlib.h>

#include "node.h"

static void
str(const char *s, size_t n)
{
	size_t i;

	putchar('"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

static void
emit(const struct samv_node *n)
{
	size_t i;

	if (n == NULL) {
		fputs("null", stdout);
		return;
	}
	switch (n->kind) {
	case SAMV_NODE_SCALAR:
		switch (samv_node_type(n)) {
		case SAMV_TYPE_NULL:
			fputs("null", stdout);
			break;
		case SAMV_TYPE_BOOL:
		case SAMV_TYPE_INT:
		case SAMV_TYPE_FLOAT:
			fputs(n->str, stdout);
			break;
		default:
			str(n->str, n->len);
		}
		break;
	case SAMV_NODE_SEQ:
		putchar('[');
		for (i = 0; i < n->n_items; i++) {
			if (i)
				putchar(',');
			emit(n->items[i]);
		}
		putchar(']');
		break;
	case SAMV_NODE_MAP:
		putchar('{');
		for (i = 0; i < n->n_pairs; i++) {
			if (i)
				putchar(',');
			str(n->pairs[i].key->str, n->pairs[i].key->len);
			putchar(':');
			emit(n->pairs[i].value);
		}
		putchar('}');
		break;
	}
}

int
main(int argc, char **argv)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc;

	if (argc != 2) {
		fprintf(stderr, "usage: yaml2json FILE\n");
		return 2;
	}
	if (samv_doc_load(&doc, argv[1], NULL, &d) < 0) {
		fprintf(stderr, "yaml2json: %s: cannot load\n", argv[1]);
		return 1;
	}
	emit(doc->root);
	putchar('\n');
	samv_doc_free(doc);
	samv_diags_release(&d);
	return ferror(stdout) ? 1 : 0;
}
