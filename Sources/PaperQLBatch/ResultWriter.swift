import PaperQL

/// Turns a statement's result into the text a front end writes: the library's rendering, the
/// statement's error when the format cannot show the result (`ResultFormatter.mismatch`), and
/// SVG drawn through Graphviz.
public struct ResultWriter: Sendable {
    public let formatter: ResultFormatter
    /// Graphviz's `dot`, for `--format svg`.
    public let dotProgram: String?

    public enum Rendered {
        case text(String)
        /// The format cannot show this result: an error at the statement.
        case mismatch(DiagnosticMessage)
        /// Rendering failed outside the query (Graphviz missing or failing).
        case failure(String)
    }

    public init(formatter: ResultFormatter, dotProgram: String? = Graphviz.dotProgram()) {
        self.formatter = formatter
        self.dotProgram = formatter.format == .svg ? dotProgram : nil
    }

    public func render(_ result: QueryResult, graph: PaperGraph) -> Rendered {
        if let message = formatter.mismatch(result) { return .mismatch(message) }
        let text = formatter.render(result, graph: graph)
        guard formatter.format == .svg else { return .text(text) }
        guard let dotProgram else { return .failure(Graphviz.installHint + "\n") }
        switch Graphviz.svg(fromDOT: text, program: dotProgram) {
        case .success(let svg): return .text(svg)
        case .failure(let failure): return .failure("error: \(failure.message)\n")
        }
    }
}
