import PaperQL
import Testing

/// Relations between answers that must hold whatever the data (SQLancer's ternary-logic
/// partitioning and friends), checked on the engine alone over random sets and filters.
@Suite struct MetamorphicTests {
    @Test func defaultCorpus() {
        check(graph: defaultGraph, name: "default corpus", seed: 31, count: DifferentialRunner.queries(300))
    }

    @Test(arguments: [41, 42] as [UInt64])
    func randomGraph(seed: UInt64) {
        let generated = RandomGraph.generate(seed: seed, papers: 400)
        check(graph: generated.graph, name: "random graph \(seed)", seed: seed, count: DifferentialRunner.queries(300),
              otherIdentifiers: generated.otherIdentifiers)
    }

    /// The rows of a query, or nil when it is refused.
    struct Engine {
        let graph: PaperGraph

        func answer(_ text: String) -> Answer? {
            var session = QuerySession(graph: graph)
            let outcome = session.run(text, name: "<metamorphic>")
            guard !outcome.hasErrors, let result = outcome.statements.last?.result else { return nil }
            return Answer(result, graph: graph)
        }

        func count(_ text: String) -> Int? {
            guard case .count(let count)? = answer(text + " | count") else { return nil }
            return count
        }
    }

    private func check(graph: PaperGraph, name: String, seed: UInt64, count: Int, otherIdentifiers: [String: String] = [:],
                       sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let engine = Engine(graph: graph)
        var generator = QueryGenerator(graph: graph, seed: seed, otherIdentifiers: otherIdentifiers)
        var checked = 0
        var failures: [String] = []
        func expect(_ holds: Bool, _ what: @autoclosure () -> String) {
            checked += 1
            if !holds, failures.count < 5 { failures.append(what()) }
        }
        for _ in 0..<count {
            let set = "(" + generator.set(.papers, depth: 1, scope: []).description + ")"
            let f = generator.filter(depth: 2, scope: []).render(.or)
            let g = generator.filter(depth: 1, scope: []).render(.or)
            guard let all = engine.count(set), let withF = engine.count("\(set) \(f)"),
                let withoutF = engine.count("\(set) not (\(f))")
            else { continue }
            // |S| = |S F| + |S not F|: `not` is the set minus the filter.
            expect(all == withF + withoutF, "|\(set)| = \(all), but \(withF) with `\(f)` and \(withoutF) without")
            // not not F is F, row for row.
            expect(engine.answer("\(set) not not (\(f))") == engine.answer("\(set) \(f)"), "not not (\(f)) on \(set)")
            // |S F or G| = |S F| + |S G| − |S F and G|.
            if let withG = engine.count("\(set) \(g)"), let either = engine.count("\(set) (\(f)) or (\(g))"),
                let both = engine.count("\(set) (\(f)) and (\(g))")
            {
                expect(either == withF + withG - both, "inclusion–exclusion on \(set) with `\(f)` and `\(g)`")
            }
            // count is the number of rows.
            expect(engine.answer("\(set) \(f)")?.rowCount == withF, "count of \(set) \(f)")
            // A single-valued field partitions the papers: its groups add up to the count.
            let field = generator.random.pick(["year", "venue", "type"])
            if case .groups(let groups)? = engine.answer("\(set) \(f) | count by \(field)") {
                expect(groups.map(\.count).reduce(0, +) == withF, "count by \(field) of \(set) \(f)")
            }
            // Three-valued partition of a comparison: equal, not equal, or no value.
            let year = generator.random.int(2010...2023)
            if let equal = engine.count("\(set) where year = \(year)"), let other = engine.count("\(set) where year != \(year)"),
                let missing = engine.count("\(set) not year >= 1")
            {
                expect(equal + other + missing == all, "year = / != / missing on \(set)")
            }
            let type = generator.random.pick(PaperType.allCases).rawValue
            if let equal = engine.count("\(set) where type = \(type)"), let other = engine.count("\(set) where type != \(type)"),
                let typed = engine.count("\(set) where " + PaperType.allCases.map { "type = \($0.rawValue)" }.joined(separator: " or "))
            {
                expect(equal + other == typed, "type = / != on \(set)")
            }
            // limit N is a prefix of the unlimited order, after any sort.
            let order = generator.random.pick(["", " | sort by title", " | sort by venue desc, year", " | sort by authors"])
            let limit = generator.random.int(0...8)
            if case .papers(let full)? = engine.answer("\(set) \(f)\(order)"),
                case .papers(let prefix)? = engine.answer("\(set) \(f)\(order) | limit \(limit)")
            {
                expect(Array(full.prefix(limit)) == prefix, "limit \(limit) of \(set) \(f)\(order)")
            }
        }
        print("metamorphic: \(name): \(checked) relations checked, \(failures.isEmpty ? "all hold" : "FAILURES")")
        for failure in failures {
            Issue.record(Comment(rawValue: "\(name), seed \(seed): \(failure)"), sourceLocation: sourceLocation)
        }
        #expect(checked > count, "too few relations could be checked on \(name)", sourceLocation: sourceLocation)
    }
}
