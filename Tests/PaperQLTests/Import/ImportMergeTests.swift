import Foundation
import Testing
@testable import PaperQL

/// Several files build one graph: duplicates merge, preprints link to published versions.
@Suite struct ImportMergeTests {
    @Test func arxivAndBibTeXShareThreePapers() throws {
        let loaded = try ImportFixtures.load(["arxiv-metadata-sample.json", "shared-with-arxiv.bib"])
        #expect(loaded.report.recordsRead == 6)
        // 0704.0001: a BibTeX preprint of the same arXiv id merges into the arXiv record.
        #expect(loaded.report.mergedDuplicates == 1)
        // 0704.0002 (published, eprint) and hep-th/9608091 (published, same DOI) are versions.
        #expect(loaded.report.versionLinks == 2)
        #expect(loaded.report.papers == 5)
        let records = ImportFixtures.records(loaded)
        let merged = try #require(records["arXiv:0704.0001"])
        #expect(merged.sources == ["arxiv-metadata-sample.json", "shared-with-arxiv.bib"])
        #expect(records["balazs2007diphoton"] == nil)
        #expect(records["arXiv:0704.0002"]?.versions == ["streinu2009sparsity"])
        #expect(records["streinu2009sparsity"]?.versions == ["arXiv:0704.0002"])
        #expect(records["fioravanti1997excited"]?.versions == ["arXiv:hep-th/9608091"])
        #expect(records["arXiv:hep-th/9608091"]?.versions == ["fioravanti1997excited"])
    }

    @Test func dblpAndCSVMergeByDOIAndByTitle() throws {
        let loaded = try ImportFixtures.load(["dblp-sample.xml", "papers.csv"])
        #expect(loaded.report.mergedDuplicates == 2)
        #expect(loaded.report.versionLinks == 0)
        let records = ImportFixtures.records(loaded)
        #expect(records["conf/acl/ChangSRM23"]?.sources == ["dblp-sample.xml", "papers.csv"])
        #expect(records["conf/acl/ChangSRM23"]?.categories == ["nlp"])
        #expect(records["journals/cacm/Szalay08"]?.sources == ["dblp-sample.xml", "papers.csv"])
        #expect(records["szalay-2008"] == nil)
    }

    @Test func shortTitlesNeverMatchOnTitleAlone() {
        let merger = RecordMerger()
        merger.add(PaperRecord(id: "a", title: "Introduction", authors: ["Ann Smith"], year: 2000), source: 0, fileName: "a")
        merger.add(PaperRecord(id: "b", title: "Introduction", authors: ["Ann Smith"], year: 2000), source: 1, fileName: "b")
        #expect(merger.records.count == 2)
    }

    @Test func sameKeyForDifferentPapersKeepsBoth() {
        let merger = RecordMerger()
        merger.add(PaperRecord(id: "smith2020", title: "A Paper About Graph Databases"), source: 0, fileName: "a.bib")
        merger.add(PaperRecord(id: "smith2020", title: "Another Paper About Something Else"), source: 1, fileName: "b.bib")
        #expect(merger.records.map(\.id) == ["smith2020", "smith2020@b.bib"])
    }
}

extension ImportMergeTests {
    /// The ACL Anthology gives J10-1006 and J10-1008 one DOI (a data error): keep both papers.
    @Test func oneDOIOnTwoDifferentPapersDoesNotMerge() {
        let merger = RecordMerger()
        merger.add(PaperRecord(id: "J10-1006", title: "Book Review: Representation and Management of Narrative Information", doi: "10.1162/coli.2010.36.1.36105"), source: 0, fileName: "J10.xml")
        merger.add(PaperRecord(id: "J10-1008", title: "Last Words: Failure is an Orphan (Let’s Adopt)", doi: "10.1162/coli.2010.36.1.36105"), source: 0, fileName: "J10.xml")
        #expect(merger.records.count == 2)
        #expect(merger.conflictingIdentifiers == 1)
    }
}

extension ImportMergeTests {
    /// The answer never depends on how the same files are passed: records of one source (one
    /// format) are told apart by their ids alone, so a file alone, with its siblings, or in a
    /// folder gives the same papers.
    @Test func recordsOfOneSourceMatchOnIdsAlone() throws {
        let first = #"{"id": "a", "title": "Graph Databases for Bibliographies", "doi": "10.1/x", "venue": "Findings", "year": 2021}"#
        let second = #"{"id": "b", "title": "Graph Databases for Bibliographies", "doi": "10.1/x", "venue": "Workshop", "year": 2021}"#
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("paperql-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try (first + "\n").write(to: folder.appendingPathComponent("1.jsonl"), atomically: true, encoding: .utf8)
        try (second + "\n").write(to: folder.appendingPathComponent("2.jsonl"), atomically: true, encoding: .utf8)
        let both = folder.appendingPathComponent("both.jsonl.txt")
        try (first + "\n" + second + "\n").write(to: both, atomically: true, encoding: .utf8)
        func venues(_ paths: [String]) throws -> [String] {
            guard case .success(let loaded) = CorpusLoader.load(paths: paths, options: ImportOptions(format: .native)) else {
                Issue.record("did not load \(paths)")
                return []
            }
            return loaded.graph.allPapers.compactMap { loaded.graph.venue(of: $0) }.sorted()
        }
        let expected = ["Findings", "Workshop"]
        #expect(try venues([both.path]) == expected, "one file")
        #expect(try venues([folder.appendingPathComponent("1.jsonl").path, folder.appendingPathComponent("2.jsonl").path]) == expected, "two files")
        let onlyJSONL = folder.appendingPathComponent("only")
        try FileManager.default.createDirectory(at: onlyJSONL, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("1.jsonl"), to: onlyJSONL.appendingPathComponent("1.jsonl"))
        try FileManager.default.copyItem(at: folder.appendingPathComponent("2.jsonl"), to: onlyJSONL.appendingPathComponent("2.jsonl"))
        #expect(try venues([onlyJSONL.path]) == expected, "a folder")
    }

    /// Across sources the same DOI still means the same paper (its titles agreeing).
    @Test func differentSourcesStillMergeByDOI() {
        let merger = RecordMerger()
        merger.add(PaperRecord(id: "a", title: "Graph Databases for Bibliographies", doi: "10.1/x"), source: 0, kind: "native", fileName: "a.jsonl")
        merger.add(PaperRecord(id: "smith21", title: "Graph databases for bibliographies", doi: "10.1/X"), source: 1, kind: "bibtex", fileName: "b.bib")
        merger.add(PaperRecord(id: "b", title: "Graph Databases for Bibliographies", doi: "10.1/x"), source: 2, kind: "native", fileName: "c.jsonl")
        #expect(merger.records.map(\.id) == ["a", "b"])
        #expect(merger.mergedDuplicates == 1)
    }
}
