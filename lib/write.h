/* write.h - the write path every changing command uses */
#ifndef SAMV_WRITE_H
#define SAMV_WRITE_H

#include <git2.h>

#include "git.h"
#include "records.h"

/*
 * A write session: the repository opened and locked. Every command
 * that changes records runs read-modify-write-commit inside one
 * session, so concurrent samv processes serialise. The lock is an
 * flock(2) on .git/samv.lock: the kernel drops it when a process dies,
 * so a killed samv never leaves a stale lock behind.
 */
struct samv_write {
	git_repository *repo;
	char *root;		/* the samv root, absolute */
	char *prefix;		/* the samv root relative to the work tree
				 * top, "" or ending in '/' */
	int lockfd;
	struct samv_source *src;	/* the work tree, for loading */
	struct samv_repo *records;	/* loaded under the lock */
};

/*
 * Finds the samv root from start, opens its git repository, refuses a
 * bare repository and an operation in progress (merge, rebase …), and
 * takes the lock, waiting up to SAMV_LOCK_TIMEOUT seconds (default 5).
 * Then loads every record into w->records (findings into d).
 * Returns 0; SAMV_GIT_BUSY when the lock could not be taken; or
 * SAMV_GIT_ERROR with *err set (allocated). Free with samv_write_end().
 */
int samv_write_begin(struct samv_write **out, const char *start,
    struct samv_diags *d, char **err);

/*
 * Refuses (returns -1 with *err set) when the file at path (relative to
 * the samv root) has uncommitted changes, staged or not, or exists
 * untracked: samv would overwrite the user's work.
 */
int samv_write_check_clean(struct samv_write *w, const char *path,
    char **err);

/*
 * Commits the changes (paths relative to the samv root) as one commit
 * with message msg, after checking each path is clean. Returns 0,
 * SAMV_GIT_BUSY or SAMV_GIT_ERROR (*err set).
 */
int samv_write_commit(struct samv_write *w, const struct samv_change *ch,
    size_t n, const char *msg, char **err);

/* Releases the lock and frees w. */
void samv_write_end(struct samv_write *w);

#endif
