/* binio.h - bounded reading and writing of samv's binary cache files */
#ifndef SAMV_BINIO_H
#define SAMV_BINIO_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * A reader over [p, end). A read past the end, or a string without its
 * NUL, sets bad and returns 0 or NULL; later reads return the same, so a
 * caller may read a whole record and test bad once. Integers are in host
 * order: the caches never leave the machine that wrote them.
 */
struct samv_rd {
	const char *p, *end;
	int bad;
};

uint64_t samv_rd_u64(struct samv_rd *r);
uint32_t samv_rd_u32(struct samv_rd *r);
/* An unsigned LEB128 varint (at most ten bytes, at most 64 bits). */
uint64_t samv_rd_uv(struct samv_rd *r);
unsigned samv_rd_u8(struct samv_rd *r);
/* n bytes in place (borrowed), or NULL. */
const char *samv_rd_bytes(struct samv_rd *r, size_t n);
/* n bytes copied to out (zeros when bad). */
void samv_rd_copy(struct samv_rd *r, unsigned char *out, size_t n);
/* A NUL-terminated string in place (borrowed), or NULL. */
const char *samv_rd_str(struct samv_rd *r);

void samv_wr_u64(struct samv_buf *b, uint64_t v);
void samv_wr_u32(struct samv_buf *b, uint32_t v);
void samv_wr_uv(struct samv_buf *b, uint64_t v);
/* s and its NUL (NULL writes ""). */
void samv_wr_str(struct samv_buf *b, const char *s);

/*
 * Writes len bytes to path through a temporary file beside it and a
 * rename, so that a reader sees the old file or the new one. Returns 0,
 * or -1 (nothing left behind): for a cache, only a slower next run.
 */
int samv_write_atomic(const char *path, const char *data, size_t len);

#endif
