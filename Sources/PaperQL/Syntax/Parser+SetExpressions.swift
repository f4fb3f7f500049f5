/// Set expressions and author references.
extension Parser {
    // MARK: - setExpression = setPrimary [ filter ]

    mutating func parseSetExpression() -> SetExpression {
        let primary = parseSetPrimary()
        filterBases.append(primary)
        defer { filterBases.removeLast() }
        guard !statementFailed, startsFilter() else { return primary }
        let filter = parseFilter()
        if case .papers(let keyword, nil) = primary {
            return .papers(keyword: keyword, filter: filter)
        }
        return .filtered(primary, filter)
    }

    // MARK: - setPrimary = "papers" | authorsSet | venuesSet | coauthorsSet | pathSet | profileSet | IDENT | "(" pipeline ")"

    mutating func parseSetPrimary() -> SetExpression {
        expect(ExpectedTokens.setPrimaryStarts, as: .set)
        let token = current
        switch token.kind {
        case .keyword(.papers):
            advance()
            return .papers(keyword: token.span, filter: nil)
        case .keyword(.authors):
            return parseAuthorsSet()
        case .keyword(.venues):
            return parseVenuesSet()
        case .keyword(.coauthors):
            return parseCoauthorsSet()
        case .keyword(.path):
            return parsePathSet()
        case .keyword(.profile):
            return parseProfileSet()
        case .identifier:
            noteNameReference()
            advance()
            return .variable(Name(text: token.value, span: token.span))
        case .leftParen:
            return parseParenthesizedPipeline()
        default:
            var notes: [Diagnostic.Note] = []
            if case .string = token.kind {
                notes.append(.init("to find papers by an author, write: papers by \"\(token.value)\""))
            } else {
                notes.append(.init("a query starts with `papers`, `authors`, `venues`, `coauthors of`, `path from`, or a `let` name"))
            }
            failAtEnd(Messages.expected("a query", found: describe(token)), at: token.span, notes: notes)
            return .invalid(token.span)
        }
    }

    // MARK: - "(" pipeline ")"

    mutating func parseParenthesizedPipeline() -> SetExpression {
        let open = current
        guard enterNesting(at: open.span) else { return .invalid(open.span) }
        defer { leaveNesting() }
        advance()
        parenthesisDepth += 1
        let inner = parsePipeline()
        guard !statementFailed else { return .invalid(open.span) }
        guard at(.rightParen) else {
            failAtEnd(
                Messages.expected("`)` to close the `(`", found: describe(current)), at: current.span,
                notes: [.init("the `(` is here", span: open.span)])
            return .invalid(open.span)
        }
        parenthesisDepth -= 1
        let close = advance()
        return .parenthesized(inner, span: open.span.union(close.span))
    }

    // MARK: - authorsSet = "authors" [ "of" setExpression | "named" [ "exactly" ] STRING ]

    mutating func parseAuthorsSet() -> SetExpression {
        let keyword = advance()
        if at(.named) {
            advance()
            let exactly = at(.exactly, as: .author(.named))
            if exactly { advance() }
            guard at(.string, as: .author(.named)) else {
                failAtEnd(Messages.expected("a quoted name after `\(exactly ? "exactly" : "named")`", found: describe(current)),
                          at: current.span, notes: [.init("for example: authors named \"Yang Liu\"")])
                return .invalid(keyword.span)
            }
            let name = advance()
            let literal = Literal(kind: .string, text: name.value, span: name.span)
            return .authorsNamed(keyword: keyword.span, name: literal, exactly: exactly)
        }
        guard at(.of) else { return .authors(keyword: keyword.span, of: nil) }
        advance()
        return .authors(keyword: keyword.span, of: parseSetExpression())
    }

    // MARK: - venuesSet = "venues" [ "of" setExpression ]

    mutating func parseVenuesSet() -> SetExpression {
        let keyword = advance()
        guard at(.of) else { return .venues(keyword: keyword.span, of: nil) }
        advance()
        return .venues(keyword: keyword.span, of: parseSetExpression())
    }

    // MARK: - coauthorsSet = "coauthors" "of" authorReference [ "within" INTEGER ]

    mutating func parseCoauthorsSet() -> SetExpression {
        let keyword = advance()
        guard at(.of) else {
            failAtEnd(Messages.expected("`of` after `coauthors`", found: describe(current)), at: current.span)
            return .invalid(keyword.span)
        }
        advance()
        let reference = parseAuthorReference(.coauthorsOf)
        guard !statementFailed else { return .invalid(keyword.span) }
        var within: Literal?
        if at(.within) {
            advance()
            guard at(.integer, as: .literal), let value = Int(current.value) else {
                failAtEnd(Messages.expected("a number of hops after `within`", found: describe(current)), at: current.span)
                return .invalid(keyword.span)
            }
            let number = advance()
            within = Literal(kind: .integer(value), text: number.value, span: number.span)
        }
        return .coauthors(keyword: keyword.span, of: reference, within: within)
    }

    // MARK: - pathSet = "path" "from" authorReference "to" authorReference

    mutating func parsePathSet() -> SetExpression {
        let keyword = advance()
        guard at(.from) else {
            failAtEnd(Messages.expected("`from` after `path`", found: describe(current)), at: current.span,
                      notes: [.init("write: path from \"A\" to \"B\"")])
            return .invalid(keyword.span)
        }
        advance()
        let source = parseAuthorReference(.pathFrom)
        guard !statementFailed else { return .invalid(keyword.span) }
        guard at(.to) else {
            failAtEnd(Messages.expected("`to` and a second author", found: describe(current)), at: current.span,
                      notes: [.init("write: path from \"A\" to \"B\"")])
            return .invalid(keyword.span)
        }
        advance()
        let target = parseAuthorReference(.pathTo)
        guard !statementFailed else { return .invalid(keyword.span) }
        return .path(keyword: keyword.span, from: source, to: target)
    }

    // MARK: - authorReference = authorConjunction { "or" authorConjunction }

    mutating func parseAuthorReference(_ place: ExpectedTokens.AuthorPlace) -> AuthorReference {
        var parts = [parseAuthorConjunction(place, afterConnective: false)]
        while !statementFailed, at(.or, as: .authorConnective(place)), continuesAuthorList(place) {
            advance()
            parts.append(parseAuthorConjunction(place, afterConnective: true))
        }
        return parts.count == 1 ? parts[0] : .any(parts)
    }

    // MARK: - authorConjunction = authorAtom { "and" authorAtom }

    mutating func parseAuthorConjunction(_ place: ExpectedTokens.AuthorPlace, afterConnective: Bool) -> AuthorReference {
        var parts = [parseAuthorAtom(place, afterConnective: afterConnective)]
        while !statementFailed, at(.and, as: .authorConnective(place)), continuesAuthorList(place) {
            advance()
            parts.append(parseAuthorAtom(place, afterConnective: true))
        }
        return parts.count == 1 ? parts[0] : .all(parts)
    }

    /// After `and`/`or`: does another author follow (rather than another filter)? At a cursor
    /// right after it, after `by` either may (the filter is read, and the author noted as
    /// expected there too); elsewhere only an author can.
    mutating func continuesAuthorList(_ place: ExpectedTokens.AuthorPlace) -> Bool {
        if nextIsCursor {
            guard place == .by else { return true }
            expectAfterCurrent(ExpectedTokens.authorListContinuations, as: .author(place))
            return false
        }
        let following = next
        switch following.kind {
        case .string, .keyword(.exactly):
            return true
        default:
            return false
        }
    }

    // MARK: - authorAtom = STRING | "exactly" STRING | IDENT | "(" pipeline ")"

    /// After `and`/`or` only a quoted name or `exactly` continues the list (see `continuesAuthorList`).
    mutating func parseAuthorAtom(_ place: ExpectedTokens.AuthorPlace, afterConnective: Bool) -> AuthorReference {
        expect(afterConnective ? ExpectedTokens.authorListContinuations : ExpectedTokens.authorAtomStarts, as: .author(place))
        let token = current
        switch token.kind {
        case .string:
            advance()
            let literal = Literal(kind: .string, text: token.value, span: token.span)
            return .name(literal, exactly: false, span: token.span)
        case .keyword(.exactly):
            advance()
            guard at(.string, as: .author(place)) else {
                failAtEnd(Messages.expected("a quoted name after `exactly`", found: describe(current)), at: current.span)
                return .set(.invalid(token.span))
            }
            let name = advance()
            let literal = Literal(kind: .string, text: name.value, span: name.span)
            return .name(literal, exactly: true, span: token.span.union(name.span))
        case .identifier:
            noteNameReference()
            advance()
            return .set(.variable(Name(text: token.value, span: token.span)))
        case .leftParen:
            return .set(parseParenthesizedPipeline())
        default:
            failAtEnd(
                Messages.expected("an author name in quotes", found: describe(token)), at: token.span,
                notes: [.init("for example: \"Jack Rae\", exactly \"Scott E. Reed\", or (coauthors of \"Oriol Vinyals\")")])
            return .set(.invalid(token.span))
        }
    }
}
