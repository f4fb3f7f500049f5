// paperql-bench: loads a corpus (JSON Lines, then its snapshot), runs the benchmark queries
// Q1–Q8 of ../shared/bench/baseline.py written in PaperQL, and writes the figures as JSON.
//
//   paperql-bench --data corpus_1m.jsonl --probes corpus_1m.probes.json --out results.json
//
// Build it in release mode (`swift build -c release --product paperql-bench`); the comparison
// with SQLite and DuckDB is `scripts/bench-compare.sh`.
import Foundation
import PaperQL
import PaperQLBatch

struct Arguments {
    var data = ""
    var probes = ""
    var output = "paperql-bench.json"
    var snapshot: String?
    var runs = 20
    var budgetSeconds = 20.0
    /// Only these queries (`Q1,Q6`), for profiling.
    var only: Set<String> = []
    /// Read each text cell as a Swift `String` (`GraphText.string`, an allocation for text over
    /// 15 bytes) instead of reading its bytes in place: what a program that keeps the text pays.
    var strings = false
    /// Read each cell as a `ResultValue` (the row's subscript: a counted reference per text cell)
    /// instead of in place (`ResultRows.withCells`, `BorrowedCell`).
    var values = false
    /// Run each query from its text (`QuerySession.run`, which finds the compiled text again)
    /// instead of as a prepared query (`QuerySession.prepare`, then `run` of it).
    var text = false

    init() {
        var iterator = CommandLine.arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--data": data = iterator.next() ?? ""
            case "--probes": probes = iterator.next() ?? ""
            case "--out": output = iterator.next() ?? output
            case "--snapshot": snapshot = iterator.next()
            case "--runs": runs = Int(iterator.next() ?? "") ?? runs
            case "--budget": budgetSeconds = Double(iterator.next() ?? "") ?? budgetSeconds
            case "--only": only = Set((iterator.next() ?? "").split(separator: ",").map(String.init))
            case "--strings": strings = true
            case "--values": values = true
            case "--text": text = true
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
        if data.isEmpty {
            FileHandle.standardError.write(Data("usage: paperql-bench --data FILE.jsonl [--probes FILE.probes.json] [--out FILE.json] [--snapshot FILE.pqg] [--runs N] [--only Q1,Q2] [--strings | --values] [--text]\n".utf8))
            exit(2)
        }
        if probes.isEmpty {
            probes = data.replacingOccurrences(of: ".jsonl", with: ".probes.json").replacingOccurrences(of: ".pqg", with: ".probes.json")
        }
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func currentRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        let parts = line.split(separator: " ")
        if parts.count >= 2, let kilobytes = Double(parts[1]) { return kilobytes / 1024 }
    }
    return 0
}

func log(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}

func quoted(_ text: String) -> String {
    "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
}

let arguments = Arguments()
var results: [String: Any] = ["engine": "paperql", "data": arguments.data, "date": ISO8601DateFormatter().string(from: Date())]

// MARK: - Load

log("loading \(arguments.data)")
let loadStart = now()
let loadCPUStart = ProcessUsage.cpuSeconds
let graph: PaperGraph
switch CorpusLoader.load(paths: [arguments.data]) {
case .success(let loaded): graph = loaded.graph
case .failure(let failure):
    for error in failure.errors { log("\(error)") }
    exit(2)
}
let loadSeconds = now() - loadStart
results["load_jsonl_s"] = loadSeconds
results["load_cpu_s"] = ProcessUsage.cpuSeconds - loadCPUStart
results["rss_after_jsonl_load_mb"] = currentRSSMegabytes()
results["peak_rss_jsonl_load_mb"] = ProcessUsage.peakResidentMiB
results["papers"] = graph.paperCount
results["authors"] = graph.authorCount
results["authorships"] = graph.authorshipCount
log("loaded \(graph.paperCount) papers, \(graph.authorCount) authors in \(String(format: "%.2f", loadSeconds)) s")

// MARK: - Snapshot

let inputIsSnapshot = GraphSnapshotFile.isSnapshot(path: arguments.data)
let snapshotPath = inputIsSnapshot ? NSTemporaryDirectory() + "/paperql-bench-\(getpid()).pqg"
    : arguments.snapshot ?? (arguments.data.replacingOccurrences(of: ".jsonl", with: "") + ".pqg")
defer { if inputIsSnapshot { try? FileManager.default.removeItem(atPath: snapshotPath) } }
let writeStart = now()
do { try graph.writeSnapshot(to: snapshotPath) } catch {
    log("snapshot: \(error)")
    exit(2)
}
results["snapshot_write_s"] = now() - writeStart
results["snapshot_path"] = inputIsSnapshot ? arguments.data : snapshotPath
results["snapshot_bytes"] = (try? FileManager.default.attributesOfItem(atPath: snapshotPath)[.size] as? Int) ?? 0
var snapshotLoads: [Double] = []
var reloaded: PaperGraph?
for _ in 0..<3 {
    let start = now()
    reloaded = try? PaperGraph.loadSnapshot(from: snapshotPath)
    snapshotLoads.append(now() - start)
}
results["snapshot_load_s"] = snapshotLoads.sorted()[1]
log("snapshot: wrote in \(String(format: "%.2f", results["snapshot_write_s"] as? Double ?? 0)) s, loads in \(String(format: "%.3f", snapshotLoads.sorted()[1])) s")
guard let snapshotGraph = reloaded else {
    log("the snapshot did not load back")
    exit(2)
}
results["snapshot_answers_match"] = snapshotGraph.paperCount == graph.paperCount && snapshotGraph.authorCount == graph.authorCount

// MARK: - Queries

struct Probes {
    let authors: [String: String]
    let venues: [String: String]
    let words: [String: [String]]
    let since: Int

    init(path: String) {
        let object = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as? [String: Any] ?? [:]
        let authorObjects = object["authors"] as? [String: [String: Any]] ?? [:]
        authors = authorObjects.compactMapValues { $0["name"] as? String }
        venues = (object["venues"] as? [String: [String: Any]] ?? [:]).compactMapValues { $0["name"] as? String }
        words = object["words"] as? [String: [String]] ?? [:]
        since = object["since_year"] as? Int ?? 2015
    }
}

let probes = Probes(path: arguments.probes)
var cases: [(id: String, level: String, query: String)] = []
for level in ["top", "median", "tail"] {
    guard let name = probes.authors[level] else { continue }
    cases.append(("Q1", level, "papers by exactly \(quoted(name)) since \(probes.since) | show id, title, year"))
}
for level in ["top", "median", "tail"] {
    guard let name = probes.authors[level] else { continue }
    cases.append(("Q2", level, "coauthors of exactly \(quoted(name))"))
}
for level in ["top", "median", "tail"] {
    guard let name = probes.authors[level] else { continue }
    cases.append(("Q3", level, "papers by exactly \(quoted(name)) | count by year"))
}
for level in ["common", "mid", "rare"] {
    guard let pair = probes.words[level], pair.count == 2 else { continue }
    cases.append(("Q4", level, "papers matching \(quoted("\(pair[0]) \(pair[1])")) since \(probes.since) | show id, title, year"))
}
for level in ["top", "median"] {
    guard let venue = probes.venues[level] else { continue }
    cases.append(("Q5", level, "authors of (papers at \(quoted(venue))) | limit 20"))
}
for level in ["top", "median", "tail"] {
    guard let name = probes.authors[level] else { continue }
    cases.append(("Q6", level, "coauthors of exactly \(quoted(name)) within 2 | count"))
}
for (label, a, b) in [("top-median", "top", "median"), ("tail-tail2", "tail", "tail2")] {
    guard let from = probes.authors[a], let to = probes.authors[b] else { continue }
    cases.append(("Q7", label, "path from exactly \(quoted(from)) to exactly \(quoted(to))"))
}
cases.append(("Q8", "all", "papers | count by year"))
if !arguments.only.isEmpty { cases = cases.filter { arguments.only.contains($0.id) } }

/// One session for all runs, as an embedding program keeps one. Each query is prepared once and
/// run again and again, as Python's sqlite3 keeps prepared statements (`--text`: run from its
/// text, which the session finds compiled). The first run of each query, in a fresh session,
/// prepared then run, is reported separately (`first_ms`).
var session = QuerySession(graph: graph)

/// What the runs read from the cells, kept so that the reading is not optimized away.
var cellChecksum = 0

/// Reads a cell the way a program fetching the rows would: every byte of its text (SQLite's
/// `fetchall` copies each text into a Python string), its number, each item of a list. With
/// `--strings`, each text is first made a `String` and its bytes read from that. Not isolated to
/// the main actor (a global read there is an executor check per cell).
func touch(_ value: ResultValue, strings: Bool) -> Int {
    func sum(_ text: GraphText) -> Int {
        if strings {
            var string = text.string
            return string.withUTF8(sumBytes)
        }
        return text.withUTF8(sumBytes)
    }
    switch value {
    case .text(let text): return sum(text)
    case .integer(let number): return number
    case .list(let items): return items.reduce(0) { $0 &+ sum($1) }
    case .bool(let flag): return flag ? 1 : 0
    case .null: return 0
    }
}

/// Every byte of a text, read eight at a time (as a program copying the text moves it; a loop
/// over single bytes cost more than the query it read).
func sumBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let base = bytes.baseAddress else { return 0 }
    let raw = UnsafeRawPointer(base)
    var total = bytes.count
    var offset = 0
    while offset + 8 <= bytes.count {
        total &+= Int(truncatingIfNeeded: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        offset += 8
    }
    while offset < bytes.count {
        total &+= Int(base[offset])
        offset += 1
    }
    return total
}

/// `touch` of a cell read in place.
func touch(_ cell: BorrowedCell, strings: Bool) -> Int {
    switch cell {
    case .text(let bytes):
        if strings {
            var string = String(decoding: bytes, as: UTF8.self)
            return string.withUTF8(sumBytes)
        }
        return sumBytes(bytes)
    case .integer(let number): return number
    case .null: return 0
    case .value(let value): return touch(value, strings: strings)
    }
}

/// Runs a query to the end: checked, planned, evaluated, and every cell of every row read
/// through the library's rows (`ResultRows.withCells`, or each `ResultValue` with `--values`), as an
/// embedding program reads them.
@MainActor func runOnce(_ query: String, prepared: PreparedQuery? = nil, fresh: Bool = false)
    -> (rows: Int, value: Int?, seconds: Double, prepared: PreparedQuery?)
{
    let start = now()
    if fresh { session = QuerySession(graph: graph) }
    var results: [QueryResult] = []
    var failure: [Diagnostic] = []
    var preparedQuery = prepared
    if arguments.text {
        let outcome = session.run(query)
        results = outcome.statements.compactMap(\.result)
        if outcome.hasErrors { failure = outcome.diagnostics }
    } else {
        do throws(PreparedQuery.Failure) {
            if preparedQuery == nil { preparedQuery = try session.prepare(query).get() }
            results = [try session.run(preparedQuery!)]
        } catch {
            failure = error.diagnostics
        }
    }
    var rows = 0
    var value: Int?
    for result in results {
        switch result {
        case .count(let count): value = count; rows = 1
        case .path(let path): value = path.found ? path.length : nil; rows = path.steps.count
        default:
            var checksum = 0
            let strings = arguments.strings
            let resultRows = ResultRows(result, graph: graph)
            if arguments.values {
                for row in resultRows {
                    for value in row { checksum &+= touch(value, strings: strings) }
                }
            } else {
                for row in resultRows.indices {
                    resultRows.withCells(ofRow: row) { _, cell in checksum &+= touch(cell, strings: strings) }
                }
            }
            rows += resultRows.count
            cellChecksum &+= checksum
        }
    }
    let seconds = now() - start
    if !failure.isEmpty {
        log("query failed: \(query)")
        for diagnostic in failure { log("  \(diagnostic.message)") }
    }
    return (rows, value, seconds, preparedQuery)
}

var queryResults: [[String: Any]] = []
for testCase in cases {
    let first = runOnce(testCase.query, fresh: true)
    let prepared = runOnce(testCase.query).prepared
    var timings: [Double] = []
    let runs = first.seconds * Double(arguments.runs) > arguments.budgetSeconds
        ? max(3, Int(arguments.budgetSeconds / max(first.seconds, 1e-9))) : arguments.runs
    while timings.count < runs { timings.append(runOnce(testCase.query, prepared: prepared).seconds) }
    timings.sort()
    let median = timings[timings.count / 2]
    let p99 = timings[min(timings.count - 1, Int((Double(timings.count) * 0.99).rounded(.up)) - 1)]
    var entry: [String: Any] = [
        "query": testCase.id, "level": testCase.level, "paperql": testCase.query, "rows": first.rows,
        "median_ms": median * 1000, "p99_ms": p99 * 1000, "runs": timings.count, "first_ms": first.seconds * 1000,
    ]
    if let value = first.value { entry["value"] = value }
    queryResults.append(entry)
    log(String(format: "%@ %-10@ %10.3f ms  (p99 %.3f, %d rows)  %@", testCase.id, testCase.level, median * 1000, p99 * 1000,
               first.rows, testCase.query))
}
results["queries"] = queryResults
results["cell_checksum"] = cellChecksum
results["queries_run_as"] = arguments.text ? "text (QuerySession.run)" : "prepared (QuerySession.prepare, run)"
results["cells_read_as"] = (arguments.strings ? "String" : "bytes in place") + (arguments.values ? ", through ResultValue" : ", through BorrowedCell")
results["peak_rss_mb"] = ProcessUsage.peakResidentMiB

// Start-up: the query on the default corpus from process start to exit is measured by the
// comparison script with the real binary; this in-process figure is the default corpus build.
let defaultStart = now()
_ = DefaultCorpus.load()
results["default_corpus_build_ms"] = (now() - defaultStart) * 1000

let json = try JSONSerialization.data(withJSONObject: results, options: [.prettyPrinted, .sortedKeys])
try json.write(to: URL(fileURLWithPath: arguments.output))
log("wrote \(arguments.output)")
