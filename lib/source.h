/* source.h - where records are read from: the work tree or a git revision */
#ifndef SAMV_SOURCE_H
#define SAMV_SOURCE_H

#include <stddef.h>

#include "node.h"

struct samv_source;

/* One file found under the repository's record folders. */
struct samv_file {
	char *path;		/* relative to the samv root, '/'-separated */
	int is_link;		/* a symbolic link: never followed */
};

struct samv_filelist {
	struct samv_file *v;
	size_t n, cap;
};

/*
 * Finds the samv root: the nearest directory at or above start that
 * holds samv.yaml. Returns 0 and an allocated absolute path, or -1.
 */
int samv_find_root(const char *start, char **root);

/* A source over the work tree at root (samv.yaml's directory). */
int samv_source_open_worktree(struct samv_source **out, const char *root);

/*
 * A source over revision rev of the git repository found from start
 * (a work tree or a bare repository); the samv root inside the tree is
 * the prefix from the repository's top to start (empty when bare).
 * Returns 0, or -1 with *err set (allocated).
 */
int samv_source_open_rev(struct samv_source **out, const char *start,
    const char *rev, char **err);

/*
 * Lists samv.yaml and every file below bodies/, meetings/, decisions/,
 * assignments/ (sorted by path). Returns 0, or -1 with *err set.
 */
int samv_source_list(struct samv_source *s, struct samv_filelist *out,
    char **err);
/* Reads one listed file (at most max bytes: larger gives -1, EFBIG). */
int samv_source_read(struct samv_source *s, const char *path, size_t max,
    char **buf, size_t *len);
/* A description for messages: the root path, or "REV:" */
const char *samv_source_name(const struct samv_source *s);
void samv_source_free(struct samv_source *s);
void samv_filelist_release(struct samv_filelist *l);

#endif
