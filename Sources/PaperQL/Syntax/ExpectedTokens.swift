/// What the parser would have accepted at one token: every kind of token a `parseX()` tested the
/// token at that position for, and what each would have meant there (its `Role`). When the parser
/// fails there, this is what was expected, taken from the parser's own position in the grammar
/// rather than from a list of every keyword; at a cursor, it is what completion offers.
public struct ExpectedTokens: Sendable, Equatable {
    /// What a token would be in the grammar at this point.
    public enum Role: Hashable, Sendable, Comparable {
        /// The first token of a statement (`let`).
        case statement
        /// The first token of a set: `papers`, `authors`, …, a `let` name, `(`.
        case set
        /// The first token of a filter on papers: `by`, `since`, …, a comparison's field, `(`.
        case filter
        /// `and` / `or` joining filters.
        case filterConnective
        /// An author: a quoted name, `exactly`, a `let` name holding authors, `(`.
        case author(AuthorPlace)
        /// `and` / `or` continuing a list of authors.
        case authorConnective(AuthorPlace)
        /// A field name.
        case field(FieldPlace)
        /// A value: a venue, a category, an institution, or the value of a comparison.
        case value(ValuePlace)
        /// A new name, after `let`.
        case newName
        /// A year (`since`, `in`, `between`).
        case year
        /// A number of rows or hops, words, a title, an operator: nothing to offer.
        case literal
        /// Keywords and punctuation of the production being read (`of`, `to`, `|`, `,`, `)`, …).
        case syntax
    }

    /// Where a list of authors stands; only `by` gives `and` a meaning. `named`: the one name
    /// of `authors named`.
    public enum AuthorPlace: Hashable, Sendable, Comparable {
        case by, coauthorsOf, pathFrom, pathTo, named, profile
    }

    public enum FieldPlace: Hashable, Sendable, Comparable {
        case countBy, sortBy, show
    }

    public enum ValuePlace: Hashable, Sendable, Comparable {
        case venue, category, institution
        /// After `FIELD OP`: a value of that field.
        case comparison
    }

    /// The index (in the token array) of the token these expectations are about.
    var position: Int
    /// Every kind tested for, whatever its role.
    var kinds: Set<Token.Kind> = []
    /// The kinds tested for, by what they would have meant.
    public private(set) var roles: [Role: Set<Token.Kind>] = [:]

    init(position: Int) {
        self.position = position
    }

    mutating func insert(_ newKinds: some Sequence<Token.Kind>, as role: Role) {
        kinds.formUnion(newKinds)
        roles[role, default: []].formUnion(newKinds)
    }

    /// The keywords among the expected tokens, in declaration order.
    public var keywords: [Keyword] {
        Keyword.allCases.filter { kinds.contains(.keyword($0)) }
    }

    /// The keywords expected in one role, in declaration order.
    public func keywords(as role: Role) -> [Keyword] {
        guard let kinds = roles[role] else { return [] }
        return Keyword.allCases.filter { kinds.contains(.keyword($0)) }
    }

    /// Whether a kind of token is expected in a role.
    public func expects(_ kind: Token.Kind, as role: Role) -> Bool {
        roles[role]?.contains(kind) ?? false
    }

    // MARK: - The first tokens of productions

    /// statement: "let" | setPrimary.
    static let statementStarts: [Token.Kind] = [.keyword(.let)]

    /// setPrimary: "papers" | "authors" | "venues" | "coauthors" | "path" | "profile" | IDENT | "(".
    static let setPrimaryStarts: [Token.Kind] =
        [Keyword.papers, .authors, .venues, .coauthors, .path, .profile].map(Token.Kind.keyword) + [.identifier, .leftParen]

    /// stage: "count" | "sort" | "limit" | "show".
    static let stageStarts: [Token.Kind] = [Keyword.count, .sort, .limit, .show].map(Token.Kind.keyword)

    /// notFilter and primaryFilter (a comparison starts with a field name, a group with "(").
    static let filterStarts: [Token.Kind] =
        [Keyword.by, .at, .since, .before, .until, .in, .between, .from, .matching, .titled, .where, .not, .authors]
            .map(Token.Kind.keyword) + [.leftParen, .identifier]

    /// field: IDENT | "count" | "papers" | "authors" | "venues" | "coauthors" | "category".
    static let fieldStarts: [Token.Kind] =
        [.identifier] + [Keyword.count, .papers, .authors, .venues, .coauthors, .category].map(Token.Kind.keyword)

    /// authorAtom: STRING | "exactly" | IDENT | "(".
    static let authorAtomStarts: [Token.Kind] = [.string, .keyword(.exactly), .identifier, .leftParen]

    /// What continues a list of authors after `and` / `or`: STRING | "exactly".
    static let authorListContinuations: [Token.Kind] = [.string, .keyword(.exactly)]

    /// name: STRING | IDENT | INTEGER.
    static let nameStarts: [Token.Kind] = [.string, .identifier, .integer]

    /// The end of a statement.
    static let statementEnds: [Token.Kind] = [.newline, .semicolon, .endOfInput]

    static let comparisons: [Token.Kind] = ComparisonOperator.allCases.map(Token.Kind.comparison)
}
