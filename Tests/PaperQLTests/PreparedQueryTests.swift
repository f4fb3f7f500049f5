import Testing
@testable import PaperQL

/// A prepared query (`QuerySession.prepare`, then `run` of it) answers as `run` of its text
/// does, binds a `let` as `run` does, and is compiled again when a name it uses changes kind.
@Suite struct PreparedQueryTests {
    static let graph = DefaultCorpus.load()

    @Test(arguments: [
        #"papers by "Jack Rae" since 2020 | show id, title, year"#,
        #"coauthors of exactly "Jack Rae""#,
        #"papers by "Jack Rae" | count by year"#,
        "papers | count",
        "venues | limit 5",
        #"path from "Jack Rae" to "Oriol Vinyals""#,
        #"papers matching "zzyzxqq" since 2020"#,
    ])
    func aPreparedQueryAnswersAsItsTextDoes(query: String) throws {
        var session = QuerySession(graph: Self.graph)
        let expected = try #require(session.run(query).statements.last?.result)
        var other = QuerySession(graph: Self.graph)
        let prepared = try other.prepare(query).get()
        for _ in 0..<3 {
            let result = try other.run(prepared)
            #expect(Answer(result, graph: Self.graph) == Answer(expected, graph: Self.graph))
        }
    }

    @Test func aPreparedLetBindsItsName() throws {
        var session = QuerySession(graph: Self.graph)
        let binding = try session.prepare(#"let mine = papers by "Jack Rae""#).get()
        _ = try session.run(binding)
        let count = try session.prepare("mine | count").get()
        guard case .count(let papers) = try session.run(count) else { Issue.record("not a count"); return }
        guard case .count(let direct)? = session.run(#"papers by "Jack Rae" | count"#).statements.last?.result
        else { Issue.record("not a count"); return }
        #expect(papers == direct && papers > 0)
    }

    /// `x | count by year` is prepared while `x` holds papers; once `x` holds authors, running it
    /// compiles the text again and fails as `run` does, instead of running the old plan.
    @Test func aNameThatChangedKindIsCheckedAgain() throws {
        var session = QuerySession(graph: Self.graph)
        _ = session.run(#"let x = papers by "Jack Rae""#)
        let byYear = try session.prepare("x | count by year").get()
        #expect(throws: Never.self) { _ = try session.run(byYear) }
        _ = session.run(#"let x = coauthors of "Jack Rae""#)
        let failure = try #require(throws: PreparedQuery.Failure.self) { _ = try session.run(byYear) }
        #expect(failure.diagnostics.contains { $0.severity == .error })
    }

    @Test func onlyOneStatementWithoutErrorsIsPrepared() {
        var session = QuerySession(graph: Self.graph)
        guard case .failure(let two) = session.prepare("papers | count\npapers | count") else {
            Issue.record("two statements were prepared"); return
        }
        #expect(two.diagnostics.map(\.id) == ["prepare.oneStatement"])
        #expect(two.diagnostics.first?.span.start == 15)
        guard case .failure(let empty) = session.prepare("  ") else { Issue.record("nothing was prepared"); return }
        #expect(empty.diagnostics.map(\.id).contains("prepare.empty"))
        guard case .failure(let wrong) = session.prepare("papers | frobnicate") else { Issue.record("an error was prepared"); return }
        #expect(wrong.diagnostics.contains { $0.severity == .error })
        #expect(wrong.source.text == "papers | frobnicate")
    }

    @Test func aCancelledRunSaysSoAtTheStatement() throws {
        var session = QuerySession(graph: Self.graph)
        let query = try session.prepare("papers | count by authors").get()
        let flag = CancellationFlag()
        flag.cancel()
        let failure = try #require(throws: PreparedQuery.Failure.self) { _ = try session.run(query, cancellation: flag) }
        #expect(failure.diagnostics.map(\.id) == ["eval.cancelled"])
    }
}
