import Foundation
import PaperQL
import Testing

/// Cancelling long queries: every kind of long evaluation stops with `.cancelled` when the flag is
/// set, whether before it starts or while it runs, and the session goes on.
@Suite struct CancellationTests {
    /// Queries that each spend their time in a different loop of the evaluator.
    static let longQueries = [
        #"papers where abstract ~ "e""#,  // a row-by-row text scan
        #"papers where abstract ~ "e" | count"#,
        #"papers matching '"sparse memory"'"#,  // a phrase check over every paper with both words
        "papers | sort by title",
        "papers | count by authors",
        "papers | count by year",
        "authors of (papers)",
        "venues of (papers)",
        "authors",
        "authors | sort by name",
        #"coauthors of "Author 0""#,
        #"coauthors of "Author 0" or "Author 2""#,
        #"coauthors of "Author 0" within 5"#,
        #"coauthors of "Author 0" within 5 | count"#,
        #"path from "Author 0" to "Author 100000""#,  // no path: both sides search their whole half
        #"path from (coauthors of "Author 0") to (coauthors of "Author 100000")"#,
    ]

    /// The same stages over a `let` name, whose value is read without any work: a flag set
    /// beforehand is first seen by the stage's own loop.
    static let stagesOverABoundSet = [
        "all | sort by title",
        "all | sort by year, venue desc",
        "all | count by authors",
        "all | count by year",
        "all | count by venue | sort by count",
        "all | limit 100 | sort by title",
        "people | sort by name",
        "papers by people | count",
        "coauthors of people | count",
    ]

    @Test(arguments: longQueries + stagesOverABoundSet)
    func aFlagSetBeforehandStopsTheQuery(_ query: String) throws {
        let flag = CancellationFlag()
        flag.cancel()
        let evaluator = Evaluator(graph: LongQueryCorpus.graph, bindings: LongQueryCorpus.bindings, cancellation: flag)
        let plan = try Self.plan(query)
        #expect(throws: EvaluationError.cancelled) { try evaluator.evaluate(plan) }
    }

    /// Each of these takes from a tenth of a second to seconds in a debug build over this corpus;
    /// the flag is set two milliseconds after it starts, so it is stopped inside its loops. Nothing
    /// is timed: a busy machine only makes the queries longer.
    @Test(arguments: [
        #"papers where abstract ~ "e" | count"#,
        #"papers matching '"sparse memory"'"#,
        "papers | sort by title",
        #"coauthors of "Author 0" within 5 | count"#,
        #"path from "Author 0" to "Author 100000""#,
    ])
    func aFlagSetWhileTheQueryRunsStopsIt(_ query: String) throws {
        let flag = CancellationFlag()
        let evaluator = Evaluator(graph: LongQueryCorpus.graph, bindings: LongQueryCorpus.bindings, cancellation: flag)
        let plan = try Self.plan(query)
        let canceller = Thread {
            Thread.sleep(forTimeInterval: 0.002)
            flag.cancel()
        }
        canceller.start()
        #expect(throws: EvaluationError.cancelled) { try evaluator.evaluate(plan) }
    }

    @Test func aCancelledStatementIsReportedAndTheSessionGoesOn() throws {
        var session = QuerySession(graph: LongQueryCorpus.graph)
        let flag = CancellationFlag()
        #expect(!session.run(#"let mine = papers by "Author 0""#).hasErrors)
        flag.cancel()
        let cancelled = session.run("papers | sort by title\npapers | count",
                                    options: .init(keepGoing: true, cancellation: flag))
        #expect(cancelled.statements.count == 1)
        #expect(cancelled.statements.first?.diagnostics.map(\.id) == ["eval.cancelled"])
        #expect(cancelled.stoppedEarly)
        flag.reset()
        let after = session.run("mine | count", options: .init(cancellation: flag))
        guard case .count(let count)? = after.statements.first?.result else {
            Issue.record("no count after the cancelled statement")
            return
        }
        #expect(count > 0)
    }

    private static func plan(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws
        -> QueryPlan
    {
        let (plans, diagnostics) = LongQueryCorpus.session.explain(query)
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return try #require(plans.first, sourceLocation: sourceLocation)
    }
}

/// 20,000 synthetic papers with abstracts of about 700 characters, by authors in two halves
/// that never write together ("Author 0"… and "Author 100000"…), each half with large
/// collaborations, which make coauthor searches quadratic in their size.
enum LongQueryCorpus {
    static let graph: PaperGraph = build()

    /// `all` (every paper) and `people` (every author), as a session would bind them.
    static let session: QuerySession = {
        var session = QuerySession(graph: graph)
        _ = session.run("let all = papers\nlet people = authors")
        return session
    }()

    static var bindings: [String: QueryResult] { session.bindings }

    static let words = ["sparse", "memory", "attention", "graph", "network", "training", "language", "vision",
                        "robust", "optimal", "search", "transformer", "gradient", "kernel", "entropy", "sample"]

    private static func build() -> PaperGraph {
        var builder = GraphBuilder()
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            // SplitMix64: deterministic, no dependence on the platform's random source.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        let authorsPerHalf = 5000
        for index in 0..<20_000 {
            let half = index % 2
            func author(_ number: Int) -> String { "Author \(half * 100_000 + number % authorsPerHalf)" }
            let authors: [String]
            if index % 200 < 2 {
                // One paper in a hundred: a collaboration of 500 consecutive authors.
                let first = next(authorsPerHalf)
                authors = (0..<500).map { author(first + $0) }
            } else {
                let first = next(authorsPerHalf)
                let stride = 1 + next(authorsPerHalf / 4 - 1)
                authors = (0..<4).map { author(first + $0 * stride) }
            }
            let title = "A study of \(words[next(words.count)]) and \(words[next(words.count)]), number \(index)"
            let abstract = (0..<100).map { _ in words[next(words.count)] }.joined(separator: " ")
            builder.add(PaperRecord(id: "p\(index)", title: title, authors: authors, year: 1990 + index % 35,
                                    venue: "Venue \(index % 50)", abstract: abstract))
        }
        return builder.build()
    }
}
