/* util.h - allocation that cannot return NULL, string buffers, arenas */
#ifndef SAMV_UTIL_H
#define SAMV_UTIL_H

#include <stdarg.h>
#include <stddef.h>

/*
 * The x* allocators abort the process on exhaustion: a governance tool
 * has no sensible way to go on without memory, and every caller would
 * otherwise carry the same dead branch.
 */
void *samv_xmalloc(size_t n);
void *samv_xcalloc(size_t n, size_t size);
void *samv_xreallocarray(void *p, size_t n, size_t size);
char *samv_xstrdup(const char *s);
char *samv_xstrndup(const char *s, size_t n);
char *samv_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *samv_xvasprintf(const char *fmt, va_list ap);

/* A growable byte buffer, never NULL after init (as git's strbuf). */
struct samv_buf {
	char *s;
	size_t len, cap;
};
#define SAMV_BUF_INIT { NULL, 0, 0 }
void samv_buf_grow(struct samv_buf *b, size_t extra);
void samv_buf_add(struct samv_buf *b, const char *s, size_t n);
void samv_buf_puts(struct samv_buf *b, const char *s);
void samv_buf_putc(struct samv_buf *b, char c);
void samv_buf_printf(struct samv_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Returns the NUL-terminated contents (never NULL); the buffer is reset. */
char *samv_buf_detach(struct samv_buf *b, size_t *len);
void samv_buf_release(struct samv_buf *b);
/* The contents as a C string (never NULL, owned by b). */
const char *samv_buf_cstr(struct samv_buf *b);

/* A bump allocator: many small objects freed at once. */
struct samv_arena;
struct samv_arena *samv_arena_new(void);
/* An arena whose first block holds first bytes: for a document of known
 * size, so that small records do not each hold a standard block. */
struct samv_arena *samv_arena_new_sized(size_t first);
void *samv_arena_alloc(struct samv_arena *a, size_t n);	/* zeroed */
char *samv_arena_strndup(struct samv_arena *a, const char *s, size_t n);
void samv_arena_free(struct samv_arena *a);
/* Frees the chunks this thread keeps for reuse (before it ends). */
void samv_arena_trim(void);

/* Reads a whole file (at most max bytes; larger → -1 with errno EFBIG). */
int samv_read_file(const char *path, size_t max, char **out, size_t *len);
/* a[0..an) sep b[0..bn) as a new string (no sep when sep is 0): the
 * cheap way to build paths and ids, which are made by the hundred
 * thousand. Caller frees. */
char *samv_xjoin(const char *a, size_t an, char sep, const char *b,
    size_t bn);
/* What identifies this build of samv: a hash of its sources (made by the
 * Makefile), the same for all its programs, so that a cache written by
 * another build (other rules, other schemas) is never used. Returns 0. */
int samv_build_id(unsigned char out[16]);
/* A fast 128-bit content hash (for change detection, not security). */
void samv_hash128(const void *data, size_t len, unsigned char out[16]);

/*
 * s with control characters (C0, DEL, C1) shown as \xNN / \uNNNN, so that
 * user text never reaches a terminal raw. Allocated; caller frees.
 */
char *samv_visible(const char *s);

/* UTF-8: number of code points; invalid bytes count as one each. */
size_t samv_utf8_len(const char *s, size_t n);

#endif
