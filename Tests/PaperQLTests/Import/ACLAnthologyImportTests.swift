import Foundation
import Testing
@testable import PaperQL

/// The ACL Anthology importer on the real files in ../shared/corpora/acl-anthology-2021/xml.
/// The full count (55,764 papers) is checked by scripts/check-acl-counts.sh, which takes about
/// a minute in a debug build; these tests read a few whole files.
@Suite struct ACLAnthologyImportTests {
    func load(_ names: [String]) throws -> CorpusLoader.Loaded {
        let paths = names.map { ImportFixtures.aclDirectory + "/" + $0 }
        switch CorpusLoader.load(paths: paths, options: ImportOptions()) {
        case .success(let loaded): return loaded
        case .failure(let failure):
            Issue.record("\(failure.errors)")
            throw failure
        }
    }

    /// The real files are in ../shared, which a plain clone does not have: the tests say so and skip.
    static let corpusIsThere = FileManager.default.fileExists(atPath: ImportFixtures.aclDirectory)
    static let skipReason: Comment = "skipped: ../shared/corpora/acl-anthology-2021/xml is not beside the repository"

    @Test(.enabled(if: corpusIsThere, skipReason)) func p18LongPapers() throws {
        let loaded = try load(["P18.xml"])
        #expect(loaded.report.rejected == 0)
        let expected = try Self.countPapers(in: "P18.xml")
        #expect(loaded.report.files[0].recordsRead == expected)
        let records = ImportFixtures.records(loaded)
        let first = try #require(records["P18-1001"])
        #expect(first.title == "Probabilistic FastText for Multi-Sense Word Embeddings")
        #expect(first.authors == ["Ben Athiwaratkun", "Andrew Wilson", "Anima Anandkumar"])
        #expect(first.year == 2018)
        #expect(first.date == "2018-07")
        #expect(first.doi == "10.18653/v1/P18-1001")
        #expect(first.type == .conference)
        #expect(first.venue?.hasPrefix("Proceedings of the 56th Annual Meeting") == true)
        #expect(first.abstract?.hasPrefix("We introduce Probabilistic FastText") == true)
        #expect(records["P18-1004"]?.authors == ["Goran Glavaš", "Ivan Vulić"])
        #expect(!records.values.contains { $0.authors.contains("Iryna Gurevych") && $0.id.hasSuffix("000") }, "editors are not authors")
    }

    @Test(.enabled(if: corpusIsThere, skipReason), arguments: ["U03.xml", "W18.xml", "J00.xml", "C69.xml"])
    func wholeFilesReadEveryPaper(name: String) throws {
        let loaded = try load([name])
        #expect(loaded.report.rejected == 0)
        #expect(loaded.report.files[0].recordsRead == (try Self.countPapers(in: name)))
    }

    /// Counts `<paper ` tags with plain text search, independently of the importer.
    static func countPapers(in name: String) throws -> Int {
        let text = try String(contentsOfFile: ImportFixtures.aclDirectory + "/" + name, encoding: .utf8)
        return text.components(separatedBy: "<paper id=").count - 1
    }
}
