/// A result as rows of typed cells, read from the graph as they are asked for: what every
/// row-shaped output format renders, and what an embedding program reads.
///
/// Making the rows copies nothing: they hold the result's ids and the graph, and each cell
/// (`ResultValue`) is looked up when it is read, its text a view of the graph's bytes
/// (`GraphText`) until it is printed. `ResultTable` is the same rows with every cell copied
/// into strings.
///
/// ```swift
/// let rows = ResultRows(result, graph: session.graph)
/// for row in rows {
///     for value in row { use(value) }
/// }
/// ```
public struct ResultRows: Sendable, RandomAccessCollection {
    /// What the rows are read from: one reference, so that a row holding it costs one retain,
    /// and plain stored arrays (not an enum's payloads), so that reading a cell copies none.
    @usableFromInline final class Storage: Sendable {
        enum Shape: Sendable {
            /// Papers (also a profile's works), one column per field.
            case papers
            case authors
            case venues
            case groups
            case count
            case path
            /// Cells made beforehand (a chart's rows with their bars, a profile's sections).
            case cells
        }

        let graph: PaperGraph
        let shape: Shape
        let kind: ResultKind
        @usableFromInline let rowCount: Int
        @usableFromInline let columnCount: Int
        /// The fields shown, one per column (every shape but count, path and cells).
        let fields: [Field]
        let papers: [PaperID]
        let authorRows: [AuthorRow]
        let venueRows: [VenueRow]
        let groupRows: [GroupRow]
        /// The field `count by` grouped by.
        let groupField: Field
        let count: Int
        let steps: [PathResult.Step]
        let cells: [[ResultValue]]
        /// Headings and field names of cells made beforehand.
        let cellColumns: [String]
        let cellFieldNames: [String]
        /// What `withCells` reads text from.
        let borrowed: BorrowedColumns

        init(graph: PaperGraph, shape: Shape, kind: ResultKind, rowCount: Int, columnCount: Int, fields: [Field] = [],
             papers: [PaperID] = [], authorRows: [AuthorRow] = [], venueRows: [VenueRow] = [], groupRows: [GroupRow] = [],
             groupField: Field = .key, count: Int = 0, steps: [PathResult.Step] = [], cells: [[ResultValue]] = [],
             cellColumns: [String] = [], cellFieldNames: [String] = []) {
            self.graph = graph
            self.shape = shape
            self.kind = kind
            self.rowCount = rowCount
            self.columnCount = columnCount
            self.fields = fields
            self.papers = papers
            self.authorRows = authorRows
            self.venueRows = venueRows
            self.groupRows = groupRows
            self.groupField = groupField
            self.count = count
            self.steps = steps
            self.cells = cells
            self.cellColumns = cellColumns
            self.cellFieldNames = cellFieldNames
            borrowed = BorrowedColumns(graph, fields: fields)
        }
    }

    @usableFromInline let storage: Storage

    /// The rows of a result; nothing is read from the graph until a cell is.
    public init(_ result: QueryResult, graph: PaperGraph) {
        switch result {
        case .papers(let papers):
            storage = Storage(graph: graph, shape: .papers, kind: .papers, rowCount: papers.papers.count,
                              columnCount: papers.columns.count, fields: papers.columns, papers: papers.papers)
        case .profile(let profile):
            // A profile's rows are its works.
            let fields = [Field.id] + PaperRows.defaultColumns
            storage = Storage(graph: graph, shape: .papers, kind: .profile, rowCount: profile.works.count,
                              columnCount: fields.count, fields: fields, papers: profile.works)
        case .authors(let authors):
            storage = Storage(graph: graph, shape: .authors, kind: .authors, rowCount: authors.rows.count,
                              columnCount: authors.columns.count, fields: authors.columns, authorRows: authors.rows)
        case .venues(let venues):
            storage = Storage(graph: graph, shape: .venues, kind: .venues, rowCount: venues.rows.count,
                              columnCount: venues.columns.count, fields: venues.columns, venueRows: venues.rows)
        case .groups(let groups):
            storage = Storage(graph: graph, shape: .groups, kind: .groups, rowCount: groups.rows.count,
                              columnCount: groups.columns.count, fields: groups.columns, groupRows: groups.rows,
                              groupField: groups.field)
        case .count(let count):
            storage = Storage(graph: graph, shape: .count, kind: .count, rowCount: 1, columnCount: 1, count: count)
        case .path(let path):
            storage = Storage(graph: graph, shape: .path, kind: .path, rowCount: path.steps.count, columnCount: 4,
                              steps: path.steps)
        }
    }

    /// Rows of cells made beforehand.
    init(kind: ResultKind, columns: [String], fieldNames: [String], rows: [[ResultValue]], graph: PaperGraph) {
        storage = Storage(graph: graph, shape: .cells, kind: kind, rowCount: rows.count, columnCount: fieldNames.count,
                          cells: rows, cellColumns: columns, cellFieldNames: fieldNames)
    }

    public var graph: PaperGraph { storage.graph }

    public var kind: ResultKind { storage.kind }

    /// Column headings for people (`count by year` heads its key column `year`).
    public var columns: [String] {
        switch storage.shape {
        case .groups: storage.fields.map { $0 == .key ? ResultTable.singular(storage.groupField) : $0.rawValue }
        case .cells: storage.cellColumns
        default: fieldNames
        }
    }

    /// The stable field names, for JSON (`count by year` rows have `key` and `count`).
    public var fieldNames: [String] {
        switch storage.shape {
        case .papers, .authors, .venues, .groups: storage.fields.map(\.rawValue)
        case .count: ["count"]
        case .path: ["step", "author", "via", "year"]
        case .cells: storage.cellFieldNames
        }
    }

    /// The number of columns of every row.
    @inlinable public var columnCount: Int { storage.columnCount }

    @inlinable public var startIndex: Int { 0 }

    @inlinable public var endIndex: Int { storage.rowCount }

    @inlinable public subscript(position: Int) -> ResultRow {
        precondition(position >= 0 && position < storage.rowCount, "row \(position) out of range")
        return ResultRow(storage: storage, row: position)
    }
}

extension ResultRows.Storage {
    /// The cell at a row and column; the caller has checked both.
    @usableFromInline func value(row: Int, column: Int) -> ResultValue {
        switch shape {
        case .papers:
            return ResultRows.paperValue(papers[row], fields[column], graph)
        case .authors:
            return authorValue(authorRows[row], fields[column])
        case .venues:
            return fields[column] == .name ? .text(GraphText(venueRows[row].name)) : .integer(venueRows[row].papers)
        case .groups:
            guard fields[column] == .key else { return .integer(groupRows[row].count) }
            switch groupRows[row].key {
            case .year(let year): return .integer(year)
            case .text(let text): return .text(GraphText(text))
            case .none: return .null
            }
        case .count:
            return .integer(count)
        case .path:
            let step = steps[row]
            switch column {
            case 0: return .integer(row)
            case 1: return .text(graph.authorNames.text(Int(step.author.rawValue)))
            case 2: return step.via.map { .text(graph.titles.text(Int($0.rawValue))) } ?? .null
            default: return step.via.flatMap { graph.year(of: $0) }.map(ResultValue.integer) ?? .null
            }
        case .cells:
            return cells[row][column]
        }
    }

    private func authorValue(_ row: AuthorRow, _ field: Field) -> ResultValue {
        let author = Int(row.author.rawValue)
        switch field {
        case .name: return .text(graph.authorNames.text(author))
        case .papers: return .integer(row.papers)
        case .shared: return row.shared.map(ResultValue.integer) ?? .null
        case .distance: return row.distance.map(ResultValue.integer) ?? .null
        case .variants: return .list(GraphTextList(.column(graph.authorVariants[author], graph.variantNames)))
        case .identifier: return graph.authorIdentifiers.optionalText(author).map(ResultValue.text) ?? .null
        case .years:
            return graph.activeYears(of: row.author).map { .text(GraphText(PaperGraph.describe(years: $0))) } ?? .null
        case .venues: return .list(GraphTextList(graph.topVenues(of: row.author).map(\.name)))
        case .coauthors: return .list(GraphTextList(graph.topCoauthors(of: row.author).map(\.name)))
        default: return .null
        }
    }
}

extension ResultRows {
    /// A paper's value of a field.
    static func paperValue(_ paper: PaperID, _ field: Field, _ graph: PaperGraph) -> ResultValue {
        let index = Int(paper.rawValue)
        switch field {
        case .id: return .text(graph.paperKeys.text(index))
        case .title: return .text(graph.titles.text(index))
        case .year: return graph.year(of: paper).map(ResultValue.integer) ?? .null
        case .venue:
            let venue = graph.paperVenues[index]
            return venue == PaperGraph.noValue ? .null : .text(GraphText(graph.venues.names[Int(venue)]))
        case .authors: return .list(GraphTextList(.column(graph.paperAuthorVariants[index], graph.variantNames)))
        case .type: return graph.type(of: paper).map { .text(GraphText($0.rawValue)) } ?? .null
        case .date: return graph.dates.optionalText(index).map(ResultValue.text) ?? .null
        case .categories: return .list(GraphTextList(.names(graph.paperCategories[index], graph.categories.names)))
        case .institutions: return .list(GraphTextList(.names(graph.paperInstitutions[index], graph.institutions.names)))
        case .abstract: return graph.abstract(of: paper).map { .text(GraphText($0)) } ?? .null
        case .sources: return .list(GraphTextList(.names(graph.paperSources[index], graph.sourceNames)))
        case .versions: return .list(GraphTextList(.column(graph.paperVersions[index], graph.paperKeys)))
        case .doi: return graph.dois.optionalText(index).map(ResultValue.text) ?? .null
        case .truncated: return .bool(graph.authorsTruncated(paper))
        default: return .null
        }
    }
}
