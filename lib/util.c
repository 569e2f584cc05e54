/* util.c - allocation, string buffers, arenas, whole-file reads */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"
#include "build_id.h"

static void
oom(void)
{
	static const char m[] = "samv: out of memory\n";

	(void)!write(2, m, sizeof(m) - 1);
	abort();
}

void *
samv_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
samv_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
samv_xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		oom();
	p = realloc(p, (n && size) ? n * size : 1);
	if (p == NULL)
		oom();
	return p;
}

char *
samv_xstrndup(const char *s, size_t n)
{
	char *p = samv_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
samv_xstrdup(const char *s)
{
	return samv_xstrndup(s, strlen(s));
}

char *
samv_xvasprintf(const char *fmt, va_list ap)
{
	va_list aq;
	int n;
	char *p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		oom();
	p = samv_xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
samv_xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = samv_xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void
samv_buf_grow(struct samv_buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		oom();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (need < b->cap * 2)
		need = b->cap * 2;
	if (need < 64)
		need = 64;
	b->s = samv_xreallocarray(b->s, need, 1);
	b->cap = need;
}

void
samv_buf_add(struct samv_buf *b, const char *s, size_t n)
{
	samv_buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void
samv_buf_puts(struct samv_buf *b, const char *s)
{
	samv_buf_add(b, s, strlen(s));
}

void
samv_buf_putc(struct samv_buf *b, char c)
{
	samv_buf_add(b, &c, 1);
}

void
samv_buf_printf(struct samv_buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	samv_buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *
samv_buf_cstr(struct samv_buf *b)
{
	samv_buf_grow(b, 0);
	b->s[b->len] = '\0';
	return b->s;
}

char *
samv_buf_detach(struct samv_buf *b, size_t *len)
{
	char *s;

	samv_buf_grow(b, 0);
	s = b->s;
	s[b->len] = '\0';
	if (len)
		*len = b->len;
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void
samv_buf_release(struct samv_buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct samv_arena {
	struct chunk *head;
};

/*
 * Freed chunks of the standard size are kept per thread for the next
 * document: loading 100 000 small records would otherwise spend more
 * time in malloc and free than in the parser.
 */
#define CHUNK_SIZE 16384
#define SPARE_MAX 64
static _Thread_local struct chunk *spare;
static _Thread_local int nspare;

struct samv_arena *
samv_arena_new(void)
{
	return samv_xcalloc(1, sizeof(struct samv_arena));
}

struct samv_arena *
samv_arena_new_sized(size_t first)
{
	struct samv_arena *a = samv_xcalloc(1, sizeof(*a));
	size_t al = sizeof(max_align_t);

	if (first == 0 || first == CHUNK_SIZE)
		return a;
	first = (first + al - 1) / al * al;
	a->head = samv_xmalloc(sizeof(*a->head) + first);
	a->head->size = first;
	a->head->used = 0;
	a->head->next = NULL;
	return a;
}

void *
samv_arena_alloc(struct samv_arena *a, size_t n)
{
	struct chunk *c = a->head;
	size_t al = sizeof(max_align_t);
	void *p;

	n = (n + al - 1) / al * al;
	if (c == NULL || c->size - c->used < n) {
		if (n <= CHUNK_SIZE && spare != NULL) {
			c = spare;
			spare = c->next;
			nspare--;
		} else {
			size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;

			c = samv_xmalloc(sizeof(*c) + size);
			c->size = size;
		}
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
}

char *
samv_arena_strndup(struct samv_arena *a, const char *s, size_t n)
{
	char *p = samv_arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void
samv_arena_free(struct samv_arena *a)
{
	struct chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c; c = next) {
		next = c->next;
		if (c->size == CHUNK_SIZE && nspare < SPARE_MAX) {
			c->next = spare;
			spare = c;
			nspare++;
		} else
			free(c);
	}
	free(a);
}

int
samv_read_file(const char *path, size_t max, char **out, size_t *len)
{
	struct stat st;
	char *buf = NULL;
	size_t n = 0, cap;
	ssize_t r;
	int fd, e;

	*out = NULL;
	*len = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return -1;
	if (fstat(fd, &st) < 0)
		goto fail;
	if (S_ISDIR(st.st_mode)) {
		errno = EISDIR;
		goto fail;
	}
	if (st.st_size > 0 && (size_t)st.st_size > max) {
		errno = EFBIG;
		goto fail;
	}
	cap = st.st_size > 0 ? (size_t)st.st_size + 1 : 4096;
	buf = samv_xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (n > max) {
				errno = EFBIG;
				goto fail;
			}
			cap *= 2;
			buf = samv_xreallocarray(buf, cap + 1, 1);
		}
		r = read(fd, buf + n, cap - n);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	if (n > max) {
		errno = EFBIG;
		goto fail;
	}
	close(fd);
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
fail:
	e = errno;
	free(buf);
	close(fd);
	errno = e;
	return -1;
}

size_t
samv_utf8_len(const char *s, size_t n)
{
	size_t i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count;
}

char *
samv_visible(const char *s)
{
	struct samv_buf b = SAMV_BUF_INIT;
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p < 0x20 || *p == 0x7f)
			samv_buf_printf(&b, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			samv_buf_printf(&b, "\\u%04x", p[1]);
			p++;
		} else
			samv_buf_putc(&b, (char)*p);
	}
	return samv_buf_detach(&b, NULL);
}

/*
 * A fast 128-bit hash of bytes, to tell whether a file changed since a
 * cache entry was made (not a defence against crafted collisions: git's
 * blob ids serve where records come from other people's objects).
 */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

void
samv_hash128(const void *data, size_t len, unsigned char out[16])
{
	const unsigned char *p = data;
	uint64_t a = 0x9e3779b97f4a7c15ULL ^ len, b = 0xc2b2ae3d27d4eb4fULL;
	size_t i;

	for (i = 0; i + 8 <= len; i += 8) {
		uint64_t w;

		memcpy(&w, p + i, 8);
		a = (a ^ w) * 0x87c37b91114253d5ULL;
		a = (a << 31) | (a >> 33);
		b = (b + w) * 0x4cf5ad432745937fULL;
		b ^= b >> 29;
	}
	if (i < len) {
		uint64_t w = 0;

		memcpy(&w, p + i, len - i);
		a = (a ^ w) * 0x87c37b91114253d5ULL;
		b = (b + w + (len - i)) * 0x4cf5ad432745937fULL;
	}
	a = mix64(a ^ b);
	b = mix64(b + a);
	memcpy(out, &a, 8);
	memcpy(out + 8, &b, 8);
}

void
samv_arena_trim(void)
{
	while (spare != NULL) {
		struct chunk *c = spare;

		spare = c->next;
		free(c);
	}
	nspare = 0;
}

char *
samv_xjoin(const char *a, size_t an, char sep, const char *b, size_t bn)
{
	char *p = samv_xmalloc(an + bn + 2), *q = p;

	memcpy(q, a, an);
	q += an;
	if (sep)
		*q++ = sep;
	memcpy(q, b, bn);
	q[bn] = '\0';
	return p;
}

int
samv_build_id(unsigned char out[16])
{
	static const char id[] = SAMV_BUILD_ID;

	samv_hash128(id, sizeof(id) - 1, out);
	return 0;
}
