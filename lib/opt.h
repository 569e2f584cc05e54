/* opt.h - declared command-line options shared by every command */
#ifndef SAMV_OPT_H
#define SAMV_OPT_H

#include <stddef.h>

enum samv_opt_kind {
	SAMV_OPT_FLAG,		/* --name */
	SAMV_OPT_VALUE,		/* --name VALUE (last one wins) */
	SAMV_OPT_LIST		/* --name VALUE, may repeat */
};

struct samv_option {
	const char *name;	/* long name without "--"; NULL ends a table */
	char short_name;	/* 0 for none */
	enum samv_opt_kind kind;
	const char *arg;	/* placeholder for the value, e.g. "REV" */
	const char *help;	/* one line */
};

struct samv_command_spec {
	const char *name;	/* "check", or "agenda new" */
	const char *args;	/* positional synopsis, e.g. "[PATH ...]" */
	const char *summary;	/* one line, as in samv --help */
	const struct samv_option *options;
	size_t min_args, max_args;	/* max_args (size_t)-1: unlimited */
};

struct samv_optval {
	int set;
	const char *value;	/* last value (points into argv) */
	const char **values;	/* all values for lists (owned array) */
	size_t n;
};

struct samv_args {
	struct samv_optval *opt;	/* one per option of the spec */
	size_t nopt;
	char **pos;			/* positional arguments (owned array) */
	size_t npos;
	int help;			/* --help or -h was given */
};

/*
 * Parses argv[1..argc-1] against spec. On success returns 0. On a usage
 * error returns -1 and sets *err to an allocated message (caller frees).
 * The caller releases out with samv_args_release().
 */
int samv_opt_parse(const struct samv_command_spec *spec, int argc,
    char **argv, struct samv_args *out, char **err);
void samv_args_release(struct samv_args *a);
/* Index of option name in spec, or -1. */
int samv_opt_index(const struct samv_command_spec *spec, const char *name);
/* The optval for name (which must exist in the spec). */
const struct samv_optval *samv_args_get(const struct samv_args *a,
    const struct samv_command_spec *spec, const char *name);
/* Allocated usage text: synopsis line and the option list. */
char *samv_opt_usage(const struct samv_command_spec *spec);

#endif
