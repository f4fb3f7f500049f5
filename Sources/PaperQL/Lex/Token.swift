/// A lexical token. Every token carries the span of the text it came from.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Hashable {
        case keyword(Keyword)
        case identifier
        /// A quoted string; `value` holds its decoded contents.
        case string
        case integer
        case comparison(ComparisonOperator)
        case pipe
        case comma
        case semicolon
        case leftParen
        case rightParen
        case newline
        case endOfInput
        /// Text the lexer could not read; it has already reported why.
        case invalid
    }

    public let kind: Kind
    public let span: SourceSpan
    /// The decoded value: the text of an identifier, the contents of a string, the digits of a number.
    public let value: String

    public init(kind: Kind, span: SourceSpan, value: String) {
        self.kind = kind
        self.span = span
        self.value = value
    }

    public var keyword: Keyword? {
        if case .keyword(let keyword) = kind { return keyword }
        return nil
    }
}

/// `=`, `!=`, `<`, `<=`, `>`, `>=`, and `~` (contains).
public enum ComparisonOperator: String, Sendable, CaseIterable {
    case equal = "="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case contains = "~"
}
