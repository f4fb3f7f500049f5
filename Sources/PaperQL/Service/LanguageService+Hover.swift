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
        // What the parser expected where the token starts says what the token is.
        let syntax = Parser.parse(upTo: token.span.start, of: source)
        let expected = syntax.expected
        switch token.kind {
        case .keyword(let keyword):
            if expectsField(expected), let field = Field(typed: token.value) {
                return Hover(span: token.span, subject: .field(field))
            }
            return Hover(span: token.span, subject: .keyword(keyword))
        case .string, .identifier:
            return hoverName(token, syntax: syntax, previous: index > 0 ? tokens[index - 1] : nil)
        case .integer:
            let value = Int(token.value) ?? 0
            let isYear = expected.roles.keys.contains(.year)
                || (expected.roles.keys.contains(.value(.comparison)) && syntax.comparisonField.flatMap { Field(typed: $0.text) } == .year)
            return Hover(span: token.span, subject: isYear ? .year(value) : .number(value))
        default:
            return nil
        }
    }

    /// A field name may stand here: in a stage, or as a comparison's field.
    private func expectsField(_ expected: ExpectedTokens) -> Bool {
        expected.roles.keys.contains {
            switch $0 {
            case .field, .filter: true
            default: false
            }
        }
    }

    private func hoverName(_ token: Token, syntax: CursorSyntax, previous: Token?) -> Hover? {
        let isString = token.kind == .string
        let expected = syntax.expected
        if !isString, let kind = self.environment(at: syntax)[token.value] {
            return Hover(span: token.span, subject: .variable(name: token.value, kind: kind))
        }
        for role in expected.roles.keys.sorted() where expected.expects(token.kind, as: role) {
            var place: ExpectedTokens.ValuePlace?
            switch role {
            case .author where isString:
                return Hover(span: token.span, subject: authorSubject(token.value, exactly: previous?.keyword == .exactly))
            case .value(.comparison):
                switch syntax.comparisonField.flatMap({ Field(typed: $0.text) }) {
                case .authors?: return Hover(span: token.span, subject: authorSubject(token.value, exactly: false))
                case .venue?: place = .venue
                case .categories?: place = .category
                case .institutions?: place = .institution
                default: continue
                }
            case .value(let valuePlace):
                place = valuePlace
            default:
                continue
            }
            switch place {
            case .venue?:
                let matches = graph.venueValues(matching: token.value).map { valueMatch(graph.venues, $0) }
                return Hover(span: token.span, subject: .venue(typed: token.value, matches: matches))
            case .category?:
                let matches = graph.categoryValues(matching: token.value).map { valueMatch(graph.categories, $0) }
                return Hover(span: token.span, subject: .category(typed: token.value, matches: matches))
            case .institution?:
                let matches = graph.institutionValues(matching: token.value).map { valueMatch(graph.institutions, $0) }
                return Hover(span: token.span, subject: .institution(typed: token.value, matches: matches))
            default:
                continue
            }
        }
        if !isString, let field = Field(typed: token.value), expectsField(expected) || !expected.roles.keys.contains(.set) {
            return Hover(span: token.span, subject: .field(field))
        }
        if !isString {
            return Hover(span: token.span, subject: .variable(name: token.value, kind: nil))
        }
        return nil
    }

    func authorSubject(_ typed: String, exactly: Bool) -> Hover.Subject {
        let authors = graph.authors(matching: typed, exactly: exactly)
        let matches = authors.prefix(20).map { author in
            let name = graph.name(of: author)
            var match = Hover.AuthorMatch(
                author: author, name: name, paperCount: graph.paperCount(of: author),
                activeYears: graph.activeYears(of: author), variants: graph.variants(of: author).filter { $0 != name })
            match.topCoauthors = topCoauthors(of: author)
            match.identifier = graph.identifier(of: author)
            return match
        }
        let suggestions = matches.isEmpty ? graph.authorSuggestions(for: typed).map(\.name) : []
        return .authorName(typed: typed, exactly: exactly, matches: matches, suggestions: suggestions)
    }

    /// The three people an author shares most papers with (ties by name).
    func topCoauthors(of author: AuthorID, limit: Int = 3) -> [(name: String, shared: Int)] {
        graph.topCoauthors(of: author, limit: limit)
    }

    private func valueMatch(_ facet: Facet, _ value: UInt32) -> Hover.ValueMatch {
        Hover.ValueMatch(name: facet.names[Int(value)], papers: graph.paperCount(inFacet: facet, value: value))
    }
}
