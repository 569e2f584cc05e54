/* fuzz_cache.c - libFuzzer target: the cache files in $GIT_DIR/samv/
 *
 * The caches are files on disk like any other input: a damaged one must
 * be refused, never crash samv. The checksum refuses almost every damaged
 * file at once, so the target gives each input a valid checksum (and the
 * magic and build id when it lacks them) to reach the parsers behind it.
 * First byte: 0 or even, a tree cache file; odd, a check cache file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "treecache.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
run(const char *magic, int with_build, const uint8_t *p, size_t n,
    int (*parse)(const char *, size_t))
{
	struct samv_buf b = SAMV_BUF_INIT;
	unsigned char sum[16], build[16];
	uint64_t endian = 0x0102030405060708ULL;
	size_t ml = strlen(magic);

	if (n >= ml + 16 && memcmp(p, magic, ml) == 0) {
		/* a whole file (a seed): only its checksum is made right */
		samv_buf_add(&b, (const char *)p, n - 16);
	} else {
		samv_buf_puts(&b, magic);
		samv_buf_add(&b, (const char *)&endian, 8);
		if (with_build) {
			samv_build_id(build);
			samv_buf_add(&b, (const char *)build, 16);
		}
		samv_buf_add(&b, (const char *)p, n);
	}
	samv_hash128(b.s ? b.s : "", b.len, sum);
	samv_buf_add(&b, (const char *)sum, 16);
	parse(b.s, b.len);
	samv_buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	if (data[0] % 2 == 0)
		run("samv-trees 3\n", 1, data + 1, size - 1,
		    samv_treecache_parse);
	else
		run("samv-check-cache 1\n", 0, data + 1, size - 1,
		    samv_check_cache_parse);
	samv_arena_trim();
	return 0;
}
