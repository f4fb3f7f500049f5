import Foundation
import Testing
@testable import PaperQL

/// DBLP records are converted in batches, half of each on a core: records, problems and the
/// people the file describes still come out in the file's order, and `--strict` stops at the
/// first bad record, however far into a batch it lies.
@Suite struct DBLPBatchTests {
    /// `count` records, one per 5 lines from line 4; record `i` lacks its title when `i` is in
    /// `untitled`; a person record after every 1000th.
    static func file(count: Int, untitled: Set<Int>) -> String {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE dblp SYSTEM \"dblp.dtd\">\n<dblp>\n"
        for index in 0..<count {
            let title = untitled.contains(index) ? "" : "<title>Paper \(index).</title>"
            xml += "<article key=\"journals/x/P\(index)\">\n<author>Author \(index % 700)</author>\n\(title)<year>\(2000 + index % 20)</year>\n<journal>X</journal>\n</article>\n"
            if index % 1000 == 999 {
                xml += "<www key=\"homepages/\(index)\">\n<author>Person \(index / 1000)</author>\n<author>P. \(index / 1000)</author>\n</www>\n"
            }
        }
        return xml + "</dblp>\n"
    }

    /// The line of record `index`'s start tag.
    static func line(ofRecord index: Int) -> Int { 4 + 5 * index + 4 * (index / 1000) }

    static func write(_ text: String, _ name: String) throws -> String {
        let path = PaperQLTests.temporaryPath(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func problemsKeepTheFileOrderAcrossBatches() throws {
        let count = 3 * DBLPImporter.batchSize + 17
        let untitled = [5, DBLPImporter.batchSize + 3, 2 * DBLPImporter.batchSize - 1, count - 1]
        let path = try Self.write(Self.file(count: count, untitled: Set(untitled)), "batches.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [path], options: ImportOptions()) else {
            Issue.record("the file should load")
            return
        }
        let report = loaded.report.files[0]
        #expect(report.recordsRead == count - untitled.count)
        #expect(report.rejected == untitled.count)
        #expect(report.issues.map(\.line) == untitled.map(Self.line(ofRecord:)))
        #expect(loaded.graph.paperCount == count - untitled.count)
        let described = (0..<count / 1000).map { "dblp:Person \($0)" }
        #expect(report.people.people.map(\.identifier) == described)
    }

    @Test func strictStopsAtTheFirstBadRecordInsideABatch() throws {
        let count = 2 * DBLPImporter.batchSize
        let first = DBLPImporter.batchSize + 100
        let path = try Self.write(Self.file(count: count, untitled: [first, first + 1, count - 1]), "strict.xml")
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .failure(let failure) = CorpusLoader.load(paths: [path], options: ImportOptions(strict: true)) else {
            Issue.record("a strict load should stop")
            return
        }
        #expect(failure.errors.count == 1)
        #expect(failure.errors[0].line == Self.line(ofRecord: first))
        #expect(failure.report.stoppedEarly)
    }
}
