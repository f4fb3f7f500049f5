#!/usr/bin/env bash
# PaperQL on DBLP-shaped XML at growing sizes: import (time, CPU, peak RSS), snapshot write and
# load, snapshot size, Q1-Q8; then the growth table and plot (Benchmarks/dblp-growth.md, .svg).
#   scripts/bench-dblp.sh 100000 1000000 5000000 10000000
# Data and results go to $BENCH_DATA (default: .bench-data/ in the repository, ignored by git).
# Builds paperql-bench in release mode with --scratch-path ${BENCH_SCRATCH:-.build} (point it at
# a copy of the tree's scratch folder when others build in the same tree).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${BENCH_DATA:-$root/.bench-data}"
scratch="${BENCH_SCRATCH:-$root/.build}"
mkdir -p "$data"
[ "$#" -gt 0 ] || set -- 100000 1000000

echo "== building paperql-bench (release)" >&2
swift build -c release --package-path "$root" --scratch-path "$scratch" --product paperql-bench >&2
bench="$scratch/release/paperql-bench"

for records in "$@"; do
    case "$records" in 100000) tag=100k;; 1000000) tag=1m;; 5000000) tag=5m;; 10000000) tag=10m;; *) tag="$records";; esac
    xml="$data/dblp_$tag.xml"
    if [ ! -s "$xml" ]; then
        echo "== generating $records records → $xml" >&2
        python3 "$root/scripts/gen-dblp.py" --records "$records" --seed 42 --out "$xml"
    fi
    echo "== PaperQL on $xml" >&2
    # --runs 5: the queries are not the point here; load, memory and snapshot are.
    /usr/bin/time -v "$bench" --data "$xml" --probes "$data/dblp_$tag.probes.json" --out "$data/paperql-dblp-$tag.json" \
        --snapshot "$data/dblp_$tag.pqg" --runs 5 --budget 5 2> "$data/paperql-dblp-$tag.log" || {
        tail -20 "$data/paperql-dblp-$tag.log" >&2
        exit 1
    }
    grep -E "Maximum resident|Elapsed|User time|System time" "$data/paperql-dblp-$tag.log" >&2
    # The process's own peak (all phases) from time -v, beside the bench's figures.
    python3 - "$data/paperql-dblp-$tag.json" "$data/paperql-dblp-$tag.log" "$xml" <<'PY'
import json, os, re, sys
path, log, xml = sys.argv[1:]
results = json.load(open(path))
text = open(log).read()
results["time_v_max_rss_mb"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
results["input_bytes"] = os.path.getsize(xml)
json.dump(results, open(path, "w"), indent=2, sort_keys=True)
PY
    rm -f "$data/dblp_$tag.pqg"
done

python3 "$root/Benchmarks/plot_growth.py" "$data"/paperql-dblp-*.json --markdown "$root/Benchmarks/dblp-growth.md" \
    --svg "$root/Benchmarks/dblp-growth.svg"
cat "$root/Benchmarks/dblp-growth.md"
