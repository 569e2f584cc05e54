/* records.h - a governance repository loaded: records by kind and id */
#ifndef SAMV_RECORDS_H
#define SAMV_RECORDS_H

#include <stddef.h>

#include "ids.h"
#include "map.h"
#include "node.h"
#include "source.h"

struct samv_record {
	enum samv_kind kind;
	char *path;		/* relative to the samv root */
	char *id;		/* canonical id ("" for samv.yaml) */
	struct samv_doc *doc;	/* NULL when it could not be loaded */
	int schema_ok;		/* loaded and valid against its schema */
};

struct samv_repo {
	struct samv_record **records;	/* sorted by path */
	size_t n;
	struct samv_record *config;	/* samv.yaml, or NULL */
	struct samv_map by_id[SAMV_KIND_COUNT];
	struct samv_map principals;	/* principal id -> config node */
	struct samv_map groups;		/* group id -> config node */
	const char *language;		/* "sv" or "en" */
};

struct samv_load_flags {
	int skip_schema;	/* parse only (for benchmarks of the floor) */
};

/*
 * Loads every record from src: parses each file with the hardened
 * loader, validates it against its compiled-in schema, refuses symlinks
 * and personnummer, and indexes records by id. Findings go into d.
 * Returns 0 (even with findings), or -1 with *err set (allocated) when
 * the source itself cannot be read. Free *out with samv_repo_free().
 */
int samv_repo_load(struct samv_repo **out, struct samv_source *src,
    const struct samv_load_flags *flags, struct samv_diags *d, char **err);
void samv_repo_free(struct samv_repo *r);

/* The record of that kind and canonical id, or NULL. */
struct samv_record *samv_repo_get(const struct samv_repo *r,
    enum samv_kind kind, const char *id);

/* The name of a principal or group id from samv.yaml, else the id
 * itself (NULL for NULL). Borrowed from r. */
const char *samv_repo_principal_name(const struct samv_repo *r,
    const char *id);
/* The name of a body, else its id ("" for NULL). Borrowed from r. */
const char *samv_repo_body_name(const struct samv_repo *r, const char *id);

/* Root node of a record that passed schema validation, else NULL. */
const struct samv_node *samv_record_root(const struct samv_record *rec);

/*
 * Compiled schemas (from the embedded schema/ files), one per kind,
 * compiled once per process. Returns NULL if a schema failed to compile
 * (a build error; diagnostics in d).
 */
struct samv_schema;
const struct samv_schema *samv_schema_for(enum samv_kind kind,
    struct samv_diags *d);

/* The text of an embedded schema file by kind, or NULL. */
const char *samv_schema_text(enum samv_kind kind, size_t *len);

#endif
