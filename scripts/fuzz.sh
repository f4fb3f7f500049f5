#!/usr/bin/env bash
# Fuzzes PaperQL with libFuzzer (the Swift toolchain's own): every input surface is a target of
# one fuzzer binary, built with swiftc from the library's sources and Fuzz/ (SwiftPM cannot link
# a libFuzzer executable).
#
#   scripts/fuzz.sh TARGET SECONDS [libFuzzer flags...]   fuzz one target (e.g. query 1800)
#   scripts/fuzz.sh all SECONDS                           every target in turn, SECONDS each
#   scripts/fuzz.sh --smoke SECONDS                       every target briefly; fails on a finding
#   scripts/fuzz.sh --replay TARGET FILE...               run saved inputs once (a crash reproduces)
#   scripts/fuzz.sh --check                               can this toolchain build fuzzers?
#   scripts/fuzz.sh --build                               build only
#
# Targets: query service bibtex arxiv dblp openalex acl csv native snapshot lsp (Fuzz/FuzzTargets*.swift).
# Seeds come from the test fixtures, the examples and the language cases, plus Fuzz/seeds/ and
# every saved regression in Fuzz/regressions/TARGET/. The growing corpus is kept in
# .build-fuzzer/corpus/TARGET; crashes, timeouts and memory blow-ups are written to
# .build-fuzzer/findings/TARGET/. Once fixed, copy the input to Fuzz/regressions/TARGET/: the
# test suite replays it (FuzzRegressionTests) without libFuzzer.
set -euo pipefail
cd "$(dirname "$0")/.."

out=.build-fuzzer
binary="$out/paperql-fuzz"
# The harness writes each input to a file under the temporary folder (one folder per process):
# keep those in the build folder and remove them when the script ends.
export TMPDIR="$PWD/$out/tmp"
mkdir -p "$TMPDIR"
trap 'rm -rf "$TMPDIR"' EXIT
targets=(query service bibtex arxiv dblp openalex acl csv native snapshot lsp)
fixtures=Tests/PaperQLTests/Fixtures/import

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }

check() {
    mkdir -p "$out/check"
    printf '%s\n' '@_cdecl("LLVMFuzzerTestOneInput") public func f(_ d: UnsafePointer<UInt8>, _ n: Int) -> CInt { 0 }' \
        > "$out/check/probe.swift"
    if ! command -v swiftc >/dev/null; then echo "swiftc is not on PATH"; return 1; fi
    if ! swiftc -sanitize=fuzzer,address -parse-as-library "$out/check/probe.swift" -o "$out/check/probe" \
        >"$out/check/log" 2>&1; then
        echo "this Swift toolchain cannot build a libFuzzer binary ($(head -n 1 "$out/check/log"))"
        return 1
    fi
    if ! "$out/check/probe" -runs=1 >/dev/null 2>&1; then echo "a libFuzzer binary built but does not run"; return 1; fi
}

build() {
    mkdir -p "$out"
    # Rebuilt only when a library or harness source changed (or never, with PAPERQL_FUZZ_NO_REBUILD=1).
    if [ -x "$binary" ] && [ -n "${PAPERQL_FUZZ_NO_REBUILD:-}" ]; then return 0; fi
    if [ -x "$binary" ] && [ -z "$(find Sources/PaperQL Sources/PaperQLLSP Fuzz -name '*.swift' -newer "$binary" -print -quit)" ]; then
        return 0
    fi
    echo "building the fuzzer ($binary)..." >&2
    # Three steps: the library and the language server as static libraries built for testing
    # (the harness reaches internal API through `@testable import`), then the harness.
    local flags=(-sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -suppress-warnings -enable-testing)
    local library_sources server_sources
    mapfile -t library_sources < <(find Sources/PaperQL -name '*.swift' | sort)
    mapfile -t server_sources < <(find Sources/PaperQLLSP -name '*.swift' | sort)
    mkdir -p "$out/modules"
    swiftc "${flags[@]}" -wmo -num-threads 2 -module-name PaperQL -I Sources/CMalloc -I Sources/CPrefetch \
        -emit-library -static -emit-module -emit-module-path "$out/modules/PaperQL.swiftmodule" \
        "${library_sources[@]}" -o "$out/libPaperQL.a"
    swiftc "${flags[@]}" -wmo -num-threads 2 -module-name PaperQLLSP -I "$out/modules" -I Sources/CMalloc -I Sources/CPrefetch \
        -emit-library -static -emit-module -emit-module-path "$out/modules/PaperQLLSP.swiftmodule" \
        "${server_sources[@]}" -o "$out/libPaperQLLSP.a"
    swiftc "${flags[@]}" -use-ld=lld -module-name PaperQLFuzz -I "$out/modules" -I Sources/CMalloc -I Sources/CPrefetch \
        Fuzz/FuzzTargets.swift Fuzz/FuzzTargets+LSP.swift Fuzz/FuzzEntry.swift \
        "$out/libPaperQLLSP.a" "$out/libPaperQL.a" -o "$binary.tmp"
    mv "$binary.tmp" "$binary"
}

# Splits the language cases (query, ----, expected output) into one seed per query.
case_queries() {
    python3 - "$1" Tests/PaperQLTests/Cases/*.test Examples/*.pql <<'EOF'
import os, sys
out = sys.argv[1]
count = 0
for path in sys.argv[2:]:
    text = open(path, encoding="utf-8").read()
    if path.endswith(".pql"):
        blocks = [text]
    else:
        blocks, query, in_expected = [], [], False
        for line in text.split("\n"):
            if line == "----":
                blocks.append("\n".join(query)); query = []; in_expected = True
            elif in_expected:
                if line == "": in_expected = False
            elif line and not line.startswith("#"):
                query.append(line)
    for block in blocks:
        if block.strip():
            count += 1
            open(os.path.join(out, "case-%04d" % count), "w", encoding="utf-8").write(block)
EOF
}

# The seed folder of a target, made fresh from the fixtures.
seeds() {
    local target=$1 dir="$out/seeds/$1"
    rm -rf "$dir"
    mkdir -p "$dir"
    case "$target" in
        query|service) case_queries "$dir" ;;
        bibtex) cp "$fixtures"/*.bib "$fixtures"/broken/*.bib "$dir"/ ;;
        arxiv) cp "$fixtures"/arxiv-metadata-sample.json "$fixtures"/broken/bad-lines-arxiv.json "$dir"/ ;;
        dblp) cp "$fixtures"/dblp-sample.xml "$fixtures"/broken/*dblp*.xml "$dir"/ ;;
        acl) cp "$fixtures"/broken/*acl*.xml "$dir"/ ;;
        openalex) cp "$fixtures"/openalex-works-sample.jsonl "$dir"/ ;;
        csv) cp "$fixtures"/*.csv "$fixtures"/broken/*.csv "$dir"/ ;;
        native) head -n 12 Corpus/default-corpus.jsonl > "$dir/default-head.jsonl"; cp "$fixtures"/broken/*.bib "$dir"/ 2>/dev/null || true ;;
        lsp) cp Fuzz/seeds/lsp/* "$dir"/ 2>/dev/null || true ;;
        snapshot) PAPERQL_FUZZ_WRITE_SEED_SNAPSHOT="$dir/seed.pqg" PAPERQL_FUZZ_TARGET=snapshot "$binary" >/dev/null 2>&1 ;;
    esac
    if [ -d "Fuzz/seeds/$target" ]; then cp "Fuzz/seeds/$target"/* "$dir"/ 2>/dev/null || true; fi
    echo "$dir"
}

dictionary() {
    case "$1" in
        query|service) echo Fuzz/dictionaries/query.dict ;;
        bibtex) echo Fuzz/dictionaries/bibtex.dict ;;
        dblp|acl) echo Fuzz/dictionaries/xml.dict ;;
        csv) echo Fuzz/dictionaries/csv.dict ;;
        lsp) echo Fuzz/dictionaries/lsp.dict ;;
        *) echo Fuzz/dictionaries/json.dict ;;
    esac
}

# fuzz TARGET SECONDS [flags]: returns non-zero when libFuzzer found something.
fuzz() {
    local target=$1 seconds=$2
    shift 2
    # The smoke run starts from the seeds alone (a grown corpus would take longer to replay).
    local corpus="$out/${FUZZ_CORPUS_KIND:-corpus}/$target" findings="$out/findings/$target" seed
    if [ -n "${FUZZ_CORPUS_KIND:-}" ]; then rm -rf "$corpus"; fi
    mkdir -p "$corpus" "$findings" "Fuzz/regressions/$target"
    seed=$(seeds "$target")
    local max_len=4096
    case "$target" in query|service) max_len=2048 ;; snapshot) max_len=65536 ;; lsp) max_len=8192 ;; esac
    echo "fuzzing $target for ${seconds}s (corpus $corpus, findings $findings)" >&2
    # No leak checking: leaks are not what these targets look for, and memory blow-ups are
    # caught by -rss_limit_mb. (It was first turned off for FoundationXML's leak of one CFError
    # string per parse error; the XML importers no longer use it, and turning it on is untried.)
    ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" PAPERQL_FUZZ_TARGET="$target" "$binary" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 \
        -rss_limit_mb=2048 -detect_leaks=0 -dict="$(dictionary "$target")" -artifact_prefix="$findings/" -print_final_stats=1 \
        "$@" "$corpus" "$seed" "Fuzz/regressions/$target"
}

case "${1:-}" in
    --check) check ;;
    --build) build ;;
    --replay)
        [ $# -ge 3 ] || usage
        build
        target=$2
        shift 2
        ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" PAPERQL_FUZZ_TARGET="$target" "$binary" -runs=1 "$@"
        ;;
    --smoke)
        seconds=${2:-8}
        build
        failed=()
        for target in "${targets[@]}"; do
            if ! FUZZ_CORPUS_KIND=smoke-corpus fuzz "$target" "$seconds" 2>"$out/smoke-$target.log"; then
                failed+=("$target")
                tail -n 40 "$out/smoke-$target.log" >&2
            else
                grep -E '^stat::number_of_executed_units' "$out/smoke-$target.log" | sed "s/^/$target: /" >&2 || true
            fi
        done
        if [ ${#failed[@]} -gt 0 ]; then
            echo "fuzz smoke run: findings in ${failed[*]} (inputs in $out/findings/)" >&2
            exit 1
        fi
        echo "fuzz smoke run: ${#targets[@]} targets, ${seconds}s each, no findings" >&2
        ;;
    all)
        [ $# -ge 2 ] || usage
        build
        for target in "${targets[@]}"; do fuzz "$target" "$2"; done
        ;;
    ""|-h|--help) usage ;;
    *)
        [ $# -ge 2 ] || usage
        [[ " ${targets[*]} " == *" $1 "* ]] || { echo "unknown target $1; targets: ${targets[*]}" >&2; exit 2; }
        build
        fuzz "$@"
        ;;
esac
