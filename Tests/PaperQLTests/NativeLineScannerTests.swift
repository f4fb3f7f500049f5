import Foundation
@testable import PaperQL
import Testing

/// The fast native decoder (bytes straight into columns) gives the general decoder's records,
/// and leaves every line it does not fully understand to it, so answers and messages do not
/// change.
@Suite struct NativeLineScannerTests {
    static let lines: [String] = [
        #"{"id": "p1", "title": "Attention Is All You Need", "authors": ["Ashish Vaswani", "Noam Shazeer"], "year": 2017, "venue": "NeurIPS", "type": "conference", "categories": ["cs.CL", "cs.LG"], "abstract": "The dominant sequence transduction models.", "institutions": ["Google"]}"#,
        #"{"id":"p2","title":"","authors":[],"year":null,"venue":null,"type":"","abstract":""}"#,
        #"{"id": "p3", "title": "Caf\u00e9 au lait", "authors": ["José Ñúñez"]}"#,
        #"{"id": "p4", "title": "Quotes \"and\" slashes \\ \/ tabs\t", "authors": "One Author", "year": 1999}"#,
        #"{"id": "p5", "title": "Müller–Straße ✓", "authors": ["Zoë Ångström", ""], "authors_truncated": true, "type": "JOURNAL"}"#,
        #"{"id": "p6", "title": "T", "date": "2021-03-04"}"#,
        #"{"id": "p7", "title": "T", "year": 2020, "date": "2021-03-04", "doi": "10.1/x", "arxiv_id": "2101.00001", "versions": ["p1"], "sources": ["s.jsonl"]}"#,
        #"{"id": "p8", "title": "T", "unknown": {"nested": [1, 2, {"a": null}]}}"#,
        #"{"id": 42, "title": "Numeric id"}"#,
        #"{"id": "p9", "title": "T", "year": "2019"}"#,
        #"{"id": "p10", "title": "T", "year": 2019.0}"#,
        #"{"id": "p11", "title": "T", "year": 2e3}"#,
        #"{"id": "p12", "title": "T", "title": "Twice"}"#,
        #"{"id": "p13", "title": "T", "author_ids": [null, "orcid:1"], "authors": ["A", "B"]}"#,
        #"{"id": "p14", "title": "T", "author_ids": null, "authors_truncated": null, "categories": null}"#,
        #"  {  "id" : "p15" , "title" : "Spaces" , "authors" : [ "A" , "B" ] }  "#,
        #"{"id": "p16", "title": "T", "type": "poster"}"#,
        #"{"id": "p17", "title": "T", "year": 0}"#,
        #"{"id": "p18", "title": "T", "year": 123456}"#,
        #"{"id": "p19", "title": "T", "year": -5}"#,
        #"{"id": "", "title": "T"}"#,
        #"{"id": "p20"}"#,
        #"{"id": "p21", "title": null}"#,
        #"{"id": "p22", "title": "T",}"#,
        #"{"id": "p23", "title": "T"} extra"#,
        #"{"id": "p24", "title": "T", "authors": ["A", 3]}"#,
        #"{"id": "p25", "title": "\ud83d\ude00 emoji"}"#,
        #"{"id": "p26", "title": "T", "authors_truncated": "yes"}"#,
        #"{}"#,
        #"[]"#,
        #"{"id": "p27", "title": "T", "categories": "cs.AI", "institutions": [], "versions": null}"#,
        #"{"id": "p28", "title": "A title long enough to go eight bytes at a time past the fast scan, with a \"quote\" late", "abstract": "0123456789abcdef0123456789abcdef\n"}"#,
    ]

    /// Each line through the path a file takes (`decodeBatch`) and through the general
    /// decoder alone: the same records, the same failures.
    @Test(arguments: lines.indices)
    func theFastPathDecodesLikeTheGeneralDecoder(_ index: Int) {
        let line = ArraySlice(Array(Self.lines[index].utf8))
        let batch = NativeJSONLines.decodeBatch([line][...], sourceName: "data.jsonl")
        switch NativeJSONLines.decodeLine(line, sourceName: "data.jsonl") {
        case .skip:
            #expect(batch.columns.count == 0 && batch.failures.isEmpty)
        case .record(let expected):
            #expect(batch.failures.isEmpty)
            #expect(batch.columns.count == 1)
            if batch.columns.count == 1 { #expect(batch.columns.record(at: 0) == expected) }
        case .failure(let message, let column):
            #expect(batch.columns.count == 0)
            #expect(batch.failures.first?.message == message)
            #expect(batch.failures.first?.column == column)
        }
    }

    @Test func plainLinesTakeTheFastPath() {
        var scanner = NativeLineScanner(sourceName: "data.jsonl")
        var columns = RecordColumns()
        for index in [0, 1, 3, 4, 14, 15, 30, 31] {
            let accepted = Array(Self.lines[index].utf8).withUnsafeBufferPointer { bytes in
                // The caller trims leading blanks.
                let start = bytes.firstIndex { $0 != 0x20 } ?? 0
                return scanner.decode(UnsafeBufferPointer(rebasing: bytes[start...]), into: &columns)
            }
            #expect(accepted, "line \(index)")
        }
    }

    @Test func invalidUTF8IsLeftToTheGeneralDecoder() {
        var bytes = Array(#"{"id": "a", "title": ""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}"#.utf8)
        var scanner = NativeLineScanner(sourceName: "data.jsonl")
        var columns = RecordColumns()
        #expect(!bytes.withUnsafeBufferPointer { scanner.decode($0, into: &columns) })
        #expect(columns.count == 0)
        for invalid: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]] {
            #expect(!invalid.withUnsafeBufferPointer { NativeLineScanner.isValidUTF8($0) })
        }
        for valid in ["é", "€", "😀", "plain"] {
            #expect(Array(valid.utf8).withUnsafeBufferPointer { NativeLineScanner.isValidUTF8($0) })
        }
    }

    /// A file read in parallel batches gives the records and line numbers of reading it line by line.
    @Test func aFileGivesTheRecordsOfTheGeneralDecoder() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var text = ""
        for copy in 0..<200 {
            for (index, line) in Self.lines.enumerated() {
                text += line.replacingOccurrences(of: #""id": "p"#, with: #""id": "c\#(copy)-p"#) + (index % 7 == 0 ? "\r\n" : "\n")
            }
        }
        let path = directory.appendingPathComponent("data.jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var fast: [PaperRecord] = []
        let errors = try NativeJSONLines.read(path: path, errorLimit: 100_000) { fast.append($0) }
        let general = NativeJSONLines.read(text: text, name: path)
        #expect(fast == general.records.map { record in
            var record = record
            if record.sources == [path] { record.sources = ["data.jsonl"] }
            return record
        })
        #expect(errors.map(\.line) == general.errors.map(\.line))
        #expect(errors.map(\.message) == general.errors.map(\.message))
    }

    /// Records with the same id, in one batch and across batches, merge as when added one by one.
    @Test func repeatedIdsMergeAsRecordByRecord() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("scanner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var lines: [String] = []
        for index in 0..<40_000 {
            let id = index % 3 == 2 ? "p\(index / 7)" : "p\(index)"
            lines.append(#"{"id": "\#(id)", "title": "Paper \#(index % 11)", "authors": ["Ann \#(index % 5)", "Bo \#(index % 13)"], "year": \#(1990 + index % 30), "venue": "V\#(index % 4)", "abstract": "words \#(index % 17) here", "categories": ["c\#(index % 3)"]}"#)
        }
        let text = lines.joined(separator: "\n") + "\n"
        let path = directory.appendingPathComponent("data.jsonl").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        guard case .success(let loaded) = CorpusLoader.load(paths: [path]) else {
            Issue.record("did not load")
            return
        }
        var builder = GraphBuilder()
        for record in NativeJSONLines.read(text: text, name: "data.jsonl").records { builder.add(record) }
        let expected = builder.build()
        #expect(loaded.graph.paperCount == expected.paperCount)
        #expect(loaded.report.mergedDuplicates == builder.mergedDuplicates)
        #expect(loaded.graph.records() == expected.records())
    }
}
