/* treecache.c - parsed records kept between runs, one file per body */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "ids.h"
#include "map.h"
#include "binio.h"
#include "treecache.h"
#include "util.h"

#define TC_MAGIC "samv-trees 3\n"
#define TC_HEADS_MAGIC "samv-heads 1\n"
#define TC_ENDIAN 0x0102030405060708ULL
#define TC_RACY_NS 1000000000LL
#define TC_MAX_NODES (1u << 22)

/*
 * A body's file (one per body and kind): magic, endian mark, build id,
 * record count, records, checksum. A record: path, stat data, the time
 * its stat data was taken, schema_ok, its top-level scalar fields (for
 * samv_treecache_field), text, the length of its nodes and the arena
 * bytes they take when built, then the nodes in preorder (see wr_node).
 * Integers are host order: the cache never leaves this machine.
 * Beside it, <body>.<kind>.heads holds each record up to its fields
 * only, so that samv_treecache_field reads a few kilobytes, not trees.
 */

struct entry {
	const char *path;
	const char *fields;	/* key NUL value NUL, nfields times */
	uint64_t nfields;
	uint64_t dev, ino, size;
	int64_t mtime, ctime, seen;
	const char *raw;	/* the whole record in the file */
	size_t rawlen;
	int fresh;		/* raw is owned: written this run */
};

struct group {
	char *body;
	char *data;		/* the file as read (NULL if none) */
	size_t len;
	struct entry *v;
	size_t n, cap;
	struct samv_map by_path;
	int dirty;
	int loaded;		/* data and entries are in memory */
};

/* The groups of one kind of file: the bodies' trees, or their heads. */
struct shelf {
	struct samv_map map;	/* body.kind -> struct group */
	struct group **v;
	size_t n, cap;
	struct group *last;	/* the group used last */
	int heads;		/* the .heads files, else the .cache files */
};

struct samv_treecache {
	char *dir;		/* $GIT_DIR/samv/trees */
	unsigned char build[16];
	int64_t start_ns;
	struct shelf trees, heads;
};

struct samv_treecache *
samv_treecache_open(struct samv_source *src)
{
	struct samv_treecache *tc;
	struct timespec ts;
	char *gitdir;
	const char *env = getenv("SAMV_NO_CACHE");

	if ((env && *env) || samv_source_is_rev(src))
		return NULL;
	if ((gitdir = samv_source_git_dir(src)) == NULL)
		return NULL;
	tc = samv_xcalloc(1, sizeof(*tc));
	if (samv_build_id(tc->build) < 0) {
		free(gitdir);
		free(tc);
		return NULL;
	}
	tc->dir = samv_xasprintf("%s/samv/trees", gitdir);
	tc->heads.heads = 1;
	free(gitdir);
	clock_gettime(CLOCK_REALTIME, &ts);
	tc->start_ns = (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
	return tc;
}

static size_t
al(size_t n)
{
	size_t a = sizeof(max_align_t);

	return (n + a - 1) / a * a;
}

/*
 * A node in the file: one byte of kind (bits 0-1), style (bits 2-3) and
 * TC_SLICE, then varints: its span against the node before it in
 * preorder (start and line as zigzag differences, then end - start,
 * col, end_line - line and end_col), then a scalar's length and, unless
 * TC_SLICE says the value is the record's text at the span's start, its
 * bytes, or a collection's child count. Most values are plain scalars
 * that are their own text: a node takes a few bytes, not thirty and a
 * copy of the value.
 */
#define TC_SLICE 0x80

struct nodectx {
	uint64_t start, line;	/* of the node before, in preorder */
	const char *text;	/* the record's text */
	size_t textlen;
	uint64_t budget;	/* arena bytes build_node may still take */
};

struct nodehead {
	unsigned kind, style;
	struct samv_span span;
	uint64_t cnt;
	const char *str;	/* a scalar's cnt bytes */
};

static uint64_t
zigzag(uint64_t now, uint64_t before)
{
	return now >= before ? (now - before) << 1 :
	    ((before - now - 1) << 1) | 1;
}

/* before plus the zigzag difference d; 0 and *bad when out of range */
static uint64_t
unzigzag(uint64_t before, uint64_t d, int *bad)
{
	uint64_t m = d >> 1;

	if (d & 1) {
		if (m >= before) {
			*bad = 1;
			return 0;
		}
		return before - m - 1;
	}
	if (m > UINT64_MAX - before) {
		*bad = 1;
		return 0;
	}
	return before + m;
}

/* samv_rd_uv, with the one-byte case (most of them) inline */
static inline uint64_t
rd_uv(struct samv_rd *r)
{
	if (r->p < r->end && (unsigned char)*r->p < 0x80)
		return (unsigned char)*r->p++;
	return samv_rd_uv(r);
}

/* Writes n's tree; *need adds the arena bytes build_node will take. */
static void
wr_node(struct samv_buf *b, struct nodectx *c, const struct samv_node *n,
    size_t *need)
{
	unsigned char head = (unsigned char)(n->kind | n->style << 2);
	size_t i;
	int slice = n->kind == SAMV_NODE_SCALAR && n->span.start <=
	    c->textlen && n->len <= c->textlen - n->span.start &&
	    memcmp(c->text + n->span.start, n->str, n->len) == 0;

	if (slice)
		head |= TC_SLICE;
	samv_buf_add(b, (const char *)&head, 1);
	samv_wr_uv(b, zigzag(n->span.start, c->start));
	samv_wr_uv(b, zigzag(n->span.end, n->span.start));
	samv_wr_uv(b, zigzag(n->span.line, c->line));
	samv_wr_uv(b, n->span.col);
	samv_wr_uv(b, zigzag(n->span.end_line, n->span.line));
	samv_wr_uv(b, n->span.end_col);
	c->start = n->span.start;
	c->line = n->span.line;
	*need += al(sizeof(struct samv_node));
	switch (n->kind) {
	case SAMV_NODE_SCALAR:
		samv_wr_uv(b, n->len);
		if (!slice)
			samv_buf_add(b, n->str, n->len);
		*need += al(n->len + 1);
		break;
	case SAMV_NODE_SEQ:
		samv_wr_uv(b, n->n_items);
		*need += al((n->n_items ? n->n_items : 1) *
		    sizeof(struct samv_node *));
		for (i = 0; i < n->n_items; i++)
			wr_node(b, c, n->items[i], need);
		break;
	case SAMV_NODE_MAP:
		samv_wr_uv(b, n->n_pairs);
		*need += al((n->n_pairs ? n->n_pairs : 1) *
		    sizeof(struct samv_pair));
		for (i = 0; i < n->n_pairs; i++) {
			wr_node(b, c, n->pairs[i].key, need);
			wr_node(b, c, n->pairs[i].value, need);
		}
		break;
	}
}

/*
 * One node's head; -1 (and r->bad) when it is malformed: a kind or
 * style out of range, a span that leaves the text, a slice or a child
 * count that cannot be.
 */
static int
rd_head(struct samv_rd *r, struct nodectx *c, struct nodehead *h)
{
	unsigned b = samv_rd_u8(r);
	uint64_t start, end, line, col, eline, ecol;
	int bad = 0;

	h->kind = b & 3;
	h->style = (b >> 2) & 3;
	start = unzigzag(c->start, rd_uv(r), &bad);
	end = unzigzag(start, rd_uv(r), &bad);
	line = unzigzag(c->line, rd_uv(r), &bad);
	col = rd_uv(r);
	eline = unzigzag(line, rd_uv(r), &bad);
	ecol = rd_uv(r);
	h->cnt = rd_uv(r);
	h->str = NULL;
	if (r->bad || bad || h->kind > SAMV_NODE_MAP ||
	    h->style > SAMV_STYLE_BLOCK || (b & 0x70) != 0 ||
	    ((b & TC_SLICE) && h->kind != SAMV_NODE_SCALAR) ||
	    start > end || end > c->textlen || line > UINT_MAX ||
	    col > UINT_MAX || eline > UINT_MAX || ecol > UINT_MAX ||
	    (h->kind != SAMV_NODE_SCALAR && h->cnt > TC_MAX_NODES))
		goto bad;
	/* every node takes at least 8 bytes of the file: a collection
	 * cannot have more children than the bytes left can hold */
	if (h->kind != SAMV_NODE_SCALAR && (h->kind == SAMV_NODE_MAP ? 2 : 1) *
	    h->cnt > (uint64_t)(r->end - r->p) / 8)
		goto bad;
	if (h->kind == SAMV_NODE_SCALAR) {
		if (b & TC_SLICE) {
			if (h->cnt > c->textlen - start)
				goto bad;
			h->str = c->text + start;
		} else if (h->cnt > (uint64_t)(r->end - r->p) ||
		    (h->str = samv_rd_bytes(r, (size_t)h->cnt)) == NULL)
			goto bad;
	}
	h->span.start = (size_t)start;
	h->span.end = (size_t)end;
	h->span.line = (unsigned)line;
	h->span.col = (unsigned)col;
	h->span.end_line = (unsigned)eline;
	h->span.end_col = (unsigned)ecol;
	c->start = start;
	c->line = line;
	return 0;
bad:
	r->bad = 1;
	return -1;
}

/* Parses g->data (a body's file as read); a bad file is as good as none. */
static void
group_parse(const unsigned char build[16], struct group *g, int heads)
{
	const char *magic = heads ? TC_HEADS_MAGIC : TC_MAGIC;
	unsigned char sum[16];
	size_t ml = strlen(magic), i;
	struct samv_rd r;
	uint64_t n;

	if (g->len < ml + 16 || memcmp(g->data, magic, ml) != 0)
		goto bad;
	samv_hash128(g->data, g->len - 16, sum);
	if (memcmp(sum, g->data + g->len - 16, 16) != 0)
		goto bad;
	r.p = g->data + ml;
	r.end = g->data + g->len - 16;
	r.bad = 0;
	if (samv_rd_u64(&r) != TC_ENDIAN || (samv_rd_bytes(&r, 16) &&
	    memcmp(r.p - 16, build, 16) != 0))
		goto bad;
	n = samv_rd_u64(&r);
	if (r.bad || n > g->len)
		goto bad;
	for (i = 0; i < n; i++) {
		struct entry e;
		uint64_t tl;

		memset(&e, 0, sizeof(e));
		e.raw = r.p;
		e.path = samv_rd_str(&r);
		e.dev = samv_rd_u64(&r);
		e.ino = samv_rd_u64(&r);
		e.size = samv_rd_u64(&r);
		e.mtime = (int64_t)samv_rd_u64(&r);
		e.ctime = (int64_t)samv_rd_u64(&r);
		e.seen = (int64_t)samv_rd_u64(&r);
		samv_rd_u64(&r);	/* schema_ok */
		e.nfields = samv_rd_u64(&r);
		e.fields = r.p;
		if (e.nfields > g->len)
			goto bad;
		for (tl = 0; tl < 2 * e.nfields && !r.bad; tl++)
			samv_rd_str(&r);
		if (heads) {
			/* a head ends with its fields */
			if (r.bad)
				goto bad;
			e.rawlen = (size_t)(r.p - e.raw);
			goto keep;
		}
		tl = samv_rd_u64(&r);
		if (r.bad || tl > g->len)
			goto bad;
		samv_rd_bytes(&r, (size_t)tl);
		tl = samv_rd_u64(&r);	/* the nodes' bytes */
		samv_rd_u64(&r);	/* their arena bytes */
		if (r.bad || tl > g->len || samv_rd_bytes(&r, (size_t)tl) ==
		    NULL)
			goto bad;
		e.rawlen = (size_t)(r.p - e.raw);
	keep:
		if (g->n == g->cap) {
			g->cap = g->cap ? g->cap * 2 : 16;
			g->v = samv_xreallocarray(g->v, g->cap, sizeof(*g->v));
		}
		g->v[g->n++] = e;
	}
	if (r.p != r.end)
		goto bad;
	for (i = 0; i < g->n; i++)
		samv_map_put(&g->by_path, g->v[i].path,
		    (void *)(intptr_t)(i + 1));
	return;
bad:
	/* damaged or written by another samv: rewritten when next used */
	g->n = 0;
	free(g->data);
	g->data = NULL;
	g->len = 0;
}

static void
group_read(const struct samv_treecache *tc, struct group *g, int heads)
{
	char *path = samv_xasprintf("%s/%s.%s", tc->dir, g->body,
	    heads ? "heads" : "cache");

	if (samv_read_file(path, (heads ? 64 : 256) * 1024 * 1024, &g->data,
	    &g->len) == 0)
		group_parse(tc->build, g, heads);
	free(path);
}

/* Frees a clean group's file and entries (read again when needed):
 * a report reading every body's records holds one body's file at a
 * time, not all of them. */
static void
group_unload(struct group *g)
{
	if (g->dirty || !g->loaded)
		return;
	free(g->v);
	g->v = NULL;
	g->n = g->cap = 0;
	free(g->data);
	g->data = NULL;
	g->len = 0;
	samv_map_release(&g->by_path);
	g->loaded = 0;
}

/* The group on shelf s for key ("BODY.KIND"), made empty if new; key is
 * taken. */
static struct group *
group_find(struct shelf *s, char *key)
{
	struct group *g;

	if ((g = samv_map_get(&s->map, key)) != NULL) {
		free(key);
		return g;
	}
	g = samv_xcalloc(1, sizeof(*g));
	g->body = key;
	samv_map_put(&s->map, g->body, g);
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = samv_xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	s->v[s->n++] = g;
	return g;
}

/* Makes g the group in use on s: the one used before it is unloaded. */
static void
group_use(struct shelf *s, struct group *g)
{
	if (s->last && s->last != g)
		group_unload(s->last);
	s->last = g;
}

/*
 * The group on shelf s of path's body and kind (one file per body and
 * kind: a report reading assignments does not read meetings), loaded;
 * the group used before it is unloaded.
 */
static struct group *
group_on(struct samv_treecache *tc, struct shelf *s, const char *path)
{
	struct group *g;
	char *id = NULL, *b, *key;
	enum samv_kind kind = samv_path_parse(path, &id);

	if (kind == SAMV_KIND_NONE || kind == SAMV_KIND_CONFIG) {
		free(id);
		return NULL;
	}
	b = samv_id_body(id);
	key = samv_xasprintf("%s.%s", b, samv_kind_name(kind));
	free(b);
	free(id);
	g = group_find(s, key);
	group_use(s, g);
	if (!g->loaded) {
		group_read(tc, g, s->heads);
		g->loaded = 1;
	}
	return g;
}

/* --- reading ahead ------------------------------------------------------ */

struct samv_treecache_pre {
	struct group g;		/* loaded, on no shelf */
};

void *
samv_treecache_preread_dir(void *arg, const char *dir)
{
	const struct samv_treecache *tc = arg;
	struct samv_treecache_pre *pre;
	const char *slash = dir ? strchr(dir, '/') : NULL;
	int k;

	if (tc == NULL || slash == NULL || !samv_id_is_slug(slash + 1,
	    strlen(slash + 1)))
		return NULL;
	for (k = SAMV_KIND_BODY; k < SAMV_KIND_COUNT; k++) {
		const char *f = samv_kind_folder((enum samv_kind)k);

		if (f && strlen(f) == (size_t)(slash - dir) &&
		    memcmp(f, dir, (size_t)(slash - dir)) == 0)
			break;
	}
	if (k == SAMV_KIND_COUNT)
		return NULL;
	pre = samv_xcalloc(1, sizeof(*pre));
	pre->g.body = samv_xasprintf("%s.%s", slash + 1,
	    samv_kind_name((enum samv_kind)k));
	/* reads only tc->dir and tc->build, set once by open */
	group_read(tc, &pre->g, 0);
	pre->g.loaded = 1;
	if (pre->g.data == NULL) {
		/* no file, or a bad one: the caller's read finds the same */
		samv_treecache_pre_free(pre);
		return NULL;
	}
	return pre;
}

void
samv_treecache_pre_free(void *arg)
{
	struct samv_treecache_pre *pre = arg;

	if (pre == NULL)
		return;
	free(pre->g.v);
	free(pre->g.data);
	samv_map_release(&pre->g.by_path);
	free(pre->g.body);
	free(pre);
}

void
samv_treecache_adopt(struct samv_treecache *tc, void *arg)
{
	struct samv_treecache_pre *pre = arg;
	struct group *g;

	if (pre == NULL)
		return;
	if (tc == NULL) {
		samv_treecache_pre_free(pre);
		return;
	}
	g = group_find(&tc->trees, samv_xstrdup(pre->g.body));
	group_use(&tc->trees, g);
	if (!g->loaded) {
		/* what group_read would have read now */
		g->data = pre->g.data;
		g->len = pre->g.len;
		g->v = pre->g.v;
		g->n = pre->g.n;
		g->cap = pre->g.cap;
		g->by_path = pre->g.by_path;
		g->loaded = 1;
		memset(&pre->g.by_path, 0, sizeof(pre->g.by_path));
		pre->g.data = NULL;
		pre->g.v = NULL;
	}
	samv_treecache_pre_free(pre);
}

/* The heads of a body and kind's records (see above), one at a time. */
static struct group *
heads_of(struct samv_treecache *tc, const char *path)
{
	return group_on(tc, &tc->heads, path);
}

static struct group *
group_of(struct samv_treecache *tc, const char *path)
{
	return group_on(tc, &tc->trees, path);
}

/*
 * Takes n arena bytes (rounded as samv_arena_alloc rounds them) from the
 * record's budget, the size its writer computed: a damaged file cannot
 * make samv allocate more than that (bounded by the file's size), by
 * large counts or by many values sliced from the same text.
 */
static int
spend(struct nodectx *c, size_t n)
{
	if (al(n) > c->budget)
		return -1;
	c->budget -= al(n);
	return 0;
}

static struct samv_node *
build_node(struct samv_rd *r, struct nodectx *c, struct samv_arena *a,
    unsigned depth)
{
	struct samv_node *n;
	struct nodehead h;
	size_t i;

	/* every failure marks the reader bad: no caller may read on from
	 * the middle of a node (fuzz_cache found a key refused for its
	 * style, then its value read from the wrong place) */
	if (r->bad || depth > SAMV_MAX_DEPTH + 1) {
		r->bad = 1;
		return NULL;
	}
	if (rd_head(r, c, &h) < 0 || spend(c, sizeof(*n)) < 0 ||
	    spend(c, h.kind == SAMV_NODE_SCALAR ? (size_t)h.cnt + 1 :
	    (h.cnt ? (size_t)h.cnt : 1) * (h.kind == SAMV_NODE_MAP ?
	    sizeof(struct samv_pair) : sizeof(struct samv_node *))) < 0) {
		r->bad = 1;
		return NULL;
	}
	n = samv_arena_alloc(a, sizeof(*n));
	n->kind = (enum samv_node_kind)h.kind;
	n->style = (enum samv_scalar_style)h.style;
	n->span = h.span;
	switch (h.kind) {
	case SAMV_NODE_SCALAR:
		n->str = samv_arena_strndup(a, h.str, (size_t)h.cnt);
		n->len = (size_t)h.cnt;
		return n;
	case SAMV_NODE_SEQ:
		n->n_items = (size_t)h.cnt;
		n->items = samv_arena_alloc(a, (h.cnt ? h.cnt : 1) *
		    sizeof(*n->items));
		for (i = 0; i < n->n_items; i++)
			if ((n->items[i] = build_node(r, c, a, depth + 1)) ==
			    NULL)
				return NULL;
		return n;
	default:	/* SAMV_NODE_MAP: rd_head allows no other */
		n->n_pairs = (size_t)h.cnt;
		n->pairs = samv_arena_alloc(a, (h.cnt ? h.cnt : 1) *
		    sizeof(*n->pairs));
		for (i = 0; i < n->n_pairs; i++) {
			n->pairs[i].key = build_node(r, c, a, depth + 1);
			if (n->pairs[i].key == NULL ||
			    n->pairs[i].key->kind != SAMV_NODE_SCALAR) {
				r->bad = 1;
				return NULL;
			}
			n->pairs[i].value = build_node(r, c, a, depth + 1);
			if (n->pairs[i].value == NULL)
				return NULL;
		}
		return n;
	}
}

static struct entry *
entry_of(struct group *g, const char *path)
{
	intptr_t i = (intptr_t)samv_map_get(&g->by_path, path);

	return i > 0 ? &g->v[i - 1] : NULL;
}

static int
same_file(const struct entry *e, const struct samv_file *f)
{
	return e->dev == f->dev && e->ino == f->ino && e->size == f->size &&
	    e->mtime == f->mtime_ns && e->ctime == f->ctime_ns &&
	    f->ctime_ns + TC_RACY_NS <= e->seen;
}

/* The document an entry holds, or NULL when it is malformed. */
static struct samv_doc *
entry_doc(const struct entry *e, const char *path, int *schema_ok)
{
	struct samv_doc *doc;
	struct samv_rd r;
	uint64_t tl, ok, nl, need;
	const char *text;

	r.p = e->raw;
	r.end = e->raw + e->rawlen;
	r.bad = 0;
	samv_rd_str(&r);
	samv_rd_bytes(&r, 6 * 8);
	ok = samv_rd_u64(&r);
	tl = samv_rd_u64(&r);
	while (tl-- > 0 && !r.bad) {
		samv_rd_str(&r);
		samv_rd_str(&r);
	}
	tl = samv_rd_u64(&r);
	text = samv_rd_bytes(&r, tl);
	if (r.bad || text == NULL)
		return NULL;
	doc = samv_xcalloc(1, sizeof(*doc));
	doc->path = samv_xstrdup(path);
	doc->buf = samv_xstrndup(text, tl);
	doc->len = tl;
	nl = samv_rd_u64(&r);
	need = samv_rd_u64(&r);
	/* the arena in one block of the size written, which is also all
	 * the tree may take (see spend): at most what nodes of at least 8
	 * bytes each and the text can fill */
	if (r.bad || nl != (uint64_t)(r.end - r.p) ||
	    need > 32 * nl + 2 * (uint64_t)tl + 4096) {
		samv_doc_free(doc);
		return NULL;
	}
	doc->arena = samv_arena_new_sized((size_t)need);
	{
		struct nodectx c = { 0, 0, doc->buf, doc->len, need };

		doc->root = build_node(&r, &c, doc->arena, 0);
	}
	if (doc->root == NULL || r.bad || r.p != r.end) {
		samv_doc_free(doc);
		return NULL;
	}
	*schema_ok = ok != 0;
	return doc;
}

struct samv_doc *
samv_treecache_get(struct samv_treecache *tc, const struct samv_file *f,
    int *schema_ok)
{
	struct group *g;
	struct entry *e;

	if (tc == NULL || f->is_link || f->ino == 0 ||
	    (g = group_of(tc, f->path)) == NULL ||
	    (e = entry_of(g, f->path)) == NULL || !same_file(e, f))
		return NULL;
	return entry_doc(e, f->path, schema_ok);
}

int
samv_treecache_field(struct samv_treecache *tc, const struct samv_file *f,
    const char *key, const char **value)
{
	struct group *g;
	struct entry *e;
	struct samv_rd r;
	uint64_t i;

	*value = NULL;
	/* only the heads file is read: a record the cache cannot vouch for
	 * is read by the caller */
	if (tc == NULL || f->is_link || f->ino == 0 ||
	    (g = heads_of(tc, f->path)) == NULL)
		return -1;
	if ((e = entry_of(g, f->path)) == NULL) {
		/* heads missing (a cache of an older samv, a failed write):
		 * the body's file is written again, with its heads */
		struct group *full = group_of(tc, f->path);

		if (full && entry_of(full, f->path))
			full->dirty = 1;
		return -1;
	}
	if (!same_file(e, f))
		return -1;
	r.p = e->fields;
	r.end = e->raw + e->rawlen;
	r.bad = 0;
	for (i = 0; i < e->nfields; i++) {
		const char *k = samv_rd_str(&r), *v = samv_rd_str(&r);

		if (r.bad)
			return -1;
		if (strcmp(k, key) == 0) {
			*value = v;
			return 1;
		}
	}
	return 0;
}

void
samv_treecache_put(struct samv_treecache *tc, const struct samv_file *f,
    const struct samv_doc *doc, int schema_ok)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct group *g;
	struct entry *e;
	size_t len;

	/* an entry for a file changed within the racy second could never
	 * be trusted (see same_file): not worth a write */
	if (tc == NULL || doc == NULL || doc->root == NULL || !schema_ok ||
	    f->is_link || f->ino == 0 ||
	    f->ctime_ns + TC_RACY_NS > tc->start_ns ||
	    (g = group_of(tc, f->path)) == NULL)
		return;
	samv_buf_puts(&b, f->path);
	samv_buf_putc(&b, '\0');
	samv_wr_u64(&b, f->dev);
	samv_wr_u64(&b, f->ino);
	samv_wr_u64(&b, f->size);
	samv_wr_u64(&b, (uint64_t)f->mtime_ns);
	samv_wr_u64(&b, (uint64_t)f->ctime_ns);
	samv_wr_u64(&b, (uint64_t)tc->start_ns);
	samv_wr_u64(&b, 1);
	{
		const struct samv_node *root = doc->root;
		size_t i, nf = 0;

		for (i = 0; root->kind == SAMV_NODE_MAP && i < root->n_pairs;
		    i++)
			nf += root->pairs[i].value->kind == SAMV_NODE_SCALAR &&
			    memchr(root->pairs[i].value->str, '\0',
			    root->pairs[i].value->len) == NULL;
		samv_wr_u64(&b, nf);
		for (i = 0; root->kind == SAMV_NODE_MAP && i < root->n_pairs;
		    i++) {
			const struct samv_node *v = root->pairs[i].value;

			if (v->kind != SAMV_NODE_SCALAR ||
			    memchr(v->str, '\0', v->len) != NULL)
				continue;
			samv_buf_puts(&b, root->pairs[i].key->str);
			samv_buf_putc(&b, '\0');
			samv_buf_add(&b, v->str, v->len);
			samv_buf_putc(&b, '\0');
		}
	}
	samv_wr_u64(&b, doc->len);
	samv_buf_add(&b, doc->buf, doc->len);
	{
		struct nodectx c = { 0, 0, doc->buf, doc->len, 0 };
		struct samv_buf nb = SAMV_BUF_INIT;
		size_t need = 0;

		wr_node(&nb, &c, doc->root, &need);
		samv_wr_u64(&b, nb.len);
		samv_wr_u64(&b, need);
		samv_buf_add(&b, nb.s ? nb.s : "", nb.len);
		samv_buf_release(&nb);
	}
	if ((e = entry_of(g, f->path)) == NULL) {
		if (g->n == g->cap) {
			g->cap = g->cap ? g->cap * 2 : 16;
			g->v = samv_xreallocarray(g->v, g->cap, sizeof(*g->v));
		}
		e = &g->v[g->n++];
		memset(e, 0, sizeof(*e));
	} else if (e->fresh) {
		/* kept once per run: the map's key is its path */
		samv_buf_release(&b);
		return;
	}
	e->raw = samv_buf_detach(&b, &len);
	e->rawlen = len;
	e->fresh = 1;
	if (e->path == NULL) {
		e->path = e->raw;
		samv_map_put(&g->by_path, e->path,
		    (void *)(intptr_t)(e - g->v + 1));
	}
	g->dirty = 1;
}

static void
group_write(struct samv_treecache *tc, struct group *g)
{
	struct group disk;
	struct samv_buf b = SAMV_BUF_INIT;
	unsigned char sum[16];
	char *path;
	size_t i, n = 0;

	/*
	 * What another process (or another cache in this one) wrote since
	 * this group was read is kept where it has an entry we lack: every
	 * entry carries its own stat data, so a merge never trusts more.
	 */
	memset(&disk, 0, sizeof(disk));
	disk.body = g->body;
	group_read(tc, &disk, 0);
	for (i = 0; i < g->n; i++)
		n += g->v[i].raw != NULL;
	for (i = 0; i < disk.n; i++)
		n += entry_of(g, disk.v[i].path) == NULL;
	samv_buf_puts(&b, TC_MAGIC);
	samv_wr_u64(&b, TC_ENDIAN);
	samv_buf_add(&b, (const char *)tc->build, 16);
	samv_wr_u64(&b, n);
	for (i = 0; i < g->n; i++)
		if (g->v[i].raw)
			samv_buf_add(&b, g->v[i].raw, g->v[i].rawlen);
	for (i = 0; i < disk.n; i++)
		if (entry_of(g, disk.v[i].path) == NULL)
			samv_buf_add(&b, disk.v[i].raw, disk.v[i].rawlen);
	free(disk.v);
	free(disk.data);
	samv_map_release(&disk.by_path);
	samv_hash128(b.s, b.len, sum);
	samv_buf_add(&b, (const char *)sum, 16);
	path = samv_xasprintf("%s/%s.cache", tc->dir, g->body);
	samv_write_atomic(path, b.s, b.len);
	free(path);
	/* the heads: every entry of the file just made, up to its fields */
	{
		struct samv_buf h = SAMV_BUF_INIT;
		struct samv_rd r;
		size_t ml = strlen(TC_MAGIC);

		samv_buf_puts(&h, TC_HEADS_MAGIC);
		samv_buf_add(&h, b.s + ml, 8 + 16 + 8);	/* endian, build, n */
		r.p = b.s + ml + 8 + 16 + 8;
		r.end = b.s + b.len - 16;
		r.bad = 0;
		for (i = 0; i < n && !r.bad; i++) {
			const char *start = r.p;
			uint64_t nf, k, tl;

			samv_rd_str(&r);
			samv_rd_bytes(&r, 7 * 8);
			nf = samv_rd_u64(&r);
			for (k = 0; k < 2 * nf && !r.bad; k++)
				samv_rd_str(&r);
			samv_buf_add(&h, start, (size_t)(r.p - start));
			tl = samv_rd_u64(&r);
			samv_rd_bytes(&r, tl > (uint64_t)(r.end - r.p) ?
			    (size_t)-1 : (size_t)tl);
			tl = samv_rd_u64(&r);	/* the nodes' bytes */
			samv_rd_u64(&r);
			samv_rd_bytes(&r, tl > (uint64_t)(r.end - r.p) ?
			    (size_t)-1 : (size_t)tl);
		}
		samv_hash128(h.s, h.len, sum);
		samv_buf_add(&h, (const char *)sum, 16);
		path = samv_xasprintf("%s/%s.heads", tc->dir, g->body);
		if (!r.bad)
			samv_write_atomic(path, h.s, h.len);
		free(path);
		samv_buf_release(&h);
	}
	samv_buf_release(&b);
}

void
samv_treecache_free(struct samv_treecache *tc)
{
	size_t i, k;
	int made = 0;

	if (tc == NULL)
		return;
	for (i = 0; i < tc->trees.n; i++) {
		struct group *g = tc->trees.v[i];

		if (g->dirty) {
			if (!made) {
				char *parent = samv_xstrndup(tc->dir,
				    strlen(tc->dir) - strlen("/trees"));

				(void)mkdir(parent, 0777);
				(void)mkdir(tc->dir, 0777);
				free(parent);
				made = 1;
			}
			group_write(tc, g);
		}
		for (k = 0; k < g->n; k++)
			if (g->v[k].fresh)
				free((char *)g->v[k].raw);
		free(g->v);
		free(g->data);
		samv_map_release(&g->by_path);
		free(g->body);
		free(g);
	}
	for (i = 0; i < tc->heads.n; i++) {
		struct group *g = tc->heads.v[i];

		free(g->v);
		free(g->data);
		samv_map_release(&g->by_path);
		free(g->body);
		free(g);
	}
	free(tc->heads.v);
	samv_map_release(&tc->heads.map);
	free(tc->trees.v);
	samv_map_release(&tc->trees.map);
	free(tc->dir);
	free(tc);
}

int
samv_treecache_parse(const char *data, size_t len)
{
	unsigned char build[16];
	struct group g;
	size_t i;
	int n = 0;

	samv_build_id(build);
	memset(&g, 0, sizeof(g));
	g.data = samv_xmalloc(len + 1);
	memcpy(g.data, data, len);
	g.len = len;
	group_parse(build, &g, 0);
	for (i = 0; i < g.n; i++) {
		int ok;
		struct samv_doc *doc = entry_doc(&g.v[i], g.v[i].path, &ok);

		if (doc != NULL)
			n++;
		samv_doc_free(doc);
	}
	free(g.v);
	free(g.data);
	samv_map_release(&g.by_path);
	return n;
}
