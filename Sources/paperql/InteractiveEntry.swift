import ArgumentParser
import PaperQL
import PaperQLBatch
import PaperQLREPL

/// Starts the interactive session (standard input is a terminal and no query was given).
enum InteractiveEntry {
    static func start(session: QuerySession, options: SharedOptions) throws {
        var replOptions = REPLOptions(
            format: options.outputFormat,
            coloredOutput: !options.noColor && Terminal.wantsColor(1),
            coloredDiagnostics: !options.noColor && Terminal.wantsColor(2),
            historyPath: REPLOptions.defaultHistoryPath(),
            version: PaperQLVersion.current)
        replOptions.formatOptions = options.formatOptions
        var repl = REPL(session: session, options: replOptions)
        let status = repl.run()
        if status != 0 { throw ExitCode(status) }
    }
}
