/* decision.c - write decisions, number them, seal adjusted protocols */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <git2.h>

#include "decision.h"
#include "emit.h"
#include "json.h"
#include "util.h"

static void
emit_list(struct samv_emitter *e, const char *key, const char *const *v,
    size_t n, enum samv_emit_kind kind)
{
	size_t i;

	if (n == 0)
		return;
	samv_emit_scalar(e, key, SAMV_EMIT_RAW);
	samv_emit_seq_start(e);
	for (i = 0; i < n; i++)
		samv_emit_scalar(e, v[i], kind);
	samv_emit_seq_end(e);
}

static void
emit_num(struct samv_emitter *e, const char *key, long v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", v);
	samv_emit_pair(e, key, buf, SAMV_EMIT_RAW);
}

static void
emit_text(struct samv_emitter *e, const char *key, const char *v)
{
	if (v)
		samv_emit_pair(e, key, v, SAMV_EMIT_STRING);
}

static void
emit_people(struct samv_emitter *e, const char *key, const char *who,
    const struct samv_motion *v, size_t n)
{
	size_t i;

	if (n == 0)
		return;
	samv_emit_scalar(e, key, SAMV_EMIT_RAW);
	samv_emit_seq_start(e);
	for (i = 0; i < n; i++) {
		samv_emit_map_start(e);
		emit_text(e, who, v[i].by);
		emit_text(e, "party", v[i].party);
		emit_text(e, "text", v[i].text);
		samv_emit_map_end(e);
	}
	samv_emit_seq_end(e);
}

char *
samv_decision_yaml(const struct samv_decision_new *d, size_t *len)
{
	struct samv_buf b = SAMV_BUF_INIT;
	struct samv_emitter *e;
	size_t i;

	samv_buf_puts(&b, "# yaml-language-server: "
	    "$schema=../../../.samv/schema/decision.schema.json\n");
	e = samv_emit_begin(&b);
	if (e == NULL)
		return NULL;
	samv_emit_map_start(e);
	samv_emit_pair(e, "body", d->body, SAMV_EMIT_RAW);
	emit_num(e, "number", d->number);
	samv_emit_pair(e, "date", d->date, SAMV_EMIT_RAW);
	if (d->meeting)
		samv_emit_pair(e, "meeting", d->meeting, SAMV_EMIT_RAW);
	if (d->item > 0)
		emit_num(e, "item", d->item);
	emit_text(e, "title", d->title);
	samv_emit_pair(e, "kind", d->kind, SAMV_EMIT_RAW);
	if (d->political >= 0)
		samv_emit_pair(e, "political", d->political ? "true" : "false",
		    SAMV_EMIT_RAW);
	emit_text(e, "summary", d->summary);
	emit_list(e, "basis", d->basis, d->nbasis, SAMV_EMIT_STRING);
	emit_text(e, "proposal", d->proposal);
	emit_people(e, "motions", "by", d->motions, d->nmotions);
	if (d->method) {
		samv_emit_scalar(e, "procedure", SAMV_EMIT_RAW);
		samv_emit_map_start(e);
		samv_emit_pair(e, "method", d->method, SAMV_EMIT_RAW);
		if (d->nmotions > 0) {
			samv_emit_scalar(e, "order", SAMV_EMIT_RAW);
			samv_emit_seq_start(e);
			for (i = 0; i < d->nmotions; i++) {
				char n[32];

				snprintf(n, sizeof(n), "%zu", i + 1);
				samv_emit_scalar(e, n, SAMV_EMIT_RAW);
			}
			samv_emit_seq_end(e);
		}
		if (d->winner > 0)
			emit_num(e, "winner", d->winner);
		if (d->votes_for >= 0 || d->votes_against >= 0 ||
		    d->votes_abstain >= 0) {
			samv_emit_scalar(e, "vote", SAMV_EMIT_RAW);
			samv_emit_map_start(e);
			emit_num(e, "for", d->votes_for < 0 ? 0 : d->votes_for);
			emit_num(e, "against", d->votes_against < 0 ? 0 :
			    d->votes_against);
			emit_num(e, "abstain", d->votes_abstain < 0 ? 0 :
			    d->votes_abstain);
			samv_emit_map_end(e);
		}
		if (d->nroll_call) {
			samv_emit_scalar(e, "roll_call", SAMV_EMIT_RAW);
			samv_emit_seq_start(e);
			for (i = 0; i < d->nroll_call; i++) {
				samv_emit_map_start(e);
				emit_text(e, "name", d->roll_call[i].name);
				samv_emit_pair(e, "vote", d->roll_call[i].vote,
				    SAMV_EMIT_RAW);
				samv_emit_map_end(e);
			}
			samv_emit_seq_end(e);
		}
		samv_emit_map_end(e);
	}
	emit_text(e, "text", d->text);
	emit_people(e, "reservations", "by", d->reservations,
	    d->nreservations);
	emit_people(e, "notes", "by", d->notes, d->nnotes);
	if (d->nconflicts) {
		samv_emit_scalar(e, "conflicts", SAMV_EMIT_RAW);
		samv_emit_seq_start(e);
		for (i = 0; i < d->nconflicts; i++) {
			samv_emit_map_start(e);
			emit_text(e, "name", d->conflicts[i]);
			samv_emit_map_end(e);
		}
		samv_emit_seq_end(e);
	}
	if (d->adjusted_now)
		samv_emit_pair(e, "adjusted_now", "true", SAMV_EMIT_RAW);
	if (d->expires)
		samv_emit_pair(e, "expires", d->expires, SAMV_EMIT_RAW);
	emit_list(e, "recipients", d->recipients, d->nrecipients,
	    SAMV_EMIT_STRING);
	emit_list(e, "recommend", d->recommend, d->nrecommend, SAMV_EMIT_RAW);
	if (d->corrects)
		samv_emit_pair(e, "corrects", d->corrects, SAMV_EMIT_RAW);
	if (d->to)
		samv_emit_pair(e, "to", d->to, SAMV_EMIT_RAW);
	samv_emit_map_end(e);
	if (samv_emit_end(e) < 0) {
		samv_buf_release(&b);
		return NULL;
	}
	return samv_buf_detach(&b, len);
}

long
samv_decision_next_number(const struct samv_repo *r, const char *body,
    int year)
{
	char prefix[128], ys[8];
	long max = 0;
	long long first = 1;
	size_t i, pl;

	snprintf(prefix, sizeof(prefix), "%s/%d/", body, year);
	pl = strlen(prefix);
	samv_repo_need(r, SAMV_KIND_DECISION, body);
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		long n;

		if (rec->kind != SAMV_KIND_DECISION ||
		    strncmp(rec->id, prefix, pl) != 0)
			continue;
		n = strtol(rec->id + pl, NULL, 10);
		if (n > max)
			max = n;
	}
	if (max > 0)
		return max + 1;
	snprintf(ys, sizeof(ys), "%d", year);
	samv_node_int(samv_node_get(samv_node_get(samv_node_get(
	    samv_record_root(samv_repo_get(r, SAMV_KIND_BODY, body)),
	    "numbering"), "first_paragraph"), ys), &first);
	return first > 0 ? (long)first : 1;
}

static int
numcmp(const void *a, const void *b)
{
	const struct samv_record *x = *(const struct samv_record *const *)a;
	const struct samv_record *y = *(const struct samv_record *const *)b;
	long long nx = 0, ny = 0;

	samv_node_int(samv_node_get(x->doc->root, "number"), &nx);
	samv_node_int(samv_node_get(y->doc->root, "number"), &ny);
	if (nx != ny)
		return nx < ny ? -1 : 1;
	return strcmp(x->id, y->id);
}

size_t
samv_meeting_decisions(const struct samv_repo *r, const char *meeting_id,
    const struct samv_record ***out)
{
	const struct samv_record **v;
	size_t i, n = 0;
	char *body = samv_id_body(meeting_id);

	/* a decision is a § of its own body's protocol (rule ref) */
	samv_repo_need(r, SAMV_KIND_DECISION, body);
	free(body);
	v = samv_xcalloc(r->n + 1, sizeof(*v));
	for (i = 0; i < r->n; i++) {
		const struct samv_record *rec = r->records[i];
		const char *m;

		if (rec->kind != SAMV_KIND_DECISION || rec->doc == NULL)
			continue;
		m = samv_node_getstr(rec->doc->root, "meeting");
		if (m && strcmp(m, meeting_id) == 0)
			v[n++] = rec;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), numcmp);
	*out = v;
	return n;
}

int
samv_protocol_digest(const struct samv_repo *r,
    const struct samv_record *meeting, char out[41])
{
	struct samv_buf b = SAMV_BUF_INIT;
	const struct samv_record **ds;
	const struct samv_node *root;
	git_oid oid;
	size_t i, n;
	int rc;

	if (meeting->doc == NULL || (root = meeting->doc->root) == NULL ||
	    root->kind != SAMV_NODE_MAP)
		return -1;
	/* the meeting without its adjustment, keys sorted */
	samv_buf_puts(&b, "samv-protocol-1\n");
	{
		struct samv_node copy = *root;
		struct samv_pair *pairs = samv_xcalloc(root->n_pairs + 1,
		    sizeof(*pairs));
		size_t k = 0;

		for (i = 0; i < root->n_pairs; i++)
			if (strcmp(root->pairs[i].key->str, "adjustment") != 0)
				pairs[k++] = root->pairs[i];
		copy.pairs = pairs;
		copy.n_pairs = k;
		samv_json_node(&b, &copy, 1);
		free(pairs);
	}
	/* a decision without the principals' responses: adoption is
	 * recorded after justering and is not part of the protocol */
	n = samv_meeting_decisions(r, meeting->id, &ds);
	for (i = 0; i < n; i++) {
		const struct samv_node *d = ds[i]->doc->root;

		samv_buf_printf(&b, "\n%s\n", ds[i]->id);
		if (d && d->kind == SAMV_NODE_MAP) {
			struct samv_node copy = *d;
			struct samv_pair *pairs = samv_xcalloc(d->n_pairs + 1,
			    sizeof(*pairs));
			size_t k, m = 0;

			for (k = 0; k < d->n_pairs; k++)
				if (strcmp(d->pairs[k].key->str,
				    "adoption") != 0)
					pairs[m++] = d->pairs[k];
			copy.pairs = pairs;
			copy.n_pairs = m;
			samv_json_node(&b, &copy, 1);
			free(pairs);
		} else
			samv_json_node(&b, d, 1);
	}
	free(ds);
	rc = git_odb_hash(&oid, b.s, b.len, GIT_OBJECT_BLOB);
	samv_buf_release(&b);
	if (rc < 0)
		return -1;
	git_oid_tostr(out, 41, &oid);
	return 0;
}
