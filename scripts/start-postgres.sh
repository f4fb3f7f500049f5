#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 server in DIR, on 127.0.0.1 and a free port, as a non-root
# user (initdb refuses root), and prints its connection string. Stop it with
#   scripts/start-postgres.sh --stop DIR
set -euo pipefail
BIN=/usr/lib/postgresql/15/bin
if [ "${1:-}" = "--stop" ]; then
    dir=$2
    owner=$(stat -c %U "$dir/data")
    if [ "$(id -u)" -eq 0 ]; then
        su "$owner" -s /bin/sh -c "$BIN/pg_ctl -D '$dir/data' -m immediate stop" >/dev/null 2>&1 || true
    else
        "$BIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    exit 0
fi
dir=$1
mkdir -p "$dir"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run=()
user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
    user=postgres
    id "$user" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$user"
    chown "$user" "$dir"
    chmod 755 "$dir"
    run=(su "$user" -s /bin/sh -c)
else
    run=(sh -c)
fi
"${run[@]}" "$BIN/initdb -D '$dir/data' -U paperql --auth=trust -E UTF8 --locale=C >'$dir/initdb.log' 2>&1"
"${run[@]}" "$BIN/pg_ctl -D '$dir/data' -l '$dir/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k '$dir' -c fsync=off -c full_page_writes=off -c synchronous_commit=off\" start >/dev/null"
echo "host=127.0.0.1 port=$port user=paperql"
