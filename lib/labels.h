/* labels.h - the fixed texts of rendered documents, in Swedish and English */
#ifndef SAMV_LABELS_H
#define SAMV_LABELS_H

#include <stddef.h>

#include "date.h"

/*
 * Every fixed text a renderer writes is looked up here, never spelt in
 * a renderer, so that one table holds both languages. The language is
 * a repository's samv.yaml language: "en" gives English, anything else
 * (normally "sv") Swedish. All returned strings are static.
 */
enum samv_label {
	/* notice and agenda */
	SAMV_L_AGENDA,			/* Dagordning */
	SAMV_L_NOTICE,			/* Kallelse */
	SAMV_L_DATE,			/* Datum */
	SAMV_L_TIME,			/* Tid */
	SAMV_L_PLACE,			/* Plats */
	SAMV_L_CHAIR,			/* Ordförande */
	SAMV_L_VICE_CHAIR,		/* Vice ordförande */
	SAMV_L_FIRST_VICE_CHAIR,	/* 1:e vice ordförande */
	SAMV_L_SECOND_VICE_CHAIR,	/* 2:e vice ordförande */
	SAMV_L_SECRETARY,		/* Sekreterare */
	SAMV_L_MEMBERS,			/* Ledamöter */
	SAMV_L_SUBSTITUTES,		/* Ersättare */
	SAMV_L_SERVING_SUBSTITUTES,	/* Tjänstgörande ersättare */
	SAMV_L_OTHERS,			/* Övriga */
	SAMV_L_PRESENT,			/* Närvarande */
	SAMV_L_ABSENT,			/* Frånvarande */
	SAMV_L_REPLACING,		/* tjänstgör för (before a name) */
	SAMV_L_ITEMS,			/* Ärenden */
	SAMV_L_STANDING_ITEMS,		/* Stående punkter */
	SAMV_L_INFORMATION_ITEMS,	/* Informationsärenden */
	SAMV_L_DECISION_ITEMS,		/* Beslutsärenden */
	SAMV_L_ITEM,			/* Ärende */
	SAMV_L_NUMBER,			/* Nr */
	SAMV_L_PRESENTERS,		/* Föredragande */
	SAMV_L_DESCRIPTION,		/* Ärendebeskrivning */
	SAMV_L_DOCUMENTS,		/* Beslutsunderlag */
	SAMV_L_PROPOSAL,		/* Förslag till beslut */
	SAMV_L_CONSEQUENCES,		/* Konsekvenser */
	SAMV_L_REFERENCES,		/* Hänvisningar */
	SAMV_L_BREAK,			/* Paus */
	SAMV_L_AT,			/* kl. (before a time) */
	SAMV_L_PUBLISHED,		/* Publicerad */
	SAMV_L_LEVEL,			/* Nivå */
	/* protocol */
	SAMV_L_PROTOCOL,		/* Protokoll */
	SAMV_L_PARAGRAPH,		/* § */
	SAMV_L_DECISION,		/* Beslut */
	SAMV_L_MOTIONS,			/* Yrkanden */
	SAMV_L_PROPOSITION_ORDER,	/* Propositionsordning */
	SAMV_L_ACCLAMATION,		/* Acklamation */
	SAMV_L_VOTE,			/* Omröstning */
	SAMV_L_ROLL_CALL,		/* Omröstning med namnupprop */
	SAMV_L_VOTE_FOR,		/* Ja */
	SAMV_L_VOTE_AGAINST,		/* Nej */
	SAMV_L_VOTE_ABSTAIN,		/* Avstår */
	SAMV_L_RESERVATIONS,		/* Reservationer */
	SAMV_L_PROTOCOL_NOTES,		/* Protokollsanteckningar */
	SAMV_L_CONFLICTS,		/* Jäv */
	SAMV_L_ADJUSTERS,		/* Justerare */
	SAMV_L_ADJUSTMENT,		/* Justering */
	SAMV_L_ADJUSTED_NOW,		/* Paragrafen är justerad */
	SAMV_L_SIGNATURES,		/* Underskrifter */
	SAMV_L_RECIPIENTS,		/* Expedieras till */
	SAMV_L_SUMMARY,			/* Sammanfattning */
	SAMV_L_CORRECTS,		/* Rättelse av */
	SAMV_L_EXPIRES,			/* Gäller till och med */
	SAMV_L_EXTRACT,			/* Protokollsutdrag */
	SAMV_L_MEMBER,			/* Ledamot */
	SAMV_L_SIGNATURE,		/* Underskrift */
	SAMV_L_NAME,			/* Namn */
	SAMV_L_PROPOSAL_N,		/* förslag (before a number) */
	SAMV_L_AND,			/* och */
	SAMV_L_PUT_ACCLAMATION,		/* printf: proposals, winner */
	SAMV_L_PUT_VOTE,		/* printf: proposals */
	SAMV_L_VOTE_RESULT,		/* printf: for, against, abstain */
	SAMV_L_WINNER,			/* printf: winner number */
	SAMV_L_CONFLICT_TEXT,		/* printf: name */
	SAMV_L_ITEM_N,			/* Punkt */
	SAMV_L_TAKEN_AT,		/* Beslutat vid */
	/* assignment description and follow-up */
	SAMV_L_ASSIGNMENT,		/* Uppdrag (the document) */
	SAMV_L_BACKGROUND,		/* Bakgrund */
	SAMV_L_TASK,			/* Uppdrag (the heading) */
	SAMV_L_USER_INFLUENCE,		/* Brukarinflytande */
	SAMV_L_CHILD_RIGHTS,		/* Barnrättsperspektiv */
	SAMV_L_REPORTING,		/* Återrapportering */
	SAMV_L_REPORT_TO,		/* Mottagare av återrapporteringen */
	SAMV_L_CONTACTS,		/* Kontaktperson(er) */
	SAMV_L_ATTACHMENTS,		/* Särskilt material som bifogas */
	SAMV_L_FOLLOW_UP,		/* Uppföljning */
	SAMV_L_BALANCE_LIST,		/* Balanslista */
	SAMV_L_ASSIGNEE,		/* Uppdragstagare */
	SAMV_L_GIVEN_BY,		/* Givet av */
	SAMV_L_DUE,			/* Klart senast */
	SAMV_L_STATUS,			/* Status */
	SAMV_L_ONGOING,			/* Löpande */
	SAMV_L_RECURRING,		/* Återkommande */
	SAMV_L_REPORTS,			/* Återrapporteringar */
	SAMV_L_OVERDUE,			/* Försenad */
	SAMV_L_AS_OF,			/* Per */
	/* body and assignment documents (added by samv body/assign) */
	/* end of body and assignment labels */
	/* reports and trace (added by samv report/trace) */
	/* end of report labels */
	SAMV_L_COUNT
};

/* The text of label l in lang; "" for an out-of-range l. */
const char *samv_label(enum samv_label l, const char *lang);

/*
 * The stable key of a label ("agenda", "proposal", …: the enum name in
 * lowercase without SAMV_L_), and the label of a key. samv_label_key()
 * returns -1 for an unknown key; samv_label_str() returns NULL.
 */
const char *samv_label_name(enum samv_label l);
int samv_label_key(const char *key);
const char *samv_label_str(const char *key, const char *lang);

/*
 * A member's role (chair, vice-chair, first-vice-chair,
 * second-vice-chair, secretary, member, substitute, adjunct) as running
 * text in lowercase ("vice ordförande", "first vice chair"); NULL for
 * an unknown role.
 */
const char *samv_label_role(const char *role, const char *lang);

/*
 * A meeting's kind (ordinary, extra, check-in, strategy-day,
 * preparatory, joint, constituent) as a capitalised phrase
 * ("Strategidag", "Extra meeting"); NULL for an unknown kind.
 */
const char *samv_label_meeting_kind(const char *kind, const char *lang);

/* Month 1–12 and weekday 0–6 (Monday first) in lowercase Swedish
 * ("oktober", "fredag") or capitalised English; NULL out of range. */
const char *samv_label_month(int month, const char *lang);
const char *samv_label_weekday(int weekday, const char *lang);
/* Weekday of a day, 0 = Monday. */
int samv_day_weekday(samv_day day);

/*
 * A date in words: "8 oktober 2021" / "8 October 2021", with
 * with_weekday "fredag 8 oktober 2021" / "Friday 8 October 2021".
 * Writes at most size bytes (NUL included) to buf; 48 always suffice.
 */
void samv_label_date(char *buf, size_t size, samv_day day, int with_weekday,
    const char *lang);

#endif
