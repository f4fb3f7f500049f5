import PaperQL
import Testing

@Suite("Language service: hover, diagnostics, incomplete input")
struct LanguageServiceHoverTests {
    let service = LanguageService(graph: serviceGraph)

    func hover(_ marked: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Hover? {
        let (text, offset) = cursorText(marked, sourceLocation: sourceLocation)
        return service.hover(in: text, at: offset)
    }

    @Test("an author name shows the authors it matched, with counts and years")
    func authorName() throws {
        let result = try #require(hover("papers by \"Jack ‸Rae\" since 2020"))
        #expect(result.span == SourceSpan(start: 10, end: 20))
        guard case .authorName(let typed, let exactly, let matches, _) = result.subject else {
            Issue.record("not an author: \(result.subject)")
            return
        }
        #expect(typed == "Jack Rae")
        #expect(!exactly)
        #expect(matches.map(\.name) == ["Jack Rae"])
        #expect(matches.first?.paperCount == 6)
        #expect(result.text.contains("Jack Rae — 6 papers"))
    }

    @Test("an unknown author name suggests close names")
    func unknownAuthor() throws {
        let result = try #require(hover("papers by \"Jack R‸ay\""))
        guard case .authorName(_, _, let matches, let suggestions) = result.subject else {
            Issue.record("not an author: \(result.subject)")
            return
        }
        #expect(matches.isEmpty)
        #expect(suggestions.contains("Jack Rae"))
        #expect(result.text.contains("did you mean \"Jack Rae\""))
    }

    @Test("exactly is passed on to the name lookup")
    func exactly() throws {
        let result = try #require(hover("papers by exactly \"Jack Rae‸\""))
        guard case .authorName(_, let exactly, let matches, _) = result.subject else {
            Issue.record("not an author: \(result.subject)")
            return
        }
        #expect(exactly)
        #expect(matches.count == 1)
    }

    static let subjects: [(String, String)] = [
        ("papers s‸ince 2020", "keyword `since`"),
        ("papers since 20‸20", "year 2020"),
        ("papers | limit 1‸0", "number 10"),
        ("papers | show ti‸tle", "field `title`"),
        ("papers | count by aut‸hors", "field `authors`"),
        ("papers where ye‸ar >= 2020", "field `year`"),
        ("papers at Neur‸IPS", "venue \"NeurIPS\": 1 match"),
        ("papers in category L‸G", "category \"LG\": 1 match"),
        ("papers from deep‸mind", "institution \"deepmind\": 1 match"),
        ("papers by \"Łukasz Kaiser\" s‸ince 2020", "keyword `since`"),
        ("papers by \"Łukasz Kai‸ser\"", "author \"Łukasz Kaiser\": 1 author"),
        ("nob‸ody", "`nobody`: no `let` name by that name yet"),
    ]

    @Test("hover tells what a token is", arguments: subjects)
    func subject(_ marked: String, _ start: String) throws {
        let result = try #require(hover(marked))
        #expect(result.text.hasPrefix(start), "\(result.text)")
    }

    @Test("nothing to hover over between tokens")
    func nothing() {
        #expect(service.hover(in: "papers  ", at: 7) == nil)
        #expect(service.hover(in: "", at: 0) == nil)
    }

    @Test("a let name shows its kind")
    func letName() throws {
        let scoped = service.with(environment: ["rae": .papers])
        let result = try #require(scoped.hover(in: "rae since 2020", at: 1))
        #expect(result.subject == .variable(name: "rae", kind: .papers))
    }

    @Test("diagnostics come from the parser and the checker, without running")
    func diagnostics() {
        let found = service.diagnostics(for: "papers by \"Jack Ray\"")
        #expect(found.map(\.id) == ["sema.unknownAuthor"])
        #expect(found.first?.span == SourceSpan(start: 10, end: 20))
        #expect(found.first?.notes.map(\.message) == ["did you mean \"Jack Rae\" (6 papers)?"])
        #expect(service.diagnostics(for: "papers by \"Jack Rae\"").isEmpty)
        let open = service.diagnostics(for: "papers |")
        #expect(open.map(\.id) == ["parse.expected"])
        #expect(open.first?.message == "expected a stage after `|`, found end of input")
        #expect(open.first?.span == SourceSpan(start: 7, end: 8))
    }

    @Test("a misspelt keyword gets the suggestion in the editor too")
    func keywordTypo() {
        let found = service.diagnostics(for: "papers by \"Jack Rae\" sinse 2020")
        #expect(found.map(\.id) == ["parse.expectedEndOfStatement"])
        #expect(found.first?.span == SourceSpan(start: 21, end: 26))
        #expect(found.first?.notes == [Diagnostic.Note("did you mean `since`?")])
    }

    static let incomplete: [(String, Bool, String)] = [
        ("papers by", true, " "),
        ("(papers by \"Jack Rae\"", true, "\n"),
        ("papers by \"Jack Rae\" |", true, "\n"),
        ("papers by \"Jack", true, " "),
        ("(papers by \"Jack", true, " "),
        ("papers by \"Jack Rae\"", false, " "),
        ("papers by \"Jack Rae\")", false, " "),
    ]

    @Test("the parser decides when a statement is still open, and how to join the next line", arguments: incomplete)
    func open(_ text: String, _ isIncomplete: Bool, _ separator: String) {
        #expect(service.isIncomplete(text) == isIncomplete)
        #expect(service.continuationSeparator(after: text) == separator)
    }
}
