#!/usr/bin/python3
"""peer.py SCHEMA_DIR [DIR] - what a user would otherwise script instead of
`samv check`: PyYAML's C loader and jsonschema, every record file validated
against samv's own schema/<kind>.schema.json (draft-07).

Run it with /usr/bin/python3 (Debian's python3-yaml and python3-jsonschema;
a pyenv `python3` on PATH may lack them). Lists the files as samv does
(samv.yaml, then bodies/, meetings/, decisions/, assignments/ recursively,
hidden entries skipped), prints the number of files and of invalid ones per
kind; exit 0 when all are valid, 1 otherwise. Only the schema: samv's rules
(references, § numbers, ...) are not attempted."""
import json
import os
import sys

import jsonschema
import yaml


class Loader(yaml.CSafeLoader):
    """The C loader without the timestamp implicit resolver, so that
    2021-10-08 stays the string "2021-10-08" as samv reads it (our schema
    has "type": "string", "format": "date"), instead of a datetime.date."""


Loader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in rs if tag != "tag:yaml.org,2002:timestamp"]
    for ch, rs in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}

DIRS = [("bodies", "body"), ("meetings", "meeting"),
        ("decisions", "decision"), ("assignments", "assignment")]


def files(root):
    if os.path.isfile(os.path.join(root, "samv.yaml")):
        yield "samv.yaml", "samv"
    for d, kind in DIRS:
        out = []
        for top, dirs, names in os.walk(os.path.join(root, d)):
            dirs[:] = [x for x in dirs if not x.startswith(".")]
            for name in names:
                if not name.startswith("."):
                    out.append(os.path.relpath(os.path.join(top, name), root))
        for p in sorted(out):
            yield p, kind


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: peer.py SCHEMA_DIR [DIR]")
    schema_dir = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) == 3 else "."
    validators = {}
    for kind in ["samv"] + [k for _, k in DIRS]:
        with open(os.path.join(schema_dir, kind + ".schema.json"),
                  encoding="utf-8") as f:
            schema = json.load(f)
        jsonschema.Draft7Validator.check_schema(schema)
        validators[kind] = jsonschema.Draft7Validator(schema)
    total = {}
    bad = {}
    for path, kind in files(root):
        total[kind] = total.get(kind, 0) + 1
        try:
            with open(os.path.join(root, path), encoding="utf-8") as f:
                doc = yaml.load(f, Loader=Loader)
        except (yaml.YAMLError, UnicodeDecodeError) as e:
            print("%s: %s" % (path, e), file=sys.stderr)
            bad[kind] = bad.get(kind, 0) + 1
            continue
        err = next(validators[kind].iter_errors(doc), None)
        if err is not None:
            print("%s: %s" % (path, err.message), file=sys.stderr)
            bad[kind] = bad.get(kind, 0) + 1
    print(", ".join("%d %s (%d invalid)" % (total[k], k, bad.get(k, 0))
                    for k in total))
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
