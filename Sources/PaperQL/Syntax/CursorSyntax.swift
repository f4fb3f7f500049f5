/// What the parser knows at a cursor: the text before the cursor is parsed with its end standing
/// for the cursor (as rust-analyzer completes on the parser's tree at the cursor), and this is
/// what the grammar allowed there, with the pieces of the partial tree that decide what fits.
///
/// Completion offers tokens for `expected`; hover asks what a token is from the expectations at
/// its start; a REPL asks whether a line break continues the statement.
public struct CursorSyntax: Sendable {
    /// What the grammar allows at the cursor (empty when the statement failed before it).
    public let expected: ExpectedTokens
    /// The statements before the cursor (the one the cursor is in may be partial or invalid).
    public let script: Script
    /// The set a filter starting at the cursor would filter (for the checker: only papers can be
    /// filtered).
    public let filterBase: SetExpression?
    /// The pipeline before the stage the cursor is in (for the kind of its rows).
    public let stageInput: Pipeline?
    /// The field of the comparison whose value is at the cursor.
    public let comparisonField: Name?
    /// The keyword of the stage the cursor is in (`sort` in `| sort by year ‸`).
    public let stage: Keyword?
    /// The cursor is inside parentheses or after a trailing `|`: a line break there continues
    /// the statement.
    public let lineBreakContinues: Bool
    /// The text ends inside a string.
    public let endsInsideString: Bool
    /// The lexer's and parser's errors in the text before the cursor (one at the end only says
    /// the statement is unfinished).
    public let diagnostics: [Diagnostic]
}

/// The pieces of the partial tree captured when the parser notes expectations at the end.
struct CursorCapture {
    var filterBase: SetExpression?
    var stageInput: Pipeline?
    var comparisonField: Name?
    var stage: Keyword?
    var lineBreakContinues = false
    /// Expectations at the end noted from the token before it, by lookahead (`by "A" and‸`: an
    /// author or a filter may follow).
    var lookahead: [(ExpectedTokens.Role, [Token.Kind])] = []
}

extension Parser {
    /// Parses the text up to `cursor` (a UTF-8 offset), its end standing for the cursor.
    public static func parse(upTo cursor: Int, of source: SourceFile) -> CursorSyntax {
        let end = max(0, min(cursor, source.bytes.count))
        let prefix = SourceFile(name: source.name, text: String(decoding: source.bytes[..<end], as: UTF8.self))
        let lexed = Lexer.tokenize(prefix)
        var parser = Parser(tokens: lexed.tokens)
        parser.endIsCursor = true
        let script = parser.parseScript()
        let endIndex = lexed.tokens.count - 1
        var expected = parser.expected.position == endIndex ? parser.expected : ExpectedTokens(position: endIndex)
        for (role, kinds) in parser.capture.lookahead { expected.insert(kinds, as: role) }
        return CursorSyntax(
            expected: expected, script: script, filterBase: parser.capture.filterBase,
            stageInput: parser.capture.stageInput, comparisonField: parser.capture.comparisonField, stage: parser.capture.stage,
            lineBreakContinues: parser.capture.lineBreakContinues, endsInsideString: lexed.endsInsideString,
            diagnostics: (lexed.diagnostics + parser.diagnostics).sorted { $0.span.start < $1.span.start })
    }

    /// Whether the token after the current one is the end of a text cut at a cursor, where
    /// anything may follow.
    var nextIsCursor: Bool {
        endIsCursor && next.kind == .endOfInput && current.kind != .endOfInput
    }

    /// Keeps what the partial tree says about the end, when expectations are noted there.
    mutating func captureAtEnd(_ role: ExpectedTokens.Role) {
        guard endIsCursor, !statementFailed, currentIndex == tokens.count - 1 else { return }
        switch role {
        case .filter, .filterConnective:
            capture.filterBase = filterBases.last
        case .field(.sortBy), .field(.show):
            capture.stageInput = stageInputs.last
        case .value(.comparison):
            capture.comparisonField = comparisonField
        default:
            break
        }
        // Noted after the stage too (`| limit 5 ‸` expects a `|`): the stage last seen stays.
        if let stageKeyword { capture.stage = stageKeyword }
        var position = tokens.count - 2
        while position >= 0, tokens[position].kind == .newline { position -= 1 }
        capture.lineBreakContinues = parenthesisDepth > 0 || (position >= 0 && tokens[position].kind == .pipe)
    }

    /// Notes that, at a cursor right after the current token, these would also be accepted.
    mutating func expectAfterCurrent(_ kinds: [Token.Kind], as role: ExpectedTokens.Role) {
        guard nextIsCursor else { return }
        capture.lookahead.append((role, kinds))
    }
}
