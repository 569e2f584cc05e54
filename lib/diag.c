/* diag.c - collecting findings with file:line:col and a rule id */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "node.h"
#include "util.h"

/* Findings quote user text; a terminal must never receive its controls. */
static char *
visible(char *s)
{
	char *v = samv_visible(s);

	free(s);
	return v;
}

void
samv_diags_vadd(struct samv_diags *d, const char *path, unsigned line,
    unsigned col, enum samv_severity sev, const char *rule,
    const char *fmt, va_list ap)
{
	struct samv_diag *g;

	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		d->v = samv_xreallocarray(d->v, cap, sizeof(*d->v));
		d->cap = cap;
	}
	g = &d->v[d->n++];
	g->path = visible(samv_xstrdup(path ? path : ""));
	g->line = line;
	g->col = col;
	g->severity = sev;
	g->rule = samv_xstrdup(rule ? rule : "");
	g->msg = visible(samv_xvasprintf(fmt, ap));
	if (sev == SAMV_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void
samv_diags_add(struct samv_diags *d, const char *path, unsigned line,
    unsigned col, enum samv_severity sev, const char *rule,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	samv_diags_vadd(d, path, line, col, sev, rule, fmt, ap);
	va_end(ap);
}

static int
diagcmp(const void *pa, const void *pb)
{
	const struct samv_diag *a = pa, *b = pb;
	int c;

	if ((c = strcmp(a->path, b->path)) != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if ((c = strcmp(a->rule, b->rule)) != 0)
		return c;
	return strcmp(a->msg, b->msg);
}

void
samv_diags_sort(struct samv_diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), diagcmp);
}

void
samv_diags_release(struct samv_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->v[i].path);
		free(d->v[i].rule);
		free(d->v[i].msg);
	}
	free(d->v);
	d->v = NULL;
	d->n = d->cap = d->errors = d->warnings = 0;
}
