import Foundation
import PaperQL
import Testing

/// PaperQL compiled to SQL gives the in-memory engine's answers on real engines: the export of a
/// corpus is loaded into each engine named in `PAPERQL_SQL_ENGINES` (`duckdb,postgres,spark`;
/// `scripts/test.sh` sets it and starts PostgreSQL), and a fixed suite plus generated queries
/// run through `scripts/sql-engine.py` (one engine session for all of them). Rows must agree
/// one for one, in order where the query fixes one (`Answer.agrees`). A failure names the
/// query, the engine, the SQL and both answers.
@Suite(.serialized) struct SQLEngineTests {
    static let engines = (ProcessInfo.processInfo.environment["PAPERQL_SQL_ENGINES"] ?? "")
        .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.compactMap(SQLDialect.init(rawValue:))
    /// Generated queries per corpus; Spark, whose every query costs seconds in local mode, takes
    /// the first `sparkGenerated` of them.
    static let generated = ProcessInfo.processInfo.environment["PAPERQL_SQL_QUERIES"].flatMap(Int.init) ?? 200
    static let sparkGenerated = ProcessInfo.processInfo.environment["PAPERQL_SQL_SPARK_QUERIES"].flatMap(Int.init) ?? 10

    /// Hand-written queries: every construct the compiler knows.
    static let suite = [
        "papers",
        "papers | count",
        "papers by \"lukasz kaiser\"",
        "papers by \"Łukasz Kaiser\" | limit 3",
        "papers by exactly \"lukasz kaiser\"",
        "papers since 2019 | count by year",
        "papers before 2019 or since 2021 | sort by title",
        "papers not since 2019",
        "papers where year != 2018",
        "papers | count by venue",
        "papers | count by authors | limit 10",
        "papers | count by categories",
        "papers | count by institutions",
        "papers | count by type",
        "papers | count by sources",
        "papers | sort by authors desc, title | limit 5",
        "papers | sort by date | limit 7",
        "papers | sort by venue desc, year asc",
        "papers | sort by id",
        "papers | sort by type, title",
        "papers matching \"attention\"",
        "papers matching \"neural networks\"",
        "papers matching \"\\\"language model\\\"\"",
        "papers where title ~ \"learning\"",
        "papers where abstract ~ \"graph\"",
        "papers where authors ~ \"kaiser\"",
        "papers where date < \"2019-06\"",
        "papers where date = \"2020\"",
        "papers where type = \"preprint\"",
        "papers where doi ~ \"10\"",
        "authors",
        "authors | limit 5",
        "authors of (papers since 2020)",
        "authors of (papers since 2020) | sort by name | limit 4",
        "venues",
        "venues of (papers since 2019)",
        "coauthors of \"lukasz kaiser\"",
        "coauthors of \"lukasz kaiser\" within 2",
        "coauthors of \"lukasz kaiser\" within 3 | count",
        "coauthors of \"lukasz kaiser\" or \"ilya sutskever\" | sort by papers",
        "let a = papers since 2020\na by \"lukasz kaiser\" | count",
        "let k = coauthors of \"lukasz kaiser\" | limit 3\ncoauthors of k",
        "let t = authors of (papers since 2020) | sort by name | limit 6\nt | limit 2",
        "(papers | sort by title | limit 5) | count",
        "papers by (authors of (papers since 2021))",
        "papers by \"lukasz kaiser\" and \"samy bengio\"",
        "papers | limit 10 | sort by title | limit 3",
    ]

    /// The default corpus, a random graph, and three volumes of the ACL Anthology when `../shared` is beside the
    /// repository; each engine runs once, over both exports.
    @Test func enginesAgreeWithTheInMemoryEngine() throws {
        guard !Self.engines.isEmpty else {
            print("SQLEngineTests: no engines to compare with (set PAPERQL_SQL_ENGINES=duckdb,postgres,spark; scripts/test.sh does)")
            return
        }
        // A random graph too: people with two identifiers (an ORCID a byline may give instead).
        let random = RandomGraph.generate(seed: 21, papers: 300)
        var corpora = [Corpus(name: "default corpus", graph: defaultGraph, seed: 12),
                       Corpus(name: "random graph 21", graph: random.graph, seed: 21, otherIdentifiers: random.otherIdentifiers)]
        let directory = repositoryRoot.appendingPathComponent("../shared/corpora/acl-anthology-2021/xml").standardized
        if FileManager.default.fileExists(atPath: directory.path) {
            let paths = ["P18.xml", "Q18.xml", "Q19.xml"].map { directory.appendingPathComponent($0).path }
            guard case .success(let loaded) = CorpusLoader.load(paths: paths) else {
                Issue.record("the ACL sample did not load")
                return
            }
            corpora.append(Corpus(name: "ACL Anthology sample (P18, Q18, Q19)", graph: loaded.graph, seed: 2018))
        } else {
            print("SQLEngineTests: the ACL Anthology sample is skipped: ../shared/corpora/acl-anthology-2021/xml is not beside the repository")
        }
        try check(corpora)
    }

    struct Corpus {
        let name: String
        let graph: PaperGraph
        let seed: UInt64
        /// Other identifiers the sources give people, each with the identifier its person is known by.
        var otherIdentifiers: [String: String] = [:]
        var cases: [Case] = []
        var refused: [SQLDialect: [String: Int]] = [:]
        var export = ""

        init(name: String, graph: PaperGraph, seed: UInt64, otherIdentifiers: [String: String] = [:]) {
            self.name = name
            self.graph = graph
            self.seed = seed
            self.otherIdentifiers = otherIdentifiers
        }
    }

    /// Every generated query the engine answers compiles, or is refused with an `sql.` diagnostic
    /// (never an error the checker did not give).
    @Test(arguments: SQLDialect.allCases)
    func everyQueryCompilesOrIsRefusedWithAReason(dialect: SQLDialect) {
        var generator = QueryGenerator(graph: defaultGraph, seed: 99)
        for index in 0..<300 {
            let text = generator.script().description
            var session = QuerySession(graph: defaultGraph)
            guard !session.run(text, name: "<generated>").hasErrors else { continue }
            var compiler = SQLCompiler(graph: defaultGraph, dialect: dialect, namespace: "q\(index)")
            let script = compiler.compile(SourceFile(name: "<generated>", text: text))
            for diagnostic in script.diagnostics where diagnostic.severity == .error {
                #expect(diagnostic.id.hasPrefix("sql."), "\(text): \(diagnostic.message)")
            }
        }
    }

    // MARK: - Running the engines

    struct Case {
        let text: String
        let expected: Answer
        var sql: [SQLDialect: [String]] = [:]
    }

    private func check(_ corpora: [Corpus], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-sql-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var corpora = corpora
        for index in corpora.indices {
            let graph = corpora[index].graph
            let runner = DifferentialRunner(name: corpora[index].name, graph: graph, otherIdentifiers: corpora[index].otherIdentifiers)
            var texts = Self.suite.map { ($0, false) }
            var generator = QueryGenerator(graph: graph, seed: corpora[index].seed, otherIdentifiers: corpora[index].otherIdentifiers)
            for number in 0..<Self.generated { texts.append((generator.script().description, number >= Self.sparkGenerated)) }
            for (number, (text, notOnSpark)) in texts.enumerated() {
                let expected = runner.engine(text)
                if expected == .rejected { continue }
                var item = Case(text: text, expected: expected)
                for dialect in Self.engines where !(dialect == .spark && notOnSpark) {
                    var compiler = SQLCompiler(graph: graph, dialect: dialect, namespace: "q\(number)")
                    let script = compiler.compile(SourceFile(name: "<query>", text: text))
                    if script.diagnostics.hasErrors {
                        for diagnostic in script.diagnostics where diagnostic.severity == .error {
                            corpora[index].refused[dialect, default: [:]][diagnostic.message, default: 0] += 1
                        }
                        continue
                    }
                    item.sql[dialect] = script.statements.map(\.sql)
                }
                corpora[index].cases.append(item)
            }
            corpora[index].export = directory.appendingPathComponent("corpus\(index)").path
            try RelationalExporter(graph: graph).export(to: corpora[index].export)
        }
        for dialect in Self.engines {
            var jobs: [(export: String, batch: String, out: String)] = []
            for (index, corpus) in corpora.enumerated() {
                let batch = directory.appendingPathComponent("\(dialect.rawValue)-\(index).jsonl").path
                var lines = ""
                for (number, item) in corpus.cases.enumerated() {
                    guard let statements = item.sql[dialect] else { continue }
                    let data = try JSONSerialization.data(withJSONObject: ["id": number, "statements": statements] as [String: Any])
                    lines += String(decoding: data, as: UTF8.self) + "\n"
                }
                try lines.write(toFile: batch, atomically: true, encoding: .utf8)
                jobs.append((corpus.export, batch, directory.appendingPathComponent("\(dialect.rawValue)-\(index)-out.jsonl").path))
            }
            let started = Date()
            try runEngine(dialect, jobs: jobs)
            let seconds = Date().timeIntervalSince(started)
            for (index, corpus) in corpora.enumerated() {
                compare(corpus, dialect, out: jobs[index].out, seconds: seconds, sourceLocation: sourceLocation)
            }
        }
    }

    private func compare(_ corpus: Corpus, _ dialect: SQLDialect, out: String, seconds: Double, sourceLocation: Testing.SourceLocation) {
        var compared = 0
        var beyondBound = 0
        var failures: [String] = []
        let lines = (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
        for line in lines.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let number = object["id"] as? Int
            else { continue }
            let item = corpus.cases[number]
            let sql = item.sql[dialect]!.joined(separator: ";\n")
            compared += 1
            if let error = object["error"] as? String {
                failures.append("\(dialect.rawValue) failed on\n\(item.text)\nSQL:\n\(sql)\nerror: \(error)")
                continue
            }
            let rows = object["rows"] as? [[Any]] ?? []
            let actual = Self.answer(rows, like: item.expected)
            // A path longer than the SQL's bound is not searched; it says so (step -1). The
            // engine must then have found no path, or a longer one.
            if case .path(let steps) = actual, steps.first?.person == -1 {
                beyondBound += 1
                if case .path(let expected) = item.expected, !expected.isEmpty, expected.count <= SQLCompiler.defaultPathBound + 1 {
                    failures.append("\(dialect.rawValue) gave up on a path the engine found within the bound\n\(item.text)\nengine: \(item.expected)\nSQL:\n\(sql)")
                }
                continue
            }
            if case .path(let steps) = actual, !steps.isEmpty, !Self.isPath(steps, in: corpus.graph) {
                failures.append("\(dialect.rawValue) gave a chain that is not a path on\n\(item.text)\n\(dialect.rawValue): \(actual)\nSQL:\n\(sql)")
                continue
            }
            if !actual.agrees(withReference: item.expected, pathCheck: nil) {
                failures.append("\(dialect.rawValue) disagrees on\n\(item.text)\n\(dialect.rawValue): \(actual)\nengine:   \(item.expected)\nSQL:\n\(sql)")
            }
        }
        let expectedCount = corpus.cases.filter { $0.sql[dialect] != nil }.count
        let refused = corpus.refused[dialect] ?? [:]
        print("SQLEngineTests: \(corpus.name): \(dialect.rawValue): \(compared) of \(expectedCount) queries compared, \(failures.count) disagreements (refused by the compiler: \(refused.isEmpty ? "none" : "\(refused)"); paths beyond the bound: \(beyondBound)); the engine took \(String(format: "%.1f", seconds))s for every corpus")
        for failure in failures.prefix(5) { Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation) }
        #expect(compared == expectedCount, "\(dialect.rawValue) answered \(compared) of \(expectedCount) queries", sourceLocation: sourceLocation)
    }

    /// Each step shares its paper with the step before.
    static func isPath(_ steps: [(person: Int, via: Int?)], in graph: PaperGraph) -> Bool {
        zip(steps, steps.dropFirst()).allSatisfy { previous, step in
            guard let via = step.via, via >= 0, via < graph.paperCount else { return false }
            let authors = graph.authors(of: PaperID(UInt32(via))).map { Int($0.rawValue) }
            return authors.contains(previous.person) && authors.contains(step.person)
        }
    }

    private func runEngine(_ dialect: SQLDialect, jobs: [(export: String, batch: String, out: String)]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", repositoryRoot.appendingPathComponent("scripts/sql-engine.py").path,
                             "--engine", dialect.rawValue] + jobs.flatMap { ["--job", $0.export, $0.batch, $0.out] }
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 {
            throw EngineFailure(message: "scripts/sql-engine.py --engine \(dialect.rawValue) exited with \(process.terminationStatus)")
        }
    }

    struct EngineFailure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    /// The engine's rows (see `SQLCompiler`'s output columns) as an answer of the expected kind.
    static func answer(_ rows: [[Any]], like expected: Answer) -> Answer {
        func int(_ value: Any) -> Int? { (value as? NSNumber)?.intValue }
        func text(_ value: Any) -> String? { value as? String }
        switch expected {
        case .papers:
            return .papers(rows.map { int($0[0]) ?? -1 })
        case .authors:
            return .authors(rows.map {
                Answer.AuthorRow(person: int($0[0]) ?? -1, name: text($0[1]) ?? "", papers: int($0[2]) ?? -1,
                                 shared: int($0[3]), distance: int($0[4]))
            })
        case .venues:
            return .venues(rows.map { Answer.VenueRow(name: text($0[0]) ?? "", papers: int($0[1]) ?? -1) })
        case .groups:
            return .groups(rows.map { Answer.GroupRow(key: text($0[0]), count: int($0[1]) ?? -1) })
        case .count:
            return .count(rows.first.flatMap { int($0[0]) } ?? -1)
        case .path:
            return .path(rows.map { (int($0[1]) ?? -1, int($0[3])) })
        default:
            return .rejected
        }
    }
}
