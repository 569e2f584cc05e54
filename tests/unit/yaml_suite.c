/* yaml_suite.c - every case of the YAML test suite through samv's loader:
 * prints "NAME ok" or "NAME refused RULE LINE:COL" (the frozen verdicts in
 * tests/yaml-suite/verdicts.txt are compared with this output) */
#include <stdio.h>
#include <string.h>

#include "node.h"

int
main(int argc, char **argv)
{
	struct samv_load_options opt = { 0, 0, 1, 0 };
	int i;

	for (i = 1; i < argc; i++) {
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = NULL;
		const char *base = strrchr(argv[i], '/');
		char name[64];
		size_t n;

		base = base ? base + 1 : argv[i];
		n = strcspn(base, ".");
		snprintf(name, sizeof(name), "%.*s", (int)n, base);
		if (samv_doc_load(&doc, argv[i], &opt, &d) == 0)
			printf("%s ok\n", name);
		else if (d.n)
			printf("%s refused %s %u:%u\n", name, d.v[0].rule,
			    d.v[0].line, d.v[0].col);
		else
			printf("%s refused ? 0:0\n", name);
		samv_doc_free(doc);
		samv_diags_release(&d);
	}
	return ferror(stdout) ? 1 : 0;
}
