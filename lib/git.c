/* git.c - identity, atomic writes and path-limited commits via libgit2 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <git2.h>
#include <git2/sys/index.h>

#include "date.h"
#include "git.h"
#include "util.h"

char *
samv_git_errmsg(const char *what)
{
	const git_error *e = git_error_last();

	if (e && e->message)
		return samv_xasprintf("%s: %s", what, e->message);
	return samv_xstrdup(what);
}

static int
parse_tz(const char *s, int *off)
{
	int sign, h, m;

	while (*s == ' ')
		s++;
	if (*s == '\0' || strcmp(s, "Z") == 0) {
		*off = 0;
		return 0;
	}
	if (*s != '+' && *s != '-')
		return -1;
	sign = *s == '-' ? -1 : 1;
	s++;
	if (strlen(s) == 4 && sscanf(s, "%2d%2d", &h, &m) == 2)
		;
	else if (strlen(s) == 5 && s[2] == ':' &&
	    sscanf(s, "%2d:%2d", &h, &m) == 2)
		;
	else
		return -1;
	if (h > 14 || m > 59)
		return -1;
	*off = sign * (h * 60 + m);
	return 0;
}

int
samv_git_parse_date(const char *s, git_time_t *t, int *off)
{
	int y, mo, d, h, mi, sec, n = 0;
	long long epoch;
	char sep;

	if (s == NULL)
		return -1;
	if (*s == '@')
		s++;
	if (sscanf(s, "%lld%n", &epoch, &n) == 1 && (s[n] == ' ' ||
	    s[n] == '\0') && n >= 9) {
		if (parse_tz(s + n, off) < 0)
			return -1;
		*t = (git_time_t)epoch;
		return 0;
	}
	if (sscanf(s, "%4d-%2d-%2d%c%2d:%2d:%2d%n", &y, &mo, &d, &sep, &h,
	    &mi, &sec, &n) == 7 && (sep == 'T' || sep == ' ') &&
	    samv_date_valid_ymd(y, mo, d) && h < 24 && mi < 60 && sec < 61) {
		if (parse_tz(s + n, off) < 0)
			return -1;
		*t = (git_time_t)samv_date_from_ymd(y, mo, d) * 86400 +
		    h * 3600 + mi * 60 + sec - (git_time_t)*off * 60;
		return 0;
	}
	return -1;
}

static int
env_signature(git_signature **out, const char *who, char **err)
{
	char nk[32], ek[32], dk[32];
	const char *name, *email, *date;
	git_time_t t;
	int off;

	snprintf(nk, sizeof(nk), "GIT_%s_NAME", who);
	snprintf(ek, sizeof(ek), "GIT_%s_EMAIL", who);
	snprintf(dk, sizeof(dk), "GIT_%s_DATE", who);
	name = getenv(nk);
	email = getenv(ek);
	date = getenv(dk);
	*out = NULL;
	if (name == NULL || email == NULL || *name == '\0')
		return 1;	/* not set: fall back */
	if (date && *date) {
		if (samv_git_parse_date(date, &t, &off) < 0) {
			*err = samv_xasprintf("cannot parse %s '%s'", dk, date);
			return -1;
		}
		if (git_signature_new(out, name, email, t, off) < 0) {
			*err = samv_git_errmsg("invalid identity");
			return -1;
		}
		return 0;
	}
	if (git_signature_now(out, name, email) < 0) {
		*err = samv_git_errmsg("invalid identity");
		return -1;
	}
	return 0;
}

/* user.name/user.email from config, dated by the env date if any. */
static int
config_signature(git_signature **out, git_repository *repo, const char *who,
    char **err)
{
	git_signature *def = NULL;
	char dk[32];
	const char *date;
	git_time_t t;
	int off, rc;

	if (repo != NULL) {
		if (git_signature_default(&def, repo) < 0)
			return 1;
	} else {
		/* no repository yet: the user's global configuration */
		git_config *cfg = NULL;
		git_buf name = { NULL, 0, 0 }, email = { NULL, 0, 0 };
		int ok;

		if (git_config_open_default(&cfg) < 0)
			return 1;
		ok = git_config_get_string_buf(&name, cfg, "user.name") == 0 &&
		    git_config_get_string_buf(&email, cfg, "user.email") == 0 &&
		    git_signature_now(&def, name.ptr, email.ptr) == 0;
		git_buf_dispose(&name);
		git_buf_dispose(&email);
		git_config_free(cfg);
		if (!ok)
			return 1;
	}
	snprintf(dk, sizeof(dk), "GIT_%s_DATE", who);
	date = getenv(dk);
	if (date && *date) {
		if (samv_git_parse_date(date, &t, &off) < 0) {
			git_signature_free(def);
			*err = samv_xasprintf("cannot parse %s '%s'", dk, date);
			return -1;
		}
		rc = git_signature_new(out, def->name, def->email, t, off);
		git_signature_free(def);
		if (rc < 0) {
			*err = samv_git_errmsg("invalid identity");
			return -1;
		}
		return 0;
	}
	*out = def;
	return 0;
}

int
samv_git_signatures(git_signature **author, git_signature **committer,
    git_repository *repo, char **err)
{
	int rc;

	*author = *committer = NULL;
	*err = NULL;
	rc = env_signature(author, "AUTHOR", err);
	if (rc > 0)
		rc = config_signature(author, repo, "AUTHOR", err);
	if (rc < 0)
		return SAMV_GIT_ERROR;
	if (rc > 0) {
		*err = samv_xstrdup("no author identity: set user.name and "
		    "user.email (git config --global user.name 'Your Name'), "
		    "or GIT_AUTHOR_NAME and GIT_AUTHOR_EMAIL");
		return SAMV_GIT_NOIDENT;
	}
	rc = env_signature(committer, "COMMITTER", err);
	if (rc > 0)
		rc = config_signature(committer, repo, "COMMITTER", err);
	if (rc > 0)
		rc = git_signature_dup(committer, *author) < 0 ? -1 : 0;
	if (rc < 0) {
		git_signature_free(*author);
		*author = NULL;
		if (*err == NULL)
			*err = samv_git_errmsg("invalid committer identity");
		return SAMV_GIT_ERROR;
	}
	return 0;
}

/* --- work tree -------------------------------------------------------- */

struct saved {
	char *abs;
	char *old;		/* previous contents, NULL if it did not exist */
	size_t old_len;
	mode_t mode;
	int written;
	git_index_entry entry;	/* previous index entry */
	char *entry_path;
	int had_entry;
	struct stat st;		/* of the file written, after its rename */
	int restored;		/* old contents written back (st is theirs) */
};

/* Creates the parent directories of rel below top; never through a link. */
static int
make_parents(const char *top, const char *rel, char **err)
{
	char *path = samv_xasprintf("%s/%s", top, rel);
	size_t base = strlen(top) + 1;
	char *p;
	struct stat st;
	int rc = 0;

	for (p = path + base; (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (lstat(path, &st) == 0) {
			if (!S_ISDIR(st.st_mode)) {
				*err = samv_xasprintf("'%s' is not a directory "
				    "(symbolic links are not followed)", path);
				rc = -1;
				break;
			}
		} else if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			*err = samv_xasprintf("cannot create '%s': %s", path,
			    strerror(errno));
			rc = -1;
			break;
		}
		*p = '/';
	}
	free(path);
	return rc;
}

/*
 * Temp files of samv processes that were killed before their rename;
 * safe to remove, since the caller holds the repository lock.
 */
static void
remove_stale_temps(const char *abs)
{
	const char *slash = strrchr(abs, '/');
	char *dir, *prefix;
	size_t pl;
	DIR *d;
	struct dirent *de;

	if (slash == NULL)
		return;
	dir = samv_xstrndup(abs, (size_t)(slash - abs));
	prefix = samv_xasprintf("%s.samv-tmp-", slash + 1);
	pl = strlen(prefix);
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (strncmp(de->d_name, prefix, pl) == 0) {
				char *p = samv_xasprintf("%s/%s", dir,
				    de->d_name);

				unlink(p);
				free(p);
			}
		closedir(d);
	}
	free(prefix);
	free(dir);
}

/*
 * core.fsync (git 2.36 and later), read as git reads it: a list of
 * components, each name or unambiguous prefix adding its components to
 * git's default and each "-name" taking them away from that default
 * only, so that a name always wins. Git's default flushes none of what
 * a one-record commit writes (loose objects, the index, a ref): 1 when
 * the setting names any of them.
 */
static int
fsync_names_ours(const char *v)
{
	enum { LOOSE = 1, INDEX = 2, REF = 4 };
	static const struct {
		const char *name;
		unsigned bits;
	} comp[] = {
		{ "loose-object", LOOSE }, { "pack", 0 }, { "pack-metadata", 0 },
		{ "commit-graph", 0 }, { "index", INDEX }, { "objects", LOOSE },
		{ "reference", REF }, { "derived-metadata", 0 },
		{ "committed", LOOSE | REF }, { "added", LOOSE | REF | INDEX },
		{ "all", LOOSE | REF | INDEX },
	};
	unsigned positive = 0;
	size_t k;

	while (*v) {
		size_t n;

		v += strspn(v, ", \t\n\r");
		n = strcspn(v, ",");
		if (n == 0)
			break;
		if (*v != '-')	/* a negation only trims git's default */
			for (k = 0; k < sizeof(comp) / sizeof(comp[0]); k++)
				if (strncmp(comp[k].name, v, n) == 0)
					positive |= comp[k].bits;
		v += n;
	}
	return positive != 0;
}

int
samv_git_durable(git_repository *repo)
{
	git_config *cfg = NULL;
	git_buf v = GIT_BUF_INIT;
	int on = 0, b;

	if (git_repository_config_snapshot(&cfg, repo) < 0)
		return 0;
	if (git_config_get_string_buf(&v, cfg, "core.fsync") == 0)
		on = fsync_names_ours(v.ptr);
	/* the older setting adds loose objects whatever core.fsync says */
	if (git_config_get_bool(&b, cfg, "core.fsyncObjectFiles") == 0 && b)
		on = 1;
	git_buf_dispose(&v);
	git_config_free(cfg);
	git_error_clear();
	return on;
}

/* Flushes a file libgit2 wrote without (the index, a ref): 0 or -1. */
static int
sync_file(const char *path)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc;

	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

static int
write_atomic(const char *abs, const char *data, size_t len, mode_t mode,
    int durable, struct stat *st, char **err)
{
	char *tmp;

	remove_stale_temps(abs);
	tmp = samv_xasprintf("%s.samv-tmp-%ld", abs, (long)getpid());
	int fd;
	size_t done = 0;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
	    mode);
	if (fd < 0 && errno == EEXIST) {
		unlink(tmp);	/* a leftover of a killed process */
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
		    O_NOFOLLOW, mode);
	}
	if (fd < 0)
		goto fail;
	while (done < len) {
		ssize_t w = write(fd, data + done, len - done);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			close(fd);
			goto fail;
		}
		done += (size_t)w;
	}
	if ((durable && fsync(fd) < 0) || close(fd) < 0)
		goto fail;
	if (rename(tmp, abs) < 0)
		goto fail;
	free(tmp);
	/* after the rename, which sets the file's ctime on Linux; the
	 * file is in place, so a failure here is no failure: zero stat
	 * data only makes git read the file to see that it is clean */
	if (st && lstat(abs, st) < 0)
		memset(st, 0, sizeof(*st));
	return 0;
fail:
	*err = samv_xasprintf("cannot write '%s': %s", abs, strerror(errno));
	unlink(tmp);
	free(tmp);
	return -1;
}

/* An index entry's stat fields, as libgit2 1.5 fills them from lstat. */
static void
entry_stat(git_index_entry *ie, const struct stat *st)
{
	ie->ctime.seconds = (int32_t)st->st_ctim.tv_sec;
	ie->ctime.nanoseconds = (uint32_t)st->st_ctim.tv_nsec;
	ie->mtime.seconds = (int32_t)st->st_mtim.tv_sec;
	ie->mtime.nanoseconds = (uint32_t)st->st_mtim.tv_nsec;
	ie->dev = (uint32_t)st->st_rdev;	/* libgit2 records st_rdev */
	ie->ino = (uint32_t)st->st_ino;
	ie->uid = (uint32_t)st->st_uid;
	ie->gid = (uint32_t)st->st_gid;
	ie->file_size = (uint32_t)st->st_size;
}

/*
 * As git_index_add_bypath() does after adding: a conflict the path had
 * (entries at stages 1-3) becomes resolve-undo data, so the index holds
 * the path at stage 0 only.
 */
static int
resolve_conflict(git_index *index, const char *path)
{
	const git_index_entry *anc, *our, *their;
	int e = git_index_conflict_get(&anc, &our, &their, index, path);

	if (e == GIT_ENOTFOUND) {
		git_error_clear();
		return 0;
	}
	if (e < 0 || git_index_reuc_add(index, path,
	    anc ? (int)anc->mode : 0, anc ? &anc->id : NULL,
	    our ? (int)our->mode : 0, our ? &our->id : NULL,
	    their ? (int)their->mode : 0, their ? &their->id : NULL) < 0)
		return -1;
	return git_index_conflict_remove(index, path);
}

/*
 * Stages the file just written, as git_index_add_bypath() would, but
 * from what is known: the blob the commit's tree holds (so index and
 * HEAD agree even where a filter in .gitattributes would have turned
 * the file into another blob) and the file's stat data, taken right
 * after its rename. add_bypath would read, filter, compress and store
 * the file again to find the same blob.
 */
static int
stage_written(git_index *index, const struct saved *sv,
    const git_tree_update *u)
{
	git_index_entry ie;

	memset(&ie, 0, sizeof(ie));
	entry_stat(&ie, &sv->st);
	ie.mode = u->filemode;
	ie.id = u->id;
	ie.path = u->path;
	if (git_index_add(index, &ie) < 0)
		return -1;
	return resolve_conflict(index, u->path);
}

static void
restore_worktree(struct saved *s, size_t n)
{
	size_t i;
	char *ignore = NULL;

	for (i = 0; i < n; i++) {
		if (!s[i].written)
			continue;
		if (s[i].old)
			s[i].restored = write_atomic(s[i].abs, s[i].old,
			    s[i].old_len, s[i].mode, 0, &s[i].st, &ignore) == 0;
		else
			unlink(s[i].abs);
		free(ignore);
		ignore = NULL;
	}
}

static void
restore_index(git_index *index, struct saved *s, const struct samv_change *ch,
    size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		git_oid id;

		/* the file put back is a new inode: when it holds the
		 * entry's blob, the entry gets its stat data, so that git
		 * sees it clean without reading it */
		if (s[i].had_entry && s[i].restored &&
		    git_odb_hash(&id, s[i].old, s[i].old_len,
		    GIT_OBJECT_BLOB) == 0 && git_oid_equal(&id, &s[i].entry.id))
			entry_stat(&s[i].entry, &s[i].st);
		if (s[i].had_entry)
			git_index_add(index, &s[i].entry);
		else
			git_index_remove_bypath(index, ch[i].path);
	}
	git_index_write(index);
}

static int
is_lock_error(int code)
{
	return code == GIT_ELOCKED || code == GIT_EMODIFIED;
}

int
samv_git_commit_changes(git_repository *repo, const struct samv_change *ch,
    size_t n, const char *msg, git_oid *out, char **err)
{
	struct saved *s = samv_xcalloc(n ? n : 1, sizeof(*s));
	git_tree_update *upd = samv_xcalloc(n ? n : 1, sizeof(*upd));
	git_reference *head = NULL;
	git_commit *parent = NULL;
	git_tree *base = NULL, *tree = NULL;
	git_index *index = NULL;
	git_signature *author = NULL, *committer = NULL;
	git_oid tree_oid, commit_oid;
	const char *top = git_repository_workdir(repo);
	int rc = SAMV_GIT_ERROR, e, staged = 0, durable;
	size_t i;

	*err = NULL;
	/* as durable as git is configured to be: files, objects, index and
	 * refs flushed only when core.fsync asks for what a commit writes */
	durable = samv_git_durable(repo);
	git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, durable);
	if (git_repository_state(repo) != GIT_REPOSITORY_STATE_NONE) {
		*err = samv_xstrdup("a merge, rebase or other git operation is "
		    "in progress; finish or abort it first");
		goto out;
	}
	if ((e = samv_git_signatures(&author, &committer, repo, err)) < 0) {
		rc = e;
		goto out;
	}
	e = git_repository_head(&head, repo);
	if (e == 0) {
		if (git_reference_peel((git_object **)&parent, head,
		    GIT_OBJECT_COMMIT) < 0 || git_commit_tree(&base, parent) < 0) {
			*err = samv_git_errmsg("cannot read HEAD");
			goto out;
		}
	} else if (e != GIT_EUNBORNBRANCH && e != GIT_ENOTFOUND) {
		*err = samv_git_errmsg("cannot read HEAD");
		goto out;
	}

	/* blobs first: nothing visible changes until they all exist */
	for (i = 0; i < n; i++) {
		upd[i].path = ch[i].path;
		if (ch[i].data == NULL) {
			upd[i].action = GIT_TREE_UPDATE_REMOVE;
			continue;
		}
		upd[i].action = GIT_TREE_UPDATE_UPSERT;
		upd[i].filemode = GIT_FILEMODE_BLOB;
		if (base != NULL) {
			/* a file committed executable stays so */
			git_tree_entry *te = NULL;

			if (git_tree_entry_bypath(&te, base, ch[i].path) == 0 &&
			    git_tree_entry_filemode(te) ==
			    GIT_FILEMODE_BLOB_EXECUTABLE)
				upd[i].filemode = GIT_FILEMODE_BLOB_EXECUTABLE;
			git_tree_entry_free(te);
			git_error_clear();
		}
		if (git_blob_create_from_buffer(&upd[i].id, repo, ch[i].data,
		    ch[i].len) < 0) {
			*err = samv_git_errmsg("cannot store file");
			goto out;
		}
	}
	if (git_tree_create_updated(&tree_oid, repo, base, n, upd) < 0 ||
	    git_tree_lookup(&tree, repo, &tree_oid) < 0) {
		*err = samv_git_errmsg("cannot build the commit's tree");
		goto out;
	}

	if (top != NULL) {
		/* the work tree, each file atomically */
		for (i = 0; i < n; i++) {
			struct stat st;

			s[i].abs = samv_xasprintf("%s%s", top, ch[i].path);
			s[i].mode = 0666;
			if (lstat(s[i].abs, &st) == 0) {
				if (!S_ISREG(st.st_mode)) {
					*err = samv_xasprintf("'%s' is not a "
					    "regular file", s[i].abs);
					goto rollback;
				}
				s[i].mode = st.st_mode & 0777;
				if (samv_read_file(s[i].abs, (size_t)-1 / 2,
				    &s[i].old, &s[i].old_len) < 0) {
					*err = samv_xasprintf("cannot read "
					    "'%s': %s", s[i].abs,
					    strerror(errno));
					goto rollback;
				}
			}
			if (ch[i].data) {
				if (make_parents(top, ch[i].path, err) < 0)
					goto rollback;
				if (write_atomic(s[i].abs, ch[i].data,
				    ch[i].len, s[i].mode, durable, &s[i].st,
				    err) < 0)
					goto rollback;
			} else if (s[i].old && unlink(s[i].abs) < 0) {
				*err = samv_xasprintf("cannot remove '%s': %s",
				    s[i].abs, strerror(errno));
				goto rollback;
			}
			s[i].written = 1;
		}
		/* then the index, for exactly these paths, before HEAD moves */
		if (git_repository_index(&index, repo) < 0 ||
		    git_index_read(index, 0) < 0) {
			*err = samv_git_errmsg("cannot read the index");
			goto rollback;
		}
		for (i = 0; i < n; i++) {
			const git_index_entry *old = git_index_get_bypath(index,
			    ch[i].path, 0);

			if (old) {
				s[i].entry = *old;
				s[i].entry_path = samv_xstrdup(old->path);
				s[i].entry.path = s[i].entry_path;
				s[i].had_entry = 1;
			}
			e = ch[i].data ? stage_written(index, &s[i], &upd[i]) :
			    git_index_remove_bypath(index, ch[i].path);
			if (e < 0) {
				*err = samv_git_errmsg("cannot stage file");
				goto rollback;
			}
		}
		if ((e = git_index_write(index)) < 0) {
			if (is_lock_error(e))
				rc = SAMV_GIT_BUSY;
			*err = samv_git_errmsg("cannot write the index");
			git_index_read(index, 1);
			goto rollback;
		}
		staged = 1;
		/* libgit2 1.5 writes the index without fsync, whatever
		 * GIT_OPT_ENABLE_FSYNC_GITDIR says */
		if (durable && git_index_path(index) &&
		    sync_file(git_index_path(index)) < 0) {
			*err = samv_xasprintf("cannot flush the index: %s",
			    strerror(errno));
			goto rollback;
		}
	}

	e = git_commit_create(&commit_oid, repo, "HEAD", author, committer,
	    NULL, msg, tree, parent ? 1 : 0,
	    (const git_commit **)(parent ? &parent : NULL));
	if (e < 0) {
		if (is_lock_error(e))
			rc = SAMV_GIT_BUSY;
		*err = samv_git_errmsg("cannot commit");
		goto rollback;
	}
	if (durable) {
		/* the branch ref, which libgit2 1.5 may write without fsync
		 * (its ref store decides when it is first used); the commit
		 * has landed, so this is best effort */
		git_reference *nh = NULL;

		if (git_repository_head(&nh, repo) == 0) {
			char *rp = samv_xasprintf("%s%s",
			    git_repository_commondir(repo),
			    git_reference_name(nh));

			(void)sync_file(rp);
			free(rp);
		}
		git_reference_free(nh);
		git_error_clear();
	}
	if (out)
		*out = commit_oid;
	rc = 0;
	goto out;

rollback:
	restore_worktree(s, n);
	if (staged)
		restore_index(index, s, ch, n);
out:
	for (i = 0; i < n; i++) {
		free(s[i].abs);
		free(s[i].old);
		free(s[i].entry_path);
	}
	free(s);
	free(upd);
	git_index_free(index);
	git_signature_free(author);
	git_signature_free(committer);
	git_tree_free(tree);
	git_tree_free(base);
	git_commit_free(parent);
	git_reference_free(head);
	return rc;
}
