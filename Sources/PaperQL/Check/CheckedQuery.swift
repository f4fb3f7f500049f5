/// A statement whose names are resolved to graph ids and whose kinds are known.
public struct CheckedStatement: Sendable {
    /// `let NAME = …` binds; otherwise nil.
    public let binding: String?
    public let pipeline: CheckedPipeline
    public let span: SourceSpan
}

public struct CheckedPipeline: Sendable {
    public let source: CheckedSet
    public let stages: [CheckedStage]
    /// The kind of the value after all stages.
    public let kind: ResultKind
}

/// A set with every name resolved.
public indirect enum CheckedSet: Sendable {
    /// Papers from a base, kept when they pass a filter.
    case papers(base: PaperBase, filter: CheckedFilter?)
    /// Authors of papers (every author when nil), with their paper counts in that set.
    case authors(of: CheckedPipeline?)
    case venues(of: CheckedPipeline?)
    case coauthors(of: AuthorSelection, within: Int?)
    case path(from: AuthorSelection, to: AuthorSelection)
    /// A `let` name whose value is not papers, or a parenthesized query.
    case variable(String, ResultKind)
    case nested(CheckedPipeline)
}

/// Where a paper set starts before its filters.
public indirect enum PaperBase: Sendable {
    case all
    case variable(String)
    case nested(CheckedPipeline)
}

/// Authors chosen by name or by a query.
public indirect enum AuthorSelection: Sendable {
    case named(ResolvedAuthorName)
    /// Every one of them (in `by`).
    case all([AuthorSelection])
    /// Any of them.
    case any([AuthorSelection])
    /// A query whose value is a set of authors.
    case query(CheckedPipeline)
    case variable(String)
}

/// A typed author name and the authors it matched.
public struct ResolvedAuthorName: Sendable {
    public let typed: String
    public let exactly: Bool
    public let span: SourceSpan
    public let authors: [AuthorID]
}

/// A paper filter over graph ids.
public indirect enum CheckedFilter: Sendable {
    case and([CheckedFilter])
    case or([CheckedFilter])
    case not(CheckedFilter)
    case authoredBy(AuthorSelection)
    case venue([UInt32], label: String)
    case category([UInt32], label: String)
    case institution([UInt32], label: String)
    /// Inclusive year bounds.
    case years(ClosedRange<Int>)
    /// Papers containing every word; `phrase` when the words must be adjacent, in order.
    case words([UInt32], phrase: [String]?, label: String)
    case papers([UInt32], label: String)
    /// A test on each candidate paper.
    case predicate(RowPredicate)
    /// Matches nothing (an unknown word; the checker has warned).
    case nothing(label: String)
}

/// A condition tested paper by paper.
public enum RowPredicate: Sendable {
    case textContains(Field, String)
    case textEquals(Field, String)
    case type(Set<PaperType>)
    case date(ComparisonOperator, String)

    var label: String {
        switch self {
        case .textContains(let field, let text): "\(field.rawValue) ~ \"\(text)\""
        case .textEquals(let field, let text): "\(field.rawValue) = \"\(text)\""
        case .type(let types): "type in \(types.map(\.rawValue).sorted().joined(separator: ", "))"
        case .date(let op, let text): "date \(op.rawValue) \"\(text)\""
        }
    }
}

/// A checked pipeline stage.
public enum CheckedStage: Sendable {
    case count
    case countBy(Field)
    case sort([(field: Field, descending: Bool)])
    case limit(Int)
    case show([Field])
}
