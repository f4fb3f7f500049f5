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
    static let setKeywords: Set<Keyword> = [.papers, .authors, .venues, .coauthors, .path, .profile]

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
        Case(prefix: "papers | sort by", keywords: [.count, .papers, .authors, .venues, .coauthors, .category],
             alsoExpected: [.identifier]),
        Case(prefix: "papers | sort by year", keywords: [.asc, .desc], alsoExpected: [.comma, .pipe]),
        Case(prefix: "papers | limit", keywords: [], alsoExpected: [.integer]),
        Case(prefix: "papers by", keywords: [.exactly], alsoExpected: [.string, .identifier, .leftParen]),
        Case(prefix: "papers in", keywords: [.category], alsoExpected: [.integer]),
        Case(prefix: "papers between 2016", keywords: [.and]),
        Case(prefix: "let x", keywords: [], alsoExpected: [.comparison(.equal)]),
        Case(prefix: "authors", keywords: filterKeywords.union([.of, .named]), alsoExpected: [.pipe]),
        Case(prefix: "authors named", keywords: [.exactly], alsoExpected: [.string]),
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

/// At a cursor the parser reads the text before it, its end standing for the cursor: what it
/// expects there, in which role, and the pieces of the partial tree that decide what fits.
@Suite struct ParserCursorTests {
    static func syntax(_ text: String) -> CursorSyntax {
        Parser.parse(upTo: text.utf8.count, of: SourceFile(name: "<query>", text: text))
    }

    @Test("a word right before the cursor may still be a comparison's field")
    func comparisonAtCursor() {
        let syntax = Self.syntax("papers where year")
        #expect(syntax.diagnostics.allSatisfy { $0.span.start >= 17 })
        #expect(syntax.expected.expects(.comparison(.greaterOrEqual), as: .literal))
    }

    @Test("after `by \"A\" and` both another author and a filter may follow")
    func authorOrFilter() {
        let expected = Self.syntax("papers by \"A\" and ").expected
        #expect(expected.expects(.string, as: .author(.by)))
        #expect(expected.expects(.keyword(.since), as: .filter))
        // After `coauthors of "A" or` only an author can.
        let coauthors = Self.syntax("coauthors of \"A\" or ").expected
        #expect(coauthors.expects(.string, as: .author(.coauthorsOf)))
        #expect(!coauthors.expects(.identifier, as: .author(.coauthorsOf)))
        #expect(coauthors.roles[.filter] == nil)
    }

    @Test("the partial tree: the set a filter applies to, the rows a stage receives, a comparison's field")
    func partialTree() {
        let filter = Self.syntax("authors ")
        guard case .authors? = filter.filterBase else {
            Issue.record("filter base: \(String(describing: filter.filterBase))")
            return
        }
        #expect(Self.syntax("papers | count by year | sort by ").stageInput?.stages.count == 1)
        #expect(Self.syntax("papers where venue = ").comparisonField?.text == "venue")
    }

    @Test("a statement starts after a separator, not right after another statement")
    func statementStarts() {
        #expect(Self.syntax("papers;").expected.roles[.statement] != nil)
        #expect(Self.syntax("papers\n").expected.roles[.statement] != nil)
        #expect(Self.syntax("papers ").expected.roles[.statement] == nil)
    }

    @Test("a line break continues the statement inside parentheses and after `|`")
    func lineBreaks() {
        #expect(Self.syntax("(papers").lineBreakContinues)
        #expect(Self.syntax("papers |\n").lineBreakContinues)
        #expect(!Self.syntax("papers by").lineBreakContinues)
        #expect(!Self.syntax("papers)").lineBreakContinues)
    }
}
