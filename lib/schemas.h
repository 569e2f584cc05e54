/* schemas.h - the schema/ files compiled into samv */
#ifndef SAMV_SCHEMAS_H
#define SAMV_SCHEMAS_H

#include <stddef.h>

struct samv_embedded {
	const char *name;	/* e.g. "body.schema.json" */
	const char *data;	/* NUL-terminated text */
	size_t len;
};

/* Terminated by an entry with name NULL; static, never freed. */
extern const struct samv_embedded samv_schema_files[];

#endif
