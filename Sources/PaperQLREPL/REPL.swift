import Foundation
import PaperQL
import PaperQLBatch

/// How the interactive session starts.
public struct REPLOptions: Sendable {
    public var format: OutputFormat
    public var coloredOutput: Bool
    public var coloredDiagnostics: Bool
    /// Where history is kept; nil keeps none.
    public var historyPath: String?
    /// Shown in the greeting.
    public var version: String
    /// Charts and BibTeX accents (width, rows and colour come from the terminal).
    public var formatOptions = FormatOptions()

    public init(format: OutputFormat, coloredOutput: Bool, coloredDiagnostics: Bool, historyPath: String?, version: String) {
        self.format = format
        self.coloredOutput = coloredOutput
        self.coloredDiagnostics = coloredDiagnostics
        self.historyPath = historyPath
        self.version = version
    }

    /// `$PAPERQL_HISTORY` if set (empty: no history file), else `~/.paperql_history`.
    public static func defaultHistoryPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["PAPERQL_HISTORY"] { return path.isEmpty ? nil : path }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return home + "/.paperql_history"
    }
}

/// The interactive session: a prompt, a continuation prompt while a statement is open,
/// history, completion, meta-commands, and Ctrl-C to cancel a running query.
public struct REPL {
    static let prompt = "paperql> "
    static let continuationPrompt = "   ...> "

    var session: QuerySession
    var service: LanguageService
    let options: REPLOptions
    var format: OutputFormat
    /// When `count by` results get bars (`:chart`).
    var chart: BarChart.Mode
    var timing = false
    /// The history file in use: `options.historyPath` unless it could not be used.
    var historyPath: String?

    public init(session: QuerySession, options: REPLOptions) {
        self.session = session
        self.options = options
        self.format = options.format
        self.chart = options.formatOptions.chart
        self.service = LanguageService(graph: session.graph)
    }

    /// Runs until `:quit` or Ctrl-D; returns the exit status.
    public mutating func run() -> Int32 {
        Locale.useUTF8ForTerminal()
        InterruptSignal.install()
        let history = LineEditor.setUp(historyPath: options.historyPath)
        historyPath = history.historyPath
        if let warning = history.warning { Terminal.writeError("warning: \(TerminalText.escaped(warning))\n") }
        let graph = session.graph
        Terminal.writeOutput(
            "PaperQL \(options.version) — \(graph.paperCount) papers, \(graph.authorCount) authors. "
                + "Type :help for help, Tab to complete, Ctrl-D to leave.\n")
        var pending = ""
        while true {
            let separator = pending.isEmpty ? "" : service.continuationSeparator(after: pending)
            let completer = Completer(service: service, pending: pending + separator)
            completionState.withLock { $0 = completer }
            switch LineEditor.readLine(prompt: pending.isEmpty ? REPL.prompt : REPL.continuationPrompt) {
            case .end:
                Terminal.writeOutput("\n")
                return 0
            case .interrupted:
                // Ctrl-C at the prompt: drop the line and any open statement.
                pending = ""
                Terminal.writeOutput("\n")
            case .line(let line):
                let blank = line.trimmingBlanks().isEmpty
                if pending.isEmpty {
                    if blank { continue }
                    if line.trimmingBlanks().hasPrefix(":") {
                        remember(line.trimmingBlanks())
                        if !runCommand(MetaCommand(parsing: line)) { return 0 }
                        continue
                    }
                    if ["quit", "exit"].contains(line.trimmingBlanks().lowercased()),
                        session.bindings[line.trimmingBlanks()] == nil
                    {
                        return 0
                    }
                }
                let text = pending.isEmpty ? line : blank ? pending : pending + separator + line
                if !blank, service.isIncomplete(text) {
                    pending = text
                    continue
                }
                pending = ""
                remember(REPL.historyEntry(text))
                runQuery(SourceFile(name: "<input>", text: text))
            }
        }
    }

    /// A multi-line statement is one history entry; on one line when no comment needs the breaks.
    static func historyEntry(_ text: String) -> String {
        text.contains("#") ? text : text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ")
    }

    private func remember(_ entry: String) {
        LineEditor.remember(entry, historyPath: historyPath)
    }

    // MARK: - Running queries

    /// Runs a script in the session: results to standard output, diagnostics to standard error,
    /// Ctrl-C cancels. Returns false if a statement failed.
    @discardableResult
    mutating func runQuery(_ source: SourceFile) -> Bool {
        let renderer = DiagnosticRenderer(colored: options.coloredDiagnostics)
        let height = Terminal.height ?? 24
        // The session is on a terminal: control characters from data are shown escaped in every format.
        var formatOptions = options.formatOptions
        formatOptions.width = Terminal.width
        formatOptions.maxRows = format == .table ? max(5, height - 6) : nil
        formatOptions.colored = options.coloredOutput
        formatOptions.escapesControlCharacters = true
        formatOptions.chart = chart
        let writer = ResultWriter(formatter: ResultFormatter(format: format, options: formatOptions))
        let graph = session.graph
        let timing = self.timing
        var printed = 0
        var failed = false
        InterruptSignal.prepareForQuery()
        var mark = ContinuousClock.now
        let outcome = session.run(source, options: .init(keepGoing: false, cancellation: queryCancellation)) { statement in
            let elapsed = ContinuousClock.now - mark
            if statement.failed { failed = true }
            if statement.diagnostics.contains(where: { $0.id == "eval.cancelled" }) {
                Terminal.writeError("query cancelled\n")
            } else if !statement.diagnostics.isEmpty {
                Terminal.writeError(renderer.render(statement.diagnostics, in: source))
            }
            if let result = statement.result {
                if let name = statement.binding {
                    Terminal.writeOutput("\(name): \(REPL.describe(result))\n")
                } else {
                    switch writer.render(result, graph: graph) {
                    case .text(let text):
                        if printed > 0 { Terminal.writeOutput("\n") }
                        Terminal.writeOutput(text)
                        printed += 1
                    case .mismatch(let message):
                        failed = true
                        Terminal.writeError(renderer.render([Diagnostic.error(message, at: statement.span)], in: source))
                    case .failure(let message):
                        failed = true
                        Terminal.writeError(message)
                    }
                }
            }
            if timing { Terminal.writeOutput("time: \(REPL.milliseconds(elapsed))\n") }
            mark = ContinuousClock.now
        }
        if !outcome.unreportedDiagnostics.isEmpty {
            Terminal.writeError(renderer.render(outcome.unreportedDiagnostics, in: source))
        }
        service = service.with(environment: session.bindings.mapValues(\.kind))
        return !failed && !outcome.diagnostics.hasErrors
    }

    /// `6 papers`, `1 author`, `a count (12)`.
    static func describe(_ result: QueryResult) -> String {
        switch result {
        case .papers, .authors, .venues, .groups: return ProgressLine.describe(result)
        case .count(let value): return "the count \(value)"
        case .path(let path): return path.found ? "a path of \(path.length) hops" : "no path"
        case .profile(let profile):
            let count = result.rowCount
            return "a profile (\(count == 1 ? "1 paper" : "\(count) papers") of \(profile.name))"
        }
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        return String(format: "%.1f ms", milliseconds)
    }
}

extension Locale {
    /// libedit reads multi-byte characters ("Łukasz") only under a UTF-8 locale: take the
    /// user's, and fall back to C.UTF-8 when it is not UTF-8 (an unset LANG in a container).
    static func useUTF8ForTerminal() {
        setlocale(LC_ALL, "")
        if let codeset = nl_langinfo(nl_item(CODESET)), String(cString: codeset) != "UTF-8" {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
    }
}
