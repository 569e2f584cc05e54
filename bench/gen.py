#!/usr/bin/env python3
"""gen.py N DIR - a deterministic governance repository in samv's own format
for the benchmarks (make bench).

It writes exactly N record files: N counts bodies/, meetings/, decisions/ and
assignments/; samv.yaml is written as well and is NOT counted (so DIR holds
N + 1 files). The proportions are those of a working body in the examples:
per body 8 meetings with 10-20 agenda items, 10 decisions and 20 assignments
(1 : 8 : 10 : 20, 39 records per body); N need not be a multiple of 39, the
remainder is spread over the bodies.

Bodies form a two-level tree: body-0 is the strategy group, body-10, body-20
... report to it, and every other body-K reports to body-(K//10*10), so that
`samv report followup --body body-10` covers ten bodies. Meetings fall in
2020-2023; one decision in ten is a recommendation to the principals with
their adoptions; assignments are given by the body's decisions, have due
dates from 2020 to 2025 and a mix of statuses and report-backs, so that with
SAMV_TODAY=2024-01-15 the balance list (samv report followup) has open,
overdue and upcoming assignments and pending recommendations, and
`samv agenda new BODY 2024-... --no-edit` has report-backs to put on the
agenda. The generated repository passes `samv check` with 0 errors.

Same N, same files, byte for byte (only random.Random(N) and date
arithmetic are used). Prints the number of record files written."""
import datetime
import os
import random
import sys

PER_BODY = (8, 10, 20)          # meetings, decisions, assignments per body
PRINCIPALS = ["rjh", "berg", "bracke", "harjedalen", "krokom", "ragunda",
              "stromsund", "are", "ostersund"]
NAMES = ["Anna", "Erik", "Maria", "Lars", "Karin", "Per", "Sara", "Johan",
         "Lena", "Nils", "Ingrid", "Olof"]
SURNAMES = ["Holmgren", "Berglund", "Sundin", "Öberg", "Forsberg", "Hansson",
            "Ring", "Molander", "Bäckström", "Nordin", "Lindqvist", "Jonsson"]
TOPICS = ["Nutrition", "Tjänsteköp", "Fallprevention", "Storsjögläntan",
          "LINK - framtida samverkan", "God och nära vård", "Avtalsöversyn",
          "Trygg och säker hemma", "Patientkontrakt", "Fast vårdkontakt",
          "Hemsjukvård", "Psykisk hälsa", "Missbruk och beroende",
          "Barn och unga", "Habilitering", "Läkemedel i hemmet"]
ACTIVITIES = ["kartläggning", "ta fram förslag", "uppföljning",
              "gemensamma rutiner", "utbildningsinsatser",
              "information till medborgarna", "översyn av dokument",
              "implementering av överenskommelse"]
# The day the benchmark's reports are made (SAMV_TODAY in bench/run.sh):
# nothing is adopted after it.
AS_OF = datetime.date(2024, 1, 15)
ORGANS = ["Socialnämnden", "Omsorgsnämnden", "Regionstyrelsen",
          "Välfärdsnämnden"]


def slug(text):
    t = text.lower()
    for a, b in (("å", "a"), ("ä", "a"), ("ö", "o"), ("é", "e")):
        t = t.replace(a, b)
    out = []
    for ch in t:
        out.append(ch if ("a" <= ch <= "z" or "0" <= ch <= "9") else "-")
    return "-".join(p for p in "".join(out).split("-") if p)


def person(b, m):
    return "%s %s %d-%d" % (NAMES[m % len(NAMES)],
                            SURNAMES[(b + m) % len(SURNAMES)], b, m)


def day(s):
    return datetime.date(int(s[:4]), int(s[5:7]), int(s[8:10]))


def iso(d):
    return d.isoformat()


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: gen.py N DIR")
    n = int(sys.argv[1])
    out = sys.argv[2]
    if n < 1:
        sys.exit("gen.py: N must be at least 1")
    rnd = random.Random(n)
    written = [0]

    def w(path, text):
        full = os.path.join(out, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
        if path != "samv.yaml":
            written[0] += 1

    w("samv.yaml",
      "# yaml-language-server: $schema=.samv/schema/samv.schema.json\n"
      "samv: 1\nname: Benchmark\nlanguage: sv\nprincipals:\n" +
      "".join("  - id: %s\n    name: %s\n    side: %s\n" %
              (p, p.capitalize(), "region" if p == "rjh" else "municipality")
              for p in PRINCIPALS) +
      "groups:\n  - id: kommunerna\n    name: Kommunerna\n    members:\n" +
      "".join("      - %s\n" % p for p in PRINCIPALS[1:]) +
      "defaults:\n  agenda_days_ahead: 7\n  adjustment_days: 14\n")

    # How many of each kind: exactly n in all.
    per = 1 + sum(PER_BODY)
    bodies = max(1, round(n / per))
    rest = n - bodies
    tot_m = round(rest * PER_BODY[0] / sum(PER_BODY))
    tot_d = round(rest * PER_BODY[1] / sum(PER_BODY))
    tot_a = rest - tot_m - tot_d

    def share(total, b):
        return total // bodies + (1 if b < total % bodies else 0)

    for b in range(bodies):
        body(w, rnd, b, share(tot_m, b), share(tot_d, b), share(tot_a, b))
    if written[0] != n:
        sys.exit("gen.py: wrote %d records, wanted %d" % (written[0], n))
    print(written[0])


def body(w, rnd, b, nm, nd, na):
    bid = "body-%d" % b
    if nm == 0:         # decisions are taken at meetings
        na, nd = na + nd, 0
    parent = None if b == 0 else ("body-0" if b % 10 == 0
                                  else "body-%d" % (b // 10 * 10))
    members = "".join(
        "  - name: %s\n    role: %s\n    principal: %s\n"
        "    position: %s\n    from: 2019-01-01\n" %
        (person(b, m), ["chair", "secretary"][m] if m < 2 else "member",
         PRINCIPALS[m % len(PRINCIPALS)],
         "Verksamhetschef" if m % 2 else "Förvaltningschef")
        for m in range(9))
    topic = TOPICS[b % len(TOPICS)]
    w("bodies/%s.yaml" % bid,
      "# yaml-language-server: $schema=../.samv/schema/body.schema.json\n"
      "id: %s\nname: Grupp %d\nfull_name: Arbetsgrupp %d för %s\n"
      "kind: %s\npolitical: false\n"
      "purpose: |\n  Samverkan mellan huvudmännen i frågor om %s, så att "
      "personer med behov av\n  samordnade insatser får dem som en helhet.\n"
      "goal: |\n  Gemensamma rutiner och en gemensam uppföljning inom %s.\n"
      "tasks:\n  - Bereda ärenden\n  - Följa upp uppdrag\n"
      "  - Återrapportera till uppdragsgivaren\n%s"
      "meeting_rules:\n  - kind: ordinary\n    count: 2\n    per: term\n"
      "    hours: 3\n"
      "agenda_rules:\n  days_ahead: 7\n  standing_items:\n"
      "    - Rapport från huvudmännen\n"
      "protocol_rules:\n  adjustment_days: 14\n  distribution:\n"
      "    - samtliga deltagare\nmembers:\n%s"
      "numbering:\n  first_paragraph:\n%s" %
      (bid, b, b, topic.lower(), "strategy-group" if parent in (None, "body-0")
       and b % 10 == 0 else "working-group", topic.lower(), topic.lower(),
       "" if parent is None else "reports_to:\n  - %s\n" % parent,
       members, "".join('    "%d": 100\n' % y for y in range(2020, 2024))))

    # Meetings: distinct dates in 2020-2023, their decision items chosen
    # before the files are written.
    dates = set()
    while len(dates) < nm:
        dates.add("20%02d-%02d-%02d" % (20 + rnd.randrange(4),
                                        1 + rnd.randrange(12),
                                        1 + rnd.randrange(28)))
    dates = sorted(dates)
    nitems = [rnd.randrange(10, 21) for _ in dates]
    # Decisions, in meeting order, numbered per year from 100 (imported
    # history: body.numbering.first_paragraph), at items 5.. of the meeting.
    dec_at = sorted(rnd.randrange(nm) for _ in range(nd)) if nm else []
    decisions = []          # (number, date, meeting index, item)
    used = {}
    nums = {}
    for mi in dec_at:
        d = dates[mi]
        item = 5 + used.get(mi, 0)
        if item > nitems[mi] - 2:       # keep the closing items
            nitems[mi] = item + 2
        used[mi] = used.get(mi, 0) + 1
        num = nums.get(d[:4], 100)
        nums[d[:4]] = num + 1
        decisions.append((num, d, mi, item))
    dec_items = {(mi, item): num for num, d, mi, item in decisions}

    for mi, d in enumerate(dates):
        meeting(w, rnd, b, bid, d, nitems[mi], dec_items, mi, topic)
    for k, (num, d, mi, item) in enumerate(decisions):
        decision(w, rnd, b, bid, num, d, item, k)
    for k in range(na):
        if decisions:
            num, d, mi, item = decisions[k % len(decisions)]
        else:
            num, d = None, "2021-01-15"
        assignment(w, rnd, b, bid, k, num, d, dates)


def meeting(w, rnd, b, bid, d, nitems, dec_items, mi, topic):
    dd = day(d)
    opening = ["Mötet öppnas", "Fastställande av dagordning",
               "Val av justerare och tid för justering",
               "Föregående protokoll", "Rapport från huvudmännen"]
    items = []
    t = 13 * 60
    for i in range(1, nitems + 1):
        num = dec_items.get((mi, i))
        if i <= len(opening):
            title, typ = opening[i - 1], "standing"
        elif i == nitems - 1:
            title, typ = "Övriga frågor", "standing"
        elif i == nitems:
            title, typ = "Mötet avslutas", "standing"
        else:
            title = "%s – %s" % (TOPICS[(b + i) % len(TOPICS)],
                                ACTIVITIES[(mi + i) % len(ACTIVITIES)])
            typ = "decision" if num is not None else "information"
        minutes = 0 if i == nitems else 5 + rnd.randrange(4)
        s = ("    - title: %s\n      type: %s\n      start: \"%02d:%02d\"\n"
             "      minutes: %d\n" % (title, typ, t // 60, t % 60, minutes))
        if typ != "standing":
            s += ("      presenters:\n        - %s\n"
                  "      description: |\n        Ärendet gäller %s; "
                  "arbetsgruppen redovisar läget.\n" %
                  (person(b, 2 + i % 5), title.lower()))
        if typ == "decision":
            s += ("      documents:\n        - Tjänsteskrivelse %s\n"
                  "      proposal: |\n        Gruppen godkänner förslaget "
                  "och ger arbetsgruppen i uppdrag att\n        genomföra "
                  "det.\n" % title.lower())
        items.append(s)
        t += minutes
    present = "".join("    - %s\n" % person(b, m) for m in range(7))
    absent = "".join("    - %s\n" % person(b, m) for m in range(7, 9))
    w("meetings/%s/%s.yaml" % (bid, d),
      "# yaml-language-server: $schema=../../.samv/schema/meeting.schema.json\n"
      "body: %s\ndate: %s\nstart: \"13:00\"\nend: \"16:00\"\n"
      "place: Teams\nkind: ordinary\nchair: %s\nsecretary: %s\n"
      "attendance:\n  present:\n%s  absent:\n%s"
      "agenda:\n  published: %s\n  items:\n%s"
      "adjusters:\n  names:\n    - %s\n  when: \"%s\"\n  where: Digitalt\n"
      "adjustment:\n  date: %s\n" %
      (bid, d, person(b, 0), person(b, 1), present, absent,
       iso(dd - datetime.timedelta(days=7 + rnd.randrange(4))),
       "".join(items), person(b, 2 + rnd.randrange(5)),
       iso(dd + datetime.timedelta(days=7)),
       iso(dd + datetime.timedelta(days=7))))


def decision(w, rnd, b, bid, num, d, item, k):
    title = "%s – %s" % (TOPICS[(b + item) % len(TOPICS)],
                        ACTIVITIES[k % len(ACTIVITIES)])
    rec = k % 10 == 9
    s = ("# yaml-language-server: $schema=../../../.samv/schema/"
         "decision.schema.json\n"
         "body: %s\nnumber: %d\ndate: %s\nmeeting: %s/%s\nitem: %d\n"
         "title: %s\nkind: %s\n"
         "summary: |\n  %s redovisar ärendet. Arbetsgruppen har tagit fram "
         "ett förslag\n  tillsammans med representanter för huvudmännen.\n"
         "basis:\n  - Tjänsteskrivelse %s\n"
         "proposal: |\n  Gruppen godkänner förslaget.\n"
         "text: |\n  Gruppen beslutar enligt förslaget%s.\n" %
         (bid, num, d, bid, d, item, title,
          "recommendation" if rec else "decision", person(b, 2 + item % 5),
          title.lower(), " och rekommenderar huvudmännen att anta det"
          if rec else ""))
    if rec:
        s += "recommend:\n  - rjh\n  - kommunerna\nadoption:\n"
        for p in PRINCIPALS:
            st = rnd.choice(["adopted", "adopted", "pending", "rejected"])
            when = day(d) + datetime.timedelta(days=30 + rnd.randrange(60))
            organ = ORGANS[rnd.randrange(len(ORGANS))]
            if when > AS_OF:
                st = "pending"
            s += "  - principal: %s\n    status: %s\n" % (p, st)
            if st != "pending":
                s += "    date: %s\n    by: %s\n" % (iso(when), organ)
    s += "recipients:\n  - Huvudmännen\n  - Arbetsgruppen\n"
    w("decisions/%s/%s/%03d.yaml" % (bid, d[:4], num), s)


def assignment(w, rnd, b, bid, k, num, d, dates):
    title = "%s - %s %d" % (TOPICS[(b + k) % len(TOPICS)],
                            ACTIVITIES[k % len(ACTIVITIES)], k)
    given = day(d)
    due = given + datetime.timedelta(days=120 + rnd.randrange(600))
    status = rnd.choice(["given", "ongoing", "ongoing", "reported", "done"])
    s = ("# yaml-language-server: $schema=../../../.samv/schema/"
         "assignment.schema.json\n"
         "title: %s\nbody: %s\ngiven: %s\n%s"
         "assignee:\n  text: Arbetsgrupp %d-%d\n"
         "background: |\n  Huvudmännen har i samverkan sett ett behov av ett "
         "gemensamt arbete\n  inom området.\n"
         "task: |\n  Ta fram ett förslag till %s, förankrat hos "
         "huvudmännen.\n"
         "user_influence: Brukarorganisationerna ges möjlighet att lämna "
         "synpunkter.\n"
         "child_rights: Barnets perspektiv beaktas i förslaget.\n"
         "reporting: Skriftligt vid ordinarie möte.\nreport_to: %s\n"
         "contacts:\n  - %s\n"
         "follow_up: Uppdraget följs upp på gruppens ordinarie möten.\n"
         "due: %s\nstatus: %s\n" %
         (title, bid, iso(given),
          "decision: %s/%s/%d\n" % (bid, d[:4], num) if num is not None
          else "", b, k, ACTIVITIES[k % len(ACTIVITIES)], bid,
          person(b, 2 + k % 7), iso(due), status))
    later = [m for m in dates if m > d]
    if status in ("reported", "done") and later:
        m = later[rnd.randrange(len(later))]
        s += ("reports:\n  - date: %s\n    meeting: %s/%s\n    summary: |\n"
              "      Arbetsgruppen redovisade arbetet.\n%s" %
              (m, bid, m, "    final: true\n" if status == "done" else ""))
    w("assignments/%s/%s/%s.yaml" % (bid, d[:4], slug(title)), s)


if __name__ == "__main__":
    main()
