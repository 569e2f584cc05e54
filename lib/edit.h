/* edit.h - minimal-diff edits of YAML text, spliced at the loader's spans */
#ifndef SAMV_EDIT_H
#define SAMV_EDIT_H

#include <stddef.h>

#include "emit.h"
#include "node.h"

/*
 * Every edit works on the original bytes: it replaces or inserts text at
 * the byte spans the loader recorded, so comments, key order and the
 * formatting of everything else stay byte for byte. Each function
 * returns the new text (allocated, NUL-terminated; length in *len) and
 * re-parses it, or returns NULL with *err set.
 */

/* Offset of the start of the line holding off. */
size_t samv_edit_line_start(const char *buf, size_t off);

/*
 * End of the block that starts on the line at line_start: the start of
 * the first later line whose content (or comment) is indented less than
 * min_indent columns, or len. Blank lines inside count as the block's.
 */
size_t samv_edit_block_end(const char *buf, size_t len, size_t line_start,
    unsigned min_indent);

/* Column (0-based, in bytes of leading spaces) of the node's line indent
 * where the node starts; for an item of a block sequence, the dash's. */
unsigned samv_edit_dash_indent(const struct samv_doc *doc,
    const struct samv_node *item);

/* Replaces bytes [start, end) of doc's text with ins. */
char *samv_edit_splice(const struct samv_doc *doc, size_t start, size_t end,
    const char *ins, size_t inslen, size_t *len);

/*
 * Sets the scalar at path (keys from the root, NULL-terminated) to value,
 * creating missing mappings on the way as block style at the right
 * indent. Returns the new text, or NULL with *err set.
 */
char *samv_edit_set(const struct samv_doc *doc, const char *const *path,
    const char *value, enum samv_emit_kind kind, size_t *len, char **err);

/*
 * Appends yaml (a block of lines already indented for that place, ending
 * in a newline) as the last entries of the collection at path, or
 * creates the key when it is missing (yaml must then be the value's
 * lines, indented one level deeper than the key). Returns new text.
 */
char *samv_edit_append(const struct samv_doc *doc, const char *const *path,
    const char *yaml, size_t *len, char **err);

/* Indents every line of text by n spaces (allocated). */
char *samv_edit_indent(const char *text, unsigned n);

#endif
