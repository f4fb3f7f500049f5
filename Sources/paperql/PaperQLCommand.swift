import ArgumentParser
import Foundation
import PaperQL
import PaperQLBatch

/// `paperql`: the REPL on a terminal, or batch queries from `-e`, files and standard input.
@main
struct PaperQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "paperql",
        abstract: "A query language over a graph of research papers.",
        discussion: """
            With no query and a terminal, paperql opens an interactive session.
            Queries also come from -e, from script files (paperql run FILE), or from standard input.

            Exit status: 0 success, 1 a query error, 2 a usage or input-file error.
            """,
        version: PaperQLVersion.current,
        subcommands: [RunCommand.self, ImportCommand.self, LSPCommand.self, FormatCommand.self, ExportCommand.self, SQLCommand.self]
    )

    @OptionGroup var options: SharedOptions

    @Option(name: [.customShort("e"), .customLong("execute")], help: ArgumentHelp("A query to run (repeatable; run in order).", valueName: "query"))
    var queries: [String] = []

    mutating func run() throws {
        var session = try options.makeSession()
        var runner = options.makeRunner()
        if !queries.isEmpty {
            var ok = true
            for (index, query) in queries.enumerated() {
                let name = queries.count == 1 ? "<command line>" : "<command line \(index + 1)>"
                if !runner.run(SourceFile(name: name, text: query), in: &session) {
                    ok = false
                    if !options.keepGoing { break }
                }
            }
            if !ok { throw ExitCode(1) }
            return
        }
        if !Terminal.standardInputIsTerminal {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            let text = String(decoding: data, as: UTF8.self)
            if !runner.run(SourceFile(name: "<stdin>", text: text), in: &session) { throw ExitCode(1) }
            return
        }
        try InteractiveEntry.start(session: session, options: options)
    }

    /// Usage errors exit with status 2, as documented.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            Terminal.writeError(fullMessage(for: error) + "\n")
            Foundation.exit(2)
        }
    }
}

enum PaperQLVersion {
    static let current = "0.1.0"
}
