/// A result as named columns and typed cells, every cell's text copied into a `String`.
///
/// The formatters and embedders that only read the cells use `ResultRows`, which borrows the
/// graph's text until it is printed; a table is for keeping the values apart from the graph.
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
    }

    public let kind: ResultKind
    /// Column headings for people (`count by year` heads its key column `year`).
    public let columns: [String]
    /// The stable field names, for JSON (`count by year` rows have `key` and `count`).
    public let fieldNames: [String]
    public let rows: [[Cell]]

    /// Builds the table of a result, every cell's text copied out of the graph. `ResultRows`
    /// reads the same cells without copying.
    public init(_ result: QueryResult, graph: PaperGraph) {
        self.init(ResultRows(result, graph: graph))
    }

    /// Copies rows into a table.
    public init(_ rows: ResultRows) {
        kind = rows.kind
        columns = rows.columns
        fieldNames = rows.fieldNames
        self.rows = rows.map(\.cells)
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
}
