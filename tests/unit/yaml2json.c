/* yaml2json.c - a record as JSON, typed the way samv types it (for the
 * differential tests against ajv and python-jsonschema) */
#include <stdio.h>

#include "json.h"
#include "node.h"

int
main(int argc, char **argv)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_doc *doc;

	if (argc != 2) {
		fprintf(stderr, "usage: yaml2json FILE\n");
		return 2;
	}
	if (samv_doc_load(&doc, argv[1], NULL, &d) < 0) {
		fprintf(stderr, "yaml2json: %s: cannot load\n", argv[1]);
		return 1;
	}
	samv_json_node(&b, doc->root, 0);
	samv_buf_putc(&b, '\n');
	fwrite(b.s, 1, b.len, stdout);
	samv_buf_release(&b);
	samv_doc_free(doc);
	samv_diags_release(&d);
	return ferror(stdout) ? 1 : 0;
}
