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
	/* what tells a changed file: stat data in the work tree, the blob
	 * id in a revision (have_oid) */
	unsigned long long dev, ino, size;
	long long mtime_ns, ctime_ns;
	unsigned char oid[20];
	int have_oid;
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
/* Lists the files below one folder rel (e.g. "decisions/svom"), sorted;
 * a missing folder is an empty list. Returns 0, or -1 with *err set. */
int samv_source_list_dir(struct samv_source *s, const char *rel,
    struct samv_filelist *out, char **err);
/*
 * Folders listed ahead of their use: a thread of its own lists dirs[0],
 * dirs[1], … (copied) as samv_source_list_dir() does, a few folders
 * ahead of the caller, who takes them in that order. A report reading
 * a large repository folder by folder then has the file system's part
 * (a stat of every file) done beside its own. NULL when no thread can
 * be started; the caller lists for itself.
 */
struct samv_prefetch;
/* Work the thread does after listing a folder, handed over with the
 * listing: it must touch nothing the caller uses meanwhile. */
typedef void *samv_prefetch_also_fn(void *arg, const char *dir);
/*
 * ahead: how many listings may wait to be taken (0: a few; n: all, for
 * folders the caller takes only after other work). also (or NULL):
 * called in the thread with arg and each folder after its listing, for
 * the few folders next in line only (before the first take, the first
 * folder only); drop frees what it made and nobody took.
 */
struct samv_prefetch *samv_source_prefetch(struct samv_source *s,
    const char *const *dirs, size_t n, size_t ahead,
    samv_prefetch_also_fn *also, void (*drop)(void *), void *arg);
/* The listing of the next folder, as samv_source_list_dir() gives it,
 * and what also made for it in *extra (the caller's to free; NULL
 * extra drops it); past the last, an empty list. */
int samv_prefetch_take(struct samv_prefetch *p, struct samv_filelist *out,
    void **extra, char **err);
/* Stops the thread (what it listed and was not taken is dropped). */
void samv_prefetch_free(struct samv_prefetch *p);
/* 1 if path (relative to the samv root) is a file, 2 a symbolic link,
 * 0 neither (or a folder on the way is a link: never followed). */
int samv_source_exists(struct samv_source *s, const char *path);
/* As samv_source_exists(), and fills out's stat data or blob id (its
 * path is left NULL). */
int samv_source_stat(struct samv_source *s, const char *path,
    struct samv_file *out);
/* 1 for a revision, 0 for the work tree. */
int samv_source_is_rev(const struct samv_source *s);
/* The work tree's root (absolute), or NULL for a revision. */
const char *samv_source_root(const struct samv_source *s);
/* Reads one listed file (at most max bytes: larger gives -1, EFBIG). */
int samv_source_read(struct samv_source *s, const char *path, size_t max,
    char **buf, size_t *len);
/* The git directory of the repository the source is in (allocated), or
 * NULL when the work tree is not in a git repository. */
char *samv_source_git_dir(const struct samv_source *s);
/* A description for messages: the root path, or "REV:" */
const char *samv_source_name(const struct samv_source *s);
void samv_source_free(struct samv_source *s);
void samv_filelist_release(struct samv_filelist *l);

#endif
