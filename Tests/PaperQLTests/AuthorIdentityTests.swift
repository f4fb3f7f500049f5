import Foundation
import PaperQL
import Testing

/// An author is a person, not a spelling: identifiers from the sources decide who is who, a
/// curated name table joins spellings no folding could, and names alone join only when they fold
/// to the same text.
@Suite struct AuthorIdentityTests {
    func graph(_ records: [PaperRecord], names: NameTable = NameTable()) -> PaperGraph {
        var builder = GraphBuilder()
        builder.names = names
        builder.add(contentsOf: records)
        return builder.build()
    }

    func count(_ query: String, in graph: PaperGraph, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Int? {
        var session = QuerySession(graph: graph)
        let outcome = session.run(query + " | count")
        #expect(!outcome.hasErrors, "\(query): \(outcome.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        guard case .count(let count)? = outcome.statements.last?.result else { return nil }
        return count
    }

    /// A name several people bear is offered once, with how many they are and their papers
    /// (each paper once): DBLP's many "Jing Hu"s were a note each.
    @Test func aSuggestedNameIsOneNoteHoweverManyPeopleBearIt() {
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Jing Hu", "Jing Hu"], authorIDs: ["dblp:Jing Hu 0001", "dblp:Jing Hu 0002"]),
            PaperRecord(id: "b", title: "Two", authors: ["Jing Hu"], authorIDs: ["dblp:Jing Hu 0003"]),
            PaperRecord(id: "c", title: "Three", authors: ["Jing Hu"], authorIDs: ["dblp:Jing Hu 0001"]),
            PaperRecord(id: "d", title: "Four", authors: ["Jane Roe"]),
        ])
        var session = QuerySession(graph: graph)
        let outcome = session.run(#"papers by exactly "Jing Wu""#)
        let error = outcome.diagnostics.first { $0.id == "sema.unknownAuthor" }
        #expect(error?.notes.map(\.message) == [#"did you mean "Jing Hu" (3 people, 3 papers)?"#])
    }

    @Test func namesakesWithIdentifiersAreDifferentPeople() {
        let graph = graph([
            PaperRecord(id: "a", title: "Alignment", authors: ["Yang Liu", "Qun Liu"], authorIDs: ["acl:yang-liu-ict", ""]),
            PaperRecord(id: "b", title: "Prosody", authors: ["Yang Liu"], authorIDs: ["acl:yang-liu-icsi"]),
            PaperRecord(id: "c", title: "Parsing", authors: ["Yang Liu"], authorIDs: ["acl:yang-liu-ict"]),
        ])
        #expect(graph.authorCount == 3)
        #expect(count(#"papers by "acl:yang-liu-ict""#, in: graph) == 2)
        #expect(count(#"papers by "acl:yang-liu-icsi""#, in: graph) == 1)
        // The name alone means every person written so, and says so.
        var session = QuerySession(graph: graph)
        let outcome = session.run(#"papers by "Yang Liu""#)
        #expect(outcome.statements.first?.result?.rowCount == 3)
        let note = outcome.diagnostics.first { $0.id == "sema.ambiguousAuthor" }
        #expect(note?.notes.first?.message.contains("acl:yang-liu-ict") == true)
        #expect(count(#"coauthors of "acl:yang-liu-icsi""#, in: graph) == 0)
    }

    @Test func anUnmarkedNameIsThePersonWhoseIdentifierIsItsSlug() {
        // The Anthology gives an unmarked "Yang Liu" to `yang-liu`, not to `yang-liu-ict`.
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Yang Liu"], authorIDs: ["acl:yang-liu"]),
            PaperRecord(id: "b", title: "Two", authors: ["Yang Liu"]),
            PaperRecord(id: "c", title: "Three", authors: ["Yang Liu"], authorIDs: ["acl:yang-liu-ict"]),
        ])
        #expect(graph.authorCount == 2)
        #expect(count(#"papers by "acl:yang-liu""#, in: graph) == 2)
    }

    @Test func aNameTableJoinsSpellingsAndNamesThePerson() {
        var names = NameTable()
        names.add(.init(identifier: "acl:daniel-jurafsky", canonical: "Daniel Jurafsky", variants: ["Dan Jurafsky"]))
        let records = [
            PaperRecord(id: "a", title: "Speech", authors: ["Dan Jurafsky"]),
            PaperRecord(id: "b", title: "Language", authors: ["Daniel Jurafsky"]),
        ]
        #expect(graph(records).authorCount == 2, "without the table, Dan and Daniel are two names")
        let joined = graph(records, names: names)
        #expect(joined.authorCount == 1)
        #expect(joined.name(of: AuthorID(0)) == "Daniel Jurafsky")
        #expect(count(#"papers by exactly "Dan Jurafsky""#, in: joined) == 2)
        #expect(joined.identifier(of: AuthorID(0)) == "acl:daniel-jurafsky")
    }

    @Test func aHyphenatedGivenNameIsOneName() {
        // "Wei Chen" is not "Wei-Ming Chen" with a middle name; "Xuanjing" is "Xuan-Jing".
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Wei-Ming Chen"]),
            PaperRecord(id: "b", title: "Two", authors: ["Wei Chen"]),
            PaperRecord(id: "c", title: "Three", authors: ["Xuan-Jing Huang"]),
            PaperRecord(id: "d", title: "Four", authors: ["Xuanjing Huang"]),
        ])
        #expect(count(#"papers by "Wei Chen""#, in: graph) == 1)
        #expect(count(#"papers by "Wei-Ming Chen""#, in: graph) == 1)
        #expect(count(#"papers by "W. Chen""#, in: graph) == 2)
        #expect(count(#"papers by "Xuanjing Huang""#, in: graph) == 2)
        // Spellings of one name: `exactly` finds both.
        #expect(count(#"papers by exactly "Xuanjing Huang""#, in: graph) == 2)
    }

    @Test func spellingsOfOneNameAreOnePerson() {
        // Umlauts written out or not, a hyphen or an apostrophe inside a given name.
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Hinrich Schütze"]),
            PaperRecord(id: "b", title: "Two", authors: ["Hinrich Schuetze"]),
            PaperRecord(id: "c", title: "Three", authors: ["Hinrich Schutze"]),
            PaperRecord(id: "d", title: "Four", authors: ["Jun’ichi Tsujii"]),
            PaperRecord(id: "e", title: "Five", authors: ["Jun-ichi Tsujii"]),
            PaperRecord(id: "f", title: "Six", authors: ["Junichi Tsujii"]),
            PaperRecord(id: "g", title: "Seven", authors: ["Xuan-Jing Huang"]),
            PaperRecord(id: "h", title: "Eight", authors: ["Xuanjing Huang"]),
        ])
        #expect(graph.authorCount == 3)
        #expect(count(#"papers by exactly "Hinrich Schuetze""#, in: graph) == 3)
        #expect(count(#"papers by exactly "hinrich schutze""#, in: graph) == 3)
        #expect(count(#"papers by exactly "Junichi Tsujii""#, in: graph) == 3)
        #expect(count(#"papers by exactly "Jun'ichi Tsujii""#, in: graph) == 3)
        #expect(count(#"papers by exactly "Xuanjing Huang""#, in: graph) == 2)
        #expect(count(#"papers by "X. Huang""#, in: graph) == 2)
    }

    @Test func aTypedSpellingFindsAPersonWrittenOtherwise() {
        let graph = graph([PaperRecord(id: "a", title: "One", authors: ["Günter Neumann"])])
        #expect(count(#"papers by exactly "Guenter Neumann""#, in: graph) == 1)
        #expect(count(#"papers by "G. Neumann""#, in: graph) == 1)
        #expect(count(#"papers by "Guenter Neumann""#, in: graph) == 1)
    }

    @Test func aKnownFullGivenNameBeatsAnInitial() {
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Aravind K. Joshi"], authorIDs: ["acl:aravind-joshi"]),
            PaperRecord(id: "b", title: "Two", authors: ["A. Joshi"], authorIDs: ["acl:aravind-joshi"]),
            PaperRecord(id: "c", title: "Three", authors: ["Aditya Joshi"]),
            PaperRecord(id: "d", title: "Four", authors: ["William Croft"]),
            PaperRecord(id: "e", title: "Five", authors: ["W. Bruce Croft"]),
            PaperRecord(id: "f", title: "Six", authors: ["A. Smith"]),
        ])
        // Aravind's "A. Joshi" fits "Aditya", but his full given name is known and is not Aditya.
        #expect(count(#"papers by "Aditya Joshi""#, in: graph) == 1)
        #expect(count(#"papers by "Aravind Joshi""#, in: graph) == 2)
        // Typed as an initial, the name fits both.
        #expect(count(#"papers by "A. Joshi""#, in: graph) == 3)
        #expect(count(#"papers by "W. Bruce Croft""#, in: graph) == 1)
        #expect(count(#"papers by "William Croft""#, in: graph) == 1)
        #expect(count(#"papers by "W. Croft""#, in: graph) == 2)
        // People who go by their second given name.
        #expect(count(#"papers by "Bruce Croft""#, in: graph) == 1)
        // Nothing known beyond the initial: the initial still fits.
        #expect(count(#"papers by "Adam Smith""#, in: graph) == 1)
    }

    @Test func aNameWrittenExactlySoComesBeforeOtherSpellings() {
        // Two people the Anthology keeps apart, written "Yao-zhong" and "Yaozhong".
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Yao-zhong Zhang"], authorIDs: ["acl:yao-zhong-zhang"]),
            PaperRecord(id: "b", title: "Two", authors: ["Yaozhong Zhang"]),
        ])
        #expect(graph.authorCount == 2)
        #expect(count(#"papers by exactly "Yaozhong Zhang""#, in: graph) == 1)
        #expect(count(#"papers by exactly "Yao-Zhong Zhang""#, in: graph) == 1)
    }

    @Test func identifiersKeepSpellingsOfOneNameApart() {
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Jun-ichi Kato"], authorIDs: ["acl:jun-ichi-kato"]),
            PaperRecord(id: "b", title: "Two", authors: ["Junichi Kato"], authorIDs: ["acl:junichi-kato-tokyo"]),
            PaperRecord(id: "c", title: "Three", authors: ["Jun’ichi Kato"]),
        ])
        // The unmarked "Jun’ichi Kato" has no identifier for its slug (`junichi-kato`): a third person.
        #expect(graph.authorCount == 3)
        #expect(count(#"papers by "acl:jun-ichi-kato""#, in: graph) == 1)
        #expect(count(#"papers by "acl:junichi-kato-tokyo""#, in: graph) == 1)
    }

    @Test func anUnmarkedSpellingGoesToTheIdentifierThatIsItsKeysSlug() {
        let graph = graph([
            PaperRecord(id: "a", title: "One", authors: ["Jun-ichi Tsujii"]),
            PaperRecord(id: "b", title: "Two", authors: ["Jun’ichi Tsujii"], authorIDs: ["acl:junichi-tsujii"]),
        ])
        #expect(graph.authorCount == 1)
        #expect(count(#"papers by "acl:junichi-tsujii""#, in: graph) == 2)
    }

    static let aclCorpusIsThere = FileManager.default.fileExists(atPath: ImportFixtures.aclDirectory)

    /// Real spellings: N12 writes "Hinrich Schütze" once and "Hinrich Schuetze" once; the 1999 MT
    /// Summit has "Jun-ichi Tsujii" and "Junichi Tsujii".
    @Test(.enabled(if: aclCorpusIsThere, "skipped: ../shared/corpora/acl-anthology-2021/xml is not beside the repository"))
    func realSpellingsOfOneNameAreOnePerson() throws {
        for (file, name, papers) in [("N12.xml", "Hinrich Schütze", 2), ("1999.mtsummit.xml", "Jun-ichi Tsujii", 2)] {
            guard case .success(let loaded) = CorpusLoader.load(paths: [ImportFixtures.aclDirectory + "/" + file]) else {
                Issue.record("\(file) did not load")
                continue
            }
            let people = loaded.graph.authors(matching: name, exactly: true)
            #expect(people.count == 1, "\(file): \(people.map { loaded.graph.variants(of: $0) })")
            #expect(people.first.map { loaded.graph.paperCount(of: $0) } == papers, "\(file)")
        }
    }

    @Test func twoCompatibleNamesOnOneBylineAreTwoPeople() {
        // "Wei Wang" and "W. Wang" on one paper are two authors unless a source says otherwise.
        let graph = graph([PaperRecord(id: "a", title: "Graphs", authors: ["Wei Wang", "W. Wang"])])
        #expect(graph.authorCount == 2)
    }

    @Test func theSamePersonTwiceOnABylineIsOneAuthor() {
        let names = (0..<20_000).map { "Author \($0) Name" } + ["Ada Lovelace", "ada lovelace"]
        let graph = graph([PaperRecord(id: "a", title: "Big", authors: names)])
        #expect(graph.authorCount == 20_001)
        #expect(graph.authors(of: PaperID(0)).count == 20_001)
    }

    @Test func nameVariantsFileIsRead() throws {
        let text = """
            - canonical: {first: Steven, last: Abney}
              id: steven-abney
              variants:
              - {first: Steve, last: Abney}
              - {first: Steven P., last: Abney}
            - canonical: {first: Balamurali, last: AR}
              variants:
              - {first: Balamurali, last: A.R.}
            - canonical: {first: Yang, last: Liu}
              id: yang-liu-ict
              comment: ICT
              similar: [yang-liu]
            """
        guard case .success(let table) = NameVariantsImporter.parse(text) else {
            Issue.record("did not parse")
            return
        }
        #expect(table.people.map(\.identifier) == ["acl:steven-abney", "acl:balamurali-ar", "acl:yang-liu-ict"])
        #expect(table.people[0].variants == ["Steve Abney", "Steven P. Abney"])
        guard case .failure(let problem) = NameVariantsImporter.parse("- canonical: {first: A, last: B}\n  nonsense here") else {
            Issue.record("accepted a bad line")
            return
        }
        #expect(problem.line == 2)
    }

    @Test func aclAuthorIdentifiersAndLatinNames() throws {
        let xml = """
            <?xml version='1.0' encoding='UTF-8'?>
            <collection id="2020.ccl">
              <volume id="1">
                <meta><booktitle>CCL 2020</booktitle><year>2020</year></meta>
                <paper id="1">
                  <title>One</title>
                  <author id="yang-liu-ict"><first>Yang</first><last>Liu</last></author>
                  <author><first>Pengyuan</first><last>Liu</last><variant script="hani"><first>鹏远</first><last>刘</last></variant></author>
                </paper>
              </volume>
            </collection>
            """
        let url = try temporaryFile("ccl.xml", xml)
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("did not load")
            return
        }
        let paper = PaperID(0)
        #expect(loaded.graph.writtenAuthorNames(of: paper) == ["Yang Liu", "Pengyuan Liu"])
        // Pengyuan Liu's `<variant>` describes him as the person of his name's slug, as the Anthology does.
        #expect(loaded.graph.authors(of: paper).map { loaded.graph.identifier(of: $0) } == ["acl:yang-liu-ict", "acl:pengyuan-liu"])
    }

    /// Real data (2020.ccl): the Latin name is the name; the Chinese-script `<variant>` is one of
    /// the person's names, found by search as written or family name first.
    @Test func aclVariantSpellingsAreThePersonsNames() throws {
        let graph = try ImportFixtures.load(["acl-2020-ccl-excerpt.xml"]).graph
        #expect(graph.paperCount == 3)
        #expect(count(#"papers by "Pengyuan Liu""#, in: graph) == 3)
        #expect(count(#"papers by exactly "刘鹏远""#, in: graph) == 3)
        #expect(count(#"papers by "鹏远 刘""#, in: graph) == 3)
        let people = graph.authors(matching: "刘鹏远")
        #expect(people.map { graph.name(of: $0) } == ["Pengyuan Liu"])
        #expect(people.map { graph.identifier(of: $0) } == ["acl:pengyuan-liu"])
        #expect(people.first.map { graph.variants(of: $0) }?.contains("刘鹏远") == true)
        // Bylines keep the Latin names; editors are not authors.
        for paper in graph.allPapers {
            #expect(graph.writtenAuthorNames(of: paper).allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
        }
        #expect(graph.authors(matching: "Maosong Sun").isEmpty)
    }

    /// Real dblp records: a homonym number and an ORCID are identifiers.
    @Test func dblpHomonymNumbersAndORCIDsAreIdentifiers() throws {
        let graph = try ImportFixtures.load(["dblp-sample.xml"]).graph
        #expect(count(#"papers by "dblp:Manish Singh 0001""#, in: graph) == 1)
        let singh = graph.authors(matching: "dblp:manish singh 0001")
        #expect(singh.map { graph.name(of: $0) } == ["Manish Singh"])
        #expect(count(#"papers by "orcid:0000-0002-9834-9600""#, in: graph) == 1)
        #expect(graph.authors(matching: "Sylvia C. Pont").map { graph.identifier(of: $0) } == ["orcid:0000-0002-9834-9600"])
    }

    /// A dblp person record (`<www key="homepages/…">`) lists one person's names: a paper written
    /// with the numbered name and one written with the alias are one person's; the namesake
    /// numbered `0002` stays apart.
    @Test func dblpPersonRecordsJoinAPersonsNames() throws {
        let loaded = try ImportFixtures.load(["dblp-person-sample.xml"])
        #expect(loaded.report.files[0].recordsRead == 3, "a person record is not a paper")
        let graph = loaded.graph
        let person = graph.authors(matching: "José Antonio Gámez", exactly: true)
        #expect(person.map { graph.identifier(of: $0) } == ["dblp:José A. Gámez 0001"])
        #expect(count(#"papers by exactly "José Antonio Gámez""#, in: graph) == 2)
        #expect(count(#"papers by "dblp:José A. Gámez 0001""#, in: graph) == 2)
        #expect(count(#"papers by "dblp:José A. Gámez 0002""#, in: graph) == 1)
        // The name alone means both people, and says so.
        var session = QuerySession(graph: graph)
        let outcome = session.run(#"authors named "José A. Gámez" | count"#)
        guard case .count(2)? = outcome.statements.first?.result else {
            Issue.record("expected two people: \(String(describing: outcome.statements.first?.result))")
            return
        }
    }

    @Test func openAlexAuthorIdentifiers() throws {
        let lines = [
            #"{"id": "https://openalex.org/W1", "title": "One", "authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "Hui Wang"}}, {"author": {"id": "https://openalex.org/A2", "display_name": "Hui Wang"}}]}"#,
            #"{"id": "https://openalex.org/W2", "title": "Two", "authorships": [{"author": {"id": "https://openalex.org/A1", "display_name": "H. Wang"}}]}"#,
        ]
        let url = try temporaryFile("works.jsonl", lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("did not load")
            return
        }
        #expect(loaded.graph.authorCount == 2)
        #expect(count(#"papers by "openalex:A1""#, in: loaded.graph) == 2)
    }

    @Test func nativeAuthorIDs() throws {
        let lines = [
            #"{"id": "a", "title": "One", "authors": ["Ana Silva", "Ana Silva"], "author_ids": ["orcid:1", "orcid:2"]}"#,
            #"{"id": "b", "title": "Two", "authors": ["A. Silva"], "author_ids": ["orcid:1"]}"#,
        ]
        let url = try temporaryFile("ids.jsonl", lines.joined(separator: "\n") + "\n")
        defer { try? FileManager.default.removeItem(at: url) }
        guard case .success(let loaded) = CorpusLoader.load(paths: [url.path]) else {
            Issue.record("did not load")
            return
        }
        #expect(loaded.graph.authorCount == 2)
        #expect(count(#"papers by "orcid:1""#, in: loaded.graph) == 2)
        let bad = try temporaryFile("bad.jsonl", #"{"id": "a", "title": "One", "authors": ["A", "B"], "author_ids": ["x:1"]}"# + "\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        guard case .failure(let failure) = CorpusLoader.load(paths: [bad.path]) else {
            Issue.record("accepted misaligned author_ids")
            return
        }
        #expect(failure.errors.first?.message.contains("one per author") == true)
    }
}
