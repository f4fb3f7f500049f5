/// The syntax tree of a whole script: statements in order.
public struct Script: Sendable {
    public let statements: [Statement]
}

/// One statement, ended by a newline or `;`.
public enum Statement: Sendable {
    /// `let NAME = PIPELINE`
    case binding(name: Name, value: Pipeline, span: SourceSpan)
    case query(Pipeline)
    /// A statement the parser could not read; its errors are already reported.
    case invalid(SourceSpan)

    public var span: SourceSpan {
        switch self {
        case .binding(_, _, let span): span
        case .query(let pipeline): pipeline.span
        case .invalid(let span): span
        }
    }
}

/// An identifier or bare word, with where it was written.
public struct Name: Sendable, Equatable {
    public let text: String
    public let span: SourceSpan
}

/// A string, identifier or number used as a value, with where it was written.
public struct Literal: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case string
        case word
        case integer(Int)
    }

    public let kind: Kind
    public let text: String
    public let span: SourceSpan
}
