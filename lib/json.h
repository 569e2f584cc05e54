/* json.h - JSON text: strings escaped once, nodes written canonically */
#ifndef SAMV_JSON_H
#define SAMV_JSON_H

#include "node.h"
#include "util.h"

/* Appends s as a JSON string literal (control characters as \u00XX). */
void samv_json_string(struct samv_buf *b, const char *s, size_t n);
/* Appends the node as compact JSON typed as samv types YAML scalars;
 * with sort_keys, mapping keys in byte order (a canonical form). */
void samv_json_node(struct samv_buf *b, const struct samv_node *n,
    int sort_keys);

#endif
