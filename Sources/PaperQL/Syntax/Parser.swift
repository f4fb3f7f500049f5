/// Builds the syntax tree from tokens, one `parseX()` per production of `Grammar/paperql.ebnf`.
///
/// The parser never throws: on an error it reports a diagnostic, skips to the end of the
/// statement, and goes on, so one run reports every syntax error in a script.
public struct Parser {
    public struct Output: Sendable {
        public let script: Script
        public let diagnostics: [Diagnostic]
        /// The input ended while a statement was still open (an open parenthesis or string,
        /// a trailing `|`, a missing operand): more text could complete it.
        public let isIncomplete: Bool
    }

    /// Deeper nesting than this is reported instead of parsed, so hostile input cannot
    /// exhaust the stack of the parser or of any later stage.
    public static let maximumNesting = 200

    let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    var isIncomplete = false
    /// Parentheses currently open: newlines inside them do not end the statement.
    var parenthesisDepth = 0
    var nesting = 0
    /// Set when a statement hit an error; its remaining tokens are skipped.
    var statementFailed = false
    /// Where the current statement's error was reported: perhaps at the `;` or newline after it.
    var failureStart: Int?
    /// What the parse functions tested the current token for (see `Parser+Expected.swift`).
    var expected = ExpectedTokens(position: 0)
    /// The last bare word read as a `let` name, and what else could have stood in its place.
    var nameReference: ExpectedTokens?
    /// The end of the tokens is a cursor: anything may follow the last token (see `CursorSyntax`).
    var endIsCursor = false
    /// The sets whose filters are being read, innermost last.
    var filterBases: [SetExpression] = []
    /// The pipelines before the stages being read, innermost last.
    var stageInputs: [Pipeline] = []
    /// The field of the comparison whose value is being read.
    var comparisonField: Name?
    /// The keyword of the stage being read.
    var stageKeyword: Keyword?
    /// What the partial tree says about the end of a text cut at a cursor.
    var capture = CursorCapture()

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Lexes and parses a source file.
    public static func parse(_ source: SourceFile) -> Output {
        let lexed = Lexer.tokenize(source)
        var parser = Parser(tokens: lexed.tokens)
        let script = parser.parseScript()
        let diagnostics = (lexed.diagnostics + parser.diagnostics).sorted { $0.span.start < $1.span.start }
        return Output(
            script: script, diagnostics: diagnostics,
            isIncomplete: parser.isIncomplete || lexed.endsInsideString)
    }

    // MARK: - script = { separator } [ statement { separator statement } ] EOF

    mutating func parseScript() -> Script {
        var statements: [Statement] = []
        while true {
            skipSeparators()
            if !statementFailed, index == 0 || [.newline, .semicolon].contains(tokens[index - 1].kind) {
                // A statement may start here (at the end of the input too, where a cursor may be).
                expect(ExpectedTokens.statementStarts, as: .statement)
                expect(ExpectedTokens.setPrimaryStarts, as: .set)
            }
            if current.kind == .endOfInput { break }
            statementFailed = false
            failureStart = nil
            nameReference = nil
            let start = current.span.start
            let statement = parseStatement()
            if !statementFailed { expectEndOfStatement() }
            if statementFailed {
                skipToEndOfStatement()
                // The statement's span reaches its error, even one at the separator after it
                // (`let ;`), so that the error is the statement's own.
                statements.append(.invalid(SourceSpan(start: start, end: max(previousEnd, failureStart ?? start))))
            } else {
                statements.append(statement)
            }
        }
        return Script(statements: statements)
    }

    // MARK: - statement = letStatement | pipeline

    mutating func parseStatement() -> Statement {
        if at(.let, as: .statement) {
            return parseLetStatement()
        }
        return .query(parsePipeline())
    }

    // MARK: - letStatement = "let" IDENT "=" pipeline

    mutating func parseLetStatement() -> Statement {
        let keyword = advance()
        guard at(.identifier, as: .newName) else {
            if let word = current.keyword {
                fail(Messages.keywordAsName(word.rawValue), at: current.span)
            } else {
                fail(Messages.expected("a name after `let`", found: describe(current)), at: current.span)
            }
            return .invalid(keyword.span)
        }
        let nameToken = advance()
        let name = Name(text: nameToken.value, span: nameToken.span)
        guard at(.comparison(.equal)) else {
            fail(Messages.expected("`=` after `let \(name.text)`", found: describe(current)), at: current.span)
            return .invalid(keyword.span)
        }
        advance()
        let value = parsePipeline()
        return .binding(name: name, value: value, span: keyword.span.union(value.span))
    }

    // MARK: - pipeline = setExpression { "|" stage }

    mutating func parsePipeline() -> Pipeline {
        let source = parseSetExpression()
        var stages: [Stage] = []
        while !statementFailed, at(.pipe) {
            let pipe = advance()
            skipNewlines()
            expect(ExpectedTokens.stageStarts)
            if current.kind == .endOfInput {
                failAtEnd(Messages.expected("a stage after `|`", found: "end of input"), at: pipe.span)
                break
            }
            stageInputs.append(Pipeline(source: source, stages: stages, span: source.span.union(stages.last?.span ?? source.span)))
            stages.append(parseStage())
            stageInputs.removeLast()
        }
        let end = stages.last?.span ?? source.span
        return Pipeline(source: source, stages: stages, span: source.span.union(end))
    }

    // MARK: - stage = countStage | sortStage | limitStage | showStage

    mutating func parseStage() -> Stage {
        expect(ExpectedTokens.stageStarts)
        let outer = stageKeyword
        stageKeyword = current.keyword
        defer { stageKeyword = outer }
        switch current.keyword {
        case .count: return parseCountStage()
        case .sort: return parseSortStage()
        case .limit: return parseLimitStage()
        case .show: return parseShowStage()
        default:
            let token = current
            fail(Messages.unknownStage(describe(token)), at: token.span)
            return .invalid(token.span)
        }
    }

    // MARK: - countStage = "count" [ "by" field ]

    mutating func parseCountStage() -> Stage {
        let keyword = advance()
        guard at(.by) else { return .count(by: nil, span: keyword.span) }
        advance()
        guard let field = parseField(.countBy) else { return .invalid(keyword.span) }
        return .count(by: field, span: keyword.span.union(field.span))
    }

    // MARK: - sortStage = "sort" "by" sortKey { "," sortKey }

    mutating func parseSortStage() -> Stage {
        let keyword = advance()
        guard at(.by) else {
            // `sort year`: the field is there, only `by` is missing.
            let notes = current.kind == .identifier ? [Diagnostic.Note(Messages.writeSortBy(current.value))] : []
            fail(Messages.expected("`by` after `sort`", found: describe(current)), at: current.span, notes: notes)
            return .invalid(keyword.span)
        }
        advance()
        var keys: [SortKey] = []
        repeat {
            if !keys.isEmpty { advance() }
            guard let key = parseSortKey() else { return .invalid(keyword.span) }
            keys.append(key)
        } while at(.comma)
        return .sort(keys: keys, span: keyword.span.union(SourceSpan.at(previousEnd)))
    }

    // MARK: - sortKey = field [ "asc" | "desc" ]

    mutating func parseSortKey() -> SortKey? {
        guard let field = parseField(.sortBy) else { return nil }
        if at(.asc) {
            advance()
            return SortKey(field: field, descending: false)
        }
        if at(.desc) {
            advance()
            return SortKey(field: field, descending: true)
        }
        return SortKey(field: field, descending: nil)
    }

    // MARK: - limitStage = "limit" INTEGER

    mutating func parseLimitStage() -> Stage {
        let keyword = advance()
        guard at(.integer, as: .literal) else {
            fail(Messages.expected("a number of rows after `limit`", found: describe(current)), at: current.span)
            return .invalid(keyword.span)
        }
        let number = advance()
        guard let value = Int(number.value) else {
            fail(Messages.numberTooLarge(number.value), at: number.span)
            return .invalid(keyword.span)
        }
        return .limit(value, span: keyword.span.union(number.span))
    }

    // MARK: - showStage = "show" field { "," field }

    mutating func parseShowStage() -> Stage {
        let keyword = advance()
        var fields: [Name] = []
        repeat {
            if !fields.isEmpty { advance() }
            guard let field = parseField(.show) else { return .invalid(keyword.span) }
            fields.append(field)
        } while at(.comma)
        return .show(fields: fields, span: keyword.span.union(fields.last?.span ?? keyword.span))
    }

    // MARK: - field = IDENT | "count" | "papers" | "authors" | "venues" | "category"

    mutating func parseField(_ place: ExpectedTokens.FieldPlace) -> Name? {
        expect(ExpectedTokens.fieldStarts, as: .field(place))
        switch current.kind {
        case .identifier:
            let token = advance()
            return Name(text: token.value, span: token.span)
        case .keyword(.count), .keyword(.papers), .keyword(.authors), .keyword(.venues), .keyword(.coauthors),
             .keyword(.category):
            // Field names that are also keywords.
            let token = advance()
            return Name(text: token.value.lowercased(), span: token.span)
        default:
            failAtEnd(Messages.expected("a field name", found: describe(current)), at: current.span)
            return nil
        }
    }
}
