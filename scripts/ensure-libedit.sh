#!/usr/bin/env bash
# Makes sure libedit's headers are installed (Debian: libedit-dev); installs them when root.
set -euo pipefail
if [ -f /usr/include/editline/readline.h ] && pkg-config --exists libedit 2>/dev/null; then
    exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing libedit-dev (the REPL's line-editing library)..." >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q libedit-dev >/dev/null 2>&1 || {
        apt-get update -q >/dev/null 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q libedit-dev >/dev/null
    }
    exit 0
fi
echo "error: libedit-dev is missing. Install it with:  sudo apt-get install -y libedit-dev" >&2
exit 1
