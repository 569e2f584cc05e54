/* report.h - follow-up reports and the trace of a case across bodies */
#ifndef SAMV_REPORT_H
#define SAMV_REPORT_H

/*
 * The reports of `samv report` and `samv trace`. Each is rendered as
 * GFM Markdown or a standalone HTML page through the document builder
 * of render.h, or as JSON with samv_jsonw_*. A report reads the
 * records and the date it is given, never the clock: same repository
 * and same as_of, same bytes. Everything is sorted by fixed keys.
 *
 * JSON shapes (two-space pretty print, keys in this order; "?" marks a
 * member left out when there is nothing to say; lists always present):
 *
 *   followup:  {"type":"followup", "asOf", "organization"?: ID,
 *     "organizations": [ID…],          B and the bodies under it
 *     "assignments": [ASSIGNMENT…],
 *     "recommendations": [RECOMMENDATION…]}
 *   overdue:   {"type":"overdue", "asOf", "assignments": [ASSIGNMENT…]}
 *   recommendations: {"type":"recommendations", "asOf",
 *     "organization"?, "principals": [{"id","name"}…],
 *     "recommendations": [RECOMMENDATION…],
 *     "totals": [{"principal", "adopted","rejected","partly","pending"}…]}
 *   compliance: {"type":"compliance", "asOf", "year", "organization"?,
 *     "meetingRules": [{"organization","rule","kind"?,"level"?,"per",
 *        "count","from","to","expected","held","ok"}…],
 *     "agendas": [{"meeting","date","published"?,"deadline","ok",
 *        "remark"}…],
 *     "adjustments": [{"meeting","date","adjusted"?,"deadline","ok",
 *        "remark"}…],
 *     "rotation": [{"organization","year","chair"?,"chairSide"?,
 *        "secretary"?,"secretarySide"?,"sameSide","chairAgain",
 *        "secretaryAgain"}…],
 *     "representation": [{"organization","principal"}…]  (missing only),
 *     "expiring": [{"decision","organization","name","expires",
 *        "days"}…]}                    days < 0: expired
 *   org:       {"type":"org", "organizations": [{"id","name",
 *        "classification"}…], "edges": [{"from","to","relation"}…]}
 *   calendar:  {"type":"calendar", "asOf", "until",
 *     "events": [{"date","event","organization","id","name"}…]}
 *                                      event: meeting|agenda-deadline|
 *                                      report-due
 *   plan:      {"type":"plan", "id", "name", "sections": [{"name",
 *        "activities": [{"id","name","responsible","schedule",
 *        "due","status"}…]}…]}
 *   trace:     {"type":"trace", "id", "steps": [{"step","id","date"?,
 *        "organization"?,"name"?,"status"?,"text"?,
 *        "commit"?: {"id","date"}}…]}
 *
 *   ASSIGNMENT = {"id","name","organization","assignee","due",
 *     "dueNote"?,"status","lastReport"?: {"date","summary"?},
 *     "overdue", "daysOverdue"?}      due: a date, "ongoing", "recurring"
 *   RECOMMENDATION = {"id","organization","date","name","expires"?,
 *     "adoption": [{"principal","status","date"?,"by"?}…]}
 *                                      every recommended principal, groups
 *                                      expanded; missing answers pending
 */

#include "date.h"
#include "records.h"
#include "render.h"
#include "util.h"

enum samv_report_kind {
	SAMV_REPORT_FOLLOWUP,
	SAMV_REPORT_OVERDUE,
	SAMV_REPORT_RECOMMENDATIONS,
	SAMV_REPORT_COMPLIANCE,
	SAMV_REPORT_ORG,
	SAMV_REPORT_CALENDAR,
	SAMV_REPORT_PLAN
};

struct samv_report_opts {
	samv_day as_of;
	const char *body;	/* --body, or NULL for all bodies */
	int year;		/* compliance; 0: the year of as_of */
	long days;		/* calendar window; 0: 60 */
	const char *plan;	/* plan: canonical assignment id */
};

/*
 * Renders report kind over r into out (appended). Returns 0, or -1 with
 * *err set (allocated; the caller frees it), e.g. an unknown body or
 * plan.
 */
int samv_report_render(struct samv_buf *out, const struct samv_repo *r,
    enum samv_report_kind kind, const struct samv_report_opts *o,
    enum samv_format fmt, char **err);

/* --- trace --------------------------------------------------------------- */

/*
 * Where the trace looks up commits: the git repository found from
 * start, history walked from rev (NULL: HEAD). When start is not in a
 * git repository, or a record was never committed, commits are left
 * out.
 */
struct samv_trace_git {
	const char *start;
	const char *rev;
};

/*
 * The lineage of the case that id names: a decision id, an assignment
 * id, or a meeting item "MEETING#N". Proposal (the preparatory body's
 * decision the agenda item came from) → decision(s) → assignments given
 * by them → their report-backs → each principal's adoption, each with
 * its date and the commit that first recorded it. git may be NULL (no
 * commits). Returns 0, or -1 with *err set (allocated) when id names
 * nothing.
 */
int samv_trace_render(struct samv_buf *out, const struct samv_repo *r,
    const char *id, const struct samv_trace_git *git, enum samv_format fmt,
    char **err);

#endif
