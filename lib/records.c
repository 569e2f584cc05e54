/* records.c - load, validate and index every record of a repository */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "pnr.h"
#include "records.h"
#include "schema.h"
#include "schemas.h"
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
	struct samv_load_options opt = { 4 * 1024 * 1024, 0, 0 };
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

struct samv_record *
samv_repo_get(const struct samv_repo *r, enum samv_kind kind, const char *id)
{
	if (kind < 0 || kind >= SAMV_KIND_COUNT || id == NULL)
		return NULL;
	return samv_map_get(&r->by_id[kind], id);
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
		while (off < len && buf[off] != '\n')
			off++;
		off++;
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

int
samv_repo_load(struct samv_repo **out, struct samv_source *src,
    const struct samv_load_flags *flags, struct samv_diags *d, char **err)
{
	struct samv_filelist files;
	struct samv_repo *r;
	size_t i;

	*out = NULL;
	if (samv_source_list(src, &files, err) < 0)
		return -1;
	r = samv_xcalloc(1, sizeof(*r));
	r->records = samv_xcalloc(files.n ? files.n : 1, sizeof(*r->records));
	for (i = 0; i < files.n; i++) {
		const char *path = files.v[i].path;
		struct samv_record *rec;
		enum samv_kind kind;
		char *id, *buf;
		size_t len;
		const struct samv_schema *schema;
		size_t nl = strlen(path);

		if (files.v[i].is_link) {
			samv_diags_add(d, path, 0, 0, SAMV_ERROR, "symlink",
			    "symbolic link in the repository is not followed");
			continue;
		}
		kind = samv_path_parse(path, &id);
		if (kind == SAMV_KIND_NONE) {
			if (nl > 5 && strcmp(path + nl - 5, ".yaml") == 0 &&
			    expected_layout(path))
				samv_diags_add(d, path, 0, 0, SAMV_ERROR,
				    "path-id", "not a valid record path; "
				    "expected %s", expected_layout(path));
			else
				samv_diags_add(d, path, 0, 0, SAMV_WARNING,
				    "unknown-file", "not a record file");
			continue;
		}
		rec = samv_xcalloc(1, sizeof(*rec));
		rec->kind = kind;
		rec->path = samv_xstrdup(path);
		rec->id = id;
		r->records[r->n++] = rec;
		if (kind == SAMV_KIND_CONFIG)
			r->config = rec;
		else
			samv_map_put(&r->by_id[kind], rec->id, rec);

		if (samv_source_read(src, path, SAMV_MAX_FILE_SIZE, &buf,
		    &len) < 0) {
			if (errno == EFBIG)
				samv_diags_add(d, path, 1, 1, SAMV_ERROR,
				    "yaml-size", "file is larger than the "
				    "limit of %d bytes", SAMV_MAX_FILE_SIZE);
			else
				samv_diags_add(d, path, 0, 0, SAMV_ERROR, "io",
				    "cannot read: %s", strerror(errno));
			continue;
		}
		if (conflict_markers(rec, buf, len, d)) {
			free(buf);
			continue;
		}
		if (samv_doc_parse(&rec->doc, path, buf, len, NULL, d) < 0) {
			free(buf);
			continue;
		}
		free(buf);
		if (flags && flags->skip_schema)
			continue;
		scan_pnr(rec->doc, rec->doc->root, d);
		schema = samv_schema_for(kind, d);
		if (schema != NULL && samv_schema_validate(schema, rec->doc,
		    rec->doc->root, d) == 0)
			rec->schema_ok = 1;
	}
	samv_filelist_release(&files);
	index_config(r);
	*out = r;
	return 0;
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
	samv_map_release(&r->principals);
	samv_map_release(&r->groups);
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
