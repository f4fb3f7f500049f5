extension LanguageService {
    /// What the token at a cursor is: a keyword or field (with a description), an author name
    /// (the authors it matches, their paper counts, years and name variants), a venue, category
    /// or institution (the values it matches), a `let` name, or a year.
    public func hover(in text: String, at offset: Int) -> Hover? {
        let source = SourceFile(name: "<query>", text: text)
        let cursor = Self.clamp(offset, in: source)
        let tokens = Lexer.tokenize(source).tokens
        let index =
            tokens.firstIndex { $0.kind != .endOfInput && $0.span.start <= cursor && cursor < $0.span.end }
            ?? tokens.lastIndex { $0.kind != .endOfInput && $0.span.end == cursor }
        guard let index else { return nil }
        let token = tokens[index]
        let expectations = CursorContext.at(token.span.start, in: source).expectations
        let previous = index > 0 ? tokens[index - 1] : nil
        switch token.kind {
        case .keyword(let keyword):
            if expectsField(expectations), let field = Field(typed: token.value) {
                return Hover(span: token.span, subject: .field(field))
            }
            return Hover(span: token.span, subject: .keyword(keyword))
        case .string, .identifier:
            return hoverName(token, previous: previous, expectations: expectations)
        case .integer:
            let value = Int(token.value) ?? 0
            switch previous?.keyword {
            case .since?, .before?, .until?, .in?, .between?, .and?:
                return Hover(span: token.span, subject: .year(value))
            default:
                if let previous, case .comparison = previous.kind, index >= 2, tokens[index - 2].value.lowercased() == "year" {
                    return Hover(span: token.span, subject: .year(value))
                }
                return Hover(span: token.span, subject: .number(value))
            }
        default:
            return nil
        }
    }

    private func expectsField(_ expectations: [CursorContext.Expectation]) -> Bool {
        expectations.contains {
            switch $0 {
            case .fields, .sortableFields, .shownFields: true
            default: false
            }
        }
    }

    private func hoverName(_ token: Token, previous: Token?, expectations: [CursorContext.Expectation]) -> Hover? {
        let isString = token.kind == .string
        if !isString, let kind = environment[token.value] {
            return Hover(span: token.span, subject: .variable(name: token.value, kind: kind))
        }
        for expectation in expectations {
            switch expectation {
            case .authors where isString:
                return Hover(span: token.span, subject: authorSubject(token.value, exactly: previous?.keyword == .exactly))
            case .values(.authors):
                return Hover(span: token.span, subject: authorSubject(token.value, exactly: false))
            case .venues, .values(.venue):
                let matches = graph.venueValues(matching: token.value).map { valueMatch(graph.venues, $0) }
                return Hover(span: token.span, subject: .venue(typed: token.value, matches: matches))
            case .categories, .values(.categories):
                let matches = graph.categoryValues(matching: token.value).map { valueMatch(graph.categories, $0) }
                return Hover(span: token.span, subject: .category(typed: token.value, matches: matches))
            case .institutions, .values(.institutions):
                let matches = graph.institutionValues(matching: token.value).map { valueMatch(graph.institutions, $0) }
                return Hover(span: token.span, subject: .institution(typed: token.value, matches: matches))
            default:
                continue
            }
        }
        if !isString, expectsField(expectations) || Field(typed: token.value) != nil, let field = Field(typed: token.value) {
            return Hover(span: token.span, subject: .field(field))
        }
        if !isString {
            return Hover(span: token.span, subject: .variable(name: token.value, kind: nil))
        }
        return nil
    }

    func authorSubject(_ typed: String, exactly: Bool) -> Hover.Subject {
        let authors = graph.authors(matching: typed, exactly: exactly)
        let matches = authors.map { author in
            let name = graph.name(of: author)
            return Hover.AuthorMatch(
                author: author, name: name, paperCount: graph.paperCount(of: author),
                activeYears: graph.activeYears(of: author), variants: graph.variants(of: author).filter { $0 != name })
        }
        let suggestions = matches.isEmpty ? graph.authorSuggestions(for: typed).map { graph.name(of: $0) } : []
        return .authorName(typed: typed, exactly: exactly, matches: matches, suggestions: suggestions)
    }

    private func valueMatch(_ facet: Facet, _ value: UInt32) -> Hover.ValueMatch {
        Hover.ValueMatch(name: facet.names[Int(value)], papers: graph.paperCount(inFacet: facet, value: value))
    }
}
