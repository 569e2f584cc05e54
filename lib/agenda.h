/* agenda.h - meetings and their agendas: new files and minimal edits */
#ifndef SAMV_AGENDA_H
#define SAMV_AGENDA_H

#include <stddef.h>

#include "node.h"
#include "records.h"

/* An agenda item to write (NULL / 0 / -1 for what is not given). */
struct samv_item {
	const char *title;
	const char *type;		/* standing | information | decision */
	const char *const *presenters;
	size_t npresenters;
	int start;			/* minutes since midnight, or -1 */
	int minutes;			/* duration, or -1 */
	const char *description;
	const char *proposal;
	const char *consequences;
	const char *const *documents;
	size_t ndocuments;
	const char *const *refs;
	size_t nrefs;
	const char *origin;		/* decision id it was raised from */
};

struct samv_meeting_new {
	const char *body;
	const char *date;		/* YYYY-MM-DD */
	int start, end;			/* minutes, or -1 */
	const char *place;
	const char *kind;
	const struct samv_item *items;	/* may be NULL */
	size_t nitems;
	const char *comment;		/* one line under the modeline */
};

/* The YAML of a new meeting file, modeline first (allocated). */
char *samv_meeting_yaml(const struct samv_meeting_new *m, size_t *len);

/* One item as a block-sequence entry at indent 0 (allocated). */
char *samv_item_yaml(const struct samv_item *it);

/*
 * Edits of a meeting document; each returns the new text (allocated;
 * re-parsed) or NULL with *err set. Positions are 0-based.
 */
char *samv_agenda_insert(const struct samv_doc *doc, size_t pos,
    const struct samv_item *it, size_t *len, char **err);
char *samv_agenda_remove(const struct samv_doc *doc, size_t idx, size_t *len,
    char **err);
char *samv_agenda_move(const struct samv_doc *doc, size_t from, size_t to,
    size_t *len, char **err);
char *samv_agenda_add_break(const struct samv_doc *doc, int start, int end,
    const char *note, size_t *len, char **err);

/*
 * Recomputes start times: an item with a duration starts when the one
 * before it (with a duration) ends, moved past breaks, beginning at the
 * meeting's start; an item without a duration keeps its own time.
 * Returns the new text (possibly unchanged) or NULL with *err.
 */
char *samv_agenda_retime(const char *text, size_t len, size_t *outlen,
    char **err);

/* Length in minutes of a meeting of kind (NULL: ordinary) by the
 * body's meeting_rules, or -1 when the rules do not say. */
int samv_body_meeting_minutes(const struct samv_node *body, const char *kind);

/* Number of agenda items of a meeting root node. */
size_t samv_agenda_count(const struct samv_node *meeting);

#endif
