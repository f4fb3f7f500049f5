/// What the text before a cursor expects next, worked out from the tokens of the statement the
/// cursor is in. Completion offers candidates for these expectations; hover uses them to tell
/// what a token is (an author name, a venue, a field).
struct CursorContext: Sendable {
    /// A kind of thing that may come next.
    enum Expectation: Sendable, Equatable {
        case keywords([Keyword])
        /// Author names (`by`, `of`, `path from … to`): in quotes, or a `let` name of authors.
        case authors
        case venues
        case categories
        case institutions
        /// Fields, for `count by` and comparisons after `where`.
        case fields([Field])
        /// Fields `sort by` accepts for the rows before the stage.
        case sortableFields
        /// Fields `show` accepts for the rows before the stage.
        case shownFields
        /// Values of a field after a comparison: `venue = …`.
        case values(of: Field)
        /// `let` names, of one kind or of any kind.
        case variables(ResultKind?)
    }

    /// The word or string being typed at the cursor, if any.
    struct Partial: Sendable, Equatable {
        /// The text a completion replaces.
        let span: SourceSpan
        /// What is typed so far: a word up to the cursor, or a string's contents up to the cursor.
        let typed: String
        /// The partial is a quoted string (open or closed).
        let isString: Bool
    }

    let expectations: [Expectation]
    let partial: Partial?
    /// The pipeline before the last `|` of the cursor's stage, for the kind of its rows.
    let pipelineBeforeStage: SourceSpan?

    static let filterKeywords: [Keyword] = [
        .by, .at, .since, .before, .until, .in, .between, .from, .matching, .titled, .where, .not,
    ]
    static let setKeywords: [Keyword] = [.papers, .authors, .venues, .coauthors, .path]
    static let stageKeywords: [Keyword] = [.count, .sort, .limit, .show]

    // MARK: - Analysis

    /// The context at a byte offset of the source.
    static func at(_ offset: Int, in source: SourceFile) -> CursorContext {
        let tokens = Lexer.tokenize(source).tokens
        var partial: Partial?
        var before: [Token] = []
        for token in tokens where token.kind != .endOfInput {
            if token.span.end <= offset, !isOpenWordAtEnd(token, offset: offset, source: source) {
                before.append(token)
                continue
            }
            if token.span.start < offset, partial == nil {
                partial = makePartial(token, offset: offset, source: source)
            }
            break
        }
        let statement = currentStatement(before)
        var analysis = Analysis(tokens: statement)
        let expectations = analysis.expectations()
        return CursorContext(expectations: expectations, partial: partial,
                             pipelineBeforeStage: analysis.pipelineBeforeStage)
    }

    /// A word or open string that ends exactly at the cursor is still being typed.
    private static func isOpenWordAtEnd(_ token: Token, offset: Int, source: SourceFile) -> Bool {
        guard token.span.end == offset else { return false }
        switch token.kind {
        case .identifier, .keyword, .integer: return true
        case .string: return !source.isClosedString(token)
        default: return false
        }
    }

    private static func makePartial(_ token: Token, offset: Int, source: SourceFile) -> Partial? {
        switch token.kind {
        case .identifier, .keyword, .integer:
            let span = SourceSpan(start: token.span.start, end: offset)
            return Partial(span: span, typed: source.text(of: span), isString: false)
        case .string:
            let typed = source.text(of: SourceSpan(start: token.span.start + 1, end: max(token.span.start + 1, offset)))
            return Partial(span: token.span, typed: typed, isString: true)
        default:
            return nil
        }
    }

    /// The tokens of the statement the cursor is in, without newlines.
    static func currentStatement(_ tokens: [Token]) -> [Token] {
        var statement: [Token] = []
        var depth = 0
        for token in tokens {
            switch token.kind {
            case .semicolon:
                statement = []
                depth = 0
                continue
            case .newline:
                if depth == 0, statement.last?.kind != .pipe, !statement.isEmpty { statement = [] }
                continue
            case .leftParen:
                depth += 1
            case .rightParen:
                depth = max(0, depth - 1)
            default:
                break
            }
            statement.append(token)
        }
        return statement
    }
}

extension SourceFile {
    /// Whether a string token ends with its closing quote (the lexer also makes tokens of
    /// strings left open at the end of a line).
    func isClosedString(_ token: Token) -> Bool {
        guard case .string = token.kind, token.span.length >= 2, token.span.end <= bytes.count else { return false }
        let quote = bytes[token.span.start]
        guard bytes[token.span.end - 1] == quote else { return false }
        // The last quote closes the string unless an odd number of backslashes escapes it.
        var backslashes = 0
        var index = token.span.end - 2
        while index > token.span.start, bytes[index] == UInt8(ascii: "\\") {
            backslashes += 1
            index -= 1
        }
        return backslashes % 2 == 0
    }
}
