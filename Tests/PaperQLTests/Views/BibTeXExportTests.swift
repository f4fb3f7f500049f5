import Foundation
import Testing
@testable import PaperQL

/// `--format bibtex`: entries a LaTeX user can cite, with keys that are stable and unique, and
/// that the project's own BibTeX importer reads back as the same papers.
@Suite struct BibTeXExportTests {
    static let corpus = DefaultCorpus.load()

    /// What a paper is, as far as a citation carries it.
    struct Citation: Equatable, CustomStringConvertible {
        var title: String
        var authors: [String]
        var truncated: Bool
        var year: Int?
        var date: String?
        var venue: String?
        var type: PaperType
        var doi: String?
        var arxiv: String?
        var categories: [String]

        init(_ paper: PaperID, in graph: PaperGraph) {
            title = graph.title(of: paper)
            authors = graph.writtenAuthorNames(of: paper)
            truncated = graph.authorsTruncated(paper) && !authors.isEmpty
            year = graph.year(of: paper)
            // A year alone is all a date without month says.
            date = graph.date(of: paper).flatMap { $0.count > 4 ? $0 : nil }
            venue = graph.venue(of: paper)
            type = graph.type(of: paper) ?? .other
            doi = graph.doi(of: paper)
            arxiv = graph.arxivID(of: paper)
            categories = graph.categories(of: paper)
        }

        var description: String { "\(title) | \(authors) | \(year.map(String.init) ?? "-") | \(venue ?? "-") | \(type)" }
    }

    /// Writes the papers as BibTeX, imports the file, and pairs each written paper with the one
    /// read back under its citation key.
    static func roundTrip(_ graph: PaperGraph, _ papers: [PaperID], accents: LaTeXEscaping.Accents,
                          sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [(written: Citation, read: Citation?)] {
        let text = BibTeXFormatter.render(papers, graph: graph, accents: accents)
        let file = try temporaryFile("round-trip.bib", text)
        defer { try? FileManager.default.removeItem(at: file) }
        let loaded: CorpusLoader.Loaded
        switch CorpusLoader.load(paths: [file.path], options: ImportOptions(strict: true)) {
        case .success(let result): loaded = result
        case .failure(let failure):
            Issue.record("the importer refused the output: \(failure.errors)", sourceLocation: sourceLocation)
            throw failure
        }
        #expect(loaded.report.rejected == 0, sourceLocation: sourceLocation)
        #expect(loaded.report.files.map(\.warnings).reduce(0, +) == 0, "\(loaded.report.files.flatMap(\.issues))", sourceLocation: sourceLocation)
        var keys = BibTeXKeys()
        return papers.filter { !graph.title(of: $0).isEmpty }.map { paper in
            let key = keys.key(for: paper, graph: graph)
            return (Citation(paper, in: graph), loaded.graph.paper(withKey: key).map { Citation($0, in: loaded.graph) })
        }
    }

    @Test(arguments: LaTeXEscaping.Accents.allCases)
    func theDefaultCorpusComesBackTheSame(accents: LaTeXEscaping.Accents) throws {
        let pairs = try Self.roundTrip(Self.corpus, Self.corpus.allPapers, accents: accents)
        #expect(pairs.count == 33, "every titled paper of the default corpus")
        for (written, read) in pairs { #expect(read == written) }
    }

    static let aclIsThere = FileManager.default.fileExists(atPath: ImportFixtures.aclDirectory)

    @Test(.enabled(if: aclIsThere, "skipped: ../shared/corpora/acl-anthology-2021/xml is not beside the repository"),
          arguments: LaTeXEscaping.Accents.allCases)
    func anACLSampleComesBackTheSame(accents: LaTeXEscaping.Accents) throws {
        let paths = ["P18.xml", "J00.xml", "W04.xml"].map { ImportFixtures.aclDirectory + "/" + $0 }
        guard case .success(let loaded) = CorpusLoader.load(paths: paths, options: ImportOptions()) else {
            Issue.record("the ACL sample did not load"); return
        }
        let graph = loaded.graph
        let pairs = try Self.roundTrip(graph, graph.allPapers, accents: accents)
        #expect(pairs.count > 1000)
        var differing = 0
        for (written, read) in pairs where read != written {
            differing += 1
            if differing <= 5 { Issue.record("written \(written)\nread    \(read.map(String.init(describing:)) ?? "nothing")") }
        }
        #expect(differing == 0)
    }

    @Test func keysAreFamilyYearAndFirstTitleWordSuffixedOnCollision() throws {
        var builder = GraphBuilder()
        for (id, title) in [("x1", "The Deep Net"), ("x2", "Deep Nets Again"), ("x3", "deep, deeper"), ("x4", "Q-Value Weighting")] {
            var record = PaperRecord(id: id, title: title)
            record.authors = ["José García-López", "Ann Other"]
            record.year = 2020
            builder.add(record)
        }
        var untitled = PaperRecord(id: "x5", title: "On")
        untitled.authors = ["Wu Jr."]
        builder.add(untitled)
        let graph = builder.build()
        var keys = BibTeXKeys()
        let byID = Dictionary(uniqueKeysWithValues: ["x1", "x2", "x3", "x4", "x5"].compactMap { id in
            graph.paper(withKey: id).map { (id, $0) }
        })
        #expect(keys.key(for: try #require(byID["x1"]), graph: graph) == "garcialopez2020deep")
        #expect(keys.key(for: try #require(byID["x2"]), graph: graph) == "garcialopez2020deepb")
        #expect(keys.key(for: try #require(byID["x3"]), graph: graph) == "garcialopez2020deepc")
        #expect(keys.key(for: try #require(byID["x4"]), graph: graph) == "garcialopez2020qvalue")
        #expect(keys.key(for: try #require(byID["x5"]), graph: graph) == "wuon")
        // The same papers in the same order get the same keys.
        var again = BibTeXKeys()
        #expect(again.key(for: try #require(byID["x1"]), graph: graph) == "garcialopez2020deep")
    }

    @Test func keysAreUniqueOverTheDefaultCorpus() {
        var keys = BibTeXKeys()
        let all = Self.corpus.allPapers.map { keys.key(for: $0, graph: Self.corpus) }
        #expect(Set(all).count == all.count)
        #expect(all.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
    }

    @Test func capitalsAreProtectedAndTeXCharactersEscaped() {
        #expect(BibTeXFormatter.protectedTitle("Reformer: The Efficient Transformer", accents: .utf8)
            == "Reformer: {The} {Efficient} {Transformer}")
        #expect(BibTeXFormatter.protectedTitle("LOGAN: latent GANs", accents: .utf8) == "{LOGAN:} latent {GANs}")
        #expect(LaTeXEscaping.escape("50% of R&D_x {y} $5 #1 a~b c^d e\\f", accents: .utf8)
            == ##"50\% of R\&D\_x \{y\} \$5 \#1 a\textasciitilde{}b c\^{}d e\textbackslash{}f"##)
        #expect(LaTeXEscaping.escape("a--b", accents: .utf8) == "a-{}-b")
    }

    @Test func accentsAreUTF8OrLaTeXCommands() {
        #expect(LaTeXEscaping.escape("Łukasz Kaiser", accents: .utf8) == "Łukasz Kaiser")
        #expect(LaTeXEscaping.escape("Łukasz Kaiser", accents: .latex) == #"{\L}ukasz Kaiser"#)
        #expect(LaTeXEscaping.escape("Vulić Glavaš Müller Ørsted", accents: .latex)
            == #"Vuli{\'{c}} Glava{\v{s}} M{\"{u}}ller {\O}rsted"#)
        #expect(LaTeXEscaping.escape("naïve", accents: .latex) == #"na{\"{\i}}ve"#)
        #expect(LaTeXEscaping.escape("北京 – x", accents: .latex) == "北京 -- x")
        // Each escape reads back as the letter it stands for.
        for text in ["Łukasz", "Vulić", "Ørsted", "naïve", "Nguyễn", "Dvořák", "Øystein Strauß", "50% R&D"] {
            #expect(LaTeXAccents.toUnicode(LaTeXEscaping.escape(text, accents: .latex)) == text)
        }
    }

    @Test func namesThatBibTeXWouldMisreadAreBraced() {
        #expect(BibTeXFormatter.authorName("Research and Development Team", accents: .utf8) == "{Research and Development Team}")
        #expect(BibTeXFormatter.authorName("Smith, Jr.", accents: .utf8) == "{Smith, Jr.}")
        #expect(BibTeXFormatter.authorName("Diego de las Casas", accents: .utf8) == "Diego de las Casas")
    }

    @Test func goldenFile() throws {
        var session = QuerySession(graph: Self.corpus)
        let result = try #require(session.run(#"papers by "Łukasz Kaiser""#).statements.last?.result)
        assertGolden(ResultFormatter(format: .bibtex).render(result, graph: Self.corpus), named: "kaiser.bib")
        var latex = FormatOptions()
        latex.accents = .latex
        assertGolden(ResultFormatter(format: .bibtex, options: latex).render(result, graph: Self.corpus), named: "kaiser-latex.bib")
    }

    @Test func onlyPapersAreWritten() throws {
        var session = QuerySession(graph: Self.corpus)
        let result = try #require(session.run(#"coauthors of "Jack Rae""#).statements.last?.result)
        #expect(ResultFormatter(format: .bibtex).mismatch(result)?.id == "format.noPapersToCite")
    }
}
