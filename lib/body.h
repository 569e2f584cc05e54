/* body.h - bodies: new files, membership edits, the terms of reference */
#ifndef SAMV_BODY_H
#define SAMV_BODY_H

#include <stddef.h>

#include "date.h"
#include "node.h"
#include "records.h"
#include "render.h"
#include "util.h"

/* A body to write (NULL / 0 for what is not given). */
struct samv_body_new {
	const char *id;
	const char *name;
	const char *full_name;
	const char *kind;
	int political;
	const char *escalates_to;
	const char *const *prepares_for;
	size_t nprepares_for;
	const char *const *commissioned_by;
	size_t ncommissioned_by;
	const char *const *implements;
	size_t nimplements;
};

/* The YAML of a new body file, modeline first (allocated). */
char *samv_body_yaml(const struct samv_body_new *b, size_t *len);

/* One term of a member (NULL for what is not given). */
struct samv_member {
	const char *name;
	const char *role;
	const char *principal;
	const char *party;
	const char *position;
	const char *from;
	const char *to;
};

/*
 * Appends the term m to the members list of a body document (creating
 * the list when missing); nothing else in the file moves. Returns the
 * new text (allocated; length in *len), or NULL with *err set.
 */
char *samv_body_member_add(const struct samv_doc *doc,
    const struct samv_member *m, size_t *len, char **err);

/*
 * The index of name's active term (no "to") in the members list, with
 * role when role is not NULL. Returns the index, -1 when there is none,
 * -2 when several terms are active and role does not tell them apart.
 */
long samv_body_active_term(const struct samv_node *body, const char *name,
    const char *role);

/*
 * Ends term idx of the members list on date: inserts "to: DATE" after
 * its "from" line. Returns the new text (allocated), or NULL with *err.
 */
char *samv_body_member_end(const struct samv_doc *doc, size_t idx,
    const char *date, size_t *len, char **err);

/*
 * The terms of reference (uppdragsbeskrivning) of body, a record of r,
 * as seed 000 reads: background, purpose and goal, tasks, mandate,
 * representation, ways of working (meeting frequency, rotation, agenda,
 * protocol), levels, groups working on its behalf, relations, members
 * on as_of, duty to inform and validity. Appended to out; labels follow
 * r->language. JSON:
 *   {"type": "organization", "id", "name", "full_name"?,
 *    "classification", "political", "background"?, "purpose"?, "goal"?,
 *    "principles": [], "tasks": [], "mandate": {"decides"?,
 *    "escalation"?, "notes": []}, "relations": {"prepares_for": [],
 *    "commissioned_by": [], "implements": [], "reports_to": [],
 *    "escalates_to"?}, "representation": [{"principal": {"id",
 *    "name"?}, "level"?, "positions": [], "count"?, "substitutes"?}],
 *    "adjunct"?, "levels": [{"id", "name", "description"?,
 *    "frequency"?, "information"?}], "meeting_rules": [{"kind"?,
 *    "count", "per", "hours"?, "text", "note"?}], "rotation"?: {"roles",
 *    "period_years", "different_sides", "text"}, "agenda_rules"?,
 *    "protocol_rules"?, "subOrganizations": [{"id", "name",
 *    "classification"}], "memberships": [PERSON] (as of "as_of"),
 *    "as_of", "information_duty"?, "valid_from"?, "valid_to"?,
 *    "decided_by"?, "supersedes"?, "former_names": [], "notes": []}
 * Returns 0, or -1 with *err set (allocated).
 */
int samv_render_body(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *body, samv_day as_of, enum samv_format fmt,
    char **err);

/*
 * All bodies of r as a table (Markdown) or a JSON array: id, name,
 * kind, political, relations. Returns 0, or -1 with *err set.
 */
int samv_render_body_list(struct samv_buf *out, const struct samv_repo *r,
    enum samv_format fmt, char **err);

/* A body kind (political-assembly …) in words, lowercase; NULL if
 * unknown. */
const char *samv_body_kind_label(const char *kind, const char *lang);

#endif
