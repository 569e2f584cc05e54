/* decision.h - decisions (§), their numbering, and the adjusted protocol */
#ifndef SAMV_DECISION_H
#define SAMV_DECISION_H

#include <stddef.h>

#include "records.h"

struct samv_motion {
	const char *by, *party, *text;
};

struct samv_vote {
	const char *name;
	const char *vote;	/* for | against | abstain */
};

/* A decision to write; NULL, 0 or -1 for what is not given. */
struct samv_decision_new {
	const char *body;
	long number;
	const char *date;
	const char *meeting;
	long item;
	const char *title;
	const char *kind;
	int political;			/* -1 unset, 0, 1 */
	const char *summary;
	const char *const *basis;
	size_t nbasis;
	const char *proposal;
	const struct samv_motion *motions;
	size_t nmotions;
	const char *method;		/* acclamation | vote | roll-call */
	long winner;
	long votes_for, votes_against, votes_abstain;	/* -1 unset */
	const struct samv_vote *roll_call;
	size_t nroll_call;
	const char *text;
	const struct samv_motion *reservations;	/* by, party, text */
	size_t nreservations;
	const struct samv_motion *notes;	/* by, text */
	size_t nnotes;
	const char *const *conflicts;
	size_t nconflicts;
	int adjusted_now;
	const char *expires;
	const char *const *recipients;
	size_t nrecipients;
	const char *const *recommend;
	size_t nrecommend;
	const char *corrects;
	const char *to;
};

/* The YAML of a new decision file, modeline first (allocated). */
char *samv_decision_yaml(const struct samv_decision_new *d, size_t *len);

/*
 * The next § number of body in year: one more than the highest recorded,
 * or the body's numbering.first_paragraph for that year, or 1.
 */
long samv_decision_next_number(const struct samv_repo *r, const char *body,
    int year);

/*
 * The decisions taken at meeting_id, sorted by number, into *out
 * (allocated array of borrowed records; caller frees the array).
 */
size_t samv_meeting_decisions(const struct samv_repo *r,
    const char *meeting_id, const struct samv_record ***out);

/*
 * The digest of a meeting's protocol as it stands: the meeting without
 * its adjustment, and every decision taken at it, in canonical JSON,
 * hashed (40 hex digits into out). Comments and formatting do not count,
 * content does; the principals' adoption, recorded after the
 * justering, does not. Returns 0, or -1 when a record cannot be read.
 */
int samv_protocol_digest(const struct samv_repo *r,
    const struct samv_record *meeting, char out[41]);

#endif
