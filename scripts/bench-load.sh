#!/usr/bin/env bash
# Loading a JSON Lines corpus: PaperQL (the whole import: decode, merge, every index) against
# DuckDB's read_json_auto (a table, no indexes), run alternately so both see the same machine.
# Prints wall, CPU (user+sys) and peak RSS per run and the medians, from /usr/bin/time.
#   scripts/bench-load.sh CORPUS.jsonl [RUNS] [PAPERQL_BINARY]
set -euo pipefail
corpus="$1"
runs="${2:-3}"
paperql="${3:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/paperql}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
for run in $(seq "$runs"); do
    /usr/bin/time -f "paperql %e %U %S %M" "$paperql" --data "$corpus" -e 'papers | count' >/dev/null 2>>"$out/times"
    /usr/bin/time -f "duckdb %e %U %S %M" python3 -c "
import duckdb, sys
connection = duckdb.connect()
connection.execute(\"CREATE TABLE papers AS SELECT * FROM read_json_auto(?, format='newline_delimited')\", [sys.argv[1]])
print(connection.execute('SELECT count(*) FROM papers').fetchone()[0])" "$corpus" >/dev/null 2>>"$out/times"
done
python3 - "$out/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.split() and line.split()[0] in ("paperql", "duckdb")]
print("engine   run  wall s  cpu s  peak RSS MiB")
for index, (engine, wall, user, system, rss) in enumerate(rows):
    print(f"{engine:8} {index // 2 + 1:3} {float(wall):7.2f} {float(user) + float(system):6.2f} {int(rss) / 1024:10.0f}")
for engine in ("paperql", "duckdb"):
    mine = [row for row in rows if row[0] == engine]
    print(f"median {engine:8}  wall {statistics.median(float(r[1]) for r in mine):.2f} s  "
          f"cpu {statistics.median(float(r[2]) + float(r[3]) for r in mine):.2f} s  "
          f"peak RSS {statistics.median(int(r[4]) for r in mine) / 1024:.0f} MiB")
PY
