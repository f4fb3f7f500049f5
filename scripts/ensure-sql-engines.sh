#!/usr/bin/env bash
# Installs what the SQL engine comparison needs on a fresh machine: PostgreSQL 15 (Debian's
# package), Java (for Spark) and the Python clients (duckdb, pyspark, psycopg2).
#   scripts/ensure-sql-engines.sh
set -euo pipefail
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
missing=()
[ -x /usr/lib/postgresql/15/bin/initdb ] || missing+=(postgresql-15)
command -v psql >/dev/null || missing+=(postgresql-client-15)
command -v java >/dev/null || missing+=(openjdk-17-jre-headless)
if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi
python3 -c "import duckdb, pyspark, psycopg2" 2>/dev/null ||
    python3 -m pip install --quiet duckdb pyspark psycopg2-binary
