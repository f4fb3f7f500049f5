import Foundation
import Testing
@testable import PaperQL

/// Inputs that used to trap or ask for gigabytes: a snapshot header with an impossible length,
/// BibTeX macros that double themselves.
@Suite struct InputLimitTests {
    static func write(_ bytes: [UInt8], name: String) -> URL {
        let url = temporaryPath(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url
    }

    static func header(length: UInt64) -> [UInt8] {
        var bytes = Array("PAPERQLG".utf8)
        withUnsafeBytes(of: SnapshotWriter.formatVersion.littleEndian) { bytes.append(contentsOf: $0) }
        bytes += [0, 0, 0, 0]
        withUnsafeBytes(of: length.littleEndian) { bytes.append(contentsOf: $0) }
        bytes += [UInt8](repeating: 0, count: 8)
        return bytes
    }

    @Test(arguments: [UInt64.max, UInt64.max - 31, UInt64.max - 32, 1 << 63])
    func aSnapshotHeaderWithAnImpossibleLengthIsRefused(length: UInt64) throws {
        let url = Self.write(Self.header(length: length) + [UInt8](repeating: 7, count: 64), name: "huge.pqg")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: SnapshotError.self) { try PaperGraph.loadSnapshot(from: url.path) }
    }

    @Test func aSnapshotLengthOverflowIsAnErrorThroughTheLoader() throws {
        let url = Self.write(Self.header(length: UInt64.max), name: "huge.pqg")
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .failure(let failure) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("loaded")
            return
        }
        #expect(failure.errors.first?.message.contains("corrupted") == true)
    }

    /// 40 macros, each twice the one before: 2^40 bytes once expanded, from a 1 KB file.
    @Test func doublingBibTeXMacrosAreCappedAfterExpansion() throws {
        var text = "@string{m0 = \"ab\"}\n"
        for level in 1...40 { text += "@string{m\(level) = m\(level - 1) # m\(level - 1)}\n" }
        text += "@article{big, title = m40, author = {A. Person}}\n@article{small, title = {Fine}, author = {B. Person}}\n"
        let url = Self.write(Array(text.utf8), name: "doubling.bib")
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("the file did not load")
            return
        }
        let file = loaded.report.files[0]
        #expect(file.issues.contains { $0.kind == .tooLarge && $0.message.contains("once its macros are expanded") })
        #expect(loaded.graph.records().map(\.id) == ["small"])
    }

    /// A JSON Lines file without line breaks was read whole into memory.
    @Test(arguments: [DataFormat.native])
    func aLineOver64MBIsAnError(format: DataFormat) throws {
        let url = Self.write(Array("{\"id\": \"a\", \"title\": \"".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: (64 << 20) + 10), name: "long.jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .failure(let failure) = CorpusLoader.load(paths: [url.path], options: ImportOptions(format: format)) else {
            Issue.record("loaded")
            return
        }
        #expect(failure.errors.first?.message.contains("line 1 is longer than 64 MB") == true, "\(failure.errors)")
    }

    /// A JSON string over 1 MB (plain, or made of escapes that unescape past it) is refused at
    /// its opening quote, for every JSON format: native JSON Lines (all or nothing, so the file
    /// fails), arXiv and OpenAlex (that line is a rejected record and the next one loads).
    @Test(arguments: [DataFormat.native, .arxiv, .openalex], [false, true])
    func aJSONStringOverOneMBIsABadRecord(format: DataFormat, escaped: Bool) throws {
        let long = escaped ? String(repeating: "\\n", count: (1 << 20) + 1) : String(repeating: "x", count: (1 << 20) + 1)
        let line: (String, String) -> String
        switch format {
        case .arxiv: line = { id, title in "{\"id\": \"\(id)\", \"title\": \"\(title)\", \"authors_parsed\": [[\"Person\", \"A.\", \"\"]]}" }
        case .openalex: line = { id, title in "{\"id\": \"https://openalex.org/\(id)\", \"title\": \"\(title)\", \"publication_year\": 2020}" }
        default: line = { id, title in "{\"id\": \"\(id)\", \"title\": \"\(title)\", \"year\": 2020}" }
        }
        let text = line("W1", long) + "\n" + line("W2", "Short") + "\n"
        let url = Self.write(Array(text.utf8), name: "long-value.jsonl")
        defer { try? FileManager.default.removeItem(at: url) }
        // The 1-based column of the title's opening quote is the 0-based offset of its first byte.
        let quote = try #require(Array(line("W1", "@").utf8).firstIndex(of: UInt8(ascii: "@")))
        switch CorpusLoader.load(paths: [url.path], options: ImportOptions(format: format)) {
        case .failure(let failure):
            #expect(format == .native, "\(failure.errors)")
            let error = try #require(failure.errors.first)
            #expect(error.message.contains("a string longer than 1 MB"), "\(error.message)")
            #expect(error.line == 1 && error.column == quote, "\(error)")
        case .success(let loaded):
            #expect(format != .native)
            let issue = try #require(loaded.report.files[0].issues.first)
            #expect(issue.line == 1 && issue.column == quote, "\(issue)")
            #expect(issue.message.contains("a string longer than 1 MB"), "\(issue.message)")
            #expect(loaded.graph.records().map(\.title) == ["Short"])
        }
    }

    /// XML text over the 1 MB field limit was cut silently; now the cut is a warning with its line.
    @Test func anXMLFieldOverTheLimitIsAWarning() throws {
        let text = "<?xml version=\"1.0\"?>\n<dblp>\n<article key=\"a\"><title>" + String(repeating: "t", count: (1 << 20) + 5)
            + "</title></article>\n</dblp>\n"
        let url = Self.write(Array(text.utf8), name: "long.xml")
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("did not load")
            return
        }
        let warning = loaded.report.files[0].issues.first { $0.kind == .tooLarge }
        #expect(warning?.line == 3)
        #expect(warning?.severity == .warning)
    }
}
