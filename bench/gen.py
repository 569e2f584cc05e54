#!/usr/bin/env python3
"""gen.py N DIR - a deterministic governance repository of about N records
in samv's own format, in the proportions of examples/jamtland: per body
(1 in 40 records) about 8 meetings with 10-20 agenda items, 10 decisions
and 20 assignments. Same N, same files, byte for byte."""
import os
import random
import sys

n = int(sys.argv[1])
out = sys.argv[2]
rnd = random.Random(n)

PRINCIPALS = ["rjh", "berg", "bracke", "harjedalen", "krokom", "ragunda",
              "stromsund", "are", "ostersund"]
TITLES = ["Nutrition", "Tjänsteköp", "Fallprevention", "Storsjögläntan",
          "LINK - framtida samverkan", "God och nära vård", "Avtalsöversyn",
          "Trygg och säker hemma", "Patientkontrakt", "Fast vårdkontakt"]


def w(path, text):
    full = os.path.join(out, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)


w("samv.yaml", "samv: 1\nname: Benchmark\nlanguage: sv\nprincipals:\n" +
  "".join("  - id: %s\n    name: %s\n    side: %s\n" %
          (p, p.capitalize(), "region" if p == "rjh" else "municipality")
          for p in PRINCIPALS) +
  "groups:\n  - id: kommunerna\n    name: Kommunerna\n    members:\n" +
  "".join("      - %s\n" % p for p in PRINCIPALS[1:]) +
  "defaults:\n  agenda_days_ahead: 7\n  adjustment_days: 14\n")

bodies = max(1, n // 40)
count = 1
for b in range(bodies):
    bid = "body-%d" % b
    members = "".join(
        "  - name: Person %d-%d\n    role: %s\n    principal: %s\n"
        "    from: 2019-01-01\n" % (b, m, "chair" if m == 0 else "member",
                                   PRINCIPALS[m % len(PRINCIPALS)])
        for m in range(8))
    w("bodies/%s.yaml" % bid,
      "id: %s\nname: Grupp %d\nkind: working-group\npolitical: false\n"
      "purpose: |\n  Samverkan mellan huvudmännen i fråga %d.\n"
      "tasks:\n  - Bereda ärenden\n  - Följa upp uppdrag\n"
      "agenda_rules:\n  days_ahead: 7\nmembers:\n%s" % (bid, b, b, members))
    count += 1
    dates = sorted(set("20%02d-%02d-%02d" % (20 + rnd.randrange(4),
                   1 + rnd.randrange(12), 1 + rnd.randrange(28))
                   for _ in range(8)))
    for d in dates:
        items = []
        t = 13 * 60
        for i in range(rnd.randrange(10, 21)):
            items.append("    - title: %s %d\n      type: information\n"
                         "      presenters:\n        - Person %d-%d\n"
                         "      start: \"%02d:%02d\"\n      minutes: 5\n"
                         "      description: |\n        Ärendet gäller %s.\n"
                         % (TITLES[i % len(TITLES)], i, b, i % 8, t // 60,
                            t % 60, TITLES[(i + 3) % len(TITLES)].lower()))
            t += 5
        w("meetings/%s/%s.yaml" % (bid, d),
          "body: %s\ndate: %s\nstart: \"13:00\"\nend: \"16:00\"\n"
          "place: Teams\nattendance:\n  present:\n%sagenda:\n  items:\n%s" %
          (bid, d, "".join("    - Person %d-%d\n" % (b, m) for m in range(6)),
           "".join(items)))
        count += 1
    nums = {}
    for k in range(10):
        d = dates[k % len(dates)]
        num = nums.get(d[:4], 100)
        nums[d[:4]] = num + 1
        w("decisions/%s/%s/%03d.yaml" % (bid, d[:4], num),
          "body: %s\nnumber: %d\ndate: %s\nmeeting: %s/%s\nitem: %d\n"
          "title: Beslut %d\nkind: decision\ntext: |\n  Gruppen beslutar "
          "enligt förslaget.\n" % (bid, num, d, bid, d, 1 + k // 8, k))
        count += 1
    for k in range(20):
        w("assignments/%s/2021/uppdrag-%d.yaml" % (bid, k),
          "title: Uppdrag %d\nbody: %s\ngiven: 2021-%02d-15\nassignee:\n"
          "  text: Arbetsgrupp %d\ntask: |\n  Ta fram ett förslag.\n"
          "reporting: Skriftligt vid ordinarie möte.\nreport_to: %s\n"
          "due: 2022-%02d-28\nstatus: %s\n" % (k, bid, 1 + k % 9, k, bid,
                                               1 + k % 9,
                                               rnd.choice(["given",
                                                           "ongoing"])))
        count += 1
# numbering starts at 100 in every body-year (imported history)
for b in range(bodies):
    p = os.path.join(out, "bodies/body-%d.yaml" % b)
    with open(p, "a", encoding="utf-8") as f:
        f.write("numbering:\n  first_paragraph:\n" +
                "".join('    "%d": 100\n' % y for y in range(2020, 2024)))
print(count)
