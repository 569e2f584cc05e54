/* binio.c - bounded reading and writing of samv's binary cache files */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "binio.h"

const char *
samv_rd_bytes(struct samv_rd *r, size_t n)
{
	const char *s = r->p;

	if (r->bad || (size_t)(r->end - r->p) < n) {
		r->bad = 1;
		return NULL;
	}
	r->p += n;
	return s;
}

unsigned
samv_rd_u8(struct samv_rd *r)
{
	const char *p = samv_rd_bytes(r, 1);

	return p ? (unsigned char)*p : 0;
}

void
samv_rd_copy(struct samv_rd *r, unsigned char *out, size_t n)
{
	const char *p = samv_rd_bytes(r, n);

	if (p)
		memcpy(out, p, n);
	else
		memset(out, 0, n);
}

uint64_t
samv_rd_u64(struct samv_rd *r)
{
	uint64_t v;

	samv_rd_copy(r, (unsigned char *)&v, 8);
	return v;
}

uint64_t
samv_rd_uv(struct samv_rd *r)
{
	uint64_t v = 0;
	unsigned shift = 0;

	for (;;) {
		unsigned c;

		if (r->bad || r->p == r->end) {
			r->bad = 1;
			return 0;
		}
		c = (unsigned char)*r->p++;
		/* the tenth byte may carry only the top bit */
		if (shift == 63 && c > 1) {
			r->bad = 1;
			return 0;
		}
		v |= (uint64_t)(c & 0x7f) << shift;
		if (c < 0x80)
			return v;
		shift += 7;
	}
}

void
samv_wr_uv(struct samv_buf *b, uint64_t v)
{
	unsigned char x[10];
	size_t n = 0;

	while (v >= 0x80) {
		x[n++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	x[n++] = (unsigned char)v;
	samv_buf_add(b, (const char *)x, n);
}

uint32_t
samv_rd_u32(struct samv_rd *r)
{
	uint32_t v;

	samv_rd_copy(r, (unsigned char *)&v, 4);
	return v;
}

const char *
samv_rd_str(struct samv_rd *r)
{
	const char *s = r->p, *nul;

	if (r->bad || (nul = memchr(r->p, '\0', (size_t)(r->end -
	    r->p))) == NULL) {
		r->bad = 1;
		return NULL;
	}
	r->p = nul + 1;
	return s;
}

void
samv_wr_u64(struct samv_buf *b, uint64_t v)
{
	samv_buf_add(b, (const char *)&v, 8);
}

void
samv_wr_u32(struct samv_buf *b, uint32_t v)
{
	samv_buf_add(b, (const char *)&v, 4);
}

void
samv_wr_str(struct samv_buf *b, const char *s)
{
	samv_buf_puts(b, s ? s : "");
	samv_buf_putc(b, '\0');
}

int
samv_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = samv_xasprintf("%s.%ld.tmp", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC |
	    O_NOFOLLOW, 0666), ok = fd >= 0;
	size_t off = 0;

	while (ok && off < len) {
		ssize_t w = write(fd, data + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			ok = 0;
		else
			off += (size_t)w;
	}
	if (fd >= 0 && close(fd) < 0)
		ok = 0;
	if (fd >= 0 && (!ok || rename(tmp, path) < 0)) {
		unlink(tmp);
		ok = 0;
	}
	free(tmp);
	return ok ? 0 : -1;
}
