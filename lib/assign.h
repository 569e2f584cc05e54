/* assign.h - assignments (uppdrag): slugs, new files, report-backs, render */
#ifndef SAMV_ASSIGN_H
#define SAMV_ASSIGN_H

#include <stddef.h>

#include "date.h"
#include "node.h"
#include "records.h"
#include "render.h"
#include "util.h"

/*
 * The slug of a title (allocated): lowercase, å/ä→a, ö→o, é→e, every
 * other run of characters that are not a-z or 0-9 one '-', no '-' at
 * either end, at most 60 bytes. "" when nothing is left.
 */
char *samv_assign_slug(const char *title);

/* An assignment to write (NULL / 0 for what is not given). */
struct samv_assignment_new {
	const char *title;
	const char *body;		/* the giving body */
	const char *given;		/* YYYY-MM-DD */
	const char *decision;
	const char *plan;
	const char *section;
	const char *assignee_body;
	const char *const *principals;
	size_t nprincipals;
	const char *const *persons;
	size_t npersons;
	const char *assignee_text;
	const char *background;
	const char *task;
	const char *user_influence;
	const char *child_rights;
	const char *reporting;
	const char *report_to;
	const char *const *contacts;
	size_t ncontacts;
	const char *const *attachments;
	size_t nattachments;
	const char *follow_up;
	const char *due;		/* date, ongoing or recurring */
	const char *status;
	/*
	 * A template for the editor: the nine headings' fields are written
	 * even when empty, each under a comment naming its heading in lang.
	 */
	int template;
	const char *lang;
};

/* The YAML of a new assignment file, modeline first (allocated). */
char *samv_assignment_yaml(const struct samv_assignment_new *a, size_t *len);

/*
 * Appends a report-back to the reports list of an assignment document
 * and sets its status (minimal edits). meeting and summary may be NULL.
 * Returns the new text (allocated; length in *len) or NULL with *err.
 */
char *samv_assign_add_report(const struct samv_doc *doc, const char *date,
    const char *meeting, const char *summary, int final, const char *status,
    size_t *len, char **err);

/* The status (given, ongoing …) in words, capitalised; NULL if unknown. */
const char *samv_assign_status_label(const char *status, const char *lang);

/*
 * 1 when the assignment (a root node) is open (given or ongoing) and
 * its due date lies before day, else 0.
 */
int samv_assign_overdue(const struct samv_node *a, samv_day day);

/*
 * The assignment description (uppdragsbeskrivning) of rec, a record of
 * r: title, giving body, decision, date given, assignee, due date,
 * status, plan and section, then the nine headings of the template
 * (Bakgrund, Uppdrag, Brukarinflytande, Barnrättsperspektiv,
 * Återrapportering, Mottagare av återrapporteringen, Kontaktperson(er),
 * Särskilt material som bifogas, Uppföljning hur och när?) in that
 * order, each present, and the report history. JSON:
 *   {"type": "assignment", "id", "title", "organization": {"id",
 *    "name"}, "decision"?, "given", "assignee": {"body"?, "principals":
 *    [], "persons": [], "text"?, "description"}, "background"?, "task"?,
 *    "user_influence"?, "child_rights"?, "reporting"?, "report_to"?,
 *    "contacts": [], "attachments": [], "follow_up"?, "due",
 *    "due_note"?, "status", "plan"?, "section"?, "reports": [{"date",
 *    "meeting"?, "summary"?, "final"}]}
 * Returns 0, or -1 with *err set (allocated).
 */
int samv_render_assignment(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *rec, enum samv_format fmt, char **err);

/*
 * A list of assignments (recs, n) as a table or a JSON array: id,
 * title, assignee, due, status, overdue on as_of.
 */
int samv_render_assignment_list(struct samv_buf *out,
    const struct samv_repo *r, const struct samv_record *const *recs,
    size_t n, samv_day as_of, enum samv_format fmt, char **err);

#endif
