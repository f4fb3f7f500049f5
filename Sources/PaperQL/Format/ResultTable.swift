/// A result as named columns and typed cells: what every output format renders.
public struct ResultTable: Sendable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case list([String])
        case bool(Bool)
        case null

        /// The cell as plain text (lists joined with `, `).
        public var plain: String {
            switch self {
            case .text(let text): text
            case .integer(let value): String(value)
            case .list(let items): items.joined(separator: ", ")
            case .bool(let flag): flag ? "true" : "false"
            case .null: ""
            }
        }

        var isNumeric: Bool {
            if case .integer = self { return true }
            return false
        }
    }

    public let kind: ResultKind
    /// Column headings for people (`count by year` heads its key column `year`).
    public let columns: [String]
    /// The stable field names, for JSON (`count by year` rows have `key` and `count`).
    public let fieldNames: [String]
    public let rows: [[Cell]]

    /// Builds the table of a result; text is read from the graph here, row by row.
    public init(_ result: QueryResult, graph: PaperGraph) {
        kind = result.kind
        switch result {
        case .papers(let papers):
            columns = papers.columns.map(\.rawValue)
            fieldNames = columns
            rows = papers.papers.map { paper in papers.columns.map { Self.cell(paper, $0, graph) } }
        case .authors(let authors):
            columns = authors.columns.map(\.rawValue)
            fieldNames = columns
            rows = authors.rows.map { row in
                authors.columns.map { field in
                    switch field {
                    case .name: .text(graph.name(of: row.author))
                    case .papers: .integer(row.papers)
                    case .shared: row.shared.map(Cell.integer) ?? .null
                    case .distance: row.distance.map(Cell.integer) ?? .null
                    case .variants: .list(graph.variants(of: row.author))
                    case .identifier: graph.identifier(of: row.author).map(Cell.text) ?? .null
                    case .years: graph.activeYears(of: row.author).map { .text(PaperGraph.describe(years: $0)) } ?? .null
                    case .venues: .list(graph.topVenues(of: row.author).map(\.name))
                    case .coauthors: .list(graph.topCoauthors(of: row.author).map(\.name))
                    default: .null
                    }
                }
            }
        case .venues(let venues):
            columns = venues.columns.map(\.rawValue)
            fieldNames = columns
            rows = venues.rows.map { row in
                venues.columns.map { $0 == .name ? .text(row.name) : .integer(row.papers) }
            }
        case .groups(let groups):
            columns = groups.columns.map { $0 == .key ? Self.singular(groups.field) : $0.rawValue }
            fieldNames = groups.columns.map(\.rawValue)
            rows = groups.rows.map { row in
                groups.columns.map { field in
                    guard field == .key else { return .integer(row.count) }
                    switch row.key {
                    case .year(let year): return .integer(year)
                    case .text(let text): return .text(text)
                    case .none: return .null
                    }
                }
            }
        case .profile(let profile):
            // A profile's rows are its works.
            columns = ["id"] + PaperRows.defaultColumns.map(\.rawValue)
            fieldNames = columns
            rows = profile.works.map { paper in ([Field.id] + PaperRows.defaultColumns).map { Self.cell(paper, $0, graph) } }
        case .count(let count):
            columns = ["count"]
            fieldNames = columns
            rows = [[.integer(count)]]
        case .path(let path):
            columns = ["step", "author", "via", "year"]
            fieldNames = columns
            rows = path.steps.enumerated().map { index, step in
                [.integer(index), .text(graph.name(of: step.author)),
                 step.via.map { .text(graph.title(of: $0)) } ?? .null,
                 step.via.flatMap { graph.year(of: $0) }.map(Cell.integer) ?? .null]
            }
        }
    }

    /// `count by authors` heads its key column `author`.
    static func singular(_ field: Field) -> String {
        switch field {
        case .authors: "author"
        case .categories: "category"
        case .institutions: "institution"
        case .sources: "source"
        default: field.rawValue
        }
    }

    static func cell(_ paper: PaperID, _ field: Field, _ graph: PaperGraph) -> Cell {
        switch field {
        case .id: .text(graph.key(of: paper))
        case .title: .text(graph.title(of: paper))
        case .year: graph.year(of: paper).map(Cell.integer) ?? .null
        case .venue: graph.venue(of: paper).map(Cell.text) ?? .null
        case .authors: .list(graph.writtenAuthorNames(of: paper))
        case .type: graph.type(of: paper).map { .text($0.rawValue) } ?? .null
        case .date: graph.date(of: paper).map(Cell.text) ?? .null
        case .categories: .list(graph.categories(of: paper))
        case .institutions: .list(graph.institutions(of: paper))
        case .abstract: graph.abstract(of: paper).map(Cell.text) ?? .null
        case .sources: .list(graph.sources(of: paper))
        case .versions: .list(graph.versions(of: paper).map { graph.key(of: $0) })
        case .doi: graph.doi(of: paper).map(Cell.text) ?? .null
        case .truncated: .bool(graph.authorsTruncated(paper))
        default: .null
        }
    }
}
