/// A set expression followed by `| stage` steps.
public struct Pipeline: Sendable {
    public let source: SetExpression
    public let stages: [Stage]
    public let span: SourceSpan
}

/// One step after a `|`.
public enum Stage: Sendable {
    /// `count` or `count by FIELD`
    case count(by: Name?, span: SourceSpan)
    /// `sort by FIELD [asc|desc], …`
    case sort(keys: [SortKey], span: SourceSpan)
    /// `limit N`
    case limit(Int, span: SourceSpan)
    /// `show FIELD, …`
    case show(fields: [Name], span: SourceSpan)
    case invalid(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .count(_, let span), .sort(_, let span), .limit(_, let span), .show(_, let span): span
        case .invalid(let span): span
        }
    }
}

public struct SortKey: Sendable {
    public let field: Name
    /// `nil` when neither `asc` nor `desc` was written: the field's natural direction.
    public let descending: Bool?
}
