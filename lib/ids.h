/* ids.h - record ids, and the one mapping between ids and paths */
#ifndef SAMV_IDS_H
#define SAMV_IDS_H

#include <stddef.h>

enum samv_kind {
	SAMV_KIND_NONE = -1,
	SAMV_KIND_CONFIG = 0,	/* samv.yaml */
	SAMV_KIND_BODY,
	SAMV_KIND_MEETING,
	SAMV_KIND_DECISION,
	SAMV_KIND_ASSIGNMENT,
	SAMV_KIND_COUNT
};

/* "body", "meeting", … as in schema file names; NULL for NONE. */
const char *samv_kind_name(enum samv_kind k);
/* The kind's top folder: "bodies", "meetings", "decisions",
 * "assignments"; NULL for samv.yaml and NONE. */
const char *samv_kind_folder(enum samv_kind k);

/* A slug: [a-z0-9][a-z0-9-]*, at most 64 bytes. */
int samv_id_is_slug(const char *s, size_t n);

/*
 * Parses a record path relative to the repository root into its kind
 * and canonical id (allocated, caller frees). Returns the kind, or
 * SAMV_KIND_NONE when the path is not a record path (then *id is NULL).
 *   samv.yaml                          CONFIG  ""
 *   bodies/svom.yaml                   BODY    svom
 *   meetings/svom/2021-10-08.yaml      MEETING svom/2021-10-08 (also -2 …)
 *   decisions/svom/2021/009.yaml       DECISION svom/2021/9
 *   assignments/svom/2021/slug.yaml    ASSIGNMENT svom/2021/slug
 */
enum samv_kind samv_path_parse(const char *path, char **id);

/*
 * Parses an id typed by a user or written in a record, of the expected
 * kind, into its canonical form (allocated): decision ids accept "§9"
 * and leading zeros. Returns 0, or -1 if it is not a valid id.
 */
int samv_id_canonical(enum samv_kind kind, const char *id, char **out);

/* The path of a canonical id (allocated). */
char *samv_id_path(enum samv_kind kind, const char *id);

/* Splits a meeting/decision/assignment id: body part (allocated). */
char *samv_id_body(const char *id);

#endif
