/* common.c - option parsing, messages, diagnostics output, exit codes */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "common.h"
#include "json.h"
#include "util.h"

const char *samv_progname = "samv";

/* Messages quote arguments and records: never pass their control
 * characters to the terminal. */
static void
vmessage(const char *prefix, const char *fmt, va_list ap)
{
	char *m = samv_xvasprintf(fmt, ap), *v = samv_visible(m);

	fflush(stdout);
	fprintf(stderr, "%s: %s%s\n", samv_progname, prefix, v);
	free(v);
	free(m);
}

void
cmd_die(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	exit(code);
}

void
cmd_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("warning: ", fmt, ap);
	va_end(ap);
}

void
cmd_usage_error(const struct samv_command_spec *spec, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try 'samv %s --help' for more information.\n",
	    spec->name);
	exit(EXIT_USAGE);
}

void
cmd_parse(const struct samv_command_spec *spec, int argc, char **argv,
    struct samv_args *out)
{
	char *err = NULL;

	samv_progname = samv_xasprintf("samv %s", spec->name);
	if (samv_opt_parse(spec, argc, argv, out, &err) < 0)
		cmd_usage_error(spec, "%s", err);
	if (out->help) {
		char *u = samv_opt_usage(spec);

		fputs(u, stdout);
		free(u);
		samv_args_release(out);
		cmd_exit(0);
	}
}

void
cmd_exit(int code)
{
	samv_arena_trim();
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write output: %s\n", samv_progname,
		    strerror(errno));
		exit(EXIT_FAILURE_OTHER);
	}
	exit(code);
}

static const char *
sev_name(enum samv_severity s, int strict)
{
	return s == SAMV_ERROR || strict ? "error" : "warning";
}

void
cmd_print_diags(const struct samv_diags *d, FILE *fp, int strict)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		const struct samv_diag *g = &d->v[i];

		if (g->line)
			fprintf(fp, "%s:%u:%u: %s: %s [%s]\n", g->path, g->line,
			    g->col, sev_name(g->severity, strict), g->msg,
			    g->rule);
		else
			fprintf(fp, "%s: %s: %s [%s]\n", g->path,
			    sev_name(g->severity, strict), g->msg, g->rule);
	}
}

void
cmd_json_string(FILE *fp, const char *s)
{
	struct samv_buf b = SAMV_BUF_INIT;

	samv_json_string(&b, s, strlen(s));
	fwrite(b.s, 1, b.len, fp);
	samv_buf_release(&b);
}

void
cmd_print_diags_json(const struct samv_diags *d, FILE *fp, int strict)
{
	size_t i, errors = 0, warnings = 0;

	for (i = 0; i < d->n; i++) {
		if (d->v[i].severity == SAMV_ERROR || strict)
			errors++;
		else
			warnings++;
	}
	fprintf(fp, "{\n  \"valid\": %s,\n  \"errors\": %zu,\n"
	    "  \"warnings\": %zu,\n  \"diagnostics\": [", errors ? "false" :
	    "true", errors, warnings);
	for (i = 0; i < d->n; i++) {
		const struct samv_diag *g = &d->v[i];

		fprintf(fp, "%s\n    {\"path\": ", i ? "," : "");
		cmd_json_string(fp, g->path);
		fprintf(fp, ", \"line\": %u, \"column\": %u, \"severity\": "
		    "\"%s\", \"rule\": ", g->line, g->col,
		    sev_name(g->severity, strict));
		cmd_json_string(fp, g->rule);
		fputs(", \"message\": ", fp);
		cmd_json_string(fp, g->msg);
		fputc('}', fp);
	}
	fprintf(fp, "%s]\n}\n", d->n ? "\n  " : "");
}

/* --- the write path ------------------------------------------------- */

#include "date.h"
#include "ids.h"
#include "records.h"
#include "rules.h"
#include "schema.h"
#include "source.h"

struct samv_write *
cmd_write_begin(void)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_write *w;
	char *err = NULL;
	int rc = samv_write_begin(&w, ".", &d, &err);

	samv_diags_release(&d);
	if (rc == SAMV_GIT_BUSY)
		cmd_die(EXIT_BUSY, "%s", err);
	if (rc < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	return w;
}

char *
cmd_meeting_id(const struct samv_command_spec *spec, const char *arg)
{
	char *id = NULL;

	if (samv_id_canonical(SAMV_KIND_MEETING, arg, &id) < 0)
		cmd_usage_error(spec, "'%s' is not a meeting id (BODY/YYYY-MM-DD)",
		    arg);
	return id;
}

static void
validate_text(const struct samv_change *c, struct samv_diags *d)
{
	struct samv_doc *doc = NULL;
	enum samv_kind kind;
	char *id = NULL;
	const struct samv_schema *s;

	if (c->data == NULL)
		return;
	kind = samv_path_parse(c->path, &id);
	free(id);
	if (samv_doc_parse(&doc, c->path, c->data, c->len, NULL, d) < 0)
		return;
	if ((s = samv_schema_for(kind, d)) != NULL)
		samv_schema_validate(s, doc, doc->root, d);
	samv_doc_free(doc);
}

void
cmd_write_commit(struct samv_write *w, const struct samv_change *ch,
    size_t n, const char *msg)
{
	struct samv_diags d = SAMV_DIAGS_INIT, after = SAMV_DIAGS_INIT;
	char *err = NULL;
	size_t i;
	samv_day today;
	int rc;

	for (i = 0; i < n; i++)
		validate_text(&ch[i], &d);
	if (d.errors) {
		samv_diags_sort(&d);
		cmd_print_diags(&d, stderr, 0);
		samv_write_end(w);
		cmd_die(EXIT_INVALID, "the change would make an invalid record; "
		    "nothing was written");
	}
	samv_diags_release(&d);
	rc = samv_write_commit(w, ch, n, msg, &err);
	if (rc == SAMV_GIT_BUSY) {
		samv_write_end(w);
		cmd_die(EXIT_BUSY, "%s", err);
	}
	if (rc < 0) {
		samv_write_end(w);
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	}
	/* what the rules now say about the changed files: their bodies'
	 * records are checked, nothing else is read */
	if (samv_date_today(&today) == 0) {
		const char **paths = samv_xcalloc(n + 1, sizeof(*paths));

		for (i = 0; i < n; i++)
			paths[i] = ch[i].path;
		samv_check_paths(w->src, paths, n, today, &after);
		free(paths);
	}
	samv_diags_sort(&after);
	for (i = 0; i < after.n; i++) {
		const struct samv_diag *g = &after.v[i];

		fprintf(stderr, "%s:%u:%u: %s: %s [%s]\n", g->path, g->line,
		    g->col, g->severity == SAMV_ERROR ? "error" : "warning",
		    g->msg, g->rule);
	}
	samv_diags_release(&after);
	free(err);
}

/* --- the editor loop -------------------------------------------------- */

char *
cmd_edit_loop(const char *path, enum samv_kind kind, char *text, size_t *len)
{
	const char *ed = getenv("VISUAL");
	const char *cmd = samv_progname;
	char tmpl[64];
	size_t cl;
	int fd;

	/* /tmp/samv-agenda-XXXXXX.yaml: named after the command */
	if (strncmp(cmd, "samv ", 5) == 0)
		cmd += 5;
	for (cl = 0; cl < 16 && cmd[cl] >= 'a' && cmd[cl] <= 'z'; cl++)
		;
	snprintf(tmpl, sizeof(tmpl), "/tmp/samv-%.*s-XXXXXX.yaml", (int)cl,
	    cmd);

	if (ed == NULL || *ed == '\0')
		ed = getenv("EDITOR");
	if (ed == NULL || *ed == '\0')
		ed = "vi";
	fd = mkstemps(tmpl, 5);
	if (fd < 0 || write(fd, text, *len) != (ssize_t)*len || close(fd) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "cannot write a temporary file: %s",
		    strerror(errno));
	for (;;) {
		struct samv_diags d = SAMV_DIAGS_INIT;
		struct samv_doc *doc = NULL;
		char *cmdline = samv_xasprintf("%s '%s'", ed, tmpl), *buf;
		size_t n;
		int st = system(cmdline), c, answer;

		free(cmdline);
		if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			unlink(tmpl);
			cmd_die(EXIT_FAILURE_OTHER, "the editor failed; nothing "
			    "was written");
		}
		if (samv_read_file(tmpl, SAMV_MAX_FILE_SIZE, &buf, &n) < 0) {
			unlink(tmpl);
			cmd_die(EXIT_FAILURE_OTHER, "cannot read back the "
			    "edited file");
		}
		if (samv_doc_parse(&doc, path, buf, n, NULL, &d) == 0) {
			const struct samv_schema *s = samv_schema_for(
			    kind, &d);

			if (s)
				samv_schema_validate(s, doc, doc->root, &d);
		}
		samv_doc_free(doc);
		if (d.errors == 0) {
			samv_diags_release(&d);
			unlink(tmpl);
			free(text);
			*len = n;
			return buf;
		}
		free(buf);
		samv_diags_sort(&d);
		cmd_print_diags(&d, stderr, 0);
		samv_diags_release(&d);
		fprintf(stderr, "What now? (e)dit again, (a)bort: ");
		fflush(stderr);
		answer = c = getchar();
		while (c != '\n' && c != EOF)
			c = getchar();
		if (answer != 'e' && answer != 'E') {
			unlink(tmpl);
			cmd_die(EXIT_INVALID, "aborted; nothing was written");
		}
	}
}

void
cmd_run_verbs(const char *cmd, const struct cmd_verb *verbs, int argc,
    char **argv)
{
	static char name[64];
	size_t i;

	snprintf(name, sizeof(name), "samv %s", cmd);
	samv_progname = name;	/* cmd_parse names the verb later */
	if (argc < 2 || strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0) {
		printf("usage: samv %s VERB [OPTIONS] [ARGS]\n\nverbs:\n", cmd);
		for (i = 0; verbs[i].verb; i++)
			printf("  %-15s %s\n", verbs[i].verb, verbs[i].summary);
		printf("\n'samv %s VERB --help' shows a verb's options.\n", cmd);
		cmd_exit(argc < 2 ? EXIT_USAGE : 0);
	}
	for (i = 0; verbs[i].verb; i++)
		if (strcmp(argv[1], verbs[i].verb) == 0)
			cmd_exit(verbs[i].fn(argc - 1, argv + 1));
	cmd_die(EXIT_USAGE, "unknown verb '%s'; see 'samv %s --help'", argv[1],
	    cmd);
}

static struct samv_repo *
open_repo(const char *rev, struct samv_source **src, int whole)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_repo *r = NULL;
	char *root = NULL, *err = NULL;

	if (rev) {
		if (samv_source_open_rev(src, ".", rev, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	} else {
		if (samv_find_root(".", &root) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "not a samv repository (no "
			    "samv.yaml here or in any parent directory)");
		samv_source_open_worktree(src, root);
		free(root);
	}
	if (whole) {
		if (samv_repo_load(&r, *src, NULL, &d, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	} else {
		samv_repo_open(&r, *src, &d, &err);
		free(err);
	}
	samv_diags_release(&d);
	return r;
}

struct samv_repo *
cmd_load_repo(const char *rev, struct samv_source **src)
{
	return open_repo(rev, src, 1);
}

struct samv_repo *
cmd_open_repo(const char *rev, struct samv_source **src)
{
	return open_repo(rev, src, 0);
}
