/// An expression whose value is a set: papers, authors, venues, or a path.
public indirect enum SetExpression: Sendable {
    /// `papers [FILTER]`
    case papers(keyword: SourceSpan, filter: Filter?)
    /// `authors [of SET]`
    case authors(keyword: SourceSpan, of: SetExpression?)
    /// `profile AUTHORS`: a researcher's page.
    case profile(keyword: SourceSpan, of: AuthorReference)
    /// `authors named ["exactly"] "NAME"`: the people a name means, with what tells them apart.
    case authorsNamed(keyword: SourceSpan, name: Literal, exactly: Bool)
    /// `venues [of SET]`
    case venues(keyword: SourceSpan, of: SetExpression?)
    /// `coauthors of AUTHORS [within N]`
    case coauthors(keyword: SourceSpan, of: AuthorReference, within: Literal?)
    /// `path from AUTHORS to AUTHORS`
    case path(keyword: SourceSpan, from: AuthorReference, to: AuthorReference)
    /// A name bound by `let`.
    case variable(Name)
    /// `( PIPELINE )`
    case parenthesized(Pipeline, span: SourceSpan)
    /// A set followed by filters: `rae since 2020`, `(papers by "X") at NeurIPS`.
    case filtered(SetExpression, Filter)
    case invalid(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .papers(let keyword, let filter):
            filter.map { keyword.union($0.span) } ?? keyword
        case .authors(let keyword, let of), .venues(let keyword, let of):
            of.map { keyword.union($0.span) } ?? keyword
        case .authorsNamed(let keyword, let name, _):
            keyword.union(name.span)
        case .coauthors(let keyword, let of, let within):
            keyword.union(within?.span ?? of.span)
        case .path(let keyword, _, let to):
            keyword.union(to.span)
        case .profile(let keyword, let of):
            keyword.union(of.span)
        case .variable(let name):
            name.span
        case .parenthesized(_, let span):
            span
        case .filtered(let base, let filter):
            base.span.union(filter.span)
        case .invalid(let span):
            span
        }
    }
}

/// Who a filter or a traversal is about: names, or a set of authors.
public indirect enum AuthorReference: Sendable {
    /// `"Jack Rae"` (tolerant) or `exactly "Scott E. Reed"` (strict).
    case name(Literal, exactly: Bool, span: SourceSpan)
    /// `"A" and "B"`: every one of them.
    case all([AuthorReference])
    /// `"A" or "B"`: any of them.
    case any([AuthorReference])
    /// A variable or a parenthesized set of authors.
    case set(SetExpression)

    public var span: SourceSpan {
        switch self {
        case .name(_, _, let span): span
        case .all(let parts), .any(let parts): parts.dropFirst().reduce(parts[0].span) { $0.union($1.span) }
        case .set(let expression): expression.span
        }
    }
}
