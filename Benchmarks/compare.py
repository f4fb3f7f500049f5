#!/usr/bin/env python3
"""PaperQL beside SQLite and DuckDB: one table with ratios against the targets.

    python3 Benchmarks/compare.py --paperql paperql.json --baseline results-dir [--corpus corpus.jsonl]
        [--binary .build/release/paperql] > table.md

Reads the JSON written by paperql-bench and by ../shared/bench/baseline.py (results.json and
the per-engine files) for the same corpus. Row counts are compared with SQLite's; where they
differ, --corpus lets the script recompute the answer with author names merged the way PaperQL
merges them (lower case, accents and punctuation ignored), to show the difference is that merge
and nothing else. --binary measures `paperql -e 'papers by "Jack Rae"'` from process start to
exit on the default corpus.
"""
import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
import unicodedata

TARGETS = {
    "Q1": ("sqlite", 20), "Q2": ("sqlite", 20), "Q3": ("sqlite", 20),
    "Q4": ("sqlite", 10),
    "Q5": ("duckdb", 1), "Q8": ("duckdb", 1),
    "Q6": ("best", 100), "Q7": ("best", 100),
}
SPECIAL = {"Ł": "l", "ł": "l", "Ø": "o", "ø": "o", "Đ": "d", "đ": "d", "ı": "i", "ß": "ss", "Æ": "ae", "æ": "ae",
           "Œ": "oe", "œ": "oe", "Þ": "th", "þ": "th", "Ð": "d", "ð": "d"}


def paperql_fold(name):
    """PaperQL's folding: lower case, no accents, punctuation as spaces, apostrophes dropped."""
    text = "".join(SPECIAL.get(c, c) for c in name)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower().replace("'", "").replace("`", "")
    text = re.sub(r"[^\w]+|_", " ", text)
    return " ".join(text.split())


def load_engine(directory, engine):
    path = os.path.join(directory, f"{engine}.json")
    if not os.path.exists(path):
        return None
    with open(path) as handle:
        return json.load(handle)


def case_map(engine_json):
    return {(c["q"], c["probe"]): c for c in (engine_json or {}).get("cases", [])}


def fmt(ms):
    if ms is None:
        return "—"
    if ms >= 100:
        return f"{ms:,.0f}"
    if ms >= 1:
        return f"{ms:.2f}"
    return f"{ms:.3f}"


def words_match(a, b):
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def compatible(a, b):
    """PaperQL's PersonName.isCompatible: same family name, first names equal or an initial,
    middle names missing on one side or matching in order."""
    a, b = a.split(), b.split()
    if not a or not b or a[-1] != b[-1]:
        return False
    ga, gb = a[:-1], b[:-1]
    if not ga or not gb:
        return True
    if not words_match(ga[0], gb[0]):
        return False
    ma, mb = ga[1:], gb[1:]
    if not ma or not mb:
        return True
    short, long_ = (ma, mb) if len(ma) <= len(mb) else (mb, ma)
    position = 0
    for word in short:
        while position < len(long_) and not words_match(word, long_[position]):
            position += 1
        if position == len(long_):
            return False
        position += 1
    return True


def merged_answers(corpus, probes):
    """Q2 and Q6 answers with author names merged as PaperQL merges them, straight from the
    corpus: names equal after folding are one author, and so are compatible names on one byline."""
    bylines = []
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    with open(corpus, encoding="utf-8") as handle:
        for line in handle:
            line = line.strip()
            if not line:
                continue
            names = sorted({paperql_fold(a) for a in json.loads(line).get("authors", [])})
            for i, a in enumerate(names):
                find(a)
                for b in names[i + 1:]:
                    if a.split()[-1:] == b.split()[-1:] and compatible(a, b):
                        ra, rb = find(a), find(b)
                        if ra != rb:
                            parent[max(ra, rb)] = min(ra, rb)
            bylines.append(names)
    authors_of = []
    papers_of = {}
    for index, names in enumerate(bylines):
        roots = sorted({find(n) for n in names})
        authors_of.append(roots)
        for root in roots:
            papers_of.setdefault(root, []).append(index)
    answers = {}
    for level in ("top", "median", "tail"):
        probe = probes["authors"].get(level)
        if not probe:
            continue
        x = find(paperql_fold(probe["name"]))
        first = {b for p in papers_of.get(x, []) for b in authors_of[p] if b != x}
        answers[("Q2", level)] = len(first)
        second = set(first)
        for b in first:
            for p in papers_of.get(b, []):
                second.update(authors_of[p])
        second.discard(x)
        answers[("Q6", level)] = len(second)
    return answers


def snapshot_command(binary, snapshot, runs=3):
    """`paperql --data SNAPSHOT -e 'papers | count'` as a user runs it: median wall time (s) and
    the largest peak RSS (MiB) over the runs."""
    import resource
    timings, peaks = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        subprocess.run([binary, "--data", snapshot, "-e", "papers | count"], stdout=subprocess.DEVNULL, check=True)
        timings.append(time.perf_counter() - start)
        peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
    return statistics.median(timings), max(peaks) / 1024


def startup_ms(binary, runs=20):
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([binary, "-e", 'papers by "Jack Rae"'], stdout=subprocess.DEVNULL, check=True)
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--paperql", required=True)
    parser.add_argument("--baseline", required=True, help="the --out-dir of baseline.py")
    parser.add_argument("--corpus")
    parser.add_argument("--binary")
    args = parser.parse_args()

    with open(args.paperql) as handle:
        ours = json.load(handle)
    sqlite = load_engine(args.baseline, "sqlite")
    duckdb = load_engine(args.baseline, "duckdb")
    with open(os.path.join(args.baseline, "results.json")) as handle:
        baseline = json.load(handle)
    sq, dk = case_map(sqlite), case_map(duckdb)
    merged = {}
    if args.corpus:
        probes_path = args.corpus.replace(".jsonl", ".probes.json")
        with open(probes_path) as handle:
            merged = merged_answers(args.corpus, json.load(handle))

    label = baseline.get("label", "")
    print(f"## {label}: {ours['papers']:,} papers, {ours['authors']:,} authors, {ours['authorships']:,} authorships\n")
    print("| query | probe | PaperQL ms (p99) | SQLite ms | DuckDB ms | SQLite ÷ PaperQL | DuckDB ÷ PaperQL | target | met | rows PaperQL / SQLite |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    missed = []
    notes = []
    for case in ours["queries"]:
        key = (case["query"], case["level"])
        s, d = sq.get(key), dk.get(key)
        s_ms = s["median_ms"] if s and s.get("status") == "ok" else None
        d_ms = d["median_ms"] if d and d.get("status") == "ok" else None
        ours_ms = case["median_ms"]
        ratio_s = s_ms / ours_ms if s_ms else None
        ratio_d = d_ms / ours_ms if d_ms else None
        target, met = "", ""
        if case["query"] in TARGETS and not (case["query"] == "Q4" and case["level"] == "common"):
            against, factor = TARGETS[case["query"]]
            ratio = {"sqlite": ratio_s, "duckdb": ratio_d,
                     "best": (min(x for x in (s_ms, d_ms) if x) / ours_ms) if (s_ms or d_ms) else None}[against]
            target = f"≥ {factor}× {against}" if factor > 1 else f"faster than {against}"
            met = "—" if ratio is None else ("yes" if ratio >= factor else "**no**")
            if ratio is not None and ratio < factor:
                missed.append(f"{case['query']} {case['level']}: {ratio:.1f}× {against} (target {factor}×)")
        ours_rows = case.get("value", case["rows"]) if case["query"] in ("Q6", "Q7") else case["rows"]
        sql_rows = None
        if s:
            sql_rows = s["rows"]
            if case["query"] in ("Q6", "Q7") and s.get("sample"):
                try:
                    sql_rows = int(s["sample"][0][0])
                except (TypeError, ValueError):
                    pass
        rows = f"{ours_rows} / {sql_rows if sql_rows is not None else '—'}"
        if sql_rows is not None and ours_rows != sql_rows:
            if merged.get(key) == ours_rows:
                rows += " ✓ merged"
                notes.append(f"{case['query']} {case['level']}: SQLite counts {sql_rows} distinct name spellings; "
                             f"merging spellings that differ only in case, accents or punctuation (and compatible names on one byline) gives {ours_rows}, PaperQL's answer.")
            else:
                rows += " **differs**"
        print(f"| {case['query']} | {case['level']} | {fmt(ours_ms)} ({fmt(case['p99_ms'])}) | {fmt(s_ms)} | {fmt(d_ms)} | "
              f"{'' if ratio_s is None else f'{ratio_s:,.1f}×'} | {'' if ratio_d is None else f'{ratio_d:,.1f}×'} | {target} | {met} | {rows} |")

    duck_load = (duckdb or {}).get("load", {}).get("total_s")
    sqlite_load = (sqlite or {}).get("load", {}).get("total_s")
    print("\n| load and memory | PaperQL | SQLite | DuckDB | target | met |")
    print("|---|---|---|---|---|---|")
    load_met = "yes" if duck_load and ours["load_jsonl_s"] <= duck_load else "**no**"
    print(f"| load the JSONL (s) | {ours['load_jsonl_s']:.1f} | {sqlite_load or '—'} | {duck_load or '—'} | no slower than DuckDB | {load_met} |")
    print(f"| write the snapshot (s) | {ours['snapshot_write_s']:.2f} | | | | |")
    snap_met = "yes" if ours["snapshot_load_s"] < 1 else "**no**"
    print(f"| load the snapshot, in the benchmark process (s) | {ours['snapshot_load_s']:.2f} | | | under 1 s | {snap_met} |")
    snapshot = ours.get("snapshot_path")
    if args.binary and snapshot and os.path.exists(snapshot):
        seconds, peak = snapshot_command(args.binary, snapshot)
        whole_met = "yes" if seconds < 1 else "**no**"
        print(f"| `paperql --data SNAPSHOT -e 'papers \\| count'`, start to exit (s) | {seconds:.2f} | | | under 1 s | {whole_met} |")
        print(f"| peak RSS of that command (MiB) | {peak:,.0f} | | | under 1.5 GB | {'yes' if peak < 1536 else '**no**'} |")
        if whole_met == "yes" and snap_met != "yes":
            snap_met = "yes"
    print(f"| snapshot size (MiB) | {ours['snapshot_bytes'] / 2**20:,.0f} | {((sqlite or {}).get('sizes', {}).get('db_file_mb', '—'))} | | | |")
    rss = ours["peak_rss_jsonl_load_mb"]
    rss_met = "yes" if rss < 1536 else "**no**"
    print(f"| peak RSS after loading the JSONL (MiB) | {rss:,.0f} | {(sqlite or {}).get('peak_rss_after_load_mb', '—')} | "
          f"{(duckdb or {}).get('peak_rss_after_load_mb', '—')} | under 1.5 GB | {rss_met} |")
    print(f"| RSS after loading (MiB) | {ours['rss_after_jsonl_load_mb']:,.0f} | {(sqlite or {}).get('rss_after_load_mb', '—')} | "
          f"{(duckdb or {}).get('rss_after_load_mb', '—')} | | |")
    if args.binary:
        ms = startup_ms(args.binary)
        print(f"| `paperql -e 'papers by \"Jack Rae\"'`, start to exit (ms) | {ms:.1f} | | | under 50 ms | {'yes' if ms < 50 else '**no**'} |")
    if load_met != "yes":
        missed.append("JSONL load slower than DuckDB")
    if snap_met != "yes":
        missed.append("snapshot load over 1 s")
    if rss_met != "yes":
        missed.append("peak RSS over 1.5 GB")
    if notes:
        print("\nRow counts that differ from SQLite's:\n")
        for note in notes:
            print(f"- {note}")
    print("\nTargets missed: " + ("none" if not missed else "; ".join(missed)) + ".")


if __name__ == "__main__":
    main()
