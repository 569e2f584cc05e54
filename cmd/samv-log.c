/* samv-log - the governance history: each commit's record changes */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "common.h"
#include "date.h"
#include "git.h"
#include "ids.h"
#include "json.h"
#include "semdiff.h"
#include "source.h"
#include "util.h"

static const struct samv_option options[] = {
	{ "format", 0, SAMV_OPT_VALUE, "md|json", "output format" },
	{ "since", 0, SAMV_OPT_VALUE, "DATE", "commits on or after DATE" },
	{ "until", 0, SAMV_OPT_VALUE, "DATE", "commits on or before DATE" },
	{ NULL, 0, 0, NULL, NULL }
};

static const struct samv_command_spec spec = {
	"log", "[ID]",
	"Show the governance history: who changed which record, when, how.",
	options, 0, 1
};

/* The record id the user means, in any kind ("" when none given). */
static int
matches(const char *want, enum samv_kind kind, const char *id)
{
	char *canon = NULL;
	int ok;

	if (want == NULL)
		return 1;
	if (samv_id_canonical(kind, want, &canon) < 0)
		return strcmp(want, id) == 0;
	ok = strcmp(canon, id) == 0;
	free(canon);
	return ok;
}

static struct samv_doc *
blob_doc(git_repository *repo, const git_oid *oid, const char *path)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_load_options opt = { 0, 0, 1, 0 };
	struct samv_doc *doc = NULL;
	git_blob *blob = NULL;

	if (git_oid_is_zero(oid) || git_blob_lookup(&blob, repo, oid) < 0)
		return NULL;
	if (samv_doc_parse(&doc, path, git_blob_rawcontent(blob),
	    (size_t)git_blob_rawsize(blob), &opt, &d) < 0)
		doc = NULL;
	git_blob_free(blob);
	samv_diags_release(&d);
	return doc;
}

int
main(int argc, char **argv)
{
	struct samv_args a;
	git_repository *repo = NULL;
	git_revwalk *walk = NULL;
	git_oid oid;
	const char *want, *format, *since, *until, *wd;
	char *root = NULL, *prefix = NULL, real[PATH_MAX];
	samv_day dsince = -1000000, duntil = 1000000, dd;
	int json, n = 0;

	cmd_parse(&spec, argc, argv, &a);
	want = a.npos ? a.pos[0] : NULL;
	format = samv_args_get(&a, &spec, "format")->value;
	if (format && strcmp(format, "md") != 0 && strcmp(format, "json") != 0)
		cmd_usage_error(&spec, "unknown format '%s' (md or json)",
		    format);
	json = format && strcmp(format, "json") == 0;
	if ((since = samv_args_get(&a, &spec, "since")->value) &&
	    samv_date_parse(since, &dsince) < 0)
		cmd_usage_error(&spec, "--since: '%s' is not a date", since);
	if ((until = samv_args_get(&a, &spec, "until")->value) &&
	    samv_date_parse(until, &duntil) < 0)
		cmd_usage_error(&spec, "--until: '%s' is not a date", until);

	samv_git_init();
	if (git_repository_open_ext(&repo, ".", GIT_REPOSITORY_OPEN_FROM_ENV,
	    NULL) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "not a git repository");
	/* the samv root's place in the tree */
	wd = git_repository_workdir(repo);
	if (wd && samv_find_root(".", &root) == 0 && realpath(wd, real)) {
		size_t l = strlen(real);

		prefix = strncmp(root, real, l) == 0 && root[l] == '/' ?
		    samv_xasprintf("%s/", root + l + 1) : samv_xstrdup("");
	} else
		prefix = samv_xstrdup("");
	if (git_revwalk_new(&walk, repo) < 0 ||
	    git_revwalk_sorting(walk, GIT_SORT_TIME | GIT_SORT_TOPOLOGICAL) <
	    0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", samv_git_errmsg("revwalk"));
	if (git_revwalk_push_head(walk) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "no commits yet");
	if (json)
		printf("[");
	while (git_revwalk_next(&oid, walk) == 0) {
		git_commit *c = NULL, *parent = NULL;
		git_tree *t = NULL, *pt = NULL;
		git_diff *diff = NULL;
		git_diff_options dopt;
		struct samv_lines lines = { NULL, 0, 0 };
		const git_signature *au;
		char *pf = prefix;
		size_t i, nd;
		git_time_t when;

		git_diff_options_init(&dopt, GIT_DIFF_OPTIONS_VERSION);
		if (git_commit_lookup(&c, repo, &oid) < 0)
			continue;
		au = git_commit_author(c);
		when = au->when.time + (git_time_t)au->when.offset * 60;
		dd = (samv_day)(when >= 0 ? when / 86400 :
		    -((-when + 86399) / 86400));
		if (dd < dsince || dd > duntil || git_commit_parentcount(c) >
		    1) {
			git_commit_free(c);
			continue;
		}
		if (git_commit_parentcount(c) == 1 &&
		    git_commit_parent(&parent, c, 0) == 0)
			git_commit_tree(&pt, parent);
		git_commit_tree(&t, c);
		if (*pf) {
			dopt.pathspec.strings = &pf;
			dopt.pathspec.count = 1;
		}
		if (git_diff_tree_to_tree(&diff, repo, pt, t, &dopt) < 0) {
			git_tree_free(t);
			git_tree_free(pt);
			git_commit_free(parent);
			git_commit_free(c);
			continue;
		}
		nd = git_diff_num_deltas(diff);
		for (i = 0; i < nd; i++) {
			const git_diff_delta *dl = git_diff_get_delta(diff, i);
			const char *path = dl->new_file.path ? dl->new_file.path :
			    dl->old_file.path;
			enum samv_kind kind;
			struct samv_doc *od, *ndoc;
			char *id = NULL;
			size_t before = lines.n;

			if (strncmp(path, prefix, strlen(prefix)) != 0)
				continue;
			kind = samv_path_parse(path + strlen(prefix), &id);
			if (kind == SAMV_KIND_NONE || !matches(want, kind, id)) {
				free(id);
				continue;
			}
			od = blob_doc(repo, &dl->old_file.id, path);
			ndoc = blob_doc(repo, &dl->new_file.id, path);
			samv_semdiff(&lines, kind, id, od ? od->root : NULL,
			    ndoc ? ndoc->root : NULL);
			if (lines.n == before)
				samv_lines_add(&lines, "%s: formatting or "
				    "comments", *id ? id : "samv.yaml");
			samv_doc_free(od);
			samv_doc_free(ndoc);
			free(id);
		}
		if (lines.n) {
			char sha[10], date[11];
			const char *msg = git_commit_summary(c);

			git_oid_tostr(sha, sizeof(sha), &oid);
			samv_date_format(dd, date);
			if (json) {
				printf("%s\n  {\"commit\": \"%s\", \"date\": "
				    "\"%s\", \"author\": ", n ? "," : "", sha,
				    date);
				cmd_json_string(stdout, au->name);
				printf(", \"message\": ");
				cmd_json_string(stdout, msg ? msg : "");
				printf(", \"changes\": [");
				for (i = 0; i < lines.n; i++) {
					printf("%s", i ? ", " : "");
					cmd_json_string(stdout, lines.v[i]);
				}
				printf("]}");
			} else {
				printf("%s%s %s %s: %s\n", n ? "\n" : "", date,
				    sha, au->name, msg ? msg : "");
				for (i = 0; i < lines.n; i++)
					printf("  - %s\n", lines.v[i]);
			}
			n++;
		}
		samv_lines_release(&lines);
		git_diff_free(diff);
		git_tree_free(t);
		git_tree_free(pt);
		git_commit_free(parent);
		git_commit_free(c);
	}
	if (json)
		printf("%s]\n", n ? "\n" : "");
	git_revwalk_free(walk);
	git_repository_free(repo);
	git_libgit2_shutdown();
	free(root);
	free(prefix);
	samv_args_release(&a);
	cmd_exit(0);
}
