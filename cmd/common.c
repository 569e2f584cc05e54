/* common.c - option parsing, messages, diagnostics output, exit codes */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "util.h"

const char *samv_progname = "samv";

void
cmd_die(int code, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: ", samv_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

void
cmd_warn(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: warning: ", samv_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void
cmd_usage_error(const struct samv_command_spec *spec, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", samv_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nTry 'samv %s --help' for more information.\n",
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
	const unsigned char *p = (const unsigned char *)s;

	fputc('"', fp);
	for (; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", fp);
			break;
		case '\\':
			fputs("\\\\", fp);
			break;
		case '\n':
			fputs("\\n", fp);
			break;
		case '\t':
			fputs("\\t", fp);
			break;
		case '\r':
			fputs("\\r", fp);
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(fp, "\\u%04x", *p);
			else
				fputc(*p, fp);
		}
	}
	fputc('"', fp);
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
