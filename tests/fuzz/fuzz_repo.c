/* fuzz_repo.c - libFuzzer target: the rules and every renderer on a
 * repository whose records are cut from the input. The input is split at
 * lines "=== path" into files of a temporary tree. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assign.h"
#include "body.h"
#include "ids.h"
#include "records.h"
#include "render.h"
#include "report.h"
#include "rules.h"
#include "source.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char root[64];

static void
rmtree(void)
{
	char cmd[512];

	snprintf(cmd, sizeof(cmd), "rm -rf %s/bodies %s/meetings %s/decisions "
	    "%s/assignments %s/samv.yaml", root, root, root, root, root);
	(void)!system(cmd);
}

/* The process's folder goes with it (replays ran by the hundred). */
static void
cleanup(void)
{
	rmtree();
	rmdir(root);
}

static void
put(const char *path, const char *data, size_t len)
{
	char *id = NULL, *full, *slash;
	FILE *f;

	if (samv_path_parse(path, &id) == SAMV_KIND_NONE) {
		free(id);
		return;
	}
	free(id);
	full = samv_xasprintf("%s/%s", root, path);
	for (slash = full + strlen(root) + 1; (slash = strchr(slash, '/'));
	    slash++) {
		*slash = '\0';
		mkdir(full, 0777);
		*slash = '/';
	}
	if ((f = fopen(full, "w")) != NULL) {
		fwrite(data, 1, len, f);
		fclose(f);
	}
	free(full);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_source *src;
	struct samv_repo *r = NULL;
	char *err = NULL;
	size_t i;

	if (root[0] == '\0') {
		snprintf(root, sizeof(root), "/tmp/samv-fuzz-%ld",
		    (long)getpid());
		mkdir(root, 0777);
		atexit(cleanup);
	}
	rmtree();
	while (p < end) {
		const char *nl, *next;
		char *path;

		if (end - p < 4 || memcmp(p, "=== ", 4) != 0)
			break;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		path = samv_xstrndup(p + 4, (size_t)(nl - p - 4));
		next = nl + 1;
		while (next < end && !(end - next >= 4 &&
		    memcmp(next, "=== ", 4) == 0 && (next == nl + 1 ||
		    next[-1] == '\n')))
			next++;
		put(path, nl + 1, (size_t)(next - nl - 1));
		free(path);
		p = next;
	}
	samv_source_open_worktree(&src, root);
	if (samv_repo_load(&r, src, NULL, &d, &err) == 0) {
		samv_rules_run(r, 19000, &d);
		for (i = 0; i < r->n; i++) {
			struct samv_buf b = SAMV_BUF_INIT;
			char *e = NULL;
			int f;

			if (!r->records[i]->schema_ok)
				continue;
			for (f = SAMV_FORMAT_MD; f <= SAMV_FORMAT_JSON; f++) {
				b.len = 0;
				if (r->records[i]->kind == SAMV_KIND_MEETING) {
					samv_render_agenda(&b, r, r->records[i],
					    (enum samv_format)f, &e);
					free(e);
					e = NULL;
					samv_render_protocol(&b, r,
					    r->records[i], (enum samv_format)f,
					    &e);
				} else if (r->records[i]->kind ==
				    SAMV_KIND_DECISION) {
					samv_render_extract(&b, r,
					    r->records[i], (enum samv_format)f,
					    &e);
					free(e);
					e = NULL;
					samv_trace_render(&b, r,
					    r->records[i]->id, NULL,
					    (enum samv_format)f, &e);
				} else if (r->records[i]->kind ==
				    SAMV_KIND_BODY)
					samv_render_body(&b, r, r->records[i],
					    19000, (enum samv_format)f, &e);
				else if (r->records[i]->kind ==
				    SAMV_KIND_ASSIGNMENT)
					samv_render_assignment(&b, r,
					    r->records[i], (enum samv_format)f,
					    &e);
				free(e);
				e = NULL;
			}
			samv_buf_release(&b);
		}
		/* every report over the whole repository */
		{
			struct samv_report_opts o;
			int k, f;

			memset(&o, 0, sizeof(o));
			o.as_of = 19000;
			for (k = SAMV_REPORT_FOLLOWUP; k <= SAMV_REPORT_CALENDAR;
			    k++)
				for (f = SAMV_FORMAT_MD; f <= SAMV_FORMAT_JSON;
				    f++) {
					struct samv_buf b = SAMV_BUF_INIT;
					char *e = NULL;

					samv_report_render(&b, r,
					    (enum samv_report_kind)k, &o,
					    (enum samv_format)f, &e);
					free(e);
					samv_buf_release(&b);
				}
		}
	}
	free(err);
	samv_repo_free(r);
	samv_source_free(src);
	samv_diags_release(&d);
	return 0;
}
