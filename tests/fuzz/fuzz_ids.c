/* fuzz_ids.c - libFuzzer target: paths and ids, dates, times, pnr */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "ids.h"
#include "pnr.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = samv_xstrndup((const char *)data, size), *id = NULL, *p;
	enum samv_kind k;
	samv_day day;
	size_t off;
	int m;

	k = samv_path_parse(s, &id);
	if (k != SAMV_KIND_NONE) {
		/* a parsed path maps back to itself */
		p = samv_id_path(k, id);
		if (p == NULL || strcmp(p, s) != 0)
			abort();
		free(p);
	}
	free(id);
	for (k = SAMV_KIND_BODY; k < SAMV_KIND_COUNT; k++) {
		if (samv_id_canonical(k, s, &id) == 0) {
			p = samv_id_path(k, id);
			if (p == NULL || strstr(p, "..") || p[0] == '/')
				abort();
			free(p);
		}
		free(id);
		id = NULL;
	}
	if (samv_date_parse(s, &day) == 0) {
		char buf[11];

		samv_date_format(day, buf);
		if (strcmp(buf, s) != 0)
			abort();
	}
	(void)samv_time_parse(s, &m);
	(void)samv_pnr_find(s, size, &off);
	free(s);
	return 0;
}
