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
	int external;		/* loaded only to answer a lookup */
};

/* What a view looked up outside its own records (samv_repo_set_deps). */
struct samv_dep {
	char *path;		/* the record's path */
	int content;		/* 1: its content was read; 0: only whether it exists */
};

struct samv_deps {
	struct samv_dep *v;
	size_t n, cap;
};

#define SAMV_DEPS_INIT { NULL, 0, 0 }

void samv_deps_release(struct samv_deps *l);

/*
 * A repository: records by kind and id. Loaded whole (samv_repo_load),
 * or opened lazily (samv_repo_open): then a lookup reads the one file
 * its id names, and samv_repo_need() lists and loads one folder, so a
 * command reads only what it uses. Either way records[] holds what has
 * been loaded so far, in load order.
 */
struct samv_repo {
	struct samv_record **records;
	size_t n, cap;
	struct samv_record *config;	/* samv.yaml, or NULL */
	struct samv_map by_id[SAMV_KIND_COUNT];
	struct samv_map principals;	/* principal id -> config node */
	struct samv_map groups;		/* group id -> config node */
	const char *language;		/* "sv" or "en" */
	/* lazy loading */
	struct samv_source *src;	/* borrowed */
	int all_loaded;			/* every file was listed and loaded */
	const struct samv_repo *base;	/* a view: config borrowed from it */
	const struct samv_map *index;	/* borrowed [SAMV_KIND_COUNT]: ids that exist */
	struct samv_deps *deps;		/* borrowed: lookups outside are logged */
	struct samv_diags *sink;	/* borrowed: findings of need() loads */
	const char *complete_body;	/* borrowed: all its records are loaded */
	struct samv_treecache *tc;	/* parsed records from earlier runs */
	int tc_borrowed;		/* a part: tc is base's */
	int char_spans;			/* add_buffer: spans need not be bytes */
	struct samv_map scopes;		/* folders listed by need() */
	char **scope_keys, **absent_keys;
	size_t n_scope_keys, scope_cap, absent_n, absent_cap;
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
/*
 * Opens src lazily: reads samv.yaml now (its findings into d), every
 * other record when it is first looked up or needed. src must outlive
 * the repository. Returns 0; free *out with samv_repo_free().
 */
int samv_repo_open(struct samv_repo **out, struct samv_source *src,
    struct samv_diags *d, char **err);
/*
 * A lazy view over base's source sharing base's samv.yaml: for checking
 * one body's records at a time. index (borrowed, SAMV_KIND_COUNT maps,
 * may be NULL) says which ids exist, so that existence needs no file
 * system access. Free with samv_repo_free() before base.
 */
struct samv_repo *samv_repo_view(const struct samv_repo *base,
    const struct samv_map *index);
/*
 * A part of lazily opened base, to load one folder into with
 * samv_repo_need() and free when done, so that a report over every
 * body holds one body's records at a time. It shares base's samv.yaml
 * and tree cache (not thread-safe: one part at a time, in base's
 * thread); lookups of other records go to the part, not to base. NULL
 * when base was loaded whole: its records are all in memory already.
 * Free with samv_repo_free() before base.
 */
struct samv_repo *samv_repo_part(const struct samv_repo *base);
/* Logs every lookup that goes outside the loaded records into deps. */
void samv_repo_set_deps(struct samv_repo *r, struct samv_deps *deps);
/* Findings of files loaded by samv_repo_need() go into d (else dropped). */
void samv_repo_set_sink(struct samv_repo *r, struct samv_diags *d);
/*
 * Adds one record from bytes already read (buf NULL: it could not be
 * read, errno says why); findings into d. NULL if path is no record
 * path or the id is already loaded. The record is owned by r.
 */
struct samv_record *samv_repo_add_buffer(struct samv_repo *r,
    const char *path, const char *buf, size_t len, struct samv_diags *d);
/*
 * Loads every record of kind (SAMV_KIND_NONE: of every kind) filed
 * under body (NULL: under every body) unless loaded already. A no-op
 * on a repository loaded whole. Logically const: it fills a cache.
 */
void samv_repo_need(const struct samv_repo *r, enum samv_kind kind,
    const char *body);
/* As samv_repo_need() for one kind and body, from the folder's listing
 * files (samv_source_list_dir() of "KIND-FOLDER/BODY", or a prefetch). */
void samv_repo_need_listed(const struct samv_repo *r, enum samv_kind kind,
    const char *body, const struct samv_filelist *files);
/* Loads the listed files (from samv_source_list_dir(), perhaps some
 * left out) that are not loaded yet. A no-op on a repository loaded
 * whole. */
void samv_repo_load_listed(const struct samv_repo *r,
    const struct samv_filelist *files);
/*
 * Loads the records of kind whose top-level key is the scalar value,
 * and possibly others (what the tree cache cannot rule out is read):
 * a caller still tests the field. Without a tree cache, as
 * samv_repo_need(r, kind, NULL).
 */
void samv_repo_need_where(const struct samv_repo *r, enum samv_kind kind,
    const char *key, const char *value);
/* Whether a record whose top-level key has the scalar value v (NULL:
 * no such key, or not a scalar) is wanted. */
typedef int samv_field_pred(const char *v, const void *arg);
/*
 * As samv_repo_need_where(), for the records of kind under body (NULL:
 * every body) whose key satisfies keep, and possibly others.
 */
void samv_repo_need_if(const struct samv_repo *r, enum samv_kind kind,
    const char *body, const char *key, samv_field_pred *keep,
    const void *arg);
void samv_repo_free(struct samv_repo *r);

/* 1 if a record of that kind and canonical id exists (loaded or not). */
int samv_repo_has(const struct samv_repo *r, enum samv_kind kind,
    const char *id);
/* The record of that kind and canonical id, or NULL; a lazy repository
 * loads it on first use. Borrowed from r. */
struct samv_record *samv_repo_get(const struct samv_repo *r,
    enum samv_kind kind, const char *id);

/* The name of a principal or group id from samv.yaml, else the id
 * itself (NULL for NULL). Borrowed from r. */
const char *samv_repo_principal_name(const struct samv_repo *r,
    const char *id);
/* The name of a body, else its id ("" for NULL). Borrowed from r. */
const char *samv_repo_body_name(const struct samv_repo *r, const char *id);

/* The finding for a listed file whose path is not a record path. */
void samv_record_path_finding(const char *path, struct samv_diags *d);

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
