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
	SAMV_L_TERMS_OF_REFERENCE,	/* Uppdragsbeskrivning */
	SAMV_L_KIND,			/* Typ */
	SAMV_L_POLITICAL,		/* Politiskt */
	SAMV_L_YES,			/* ja */
	SAMV_L_NO,			/* nej */
	SAMV_L_ID,			/* Id */
	SAMV_L_PURPOSE_AND_GOAL,	/* Övergripande mål och syfte */
	SAMV_L_PURPOSE,			/* Syfte */
	SAMV_L_GOAL,			/* Mål */
	SAMV_L_PRINCIPLES,		/* Arbetet ska utgå från nedanstående */
	SAMV_L_TASKS,			/* Uppdrag (a body's tasks) */
	SAMV_L_MANDATE,			/* Mandat */
	SAMV_L_REPRESENTATION,		/* Representation */
	SAMV_L_PRINCIPAL,		/* Huvudman */
	SAMV_L_POSITIONS,		/* Befattningar */
	SAMV_L_SEATS,			/* Antal */
	SAMV_L_WORKING_FORMS,		/* Arbetsformer */
	SAMV_L_MEETING_FREQUENCY,	/* Mötesfrekvens */
	SAMV_L_TIMES_ONE,		/* gång */
	SAMV_L_TIMES_MANY,		/* gånger */
	SAMV_L_PER_WEEK,		/* vecka */
	SAMV_L_PER_MONTH,		/* månad */
	SAMV_L_PER_TERM,		/* termin */
	SAMV_L_PER_YEAR,		/* år */
	SAMV_L_ROTATION_1,		/* printf: side, side */
	SAMV_L_ROTATION_N,		/* printf: side, side, years */
	SAMV_L_ROTATION_SIDES,		/* never the same side in one year */
	SAMV_L_THE_MUNICIPALITIES,	/* kommunerna */
	SAMV_L_AGENDA_PREPARED_BY,	/* Upprättas av */
	SAMV_L_AGENDA_DAYS,		/* printf: "en vecka" / "10 dagar" */
	SAMV_L_ONE_WEEK,		/* en vecka */
	SAMV_L_N_DAYS,			/* printf: days */
	SAMV_L_MEETING_NOTES,		/* Minnesanteckningar */
	SAMV_L_DISTRIBUTION,		/* Skickas till */
	SAMV_L_ADJUST_WITHIN,		/* printf: days */
	SAMV_L_REGION,			/* Region */
	SAMV_L_MUNICIPALITY,		/* Kommunen */
	SAMV_L_INFORMATION_DUTY,	/* Informationsansvar */
	SAMV_L_ADJUNCT,			/* Adjungerade */
	SAMV_L_SUBORDINATE,		/* printf: body name */
	SAMV_L_RELATIONS,		/* Relationer */
	SAMV_L_PREPARES_FOR,		/* Beredningsorgan till */
	SAMV_L_COMMISSIONED_BY,		/* Arbetar på uppdrag av */
	SAMV_L_IMPLEMENTS,		/* Verkställer beslut från */
	SAMV_L_ESCALATES_TO,		/* Eskalerar till */
	SAMV_L_REPORTS_TO_BODY,		/* Rapporterar till */
	SAMV_L_BELONGS_TO,		/* Huvudman (of a local body) */
	SAMV_L_ROLE,			/* Roll */
	SAMV_L_PARTY,			/* Parti */
	SAMV_L_POSITION,		/* Befattning */
	SAMV_L_FROM,			/* Från */
	SAMV_L_VALIDITY,		/* Giltighet */
	SAMV_L_VALID_FROM,		/* Gäller från */
	SAMV_L_DECIDED_BY,		/* Beslutad av */
	SAMV_L_SUPERSEDES,		/* Ersätter */
	SAMV_L_FORMER_NAMES,		/* Tidigare namn */
	SAMV_L_NOTES,			/* Övrigt */
	SAMV_L_KIND_POLITICAL_ASSEMBLY,	/* politisk församling */
	SAMV_L_KIND_OFFICIALS_NETWORK,	/* tjänstepersonsnätverk */
	SAMV_L_KIND_PREPARATORY_GROUP,	/* beredningsgrupp */
	SAMV_L_KIND_MANAGEMENT_GROUP,	/* ledningsgrupp */
	SAMV_L_KIND_LOCAL_ARENA,	/* lokal samverkansarena */
	SAMV_L_KIND_WORKING_GROUP,	/* arbetsgrupp */
	SAMV_L_KIND_TEMPORARY_WORKING_GROUP, /* tillfällig arbetsgrupp */
	SAMV_L_KIND_STRATEGY_GROUP,	/* strategigrupp */
	SAMV_L_KIND_STEERING_GROUP,	/* styrgrupp */
	SAMV_L_KIND_COUNCIL,		/* råd */
	SAMV_L_KIND_DIALOGUE_GROUP,	/* dialoggrupp */
	SAMV_L_KIND_OTHER,		/* annat organ */
	SAMV_L_ASSIGNMENT_DESCRIPTION,	/* Uppdragsbeskrivning (assignment) */
	SAMV_L_TITLE,			/* Rubrik */
	SAMV_L_GIVEN_ON,		/* Givet den */
	SAMV_L_FOLLOW_UP_HOW,		/* Uppföljning hur och när? */
	SAMV_L_NOT_GIVEN,		/* Ej angivet */
	SAMV_L_PLAN,			/* Handlingsplan */
	SAMV_L_SECTION,			/* Avsnitt */
	SAMV_L_MEETING,			/* Möte */
	SAMV_L_FINAL_REPORT,		/* Slutrapport */
	SAMV_L_STATUS_GIVEN,		/* Givet */
	SAMV_L_STATUS_ONGOING,		/* Pågår */
	SAMV_L_STATUS_REPORTED,		/* Återrapporterat */
	SAMV_L_STATUS_DONE,		/* Klart */
	SAMV_L_STATUS_CANCELLED,	/* Avbrutet */
	SAMV_L_DEFAULT_REPORTING,	/* printf: body name */
	SAMV_L_DEFAULT_REPORTING_DUE,	/* printf: body name, date */
	/* end of body and assignment labels */
	/* reports and trace (added by samv report/trace) */
	SAMV_L_R_RPT_OVERDUE,		/* Försenade återrapporteringar */
	SAMV_L_R_RPT_RECOMMENDATIONS,	/* Rekommendationer och huvudmännens beslut */
	SAMV_L_R_RPT_COMPLIANCE,	/* Efterlevnad av reglerna */
	SAMV_L_R_RPT_ORG,		/* Organisation */
	SAMV_L_R_RPT_CALENDAR,		/* Kalender */
	SAMV_L_R_RPT_PLAN,		/* Handlingsplan */
	SAMV_L_R_RPT_TRACE,		/* Ärendets gång */
	SAMV_L_R_OPEN_ASSIGNMENTS,	/* Öppna uppdrag */
	SAMV_L_R_OPEN_RECOMMENDATIONS,	/* Öppna rekommendationer */
	SAMV_L_R_LAST_REPORT,		/* Senaste återrapportering */
	SAMV_L_R_NONE,			/* Inga. */
	SAMV_L_R_DAYS_OVERDUE,		/* Dagar försenad */
	SAMV_L_R_OVERDUE_DAYS,		/* Försenad (%ld d) */
	SAMV_L_R_ST_GIVEN,		/* Givet */
	SAMV_L_R_ST_ONGOING,		/* Pågår */
	SAMV_L_R_ST_REPORTED,		/* Återrapporterat */
	SAMV_L_R_ST_DONE,		/* Klart */
	SAMV_L_R_ST_CANCELLED,		/* Avbrutet */
	SAMV_L_R_AD_ADOPTED,		/* Antagen */
	SAMV_L_R_AD_REJECTED,		/* Avslagen */
	SAMV_L_R_AD_PARTLY,		/* Delvis antagen */
	SAMV_L_R_AD_PENDING,		/* Ej beslutad */
	SAMV_L_R_PRINCIPAL,		/* Huvudman */
	SAMV_L_R_RECOMMENDATION,	/* Rekommendation */
	SAMV_L_R_BODY,			/* Organ */
	SAMV_L_R_DECIDED_BY,		/* Beslutat av */
	SAMV_L_R_MEETING_FREQUENCY,	/* Mötesfrekvens */
	SAMV_L_R_RULE,			/* Regel */
	SAMV_L_R_PERIOD,		/* Period */
	SAMV_L_R_EXPECTED,		/* Förväntat */
	SAMV_L_R_HELD,			/* Hållna */
	SAMV_L_R_REMARK,		/* Anmärkning */
	SAMV_L_R_OK,			/* Uppfyllt */
	SAMV_L_R_TOO_FEW,		/* För få möten */
	SAMV_L_R_AGENDA_LEAD,		/* Kallelse i tid */
	SAMV_L_R_MEETING,		/* Sammanträde */
	SAMV_L_R_DEADLINE,		/* Senast */
	SAMV_L_R_LATE,			/* För sent */
	SAMV_L_R_NOT_PUBLISHED,		/* Ej utskickad */
	SAMV_L_R_NOT_DUE,		/* Ej passerad */
	SAMV_L_R_ADJUSTMENT_LEAD,	/* Justering i tid */
	SAMV_L_R_ADJUSTED,		/* Justerat */
	SAMV_L_R_NOT_ADJUSTED,		/* Ej justerat */
	SAMV_L_R_ROTATION,		/* Rotation av ordförande och sekreterare */
	SAMV_L_R_YEAR,			/* År */
	SAMV_L_R_SAME_SIDE,		/* Ordförande och sekreterare från samma sida */
	SAMV_L_R_CHAIR_SAME_SIDE_AGAIN,	/* Ordförande från samma sida som året innan */
	SAMV_L_R_SECRETARY_SAME_SIDE_AGAIN, /* Sekreterare från samma sida som året innan */
	SAMV_L_R_REPRESENTATION,	/* Representation */
	SAMV_L_R_NO_ACTIVE_MEMBER,	/* Ingen aktiv ledamot */
	SAMV_L_R_EXPIRING,		/* Avtal som löper ut */
	SAMV_L_R_EXPIRED,		/* Har löpt ut */
	SAMV_L_R_EXPIRES_IN,		/* Löper ut om %ld dagar */
	SAMV_L_R_PER_WEEK,		/* per vecka */
	SAMV_L_R_PER_MONTH,		/* per månad */
	SAMV_L_R_PER_TERM,		/* per termin */
	SAMV_L_R_PER_YEAR,		/* per år */
	SAMV_L_R_ALL_KINDS,		/* Alla sammanträden */
	SAMV_L_R_SIDE_REGION,		/* regionen */
	SAMV_L_R_SIDE_MUNICIPALITY,	/* kommunerna */
	SAMV_L_R_SIDE_OTHER,		/* annan */
	SAMV_L_R_EDGE_PREPARES,		/* bereder */
	SAMV_L_R_EDGE_COMMISSIONS,	/* uppdrag */
	SAMV_L_R_EDGE_IMPLEMENTS,	/* verkställer */
	SAMV_L_R_EDGE_ESCALATES,	/* eskalerar */
	SAMV_L_R_EDGE_REPORTS,		/* rapporterar */
	SAMV_L_R_ORG_CHART,		/* Organisationsschema */
	SAMV_L_R_ORG_TREE,		/* Struktur */
	SAMV_L_R_EVENT,			/* Händelse */
	SAMV_L_R_DETAILS,		/* Uppgifter */
	SAMV_L_R_EV_AGENDA_DEADLINE,	/* Sista dag för kallelse */
	SAMV_L_R_EV_REPORT_DUE,		/* Återrapportering ska ske */
	SAMV_L_R_ACTIVITY,		/* Aktivitet */
	SAMV_L_R_RESPONSIBLE,		/* Ansvar för genomförande */
	SAMV_L_R_SCHEDULE,		/* Tidsplan */
	SAMV_L_R_OTHER_SECTION,		/* Övriga aktiviteter */
	SAMV_L_R_STEP,			/* Steg */
	SAMV_L_R_COMMIT,		/* Commit */
	SAMV_L_R_TR_PROPOSAL,		/* Förslag till beslut */
	SAMV_L_R_TR_ITEM,		/* Ärende */
	SAMV_L_R_TR_DECISION,		/* Beslut */
	SAMV_L_R_TR_ASSIGNMENT,		/* Uppdrag */
	SAMV_L_R_TR_REPORT,		/* Återrapportering */
	SAMV_L_R_TR_ADOPTION,		/* Huvudmannens beslut */
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
