import Foundation
import Testing
@testable import PaperQL

/// `--format dot` and `--format graphml`: the graph behind each kind of result, golden files,
/// and the DOT read back by Graphviz's own parser when `dot` is installed (the GraphML is read
/// back by networkx in `Tests/formats`).
@Suite struct GraphFormatTests {
    static let graph = DefaultCorpus.load()

    static func result(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> QueryResult? {
        var session = QuerySession(graph: graph)
        let outcome = session.run(query)
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)", sourceLocation: sourceLocation)
        return outcome.statements.last?.result
    }

    static let queries: [(name: String, query: String)] = [
        ("coauthors", #"coauthors of "Jack Rae""#),
        ("within", #"coauthors of "Jack Rae" within 2 | limit 6"#),
        ("path", #"path from "Jack Rae" to "Mostafa Dehghani""#),
        ("papers", #"papers by "Łukasz Kaiser" since 2018"#),
    ]

    @Test(arguments: queries.map(\.name), ["dot", "graphml"])
    func goldenFiles(name: String, format: String) throws {
        let query = try #require(Self.queries.first { $0.name == name }).query
        let result = try #require(Self.result(query))
        let rendered = ResultFormatter(format: try #require(OutputFormat(rawValue: format))).render(result, graph: Self.graph)
        assertGolden(rendered, named: "graph-\(name).\(format)")
    }

    @Test func coauthorsAreDrawnAroundThePersonAskedAbout() throws {
        let result = try #require(Self.result(#"coauthors of "Jack Rae""#))
        let drawn = try #require(ResultGraph(result, graph: Self.graph))
        let rae = try #require(Self.graph.authors(matching: "Jack Rae").first)
        #expect(drawn.nodes.first?.id == "a\(rae.rawValue)")
        #expect(drawn.nodes.first?.kind == "person")
        guard case .authors(let rows) = result else { Issue.record("not authors"); return }
        #expect(drawn.nodes.count == rows.rows.count + 1)
        // Every coauthor is joined to Jack Rae by an edge weighing the papers they share.
        for row in rows.rows {
            let edge = drawn.edges.first { $0.source == "a\(rae.rawValue)" && $0.target == "a\(row.author.rawValue)" }
            #expect(edge?.weight == row.shared, "\(Self.graph.name(of: row.author))")
        }
    }

    @Test func edgeWeightsCountSharedPapersWithinTheSet() throws {
        let result = try #require(Self.result(#"papers by "Łukasz Kaiser""#))
        guard case .papers(let rows) = result else { Issue.record("not papers"); return }
        let drawn = try #require(ResultGraph(result, graph: Self.graph))
        // A plain count: for every pair of authors, the papers of the set that have both.
        var expected: [String: Int] = [:]
        for paper in rows.papers {
            let authors = Set(Self.graph.authors(of: paper)).sorted()
            for (index, first) in authors.enumerated() {
                for second in authors[(index + 1)...] { expected["\(first.rawValue)-\(second.rawValue)", default: 0] += 1 }
            }
        }
        var actual: [String: Int] = [:]
        for edge in drawn.edges {
            let ends = [UInt32(edge.source.dropFirst())!, UInt32(edge.target.dropFirst())!].sorted()
            actual["\(ends[0])-\(ends[1])"] = edge.weight
        }
        #expect(actual == expected)
    }

    @Test func aPathIsADirectedChainNamingEachPaper() throws {
        let result = try #require(Self.result(#"path from "Jack Rae" to "Mostafa Dehghani""#))
        let drawn = try #require(ResultGraph(result, graph: Self.graph))
        #expect(drawn.directed)
        #expect(drawn.nodes.map(\.label) == ["Jack Rae", "Oriol Vinyals", "Mostafa Dehghani"])
        #expect(drawn.edges.count == 2)
        #expect(drawn.edges.allSatisfy { edge in edge.attributes.contains { $0.0 == "paper" } })
    }

    @Test(arguments: ["papers | count", "papers | count by year", "venues"])
    func countsGroupsAndVenuesAreNotGraphs(query: String) throws {
        let result = try #require(Self.result(query))
        #expect(ResultGraph(result, graph: Self.graph) == nil)
        #expect(ResultFormatter(format: .dot).mismatch(result)?.id == "format.notAGraph")
        #expect(ResultFormatter(format: .graphml).mismatch(result)?.id == "format.notAGraph")
        #expect(ResultFormatter(format: .json).mismatch(result) == nil)
    }

    @Test func textIsEscapedForEachFormat() {
        #expect(DOTFormatter.quoted("say \"hi\"\\\n\u{1B}x") == #""say \"hi\"\\\nx""#)
        #expect(GraphMLFormatter.escaped("a < b & \"c\"\u{1B}") == "a &lt; b &amp; &quot;c&quot;")
    }

    /// Graphviz's parser reads every golden DOT file: `dot -Tjson` lists the nodes and edges.
    @Test(arguments: queries.map(\.name))
    func graphvizReadsTheDOT(name: String) throws {
        guard let dot = ["/usr/bin/dot", "/usr/local/bin/dot"].first(where: FileManager.default.isExecutableFile) else {
            print("skipping graphvizReadsTheDOT: Graphviz's dot is not installed (scripts/test.sh installs it)")
            return
        }
        let query = try #require(Self.queries.first { $0.name == name }).query
        let result = try #require(Self.result(query))
        let drawn = try #require(ResultGraph(result, graph: Self.graph))
        let source = DOTFormatter.render(drawn)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: dot)
        process.arguments = ["-Tjson"]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        _ = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let objects = json["objects"] as? [[String: Any]] ?? []
        let edges = json["edges"] as? [[String: Any]] ?? []
        #expect(objects.count == drawn.nodes.count)
        #expect(edges.count == drawn.edges.count)
        #expect(Set(objects.compactMap { $0["label"] as? String }) == Set(drawn.nodes.map(\.label)))
    }
}
