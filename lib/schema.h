/* schema.h - JSON Schema (a draft-07 subset): compile once, validate trees */
#ifndef SAMV_SCHEMA_H
#define SAMV_SCHEMA_H

#include "node.h"

/*
 * A compiled schema. It copies what it needs (names, enum and const
 * values, compiled regular expressions) into its own storage, so the
 * schema document may be freed right after compiling. A compiled schema
 * is read-only during validation and may be shared between threads.
 *
 * Implemented keywords: $schema (draft-07 only), $id, $ref, $comment,
 * definitions, title, description, examples, default, readOnly,
 * writeOnly, type, properties, required, additionalProperties,
 * patternProperties, items (schema and tuple form), additionalItems,
 * contains, enum, const, pattern, format, minLength, maxLength, minimum,
 * maximum, exclusiveMinimum, exclusiveMaximum (draft-07 numeric form),
 * multipleOf, minItems, maxItems, uniqueItems, minProperties,
 * maxProperties, anyOf, oneOf, allOf, not, dependencies (both forms),
 * propertyNames, if, then, else.
 *
 * Any other keyword is an error, never silently ignored: a typo in a
 * schema must not switch a check off.
 *
 * $ref: only local JSON pointers ("#", "#/definitions/x", "#/items/0",
 * with ~0 ~1 and %XX decoding) resolved against the root given to
 * compile. Remote references, "#name" anchors and references inside a
 * subschema that changes the base URI with its own $id are refused.
 * As in draft-07, keywords next to $ref are ignored when validating.
 *
 * format: only "date" (RFC 3339 full-date, calendar-checked, years 0001
 * to 9999 as in date.c) is checked; other formats are annotations.
 *
 * pattern, patternProperties: ECMA-262 syntax translated to POSIX
 * extended regular expressions matched byte-wise on UTF-8 (independent
 * of the process locale). Supported: literals, ".", classes with ranges
 * and \d \D \w \W \s \S (also inside []), \b \B, \xHH, \uHHHH (with
 * surrogate pairs), \cX, anchors, groups and (?:...), alternation,
 * greedy and lazy quantifiers (laziness is irrelevant for a yes/no
 * match). Refused with a diagnostic: lookaround, backreferences, named
 * groups, \p{...}, \u{...}, NUL. Code points are matched exactly, also
 * beyond ASCII; \w and \b are ASCII-only, as in ECMA-262. A value
 * holding NUL (a quoted "\0") is matched in full only where regexec
 * has REG_STARTEND (glibc, the BSDs).
 *
 * Compile diagnostics carry these rules: "schema-keyword" (unsupported
 * keyword or $schema), "schema-ref" (unsupported or unresolvable $ref),
 * "schema-pattern" (regular expression), "schema-invalid" (a keyword
 * with a value draft-07 does not allow).
 */
struct samv_schema;

struct samv_schema_options {
	unsigned version;
	/*
	 * Called for every implemented keyword of every subschema, in
	 * document order, before it is compiled: schema is the mapping,
	 * kw its key/value pair. A non-zero return makes compilation fail;
	 * the callback adds its own diagnostics to d (which may be NULL).
	 * Used by schema_lint to restrict samv's own schemas further.
	 */
	int (*keyword)(const struct samv_doc *doc,
	    const struct samv_node *schema, const struct samv_pair *kw,
	    struct samv_diags *d, void *arg);
	void *arg;
};

#define SAMV_SCHEMA_OPTIONS_VERSION 1
#define SAMV_SCHEMA_OPTIONS_INIT { SAMV_SCHEMA_OPTIONS_VERSION, NULL, NULL }

/*
 * Compiles doc->root as a schema (a mapping, or true/false).
 * On success returns 0 and *out is owned by the caller, to be freed with
 * samv_schema_free(). On an invalid or unsupported schema returns -1,
 * *out is NULL and diagnostics (path doc->path) are added to d, which
 * may be NULL.
 */
int samv_schema_compile(struct samv_schema **out, const struct samv_doc *doc,
    struct samv_diags *d);
/* The same for a subtree root of doc; "#" in $ref means root. */
int samv_schema_compile_node(struct samv_schema **out,
    const struct samv_doc *doc, const struct samv_node *root,
    struct samv_diags *d);
/* The same with options; opt may be NULL. */
int samv_schema_compile_opts(struct samv_schema **out,
    const struct samv_doc *doc, const struct samv_node *root,
    const struct samv_schema_options *opt, struct samv_diags *d);

/*
 * Findings are worded for the person who edits the file. They name the
 * value by its key ("'kind' must be one of: ordinary, extra"), as a list
 * item ("item 2 of 'attendees' ..."), as a key ("key 'Foo' ...") or as
 * "the document"; an unknown key is reported at the key, with the
 * mapping's schema title and a "did you mean" for a near miss; a missing
 * key at the mapping. A type, enum or const failure is the only finding
 * for that value. anyOf/oneOf evaluate their branches silently and
 * report one line ("'due' must be a date, or one of: ongoing,
 * recurring"; a titled pattern form reads "a decision id such as
 * svom/2021/9") or, when the branches cannot be put in a phrase, the
 * findings of the branch that fits the value's type, or of the closest.
 *
 * Validates instance (a node of doc; NULL means JSON null, e.g. an empty
 * document) against s. Returns 0 when valid, 1 when invalid, -1 on an
 * internal error (a schema that recurses without end; a diagnostic says
 * so). Findings go to d with rule "schema", path doc->path and the
 * line:col of the offending node (of the key for an unknown key). d may
 * be NULL: then only the verdict is computed, stopping at the first
 * failure. Validation allocates only to word findings: a valid instance
 * costs no allocation here (the C library's regexec may use scratch
 * memory of its own).
 */
int samv_schema_validate(const struct samv_schema *s,
    const struct samv_doc *doc, const struct samv_node *instance,
    struct samv_diags *d);

/* The root schema's title, or NULL; owned by s. */
const char *samv_schema_title(const struct samv_schema *s);

/* Frees s and everything it owns; NULL is allowed. */
void samv_schema_free(struct samv_schema *s);

#endif
