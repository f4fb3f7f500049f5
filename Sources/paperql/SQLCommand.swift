import ArgumentParser
import Foundation
import PaperQL
import PaperQLBatch

/// `paperql sql --dialect D [-e QUERY | FILE...]`: one SQL statement per PaperQL statement,
/// over the tables of `paperql export --relational`.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Compile queries to SQL (PostgreSQL, DuckDB or Spark) over a relational export.",
        discussion: "Names are resolved against the loaded data (--data), which must be the data that was exported."
    )

    @OptionGroup var options: SharedOptions

    @Option(name: .long, help: "The SQL dialect: postgres, duckdb, spark.")
    var dialect: SQLDialect

    @Option(name: [.customShort("e"), .customLong("execute")], help: ArgumentHelp("A query to compile (repeatable).", valueName: "query"))
    var queries: [String] = []

    @Option(name: .long, help: "The longest path `path` searches for.")
    var pathBound: Int = 8

    @Argument(help: "Script files to compile.")
    var files: [String] = []

    /// `paperql sql -e QUERY`: the root command reads `-e` too, so its value may land there.
    @ParentCommand var root: PaperQLCommand

    mutating func run() throws {
        let queries = self.queries + root.queries
        var sources: [SourceFile] = queries.enumerated().map { index, text in
            SourceFile(name: queries.count == 1 ? "<command line>" : "<command line \(index + 1)>", text: text)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8) else {
                Terminal.writeError("\(file): error: cannot read the script\n")
                throw ExitCode(2)
            }
            sources.append(SourceFile(name: file, text: text))
        }
        if sources.isEmpty {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            sources.append(SourceFile(name: "<stdin>", text: String(decoding: data, as: UTF8.self)))
        }
        let session = try options.makeSession()
        var compiler = SQLCompiler(graph: session.graph, dialect: dialect, pathBound: pathBound)
        var failed = false
        let colored = !options.noColor && Terminal.wantsColor(2)
        for source in sources {
            let script = compiler.compile(source)
            for statement in script.statements {
                print(statement.sql + ";")
            }
            if !script.diagnostics.isEmpty {
                Terminal.writeError(DiagnosticRenderer(colored: colored).render(script.diagnostics, in: source))
            }
            if script.diagnostics.hasErrors { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}

extension SQLDialect: ExpressibleByArgument {}
