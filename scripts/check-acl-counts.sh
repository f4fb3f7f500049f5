#!/bin/sh
# Imports the whole ACL Anthology sample (../shared/corpora/acl-anthology-2021/xml) and checks
# the counts against its README: 55,764 <paper> records. Every paper must be read, none rejected.
# Usage: scripts/check-acl-counts.sh [path/to/paperql]   (default: a release build)
set -eu
cd "$(dirname "$0")/.."
corpus="../shared/corpora/acl-anthology-2021/xml"
binary="${1:-}"
if [ -z "$binary" ]; then
    swift build -c release --scratch-path .build-import-release --product paperql >/dev/null
    binary=".build-import-release/release/paperql"
fi
expected_papers=$(cat "$corpus"/*.xml | grep -o '<paper id=' | wc -l | tr -d ' ')
report=$("$binary" import "$corpus" --report)
total=$(printf '%s\n' "$report" | tail -n 1)
echo "$total"
read_count=$(printf '%s\n' "$total" | sed -n 's/^total: \([0-9]*\) records read.*/\1/p')
rejected=$(printf '%s\n' "$total" | sed -n 's/.* \([0-9]*\) rejected.*/\1/p')
if [ "$expected_papers" != 55764 ]; then echo "the corpus has $expected_papers <paper> tags, the README says 55764" >&2; exit 1; fi
if [ "$read_count" != "$expected_papers" ] || [ "$rejected" != 0 ]; then
    echo "FAIL: read $read_count of $expected_papers papers, $rejected rejected" >&2
    exit 1
fi
echo "OK: all $expected_papers papers read, none rejected"
