import ArgumentParser
import PaperQL
import PaperQLBatch

/// Options every command takes.
struct SharedOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A data file to load instead of the default corpus (repeatable).", valueName: "file"))
    var data: [String] = []

    @Option(name: .long, help: "Output format: table, json, jsonl, csv, markdown.")
    var format: OutputFormat?

    @Flag(name: .long, help: "Run the statements after one that fails.")
    var keepGoing = false

    @Flag(name: .long, help: "Never colour output or diagnostics.")
    var noColor = false

    /// Loads the data files, or the default corpus. Bad data is a usage error: exit status 2.
    func makeSession() throws -> QuerySession {
        guard !data.isEmpty else { return QuerySession(graph: DefaultCorpus.load()) }
        switch CorpusLoader.load(paths: data) {
        case .success(let loaded):
            return QuerySession(graph: loaded.graph)
        case .failure(let failure):
            Terminal.writeError(failure.errors.map { "\($0)\n" }.joined())
            Terminal.writeError("error: no data loaded; fix the file\(failure.errors.count == 1 ? "" : "s") above and try again\n")
            throw ExitCode(2)
        }
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
