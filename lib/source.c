/* source.c - listing and reading record files from a tree or a revision */
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <git2.h>

#include "git.h"
#include "source.h"
#include "util.h"

/* in path order, as samv_source_list() gives them, samv.yaml last */
static const char *const record_dirs[] = {
	"assignments", "bodies", "decisions", "meetings"
};
#define NDIRS (sizeof(record_dirs) / sizeof(record_dirs[0]))

struct samv_source {
	char *root;		/* work tree: absolute root */
	git_repository *repo;	/* revision: the repository */
	git_tree *tree;		/* revision: the samv root's tree */
	char *name;
	/* libgit2 objects are used by one thread at a time */
	pthread_mutex_t mu;
};

static struct samv_file *
add_file(struct samv_filelist *l, const char *path, int is_link)
{
	struct samv_file *f;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->v = samv_xreallocarray(l->v, l->cap, sizeof(*l->v));
	}
	f = &l->v[l->n++];
	memset(f, 0, sizeof(*f));
	f->path = samv_xstrdup(path);
	f->is_link = is_link;
	return f;
}

static void
set_stat(struct samv_file *f, const struct stat *st)
{
	f->dev = (unsigned long long)st->st_dev;
	f->ino = (unsigned long long)st->st_ino;
	f->size = (unsigned long long)st->st_size;
	f->mtime_ns = (long long)st->st_mtim.tv_sec * 1000000000LL +
	    st->st_mtim.tv_nsec;
	f->ctime_ns = (long long)st->st_ctim.tv_sec * 1000000000LL +
	    st->st_ctim.tv_nsec;
}

static int
filecmp(const void *a, const void *b)
{
	return strcmp(((const struct samv_file *)a)->path,
	    ((const struct samv_file *)b)->path);
}

/*
 * Sorts l by path unless it is sorted already: the walks give their
 * files in path order (each folder's entries sorted as strcmp sorts the
 * full paths, and git's trees are in that order too), so a large listing
 * costs one pass instead of a sort; anything else is sorted.
 */
static void
filelist_sort(struct samv_filelist *l)
{
	size_t i;

	for (i = 1; i < l->n; i++)
		if (strcmp(l->v[i - 1].path, l->v[i].path) > 0) {
			qsort(l->v, l->n, sizeof(*l->v), filecmp);
			return;
		}
}

/* One entry of a folder being walked. */
struct went {
	char *name;
	unsigned char t;	/* DT_REG, DT_DIR, DT_LNK or DT_UNKNOWN */
	struct stat st;
};

/*
 * Folder entries in the order strcmp gives their full paths: a folder's
 * name compares as if it ended in '/', which is what follows it in the
 * paths of its files ("2021/…" after "2021-x.yaml", as '-' < '/').
 */
static int
wentcmp(const void *a, const void *b)
{
	const struct went *x = a, *y = b;
	const unsigned char *p = (const unsigned char *)x->name;
	const unsigned char *q = (const unsigned char *)y->name;
	int c1, c2;

	while (*p && *p == *q)
		p++, q++;
	c1 = *p ? *p : x->t == DT_DIR ? '/' : 0;
	c2 = *q ? *q : y->t == DT_DIR ? '/' : 0;
	return c1 - c2;
}

void
samv_filelist_release(struct samv_filelist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i].path);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

int
samv_find_root(const char *start, char **root)
{
	char buf[PATH_MAX], *p;
	struct stat st;

	*root = NULL;
	if (realpath(start, buf) == NULL)
		return -1;
	for (;;) {
		size_t n = strlen(buf);
		char *probe = samv_xasprintf("%s%ssamv.yaml", buf,
		    n && buf[n - 1] == '/' ? "" : "/");
		int found = lstat(probe, &st) == 0 && S_ISREG(st.st_mode);

		free(probe);
		if (found) {
			*root = samv_xstrdup(buf);
			return 0;
		}
		p = strrchr(buf, '/');
		if (p == NULL || p == buf)
			break;
		*p = '\0';
	}
	return -1;
}

int
samv_source_open_worktree(struct samv_source **out, const char *root)
{
	struct samv_source *s = samv_xcalloc(1, sizeof(*s));

	pthread_mutex_init(&s->mu, NULL);
	s->root = samv_xstrdup(root);
	s->name = samv_xstrdup(root);
	*out = s;
	return 0;
}

/*
 * Lists the folder rel below root into out: the folder name inside its
 * parent pfd, or (pfd < 0) the whole path, so that a deep walk does not
 * look every path up again from the root.
 */
static int
walk_at(int pfd, const char *name, const char *root, const char *rel,
    struct samv_filelist *out, char **err, int depth)
{
	DIR *dir;
	struct dirent *de;
	struct went *ents = NULL;
	size_t ne = 0, cap = 0, i;
	int rc = 0, fd;

	if (depth > 8)
		return 0;
	if (pfd < 0) {
		char *abs = samv_xasprintf("%s/%s", root, rel);

		fd = open(abs, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
		free(abs);
	} else
		fd = openat(pfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
	if (fd < 0 || (dir = fdopendir(fd)) == NULL) {
		int e = errno;

		if (fd >= 0)
			close(fd);
		if (pfd >= 0 && e == ELOOP) {
			/* a folder became a link since it was read */
			add_file(out, rel, 1);
			return 0;
		}
		if (e != ENOENT && e != ENOTDIR) {
			*err = samv_xasprintf("cannot open '%s/%s': %s", root,
			    rel, strerror(e));
			rc = -1;
		}
		return rc;
	}
	while ((de = readdir(dir)) != NULL) {
		struct went *e;
		unsigned char t = de->d_type;

		if (de->d_name[0] == '.')
			continue;	/* ., .., and hidden files like .gitkeep */
		if (ne == cap) {
			cap = cap ? cap * 2 : 16;
			ents = samv_xreallocarray(ents, cap, sizeof(*ents));
		}
		e = &ents[ne++];
		e->name = samv_xstrdup(de->d_name);
		/* the entry's own type, never a link's target; stat data
		 * only for files, relative to the folder (no path walk) */
		if (t == DT_UNKNOWN || t == DT_REG) {
			if (fstatat(dirfd(dir), de->d_name, &e->st,
			    AT_SYMLINK_NOFOLLOW) < 0)
				t = DT_UNKNOWN;
			else if (S_ISLNK(e->st.st_mode))
				t = DT_LNK;
			else if (S_ISDIR(e->st.st_mode))
				t = DT_DIR;
			else if (S_ISREG(e->st.st_mode))
				t = DT_REG;
			else
				t = DT_UNKNOWN;
		}
		e->t = t;
	}
	/* in path order, so that the listing needs no sort afterwards */
	if (ne > 1)
		qsort(ents, ne, sizeof(*ents), wentcmp);
	for (i = 0; i < ne; i++) {
		struct went *e = &ents[i];
		char *child;

		if (rc < 0 || (e->t != DT_LNK && e->t != DT_DIR &&
		    e->t != DT_REG)) {
			free(e->name);
			continue;
		}
		child = samv_xjoin(rel, strlen(rel), '/', e->name,
		    strlen(e->name));
		if (e->t == DT_LNK)
			add_file(out, child, 1);
		else if (e->t == DT_DIR)
			rc = walk_at(dirfd(dir), e->name, root, child, out,
			    err, depth + 1);
		else
			set_stat(add_file(out, child, 0), &e->st);
		free(child);
		free(e->name);
	}
	free(ents);
	closedir(dir);
	return rc;
}

static int
walk_dir(const char *root, const char *rel, struct samv_filelist *out,
    char **err, int depth)
{
	return walk_at(-1, NULL, root, rel, out, err, depth);
}

/*
 * A record folder holds one folder per body: with thousands of bodies
 * the listing (a stat of every file) is split between two threads, the
 * kernel's work as much as ours. Entries directly in rel and the order
 * of the result are as walk_dir gives them (the caller sorts).
 */
struct walk_part {
	const char *root;
	char **dirs;
	size_t n;
	struct samv_filelist out;
	char *err;
	int rc;
};

/* Folder paths of one parent in path order (each as if ending in '/'). */
static int
dircmp(const void *a, const void *b)
{
	struct went x, y;

	x.name = *(char *const *)a;
	y.name = *(char *const *)b;
	x.t = y.t = DT_DIR;
	return wentcmp(&x, &y);
}

static void *
walk_part_run(void *arg)
{
	struct walk_part *p = arg;
	size_t i;

	for (i = 0; i < p->n && p->rc == 0; i++)
		p->rc = walk_dir(p->root, p->dirs[i], &p->out, &p->err, 1);
	return NULL;
}

static int
walk_parallel(const char *root, const char *rel, struct samv_filelist *out,
    char **err)
{
	char *abs = samv_xjoin(root, strlen(root), '/', rel, strlen(rel));
	char **dirs = NULL;
	size_t nd = 0, cap = 0, i, k;
	struct walk_part part[2];
	pthread_t tid;
	DIR *dir;
	struct dirent *de;
	int rc = 0, started, plain = 0;

	if ((dir = opendir(abs)) == NULL) {
		free(abs);
		return walk_dir(root, rel, out, err, 0);
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (de->d_type != DT_DIR) {
			plain = 1;	/* anything else: the plain walk */
			break;
		}
		if (nd == cap) {
			cap = cap ? cap * 2 : 64;
			dirs = samv_xreallocarray(dirs, cap, sizeof(*dirs));
		}
		dirs[nd++] = samv_xjoin(rel, strlen(rel), '/', de->d_name,
		    strlen(de->d_name));
	}
	closedir(dir);
	free(abs);
	/* the parts in path order: their concatenation is sorted */
	if (nd > 1 && !plain)
		qsort(dirs, nd, sizeof(*dirs), dircmp);
	if (plain || nd < 64) {
		for (i = 0; i < nd; i++)
			free(dirs[i]);
		free(dirs);
		return walk_dir(root, rel, out, err, 0);
	}
	memset(part, 0, sizeof(part));
	for (k = 0; k < 2; k++) {
		part[k].root = root;
		part[k].dirs = dirs + k * (nd / 2);
		part[k].n = k == 0 ? nd / 2 : nd - nd / 2;
	}
	started = pthread_create(&tid, NULL, walk_part_run, &part[1]) == 0;
	walk_part_run(&part[0]);
	if (started)
		pthread_join(tid, NULL);
	else
		walk_part_run(&part[1]);
	for (k = 0; k < 2; k++) {
		for (i = 0; i < part[k].out.n; i++) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 64;
				out->v = samv_xreallocarray(out->v, out->cap,
				    sizeof(*out->v));
			}
			out->v[out->n++] = part[k].out.v[i];	/* moved */
		}
		free(part[k].out.v);
		if (part[k].rc < 0 && rc == 0) {
			rc = -1;
			*err = part[k].err;
			part[k].err = NULL;
		}
		free(part[k].err);
	}
	for (i = 0; i < nd; i++)
		free(dirs[i]);
	free(dirs);
	return rc;
}

struct tree_walk {
	struct samv_filelist *out;
};

static int
tree_cb(const char *root, const git_tree_entry *e, void *payload)
{
	struct tree_walk *w = payload;
	char *path;
	git_filemode_t mode = git_tree_entry_filemode(e);

	if (git_tree_entry_type(e) == GIT_OBJECT_TREE)
		return git_tree_entry_name(e)[0] == '.' ? 1 : 0;
	if (git_tree_entry_name(e)[0] == '.')
		return 0;
	path = samv_xasprintf("%s%s", root, git_tree_entry_name(e));
	if (mode == GIT_FILEMODE_LINK)
		add_file(w->out, path, 1);
	else if (mode == GIT_FILEMODE_BLOB ||
	    mode == GIT_FILEMODE_BLOB_EXECUTABLE) {
		struct samv_file *f = add_file(w->out, path, 0);

		memcpy(f->oid, git_tree_entry_id(e)->id, 20);
		f->have_oid = 1;
	}
	free(path);
	return 0;
}

/* Appends the files below rel (a record folder or a folder inside one). */
static int
list_dir(struct samv_source *s, const char *rel, struct samv_filelist *out,
    char **err)
{
	if (s->tree == NULL) {
		struct stat st;
		char *abs = samv_xasprintf("%s/%s", s->root, rel);
		int rc = 0;

		if (lstat(abs, &st) < 0)
			;	/* a missing folder: nothing in it */
		else if (S_ISLNK(st.st_mode))
			add_file(out, rel, 1);
		else if (S_ISDIR(st.st_mode))
			rc = walk_parallel(s->root, rel, out, err);
		free(abs);
		return rc;
	} else {
		git_tree_entry *sub = NULL;
		git_tree *t = NULL;
		struct tree_walk w = { NULL };

		if (git_tree_entry_bypath(&sub, s->tree, rel) < 0)
			return 0;
		if (git_tree_entry_type(sub) == GIT_OBJECT_TREE &&
		    git_tree_lookup(&t, s->repo, git_tree_entry_id(sub)) == 0) {
			struct samv_filelist tmp = { NULL, 0, 0 };
			size_t k;

			w.out = &tmp;
			git_tree_walk(t, GIT_TREEWALK_PRE, tree_cb, &w);
			for (k = 0; k < tmp.n; k++) {
				char *p = samv_xasprintf("%s/%s", rel,
				    tmp.v[k].path);

				struct samv_file *f = add_file(out, p,
				    tmp.v[k].is_link);

				memcpy(f->oid, tmp.v[k].oid, 20);
				f->have_oid = tmp.v[k].have_oid;
				free(p);
			}
			samv_filelist_release(&tmp);
			git_tree_free(t);
		} else if (git_tree_entry_filemode(sub) == GIT_FILEMODE_LINK)
			add_file(out, rel, 1);
		git_tree_entry_free(sub);
		return 0;
	}
}

int
samv_source_list_dir(struct samv_source *s, const char *rel,
    struct samv_filelist *out, char **err)
{
	int rc;

	memset(out, 0, sizeof(*out));
	*err = NULL;
	if (s->tree)
		pthread_mutex_lock(&s->mu);
	rc = list_dir(s, rel, out, err);
	if (s->tree)
		pthread_mutex_unlock(&s->mu);
	if (rc < 0) {
		samv_filelist_release(out);
		return -1;
	}
	filelist_sort(out);
	return 0;
}

/* --- listing ahead ------------------------------------------------------ */

/* Listings made ahead by default; the also work, at most this far. */
#define PREFETCH_AHEAD 16

struct pf_slot {
	struct samv_filelist l;
	void *extra;		/* what also made after the listing */
	char *err;
	int rc;
	int done;		/* also ran (or there is none) */
};

struct samv_prefetch {
	struct samv_source *s;
	char **dirs;
	size_t n, ahead;
	size_t made, taken;	/* folders listed, folders taken */
	int stop, started;
	samv_prefetch_also_fn *also;
	void (*drop)(void *);
	void *arg;
	struct pf_slot *slot;	/* one per folder */
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t tid;
};

/*
 * The thread's next job, under the lock: the also work of the first
 * folder within PREFETCH_AHEAD of the caller that lacks it, else the
 * next listing while fewer than ahead wait; SIZE_MAX: nothing now.
 * *list says which.
 */
static size_t
pf_next(const struct samv_prefetch *p, int *list)
{
	/* before the caller's first take only the first folder's: a
	 * listing made long ahead holds no also work meanwhile */
	size_t i, end = p->taken + (p->taken ? PREFETCH_AHEAD : 1);

	for (i = p->taken; i < p->made && i < end; i++)
		if (!p->slot[i].done) {
			*list = 0;
			return i;
		}
	if (p->made < p->n && p->made - p->taken < p->ahead) {
		*list = 1;
		return p->made;
	}
	return SIZE_MAX;
}

static void *
prefetch_run(void *arg)
{
	struct samv_prefetch *p = arg;
	size_t i;
	int list;

	pthread_mutex_lock(&p->mu);
	while (!p->stop) {
		if ((i = pf_next(p, &list)) == SIZE_MAX) {
			if (p->made == p->n && (p->also == NULL ||
			    p->taken + (p->taken ? PREFETCH_AHEAD : 1) >= p->n))
				break;	/* all listed, every also done */
			pthread_cond_wait(&p->cv, &p->mu);
			continue;
		}
		pthread_mutex_unlock(&p->mu);
		if (list) {
			struct pf_slot sl;

			memset(&sl, 0, sizeof(sl));
			sl.rc = samv_source_list_dir(p->s, p->dirs[i], &sl.l,
			    &sl.err);
			sl.done = p->also == NULL;
			pthread_mutex_lock(&p->mu);
			p->slot[i] = sl;
			p->made++;
		} else {
			void *x = p->also(p->arg, p->dirs[i]);

			pthread_mutex_lock(&p->mu);
			p->slot[i].extra = x;
			p->slot[i].done = 1;
		}
		pthread_cond_broadcast(&p->cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

struct samv_prefetch *
samv_source_prefetch(struct samv_source *s, const char *const *dirs, size_t n,
    size_t ahead, samv_prefetch_also_fn *also, void (*drop)(void *),
    void *arg)
{
	struct samv_prefetch *p = samv_xcalloc(1, sizeof(*p));
	size_t i;

	p->s = s;
	p->n = n;
	p->ahead = ahead ? ahead : PREFETCH_AHEAD;
	p->also = also;
	p->drop = drop;
	p->arg = arg;
	p->dirs = samv_xcalloc(n + 1, sizeof(*p->dirs));
	p->slot = samv_xcalloc(n + 1, sizeof(*p->slot));
	for (i = 0; i < n; i++)
		p->dirs[i] = samv_xstrdup(dirs[i]);
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->cv, NULL);
	if (pthread_create(&p->tid, NULL, prefetch_run, p) != 0) {
		samv_prefetch_free(p);
		return NULL;
	}
	p->started = 1;
	return p;
}

int
samv_prefetch_take(struct samv_prefetch *p, struct samv_filelist *out,
    void **extra, char **err)
{
	struct pf_slot *sl;
	int rc;

	memset(out, 0, sizeof(*out));
	*err = NULL;
	if (extra)
		*extra = NULL;
	pthread_mutex_lock(&p->mu);
	if (p->taken >= p->n) {
		pthread_mutex_unlock(&p->mu);
		return 0;
	}
	while (p->made <= p->taken || !p->slot[p->taken].done)
		pthread_cond_wait(&p->cv, &p->mu);
	sl = &p->slot[p->taken];
	*out = sl->l;
	*err = sl->err;
	rc = sl->rc;
	if (extra)
		*extra = sl->extra;
	else if (sl->extra && p->drop)
		p->drop(sl->extra);
	memset(sl, 0, sizeof(*sl));
	p->taken++;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	return rc;
}

void
samv_prefetch_free(struct samv_prefetch *p)
{
	size_t i;

	if (p == NULL)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_broadcast(&p->cv);
	pthread_mutex_unlock(&p->mu);
	if (p->started)
		pthread_join(p->tid, NULL);
	for (i = p->taken; i < p->made; i++) {
		samv_filelist_release(&p->slot[i].l);
		free(p->slot[i].err);
		if (p->slot[i].extra && p->drop)
			p->drop(p->slot[i].extra);
	}
	free(p->slot);
	for (i = 0; p->dirs && p->dirs[i]; i++)
		free(p->dirs[i]);
	free(p->dirs);
	pthread_mutex_destroy(&p->mu);
	pthread_cond_destroy(&p->cv);
	free(p);
}

int
samv_source_stat(struct samv_source *s, const char *path,
    struct samv_file *out)
{
	if (out)
		memset(out, 0, sizeof(*out));
	if (s->tree == NULL) {
		struct stat st;
		char *abs = samv_xasprintf("%s/%s", s->root, path);
		size_t rl = strlen(s->root) + 1;
		char *p;
		int rc = 0;

		/* every folder on the way is a real folder, not a link out */
		for (p = abs + rl; (p = strchr(p, '/')) != NULL; p++) {
			*p = '\0';
			rc = lstat(abs, &st) == 0 && S_ISDIR(st.st_mode);
			*p = '/';
			if (!rc) {
				free(abs);
				return 0;
			}
		}
		if (lstat(abs, &st) < 0 || S_ISDIR(st.st_mode))
			rc = 0;
		else
			rc = S_ISLNK(st.st_mode) ? 2 : 1;
		if (rc && out) {
			set_stat(out, &st);
			out->is_link = rc == 2;
		}
		free(abs);
		return rc;
	} else {
		git_tree_entry *e = NULL;
		int rc = 0;

		pthread_mutex_lock(&s->mu);
		if (git_tree_entry_bypath(&e, s->tree, path) == 0 &&
		    git_tree_entry_type(e) != GIT_OBJECT_TREE) {
			rc = git_tree_entry_filemode(e) == GIT_FILEMODE_LINK ?
			    2 : 1;
			if (out) {
				memcpy(out->oid, git_tree_entry_id(e)->id, 20);
				out->have_oid = 1;
				out->is_link = rc == 2;
			}
		}
		git_tree_entry_free(e);
		pthread_mutex_unlock(&s->mu);
		return rc;
	}
}

int
samv_source_exists(struct samv_source *s, const char *path)
{
	return samv_source_stat(s, path, NULL);
}

int
samv_source_list(struct samv_source *s, struct samv_filelist *out,
    char **err)
{
	size_t i;
	int link;

	memset(out, 0, sizeof(*out));
	*err = NULL;
	for (i = 0; i < NDIRS; i++)
		if (list_dir(s, record_dirs[i], out, err) < 0) {
			samv_filelist_release(out);
			return -1;
		}
	if (s->tree == NULL) {
		struct stat st;
		char *cfg = samv_xasprintf("%s/samv.yaml", s->root);

		link = lstat(cfg, &st) == 0 ? S_ISLNK(st.st_mode) : -1;
		free(cfg);
		if (link >= 0)
			set_stat(add_file(out, "samv.yaml", link), &st);
	} else {
		const git_tree_entry *e = git_tree_entry_byname(s->tree,
		    "samv.yaml");

		link = e ? git_tree_entry_filemode(e) == GIT_FILEMODE_LINK : -1;
		if (link >= 0) {
			struct samv_file *f = add_file(out, "samv.yaml", link);

			memcpy(f->oid, git_tree_entry_id(e)->id, 20);
			f->have_oid = 1;
		}
	}
	filelist_sort(out);
	return 0;
}

int
samv_source_is_rev(const struct samv_source *s)
{
	return s->tree != NULL;
}

const char *
samv_source_root(const struct samv_source *s)
{
	return s->root;
}

int
samv_source_read(struct samv_source *s, const char *path, size_t max,
    char **buf, size_t *len)
{
	*buf = NULL;
	*len = 0;
	if (s->tree == NULL) {
		char *abs = samv_xjoin(s->root, strlen(s->root), '/', path,
		    strlen(path));
		int rc = samv_read_file(abs, max, buf, len);

		free(abs);
		return rc;
	} else {
		git_tree_entry *e = NULL;
		git_blob *blob = NULL;
		size_t n;
		int rc = -1, e2;

		pthread_mutex_lock(&s->mu);
		if (git_tree_entry_bypath(&e, s->tree, path) < 0) {
			errno = ENOENT;
			goto out;
		}
		if (git_blob_lookup(&blob, s->repo, git_tree_entry_id(e)) < 0) {
			errno = EIO;
			goto out;
		}
		n = (size_t)git_blob_rawsize(blob);
		if (n > max) {
			errno = EFBIG;
			goto out;
		}
		*buf = samv_xstrndup(git_blob_rawcontent(blob), n);
		*len = n;
		rc = 0;
	out:
		e2 = errno;
		git_blob_free(blob);
		git_tree_entry_free(e);
		pthread_mutex_unlock(&s->mu);
		errno = e2;
		return rc;
	}
}

int
samv_source_open_rev(struct samv_source **out, const char *start,
    const char *rev, char **err)
{
	struct samv_source *s = NULL;
	git_object *obj = NULL;
	git_tree *tree = NULL;
	git_repository *repo = NULL;
	char real[PATH_MAX];
	const char *wd;
	char *prefix = NULL;
	int rc = -1;

	*out = NULL;
	*err = NULL;
	samv_git_init();
	if (realpath(start, real) == NULL) {
		*err = samv_xasprintf("cannot resolve '%s': %s", start,
		    strerror(errno));
		goto out;
	}
	/*
	 * FROM_ENV honours GIT_DIR, GIT_OBJECT_DIRECTORY and the alternates
	 * git sets for hooks: in pre-receive the pushed objects are still in
	 * a quarantine directory that only the environment names.
	 */
	if (git_repository_open_ext(&repo, real, GIT_REPOSITORY_OPEN_FROM_ENV,
	    NULL) < 0) {
		*err = samv_xasprintf("not a git repository: '%s'", start);
		goto out;
	}
	wd = git_repository_workdir(repo);
	if (wd != NULL) {
		size_t n = strlen(wd);
		char wreal[PATH_MAX];

		if (realpath(wd, wreal) != NULL) {
			n = strlen(wreal);
			if (strncmp(real, wreal, n) == 0 &&
			    (real[n] == '/' || real[n] == '\0'))
				prefix = samv_xstrdup(real[n] == '/' ?
				    real + n + 1 : "");
		}
	}
	if (git_revparse_single(&obj, repo, rev) < 0 ||
	    git_object_peel((git_object **)&tree, obj, GIT_OBJECT_TREE) < 0) {
		const git_error *ge = git_error_last();

		*err = samv_xasprintf("unknown revision '%s'%s%s", rev,
		    ge ? ": " : "", ge ? ge->message : "");
		goto out;
	}
	/* the samv root: the nearest directory at or above the current one
	 * whose tree in that revision holds samv.yaml */
	while (prefix && *prefix) {
		char *probe = samv_xasprintf("%s/samv.yaml", prefix);
		git_tree_entry *pe = NULL;
		int found = git_tree_entry_bypath(&pe, tree, probe) == 0;
		char *slash;

		git_tree_entry_free(pe);
		free(probe);
		if (found)
			break;
		slash = strrchr(prefix, '/');
		if (slash)
			*slash = '\0';
		else
			*prefix = '\0';
	}
	if (prefix && *prefix) {
		git_tree_entry *e = NULL;
		git_tree *sub = NULL;

		if (git_tree_entry_bypath(&e, tree, prefix) < 0 ||
		    git_tree_lookup(&sub, repo, git_tree_entry_id(e)) < 0) {
			git_tree_entry_free(e);
			*err = samv_xasprintf("'%s' is not in revision '%s'",
			    prefix, rev);
			goto out;
		}
		git_tree_entry_free(e);
		git_tree_free(tree);
		tree = sub;
	}
	s = samv_xcalloc(1, sizeof(*s));
	pthread_mutex_init(&s->mu, NULL);
	s->repo = repo;
	s->tree = tree;
	s->name = samv_xasprintf("%s:", rev);
	repo = NULL;
	tree = NULL;
	*out = s;
	rc = 0;
out:
	free(prefix);
	git_object_free(obj);
	git_tree_free(tree);
	git_repository_free(repo);
	return rc;
}

char *
samv_source_git_dir(const struct samv_source *s)
{
	char *dir, *slash;

	if (s->tree != NULL)
		return samv_xstrdup(git_repository_path(s->repo));
	dir = samv_xstrdup(s->root);
	for (;;) {
		char *dotgit = samv_xasprintf("%s/.git", dir);
		struct stat st;

		if (lstat(dotgit, &st) == 0 && S_ISDIR(st.st_mode)) {
			free(dir);
			return dotgit;
		}
		if (lstat(dotgit, &st) == 0 && S_ISREG(st.st_mode)) {
			/* a linked work tree or submodule: "gitdir: PATH" */
			char *buf = NULL, *res = NULL;
			size_t len;

			if (samv_read_file(dotgit, 4096, &buf, &len) == 0 &&
			    len > 8 && strncmp(buf, "gitdir: ", 8) == 0) {
				buf[strcspn(buf, "\r\n")] = '\0';
				res = buf[8] == '/' ? samv_xstrdup(buf + 8) :
				    samv_xasprintf("%s/%s", dir, buf + 8);
			}
			free(buf);
			free(dotgit);
			free(dir);
			return res;
		}
		free(dotgit);
		slash = strrchr(dir, '/');
		if (slash == NULL || slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return NULL;
}

const char *
samv_source_name(const struct samv_source *s)
{
	return s->name;
}

void
samv_source_free(struct samv_source *s)
{
	if (s == NULL)
		return;
	if (s->tree) {
		git_tree_free(s->tree);
		git_repository_free(s->repo);
		git_libgit2_shutdown();
	}
	pthread_mutex_destroy(&s->mu);
	free(s->root);
	free(s->name);
	free(s);
}
