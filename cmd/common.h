/* common.h - what every samv-* command does at the terminal */
#ifndef SAMV_CMD_COMMON_H
#define SAMV_CMD_COMMON_H

#include "node.h"
#include "opt.h"

/* Exit codes (DESIGN §5). */
enum {
	EXIT_VALID = 0,
	EXIT_INVALID = 1,
	EXIT_USAGE = 2,
	EXIT_FAILURE_OTHER = 3,
	EXIT_BUSY = 75
};

extern const char *samv_progname;	/* "samv check" */

/*
 * Parses argv against spec; prints usage and exits 0 on --help, prints
 * the error and a usage hint and exits 2 on a usage error.
 */
void cmd_parse(const struct samv_command_spec *spec, int argc, char **argv,
    struct samv_args *out);
/* Prints "samv CMD: message" to stderr and exits with code. */
void cmd_die(int code, const char *fmt, ...)
    __attribute__((format(printf, 2, 3), noreturn));
void cmd_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Usage error: message, hint, exit 2. */
void cmd_usage_error(const struct samv_command_spec *spec, const char *fmt,
    ...) __attribute__((format(printf, 2, 3), noreturn));
/* GNU-style diagnostics to fp: path:line:col: severity: msg [rule]. */
void cmd_print_diags(const struct samv_diags *d, FILE *fp, int strict);
/* The same as a JSON document. */
void cmd_print_diags_json(const struct samv_diags *d, FILE *fp, int strict);
/* Flushes stdout and exits with code, or 3 if stdout could not be written. */
void cmd_exit(int code) __attribute__((noreturn));
/* Writes s as a JSON string literal. */
void cmd_json_string(FILE *fp, const char *s);

#endif

/* --- the write path, as every changing command uses it ------------- */
#include "write.h"

/* Opens and locks the repository; exits 75 when busy, 3 otherwise. */
struct samv_write *cmd_write_begin(void);
/*
 * Validates each changed record (YAML, schema) and commits them as one
 * commit; prints findings and exits 1 when a record is invalid, 75 when
 * busy, 3 on other failures; nothing is written then. After the commit,
 * prints rule findings about the changed files to stderr as warnings.
 */
void cmd_write_commit(struct samv_write *w, const struct samv_change *ch,
    size_t n, const char *msg);
/* The verbs of a command with verbs (samv meeting new …). */
struct cmd_verb {
	const char *verb;
	int (*fn)(int argc, char **argv);	/* argv[0] is the verb */
	const char *summary;
};

/* Runs the verb named by argv[1], or prints the verbs; never returns. */
void cmd_run_verbs(const char *cmd, const struct cmd_verb *verbs, int argc,
    char **argv) __attribute__((noreturn));

/*
 * Loads every record for a read command: from git revision rev, or
 * (rev NULL) from the work tree found upward from the current directory.
 * Exits 3 when neither can be read. Free with samv_repo_free() and
 * samv_source_free(*src).
 */
struct samv_repo *cmd_load_repo(const char *rev, struct samv_source **src);
/* The same, opened lazily: records are read as they are looked up or
 * needed (samv_repo_need). */
struct samv_repo *cmd_open_repo(const char *rev, struct samv_source **src);

/* A canonical meeting id from user input, or exit 2. */
char *cmd_meeting_id(const struct samv_command_spec *spec, const char *arg);

/*
 * Lets the user edit text (a record of kind, to be written at path) in
 * $VISUAL or $EDITOR until it parses and validates against its schema,
 * or they abort (as visudo does): exits 1 on abort, 3 when the editor
 * fails. Takes ownership of text and returns the edited text
 * (allocated; its length in *len).
 */
#include "ids.h"
char *cmd_edit_loop(const char *path, enum samv_kind kind, char *text,
    size_t *len);
