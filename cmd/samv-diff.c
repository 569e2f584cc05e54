/* samv-diff - what changed between two states of the records, in domain words */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "json.h"
#include "records.h"
#include "semdiff.h"
#include "source.h"
#include "util.h"

static const struct samv_option options[] = {
	{ "driver", 0, SAMV_OPT_FLAG, NULL,
	    "act as git's external diff driver (7 arguments from git)" },
	{ "format", 0, SAMV_OPT_VALUE, "md|json", "output format" },
	{ NULL, 0, 0, NULL, NULL }
};

static const struct samv_command_spec spec = {
	"diff", "[REV [REV]]",
	"Show record changes between revisions (or a revision and the work "
	"tree) in the domain's words.",
	options, 0, 7
};

static struct samv_repo *
load(const char *rev, struct samv_source **src, char **root)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_repo *r = NULL;
	char *err = NULL;

	if (rev) {
		if (samv_source_open_rev(src, ".", rev, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	} else {
		if (*root == NULL && samv_find_root(".", root) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "not a samv repository");
		samv_source_open_worktree(src, *root);
	}
	if (samv_repo_load(&r, *src, NULL, &d, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	samv_diags_release(&d);
	return r;
}

static const struct samv_node *
root_of(const struct samv_record *rec)
{
	return rec && rec->doc ? rec->doc->root : NULL;
}

/* Both repositories' records, merged by path (both sorted by path). */
static void
compare(const struct samv_repo *a, const struct samv_repo *b,
    struct samv_lines *out)
{
	size_t i = 0, j = 0;

	while (i < a->n || j < b->n) {
		const struct samv_record *x = i < a->n ? a->records[i] : NULL;
		const struct samv_record *y = j < b->n ? b->records[j] : NULL;
		int c = x == NULL ? 1 : y == NULL ? -1 :
		    strcmp(x->path, y->path);

		if (c < 0) {
			samv_semdiff(out, x->kind, x->id, root_of(x), NULL);
			i++;
		} else if (c > 0) {
			samv_semdiff(out, y->kind, y->id, NULL, root_of(y));
			j++;
		} else {
			samv_semdiff(out, x->kind, x->id, root_of(x),
			    root_of(y));
			i++;
			j++;
		}
	}
}

/* git's external diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE ... */
static int
driver(int argc, char **argv)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_doc *a = NULL, *b = NULL;
	struct samv_lines out = { NULL, 0, 0 };
	struct samv_load_options opt = { 0, 0, 1, 0 };
	enum samv_kind kind;
	char *id = NULL;
	size_t i;

	if (argc != 7)
		cmd_usage_error(&spec, "--driver takes the 7 arguments git "
		    "passes to an external diff");
	kind = samv_path_parse(argv[0], &id);
	if (kind == SAMV_KIND_NONE) {
		printf("%s: not a samv record\n", argv[0]);
		return 0;
	}
	if (strcmp(argv[1], "/dev/null") != 0 &&
	    samv_doc_load(&a, argv[1], &opt, &d) < 0)
		a = NULL;
	if (strcmp(argv[4], "/dev/null") != 0 &&
	    samv_doc_load(&b, argv[4], &opt, &d) < 0)
		b = NULL;
	if ((strcmp(argv[1], "/dev/null") != 0 && a == NULL) ||
	    (strcmp(argv[4], "/dev/null") != 0 && b == NULL))
		printf("%s: not valid YAML in one version (run samv check)\n",
		    argv[0]);
	samv_semdiff(&out, kind, id, a ? a->root : NULL, b ? b->root : NULL);
	printf("samv diff %s\n", argv[0]);
	for (i = 0; i < out.n; i++)
		printf("  %s\n", out.v[i]);
	if (out.n == 0)
		printf("  (formatting or comments only)\n");
	samv_lines_release(&out);
	samv_doc_free(a);
	samv_doc_free(b);
	samv_diags_release(&d);
	free(id);
	return 0;
}

int
main(int argc, char **argv)
{
	struct samv_args a;
	struct samv_source *sa = NULL, *sb = NULL;
	struct samv_repo *ra, *rb;
	struct samv_lines out = { NULL, 0, 0 };
	const char *from, *to, *format;
	char *root = NULL;
	size_t i;
	int json;

	cmd_parse(&spec, argc, argv, &a);
	if (samv_args_get(&a, &spec, "driver")->set)
		cmd_exit(driver((int)a.npos, a.pos));
	if (a.npos > 2)
		cmd_usage_error(&spec, "at most two revisions");
	format = samv_args_get(&a, &spec, "format")->value;
	if (format && strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
		cmd_usage_error(&spec, "unknown format '%s' (md or json)",
		    format);
	json = format && strcmp(format, "json") == 0;
	from = a.npos > 0 ? a.pos[0] : "HEAD";
	to = a.npos > 1 ? a.pos[1] : NULL;
	ra = load(from, &sa, &root);
	rb = load(to, &sb, &root);
	compare(ra, rb, &out);
	if (json) {
		printf("{\n  \"from\": ");
		cmd_json_string(stdout, from);
		printf(",\n  \"to\": ");
		cmd_json_string(stdout, to ? to : "worktree");
		printf(",\n  \"changes\": [");
		for (i = 0; i < out.n; i++) {
			printf("%s\n    ", i ? "," : "");
			cmd_json_string(stdout, out.v[i]);
		}
		printf("%s]\n}\n", out.n ? "\n  " : "");
	} else {
		for (i = 0; i < out.n; i++) {
			/* one Markdown list item per change; escape what
			 * Markdown would read as markup */
			const char *p;

			fputs("- ", stdout);
			for (p = out.v[i]; *p; p++) {
				if (strchr("\\`*_[]<>#|", *p))
					putchar('\\');
				if ((unsigned char)*p >= 0x20 || *p == '\t')
					putchar(*p);
			}
			putchar('\n');
		}
	}
	samv_lines_release(&out);
	samv_repo_free(ra);
	samv_repo_free(rb);
	samv_source_free(sa);
	samv_source_free(sb);
	free(root);
	samv_args_release(&a);
	cmd_exit(0);
}
