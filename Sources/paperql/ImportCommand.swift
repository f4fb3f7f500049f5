import ArgumentParser
import PaperQL
import PaperQLBatch

/// `paperql import FILES...`: read data files, merge them into one graph, and say what happened.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read data files into one graph and report what was read, merged, linked and rejected.",
        discussion: """
            Formats: PaperQL JSON Lines (.jsonl), BibTeX (.bib), the arXiv metadata snapshot, \
            DBLP XML, OpenAlex works (JSON Lines), ACL Anthology XML (a file or a directory of them), \
            and CSV with a header row. The format comes from the file name and contents, or from --data-format.

            Malformed records are reported and skipped (--strict stops at the first); a file that \
            cannot be used at all, or a bad line in a native .jsonl file, loads nothing.
            With -o FILE.pqg the built graph, indexes included, is written as a snapshot;             `--data FILE.pqg` then loads it without parsing anything.
            Exit status: 0 imported, 2 nothing imported.
            """
    )

    @Argument(help: ArgumentHelp("Data files or directories to import.", valueName: "file"))
    var files: [String]

    @Flag(name: .long, help: "Print what was read, merged, linked and rejected, per file.")
    var report = false

    /// `--strict` and `--data-format` (and `--data`, more files) are the root command's: an
    /// option group shared with it is the one way the argument parser hands them down
    /// (declared here again, they were silently taken by the root command and ignored).
    @OptionGroup var shared: SharedOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the graph, indexes included, to a snapshot file (.pqg) that --data loads far faster.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "When the import ends, print how long each phase took (reading each file, each step of building the graph, writing the snapshot), wall clock and CPU time, and the peak memory at its end, on standard error.")
    var timings = false

    mutating func run() throws {
        let timer = timings ? PhaseTimer() : nil
        let loaded = try ImportReporting.load(paths: files + shared.data, options: shared.importOptions, timer: timer)
        if let output {
            timer?.enter("writing the snapshot")
            do {
                try loaded.graph.writeSnapshot(to: output)
            } catch {
                Terminal.writeError("\(output): error: \(error)\n")
                throw ExitCode(2)
            }
        }
        if let timer { Terminal.writeError(timer.finish()) }
        if report {
            Terminal.writeOutput(ImportReporting.render(loaded.report))
        } else {
            ImportReporting.writeSkipped(loaded.report)
            Terminal.writeOutput("\(loaded.report.papers) papers from \(loaded.report.files.count) file\(loaded.report.files.count == 1 ? "" : "s")\n")
        }
    }
}
