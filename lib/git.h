/* git.h - every change is one commit made through libgit2 */
#ifndef SAMV_GIT_H
#define SAMV_GIT_H

#include <stddef.h>

#include <git2.h>

/* Status codes of the git layer (library style: 0 or negative). */
enum samv_git_status {
	SAMV_GIT_OK = 0,
	SAMV_GIT_ERROR = -1,	/* message in *err */
	SAMV_GIT_BUSY = -75,	/* a lock is held: try again */
	SAMV_GIT_NOIDENT = -2	/* no author identity configured */
};

/*
 * Author and committer: GIT_AUTHOR_NAME/EMAIL/DATE and
 * GIT_COMMITTER_NAME/EMAIL/DATE first (libgit2 1.5 ignores them), then
 * user.name/user.email from git config. The committer falls back to the
 * author. repo may be NULL (before a repository exists): the global
 * configuration is read then. Returns 0, or SAMV_GIT_NOIDENT / SAMV_GIT_ERROR with *err set.
 * The caller frees both with git_signature_free().
 */
int samv_git_signatures(git_signature **author, git_signature **committer,
    git_repository *repo, char **err);

/* Parses a git date ("@1700000000 +0100", "1700000000 +0100",
 * "2024-05-01T10:00:00+02:00", "2024-05-01 10:00:00 +0200"). */
int samv_git_parse_date(const char *s, git_time_t *t, int *offset_minutes);

/* One file samv writes (data != NULL) or removes (data == NULL). */
struct samv_change {
	const char *path;	/* relative to the repository's top */
	const char *data;
	size_t len;
};

/*
 * Writes the changes into the work tree (atomically: temp file and
 * rename), stages exactly those paths in the index, and commits them on
 * top of HEAD with message msg. Only these paths enter the commit: the
 * tree is HEAD's tree with these entries replaced, so whatever else the
 * user has staged stays staged and uncommitted. The index is written
 * before the commit, so a failure can never leave HEAD ahead of the
 * index; on failure the work tree and the index are put back.
 * Works on an unborn branch and (without work tree and index) in a bare
 * repository. Returns 0 and the new commit's id in *out (may be NULL),
 * SAMV_GIT_BUSY when a lock is held, or SAMV_GIT_ERROR with *err set.
 */
int samv_git_commit_changes(git_repository *repo,
    const struct samv_change *ch, size_t n, const char *msg, git_oid *out,
    char **err);

/*
 * 1 when git's configuration asks for any of what a commit writes to be
 * flushed to disk (core.fsync naming loose objects, the index or refs,
 * or the older core.fsyncObjectFiles): samv_git_commit_changes() then
 * fsyncs the files it writes, has libgit2 fsync the objects, and fsyncs
 * the index and the branch ref itself (libgit2 1.5 does not). By
 * default, as git, nothing is flushed; writes stay atomic (temp file and
 * rename) either way, so only a power loss, never a killed process, can
 * lose the last change.
 */
int samv_git_durable(git_repository *repo);

/*
 * git_libgit2_init(), less its parse of the system's CA bundle (samv
 * makes no network connections; see gitinit.c). Call it instead of
 * git_libgit2_init(); git_libgit2_shutdown() pairs with it.
 */
int samv_git_init(void);

/* An allocated message for the last libgit2 error. */
char *samv_git_errmsg(const char *what);

#endif
