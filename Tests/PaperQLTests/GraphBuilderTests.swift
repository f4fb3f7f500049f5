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
