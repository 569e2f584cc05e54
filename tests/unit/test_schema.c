/* test_schema.c - schema messages, locations and regex dialect (TAP) */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node.h"
#include "schema.h"
#include "tap.h"
#include "util.h"

/* "line:col: message [rule]" lines, sorted as samv prints them. */
static char *
render_diags(struct samv_diags *d)
{
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i;

	samv_diags_sort(d);
	for (i = 0; i < d->n; i++)
		samv_buf_printf(&b, "%u:%u: %s [%s]\n", d->v[i].line,
		    d->v[i].col, d->v[i].msg, d->v[i].rule);
	return samv_buf_detach(&b, NULL);
}

static void
show_mismatch(const char *got, const char *want)
{
	const char *p;

	printf("#   expected:\n");
	for (p = want; *p; p = strchr(p, '\n') + 1)
		printf("#     %.*s\n", (int)(strchr(p, '\n') - p), p);
	printf("#   got:\n");
	for (p = got; *p; p = strchr(p, '\n') + 1)
		printf("#     %.*s\n", (int)(strchr(p, '\n') - p), p);
}

static struct samv_doc *
parse(const char *path, const char *text, struct samv_diags *d)
{
	struct samv_load_options opt = { 0, 0, 1, 0 };
	struct samv_doc *doc = NULL;

	if (samv_doc_parse(&doc, path, text, strlen(text), &opt, d) != 0)
		return NULL;
	return doc;
}

/* want_rc for a schema that must not compile */
#define NO_SCHEMA (-100)

/*
 * Compiles schema, validates instance, and compares the verdict and
 * every finding. With want_rc NO_SCHEMA compiling must fail with want.
 */
static void
check(const char *name, const char *schema, const char *instance,
    int want_rc, const char *want)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *sdoc = NULL, *idoc = NULL;
	struct samv_schema *s = NULL;
	char *got = NULL;
	int rc, quick, pass;

	if ((sdoc = parse("schema.yaml", schema, &d)) == NULL) {
		ok(0, "%s", name);
		printf("#   the test's schema does not load\n");
		goto done;
	}
	rc = samv_schema_compile(&s, sdoc, &d);
	/* The compiled schema must not need its document any more. */
	samv_doc_free(sdoc);
	sdoc = NULL;
	if (rc < 0 || want_rc == NO_SCHEMA) {
		got = render_diags(&d);
		pass = rc < 0 && want_rc == NO_SCHEMA && strcmp(got, want) == 0;
		ok(pass, "%s", name);
		if (!pass) {
			printf("#   compile returned %d\n", rc);
			show_mismatch(got, want);
		}
		goto done;
	}
	if ((idoc = parse("meeting.yaml", instance, &d)) == NULL) {
		ok(0, "%s", name);
		printf("#   the test's instance does not load\n");
		goto done;
	}
	rc = samv_schema_validate(s, idoc, idoc->root, &d);
	quick = samv_schema_validate(s, idoc, idoc->root, NULL);
	got = render_diags(&d);
	pass = rc == want_rc && quick == rc && strcmp(got, want) == 0;
	ok(pass, "%s", name);
	if (!pass) {
		printf("#   returned %d (verdict only %d), expected %d\n", rc,
		    quick, want_rc);
		show_mismatch(got, want);
	}
done:
	free(got);
	samv_schema_free(s);
	samv_doc_free(sdoc);
	samv_doc_free(idoc);
	samv_diags_release(&d);
}

/* A one-keyword pattern schema against one string. */
static void
check_pattern(const char *pattern, const char *subject, int want_match)
{
	char *schema, *inst, *name, *want;

	schema = samv_xasprintf("pattern: '%s'\n", pattern);
	inst = samv_xasprintf("\"%s\"\n", subject);
	name = samv_xasprintf("pattern /%s/ %s \"%s\"", pattern,
	    want_match ? "matches" : "does not match", subject);
	want = want_match ? samv_xstrdup("") : samv_xasprintf("1:1: the "
	    "document does not match %s [schema]\n", pattern);
	check(name, schema, inst, !want_match, want);
	free(schema);
	free(inst);
	free(name);
	free(want);
}

static const char meeting[] =
    "title: Meeting\n"
    "type: object\n"
    "additionalProperties: false\n"
    "required: [title, date, kind]\n"
    "properties:\n"
    "  title: {type: string, minLength: 1}\n"
    "  date: {type: string, format: date}\n"
    "  kind: {enum: [ordinary, extra, constituent]}\n"
    "  id: {type: string, pattern: '^[a-z0-9][a-z0-9-]*$'}\n"
    "  count: {type: integer, minimum: 0}\n"
    "  secret: false\n"
    "  attendees:\n"
    "    type: array\n"
    "    uniqueItems: true\n"
    "    items:\n"
    "      type: object\n"
    "      additionalProperties: false\n"
    "      required: [name]\n"
    "      properties:\n"
    "        name: {type: string}\n"
    "        role: {type: string}\n"
    "  actions:\n"
    "    type: array\n"
    "    items:\n"
    "      type: object\n"
    "      properties:\n"
    "        due:\n"
    "          anyOf:\n"
    "            - {type: string, format: date}\n"
    "            - {enum: [ongoing, recurring]}\n";

static void
test_meeting(void)
{
	check("a valid meeting has no findings", meeting,
	    "title: Styrgrupp\n"
	    "date: 2021-10-08\n"
	    "kind: ordinary\n"
	    "attendees:\n"
	    "  - name: Anna\n"
	    "  - name: Berit\n"
	    "    role: chair\n"
	    "actions:\n"
	    "  - due: ongoing\n"
	    "  - due: 2021-11-01\n",
	    0, "");
	check("unknown key at the key, with the title and a suggestion",
	    meeting,
	    "titel: Styrgrupp\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n",
	    1,
	    "1:1: missing required key 'title' [schema]\n"
	    "1:1: unknown key 'titel' in meeting (did you mean 'title'?) "
	    "[schema]\n");
	check("missing key at the mapping", meeting,
	    "date: 2021-10-08\n"
	    "kind: extra\n",
	    1, "1:1: missing required key 'title' [schema]\n");
	check("enum names the key and the values", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind:   weekly\n",
	    1,
	    "3:9: 'kind' must be one of: ordinary, extra, constituent "
	    "[schema]\n");
	check("type of a date given as a number", meeting,
	    "title: x\n"
	    "date: 20211008\n"
	    "kind: extra\n",
	    1, "2:7: 'date' must be a string, not an integer [schema]\n");
	check("type with a quoting hint", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "id: 2021\n",
	    1,
	    "4:5: 'id' must be a string, not an integer (put it in quotes "
	    "if it is meant as text) [schema]\n");
	check("an empty value is named as such", meeting,
	    "title:\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n",
	    1, "1:7: 'title' must be a string, not empty [schema]\n");
	check("minLength 1 reads as must not be empty", meeting,
	    "title: ''\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n",
	    1, "1:8: 'title' must not be empty [schema]\n");
	check("pattern", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "id: Styrgrupp\n",
	    1,
	    "4:5: 'id' does not match ^[a-z0-9][a-z0-9-]*$ [schema]\n");
	check("minimum shows the number as written in the schema", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "count: -1\n",
	    1, "4:8: 'count' must be at least 0 [schema]\n");
	check("a false property is not allowed, at its key", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "secret: 1\n",
	    1, "4:1: 'secret' is not allowed here [schema]\n");
	check("findings in list items name the item and the list", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "attendees:\n"
	    "  - name: Anna\n"
	    "  - nme: Berit\n",
	    1,
	    "6:5: missing required key 'name' in item 2 of 'attendees' "
	    "[schema]\n"
	    "6:5: unknown key 'nme' in item 2 of 'attendees' (did you mean "
	    "'name'?) [schema]\n");
	check("duplicate list items", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "attendees:\n"
	    "  - name: Anna\n"
	    "  - name: Anna\n",
	    1, "6:5: item 2 of 'attendees' repeats item 1 (line 5) "
	    "[schema]\n");
	check("anyOf gives one summary line", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "actions:\n"
	    "  - due: 2021-11-01\n"
	    "  - due: soon\n",
	    1,
	    "6:10: 'due' must be a date, or one of: ongoing, recurring "
	    "[schema]\n");
	check("anyOf summary also for an impossible date", meeting,
	    "title: x\n"
	    "date: 2021-10-08\n"
	    "kind: extra\n"
	    "actions:\n"
	    "  - due: 2021-02-30\n",
	    1,
	    "5:10: 'due' must be a date, or one of: ongoing, recurring "
	    "[schema]\n");
	check("an empty document", meeting, "", 1,
	    "0:0: the document must be a mapping, not empty [schema]\n");
	check("a list where a mapping belongs", meeting, "- a\n- b\n", 1,
	    "1:1: the document must be a mapping, not a list [schema]\n");
	check("a flow mapping reports inner columns", meeting,
	    "{title: x, date: 2021-10-08, kind: [extra]}\n", 1,
	    "1:36: 'kind' must be one of: ordinary, extra, constituent "
	    "[schema]\n");
}

static void
test_dates(void)
{
	static const char schema[] = "properties:\n"
	    "  date: {type: string, format: date}\n";
	static const struct {
		const char *date;
		const char *want;
	} cases[] = {
		{ "2020-02-29", "" },
		{ "2000-02-29", "" },
		{ "2021-12-31", "" },
		{ "2021-02-29", "1:7: 'date' is not a valid date: 2021-02-29 "
		    "[schema]\n" },
		{ "1900-02-29", "1:7: 'date' is not a valid date: 1900-02-29 "
		    "[schema]\n" },
		{ "2021-02-30", "1:7: 'date' is not a valid date: 2021-02-30 "
		    "[schema]\n" },
		{ "2021-04-31", "1:7: 'date' is not a valid date: 2021-04-31 "
		    "[schema]\n" },
		{ "2021-13-01", "1:7: 'date' is not a valid date: 2021-13-01 "
		    "[schema]\n" },
		{ "2021-00-10", "1:7: 'date' is not a valid date: 2021-00-10 "
		    "[schema]\n" },
		{ "2021-10-00", "1:7: 'date' is not a valid date: 2021-10-00 "
		    "[schema]\n" },
		{ "8/10/2021", "1:7: 'date' is not a valid date: 8/10/2021 "
		    "(write YYYY-MM-DD) [schema]\n" },
		{ "2021-10-8", "1:7: 'date' is not a valid date: 2021-10-8 "
		    "(write YYYY-MM-DD) [schema]\n" },
		{ "2021-10-08T10:00", "1:7: 'date' is not a valid date: "
		    "2021-10-08T10:00 (write YYYY-MM-DD) [schema]\n" },
	};
	size_t i;
	char *inst, *name;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		inst = samv_xasprintf("date: %s\n", cases[i].date);
		name = samv_xasprintf("date %s is %s", cases[i].date,
		    cases[i].want[0] ? "invalid" : "valid");
		check(name, schema, inst, cases[i].want[0] != '\0',
		    cases[i].want);
		free(inst);
		free(name);
	}
}

static void
test_logic(void)
{
	static const char shapes[] =
	    "properties:\n"
	    "  who:\n"
	    "    anyOf:\n"
	    "      - {type: string}\n"
	    "      - type: object\n"
	    "        required: [name]\n"
	    "        properties: {name: {type: string}}\n";

	check("anyOf: the one branch of the right type explains", shapes,
	    "who:\n  nam: Anna\n", 1,
	    "2:3: missing required key 'name' in 'who' [schema]\n");
	check("anyOf: a value of no allowed type gets a summary", shapes,
	    "who: [Anna]\n", 1,
	    "1:6: 'who' must be a string, or a mapping [schema]\n");
	check("anyOf: no description possible falls back to the closest",
	    "anyOf:\n"
	    "  - {required: [a]}\n"
	    "  - {required: [b, c]}\n",
	    "d: 1\n", 1,
	    "1:1: missing required key 'a' [schema]\n"
	    "1:1: the document does not match any allowed form; form 1 "
	    "comes closest [schema]\n");
	check("anyOf: two mapping forms point at the closest one",
	    "anyOf:\n"
	    "  - {type: object, required: [a, b]}\n"
	    "  - {type: object, required: [c]}\n",
	    "d: 1\n", 1,
	    "1:1: missing required key 'c' [schema]\n"
	    "1:1: the document does not match any allowed form; form 2 "
	    "comes closest [schema]\n");
	check("anyOf: titled forms are named, with their example",
	    "definitions:\n"
	    "  decision_id: {title: Decision id, type: string, maxLength: 80,\n"
	    "    pattern: '^[a-z0-9-]+/[0-9]{4}/[0-9]+$',\n"
	    "    examples: [svom/2021/9]}\n"
	    "  assignment_id: {title: Assignment id, type: string,\n"
	    "    pattern: '^[a-z0-9-]+/[0-9]{4}/[a-z-]+$'}\n"
	    "items:\n"
	    "  anyOf:\n"
	    "    - $ref: '#/definitions/decision_id'\n"
	    "    - $ref: '#/definitions/assignment_id'\n",
	    "- svom/2021/9\n- svom/2021\n", 1,
	    "2:3: item 2 of the document must be a decision id such as "
	    "svom/2021/9, or an assignment id [schema]\n");
	check("format date is reported instead of its pattern",
	    "type: string\nformat: date\n"
	    "pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'\n",
	    "1/10\n", 1,
	    "1:1: the document is not a valid date: 1/10 (write YYYY-MM-DD) "
	    "[schema]\n");
	check("oneOf: more than one match",
	    "oneOf: [{type: integer}, {minimum: 2}]\n", "3\n", 1,
	    "1:1: the document matches more than one allowed form (forms 1 "
	    "and 2) [schema]\n");
	check("not: described",
	    "properties: {kind: {not: {enum: [draft]}}}\n", "kind: draft\n", 1,
	    "1:7: 'kind' must not be draft [schema]\n");
	check("if/then reports the then branch",
	    "if: {properties: {kind: {const: extra}}}\n"
	    "then: {required: [reason]}\n",
	    "kind: extra\n", 1,
	    "1:1: missing required key 'reason' [schema]\n");
	check("dependencies",
	    "dependencies: {end: [start]}\n", "end: '16:00'\n", 1,
	    "1:1: key 'start' is required when 'end' is given [schema]\n");
	check("propertyNames names the key",
	    "propertyNames: {pattern: '^[a-z_]+$'}\n", "ok_key: 1\nBad: 2\n",
	    1, "2:1: key 'Bad' does not match ^[a-z_]+$ [schema]\n");
	check("propertyNames sees a plain 2021 key as a string",
	    "propertyNames: {type: string, maxLength: 4}\n", "2021: x\n", 0,
	    "");
	check("additionalItems false, at the first extra item",
	    "items: [{type: string}]\nadditionalItems: false\n",
	    "- a\n- b\n", 1,
	    "2:3: item 2 of the document is one too many: at most 1 item is "
	    "allowed [schema]\n");
	check("contains",
	    "contains: {const: chair}\n", "[member, guest]\n", 1,
	    "1:1: the document must contain an item that is chair "
	    "[schema]\n");
	check("endless recursion is an internal error",
	    "allOf: [{$ref: '#'}]\n", "1\n", -1,
	    "1:1: the document cannot be checked: the schema recurses "
	    "without end [schema]\n");
}

static void
test_numbers_and_strings(void)
{
	check("1.0 is an integer", "type: integer\n", "1.0\n", 0, "");
	check("1.5 is not an integer", "type: integer\n", "1.5\n", 1,
	    "1:1: the document must be an integer, not a number [schema]\n");
	check("enum compares as JSON: 1 equals 1.0", "enum: [1, two]\n",
	    "1.0\n", 0, "");
	check("a quoted 1 is a string", "enum: [1]\n", "'1'\n", 1,
	    "1:1: the document must be 1 [schema]\n");
	check("maxLength counts code points", "maxLength: 3\n", "åäö\n", 0,
	    "");
	check("maxLength counts code points (too long)", "maxLength: 3\n",
	    "åäöx\n", 1,
	    "1:1: the document must be at most 3 characters long "
	    "[schema]\n");
	check("multipleOf with binary fractions", "multipleOf: 0.01\n",
	    "19.99\n", 0, "");
	check("multipleOf with large numbers", "multipleOf: 2\n",
	    "20000000001\n", 1,
	    "1:1: the document must be a multiple of 2 [schema]\n");
	check("multipleOf 0.1", "items: {multipleOf: 0.1}\n",
	    "[0.3, 1e3, 7.7, 0.30000000000000004]\n", 0,
	    "");
}

static void
test_compile_errors(void)
{
	check("unsupported keyword at its key",
	    "type: object\n"
	    "properties:\n"
	    "  contains: {type: string}\n"
	    "  minimum: {contentMediaType: text/plain}\n",
	    NULL, NO_SCHEMA,
	    "4:13: unsupported schema keyword 'contentMediaType' "
	    "[schema-keyword]\n");
	check("a misspelt keyword is an error, not ignored",
	    "type: object\nrequird: [a]\n", NULL, NO_SCHEMA,
	    "2:1: unsupported schema keyword 'requird' [schema-keyword]\n");
	check("names in definitions, patternProperties and data are no "
	    "keywords",
	    "definitions: {format: {type: string}}\n"
	    "patternProperties: {'^enum': {$ref: '#/definitions/format'}}\n"
	    "dependencies: {title: {required: [x]}}\n"
	    "default: {titel: 1, foo: [bar]}\n"
	    "examples: [{contains: 1}]\n"
	    "enum: [{bogus: 1}]\n"
	    "const: {bogus: 1}\n",
	    "{bogus: 1}\n", 0, "");
	check("a remote $ref", "$ref: 'http://example.com/s.json'\n", NULL,
	    NO_SCHEMA,
	    "1:7: unsupported $ref 'http://example.com/s.json' (only local "
	    "references like #/definitions/name) [schema-ref]\n");
	check("an anchor $ref", "$ref: '#foo'\n", NULL, NO_SCHEMA,
	    "1:7: unsupported $ref '#foo' (only local references like "
	    "#/definitions/name) [schema-ref]\n");
	check("a $ref below a nested $id",
	    "definitions:\n"
	    "  a: {$id: 'http://x/y', items: {$ref: '#/definitions/b'}}\n"
	    "  b: {}\n",
	    NULL, NO_SCHEMA,
	    "2:40: unsupported $ref '#/definitions/b' (below a nested $id) "
	    "[schema-ref]\n");
	check("a $ref leading nowhere", "$ref: '#/definitions/x'\n", NULL,
	    NO_SCHEMA,
	    "1:7: $ref '#/definitions/x' leads nowhere [schema-ref]\n");
	check("a circular $ref",
	    "definitions:\n"
	    "  a: {$ref: '#/definitions/b'}\n"
	    "  b: {$ref: '#/definitions/a'}\n",
	    NULL, NO_SCHEMA,
	    "2:13: circular $ref '#/definitions/b' [schema-ref]\n"
	    "3:13: circular $ref '#/definitions/a' [schema-ref]\n");
	check("bad keyword values",
	    "type: [string, text]\nminLength: -1\nrequired: name\n"
	    "$schema: 'http://json-schema.org/draft-04/schema#'\n",
	    NULL, NO_SCHEMA,
	    "1:16: unknown type 'text' [schema-invalid]\n"
	    "2:12: 'minLength' must be a non-negative integer "
	    "[schema-invalid]\n"
	    "3:11: 'required' must be a list of strings [schema-invalid]\n"
	    "4:10: unsupported $schema "
	    "'http://json-schema.org/draft-04/schema#' (samv implements "
	    "draft-07) [schema-keyword]\n");
	check("unsupported regular expressions",
	    "properties:\n"
	    "  a: {pattern: '(?=x)'}\n"
	    "  b: {pattern: '(a)\\1'}\n"
	    "  c: {pattern: '\\p{L}'}\n"
	    "  d: {pattern: '[a'}\n",
	    NULL, NO_SCHEMA,
	    "2:16: unsupported regular expression '(?=x)': lookaround and "
	    "named groups are not supported [schema-pattern]\n"
	    "3:16: unsupported regular expression '(a)\\1': backreferences "
	    "are not supported [schema-pattern]\n"
	    "4:16: unsupported regular expression '\\p{L}': Unicode property "
	    "escapes are not supported [schema-pattern]\n"
	    "5:16: unsupported regular expression '[a': unterminated [ "
	    "[schema-pattern]\n");
}

static void
test_pointers(void)
{
	static const char schema[] =
	    "definitions:\n"
	    "  'a/b': {type: integer}\n"
	    "  'c~d': {type: string}\n"
	    "  'e%f': {type: boolean}\n"
	    "properties:\n"
	    "  w: {items: [{type: 'null'}, {$ref: '#/properties/w/items/0'}]}\n"
	    "  x: {$ref: '#/definitions/a~1b'}\n"
	    "  y: {$ref: '#/definitions/c~0d'}\n"
	    "  z: {$ref: '#/definitions/e%25f'}\n"
	    "  n: {$ref: '#/properties/x'}\n";

	check("$ref pointers with ~1 ~0 %25", schema,
	    "x: 1\ny: s\nz: true\nn: 2\nw: [null, ~]\n", 0, "");
	check("$ref pointers with ~1 ~0 %25 (invalid)", schema,
	    "x: s\ny: 1\nz: 1\nn: s\nw: [null, 0]\n", 1,
	    "1:4: 'x' must be an integer, not a string [schema]\n"
	    "2:4: 'y' must be a string, not an integer (put it in quotes if "
	    "it is meant as text) [schema]\n"
	    "3:4: 'z' must be true or false, not an integer [schema]\n"
	    "4:4: 'n' must be an integer, not a string [schema]\n"
	    "5:11: item 2 of 'w' must be empty, not an integer [schema]\n");
}

static void
test_patterns(void)
{
	check_pattern("^\\d{4}$", "2021", 1);
	check_pattern("^\\d{4}$", "20a1", 0);
	check_pattern("^\\d+$", "\xd9\xa2\xd9\xa0", 0);
	check_pattern("^[^a]$", "ä", 1);
	check_pattern("^[^a]$", "a", 0);
	check_pattern("^.$", "ä", 1);
	check_pattern("^.$", "💩", 1);
	check_pattern("^.$", "\\n", 0);
	check_pattern("^a.c$", "a\\u2028c", 0);
	check_pattern("^[α-ω]+$", "αβγ", 1);
	check_pattern("^[α-ω]+$", "abc", 0);
	check_pattern("^[\\u00e0-\\u00ff]$", "ä", 1);
	check_pattern("^\\w+$", "abc_1", 1);
	check_pattern("^\\w+$", "åäö", 0);
	check_pattern("^\\S+$", "a b", 0);
	check_pattern("^[\\s\\d]+$", "1 2\\t3", 1);
	check_pattern("^[\\D]$", "a", 1);
	check_pattern("^[\\D]$", "1", 0);
	check_pattern("^[\\w-.]+$", "a-b.c", 1);
	check_pattern("^[\\]\\-^]+$", "]-^", 1);
	check_pattern("^[\\[]$", "[", 1);
	check_pattern("a{", "xa{", 1);
	check_pattern("^a{2}$", "aa", 1);
	check_pattern("^(?:ab)+$", "abab", 1);
	check_pattern("^a+?$", "aaa", 1);
	check_pattern("^\\u00e4$", "ä", 1);
	check_pattern("^\\ud83d\\udca9$", "💩", 1);
	check_pattern("^ä+$", "ää", 1);
	check_pattern("\\bfoo\\b", "a foo b", 1);
	check_pattern("\\bfoo\\b", "afoob", 0);
	check_pattern("^\\/\\.x$", "/.x", 1);
	check_pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$", "13:00", 1);
	check_pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$", "24:00", 0);
	/* Ranges crossing the UTF-8 length classes. */
	check_pattern("^[^\\x01-\\x7f]+$", "ä€💩", 1);
	check_pattern("^[^\\x01-\\x7f]+$", "aä", 0);
	check_pattern("^[\\u07ff-\\u0801]+$", "\\u07ff\\u0800\\u0801", 1);
	check_pattern("^[\\u07ff-\\u0801]+$", "\\u0802", 0);
	check_pattern("^[\\uffff-\\ud83d\\ude00]+$", "\\uffff\\U00010000", 1);
	check_pattern("^[\\uffff-\\ud83d\\ude00]+$", "\\ufffe", 0);
	check_pattern("^[\\ud7ff-\\ue000]+$", "\\ud7ff\\ue000", 1);
}

static int
deny_minimum(const struct samv_doc *doc, const struct samv_node *schema,
    const struct samv_pair *kw, struct samv_diags *d, void *arg)
{
	(void)schema;
	++*(int *)arg;
	if (strcmp(kw->key->str, "minimum") != 0)
		return 0;
	samv_diags_add(d, doc->path, kw->key->span.line, kw->key->span.col,
	    SAMV_ERROR, "test", "no minimum here");
	return 1;
}

static void
test_api(void)
{
	struct samv_schema_options opt = SAMV_SCHEMA_OPTIONS_INIT;
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_schema *s = NULL;
	struct samv_doc *doc;
	const struct samv_node *sub;
	char *got;
	int count = 0, rc;

	doc = parse("s.yaml",
	    "title: Body\n"
	    "properties:\n"
	    "  a: {type: integer, minimum: 1}\n"
	    "  b: {title: B, enum: [x]}\n", &d);
	opt.keyword = deny_minimum;
	opt.arg = &count;
	rc = samv_schema_compile_opts(&s, doc, doc->root, &opt, &d);
	got = render_diags(&d);
	ok(rc == -1 && s == NULL && count == 6 &&
	    strcmp(got, "3:22: no minimum here [test]\n") == 0,
	    "the keyword callback sees every keyword and can refuse");
	free(got);
	samv_diags_release(&d);

	rc = samv_schema_compile(&s, doc, &d);
	ok(rc == 0 && s != NULL && strcmp(samv_schema_title(s), "body") == 0,
	    "the title is kept, first letter lowercased for messages");
	samv_schema_free(s);
	s = NULL;

	sub = samv_node_get(samv_node_get(doc->root, "properties"), "b");
	rc = samv_schema_compile_node(&s, doc, sub, &d);
	ok(rc == 0 && strcmp(samv_schema_title(s), "b") == 0 &&
	    samv_schema_validate(s, doc, NULL, NULL) == 1,
	    "a subtree compiles as a schema of its own");
	samv_schema_free(s);
	samv_schema_free(NULL);
	samv_doc_free(doc);
	samv_diags_release(&d);
}

int
main(void)
{
	int rc;

	test_meeting();
	test_dates();
	test_logic();
	test_numbers_and_strings();
	test_compile_errors();
	test_pointers();
	test_patterns();
	/* Matching must not depend on the process locale. */
	if (setlocale(LC_ALL, "C.UTF-8") != NULL)
		test_patterns();
	setlocale(LC_ALL, "C");
	test_api();
	rc = tap_done();
	if (fflush(stdout) != 0 || ferror(stdout))
		return 2;
	return rc;
}
