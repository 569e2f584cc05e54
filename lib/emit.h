/* emit.h - writing YAML through libyaml's emitter, event by event */
#ifndef SAMV_EMIT_H
#define SAMV_EMIT_H

#include "util.h"

struct samv_emitter;

enum samv_emit_kind {
	SAMV_EMIT_STRING,	/* text: quoted whenever a plain reading would
				 * not be this string (13:00, yes, 0777 …) */
	SAMV_EMIT_RAW,		/* plain as given: numbers, booleans, dates */
	SAMV_EMIT_TIME		/* "HH:MM", always quoted for YAML 1.1 readers */
};

/*
 * Starts a block-style document appended to out (UTF-8, unicode kept,
 * 2-space indent). Returns NULL on failure. Finish with samv_emit_end().
 */
struct samv_emitter *samv_emit_begin(struct samv_buf *out);
int samv_emit_map_start(struct samv_emitter *e);
int samv_emit_map_end(struct samv_emitter *e);
int samv_emit_seq_start(struct samv_emitter *e);
int samv_emit_seq_end(struct samv_emitter *e);
int samv_emit_scalar(struct samv_emitter *e, const char *s,
    enum samv_emit_kind kind);
/* key: value shorthand inside a mapping. */
int samv_emit_pair(struct samv_emitter *e, const char *key, const char *val,
    enum samv_emit_kind kind);
/* Ends the document, frees e; returns 0 if every event was accepted. */
int samv_emit_end(struct samv_emitter *e);

/* 1 if a plain scalar s would be read as something other than a string
 * by samv or by a YAML 1.1 reader (PyYAML, js-yaml). */
int samv_emit_needs_quotes(const char *s);

#endif
