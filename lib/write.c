/* write.c - lock, clean-check and commit: one command, one commit */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>

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
	git_libgit2_init();
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
	samv_source_open_worktree(&w->src, w->root);
	if (samv_repo_load(&w->records, w->src, NULL, d, err) < 0) {
		rc = SAMV_GIT_ERROR;
		goto fail;
	}
	*out = w;
	return 0;
fail:
	samv_write_end(w);
	return rc;
}

int
samv_write_check_clean(struct samv_write *w, const char *path, char **err)
{
	char *full = samv_xasprintf("%s%s", w->prefix, path);
	unsigned int flags = 0;
	int e = git_status_file(&flags, w->repo, full);

	if (e == GIT_ENOTFOUND) {
		free(full);
		return 0;
	}
	if (e < 0) {
		*err = samv_git_errmsg(full);
		free(full);
		return -1;
	}
	if (flags & ~(unsigned)GIT_STATUS_CURRENT) {
		*err = samv_xasprintf("'%s' has changes that are not "
		    "committed; commit or discard them first (nothing was "
		    "changed)", path);
		free(full);
		return -1;
	}
	free(full);
	return 0;
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
