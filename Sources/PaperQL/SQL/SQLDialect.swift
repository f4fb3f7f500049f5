/// The SQL engines PaperQL compiles to.
public enum SQLDialect: String, Sendable, CaseIterable {
    case postgres, duckdb, spark

    /// The column type of text.
    var textType: String {
        switch self {
        case .postgres: "TEXT"
        case .duckdb: "VARCHAR"
        case .spark: "STRING"
        }
    }

    var integerType: String { "BIGINT" }

    /// Text compared by Unicode code points (PostgreSQL's database collation may be a locale's;
    /// DuckDB and Spark compare bytes, and UTF-8 bytes order as code points).
    func binary(_ expression: String) -> String {
        self == .postgres ? "(\(expression)) COLLATE \"C\"" : expression
    }

    /// Whether `path` compiles for the dialect. Its search is unrolled into one level per step,
    /// each level's query naming the levels before it; PostgreSQL and DuckDB compute each level
    /// once, Spark inlines every reference (measured: a path of bound 8 ran out of a 2 GB driver
    /// heap on the 38-paper default corpus), so Spark gets a diagnostic instead.
    var compilesPaths: Bool { self != .spark }

    /// A text literal: quotes doubled; Spark also reads backslashes as escapes.
    public func literal(_ text: String) -> String {
        var escaped = text.replacingOccurrences(of: "'", with: "''")
        if self == .spark { escaped = escaped.replacingOccurrences(of: "\\", with: "\\\\") }
        return "'\(escaped)'"
    }
}
