// The fuzz targets: one function per input surface, each taking raw bytes. Compiled two ways:
// into the libFuzzer binary, linked with the library and the language server built for testing
// (`scripts/fuzz.sh`), and into the test target (through a symbolic link in
// `Tests/PaperQLTests/Robustness/`), where `FuzzRegressionTests` replays every saved input in
// `Fuzz/regressions/TARGET/` without libFuzzer.
import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import PaperQL
@testable import PaperQLLSP

enum FuzzTarget: String, CaseIterable, Sendable {
    /// Query text through parse, check, plan, evaluate on the default corpus, every output format,
    /// the diagnostic renderer and `:explain`.
    case query
    /// The language service at every offset: completion, hover, diagnostics, analysis.
    case service
    case bibtex, arxiv, dblp, openalex, acl, csv, native
    /// The snapshot reader (length and checksum fixed up, so that mutations reach the sections).
    case snapshot
    /// The language server's message handling: framing, JSON-RPC, every request and notification.
    case lsp

    /// The file extension an importer target writes its input under.
    var fileExtension: String {
        switch self {
        case .bibtex: "bib"
        case .dblp, .acl: "xml"
        case .csv: "csv"
        case .snapshot: "pqg"
        case .lsp: "lsp"
        default: "jsonl"
        }
    }

    var dataFormat: DataFormat? {
        switch self {
        case .bibtex: .bibtex
        case .arxiv: .arxiv
        case .dblp: .dblp
        case .openalex: .openalex
        case .acl: .acl
        case .csv: .csv
        case .native: .native
        default: nil
        }
    }
}

enum FuzzTargets {
    static let graph = DefaultCorpus.load()
    static let service = LanguageService(graph: graph)

    /// Runs one input through one target. Anything but a return is a finding.
    static func run(_ target: FuzzTarget, _ bytes: [UInt8]) {
        switch target {
        case .query: query(bytes)
        case .service: service(bytes)
        case .snapshot: snapshot(bytes)
        case .lsp: lsp(bytes)
        default: importer(target, bytes)
        }
    }

    static func query(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let source = SourceFile(name: "<fuzz>", text: text)
        var session = QuerySession(graph: graph)
        let outcome = session.run(source, options: .init(keepGoing: true))
        let renderer = DiagnosticRenderer(colored: true)
        _ = renderer.render(outcome.diagnostics, in: source)
        for statement in outcome.statements {
            _ = renderer.render(statement.diagnostics, in: source)
            guard let result = statement.result else { continue }
            for format in OutputFormat.allCases {
                _ = ResultFormatter(format: format, options: FormatOptions(width: 60, maxRows: 5, colored: true, escapesControlCharacters: true))
                    .render(result, graph: graph)
                _ = ResultFormatter(format: format).render(result, graph: graph)
            }
        }
        let explained = session.explain(text)
        let explainer = PlanExplainer(graph: graph)
        for plan in explained.plans { _ = explainer.render(plan) }
    }

    static func service(_ bytes: [UInt8]) {
        let text = String(decoding: bytes, as: UTF8.self)
        let count = text.utf8.count
        _ = service.diagnostics(for: text)
        _ = service.isIncomplete(text)
        _ = service.continuationSeparator(after: text)
        _ = service.analyze(text)
        // Every offset of short texts; a sample of long ones.
        let step = max(1, count / 64)
        for offset in stride(from: 0, through: count, by: step) {
            _ = service.completions(in: text, at: offset)
            _ = service.hover(in: text, at: offset)
        }
    }

    static func importer(_ target: FuzzTarget, _ bytes: [UInt8]) {
        let path = inputPath(target)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        var records: [PaperRecord] = []
        let outcome = CorpusLoader.importFile(
            path: path, options: ImportOptions(format: target.dataFormat), fileIndex: 0, fileCount: 1, progress: nil
        ) { records.append($0) }
        _ = outcome.report.issues.map(\.description)
        guard outcome.errors.isEmpty, !records.isEmpty else { return }
        // What the importer produced must build a graph that answers queries.
        var builder = GraphBuilder()
        builder.add(contentsOf: records)
        let built = builder.build()
        var session = QuerySession(graph: built)
        let outcomeOfQueries = session.run("papers | show title, authors, venue, year\nauthors | limit 5\nvenues")
        for statement in outcomeOfQueries.statements {
            if let result = statement.result { _ = ResultFormatter(format: .table).render(result, graph: built) }
        }
    }

    static func snapshot(_ bytes: [UInt8]) {
        var bytes = bytes
        // With byte 12 (header padding) 0xFF the header is kept as it came: the reader's own
        // checks of magic, version and length are fuzzed then. Otherwise the length and checksum
        // are made right, so mutations reach the sections.
        if bytes.count >= SnapshotWriter.headerSize, bytes[12] != 0xFF {
            let length = UInt64(bytes.count - SnapshotWriter.headerSize)
            withUnsafeBytes(of: length.littleEndian) { bytes.replaceSubrange(16..<24, with: $0) }
            var checksum = SnapshotChecksum()
            bytes.withUnsafeBytes { checksum.add(UnsafeRawBufferPointer(rebasing: $0[SnapshotWriter.headerSize...])) }
            withUnsafeBytes(of: checksum.final.littleEndian) { bytes.replaceSubrange(24..<32, with: $0) }
        }
        let path = inputPath(.snapshot)
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else { return }
        guard let loaded = try? PaperGraph.loadSnapshot(from: path) else { return }
        var session = QuerySession(graph: loaded)
        var queries = ["papers | show title, authors, venue, year, categories, institutions, abstract, doi, sources, versions",
                       "authors | show name, papers, variants", "venues", "papers | count by category",
                       "papers | count by institution", "papers matching \"the\"", "papers | count by source"]
        if loaded.authorCount > 0 {
            let name = LanguageService.quoted(loaded.name(of: AuthorID(0)))
            queries += ["coauthors of \(name) within 3", "papers by \(name)", "path from \(name) to \(name)"]
        }
        let outcome = session.run(queries.joined(separator: "\n"), options: .init(keepGoing: true))
        for statement in outcome.statements {
            if let result = statement.result { _ = ResultFormatter(format: .json).render(result, graph: loaded) }
        }
        _ = LanguageService(graph: loaded).completions(in: "papers by \"", at: 11)
    }

    /// One file per process and target, rewritten for every input.
    static func inputPath(_ target: FuzzTarget) -> String {
        inputFolder + "/input-\(target.rawValue).\(target.fileExtension)"
    }

    /// The process's folder of input files, removed when it exits (the test suite runs the
    /// targets in its own process, and would otherwise leave one folder per run).
    static let inputFolder: String = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-fuzz-\(getpid())").path
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: FuzzTargets.inputFolder) }
        return folder
    }()
}
