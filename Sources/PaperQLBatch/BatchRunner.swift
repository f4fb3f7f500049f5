import PaperQL

/// Runs scripts without interaction: results to standard output, diagnostics to standard error.
public struct BatchRunner {
    public var format: OutputFormat
    public var formatOptions: FormatOptions
    public var keepGoing: Bool
    public var coloredDiagnostics: Bool
    private var printedResults = 0

    public init(format: OutputFormat, formatOptions: FormatOptions, keepGoing: Bool, coloredDiagnostics: Bool) {
        self.format = format
        self.formatOptions = formatOptions
        self.keepGoing = keepGoing
        self.coloredDiagnostics = coloredDiagnostics
    }

    /// Runs one script in the session. Returns false if any statement failed.
    public mutating func run(_ source: SourceFile, in session: inout QuerySession) -> Bool {
        let renderer = DiagnosticRenderer(colored: coloredDiagnostics)
        let formatter = ResultFormatter(format: format, options: formatOptions)
        let graph = session.graph
        var failed = false
        let outcome = session.run(source, options: .init(keepGoing: keepGoing)) { statement in
            if !statement.diagnostics.isEmpty {
                Terminal.writeError(renderer.render(statement.diagnostics, in: source))
            }
            if statement.failed { failed = true }
            guard let result = statement.result, statement.binding == nil else { return }
            if printedResults > 0, format == .table || format == .csv || format == .markdown {
                Terminal.writeOutput("\n")
            }
            Terminal.writeOutput(formatter.render(result, graph: graph))
            printedResults += 1
        }
        if !outcome.unreportedDiagnostics.isEmpty {
            Terminal.writeError(renderer.render(outcome.unreportedDiagnostics, in: source))
        }
        return !failed && !outcome.diagnostics.hasErrors
    }
}
