#!/usr/bin/env bash
# The project's test command: installs what a fresh machine lacks, then runs every test.
#   scripts/test.sh
set -euo pipefail
cd "$(dirname "$0")/.."

# libedit (the REPL's line editor) is not on a fresh machine.
scripts/ensure-libedit.sh

# The SQL engines the compiled queries are compared on (SQLEngineTests): a throwaway PostgreSQL 15
# server, DuckDB and a local Spark session, installed here when missing. PAPERQL_SQL_ENGINES=none
# skips the comparison.
if [ "${PAPERQL_SQL_ENGINES:-duckdb,postgres,spark}" != none ]; then
    scripts/ensure-sql-engines.sh
    postgres_dir=$(mktemp -d /tmp/paperql-postgres.XXXXXX)
    trap 'scripts/start-postgres.sh --stop "$postgres_dir"' EXIT
    PAPERQL_POSTGRES=$(scripts/start-postgres.sh "$postgres_dir")
    export PAPERQL_POSTGRES
    export PAPERQL_SQL_ENGINES=${PAPERQL_SQL_ENGINES:-duckdb,postgres,spark}
else
    unset PAPERQL_SQL_ENGINES
fi

# Graph formats read back by real readers (the Swift tests' DOT and SVG checks, Tests/formats):
# Graphviz's dot parses the DOT and draws the SVG, networkx reads the GraphML. Installed here,
# before the Swift tests, when missing.
if ! command -v dot >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq graphviz >/dev/null
    else
        echo "Graphviz is missing and this is not root: sudo apt-get install graphviz (the DOT checks will be skipped)"
    fi
fi

swift build --build-tests
swift test --skip-build 2>&1 | tee .build/swift-test.log
grep -qE "Test run with [0-9]+ tests? .*passed|Executed [0-9]+ tests?, with 0 failures" .build/swift-test.log || {
    echo "swift test did not report a passing run" >&2
    exit 1
}

# Fuzz smoke run: every fuzz target a few seconds (scripts/fuzz.sh; saved crash inputs are
# replayed by the Swift tests above). Skipped, with the reason, where the toolchain cannot build
# libFuzzer binaries.
if fuzz_reason=$(scripts/fuzz.sh --check); then
    scripts/fuzz.sh --smoke "${PAPERQL_FUZZ_SMOKE_SECONDS:-5}"
else
    echo "skipping the fuzz smoke run: $fuzz_reason"
fi

# The whole ACL Anthology sample (55,764 papers) through the importer, when ../shared is beside us.
if [ -d ../shared/corpora/acl-anthology-2021/xml ]; then
    scripts/check-acl-counts.sh .build/debug/paperql
else
    echo "skipping the ACL Anthology import check: ../shared/corpora/acl-anthology-2021/xml is not beside the repository"
fi

# End-to-end tests through a pseudo-terminal and through pipes (Python, pexpect).
if [ -d Tests/e2e ]; then
    python3 -c "import pexpect, pytest" 2>/dev/null || python3 -m pip install --quiet pexpect pytest
    python3 -m pytest -q Tests/e2e
fi

# The language server through a real LSP client (pytest-lsp), spec violations as errors.
if [ -d Tests/lsp ]; then
    python3 -c "import pytest_lsp" 2>/dev/null || python3 -m pip install --quiet pytest-lsp
    python3 -m pytest -q Tests/lsp -W error::pytest_lsp.LspSpecificationWarning
fi

# Graph formats read back by real readers (Tests/formats; Graphviz was installed above).
python3 -c "import networkx" 2>/dev/null || python3 -m pip install --quiet networkx
python3 -c "import pytest" 2>/dev/null || python3 -m pip install --quiet pytest
python3 -m pytest -q Tests/formats
