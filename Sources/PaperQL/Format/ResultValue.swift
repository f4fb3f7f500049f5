/// One cell of a result row (`ResultRow`), typed. Text borrows the graph's storage
/// (`GraphText`); it becomes a `String` only when asked (`plain`, `GraphText.string`).
public enum ResultValue: Sendable, Equatable {
    case text(GraphText)
    case integer(Int)
    case list(GraphTextList)
    case bool(Bool)
    case null

    /// The value as plain text (lists joined with `, `; null is empty).
    public var plain: String {
        switch self {
        case .text(let text): text.string
        case .integer(let value): String(value)
        case .list(let items): items.joined(separator: ", ")
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        }
    }

    /// The value with its text copied into strings.
    public var cell: ResultTable.Cell {
        switch self {
        case .text(let text): .text(text.string)
        case .integer(let value): .integer(value)
        case .list(let items): .list(items.strings)
        case .bool(let flag): .bool(flag)
        case .null: .null
        }
    }

    var isNumeric: Bool {
        if case .integer = self { return true }
        return false
    }

    var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}
