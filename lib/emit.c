/* emit.c - event-level YAML writing with libyaml (quoting decided here) */
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "emit.h"
#include "node.h"
#include "util.h"

struct samv_emitter {
	yaml_emitter_t em;
	struct samv_buf *out;
	int failed;
};

static int
write_cb(void *data, unsigned char *buf, size_t size)
{
	struct samv_emitter *e = data;

	samv_buf_add(e->out, (const char *)buf, size);
	return 1;
}

static int
emit(struct samv_emitter *e, yaml_event_t *ev)
{
	if (e->failed)
		return -1;
	if (!yaml_emitter_emit(&e->em, ev)) {
		e->failed = 1;
		return -1;
	}
	return 0;
}

struct samv_emitter *
samv_emit_begin(struct samv_buf *out)
{
	struct samv_emitter *e = samv_xcalloc(1, sizeof(*e));
	yaml_event_t ev;

	e->out = out;
	if (!yaml_emitter_initialize(&e->em)) {
		free(e);
		return NULL;
	}
	yaml_emitter_set_output(&e->em, write_cb, e);
	yaml_emitter_set_unicode(&e->em, 1);
	yaml_emitter_set_indent(&e->em, 2);
	yaml_emitter_set_width(&e->em, -1);	/* never fold lines: diffs stay line-true */
	yaml_emitter_set_break(&e->em, YAML_LN_BREAK);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(e, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(e, &ev);
	return e;
}

int
samv_emit_map_start(struct samv_emitter *e)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE);
	return emit(e, &ev);
}

int
samv_emit_map_end(struct samv_emitter *e)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	return emit(e, &ev);
}

int
samv_emit_seq_start(struct samv_emitter *e)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_SEQUENCE_STYLE);
	return emit(e, &ev);
}

int
samv_emit_seq_end(struct samv_emitter *e)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	return emit(e, &ev);
}

static int
ieq(const char *a, const char *b)
{
	for (; *a && *b; a++, b++) {
		char x = *a >= 'A' && *a <= 'Z' ? *a + 32 : *a;

		if (x != *b)
			return 0;
	}
	return *a == *b;
}

int
samv_emit_needs_quotes(const char *s)
{
	static const char *const words[] = { "y", "n", "yes", "no", "on",
	    "off", "true", "false", "null", "~", ".nan", ".inf", "-.inf",
	    "+.inf" };
	struct samv_node n;
	size_t i, len = strlen(s), digits = 0, colons = 0, other = 0;

	if (len == 0)
		return 1;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (ieq(s, words[i]))
			return 1;
	memset(&n, 0, sizeof(n));
	n.kind = SAMV_NODE_SCALAR;
	n.str = (char *)s;
	n.len = len;
	n.style = SAMV_STYLE_PLAIN;
	if (samv_node_type(&n) != SAMV_TYPE_STRING)
		return 1;
	/* YAML 1.1 numbers: 0777, 0x1F, 1_000, 12:30 (sexagesimal), +1 */
	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (s[i] == ':')
			colons++;
		else if (!strchr("+-._xXoObB", s[i]))
			other++;
	}
	if (digits && other == 0)
		return 1;
	if (digits && colons && other == 0)
		return 1;
	return 0;
}

int
samv_emit_scalar(struct samv_emitter *e, const char *s,
    enum samv_emit_kind kind)
{
	yaml_event_t ev;
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;

	if (kind == SAMV_EMIT_TIME)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (kind == SAMV_EMIT_STRING) {
		if (strchr(s, '\n') != NULL)
			style = YAML_LITERAL_SCALAR_STYLE;
		else if (samv_emit_needs_quotes(s))
			style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	}
	if (!yaml_scalar_event_initialize(&ev, NULL, NULL,
	    (yaml_char_t *)s, (int)strlen(s), style == YAML_ANY_SCALAR_STYLE,
	    1, style)) {
		e->failed = 1;
		return -1;
	}
	return emit(e, &ev);
}

int
samv_emit_pair(struct samv_emitter *e, const char *key, const char *val,
    enum samv_emit_kind kind)
{
	if (samv_emit_scalar(e, key, SAMV_EMIT_RAW) < 0)
		return -1;
	return samv_emit_scalar(e, val, kind);
}

int
samv_emit_end(struct samv_emitter *e)
{
	yaml_event_t ev;
	int rc;

	yaml_document_end_event_initialize(&ev, 1);
	emit(e, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(e, &ev);
	yaml_emitter_flush(&e->em);
	rc = e->failed ? -1 : 0;
	yaml_emitter_delete(&e->em);
	free(e);
	return rc;
}
