/* samv-trace - the lineage of a case across bodies, with dates and commits */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "records.h"
#include "render.h"
#include "report.h"
#include "source.h"
#include "util.h"

static const struct samv_option trace_options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|html|json",
	    "output format (default md)" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" },
	{ NULL, 0, 0, NULL, NULL }
};
static const struct samv_command_spec trace_spec = {
	"trace", "ID",
	"Trace a case: proposal, decision, assignments, report-backs, "
	"adoption.",
	trace_options, 1, 1
};

int
main(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	struct samv_trace_git git;
	enum samv_format fmt = SAMV_FORMAT_MD;
	const char *f;
	char *err = NULL;

	samv_progname = "samv trace";
	cmd_parse(&trace_spec, argc, argv, &a);
	f = samv_args_get(&a, &trace_spec, "format")->value;
	if (f && strcmp(f, "html") == 0)
		fmt = SAMV_FORMAT_HTML;
	else if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(&trace_spec, "unknown format '%s' (md, html or "
		    "json)", f);
	git.start = ".";
	git.rev = samv_args_get(&a, &trace_spec, "rev")->value;
	r = cmd_open_repo(git.rev, &src);
	if (samv_trace_render(&out, r, a.pos[0], &git, fmt, &err) < 0)
		cmd_die(EXIT_INVALID, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	samv_args_release(&a);
	cmd_exit(0);
}
