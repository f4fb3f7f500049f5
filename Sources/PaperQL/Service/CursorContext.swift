/// What the parser expects at a cursor, and the word or string being typed there. Completion
/// offers candidates for the parser's expectations; hover asks them what a token is (an author
/// name, a venue, a field).
struct CursorContext: Sendable {
    /// The word or string being typed at the cursor, if any.
    struct Partial: Sendable, Equatable {
        /// The text a completion replaces.
        let span: SourceSpan
        /// What is typed so far: a word up to the cursor, or a string's contents up to the cursor.
        let typed: String
        /// The partial is a quoted string (open or closed).
        let isString: Bool
    }

    /// The parser's view of the text before the word being typed.
    let syntax: CursorSyntax
    let partial: Partial?

    var expected: ExpectedTokens { syntax.expected }

    /// The context at a byte offset of the source: the parser's expectations where the word
    /// being typed starts.
    static func at(_ offset: Int, in source: SourceFile) -> CursorContext {
        let partial = partial(at: offset, in: source)
        return CursorContext(syntax: Parser.parse(upTo: partial?.span.start ?? offset, of: source), partial: partial)
    }

    /// The token the cursor is in or right after, when it is a word or a string still being typed.
    private static func partial(at offset: Int, in source: SourceFile) -> Partial? {
        for token in Lexer.tokenize(source).tokens where token.kind != .endOfInput {
            if token.span.end < offset || (token.span.end == offset && !isOpenWordAtEnd(token, source: source)) {
                continue
            }
            guard token.span.start < offset else { return nil }
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
        return nil
    }

    /// A word or open string that ends exactly at the cursor is still being typed.
    private static func isOpenWordAtEnd(_ token: Token, source: SourceFile) -> Bool {
        switch token.kind {
        case .identifier, .keyword, .integer: true
        case .string: !source.isClosedString(token)
        default: false
        }
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
