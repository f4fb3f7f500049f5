import PaperQL

/// Runs scripts without interaction: results to standard output, diagnostics to standard error.
///
/// Diagnostics are bounded: at most `DiagnosticRenderer.defaultLimit` per statement and
/// `diagnosticsPerRun` per script, each cut followed by one "N more … not shown" line, so a
/// hostile script cannot flood standard error.
public struct BatchRunner {
    public var format: OutputFormat
    public var formatOptions: FormatOptions
    public var keepGoing: Bool
    public var coloredDiagnostics: Bool
    private var printedResults = 0

    /// Diagnostics shown for one script (one `run` call).
    public static let diagnosticsPerRun = 100

    /// Where results go instead of standard output (`--out FILE`).
    public let outputFile: OutputFile?
    /// Results of at least this many rows written to a file show a progress line on a terminal.
    public static let progressRows = 10_000

    public init(
        format: OutputFormat, formatOptions: FormatOptions, keepGoing: Bool, coloredDiagnostics: Bool,
        outputFile: OutputFile? = nil
    ) {
        self.format = format
        var formatOptions = formatOptions
        // Data never drives the terminal: control characters are shown escaped there.
        if outputFile == nil, Terminal.standardOutputIsTerminal { formatOptions.escapesControlCharacters = true }
        self.formatOptions = formatOptions
        self.keepGoing = keepGoing
        self.coloredDiagnostics = coloredDiagnostics
        self.outputFile = outputFile
    }

    /// What has been shown of a script's diagnostics, and what was left out.
    struct DiagnosticBudget {
        let renderer: DiagnosticRenderer
        let source: SourceFile
        var shown = 0
        var hidden = 0
        var hiddenErrors = 0
        var firstHidden: SourceSpan?

        mutating func report(_ diagnostics: [Diagnostic]) {
            guard !diagnostics.isEmpty else { return }
            let room = BatchRunner.diagnosticsPerRun - shown
            if diagnostics.count <= min(room, renderer.limit) || room >= renderer.limit {
                // Within the budget; the renderer cuts the statement's own list at its limit.
                Terminal.writeError(renderer.render(diagnostics, in: source))
                shown += min(diagnostics.count, renderer.limit)
                return
            }
            let cut = max(0, room)
            if cut > 0 { Terminal.writeError(renderer.render(Array(diagnostics.prefix(cut)), in: source)) }
            shown += cut
            let rest = diagnostics.dropFirst(cut)
            if firstHidden == nil { firstHidden = rest.first?.span }
            hidden += rest.count
            hiddenErrors += rest.lazy.filter { $0.severity == .error }.count
        }

        func finish() {
            guard hidden > 0, let firstHidden else { return }
            Terminal.writeError(renderer.moreLine(
                count: hidden, errors: hiddenErrors, at: firstHidden, in: source,
                why: " (at most \(BatchRunner.diagnosticsPerRun) are shown for a script)"))
        }
    }

    /// Runs one script in the session. Returns false if any statement failed.
    public mutating func run(_ source: SourceFile, in session: inout QuerySession) -> Bool {
        let writer = ResultWriter(formatter: ResultFormatter(format: format, options: formatOptions))
        let graph = session.graph
        var failed = false
        var budget = DiagnosticBudget(renderer: DiagnosticRenderer(colored: coloredDiagnostics), source: source)
        let outcome = session.run(source, options: .init(keepGoing: keepGoing)) { statement in
            budget.report(statement.diagnostics)
            if statement.failed { failed = true }
            guard let result = statement.result, statement.binding == nil else { return }
            if let message = writer.formatter.mismatch(result) {
                budget.report([Diagnostic.error(message, at: statement.span)])
                failed = true
                return
            }
            if printedResults > 0, format == .table || format == .csv || format == .markdown || format == .bibtex {
                write("\n")
            }
            if !emit(result, graph: graph, writer: writer) { failed = true }
            printedResults += 1
        }
        budget.report(outcome.unreportedDiagnostics)
        budget.finish()
        return !failed && !outcome.diagnostics.hasErrors
    }

    private func write(_ text: String) {
        if let outputFile { outputFile.write(text) } else { Terminal.writeOutput(text) }
    }

    /// Writes one result; to a file, in pieces with a progress line on a terminal when it is
    /// large, and a line saying what was written. False when it could not be rendered.
    private func emit(_ result: QueryResult, graph: PaperGraph, writer: ResultWriter) -> Bool {
        guard let outputFile, writer.formatter.format != .svg else {
            switch writer.render(result, graph: graph) {
            case .text(let text): write(text)
            case .mismatch: return false
            case .failure(let message):
                Terminal.writeError(message)
                return false
            }
            return true
        }
        let progress = ProgressLine(enabled: Terminal.standardErrorIsTerminal && result.rowCount >= Self.progressRows)
        writer.formatter.render(result, graph: graph, rowsPerPiece: 5_000) { piece, rows in
            outputFile.write(piece)
            progress.show("writing \(outputFile.path): \(rows) of \(result.rowCount) rows")
        }
        progress.clear()
        if Terminal.standardErrorIsTerminal {
            Terminal.writeError("wrote \(ProgressLine.describe(result)) to \(outputFile.path)\n")
        }
        return true
    }
}
