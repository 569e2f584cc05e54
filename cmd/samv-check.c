/* samv-check - validate records: schema, references and the bodies' rules */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "common.h"
#include "date.h"
#include "records.h"
#include "rules.h"
#include "source.h"
#include "util.h"

static const struct samv_option options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "text|json", "output format" },
	{ "list-rules", 0, SAMV_OPT_FLAG, NULL,
	    "list the rule ids and exit" },
	{ "no-cache", 0, SAMV_OPT_FLAG, NULL,
	    "neither read nor write the cache in the git directory" },
	{ "rev", 0, SAMV_OPT_VALUE, "REV",
	    "check a git revision instead of the work tree" },
	{ "stats", 0, SAMV_OPT_FLAG, NULL,
	    "say on stderr how much was read and how much came from the cache" },
	{ "strict", 0, SAMV_OPT_FLAG, NULL, "treat warnings as errors" },
	{ "summary", 0, SAMV_OPT_FLAG, NULL,
	    "end with a line counting records and findings" },
	{ NULL, 0, 0, NULL, NULL }
};

static const struct samv_command_spec spec = {
	"check", "[PATH ...]",
	"Check records against the schema, their references and the rules.",
	options, 0, (size_t)-1
};

/* A PATH argument as a path relative to the samv root, or NULL. */
static char *
relative_to_root(const char *root, const char *arg)
{
	char buf[PATH_MAX];
	size_t n;

	if (root == NULL || realpath(arg, buf) == NULL)
		return samv_xstrdup(arg);
	n = strlen(root);
	if (strncmp(buf, root, n) == 0 && buf[n] == '/')
		return samv_xstrdup(buf + n + 1);
	if (strcmp(buf, root) == 0)
		return samv_xstrdup("");
	return samv_xstrdup(arg);
}

static int
selected(const char *path, char **paths, size_t n)
{
	size_t i, l;

	if (n == 0)
		return 1;
	for (i = 0; i < n; i++) {
		l = strlen(paths[i]);
		while (l > 0 && paths[i][l - 1] == '/')
			l--;
		if (l == 0 || (strncmp(path, paths[i], l) == 0 &&
		    (path[l] == '\0' || path[l] == '/')))
			return 1;
	}
	return 0;
}

static void
print_summary(const struct samv_check_stats *st, const struct samv_diags *d,
    int strict, FILE *fp)
{
	static const char *const names[][2] = {
		{ "config", "configs" }, { "body", "bodies" },
		{ "meeting", "meetings" }, { "decision", "decisions" },
		{ "assignment", "assignments" }
	};
	size_t e, w;
	int k;

	e = strict ? d->errors + d->warnings : d->errors;
	w = strict ? 0 : d->warnings;
	fprintf(fp, "checked");
	for (k = SAMV_KIND_BODY; k < SAMV_KIND_COUNT; k++)
		fprintf(fp, "%s %zu %s", k == SAMV_KIND_BODY ? "" : ",",
		    st->count[k], names[k][st->count[k] != 1]);
	fprintf(fp, ": %zu error%s, %zu warning%s\n", e, e == 1 ? "" : "s",
	    w, w == 1 ? "" : "s");
}

int
main(int argc, char **argv)
{
	struct samv_args a;
	struct samv_diags all = SAMV_DIAGS_INIT, shown = SAMV_DIAGS_INIT;
	struct samv_source *src = NULL;
	struct samv_check_options copt;
	struct samv_check_stats stats;
	const char *format, *rev;
	char *root = NULL, *err = NULL, **paths;
	int strict, json;
	samv_day today;
	size_t i;

	cmd_parse(&spec, argc, argv, &a);
	if (samv_args_get(&a, &spec, "list-rules")->set) {
		const struct samv_rule_info *r;

		for (r = samv_rules; r->id; r++)
			printf("%-26s %-7s %s\n", r->id, r->severity ==
			    SAMV_ERROR ? "error" : "warning", r->summary);
		cmd_exit(0);
	}
	format = samv_args_get(&a, &spec, "format")->value;
	if (format == NULL)
		format = "text";
	if (strcmp(format, "text") != 0 && strcmp(format, "json") != 0)
		cmd_usage_error(&spec, "unknown format '%s' (text or json)",
		    format);
	json = strcmp(format, "json") == 0;
	strict = samv_args_get(&a, &spec, "strict")->set;
	rev = samv_args_get(&a, &spec, "rev")->value;
	if (samv_date_today(&today) < 0)
		cmd_die(EXIT_USAGE, "SAMV_TODAY is not a date (YYYY-MM-DD)");

	if (rev != NULL) {
		if (samv_source_open_rev(&src, ".", rev, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	} else {
		if (samv_find_root(".", &root) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "not a samv repository "
			    "(no samv.yaml here or in any parent directory)");
		samv_source_open_worktree(&src, root);
	}
	memset(&copt, 0, sizeof(copt));
	copt.today = today;
	copt.use_cache = !samv_args_get(&a, &spec, "no-cache")->set;
	if (samv_check_run(src, &copt, &all, &stats, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	samv_diags_sort(&all);

	paths = samv_xcalloc(a.npos + 1, sizeof(*paths));
	for (i = 0; i < a.npos; i++)
		paths[i] = relative_to_root(root, a.pos[i]);
	for (i = 0; i < all.n; i++) {
		const struct samv_diag *g = &all.v[i];

		if (selected(g->path, paths, a.npos))
			samv_diags_add(&shown, g->path, g->line, g->col,
			    g->severity, g->rule, "%s", g->msg);
	}
	if (json)
		cmd_print_diags_json(&shown, stdout, strict);
	else
		cmd_print_diags(&shown, stdout, strict);

	if (samv_args_get(&a, &spec, "stats")->set)
		fprintf(stderr, "samv check: %zu files read, %zu of %zu bodies "
		    "from the cache%s\n", stats.files_read, stats.groups_cached,
		    stats.groups, stats.cache < 0 ? " (cache ignored: made "
		    "for another state or damaged)" : "");
	if (samv_args_get(&a, &spec, "summary")->set)
		print_summary(&stats, &shown, strict, json ? stderr : stdout);
	{
		int bad = shown.errors > 0 || (strict && shown.warnings > 0);

		for (i = 0; i < a.npos; i++)
			free(paths[i]);
		free(paths);
		samv_diags_release(&all);
		samv_diags_release(&shown);
		samv_source_free(src);
		free(root);
		samv_args_release(&a);
		cmd_exit(bad ? EXIT_INVALID : EXIT_VALID);
	}
}
