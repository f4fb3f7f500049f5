/// What the parser would have accepted at one token: every kind of token a `parseX()` tested the
/// token at that position for. When the parser fails there, this is what was expected, taken
/// from the parser's own position in the grammar rather than from a list of every keyword.
struct ExpectedTokens: Sendable, Equatable {
    /// The index (in the token array) of the token these expectations are about.
    var position: Int
    var kinds: Set<Token.Kind> = []

    /// The keywords among the expected tokens, in declaration order.
    var keywords: [Keyword] {
        Keyword.allCases.filter { kinds.contains(.keyword($0)) }
    }

    // MARK: - The first tokens of productions

    /// setPrimary: "papers" | "authors" | "venues" | "coauthors" | "path" | IDENT | "(".
    static let setPrimaryStarts: [Token.Kind] =
        [Keyword.papers, .authors, .venues, .coauthors, .path].map(Token.Kind.keyword) + [.identifier, .leftParen]

    /// stage: "count" | "sort" | "limit" | "show".
    static let stageStarts: [Token.Kind] = [Keyword.count, .sort, .limit, .show].map(Token.Kind.keyword)

    /// notFilter and primaryFilter (a comparison starts with a field name, a group with "(").
    static let filterStarts: [Token.Kind] =
        [Keyword.by, .at, .since, .before, .until, .in, .between, .from, .matching, .titled, .where, .not, .authors]
            .map(Token.Kind.keyword) + [.leftParen, .identifier]

    /// field: IDENT | "count" | "papers" | "authors" | "venues" | "category".
    static let fieldStarts: [Token.Kind] =
        [.identifier] + [Keyword.count, .papers, .authors, .venues, .category].map(Token.Kind.keyword)

    /// authorAtom: STRING | "exactly" | IDENT | "(".
    static let authorAtomStarts: [Token.Kind] = [.string, .keyword(.exactly), .identifier, .leftParen]

    /// name: STRING | IDENT | INTEGER.
    static let nameStarts: [Token.Kind] = [.string, .identifier, .integer]

    /// The end of a statement.
    static let statementEnds: [Token.Kind] = [.newline, .semicolon, .endOfInput]

    static let comparisons: [Token.Kind] = ComparisonOperator.allCases.map(Token.Kind.comparison)
}
