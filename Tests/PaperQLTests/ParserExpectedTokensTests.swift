@testable import PaperQL
import Testing

/// The parser knows, at each token, what the grammar allowed there: the keywords "did you mean"
/// draws from come from the parser's position, not from a list of every keyword.
@Suite struct ParserExpectedTokensTests {
    /// What the parser tested for at the token after `prefix` (an unreadable `@` stands there, so
    /// nothing there is consumed).
    static func expected(after prefix: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ExpectedTokens? {
        let source = SourceFile(name: "<query>", text: prefix + " @")
        let tokens = Lexer.tokenize(source).tokens
        guard let marker = tokens.firstIndex(where: { $0.kind == .invalid }) else {
            Issue.record("no marker token in \(tokens)", sourceLocation: sourceLocation)
            return nil
        }
        var parser = Parser(tokens: tokens)
        _ = parser.parseScript()
        #expect(parser.expected.position == marker, "the parser stopped before the marker", sourceLocation: sourceLocation)
        return parser.expected
    }

    /// `authors` starts a filter too: the field of `authors ~ "Rae"`.
    static let filterKeywords: Set<Keyword> = [.by, .at, .since, .before, .until, .in, .between, .from, .matching,
                                                .titled, .where, .not, .authors]
    static let setKeywords: Set<Keyword> = [.papers, .authors, .venues, .coauthors, .path]

    struct Case: CustomTestStringConvertible, Sendable {
        let prefix: String
        let keywords: Set<Keyword>
        var alsoExpected: [Token.Kind] = []
        var notExpected: [Token.Kind] = []
        var testDescription: String { "after `\(prefix)`" }
    }

    static let cases: [Case] = [
        Case(prefix: "", keywords: setKeywords.union([.let]), alsoExpected: [.identifier, .leftParen]),
        Case(prefix: "papers by \"Jack Rae\";", keywords: setKeywords.union([.let])),
        Case(prefix: "let x =", keywords: setKeywords, alsoExpected: [.identifier, .leftParen]),
        Case(prefix: "papers", keywords: filterKeywords, alsoExpected: [.pipe, .newline, .semicolon, .endOfInput]),
        Case(prefix: "papers since 2020", keywords: filterKeywords.union([.and, .or]), alsoExpected: [.pipe]),
        Case(prefix: "papers by \"Jack Rae\"", keywords: filterKeywords.union([.and, .or]), alsoExpected: [.pipe]),
        Case(prefix: "papers since 2020 and", keywords: filterKeywords, notExpected: [.pipe]),
        Case(prefix: "papers not", keywords: filterKeywords, notExpected: [.pipe]),
        Case(prefix: "(papers since 2020", keywords: filterKeywords.union([.and, .or]),
             alsoExpected: [.pipe, .rightParen], notExpected: [.newline]),
        Case(prefix: "papers |", keywords: [.count, .sort, .limit, .show]),
        Case(prefix: "papers | count", keywords: [.by], alsoExpected: [.pipe]),
        Case(prefix: "papers | sort", keywords: [.by], notExpected: [.pipe]),
        Case(prefix: "papers | sort by", keywords: [.count, .papers, .authors, .venues, .category],
             alsoExpected: [.identifier]),
        Case(prefix: "papers | sort by year", keywords: [.asc, .desc], alsoExpected: [.comma, .pipe]),
        Case(prefix: "papers | limit", keywords: [], alsoExpected: [.integer]),
        Case(prefix: "papers by", keywords: [.exactly], alsoExpected: [.string, .identifier, .leftParen]),
        Case(prefix: "papers in", keywords: [.category], alsoExpected: [.integer]),
        Case(prefix: "papers between 2016", keywords: [.and]),
        Case(prefix: "let x", keywords: [], alsoExpected: [.comparison(.equal)]),
        Case(prefix: "authors", keywords: filterKeywords.union([.of]), alsoExpected: [.pipe]),
        Case(prefix: "coauthors", keywords: [.of]),
        Case(prefix: "coauthors of \"Jack Rae\"", keywords: filterKeywords.union([.within, .and, .or])),
        Case(prefix: "path", keywords: [.from]),
        Case(prefix: "path from \"Jack Rae\"", keywords: [.to, .and, .or], notExpected: [.pipe]),
    ]

    @Test("the parser knows what the grammar allows at a token", arguments: cases)
    func expectedAt(_ testCase: Case) throws {
        let expected = try #require(Self.expected(after: testCase.prefix))
        #expect(Set(expected.keywords) == testCase.keywords)
        for kind in testCase.alsoExpected {
            #expect(expected.kinds.contains(kind), "\(kind) missing from \(expected.kinds)")
        }
        for kind in testCase.notExpected {
            #expect(!expected.kinds.contains(kind), "\(kind) should not be expected")
        }
    }

    @Test("only the nearest keywords are suggested, and only among those allowed")
    func closestKeywords() {
        #expect(Parser.closestKeywords(to: "sinse", among: Array(Self.filterKeywords)) == [.since])
        #expect(Parser.closestKeywords(to: "SINSE", among: Array(Self.filterKeywords)) == [.since])
        #expect(Parser.closestKeywords(to: "sine", among: Array(Self.filterKeywords)) == [.since])
        #expect(Parser.closestKeywords(to: "an", among: Array(Self.filterKeywords.union([.and]))) == [.and, .at, .in])
        #expect(Parser.closestKeywords(to: "sinse", among: [.count, .sort, .limit, .show]).isEmpty)
        #expect(Parser.closestKeywords(to: "recently", among: Keyword.allCases).isEmpty)
    }

    @Test("a suggestion note is a typed message at the misspelt word")
    func suggestionDiagnostic() throws {
        let parsed = Parser.parse(SourceFile(name: "<query>", text: "papers by \"Jack Rae\" sinse 2020"))
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1)
        #expect(diagnostic.id == "parse.expectedEndOfStatement")
        #expect(diagnostic.span == SourceSpan(start: 21, end: 26))
        #expect(diagnostic.notes == [Diagnostic.Note("did you mean `since`?")])
    }

    @Test("a word read as a name in place of a keyword is pointed at")
    func nameInPlaceOfKeyword() throws {
        let parsed = Parser.parse(SourceFile(name: "<query>", text: "coauthor of \"Jack Rae\""))
        let diagnostic = try #require(parsed.diagnostics.first)
        #expect(parsed.diagnostics.count == 1)
        #expect(diagnostic.id == "parse.expectedEndOfStatement")
        #expect(diagnostic.span == SourceSpan(start: 9, end: 11))
        #expect(diagnostic.notes == [Diagnostic.Note("did you mean `coauthors`?", span: SourceSpan(start: 0, end: 8))])
    }

    @Test("a word read as a name that fits where it stands gets no keyword suggestion")
    func nameThatFits() {
        // `venue` is a field; `of` cannot follow it, but `venues` is not what was meant.
        let parsed = Parser.parse(SourceFile(name: "<query>", text: "papers | show venue of"))
        #expect(parsed.diagnostics.map(\.id) == ["parse.expectedEndOfStatement"])
        #expect(parsed.diagnostics.first?.notes.map(\.message) == ["statements end at a newline or `;`; use `|` to add a stage"])
    }
}
