/* fuzz_schema.c - libFuzzer target: any YAML validated against each of
 * samv's schemas (and the first byte picks the kind) */
#include <stddef.h>
#include <stdint.h>

#include "records.h"
#include "schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *doc = NULL;
	const struct samv_schema *s;
	enum samv_kind kind;

	if (size < 1)
		return 0;
	kind = (enum samv_kind)(data[0] % SAMV_KIND_COUNT);
	if (samv_doc_parse(&doc, "fuzz.yaml", (const char *)data + 1, size - 1,
	    NULL, &d) == 0 && (s = samv_schema_for(kind, &d)) != NULL) {
		samv_schema_validate(s, doc, doc->root, &d);
		samv_schema_validate(s, doc, doc->root, NULL);
	}
	samv_doc_free(doc);
	samv_diags_release(&d);
	return 0;
}
