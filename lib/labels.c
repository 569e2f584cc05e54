/* labels.c - the fixed texts of rendered documents, in Swedish and English */
#include <stdio.h>
#include <string.h>

#include "labels.h"

struct label {
	const char *key, *sv, *en;
};

#define L(e, k, s, n) [e] = { k, s, n }

static const struct label labels[SAMV_L_COUNT] = {
	L(SAMV_L_AGENDA, "agenda", "Dagordning", "Agenda"),
	L(SAMV_L_NOTICE, "notice", "Kallelse", "Notice"),
	L(SAMV_L_DATE, "date", "Datum", "Date"),
	L(SAMV_L_TIME, "time", "Tid", "Time"),
	L(SAMV_L_PLACE, "place", "Plats", "Place"),
	L(SAMV_L_CHAIR, "chair", "Ordförande", "Chair"),
	L(SAMV_L_VICE_CHAIR, "vice_chair", "Vice ordförande", "Vice chair"),
	L(SAMV_L_FIRST_VICE_CHAIR, "first_vice_chair", "1:e vice ordförande",
	    "First vice chair"),
	L(SAMV_L_SECOND_VICE_CHAIR, "second_vice_chair",
	    "2:e vice ordförande", "Second vice chair"),
	L(SAMV_L_SECRETARY, "secretary", "Sekreterare", "Secretary"),
	L(SAMV_L_MEMBERS, "members", "Ledamöter", "Members"),
	L(SAMV_L_SUBSTITUTES, "substitutes", "Ersättare", "Substitutes"),
	L(SAMV_L_SERVING_SUBSTITUTES, "serving_substitutes",
	    "Tjänstgörande ersättare", "Serving substitutes"),
	L(SAMV_L_OTHERS, "others", "Övriga", "Others present"),
	L(SAMV_L_PRESENT, "present", "Närvarande", "Present"),
	L(SAMV_L_ABSENT, "absent", "Frånvarande", "Absent"),
	L(SAMV_L_REPLACING, "replacing", "tjänstgör för", "replacing"),
	L(SAMV_L_ITEMS, "items", "Ärenden", "Items"),
	L(SAMV_L_STANDING_ITEMS, "standing_items", "Stående punkter",
	    "Standing items"),
	L(SAMV_L_INFORMATION_ITEMS, "information_items",
	    "Informationsärenden", "Information items"),
	L(SAMV_L_DECISION_ITEMS, "decision_items", "Beslutsärenden",
	    "Decision items"),
	L(SAMV_L_ITEM, "item", "Ärende", "Item"),
	L(SAMV_L_NUMBER, "number", "Nr", "No."),
	L(SAMV_L_PRESENTERS, "presenters", "Föredragande", "Presenter(s)"),
	L(SAMV_L_DESCRIPTION, "description", "Ärendebeskrivning",
	    "Description"),
	L(SAMV_L_DOCUMENTS, "documents", "Beslutsunderlag", "Documents"),
	L(SAMV_L_PROPOSAL, "proposal", "Förslag till beslut",
	    "Proposed decision"),
	L(SAMV_L_CONSEQUENCES, "consequences", "Konsekvenser",
	    "Consequences"),
	L(SAMV_L_REFERENCES, "references", "Hänvisningar", "References"),
	L(SAMV_L_BREAK, "break", "Paus", "Break"),
	L(SAMV_L_AT, "at", "kl.", "at"),
	L(SAMV_L_PUBLISHED, "published", "Publicerad", "Published"),
	L(SAMV_L_LEVEL, "level", "Nivå", "Level"),

	L(SAMV_L_PROTOCOL, "protocol", "Protokoll", "Minutes"),
	L(SAMV_L_PARAGRAPH, "paragraph", "§", "§"),
	L(SAMV_L_DECISION, "decision", "Beslut", "Decision"),
	L(SAMV_L_MOTIONS, "motions", "Yrkanden", "Motions"),
	L(SAMV_L_PROPOSITION_ORDER, "proposition_order",
	    "Propositionsordning", "Order of propositions"),
	L(SAMV_L_ACCLAMATION, "acclamation", "Acklamation", "Acclamation"),
	L(SAMV_L_VOTE, "vote", "Omröstning", "Vote"),
	L(SAMV_L_ROLL_CALL, "roll_call", "Omröstning med namnupprop",
	    "Roll-call vote"),
	L(SAMV_L_VOTE_FOR, "vote_for", "Ja", "For"),
	L(SAMV_L_VOTE_AGAINST, "vote_against", "Nej", "Against"),
	L(SAMV_L_VOTE_ABSTAIN, "vote_abstain", "Avstår", "Abstain"),
	L(SAMV_L_RESERVATIONS, "reservations", "Reservationer",
	    "Reservations"),
	L(SAMV_L_PROTOCOL_NOTES, "protocol_notes", "Protokollsanteckningar",
	    "Notes to the minutes"),
	L(SAMV_L_CONFLICTS, "conflicts", "Jäv", "Conflicts of interest"),
	L(SAMV_L_ADJUSTERS, "adjusters", "Justerare", "Adjusters"),
	L(SAMV_L_ADJUSTMENT, "adjustment", "Justering", "Adjustment"),
	L(SAMV_L_ADJUSTED_NOW, "adjusted_now", "Paragrafen är justerad",
	    "This paragraph is adjusted"),
	L(SAMV_L_SIGNATURES, "signatures", "Underskrifter", "Signatures"),
	L(SAMV_L_RECIPIENTS, "recipients", "Expedieras till", "Sent to"),
	L(SAMV_L_SUMMARY, "summary", "Sammanfattning", "Summary"),
	L(SAMV_L_CORRECTS, "corrects", "Rättelse av", "Correction of"),
	L(SAMV_L_EXPIRES, "expires", "Gäller till och med", "Valid until"),
	L(SAMV_L_EXTRACT, "extract", "Protokollsutdrag",
	    "Extract from the minutes"),
	L(SAMV_L_MEMBER, "member", "Ledamot", "Member"),
	L(SAMV_L_SIGNATURE, "signature", "Underskrift", "Signature"),
	L(SAMV_L_NAME, "name", "Namn", "Name"),
	L(SAMV_L_PROPOSAL_N, "proposal_n", "förslag", "proposal"),
	L(SAMV_L_AND, "and", "och", "and"),
	L(SAMV_L_PUT_ACCLAMATION, "put_acclamation",
	    "Ordföranden ställer proposition på %s genom acklamation och "
	    "finner att förslag %ld har vunnit majoritet.",
	    "The chair puts %s to the meeting by acclamation and finds "
	    "proposal %ld adopted."),
	L(SAMV_L_PUT_VOTE, "put_vote",
	    "Ordföranden ställer proposition på %s. Omröstning begärs och "
	    "genomförs.",
	    "The chair puts %s to the meeting. A vote is requested and "
	    "held."),
	L(SAMV_L_VOTE_RESULT, "vote_result",
	    "Röstsiffror: %ld ja, %ld nej, %ld avstår.",
	    "Result: %ld for, %ld against, %ld abstaining."),
	L(SAMV_L_WINNER, "winner",
	    "Förslag %ld har vunnit majoritet.", "Proposal %ld is adopted."),
	L(SAMV_L_CONFLICT_TEXT, "conflict_text",
	    "%s deltar inte i handläggningen på grund av jäv.",
	    "%s did not take part because of a conflict of interest."),
	L(SAMV_L_ITEM_N, "item_n", "Punkt", "Item"),
	L(SAMV_L_TAKEN_AT, "taken_at", "Beslutat vid", "Decided at"),

	L(SAMV_L_ASSIGNMENT, "assignment", "Uppdrag", "Assignment"),
	L(SAMV_L_BACKGROUND, "background", "Bakgrund", "Background"),
	L(SAMV_L_TASK, "task", "Uppdrag", "Task"),
	L(SAMV_L_USER_INFLUENCE, "user_influence", "Brukarinflytande",
	    "User influence"),
	L(SAMV_L_CHILD_RIGHTS, "child_rights", "Barnrättsperspektiv",
	    "Child rights perspective"),
	L(SAMV_L_REPORTING, "reporting", "Återrapportering", "Reporting back"),
	L(SAMV_L_REPORT_TO, "report_to", "Mottagare av återrapporteringen",
	    "Report back to"),
	L(SAMV_L_CONTACTS, "contacts", "Kontaktperson(er)",
	    "Contact person(s)"),
	L(SAMV_L_ATTACHMENTS, "attachments", "Särskilt material som bifogas",
	    "Attached material"),
	L(SAMV_L_FOLLOW_UP, "follow_up", "Uppföljning", "Follow-up"),
	L(SAMV_L_BALANCE_LIST, "balance_list", "Balanslista",
	    "Balance list"),
	L(SAMV_L_ASSIGNEE, "assignee", "Uppdragstagare", "Assignee"),
	L(SAMV_L_GIVEN_BY, "given_by", "Givet av", "Given by"),
	L(SAMV_L_DUE, "due", "Klart senast", "Due"),
	L(SAMV_L_STATUS, "status", "Status", "Status"),
	L(SAMV_L_ONGOING, "ongoing", "Löpande", "Ongoing"),
	L(SAMV_L_RECURRING, "recurring", "Återkommande", "Recurring"),
	L(SAMV_L_REPORTS, "reports", "Återrapporteringar", "Report-backs"),
	L(SAMV_L_OVERDUE, "overdue", "Försenad", "Overdue"),
	L(SAMV_L_AS_OF, "as_of", "Per", "As of"),
	/* body and assignment documents (added by samv body/assign) */
	/* end of body and assignment labels */
	/* reports and trace (added by samv report/trace) */
	/* end of report labels */
};

#undef L

static int
is_en(const char *lang)
{
	return lang && strcmp(lang, "en") == 0;
}

const char *
samv_label(enum samv_label l, const char *lang)
{
	const char *s;

	if ((int)l < 0 || l >= SAMV_L_COUNT)
		return "";
	s = is_en(lang) ? labels[l].en : labels[l].sv;
	return s ? s : "";
}

const char *
samv_label_name(enum samv_label l)
{
	if ((int)l < 0 || l >= SAMV_L_COUNT || labels[l].key == NULL)
		return "";
	return labels[l].key;
}

int
samv_label_key(const char *key)
{
	int i;

	if (key == NULL)
		return -1;
	for (i = 0; i < SAMV_L_COUNT; i++)
		if (labels[i].key && strcmp(labels[i].key, key) == 0)
			return i;
	return -1;
}

const char *
samv_label_str(const char *key, const char *lang)
{
	int i = samv_label_key(key);

	return i < 0 ? NULL : samv_label((enum samv_label)i, lang);
}

static const struct {
	const char *role, *sv, *en;
} roles[] = {
	{ "chair", "ordförande", "chair" },
	{ "vice-chair", "vice ordförande", "vice chair" },
	{ "first-vice-chair", "1:e vice ordförande", "first vice chair" },
	{ "second-vice-chair", "2:e vice ordförande", "second vice chair" },
	{ "secretary", "sekreterare", "secretary" },
	{ "member", "ledamot", "member" },
	{ "substitute", "ersättare", "substitute" },
	{ "adjunct", "adjungerad", "co-opted" },
};

const char *
samv_label_role(const char *role, const char *lang)
{
	size_t i;

	if (role == NULL)
		return NULL;
	for (i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(roles[i].role, role) == 0)
			return is_en(lang) ? roles[i].en : roles[i].sv;
	return NULL;
}

static const struct {
	const char *kind, *sv, *en;
} kinds[] = {
	{ "ordinary", "Ordinarie sammanträde", "Ordinary meeting" },
	{ "extra", "Extra sammanträde", "Extra meeting" },
	{ "check-in", "Avstämning", "Check-in" },
	{ "strategy-day", "Strategidag", "Strategy day" },
	{ "preparatory", "Beredning", "Preparatory meeting" },
	{ "joint", "Gemensamt möte", "Joint meeting" },
	{ "constituent", "Konstituerande sammanträde", "Constituent meeting" },
};

const char *
samv_label_meeting_kind(const char *kind, const char *lang)
{
	size_t i;

	if (kind == NULL)
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].kind, kind) == 0)
			return is_en(lang) ? kinds[i].en : kinds[i].sv;
	return NULL;
}

static const char *const months_sv[12] = {
	"januari", "februari", "mars", "april", "maj", "juni", "juli",
	"augusti", "september", "oktober", "november", "december"
};
static const char *const months_en[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
static const char *const weekdays_sv[7] = {
	"måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
};
static const char *const weekdays_en[7] = {
	"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
	"Sunday"
};

const char *
samv_label_month(int month, const char *lang)
{
	if (month < 1 || month > 12)
		return NULL;
	return is_en(lang) ? months_en[month - 1] : months_sv[month - 1];
}

const char *
samv_label_weekday(int weekday, const char *lang)
{
	if (weekday < 0 || weekday > 6)
		return NULL;
	return is_en(lang) ? weekdays_en[weekday] : weekdays_sv[weekday];
}

int
samv_day_weekday(samv_day day)
{
	/* 1970-01-01 was a Thursday (3 when Monday is 0). */
	return (int)(((day % 7) + 7 + 3) % 7);
}

void
samv_label_date(char *buf, size_t size, samv_day day, int with_weekday,
    const char *lang)
{
	int y, m, d;

	if (size == 0)
		return;
	samv_date_to_ymd(day, &y, &m, &d);
	if (with_weekday)
		snprintf(buf, size, "%s %d %s %d",
		    samv_label_weekday(samv_day_weekday(day), lang), d,
		    samv_label_month(m, lang), y);
	else
		snprintf(buf, size, "%d %s %d", d, samv_label_month(m, lang), y);
}
