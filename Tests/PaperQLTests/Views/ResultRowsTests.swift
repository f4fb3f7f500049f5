import Testing
@testable import PaperQL

/// Rows that borrow the graph (`ResultRows`): every cell reads what the graph's accessors say,
/// text stays a view of the graph's bytes until it is asked for as a `String`.
@Suite struct ResultRowsTests {
    static let graph = DefaultCorpus.load()

    static func result(_ query: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> QueryResult? {
        var session = QuerySession(graph: graph)
        let outcome = session.run(query)
        #expect(!outcome.hasErrors, "\(outcome.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        return outcome.statements.last?.result
    }

    static let allPaperFields: [Field] = [.id, .title, .year, .venue, .authors, .type, .date, .categories,
                                          .institutions, .abstract, .sources, .versions, .doi, .truncated]

    /// The value a paper's field has, read through the graph's `String` accessors.
    static func expected(_ paper: PaperID, _ field: Field) -> ResultTable.Cell {
        switch field {
        case .id: .text(graph.key(of: paper))
        case .title: .text(graph.title(of: paper))
        case .year: graph.year(of: paper).map(ResultTable.Cell.integer) ?? .null
        case .venue: graph.venue(of: paper).map(ResultTable.Cell.text) ?? .null
        case .authors: .list(graph.writtenAuthorNames(of: paper))
        case .type: graph.type(of: paper).map { .text($0.rawValue) } ?? .null
        case .date: graph.date(of: paper).map(ResultTable.Cell.text) ?? .null
        case .categories: .list(graph.categories(of: paper))
        case .institutions: .list(graph.institutions(of: paper))
        case .abstract: graph.abstract(of: paper).map(ResultTable.Cell.text) ?? .null
        case .sources: .list(graph.sources(of: paper))
        case .versions: .list(graph.versions(of: paper).map { graph.key(of: $0) })
        case .doi: graph.doi(of: paper).map(ResultTable.Cell.text) ?? .null
        case .truncated: .bool(graph.authorsTruncated(paper))
        default: .null
        }
    }

    @Test func everyPaperFieldReadsWhatTheGraphHolds() throws {
        let query = "papers | show " + Self.allPaperFields.map(\.rawValue).joined(separator: ", ")
        guard case .papers(let papers)? = Self.result(query) else {
            Issue.record("not papers"); return
        }
        let rows = ResultRows(.papers(papers), graph: Self.graph)
        #expect(rows.count == Self.graph.paperCount)
        #expect(rows.columns == Self.allPaperFields.map(\.rawValue))
        for (row, paper) in zip(rows, papers.papers) {
            #expect(row.count == Self.allPaperFields.count)
            for (value, field) in zip(row, Self.allPaperFields) {
                #expect(value.cell == Self.expected(paper, field), "\(field) of \(Self.graph.key(of: paper))")
            }
        }
    }

    @Test func everyAuthorFieldReadsWhatTheGraphHolds() throws {
        guard case .authors(let authors)? = Self.result(#"coauthors of "Jack Rae" | show name, papers, shared, variants, identifier, years, venues, coauthors"#)
        else { Issue.record("not authors"); return }
        let rows = ResultRows(.authors(authors), graph: Self.graph)
        #expect(!rows.isEmpty)
        for (row, author) in zip(rows, authors.rows) {
            let id = author.author
            let expected: [ResultTable.Cell] = [
                .text(Self.graph.name(of: id)), .integer(author.papers), author.shared.map(ResultTable.Cell.integer) ?? .null,
                .list(Self.graph.variants(of: id)), Self.graph.identifier(of: id).map(ResultTable.Cell.text) ?? .null,
                Self.graph.activeYears(of: id).map { .text(PaperGraph.describe(years: $0)) } ?? .null,
                .list(Self.graph.topVenues(of: id).map(\.name)), .list(Self.graph.topCoauthors(of: id).map(\.name)),
            ]
            #expect(row.cells == expected, "\(Self.graph.name(of: id))")
        }
    }

    /// Every shape, every field: a cell read in place (`withCells`) is the row's value.
    @Test(arguments: [
        "papers | show " + allPaperFields.map(\.rawValue).joined(separator: ", "),
        #"coauthors of "Jack Rae" within 2 | show name, papers, shared, distance, variants, identifier, years, venues, coauthors"#,
        "authors | limit 50",
        "venues",
        "papers | count by year",
        "papers | count by venue",
        "papers | count by type",
        "papers | count",
        #"path from "Jack Rae" to "Oriol Vinyals""#,
        #"profile "Jack Rae""#,
    ])
    func cellsReadInPlaceAreTheRowsValues(query: String) throws {
        let result = try #require(Self.result(query))
        let rows = ResultRows(result, graph: Self.graph)
        #expect(!rows.isEmpty)
        for (index, row) in rows.enumerated() {
            var columns: [Int] = []
            rows.withCells(ofRow: index) { column, cell in
                columns.append(column)
                #expect(cell.value == row[column], "row \(index), column \(rows.columns[column])")
            }
            #expect(columns == Array(0..<rows.columnCount))
        }
    }

    @Test func groupsHeadTheirKeyColumnWithTheFieldAndNameItKey() throws {
        let result = try #require(Self.result(#"papers by "Jack Rae" | count by year"#))
        let rows = ResultRows(result, graph: Self.graph)
        #expect(rows.columns == ["year", "count"])
        #expect(rows.fieldNames == ["key", "count"])
        #expect(rows.allSatisfy { $0[0].isNumeric && $0[1].isNumeric })
    }

    @Test func aCountIsOneRowAndAPathItsSteps() throws {
        let count = ResultRows(try #require(Self.result("papers | count")), graph: Self.graph)
        let cells: [[ResultTable.Cell]] = count.map { $0.cells }
        #expect(cells == [[.integer(Self.graph.paperCount)]])
        guard case .path(let path)? = Self.result(#"path from "Jack Rae" to "Oriol Vinyals""#), path.found else {
            Issue.record("no path"); return
        }
        let rows = ResultRows(.path(path), graph: Self.graph)
        #expect(rows.count == path.steps.count)
        #expect(rows[0][2] == ResultValue.null && rows[0][3] == ResultValue.null)
        for (index, row) in rows.enumerated() {
            #expect(row[0] == ResultValue.integer(index))
            #expect(row[1].plain == Self.graph.name(of: path.steps[index].author))
        }
    }

    @Test func theTableIsTheRowsCopied() throws {
        let result = try #require(Self.result(#"papers by "Jack Rae" | show id, title, year, authors"#))
        let rows = ResultRows(result, graph: Self.graph)
        let table = ResultTable(result, graph: Self.graph)
        #expect(table.columns == rows.columns && table.fieldNames == rows.fieldNames)
        let cells: [[ResultTable.Cell]] = rows.map { $0.cells }
        #expect(table.rows == cells)
    }

    @Test func textIsTheGraphsBytesUntilAskedForAString() throws {
        let paper = PaperID(0)
        let text = Self.graph.titles.text(0)
        guard case .bytes = text.storage else {
            Issue.record("a title was copied"); return
        }
        #expect(text.string == Self.graph.title(of: paper))
        #expect(text.utf8Count == Self.graph.title(of: paper).utf8.count)
        #expect(text.withUTF8 { Array($0) } == Array(Self.graph.title(of: paper).utf8))
        #expect(text == GraphText(Self.graph.title(of: paper)))
        #expect(Set([text, GraphText(Self.graph.title(of: paper))]).count == 1)
        #expect(GraphText("é") != GraphText("e\u{301}"), "bytes are compared, not canonical equivalence")
    }

    @Test func rowsOutliveTheResultTheyCameFrom() throws {
        var rows: ResultRows?
        var papers: [PaperID] = []
        do {
            guard case .papers(let result)? = Self.result(#"papers by "Jack Rae" | show title"#) else {
                Issue.record("not papers"); return
            }
            papers = result.papers
            rows = ResultRows(.papers(result), graph: Self.graph)
        }
        let titles = try #require(rows).map { $0[0].plain }
        #expect(!titles.isEmpty)
        #expect(titles == papers.map { Self.graph.title(of: $0) })
    }
}
