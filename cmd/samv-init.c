/* samv-init - create a governance repository and make its first commit */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "common.h"
#include "emit.h"
#include "git.h"
#include "ids.h"
#include "records.h"
#include "schemas.h"
#include "source.h"
#include "util.h"

static const struct samv_option options[] = {
	{ "from", 0, SAMV_OPT_VALUE, "DIR",
	    "start from the records of an existing samv tree (a template)" },
	{ "language", 0, SAMV_OPT_VALUE, "sv|en",
	    "language of the rendered documents (default sv)" },
	{ "name", 0, SAMV_OPT_VALUE, "TEXT",
	    "name of the collaboration (default: the directory's name)" },
	{ NULL, 0, 0, NULL, NULL }
};

static const struct samv_command_spec spec = {
	"init", "[DIR]",
	"Create a governance repository with samv.yaml and a first commit.",
	options, 0, 1
};

struct changes {
	struct samv_change *v;
	char **owned;		/* paths and data to free */
	size_t n, cap, nowned, capowned;
};

static char *
own(struct changes *c, char *p)
{
	if (c->nowned == c->capowned) {
		c->capowned = c->capowned ? c->capowned * 2 : 32;
		c->owned = samv_xreallocarray(c->owned, c->capowned,
		    sizeof(*c->owned));
	}
	c->owned[c->nowned++] = p;
	return p;
}

static void
add(struct changes *c, char *path, char *data, size_t len)
{
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->v = samv_xreallocarray(c->v, c->cap, sizeof(*c->v));
	}
	c->v[c->n].path = own(c, path);
	c->v[c->n].data = own(c, data);
	c->v[c->n].len = len;
	c->n++;
}

static char *
config_yaml(const char *name, const char *language, size_t *len)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e;

	samv_buf_puts(&b, "# yaml-language-server: "
	    "$schema=.samv/schema/samv.schema.json\n"
	    "# The collaboration: its principals (huvudmän), named groups of "
	    "them, and\n# defaults for every body. See samv-records(5).\n");
	e = samv_emit_begin(&b);
	if (e == NULL)
		cmd_die(EXIT_FAILURE_OTHER, "cannot start the YAML emitter");
	samv_emit_map_start(e);
	samv_emit_pair(e, "samv", "1", SAMV_EMIT_RAW);
	samv_emit_pair(e, "name", name, SAMV_EMIT_STRING);
	samv_emit_pair(e, "language", language, SAMV_EMIT_STRING);
	samv_emit_scalar(e, "principals", SAMV_EMIT_RAW);
	samv_emit_seq_start(e);
	samv_emit_seq_end(e);
	samv_emit_scalar(e, "defaults", SAMV_EMIT_RAW);
	samv_emit_map_start(e);
	samv_emit_pair(e, "agenda_days_ahead", "7", SAMV_EMIT_RAW);
	samv_emit_pair(e, "adjustment_days", "14", SAMV_EMIT_RAW);
	samv_emit_map_end(e);
	samv_emit_map_end(e);
	if (samv_emit_end(e) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "cannot write samv.yaml: the name "
		    "is not valid text");
	return samv_buf_detach(&b, len);
}

/* Copies the record files of a template tree (never through links). */
static void
add_template(struct changes *c, const char *from)
{
	struct samv_source *src;
	struct samv_filelist files;
	char *root = NULL, *err = NULL;
	size_t i;

	if (samv_find_root(from, &root) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "'%s' holds no samv.yaml", from);
	samv_source_open_worktree(&src, root);
	if (samv_source_list(src, &files, &err) < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	for (i = 0; i < files.n; i++) {
		char *buf;
		size_t len;

		char *id = NULL;

		if (files.v[i].is_link) {
			cmd_warn("skipping symbolic link '%s'", files.v[i].path);
			continue;
		}
		if (samv_path_parse(files.v[i].path, &id) == SAMV_KIND_NONE) {
			cmd_warn("skipping '%s': not a record file",
			    files.v[i].path);
			continue;
		}
		free(id);
		if (samv_source_read(src, files.v[i].path, SAMV_MAX_FILE_SIZE,
		    &buf, &len) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "cannot read '%s/%s': %s",
			    root, files.v[i].path, strerror(errno));
		add(c, samv_xstrdup(files.v[i].path), buf, len);
	}
	samv_filelist_release(&files);
	samv_source_free(src);
	free(root);
}

static int
mkdirs(const char *path)
{
	char *p = samv_xstrdup(path), *q;
	int rc = 0;

	for (q = p + 1; ; q++) {
		if (*q == '/' || *q == '\0') {
			char save = *q;

			*q = '\0';
			if (mkdir(p, 0777) < 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*q = save;
			if (save == '\0')
				break;
		}
	}
	free(p);
	return rc;
}

int
main(int argc, char **argv)
{
	struct samv_args a;
	struct changes c = { NULL, NULL, 0, 0, 0, 0 };
	const char *dir, *name, *lang, *from;
	const struct samv_embedded *s;
	git_repository *repo = NULL;
	struct stat st;
	char real[PATH_MAX], *probe, *msg, *err = NULL, *data;
	size_t i, len;
	int rc;
	static const char *const folders[] = { "bodies", "meetings",
	    "decisions", "assignments" };

	cmd_parse(&spec, argc, argv, &a);
	dir = a.npos ? a.pos[0] : ".";
	name = samv_args_get(&a, &spec, "name")->value;
	lang = samv_args_get(&a, &spec, "language")->value;
	from = samv_args_get(&a, &spec, "from")->value;
	if (lang && strcmp(lang, "sv") != 0 && strcmp(lang, "en") != 0)
		cmd_usage_error(&spec, "unknown language '%s' (sv or en)", lang);
	if (from && (name || lang))
		cmd_usage_error(&spec, "--from takes name and language from "
		    "the template's samv.yaml; do not combine it with "
		    "--name or --language");

	samv_git_init();
	/* an existing directory: refuse a samv repository, reuse git's */
	if (realpath(dir, real) != NULL) {
		probe = samv_xasprintf("%s/samv.yaml", real);
		if (lstat(probe, &st) == 0)
			cmd_die(EXIT_FAILURE_OTHER, "'%s' is already a samv "
			    "repository (it has samv.yaml); nothing changed",
			    dir);
		free(probe);
		if (git_repository_open_ext(&repo, real,
		    GIT_REPOSITORY_OPEN_NO_SEARCH, NULL) == 0 &&
		    git_repository_is_bare(repo))
			cmd_die(EXIT_FAILURE_OTHER, "'%s' is a bare git "
			    "repository; samv init needs a work tree", dir);
	}
	{
		/* before anything is created: is there an identity at all?
		 * (the repository's own config counts when it exists) */
		git_signature *au = NULL, *co = NULL;

		if (samv_git_signatures(&au, &co, repo, &err) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s", err);
		git_signature_free(au);
		git_signature_free(co);
	}
	if (repo == NULL) {
		if (mkdirs(dir) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "cannot create '%s': %s",
			    dir, strerror(errno));
		if (realpath(dir, real) == NULL)
			cmd_die(EXIT_FAILURE_OTHER, "cannot resolve '%s': %s",
			    dir, strerror(errno));
		if (git_repository_init(&repo, real, 0) < 0)
			cmd_die(EXIT_FAILURE_OTHER, "%s",
			    samv_git_errmsg("cannot create git repository"));
	}

	if (from)
		add_template(&c, from);
	else {
		const char *base = strrchr(real, '/');

		data = config_yaml(name ? name : (base && base[1] ? base + 1 :
		    "samv"), lang ? lang : "sv", &len);
		add(&c, samv_xstrdup("samv.yaml"), data, len);
		for (i = 0; i < sizeof(folders) / sizeof(folders[0]); i++)
			add(&c, samv_xasprintf("%s/.gitkeep", folders[i]),
			    samv_xstrdup(""), 0);
	}
	/* the schemas, for editors (modelines point here) */
	for (s = samv_schema_files; s->name; s++)
		add(&c, samv_xasprintf(".samv/schema/%s", s->name),
		    samv_xstrndup(s->data, s->len), s->len);

	msg = samv_xasprintf("samv: init %s\n",
	    from ? "from template" : (name ? name : "repository"));
	rc = samv_git_commit_changes(repo, c.v, c.n, msg, NULL, &err);
	if (rc == SAMV_GIT_BUSY)
		cmd_die(EXIT_BUSY, "repository busy: %s", err);
	if (rc < 0)
		cmd_die(EXIT_FAILURE_OTHER, "%s", err);
	printf("Initialized samv repository in %s\n", real);

	for (i = 0; i < c.nowned; i++)
		free(c.owned[i]);
	free(c.owned);
	free(c.v);
	free(msg);
	git_repository_free(repo);
	git_libgit2_shutdown();
	samv_args_release(&a);
	cmd_exit(0);
}
