/// One row of a result (`ResultRows`): its cells in column order, each read from the graph when
/// it is asked for.
public struct ResultRow: Sendable, RandomAccessCollection {
    @usableFromInline let storage: ResultRows.Storage
    /// The row's position in its result.
    public let row: Int

    @usableFromInline init(storage: ResultRows.Storage, row: Int) {
        self.storage = storage
        self.row = row
    }

    @inlinable public var startIndex: Int { 0 }

    @inlinable public var endIndex: Int { storage.columnCount }

    @inlinable public subscript(column: Int) -> ResultValue {
        precondition(column >= 0 && column < storage.columnCount, "column \(column) out of range")
        return storage.value(row: row, column: column)
    }

    /// The row's cells with their text copied into strings.
    public var cells: [ResultTable.Cell] { map(\.cell) }
}
