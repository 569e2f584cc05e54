/* opt.c - parse options against a declared table; usage from the table */
#include <stdlib.h>
#include <string.h>

#include "opt.h"
#include "util.h"

static size_t
count_options(const struct samv_command_spec *spec)
{
	size_t n = 0;

	while (spec->options && spec->options[n].name)
		n++;
	return n;
}

int
samv_opt_index(const struct samv_command_spec *spec, const char *name)
{
	size_t i, n = count_options(spec);

	for (i = 0; i < n; i++)
		if (strcmp(spec->options[i].name, name) == 0)
			return (int)i;
	return -1;
}

const struct samv_optval *
samv_args_get(const struct samv_args *a, const struct samv_command_spec *spec,
    const char *name)
{
	static const struct samv_optval none;
	int i = samv_opt_index(spec, name);

	return i < 0 ? &none : &a->opt[i];
}

static void
setval(struct samv_optval *v, const struct samv_option *o, const char *val)
{
	v->set = 1;
	if (o->kind == SAMV_OPT_FLAG)
		return;
	v->value = val;
	if (o->kind == SAMV_OPT_LIST) {
		v->values = samv_xreallocarray(v->values, v->n + 1,
		    sizeof(*v->values));
		v->values[v->n++] = val;
	} else {
		free(v->values);
		v->values = samv_xmalloc(sizeof(*v->values));
		v->values[0] = val;
		v->n = 1;
	}
}

int
samv_opt_parse(const struct samv_command_spec *spec, int argc, char **argv,
    struct samv_args *out, char **err)
{
	size_t n = count_options(spec), i;
	int k, only_pos = 0;

	memset(out, 0, sizeof(*out));
	*err = NULL;
	out->opt = samv_xcalloc(n ? n : 1, sizeof(*out->opt));
	out->nopt = n;
	out->pos = samv_xcalloc((size_t)argc + 1, sizeof(*out->pos));
	for (k = 1; k < argc; k++) {
		const char *a = argv[k];
		const struct samv_option *o = NULL;
		const char *val = NULL;
		size_t nl;

		if (only_pos || a[0] != '-' || a[1] == '\0') {
			out->pos[out->npos++] = argv[k];
			continue;
		}
		if (strcmp(a, "--") == 0) {
			only_pos = 1;
			continue;
		}
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			out->help = 1;
			continue;
		}
		if (a[1] == '-') {
			const char *eq = strchr(a + 2, '=');

			nl = eq ? (size_t)(eq - a - 2) : strlen(a + 2);
			for (i = 0; i < n; i++)
				if (strlen(spec->options[i].name) == nl &&
				    strncmp(spec->options[i].name, a + 2,
				    nl) == 0)
					break;
			if (i == n) {
				*err = samv_xasprintf("unknown option '%.*s'",
				    (int)(nl + 2), a);
				return -1;
			}
			o = &spec->options[i];
			if (eq) {
				if (o->kind == SAMV_OPT_FLAG) {
					*err = samv_xasprintf(
					    "option '--%s' takes no value",
					    o->name);
					return -1;
				}
				val = eq + 1;
			}
		} else {
			for (i = 0; i < n; i++)
				if (spec->options[i].short_name == a[1])
					break;
			if (i == n || a[2] != '\0') {
				*err = samv_xasprintf("unknown option '%s'", a);
				return -1;
			}
			o = &spec->options[i];
		}
		if (o->kind != SAMV_OPT_FLAG && val == NULL) {
			if (k + 1 >= argc) {
				*err = samv_xasprintf(
				    "option '--%s' needs a value (%s)",
				    o->name, o->arg ? o->arg : "VALUE");
				return -1;
			}
			val = argv[++k];
		}
		setval(&out->opt[o - spec->options], o, val);
	}
	if (out->help)
		return 0;
	if (out->npos < spec->min_args) {
		*err = samv_xasprintf("missing argument: %s", spec->args);
		return -1;
	}
	if (out->npos > spec->max_args) {
		*err = samv_xasprintf("unexpected argument '%s'",
		    out->pos[spec->max_args]);
		return -1;
	}
	return 0;
}

void
samv_args_release(struct samv_args *a)
{
	size_t i;

	for (i = 0; i < a->nopt; i++)
		free(a->opt[i].values);
	free(a->opt);
	free(a->pos);
	memset(a, 0, sizeof(*a));
}

char *
samv_opt_usage(const struct samv_command_spec *spec)
{
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i, n = count_options(spec), w = 0;

	samv_buf_printf(&b, "usage: samv %s", spec->name);
	if (n)
		samv_buf_puts(&b, " [OPTIONS]");
	if (spec->args && *spec->args)
		samv_buf_printf(&b, " %s", spec->args);
	samv_buf_printf(&b, "\n\n%s\n", spec->summary);
	if (n == 0)
		return samv_buf_detach(&b, NULL);
	samv_buf_puts(&b, "\noptions:\n");
	for (i = 0; i < n; i++) {
		const struct samv_option *o = &spec->options[i];
		size_t l = strlen(o->name) + (o->arg ? strlen(o->arg) + 1 : 0);

		if (l > w)
			w = l;
	}
	for (i = 0; i < n; i++) {
		const struct samv_option *o = &spec->options[i];
		char *lhs = o->kind == SAMV_OPT_FLAG ?
		    samv_xasprintf("%s", o->name) :
		    samv_xasprintf("%s %s", o->name, o->arg ? o->arg : "VALUE");

		if (o->short_name)
			samv_buf_printf(&b, "  -%c, --%-*s  %s%s\n",
			    o->short_name, (int)w, lhs, o->help,
			    o->kind == SAMV_OPT_LIST ? " (repeatable)" : "");
		else
			samv_buf_printf(&b, "      --%-*s  %s%s\n", (int)w, lhs,
			    o->help,
			    o->kind == SAMV_OPT_LIST ? " (repeatable)" : "");
		free(lhs);
	}
	samv_buf_printf(&b, "  -h, --%-*s  %s\n", (int)w, "help",
	    "show this help");
	return samv_buf_detach(&b, NULL);
}
