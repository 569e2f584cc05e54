/* schema_lint.c - build-time check of samv's own schemas (allowed keywords) */
#include <stdio.h>
#include <string.h>

#include "node.h"
#include "schema.h"

/*
 * Our schemas use a smaller set than the validator implements, so that
 * every editor and peer validator (ajv, python-jsonschema) reads them
 * the same way and each keyword has a tested message.
 */
static const char *const allowed[] = {
	"$schema", "$id", "$ref", "$comment", "definitions", "title",
	"description", "examples", "default", "type", "properties",
	"required", "additionalProperties", "patternProperties", "items",
	"enum", "const", "pattern", "format", "minLength", "maxLength",
	"minimum", "maximum", "minItems", "maxItems", "uniqueItems",
	"minProperties", "anyOf", "oneOf", "allOf", "not"
};

/* Keywords that may stand next to $ref: draft-07 ignores the others. */
static const char *const beside_ref[] = {
	"$ref", "$schema", "$id", "$comment", "definitions", "title",
	"description", "examples", "default"
};

static int
in(const char *const *set, size_t n, const struct samv_node *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(set[i]) == key->len &&
		    memcmp(set[i], key->str, key->len) == 0)
			return 1;
	return 0;
}

static int
lint_keyword(const struct samv_doc *doc, const struct samv_node *schema,
    const struct samv_pair *kw, struct samv_diags *d, void *arg)
{
	const struct samv_node *k = kw->key, *v = kw->value;
	size_t i;
	int bad = 0;

	(void)arg;
	if (!in(allowed, sizeof(allowed) / sizeof(allowed[0]), k)) {
		samv_diags_add(d, doc->path, k->span.line, k->span.col,
		    SAMV_ERROR, "schema-lint",
		    "keyword '%s' is not allowed in samv's schemas", k->str);
		bad = 1;
	}
	if (strcmp(k->str, "format") == 0 && (v->kind != SAMV_NODE_SCALAR ||
	    strcmp(v->str, "date") != 0)) {
		samv_diags_add(d, doc->path, v->span.line, v->span.col,
		    SAMV_ERROR, "schema-lint", "format '%s' is not checked by "
		    "samv; only 'date' is allowed", v->str ? v->str : "?");
		bad = 1;
	}
	if (strcmp(k->str, "$ref") == 0)
		for (i = 0; i < schema->n_pairs; i++) {
			const struct samv_node *o = schema->pairs[i].key;

			if (in(beside_ref, sizeof(beside_ref) /
			    sizeof(beside_ref[0]), o))
				continue;
			samv_diags_add(d, doc->path, o->span.line, o->span.col,
			    SAMV_ERROR, "schema-lint", "'%s' next to $ref is "
			    "ignored in draft-07; use allOf", o->str);
			bad = 1;
		}
	return bad;
}

static int
lint(const char *path, struct samv_diags *d)
{
	struct samv_schema_options opt = SAMV_SCHEMA_OPTIONS_INIT;
	struct samv_doc *doc = NULL;
	struct samv_schema *s = NULL;
	int rc;

	if (samv_doc_load(&doc, path, NULL, d) != 0)
		return -1;
	opt.keyword = lint_keyword;
	rc = samv_schema_compile_opts(&s, doc, doc->root, &opt, d);
	samv_schema_free(s);
	samv_doc_free(doc);
	return rc;
}

int
main(int argc, char **argv)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	size_t i;
	int a, status = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: schema_lint file...\n");
		return 2;
	}
	for (a = 1; a < argc; a++)
		if (lint(argv[a], &d) != 0)
			status = 1;
	samv_diags_sort(&d);
	for (i = 0; i < d.n; i++) {
		const struct samv_diag *g = &d.v[i];

		if (g->line > 0)
			fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", g->path,
			    g->line, g->col, g->severity == SAMV_ERROR ?
			    "error" : "warning", g->msg, g->rule);
		else
			fprintf(stderr, "%s: %s: %s [%s]\n", g->path,
			    g->severity == SAMV_ERROR ? "error" : "warning",
			    g->msg, g->rule);
	}
	if (d.errors > 0)
		status = 1;
	samv_diags_release(&d);
	return status;
}
