import Foundation
import Testing
@testable import PaperQL

/// `@string` macros carry from one BibTeX file to the next in the order the files are given
/// (`--data abbrev.bib --data articles.bib`, as `bibtex` reads `\bibliography{abbrev,articles}`):
/// a file of abbreviations alone is not an error, and a title may be made of macros.
@Suite struct BibTeXMacroFilesTests {
    static let abbreviations = """
        @string{tacl = "Transactions of the Association for Computational Linguistics"}
        @string{lrec = {Proceedings of LREC}}
        @string{fair = "Fairness"}
        """
    static let articles = """
        @article{smith2021,
          author  = {Ana Smith},
          title   = fair # " in Parsing",
          journal = tacl,
          year    = 2021
        }
        @inproceedings{jones2020, author = {Bo Jones}, title = {Corpora}, booktitle = lrec, year = 2020}
        """

    /// Writes the files (name, text) in a fresh folder and loads them in that order.
    func load(_ files: [(String, String)], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> CorpusLoader.Loaded? {
        let folder = temporaryPath("bibtex-macros-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try text.write(to: url, atomically: true, encoding: .utf8)
            paths.append(url.path)
        }
        switch CorpusLoader.load(paths: paths) {
        case .success(let loaded): return loaded
        case .failure(let failure):
            Issue.record("did not load: \(failure.errors)", sourceLocation: sourceLocation)
            return nil
        }
    }

    @Test func macrosOfAnEarlierFileExpandInALaterOne() throws {
        let loaded = try #require(try load([("abbrev.bib", Self.abbreviations), ("articles.bib", Self.articles)]))
        let records = ImportFixtures.records(loaded)
        #expect(records["smith2021"]?.venue == "Transactions of the Association for Computational Linguistics")
        #expect(records["smith2021"]?.title == "Fairness in Parsing")
        #expect(records["jones2020"]?.venue == "Proceedings of LREC")
        #expect(loaded.report.files.map(\.failure) == [nil, nil])
        #expect(loaded.report.files.map(\.warnings) == [0, 0])
    }

    /// In the other order the macros are not defined yet, as in BibTeX: a warning, and the
    /// value is empty.
    @Test func macrosDoNotReachBackToEarlierFiles() throws {
        let loaded = try #require(try load([("articles.bib", Self.articles), ("abbrev.bib", Self.abbreviations)]))
        let records = ImportFixtures.records(loaded)
        #expect(records["jones2020"]?.venue == nil)
        #expect(loaded.report.files[0].issues.contains { $0.message.contains("undefined macro \"lrec\"") })
    }

    @Test func macrosCarryAcrossAFileOfAnotherFormat() throws {
        let csv = "id,title,authors,year\nc1,A CSV Paper,Cy Doe,2019\n"
        let loaded = try #require(try load([("abbrev.bib", Self.abbreviations), ("more.csv", csv), ("articles.bib", Self.articles)]))
        #expect(ImportFixtures.records(loaded)["jones2020"]?.venue == "Proceedings of LREC")
    }

    /// A later file may redefine a macro; entries after that use the new text.
    @Test func aLaterDefinitionWins() throws {
        let redefine = "@string{lrec = {LREC}}\n@misc{k, title = {Later}, author = {Di Ng}, howpublished = lrec, booktitle = lrec, year = 2022}\n"
        let loaded = try #require(try load([("abbrev.bib", Self.abbreviations), ("redefine.bib", redefine), ("articles.bib", Self.articles)]))
        let records = ImportFixtures.records(loaded)
        #expect(records["k"]?.venue == "LREC")
        #expect(records["jones2020"]?.venue == "LREC")
    }
}
