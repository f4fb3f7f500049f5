import ArgumentParser
import Foundation
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

    @Option(name: .long, help: "Output format: table, json, jsonl, csv, markdown, dot, graphml, svg (drawn by Graphviz), bibtex.")
    var format: OutputFormat?

    @Option(name: .long, help: ArgumentHelp("Write the results to a file; its extension names the format (.csv .json .jsonl .md .bib .dot .graphml .svg .txt) unless --format is given.", valueName: "file"))
    var out: String?

    @Flag(inversion: .prefixedNo, help: "Bars beside `count by` results: drawn on a terminal by default; --chart draws them in table and markdown output anywhere, --no-chart never. Never in CSV or JSON.")
    var chart: Bool?

    @Flag(name: .long, help: "BibTeX: write accented letters as LaTeX commands ({\\'e}, {\\L}) instead of UTF-8.")
    var latexAccents = false

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

    /// `--format`, else the format `--out`'s extension names, else a table.
    var outputFormat: OutputFormat {
        format ?? out.flatMap(OutputFormat.init(fileExtensionOf:)) ?? .table
    }

    /// How results are rendered, apart from where they go.
    var formatOptions: FormatOptions {
        var options = FormatOptions()
        options.chart = chart.map { $0 ? .always : .never } ?? .automatic
        options.accents = latexAccents ? .latex : .utf8
        return options
    }

    /// Usage errors found before anything runs: an `--out` file whose format cannot be told,
    /// SVG without Graphviz.
    func validate() throws {
        if let out, format == nil, OutputFormat(fileExtensionOf: out) == nil {
            throw ValidationError("cannot tell the format of --out \(out) from its extension: name it .csv, .json, .jsonl, .md, .bib, .dot, .graphml, .svg or .txt, or add --format")
        }
        if outputFormat == .svg, Graphviz.dotProgram() == nil {
            throw ValidationError(Graphviz.installHint)
        }
    }

    /// The batch runner, writing to `--out` when given. An output file that cannot be written
    /// is a usage error: exit status 2.
    func makeRunner() -> BatchRunner {
        var file: OutputFile?
        if let out {
            do {
                file = try OutputFile(path: out)
            } catch {
                Terminal.writeError(error.message + "\n")
                Foundation.exit(2)
            }
        }
        let onTerminal = file == nil && Terminal.standardOutputIsTerminal
        var options = formatOptions
        options.width = onTerminal ? Terminal.width ?? 100 : nil
        options.colored = onTerminal && !noColor && Terminal.wantsColor(1)
        return BatchRunner(
            format: outputFormat, formatOptions: options, keepGoing: keepGoing,
            coloredDiagnostics: !noColor && Terminal.wantsColor(2), outputFile: file)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension DataFormat: ExpressibleByArgument {}
