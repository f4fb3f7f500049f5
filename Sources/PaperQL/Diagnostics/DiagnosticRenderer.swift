/// Renders diagnostics the way compilers do: location, severity, message, the source line and
/// a caret under the span, then notes.
///
/// ```
/// report.pql:3:12: error: no author named "Jack Ray"
/// papers by "Jack Ray" since 2020
///           ^~~~~~~~~~
/// report.pql:3:12: note: did you mean "Jack Rae" (6 papers)?
/// ```
public struct DiagnosticRenderer: Sendable {
    /// ANSI colours, for a terminal.
    public var colored: Bool

    public init(colored: Bool = false) {
        self.colored = colored
    }

    public func render(_ diagnostics: [Diagnostic], in source: SourceFile) -> String {
        diagnostics.map { render($0, in: source) }.joined()
    }

    /// One diagnostic with its notes; every line ends with a newline.
    public func render(_ diagnostic: Diagnostic, in source: SourceFile) -> String {
        let location = source.location(of: diagnostic.span.start)
        var output = header(source.name, location, diagnostic.severity.rawValue, diagnostic.message)
        output += excerpt(diagnostic.span, in: source)
        for note in diagnostic.notes {
            let span = note.span ?? diagnostic.span
            output += header(source.name, source.location(of: span.start), "note", note.message)
            if let own = note.span, own != diagnostic.span { output += excerpt(own, in: source) }
        }
        return output
    }

    private func header(_ file: String, _ location: SourceLocation, _ severity: String, _ message: String) -> String {
        let place = "\(file):\(location.line):\(location.column):"
        guard colored else { return "\(place) \(severity): \(message)\n" }
        let color =
            switch severity {
            case "error": "\u{1B}[1;31m"
            case "warning": "\u{1B}[1;35m"
            default: "\u{1B}[1;36m"
            }
        return "\u{1B}[1m\(place)\u{1B}[0m \(color)\(severity):\u{1B}[0m \u{1B}[1m\(message)\u{1B}[0m\n"
    }

    /// The line holding the start of the span, and a caret line under the span's part on it.
    private func excerpt(_ span: SourceSpan, in source: SourceFile) -> String {
        let start = source.location(of: span.start)
        let line = source.lineText(start.line)
        let lineCharacters = Array(line)
        let prefix = lineCharacters.prefix(start.column - 1).map { $0 == "\t" ? "\t" : String(repeating: " ", count: DisplayWidth.of($0)) }
            .joined()
        let endLocation = source.location(of: span.end)
        let endColumn = endLocation.line == start.line ? endLocation.column : lineCharacters.count + 1
        let covered = lineCharacters.dropFirst(start.column - 1).prefix(max(0, endColumn - start.column))
        let width = max(1, covered.reduce(0) { $0 + DisplayWidth.of($1) })
        let marker = "^" + String(repeating: "~", count: width - 1)
        let caretLine = colored ? "\(prefix)\u{1B}[1;32m\(marker)\u{1B}[0m" : prefix + marker
        return "\(line)\n\(caretLine)\n"
    }
}
