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
