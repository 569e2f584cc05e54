#!/usr/bin/python3
"""table.py RESULTS LAST_MD BIG "SIZES" "COMMIT_SIZES" [quick] - the table
and the closing line of ratios of make bench, from the runs bench/run.sh
recorded in RESULTS/N/ROW (one "SECONDS MAXRSS_KIB STATUS" line per run).
Medians of the runs; memory is the largest ru_maxrss of the runs; a row
with any run that did not exit 0 reads FAILED. Prints to stdout (the ratio
line last) and writes the same, with the machine, to LAST_MD."""
import os
import statistics
import sys

ROWS = [
    ("floor-read", "floor: read every file (I/O floor)"),
    ("floor-parse", "floor: libyaml event parse, 1 thread"),
    ("check-cold", "`samv check`, cold (no cache)"),
    ("check-warm", "`samv check`, warm (nothing changed)"),
    ("check-changed", "`samv check`, one file changed"),
    ("git-status", "`git status`"),
    ("python", "Python: PyYAML C loader + jsonschema"),
    ("commit-samv", "one-record commit: `samv assign report`"),
    ("commit-git", "one-record commit: `git add` + `git commit`"),
    ("commit-floor", "one-record commit: libgit2 alone (bench/commitfloor.c)"),
    ("report", "`samv report followup`"),
    ("report-body", "`samv report followup --body body-10`"),
    ("agenda", "`samv agenda new body-1 DATE --no-edit`"),
]


def load(res, n, row):
    """(median seconds, peak KiB, runs, ok) or None when not measured."""
    path = os.path.join(res, str(n), row)
    if not os.path.exists(path):
        return None
    runs = []
    with open(path) as f:
        for line in f:
            t, kib, rc = line.split()
            runs.append((float(t), int(kib), int(rc)))
    if not runs:
        return None
    ok = all(rc == 0 for _, _, rc in runs)
    return (statistics.median(t for t, _, rc in runs if rc == 0) if ok
            else None, max(k for _, k, _ in runs), len(runs), ok)


def secs(t):
    if t >= 10:
        return "%.1f s" % t
    if t >= 0.1:
        return "%.2f s" % t
    return "%.3f s" % t


def mem(kib):
    mb = kib / 1024
    return "%.1f MB" % mb if mb < 10 else "%.0f MB" % mb


def cell(r):
    if r is None:
        return "–"
    if not r[3]:
        return "FAILED"
    return "%s / %s" % (secs(r[0]), mem(r[1]))


def num(n):
    return "{:,}".format(n).replace(",", " ")


def short(n):
    return "%dk" % (n // 1000) if n % 1000 == 0 else str(n)


def main():
    res, last_md, big = sys.argv[1], sys.argv[2], int(sys.argv[3])
    sizes = [int(x) for x in sys.argv[4].split()]
    commit_sizes = [int(x) for x in sys.argv[5].split()]
    quick = len(sys.argv) > 6 and sys.argv[6] == "quick"
    data = {(row, n): load(res, n, row) for row, _ in ROWS for n in sizes}

    out = []
    out.append("| measurement | " +
               " | ".join("%s records" % num(n) for n in sizes) + " |")
    out.append("| --- |" + " --- |" * len(sizes))
    for row, label in ROWS:
        out.append("| %s | %s |" % (label, " | ".join(
            cell(data[(row, n)]) for n in sizes)))
    out.append("")
    out.append("Time: median of the runs, wall clock; memory: the largest "
               "ru_maxrss of the runs. Runs per cell: 5 (samv check and "
               "Python 3; warm after one filling run), three times that "
               "when the first run took under 0.1 s, at most 3 when it "
               "took over 1 s, 1 when it took over 10 s; this run: " + ", ".join(
                   "%s %s" % (row, "/".join(
                       str(data[(row, n)][2]) if data[(row, n)] else "–"
                       for n in sizes)) for row, _ in ROWS) + ".")
    failed = [(row, n) for (row, n), r in data.items() if r and not r[3]]
    for row, n in failed:
        err = os.path.join(res, str(n), row + ".err")
        with open(os.path.join(res, str(n), row)) as f:
            rc = next(int(l.split()[2]) for l in f if l.split()[2] != "0")
        why = ("killed by signal %d" % (rc - 128) if 128 < rc < 160 else
               "no such command" if rc == 127 else
               "harness check" if rc == 99 else "exit %d" % rc)
        if os.path.exists(err):
            with open(err, errors="replace") as f:
                lines = [l for l in f.read().splitlines() if l.strip()]
            if lines:       # the command's first complaint, and the note
                why += ": " + (lines[0] if len(lines) == 1 else "%s … %s" % (
                    lines[0], lines[-1]))
        out.append("FAILED %s at %s (%s)" % (row, num(n), why))
    sanity = []
    for n in commit_sizes:
        p = os.path.join(res, str(n), "sanity")
        if os.path.exists(p):
            with open(p) as f:
                sanity.append("%s: %s" % (num(n), f.read().strip()))
    if sanity:
        out.append("After the commits, `git status --porcelain` empty and "
                   "`git fsck` clean — " + "; ".join(sanity) + ".")
    with open(os.path.join(res, "seconds")) as f:
        took = int(f.read())
    out.append("The whole run%s took %d min %02d s." %
               (" (QUICK=1)" if quick else "", took // 60, took % 60))
    out.append("")

    def med(row, n):
        r = data.get((row, n))
        return r[0] if r and r[3] and r[0] else None

    def ratio(a, b):
        if a is None or b is None:
            return "FAILED"
        q = a / b
        return "%.0f" % q if q >= 100 else "%.2f" % q

    bl = short(big)
    rep = [med("report", big), med("agenda", big)]
    parts = [
        "check/floor=" + ratio(med("check-cold", big), med("floor-parse", big)),
        "python/check=" + ratio(med("python", big), med("check-cold", big)),
        "python/warm=" + ratio(med("python", big), med("check-warm", big)),
        "warm/gitstatus=" + ratio(med("check-warm", big),
                                  med("git-status", big)),
        "commit git/samv@%s=" % bl + ratio(med("commit-git", big),
                                           med("commit-samv", big)),
        "commit samv/git@1k=" + ratio(med("commit-samv", 1000),
                                      med("commit-git", 1000)),
        "report@%s=" % bl + ("FAILED" if None in rep
                             else "%.2fs" % max(rep)),
    ]
    out.append(" ".join(parts))
    text = "\n".join(out) + "\n"
    sys.stdout.write(text)

    with open(os.path.join(res, "machine")) as f:
        machine = f.read()
    with open(last_md, "w") as f:
        f.write("## make bench%s\n\n" % (" QUICK=1" if quick else ""))
        f.write("".join("- %s\n" % l for l in machine.splitlines()))
        f.write("\n" + text)
    sys.exit(1 if failed or any("FAILED" in s for s in sanity) else 0)


if __name__ == "__main__":
    main()
