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
    /// Graphviz DOT: the result's graph (`ResultGraph`).
    case dot
    /// GraphML: the result's graph, for networkx, Gephi, yEd.
    case graphml
    /// SVG drawn by Graphviz: the library writes the DOT source (`render` gives DOT); a front
    /// end pipes it through Graphviz's `dot -Tsvg`.
    case svg
    /// BibTeX entries for the papers of a result.
    case bibtex

    /// The format a file name's extension names (`--out FILE`), or nil: `.txt` table, `.json`,
    /// `.jsonl`/`.ndjson`, `.csv`, `.md`/`.markdown`, `.dot`/`.gv`, `.graphml`, `.svg`, `.bib`.
    public init?(fileExtensionOf path: String) {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        switch path[path.index(after: dot)...].lowercased() {
        case "txt": self = .table
        case "json": self = .json
        case "jsonl", "ndjson": self = .jsonl
        case "csv": self = .csv
        case "md", "markdown": self = .markdown
        case "dot", "gv": self = .dot
        case "graphml": self = .graphml
        case "svg": self = .svg
        case "bib", "bibtex": self = .bibtex
        default: return nil
        }
    }
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

    /// When `count by` results get a bar column (`BarChart`); never in CSV or JSON.
    public var chart: BarChart.Mode = .automatic
    /// How BibTeX writes accented letters.
    public var accents: LaTeXEscaping.Accents = .utf8

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
        case .csv: CSVFormatter.render(ResultRows(result, graph: graph))
        case .markdown:
            if BarChart.applies(to: result, format: .markdown, options: options), case .groups(let groups) = result {
                MarkdownFormatter.render(BarChart.table(groups, graph: graph, barWidth: options.width.map { max(10, $0 / 2) } ?? 40, heading: "chart"))
            } else {
                MarkdownFormatter.render(ResultRows(result, graph: graph))
            }
        case .dot, .svg: DOTFormatter.render(result, graph: graph)
        case .graphml: GraphMLFormatter.render(result, graph: graph)
        case .bibtex: BibTeXFormatter.render(result, graph: graph, accents: options.accents)
        }
    }

    /// Why this format cannot show a result (a count drawn as a graph, authors as BibTeX), or
    /// nil when it can. Front ends report it at the statement instead of writing the result.
    public func mismatch(_ result: QueryResult) -> DiagnosticMessage? {
        switch format {
        case .dot, .graphml, .svg:
            ResultGraph.draws(result.kind) ? nil : Messages.notAGraph(format.rawValue, kind: result.kind.article)
        case .bibtex:
            BibTeXFormatter.cites(result.kind) ? nil : Messages.noPapersToCite(kind: result.kind.article)
        case .table, .json, .jsonl, .csv, .markdown:
            nil
        }
    }
}
