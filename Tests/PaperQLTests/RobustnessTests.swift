import PaperQL
import Testing

/// Hostile input gets diagnostics, never a crash.
@Suite struct RobustnessTests {
    /// The diagnostics of running `text`, each as its id and UTF-8 start offset: `id@offset`.
    static func diagnostics(of text: String) -> [String] {
        var session = QuerySession(graph: defaultGraph)
        return session.run(text, options: .init(keepGoing: true)).diagnostics.map { "\($0.id)@\($0.span.start)" }
    }

    @Test func hundredThousandParenthesesAreAnErrorNotACrash() {
        let query = String(repeating: "(", count: 100_000) + "papers" + String(repeating: ")", count: 100_000)
        let output = QueryCase.render(query, on: defaultGraph)
        #expect(output.hasPrefix("<query>:1:201: error: the query nests more than 200 levels deep\n"))
        // One error, at the 201st `(`.
        #expect(Self.diagnostics(of: query) == ["parse.nestingTooDeep@200"])
    }

    @Test func deeplyNestedFiltersAndNots() {
        let nots = "papers " + String(repeating: "not ", count: 50_000) + "in 2020"
        #expect(Self.diagnostics(of: nots) == ["parse.nestingTooDeep@\(7 + 200 * 4)"])
        let groups = "papers " + String(repeating: "(", count: 50_000) + "in 2020"
        #expect(Self.diagnostics(of: groups) == ["parse.nestingTooDeep@\(7 + 200)"])
    }

    @Test func aLongChainOfFiltersRuns() {
        let chain = "papers since 1990" + String(repeating: " and since 1990", count: 20_000) + " | count"
        #expect(QueryCase.render(chain, on: defaultGraph) == "33")
    }

    @Test func nestingWithinTheLimitRuns() {
        let query = String(repeating: "(", count: 150) + "papers by \"Jack Rae\"" + String(repeating: ")", count: 150)
            + " | count"
        #expect(QueryCase.render(query, on: defaultGraph) == "6")
    }

    /// Random text from the language's own alphabet: every run ends with output or diagnostics.
    @Test(arguments: 0..<8)
    func randomTokenSoup(seed: UInt64) {
        var generator = SplitMix(seed: seed)
        let pieces = ["papers", "authors", "by", "\"Jack Rae\"", "(", ")", "|", "count", "and", "or", "not", "since",
                      "2020", "at", "NeurIPS", "\"", "'", "let", "x", "=", "\n", ";", "within", "path", "from", "to",
                      "coauthors", "of", "limit", "-1", "show", "title", "sort", "by", "Łukasz", "\u{0}", "é", "#",
                      "matching", "\"\\q\"", "where", "year", ">=", "~", "between", "in", "category", "exactly"]
        for _ in 0..<200 {
            let count = Int(generator.next() % 30)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }
                .joined(separator: " ")
            var session = QuerySession(graph: defaultGraph)
            let outcome = session.run(text, options: .init(keepGoing: true))
            // A statement that fails carries an error of its own, inside it: an error elsewhere in
            // the script does not excuse it.
            for statement in outcome.statements where statement.failed {
                let own = statement.diagnostics.filter { $0.severity == .error && statement.span.contains($0.span.start) }
                #expect(!own.isEmpty, "silent failure of \(statement.span) in: \(text)")
            }
        }
    }

    /// A statement whose error is reported at the separator after it (`let ;`) once ran with no
    /// diagnostics of its own; the error came out only after the statements that followed.
    @Test(arguments: ["let ; papers | count", "coauthors \npapers | count", "papers matching  ;papers | count"])
    func anErrorAtTheSeparatorBelongsToTheStatementBeforeIt(_ text: String) {
        var session = QuerySession(graph: defaultGraph)
        let outcome = session.run(text, options: .init(keepGoing: true))
        #expect(outcome.statements.count == 2)
        #expect(outcome.statements.first?.failed == true)
        #expect(outcome.statements.first?.diagnostics.map(\.id) == ["parse.expected"])
        #expect(outcome.statements.last?.diagnostics.isEmpty == true)
        #expect(outcome.unreportedDiagnostics.isEmpty)
    }

    @Test func invalidBytesInTheQueryText() {
        let text = String(decoding: [0x70, 0x61, 0xFF, 0xFE, 0x70, 0x65, 0x72, 0x73], as: UTF8.self)
        #expect(text == "pa\u{FFFD}\u{FFFD}pers")
        // The word with the replacement characters is one unreadable token, reported once.
        var session = QuerySession(graph: defaultGraph)
        let diagnostics = session.run(text).diagnostics
        #expect(diagnostics.map(\.id) == ["lex.unexpectedCharacter"])
        #expect(diagnostics.first?.span == SourceSpan(start: 0, end: text.utf8.count))
        #expect(diagnostics.first?.message == "unexpected character `pa\u{FFFD}\u{FFFD}pers`")
    }
}

/// A small deterministic random number generator for repeatable tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state = state &+ 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
