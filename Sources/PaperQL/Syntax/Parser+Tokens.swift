/// Moving through the tokens, reporting errors, and recovering.
extension Parser {
    var current: Token {
        tokens[currentIndex]
    }

    /// The token after `current`.
    var next: Token {
        var position = index
        if parenthesisDepth > 0 {
            while tokens[position].kind == .newline { position += 1 }
        }
        if tokens[position].kind == .endOfInput { return tokens[position] }
        position += 1
        if parenthesisDepth > 0 {
            while tokens[position].kind == .newline { position += 1 }
        }
        return tokens[position]
    }

    /// End offset of the last consumed token.
    var previousEnd: Int {
        index > 0 ? tokens[index - 1].span.end : 0
    }

    @discardableResult
    mutating func advance() -> Token {
        if parenthesisDepth > 0 {
            while tokens[index].kind == .newline { index += 1 }
        }
        let token = tokens[index]
        if token.kind != .endOfInput { index += 1 }
        return token
    }

    mutating func skipNewlines() {
        while tokens[index].kind == .newline { index += 1 }
    }

    mutating func skipSeparators() {
        while tokens[index].kind == .newline || tokens[index].kind == .semicolon { index += 1 }
    }

    /// After a statement: a newline, `;`, or the end of input.
    mutating func expectEndOfStatement() {
        expect(ExpectedTokens.statementEnds)
        switch current.kind {
        case .newline, .semicolon, .endOfInput:
            return
        case .rightParen:
            fail(Messages.unmatchedClosingParenthesis, at: current.span)
        default:
            // A misspelt keyword says more than where statements end.
            let suggestions = keywordSuggestionNotes()
            fail(Messages.expectedEndOfStatement(describe(current)), at: current.span,
                 notes: suggestions.isEmpty ? endOfStatementNotes() : [], suggestions: suggestions)
        }
        skipToEndOfStatement()
    }

    private func endOfStatementNotes() -> [Diagnostic.Note] {
        [Diagnostic.Note("statements end at a newline or `;`; use `|` to add a stage")]
    }

    /// Skips the rest of a failed statement, up to a separator outside parentheses.
    mutating func skipToEndOfStatement() {
        var depth = parenthesisDepth
        parenthesisDepth = 0
        while true {
            let token = tokens[index]
            switch token.kind {
            case .endOfInput:
                return
            case .leftParen:
                depth += 1
            case .rightParen:
                depth = max(0, depth - 1)
            case .newline, .semicolon:
                if depth == 0 { return }
            default:
                break
            }
            index += 1
        }
    }

    /// Reports an error; the statement is abandoned. An error at a bare word a few edits from a
    /// keyword allowed there gets a "did you mean" note first.
    mutating func fail(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        let suggestions = span == current.span ? keywordSuggestionNotes() : []
        fail(message, at: span, notes: notes, suggestions: suggestions)
    }

    /// Reports an error with these keyword suggestions before its notes.
    mutating func fail(
        _ message: DiagnosticMessage, at span: SourceSpan, notes: [Diagnostic.Note], suggestions: [Diagnostic.Note]
    ) {
        let notes = suggestions + notes
        // An unreadable token was already reported by the lexer.
        if !statementFailed, current.kind != .invalid {
            // Something missing at the end of the input is shown right after the last token,
            // not on the blank line after it.
            let end = tokens[tokens.count - 1].span
            let place = span == end && index > 0 ? SourceSpan.at(previousEnd) : span
            diagnostics.append(.error(message, at: place, notes: notes))
            failureStart = place.start
        }
        statementFailed = true
        if current.kind == .endOfInput { isIncomplete = true }
    }

    /// Reports an error that more input could fix when it happens at the end of the input.
    mutating func failAtEnd(_ message: DiagnosticMessage, at span: SourceSpan, notes: [Diagnostic.Note] = []) {
        fail(message, at: span, notes: notes)
    }

    /// Enters one level of nesting; false (with an error) when input nests too deeply.
    mutating func enterNesting(at span: SourceSpan) -> Bool {
        nesting += 1
        if nesting > Parser.maximumNesting {
            fail(Messages.nestingTooDeep(Parser.maximumNesting), at: span)
            return false
        }
        return true
    }

    mutating func leaveNesting() {
        nesting -= 1
    }

    /// How a token reads in a message.
    func describe(_ token: Token) -> String {
        switch token.kind {
        case .endOfInput: "end of input"
        case .newline: "end of line"
        case .string: "\"\(token.value)\""
        case .keyword(let keyword): "`\(keyword.rawValue)`"
        case .integer: "\(token.value)"
        default: "`\(token.value)`"
        }
    }
}
