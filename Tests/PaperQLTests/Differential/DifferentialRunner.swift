import Foundation
import PaperQL

/// Runs generated scripts through the engine (`QuerySession`) and through the reference
/// evaluator over one graph, and reports the first disagreement, shrunk to a small script.
struct DifferentialRunner {
    let name: String
    let graph: PaperGraph
    let corpus: ReferenceCorpus

    /// Other identifiers the sources give people, each with the identifier its person is known by.
    let otherIdentifiers: [String: String]

    init(name: String, graph: PaperGraph, otherIdentifiers: [String: String] = [:]) {
        self.name = name
        self.graph = graph
        self.otherIdentifiers = otherIdentifiers
        corpus = ReferenceCorpus(graph, otherIdentifiers: otherIdentifiers)
    }

    /// How many queries a run makes: `PAPERQL_DIFFERENTIAL_SCALE` multiplies the default (a
    /// long local run: `PAPERQL_DIFFERENTIAL_SCALE=40 swift test --filter Differential`).
    static func queries(_ base: Int) -> Int {
        let scale = ProcessInfo.processInfo.environment["PAPERQL_DIFFERENTIAL_SCALE"].flatMap(Int.init) ?? 1
        return base * max(1, scale)
    }

    /// `PAPERQL_DIFFERENTIAL_VERBOSE=1` prints every refused script and why.
    static let verbose = ProcessInfo.processInfo.environment["PAPERQL_DIFFERENTIAL_VERBOSE"] != nil

    func engine(_ text: String) -> Answer {
        var session = QuerySession(graph: graph)
        let outcome = session.run(text, name: "<generated>")
        guard !outcome.hasErrors, let last = outcome.statements.last?.result else { return .rejected }
        return Answer(last, graph: graph)
    }

    /// The script run a statement at a time through `prepare` and `run(_:)` of a prepared query
    /// (the path an embedding program repeats): it must answer as `run` of the whole text does.
    func enginePrepared(_ text: String) -> Answer {
        let parsed = Parser.parse(SourceFile(name: "<generated>", text: text))
        var session = QuerySession(graph: graph)
        var last: QueryResult?
        for statement in parsed.script.statements {
            let bytes = Array(text.utf8)[statement.span.start..<statement.span.end]
            guard case .success(let query) = session.prepare(String(decoding: bytes, as: UTF8.self)),
                let result = try? session.run(query)
            else { return .rejected }
            last = result
        }
        return last.map { Answer($0, graph: graph) } ?? .rejected
    }

    /// Why the engine and the reference disagree on a script, or nil when they agree.
    func disagreement(_ text: String) -> String? {
        compare(text).disagreement
    }

    func compare(_ text: String) -> (disagreement: String?, rejected: Bool) {
        // Every generated script follows the grammar: a syntax error is the parser's fault
        // (both evaluators would refuse it alike and hide it).
        let parsed = Parser.parse(SourceFile(name: "<generated>", text: text))
        if let error = parsed.diagnostics.first(where: { $0.severity == .error }) {
            return ("the parser refused a script that follows the grammar: \(error.message)", true)
        }
        var reference = ReferenceEvaluator(corpus: corpus)
        let expected = reference.run(text).withFacts { corpus.facts(of: $0) }
        let actual = engine(text)
        let ends = reference.pathEnds
        let validPath = { (steps: [(person: Int, via: Int?)]) -> Bool in
            guard let first = steps.first, let last = steps.last,
                ends.sources.contains(first.person), ends.targets.contains(last.person)
            else { return false }
            return zip(steps, steps.dropFirst()).allSatisfy { previous, step in
                guard let via = step.via, corpus.papers.indices.contains(via) else { return false }
                let authors = corpus.papers[via].authors
                return authors.contains(previous.person) && authors.contains(step.person)
            }
        }
        let agrees = actual.agrees(withReference: expected, pathCheck: validPath)
        if agrees {
            // The prepared path is held to the reference too (namesakes included: their order is
            // fixed by their ids, so it is the same in every run).
            let prepared = enginePrepared(text)
            if !prepared.agrees(withReference: expected, pathCheck: validPath) {
                return ("run:      \(actual)\nprepared: \(prepared)\nreference: \(expected)", false)
            }
            return (nil, actual == .rejected)
        }
        var session = QuerySession(graph: graph)
        let diagnostics = session.run(text, name: "<generated>").diagnostics.map { "\($0.message)" }
        return ("engine:    \(actual)\nreference: \(expected)" + (diagnostics.isEmpty ? "" : "\nengine said: \(diagnostics)"),
                actual == .rejected)
    }

    /// Greedily replaces the script by a smaller one that still disagrees.
    func shrink(_ script: GeneratedScript) -> GeneratedScript {
        var current = script
        var steps = 0
        var improved = true
        while improved, steps < 500 {
            improved = false
            for candidate in current.shrinks {
                steps += 1
                if disagreement(candidate.description) != nil {
                    current = candidate
                    improved = true
                    break
                }
            }
        }
        return current
    }

    struct Report {
        var ran = 0
        var rejected = 0
        var failure: String?
    }

    /// Generates `count` scripts from `seed` and compares both evaluators on each; stops at the
    /// first disagreement and returns it shrunk.
    func run(seed: UInt64, count: Int) -> Report {
        var generator = QueryGenerator(graph: graph, seed: seed, otherIdentifiers: otherIdentifiers)
        var report = Report()
        for index in 0..<count {
            let script = generator.script()
            report.ran += 1
            let text = script.description
            let outcome = compare(text)
            if outcome.rejected {
                report.rejected += 1
                if Self.verbose {
                    var session = QuerySession(graph: graph)
                    let said = session.run(text, name: "<generated>").diagnostics.filter { $0.severity == .error }
                    print("refused: \(text.replacingOccurrences(of: "\n", with: "; ")) — \(said.map { "\($0.message)" })")
                }
            }
            guard outcome.disagreement != nil else { continue }
            let small = shrink(script)
            report.failure = """
                \(name), seed \(seed), query #\(index) disagrees with the reference evaluator.
                Shrunk:
                \(small.description)
                \(disagreement(small.description) ?? "")
                Original:
                \(text)
                """
            return report
        }
        return report
    }
}
