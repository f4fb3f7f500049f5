import Foundation
import PaperQL
import PaperQLBatch

extension REPL {
    /// Runs a meta-command; false means leave.
    mutating func runCommand(_ command: MetaCommand) -> Bool {
        switch command {
        case .quit:
            return false
        case .help(let topic):
            help(topic)
        case .format(let name):
            setFormat(name)
        case .chart(let setting):
            guard let setting else {
                Terminal.writeOutput("chart is \(chart.rawValue) (choose: on, off, auto)\n")
                return true
            }
            guard let chosen = BarChart.Mode(rawValue: setting.lowercased()) else {
                Terminal.writeError("usage: :chart on|off|auto (bars beside count by: always, never, in tables)\n")
                return true
            }
            chart = chosen
            Terminal.writeOutput("chart is \(chart.rawValue)\n")
        case .timing(let setting):
            switch setting?.lowercased() {
            case nil: timing.toggle()
            case "on"?: timing = true
            case "off"?: timing = false
            default:
                Terminal.writeError("usage: :timing on|off\n")
                return true
            }
            Terminal.writeOutput("timing is \(timing ? "on" : "off")\n")
        case .load(let path):
            guard let path else {
                Terminal.writeError("usage: :load FILE (a data file of any format, or a folder of them)\n")
                return true
            }
            load(REPL.expandingTilde(path))
        case .run(let path):
            guard let path else {
                Terminal.writeError("usage: :run FILE (a script of queries)\n")
                return true
            }
            runScript(REPL.expandingTilde(path))
        case .stats:
            stats()
        case .explain(let query):
            explain(query)
        case .vars:
            vars()
        case .unknown(let name, let suggestions):
            var message = "unknown command :\(name)"
            if let first = suggestions.first { message += "; did you mean :\(first)?" }
            Terminal.writeError(message + " (:help lists the commands)\n")
        }
        return true
    }

    private func help(_ topic: String?) {
        guard let topic else {
            Terminal.writeOutput(HelpText.overview)
            return
        }
        let lowered = topic.lowercased()
        if let found = HelpText.topics.first(where: { $0.name == lowered || $0.name.hasPrefix(lowered) }) {
            Terminal.writeOutput(found.text)
            return
        }
        let names = HelpText.topics.map(\.name)
        var message = "no help topic \"\(topic)\""
        if let first = NameSuggestions.closest(to: topic, among: names).first { message += "; did you mean \(first)?" }
        Terminal.writeError(message + " (topics: \(names.joined(separator: ", ")))\n")
    }

    private mutating func setFormat(_ name: String?) {
        guard let name else {
            Terminal.writeOutput("format is \(format.rawValue) (choose: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")))\n")
            return
        }
        guard let chosen = OutputFormat(rawValue: name.lowercased()) else {
            let names = OutputFormat.allCases.map(\.rawValue)
            var message = "unknown format \"\(name)\""
            if let first = NameSuggestions.closest(to: name, among: names).first { message += "; did you mean \(first)?" }
            Terminal.writeError(message + " (choose: \(names.joined(separator: ", ")))\n")
            return
        }
        format = chosen
        Terminal.writeOutput("format is \(format.rawValue)\n")
    }

    /// Adds data files of any format (or a folder): the graph's papers and theirs go through the
    /// one loading path (`CorpusLoader`), the graph counting as one more source.
    private mutating func load(_ path: String) {
        InterruptSignal.prepareForQuery()
        let before = session.graph.paperCount
        let loaded: CorpusLoader.Loaded
        switch CorpusLoader.load(paths: [path], adding: session.graph) {
        case .success(let result):
            loaded = result
        case .failure(let failure):
            Terminal.writeError(failure.errors.map { "\($0)\n" }.joined())
            Terminal.writeError("nothing loaded; fix the file and try again\n")
            return
        }
        let graph = loaded.graph
        let hadBindings = !session.bindings.isEmpty
        session = QuerySession(graph: graph)
        service = LanguageService(graph: graph)
        let read = loaded.report.files.reduce(0) { $0 + $1.recordsRead }
        var report = "loaded \(read == 1 ? "1 paper" : "\(read) papers") from \(path)"
        if loaded.report.rejected > 0 { report += " (\(loaded.report.rejected) malformed, skipped)" }
        if loaded.report.mergedDuplicates > 0 { report += " (\(loaded.report.mergedDuplicates) merged with papers already there)" }
        report += "; the graph has \(graph.paperCount) papers (\(graph.paperCount - before) new) and \(graph.authorCount) authors now"
        if hadBindings { report += "; let names were cleared (run them again)" }
        Terminal.writeOutput(report + "\n")
    }

    private mutating func runScript(_ path: String) {
        guard let data = FileManager.default.contents(atPath: path) else {
            Terminal.writeError("\(path): error: cannot read the script (does it exist?)\n")
            return
        }
        guard let text = String(data: data, encoding: .utf8) else {
            Terminal.writeError("\(path): error: the script is not valid UTF-8 text\n")
            return
        }
        runQuery(SourceFile(name: path, text: text))
    }

    private func stats() {
        let graph = session.graph
        let rows: [(String, Int)] = [
            ("papers", graph.paperCount), ("authors", graph.authorCount), ("authorships", graph.authorshipCount),
            ("venues", graph.venueCount), ("categories", graph.categoryCount), ("institutions", graph.institutionCount),
            ("indexed words", graph.wordCount), ("let names", session.bindings.count),
        ]
        let width = rows.map(\.0.count).max() ?? 0
        let numbers = rows.map { String($0.1) }
        let numberWidth = numbers.map(\.count).max() ?? 0
        for (index, row) in rows.enumerated() {
            let label = row.0 + String(repeating: " ", count: width - row.0.count)
            let number = String(repeating: " ", count: numberWidth - numbers[index].count) + numbers[index]
            Terminal.writeOutput("\(label)  \(number)\n")
        }
    }

    private func explain(_ query: String) {
        guard !query.isEmpty else {
            Terminal.writeError("usage: :explain QUERY\n")
            return
        }
        let source = SourceFile(name: "<explain>", text: query)
        let (plans, diagnostics) = session.explain(query, name: "<explain>")
        if !diagnostics.isEmpty {
            Terminal.writeError(DiagnosticRenderer(colored: options.coloredDiagnostics).render(diagnostics, in: source))
        }
        let explainer = PlanExplainer(graph: session.graph)
        Terminal.writeOutput(plans.map(explainer.render).joined(separator: "\n"))
    }

    private func vars() {
        guard !session.bindings.isEmpty else {
            Terminal.writeOutput("no let names yet (let NAME = QUERY)\n")
            return
        }
        for name in session.bindings.keys.sorted() {
            if let value = session.bindings[name] { Terminal.writeOutput("\(name): \(REPL.describe(value))\n") }
        }
    }

    static func expandingTilde(_ path: String) -> String {
        path.hasPrefix("~/") ? NSHomeDirectory() + path.dropFirst(1) : path
    }
}
