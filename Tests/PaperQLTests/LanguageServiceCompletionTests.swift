import PaperQL
import Testing

@Suite("Language service: completion")
struct LanguageServiceCompletionTests {
    let service = LanguageService(graph: serviceGraph)

    func labels(_ marked: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        let (text, offset) = cursorText(marked, sourceLocation: sourceLocation)
        return service.completions(in: text, at: offset).items.map(\.label)
    }

    /// Completions that must be offered, and ones that must not.
    struct Case: CustomTestStringConvertible, Sendable {
        let text: String
        let includes: [String]
        var excludes: [String] = []
        var testDescription: String { text }
    }

    static let containing: [Case] = [
        Case(text: "‸", includes: ["papers", "authors", "venues", "coauthors", "path", "let"], excludes: ["by", "|"]),
        Case(text: "papers ‸", includes: ["by", "at", "since", "before", "until", "in", "between", "from", "matching",
                                         "titled", "where", "not"], excludes: ["papers", "and", "or"]),
        Case(text: "papers at ‸", includes: ["arXiv", "NeurIPS"], excludes: ["by"]),
        Case(text: "papers in ‸", includes: ["category"]),
        Case(text: "papers in category ‸", includes: ["LG", "CL", "CV", "NE"]),
        Case(text: "papers from ‸", includes: ["deepmind", "berkeley"]),
        Case(text: "papers since 2020 ‸", includes: ["and", "or", "by", "at"], excludes: ["papers"]),
        Case(text: "papers by \"Jack Rae\" ‸", includes: ["and", "or", "since", "at"]),
        Case(text: "papers where ‸", includes: ["year", "venue", "title", "not"]),
        Case(text: "papers where venue = ‸", includes: ["arXiv", "NeurIPS"]),
        Case(text: "papers where type = ‸", includes: ["conference", "preprint"]),
        // Only papers can be filtered, and `and` between authors has a meaning only after `by`:
        // the checker rejects the rest, so it is not offered.
        Case(text: "coauthors of \"Jack Rae\" ‸", includes: ["within", "or"], excludes: ["since", "and"]),
        Case(text: "path from \"Jack Rae\" ‸", includes: ["to", "or"], excludes: ["since", "and"]),
        Case(text: "authors ‸", includes: ["of", "named"], excludes: ["by", "since"]),
        Case(text: "authors named ‸", includes: ["exactly"], excludes: ["of", "since"]),
        Case(text: "authors named \"Jack R‸", includes: ["Jack Rae"]),
        Case(text: "authors named \"Jack Rae\" | show ‸", includes: ["identifier", "years", "venues", "coauthors"],
             excludes: ["title"]),
        Case(text: "papers by \"Jack Rae\" and ‸", includes: ["since", "not"], excludes: ["and"]),
        Case(text: "papers where venue = NeurIPS and ‸", includes: ["year", "by"]),
        Case(text: "authors of ‸", includes: ["papers", "coauthors"], excludes: ["let"]),
        Case(text: "let x = ‸", includes: ["papers", "authors"], excludes: ["let"]),
        Case(text: "papers | ‸", includes: ["count", "sort", "limit", "show"], excludes: ["by"]),
        Case(text: "papers | sort by ‸", includes: ["title", "year", "venue", "date", "authors"], excludes: ["name", "abstract"]),
        Case(text: "authors | sort by ‸", includes: ["name", "papers"], excludes: ["title"]),
        Case(text: "papers | count by ‸", includes: ["year", "venue", "authors", "categories"], excludes: ["title"]),
        Case(text: "papers | show title, ‸", includes: ["year", "abstract", "doi"]),
        Case(text: "venues | show ‸", includes: ["name", "papers"], excludes: ["title"]),
        Case(text: "papers by \"Jack Rae\" | count by year | sort by ‸", includes: ["key", "count"], excludes: ["title"]),
        Case(text: "papers | sort by year ‸", includes: ["asc", "desc"]),
        Case(text: "(papers\n  by \"Jack R‸", includes: ["Jack Rae"]),
        Case(text: "papers by \"Jack Rae\"; pap‸", includes: ["papers"]),
        Case(text: "papers at NeurIPS\nco‸", includes: ["coauthors"]),
        Case(text: "let rae = papers by \"Jack Rae\"\nr‸", includes: ["rae"]),
        Case(text: "papers (‸", includes: ["by", "since", "year"], excludes: ["papers"]),
        Case(text: "papers by (‸", includes: ["papers", "coauthors"]),
    ]

    @Test("offers what the grammar allows at the cursor", arguments: containing)
    func offers(_ testCase: Case) {
        let offered = labels(testCase.text)
        for label in testCase.includes {
            #expect(offered.contains(label), "\(label) missing from \(offered)")
        }
        for label in testCase.excludes {
            #expect(!offered.contains(label), "\(label) should not be offered: \(offered)")
        }
    }

    static let exact: [(String, [String])] = [
        ("pap‸", ["papers"]),
        ("papers b‸", ["by", "before", "between"]),
        ("papers by‸", ["by"]),
        ("PAPERS S‸", ["since"]),
        ("coauthors ‸", ["of"]),
        ("path ‸", ["from"]),
        ("papers between 2016 ‸", ["and"]),
        ("papers | c‸", ["count"]),
        ("papers | sort ‸", ["by"]),
        ("papers at Neur‸", ["NeurIPS"]),
        ("papers by \"Jack R‸", ["Jack Rae"]),
        ("papers by \"jack r‸", ["Jack Rae"]),
        ("papers by \"Luk‸", ["Łukasz Kaiser", "Łukasz Kuciński"]),
        ("papers by \"Łukasz Ka‸", ["Łukasz Kaiser"]),
        ("papers by \"Kaiser‸", ["Łukasz Kaiser"]),
        ("path from \"Jack Rae\" to \"Oriol‸", ["Oriol Vinyals"]),
        ("papers by \"Jack Rae\" and \"Oriol‸", ["Oriol Vinyals"]),
        ("papers since ‸", []),
        ("papers | limit ‸", []),
        ("let ‸", []),
        ("papers by \"Nobody Here‸", []),
        ("authors s‸", []),
        ("papers | count by y‸", ["year"]),
        ("papers | limit 5 ‸", []),
    ]

    @Test("offers exactly these, in order", arguments: exact)
    func offersExactly(_ marked: String, _ expected: [String]) {
        #expect(labels(marked) == expected)
    }

    @Test("an author name replaces the whole string typed so far, quoted")
    func authorReplacesString() {
        let (text, offset) = cursorText("papers by \"Jack R‸")
        let list = service.completions(in: text, at: offset)
        #expect(list.replacing == SourceSpan(start: 10, end: 17))
        #expect(list.items.first?.insertText == "\"Jack Rae\"")
        #expect(list.items.first?.kind == .author)
        #expect(list.items.first?.detail?.hasPrefix("6 papers") == true)
    }

    @Test("spans are UTF-8 byte offsets with non-ASCII text")
    func nonASCIIOffsets() {
        let (text, offset) = cursorText("papers by \"Łukasz\" or \"Łukasz Ku‸")
        let list = service.completions(in: text, at: offset)
        let quote = text.utf8.count - "\"Łukasz Ku".utf8.count
        #expect(list.replacing == SourceSpan(start: quote, end: text.utf8.count))
        #expect(list.items.map(\.insertText) == ["\"Łukasz Kuciński\""])
    }

    @Test("an offset inside a character is moved to its start")
    func offsetInsideCharacter() {
        let text = "papers by \"Ł"
        let list = service.completions(in: text, at: text.utf8.count - 1)
        #expect(list.replacing.start == 10)
    }

    @Test("a word is replaced only up to the cursor; a string the cursor is in is replaced whole")
    func middleOfText() {
        let (word, wordOffset) = cursorText("papers sin‸ce 2020")
        #expect(service.completions(in: word, at: wordOffset).replacing == SourceSpan(start: 7, end: 10))
        let (string, stringOffset) = cursorText("papers by \"Jack R‸ae\" since 2020")
        let list = service.completions(in: string, at: stringOffset)
        #expect(list.replacing == SourceSpan(start: 10, end: 20))
        #expect(list.items.first?.insertText == "\"Jack Rae\"")
    }

    @Test("names that are not one bare word are inserted in quotes")
    func quoting() {
        let venues = service.completions(in: "papers at ", at: 10).items.map(\.insertText)
        #expect(venues.contains("NeurIPS"))
        let quotedVenues = service.completions(in: "papers at \"", at: 11).items.map(\.insertText)
        #expect(quotedVenues.contains("\"NeurIPS\""))
        #expect(LanguageService.quoted("A \"B\" \\C") == "\"A \\\"B\\\" \\\\C\"")
    }

    @Test("let names of the session are offered where a set can start, with their kinds")
    func letNames() {
        let scoped = service.with(environment: ["rae": .papers, "team": .authors])
        let start = scoped.completions(in: "", at: 0).items.filter { $0.kind == .variable }.map(\.label)
        #expect(start == ["rae", "team"])
        let byWord = scoped.completions(in: "papers by t", at: 11).items.map(\.label)
        #expect(byWord.contains("team"))
        #expect(!byWord.contains("rae"))
    }

    @Test("the common prefix is what a first Tab inserts")
    func commonPrefix() {
        let list = service.completions(in: "papers by \"Luk", at: 14)
        #expect(list.commonPrefix == "\"Łukasz K")
        #expect(service.completions(in: "papers b", at: 8).commonPrefix == "b")
    }

    @Test("a limit caps the number of items")
    func limit() {
        #expect(service.completions(in: "papers by \"", at: 11, limit: 5).items.count == 5)
    }
}
