/* write.c - lock, clean-check and commit: one command, one commit */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

#include "git.h"
#include "source.h"
#include "util.h"
#include "write.h"

static int
lock_timeout_ms(void)
{
	const char *e = getenv("SAMV_LOCK_TIMEOUT");
	char *end;
	double v;

	if (e == NULL || *e == '\0')
		return 5000;
	v = strtod(e, &end);
	if (*end != '\0' || v < 0 || v > 3600)
		return 5000;
	return (int)(v * 1000);
}

static int
take_lock(const char *gitdir, int *fd, char **err)
{
	char *path = samv_xasprintf("%ssamv.lock", gitdir);
	int waited = 0, limit = lock_timeout_ms();
	struct timespec ts = { 0, 20 * 1000 * 1000 };

	*fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
	if (*fd < 0) {
		*err = samv_xasprintf("cannot open lock '%s': %s", path,
		    strerror(errno));
		free(path);
		return SAMV_GIT_ERROR;
	}
	free(path);
	while (flock(*fd, LOCK_EX | LOCK_NB) < 0) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			*err = samv_xasprintf("cannot lock: %s",
			    strerror(errno));
			return SAMV_GIT_ERROR;
		}
		if (waited >= limit) {
			*err = samv_xstrdup("repository busy: another samv "
			    "command is changing it; try again");
			close(*fd);
			*fd = -1;
			return SAMV_GIT_BUSY;
		}
		nanosleep(&ts, NULL);
		waited += 20;
	}
	return 0;
}

/*
 * The journal: the paths a commit in progress writes. If the process is
 * killed after staging but before the commit, the next samv command finds
 * the journal under the lock and puts back each path whose work tree and
 * index still hold exactly what samv staged (HEAD's version wins); a path
 * the user has touched since is left alone for them to decide.
 */
static char *
journal_path(struct samv_write *w)
{
	return samv_xasprintf("%ssamv-journal", git_repository_path(w->repo));
}

static int
write_journal(struct samv_write *w, const struct samv_change *ch, size_t n)
{
	struct samv_buf b = SAMV_BUF_INIT;
	char *path = journal_path(w), *tmp = samv_xasprintf("%s.tmp", path);
	FILE *f;
	size_t i;
	int rc = -1;

	for (i = 0; i < n; i++) {
		git_oid oid;
		char hex[GIT_OID_HEXSZ + 1];

		if (ch[i].data == NULL)
			memset(&oid, 0, sizeof(oid));
		else if (git_odb_hash(&oid, ch[i].data, ch[i].len,
		    GIT_OBJECT_BLOB) < 0)
			return -1;
		git_oid_tostr(hex, sizeof(hex), &oid);
		samv_buf_printf(&b, "%s %s\n", hex, ch[i].path);
	}
	if ((f = fopen(tmp, "w")) != NULL) {
		if (fwrite(b.s, 1, b.len, f) == b.len && fflush(f) == 0 &&
		    (!samv_git_durable(w->repo) || fsync(fileno(f)) == 0))
			rc = 0;
		if (fclose(f) != 0)
			rc = -1;
	}
	if (rc == 0 && rename(tmp, path) < 0)
		rc = -1;
	if (rc < 0)
		unlink(tmp);
	samv_buf_release(&b);
	free(tmp);
	free(path);
	return rc;
}

/* Puts path back to HEAD's version (or removes it) in tree and index. */
static void
restore_from_head(struct samv_write *w, git_index *index,
    const git_tree_entry *te, const char *path, const char *abs)
{
	git_blob *blob = NULL;

	if (te == NULL) {
		unlink(abs);
		git_index_remove_bypath(index, path);
		return;
	}
	if (git_blob_lookup(&blob, w->repo, git_tree_entry_id(te)) == 0) {
		FILE *f = fopen(abs, "w");

		if (f) {
			fwrite(git_blob_rawcontent(blob), 1,
			    (size_t)git_blob_rawsize(blob), f);
			fclose(f);
		}
		git_index_add_bypath(index, path);
		git_blob_free(blob);
	}
}

/* One journal line "NEWBLOB PATH": finish or undo what was cut short. */
static void
recover_path(struct samv_write *w, git_index *index, git_tree *head,
    const char *line)
{
	git_tree_entry *te = NULL;
	git_oid want, wt;
	const char *path;
	char *abs;
	int in_head, have_file, deleting;

	if (strlen(line) < GIT_OID_HEXSZ + 2 || git_oid_fromstrn(&want, line,
	    GIT_OID_HEXSZ) < 0)
		return;
	path = line + GIT_OID_HEXSZ + 1;
	deleting = git_oid_is_zero(&want);
	in_head = head && git_tree_entry_bypath(&te, head, path) == 0;
	abs = samv_xasprintf("%s%s", git_repository_workdir(w->repo), path);
	have_file = git_odb_hashfile(&wt, abs, GIT_OBJECT_BLOB) == 0;
	if ((deleting && !in_head) || (!deleting && in_head &&
	    git_oid_equal(git_tree_entry_id(te), &want))) {
		/* the commit landed: the index follows HEAD if the file
		 * is still as samv left it */
		if (!deleting && have_file && git_oid_equal(&wt, &want))
			git_index_add_bypath(index, path);
		else if (deleting && !have_file)
			git_index_remove_bypath(index, path);
	} else if ((deleting && !have_file) || (!deleting && have_file &&
	    git_oid_equal(&wt, &want))) {
		/* cut short before the commit: back to HEAD */
		restore_from_head(w, index, in_head ? te : NULL, path, abs);
	}
	/* else the user changed the file since: theirs to decide */
	free(abs);
	git_tree_entry_free(te);
}

static void
clear_stale_lock(const char *path)
{
	struct stat st;
	int tries;

	for (tries = 0; tries < 15 && stat(path, &st) == 0; tries++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		if (time(NULL) - st.st_mtime >= 1) {
			unlink(path);
			return;
		}
		nanosleep(&ts, NULL);
	}
}

static void
recover(struct samv_write *w)
{
	char *jp = journal_path(w), *buf = NULL, *line, *save = NULL;
	size_t len;
	git_index *index = NULL;
	git_object *head = NULL;
	git_tree *tree = NULL;

	if (samv_read_file(jp, 1 << 20, &buf, &len) < 0) {
		free(jp);
		return;
	}
	/* a samv killed while writing the index or moving the branch
	 * leaves index.lock or the ref's .lock behind; git holds them for
	 * milliseconds, so one older than a second, found together with our
	 * journal, is such a stale lock */
	{
		git_reference *href = NULL;
		const char *gd = git_repository_path(w->repo);
		char *locks[3];
		size_t k;

		locks[0] = samv_xasprintf("%sindex.lock", gd);
		locks[1] = samv_xasprintf("%sHEAD.lock", gd);
		locks[2] = NULL;
		if (git_reference_lookup(&href, w->repo, "HEAD") == 0 &&
		    git_reference_type(href) == GIT_REFERENCE_SYMBOLIC)
			locks[2] = samv_xasprintf("%s%s.lock", gd,
			    git_reference_symbolic_target(href));
		git_reference_free(href);
		for (k = 0; k < 3; k++) {
			if (locks[k])
				clear_stale_lock(locks[k]);
			free(locks[k]);
		}
	}
	if (git_repository_index(&index, w->repo) == 0 &&
	    git_index_read(index, 1) == 0) {
		if (git_revparse_single(&head, w->repo, "HEAD^{tree}") == 0)
			tree = (git_tree *)head;
		for (line = strtok_r(buf, "\n", &save); line;
		    line = strtok_r(NULL, "\n", &save))
			recover_path(w, index, tree, line);
		if (git_index_write(index) == 0)
			unlink(jp);
	}
	git_object_free(head);
	git_index_free(index);
	free(buf);
	free(jp);
}

int
samv_write_begin(struct samv_write **out, const char *start,
    struct samv_diags *d, char **err)
{
	struct samv_write *w = samv_xcalloc(1, sizeof(*w));
	char top[PATH_MAX];
	const char *wd;
	size_t n;
	int rc;

	*out = NULL;
	*err = NULL;
	w->lockfd = -1;
	samv_git_init();
	if (samv_find_root(start, &w->root) < 0) {
		*err = samv_xstrdup("not a samv repository (no samv.yaml here "
		    "or in any parent directory)");
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	if (git_repository_open_ext(&w->repo, w->root, 0, NULL) < 0) {
		*err = samv_xasprintf("'%s' is not in a git repository",
		    w->root);
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	if ((wd = git_repository_workdir(w->repo)) == NULL) {
		*err = samv_xstrdup("a bare repository has no work tree to "
		    "change; clone it");
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	if (realpath(wd, top) == NULL) {
		*err = samv_xasprintf("cannot resolve '%s'", wd);
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	n = strlen(top);
	if (strncmp(w->root, top, n) != 0 || (w->root[n] != '/' &&
	    w->root[n] != '\0')) {
		*err = samv_xasprintf("'%s' is outside the work tree '%s'",
		    w->root, top);
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	w->prefix = w->root[n] == '/' ? samv_xasprintf("%s/", w->root + n + 1)
	    : samv_xstrdup("");
	if ((rc = take_lock(git_repository_path(w->repo), &w->lockfd, err)) <
	    0)
		goto fail;
	if (git_repository_state(w->repo) != GIT_REPOSITORY_STATE_NONE) {
		*err = samv_xstrdup("a merge, rebase or other git operation is "
		    "in progress; finish or abort it first");
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	recover(w);
	samv_source_open_worktree(&w->src, w->root);
	/* lazily: a command reads the records it uses, not the tree */
	samv_repo_open(&w->records, w->src, d, err);
	*out = w;
	return 0;
fail:
	samv_write_end(w);
	return rc;
}

/*
 * Clean means the same content in HEAD, in the index and in the work
 * tree (or absent from all three). Three lookups instead of a status
 * run, which walks the path's folders and reads the ignore rules.
 */
int
samv_write_check_clean(struct samv_write *w, const char *path, char **err)
{
	char *full = samv_xasprintf("%s%s", w->prefix, path);
	char *abs = samv_xasprintf("%s/%s", w->root, path);
	git_object *head = NULL;
	git_tree_entry *te = NULL;
	git_index *index = NULL;
	const git_index_entry *ie;
	git_oid wt;
	struct stat st;
	int have_h, have_i, have_w, rc = -1, clean;

	if (git_repository_index(&index, w->repo) < 0) {
		*err = samv_git_errmsg(full);
		goto out;
	}
	have_h = git_revparse_single(&head, w->repo, "HEAD^{tree}") == 0 &&
	    git_tree_entry_bypath(&te, (git_tree *)head, full) == 0;
	{
		/* unmerged: entries at stages 1-3 wait for the user */
		const git_index_entry *anc, *our, *their;

		if (git_index_conflict_get(&anc, &our, &their, index,
		    full) == 0) {
			*err = samv_xasprintf("'%s' has a merge conflict; "
			    "resolve and commit it first (nothing was "
			    "changed)", path);
			goto out;
		}
		git_error_clear();
	}
	ie = git_index_get_bypath(index, full, 0);
	have_i = ie != NULL;
	if (lstat(abs, &st) < 0)
		have_w = 0;
	else if (!S_ISREG(st.st_mode) || git_repository_hashfile(&wt,
	    w->repo, abs, GIT_OBJECT_BLOB, full) < 0)
		have_w = -1;	/* not a plain file: never ours to change */
	else
		have_w = 1;
	clean = have_w >= 0 && have_h == have_i && have_i == have_w;
	if (clean && have_h)
		clean = git_oid_equal(git_tree_entry_id(te), &ie->id) &&
		    git_oid_equal(&ie->id, &wt);
	/* a conflict leaves no stage-0 entry: that is not clean either */
	if (!clean) {
		*err = samv_xasprintf("'%s' has changes that are not "
		    "committed; commit or discard them first (nothing was "
		    "changed)", path);
		goto out;
	}
	rc = 0;
out:
	git_tree_entry_free(te);
	git_object_free(head);
	git_index_free(index);
	free(abs);
	free(full);
	return rc;
}

int
samv_write_commit(struct samv_write *w, const struct samv_change *ch,
    size_t n, const char *msg, char **err)
{
	struct samv_change *full = samv_xcalloc(n ? n : 1, sizeof(*full));
	size_t i;
	int rc, attempt;

	*err = NULL;
	for (i = 0; i < n; i++)
		if (samv_write_check_clean(w, ch[i].path, err) < 0) {
			free(full);
			return SAMV_GIT_ERROR;
		}
	for (i = 0; i < n; i++) {
		full[i] = ch[i];
		full[i].path = samv_xasprintf("%s%s", w->prefix, ch[i].path);
	}
	if (write_journal(w, full, n) < 0) {
		*err = samv_xstrdup("cannot write the journal in .git");
		for (i = 0; i < n; i++)
			free((char *)full[i].path);
		free(full);
		return SAMV_GIT_ERROR;
	}
	/* a lock held by a git process of the user's: retry briefly */
	for (attempt = 0;; attempt++) {
		struct timespec ts = { 0, 100 * 1000 * 1000 };

		rc = samv_git_commit_changes(w->repo, full, n, msg, NULL, err);
		if (rc != SAMV_GIT_BUSY || attempt == 4)
			break;
		free(*err);
		*err = NULL;
		nanosleep(&ts, NULL);
	}
	{
		/* landed, or rolled back by samv_git_commit_changes */
		char *jp = journal_path(w);

		unlink(jp);
		free(jp);
	}
	for (i = 0; i < n; i++)
		free((char *)full[i].path);
	free(full);
	return rc;
}

void
samv_write_end(struct samv_write *w)
{
	if (w == NULL)
		return;
	samv_repo_free(w->records);
	samv_source_free(w->src);
	if (w->lockfd >= 0)
		close(w->lockfd);	/* releases the flock */
	git_repository_free(w->repo);
	free(w->root);
	free(w->prefix);
	free(w);
	git_libgit2_shutdown();
}
