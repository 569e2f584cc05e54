/* records.c - load, validate and index every record of a repository */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pnr.h"
#include "records.h"
#include "schema.h"
#include "schemas.h"
#include "treecache.h"
#include "util.h"

static struct samv_schema *compiled[SAMV_KIND_COUNT];
static struct samv_doc *schema_docs[SAMV_KIND_COUNT];
static int compile_failed[SAMV_KIND_COUNT];

const char *
samv_schema_text(enum samv_kind kind, size_t *len)
{
	const char *name = samv_kind_name(kind);
	const struct samv_embedded *e;
	size_t nl;

	if (name == NULL)
		return NULL;
	nl = strlen(name);
	for (e = samv_schema_files; e->name; e++)
		if (strncmp(e->name, name, nl) == 0 &&
		    strcmp(e->name + nl, ".schema.json") == 0) {
			if (len)
				*len = e->len;
			return e->data;
		}
	return NULL;
}

static void
free_schemas(void)
{
	int k;

	for (k = 0; k < SAMV_KIND_COUNT; k++) {
		samv_schema_free(compiled[k]);
		samv_doc_free(schema_docs[k]);
		compiled[k] = NULL;
		schema_docs[k] = NULL;
	}
}

const struct samv_schema *
samv_schema_for(enum samv_kind kind, struct samv_diags *d)
{
	static int registered;
	struct samv_load_options opt = { 4 * 1024 * 1024, 0, 0, 0 };
	const char *text;
	size_t len;
	char *name;

	if (kind < 0 || kind >= SAMV_KIND_COUNT || compile_failed[kind])
		return NULL;
	if (compiled[kind])
		return compiled[kind];
	text = samv_schema_text(kind, &len);
	if (text == NULL) {
		compile_failed[kind] = 1;
		return NULL;
	}
	if (!registered) {
		atexit(free_schemas);
		registered = 1;
	}
	name = samv_xasprintf("schema/%s.schema.json", samv_kind_name(kind));
	if (samv_doc_parse(&schema_docs[kind], name, text, len, &opt, d) < 0 ||
	    samv_schema_compile(&compiled[kind], schema_docs[kind], d) < 0) {
		compile_failed[kind] = 1;
		compiled[kind] = NULL;
	}
	free(name);
	return compiled[kind];
}

const struct samv_node *
samv_record_root(const struct samv_record *rec)
{
	if (rec == NULL || rec->doc == NULL || !rec->schema_ok)
		return NULL;
	return rec->doc->root;
}

/* Every scalar of every record is searched for personal identity numbers. */
static void
scan_pnr(const struct samv_doc *doc, const struct samv_node *n,
    struct samv_diags *d)
{
	size_t i, off;

	if (n == NULL)
		return;
	switch (n->kind) {
	case SAMV_NODE_SCALAR:
		if (samv_pnr_find(n->str, n->len, &off)) {
			unsigned line = n->span.line, col = n->span.col;

			/* point at the number itself on single-line values */
			if (n->style != SAMV_STYLE_BLOCK &&
			    n->span.line == n->span.end_line &&
			    memchr(n->str, '\n', off) == NULL)
				col += (unsigned)samv_utf8_len(n->str, off) +
				    (n->style == SAMV_STYLE_QUOTED);
			samv_diags_add(d, doc->path, line, col, SAMV_ERROR,
			    "personnummer",
			    "looks like a Swedish personal identity number; "
			    "records must not identify individuals");
		}
		break;
	case SAMV_NODE_SEQ:
		for (i = 0; i < n->n_items; i++)
			scan_pnr(doc, n->items[i], d);
		break;
	case SAMV_NODE_MAP:
		for (i = 0; i < n->n_pairs; i++) {
			scan_pnr(doc, n->pairs[i].key, d);
			scan_pnr(doc, n->pairs[i].value, d);
		}
		break;
	}
}

static const char *
expected_layout(const char *path)
{
	if (strncmp(path, "bodies/", 7) == 0)
		return "bodies/<id>.yaml";
	if (strncmp(path, "meetings/", 9) == 0)
		return "meetings/<body>/<YYYY-MM-DD>.yaml";
	if (strncmp(path, "decisions/", 10) == 0)
		return "decisions/<body>/<YYYY>/<NNN>.yaml (e.g. 009.yaml)";
	if (strncmp(path, "assignments/", 12) == 0)
		return "assignments/<body>/<YYYY>/<slug>.yaml";
	return NULL;
}

/*
 * An unresolved merge conflict is reported as such, not as a YAML
 * error: two clones that took the same § number both wrote the same
 * decision file, and the message says how to mend it.
 */
static int
conflict_markers(const struct samv_record *rec, const char *buf, size_t len,
    struct samv_diags *d)
{
	size_t off = 0;
	unsigned line = 1;

	while (off < len) {
		if (len - off >= 8 && (memcmp(buf + off, "<<<<<<< ", 8) == 0 ||
		    memcmp(buf + off, ">>>>>>> ", 8) == 0)) {
			if (rec->kind == SAMV_KIND_DECISION)
				samv_diags_add(d, rec->path, line, 1,
				    SAMV_ERROR, "merge-conflict", "unresolved "
				    "merge conflict: § %s was taken in two "
				    "clones; keep one version here, and save "
				    "the other as the next free § of the year "
				    "(its file name and number:) — renumbering "
				    "is allowed only before justering",
				    strrchr(rec->id, '/') + 1);
			else
				samv_diags_add(d, rec->path, line, 1,
				    SAMV_ERROR, "merge-conflict", "unresolved "
				    "merge conflict: keep the lines that are "
				    "right, remove the <<<<<<<, ======= and "
				    ">>>>>>> lines");
			return 1;
		}
		{
			const char *nl = memchr(buf + off, '\n', len - off);

			if (nl == NULL)
				break;
			off = (size_t)(nl - buf) + 1;
		}
		line++;
	}
	return 0;
}

static void
index_config(struct samv_repo *r)
{
	const struct samv_node *root = samv_record_root(r->config), *l;
	size_t i;

	r->language = "sv";
	if (root == NULL)
		return;
	if (samv_node_getstr(root, "language"))
		r->language = samv_node_getstr(root, "language");
	l = samv_node_get(root, "principals");
	for (i = 0; l && l->kind == SAMV_NODE_SEQ && i < l->n_items; i++) {
		const char *id = samv_node_getstr(l->items[i], "id");

		if (id)
			samv_map_put(&r->principals, id, l->items[i]);
	}
	l = samv_node_get(root, "groups");
	for (i = 0; l && l->kind == SAMV_NODE_SEQ && i < l->n_items; i++) {
		const char *id = samv_node_getstr(l->items[i], "id");

		if (id)
			samv_map_put(&r->groups, id, l->items[i]);
	}
}

void
samv_record_path_finding(const char *path, struct samv_diags *d)
{
	size_t nl = strlen(path);

	if (nl > 5 && strcmp(path + nl - 5, ".yaml") == 0 &&
	    expected_layout(path))
		samv_diags_add(d, path, 0, 0, SAMV_ERROR, "path-id",
		    "not a valid record path; expected %s",
		    expected_layout(path));
	else
		samv_diags_add(d, path, 0, 0, SAMV_WARNING, "unknown-file",
		    "not a record file");
}

/* A lookup that found no file: remembered so it is not asked again. */
static struct samv_record absent;

/* A new record of r (id owned by it from here on), not yet loaded. */
static struct samv_record *
add_record(struct samv_repo *r, enum samv_kind kind, const char *path,
    char *id)
{
	struct samv_record *rec = samv_xcalloc(1, sizeof(*rec));

	rec->kind = kind;
	rec->path = samv_xstrdup(path);
	rec->id = id;
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->records = samv_xreallocarray(r->records, r->cap,
		    sizeof(*r->records));
	}
	r->records[r->n++] = rec;
	if (rec->kind == SAMV_KIND_CONFIG)
		r->config = rec;
	else
		samv_map_put(&r->by_id[rec->kind], rec->id, rec);
	return rec;
}

static void
read_failed(const char *path, int e, struct samv_diags *d)
{
	if (e == EFBIG)
		samv_diags_add(d, path, 1, 1, SAMV_ERROR, "yaml-size",
		    "file is larger than the limit of %d bytes",
		    SAMV_MAX_FILE_SIZE);
	else
		samv_diags_add(d, path, 0, 0, SAMV_ERROR, "io",
		    "cannot read: %s", strerror(e));
}

/* Parses and validates one record's bytes into rec; findings into d. */
static void
parse_record(struct samv_record *rec, const char *buf, size_t len,
    int skip_schema, int char_spans, struct samv_diags *d)
{
	static const struct samv_load_options cs = { 0, 0, 0, 1 };
	const struct samv_schema *schema;

	if (conflict_markers(rec, buf, len, d))
		return;
	if (samv_doc_parse(&rec->doc, rec->path, buf, len, char_spans ?
	    &cs : NULL, d) < 0)
		return;
	if (skip_schema)
		return;
	scan_pnr(rec->doc, rec->doc->root, d);
	schema = samv_schema_for(rec->kind, d);
	if (schema != NULL && samv_schema_validate(schema, rec->doc,
	    rec->doc->root, d) == 0)
		rec->schema_ok = 1;
}

/*
 * Makes the record of one listed file (id owned by the record from
 * here on), reads it from the source and parses it. A path that is no
 * record is reported and gives NULL.
 */
static struct samv_record *
load_file(struct samv_repo *r, const char *path, int is_link,
    int skip_schema, int external, const struct samv_file *f,
    struct samv_diags *d)
{
	struct samv_record *rec, *old;
	enum samv_kind kind;
	char *id, *buf;
	size_t len;

	if (is_link) {
		samv_diags_add(d, path, 0, 0, SAMV_ERROR, "symlink",
		    "symbolic link in the repository is not followed");
		return NULL;
	}
	kind = samv_path_parse(path, &id);
	if (kind == SAMV_KIND_NONE) {
		samv_record_path_finding(path, d);
		return NULL;
	}
	if (kind != SAMV_KIND_CONFIG &&
	    (old = samv_map_get(&r->by_id[kind], id)) != NULL &&
	    old != &absent) {
		/* loaded before to answer a lookup: now one of ours */
		old->external = external && old->external;
		free(id);
		return old;
	}
	rec = add_record(r, kind, path, id);
	rec->external = external;
	if (r->tc && f && !skip_schema &&
	    (rec->doc = samv_treecache_get(r->tc, f, &rec->schema_ok)) != NULL)
		return rec;
	if (samv_source_read(r->src, path, SAMV_MAX_FILE_SIZE, &buf,
	    &len) < 0) {
		read_failed(path, errno, d);
		return rec;
	}
	parse_record(rec, buf, len, skip_schema, 0, d);
	free(buf);
	if (r->tc && f && !skip_schema)
		samv_treecache_put(r->tc, f, rec->doc, rec->schema_ok);
	return rec;
}

static struct samv_repo *
repo_new(struct samv_source *src)
{
	struct samv_repo *r = samv_xcalloc(1, sizeof(*r));

	r->src = src;
	r->language = "sv";
	return r;
}

int
samv_repo_load(struct samv_repo **out, struct samv_source *src,
    const struct samv_load_flags *flags, struct samv_diags *d, char **err)
{
	struct samv_filelist files;
	struct samv_repo *r;
	size_t i;
	int skip = flags && flags->skip_schema;

	*out = NULL;
	if (samv_source_list(src, &files, err) < 0)
		return -1;
	r = repo_new(src);
	if (!skip)
		r->tc = samv_treecache_open(src);
	for (i = 0; i < files.n; i++)
		load_file(r, files.v[i].path, files.v[i].is_link, skip, 0,
		    &files.v[i], d);
	samv_filelist_release(&files);
	r->all_loaded = 1;
	index_config(r);
	*out = r;
	return 0;
}

int
samv_repo_open(struct samv_repo **out, struct samv_source *src,
    struct samv_diags *d, char **err)
{
	struct samv_repo *r;
	int st;

	*out = NULL;
	*err = NULL;
	r = repo_new(src);
	r->tc = samv_treecache_open(src);
	st = samv_source_exists(src, "samv.yaml");
	if (st != 0)
		load_file(r, "samv.yaml", st == 2, 0, 0, NULL, d);
	index_config(r);
	*out = r;
	return 0;
}

struct samv_repo *
samv_repo_view(const struct samv_repo *base, const struct samv_map *index)
{
	struct samv_repo *r = repo_new(base->src);

	r->base = base;
	r->index = index;
	r->config = base->config;
	r->principals = base->principals;
	r->groups = base->groups;
	r->language = base->language;
	return r;
}

struct samv_repo *
samv_repo_part(const struct samv_repo *base)
{
	struct samv_repo *r;

	if (base->all_loaded || base->src == NULL)
		return NULL;
	r = samv_repo_view(base, NULL);
	r->tc = base->tc;
	r->tc_borrowed = 1;
	r->sink = base->sink;
	return r;
}

void
samv_repo_set_deps(struct samv_repo *r, struct samv_deps *deps)
{
	r->deps = deps;
}

struct samv_record *
samv_repo_add_buffer(struct samv_repo *r, const char *path, const char *buf,
    size_t len, struct samv_diags *d)
{
	struct samv_record *rec;
	enum samv_kind kind;
	char *id;

	kind = samv_path_parse(path, &id);
	if (kind == SAMV_KIND_NONE || (kind != SAMV_KIND_CONFIG &&
	    samv_map_get(&r->by_id[kind], id) != NULL)) {
		free(id);
		return NULL;
	}
	rec = add_record(r, kind, path, id);
	if (buf == NULL) {
		read_failed(path, errno, d);
		return rec;
	}
	parse_record(rec, buf, len, 0, r->char_spans, d);
	return rec;
}

static void
log_dep(const struct samv_repo *r, const char *path, int content)
{
	struct samv_deps *l = r->deps;

	if (l == NULL || path == NULL)
		return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = samv_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	l->v[l->n].path = samv_xstrdup(path);
	l->v[l->n].content = content;
	l->n++;
}

void
samv_deps_release(struct samv_deps *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

struct samv_record *
samv_repo_get(const struct samv_repo *cr, enum samv_kind kind, const char *id)
{
	/* lookups load on demand: the repository is a cache of the source */
	struct samv_repo *r = (struct samv_repo *)cr;
	struct samv_record *rec;
	struct samv_diags scratch = SAMV_DIAGS_INIT;
	struct samv_file f;
	char *path;
	int st;

	if (kind < 0 || kind >= SAMV_KIND_COUNT || id == NULL)
		return NULL;
	if (kind == SAMV_KIND_CONFIG)
		return r->config;
	rec = samv_map_get(&r->by_id[kind], id);
	if (rec != NULL || r->all_loaded || r->src == NULL)
		return rec == &absent ? NULL : rec;
	path = samv_id_path(kind, id);
	if (path == NULL)
		return NULL;
	log_dep(r, path, 1);
	if (r->index)
		st = samv_map_get(&r->index[kind], id) ? 1 : 0;
	else
		st = samv_source_stat(r->src, path, &f);
	/* a canonical id names exactly one path, and that path this id */
	f.path = path;
	if (st == 1)
		rec = load_file(r, path, 0, 0, 1, r->index ? NULL : &f,
		    &scratch);
	free(path);
	samv_diags_release(&scratch);
	if (rec == NULL) {
		char *key = samv_xstrdup(id);

		samv_map_put(&r->by_id[kind], key, &absent);
		if (r->absent_n == r->absent_cap) {
			r->absent_cap = r->absent_cap ? r->absent_cap * 2 : 16;
			r->absent_keys = samv_xreallocarray(r->absent_keys,
			    r->absent_cap, sizeof(*r->absent_keys));
		}
		r->absent_keys[r->absent_n++] = key;
	}
	return rec;
}

int
samv_repo_has(const struct samv_repo *r, enum samv_kind kind, const char *id)
{
	struct samv_record *rec;
	char *path;
	int st;

	if (kind < 0 || kind >= SAMV_KIND_COUNT || id == NULL)
		return 0;
	if (kind == SAMV_KIND_CONFIG)
		return r->config != NULL;
	rec = samv_map_get(&r->by_id[kind], id);
	if (rec != NULL)
		return rec != &absent;
	if (r->all_loaded || r->src == NULL)
		return 0;
	path = samv_id_path(kind, id);
	if (path == NULL)
		return 0;
	log_dep(r, path, 0);
	if (r->index)
		st = samv_map_get(&r->index[kind], id) != NULL;
	else
		st = samv_source_exists(r->src, path) == 1;
	free(path);
	return st;
}

static void need_in(struct samv_repo *r, enum samv_kind kind,
    const char *body, const struct samv_filelist *given);

void
samv_repo_need(const struct samv_repo *cr, enum samv_kind kind,
    const char *body)
{
	need_in((struct samv_repo *)cr, kind, body, NULL);
}

void
samv_repo_need_listed(const struct samv_repo *cr, enum samv_kind kind,
    const char *body, const struct samv_filelist *files)
{
	need_in((struct samv_repo *)cr, kind, body, files);
}

void
samv_repo_load_listed(const struct samv_repo *cr,
    const struct samv_filelist *files)
{
	struct samv_repo *r = (struct samv_repo *)cr;
	struct samv_diags scratch = SAMV_DIAGS_INIT;
	size_t i;

	if (r->all_loaded || r->src == NULL)
		return;
	for (i = 0; i < files->n; i++)
		load_file(r, files->v[i].path, files->v[i].is_link, 0, 0,
		    &files->v[i], r->sink ? r->sink : &scratch);
	samv_diags_release(&scratch);
}

/* samv_repo_need(), with the folder's listing given (NULL: listed here). */
static void
need_in(struct samv_repo *r, enum samv_kind kind, const char *body,
    const struct samv_filelist *given)
{
	struct samv_diags scratch = SAMV_DIAGS_INIT;
	struct samv_filelist files;
	char *dir, *err = NULL;
	size_t i;
	int k;

	if (r->all_loaded || r->src == NULL)
		return;
	if (kind == SAMV_KIND_NONE || kind == SAMV_KIND_CONFIG) {
		for (k = SAMV_KIND_BODY; k < SAMV_KIND_COUNT; k++)
			samv_repo_need(r, (enum samv_kind)k, body);
		return;
	}
	if (body != NULL && !samv_id_is_slug(body, strlen(body)))
		return;
	if (body != NULL && r->complete_body != NULL &&
	    strcmp(body, r->complete_body) == 0)
		return;
	if (kind == SAMV_KIND_BODY && body != NULL)
		dir = samv_xasprintf("bodies/%s.yaml", body);
	else if (body != NULL)
		dir = samv_xasprintf("%s/%s", samv_kind_folder(kind), body);
	else
		dir = samv_xstrdup(samv_kind_folder(kind));
	/* a folder already listed, or the whole kind */
	if (samv_map_get(&r->scopes, dir) != NULL ||
	    samv_map_get(&r->scopes, samv_kind_folder(kind)) != NULL) {
		free(dir);
		return;
	}
	samv_map_put(&r->scopes, dir, dir);
	if (r->n_scope_keys == r->scope_cap) {
		r->scope_cap = r->scope_cap ? r->scope_cap * 2 : 8;
		r->scope_keys = samv_xreallocarray(r->scope_keys, r->scope_cap,
		    sizeof(*r->scope_keys));
	}
	r->scope_keys[r->n_scope_keys++] = dir;
	if (kind == SAMV_KIND_BODY && body != NULL) {
		struct samv_file f;
		int st = samv_source_stat(r->src, dir, &f);

		f.path = dir;
		if (st != 0)
			load_file(r, dir, st == 2, 0, 0, &f, r->sink ? r->sink :
			    &scratch);
	} else if (given != NULL) {
		for (i = 0; i < given->n; i++)
			load_file(r, given->v[i].path, given->v[i].is_link, 0,
			    0, &given->v[i], r->sink ? r->sink : &scratch);
	} else if (samv_source_list_dir(r->src, dir, &files, &err) == 0) {
		for (i = 0; i < files.n; i++)
			load_file(r, files.v[i].path, files.v[i].is_link, 0, 0,
			    &files.v[i], r->sink ? r->sink : &scratch);
		samv_filelist_release(&files);
	}
	free(err);
	samv_diags_release(&scratch);
}

void
samv_repo_need_if(const struct samv_repo *cr, enum samv_kind kind,
    const char *body, const char *key, samv_field_pred *keep,
    const void *arg)
{
	struct samv_repo *r = (struct samv_repo *)cr;
	struct samv_diags scratch = SAMV_DIAGS_INIT;
	struct samv_filelist files;
	char *dir, *err = NULL;
	size_t i;

	if (r->all_loaded || r->src == NULL || kind <= SAMV_KIND_CONFIG ||
	    kind >= SAMV_KIND_COUNT || (body && (kind == SAMV_KIND_BODY ||
	    !samv_id_is_slug(body, strlen(body)))))
		return;
	dir = body ? samv_xasprintf("%s/%s", samv_kind_folder(kind), body) :
	    samv_xstrdup(samv_kind_folder(kind));
	if (samv_map_get(&r->scopes, samv_kind_folder(kind)) != NULL ||
	    samv_map_get(&r->scopes, dir) != NULL) {
		free(dir);
		return;		/* loaded already */
	}
	if (r->tc == NULL) {
		samv_repo_need(r, kind, body);	/* nothing to choose by */
		free(dir);
		return;
	}
	if (samv_source_list_dir(r->src, dir, &files, &err) < 0) {
		free(err);
		free(dir);
		return;
	}
	free(dir);
	for (i = 0; i < files.n; i++) {
		const char *v;
		char *id = NULL;
		enum samv_kind k = samv_path_parse(files.v[i].path, &id);
		struct samv_record *old = k == kind ?
		    samv_map_get(&r->by_id[k], id) : NULL;
		int has;

		free(id);
		if (k != kind || (old != NULL && old != &absent))
			continue;
		/* the cache answers for unchanged files; others are read */
		has = samv_treecache_field(r->tc, &files.v[i], key, &v);
		if (has >= 0 && !keep(has ? v : NULL, arg))
			continue;
		load_file(r, files.v[i].path, files.v[i].is_link, 0, 0,
		    &files.v[i], r->sink ? r->sink : &scratch);
	}
	samv_filelist_release(&files);
	samv_diags_release(&scratch);
}

static int
equals(const char *v, const void *arg)
{
	return v != NULL && strcmp(v, arg) == 0;
}

void
samv_repo_need_where(const struct samv_repo *r, enum samv_kind kind,
    const char *key, const char *value)
{
	samv_repo_need_if(r, kind, NULL, key, equals, value);
}

void
samv_repo_set_sink(struct samv_repo *r, struct samv_diags *d)
{
	r->sink = d;
}

void
samv_repo_free(struct samv_repo *r)
{
	size_t i;
	int k;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		samv_doc_free(r->records[i]->doc);
		free(r->records[i]->path);
		free(r->records[i]->id);
		free(r->records[i]);
	}
	free(r->records);
	for (k = 0; k < SAMV_KIND_COUNT; k++)
		samv_map_release(&r->by_id[k]);
	for (i = 0; i < r->absent_n; i++)
		free(r->absent_keys[i]);
	free(r->absent_keys);
	for (i = 0; i < r->n_scope_keys; i++)
		free(r->scope_keys[i]);
	free(r->scope_keys);
	samv_map_release(&r->scopes);
	if (!r->tc_borrowed)
		samv_treecache_free(r->tc);
	if (r->base == NULL) {
		samv_map_release(&r->principals);
		samv_map_release(&r->groups);
	}
	free(r);
}

const char *
samv_repo_principal_name(const struct samv_repo *r, const char *id)
{
	const struct samv_node *n;

	if (id == NULL)
		return NULL;
	n = samv_map_get(&r->principals, id);
	if (n == NULL)
		n = samv_map_get(&r->groups, id);
	return n && samv_node_getstr(n, "name") ? samv_node_getstr(n, "name") :
	    id;
}

const char *
samv_repo_body_name(const struct samv_repo *r, const char *id)
{
	const char *n = samv_node_getstr(samv_record_root(samv_repo_get(r,
	    SAMV_KIND_BODY, id)), "name");

	return n ? n : id ? id : "";
}
