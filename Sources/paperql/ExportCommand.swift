import ArgumentParser
import Foundation
import PaperQL
import PaperQLBatch

/// `paperql export --relational DIR`: the loaded graph as CSV tables and load scripts.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the loaded graph as tables (CSV, RFC 4180) with load-<dialect>.sql for PostgreSQL, DuckDB and Spark.",
        discussion: "The tables and their columns are described in README.md (Running on SQL engines)."
    )

    @OptionGroup var options: SharedOptions

    @Option(name: .long, help: ArgumentHelp("The folder to write the tables into.", valueName: "dir"))
    var relational: String

    mutating func run() throws {
        let session = try options.makeSession()
        do {
            let counts = try RelationalExporter(graph: session.graph).export(to: relational)
            let summary = counts.map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
            Terminal.writeError("exported to \(relational): \(summary)\n")
        } catch {
            Terminal.writeError("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}
