#!/usr/bin/env python3
"""How well PaperQL tells people apart, measured against the ACL Anthology's own person list.

Truth: every authorship of ../shared/corpora/acl-anthology-2021/xml assigned to a person as the
Anthology assigns it (its name_variants list, 2019 copy): the `<author id>` when given; else the
one person whose canonical name or variant is that name; else a new person named so.

For a random sample of people with at least three papers (seeded), PaperQL is asked
    papers by exactly "CANONICAL NAME" | show id        (the whole name)
    papers by "CANONICAL NAME" | show id                (what a user types: tolerant matching)
    papers by "acl:ID" | show id                         (the person, by identifier)
and its papers are compared with the person's: the share of people answered exactly, and
precision and recall over papers (summed over people). Run with and without the name table.

    scripts/measure-author-identity.py [--paperql BIN] [--sample 500] [--out FILE.md]
"""
import argparse
import collections
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpora", "acl-anthology-2021")

SPECIAL = {"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ı": "i", "ß": "ss", "æ": "ae",
           "Æ": "ae", "œ": "oe", "Œ": "oe", "þ": "th", "Þ": "th", "ð": "d", "Ð": "d"}


def fold(text):
    """PaperQL's folding, for slugs: lower case, accents off, apostrophes dropped, punctuation to spaces."""
    text = "".join(SPECIAL.get(c, c) for c in text)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’‘`]", "", text.lower())
    return " ".join(re.sub(r"[^0-9a-z\u0080-\U0010ffff]+", " ", text).split())


def slug(name):
    return fold(name).replace(" ", "-")


def person_name(first, last):
    return " ".join(part for part in [first, last] if part)


def read_name_table(path):
    """name → ids, id → canonical name."""
    ids_of_name = collections.defaultdict(list)
    canonical = {}
    entry = None
    def parse(body):
        fields = {k.strip(): v for k, v in (p.split(":", 1) for p in body.strip().strip("{}").split(",") if ":" in p)}
        return person_name(fields.get("first", "").strip(), fields.get("last", "").strip())
    def finish():
        if entry is None:
            return
        pid = entry["id"] or slug(entry["canonical"])
        canonical[pid] = entry["canonical"]
        for name in [entry["canonical"]] + entry["variants"]:
            if pid not in ids_of_name[name]:
                ids_of_name[name].append(pid)
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            if line.startswith("- canonical:"):
                finish()
                entry = {"canonical": parse(line[len("- canonical:"):]), "id": None, "variants": []}
            elif stripped.startswith("id:"):
                entry["id"] = stripped[3:].strip()
            elif stripped.startswith("- {") or stripped.startswith("variant:"):
                entry["variants"].append(parse(stripped[1:] if stripped.startswith("-") else stripped[len("variant:"):]))
    finish()
    return ids_of_name, canonical


def anthology_id(collection, volume, paper):
    if "." in collection:
        return f"{collection}-{volume}.{paper}"
    two_digit = collection.startswith("W") or collection == "C69" or (collection == "D19" and int(volume) >= 5)
    return f"{collection}-{int(volume):02d}{int(paper):02d}" if two_digit else f"{collection}-{int(volume):01d}{int(paper):03d}"


def text_of(element):
    return " ".join("".join(element.itertext()).split()) if element is not None else ""


def read_truth(xml_dir, ids_of_name):
    """paper id → person ids; person id → (papers, names written)."""
    papers_of = collections.defaultdict(set)
    names_of = collections.defaultdict(collections.Counter)
    explicit = set()
    for file in sorted(os.listdir(xml_dir)):
        if not file.endswith(".xml"):
            continue
        root = ET.parse(os.path.join(xml_dir, file)).getroot()
        collection = root.get("id")
        for volume in root.findall("volume"):
            for paper in volume.findall("paper"):
                try:
                    pid = anthology_id(collection, volume.get("id"), paper.get("id"))
                except ValueError:
                    continue
                for author in paper.findall("author"):
                    name = person_name(text_of(author.find("first")), text_of(author.find("last")))
                    if not name:
                        continue
                    person = author.get("id")
                    if person is not None:
                        explicit.add(person)
                    else:
                        ids = ids_of_name.get(name, [])
                        own = slug(name)
                        person = ids[0] if len(ids) == 1 else (own if own in ids or not ids else ids[0])
                    papers_of[person].add(pid)
                    names_of[person][name] += 1
    return papers_of, names_of, explicit


def run_queries(binary, data, queries):
    """Runs the queries in one session; a `venues | limit 1` after each marks where its rows end."""
    script = "\n".join(f"{q}\nvenues | limit 1" for q in queries) + "\n"
    with tempfile.NamedTemporaryFile("w", suffix=".pql", delete=False, encoding="utf-8") as handle:
        handle.write(script)
        path = handle.name
    try:
        args = [binary] + sum((["--data", d] for d in data), []) + ["--format", "json", "--keep-going", "run", path]
        output = subprocess.run(args, capture_output=True, text=True).stdout
    finally:
        os.unlink(path)
    decoder = json.JSONDecoder()
    answers, current, position = [], set(), 0
    while position < len(output):
        while position < len(output) and output[position].isspace():
            position += 1
        if position >= len(output):
            break
        value, position = decoder.raw_decode(output, position)
        if value.get("kind") == "venues":
            answers.append(current)
            current = set()
        elif value.get("kind") == "papers":
            current = {row["id"] for row in value["rows"]}
    return answers


def score(answers, truths):
    exact = sum(1 for a, t in zip(answers, truths) if a == t)
    hit = sum(len(a & t) for a, t in zip(answers, truths))
    returned = sum(len(a) for a in answers)
    wanted = sum(len(t) for t in truths)
    return exact / len(truths), hit / returned if returned else 0.0, hit / wanted if wanted else 0.0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paperql", default=os.path.join(ROOT, ".build", "release", "paperql"))
    parser.add_argument("--sample", type=int, default=500)
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument("--out", default=None)
    options = parser.parse_args()
    table = os.path.join(CORPUS, "name_variants-2019-12.yaml")
    xml_dir = os.path.join(CORPUS, "xml")
    if not os.path.isdir(xml_dir):
        print("skipped: ../shared/corpora/acl-anthology-2021 is not beside the repository")
        return 0
    ids_of_name, canonical = read_name_table(table)
    papers_of, names_of, explicit = read_truth(xml_dir, ids_of_name)
    eligible = sorted(p for p, papers in papers_of.items() if len(papers) >= 3)
    sample = random.Random(options.seed).sample(eligible, min(options.sample, len(eligible)))
    display = {p: canonical.get(p) or names_of[p].most_common(1)[0][0] for p in sample}
    shared_name = collections.Counter(display.get(p) or canonical.get(p) or names_of[p].most_common(1)[0][0] for p in papers_of)
    namesakes = [p for p in sample if shared_name[display[p]] > 1]
    quote = lambda s: s.replace("\\", "\\\\").replace('"', '\\"')
    by_name = [f'papers by exactly "{quote(display[p])}" | show id' for p in sample]
    by_tolerant = [f'papers by "{quote(display[p])}" | show id' for p in sample]
    identified = [p for p in sample if p in explicit]
    by_id = [f'papers by "acl:{quote(p)}" | show id' for p in identified]
    lines = ["# Author identity on the ACL Anthology", "",
             "Written by `scripts/measure-author-identity.py` (release build): PaperQL's answers against the",
             "Anthology's own assignment of authorships to people (`<author id>`, else its 2019 name_variants",
             "list), for a seeded random sample of people with at least three papers, then for every",
             "identified namesake. \"people exact\": the share of people whose papers PaperQL returns exactly;",
             "precision and recall are over papers, summed over people.", "",
             f"people with ≥ 3 papers: {len(eligible)}; sample: {len(sample)} (seed {options.seed}); "
             f"of them sharing their name with another person: {len(namesakes)}", "",
             "| data | query | people exact | precision | recall |", "|---|---|---|---|---|"]
    for label, data in [("XML + name table", [table, xml_dir]), ("XML alone", [xml_dir])]:
        for kind, queries, people in [("by exactly \"Name\"", by_name, sample), ("by \"Name\" (tolerant)", by_tolerant, sample),
                                      (f"by \"acl:ID\" (people with an <author id>: {len(identified)})", by_id, identified)]:
            answers = run_queries(options.paperql, data, queries)
            if len(answers) != len(queries):
                print(f"{label} {kind}: got {len(answers)} answers for {len(queries)} queries", file=sys.stderr)
                return 1
            exact, precision, recall = score(answers, [papers_of[p] for p in people])
            lines.append(f"| {label} | {kind} | {exact:.1%} | {precision:.4f} | {recall:.4f} |")
            if not kind.startswith("by \"acl") and namesakes:
                pairs = [(a, papers_of[p]) for p, a in zip(sample, answers) if p in namesakes]
                e, pr, rc = score([a for a, _ in pairs], [t for _, t in pairs])
                lines.append(f"| {label} | {kind}, namesakes only ({len(pairs)}) | {e:.1%} | {pr:.4f} | {rc:.4f} |")
    # Every person who shares a name with another (namesakes), asked by identifier.
    every_display = {p: canonical.get(p) or names_of[p].most_common(1)[0][0] for p in papers_of}
    count_of_name = collections.Counter(every_display.values())
    all_namesakes = sorted(p for p in papers_of if count_of_name[every_display[p]] > 1 and p in explicit)
    lines += ["", f"Namesakes: {len(all_namesakes)} people with an <author id> share their name with another person.", "",
              "| data | query | people exact | precision | recall |", "|---|---|---|---|---|"]
    for label, data in [("XML + name table", [table, xml_dir]), ("XML alone", [xml_dir])]:
        answers = run_queries(options.paperql, data, [f'papers by "acl:{quote(p)}" | show id' for p in all_namesakes])
        exact, precision, recall = score(answers, [papers_of[p] for p in all_namesakes])
        lines.append(f"| {label} | by \"acl:ID\" | {exact:.1%} | {precision:.4f} | {recall:.4f} |")
    report = "\n".join(lines)
    print(report)
    if options.out:
        with open(options.out, "w", encoding="utf-8") as handle:
            handle.write(report + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
