import Foundation
import Testing
@testable import PaperQL

/// Each importer on real files (see Fixtures/import/PROVENANCE.md).
@Suite struct ImportFormatTests {
    @Test func bibtexRealBibliography() throws {
        let loaded = try ImportFixtures.load(["bibtexparser-random-excerpt.bib"])
        #expect(loaded.report.files[0].recordsRead == 16)
        #expect(loaded.report.rejected == 0)
        let records = ImportFixtures.records(loaded)
        let gehring = try #require(records["gehring15"])
        #expect(gehring.authors.prefix(3) == ["Tobias Gehring", "Vitus Händchen", "Jörg Duhme"])
        #expect(gehring.type == .journal)
        #expect(gehring.venue == "Nature Communications")
        #expect(gehring.date == "2015-10")
        let renes = try #require(records["renes14b"])
        #expect(renes.type == .preprint)
        #expect(renes.arxivID == "1402.6711")
        #expect(renes.venue == "arXiv")
        #expect(renes.title == "Operationally-Motivated Uncertainty Relations for Joint Measurability and the Error-Disturbance Tradeoff")
        #expect(records["berta15b"]?.type == .preprint, "an @article with an eprint and no journal is a preprint")
        #expect(records["liu15b"]?.doi == "10.1007/978-3-662-46803-6_26")
        #expect(records["liu15b"]?.type == .conference)
        #expect(records["uffinkthesis"]?.type == .thesis)
        #expect(records["uffinkthesis"]?.institutions == ["R.U. Utrecht"])
        #expect(records["vanerven14"]?.title == "Rény Divergence and Kullback-Leibler Divergence")
        #expect(records["vanerven14"]?.authors == ["Tim van Erven", "Peter Harremoes"])
        #expect(records["birula07"]?.authors == ["Iwo Białynicki-Birula"])
    }

    @Test func bibtexStringMacrosAndConcatenation() throws {
        let records = ImportFixtures.records(try ImportFixtures.load(["bibtexparser-article_with_strings.bib"]))
        let entry = try #require(records["Cesar2013"])
        #expect(entry.authors == ["Jean César"])
        #expect(entry.venue == "Nice Journal")
        #expect(entry.date == "2013-01")
        #expect(entry.categories == ["keyword1", "keyword2"])
    }

    @Test func bibtexAccentsAndProtectedTitles() throws {
        let records = ImportFixtures.records(try ImportFixtures.load(["bibtexparser-traps.bib"]))
        let entry = try #require(records["Laide2013"])
        // The trap: no `and`, so BibTeX reads one name in "Last, First" form.
        #expect(entry.authors == ["Ben Loaeb Jean Laidé"])
        #expect(entry.title == "An amazing title")
        #expect(entry.abstract?.hasSuffix("with a french érudit word") == true)
    }

    @Test func arxivSnapshotLines() throws {
        let loaded = try ImportFixtures.load(["arxiv-metadata-sample.json"])
        #expect(loaded.report.files[0].format == .arxiv)
        let records = ImportFixtures.records(loaded)
        let first = try #require(records["arXiv:0704.0001"])
        #expect(first.title == "Calculation of prompt diphoton production cross sections at Tevatron and LHC energies")
        #expect(first.authors == ["C. Balázs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"])
        #expect(first.date == "2007-04-02")
        #expect(first.year == 2007)
        #expect(first.type == .preprint)
        #expect(first.venue == "arXiv")
        #expect(first.arxivID == "0704.0001")
        #expect(first.doi == "10.1103/PhysRevD.76.013009")
        let old = try #require(records["arXiv:hep-th/9608091"])
        #expect(old.authors == ["D. Fioravanti", "A. Mariottini", "E. Quattrini", "F. Ravanini"])
        #expect(old.date == "1996-08-14")
        #expect(records["arXiv:0704.0002"]?.categories == ["math.CO", "cs.CG"])
    }

    @Test func dblpExcerpt() throws {
        let loaded = try ImportFixtures.load(["dblp-sample.xml"])
        #expect(loaded.report.files[0].format == .dblp)
        #expect(loaded.report.files[0].recordsRead == 11)
        #expect(loaded.report.files[0].warnings == 0)
        let records = ImportFixtures.records(loaded)
        #expect(records["reference/vision/Beyerer14"]?.authors == ["Jürgen Beyerer"])
        #expect(records["reference/vision/Chaumette14"]?.authors == ["François Chaumette"])
        // A homonym number is DBLP's identifier of one of several people with the name.
        #expect(records["reference/vision/Singh14"]?.authors == ["Manish Singh"])
        #expect(records["reference/vision/Singh14"]?.authorIDs == ["dblp:Manish Singh 0001"], "homonym numbers keep namesakes apart")
        let chang = try #require(records["conf/acl/ChangSRM23"])
        #expect(chang.title == "Multi-CLS BERT: An Efficient Alternative to Traditional Ensembling")
        #expect(chang.doi == "10.18653/v1/2023.acl-long.48")
        #expect(chang.type == .conference)
        #expect(chang.venue == "ACL (1)")
        #expect(records["journals/cacm/Szalay08"]?.type == .journal)
        #expect(records["reference/vision/X14bd"]?.authors == [])
        #expect(records["reference/vision/X14bd"]?.type == .book)
    }

    @Test func openAlexWork() throws {
        let loaded = try ImportFixtures.load(["openalex-works-sample.jsonl"])
        #expect(loaded.report.files[0].format == .openalex)
        let work = try #require(ImportFixtures.records(loaded)["W2741809807"])
        #expect(work.doi == "10.7717/peerj.4375")
        #expect(work.year == 2018)
        #expect(work.date == "2018-02-13")
        #expect(work.authors.count == 9)
        #expect(work.authors[2] == "Vincent Larivière")
        #expect(work.institutions.contains("University of Washington"))
        #expect(work.venue == "PeerJ")
        #expect(work.type == .journal)
        #expect(work.categories == ["Citation", "Bibliometrics"])
        #expect(work.abstract?.hasPrefix("Despite growing interest in Open Access (OA) to scholarly literature,") == true)
        #expect(work.abstract?.hasSuffix("inform OA policy and practice.") == true)
    }

    @Test func csvWithHeader() throws {
        let loaded = try ImportFixtures.load(["papers.csv"])
        let file = loaded.report.files[0]
        #expect(file.recordsRead == 3)
        #expect(file.warnings == 1)
        #expect(file.issues.first?.kind == .unknownColumn)
        let records = ImportFixtures.records(loaded)
        #expect(records["quoted-1"]?.title == "A title with \"quotes\", a comma and a line break")
        #expect(records["chang-2023"]?.authors == ["Haw-Shiuan Chang", "Ruei-Yao Sun", "Kathryn Ricci", "Andrew McCallum"])
        #expect(records["szalay-2008"]?.categories == ["history", "astronomy"])
    }

    @Test(arguments: [
        ("{\\\"u}ber", "über"), ("\\'{e}t\\'e", "été"), ("{\\L}ukasz", "Łukasz"), ("Stra\\ss e", "Straße"),
        ("\\v{C}apek", "Čapek"), ("{\\'\\i}", "í"), ("{{Protected}} Title", "Protected Title"), ("pages 1--2", "pages 1–2"),
        ("A~B", "A B"), ("\\emph{Deep} learning", "Deep learning"), ("$\\alpha$-decay", "α-decay"), ("R\\&D", "R&D"),
        ("\\c{c}a", "ça"), ("\\H{o}", "ő"), ("\\k{a}", "ą"), ("\\o", "ø"), ("\\aa", "å"),
    ])
    func latexToUnicode(latex: String, expected: String) {
        #expect(LaTeXAccents.toUnicode(latex) == expected)
    }

    @Test(arguments: [
        ("Last, First", "First Last"), ("First von Last", "First von Last"), ("de la Fuente, Jr., Juan", "Juan de la Fuente Jr."),
        ("{Barnes and Noble, Inc.}", "Barnes and Noble, Inc."), ("M{\\\"u}ller, Hans", "Hans Müller"),
    ])
    func bibtexNameForms(raw: String, expected: String) {
        #expect(BibTeXNames.parse(raw).names == [expected])
    }

    @Test func bibtexAndOthersMeansTruncated() {
        let parsed = BibTeXNames.parse("Ann Smith AND Bob Jones and others")
        #expect(parsed.names == ["Ann Smith", "Bob Jones"])
        #expect(parsed.truncated)
    }

    @Test(arguments: [
        ("P18", "1", "1", "P18-1001"), ("W18", "63", "1", "W18-6301"), ("2020.acl", "main", "1", "2020.acl-main.1"),
        ("J00", "1", "12", "J00-1012"), ("D19", "5", "3", "D19-0503"),
    ])
    func anthologyIDs(collection: String, volume: String, paper: String, expected: String) {
        #expect(ACLAnthologyImporter.anthologyID(collection: collection, volume: volume, paper: paper) == expected)
    }
}
