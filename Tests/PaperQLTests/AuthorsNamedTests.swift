import Foundation
import PaperQL
import Testing

/// `authors named "NAME"` lists the people a name means, with what tells them apart; `:explain`
/// and hover show the same people. On real data: the ACL Anthology's five "Yang Liu"s
/// (`Fixtures/import/acl-yang-liu`, two papers each, as the Anthology marks them).
@Suite struct AuthorsNamedTests {
    static let loaded: CorpusLoader.Loaded? = {
        guard case .success(let loaded) = CorpusLoader.load(paths: [ImportFixtures.path("acl-yang-liu")]) else { return nil }
        return loaded
    }()

    func graph(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PaperGraph {
        try #require(Self.loaded, "the ACL excerpt did not load", sourceLocation: sourceLocation).graph
    }

    /// Namesakes with as many papers come in the order of their ids (the loader numbers people
    /// as it meets them), as in every list of people.
    @Test func theNamesakesAreListedWithTheirIdentifiersYearsVenuesAndCoauthors() throws {
        let output = QueryCase.render(#"authors named "Yang Liu" | show identifier, papers, years, coauthors"#, on: try graph())
        #expect(output == """
            identifier | papers | years | coauthors
            acl:yang-liu-ict | 2 | 2010 | Jiangsheng Yu, Qun Liu, Shiwen Yu
            acl:yang-liu | 2 | 2012–2014 | Jun Zhao, Kang Liu, Liheng Xu
            acl:yang-liu-icsi | 2 | 2012–2016 | Chen Li, Fei Huang, Yang Jin
            acl:yang-liu-edinburgh | 2 | 2016–2017 | Mirella Lapata, Sujian Li
            acl:yang-liu-georgetown | 2 | 2019 | Amir Zeldes, Luke Gessler
            """)
        let venues = QueryCase.render(#"authors named "acl:yang-liu-edinburgh" | show venues"#, on: try graph())
        #expect(venues.contains("Proceedings of the 2016 Conference on Empirical Methods in Natural Language Processing"))
    }

    @Test func theListingIsTheAnswerSoItCarriesNoAmbiguityNote() throws {
        var session = QuerySession(graph: try graph())
        let listed = session.run(#"authors named "Yang Liu" | count"#)
        #expect(listed.diagnostics.isEmpty)
        guard case .count(5)? = listed.statements.first?.result else {
            Issue.record("expected five people: \(String(describing: listed.statements.first?.result))")
            return
        }
        // `papers by` the name answers for all and points at the listing and at an identifier.
        let papers = session.run(#"papers by "Yang Liu" | count"#)
        let note = try #require(papers.diagnostics.first { $0.id == "sema.ambiguousAuthor" })
        #expect(note.notes.map(\.message).contains(#"to see what tells them apart: authors named "Yang Liu""#))
        #expect(note.notes.contains { $0.message.hasPrefix("to pick one person, write their identifier: \"acl:yang-liu") })
    }

    @Test func aListedPersonsPapersArePickedByTheirIdentifier() throws {
        let output = QueryCase.render(#"papers by "acl:yang-liu-ict" | show id"#, on: try graph())
        #expect(output == "id\nC10-1080\nC02-2007")
    }

    @Test func explainShowsWhichPeopleTheNameResolvedTo() throws {
        let graph = try graph()
        let session = QuerySession(graph: graph)
        let (plans, _) = session.explain(#"authors named "Yang Liu""#)
        let text = plans.map { PlanExplainer(graph: graph).render($0) }.joined()
        #expect(text.hasPrefix("the people a name means (name → people)\n  \"Yang Liu\" → Yang Liu [acl:"))
        for identifier in ["yang-liu", "yang-liu-ict", "yang-liu-icsi", "yang-liu-edinburgh", "yang-liu-georgetown"] {
            #expect(text.contains("[acl:\(identifier)] (2 papers"), "\(identifier) missing from:\n\(text)")
        }
        let (byPlans, _) = session.explain(#"papers by "Yang Liu""#)
        #expect(byPlans.map { PlanExplainer(graph: graph).render($0) }.joined().contains("[acl:yang-liu-georgetown] (2 papers, 2019)"))
    }

    @Test func hoverOverTheNameShowsThePeopleWithTheirIdentifiers() throws {
        let service = LanguageService(graph: try graph())
        let text = #"authors named "Yang Liu""#
        let hover = try #require(service.hover(in: text, at: 16))
        guard case .authorName(let typed, _, let matches, _) = hover.subject else {
            Issue.record("not an author: \(hover.subject)")
            return
        }
        #expect(typed == "Yang Liu")
        #expect(Set(matches.compactMap(\.identifier)) == ["acl:yang-liu", "acl:yang-liu-ict", "acl:yang-liu-icsi",
                                                          "acl:yang-liu-edinburgh", "acl:yang-liu-georgetown"])
        #expect(hover.text.contains("Yang Liu [acl:yang-liu-georgetown] — 2 papers, 2019"))
        let keyword = try #require(service.hover(in: text, at: 9))
        #expect(keyword.subject == .keyword(.named))
    }

    @Test func exactlyListsOnlyTheWholeName() throws {
        var session = QuerySession(graph: try graph())
        let outcome = session.run(#"authors named exactly "Y. Liu""#)
        #expect(outcome.diagnostics.first?.id == "sema.unknownAuthor")
        #expect(outcome.diagnostics.first?.notes.first?.message.hasPrefix(#"without `exactly`, "Y. Liu" matches"#) == true)
    }
}
