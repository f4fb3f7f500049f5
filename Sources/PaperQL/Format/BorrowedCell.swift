/// A cell read in place by `ResultRows.withCells(ofRow:_:)`: text stored in the graph's byte
/// columns (keys, titles, author names) is handed out as those bytes, valid only during the call.
/// Reading one copies, allocates and retains nothing, where a `ResultValue` holds a counted
/// reference to the column its text views.
///
/// ```swift
/// rows.withCells(ofRow: 0) { column, cell in
///     if case .text(let bytes) = cell { out.append(contentsOf: bytes) }
/// }
/// ```
public enum BorrowedCell {
    case text(UnsafeBufferPointer<UInt8>)
    case integer(Int)
    case null
    /// Any other cell (a list, a flag, text the graph keeps as a `String`): its value.
    case value(ResultValue)

    /// The cell as the `ResultValue` the row's subscript gives (text copied into a `String`).
    public var value: ResultValue {
        switch self {
        case .text(let bytes): .text(GraphText(String(decoding: bytes, as: UTF8.self)))
        case .integer(let number): .integer(number)
        case .null: .null
        case .value(let value): value
        }
    }
}

extension ResultRows {
    /// Hands each cell of `row` to `body` in column order, read in place (`BorrowedCell`).
    public func withCells(ofRow row: Int, _ body: (_ column: Int, _ cell: BorrowedCell) throws -> Void) rethrows {
        precondition(row >= 0 && row < storage.rowCount, "row \(row) out of range")
        try storage.withCells(row: row, body)
    }
}

extension ResultRows.Storage {
    /// The byte columns that borrowed cells are read from, as pointers: the storage holds the
    /// graph, and a built graph never changes its columns.
    struct BorrowedColumns: Sendable {
        let keys: StringColumn.Pointers
        let titles: StringColumn.Pointers
        let authorNames: StringColumn.Pointers
        /// Whether papers' keys and titles are shown: only then are they fetched ahead.
        let showsKeys: Bool
        let showsTitles: Bool

        init(_ graph: PaperGraph, fields: [Field]) {
            keys = graph.paperKeys.pointers
            titles = graph.titles.pointers
            authorNames = graph.authorNames.pointers
            showsKeys = fields.contains(.id)
            showsTitles = fields.contains(.title)
        }
    }

    /// Rows are mostly read in order, and a row's texts lie anywhere in columns of hundreds of
    /// megabytes: the ends of the row eight ahead and the bytes of the row four ahead are asked
    /// for now, so that reading them later does not wait on memory.
    private func prefetch(row: Int) {
        func prefetch(_ column: StringColumn.Pointers) {
            if row + 8 < papers.count {
                let ahead = Int(papers[row + 8].rawValue)
                column.prefetchEnd(ahead - 1)
                column.prefetchEnd(ahead)
            }
            if row + 4 < papers.count { column.prefetchText(Int(papers[row + 4].rawValue)) }
        }
        if borrowed.showsKeys { prefetch(borrowed.keys) }
        if borrowed.showsTitles { prefetch(borrowed.titles) }
    }

    func withCells(row: Int, _ body: (Int, BorrowedCell) throws -> Void) rethrows {
        switch shape {
        case .papers:
            prefetch(row: row)
            let paper = papers[row]
            let index = Int(paper.rawValue)
            for column in 0..<columnCount {
                switch fields[column] {
                case .id: try body(column, .text(borrowed.keys.text(index)))
                case .title: try body(column, .text(borrowed.titles.text(index)))
                case .year: try body(column, graph.year(of: paper).map(BorrowedCell.integer) ?? .null)
                default: try body(column, .value(ResultRows.paperValue(paper, fields[column], graph)))
                }
            }
        case .authors:
            let author = authorRows[row]
            for column in 0..<columnCount {
                switch fields[column] {
                case .name: try body(column, .text(borrowed.authorNames.text(Int(author.author.rawValue))))
                case .papers: try body(column, .integer(author.papers))
                case .shared: try body(column, author.shared.map(BorrowedCell.integer) ?? .null)
                case .distance: try body(column, author.distance.map(BorrowedCell.integer) ?? .null)
                default: try body(column, .value(value(row: row, column: column)))
                }
            }
        case .groups:
            for column in 0..<columnCount {
                switch (fields[column], groupRows[row].key) {
                case (.key, .year(let year)): try body(column, .integer(year))
                case (.key, _): try body(column, .value(value(row: row, column: column)))
                default: try body(column, .integer(groupRows[row].count))
                }
            }
        case .count:
            try body(0, .integer(count))
        case .venues, .path, .cells:
            for column in 0..<columnCount { try body(column, .value(value(row: row, column: column))) }
        }
    }
}
