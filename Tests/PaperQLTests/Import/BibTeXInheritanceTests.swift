import Foundation
import Testing
@testable import PaperQL

/// BibTeX as people keep it: an entry takes the fields it lacks from its `crossref` entry (whose
/// title is its booktitle), which BibTeX puts after it, and from biblatex `xdata` entries.
@Suite struct BibTeXInheritanceTests {
    func load(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: PaperRecord] {
        let url = temporaryPath("inherit.bib")
        try text.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("did not load", sourceLocation: sourceLocation)
            return [:]
        }
        return ImportFixtures.records(loaded)
    }

    @Test func anEntryInheritsYearAndVenueFromItsCrossref() throws {
        let records = try load("""
            @inproceedings{LiuHZ19,
              author    = {Xiao Liu and Heyan Huang and Yue Zhang},
              title     = {Open Domain Event Extraction Using Neural Latent Variable Models},
              pages     = {2860--2871},
              crossref  = {acl2019}
            }
            @proceedings{acl2019,
              title     = {Proceedings of the 57th Conference of the Association for Computational Linguistics},
              year      = {2019},
              publisher = {Association for Computational Linguistics}
            }
            """)
        let paper = try #require(records["LiuHZ19"])
        #expect(paper.year == 2019)
        #expect(paper.venue == "Proceedings of the 57th Conference of the Association for Computational Linguistics")
        #expect(paper.type == PaperType.conference)
    }

    @Test func anEntrysOwnFieldsWin() throws {
        let records = try load("""
            @inproceedings{a, title = {One}, booktitle = {Workshop}, year = {2020}, crossref = {p}}
            @proceedings{p, title = {Main Conference}, year = {2019}}
            """)
        #expect(records["a"]?.venue == "Workshop")
        #expect(records["a"]?.year == 2020)
    }

    @Test func xdataEntriesShareFieldsAndAreNotPapers() throws {
        let records = try load("""
            @xdata{acl-long, booktitle = {Proceedings of ACL}, year = {2021}}
            @inproceedings{b, title = {Two}, author = {Ana Silva}, xdata = {acl-long}}
            """)
        #expect(records["b"]?.venue == "Proceedings of ACL")
        #expect(records["b"]?.year == 2021)
        #expect(records["acl-long"] == nil)
    }
}
