/// A condition on papers, written after `papers` or after a set of papers.
public indirect enum Filter: Sendable {
    /// Every one of the filters (written with `and`, or side by side).
    case and([Filter])
    /// Any of the filters.
    case or([Filter])
    case not(Filter, keyword: SourceSpan)
    /// `( FILTER )`
    case group(Filter, span: SourceSpan)
    /// `by AUTHORS`
    case by(AuthorReference, keyword: SourceSpan)
    /// `at VENUE`
    case at(Literal, keyword: SourceSpan)
    /// `since`, `before`, `until`, `in` a year, or `between` two.
    case years(YearBound, keyword: SourceSpan, span: SourceSpan)
    /// `in category NAME`
    case category(Literal, keyword: SourceSpan)
    /// `from INSTITUTION`
    case institution(Literal, keyword: SourceSpan)
    /// `matching "words"`
    case matching(Literal, keyword: SourceSpan)
    /// `titled "Title"`
    case titled(Literal, keyword: SourceSpan)
    /// `FIELD OP VALUE`, after `where` or on its own.
    case comparison(field: Name, op: ComparisonOperator, opSpan: SourceSpan, value: Literal)
    case invalid(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .and(let parts), .or(let parts): parts.dropFirst().reduce(parts[0].span) { $0.union($1.span) }
        case .not(let inner, let keyword): keyword.union(inner.span)
        case .group(_, let span): span
        case .by(let reference, let keyword): keyword.union(reference.span)
        case .at(let value, let keyword), .category(let value, let keyword), .institution(let value, let keyword),
            .matching(let value, let keyword), .titled(let value, let keyword):
            keyword.union(value.span)
        case .years(_, _, let span): span
        case .comparison(let field, _, _, let value): field.span.union(value.span)
        case .invalid(let span): span
        }
    }
}

/// A year condition, with the literal years as written.
public enum YearBound: Sendable, Equatable {
    case since(Literal)
    case before(Literal)
    case until(Literal)
    case during(Literal)
    case between(Literal, Literal)
}
