/* check.h - samv check over a whole repository: in parallel, with a cache */
#ifndef SAMV_CHECK_H
#define SAMV_CHECK_H

#include <stddef.h>

#include "ids.h"
#include "node.h"
#include "source.h"

struct samv_check_options {
	long today;		/* days since 1970-01-01 (rules with open terms) */
	int threads;		/* 0: one per core, at most 8 */
	int use_cache;		/* read and write the cache in the git directory */
};

struct samv_check_stats {
	size_t count[SAMV_KIND_COUNT];	/* records by kind */
	size_t groups;			/* bodies' record sets checked */
	size_t groups_cached;		/* of these, taken from the cache */
	size_t files_read;		/* record files read this run */
	int cache;			/* 0 none, 1 read, -1 found but ignored */
};

/*
 * Checks every record of src: YAML, schema, references and rules. The
 * records are taken body by body — a body's file with its meetings,
 * decisions and assignments — so that only a few bodies' records are
 * in memory at once, in parallel threads. With use_cache, the findings
 * of each body are kept in $GIT_DIR/samv/ keyed by the content of its
 * files and of every record outside it that the rules looked at; a
 * later run reads again only what changed. A damaged, foreign or stale
 * cache is ignored. Findings go into d (unsorted). Returns 0, or -1 with
 * *err set (allocated) when the source cannot be listed.
 */
int samv_check_run(struct samv_source *src,
    const struct samv_check_options *opt, struct samv_diags *d,
    struct samv_check_stats *st, char **err);

/*
 * The findings of the given paths, for what a command prints after its
 * change, as samv check would give them: per body, the folders of the
 * kinds changed there are read and checked, other records are looked up
 * on demand. Findings of other files may come along in d as well.
 */
void samv_check_paths(struct samv_source *src, const char *const *paths,
    size_t n, long today, struct samv_diags *d);

/* For the fuzzer and tests: parses data as a check cache file (checksum
 * included, any build and date) and reads every body's dependencies and
 * findings. Returns the number of bodies, or -1 when it is refused. */
int samv_check_cache_parse(const char *data, size_t len);

#endif
