#!/usr/bin/env python3
"""Runs SQL compiled by `paperql sql` on PostgreSQL, DuckDB or Spark, over a relational export.

Two uses:

  Batch (the tests): every job is EXPORT_DIR BATCH.jsonl OUT.jsonl; a batch line is
  {"id": ..., "statements": [sql, ...]} (the `let` views first, the query last); the out line is
  {"id": ..., "rows": [[...], ...]} or {"id": ..., "error": "..."}. One engine session serves
  every job (one Spark session for all queries).

      sql-engine.py --engine spark --job DIR batch.jsonl out.jsonl [--job ...]

  One script: compile with paperql, run, print the last statement's rows as CSV.

      sql-engine.py --engine duckdb --export DIR --sql FILE.sql

PostgreSQL: --postgres "host=127.0.0.1 port=5433 user=paperql" names a running server; each
export is loaded into its own database (psql -f load-postgres.sql, from inside the export).
Spark: local mode unless --spark-master names a cluster.
"""
import argparse
import csv
import json
import os
import re
import subprocess
import sys
import time


def split_statements(text):
    """Splits a load script into statements: `;` at a line end, or a psql `\\copy` line."""
    statements, current = [], []
    for line in text.splitlines():
        if line.startswith("--") or not line.strip():
            continue
        current.append(line)
        if line.rstrip().endswith(";"):
            statements.append("\n".join(current).rstrip().rstrip(";"))
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


class DuckDB:
    def __init__(self, args):
        import duckdb
        self.duckdb = duckdb
        self.connection = None

    def load(self, directory):
        self.connection = self.duckdb.connect()
        here = os.getcwd()
        os.chdir(directory)
        try:
            for statement in split_statements(open("load-duckdb.sql").read()):
                self.connection.execute(statement)
        finally:
            os.chdir(here)

    def run(self, sql):
        return self.query(sql)[1]

    def query(self, sql):
        result = self.connection.execute(sql)
        rows = [list(row) for row in result.fetchall()]
        return [d[0] for d in result.description or []], rows

    def reset(self):
        pass

    def close(self):
        if self.connection:
            self.connection.close()


class Postgres:
    def __init__(self, args):
        import psycopg2
        self.psycopg2 = psycopg2
        if not args.postgres:
            sys.exit("sql-engine.py: --postgres 'host=… port=… user=…' is needed for PostgreSQL")
        self.dsn = args.postgres
        self.connection = None

    def load(self, directory):
        name = "paperql_" + re.sub(r"[^a-z0-9]", "_", os.path.basename(os.path.abspath(directory)).lower())
        admin = self.psycopg2.connect(self.dsn + " dbname=postgres")
        admin.autocommit = True
        with admin.cursor() as cursor:
            cursor.execute(f"DROP DATABASE IF EXISTS {name}")
            cursor.execute(f"CREATE DATABASE {name} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0")
        admin.close()
        params = dict(part.split("=", 1) for part in self.dsn.split())
        env = dict(os.environ, PGHOST=params.get("host", ""), PGPORT=params.get("port", ""), PGUSER=params.get("user", ""),
                   PGDATABASE=name)
        subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-f", "load-postgres.sql"], cwd=directory, env=env,
                       check=True, stdout=subprocess.DEVNULL)
        if self.connection:
            self.connection.close()
        self.connection = self.psycopg2.connect(self.dsn + f" dbname={name}")
        self.connection.autocommit = True

    def run(self, sql):
        return self.query(sql)[1]

    def query(self, sql):
        with self.connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = '60s'")
            cursor.execute(sql)
            if not cursor.description:
                return [], []
            return [d[0] for d in cursor.description], [list(row) for row in cursor.fetchall()]

    def reset(self):
        # The views of one script are gone before the next.
        with self.connection.cursor() as cursor:
            cursor.execute("DISCARD TEMP")

    def close(self):
        if self.connection:
            self.connection.close()


class Spark:
    def __init__(self, args):
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
        from pyspark.sql import SparkSession
        builder = (SparkSession.builder.appName("paperql").master(args.spark_master)
                   .config("spark.sql.shuffle.partitions", "1")
                   .config("spark.default.parallelism", "1")
                   .config("spark.sql.codegen.wholeStage", "false")
                   .config("spark.sql.codegen.factoryMode", "NO_CODEGEN")
                   .config("spark.ui.enabled", "false")
                   .config("spark.ui.showConsoleProgress", "false")
                   .config("spark.sql.adaptive.enabled", "false")
                   .config("spark.sql.ansi.enabled", "false")
                   .config("spark.driver.memory", "2g"))
        self.spark = builder.getOrCreate()
        self.spark.sparkContext.setLogLevel("ERROR")

    def load(self, directory):
        self.spark.catalog.clearCache()
        here = os.getcwd()
        os.chdir(directory)
        try:
            for statement in split_statements(open("load-spark.sql").read()):
                statement = statement.replace("path '", "path '" + os.path.abspath(".") + "/", 1)
                self.spark.sql(statement)
        finally:
            os.chdir(here)

    def run(self, sql):
        return self.query(sql)[1]

    def query(self, sql):
        frame = self.spark.sql(sql)
        return frame.columns, [list(row) for row in frame.collect()]

    def reset(self):
        pass

    def close(self):
        self.spark.stop()


ENGINES = {"duckdb": DuckDB, "postgres": Postgres, "spark": Spark}


def plain(value):
    if value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return str(value)


def show(columns, rows, form):
    """Prints one statement's rows as PaperQL prints results: a table, CSV (RFC 4180) or JSON Lines."""
    rows = [[plain(v) for v in row] for row in rows]
    if form == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\r\n")
        writer.writerow(columns)
        writer.writerows([["" if v is None else v for v in row] for row in rows])
    elif form == "jsonl":
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False))
    else:
        cells = [[str(c) for c in columns]] + [["" if v is None else str(v) for v in row] for row in rows]
        widths = [min(60, max(len(r[i]) for r in cells)) for i in range(len(columns))]
        for index, row in enumerate(cells):
            print("  ".join(cell[:60].ljust(width) for cell, width in zip(row, widths)).rstrip())
            if index == 0:
                print("  ".join("-" * width for width in widths))
        print(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--engine", required=True, choices=sorted(ENGINES))
    parser.add_argument("--job", nargs=3, action="append", default=[], metavar=("EXPORT", "BATCH", "OUT"))
    parser.add_argument("--export")
    parser.add_argument("--sql")
    parser.add_argument("--format", default="table", choices=["table", "csv", "jsonl"])
    parser.add_argument("--postgres", default=os.environ.get("PAPERQL_POSTGRES"))
    parser.add_argument("--spark-master", default="local[1]")
    args = parser.parse_args()
    started = time.time()
    engine = ENGINES[args.engine](args)
    try:
        if args.sql:
            engine.load(args.export)
            text = open(args.sql).read()
            for statement in [s for s in text.split(";\n") if s.strip()]:
                statement = statement.strip().rstrip(";")
                columns, rows = engine.query(statement)
                if columns and not statement.startswith("CREATE "):
                    show(columns, rows, args.format)
            return
        total = 0
        for directory, batch, out in args.job:
            begun = time.time()
            engine.load(directory)
            loaded = time.time()
            print(f"sql-engine: {args.engine}: {directory}: loaded in {loaded - begun:.1f}s", file=sys.stderr)
            with open(batch) as source, open(out, "w") as sink:
                for line in source:
                    job = json.loads(line)
                    result = {"id": job["id"]}
                    begun = time.time()
                    try:
                        rows = []
                        for statement in job["statements"]:
                            rows = engine.run(statement)
                        result["rows"] = [[plain(v) for v in row] for row in rows]
                    except Exception as error:  # reported per query, with its SQL, by the test
                        result["error"] = f"{type(error).__name__}: {error}".strip()[:2000]
                    result["seconds"] = round(time.time() - begun, 4)
                    try:
                        engine.reset()
                    except Exception:
                        pass
                    sink.write(json.dumps(result) + "\n")
                    total += 1
            print(f"sql-engine: {args.engine}: {directory}: queries in {time.time() - loaded:.1f}s", file=sys.stderr)
        print(f"sql-engine: {args.engine}: {total} queries, {time.time() - started:.1f}s in all", file=sys.stderr)
    finally:
        engine.close()


if __name__ == "__main__":
    main()
