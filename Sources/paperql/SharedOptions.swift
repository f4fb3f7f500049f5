import ArgumentParser
import PaperQL
import PaperQLBatch

/// Options every command takes.
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A data file to load instead of the default corpus (repeatable).", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: ArgumentHelp("The format of the --data files, when their names do not tell: \(DataFormat.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "format"))
    var dataFormat: DataFormat?

    @Flag(name: .long, help: "Stop at the first malformed record in a data file instead of skipping it.")
    var strict = false

    @Option(name: .long, help: "Output format: table, json, jsonl, csv, markdown.")
    var format: OutputFormat?

    @Flag(name: .long, help: "Run the statements after one that fails.")
    var keepGoing = false

    @Flag(name: .long, help: "Never colour output or diagnostics.")
    var noColor = false

    /// Loads the data files, or the default corpus. Bad data is a usage error: exit status 2.
    func makeSession() throws -> QuerySession {
        guard !data.isEmpty else { return QuerySession(graph: DefaultCorpus.load()) }
        let loaded = try ImportReporting.load(paths: data, options: importOptions)
        ImportReporting.writeSkipped(loaded.report)
        return QuerySession(graph: loaded.graph)
    }

    var importOptions: ImportOptions {
        ImportOptions(format: dataFormat, strict: strict)
    }

    func makeRunner() -> BatchRunner {
        let onTerminal = Terminal.standardOutputIsTerminal
        let options = FormatOptions(
            width: onTerminal ? Terminal.width ?? 100 : nil, maxRows: nil,
            colored: onTerminal && !noColor && Terminal.wantsColor(1))
        return BatchRunner(
            format: format ?? .table, formatOptions: options, keepGoing: keepGoing,
            coloredDiagnostics: !noColor && Terminal.wantsColor(2))
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension DataFormat: ExpressibleByArgument {}
