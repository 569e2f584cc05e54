/* map.c - a small string hash table: references resolve in O(1) */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "map.h"
#include "util.h"

static size_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ULL;
	}
	return (size_t)h;
}

static void
resize(struct samv_map *m, size_t cap)
{
	size_t i;
	const char **keys = samv_xcalloc(cap, sizeof(*keys));
	void **vals = samv_xcalloc(cap, sizeof(*vals));

	for (i = 0; i < m->cap; i++) {
		size_t h;

		if (m->keys[i] == NULL)
			continue;
		h = hash(m->keys[i]) & (cap - 1);
		while (keys[h] != NULL)
			h = (h + 1) & (cap - 1);
		keys[h] = m->keys[i];
		vals[h] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
}

static void
grow(struct samv_map *m)
{
	resize(m, m->cap ? m->cap * 2 : 64);
}

void
samv_map_reserve(struct samv_map *m, size_t n)
{
	size_t cap = m->cap ? m->cap : 64;

	while ((n + 1) * 2 > cap)
		cap *= 2;
	if (cap > m->cap)
		resize(m, cap);
}

void *
samv_map_put(struct samv_map *m, const char *key, void *val)
{
	size_t h;
	void *old;

	if ((m->n + 1) * 2 > m->cap)
		grow(m);
	h = hash(key) & (m->cap - 1);
	while (m->keys[h] != NULL) {
		if (strcmp(m->keys[h], key) == 0) {
			old = m->vals[h];
			m->vals[h] = val;
			return old;
		}
		h = (h + 1) & (m->cap - 1);
	}
	m->keys[h] = key;
	m->vals[h] = val;
	m->n++;
	return NULL;
}

void *
samv_map_get(const struct samv_map *m, const char *key)
{
	size_t h;

	if (m->cap == 0 || key == NULL)
		return NULL;
	h = hash(key) & (m->cap - 1);
	while (m->keys[h] != NULL) {
		if (strcmp(m->keys[h], key) == 0)
			return m->vals[h];
		h = (h + 1) & (m->cap - 1);
	}
	return NULL;
}

void
samv_map_release(struct samv_map *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof(*m));
}
