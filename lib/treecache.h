/* treecache.h - parsed records kept between runs, one file per body */
#ifndef SAMV_TREECACHE_H
#define SAMV_TREECACHE_H

#include "node.h"
#include "source.h"

/*
 * Reports and agenda new read many records; parsing them again on every
 * run would cost more than the work itself in a large repository. The
 * tree cache keeps each record's node tree (and text) as it was parsed,
 * in $GIT_DIR/samv/trees/<body>.cache, and hands it back while the
 * file's stat data (device, inode, size, mtime and ctime in
 * nanoseconds) is unchanged and was not taken within a second of the
 * file's last change (as git trusts its index). Every cache file has a
 * checksum and the hash of the samv executable that wrote it; anything
 * else is ignored. Only records that passed their schema are kept.
 */
struct samv_treecache;

/* The cache of src's work tree, or NULL (a revision, no git directory,
 * or SAMV_NO_CACHE set). Free with samv_treecache_free(). */
struct samv_treecache *samv_treecache_open(struct samv_source *src);

/*
 * The cached tree of path if f's stat data says the file is unchanged:
 * a new document (free with samv_doc_free()) and *schema_ok, or NULL.
 */
struct samv_doc *samv_treecache_get(struct samv_treecache *tc,
    const struct samv_file *f, int *schema_ok);

/*
 * A top-level scalar field of the cached record, without building its
 * tree: 1 and *value (borrowed) when the entry is current and has the
 * key, 0 when it is current and has not, -1 when the cache cannot say.
 */
int samv_treecache_field(struct samv_treecache *tc, const struct samv_file *f,
    const char *key, const char **value);

/* Keeps doc, just parsed from the file f describes, for later runs. */
void samv_treecache_put(struct samv_treecache *tc, const struct samv_file *f,
    const struct samv_doc *doc, int schema_ok);

/*
 * Reading ahead, for samv_source_prefetch(): the cache file of dir
 * ("FOLDER/BODY", e.g. "assignments/svom"), read and checked; arg is
 * the tree cache (NULL gives NULL). It touches nothing of tc but what
 * samv_treecache_open() set, so it may run in another thread while tc
 * is in use. samv_treecache_adopt() then hands it to tc (and frees it):
 * that body's records come from it instead of a new read of the file.
 * NULL is no file, and nothing to adopt.
 */
void *samv_treecache_preread_dir(void *tc, const char *dir);
void samv_treecache_adopt(struct samv_treecache *tc, void *pre);
void samv_treecache_pre_free(void *pre);

/* Writes the bodies' cache files that changed (atomically) and frees. */
void samv_treecache_free(struct samv_treecache *tc);

/* For the fuzzer and tests: parses data as a body's cache file (its
 * checksum and build id included) and builds every entry's tree, without
 * looking at files. Returns the number of trees built. */
int samv_treecache_parse(const char *data, size_t len);

#endif
