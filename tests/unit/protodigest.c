/* protodigest.c - print the protocol digest of meetings (test tool; it
 * sealed the example region's adjusted meetings) */
#include <stdio.h>
#include <stdlib.h>

#include "decision.h"
#include "records.h"
#include "source.h"

int
main(int argc, char **argv)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_source *src;
	struct samv_repo *r;
	char *root = NULL, *err = NULL, dg[41];
	int i, rc = 0;

	if (argc < 2 || samv_find_root(".", &root) < 0) {
		fprintf(stderr, "usage: protodigest MEETING... (in a repository)\n");
		return 2;
	}
	samv_source_open_worktree(&src, root);
	if (samv_repo_load(&r, src, NULL, &d, &err) < 0)
		return 3;
	for (i = 1; i < argc; i++) {
		const struct samv_record *m = samv_repo_get(r, SAMV_KIND_MEETING,
		    argv[i]);

		if (m == NULL || samv_protocol_digest(r, m, dg) < 0) {
			fprintf(stderr, "protodigest: no meeting %s\n", argv[i]);
			rc = 1;
			continue;
		}
		printf("%s %s\n", argv[i], dg);
	}
	samv_repo_free(r);
	samv_source_free(src);
	samv_diags_release(&d);
	free(root);
	return rc;
}
