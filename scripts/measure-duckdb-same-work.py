#!/usr/bin/env python3
"""DuckDB doing the indexing work a PaperQL import does, on the same JSON Lines file.

The benchmark baseline (../shared/bench/baseline.py) times DuckDB's `read_json_auto` and a
normalization into tables with no index. A PaperQL import builds more: an inverted index of
title and abstract words, a folded-name index of people, the coauthor links and a folded-title
index. This script times DuckDB building the same structures in SQL, step by step, so the two
imports can be compared for the same work as well as for the work each does by default.

    python3 scripts/measure-duckdb-same-work.py corpus.jsonl [--threads N] [--steps N]

Prints one line per step (wall seconds) and a JSON object with every figure at the end. Run it
under `/usr/bin/time -v` for the peak memory. Needs the `duckdb` Python package.
"""
import argparse
import json
import time

import duckdb

# Folding as PaperQL does it for matching, in the baseline's spirit: lower case, ASCII letters
# for the common accented ones, runs of anything else as one separator.
FOLD = "lower(strip_accents({x}))"

STEPS = [
    ("reading (read_json_auto into a table)",
     "CREATE TABLE raw AS SELECT * FROM read_json_auto(?)"),
    ("papers",
     """CREATE TABLE papers AS SELECT CAST(row_number() OVER () AS INTEGER) AS id, id AS ext_id,
               title, CAST(year AS INTEGER) AS year, venue, type, abstract, authors, categories,
               institutions FROM raw"""),
    ("people by folded name (table and ART index)",
     f"""CREATE TABLE people AS SELECT CAST(row_number() OVER (ORDER BY name) AS INTEGER) AS id,
               name, {FOLD.format(x='name')} AS folded
            FROM (SELECT DISTINCT unnest(authors) AS name FROM papers)"""),
    ("  index on folded names", "CREATE INDEX people_folded ON people(folded)"),
    ("authorship (paper, person, position)",
     """CREATE TABLE authorship AS SELECT u.paper, p.id AS person, u.position FROM
            (SELECT id AS paper, unnest(authors) AS name, generate_subscripts(authors, 1) AS position
               FROM papers) u JOIN people p ON p.name = u.name"""),
    ("coauthor links (pairs with their paper counts)",
     """CREATE TABLE coauthors AS SELECT a.person AS person, b.person AS coauthor,
               CAST(count(*) AS INTEGER) AS papers
            FROM authorship a JOIN authorship b ON a.paper = b.paper AND a.person <> b.person
            GROUP BY 1, 2"""),
    # The fastest of four formulations tried at 100k (regexp_split_to_array or regexp_replace
    # and string_split; DISTINCT or list_distinct; a list per word or sorted pairs): one sorted
    # row per (word, paper), which is what an inverted index holds.
    ("word postings of titles and abstracts (distinct (word, paper) rows, sorted)",
     f"""CREATE TABLE word_papers AS SELECT DISTINCT
                    unnest(string_split(regexp_replace({FOLD.format(x="coalesce(title, '') || ' ' || coalesce(abstract, '')")},
                                                       '[^a-z0-9]+', ' ', 'g'), ' ')) AS word,
                    id AS paper
               FROM papers ORDER BY word, paper"""),
    ("  index on words", "CREATE INDEX word_index ON word_papers(word)"),
    ("papers by folded title (ART index)",
     f"""CREATE TABLE titles AS SELECT {FOLD.format(x='title')} AS folded, id AS paper FROM papers"""),
    ("  index on folded titles", "CREATE INDEX titles_folded ON titles(folded)"),
    ("facets (categories, institutions, venues, years)",
     """CREATE TABLE facets AS
            SELECT 'category' AS kind, unnest(categories) AS value, id AS paper FROM papers
            UNION ALL SELECT 'institution', unnest(institutions), id FROM papers
            UNION ALL SELECT 'venue', venue, id FROM papers
            UNION ALL SELECT 'year', CAST(year AS VARCHAR), id FROM papers"""),
    ("  index on facets", "CREATE INDEX facet_index ON facets(kind, value)"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data")
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: all cores)")
    parser.add_argument("--steps", type=int, default=len(STEPS),
                        help="run only the first N steps (6: reading, papers, people and their index, "
                             "authorships and coauthor links; what fits in memory at 5M)")
    args = parser.parse_args()
    con = duckdb.connect()
    if args.threads:
        con.execute(f"SET threads = {args.threads}")
    figures = {"duckdb": duckdb.__version__, "data": args.data, "steps": {}}
    start = time.perf_counter()
    for name, sql in STEPS[:args.steps]:
        t0 = time.perf_counter()
        con.execute(sql, [args.data] if "?" in sql else [])
        seconds = time.perf_counter() - t0
        figures["steps"][name.strip()] = round(seconds, 3)
        print(f"{name:<70} {seconds:7.2f} s", flush=True)
        if name.startswith("reading"):
            figures["reading_s"] = round(seconds, 3)
    total = time.perf_counter() - start
    figures["total_s"] = round(total, 3)
    figures["all_but_reading_s"] = round(total - figures["reading_s"], 3)
    tables = {row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    for table in ("papers", "people", "authorship", "coauthors", "word_papers", "titles", "facets"):
        if table in tables:
            figures.setdefault("rows", {})[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    print(f"{'total':<70} {total:7.2f} s")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
