#!/usr/bin/env bash
# BibTeX read speed: a generated corpus (../shared/bench/gen_corpus.py) written as BibTeX by
# PaperQL's own `--format bibtex`, then imported RUNS times by each binary given (alternately,
# so all see the same machine). Prints wall, CPU (user+sys) and peak RSS per run and the medians,
# and checks that every binary reads the file into the same papers.
#   scripts/bench-bibtex.sh PAPERS RUNS BINARY [BINARY...]
set -euo pipefail
papers="${1:?papers}"; runs="${2:?runs}"; shift 2
[ $# -ge 1 ] || { echo "usage: $0 PAPERS RUNS BINARY [BINARY...]" >&2; exit 2; }
data="${BENCH_DATA:-/tmp/paperql-bench-bibtex}"
mkdir -p "$data"
corpus="$data/corpus_$papers.jsonl" bib="$data/corpus_$papers.bib"
[ -f "$corpus" ] || python3 "$(dirname "$0")/../../shared/bench/gen_corpus.py" --papers "$papers" --seed 42 --out "$corpus" >/dev/null
[ -f "$bib" ] || "$1" --data "$corpus" --format bibtex --out "$bib" -e 'papers' >/dev/null
echo "input: $bib, $(( $(stat -c %s "$bib") / 1048576 )) MiB"
times="$data/times.$$"
: > "$times"
for run in $(seq "$runs"); do
    for binary in "$@"; do
        /usr/bin/time -f "$binary %e %U %S %M" "$binary" --data "$bib" -e 'papers | count' >/dev/null 2>>"$times"
    done
done
for binary in "$@"; do "$binary" --data "$bib" --format jsonl -e 'papers' 2>/dev/null | md5sum | sed "s|-|$binary|"; done
python3 - "$times" "$(stat -c %s "$bib")" <<'PY'
import statistics, sys
size = int(sys.argv[2]) / 1e6
rows = [line.split() for line in open(sys.argv[1]) if len(line.split()) == 5]
for binary in dict.fromkeys(row[0] for row in rows):
    mine = [row for row in rows if row[0] == binary]
    cpu = statistics.median(float(r[2]) + float(r[3]) for r in mine)
    print(f"{binary}: median wall {statistics.median(float(r[1]) for r in mine):.2f} s, CPU {cpu:.2f} s "
          f"({size / cpu:.1f} MB/s of CPU, whole import), peak RSS {statistics.median(int(r[4]) for r in mine) / 1024:.0f} MiB")
PY
rm -f "$times"
