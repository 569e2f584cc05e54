/* node.h - the YAML node tree with byte-accurate spans, and diagnostics */
#ifndef SAMV_NODE_H
#define SAMV_NODE_H

#include <stddef.h>
#include <stdarg.h>

/*
 * Diagnostics. The library never prints: it appends findings here and
 * returns a status. Only cmd/ decides how and where to print them.
 */
enum samv_severity {
	SAMV_ERROR = 0,
	SAMV_WARNING = 1
};

struct samv_diag {
	char *path;		/* file the finding is about (owned) */
	unsigned line, col;	/* 1-based; 0 when the whole file is meant */
	enum samv_severity severity;
	char *rule;		/* stable rule id, e.g. "yaml-duplicate-key" (owned) */
	char *msg;		/* lowercase text without final full stop (owned) */
};

struct samv_diags {
	struct samv_diag *v;
	size_t n, cap;
	size_t errors, warnings;
};

#define SAMV_DIAGS_INIT { NULL, 0, 0, 0, 0 }

void samv_diags_add(struct samv_diags *d, const char *path, unsigned line,
    unsigned col, enum samv_severity sev, const char *rule,
    const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void samv_diags_vadd(struct samv_diags *d, const char *path, unsigned line,
    unsigned col, enum samv_severity sev, const char *rule,
    const char *fmt, va_list ap);
/* Sort by path, line, column, rule so that output is deterministic. */
void samv_diags_sort(struct samv_diags *d);
/* Frees the contents; the struct may be reused after. */
void samv_diags_release(struct samv_diags *d);

/*
 * The node tree. Spans are byte offsets into the document's buffer
 * (libyaml's marks count characters; the loader converts them).
 * line and col are 1-based, col counts characters as an editor shows them.
 */
enum samv_node_kind {
	SAMV_NODE_SCALAR,
	SAMV_NODE_SEQ,
	SAMV_NODE_MAP
};

enum samv_scalar_style {
	SAMV_STYLE_PLAIN,	/* may resolve to null, bool, int or float */
	SAMV_STYLE_QUOTED,	/* single or double quoted: always a string */
	SAMV_STYLE_BLOCK	/* literal | or folded >: always a string */
};

/* JSON type of a scalar, resolved the JSON way (not YAML 1.1). */
enum samv_scalar_type {
	SAMV_TYPE_NULL,		/* plain "", "~", "null" */
	SAMV_TYPE_BOOL,		/* plain "true", "false" */
	SAMV_TYPE_INT,		/* plain -?(0|[1-9][0-9]*) */
	SAMV_TYPE_FLOAT,	/* plain JSON number with fraction or exponent */
	SAMV_TYPE_STRING	/* everything else (dates, times, text) */
};

struct samv_span {
	size_t start, end;	/* byte offsets, [start, end) */
	unsigned line, col;	/* of start, 1-based */
	unsigned end_line, end_col;
};

struct samv_pair;

struct samv_node {
	/* kind and style side by side: no padding, 96 bytes a node */
	enum samv_node_kind kind;
	enum samv_scalar_style style;
	struct samv_span span;
	/* scalar (style above) */
	char *str;		/* NUL-terminated value (may contain NUL if quoted \0) */
	size_t len;		/* length of str in bytes */
	/* sequence */
	struct samv_node **items;
	size_t n_items;
	/* mapping, in document order; keys are scalars */
	struct samv_pair *pairs;
	size_t n_pairs;
};

struct samv_pair {
	struct samv_node *key;
	struct samv_node *value;
};

/* A loaded document. All nodes live in its arena and die with it. */
struct samv_doc {
	char *path;		/* as given to the loader (owned) */
	char *buf;		/* the file's bytes, NUL-terminated (owned) */
	size_t len;
	struct samv_node *root;	/* NULL for an empty document */
	struct samv_arena *arena;
};

enum samv_scalar_type samv_node_type(const struct samv_node *n);
/* Lookup of a mapping key; NULL if n is not a map or has no such key. */
const struct samv_node *samv_node_get(const struct samv_node *n, const char *key);
/* The pair holding key, or NULL. */
const struct samv_pair *samv_node_pair(const struct samv_node *n, const char *key);
/* Scalar value as a string, or NULL if n is NULL or not a scalar. */
const char *samv_node_str(const struct samv_node *n);
/* Scalar string of map[key], or NULL. */
const char *samv_node_getstr(const struct samv_node *n, const char *key);
/* Integer value of a plain integer scalar; returns 0 on success. */
int samv_node_int(const struct samv_node *n, long long *out);
/* Number value (int or float). Returns 0 on success. */
int samv_node_number(const struct samv_node *n, double *out);
/* 1 for plain true, 0 for plain false, -1 otherwise. */
int samv_node_bool(const struct samv_node *n);
/* A deep copy of n allocated in a (its strings too). */
struct samv_node *samv_node_copy(struct samv_arena *a,
    const struct samv_node *n);
/* Deep equality as JSON values (type-aware; 1 == 1.0). */
int samv_node_equal(const struct samv_node *a, const struct samv_node *b);

/* Loader limits and refusals. */
#define SAMV_MAX_FILE_SIZE (1024 * 1024)
#define SAMV_MAX_DEPTH 64

struct samv_load_options {
	size_t max_size;	/* 0: SAMV_MAX_FILE_SIZE */
	unsigned max_depth;	/* 0: SAMV_MAX_DEPTH */
	int allow_empty;	/* an empty file is a document with root NULL */
	int char_spans;		/* spans count characters, not bytes: for a
				 * reader that needs only line and column
				 * (samv check), never for an edit */
};

/*
 * Parses buf (len bytes, copied) as one YAML document into *out.
 * path is used in diagnostics only. Refusals (anchors, aliases,
 * duplicate keys, invalid UTF-8, depth, size, several documents) are
 * reported into d with path:line:col and a rule id.
 * Returns 0 on success; -1 with diagnostics on invalid input (*out NULL);
 * -2 on out of memory. The caller frees *out with samv_doc_free().
 */
int samv_doc_parse(struct samv_doc **out, const char *path, const char *buf,
    size_t len, const struct samv_load_options *opt, struct samv_diags *d);
/* Reads and parses a file; -3 (errno set, diag added) if it cannot be read. */
int samv_doc_load(struct samv_doc **out, const char *path,
    const struct samv_load_options *opt, struct samv_diags *d);
void samv_doc_free(struct samv_doc *doc);

#endif
