/// How a checked query will be evaluated: which indexes answer which part, in which order.
/// `:explain` shows this tree.
public struct QueryPlan: Sendable {
    public let source: SourcePlan
    public let stages: [CheckedStage]
    public let kind: ResultKind
}

/// Where a pipeline's rows come from.
public indirect enum SourcePlan: Sendable {
    case papers(PaperPlan)
    case authorsOf(PaperPlan?)
    /// The people a name means (`authors named`), as the checker resolved them.
    case authorsNamed(ResolvedAuthorName)
    case venuesOf(PaperPlan?)
    case coauthors(AuthorPlan, within: Int?)
    case path(AuthorPlan, AuthorPlan)
    /// A researcher's page (`profile`).
    case profile(AuthorPlan)
    case variable(String, ResultKind)
    case nested(QueryPlan)
}

/// A plan that yields a set of papers.
public indirect enum PaperPlan: Sendable {
    case all
    /// The papers of a `let` name.
    case variable(String)
    case nested(QueryPlan)
    /// Papers numbered in year order make a year range one contiguous id range.
    case years(YearRange)
    /// Papers by any of the authors (author → papers lists).
    case authors(AuthorPlan)
    /// Papers with any of the values of a facet (value → papers lists).
    case facet(FacetKind, [UInt32], label: String)
    /// Papers containing every word (word → papers lists, intersected shortest first).
    case words([UInt32], label: String)
    case explicit([UInt32], label: String)
    case intersect([PaperPlan])
    case union([PaperPlan])
    case subtract(PaperPlan, PaperPlan)
    /// Papers of the input that pass every test, checked one by one.
    case scan(PaperPlan, [RowPredicate])
    /// Papers of the input whose title or abstract has the words next to each other.
    case phrase(PaperPlan, [String])
    case empty(label: String)
}

public enum FacetKind: String, Sendable {
    case venue
    case category
    case institution
}

/// A plan that yields a set of authors.
public indirect enum AuthorPlan: Sendable {
    case named(ResolvedAuthorName)
    case union([AuthorPlan])
    case query(QueryPlan)
    case variable(String)
}
