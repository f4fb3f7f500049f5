import PaperQL
import Testing

/// Building a graph from records: merging, name variants, ordering.
@Suite struct GraphBuilderTests {
    @Test func recordsWithTheSameIDAreOnePaper() {
        var builder = GraphBuilder()
        builder.add(PaperRecord(id: "p", title: "Relational recurrent neural networks",
                                authors: ["Adam Santoro", "Ryan Faulkner", "Jack Rae"], authorsTruncated: true,
                                year: 2018, venue: "NeurIPS", sources: ["page-a"]))
        builder.add(PaperRecord(id: "q", title: "Another paper", authors: ["Jack W. Rae"], year: 2019))
        builder.add(PaperRecord(id: "p", title: "Relational recurrent neural networks",
                                authors: ["Adam Santoro", "Ryan Faulkner", "David Raposo", "Jack W. Rae"],
                                year: 2018, abstract: "An abstract.", sources: ["page-b"]))
        #expect(builder.mergedDuplicates == 1)
        let graph = builder.build()
        #expect(graph.paperCount == 2)
        let paper = graph.paper(withKey: "p")
        #expect(paper != nil)
        guard let paper else { return }
        #expect(graph.writtenAuthorNames(of: paper) == ["Adam Santoro", "Ryan Faulkner", "David Raposo", "Jack W. Rae"])
        #expect(graph.authorsTruncated(paper) == false)
        #expect(graph.sources(of: paper) == ["page-a", "page-b"])
        #expect(graph.abstract(of: paper) == "An abstract.")
        #expect(graph.venue(of: paper) == "NeurIPS")
    }

    @Test func papersAreNumberedNewestLastSoTheDefaultOrderReadsBackwards() {
        var builder = GraphBuilder()
        for (id, title, year) in [("a", "Beta", 2020), ("b", "Alpha", 2020), ("c", "Gamma", 2019), ("d", "Delta", nil)] {
            builder.add(PaperRecord(id: id, title: title, year: year))
        }
        let graph = builder.build()
        #expect(graph.allPapers.map { graph.key(of: $0) } == ["d", "c", "a", "b"])
    }

    /// The sort compares the first 32 bytes of titles as integers and whole titles only on a
    /// tie: titles alike for 30 bytes and more, prefixes of one another, multi-byte letters
    /// across the 32nd byte, equal titles (then ids decide), merged records, in one build.
    @Test func theDefaultOrderIsYearThenTitleThenIDWhateverTheTitlesShare() {
        var generator = SystemRandomNumberGenerator()
        let common = "An analysis of graph neural net"  // 31 bytes
        let pieces = ["", "s", "é", "ü ", "works", " and trees", "a", "é🙂"]
        var builder = GraphBuilder()
        for index in 0..<600 {
            let stem = Bool.random(using: &generator) ? common : String(common.prefix(Int.random(in: 0...31, using: &generator)))
            let title = stem + (0..<Int.random(in: 0...3, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let id = "p\(Int.random(in: 0..<500, using: &generator))"  // some ids twice: merged
            builder.add(PaperRecord(id: id, title: title.isEmpty ? "x" : title,
                                    year: Bool.random(using: &generator) ? nil : Int.random(in: 2019...2021, using: &generator)))
            _ = index
        }
        let graph = builder.build()
        let byRule = graph.allPapers.sorted { left, right in
            let (leftYear, rightYear) = (graph.year(of: left) ?? 0, graph.year(of: right) ?? 0)
            if leftYear != rightYear { return leftYear < rightYear }
            let (leftTitle, rightTitle) = (Array(graph.title(of: left).utf8), Array(graph.title(of: right).utf8))
            if leftTitle != rightTitle { return !leftTitle.lexicographicallyPrecedes(rightTitle) }
            return !Array(graph.key(of: left).utf8).lexicographicallyPrecedes(Array(graph.key(of: right).utf8))
        }
        #expect(graph.allPapers.map { graph.key(of: $0) } == byRule.map { graph.key(of: $0) })
    }

    @Test func yearsOutsideTheStorableRangeAreUnknown() {
        var builder = GraphBuilder()
        builder.add(PaperRecord(id: "a", title: "T", year: -44))
        builder.add(PaperRecord(id: "b", title: "U", year: 2020))
        let graph = builder.build()
        #expect(graph.paper(withKey: "a").flatMap { graph.year(of: $0) } == nil)
        var session = QuerySession(graph: graph)
        guard case .groups(let groups)? = session.run("papers | count by year").statements.first?.result else {
            Issue.record("no groups")
            return
        }
        #expect(groups.rows.map(\.key) == [.year(2020), .none])
        #expect(groups.rows.map(\.count) == [1, 1])
    }
}
