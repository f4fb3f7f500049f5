#!/usr/bin/env bash
# Whether two PaperQL binaries import files alike: for each file, both write the import report
# and a snapshot, and both are compared byte for byte (the snapshot holds every paper, author,
# name and index). Exits 1 at the first difference.
#   scripts/same-import.sh OLD NEW FILE [FILE...]
set -euo pipefail
old="${1:?old binary}"; new="${2:?new binary}"; shift 2
[ $# -ge 1 ] || { echo "usage: $0 OLD NEW FILE [FILE...]" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for file in "$@"; do
    for side in old new; do
        binary="$old"; [ "$side" = new ] && binary="$new"
        "$binary" import --report -o "$work/$side.pqg" "$file" >"$work/$side.report" 2>&1 || true
    done
    if ! cmp -s "$work/old.report" "$work/new.report"; then
        echo "$file: the reports differ"; diff "$work/old.report" "$work/new.report" | head -20; exit 1
    fi
    if [ -f "$work/old.pqg" ] || [ -f "$work/new.pqg" ]; then
        cmp "$work/old.pqg" "$work/new.pqg" || { echo "$file: the snapshots differ"; exit 1; }
    fi
    echo "$file: same report and snapshot ($(tail -1 "$work/new.report"))"
    rm -f "$work"/*.pqg
done
