#!/usr/bin/env bash
# PaperQL beside SQLite and DuckDB on the same synthetic corpus, in one run, as one table.
#   scripts/bench-compare.sh            # 100,000 papers
#   scripts/bench-compare.sh 1000000    # 1M papers (~1.2 GB of JSON Lines; SQLite alone takes minutes)
# Data and results go to $BENCH_DATA (default: .bench-data/ in the repository, ignored by git).
# Needs ../shared/bench beside the repository and Python with numpy (duckdb is installed if missing).
# BENCH_SCRATCH=DIR builds in DIR instead of .build (e.g. a copy of the tree under /tmp while
# others build in this one); BASELINE_ENGINES=duckdb runs only DuckDB (SQLite's load takes
# minutes at 1M).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
kit="$root/../shared/bench"
papers="${1:-100000}"
case "$papers" in 100000) tag=100k;; 1000000) tag=1m;; 5000000) tag=5m;; *) tag="$papers";; esac
data="${BENCH_DATA:-$root/.bench-data}"
mkdir -p "$data"
corpus="$data/corpus_$tag.jsonl"

if [ ! -s "$corpus" ]; then
    echo "== generating $papers papers → $corpus" >&2
    python3 "$kit/gen_corpus.py" --papers "$papers" --seed 42 --out "$corpus"
fi

scratch="${BENCH_SCRATCH:-$root/.build}"
echo "== building (release)" >&2
swift build -c release --package-path "$root" --scratch-path "$scratch" --product paperql-bench >&2
swift build -c release --package-path "$root" --scratch-path "$scratch" --product paperql >&2

echo "== PaperQL" >&2
/usr/bin/time -v "$scratch/release/paperql-bench" --data "$corpus" --out "$data/paperql-$tag.json" 2> "$data/paperql-$tag.log" \
    || { tail -20 "$data/paperql-$tag.log" >&2; exit 1; }
grep -E "^(loaded|snapshot)|Maximum resident|Elapsed|User time" "$data/paperql-$tag.log" >&2

echo "== SQLite and DuckDB" >&2
python3 -c "import duckdb" 2>/dev/null || python3 -m pip install --quiet duckdb
python3 "$kit/baseline.py" --data "$corpus" --out-dir "$data/results-$tag" --label "$tag" \
    ${BASELINE_ENGINES:+--engines "$BASELINE_ENGINES"} >&2

python3 "$root/Benchmarks/compare.py" --paperql "$data/paperql-$tag.json" --baseline "$data/results-$tag" \
    --corpus "$corpus" --binary "$scratch/release/paperql" | tee "$data/compare-$tag.md"
