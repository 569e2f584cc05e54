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
	L(SAMV_L_TERMS_OF_REFERENCE, "terms_of_reference", "Uppdragsbeskrivning",
	    "Terms of reference"),
	L(SAMV_L_KIND, "kind", "Typ", "Kind"),
	L(SAMV_L_POLITICAL, "political", "Politiskt", "Political"),
	L(SAMV_L_YES, "yes", "ja", "yes"),
	L(SAMV_L_NO, "no", "nej", "no"),
	L(SAMV_L_ID, "id", "Id", "Id"),
	L(SAMV_L_PURPOSE_AND_GOAL, "purpose_and_goal",
	    "Övergripande mål och syfte", "Purpose and goal"),
	L(SAMV_L_PURPOSE, "purpose", "Syfte", "Purpose"),
	L(SAMV_L_GOAL, "goal", "Mål", "Goal"),
	L(SAMV_L_PRINCIPLES, "principles", "Arbetet ska utgå från nedanstående",
	    "The work rests on the following"),
	L(SAMV_L_TASKS, "tasks", "Uppdrag", "Tasks"),
	L(SAMV_L_MANDATE, "mandate", "Mandat", "Mandate"),
	L(SAMV_L_REPRESENTATION, "representation", "Representation",
	    "Representation"),
	L(SAMV_L_PRINCIPAL, "principal", "Huvudman", "Principal"),
	L(SAMV_L_POSITIONS, "positions", "Befattningar", "Positions"),
	L(SAMV_L_SEATS, "seats", "Antal", "Seats"),
	L(SAMV_L_WORKING_FORMS, "working_forms", "Arbetsformer",
	    "Ways of working"),
	L(SAMV_L_MEETING_FREQUENCY, "meeting_frequency", "Mötesfrekvens",
	    "Meeting frequency"),
	L(SAMV_L_TIMES_ONE, "times_one", "gång", "time"),
	L(SAMV_L_TIMES_MANY, "times_many", "gånger", "times"),
	L(SAMV_L_PER_WEEK, "per_week", "vecka", "week"),
	L(SAMV_L_PER_MONTH, "per_month", "månad", "month"),
	L(SAMV_L_PER_TERM, "per_term", "termin", "term"),
	L(SAMV_L_PER_YEAR, "per_year", "år", "year"),
	L(SAMV_L_ROTATION_1, "rotation_1",
	    "Växlar mellan %s och %s med ett års intervall.",
	    "Alternates yearly between %s and %s."),
	L(SAMV_L_ROTATION_N, "rotation_n",
	    "Växlar mellan %s och %s med %ld års intervall.",
	    "Alternates between %s and %s every %ld years."),
	L(SAMV_L_ROTATION_SIDES, "rotation_sides",
	    "Ordförande och sekreterare kommer inte från samma huvudman "
	    "samma år.",
	    "Chair and secretary never come from the same side in one year."),
	L(SAMV_L_THE_MUNICIPALITIES, "the_municipalities", "kommunerna",
	    "the municipalities"),
	L(SAMV_L_AGENDA_PREPARED_BY, "agenda_prepared_by", "Upprättas",
	    "Prepared"),
	L(SAMV_L_AGENDA_DAYS, "agenda_days",
	    "Dagordning med aktuella bilagor skickas senast %s före mötet.",
	    "The agenda and its attachments are sent at least %s before the "
	    "meeting."),
	L(SAMV_L_ONE_WEEK, "one_week", "en vecka", "one week"),
	L(SAMV_L_N_DAYS, "n_days", "%lld dagar", "%lld days"),
	L(SAMV_L_MEETING_NOTES, "meeting_notes", "Minnesanteckningar",
	    "Meeting notes"),
	L(SAMV_L_DISTRIBUTION, "distribution", "Skickas till", "Sent to"),
	L(SAMV_L_ADJUST_WITHIN, "adjust_within",
	    "Protokollet justeras inom %lld dagar efter mötet.",
	    "The minutes are adjusted within %lld days of the meeting."),
	L(SAMV_L_REGION, "region", "Region", "Region"),
	L(SAMV_L_MUNICIPALITY, "municipality", "Kommunen", "Municipality"),
	L(SAMV_L_INFORMATION_DUTY, "information_duty", "Informationsansvar",
	    "Duty to inform"),
	L(SAMV_L_ADJUNCT, "adjunct", "Adjungerade", "Co-opted"),
	L(SAMV_L_SUBORDINATE, "subordinate",
	    "Grupper som arbetar på uppdrag av %s",
	    "Groups working on behalf of %s"),
	L(SAMV_L_RELATIONS, "relations", "Relationer", "Relations"),
	L(SAMV_L_PREPARES_FOR, "prepares_for", "Beredningsorgan till",
	    "Prepares matters for"),
	L(SAMV_L_COMMISSIONED_BY, "commissioned_by", "Arbetar på uppdrag av",
	    "Works on behalf of"),
	L(SAMV_L_IMPLEMENTS, "implements", "Verkställer beslut från",
	    "Implements the decisions of"),
	L(SAMV_L_ESCALATES_TO, "escalates_to", "Eskalerar till",
	    "Escalates to"),
	L(SAMV_L_REPORTS_TO_BODY, "reports_to_body", "Rapporterar till",
	    "Reports to"),
	L(SAMV_L_BELONGS_TO, "belongs_to", "Hör till", "Belongs to"),
	L(SAMV_L_ROLE, "role", "Roll", "Role"),
	L(SAMV_L_PARTY, "party", "Parti", "Party"),
	L(SAMV_L_POSITION, "position", "Befattning", "Position"),
	L(SAMV_L_FROM, "from", "Från", "From"),
	L(SAMV_L_VALIDITY, "validity", "Giltighet", "Validity"),
	L(SAMV_L_VALID_FROM, "valid_from", "Gäller från", "Valid from"),
	L(SAMV_L_DECIDED_BY, "decided_by", "Beslutad av", "Adopted by"),
	L(SAMV_L_SUPERSEDES, "supersedes", "Ersätter", "Supersedes"),
	L(SAMV_L_FORMER_NAMES, "former_names", "Tidigare namn",
	    "Former names"),
	L(SAMV_L_NOTES, "notes", "Övrigt", "Further notes"),
	L(SAMV_L_KIND_POLITICAL_ASSEMBLY, "kind_political_assembly",
	    "politisk församling", "political assembly"),
	L(SAMV_L_KIND_OFFICIALS_NETWORK, "kind_officials_network",
	    "tjänstepersonsnätverk", "officials' network"),
	L(SAMV_L_KIND_PREPARATORY_GROUP, "kind_preparatory_group",
	    "beredningsgrupp", "preparatory group"),
	L(SAMV_L_KIND_MANAGEMENT_GROUP, "kind_management_group",
	    "ledningsgrupp", "management group"),
	L(SAMV_L_KIND_LOCAL_ARENA, "kind_local_arena",
	    "lokal samverkansarena", "local arena"),
	L(SAMV_L_KIND_WORKING_GROUP, "kind_working_group", "arbetsgrupp",
	    "working group"),
	L(SAMV_L_KIND_TEMPORARY_WORKING_GROUP, "kind_temporary_working_group",
	    "tillfällig arbetsgrupp", "temporary working group"),
	L(SAMV_L_KIND_STRATEGY_GROUP, "kind_strategy_group", "strategigrupp",
	    "strategy group"),
	L(SAMV_L_KIND_STEERING_GROUP, "kind_steering_group", "styrgrupp",
	    "steering group"),
	L(SAMV_L_KIND_COUNCIL, "kind_council", "råd", "council"),
	L(SAMV_L_KIND_DIALOGUE_GROUP, "kind_dialogue_group", "dialoggrupp",
	    "dialogue group"),
	L(SAMV_L_KIND_OTHER, "kind_other", "annat organ", "other body"),
	L(SAMV_L_ASSIGNMENT_DESCRIPTION, "assignment_description",
	    "Uppdragsbeskrivning", "Assignment description"),
	L(SAMV_L_TITLE, "title", "Rubrik", "Title"),
	L(SAMV_L_GIVEN_ON, "given_on", "Givet den", "Given on"),
	L(SAMV_L_FOLLOW_UP_HOW, "follow_up_how", "Uppföljning hur och när?",
	    "Follow-up: how and when?"),
	L(SAMV_L_NOT_GIVEN, "not_given", "Ej angivet", "Not given"),
	L(SAMV_L_PLAN, "plan", "Handlingsplan", "Action plan"),
	L(SAMV_L_SECTION, "section", "Avsnitt", "Section"),
	L(SAMV_L_MEETING, "meeting", "Möte", "Meeting"),
	L(SAMV_L_FINAL_REPORT, "final_report", "Slutrapport", "Final"),
	L(SAMV_L_STATUS_GIVEN, "status_given", "Givet", "Given"),
	L(SAMV_L_STATUS_ONGOING, "status_ongoing", "Pågår", "Ongoing"),
	L(SAMV_L_STATUS_REPORTED, "status_reported", "Återrapporterat",
	    "Reported"),
	L(SAMV_L_STATUS_DONE, "status_done", "Klart", "Done"),
	L(SAMV_L_STATUS_CANCELLED, "status_cancelled", "Avbrutet",
	    "Cancelled"),
	L(SAMV_L_DEFAULT_REPORTING, "default_reporting",
	    "Återrapporteras till %s.", "Report back to %s."),
	L(SAMV_L_DEFAULT_REPORTING_DUE, "default_reporting_due",
	    "Återrapporteras till %s senast %s.", "Report back to %s by %s."),
	/* end of body and assignment labels */
	/* reports and trace (added by samv report/trace) */
	L(SAMV_L_R_RPT_OVERDUE, "report_overdue",
	    "Försenade återrapporteringar", "Overdue report-backs"),
	L(SAMV_L_R_RPT_RECOMMENDATIONS, "report_recommendations",
	    "Rekommendationer och huvudmännens beslut",
	    "Recommendations and the principals' decisions"),
	L(SAMV_L_R_RPT_COMPLIANCE, "report_compliance",
	    "Efterlevnad av reglerna", "Compliance with the rules"),
	L(SAMV_L_R_RPT_ORG, "report_org", "Organisation", "Organisation"),
	L(SAMV_L_R_RPT_CALENDAR, "report_calendar", "Kalender", "Calendar"),
	L(SAMV_L_R_RPT_PLAN, "report_plan", "Handlingsplan", "Action plan"),
	L(SAMV_L_R_RPT_TRACE, "report_trace", "Ärendets gång", "Case history"),
	L(SAMV_L_R_OPEN_ASSIGNMENTS, "report_open_assignments",
	    "Öppna uppdrag", "Open assignments"),
	L(SAMV_L_R_OPEN_RECOMMENDATIONS, "report_open_recommendations",
	    "Öppna rekommendationer", "Open recommendations"),
	L(SAMV_L_R_LAST_REPORT, "report_last_report",
	    "Senaste återrapportering", "Last report-back"),
	L(SAMV_L_R_NONE, "report_none", "Inga.", "None."),
	L(SAMV_L_R_DAYS_OVERDUE, "report_days_overdue",
	    "Dagar försenad", "Days overdue"),
	L(SAMV_L_R_OVERDUE_DAYS, "report_overdue_days",
	    "Försenad (%ld d)", "Overdue (%ld d)"),
	L(SAMV_L_R_ST_GIVEN, "report_st_given", "Givet", "Given"),
	L(SAMV_L_R_ST_ONGOING, "report_st_ongoing", "Pågår", "Ongoing"),
	L(SAMV_L_R_ST_REPORTED, "report_st_reported",
	    "Återrapporterat", "Reported"),
	L(SAMV_L_R_ST_DONE, "report_st_done", "Klart", "Done"),
	L(SAMV_L_R_ST_CANCELLED, "report_st_cancelled",
	    "Avbrutet", "Cancelled"),
	L(SAMV_L_R_AD_ADOPTED, "report_ad_adopted", "Antagen", "Adopted"),
	L(SAMV_L_R_AD_REJECTED, "report_ad_rejected", "Avslagen", "Rejected"),
	L(SAMV_L_R_AD_PARTLY, "report_ad_partly",
	    "Delvis antagen", "Partly adopted"),
	L(SAMV_L_R_AD_PENDING, "report_ad_pending", "Ej beslutad", "Pending"),
	L(SAMV_L_R_PRINCIPAL, "report_principal", "Huvudman", "Principal"),
	L(SAMV_L_R_RECOMMENDATION, "report_recommendation",
	    "Rekommendation", "Recommendation"),
	L(SAMV_L_R_BODY, "report_body", "Organ", "Body"),
	L(SAMV_L_R_DECIDED_BY, "report_decided_by",
	    "Beslutat av", "Decided by"),
	L(SAMV_L_R_MEETING_FREQUENCY, "report_meeting_frequency",
	    "Mötesfrekvens", "Meeting frequency"),
	L(SAMV_L_R_RULE, "report_rule", "Regel", "Rule"),
	L(SAMV_L_R_PERIOD, "report_period", "Period", "Period"),
	L(SAMV_L_R_EXPECTED, "report_expected", "Förväntat", "Expected"),
	L(SAMV_L_R_HELD, "report_held", "Hållna", "Held"),
	L(SAMV_L_R_REMARK, "report_remark", "Anmärkning", "Remark"),
	L(SAMV_L_R_OK, "report_ok", "Uppfyllt", "Met"),
	L(SAMV_L_R_TOO_FEW, "report_too_few",
	    "För få möten", "Too few meetings"),
	L(SAMV_L_R_AGENDA_LEAD, "report_agenda_lead",
	    "Kallelse i tid", "Agenda sent in time"),
	L(SAMV_L_R_MEETING, "report_meeting", "Sammanträde", "Meeting"),
	L(SAMV_L_R_DEADLINE, "report_deadline", "Senast", "Deadline"),
	L(SAMV_L_R_LATE, "report_late", "För sent", "Late"),
	L(SAMV_L_R_NOT_PUBLISHED, "report_not_published",
	    "Ej utskickad", "Not sent"),
	L(SAMV_L_R_NOT_DUE, "report_not_due", "Ej passerad", "Not yet due"),
	L(SAMV_L_R_ADJUSTMENT_LEAD, "report_adjustment_lead",
	    "Justering i tid", "Minutes adjusted in time"),
	L(SAMV_L_R_ADJUSTED, "report_adjusted", "Justerat", "Adjusted"),
	L(SAMV_L_R_NOT_ADJUSTED, "report_not_adjusted",
	    "Ej justerat", "Not adjusted"),
	L(SAMV_L_R_ROTATION, "report_rotation",
	    "Rotation av ordförande och sekreterare",
	    "Rotation of chair and secretary"),
	L(SAMV_L_R_YEAR, "report_year", "År", "Year"),
	L(SAMV_L_R_SAME_SIDE, "report_same_side",
	    "Ordförande och sekreterare från samma sida",
	    "Chair and secretary from the same side"),
	L(SAMV_L_R_CHAIR_SAME_SIDE_AGAIN, "report_chair_same_side_again",
	    "Ordförande från samma sida som året innan",
	    "Chair from the same side as the year before"),
	L(SAMV_L_R_SECRETARY_SAME_SIDE_AGAIN, "report_secretary_same_side_again",
	    "Sekreterare från samma sida som året innan",
	    "Secretary from the same side as the year before"),
	L(SAMV_L_R_REPRESENTATION, "report_representation",
	    "Representation", "Representation"),
	L(SAMV_L_R_NO_ACTIVE_MEMBER, "report_no_active_member",
	    "Ingen aktiv ledamot", "No active member"),
	L(SAMV_L_R_EXPIRING, "report_expiring",
	    "Avtal som löper ut", "Agreements about to expire"),
	L(SAMV_L_R_EXPIRED, "report_expired", "Har löpt ut", "Expired"),
	L(SAMV_L_R_EXPIRES_IN, "report_expires_in",
	    "Löper ut om %ld dagar", "Expires in %ld days"),
	L(SAMV_L_R_PER_WEEK, "report_per_week", "per vecka", "per week"),
	L(SAMV_L_R_PER_MONTH, "report_per_month", "per månad", "per month"),
	L(SAMV_L_R_PER_TERM, "report_per_term", "per termin", "per term"),
	L(SAMV_L_R_PER_YEAR, "report_per_year", "per år", "per year"),
	L(SAMV_L_R_ALL_KINDS, "report_all_kinds",
	    "Alla sammanträden", "All meetings"),
	L(SAMV_L_R_SIDE_REGION, "report_side_region", "regionen", "region"),
	L(SAMV_L_R_SIDE_MUNICIPALITY, "report_side_municipality",
	    "kommunerna", "municipalities"),
	L(SAMV_L_R_SIDE_OTHER, "report_side_other", "annan", "other"),
	L(SAMV_L_R_EDGE_PREPARES, "report_edge_prepares",
	    "bereder", "prepares for"),
	L(SAMV_L_R_EDGE_COMMISSIONS, "report_edge_commissions",
	    "uppdrag", "commissions"),
	L(SAMV_L_R_EDGE_IMPLEMENTS, "report_edge_implements",
	    "verkställer", "implements"),
	L(SAMV_L_R_EDGE_ESCALATES, "report_edge_escalates",
	    "eskalerar", "escalates to"),
	L(SAMV_L_R_EDGE_REPORTS, "report_edge_reports",
	    "rapporterar", "reports to"),
	L(SAMV_L_R_ORG_CHART, "report_org_chart",
	    "Organisationsschema", "Organisation chart"),
	L(SAMV_L_R_ORG_TREE, "report_org_tree", "Struktur", "Structure"),
	L(SAMV_L_R_EVENT, "report_event", "Händelse", "Event"),
	L(SAMV_L_R_DETAILS, "report_details", "Uppgifter", "Details"),
	L(SAMV_L_R_EV_AGENDA_DEADLINE, "report_ev_agenda_deadline",
	    "Sista dag för kallelse", "Last day to send the agenda"),
	L(SAMV_L_R_EV_REPORT_DUE, "report_ev_report_due",
	    "Återrapportering ska ske", "Report-back due"),
	L(SAMV_L_R_ACTIVITY, "report_activity", "Aktivitet", "Activity"),
	L(SAMV_L_R_RESPONSIBLE, "report_responsible",
	    "Ansvar för genomförande", "Responsible"),
	L(SAMV_L_R_SCHEDULE, "report_schedule", "Tidsplan", "Schedule"),
	L(SAMV_L_R_OTHER_SECTION, "report_other_section",
	    "Övriga aktiviteter", "Other activities"),
	L(SAMV_L_R_STEP, "report_step", "Steg", "Step"),
	L(SAMV_L_R_COMMIT, "report_commit", "Commit", "Commit"),
	L(SAMV_L_R_TR_PROPOSAL, "report_tr_proposal",
	    "Förslag till beslut", "Proposal"),
	L(SAMV_L_R_TR_ITEM, "report_tr_item", "Ärende", "Agenda item"),
	L(SAMV_L_R_TR_DECISION, "report_tr_decision", "Beslut", "Decision"),
	L(SAMV_L_R_TR_ASSIGNMENT, "report_tr_assignment",
	    "Uppdrag", "Assignment"),
	L(SAMV_L_R_TR_REPORT, "report_tr_report",
	    "Återrapportering", "Report-back"),
	L(SAMV_L_R_TR_ADOPTION, "report_tr_adoption",
	    "Huvudmannens beslut", "Principal's decision"),
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
