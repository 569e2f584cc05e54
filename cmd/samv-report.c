/* samv-report - follow-up reports: balance list, overdue report-backs,
 * adoption matrix, rule compliance, organisation, calendar, action plan */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "date.h"
#include "ids.h"
#include "records.h"
#include "render.h"
#include "report.h"
#include "source.h"
#include "util.h"

#define OPT_AS_OF { "as-of", 0, SAMV_OPT_VALUE, "YYYY-MM-DD", \
	"report as of this day (default SAMV_TODAY or today)" }
#define OPT_BODY(h) { "body", 0, SAMV_OPT_VALUE, "BODY", h }
#define OPT_FORMAT { "format", 0, SAMV_OPT_VALUE, "md|html|json", \
	"output format (default md)" }
#define OPT_REV { "rev", 0, SAMV_OPT_VALUE, "REV", "read a git revision" }
#define OPT_END { NULL, 0, 0, NULL, NULL }

static const struct samv_option followup_options[] = {
	OPT_AS_OF,
	OPT_BODY("this body and the bodies under it"),
	OPT_FORMAT, OPT_REV, OPT_END
};
static const struct samv_option overdue_options[] = {
	OPT_AS_OF,
	OPT_BODY("only this body and the bodies under it"),
	OPT_FORMAT, OPT_REV, OPT_END
};
static const struct samv_option recommendations_options[] = {
	OPT_AS_OF,
	OPT_BODY("only this body's recommendations"),
	OPT_FORMAT, OPT_REV, OPT_END
};
static const struct samv_option compliance_options[] = {
	OPT_AS_OF,
	OPT_BODY("only this body"),
	OPT_FORMAT, OPT_REV,
	{ "year", 0, SAMV_OPT_VALUE, "YYYY",
	    "the year to check (default the year of --as-of)" },
	OPT_END
};
static const struct samv_option org_options[] = {
	OPT_AS_OF, OPT_FORMAT, OPT_REV, OPT_END
};
static const struct samv_option calendar_options[] = {
	OPT_AS_OF,
	OPT_BODY("only this body"),
	{ "days", 0, SAMV_OPT_VALUE, "N", "days ahead (default 60)" },
	OPT_FORMAT, OPT_REV, OPT_END
};
static const struct samv_option plan_options[] = {
	OPT_AS_OF, OPT_FORMAT, OPT_REV, OPT_END
};

static const struct verb {
	const char *verb;
	enum samv_report_kind kind;
	struct samv_command_spec spec;
} verbs[] = {
	{ "followup", SAMV_REPORT_FOLLOWUP, { "report followup", "",
	    "The balance list: open assignments and recommendations.",
	    followup_options, 0, 0 } },
	{ "overdue", SAMV_REPORT_OVERDUE, { "report overdue", "",
	    "Report-backs past their due date, oldest first.",
	    overdue_options, 0, 0 } },
	{ "recommendations", SAMV_REPORT_RECOMMENDATIONS,
	    { "report recommendations", "",
	    "Recommendations by principal: adopted, rejected, pending.",
	    recommendations_options, 0, 0 } },
	{ "compliance", SAMV_REPORT_COMPLIANCE, { "report compliance", "",
	    "Meetings, agendas, adjustment, rotation and representation "
	    "against the bodies' rules; expiring agreements.",
	    compliance_options, 0, 0 } },
	{ "org", SAMV_REPORT_ORG, { "report org", "",
	    "The organisation as a Mermaid flowchart and a tree.",
	    org_options, 0, 0 } },
	{ "calendar", SAMV_REPORT_CALENDAR, { "report calendar", "",
	    "Meetings, agenda deadlines and report-backs ahead.",
	    calendar_options, 0, 0 } },
	{ "plan", SAMV_REPORT_PLAN, { "report plan", "PLAN",
	    "An action plan: its activities by section.",
	    plan_options, 1, 1 } },
	{ NULL, 0, { NULL, NULL, NULL, NULL, 0, 0 } }
};

/* The value of option name if the verb has it, else NULL. */
static const char *
opt(const struct samv_args *a, const struct samv_command_spec *spec,
    const char *name)
{
	if (samv_opt_index(spec, name) < 0)
		return NULL;
	return samv_args_get(a, spec, name)->value;
}

static long
number(const struct samv_command_spec *spec, const char *name,
    const char *s, long min, long max)
{
	char *end;
	long v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < min || v > max)
		cmd_usage_error(spec, "--%s wants a number from %ld to %ld, "
		    "not '%s'", name, min, max, s);
	return v;
}

static int
run(const struct verb *v, int argc, char **argv)
{
	const struct samv_command_spec *spec = &v->spec;
	struct samv_report_opts o;
	struct samv_args a;
	struct samv_source *src = NULL;
	struct samv_repo *r;
	struct samv_buf out = SAMV_BUF_INIT;
	enum samv_format fmt = SAMV_FORMAT_MD;
	const char *f, *s;
	char *plan = NULL, *err = NULL;

	cmd_parse(spec, argc, argv, &a);
	memset(&o, 0, sizeof(o));
	if ((s = opt(&a, spec, "as-of")) != NULL) {
		if (samv_date_parse(s, &o.as_of) < 0)
			cmd_usage_error(spec, "'%s' is not a date "
			    "(YYYY-MM-DD)", s);
	} else if (samv_date_today(&o.as_of) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "cannot tell today's date");
	f = opt(&a, spec, "format");
	if (f && strcmp(f, "html") == 0)
		fmt = SAMV_FORMAT_HTML;
	else if (f && strcmp(f, "json") == 0)
		fmt = SAMV_FORMAT_JSON;
	else if (f && strcmp(f, "md") != 0)
		cmd_usage_error(spec, "unknown format '%s' (md, html or json)",
		    f);
	o.body = opt(&a, spec, "body");
	if (o.body && !samv_id_is_slug(o.body, strlen(o.body)))
		cmd_usage_error(spec, "'%s' is not a body id", o.body);
	if ((s = opt(&a, spec, "year")) != NULL)
		o.year = (int)number(spec, "year", s, 1000, 9999);
	if ((s = opt(&a, spec, "days")) != NULL)
		o.days = number(spec, "days", s, 1, 36600);
	if (v->kind == SAMV_REPORT_PLAN) {
		if (samv_id_canonical(SAMV_KIND_ASSIGNMENT, a.pos[0],
		    &plan) < 0)
			cmd_usage_error(spec, "'%s' is not an assignment id "
			    "(BODY/YEAR/SLUG)", a.pos[0]);
		o.plan = plan;
	}
	r = cmd_open_repo(opt(&a, spec, "rev"), &src);
	if (samv_report_render(&out, r, v->kind, &o, fmt, &err) < 0)
		cmd_die(EXIT_INVALID, "%s", err);
	fwrite(out.s, 1, out.len, stdout);
	samv_buf_release(&out);
	samv_repo_free(r);
	samv_source_free(src);
	samv_args_release(&a);
	free(plan);
	return 0;
}

int
main(int argc, char **argv)
{
	size_t i;

	samv_progname = "samv report";
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		printf("usage: samv report VERB [OPTIONS] [ARGS]\n\n"
		    "verbs:\n");
		for (i = 0; verbs[i].verb; i++)
			printf("  %-16s %s\n", verbs[i].verb,
			    verbs[i].spec.summary);
		printf("\n'samv report VERB --help' shows a verb's "
		    "options.\n");
		cmd_exit(argc < 2 ? EXIT_USAGE : 0);
	}
	for (i = 0; verbs[i].verb; i++)
		if (strcmp(argv[1], verbs[i].verb) == 0)
			cmd_exit(run(&verbs[i], argc - 1, argv + 1));
	fprintf(stderr, "samv report: unknown verb '%s'; see 'samv report "
	    "--help'\n", argv[1]);
	return EXIT_USAGE;
}
