#!/usr/bin/env bash
# Measures the SQL engines beside the in-memory engine on one corpus: export time and memory,
# load time per engine, and each query's time (the figures in SCALING.md).
#   scripts/measure-sql-engines.sh PAPERQL_BINARY DATA... [-- engines]
# PAPERQL_POSTGRES names a running server for postgres (scripts/start-postgres.sh starts one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$1; shift
files=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do files+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
engines=${*:-duckdb postgres spark}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
queries=(
    'papers | count'
    'papers since 2015 | count by year'
    'papers matching "neural machine translation" | count'
    'papers matching "\"machine translation\"" | count'
    'papers by "Yang Liu" | limit 10'
    'authors of (papers since 2019) | limit 10'
    'venues of (papers matching "parsing") | limit 5'
    'coauthors of "Christopher D. Manning" | limit 10'
    'coauthors of "Christopher D. Manning" within 2 | count'
    'path from "Christopher D. Manning" to "Kathleen McKeown"'
)
/usr/bin/time -f "import to a snapshot: %e s, max RSS %M KB" "$binary" import "${files[@]}" -o "$work/graph.pqg" 2>&1 >/dev/null | tail -1
echo "== export"
/usr/bin/time -f "export: %e s, max RSS %M KB" "$binary" export --data "$work/graph.pqg" --relational "$work/export" 2>&1 | tail -2
du -sh "$work/export" | sed 's/^/export size: /'
/usr/bin/time -f "load only (in memory): %e s, max RSS %M KB" "$binary" --data "$work/graph.pqg" -e 'papers | count' >/dev/null
echo "== in memory (one process per query: load + query)"
for q in "${queries[@]}"; do
    /usr/bin/time -f "%e s  $q" "$binary" --data "$work/graph.pqg" -e "$q" >/dev/null 2>"$work/t" || true
    tail -1 "$work/t"
done
for engine in $engines; do
    echo "== $engine"
    : > "$work/$engine.jsonl"
    for i in "${!queries[@]}"; do
        if "$binary" sql --data "$work/graph.pqg" --dialect "$engine" -e "${queries[$i]}" > "$work/q.sql" 2>/dev/null; then
            python3 -c 'import json,sys; print(json.dumps({"id": int(sys.argv[1]), "statements": [s.strip() for s in open(sys.argv[2]).read().split(";\n") if s.strip()]}))' "$i" "$work/q.sql" >> "$work/$engine.jsonl"
        else
            echo "refused: ${queries[$i]}"
        fi
    done
    python3 "$here/sql-engine.py" --engine "$engine" --job "$work/export" "$work/$engine.jsonl" "$work/$engine-out.jsonl" 2>&1 | grep "^sql-engine" || true
    python3 - "$work/$engine-out.jsonl" "${queries[@]}" <<'PY'
import json, sys
queries = sys.argv[2:]
for line in open(sys.argv[1]):
    result = json.loads(line)
    status = "error: " + result["error"][:80] if "error" in result else f'{len(result["rows"])} rows'
    print(f'{result["seconds"]:8.3f} s  {queries[result["id"]]}  ({status})')
PY
done
