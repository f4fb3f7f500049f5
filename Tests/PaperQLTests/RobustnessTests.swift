import PaperQL
import Testing

/// Hostile input gets diagnostics, never a crash.
@Suite struct RobustnessTests {
    @Test func hundredThousandParenthesesAreAnErrorNotACrash() {
        let query = String(repeating: "(", count: 100_000) + "papers" + String(repeating: ")", count: 100_000)
        let output = QueryCase.render(query, on: defaultGraph)
        #expect(output.contains("error: the query nests more than 200 levels deep"))
    }

    @Test func deeplyNestedFiltersAndNots() {
        let nots = "papers " + String(repeating: "not ", count: 50_000) + "in 2020"
        #expect(QueryCase.render(nots, on: defaultGraph).contains("nests more than"))
        let groups = "papers " + String(repeating: "(", count: 50_000) + "in 2020"
        #expect(QueryCase.render(groups, on: defaultGraph).contains("nests more than"))
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
            for statement in outcome.statements where statement.failed {
                #expect(!statement.diagnostics.isEmpty || outcome.diagnostics.hasErrors, "silent failure for: \(text)")
            }
        }
    }

    @Test func invalidBytesInTheQueryText() {
        let text = String(decoding: [0x70, 0x61, 0xFF, 0xFE, 0x70, 0x65, 0x72, 0x73], as: UTF8.self)
        let output = QueryCase.render(text, on: defaultGraph)
        #expect(output.contains("error:"))
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
