/* rules.h - the rules beyond the schema, each with a stable id */
#ifndef SAMV_RULES_H
#define SAMV_RULES_H

#include "node.h"
#include "records.h"

struct samv_rule_info {
	const char *id;
	enum samv_severity severity;	/* the usual severity */
	const char *summary;
};

/* Every rule samv check knows, terminated by id NULL (for --help, docs). */
extern const struct samv_rule_info samv_rules[];

/*
 * Runs every cross-record rule over r (records that failed their schema
 * are skipped by the rules that need their fields). Findings go to d.
 * today is used for open-ended terms (days since 1970-01-01).
 */
void samv_rules_run(const struct samv_repo *r, long today,
    struct samv_diags *d);

#endif
