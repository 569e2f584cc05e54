/* check.c - samv check body by body: in parallel, streaming, cached */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "binio.h"
#include "check.h"
#include "date.h"
#include "map.h"
#include "records.h"
#include "rules.h"
#include "treecache.h"
#include "util.h"

/*
 * The unit of work is a group: one body's file with everything filed
 * under it (meetings/B/, decisions/B/, assignments/B/). The rules of a
 * record look mostly inside its group; what they look up outside it
 * (another body, a referenced record) is logged as a dependency, with
 * whether only its existence or also its content was used. A group's
 * findings stay valid while its files and its dependencies are the
 * same, which is what the cache records.
 */

#define CACHE_MAGIC "samv-check-cache 1\n"
#define ENDIAN_MARK 0x0102030405060708ULL
#define RACY_NS 1000000000LL	/* trust stat data older than this */

struct fent {
	const struct samv_file *f;
	enum samv_kind kind;
	char *id;
	long group;		/* index into groups, -1: none */
	unsigned char hash[16];
	int have_hash;
	int want;		/* hash it before groups are judged */
};

struct cdep {
	const char *path;
	uint64_t content, present;
	unsigned char hash[16];
};

struct cgroup {
	const char *key;
	unsigned char fp[16];
	size_t ndeps, ndiags;
	const char *deps, *diags;	/* where they start in the cache */
};

struct cfile {
	const char *path;
	uint64_t dev, ino, size;
	int64_t mtime, ctime;
	unsigned char hash[16];
};

struct cache {
	char *data;
	size_t len;
	int64_t scan_ns;
	struct cfile *files;
	size_t nfiles;
	struct cgroup *groups;
	size_t ngroups;
	struct samv_map by_path, by_key;
};

struct group {
	char *key;		/* the body id */
	size_t *files;		/* indices into fents, in path order */
	size_t n, cap;
	const struct cgroup *cached;
	int valid;
	struct samv_diags diags;
	struct samv_deps deps;
};

struct job {
	struct samv_source *src;
	const struct samv_repo *base;
	const struct samv_map *index;
	struct fent *fe;
	struct group *groups;
	size_t *todo, ntodo, next;
	size_t files_read;
	pthread_mutex_t mu;
	long today;
	int rev;
};

/* --- reading and hashing ----------------------------------------------- */

static int
read_fent(struct samv_source *src, struct fent *e, char **buf, size_t *len)
{
	if (samv_source_read(src, e->f->path, SAMV_MAX_FILE_SIZE, buf,
	    len) < 0) {
		*buf = NULL;
		return -1;	/* errno says why */
	}
	if (!e->have_hash) {
		samv_hash128(*buf, *len, e->hash);
		e->have_hash = 1;
	}
	return 0;
}

static void
fingerprint(const struct job *j, const struct group *g, unsigned char fp[16])
{
	struct samv_buf b = SAMV_BUF_INIT;
	size_t i;

	for (i = 0; i < g->n; i++) {
		const struct fent *e = &j->fe[g->files[i]];

		samv_buf_puts(&b, e->f->path);
		samv_buf_putc(&b, '\0');
		samv_buf_add(&b, (const char *)e->hash, 16);
	}
	samv_hash128(b.s ? b.s : "", b.len, fp);
	samv_buf_release(&b);
}

/* --- the work of a thread ---------------------------------------------- */

static void
check_group(struct job *j, struct group *g)
{
	struct samv_repo *view = samv_repo_view(j->base, j->index);
	size_t i, nread = 0;

	view->complete_body = g->key;
	view->char_spans = 1;	/* findings need lines and columns only */
	samv_repo_set_deps(view, &g->deps);
	for (i = 0; i < g->n; i++) {
		struct fent *e = &j->fe[g->files[i]];
		char *buf = NULL;
		size_t len = 0;

		int e2 = 0;

		if (read_fent(j->src, e, &buf, &len) == 0)
			nread++;
		else
			e2 = errno;
		errno = e2;
		samv_repo_add_buffer(view, e->f->path, buf, len, &g->diags);
		free(buf);
	}
	samv_rules_run(view, j->today, &g->diags);
	samv_repo_free(view);
	pthread_mutex_lock(&j->mu);
	j->files_read += nread;
	pthread_mutex_unlock(&j->mu);
}

static int
take(struct job *j, size_t *out)
{
	int ok;

	pthread_mutex_lock(&j->mu);
	ok = j->next < j->ntodo;
	if (ok)
		*out = j->todo[j->next++];
	pthread_mutex_unlock(&j->mu);
	return ok;
}

static void *
group_worker(void *arg)
{
	struct job *j = arg;
	size_t k;

	while (take(j, &k))
		check_group(j, &j->groups[k]);
	samv_arena_trim();
	return NULL;
}

static void *
hash_worker(void *arg)
{
	struct job *j = arg;
	size_t k;

	while (take(j, &k)) {
		char *buf;
		size_t len;

		if (read_fent(j->src, &j->fe[k], &buf, &len) == 0) {
			free(buf);
			pthread_mutex_lock(&j->mu);
			j->files_read++;
			pthread_mutex_unlock(&j->mu);
		}
	}
	return NULL;
}

static void
run_parallel(struct job *j, void *(*fn)(void *), int threads)
{
	pthread_t tid[64];
	int i, started = 0;

	j->next = 0;
	if ((size_t)threads > j->ntodo)
		threads = (int)j->ntodo;
	for (i = 1; i < threads; i++)
		if (pthread_create(&tid[started], NULL, fn, j) == 0)
			started++;
	fn(j);
	for (i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
}

static int
thread_count(int asked)
{
	const char *env = getenv("SAMV_THREADS");
	long n = asked;

	if (env && *env)
		n = strtol(env, NULL, 10);
	if (n <= 0)
		n = sysconf(_SC_NPROCESSORS_ONLN);
	if (n <= 0)
		n = 1;
	return n > 8 ? 8 : (int)n;
}

/* --- the cache file ----------------------------------------------------- */

/* A string read for the cache's own maps and messages: never NULL. */
static const char *
rd_str(struct samv_rd *r)
{
	const char *s = samv_rd_str(r);

	return s ? s : "";
}

static void
cache_release(struct cache *c)
{
	free(c->data);
	free(c->files);
	free(c->groups);
	samv_map_release(&c->by_path);
	samv_map_release(&c->by_key);
	memset(c, 0, sizeof(*c));
}

struct header {
	unsigned char build[16], config[16];
	uint64_t today, rev;
};

static void
skip_deps_diags(struct samv_rd *r, size_t ndeps, size_t ndiags)
{
	size_t i;
	unsigned char h[16];

	for (i = 0; i < ndeps && !r->bad; i++) {
		rd_str(r);
		samv_rd_u64(r);
		samv_rd_u64(r);
		samv_rd_copy(r, h, 16);
	}
	for (i = 0; i < ndiags && !r->bad; i++) {
		rd_str(r);
		samv_rd_u64(r);
		samv_rd_u64(r);
		samv_rd_u64(r);
		rd_str(r);
		rd_str(r);
	}
}

/* Parses c->data; 0 when it is whole and made for exactly the state h
 * describes (h NULL: any state, for the fuzzer). */
static int
cache_parse(struct cache *c, const struct header *h)
{
	struct samv_rd r;
	unsigned char sum[16], want[16], b[16];
	size_t i, ml = strlen(CACHE_MAGIC);
	uint64_t n, today, rev;

	if (c->len < ml + 16 || memcmp(c->data, CACHE_MAGIC, ml) != 0)
		goto bad;
	samv_hash128(c->data, c->len - 16, want);
	memcpy(sum, c->data + c->len - 16, 16);
	if (memcmp(sum, want, 16) != 0)
		goto bad;	/* damaged: never trusted */
	r.p = c->data + ml;
	r.end = c->data + c->len - 16;
	r.bad = 0;
	if (samv_rd_u64(&r) != ENDIAN_MARK)
		goto bad;
	samv_rd_copy(&r, b, 16);
	if (h && memcmp(b, h->build, 16) != 0)
		goto bad;
	samv_rd_copy(&r, b, 16);
	today = samv_rd_u64(&r);
	rev = samv_rd_u64(&r);
	if (h && (memcmp(b, h->config, 16) != 0 || today != h->today ||
	    rev != h->rev))
		goto bad;
	c->scan_ns = (int64_t)samv_rd_u64(&r);
	n = samv_rd_u64(&r);
	if (r.bad || n > c->len / 8)
		goto bad;
	c->files = samv_xcalloc(n + 1, sizeof(*c->files));
	samv_map_reserve(&c->by_path, (size_t)n);
	for (i = 0; i < n && !r.bad; i++) {
		struct cfile *f = &c->files[c->nfiles++];

		f->path = rd_str(&r);
		f->dev = samv_rd_u64(&r);
		f->ino = samv_rd_u64(&r);
		f->size = samv_rd_u64(&r);
		f->mtime = (int64_t)samv_rd_u64(&r);
		f->ctime = (int64_t)samv_rd_u64(&r);
		samv_rd_copy(&r, f->hash, 16);
		samv_map_put(&c->by_path, f->path, f);
	}
	n = samv_rd_u64(&r);
	if (r.bad || n > c->len / 8)
		goto bad;
	c->groups = samv_xcalloc(n + 1, sizeof(*c->groups));
	for (i = 0; i < n && !r.bad; i++) {
		struct cgroup *g = &c->groups[c->ngroups++];

		g->key = rd_str(&r);
		samv_rd_copy(&r, g->fp, 16);
		g->ndeps = (size_t)samv_rd_u64(&r);
		g->deps = r.p;
		if (g->ndeps > c->len)
			goto bad;
		skip_deps_diags(&r, g->ndeps, 0);
		g->ndiags = (size_t)samv_rd_u64(&r);
		g->diags = r.p;
		if (g->ndiags > c->len)
			goto bad;
		skip_deps_diags(&r, 0, g->ndiags);
		samv_map_put(&c->by_key, g->key, g);
	}
	if (r.bad || r.p != r.end)
		goto bad;
	return 0;
bad:
	cache_release(c);
	return -2;
}

/* Reads the cache; 0 when it is whole and made for exactly this state. */
static int
cache_read(struct cache *c, const char *path, const struct header *h)
{
	memset(c, 0, sizeof(*c));
	if (samv_read_file(path, 1024 * 1024 * 1024, &c->data, &c->len) < 0)
		return -1;
	return cache_parse(c, h);
}

/* The state of a dependency now: present, and its content hash. */
static void
dep_now(const struct samv_map *by_path, const char *path, uint64_t *present,
    unsigned char hash[16])
{
	const struct fent *e = samv_map_get(by_path, path);

	memset(hash, 0, 16);
	*present = e != NULL && e->kind != SAMV_KIND_NONE;
	if (*present && e->have_hash)
		memcpy(hash, e->hash, 16);
}

static int
deps_hold(const struct cgroup *g, const struct samv_map *by_path,
    const char *end)
{
	struct samv_rd r = { g->deps, end, 0 };
	size_t i;

	for (i = 0; i < g->ndeps; i++) {
		const char *path = rd_str(&r);
		uint64_t content = samv_rd_u64(&r), present = samv_rd_u64(&r), now;
		unsigned char h[16], hn[16];

		samv_rd_copy(&r, h, 16);
		if (r.bad)
			return 0;
		dep_now(by_path, path, &now, hn);
		if (now != present)
			return 0;
		if (content && present && memcmp(h, hn, 16) != 0)
			return 0;
	}
	return 1;
}

static void
copy_diags(const struct cgroup *g, const char *end, struct samv_diags *d)
{
	struct samv_rd r = { g->diags, end, 0 };
	size_t i;

	for (i = 0; i < g->ndiags && !r.bad; i++) {
		const char *path = rd_str(&r), *rule, *msg;
		unsigned line = (unsigned)samv_rd_u64(&r), col = (unsigned)samv_rd_u64(&r);
		enum samv_severity sev = samv_rd_u64(&r) ? SAMV_WARNING :
		    SAMV_ERROR;

		rule = rd_str(&r);
		msg = rd_str(&r);
		if (!r.bad)
			samv_diags_add(d, path, line, col, sev, rule, "%s", msg);
	}
}

static int
depcmp(const void *a, const void *b)
{
	const struct samv_dep *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : y->content - x->content;
}

static void
write_group(struct samv_buf *b, const struct job *j, const struct group *g,
    const struct samv_map *by_path, const char *cache_end)
{
	unsigned char fp[16];
	size_t i, nd = 0;

	fingerprint(j, g, fp);
	samv_wr_str(b, g->key);
	samv_buf_add(b, (const char *)fp, 16);
	if (g->valid) {
		/* unchanged: the cached deps and findings, byte for byte */
		struct samv_rd r = { g->cached->deps, cache_end, 0 };

		samv_wr_u64(b, g->cached->ndeps);
		skip_deps_diags(&r, g->cached->ndeps, 0);
		samv_buf_add(b, g->cached->deps, (size_t)(r.p -
		    g->cached->deps));
		samv_wr_u64(b, g->cached->ndiags);
		r.p = g->cached->diags;
		skip_deps_diags(&r, 0, g->cached->ndiags);
		samv_buf_add(b, g->cached->diags, (size_t)(r.p -
		    g->cached->diags));
		return;
	}
	/* one entry per path: a content dependency covers existence */
	if (g->deps.n > 1)
		qsort(g->deps.v, g->deps.n, sizeof(*g->deps.v), depcmp);
	for (i = 0; i < g->deps.n; i++)
		if (i == 0 || strcmp(g->deps.v[i].path, g->deps.v[i - 1].path))
			nd++;
	samv_wr_u64(b, nd);
	for (i = 0; i < g->deps.n; i++) {
		uint64_t present;
		unsigned char h[16];

		if (i > 0 && strcmp(g->deps.v[i].path,
		    g->deps.v[i - 1].path) == 0)
			continue;
		dep_now(by_path, g->deps.v[i].path, &present, h);
		samv_wr_str(b, g->deps.v[i].path);
		samv_wr_u64(b, (uint64_t)g->deps.v[i].content);
		samv_wr_u64(b, present);
		samv_buf_add(b, (const char *)h, 16);
	}
	samv_wr_u64(b, g->diags.n);
	for (i = 0; i < g->diags.n; i++) {
		const struct samv_diag *x = &g->diags.v[i];

		samv_wr_str(b, x->path);
		samv_wr_u64(b, x->line);
		samv_wr_u64(b, x->col);
		samv_wr_u64(b, x->severity == SAMV_WARNING);
		samv_wr_str(b, x->rule);
		samv_wr_str(b, x->msg);
	}
}

static void
cache_write(const char *gitdir, const char *name, const struct header *h,
    int64_t scan_ns, const struct job *j, size_t nfe, size_t ngroups,
    const struct samv_map *by_path, const struct cache *old)
{
	struct samv_buf b = SAMV_BUF_INIT;
	unsigned char sum[16];
	char *dir = samv_xasprintf("%s/samv", gitdir), *path;
	size_t i, nf = 0;

	samv_buf_puts(&b, CACHE_MAGIC);
	samv_wr_u64(&b, ENDIAN_MARK);
	samv_buf_add(&b, (const char *)h->build, 16);
	samv_buf_add(&b, (const char *)h->config, 16);
	samv_wr_u64(&b, h->today);
	samv_wr_u64(&b, h->rev);
	samv_wr_u64(&b, (uint64_t)scan_ns);
	for (i = 0; i < nfe; i++)
		nf += j->fe[i].have_hash && !j->rev;
	samv_wr_u64(&b, nf);
	for (i = 0; i < nfe && !j->rev; i++) {
		const struct fent *e = &j->fe[i];

		if (!e->have_hash)
			continue;
		samv_wr_str(&b, e->f->path);
		samv_wr_u64(&b, e->f->dev);
		samv_wr_u64(&b, e->f->ino);
		samv_wr_u64(&b, e->f->size);
		samv_wr_u64(&b, (uint64_t)e->f->mtime_ns);
		samv_wr_u64(&b, (uint64_t)e->f->ctime_ns);
		samv_buf_add(&b, (const char *)e->hash, 16);
	}
	{
		size_t ng = 0, k;

		for (i = 0; i < ngroups; i++) {
			const struct group *g = &j->groups[i];
			int ok = 1;

			for (k = 0; k < g->n; k++)
				ok &= j->fe[g->files[k]].have_hash;
			ng += ok;
		}
		samv_wr_u64(&b, ng);
		for (i = 0; i < ngroups; i++) {
			const struct group *g = &j->groups[i];
			int ok = 1;

			for (k = 0; k < g->n; k++)
				ok &= j->fe[g->files[k]].have_hash;
			if (ok)
				write_group(&b, j, g, by_path, old->data ?
				    old->data + old->len - 16 : NULL);
		}
	}
	samv_hash128(b.s, b.len, sum);
	samv_buf_add(&b, (const char *)sum, 16);
	path = samv_xasprintf("%s/%s", dir, name);
	(void)mkdir(dir, 0777);
	/* a cache that cannot be written is only a slower next run */
	(void)samv_write_atomic(path, b.s, b.len);
	free(path);
	free(dir);
	samv_buf_release(&b);
}

/* --- the run ------------------------------------------------------------ */

struct bysize {
	size_t n, k;
};

static int
bysize_cmp(const void *a, const void *b)
{
	const struct bysize *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

static void
report_nonrecord(const struct samv_file *f, struct samv_diags *d)
{
	if (f->is_link)
		samv_diags_add(d, f->path, 0, 0, SAMV_ERROR, "symlink",
		    "symbolic link in the repository is not followed");
	else
		samv_record_path_finding(f->path, d);
}

int
samv_check_run(struct samv_source *src, const struct samv_check_options *opt,
    struct samv_diags *d, struct samv_check_stats *st, char **err)
{
	struct samv_filelist files;
	struct samv_map index[SAMV_KIND_COUNT], by_body = SAMV_MAP_INIT,
	    by_path = SAMV_MAP_INIT;
	struct samv_repo *base = NULL;
	struct fent *fe = NULL;
	struct group *groups = NULL;
	struct cache cache;
	struct header h;
	struct job j;
	struct timespec now;
	size_t i, k, ngroups = 0, gcap = 0, stat_hits = 0, nrec = 0;
	int unchanged;
	char *gitdir = NULL, *cpath = NULL, *cfg = NULL;
	const char *cname;
	size_t cfglen = 0;
	int threads = thread_count(opt->threads), use_cache = opt->use_cache;
	int64_t scan_ns;

	memset(st, 0, sizeof(*st));
	memset(index, 0, sizeof(index));
	memset(&cache, 0, sizeof(cache));
	memset(&h, 0, sizeof(h));
	memset(&j, 0, sizeof(j));
	*err = NULL;
	clock_gettime(CLOCK_REALTIME, &now);
	scan_ns = (int64_t)now.tv_sec * 1000000000LL + now.tv_nsec;
	if (samv_source_list(src, &files, err) < 0)
		return -1;

	/* samv.yaml first: every body's rules read it */
	samv_repo_open(&base, src, d, err);
	free(*err);
	*err = NULL;
	samv_rules_run(base, opt->today, d);
	for (k = 0; k < SAMV_KIND_COUNT; k++)
		samv_schema_for((enum samv_kind)k, d);
	if (samv_source_exists(src, "samv.yaml") == 1 &&
	    samv_source_read(src, "samv.yaml", SAMV_MAX_FILE_SIZE, &cfg,
	    &cfglen) == 0)
		samv_hash128(cfg, cfglen, h.config);
	free(cfg);

	/* every file: its record id, and the body it is filed under */
	fe = samv_xcalloc(files.n + 1, sizeof(*fe));
	samv_map_reserve(&by_path, files.n);
	for (i = 0; i < files.n; i++) {
		struct fent *e = &fe[i];
		char *body;
		long gi;

		e->f = &files.v[i];
		e->group = -1;
		e->kind = samv_path_parse(e->f->path, &e->id);
		samv_map_put(&by_path, e->f->path, e);
		if (e->f->is_link || e->kind == SAMV_KIND_NONE) {
			e->kind = SAMV_KIND_NONE;
			report_nonrecord(e->f, d);
			continue;
		}
		st->count[e->kind]++;
		if (e->kind == SAMV_KIND_CONFIG)
			continue;
		samv_map_put(&index[e->kind], e->id, e);
		if (e->f->have_oid) {
			memcpy(e->hash, e->f->oid, 16);
			e->have_hash = 1;
		}
		body = samv_id_body(e->id);
		gi = (long)(intptr_t)samv_map_get(&by_body, body);
		if (gi == 0) {
			if (ngroups == gcap) {
				gcap = gcap ? gcap * 2 : 64;
				groups = samv_xreallocarray(groups, gcap,
				    sizeof(*groups));
			}
			memset(&groups[ngroups], 0, sizeof(*groups));
			groups[ngroups].key = body;
			samv_map_put(&by_body, body,
			    (void *)(intptr_t)(ngroups + 1));
			gi = (long)++ngroups;
		} else
			free(body);
		e->group = gi - 1;
		{
			struct group *g = &groups[gi - 1];

			if (g->n == g->cap) {
				g->cap = g->cap ? g->cap * 2 : 16;
				g->files = samv_xreallocarray(g->files, g->cap,
				    sizeof(*g->files));
			}
			g->files[g->n++] = i;
		}
	}
	st->groups = ngroups;

	j.src = src;
	j.base = base;
	j.index = index;
	j.fe = fe;
	j.groups = groups;
	j.today = opt->today;
	j.rev = samv_source_is_rev(src);
	pthread_mutex_init(&j.mu, NULL);
	{
		/* the rules look at today's year only (rotation up to the
		 * current year): so is the cache keyed, and it stays good
		 * from one day to the next */
		int y, m, dd;

		samv_date_to_ymd(opt->today, &y, &m, &dd);
		h.today = (uint64_t)y;
	}
	h.rev = (uint64_t)j.rev;
	cname = j.rev ? "check-rev.cache" : "check-worktree.cache";
	if (getenv("SAMV_NO_CACHE") && *getenv("SAMV_NO_CACHE"))
		use_cache = 0;
	if (use_cache && (samv_build_id(h.build) < 0 ||
	    (gitdir = samv_source_git_dir(src)) == NULL))
		use_cache = 0;
	if (use_cache) {
		int rc;

		cpath = samv_xasprintf("%s/samv/%s", gitdir, cname);
		rc = cache_read(&cache, cpath, &h);
		st->cache = rc == 0 ? 1 : rc == -2 ? -1 : 0;
	}

	/* what the cache knows: hashes from unchanged stat data, groups */
	if (cache.data != NULL) {
		for (i = 0; i < files.n; i++) {
			struct fent *e = &fe[i];
			const struct cfile *c;

			if (e->group < 0 || e->have_hash ||
			    (c = samv_map_get(&cache.by_path,
			    e->f->path)) == NULL)
				continue;
			if (c->dev == e->f->dev && c->ino == e->f->ino &&
			    c->size == e->f->size &&
			    c->mtime == e->f->mtime_ns &&
			    c->ctime == e->f->ctime_ns &&
			    e->f->ctime_ns + RACY_NS <= cache.scan_ns) {
				memcpy(e->hash, c->hash, 16);
				e->have_hash = 1;
				stat_hits++;
			}
		}
		for (k = 0; k < ngroups; k++) {
			struct group *g = &groups[k];
			struct samv_rd r;

			g->cached = samv_map_get(&cache.by_key, g->key);
			if (g->cached == NULL)
				continue;
			for (i = 0; i < g->n; i++)
				fe[g->files[i]].want = !fe[g->files[i]].have_hash;
			r.p = g->cached->deps;
			r.end = cache.data + cache.len - 16;
			r.bad = 0;
			for (i = 0; i < g->cached->ndeps && !r.bad; i++) {
				const char *p = rd_str(&r);
				uint64_t content = samv_rd_u64(&r);
				struct fent *e;
				unsigned char x[16];

				samv_rd_u64(&r);
				samv_rd_copy(&r, x, 16);
				e = samv_map_get(&by_path, p);
				if (content && e && e->group >= 0 &&
				    !e->have_hash)
					e->want = 1;
			}
		}
		/* hash what changed on disk, in parallel */
		j.todo = samv_xcalloc(files.n + 1, sizeof(*j.todo));
		for (i = 0; i < files.n; i++)
			if (fe[i].want)
				j.todo[j.ntodo++] = i;
		run_parallel(&j, hash_worker, threads);
		free(j.todo);
		j.todo = NULL;
		for (k = 0; k < ngroups; k++) {
			struct group *g = &groups[k];
			unsigned char fp[16];
			int ok = g->cached != NULL;

			for (i = 0; ok && i < g->n; i++)
				ok = fe[g->files[i]].have_hash;
			if (!ok)
				continue;
			fingerprint(&j, g, fp);
			g->valid = memcmp(fp, g->cached->fp, 16) == 0 &&
			    deps_hold(g->cached, &by_path,
			    cache.data + cache.len - 16);
		}
	}

	/* the groups that must be checked: largest first */
	{
		struct bysize *bs = samv_xcalloc(ngroups + 1, sizeof(*bs));

		j.todo = samv_xcalloc(ngroups + 1, sizeof(*j.todo));
		j.ntodo = 0;
		for (k = 0; k < ngroups; k++) {
			if (groups[k].valid)
				st->groups_cached++;
			else {
				bs[j.ntodo].n = groups[k].n;
				bs[j.ntodo++].k = k;
			}
		}
		qsort(bs, j.ntodo, sizeof(*bs), bysize_cmp);
		for (k = 0; k < j.ntodo; k++)
			j.todo[k] = bs[k].k;
		free(bs);
	}
	run_parallel(&j, group_worker, threads);
	st->files_read = j.files_read;

	for (k = 0; k < ngroups; k++) {
		if (groups[k].valid)
			copy_diags(groups[k].cached, cache.data + cache.len -
			    16, d);
		else
			for (i = 0; i < groups[k].diags.n; i++) {
				const struct samv_diag *x =
				    &groups[k].diags.v[i];

				samv_diags_add(d, x->path, x->line, x->col,
				    x->severity, x->rule, "%s", x->msg);
			}
	}
	/* nothing changed: every file known by its stat data and every
	 * body's findings from the cache, which stays as it is */
	unchanged = cache.data != NULL && !j.rev &&
	    stat_hits == cache.nfiles && st->groups_cached == ngroups &&
	    ngroups == cache.ngroups;
	for (i = 0; i < files.n; i++)
		nrec += fe[i].group >= 0;
	unchanged = unchanged && stat_hits == nrec;
	if (use_cache && gitdir && !unchanged)
		cache_write(gitdir, cname, &h, scan_ns, &j, files.n, ngroups,
		    &by_path, &cache);

	for (k = 0; k < ngroups; k++) {
		free(groups[k].key);
		free(groups[k].files);
		samv_diags_release(&groups[k].diags);
		samv_deps_release(&groups[k].deps);
	}
	free(groups);
	free(j.todo);
	pthread_mutex_destroy(&j.mu);
	for (i = 0; i < files.n; i++)
		free(fe[i].id);
	free(fe);
	for (k = 0; k < SAMV_KIND_COUNT; k++)
		samv_map_release(&index[k]);
	samv_map_release(&by_body);
	samv_map_release(&by_path);
	cache_release(&cache);
	samv_repo_free(base);
	samv_filelist_release(&files);
	free(cpath);
	free(gitdir);
	return 0;
}

void
samv_check_paths(struct samv_source *src, const char *const *paths,
    size_t n, long today, struct samv_diags *d)
{
	struct samv_diags all = SAMV_DIAGS_INIT;
	struct samv_repo *base = NULL;
	struct samv_map done = SAMV_MAP_INIT;
	char **bodies = samv_xcalloc(n + 1, sizeof(*bodies));
	char *err = NULL;
	size_t i, k, nb = 0;

	samv_repo_open(&base, src, &all, &err);
	free(err);
	for (i = 0; i < n; i++) {
		char *id = NULL;
		enum samv_kind kind = samv_path_parse(paths[i], &id);

		if (kind == SAMV_KIND_CONFIG)
			samv_rules_run(base, today, &all);
		else if (kind != SAMV_KIND_NONE) {
			char *body = samv_id_body(id);

			if (samv_map_get(&done, body) == NULL) {
				struct samv_repo *view = samv_repo_view(base,
				    NULL);
				int want[SAMV_KIND_COUNT] = { 0 }, kd;
				size_t j;

				/* the folders of the kinds changed in this
				 * body: a record's findings come from its own
				 * rules, which look other records up (those
				 * are read on demand, and not checked), and
				 * from the § numbering across the body's
				 * decisions, which are one folder. The
				 * changed files are read afresh (their stat
				 * data changed); the rest may come from the
				 * tree cache. */
				for (j = i; j < n; j++) {
					char *id2 = NULL, *b2;
					enum samv_kind k2 = samv_path_parse(
					    paths[j], &id2);

					if (k2 > SAMV_KIND_CONFIG) {
						b2 = samv_id_body(id2);
						if (strcmp(b2, body) == 0)
							want[k2] = 1;
						free(b2);
					}
					free(id2);
				}
				view->tc = samv_treecache_open(src);
				samv_map_put(&done, body, body);
				bodies[nb++] = body;
				samv_repo_set_sink(view, &all);
				for (kd = SAMV_KIND_BODY; kd < SAMV_KIND_COUNT;
				    kd++)
					if (want[kd])
						samv_repo_need(view,
						    (enum samv_kind)kd, body);
				samv_rules_run(view, today, &all);
				samv_repo_free(view);
			} else
				free(body);
		}
		free(id);
	}
	for (k = 0; k < all.n; k++)
		for (i = 0; i < n; i++)
			if (strcmp(all.v[k].path, paths[i]) == 0) {
				const struct samv_diag *x = &all.v[k];

				samv_diags_add(d, x->path, x->line, x->col,
				    x->severity, x->rule, "%s", x->msg);
				break;
			}
	for (i = 0; i < nb; i++)
		free(bodies[i]);
	free(bodies);
	samv_map_release(&done);
	samv_diags_release(&all);
	samv_repo_free(base);
}

int
samv_check_cache_parse(const char *data, size_t len)
{
	struct samv_diags d = SAMV_DIAGS_INIT;
	struct samv_map by_path = SAMV_MAP_INIT;
	struct cache c;
	size_t i;
	int n;

	memset(&c, 0, sizeof(c));
	c.data = samv_xmalloc(len + 1);
	memcpy(c.data, data, len);
	c.len = len;
	if (cache_parse(&c, NULL) < 0)
		return -1;
	for (i = 0; i < c.ngroups; i++) {
		deps_hold(&c.groups[i], &by_path, c.data + c.len - 16);
		copy_diags(&c.groups[i], c.data + c.len - 16, &d);
	}
	n = (int)c.ngroups;
	samv_diags_release(&d);
	cache_release(&c);
	return n;
}
