/* render.h - documents from records: the agenda, and the shared builders */
#ifndef SAMV_RENDER_H
#define SAMV_RENDER_H

/*
 * Every document is built as a cmark-gfm node tree and only then turned
 * into text: user text goes into TEXT nodes, which cmark escapes, so a
 * title such as "a | b <script>" can neither break a table nor inject
 * HTML. Markdown is GFM from cmark_render_commonmark() with the table
 * extension; HTML is cmark_render_html() in safe mode inside a
 * standalone, print-friendly page. JSON is written directly, with
 * keys in a fixed order. Same records in, same bytes out: renderers
 * read no clock, no locale and no hash order.
 *
 * The JSON of an agenda (`samv agenda show --format json`)
 * ---------------------------------------------------------
 * One object, pretty-printed with two spaces, keys always in the order
 * shown, ending with a newline. Names follow Popolo and OParl where the
 * concept matches. A field marked ? is left out when the record does
 * not give it (never null); lists are always present, possibly empty.
 * Text is the record's text with trailing line breaks removed; invalid
 * UTF-8 (which the loader refuses anyway) becomes U+FFFD, control
 * characters are escaped as \u00XX.
 *
 *   {
 *     "type": "meeting",
 *     "id": "svom/2021-10-08",            meeting id
 *     "organization": {                    the body (Popolo organization)
 *       "id": "svom",
 *       "name": "SVOM",
 *       "full_name"?: "Sociala vård- och omsorgsgruppen",
 *       "classification"?: "political-assembly"      the body's kind
 *     },
 *     "name": "SVOM 8 oktober 2021",      body name and date in words,
 *                                          in the repository's language
 *     "date": "2021-10-08",
 *     "kind"?: "ordinary",                 meeting kind
 *     "level"?: "strategic",               level of the body that meets
 *     "start"?: "2021-10-08T13:00",        local time, no zone
 *     "end"?: "2021-10-08T16:30",
 *     "location"?: { "description": "Teams" },
 *     "meetingState": "adjusted",          "planned" (agenda not sent),
 *                                          "published" (agenda sent) or
 *                                          "adjusted" (protocol adjusted)
 *     "agendaPublished"?: "2021-10-01",
 *     "participants": {
 *       "source": "attendance",            "attendance" when the meeting
 *                                          records it, else "members":
 *                                          the body's members on the day
 *       "chair"?: PERSON,
 *       "secretary"?: PERSON,
 *       "members": [PERSON, …],            present members (or members),
 *                                          chair and secretary excepted
 *       "substitutes": [PERSON, …],        serving ones first
 *       "others": [PERSON, …],
 *       "absent": [PERSON, …]
 *     },
 *     "agendaItem": [                      in order (OParl AgendaItem)
 *       {
 *         "number": 1,                     place in the list, from 1
 *         "name": "Mötet öppnas",
 *         "type"?: "standing",             standing|information|decision
 *         "presenters": ["Tom Silverklo"],
 *         "start"?: "2021-10-08T13:00",
 *         "minutes"?: 5,                   time allotted
 *         "description"?: "…",
 *         "documents": ["…"],
 *         "proposal"?: "…",
 *         "consequences"?: "…",
 *         "refs": ["svom/2021/9"],         decisions, assignments, meetings
 *         "origin"?: "fredagsgruppen/2021/13"
 *       }
 *     ],
 *     "breaks": [
 *       { "start": "2021-10-08T14:35", "end": "2021-10-08T15:15",
 *         "note"?: "…" }
 *     ]
 *   }
 *
 *   PERSON = {                             a Popolo membership, flattened
 *     "name": "Karin Näsmark",
 *     "party"?: "S",
 *     "role"?: "vice-chair",               the body role on the day, as
 *                                          in a body file
 *     "position"?: "Förvaltningschef",
 *     "on_behalf_of"?: { "id": "krokom", "name"?: "Krokoms kommun" },
 *     "serving"?: true,                    substitutes in attendance only
 *     "replaces"?: "Andreas Karlsson"      serving substitute's member
 *   }
 */

#include <stddef.h>

#include <cmark-gfm.h>

#include "node.h"
#include "records.h"
#include "util.h"

enum samv_format {
	SAMV_FORMAT_MD,
	SAMV_FORMAT_HTML,
	SAMV_FORMAT_JSON
};

/*
 * Renders the notice and agenda of meeting (a record of r) into out
 * (appended). Labels follow r->language. Returns 0, or -1 with *err set
 * (allocated; the caller frees it) when the meeting cannot be rendered,
 * e.g. it did not pass schema validation.
 */
int samv_render_agenda(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *meeting, enum samv_format fmt, char **err);

/* --- who takes part ----------------------------------------------------- */

/* A person as a document names them. Strings are borrowed from the
 * records and live as long as the repository. */
struct samv_person {
	const char *name;
	const char *party;	/* or NULL */
	const char *role;	/* body role on the meeting day, or NULL */
	const char *position;	/* or NULL */
	const char *principal;	/* principal or group id, or NULL */
	const char *replaces;	/* serving substitute: member replaced */
	int serving;		/* -1 unknown, 0 present only, 1 serving */
};

struct samv_people {
	struct samv_person *v;
	size_t n, cap;
};

struct samv_participants {
	int from_attendance;	/* 1: recorded attendance; 0: members */
	struct samv_people chair, secretary, members, substitutes, others,
	    absent;
};

/*
 * Who takes part in meeting (a meeting's root node) of body (its body's
 * root node, or NULL): the recorded attendance when there is one, else
 * the body's members on the meeting day. Each name is enriched with
 * party, role, position and principal from the body's membership on
 * that day. Release with samv_participants_release().
 */
void samv_participants_collect(struct samv_participants *out,
    const struct samv_node *body, const struct samv_node *meeting);
void samv_participants_release(struct samv_participants *p);

/*
 * "Karin Näsmark (S), vice ordförande": name, party, position,
 * principal's name, and with with_role the role (other than member or
 * substitute) and "tjänstgör för …". Appended to out.
 */
void samv_render_person(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_person *p, int with_role);

/* A heading (level 3) and the people under it, as a list when several;
 * nothing when l is empty. */
void samv_render_people(cmark_node *doc, const struct samv_repo *r,
    const char *heading, const struct samv_people *l, int with_role);

/* --- the document builder (cmark nodes) --------------------------------- */

/*
 * All builders take a parent node and append to it; text is user text:
 * control characters and invalid UTF-8 become U+FFFD, and one-line
 * texts (headings, paragraphs, list items, cells) have their white
 * space collapsed. Returned nodes belong to the tree.
 */

/* A new DOCUMENT node; the caller frees it with cmark_node_free(). */
cmark_node *samv_render_document(void);
cmark_node *samv_render_heading(cmark_node *parent, int level,
    const char *text);
/* A paragraph of one-line text; nothing (NULL) when the text is empty. */
cmark_node *samv_render_para(cmark_node *parent, const char *text);
/* A paragraph "label: text". */
cmark_node *samv_render_field(cmark_node *parent, const char *label,
    const char *text);
/*
 * Multi-line user text: blank lines separate blocks; a block whose
 * lines are all "1. …", "2. …" (consecutive) becomes an ordered list,
 * one whose lines all start with "- ", "* " or "• " a bullet list, any
 * other block a paragraph with a line break per line.
 */
void samv_render_text(cmark_node *parent, const char *text);
/* A list (ordered from start, or bullets) and its one-line items. */
cmark_node *samv_render_list(cmark_node *parent, int ordered, int start);
cmark_node *samv_render_list_item(cmark_node *list, const char *text);
/* A bullet list of a YAML sequence of strings (nothing if empty). */
cmark_node *samv_render_bullets(cmark_node *parent,
    const struct samv_node *seq);

/* Cell styles of a table row. */
enum samv_cell_style {
	SAMV_CELL_PLAIN,
	SAMV_CELL_STRONG,
	SAMV_CELL_EMPH
};

/* A GFM table of ncols columns with a header row; cells are one-line
 * texts, NULL for an empty cell. */
cmark_node *samv_render_table(cmark_node *parent, size_t ncols,
    const char *const *header);
cmark_node *samv_render_row(cmark_node *table, const char *const *cells,
    enum samv_cell_style style);

/*
 * Turns doc into text appended to out: GFM Markdown, or a standalone
 * HTML page in lang ("sv", "en") with the given title (escaped). The
 * tree is not freed. Returns 0, or -1 with *err set (allocated) for a
 * format the tree cannot give (JSON) or a failed render.
 */
int samv_render_finish(struct samv_buf *out, cmark_node *doc,
    enum samv_format fmt, const char *lang, const char *title, char **err);

/*
 * The same document rendered part by part, so that a long report never
 * holds all of its tree: begin (the page's head for HTML), then build
 * some blocks into doc and flush them (rendered, appended and removed
 * from doc) as often as wanted, then end. The text is the same as
 * samv_render_finish() of all the blocks in one tree, as long as no
 * list or other container is split between two flushes.
 */
struct samv_render_stream {
	struct samv_buf *out;
	enum samv_format fmt;
	size_t parts;		/* flushes that wrote something */
};

void samv_render_stream_begin(struct samv_render_stream *st,
    struct samv_buf *out, enum samv_format fmt, const char *lang,
    const char *title);
/* 0, or -1 with *err set (allocated): JSON, or a failed render. */
int samv_render_stream_flush(struct samv_render_stream *st, cmark_node *doc,
    char **err);
void samv_render_stream_end(struct samv_render_stream *st);

/* --- JSON writing ------------------------------------------------------ */

/*
 * A small pretty-printing JSON writer: two-space indent, one member per
 * line, "[]" / "{}" when empty. key is the member name inside an
 * object and NULL inside an array or at the top. The string writers
 * omit the member when the value is NULL. Any depth; always end with
 * samv_jsonw_finish().
 */
struct samv_jsonw {
	struct samv_buf *out;
	size_t depth;		/* open objects and arrays */
	size_t *count;		/* members written per level (owned) */
	size_t cap;
};

void samv_jsonw_init(struct samv_jsonw *w, struct samv_buf *out);
void samv_jsonw_object(struct samv_jsonw *w, const char *key);
void samv_jsonw_array(struct samv_jsonw *w, const char *key);
/* Closes the innermost object or array (c is '}' or ']'). */
void samv_jsonw_end(struct samv_jsonw *w, char c);
void samv_jsonw_str(struct samv_jsonw *w, const char *key, const char *s);
/* A text value with trailing line breaks removed. */
void samv_jsonw_text(struct samv_jsonw *w, const char *key, const char *s);
void samv_jsonw_int(struct samv_jsonw *w, const char *key, long long v);
void samv_jsonw_bool(struct samv_jsonw *w, const char *key, int v);
/* A YAML sequence of strings as an array (always written). */
void samv_jsonw_strings(struct samv_jsonw *w, const char *key,
    const struct samv_node *seq);
/* A person, and a list of people, as the agenda's JSON writes them. */
void samv_render_json_person(struct samv_jsonw *w, const struct samv_repo *r,
    const char *key, const struct samv_person *p);
void samv_render_json_people(struct samv_jsonw *w, const struct samv_repo *r,
    const char *key, const struct samv_people *l);

/*
 * The protocol of a meeting, and the extract (protokollsutdrag) of one
 * decision: body, time, place, who took part, then per item its
 * paragraph (§) with summary, documents, proposal, motions, order of
 * propositions, vote, decision, reservations, notes, conflicts of
 * interest and "Paragrafen är justerad"; then adjusters and signatures.
 * JSON: {"type":"protocol", "id", "organization", "name", "date",
 * "start", "end", "location", "participants" (as the agenda's),
 * "adjusters", "adjustment", "items": [{"number", "name", "summary"?,
 * "decisions": [DECISION]}]} where DECISION is {"id", "number", "title",
 * "date", "kind", "political"?, "summary"?, "basis", "proposal"?, "motions":
 * [{"number","by","party"?,"text"}], "procedure"?: {"method", "order",
 * "winner"?, "counts"?: {"for","against","abstain"}, "votes":
 * [{"name","option"}]}, "text", "reservations", "notes", "conflicts",
 * "adjustedNow", "expires"?, "recipients", "recommend", "corrects"?,
 * "to"?}; the extract is {"type":"extract", "meeting"?, "decision":
 * DECISION}. Returns 0, or -1 with *err set.
 */
int samv_render_protocol(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *meeting, enum samv_format fmt, char **err);
int samv_render_extract(struct samv_buf *out, const struct samv_repo *r,
    const struct samv_record *decision, enum samv_format fmt, char **err);

/* Ends the document (every object and array closed) with a newline and
 * frees the writer's memory; w may then be initialised again. */
void samv_jsonw_finish(struct samv_jsonw *w);

#endif
