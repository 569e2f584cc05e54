/* map.h - string-keyed hash table (open addressing), for id lookups */
#ifndef SAMV_MAP_H
#define SAMV_MAP_H

#include <stddef.h>

struct samv_map {
	const char **keys;	/* borrowed: keys must outlive the map */
	void **vals;
	size_t n, cap;
};

#define SAMV_MAP_INIT { NULL, NULL, 0, 0 }

/* Inserts or replaces; returns the previous value or NULL. */
void *samv_map_put(struct samv_map *m, const char *key, void *val);
void *samv_map_get(const struct samv_map *m, const char *key);
/* Makes room for n keys in all, so that filling it never rehashes. */
void samv_map_reserve(struct samv_map *m, size_t n);
void samv_map_release(struct samv_map *m);

#endif
