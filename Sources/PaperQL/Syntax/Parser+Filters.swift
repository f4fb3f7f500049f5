/// Filters on papers.
extension Parser {
    /// Does the current token begin a filter? (The filter's first tokens are noted as expected.)
    mutating func startsFilter() -> Bool {
        expect(ExpectedTokens.filterStarts, as: .filter)
        switch current.kind {
        case .keyword(let keyword):
            switch keyword {
            case .by, .at, .since, .before, .until, .in, .between, .from, .matching, .titled, .where, .not:
                return true
            case .authors:
                // `authors` is a keyword and also a field: `where authors ~ "Rae"`.
                if case .comparison = next.kind { return true }
                if nextIsCursor { return true }
                return false
            default:
                return false
            }
        case .leftParen:
            return true
        case .identifier:
            // A comparison's field; at a cursor right after it, its operator may still come.
            if case .comparison = next.kind { return true }
            return nextIsCursor
        default:
            return false
        }
    }

    // MARK: - filter = andFilter { "or" andFilter }

    mutating func parseFilter() -> Filter {
        var parts = [parseAndFilter()]
        while !statementFailed, at(.or, as: .filterConnective) {
            let keyword = advance()
            guard startsFilter() else {
                failAtEnd(Messages.expected("a filter after `or`", found: describe(current)), at: current.span,
                          notes: filterNotes(after: keyword))
                return .invalid(keyword.span)
            }
            parts.append(parseAndFilter())
        }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    // MARK: - andFilter = notFilter { [ "and" ] notFilter }

    mutating func parseAndFilter() -> Filter {
        var parts = [parseNotFilter()]
        while !statementFailed {
            if at(.and, as: .filterConnective) {
                let keyword = advance()
                guard startsFilter() else {
                    failAtEnd(Messages.expected("a filter after `and`", found: describe(current)), at: current.span,
                              notes: filterNotes(after: keyword))
                    return .invalid(keyword.span)
                }
            } else if !startsFilter() {
                break
            }
            parts.append(parseNotFilter())
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    private func filterNotes(after keyword: Token) -> [Diagnostic.Note] {
        if case .string = current.kind {
            return [.init("to combine authors, put them right after `by`: papers by \"A\" \(keyword.value) \"B\"")]
        }
        return [.init("filters: by, at, since, before, until, in, between, from, matching, titled, where, not")]
    }

    // MARK: - notFilter = "not" notFilter | primaryFilter

    mutating func parseNotFilter() -> Filter {
        guard at(.not, as: .filter) else { return parsePrimaryFilter() }
        let keyword = current
        guard enterNesting(at: keyword.span) else { return .invalid(keyword.span) }
        defer { leaveNesting() }
        advance()
        guard startsFilter() else {
            failAtEnd(Messages.expected("a filter after `not`", found: describe(current)), at: current.span)
            return .invalid(keyword.span)
        }
        return .not(parseNotFilter(), keyword: keyword.span)
    }

    // MARK: - primaryFilter

    mutating func parsePrimaryFilter() -> Filter {
        expect(ExpectedTokens.filterStarts, as: .filter)
        let token = current
        switch token.kind {
        case .keyword(.by):
            advance()
            return .by(parseAuthorReference(.by), keyword: token.span)
        case .keyword(.at):
            advance()
            return .at(parseName(what: "a venue after `at`", as: .venue), keyword: token.span)
        case .keyword(.since), .keyword(.before), .keyword(.until):
            advance()
            let year = parseYear(after: token)
            let bound: YearBound =
                switch token.keyword {
                case .since: .since(year)
                case .before: .before(year)
                default: .until(year)
                }
            return .years(bound, keyword: token.span, span: token.span.union(year.span))
        case .keyword(.in):
            advance()
            if at(.category) {
                advance()
                return .category(parseName(what: "a category after `in category`", as: .category), keyword: token.span)
            }
            let year = parseYear(after: token)
            return .years(.during(year), keyword: token.span, span: token.span.union(year.span))
        case .keyword(.between):
            return parseBetweenFilter()
        case .keyword(.from):
            advance()
            return .institution(parseName(what: "an institution after `from`", as: .institution), keyword: token.span)
        case .keyword(.matching):
            advance()
            return .matching(expectString(what: "words in quotes after `matching`"), keyword: token.span)
        case .keyword(.titled):
            advance()
            return .titled(expectString(what: "a title in quotes after `titled`"), keyword: token.span)
        case .keyword(.where):
            advance()
            guard startsFilter() else {
                failAtEnd(Messages.expected("a condition after `where`", found: describe(current)), at: current.span,
                          notes: [.init("for example: where year >= 2020 and venue = \"arXiv\"")])
                return .invalid(token.span)
            }
            return parseNotFilter()
        case .leftParen:
            return parseFilterGroup()
        case .identifier, .keyword(.authors):
            return parseComparison()
        default:
            failAtEnd(Messages.expected("a filter", found: describe(token)), at: token.span)
            return .invalid(token.span)
        }
    }

    // MARK: - betweenFilter = "between" year "and" year

    mutating func parseBetweenFilter() -> Filter {
        let keyword = advance()
        let first = parseYear(after: keyword)
        guard !statementFailed else { return .invalid(keyword.span) }
        guard at(.and) else {
            failAtEnd(Messages.expected("`and` and a second year", found: describe(current)), at: current.span,
                      notes: [.init("write: between 2016 and 2018")])
            return .invalid(keyword.span)
        }
        let and = advance()
        let second = parseYear(after: and)
        return .years(.between(first, second), keyword: keyword.span, span: keyword.span.union(second.span))
    }

    // MARK: - filterGroup = "(" filter ")"

    mutating func parseFilterGroup() -> Filter {
        let open = current
        guard enterNesting(at: open.span) else { return .invalid(open.span) }
        defer { leaveNesting() }
        advance()
        parenthesisDepth += 1
        guard startsFilter() else {
            failAtEnd(Messages.expected("a filter after `(`", found: describe(current)), at: current.span)
            return .invalid(open.span)
        }
        let inner = parseFilter()
        guard !statementFailed else { return .invalid(open.span) }
        guard at(.rightParen) else {
            failAtEnd(Messages.expected("`)` to close the `(`", found: describe(current)), at: current.span,
                      notes: [.init("the `(` is here", span: open.span)])
            return .invalid(open.span)
        }
        parenthesisDepth -= 1
        let close = advance()
        return .group(inner, span: open.span.union(close.span))
    }

    // MARK: - comparison = field compareOp value

    mutating func parseComparison() -> Filter {
        let fieldToken = advance()
        let field = Name(text: fieldToken.value, span: fieldToken.span)
        guard let op = atComparison() else {
            failAtEnd(Messages.expected("a comparison such as `=` or `>=` after `\(field.text)`", found: describe(current)),
                      at: current.span)
            return .invalid(fieldToken.span)
        }
        let opToken = advance()
        comparisonField = field
        defer { comparisonField = nil }
        let value = parseName(what: "a value after `\(opToken.value)`", as: .comparison)
        return .comparison(field: field, op: op, opSpan: opToken.span, value: value)
    }

    // MARK: - values

    /// year = INTEGER
    mutating func parseYear(after keyword: Token) -> Literal {
        let token = current
        guard at(.integer, as: .year), let value = Int(token.value) else {
            failAtEnd(Messages.expected("a year after `\(keyword.value)`", found: describe(token)), at: token.span)
            return Literal(kind: .integer(0), text: token.value, span: token.span)
        }
        advance()
        return Literal(kind: .integer(value), text: token.value, span: token.span)
    }

    /// name = STRING | IDENT | INTEGER
    mutating func parseName(what: String, as place: ExpectedTokens.ValuePlace) -> Literal {
        expect(ExpectedTokens.nameStarts, as: .value(place))
        let token = current
        switch token.kind {
        case .string:
            advance()
            return Literal(kind: .string, text: token.value, span: token.span)
        case .identifier:
            advance()
            return Literal(kind: .word, text: token.value, span: token.span)
        case .integer:
            advance()
            return Literal(kind: .integer(Int(token.value) ?? 0), text: token.value, span: token.span)
        case .keyword:
            failAtEnd(Messages.expected(what, found: describe(token)), at: token.span,
                      notes: [.init("a name that is also a keyword must be quoted: \"\(token.value)\"")])
        default:
            failAtEnd(Messages.expected(what, found: describe(token)), at: token.span)
        }
        return Literal(kind: .string, text: "", span: token.span)
    }

    mutating func expectString(what: String) -> Literal {
        let token = current
        guard at(.string, as: .literal) else {
            failAtEnd(Messages.expected(what, found: describe(token)), at: token.span)
            return Literal(kind: .string, text: "", span: token.span)
        }
        advance()
        return Literal(kind: .string, text: token.value, span: token.span)
    }
}
