import Foundation

/// Writes a graph as the tables of `RelationalSchema` (one CSV file each) plus a
/// `load-<dialect>.sql` per dialect. Streams: rows are made one at a time from the graph and
/// written in blocks, so the memory is the graph's plus one block.
public struct RelationalExporter {
    public let graph: PaperGraph

    public init(graph: PaperGraph) {
        self.graph = graph
    }

    /// Rows written per table.
    public typealias Counts = [(table: String, rows: Int)]

    @discardableResult
    public func export(to directory: String) throws -> Counts {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ExportError.cannotWrite(directory)
        }
        var counts: Counts = []
        func table(_ table: RelationalSchema.Table, _ fill: (CSVTableWriter) throws -> Void) throws {
            let writer = try CSVTableWriter(path: (directory as NSString).appendingPathComponent(table.file),
                                            columns: table.columns.map(\.name))
            try fill(writer)
            try writer.close()
            counts.append((table.name, writer.rows))
        }
        try table(RelationalSchema.papers, writePapers)
        try table(RelationalSchema.people, writePeople)
        try table(RelationalSchema.authorNames, writeAuthorNames)
        try table(RelationalSchema.authorships, writeAuthorships)
        try table(RelationalSchema.venues) { writer in
            for (id, name) in graph.venues.names.enumerated() {
                try writer.write([.int(id), .text(name), .text(TextFolding.fold(name)), .int(graph.venues.papers.count(id))])
            }
        }
        try table(RelationalSchema.categories) { try writeFacet(graph.categories, $0) }
        try table(RelationalSchema.paperCategories) { try writeLinks(graph.paperCategories, $0, positions: true) }
        try table(RelationalSchema.institutions) { try writeFacet(graph.institutions, $0) }
        try table(RelationalSchema.paperInstitutions) { try writeLinks(graph.paperInstitutions, $0, positions: true) }
        try table(RelationalSchema.sources) { writer in
            for (id, name) in graph.sourceNames.enumerated() { try writer.write([.int(id), .text(name)]) }
        }
        try table(RelationalSchema.paperSources) { try writeLinks(graph.paperSources, $0, positions: false) }
        try table(RelationalSchema.versions) { try writeLinks(graph.paperVersions, $0, positions: false) }
        try table(RelationalSchema.words) { writer in
            let index = graph.wordsByText
            for position in 0..<index.count {
                try writer.write([.int(Int(index.values[position])), .text(index.keys[position])])
            }
        }
        try table(RelationalSchema.paperWords) { try writeLinks(graph.wordPapers, $0, positions: false) }
        try table(RelationalSchema.tokens, writeTokens)
        for dialect in SQLDialect.allCases {
            let path = (directory as NSString).appendingPathComponent("load-\(dialect.rawValue).sql")
            guard FileManager.default.createFile(atPath: path, contents: Data(LoadScript.text(for: dialect).utf8)) else {
                throw ExportError.cannotWrite(path)
            }
        }
        return counts
    }

    private func writePapers(_ writer: CSVTableWriter) throws {
        for paper in graph.allPapers {
            let title = graph.title(of: paper)
            let abstract = graph.abstract(of: paper)
            let year = graph.year(of: paper)
            let date = graph.date(of: paper)
            let venue = graph.paperVenues[Int(paper.rawValue)]
            let doi = graph.doi(of: paper)
            let key = graph.key(of: paper)
            try writer.write([
                .int(Int(paper.rawValue)), .text(key), .text(title), .text(title.lowercased()), .text(TextFolding.fold(title)),
                .text(abstract), .text(abstract.map(TextFolding.fold)), .int(year), .text(date),
                .text(date ?? year.map(String.init)), .int(venue == PaperGraph.noValue ? nil : Int(venue)),
                .text(graph.venue(of: paper)), .text(graph.type(of: paper)?.rawValue), .text(doi),
                .text(doi?.lowercased()), .text(doi.map(TextFolding.fold)), .text(TextFolding.fold(key)),
                .text(graph.arxivID(of: paper)), .int(graph.paperAuthors.count(Int(paper.rawValue))),
                .int(graph.authorsTruncated(paper) ? 1 : 0),
            ])
        }
    }

    private func writePeople(_ writer: CSVTableWriter) throws {
        for author in graph.allAuthors {
            let identifier = graph.identifier(of: author)
            try writer.write([.int(Int(author.rawValue)), .text(graph.name(of: author)), .text(identifier),
                              .text(identifier?.lowercased()), .int(graph.paperCount(of: author))])
        }
    }

    private func writeAuthorNames(_ writer: CSVTableWriter) throws {
        for author in graph.allAuthors {
            for name in graph.variants(of: author) {
                try writer.write([.int(Int(author.rawValue)), .text(name), .text(TextFolding.fold(name)),
                                  .text(TextFolding.foldName(name))])
            }
        }
    }

    private func writeAuthorships(_ writer: CSVTableWriter) throws {
        for paper in graph.allPapers {
            let written = graph.writtenAuthorNames(of: paper)
            for (position, author) in graph.paperAuthors[Int(paper.rawValue)].enumerated() {
                try writer.write([.int(Int(paper.rawValue)), .int(Int(author)), .int(position + 1),
                                  .text(position < written.count ? written[position] : nil)])
            }
        }
    }

    private func writeFacet(_ facet: Facet, _ writer: CSVTableWriter) throws {
        for (id, name) in facet.names.enumerated() {
            try writer.write([.int(id), .text(name), .text(TextFolding.fold(name))])
        }
    }

    /// One row per (row, value) of adjacency lists: `row` first, then the value.
    private func writeLinks(_ lists: AdjacencyLists, _ writer: CSVTableWriter, positions: Bool) throws {
        for row in 0..<lists.count {
            for (position, value) in lists[row].enumerated() {
                try writer.write([.int(row), .int(Int(value))] + (positions ? [.int(position + 1)] : []))
            }
        }
    }

    private func writeTokens(_ writer: CSVTableWriter) throws {
        for paper in graph.allPapers {
            let texts = [graph.title(of: paper), graph.abstract(of: paper) ?? ""]
            for (field, text) in texts.enumerated() {
                for (position, word) in TextFolding.words(text).enumerated() {
                    guard let id = graph.wordsByText[String(word)] else { continue }
                    try writer.write([.int(Int(paper.rawValue)), .int(field), .int(position), .int(Int(id))])
                }
            }
        }
    }
}
