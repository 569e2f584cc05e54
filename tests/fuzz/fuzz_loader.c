/* fuzz_loader.c - libFuzzer target: the YAML loader and node access */
#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "node.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = NULL;
	struct samv_buf b = SAMV_BUF_INIT;

	if (samv_doc_parse(&doc, "fuzz.yaml", (const char *)data, size, NULL,
	    &d) == 0) {
		samv_json_node(&b, doc->root, 1);
		(void)samv_node_equal(doc->root, doc->root);
	}
	samv_buf_release(&b);
	samv_doc_free(doc);
	samv_diags_release(&d);
	return 0;
}
