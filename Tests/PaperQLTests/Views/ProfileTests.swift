import Foundation
import Testing
@testable import PaperQL

/// `profile "NAME"`: the researcher's page of every researcher of the default corpus as golden
/// files, and its numbers checked against a plain computation over the records.
@Suite struct ProfileTests {
    static let graph = DefaultCorpus.load()
    /// The researchers whose pages the default corpus was built from.
    static let researchers = ["Jack Rae", "Karen Simonyan"]

    static func profile(_ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> ProfileResult {
        var session = QuerySession(graph: graph)
        let outcome = session.run("profile \"\(name)\"")
        #expect(!outcome.diagnostics.hasErrors, "\(outcome.diagnostics)", sourceLocation: sourceLocation)
        guard case .profile(let profile)? = outcome.statements.last?.result else {
            Issue.record("not a profile", sourceLocation: sourceLocation)
            throw CancellationError()
        }
        return profile
    }

    static func slug(_ name: String) -> String { TextFolding.fold(name).replacingOccurrences(of: " ", with: "-") }

    @Test(arguments: researchers)
    func goldenPages(name: String) throws {
        let result = QueryResult.profile(try Self.profile(name))
        assertGolden(ResultFormatter(format: .table, options: FormatOptions(width: 100)).render(result, graph: Self.graph),
                     named: "profile-\(Self.slug(name)).table")
        assertGolden(ResultFormatter(format: .json).render(result, graph: Self.graph), named: "profile-\(Self.slug(name)).json")
        assertGolden(ResultFormatter(format: .dot).render(result, graph: Self.graph), named: "profile-\(Self.slug(name)).dot")
    }

    /// The records, read plainly: a paper is the person's when one of its written names folds
    /// to the name; coauthors are the other written names, counted per paper.
    @Test(arguments: researchers + ["Łukasz Kaiser", "Oriol Vinyals", "Razvan Pascanu"])
    func worksAndCollaboratorsAgreeWithAPlainCount(name: String) throws {
        let profile = try Self.profile(name)
        let folded = TextFolding.fold(name)
        let records = Self.graph.records().filter { $0.authors.contains { TextFolding.fold($0) == folded } }
        #expect(profile.works.count == records.count)
        #expect(Set(profile.works.map { Self.graph.key(of: $0) }) == Set(records.map(\.id)))
        var shared: [String: Int] = [:]
        for record in records {
            for coauthor in Set(record.authors.map(TextFolding.fold)) where coauthor != folded { shared[coauthor, default: 0] += 1 }
        }
        for row in profile.collaborators {
            let written = Self.graph.variants(of: row.author).map(TextFolding.fold)
            #expect(written.map { shared[$0] ?? 0 }.max() == row.shared, "\(Self.graph.name(of: row.author))")
        }
        // The list holds the coauthors with the most shared papers.
        let best = shared.values.max() ?? 0
        #expect(profile.collaborators.first?.shared ?? 0 == best)
        #expect(profile.collaborators.count == min(10, shared.count))
        let years = records.compactMap(\.year)
        #expect(profile.years == years.min().flatMap { first in years.max().map { first...$0 } })
        #expect(profile.perYear.map(\.papers).reduce(0, +) == years.count)
    }

    /// tf-idf as stated: the person's papers with the term × ln(N / papers of the graph with it).
    @Test(arguments: researchers)
    func topicScoresAreTfIdfAgainstTheWholeGraph(name: String) throws {
        let profile = try Self.profile(name)
        let builder = ProfileBuilder(graph: Self.graph)
        let all = Self.graph.allPapers.map(builder.termsOf)
        let mine = profile.works.map(builder.termsOf)
        #expect(!profile.words.isEmpty && !profile.phrases.isEmpty)
        for term in profile.words + profile.phrases {
            let inGraph = all.filter { $0.words.contains(term.text) || $0.phrases.contains(term.text) }.count
            let inWorks = mine.filter { $0.words.contains(term.text) || $0.phrases.contains(term.text) }.count
            #expect(term.graphPapers == inGraph, "\(term.text)")
            #expect(term.papers == inWorks, "\(term.text)")
            #expect(abs(term.score - Double(inWorks) * log(Double(Self.graph.paperCount) / Double(inGraph))) < 1e-9)
        }
        #expect(zip(profile.words, profile.words.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func nearbyPapersAreCoauthorsPapersWithoutThePerson() throws {
        let profile = try Self.profile("Jack Rae")
        let works = Set(profile.works)
        #expect(!profile.nearby.isEmpty)
        for row in profile.nearby {
            #expect(!works.contains(row.paper))
            #expect(!row.collaborators.isEmpty)
            #expect(row.collaborators.allSatisfy { Self.graph.authors(of: row.paper).contains($0) })
        }
        #expect(zip(profile.nearby, profile.nearby.dropFirst()).allSatisfy { $0.score >= $1.score })
    }

    @Test func theResearchGraphHasThePersonTopicsAndCollaborators() throws {
        let profile = try Self.profile("Jack Rae")
        let drawn = try #require(ResultGraph(.profile(profile), graph: Self.graph))
        #expect(drawn.nodes.first?.label == "Jack Rae")
        #expect(drawn.nodes.filter { $0.kind == "author" }.count == profile.collaborators.count)
        #expect(drawn.nodes.contains { $0.kind == "topic" })
    }

    @Test func bibtexOfAProfileCitesItsWorks() throws {
        let result = QueryResult.profile(try Self.profile("Karen Simonyan"))
        let bib = ResultFormatter(format: .bibtex).render(result, graph: Self.graph)
        #expect(bib.components(separatedBy: "\n@").count == 10)
    }

    @Test func completionOffersAuthorsAfterProfileAndHoverExplainsIt() throws {
        let service = LanguageService(graph: Self.graph)
        let text = "profile \"Jack R"
        let labels = service.completions(in: text, at: text.utf8.count).items.map(\.label)
        #expect(labels.contains { $0.contains("Jack Rae") }, "\(labels)")
        let keywords = service.completions(in: "prof", at: 4).items.map(\.label)
        #expect(keywords.contains("profile"), "\(keywords)")
        let hover = service.hover(in: "profile \"Jack Rae\"", at: 2)
        #expect(hover?.text.contains("researcher's page") == true, "\(String(describing: hover))")
    }

    @Test func formattingPrintsTheStatementBack() {
        #expect(ScriptFormatter.format("PROFILE   \"Jack Rae\"  or exactly \"Oriol Vinyals\"") == "profile \"Jack Rae\" or exactly \"Oriol Vinyals\"\n")
    }
}
