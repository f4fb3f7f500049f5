#!/usr/bin/env bash
# scripts/measure-sql-engines.sh for a generated corpus (the growth rows of SCALING.md): the same
# steps, but the queries come from a file (one PaperQL query a line, so they can name people of
# the generated data), every query runs REPEAT times (median reported), and each step reports
# wall time, CPU time (user + sys) and peak RSS from /usr/bin/time.
#   PAPERQL_QUERIES=queries.txt REPEAT=3 scripts/measure-sql-engines-growth.sh PAPERQL_BINARY DATA... [-- engines]
# DATA is anything `paperql import` reads (e.g. gen_corpus.py's JSON Lines), or one .pqg snapshot.
# PAPERQL_POSTGRES names a running server for postgres (scripts/start-postgres.sh starts one).
# Spark's driver memory: PYSPARK_SUBMIT_ARGS="--driver-memory 6g pyspark-shell" (overrides the 2g
# of sql-engine.py; --driver-memory comes after its --conf).
# KEEP=DIR keeps the snapshot and export in DIR instead of a temporary folder; a later run with the
# same KEEP reuses them (no import or export: pass the kept graph.pqg as DATA). IN_MEMORY=0 skips
# the in-memory queries (to run one engine at a time on a large corpus).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
binary=$1; shift
files=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do files+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
engines=${*:-duckdb postgres spark}
repeat=${REPEAT:-3}
if [ -n "${KEEP:-}" ]; then work=$KEEP; mkdir -p "$work"; else work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; fi
mapfile -t queries < <(grep -v '^\s*$' "${PAPERQL_QUERIES:?PAPERQL_QUERIES names a file of queries}")
fmt='%e s wall, %U s user + %S s sys, max RSS %M KB'
if [ "${#files[@]}" -eq 1 ] && [ "${files[0]##*.}" = pqg ]; then
    [ "${files[0]}" -ef "$work/graph.pqg" ] || cp "${files[0]}" "$work/graph.pqg"
else
    /usr/bin/time -f "import to a snapshot: $fmt" "$binary" import "${files[@]}" -o "$work/graph.pqg" 2>&1 >/dev/null | tail -1
fi
ls -l "$work/graph.pqg" | awk '{printf "snapshot size: %.0f MB\n", $5/1e6}'
if [ -n "${KEEP:-}" ] && [ -f "$work/export/.done" ]; then
    echo "== export: reusing $work/export"
else
    echo "== export"
    rm -rf "$work/export"
    /usr/bin/time -f "export: $fmt" "$binary" export --data "$work/graph.pqg" --relational "$work/export" 2>&1 | tail -2
    du -sh "$work/export" | sed 's/^/export size: /'
    for f in "$work"/export/*.csv; do printf '  %s: %s rows\n' "$(basename "$f")" "$(($(wc -l < "$f") - 1))"; done
    touch "$work/export/.done"
fi
if [ "${IN_MEMORY:-1}" != 0 ]; then
/usr/bin/time -f "load only (in memory): $fmt" "$binary" --data "$work/graph.pqg" -e 'papers | count' >/dev/null
echo "== in memory (one process per query: load + query; $repeat runs, median wall; CPU and RSS of the median run)"
for q in "${queries[@]}"; do
    : > "$work/runs"
    for _ in $(seq "$repeat"); do
        /usr/bin/time -f '%e %U %S %M' "$binary" --data "$work/graph.pqg" -e "$q" >"$work/answer" 2>"$work/t" || true
        tail -1 "$work/t" >> "$work/runs"
    done
    sort -n "$work/runs" | sed -n "$(( (repeat + 1) / 2 ))p" | awk -v q="$q" -v rows="$(wc -l < "$work/answer")" \
        '{printf "%8.2f s wall  %6.2f s CPU  %5.0f MB  %s  (%d lines out)\n", $1, $2 + $3, $4 / 1024, q, rows}'
done
fi
for engine in $engines; do
    [ "$engine" = none ] && continue  # `-- none`: the in-memory engine only
    echo "== $engine"
    : > "$work/$engine.jsonl"
    for i in "${!queries[@]}"; do
        if "$binary" sql --data "$work/graph.pqg" --dialect "$engine" -e "${queries[$i]}" > "$work/q.sql" 2>/dev/null; then
            for _ in $(seq "$repeat"); do
                python3 -c 'import json,sys; print(json.dumps({"id": int(sys.argv[1]), "statements": [s.strip() for s in open(sys.argv[2]).read().split(";\n") if s.strip()]}))' "$i" "$work/q.sql" >> "$work/$engine.jsonl"
            done
        else
            echo "refused: ${queries[$i]}"
        fi
    done
    /usr/bin/time -f "$engine process (load + all runs): $fmt" \
        python3 "$here/sql-engine.py" --engine "$engine" --job "$work/export" "$work/$engine.jsonl" "$work/$engine-out.jsonl" 2>&1 | grep "^sql-engine\|process" || true
    python3 - "$work/$engine-out.jsonl" "${queries[@]}" <<'PY'
import json, statistics, sys
queries = sys.argv[2:]
runs = {}
for line in open(sys.argv[1]):
    result = json.loads(line)
    runs.setdefault(result["id"], []).append(result)
for i, results in sorted(runs.items()):
    last = results[-1]
    status = "error: " + last["error"][:80] if "error" in last else f'{len(last["rows"])} rows'
    times = [r["seconds"] for r in results]
    print(f'{statistics.median(times):8.3f} s median  (runs: {", ".join(f"{t:.3f}" for t in times)})  {queries[i]}  ({status})')
PY
done
