#!/usr/bin/env bash
# Runs PaperQL queries on a SQL engine: exports the data (once per --export folder), compiles the
# queries with `paperql sql`, loads the export into the engine and prints the results.
#   scripts/paperql-sql.sh --engine duckdb [--data FILE]... [--export DIR] [--format table|csv|jsonl] -e QUERY
#   scripts/paperql-sql.sh --engine postgres --postgres "host=… port=… user=…" FILE.pql
#   scripts/paperql-sql.sh --engine spark [--spark-master spark://host:7077] -e QUERY
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
paperql=${PAPERQL:-$here/paperql}
engine="" export_dir="" format=table data=() queries=() files=() extra=()
while [ $# -gt 0 ]; do
    case $1 in
        --engine) engine=$2; shift 2 ;;
        --data) data+=(--data "$2"); shift 2 ;;
        --export) export_dir=$2; shift 2 ;;
        --format) format=$2; shift 2 ;;
        --postgres) extra+=(--postgres "$2"); shift 2 ;;
        --spark-master) extra+=(--spark-master "$2"); shift 2 ;;
        -e) queries+=(-e "$2"); shift 2 ;;
        *) files+=("$1"); shift ;;
    esac
done
[ -n "$engine" ] || { echo "usage: $0 --engine duckdb|postgres|spark [--data FILE] [--export DIR] (-e QUERY | FILE...)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "$export_dir" ]; then
    export_dir=$work/export
fi
if [ ! -f "$export_dir/load-$engine.sql" ]; then
    "$paperql" export ${data[@]+"${data[@]}"} --relational "$export_dir" 2>/dev/null
fi
"$paperql" sql ${data[@]+"${data[@]}"} --dialect "$engine" ${queries[@]+"${queries[@]}"} ${files[@]+"${files[@]}"} > "$work/query.sql"
python3 "$here/sql-engine.py" --engine "$engine" --export "$export_dir" --sql "$work/query.sql" --format "$format" \
    ${extra[@]+"${extra[@]}"} 2> >(grep -v -E "WARN|log4j|setLogLevel|incubator" >&2)
