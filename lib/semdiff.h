/* semdiff.h - changes between two versions of a record, in domain words */
#ifndef SAMV_SEMDIFF_H
#define SAMV_SEMDIFF_H

#include <stddef.h>

#include "ids.h"
#include "node.h"

/* Lines of text (each allocated), in the order found. */
struct samv_lines {
	char **v;
	size_t n, cap;
};

void samv_lines_add(struct samv_lines *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void samv_lines_release(struct samv_lines *l);

/*
 * Appends one line per change between old and new (the roots of two
 * versions of the record id of kind; NULL when it did not exist), e.g.
 *   svom/2021/9: adoption ostersund pending → adopted
 *   svom/2021-10-08: item 6 "Nutrition" added
 *   fredagsgruppen: member Anna Andersson (chair) ended 2022-12-31
 * Fields without a domain reading are named by their path:
 *   svom/2021-10-08: place Teams → Storsjöhallen
 */
void samv_semdiff(struct samv_lines *out, enum samv_kind kind, const char *id,
    const struct samv_node *old, const struct samv_node *new);

#endif
