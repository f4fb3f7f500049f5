/// The output formats of results.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Aligned columns for people.
    case table
    /// One JSON object per statement: `kind`, `rows`, and for paths `found` and `steps`.
    case json
    /// One compact JSON object per row.
    case jsonl
    /// RFC 4180 CSV with a header row.
    case csv
    /// A GitHub-flavoured Markdown table.
    case markdown
}

/// How to render results.
public struct FormatOptions: Sendable {
    /// Terminal width; long cells (titles, author lists) are shortened to fit. Nil: never shorten.
    public var width: Int?
    /// Show at most this many rows, then say how many more there are. Nil: all rows.
    public var maxRows: Int?
    public var colored: Bool
    /// Output goes to a terminal: control characters from data are shown escaped in every format
    /// (`TerminalText`). Tables always escape them.
    public var escapesControlCharacters: Bool

    public init(width: Int? = nil, maxRows: Int? = nil, colored: Bool = false, escapesControlCharacters: Bool = false) {
        self.width = width
        self.maxRows = maxRows
        self.colored = colored
        self.escapesControlCharacters = escapesControlCharacters
    }
}

/// Renders results in a chosen format. Every rendered result ends with a newline.
public struct ResultFormatter: Sendable {
    public let format: OutputFormat
    public let options: FormatOptions

    public init(format: OutputFormat, options: FormatOptions = FormatOptions()) {
        self.format = format
        self.options = options
    }

    public func render(_ result: QueryResult, graph: PaperGraph) -> String {
        let output = renderData(result, graph: graph)
        return options.escapesControlCharacters && format != .table ? TerminalText.escaped(output) : output
    }

    private func renderData(_ result: QueryResult, graph: PaperGraph) -> String {
        switch format {
        case .table: TableFormatter(options: options).render(result, graph: graph)
        case .json: JSONFormatter.document(result, graph: graph, pretty: true) + "\n"
        case .jsonl: JSONFormatter.lines(result, graph: graph)
        case .csv: CSVFormatter.render(ResultTable(result, graph: graph))
        case .markdown: MarkdownFormatter.render(ResultTable(result, graph: graph))
        }
    }
}
