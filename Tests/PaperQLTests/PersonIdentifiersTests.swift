import Foundation
@testable import PaperQL
import Testing

/// A person can carry several identifiers: a DBLP person record and the ORCID it lists, an
/// OpenAlex author and their ORCID. Every identifier a source gives finds the person, and two
/// sources that give one identifier to their people make them one person.
@Suite struct PersonIdentifiersTests {
    static let gamezORCID = "orcid:0000-0003-1188-1117"

    func papers(_ query: String, in graph: PaperGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        var session = QuerySession(graph: graph)
        let outcome = session.run(query)
        #expect(!outcome.hasErrors, "\(query): \(outcome.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        guard case .papers(let found)? = outcome.statements.last?.result else { return [] }
        return found.papers.map { graph.key(of: $0) }.sorted()
    }

    func load(_ paths: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> PaperGraph {
        switch CorpusLoader.load(paths: paths) {
        case .success(let loaded): return loaded.graph
        case .failure(let failure):
            Issue.record("load failed: \(failure.errors.map(\.description))", sourceLocation: sourceLocation)
            throw failure
        }
    }

    // MARK: DBLP person records

    /// The record lists "José A. Gámez 0001" first: the person is shown as "José A. Gámez", and no
    /// name of theirs carries the number, which is DBLP's identifier, not a spelling.
    @Test func aPersonRecordShowsItsFirstNameWithoutTheHomonymNumber() throws {
        let graph = try load([ImportFixtures.path("dblp-person-sample.xml")])
        let person = try #require(graph.authors(matching: "dblp:José A. Gámez 0001").first)
        #expect(graph.name(of: person) == "José A. Gámez")
        #expect(graph.variants(of: person).sorted() == ["José A. Gámez", "José Antonio Gámez"])
        #expect(graph.identifier(of: person) == "dblp:José A. Gámez 0001")
        let namesake = try #require(graph.authors(matching: "dblp:José A. Gámez 0002").first)
        #expect(graph.name(of: namesake) == "José A. Gámez")
        #expect(namesake != person)
    }

    /// The record's `<url>https://orcid.org/…</url>` is the person's other identifier.
    @Test func theORCIDAPersonRecordListsFindsThePerson() throws {
        let graph = try load([ImportFixtures.path("dblp-person-sample.xml")])
        #expect(papers(#"papers by "\#(Self.gamezORCID)""#, in: graph) == ["test/alias/Gamez21", "test/numbered/Gamez20"])
        #expect(papers(#"papers by "ORCID:0000-0003-1188-1117""#, in: graph) == ["test/alias/Gamez21", "test/numbered/Gamez20"])
        #expect(graph.authors(matching: Self.gamezORCID) == graph.authors(matching: "dblp:José A. Gámez 0001"))
    }

    /// An OpenAlex author whose ORCID a DBLP person record lists is that person: the papers of
    /// both files are one person's, whichever file comes first.
    @Test(arguments: [false, true]) func anORCIDMakesPeopleOfTwoSourcesOne(openAlexFirst: Bool) throws {
        let work = #"{"id": "https://openalex.org/W9", "title": "A Work Found by OpenAlex", "publication_year": 2023, "authorships": [{"author": {"id": "https://openalex.org/A9", "display_name": "J. A. Gámez", "orcid": "https://orcid.org/0000-0003-1188-1117"}}, {"author": {"id": "https://openalex.org/A8", "display_name": "Ana Ruiz"}}]}"#
        let openAlex = try temporaryFile("openalex-orcid.jsonl", work + "\n")
        defer { try? FileManager.default.removeItem(at: openAlex) }
        let dblp = ImportFixtures.path("dblp-person-sample.xml")
        let graph = try load(openAlexFirst ? [openAlex.path, dblp] : [dblp, openAlex.path])
        let all = ["W9", "test/alias/Gamez21", "test/numbered/Gamez20"]
        #expect(papers(#"papers by "openalex:A9""#, in: graph) == all)
        #expect(papers(#"papers by "dblp:José A. Gámez 0001""#, in: graph) == all)
        #expect(papers(#"papers by "\#(Self.gamezORCID)""#, in: graph) == all)
        let person = try #require(graph.authors(matching: "openalex:A9").first)
        #expect(graph.variants(of: person).contains("J. A. Gámez"))
        // Neither description lists the other's identifier: the first in code-point order leads,
        // whichever file came first.
        #expect(graph.identifier(of: person) == "dblp:José A. Gámez 0001")
        #expect(graph.name(of: person) == "José A. Gámez")
        // The namesake numbered 0002 and the unidentified coauthor stay apart.
        #expect(papers(#"papers by "dblp:José A. Gámez 0002""#, in: graph) == ["test/namesake/Gamez22"])
        #expect(papers(#"papers by "openalex:A8""#, in: graph) == ["W9"])
    }

    /// On a paper, an author with a homonym number and an ORCID is the numbered person, found by
    /// both; the same ORCID on an unnumbered spelling is them too.
    @Test func aNumberedAuthorsORCIDIsTheirs() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <dblp>
            <article key="a/1"><author orcid="0000-0002-1825-0097">Wei Wang 0001</author><title>One.</title><year>2020</year><journal>J</journal></article>
            <article key="a/2"><author orcid="https://orcid.org/0000-0002-1825-0097">W. Wang</author><title>Two.</title><year>2021</year><journal>J</journal></article>
            <article key="a/3"><author>Wei Wang 0002</author><title>Three.</title><year>2022</year><journal>J</journal></article>
            <article key="a/4"><author orcid="not an orcid">Wei Wang 0003</author><title>Four.</title><year>2022</year><journal>J</journal></article>
            </dblp>
            """
        let file = try temporaryFile("orcid.xml", xml)
        defer { try? FileManager.default.removeItem(at: file) }
        let graph = try load([file.path])
        #expect(papers(#"papers by "dblp:Wei Wang 0001""#, in: graph) == ["a/1", "a/2"])
        #expect(papers(#"papers by "orcid:0000-0002-1825-0097""#, in: graph) == ["a/1", "a/2"])
        #expect(papers(#"papers by "dblp:Wei Wang 0002""#, in: graph) == ["a/3"])
        #expect(papers(#"papers by "dblp:Wei Wang 0003""#, in: graph) == ["a/4"])
        let person = try #require(graph.authors(matching: "dblp:Wei Wang 0001").first)
        #expect(graph.name(of: person) == "Wei Wang")
    }

    // MARK: The table

    /// Two descriptions that share an identifier are one person, in either order; the identifier
    /// it is known by is the one whose description lists the other's.
    @Test(arguments: [false, true]) func descriptionsSharingAnIdentifierAreOnePerson(reversed: Bool) {
        let record = NameTable.Person(identifier: "dblp:Ana Ruiz 0001", canonical: "Ana Ruiz 0001", variants: ["A. Ruiz-Soto"],
                                      shownNames: ["Ana Ruiz", "A. Ruiz-Soto"], otherIdentifiers: ["orcid:0000-0001-0000-0001"])
        let orcid = NameTable.Person(identifier: "orcid:0000-0001-0000-0001", canonical: "Ana M. Ruiz", variants: [])
        let other = NameTable.Person(identifier: "dblp:Ana Ruiz 0002", canonical: "Ana Ruiz 0002", variants: [])
        var table = NameTable()
        for person in reversed ? [other, orcid, record] : [record, other, orcid] { table.add(person) }
        #expect(table.people.count == 2)
        let joined = table.person(identifier: "orcid:0000-0001-0000-0001")
        #expect(joined?.identifier == "dblp:Ana Ruiz 0001")
        #expect(joined?.otherIdentifiers == ["orcid:0000-0001-0000-0001"])
        #expect(Set(joined?.shownNames ?? []) == ["Ana Ruiz", "A. Ruiz-Soto", "Ana M. Ruiz"])
        #expect(table.primaryIdentifier(of: "orcid:0000-0001-0000-0001") == "dblp:Ana Ruiz 0001")
        #expect(table.primaryIdentifier(of: "dblp:Ana Ruiz 0002") == "dblp:Ana Ruiz 0002")
        #expect(table.primaryIdentifier(of: "acl:nobody") == "acl:nobody")
        // The ORCID's name is the joined person's: a byline written so without an identifier is them.
        #expect(table.identifier(forFoldedName: "ana m ruiz") == "dblp:Ana Ruiz 0001")
    }

    /// A third description can join two people the table held apart: one person remains, found
    /// by every identifier and every name.
    @Test func aDescriptionListingTwoKnownPeopleJoinsThem() {
        var table = NameTable()
        table.add(NameTable.Person(identifier: "openalex:A1", canonical: "", variants: [], otherIdentifiers: ["orcid:0000-0001-0000-0002"]))
        table.add(NameTable.Person(identifier: "acl:ana-ruiz", canonical: "Ana Ruiz", variants: []))
        table.add(NameTable.Person(identifier: "dblp:Ana Ruiz", canonical: "Ana Ruiz", variants: [],
                                   otherIdentifiers: ["orcid:0000-0001-0000-0002", "acl:ana-ruiz"]))
        #expect(table.people.count == 1)
        let ids = ["openalex:A1", "acl:ana-ruiz", "dblp:Ana Ruiz", "orcid:0000-0001-0000-0002"]
        #expect(Set(ids.map { table.primaryIdentifier(of: $0) }).count == 1)
        #expect(table.identifier(forFoldedName: "ana ruiz") == table.primaryIdentifier(of: "acl:ana-ruiz"))
    }

    /// A description given again changes nothing; one with a new name or identifier adds it.
    @Test func aRepeatedDescriptionChangesNothing() {
        let numbered = NameTable.Person(identifier: "dblp:Wei Wang 0001", canonical: "", variants: [],
                                        shownNames: ["Wei Wang"], otherIdentifiers: ["orcid:0000-0002-1825-0097"])
        var table = NameTable()
        table.add(numbered)
        let once = table
        table.add(numbered)
        #expect(table == once)
        table.add(NameTable.Person(identifier: "orcid:0000-0002-1825-0097", canonical: "W. Wang", variants: []))
        #expect(table != once)
        #expect(table.people.count == 1)
        #expect(table.person(identifier: "dblp:Wei Wang 0001")?.shownNames == ["Wei Wang", "W. Wang"])
        #expect(table.identifier(forFoldedName: "w wang") == "dblp:Wei Wang 0001")
        table.add(NameTable.Person(identifier: "dblp:Wei Wang 0001", canonical: "", variants: [],
                                   shownNames: ["Wei Wang"], otherIdentifiers: ["orcid:0000-0002-1694-233X"]))
        #expect(table.primaryIdentifier(of: "orcid:0000-0002-1694-233X") == "dblp:Wei Wang 0001")
    }

    @Test func orcidsAreReadBareOrAsAddresses() {
        #expect(ImportText.orcid("0000-0002-1825-0097") == "orcid:0000-0002-1825-0097")
        #expect(ImportText.orcid(" https://orcid.org/0000-0002-1694-233x/ ") == "orcid:0000-0002-1694-233X")
        #expect(ImportText.orcid("http://ORCID.org/0000-0002-1694-233X") == "orcid:0000-0002-1694-233X")
        for bad in ["", "0000-0002-1825", "0000-0002-1825-009", "0000-0002-1825-00977", "000a-0002-1825-0097",
                    "0000_0002_1825_0097", "https://orcid.org/", "X000-0002-1825-0097"] {
            #expect(ImportText.orcid(bad) == nil, "\(bad)")
        }
    }
}
