#!/usr/bin/env bash
# How much of an import is the kernel handing out fresh pages: the same import run alternately
# as is and with glibc's malloc asking for transparent huge pages (GLIBC_TUNABLES
# glibc.malloc.hugetlb=1: malloc's own mmaps are madvised MADV_HUGEPAGE). Prints wall, user and
# system seconds, peak RSS and minor page faults per run, from /usr/bin/time.
#   scripts/measure-page-faults.sh FILE [RUNS] [PAPERQL_BINARY]
set -euo pipefail
file="$1"
runs="${2:-2}"
paperql="${3:-$(cd "$(dirname "$0")/.." && pwd)/.build/release/paperql}"
echo "thp: $(cat /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || echo unknown); kernel $(uname -r); $(ldd --version | head -n 1)"
echo "mode      wall s  user s  sys s  peak RSS MiB  minor faults"
for run in $(seq "$runs"); do
    for mode in plain hugetlb; do
        if [ "$mode" = hugetlb ]; then export GLIBC_TUNABLES=glibc.malloc.hugetlb=1; else unset GLIBC_TUNABLES; fi
        /usr/bin/time -f "%e %U %S %M %R" -o /tmp/measure-page-faults.$$ "$paperql" import "$file" >/dev/null 2>&1
        read -r wall user system rss minor < /tmp/measure-page-faults.$$
        printf "%-8s %7.2f %7.2f %6.2f %13.0f %13d\n" "$mode" "$wall" "$user" "$system" "$((rss / 1024))" "$minor"
    done
done
unset GLIBC_TUNABLES
rm -f /tmp/measure-page-faults.$$
